from django.shortcuts import render
from django.utils.translation import gettext as _

from languagereport import report
from pages.exports import csv_response


def written_standards(request):
    result = report.build()
    if request.GET.get("eksport") == "csv":
        return _as_csv(result)
    return render(
        request,
        "languagereport/report.html",
        {
            "report": result,
            "rows": list(result.rows()),
            "minimum": report.MINIMUM_SHARE,
            "translations": report.translations(),
        },
    )


def _as_csv(result):
    return csv_response(
        "malform.csv",
        [_("Målform"), _("Tittel"), _("Adresse"), _("Ord")],
        (
            [standard.label, page.title, page.full_url, words]
            for standard in result.standards
            for page, words in standard.pages
        ),
    )
