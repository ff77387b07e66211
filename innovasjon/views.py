"""Views that are not content types: health check and error pages."""

from django.db import connection
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.cache import never_cache


@never_cache
def health(request):
    """For load balancers and the Docker HEALTHCHECK: the app answers and reaches its database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return HttpResponseServerError("database unavailable", content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def server_error(request):
    """Renders without a request context, so it works when the database is down."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render())
