"""One rule decides whether a person may take a test now (`access.may_take_test`), whatever the route.

Every refusal reason is reached through each route: the online start, the download to one's phone,
the download to a trainer's shared phone (the person is left out) and, for an attempt answered while
the test could be taken, the sync (the answers are kept, flagged, never scored back). A refused start
or download stores nothing.
"""

import json
import uuid

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import translation

from assessments import access, selectors
from assessments.models import Attempt, OfflineDevice, Test
from courses import services as course_services
from courses.models import Enrolment
from tests.factories import TrainingSessionFactory, UserFactory, assessment_setup, take_test
from tests.field.test_offline_sync import body, download, put, right_fields
from tests.training.conftest import trainer_user
from training import services as training_services

pytestmark = pytest.mark.django_db

SESSION = "RULE1"


@pytest.fixture
def room():
    """A module with a pre- and a post-test, and a trainer's running session on it (no window open)."""
    course, lessons, pre, post = assessment_setup()
    trainer = trainer_user("formateur")
    session = TrainingSessionFactory(code=SESSION, trainer=trainer, courses=[course])
    training_services.session_days_sync(session=session)
    return {"course": course, "lessons": lessons, "pre": pre, "post": post, "trainer": trainer, "session": session}


def _window(room, kind: str, open: bool) -> None:
    training_services.test_window_set(session=room["session"], kind=kind, open=open)


def _participant(room):
    user = UserFactory()
    training_services.participant_add(session=room["session"], user=user)
    return user


def _ready_for_the_post_test(room):
    """A participant who took the pre-test and completed every lesson."""
    user = _participant(room)
    _window(room, "pre", True)
    take_test(user=user, test=room["pre"])
    _window(room, "pre", False)
    for lesson in room["lessons"]:
        course_services.lesson_complete(user=user, lesson=lesson)
    return user


def _set_open(test: Test, value: bool) -> None:
    test.is_open = value
    test.save(update_fields=["is_open"])


# Each reason: `arrange` gives (user, test) as they are while the test may be taken; `refuse` then
# makes the reason true. The sync case downloads in between (the phone got the test while it could).
CASES = {
    access.NOT_ENROLLED: (
        lambda room: (_participant(room), room["pre"], _window(room, "pre", True))[:2],
        lambda room, user, test: Enrolment.objects.filter(user=user).update(status=Enrolment.Status.WITHDRAWN),
    ),
    access.CLOSED: (
        lambda room: (_participant(room), room["pre"], _window(room, "pre", True))[:2],
        lambda room, user, test: _set_open(test, False),
    ),
    access.REVIEW_OPEN: (
        lambda room: (_ready_for_the_post_test(room), room["post"]),
        lambda room, user, test: _set_open(test, False),
    ),
    access.WAITING_FOR_TRAINER: (
        lambda room: (_participant(room), room["pre"], _window(room, "pre", True))[:2],
        lambda room, user, test: _window(room, "pre", False),
    ),
    access.PRE_TEST_FIRST: (
        lambda room: (_participant(room), room["post"], _window(room, "post", True))[:2],
        lambda room, user, test: _window(room, "post", False),
    ),
    access.LESSONS_FIRST: (
        lambda room: (_take_pre_only(room), room["post"], _window(room, "post", True))[:2],
        lambda room, user, test: _window(room, "post", False),
    ),
    access.NO_ATTEMPTS_LEFT: (
        lambda room: (_participant(room), room["pre"], _window(room, "pre", True))[:2],
        lambda room, user, test: take_test(user=user, test=test),
    ),
}


def _take_pre_only(room):
    user = _participant(room)
    _window(room, "pre", True)
    take_test(user=user, test=room["pre"])
    _window(room, "pre", False)
    return user


def _arranged(room, code: str):
    arrange, refuse = CASES[code]
    user, test = arrange(room)
    assert access.may_take_test(user=user, test=test, route=access.ONLINE) is None, "arranged to be allowed"
    return user, test, lambda: refuse(room, user, test)


