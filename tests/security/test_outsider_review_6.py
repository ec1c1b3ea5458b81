# ruff: noqa: F811 - the LTI fixtures are imported, and named again as test arguments
"""Sixth outside review: the LTI 1.3 tool, private files on object storage, the H5P frame's CORS
preflight and the PgBouncer settings, attacked from outside. Each attack is a test that passes when the
system is correct (a test that failed first shows a defect it found and the fix beside it)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from lti_tool.models import LtiDeployment, LtiUser

from courses.models import Enrolment
from lms import roles
from lti.models import GradeTarget, ScoreDelivery
from tests import factories
from tests.lti.conftest import module, platform, registered, visitor  # noqa: F401 - fixtures
from tests.lti.platform import DEPLOYMENT_ID, post_launch, start

pytestmark = pytest.mark.django_db
EVIL = "https://evil.example"


def _counts() -> tuple[int, ...]:
    return (get_user_model().objects.count(), Enrolment.objects.count(), GradeTarget.objects.count())


def _no_personal_claims_kept() -> None:
    for linked in LtiUser.objects.all():
        kept = (linked.given_name, linked.family_name, linked.name, linked.email, linked.picture_url)
        assert kept == ("", "", "", "", ""), kept


def _launched(visitor, platform, course, **launch):
    response = post_launch(visitor, start(visitor, platform, custom={"lms_target": f"course:{course.pk}"}, **launch))
    assert response.status_code == 302
    return response, LtiUser.objects.get(sub=launch.get("sub", "etudiant-42")).auth_user


# --- LTI: what is kept of the platform's claims -------------------------------------------------


def test_a_deep_linking_launch_keeps_no_name_or_email_of_the_teacher(visitor, platform, registered, module):
    """Defect found: the teacher's name and email, stored by django-lti, were emptied on resource
    launches only; a deep-linking launch kept them."""
    picker = post_launch(visitor, start(visitor, platform, deep_link=f"{platform.url}/deep-link-return"))
    assert picker.status_code == 200
    _no_personal_claims_kept()


def test_a_launch_refused_for_its_target_keeps_no_name_or_email(visitor, platform, registered, module):
    """Defect found: a launch refused after verification (unknown module) kept the claims."""
    response = post_launch(visitor, start(visitor, platform, custom={"lms_target": "course:999999"}))
    assert response.status_code == 403
    _no_personal_claims_kept()


def test_a_launch_of_a_closed_account_keeps_no_name_or_email(visitor, platform, registered, module):
    """Defect found: the refusal of a closed account rolled back the emptying of the claims."""
    course, _post = module
    _response, user = _launched(visitor, platform, course)
    get_user_model().objects.filter(pk=user.pk).update(is_active=False)
    other = Client(enforce_csrf_checks=True)
    refused = post_launch(other, start(other, platform, custom={"lms_target": f"course:{course.pk}"}))
    assert refused.status_code == 403 and "_auth_user_id" not in other.session
    _no_personal_claims_kept()


# --- LTI: forged, replayed, expired, hostile -----------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        f"{EVIL}/lti/launch/",
        "//evil.example/lti/launch/",
        "javascript:alert(1)",
        "/\\evil.example/",
        "",
        "ftp://testserver/",
    ],
)
def test_login_initiation_never_redirects_to_a_hostile_target(platform, registered, target):
    response = Client().get("/lti/login/", {"iss": platform.url, "login_hint": "x", "target_link_uri": target})
    assert response.status_code == 400
    # (The language switcher repeats the query, encoded: no link or form goes there.)
    html = response.content.decode()
    assert "Location" not in response and "://evil" not in html and '"//evil' not in html


def test_login_initiation_from_an_unknown_issuer_is_refused_without_redirect(registered):
    """Defect found: pylti1p3 raises OIDCException (not an LtiException) for an unknown issuer: 500."""
    query = {"iss": EVIL, "login_hint": "x", "target_link_uri": "http://testserver/lti/launch/"}
    response = Client().get("/lti/login/", query)
    assert response.status_code == 400 and "Location" not in response


@pytest.mark.parametrize(
    "language,text", [("fr", "Retournez sur votre plateforme"), ("en", "Go back to your platform")]
)
@pytest.mark.parametrize(
    "body",
    [
        {"id_token": "not.a.jwt", "state": "x"},
        {"id_token": "a" * 200_000, "state": "x"},
        {"id_token": "\udcff".encode("utf-8", "surrogatepass").decode("latin-1"), "state": "é"},
        {},
    ],
)
def test_a_garbage_launch_is_a_translated_refusal_not_a_500(registered, language, text, body):
    before = _counts()
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    response = client.post("/lti/launch/", body)
    assert response.status_code == 403
    assert text in response.content.decode()
    assert _counts() == before and LtiUser.objects.count() == 0


@pytest.mark.parametrize("path", ["/lti/launch/", "/lti/login/", "/lti/deep-link/"])
def test_non_utf8_and_json_bodies_are_clean_4xx(registered, path):
    client = Client()
    for content_type, data in [
        ("application/x-www-form-urlencoded", b"id_token=%ff%fe&state=\xff\xfe"),
        ("application/json", b'{"id_token": ' + b"[" * 50_000),
        ("text/plain; charset=utf-8", b"\xff\xfe\x00"),
    ]:
        response = client.generic("POST", path, data, content_type=content_type)
        assert 400 <= response.status_code < 500, (path, content_type, response.status_code)


def test_an_expired_id_token_is_refused_and_creates_nothing(visitor, platform, registered, module):
    course, _post = module
    before = _counts()
    form = start(visitor, platform, custom={"lms_target": f"course:{course.pk}"}, expiration=-120)
    response = post_launch(visitor, form)
    assert response.status_code == 403 and _counts() == before


def test_a_replayed_id_token_from_another_browser_is_refused(visitor, platform, registered, module):
    course, _post = module
    form = start(visitor, platform, custom={"lms_target": f"course:{course.pk}"})
    assert post_launch(visitor, form).status_code == 302
    # The thief copies the id_token and the state cookie the first browser had.
    thief = Client(enforce_csrf_checks=True)
    thief.cookies = visitor.cookies
    thief.cookies.pop("sessionid", None)
    replay = post_launch(thief, form)
    assert replay.status_code == 403 and "_auth_user_id" not in thief.session


def test_a_launch_from_an_unknown_deployment_is_refused_and_listed_inactive(visitor, platform, registered, module):
    course, _post = module
    LtiDeployment.objects.filter(deployment_id=DEPLOYMENT_ID).update(deployment_id="another")
    before = _counts()
    response = post_launch(visitor, start(visitor, platform, custom={"lms_target": f"course:{course.pk}"}))
    assert response.status_code == 403 and _counts() == before
    assert not LtiDeployment.objects.get(deployment_id=DEPLOYMENT_ID).is_active


# --- LTI: after the launch --------------------------------------------------------------------


@pytest.mark.parametrize(
    "next_",
    [f"{EVIL}/", "//evil.example/", "/\\evil.example/", "\\\\evil.example", "https:evil.example", "admin:index"],
)
def test_the_welcome_page_never_sends_anyone_away(visitor, platform, registered, module, next_):
    course, _post = module
    _launched(visitor, platform, course)
    page = visitor.get(reverse("lti:welcome"), {"next": next_})
    assert 'value="/"' in page.content.decode()
    token = visitor.cookies["csrftoken"].value
    answered = visitor.post(reverse("lti:welcome"), {"answer": "refuse", "next": next_, "csrfmiddlewaretoken": token})
    assert answered["Location"] == "/"


def test_the_welcome_answer_needs_the_csrf_token(visitor, platform, registered, module):
    course, _post = module
    _response, user = _launched(visitor, platform, course)
    forged = visitor.post(reverse("lti:welcome"), {"answer": "refuse", "next": "/"})
    assert forged.status_code == 403
    user.refresh_from_db()
    assert user.consent_withdrawn_at is None


def test_the_welcome_page_sends_an_anonymous_visitor_to_login():
    response = Client().get(reverse("lti:welcome"))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_launched_account_reaches_no_staff_page(visitor, platform, registered, module, language):
    course, _post = module
    _response, user = _launched(visitor, platform, course)
    assert not roles.is_staff_account(user) and not user.is_staff and not user.is_superuser
    for path in [f"/{language}/evaluation/", f"/{language}/evaluation/prepost.csv", f"/{language}/cms/"]:
        assert visitor.get(path).status_code in (403, 404), path
    admin = visitor.get("/admin/")
    assert admin.status_code == 302 and "/accounts/login/" in admin["Location"]


def test_consent_refused_then_relaunched_stays_refused(visitor, platform, registered, module):
    course, _post = module
    _launched(visitor, platform, course)
    token = visitor.cookies["csrftoken"].value
    visitor.post(reverse("lti:welcome"), {"answer": "refuse", "next": course.url, "csrfmiddlewaretoken": token})
    other = Client(enforce_csrf_checks=True)
    again, user = _launched(other, platform, course)
    assert again["Location"] == course.url
    assert user.consent_withdrawn_at is not None and not user.has_consented


def test_erasure_then_relaunch_opens_a_new_empty_account(visitor, platform, registered, module):
    from privacy.services import user_erase

    course, _post = module
    _response, first = _launched(visitor, platform, course)
    user_erase(user=first)
    assert not LtiUser.objects.filter(auth_user=first).exists()
    other = Client(enforce_csrf_checks=True)
    _again, second = _launched(other, platform, course)
    assert second.pk != first.pk
    assert second.consent_given_at is None and second.consent_withdrawn_at is None


# --- LTI: the picker ------------------------------------------------------------------------------


@pytest.mark.parametrize("token", ["", "x", "a" * 10_000, "é\x00"])
def test_the_deep_link_answer_needs_a_token_we_signed(token, module):
    response = Client().post(reverse("lti:deep_link"), {"token": token, "choice": "course:1"})
    assert response.status_code == 400 and b"JWT" not in response.content


def test_a_trainee_session_does_not_open_the_picker(module):
    client = Client()
    client.force_login(factories.UserFactory(username="or6-trainee", role=roles.TRAINEE))
    assert client.get(reverse("lti:deep_link")).status_code == 405
    response = client.post(reverse("lti:deep_link"), {"choice": "course:1"})
    assert response.status_code == 400 and b"JWT" not in response.content


def test_the_picker_offers_no_draft_module(visitor, platform, registered, module):
    course, _post = module
    course.unpublish()
    picker = post_launch(visitor, start(visitor, platform, deep_link=f"{platform.url}/deep-link-return"))
    assert f"course:{course.pk}" not in picker.content.decode()


# --- LTI: grade passback ------------------------------------------------------------------------


def test_a_score_goes_only_to_its_own_persons_column(module):
    from lti import grades

    _course, post = module
    owner = factories.UserFactory(username="or6-owner")
    stranger = factories.UserFactory(username="or6-stranger")
    # A column for the owner only; the stranger's attempt at the same test queues nothing for it.
    from lti_tool.models import LtiRegistration

    registration = LtiRegistration.objects.create(name="p", issuer="https://p.example", client_id="c")
    linked = LtiUser.objects.create(registration=registration, sub="owner", auth_user=owner)
    GradeTarget.objects.create(lti_user=linked, user=owner, test=post, lineitem="https://p.example/li/1", scopes=["x"])
    attempt = factories.take_test(user=stranger, test=post, right=True)
    assert grades.queue(attempt) == [] and not ScoreDelivery.objects.exists()
    mine = factories.take_test(user=owner, test=post, right=True)  # queued once by its save
    assert grades.queue(mine) == []
    assert list(ScoreDelivery.objects.values_list("attempt", "target__user")) == [(mine.pk, owner.pk)]


def test_an_id_token_posted_from_a_browser_without_its_state_is_refused(visitor, platform, registered, module):
    """Login CSRF: a valid id_token of the attacker, auto-posted from the victim's browser, opens nothing."""
    course, _post = module
    form = start(visitor, platform, custom={"lms_target": f"course:{course.pk}"})
    victim = Client(enforce_csrf_checks=True)
    before = _counts()
    response = post_launch(victim, form)
    assert response.status_code == 403 and "_auth_user_id" not in victim.session and _counts() == before


