"""Times in every admin download (Wagtail's reports, listings and our own) in the site's time zone.

Wagtail writes them in UTC: a CSV cell as the UTC value, an Excel cell as UTC without its zone.
Its exports all read their conversions from SpreadsheetExportMixin.custom_value_preprocess, so
the site's conversion goes there once.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.views.mixins import SpreadsheetExportMixin


def local_text(value):
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def local_naive(value):
    # Excel has no time zones: the cell holds the time as read in Oslo.
    return value if timezone.is_naive(value) else timezone.make_naive(value)


def use_local_times():
    SpreadsheetExportMixin.custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_CSV: local_text,
            SpreadsheetExportMixin.FORMAT_XLSX: local_naive,
        },
    }
