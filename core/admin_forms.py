"""Wagtail's login form, with the label Wagtail leaves out."""

from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Without a label Django makes one from the field's name, in English: "Password".
        self.fields["password"].label = gettext_lazy("Password")
