"""Answers the health checks before host validation and the HTTPS redirect, so that the
Docker HEALTHCHECK and load balancers, which call 127.0.0.1 over plain HTTP, get a real answer."""

from core.health import CHECKS, health_check


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        check = CHECKS.get(request.path)
        if check is not None:
            return health_check(request, check)
        return self.get_response(request)


class HeadWithoutBodyMiddleware:
    """A HEAD response carries GET's headers, Content-Length included (RFC 9110, 9.3.2), and no
    body. gunicorn writes whatever body the app returns, and on a kept-alive connection those
    bytes are read as the start of the next response. runserver and Django's test client drop
    the body themselves, which is why only production showed it. Outside every middleware that
    makes a body, and outside CommonMiddleware, which sets Content-Length from the body."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD":
            if response.streaming:
                # Also drops a FileResponse's file, so gunicorn cannot sendfile() it.
                response.streaming_content = []
            else:
                response.content = b""
        return response
