"""Uploaded images under /media/. Documents live in the same folder but are served only by
/dokumenter/, which enforces their collection's privacy, so nothing else may leave it here."""

from django.conf import settings
from django.http import Http404
from django.views.static import serve

IMAGE_FOLDERS = {"images", "original_images"}
# NAME_MAX on Linux and macOS, and far beyond any rendition path under MEDIA_ROOT.
MAX_NAME_BYTES = 255
MAX_PATH_BYTES = 1024


def is_image_path(path):
    """`path` is already percent-decoded by the URL resolver (`..%2f` arrives as `../`), so the
    check runs on what the file system will see. Every segment must be a plain name: no `..`,
    `.` or empty segment, which also makes the path normalised and relative."""
    if "\\" in path or "\x00" in path:
        return False
    segments = path.split("/")
    if any(segment in {"", ".", ".."} for segment in segments):
        return False
    # A name longer than the file system allows is no file of ours; looking it up would raise.
    if len(path.encode()) > MAX_PATH_BYTES:
        return False
    if any(len(segment.encode()) > MAX_NAME_BYTES for segment in segments):
        return False
    return segments[0] in IMAGE_FOLDERS and len(segments) > 1


def serve_image(request, path):
    if not is_image_path(path):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
