"""xAPI intake: only well-formed statements about activities we issued are kept, each once."""

import json
import uuid

import pytest
from django.test import Client

from courses import services
from courses.models import H5PResult, H5PState
from tests.factories import UserFactory, course_tree, h5p_package

pytestmark = pytest.mark.django_db

URL = "/api/xapi/statements/"
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"


@pytest.fixture
def setup():
    package = h5p_package()
    course, lessons = course_tree(h5p_package=package)
    user = UserFactory()
    services.enrolment_create(user=user, course=course)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(lessons[0].url)  # sets the CSRF cookie, as the lesson page does
    return {"client": client, "user": user, "lesson": lessons[0], "package": package, "course": course}


def statement(lesson, *, raw=1, max=1, verb=ANSWERED, activity="act-1", statement_id=None, **extra):
    data = {
        "id": str(statement_id or uuid.uuid4()),
        "actor": {"name": "Someone", "mbox": "mailto:someone@example.org"},
        "verb": {"id": verb},
        "object": {"id": f"http://testserver/xapi/activities/{lesson.pk}/{activity}"},
        "result": {"score": {"raw": raw, "max": max, "scaled": 0.99}, "success": raw == max},
    }
    data.update(extra)
    return data


def post(client, body, *, csrf=True, raw=None):
    headers = {"HTTP_X_CSRFTOKEN": client.cookies["csrftoken"].value} if csrf else {}
    return client.post(URL, raw if raw is not None else json.dumps(body), content_type="application/json", **headers)


def test_a_valid_statement_is_recorded_with_the_server_computed_scale(setup):
    response = post(setup["client"], statement(setup["lesson"], raw=2, max=4))
    assert response.status_code == 201
    row = H5PResult.objects.get()
    assert (row.user, row.raw, row.max, row.scaled, row.activity_id) == (setup["user"], 2, 4, 0.5, "act-1")


def test_the_same_statement_sent_ten_times_is_recorded_once(setup):
    body = statement(setup["lesson"])
    codes = [post(setup["client"], body).status_code for _ in range(10)]
    assert codes == [201] + [200] * 9
    assert H5PResult.objects.count() == 1


def test_every_attempt_is_kept_as_history(setup):
    for raw in (0, 1, 1):
        post(setup["client"], statement(setup["lesson"], raw=raw))
    assert list(H5PResult.objects.order_by("pk").values_list("raw", flat=True)) == [0, 1, 1]


def test_the_actor_in_the_statement_is_ignored(setup):
    other = UserFactory()
    body = statement(setup["lesson"], actor={"name": other.username, "account": {"name": other.username}})
    post(setup["client"], body)
    assert H5PResult.objects.get().user == setup["user"]


def test_sub_statements_and_known_verbs_without_scores_are_accepted_but_not_stored(setup):
    sub = statement(setup["lesson"], context={"contextActivities": {"parent": [{"id": "x"}]}})
    interacted = statement(setup["lesson"], verb="http://adlnet.gov/expapi/verbs/interacted")
    assert post(setup["client"], sub).status_code == 200
    assert post(setup["client"], interacted).status_code == 200
    assert H5PResult.objects.count() == 0


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("wrong_object_id", 403),
        ("another_site", 403),
        ("unknown_block", 403),
        ("raw_above_max", 400),
        ("negative_raw", 400),
        ("zero_max", 400),
        ("score_not_a_number", 400),
        ("unknown_verb", 400),
        ("no_statement_id", 400),
        ("not_json", 400),
        ("oversize_body", 413),
        ("missing_csrf", 403),
        ("not_enrolled", 403),
        ("anonymous", 401),
    ],
)
def test_forged_or_broken_statements_are_refused_and_change_nothing(setup, case, expected):
    client, lesson = setup["client"], setup["lesson"]
    body = statement(lesson)
    kwargs = {}
    if case == "wrong_object_id":
        body["object"]["id"] = f"http://testserver/xapi/activities/{lesson.pk + 999}/act-1"
    elif case == "another_site":
        body["object"]["id"] = f"https://evil.example/xapi/activities/{lesson.pk}/act-1"
    elif case == "unknown_block":
        body = statement(lesson, activity="not-a-block")
    elif case == "raw_above_max":
        body = statement(lesson, raw=5, max=4)
    elif case == "negative_raw":
        body = statement(lesson, raw=-1, max=4)
    elif case == "zero_max":
        body = statement(lesson, raw=0, max=0)
    elif case == "score_not_a_number":
        body["result"]["score"]["raw"] = "1"
    elif case == "unknown_verb":
        body = statement(lesson, verb="http://example.org/verbs/hacked")
    elif case == "no_statement_id":
        del body["id"]
    elif case == "not_json":
        kwargs["raw"] = "{not json"
    elif case == "oversize_body":
        body["padding"] = "x" * (64 * 1024)
    elif case == "missing_csrf":
        kwargs["csrf"] = False
    elif case == "not_enrolled":
        client = Client(enforce_csrf_checks=True)
        client.force_login(UserFactory())
        client.get("/fr/")
        client.cookies["csrftoken"] = setup["client"].cookies["csrftoken"].value
    elif case == "anonymous":
        client = Client()
    if case == "anonymous":
        response = client.post(URL, json.dumps(body), content_type="application/json")
    elif case == "not_enrolled":
        response = client.post(
            URL, json.dumps(body), content_type="application/json", HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value
        )
    else:
        response = post(client, body, **kwargs)
    assert response.status_code == expected, response.content
    assert H5PResult.objects.count() == 0


def test_intake_makes_at_most_eight_queries(setup, django_assert_max_num_queries):
    body = statement(setup["lesson"])
    with django_assert_max_num_queries(8):
        assert post(setup["client"], body).status_code == 201


def test_resume_state_is_saved_and_returned(setup):
    client, lesson = setup["client"], setup["lesson"]
    url = f"/api/h5p/state/{lesson.pk}/act-1/"
    token = client.cookies["csrftoken"].value
    response = client.post(
        url, json.dumps({"state": '{"answers":[0]}'}), content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 200
    assert client.get(url).json() == {"state": '{"answers":[0]}'}
    too_big = json.dumps({"state": "x" * (64 * 1024 + 1)})
    assert client.post(url, too_big, content_type="application/json", HTTP_X_CSRFTOKEN=token).status_code == 413
    assert H5PState.objects.get().data == '{"answers":[0]}'


def test_a_required_activity_gates_lesson_completion(setup):
    user, lesson = setup["user"], setup["lesson"]
    assert services.lesson_complete(user=user, lesson=lesson).missing_activities == ("Scénario",)
    post(setup["client"], statement(lesson, raw=1, max=1))
    assert services.lesson_complete(user=user, lesson=lesson).completed
