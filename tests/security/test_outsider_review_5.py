# ruff: noqa: F811 - the reaction tests' fixture is imported, and named again as test arguments
"""Fifth outside review: health, metrics, the request id, the evaluation PDF, declared groups and the
reaction questionnaire, attacked from outside. Each attack is a test that passes when the system is
correct."""

from __future__ import annotations

import pytest
from django.test import Client

from evaluation.reaction.models import ReactionAnswer, ReactionReceipt
from lms import roles
from lms.models import StaffAccess, User
from tests.evaluation.test_reaction import RATINGS, room  # noqa: F401 - fixture
from tests.factories import UserFactory, assessment_setup

pytestmark = pytest.mark.django_db
TOKEN = "s3cret-metrics-token-for-review"


def _logged(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- health -------------------------------------------------------------------------------------


def test_health_live_and_ready_leak_no_hostname_or_error(settings):
    live = Client().get("/health/live/")
    assert live.status_code == 200 and live.json() == {"status": "live"}
    ready = Client().get("/health/ready/")
    assert ready.status_code in (200, 503)
    body = ready.json()
    assert set(body) == {"status", "checks"}
    assert all(v in ("ok", "unavailable", "not configured") for v in body["checks"].values())
    assert "no-store" in ready.get("Cache-Control", "") or "max-age=0" in ready.get("Cache-Control", "")


def test_health_ready_with_a_broken_check_names_it_but_not_the_error(monkeypatch):
    from lms import health

    def boom():
        raise RuntimeError("could not connect to db-primary.internal:5432 password=hunter2")

    monkeypatch.setitem(health.CHECKS, "database", boom)
    response = Client().get("/health/ready/")
    assert response.status_code == 503
    text = response.content.decode()
    assert "db-primary" not in text and "hunter2" not in text and "RuntimeError" not in text
    assert response.json()["checks"]["database"] == "unavailable"


# --- metrics ------------------------------------------------------------------------------------


def test_metrics_is_off_without_a_token(settings):
    settings.METRICS_TOKEN = ""
    # The 404 is turned by the locale middleware into a redirect to /fr/metrics/, itself a 404.
    for header in ("", "Bearer "):
        response = Client().get("/metrics/", HTTP_AUTHORIZATION=header, follow=True)
        assert response.status_code == 404 and b"lms_http_request" not in response.content


@pytest.mark.parametrize(
    "header",
    ["", "Bearer ", "Bearer", f"Bearer {TOKEN}x", f"bearer {TOKEN}", f"Basic {TOKEN}", TOKEN, f"Bearer  {TOKEN}"],
)
def test_metrics_refuses_a_wrong_or_empty_token(settings, header):
    settings.METRICS_TOKEN = TOKEN
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    response = Client().get("/metrics/", **extra)
    assert response.status_code == 401
    assert b"lms_" not in response.content


def test_metrics_refuses_the_token_in_the_query_string(settings):
    settings.METRICS_TOKEN = TOKEN
    for query in (f"token={TOKEN}", f"access_token={TOKEN}", f"authorization=Bearer%20{TOKEN}"):
        assert Client().get(f"/metrics/?{query}").status_code == 401


def test_metrics_answers_the_right_token(settings):
    settings.METRICS_TOKEN = TOKEN
    response = Client().get("/metrics/", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200 and b"lms_http_request_duration_seconds" in response.content


@pytest.mark.parametrize(
    "given",
    ["abcdefgh\r\nSet-Cookie: x=1", "abcdefgh\nX-Evil: 1", "a" * 65, "a" * 5000, "short", "<script>x</script>", ""],
)
def test_a_bad_request_id_is_replaced(given):
    response = Client().get("/health/live/", HTTP_X_REQUEST_ID=given)
    rid = response["X-Request-ID"]
    assert rid != given
    assert "\n" not in rid and "\r" not in rid and len(rid) <= 64 and rid
    assert "Set-Cookie" not in rid and response.cookies.get("x") != "x"


def test_a_well_formed_request_id_is_kept():
    response = Client().get("/health/live/", HTTP_X_REQUEST_ID="abcdef0123456789")
    assert response["X-Request-ID"] == "abcdef0123456789"


# --- evaluation PDF ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("role", [roles.TRAINER, roles.TRAINEE, roles.EDITOR])
def test_the_pdf_is_refused_to_non_evaluators(language, role):
    client = _logged(UserFactory(username=f"or5-{role.lower()}", role=role))
    response = client.get(f"/{language}/evaluation/report.pdf")
    assert response.status_code == 403
    assert response.get("Content-Type", "") != "application/pdf"
    assert not StaffAccess.objects.filter(what=StaffAccess.What.EVALUATION_PDF).exists()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_pdf_is_refused_to_anonymous(language):
    response = Client().get(f"/{language}/evaluation/report.pdf")
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize(
    "query",
    [
        "prefecture=nowhere",
        "course=abc",
        "course=999999999",
        "course=-1",
        "audience=%00",
        "region=../../etc/passwd",
        "prefecture=kankan&prefecture=<script>",
        "course=1e9999",
        "mode=" + "x" * 5000,
        "natural_region=%ff%fe",
    ],
)
def test_the_pdf_answers_a_bad_filter_with_a_400_not_a_500(query):
    client = _logged(UserFactory(username="or5-evaluator", role=roles.EVALUATOR))
    client.raise_request_exception = False
    response = client.get(f"/en/evaluation/report.pdf?{query}")
    assert response.status_code in (200, 400), (query, response.status_code)


def test_the_pdf_refuses_a_post():
    client = _logged(UserFactory(username="or5-evaluator-post", role=roles.EVALUATOR))
    assert client.post("/en/evaluation/report.pdf").status_code == 405


# --- declared groups ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        {"sex": "other"},
        {"sex": "MALE"},
        {"age_band": "99"},
        {"sex": ["male", "female"]},
        {"sex": "male\x00"},
        {"sex": "x" * 10000},
        {"age_band": "18_35 "},
    ],
)
def test_declared_groups_refuse_bad_values_and_store_nothing(data):
    person = UserFactory(username="or5-groups")
    client = _logged(person)
    client.raise_request_exception = False
    client.post("/fr/account/groups/", {"sex": "female", "age_band": "over_35"})
    response = client.post("/fr/account/groups/", data)
    person.refresh_from_db()
    if isinstance(data.get("sex"), list):  # the last value wins, as Django reads a QueryDict
        assert response.status_code in (302, 400)
        assert person.sex in ("female", "male")
    else:
        assert response.status_code == 400
        assert (person.sex, person.age_band) == ("female", "over_35")


