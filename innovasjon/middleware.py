"""Answers the health checks before host validation and the HTTPS redirect, so that the
Docker HEALTHCHECK and load balancers, which call 127.0.0.1 over plain HTTP, get a real answer."""

from innovasjon.health import CHECKS, health_check


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        check = CHECKS.get(request.path)
        if check is not None:
            return health_check(request, check)
        return self.get_response(request)
