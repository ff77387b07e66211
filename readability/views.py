from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from pages.exports import csv_response
from pages.readability import BANDS
from readability import report


def readability_report(request):
    rows = report.rows()
    if request.GET.get("eksport") == "csv":
        return _as_csv(rows)
    return render(
        request,
        "readability/report.html",
        {"rows": rows, "bands": list(reversed(BANDS))},
    )


def _as_csv(rows):
    return csv_response(
        "lesbarhet.csv",
        [_("Tittel"), _("Adresse"), _("LIX"), _("Nivå"), _("Ord"), _("Setninger"), _("Lange ord")],
        (
            [
                page.title,
                page.full_url,
                "" if lix.value is None else number_format(round(lix.value, 1), 1),
                lix.band or "",
                lix.words,
                lix.sentences,
                lix.long_words,
            ]
            for page, lix in rows
        ),
    )
