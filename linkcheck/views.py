"""Reports → Brutte lenker: what the last `check_links` found, per page. Reads stored results
only; checking is the command's job."""

import datetime

from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from linkcheck.models import BrokenLink, CheckRun
from pages.exports import csv_response

# The command runs daily; older than this, the report says it has stopped.
STALE_AFTER = datetime.timedelta(days=2)


def report(request):
    rows = BrokenLink.objects.select_related("page").order_by("page__path", "first_seen")
    if request.GET.get("eksport") == "csv":
        return csv_response(
            "brutte-lenker.csv",
            [
                _("Side"),
                _("Adresse"),
                _("Lenke"),
                _("Lenketekst"),
                _("Type"),
                _("Feil"),
                _("Brutt siden"),
            ],
            (
                [
                    row.page.title,
                    row.page.full_url,
                    row.target,
                    row.text,
                    row.get_kind_display(),
                    row.reason,
                    date_format(timezone.localtime(row.first_seen), "SHORT_DATETIME_FORMAT"),
                ]
                for row in rows
            ),
        )
    last_run = CheckRun.objects.first()
    return render(
        request,
        "linkcheck/report.html",
        {
            "rows": rows,
            "last_run": last_run,
            "stale": last_run is not None and timezone.now() - last_run.finished_at > STALE_AFTER,
        },
    )
