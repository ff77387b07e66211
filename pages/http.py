"""HTTP helpers shared by the apps' views, with Norwegian pages instead of Django's empty ones."""

from functools import wraps

from django.http import HttpResponseNotAllowed
from django.template import loader


def method_not_allowed(allowed):
    response = HttpResponseNotAllowed(allowed, loader.render_to_string("405.html"))
    response["Content-Type"] = "text/html; charset=utf-8"
    return response


def safe_methods_only(view):
    """Like Django's require_safe, with a Norwegian page instead of an empty 405."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return method_not_allowed(["GET", "HEAD"])
        return view(request, *args, **kwargs)

    return wrapper
