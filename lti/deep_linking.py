"""Deep linking: the partner's teacher picks one of our modules, or one test, and the platform receives
it as a signed LtiDeepLinkingResponse (a resource link carrying `lms_target`, with a gradebook column
when a test is in it)."""

from __future__ import annotations

from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from lti_tool.models import LtiLaunch, LtiRegistration
from pylti1p3.deep_link import DeepLink
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.lineitem import LineItem

from assessments.models import Test
from courses.models import CoursePage
from lti.launch import TARGET_PARAMETER

SALT = "lti.deep-linking"
MAX_AGE = 30 * 60
SETTINGS_CLAIM = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
DEPLOYMENT_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/deployment_id"


class Expired(Exception):
    pass


def platform_urls(registration: LtiRegistration) -> list[str]:
    return [registration.issuer, registration.auth_url]


def choices() -> list[tuple[str, str]]:
    """("course:<id>", title) for each live module, then ("test:<id>", "<kind> – <module>") for each test."""
    courses = list(CoursePage.objects.live().filter(locale__language_code="fr").order_by("title"))
    found = [(f"course:{course.pk}", course.title) for course in courses]
    titles = {course.pk: course.title for course in courses}
    for test in Test.objects.filter(course__in=courses).order_by("course__title", "kind"):
        found.append((f"test:{test.pk}", f"{test.get_kind_display()} – {titles[test.course_id]}"))
    return found


def picker(request: HttpRequest, lti_launch: LtiLaunch) -> HttpResponse:
    body = lti_launch.get_launch_data()
    token = signing.dumps(
        {
            "registration": lti_launch.registration.pk,
            "deployment": body.get(DEPLOYMENT_CLAIM),
            "settings": body.get(SETTINGS_CLAIM) or {},
        },
        salt=SALT,
    )
    return TemplateResponse(request, "lti/pick.html", {"choices": choices(), "token": token})


def unsign(token: str) -> tuple[dict, LtiRegistration]:
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        registration = LtiRegistration.objects.active().get(pk=payload["registration"])
    except (signing.BadSignature, LtiRegistration.DoesNotExist, KeyError, TypeError) as error:
        raise Expired from error
    payload["settings"]["deployment"] = payload["deployment"]
    return payload["settings"], registration


def resource(request: HttpRequest, choice: str) -> DeepLinkResource | None:
    labels = dict(choices())
    if choice not in labels:
        return None
    kind, _sep, pk = choice.partition(":")
    has_test = kind == "test" or Test.objects.filter(course_id=int(pk), kind=Test.Kind.POST).exists()
    item = (
        DeepLinkResource()
        .set_type("ltiResourceLink")
        .set_title(labels[choice])
        .set_url(request.build_absolute_uri(reverse("lti:launch")))
        .set_custom_params({TARGET_PARAMETER: choice})
        .set_target("window")
    )
    if has_test:
        item.set_lineitem(LineItem().set_score_maximum(100).set_label(labels[choice]).set_tag(choice))
    return item


def answer(request: HttpRequest, *, registration: LtiRegistration, settings_: dict, choice: str) -> HttpResponse:
    """The signed answer, sent by the teacher's browser to the platform's return URL."""
    item = resource(request, choice)
    if item is None:
        token = request.POST.get("token", "")
        context = {"choices": choices(), "token": token, "error": _("Choose a module or a test.")}
        return TemplateResponse(request, "lti/pick.html", context, status=400)
    link = DeepLink(registration.to_registration(), settings_["deployment"], settings_)  # type: ignore[arg-type]
    jwt_value = link.get_response_jwt([item])
    context = {"return_url": settings_["deep_link_return_url"], "jwt": jwt_value, "title": item.get_title() or ""}
    return TemplateResponse(request, "lti/deep_link_response.html", context)
