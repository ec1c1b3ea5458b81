"""The tool's endpoints: OIDC login initiation, the launch, the deep-linking picker, the key set, and the
first page a launched person sees (the consent). docs/interop.md lists what a partner enters.

Cookies and frames (a known LTI issue): the platform opens us from another site, so our session
cookie (SameSite=Lax) is not sent on its cross-site POST; nothing here relies on it before the launch
is verified. pylti1p3 keeps the OIDC state in its own cookie (SameSite=None; Secure under HTTPS). We
keep SameSite=Lax and "nothing may frame us" for every page a person uses, so partners set the tool to
open in a new window; only the teacher's picker and its answer may be framed by the platform (Moodle
shows them in a dialog), and they need no session: the picker carries a signed token.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import login as auth_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from lti_tool.models import Key, LtiLaunch
from lti_tool.utils import DjangoToolConfig, get_launch_from_request, sync_data_from_launch
from pylti1p3.contrib.django import DjangoCacheDataStorage, DjangoOIDCLogin
from pylti1p3.exception import LtiException, OIDCException

from courses import services as course_services
from lms import services as lms_services
from lms.csp import SITE, header
from lms.models import ConsentRecord
from lti import deep_linking, keys, registration
from lti import launch as launches

logger = logging.getLogger(__name__)

REFUSALS = {
    "invalid": _(
        "This launch could not be verified (its signature, its validity or the platform's registration). "
        "Go back to your platform and open the activity again."
    ),
    "replayed": _("This launch was already used. Go back to your platform and open the activity again."),
    "deployment": _("Your platform's use of this tool is not activated. Ask its administrator to contact us."),
    "target": _("The module or test of this activity is not available."),
    "inactive": _("This account is closed."),
    "unsupported": _("This kind of launch is not supported."),
    "expired": _("This page has expired. Open the selection again from your platform."),
    "invitation": _("This registration address is not valid or has expired. Ask us for a new one."),
    "platform": _(
        "Your platform's configuration could not be read, or it refused the registration. "
        "Try again, or register the tool by hand."
    ),
}


def refusal(request: HttpRequest, reason: str, status: int = 403) -> HttpResponse:
    return TemplateResponse(request, "lti/error.html", {"message": REFUSALS[reason]}, status=status)


def framed_by(response: HttpResponse, *, platform_urls: list[str], form_to: str = "") -> HttpResponse:
    """Let the partner's platform (and only it) frame this page, and post its form to the platform."""
    origins = sorted(
        {f"{p.scheme}://{p.netloc}" for p in map(urlsplit, platform_urls) if p.scheme in ("http", "https")}
    )
    policy = {**SITE, "frame-ancestors": " ".join(origins) or "'none'"}
    if form_to:
        target = urlsplit(form_to)
        policy["form-action"] = f"'self' {target.scheme}://{target.netloc}"
    response["Content-Security-Policy"] = header(policy)
    return xframe_options_exempt(lambda: response)()


# The platform's browser redirect starts a launch by a cross-site GET or POST carrying no CSRF token
# (OIDC third-party login initiation): exempt. It only redirects back to the platform's registered
# authorisation URL, with a fresh state and nonce.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def oidc_login(request: HttpRequest) -> HttpResponse:
    params = request.POST if request.method == "POST" else request.GET
    target_link_uri = params.get("target_link_uri", "")
    if not url_has_allowed_host_and_scheme(target_link_uri, allowed_hosts={request.get_host()}):
        return refusal(request, "invalid", status=400)
    try:
        keys.ensure()
        oidc = DjangoOIDCLogin(request, DjangoToolConfig(), launch_data_storage=DjangoCacheDataStorage())
        return oidc.redirect(target_link_uri)
    except (LtiException, OIDCException) as error:  # OIDCException: an unknown issuer or client id
        logger.warning("LTI login refused: %s", error)
        return refusal(request, "invalid", status=400)


def _verified(request: HttpRequest) -> LtiLaunch:
    """The launch, checked by pylti1p3 (state, signature against the platform's JWKS, expiry, issuer,
    audience = our client id, deployment, message claims), then its nonce claimed and its deployment
    active. Raises Refused; nothing is written before this returns."""
    try:
        lti_launch = get_launch_from_request(request)
    except (LtiException, OIDCException) as error:
        logger.warning("LTI launch refused: %s", error)
        raise launches.Refused("invalid") from error
    launches.consume_nonce(lti_launch)
    if not lti_launch.deployment.is_active:
        raise launches.Refused("deployment")
    return lti_launch


