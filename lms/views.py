"""Views of the core app: thin, they parse the request and redirect or render."""

from allauth.account.views import EmailView as AllauthEmailView
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.db.models import Subquery
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lms.forms import FirstLoginForm
from lms.middleware import consent_outdated


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
    """Remember the chosen language and go to `next` (already the translated address), or to the
    live translation of the Wagtail page `page` in that language where it has one.

    A plain link, so it works without JavaScript and without a form on every page. The translation is
    looked up here, when someone switches, rather than by the layout of every page.
    """
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    target = request.GET.get("next", "")
    page_id = request.GET.get("page", "")
    if page_id.isascii() and page_id.isdigit() and len(page_id) < 12:
        target = _translation_url(request, int(page_id), language) or target
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


def _translation_url(request: HttpRequest, page_id: int, language: str) -> str | None:
    """The address of the live translation of page `page_id` in `language`, if there is one."""
    from wagtail.models import Page

    key = Page.objects.filter(pk=page_id).values("translation_key")[:1]
    translation = Page.objects.live().filter(translation_key=Subquery(key), locale__language_code=language).first()
    if translation is None:
        return None
    # A page behind a view restriction the visitor does not pass: its address is not given away
    # (counting up `page` would otherwise list the restricted pages' slugs).
    if any(not restriction.accept_request(request) for restriction in translation.get_view_restrictions()):
        return None
    return translation.get_url(request)


def shared_password_refused(request: HttpRequest, **kwargs) -> HttpResponse:
    """Wagtail's shared-password forms (for a page or a collection of documents): switched off.

    A shared password opens content without an account, a rate limit or a second factor; restrict
    content to logged-in people (or groups) instead. Nothing is unlocked here, whatever is sent.
    """
    raise Http404


@require_http_methods(["GET", "POST"])
@login_required
def first_login(request: HttpRequest) -> HttpResponse:
    """A one-time password from a roster sheet is replaced by the person's own, with their consent.

    lms.middleware sends people with `must_change_password` here before anything else.
    """
    if not request.user.must_change_password:
        return redirect(f"/{get_language()}/")
    form = FirstLoginForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        return redirect(f"/{get_language()}/")
    return TemplateResponse(request, "lms/first_login.html", {"form": form})


@require_http_methods(["GET"])
@login_required
def consent_renew(request: HttpRequest) -> HttpResponse:
    """The consent text changed since the person agreed (CONSENT_VERSION): it is shown again, to accept
    or to refuse (privacy's consent_give and consent_withdraw record the answer).

    lms.middleware.ConsentRenewalMiddleware sends them here before anything else.
    """
    if not consent_outdated(request.user):
        return redirect(f"/{get_language()}/")
    return TemplateResponse(request, "lms/consent_renew.html", {})


class EmailView(AllauthEmailView):
    """allauth's address book, except that an address becomes the account's own (user.email) only once
    it is confirmed and no other account holds it. allauth would let an unconfirmed address be made
    primary while no address is confirmed: then a sign-up's claim on someone else's address
    (lms.services.signup_email_claim) broke the one-account-per-address rule with a server error."""

    def _action_primary(self, request: HttpRequest, *args, **kwargs):
        address = self._get_email_address(request)
        if address is not None and (not address.verified or _held_by_another_account(address)):
            messages.error(request, _("Confirm this address first: only a confirmed address can be the account's."))
            return HttpResponseRedirect(self.get_success_url())
        return super()._action_primary(request, *args, **kwargs)


def _held_by_another_account(address) -> bool:
    from lms.models import User

    return User.objects.filter(email__iexact=address.email).exclude(pk=address.user_id).exists()
