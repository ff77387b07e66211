"""Labels for the admin form fields that Wagtail 8.0 leaves without one: Django then makes the
label from the field's name, in English ("Link text", "Email address"), which no catalogue can
translate. Listed for upstream in docs/translations.md."""

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
