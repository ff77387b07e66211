"""Permanent short links and QR codes for pages."""

import segno
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

# Page ids live in a 32-bit column on PostgreSQL; larger numbers cannot name a page.
MAX_PAGE_ID = 2**31 - 1


def permalink(request, page_id):
    """/s/<id>/: follows a page through every move and rename. Temporary redirect, because
    where it points may change."""
    if page_id > MAX_PAGE_ID:
        raise Http404
    # Private pages too: the page itself asks for a login, as it would from its own URL.
    page = Page.objects.live().filter(pk=page_id, depth__gt=1).first()
    url = page.get_url(request) if page else None
    if not url:
        raise Http404
    return HttpResponseRedirect(url)


def permalink_path(page):
    return reverse("permalink", args=[page.pk])


def permalink_url(page, request=None):
    site = Site.find_for_request(request) if request else page.get_site()
    root = site.root_url if site else ""
    return f"{root}{permalink_path(page)}"


def qr_code_svg(url, label):
    """An inline SVG QR code; black on white in every colour scheme, so it always scans."""
    qr = segno.make(url, error="m")
    svg = qr.svg_inline(scale=4, border=2, dark="#000", light="#fff", omitsize=True)
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))


def share_context(page, request=None):
    url = permalink_url(page, request)
    return {
        "permalink": url,
        "qr_svg": qr_code_svg(url, _("QR-kode som lenker til %(url)s") % {"url": url}),
    }
