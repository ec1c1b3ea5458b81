"""What a verified launch does on our side: the account linked to (issuer, subject), the module or test
it opens, and the gradebook column its score goes back to."""

from __future__ import annotations

import secrets
import time

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from lti_tool.models import LtiLaunch, LtiUser

from assessments.models import Test
from courses.models import CoursePage
from lti.models import GradeTarget

# The custom parameter our deep-linking answer puts on each placement: "course:<id>" or "test:<id>".
TARGET_PARAMETER = "lms_target"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


class Refused(Exception):
    """A launch we do not follow; the message is shown to the person (translated)."""


def consume_nonce(lti_launch: LtiLaunch) -> None:
    """pylti1p3 checks that the nonce is one our login issued but never marks it used: an id_token
    replayed within its lifetime would be accepted again. The first use claims it (an atomic add in
    the shared cache, kept until the token expires); any later one is refused."""
    body = lti_launch.get_launch_data()
    ttl = max(int(body.get("exp", 0) - time.time()), 1) + 60
    if not cache.add(f"lti:nonce-used:{body.get('nonce')}", 1, timeout=ttl):
        raise Refused("replayed")


def target(lti_launch: LtiLaunch) -> tuple[CoursePage, Test | None]:
    """The module (and the test, if a test was placed or the module has a post-test) of a resource link."""
    kind, _sep, pk = (lti_launch.get_custom_claim(TARGET_PARAMETER) or "").partition(":")
    if not pk.isdigit() or len(pk) > 18:
        raise Refused("target")
    if kind == "test":
        test = Test.objects.filter(pk=pk).first()
        course = CoursePage.objects.live().filter(pk=test.course_id).first() if test else None
    elif kind == "course":
        course = CoursePage.objects.live().filter(pk=pk).first()
        test = Test.objects.filter(course=course, kind=Test.Kind.POST).first() if course else None
    else:
        course = test = None
    if course is None:
        raise Refused("target")
    return course.specific, test


def forget_personal_claims(lti_launch: LtiLaunch) -> None:
    """Empty the platform's name, email and picture claims that django-lti has just stored (data
    minimisation), for every verified launch: a deep-linking launch, or a resource launch refused
    afterwards (unknown target, closed account), must keep them no more than an accepted one."""
    LtiUser.objects.filter(registration=lti_launch.registration, sub=lti_launch.get_claim("sub")).update(
        given_name="", family_name="", name="", email="", picture_url=""
    )


@transaction.atomic
def account(lti_launch: LtiLaunch):
    """The person's account, created at their first launch and linked to (issuer, subject) through
    django-lti's LtiUser. No email is needed, and none is kept (forget_personal_claims)."""
    lti_user = LtiUser.objects.select_for_update().get(
        registration=lti_launch.registration, sub=lti_launch.get_claim("sub")
    )
    if lti_user.auth_user_id is None:
        user = get_user_model()(username=f"lti-{secrets.token_hex(6)}", preferred_language=_language(lti_launch))
        user.set_unusable_password()
        user.save()
        lti_user.auth_user = user
    lti_user.save()
    user = lti_user.auth_user
    if not user.is_active:
        raise Refused("inactive")
    return lti_user, user


def _language(lti_launch: LtiLaunch) -> str:
    locale = (lti_launch.get_launch_data().get("locale") or "").lower()
    return "en" if locale.startswith("en") else "fr"


def remember_gradebook(*, lti_launch: LtiLaunch, lti_user: LtiUser, user, test: Test | None) -> None:
    """The line item a score for `test` goes back to, when the platform offers one with the score scope."""
    claim = lti_launch.ags_claim or {}
    scopes = list(claim.get("scope") or [])
    lineitem = claim.get("lineitem")
    if test is None or not lineitem or SCORE_SCOPE not in scopes:
        return
    GradeTarget.objects.update_or_create(
        lti_user=lti_user, test=test, lineitem=lineitem, defaults={"user": user, "scopes": scopes}
    )
