"""What the admin's reports share: CSV downloads as Excel reads them, and a page type's own field
read onto Page for filtering and sorting."""

import datetime
from decimal import Decimal

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format, number_format

from pages.exports import csv_response


class CsvForExcelMixin:
    """For a Wagtail ReportView: the CSV download is written as the site's other downloads
    (semicolons, a byte order mark, no cell that runs as a formula, Norwegian dates and decimal
    commas); the Excel one is Wagtail's."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if spreadsheet_format != self.FORMAT_CSV:
            return super().as_spreadsheet(queryset, spreadsheet_format)
        return csv_response(
            f"{self.get_filename()}.csv",
            [self.get_heading(queryset, field) for field in self.list_export],
            ([csv_value(value) for value in self.to_row_dict(item).values()] for item in queryset),
        )


def csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, float | Decimal):
        return number_format(round(value, 1), 1)
    return str(value) if not isinstance(value, int) else value


def page_type_field(field, page_types, output_field):
    """The value of `field` from whichever of `page_types` a Page is, as an annotation: the field
    lives on each type's own table."""
    values = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values(field)[:1]) for model in page_types
    ]
    return values[0] if len(values) == 1 else Coalesce(*values, output_field=output_field)
