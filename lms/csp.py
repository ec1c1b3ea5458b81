"""Content-Security-Policy and the other response headers Django does not set itself.

Django 5.2 has no CSP support; this middleware gives every response a policy unless its view set one
(the H5P package files do). Two policies:

- SITE, for every page of ours: scripts and styles only from our own files (no inline script, no
  inline event handler, no eval), images also from data: URIs (allauth's QR code), nothing may frame
  the page, forms post only here.
- H5P activities no longer run in our pages: each plays in a sandboxed frame (opaque origin) whose
  document sets its own policy, the only one allowing eval (courses/h5p/frame.py). Lesson pages
  keep SITE.
- ADMIN, for the Wagtail and Django admin sites (staff only, behind the second factor): their own
  inline scripts and styles are allowed; they may frame themselves (page previews).

docs/security.md explains each choice.
"""

from __future__ import annotations

from django.conf import settings

SITE = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data: blob:",
    "media-src": "'self' blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "manifest-src": "'self'",
    "frame-src": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "base-uri": "'self'",
    "object-src": "'none'",
}
ADMIN = {
    **SITE,
    "script-src": "'self' 'unsafe-inline'",
    "style-src": "'self' 'unsafe-inline'",
    "frame-ancestors": "'self'",
}
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def header(policy: dict[str, str]) -> str:
    return "; ".join(f"{directive} {sources}" for directive, sources in policy.items())


class SecurityHeadersMiddleware:
    """Content-Security-Policy (above) and Permissions-Policy on every response that has none."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.site, self.admin = header(SITE), header(ADMIN)

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            policy = self.admin if request.path.startswith(ADMIN_PREFIXES) else self.site
            response["Content-Security-Policy"] = policy
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
