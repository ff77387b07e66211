"""The admin's protections around signing in: the answer to a locked-out login (django-axes), a
throttle on password-reset requests, whose mail goes out after the answer, and a session that
ends after a working day however busy the editor is. Who the client is behind our proxies:
core.http.client_ip."""

import hashlib
import logging
import math
import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.core.cache import caches
from django.dispatch import receiver
from django.http import HttpResponseRedirect
from django.shortcuts import render
from wagtail.admin.views.account import PasswordResetView

from core.http import client_ip

LOGIN_STARTED_KEY = "innovasjon_login_started"

logger = logging.getLogger(__name__)


def _retry_after(response, seconds):
    response["Retry-After"] = str(math.ceil(seconds))
    return response


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer once an account or a client is locked out. The same page whether or
    not the account exists, and without echoing the user name."""
    cool_off = settings.AXES_COOLOFF_TIME
    minutes = math.ceil(cool_off.total_seconds() / 60)
    response = render(request, "errors/login_locked.html", {"minutes": minutes}, status=429)
    return _retry_after(response, cool_off.total_seconds())


def _over_limit(key, limit, window):
    """Count one more request under `key`; True once more than `limit` came within `window`
    seconds. The window's end is stored with the count, so a cache whose incr() resets the
    expiry (the database cache) still counts whole windows. Two requests at the same moment may
    both pass: a throttle may be a little generous, never stricter than its limit."""
    counters = caches["counters"]
    now = time.time()
    count, ends = counters.get(key) or (0, now + window)
    if ends <= now:
        count, ends = 0, now + window
    count += 1
    counters.set(key, (count, ends), timeout=math.ceil(ends - now))
    return count > limit, ends - now


def _reset_keys(request):
    email = request.POST.get("email", "").strip().lower()
    keys = [f"password-reset:client:{client_ip(request)}"]
    if email:
        # Only a hash: the cache holds no one's address.
        keys.append(f"password-reset:email:{hashlib.sha256(email.encode()).hexdigest()}")
    return keys


class _RedirectThenSend(HttpResponseRedirect):
    """The answer to a reset request, the same for every address. The WSGI server calls close()
    once the client has the whole response; only then are the accounts looked up and mailed."""

    def __init__(self, url, send):
        super().__init__(url)
        self._send = send

    def close(self):
        try:
            self._send()
        except Exception:
            # The reader has the answer already; the operators see the failure.
            logger.exception("Password reset e-mail could not be sent")
        finally:
            super().close()


class MailAfterResponsePasswordResetView(PasswordResetView):
    """Wagtail's password reset, answered before the address is looked up. Sending the mail in
    the request made a known address answer some 45 ms later than an unknown one. Padding both
    to a fixed time would hold a thread per request and still leak whenever the mail server is
    slower than the pad; here both do the same work, and the mail follows the response."""

    def form_valid(self, form):
        # Django's form_valid calls form.save(**options), which looks the address up and sends
        # the mail. Here that call only keeps the options, for the response's close().
        held = {}
        save = form.save
        form.save = lambda **options: held.update(options)
        response = super().form_valid(form)
        return _RedirectThenSend(response.url, lambda: save(**held))


_password_reset_view = MailAfterResponsePasswordResetView.as_view()


def password_reset(request, *args, **kwargs):
    """Wagtail's password reset, with at most PASSWORD_RESET_LIMIT requests per client and per
    e-mail address in PASSWORD_RESET_WINDOW seconds: it sends mail to anyone's address."""
    if request.method == "POST":
        limit, window = settings.PASSWORD_RESET_LIMIT, settings.PASSWORD_RESET_WINDOW
        waits = [
            wait
            for over, wait in (_over_limit(key, limit, window) for key in _reset_keys(request))
            if over
        ]
        if waits:
            response = render(
                request,
                "errors/password_reset_throttled.html",
                {"minutes": math.ceil(max(waits) / 60)},
                status=429,
            )
            return _retry_after(response, max(waits))
    return _password_reset_view(request, *args, **kwargs)


class SessionLifetimeMiddleware:
    """Signs a user out SESSION_COOKIE_AGE after signing in, however active: Django's own expiry
    moves forward each time the session is saved (Wagtail's preview saves it often). The admin
    then asks for the password again, as for anyone signed out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            # A session from before this middleware counts from its first request.
            started = request.session.setdefault(LOGIN_STARTED_KEY, time.time())
            if time.time() - started > settings.SESSION_COOKIE_AGE:
                logout(request)
        return self.get_response(request)


@receiver(user_logged_in, dispatch_uid="innovasjon_login_started")
def record_login_start(sender, request, user, **kwargs):
    """The session's lifetime counts from each sign-in. Connected when the middleware loads."""
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_STARTED_KEY] = time.time()
