"""The site's own error pages (400, 403, 404, 405, 429, 500 and the CSRF failure) instead of Django's bare English ones.

Each is in the visitor's language: the one in the address (/fr/…, /en/…), else the one they chose
before (the language cookie), else French, the programme's working language. The browser's
Accept-Language is not used, as for `/` (lms.views.root_redirect). Each page fits a phone and offers
a way back: the home page, and for a signed-in person their modules.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation


def _language(request: HttpRequest) -> str:
    language = translation.get_language_from_path(request.path_info)
    if language:
        return language
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _page(request: HttpRequest, template: str, status: int, context: dict | None = None) -> HttpResponse:
    language = _language(request)
    with translation.override(language):
        response = render(request, template, {"home_url": f"/{language}/", **(context or {})}, status=status)
    response.headers["Content-Language"] = language
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "errors/400.html", 400)


def method_not_allowed(request: HttpRequest, allowed: str = "") -> HttpResponse:
    """A form's address opened as a page (bookmarked, reloaded, shared): Django's 405 is empty."""
    response = _page(request, "errors/405.html", 405)
    if allowed:
        response.headers["Allow"] = allowed
    return response


def too_many_requests(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "errors/429.html", 429)


def wants_html(request: HttpRequest) -> bool:
    """Whether the request comes from a browser showing pages, not a script expecting JSON."""
    if request.content_type == "application/json":
        return False
    accept = request.headers.get("Accept", "")
    return not accept or "text/html" in accept or ("*/*" in accept and "application/json" not in accept)


class MethodNotAllowedPageMiddleware:
    """Django's empty 405 (a view's require_POST) becomes the site's page for a browser."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 405
            and not getattr(response, "streaming", False)
            and not response.content
            and wants_html(request)
        ):
            return method_not_allowed(request, response.headers.get("Allow", ""))
        return response


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "errors/404.html", 404)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "errors/403.html", 403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent from a page that was open too long, or whose cookies were cleared: try again."""
    return _page(request, "errors/csrf.html", 403)


def server_error(request: HttpRequest) -> HttpResponse:
    """Something broke: a page that needs neither the database nor the person's session, since either
    may be what failed."""
    language = _language(request)
    with translation.override(language):
        response = render(None, "errors/500.html", {"home_url": f"/{language}/", "language": language}, status=500)
    response.headers["Content-Language"] = language
    return response
