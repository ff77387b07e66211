"""Page numbers from the query string and Designsystemet's pagination, for every paged list."""

import re

from django.core.paginator import Paginator

PAGE_PARAM = "side"
_PAGE_NUMBER = re.compile(r"[0-9]+")
# A page number longer than this is a valid number far past the last page.
_MAX_PAGE_DIGITS = 9


def parse_page_number(value):
    """The requested page number, or None if it is not a whole number of at least 1.

    A blank or missing value is page 1. Absurdly long numbers stay valid but land past the end.
    """
    value = (value or "").strip()
    if not value:
        return 1
    if not _PAGE_NUMBER.fullmatch(value):
        return None
    if len(value) > _MAX_PAGE_DIGITS:
        return 10**_MAX_PAGE_DIGITS
    number = int(value)
    return number if number >= 1 else None


def pagination(page, url_for):
    """What templates/components/pagination.html draws for a Django Page, or None for one page.
    `url_for(number)` gives the address of a page number."""
    paginator = page.paginator
    if paginator.num_pages <= 1:
        return None
    return {
        "previous": url_for(page.number - 1) if page.has_previous() else None,
        "next": url_for(page.number + 1) if page.has_next() else None,
        # One page on each side of the current one and one at each end: 1 … 5 6 7 … 12.
        # None is the ellipsis, which Designsystemet draws in an empty list item.
        "pages": [
            None
            if number == Paginator.ELLIPSIS
            else {"number": number, "url": url_for(number), "current": number == page.number}
            for number in paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
        ],
    }