def test_a_deactivated_platform_can_neither_launch_nor_answer_with_an_earlier_picker(
    visitor, platform, registered, module
):
    import re

    course, _post = module
    picker = post_launch(visitor, start(visitor, platform, deep_link=f"{platform.url}/deep-link-return"))
    token = re.search(r'name="token" value="([^"]+)"', picker.content.decode()).group(1)
    registered.is_active = False
    registered.save()
    answer = visitor.post(reverse("lti:deep_link"), {"token": token, "choice": f"course:{course.pk}"})
    assert answer.status_code == 400 and b"JWT" not in answer.content
    other = Client(enforce_csrf_checks=True)
    login = other.get(platform.login_url(hint="placement-7"))
    assert login.status_code == 400 and "Location" not in login


def test_the_picker_answer_refuses_a_choice_it_did_not_offer(visitor, platform, registered, module):
    import re

    course, _post = module
    picker = post_launch(visitor, start(visitor, platform, deep_link=f"{platform.url}/deep-link-return"))
    token = re.search(r'name="token" value="([^"]+)"', picker.content.decode()).group(1)
    course.unpublish()
    for choice in (f"course:{course.pk}", "test:999999", "course:abc", "url:https://evil.example", ""):
        answer = visitor.post(reverse("lti:deep_link"), {"token": token, "choice": choice})
        assert answer.status_code == 400 and b'name="JWT"' not in answer.content, choice


def test_the_key_set_publishes_no_private_part():
    response = Client().get(reverse("lti:jwks"))
    assert response.status_code == 200
    keys_ = response.json()["keys"]
    assert keys_ and all(key["kty"] == "RSA" for key in keys_)
    private_parts = {"d", "p", "q", "dp", "dq", "qi", "oth", "k"}
    assert not any(private_parts & set(key) for key in keys_)
    assert "PRIVATE KEY" not in response.content.decode()


def test_a_welcome_next_with_a_line_break_injects_no_header(visitor, platform, registered, module):
    course, _post = module
    _launched(visitor, platform, course)
    token = visitor.cookies["csrftoken"].value
    data = {"answer": "accept", "next": "/fr/\r\nSet-Cookie: pwned=1", "csrfmiddlewaretoken": token}
    response = visitor.post(reverse("lti:welcome"), data)
    assert response.status_code == 302 and "\n" not in response["Location"] and "pwned" not in response.cookies
