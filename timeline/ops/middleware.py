"""Two protections every response passes through: a Content-Security-Policy, and a clear 503
page instead of a stack trace while the database cannot be reached.

The other security headers (nosniff, Referrer-Policy, Cross-Origin-Opener-Policy, HSTS,
X-Frame-Options) come from Django's own middleware, configured in settings.
"""

from __future__ import annotations

import logging
import secrets

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.deprecation import MiddlewareMixin

logger = logging.getLogger(__name__)

# Only the project's own files run or style a page: no inline script and no style attribute,
# anywhere. A <style> element a public page writes carries the request's nonce (the article
# page highlights the passage a link points at).
_POLICY = (
    "default-src 'self'; script-src 'self'; style-src {styles}; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
    "form-action 'self'"
)
PUBLIC_POLICY = _POLICY.format(styles="'self' 'nonce-{nonce}'")
# The editors' admin writes no <style> at all: its styles are static/css/admin.css and
# Django's own stylesheets, so it needs no nonce either.
ADMIN_POLICY = _POLICY.format(styles="'self'")

RETRY_AFTER_SECONDS = 60


class ContentSecurityPolicyMiddleware(MiddlewareMixin):
    """Give every response a CSP; `request.csp_nonce` is the nonce for a page's <style>."""

    def process_request(self, request: HttpRequest) -> None:
        request.csp_nonce = secrets.token_urlsafe(16)

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if "Content-Security-Policy" in response:
            return response
        if settings.DEBUG and response.status_code >= 400:
            return response  # Django's debug pages are inline styles and scripts; laptop only
        nonce = getattr(request, "csp_nonce", None) or secrets.token_urlsafe(16)
        admin = request.path.startswith(_admin_prefix())
        policy = ADMIN_POLICY if admin else PUBLIC_POLICY.format(nonce=nonce)
        response["Content-Security-Policy"] = policy
        return response


def _admin_prefix() -> str:
    return reverse("admin:index")


class DatabaseUnavailableMiddleware(MiddlewareMixin):
    """While the database is down (restarting, unreachable), answer 503 with a page that
    says so and when to retry, rather than a 500 and a stack trace.

    Django closes a broken connection at the end of the request, and health checks
    (``CONN_HEALTH_CHECKS``) replace a stale one at the start of the next, so the site
    recovers by itself once the database is back.
    """

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error(
            "database unavailable for %s %s: %s",
            request.method,
            request.path,
            (str(exception).strip().splitlines() or [type(exception).__name__])[0],
        )
        # Rendered without the request: context processors might need the database.
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
