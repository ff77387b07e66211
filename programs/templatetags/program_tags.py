"""How a program's status looks: the Designsystemet colour is presentation, so it lives here."""

from django import template

register = template.Library()

TAG_COLORS = {"running": "info", "open": "success", "closed": "neutral", "ended": "neutral"}
ALERT_COLORS = {"open": "success", "closed": "warning", "ended": "warning"}


@register.filter
def status_color(program, kind="tag"):
    """The data-color for a program's status tag (default) or, with "alert", its notice."""
    colors = ALERT_COLORS if kind == "alert" else TAG_COLORS
    return colors.get(program.current_status, "neutral")
