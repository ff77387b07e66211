"""Reports → Tilbakemeldinger: per page, how many answered and the share who found it useful,
and what those who did not said they missed."""

from django.db.models import Count, Max, Q
from django.shortcuts import get_object_or_404, render
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from wagtail.models import Page

from feedback.models import Answer
from pages.exports import csv_response

COMMENTS_SHOWN = 200


def rows():
    """One row per page that has answers, most answers first."""
    counts = (
        Answer.objects.values("page")
        .annotate(
            answers=Count("pk"),
            yes=Count("pk", filter=Q(helpful=True)),
            comments=Count("pk", filter=~Q(comment="")),
            latest=Max("created_at"),
        )
        .order_by("-answers", "page")
    )
    pages = Page.objects.in_bulk([row["page"] for row in counts])
    return [
        {**row, "page": pages[row["page"]], "share_yes": 100 * row["yes"] / row["answers"]}
        for row in counts
        if row["page"] in pages
    ]


def report(request):
    table = rows()
    if request.GET.get("eksport") == "csv":
        return csv_response(
            "tilbakemeldinger.csv",
            [
                _("Side"),
                _("Adresse"),
                _("Svar"),
                _("Ja"),
                _("Andel ja (%)"),
                _("Kommentarer"),
                _("Siste svar"),
            ],
            (
                [
                    row["page"].title,
                    row["page"].full_url,
                    row["answers"],
                    row["yes"],
                    number_format(round(row["share_yes"], 1), 1),
                    row["comments"],
                    date_format(row["latest"], "SHORT_DATETIME_FORMAT"),
                ]
                for row in table
            ),
        )
    return render(request, "feedback/report.html", {"rows": table})


def page_comments(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    comments = Answer.objects.filter(page=page).exclude(comment="")[:COMMENTS_SHOWN]
    if request.GET.get("eksport") == "csv":
        return csv_response(
            f"tilbakemeldinger-{page.pk}.csv",
            [_("Tidspunkt"), _("Hva manglet")],
            ([date_format(c.created_at, "SHORT_DATETIME_FORMAT"), c.comment] for c in comments),
        )
    return render(request, "feedback/page_comments.html", {"page": page, "comments": comments})