def _client(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def _in_english(user, test, route: str):
    with translation.override("en"):
        return access.may_take_test(user=user, test=test, route=route)


def _stored(user, test) -> tuple[int, int]:
    return Attempt.objects.filter(user=user, test=test).count(), OfflineDevice.objects.filter(test=test).count()


@pytest.mark.parametrize("code", list(CASES))
def test_every_reason_refuses_the_online_start_and_stores_nothing(room, code):
    user, test, refuse = _arranged(room, code)
    refuse()
    refusal = _in_english(user, test, access.ONLINE)
    assert refusal is not None and refusal.code == code, refusal
    client = _client(user)
    before = _stored(user, test)
    response = client.post(f"/en/tests/{test.pk}/")
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [refusal.message]
    assert _stored(user, test) == before and not Attempt.objects.filter(user=user, status="open").exists()
    page = client.get(f"/en/tests/{test.pk}/")
    if code in access.NOT_YET:
        assert page.status_code == 302  # back to the module, with the reason
    else:
        text = page.content.decode()
        assert page.status_code == 200 and refusal.message in text
        assert "Start the test" not in text and "Try again" not in text and "data-offline-download" not in text


@pytest.mark.parametrize("code", list(CASES))
def test_every_reason_refuses_the_download_with_the_same_words_and_stores_nothing(room, code):
    user, test, refuse = _arranged(room, code)
    refuse()
    refusal = _in_english(user, test, access.DOWNLOAD)
    assert refusal is not None and refusal.code == code
    before = _stored(user, test)
    response = _client(user).post(f"/api/offline-tests/{test.pk}/", {"language": "en"})
    assert (response.status_code, response.json()) == (403, {"error": refusal.message})
    assert _stored(user, test) == before


@pytest.mark.parametrize("code", list(CASES))
def test_every_reason_leaves_the_person_out_of_a_shared_phone_download(room, code):
    _user, test, refuse = _arranged(room, code)
    refuse()
    trainer = _client(room["trainer"])
    response = trainer.post(f"/api/offline-tests/{test.pk}/", {"language": "en", "session": SESSION})
    assert (response.status_code, response.json()) == (409, {"error": "Nobody in this session may take this test now."})
    assert not OfflineDevice.objects.exists()


@pytest.mark.parametrize(
    "code", [access.NOT_ENROLLED, access.CLOSED, access.REVIEW_OPEN, access.WAITING_FOR_TRAINER, access.PRE_TEST_FIRST]
)
def test_at_sync_the_same_reasons_keep_the_answers_flagged_late_and_never_score_them_back(room, code):
    user, test, refuse = _arranged(room, code)
    package = download(_client(user), test)
    refuse()
    assert access.may_take_test(user=user, test=test, route=access.SYNC).code == code
    attempt_id = uuid.uuid4()
    response = put(attempt_id, body(package, right_fields(package)))
    assert response.status_code == 201, response.content
    result = response.json()
    assert result["late"] is True and result["flagged"] is True and "score" not in result
    attempt = Attempt.objects.get(pk=attempt_id)
    assert attempt.flagged_late and attempt.mode == "offline"
    assert not Attempt.objects.counting().filter(pk=attempt_id).exists()


def test_at_sync_no_attempt_left_is_decided_when_recorded_flagged_duplicate(room):
    user, test, refuse = _arranged(room, access.NO_ATTEMPTS_LEFT)
    package = download(_client(user), test)
    refuse()
    assert access.may_take_test(user=user, test=test, route=access.SYNC) is None  # not its question
    result = put(uuid.uuid4(), body(package, right_fields(package))).json()
    assert result["duplicate"] is True and result["late"] is False and "score" not in result


def test_no_post_test_download_once_its_answers_can_be_seen(room):
    """Closing a post-test opens its review: from then on it can be neither started nor downloaded."""
    seen = _ready_for_the_post_test(room)
    finished = take_test(user=seen, test=room["post"])
    waiting = _ready_for_the_post_test(room)
    assert not selectors.review_open(attempt=finished)
    _set_open(room["post"], False)
    finished = Attempt.objects.get(pk=finished.pk)
    assert selectors.review_open(attempt=finished), "the answers can be seen"
    page = _client(seen).get(f"/en/attempts/{finished.pk}/").content.decode()
    assert '<div class="review">' in page
    response = _client(waiting).post(f"/api/offline-tests/{room['post'].pk}/", {"language": "fr"})
    assert response.status_code == 403
    with translation.override("fr"):
        assert response.json()["error"] == access.refusal(access.REVIEW_OPEN).message
    assert not OfflineDevice.objects.exists()
    assert not Attempt.objects.filter(user=waiting, test=room["post"]).exists()


def test_a_closed_test_is_refused_in_french_by_default(room):
    user, test, refuse = _arranged(room, access.CLOSED)
    refuse()
    client = Client()
    client.force_login(user)
    response = client.post(f"/api/offline-tests/{test.pk}/", {"language": "fr"})
    assert json.loads(response.content) == {"error": "Ce test est fermé."}
