"""What Wagtail 8.0 leaves unnamed in its admin, named. Form fields without a label get one that
Django makes from the field's name, in English ("Link text", "Email address"), which no catalogue
can translate; the page search names its results None ("1–7 av 7 None"). Listed for upstream in
docs/translations.md."""

import datetime

from django.utils.translation import gettext_lazy as _

LINK_CHOOSER_LABELS = {
    "link_text": _("Lenketekst"),
    "email_address": _("E-postadresse"),
    "subject": _("Emne"),
    "body": _("Tekst"),
    "phone_number": _("Telefonnummer"),
}


def label_unlabelled_admin_fields():
    from wagtail.admin.forms import choosers
    from wagtail.contrib.search_promotions.forms import SearchPromotionsFormSet

    for form in (
        choosers.ExternalLinkChooserForm,
        choosers.AnchorLinkChooserForm,
        choosers.EmailLinkChooserForm,
        choosers.PhoneLinkChooserForm,
    ):
        for name, field in form.base_fields.items():
            if name in LINK_CHOOSER_LABELS:
                field.label = LINK_CHOOSER_LABELS[name]
    SearchPromotionsFormSet.form.base_fields["external_link_text"].label = _(
        "Teksten på den eksterne lenken"
    )


def name_the_page_search_results():
    """The search view, unlike the page listing, has no model to take the name from."""
    from wagtail.admin.views.pages.search import SearchView
    from wagtail.models import Page

    SearchView.verbose_name = Page._meta.verbose_name
    SearchView.verbose_name_plural = Page._meta.verbose_name_plural


def compare_dates_as_editors_read_them():
    """Wagtail's revision comparison prints a date as Python does: "None" where there is none,
    "2026-12-22 09:00:00+00:00" where there is one. Dates read as the rest of the admin writes
    them, in Oslo time, and an empty date is empty."""
    from django.db import models
    from django.utils import timezone
    from django.utils.formats import date_format
    from wagtail.admin.compare import FieldComparison, register_comparison_class

    def shown(value):
        if value is None:
            return ""
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        return date_format(value, "DATE_FORMAT")

    class DateComparison(FieldComparison):
        def __init__(self, field, obj_a, obj_b):
            super().__init__(field, obj_a, obj_b)
            self.val_a, self.val_b = shown(self.val_a), shown(self.val_b)

    register_comparison_class(models.DateTimeField, comparison_class=DateComparison)
    register_comparison_class(models.DateField, comparison_class=DateComparison)
