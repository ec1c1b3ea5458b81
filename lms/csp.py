"""Content-Security-Policy and the other response headers Django does not set itself.

Django 5.2 has no CSP support; this middleware gives every document response (HTML, SVG, the service
worker's script) a policy unless its view set one (the H5P package files and frame do); static files
and other subresources get none. Two policies:

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


# Responses a browser runs as a document or a worker: the only ones a policy governs. A stylesheet, a
# script file, an image, a font or JSON gets none (it costs about 0.6 KB a response and does nothing
# there); an SVG keeps it (opened on its own, it is a document that can hold scripts), and so does the
# service worker's script (a worker takes its policy from its own response).
DOCUMENT_TYPES = ("text/html", "application/xhtml+xml", "image/svg+xml")
# Headers that only mean something on a document (Django's SecurityMiddleware sends the first on every
# response; this middleware runs outside it and takes it off the others).
DOCUMENT_ONLY = ("Cross-Origin-Opener-Policy",)


def is_document(response) -> bool:
    kind = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
    return kind in DOCUMENT_TYPES or "Service-Worker-Allowed" in response


class SecurityHeadersMiddleware:
    """Content-Security-Policy (above) and Permissions-Policy on every document response that has
    none; static files, JSON and other subresources go without the document-only headers."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.site, self.admin = header(SITE), header(ADMIN)

    def __call__(self, request):
        response = self.get_response(request)
        if not is_document(response):
            for name in DOCUMENT_ONLY:
                if name in response:
                    del response[name]
            return response
        if "Content-Security-Policy" not in response:
            policy = self.admin if request.path.startswith(ADMIN_PREFIXES) else self.site
            response["Content-Security-Policy"] = policy
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
