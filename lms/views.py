"""Views of the core app: thin, they parse the request and redirect or render."""

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET


@require_GET
def root_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """`/` goes to the language the person chose before, else to French, the default.

    The browser's Accept-Language is not used: shared phones in Guinea are often set to a language
    their user does not read, and the programme's working language is French.
    """
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    return redirect(f"/{language}/")


@require_GET
def switch_language(request: HttpRequest, language: str) -> HttpResponseRedirect:
    """Remember the chosen language and go to `next` (already the translated address).

    A plain link, so it works without JavaScript and without a form on every page.
    """
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = f"/{language}/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response
