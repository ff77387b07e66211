"""Marks the defined term inside its definition, so the term is read once."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def with_defined_term(definition, term):
    """The definition with the term's first occurrence in <dfn>; without one, the term leads."""
    start = definition.lower().find(term.lower()) if term else -1
    if start < 0:
        return format_html("<dfn>{}</dfn>: {}", term, definition) if term else definition
    end = start + len(term)
    return format_html(
        "{}<dfn>{}</dfn>{}", definition[:start], definition[start:end], definition[end:]
    )
