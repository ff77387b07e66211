"""How a document link tells the reader what they are about to download."""

from django.utils.cache import patch_cache_control
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from wagtail.documents.views import serve


def human_file_size(size):
    """Norwegian style: "340 kB", "1,2 MB"."""
    if size is None:
        return ""
    if size < 1000 * 1000:
        return _("%(size)s kB") % {"size": max(1, round(size / 1000))}
    return _("%(size)s MB") % {"size": number_format(size / 1000 / 1000, decimal_pos=1)}


def document_meta(document):
    """The type and size of a document, e.g. "PDF, 1,2 MB"."""
    file_type = (document.file_extension or "").upper() or _("Fil")
    size = document.get_file_size()
    return f"{file_type}, {human_file_size(size)}" if size else file_type


def serve_document(request, document_id, document_filename):
    """Wagtail's document view, kept out of every shared cache: a document's collection can
    become private at any time, and a CDN's copy would outlive that. Browsers revalidate with
    the ETag, so a repeat download still costs no transfer."""
    response = serve.serve(request, document_id, document_filename)
    patch_cache_control(response, private=True, no_cache=True)
    return response
