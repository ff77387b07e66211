import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from languagereport import report


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
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="malform.csv"'
    # A byte order mark, so that Excel reads æ, ø and å right.
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Målform"), _("Tittel"), _("Adresse"), _("Ord")])
    for standard in result.standards:
        for page, words in standard.pages:
            writer.writerow([standard.label, _safe_cell(page.title), page.full_url, words])
    return response


def _safe_cell(text):
    # A title that starts like a formula would run as one in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
