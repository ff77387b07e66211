"""«Søk uten treff»: a daily count per normalised query that found nothing, for editors to see
which words readers use that the site does not (and which synonyms to add).

Nothing about the reader is kept: no address, no cookie, no user, no time of day; e-mail
addresses, identity and phone numbers are masked as in feedback comments, and every other digit
too. Rows are deleted after RETENTION_DAYS, by the first count of each day in each process.
"""

import datetime
import logging
import re

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Case, CharField, Max, Sum, Value, When
from django.utils import timezone

from core.masking import mask
from search.models import ZeroHitSearch

RETENTION_DAYS = 90
# The report shows a query seen this often in the retention period, not one typed once or twice.
MIN_COUNT = 3
_DIGIT = re.compile(r"\d")
logger = logging.getLogger(__name__)

_COUNT_ONE = """
INSERT INTO {table} (day, language, query, count) VALUES (%s, %s, %s, 1)
ON CONFLICT (day, language, query) DO UPDATE SET count = {table}.count + 1
"""


def normalise(query):
    """The query as it is counted: personal details masked, digits as #, lower case, one space
    between words."""
    masked = _DIGIT.sub("#", mask(query))
    return " ".join(masked.lower().split())[: ZeroHitSearch._meta.get_field("query").max_length]


# The day this process last deleted old counts: once a day is enough, not on every search.
_purged_on = None


def record(query, language_code):
    """Counts a search without hits, and, the first time each day in this process, deletes
    counts past the retention period. A failure here never fails the search."""
    global _purged_on
    today = timezone.localdate()
    table = connection.ops.quote_name(ZeroHitSearch._meta.db_table)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(_COUNT_ONE.format(table=table), [today, language_code, normalise(query)])
            if _purged_on != today:
                ZeroHitSearch.objects.filter(
                    day__lt=today - datetime.timedelta(days=RETENTION_DAYS)
                ).delete()
                _purged_on = today
    except DatabaseError:
        if not connection.is_usable():
            raise
        logger.warning("A search without hits could not be counted.")


def report():
    """Queries seen at least MIN_COUNT times in the retention period, the most seen first."""
    since = timezone.localdate() - datetime.timedelta(days=RETENTION_DAYS)
    return (
        ZeroHitSearch.objects.filter(day__gte=since)
        .values("query", "language")
        .annotate(
            searches=Sum("count"),
            last_seen=Max("day"),
            language_name=Case(
                *(When(language=code, then=Value(name)) for code, name in settings.LANGUAGES),
                default="language",
                output_field=CharField(),
            ),
        )
        .filter(searches__gte=MIN_COUNT)
        .order_by("-searches", "query", "language")
    )
