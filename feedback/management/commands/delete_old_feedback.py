"""What the privacy page promises about feedback, enforced: answers and comments older than
RETENTION are deleted, and so are the expired rows of the security counters, where the throttle
keeps the keyed hash of a reader's address. The database cache deletes expired rows only once
it holds more than MAX_ENTRIES (ten million), so without this they would stay. Run by the
scheduler (docker-compose.yml)."""

from django.conf import settings
from django.core.cache import caches
from django.core.management.base import BaseCommand
from django.db import connections, router
from django.utils import timezone

from feedback.models import RETENTION, Answer


class Command(BaseCommand):
    help = "Sletter tilbakemeldinger eldre enn ett år og utløpte tellere for svarbegrensningen."

    def handle(self, *args, **options):
        answers, _ = Answer.objects.filter(created_at__lt=timezone.now() - RETENTION).delete()
        counters = _delete_expired_counters()
        self.stdout.write(f"Slettet {answers} tilbakemeldinger og {counters} utløpte tellere.")


def _delete_expired_counters():
    """As DatabaseCache's own cull does it, without waiting for the table to fill."""
    cache = caches["counters"]
    connection = connections[router.db_for_write(cache.cache_model_class)]
    table = connection.ops.quote_name(settings.CACHES["counters"]["LOCATION"])
    expires = connection.ops.quote_name("expires")
    now = timezone.now().replace(microsecond=0)
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {table} WHERE {expires} < %s",
            [connection.ops.adapt_datetimefield_value(now)],
        )
        return cursor.rowcount