def test_declared_groups_by_get_change_nothing():
    person = UserFactory(username="or5-groups-get")
    response = _logged(person).get("/fr/account/groups/?sex=male&age_band=18_35")
    assert response.status_code == 405
    person.refresh_from_db()
    assert (person.sex, person.age_band) == ("", "")


def test_declared_groups_cannot_change_another_users_data():
    victim = UserFactory(username="or5-victim")
    attacker = UserFactory(username="or5-attacker")
    client = _logged(attacker)
    for extra in ({"user": victim.pk}, {"user_id": victim.pk}, {"pk": victim.pk}, {"username": victim.username}):
        client.post("/fr/account/groups/", {"sex": "male", "age_band": "18_35", **extra})
    client.post(f"/fr/account/groups/?user={victim.pk}", {"sex": "male", "age_band": "18_35"})
    victim.refresh_from_db()
    assert (victim.sex, victim.age_band) == ("", "")
    assert User.objects.filter(sex="male").count() == 1


def test_declared_groups_need_a_csrf_token():
    person = UserFactory(username="or5-csrf")
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    response = client.post("/fr/account/groups/", {"sex": "male", "age_band": "18_35"})
    assert response.status_code == 403
    person.refresh_from_db()
    assert (person.sex, person.age_band) == ("", "")


# --- reaction questionnaire ---------------------------------------------------------------------


def _form(**over):
    return {f"rating_{key}": value for key, value in RATINGS.items()} | {"comment": "ok"} | over


def test_reaction_answered_twice_stores_once(room):
    client = _logged(room["people"][0])
    url = f"/fr/reaction/{room['course'].pk}/"
    assert client.post(url, _form()).status_code == 302
    second = client.post(url, _form(comment="encore"))
    assert second.status_code == 200
    assert ReactionReceipt.objects.count() == 1 and ReactionAnswer.objects.count() == 1


def test_reaction_without_a_handed_in_post_test_is_refused(room):
    stranger = UserFactory(username="or5-no-post")
    client = _logged(stranger)
    client.raise_request_exception = False
    response = client.post(f"/fr/reaction/{room['course'].pk}/", _form())
    assert response.status_code == 404
    assert not ReactionAnswer.objects.exists() and not ReactionReceipt.objects.exists()


def test_reaction_for_another_course_is_refused(room):
    other, _lessons, _pre, _post = assessment_setup()
    client = _logged(room["people"][0])
    client.raise_request_exception = False
    for course_id in (other.pk, 999999, 2**31):
        response = client.post(f"/fr/reaction/{course_id}/", _form())
        assert response.status_code == 404, (course_id, response.status_code)
    assert not ReactionAnswer.objects.exists() and not ReactionReceipt.objects.exists()


def test_reaction_with_a_huge_or_non_numeric_course_id_is_not_a_500(room):
    client = _logged(room["people"][0])
    client.raise_request_exception = False
    for path in ("abc", "-1", "1.5"):
        assert client.post(f"/fr/reaction/{path}/", _form()).status_code == 404, path


@pytest.mark.parametrize("course_id", [2**63, 10**40])
def test_reaction_with_a_course_id_beyond_64_bits_is_a_404_not_a_500(room, course_id):
    """DEFECT: <int:course_id> accepts any length; get_object_or_404 overflows the database integer."""
    client = _logged(room["people"][0])
    client.raise_request_exception = False
    for method in (client.get, client.post):
        assert method(f"/fr/reaction/{course_id}/", _form()).status_code == 404
    assert not ReactionAnswer.objects.exists()


@pytest.mark.parametrize(
    "bad",
    ["abc", "", "3.5", "0", "6", "-1", "99999999999999999999", "1e3", " ", "\x00", "５"],
)
def test_reaction_bad_ratings_are_refused_and_not_stored(room, bad):
    client = _logged(room["people"][0])
    client.raise_request_exception = False
    response = client.post(f"/fr/reaction/{room['course'].pk}/", _form(rating_relevance=bad))
    assert response.status_code == 400, (bad, response.status_code)
    assert not ReactionAnswer.objects.exists() and not ReactionReceipt.objects.exists()


def test_reaction_missing_or_repeated_ratings_are_refused(room):
    client = _logged(room["people"][0])
    client.raise_request_exception = False
    url = f"/fr/reaction/{room['course'].pk}/"
    form = _form()
    del form["rating_trainer"]
    assert client.post(url, form).status_code == 400
    assert client.post(url, _form(comment="x" * 100000)).status_code == 400
    assert not ReactionAnswer.objects.exists() and not ReactionReceipt.objects.exists()


def test_reaction_extra_unknown_rating_keys_are_ignored(room):
    client = _logged(room["people"][0])
    url = f"/fr/reaction/{room['course'].pk}/"
    assert client.post(url, _form(rating_evil=5, rating_relevance=5)).status_code == 302
    assert ReactionAnswer.objects.count() == 1
