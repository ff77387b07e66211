"""`make run`: the default Site takes the address in WAGTAILADMIN_BASE_URL, which development
settings build from PORT. Canonical links, permalinks and the sitemap are built from the Site,
so `PORT=9000 make run` on a database made under port 8000 would otherwise link to :8000.

Refuses unless DEBUG is on: in production the Site's address is the editors' to set."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Gir standardnettstedet adressen i WAGTAILADMIN_BASE_URL (porten `make run` bruker). "
        "Virker bare med DEBUG på."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Adressen settes slik bare i utvikling (DEBUG=true).")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            return
        base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        hostname = base_url.hostname or "localhost"
        port = base_url.port or (443 if base_url.scheme == "https" else 80)
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save()
            self.stdout.write(f"Nettstedet har nå adressen {site.root_url}.")