# The launch is the platform's cross-site form POST of a signed id_token (OIDC form_post): it cannot
# carry our CSRF token. It is authenticated by the token itself (signature, state, single-use nonce).
@csrf_exempt
@require_POST
def launch(request: HttpRequest) -> HttpResponse:
    try:
        lti_launch = _verified(request)
    except launches.Refused as refused:
        return refusal(request, str(refused))
    sync_data_from_launch(lti_launch)
    launches.forget_personal_claims(lti_launch)
    if lti_launch.is_deep_link_launch:
        response = deep_linking.picker(request, lti_launch)
        return framed_by(response, platform_urls=deep_linking.platform_urls(lti_launch.registration))
    if not lti_launch.is_resource_launch:
        return refusal(request, "unsupported")
    try:
        course, test = launches.target(lti_launch)
        lti_user, user = launches.account(lti_launch)
    except launches.Refused as refused:
        return refusal(request, str(refused))
    course_services.enrolment_create(user=user, course=course)
    launches.remember_gradebook(lti_launch=lti_launch, lti_user=lti_user, user=user, test=test)
    auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    placed = test if test is not None and _placed_test(lti_launch) else None
    destination = reverse("assessments:test", kwargs={"test_id": placed.pk}) if placed else course.url
    if user.consent_given_at is None and user.consent_withdrawn_at is None:
        return redirect(f"{reverse('lti:welcome')}?next={destination}")
    return redirect(destination)


def _placed_test(lti_launch: LtiLaunch) -> bool:
    return (lti_launch.get_custom_claim(launches.TARGET_PARAMETER) or "").startswith("test:")


# The teacher's choice is posted from the picker, which the platform may show in a frame where our
# cookies are not sent: no CSRF cookie can exist there. The form carries instead a token we signed at
# the verified deep-linking launch (deep_linking.SALT, 30 minutes), which is what authorises it.
@csrf_exempt
@require_POST
def deep_link(request: HttpRequest) -> HttpResponse:
    try:
        settings_, registration = deep_linking.unsign(request.POST.get("token", ""))
    except deep_linking.Expired:
        return refusal(request, "expired", status=400)
    choice = request.POST.get("choice", "")
    response = deep_linking.answer(request, registration=registration, settings_=settings_, choice=choice)
    return_url = settings_["deep_link_return_url"]
    return framed_by(response, platform_urls=deep_linking.platform_urls(registration), form_to=return_url)


@require_GET
def jwks(request: HttpRequest) -> JsonResponse:
    """Our public keys, read by the platforms to check what we sign (deep linking, grade service tokens)."""
    keys.ensure()
    return JsonResponse(Key.objects.as_jwks())


@require_http_methods(["GET", "POST"])
def welcome(request: HttpRequest) -> HttpResponse:
    """A launched person's first page: the same consent as at sign-up, accepted or refused, then on."""
    if not request.user.is_authenticated:
        return redirect("account_login")
    destination = request.POST.get("next") or request.GET.get("next") or "/"
    # Only a path of ours: never another site, nor anything `redirect` would read as a view name.
    if not destination.startswith("/") or not url_has_allowed_host_and_scheme(
        destination, allowed_hosts={request.get_host()}
    ):
        destination = "/"
    if request.method == "POST":
        if request.POST.get("answer") == "accept":
            lms_services.user_record_consent(
                user=request.user, language=get_language(), source=ConsentRecord.Source.SIGNUP
            )
        else:
            lms_services.user_withdraw_consent(user=request.user)
        return HttpResponseRedirect(destination)
    return TemplateResponse(request, "lti/welcome.html", {"next": destination})


@require_GET
def register(request: HttpRequest, invitation: str) -> HttpResponse:
    """LTI Dynamic Registration: the platform opens this address (our administrator's invitation)
    with its configuration's address; the tool and the platform register each other."""
    openid_configuration = request.GET.get("openid_configuration", "")
    try:
        registration.check_invitation(invitation)
    except registration.Failed:
        return refusal(request, "invitation")
    if urlsplit(openid_configuration).scheme not in ("http", "https"):
        return refusal(request, "platform", status=400)
    try:
        registration.register(
            openid_configuration=openid_configuration,
            registration_token=request.GET.get("registration_token", ""),
            name=str(settings.WAGTAIL_SITE_NAME),
        )
    except registration.Failed:
        return framed_by(refusal(request, "platform", status=502), platform_urls=[openid_configuration])
    message = _("The tool is registered with your platform. You can close this window.")
    response = TemplateResponse(request, "lti/registered.html", {"message": message, "done": True})
    return framed_by(response, platform_urls=[openid_configuration])
