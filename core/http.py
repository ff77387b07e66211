"""HTTP helpers shared by the apps' views, with Norwegian pages instead of Django's empty ones."""

import ipaddress
from functools import wraps

from django.conf import settings
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


# An IPv6 client usually holds a whole /64: counting single addresses would let it try forever.
IPV6_CLIENT_PREFIX = 64


def _address(text):
    """An IP address from a forwarded hop, which some load balancers write with a port."""
    text = text.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _is_trusted(address, proxies):
    return any(address in network for network in proxies)


def client_ip(request):
    """The client's address: the right-most X-Forwarded-For hop that is not one of our proxies.

    Every proxy appends the address it received the request from, so only the hops our own
    proxies added (TRUSTED_PROXIES: nginx, and the load balancer if there is one) can be
    believed; anything further left was written by the client and is ignored. An IPv6 client
    counts as its /64."""
    proxies = [ipaddress.ip_network(p, strict=False) for p in settings.TRUSTED_PROXIES]
    remote = request.META.get("REMOTE_ADDR", "")
    # gunicorn on a unix socket reports no address: only nginx, on this machine, can connect.
    current = _address(remote) if remote else None
    if remote and current is None:
        return None
    hops = [h for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    while current is None or _is_trusted(current, proxies):
        if not hops:
            break
        previous = _address(hops.pop())
        if previous is None:
            # A trusted proxy passed on something that is no address: keep its own.
            break
        current = previous
    if current is None:
        return None
    if current.version == 6:
        network = ipaddress.ip_network(f"{current}/{IPV6_CLIENT_PREFIX}", strict=False)
        return str(network.network_address)
    return str(current)
