"""Answers the health check before host validation and the HTTPS redirect, so that the
Docker HEALTHCHECK and load balancers, which call 127.0.0.1 over plain HTTP, get a real answer."""

from innovasjon.views import health

HEALTH_PATH = "/helse/"


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == HEALTH_PATH:
            return health(request)
        return self.get_response(request)
