"""Checks the links of every live page and keeps what is broken, with the time it was first
found. Run by `manage.py check_links` on a schedule, never while serving a request."""

import http.client
import socket
import threading
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from linkcheck.links import links_of_page
from linkcheck.models import BrokenLink, CheckRun, Kind

TIMEOUT_SECONDS = 5
WORKERS = 4
# No more than this many requests at a time to one host, however many links lead there.
PER_HOST = 2
# From a GET, enough to know the server answers; not the whole file.
READ_BYTES = 1024
SKIPPED_SCHEMES = ("mailto", "tel", "sms", "javascript", "data")


@dataclass
class Summary:
    pages: int
    links: int
    broken: int


def user_agent():
    return getattr(
        settings,
        "LINKCHECK_USER_AGENT",
        f"InnovasjonLenkesjekk/1.0 (+{settings.WAGTAILADMIN_BASE_URL})",
    )


def run(*, timeout=TIMEOUT_SECONDS, workers=WORKERS, external=True):
    pages = list(Page.objects.live().filter(depth__gt=1).specific())
    links = {page.pk: links_of_page(page) for page in pages}
    by_page = {page.pk: page for page in pages}
    hosts = _own_hosts()
    checks = {}
    urls = set()
    for page_links in links.values():
        for link in page_links:
            if link.kind == Kind.URL:
                address = _address_kind(link.target, hosts)
                if address == "external":
                    urls.add(link.target)
                elif address == "internal":
                    checks[(link.kind, link.target)] = _check_path(link.target, hosts)
                elif address == "invalid":
                    checks[(link.kind, link.target)] = _("Ugyldig adresse")
            elif (link.kind, link.target) not in checks:
                checks[(link.kind, link.target)] = _check_object(link.kind, link.target)
    if external:
        checks.update(
            (("adresse", url), reason)
            for url, reason in check_urls(sorted(urls), timeout=timeout, workers=workers).items()
        )
    now = timezone.now()
    broken = {
        (page_id, link.kind, link.target): link
        for page_id, page_links in links.items()
        for link in page_links
        if checks.get((link.kind, link.target))
    }
    _store(broken, checks, by_page, now, external=external)
    summary = Summary(
        pages=len(pages),
        links=sum(len(page_links) for page_links in links.values()),
        broken=BrokenLink.objects.count(),
    )
    CheckRun.objects.create(
        pages=summary.pages, links=summary.links, broken=summary.broken, external=external
    )
    return summary


@transaction.atomic
def _store(broken, checks, pages, now, *, external):
    existing = {(row.page_id, row.kind, row.target): row for row in BrokenLink.objects.all()}
    hosts = _own_hosts()
    for key, row in existing.items():
        # Without the external check, what it found last time stands until it runs again.
        unchecked = not external and _address_kind(row.target, hosts) == "external"
        if key not in broken and not (unchecked and row.page_id in pages):
            row.delete()
    for key, link in broken.items():
        reason = checks[(link.kind, link.target)]
        row = existing.get(key)
        if row is None:
            BrokenLink.objects.create(
                page=pages[key[0]],
                kind=link.kind,
                target=link.target[:2000],
                text=link.text,
                place=link.place[:255],
                reason=reason,
                first_seen=now,
                last_checked=now,
            )
        else:
            row.reason, row.text, row.place, row.last_checked = (
                reason,
                link.text,
                link.place[:255],
                now,
            )
            row.save(update_fields=["reason", "text", "place", "last_checked"])


def _check_object(kind, target):
    """The reason an internal link is broken, or None."""
    if not target.isdigit():
        return _("Ugyldig lenke")
    if kind == Kind.PAGE:
        page = Page.objects.filter(pk=target).only("live").first()
        if page is None:
            return _("Siden finnes ikke lenger")
        return None if page.live else _("Siden er ikke publisert")
    model = get_document_model() if kind == Kind.DOCUMENT else get_image_model()
    item = model.objects.filter(pk=target).first()
    if item is None:
        return _("Dokumentet finnes ikke") if kind == Kind.DOCUMENT else _("Bildet finnes ikke")
    if not item.file or not item.file.storage.exists(item.file.name):
        return _("Filen mangler")
    return None


def _own_hosts():
    return {site.hostname.lower() for site in Site.objects.all()}


def _address_kind(url, own_hosts):
    """'external', 'internal' (a path on this site), 'invalid' or 'skip' (mailto:, #anchor)."""
    url = url.strip()
    if not url or url.startswith("#"):
        return "skip"
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
        parts.port  # noqa: B018 - raises on a port that is no number
    except ValueError:
        return "invalid"
    if parts.scheme in SKIPPED_SCHEMES:
        return "skip"
    if not parts.scheme and not parts.netloc:
        return "internal" if url.startswith("/") else "skip"
    if parts.scheme not in ("http", "https") or not hostname:
        return "invalid"
    return "internal" if hostname.lower() in own_hosts else "external"


def _check_path(url, own_hosts):
    """A link to this site's own address is asked of the site itself, not over the network."""
    parts = urlsplit(url)
    host = parts.hostname or next(iter(own_hosts), "localhost")
    response = Client(SERVER_NAME=host).get(
        parts.path or "/", secure=parts.scheme != "http", follow=True
    )
    if response.status_code >= 400:
        return _("HTTP %(status)s") % {"status": response.status_code}
    return None


def check_urls(urls, *, timeout=TIMEOUT_SECONDS, workers=WORKERS):
    """{url: reason} for each external URL, reason None where it works."""
    limits = defaultdict(lambda: threading.Semaphore(PER_HOST))
    lock = threading.Lock()

    def limited(url):
        with lock:
            semaphore = limits[(urlsplit(url).hostname or "").lower()]
        with semaphore:
            return fetch(url, timeout=timeout)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return dict(zip(urls, pool.map(limited, urls), strict=True))


def fetch(url, *, timeout=TIMEOUT_SECONDS):
    """None where the URL answers, else why not. HEAD first, as it costs the server least;
    GET where HEAD fails, as many servers refuse or mishandle HEAD."""
    reason = _request(url, "HEAD", timeout)
    if reason is None:
        return None
    return _request(url, "GET", timeout)


class _RedirectKeepingHead(urllib.request.HTTPRedirectHandler):
    """urllib follows a redirect with GET whatever the method; a HEAD stays a HEAD."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        request = super().redirect_request(req, fp, code, msg, headers, newurl)
        if request is not None and req.get_method() == "HEAD":
            request.method = "HEAD"
        return request


def _request(url, method, timeout):
    request = urllib.request.Request(
        url, method=method, headers={"User-Agent": user_agent(), "Accept": "*/*"}
    )
    try:
        opener = urllib.request.build_opener(_RedirectKeepingHead)
        with opener.open(request, timeout=timeout) as response:
            if method == "GET":
                response.read(READ_BYTES)
        return None
    except urllib.error.HTTPError as error:
        return _("HTTP %(status)s") % {"status": error.code}
    except urllib.error.URLError as error:
        if isinstance(error.reason, (TimeoutError, socket.timeout)):
            return _("Tidsavbrudd")
        return _("Svarer ikke")
    except TimeoutError:
        return _("Tidsavbrudd")
    except (http.client.HTTPException, OSError, ValueError):
        return _("Svarer ikke")
