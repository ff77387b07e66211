"""What a feedback comment holds before it is stored: clean text, personal details masked
(core/masking.py)."""

import re

from core.masking import mask

__all__ = ["clean", "mask"]

# What a text field should hold: no control characters but line breaks and tabs.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(text):
    """Control characters out, Windows line breaks as plain ones, no space at the ends."""
    return CONTROL.sub("", text.replace("\r\n", "\n")).strip()
