"""Personal details readers write anyway (in a feedback comment, in a search), masked before
anything of it is stored."""

import re

from django.utils.translation import gettext as _

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Fødselsnummer and D-nummer: 11 digits, often written with a space or dot after the birth date.
NATIONAL_ID = re.compile(r"(?<!\d)\d{6}[ .]?\d{5}(?!\d)")
# Norwegian numbers: 8 digits, optionally grouped (22 45 10 00, 224 51 000, 22-45-10-00) and
# after +47 or 0047.
PHONE = re.compile(r"(?<![\d+])(?:(?:\+|00)47[ .-]?)?\d(?:[ .-]?\d){7}(?!\d)")


def mask(text):
    """The text with e-mail addresses, identity numbers and phone numbers replaced; the longest
    kind first, so an identity number is not taken for a phone number with three digits over."""
    text = EMAIL.sub(_("[e-post]"), text)
    text = NATIONAL_ID.sub(_("[fødselsnummer]"), text)
    return PHONE.sub(_("[telefon]"), text)
