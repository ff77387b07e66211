"""Page weight as a server sends it: text gzipped at level 9, already compressed formats as they
are. Shared by the browser audit (bytes the browser received) and tests/test_page_weight.py
(files the HTML and CSS reference)."""

import gzip

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")


def wire_bytes(body, content_type):
    """What `body` costs on the wire; gzip never makes a response bigger, the server sends the
    smaller of the two."""
    if content_type.startswith(COMPRESSIBLE):
        return min(len(body), len(gzip.compress(body, compresslevel=9)))
    return len(body)
