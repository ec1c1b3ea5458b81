"""A session that cannot be written after the view committed never turns the view's success into an
error: the database restarting between the two must not make a phone drop or resend an answer."""

import json
import time
from importlib import import_module

import pytest
from django.contrib.sessions.models import Session
from django.db import OperationalError
from django.http import HttpResponse
from django.test import Client, RequestFactory

from assessments.models import Attempt, Response
from courses import services as course_services
from lms.middleware import CommittedResponseSessionMiddleware, SessionIdleTimeoutMiddleware
from tests.factories import UserFactory, assessment_setup

pytestmark = pytest.mark.django_db

ENGINES = ["django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cached_db"]


@pytest.fixture(params=ENGINES, ids=["db", "cached_db"])
def trainee_in_open_test(request, settings):
    """A trainee in an open pre-test, whose next request rewrites the session (its idle clock is old)."""
    settings.SESSION_ENGINE = request.param
    course, _lessons, pre, _post = assessment_setup()
    user = UserFactory()
    course_services.enrolment_create(user=user, course=course)
    client = Client()
    client.force_login(user)
    client.post(f"/fr/tests/{pre.pk}/")
    attempt = Attempt.objects.get(user=user, test=pre)
    session = client.session
    session[SessionIdleTimeoutMiddleware.KEY] = int(time.time()) - 2 * SessionIdleTimeoutMiddleware.TOUCH_EVERY
    session.save()
    return client, attempt


@pytest.fixture
def session_writes_fail(monkeypatch, caplog):
    """Every session write fails as it does while PostgreSQL restarts (after the view's commit)."""

    def refuse(self, *args, **kwargs):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr(Session, "save", refuse)
    return caplog


def _first_question(attempt: Attempt) -> int:
    return attempt.layout[0]["question"]


def test_an_autosave_is_answered_saved_when_the_session_write_fails_after_it(trainee_in_open_test, session_writes_fail):
    client, attempt = trainee_in_open_test
    question = _first_question(attempt)
    body = json.dumps({"question": question, "answer": "b", "seq": 1})
    reply = client.post(f"/api/attempts/{attempt.pk}/responses/", body, content_type="application/json")
    assert reply.status_code == 200, reply.content
    assert reply.json()["saved"] is True
    assert Response.objects.get(attempt=attempt, question_id=question).answer == "b"
    assert "session" in session_writes_fail.text.lower()


def test_save_and_continue_later_succeeds_when_the_session_write_fails_after_it(
    trainee_in_open_test, session_writes_fail
):
    client, attempt = trainee_in_open_test
    question = _first_question(attempt)
    reply = client.post(f"/fr/attempts/{attempt.pk}/submit/", {f"q{question}": "b", "save": "1"})
    assert reply.status_code == 302, reply.content
    assert reply["Location"] == f"/fr/tests/{attempt.test_id}/"
    assert Response.objects.get(attempt=attempt, question_id=question).answer == "b"
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.OPEN


def test_a_hand_in_succeeds_when_the_session_write_fails_after_it(trainee_in_open_test, session_writes_fail):
    client, attempt = trainee_in_open_test
    question = _first_question(attempt)
    reply = client.post(f"/fr/attempts/{attempt.pk}/submit/", {f"q{question}": "b", "submit": "1"})
    assert reply.status_code == 302, reply.content
    assert reply["Location"] == f"/fr/attempts/{attempt.pk}/"
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert Response.objects.get(attempt=attempt, question_id=question).answer == "b"


@pytest.mark.parametrize("engine", ENGINES, ids=["db", "cached_db"])
def test_a_session_ended_by_a_concurrent_logout_is_not_recreated_and_the_response_goes_out(settings, engine):
    """Django answers 400 here so as not to bring back a session ended meanwhile; the response now goes
    out instead, and the session stays ended: no row, no cookie for it."""
    settings.SESSION_ENGINE = engine
    store_class = import_module(engine).SessionStore
    store = store_class()
    store["_auth_user_id"] = "1"
    store.create()
    request = RequestFactory().get("/fr/dashboard/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = store.session_key
    middleware = CommittedResponseSessionMiddleware(lambda request: HttpResponse("ok"))
    middleware.process_request(request)
    request.session[SessionIdleTimeoutMiddleware.KEY] = int(time.time())  # this request writes the session
    store_class(session_key=store.session_key).delete()  # the logout, in another tab
    response = middleware.process_response(request, HttpResponse("ok"))
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not Session.objects.filter(session_key=store.session_key).exists()
    assert not store_class(session_key=store.session_key).exists(store.session_key)
