"""Fixtures of the field tests: a trainee enrolled in a module with a pre- and post-test, and a room."""

import os

import pytest
from django.test import Client

from courses.services import enrolment_create
from tests.factories import UserFactory, assessment_setup
from tests.training.conftest import trainer_user

# Playwright's emulated offline mode covers a service worker's own requests (Background Sync sends
# from the worker) only with this switch; without it the worker would reach the server "offline".
# Read when the Playwright driver starts, so it is set before any browser fixture runs.
os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")


@pytest.fixture
def module(db):
    course, lessons, pre, post = assessment_setup()
    return {"course": course, "lessons": lessons, "pre": pre, "post": post}


@pytest.fixture
def trainee(module):
    user = UserFactory(username="mariama")
    enrolment_create(user=user, course=module["course"])
    client = Client()
    client.force_login(user)
    return {"user": user, "client": client, **module}


@pytest.fixture
def post_open(trainee):
    """The trainee took the pre-test online and completed the lessons: the post-test is open to them."""
    from assessments import services
    from courses.services import lesson_complete

    attempt, _created = services.attempt_start(user=trainee["user"], test=trainee["pre"])
    services.attempt_submit(user=trainee["user"], attempt_id=attempt.pk)
    for lesson in trainee["lessons"]:
        lesson_complete(user=trainee["user"], lesson=lesson)
    return trainee


@pytest.fixture
def shared_room(module):
    """A running session on the module with a trainer and three participants, the pre-test open."""
    from tests.factories import TrainingSessionFactory
    from training import services

    trainer = trainer_user("formateur")
    session = TrainingSessionFactory(code="KAN8", trainer=trainer, courses=[module["course"]])
    services.session_days_sync(session=session)
    people = [UserFactory(username=f"part{n}", display_name=f"Participant {n}") for n in range(1, 4)]
    for user in people:
        services.participant_add(session=session, user=user)
    services.test_window_set(session=session, kind="pre", open=True)
    return {"trainer": trainer, "session": session, "people": people, **module}


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """A request to an /en/ page leaves English active in this thread; later tests' reverse() would
    then build /en/ URLs. Leave the thread as we found it."""
    from django.utils import translation

    yield
    translation.deactivate()
