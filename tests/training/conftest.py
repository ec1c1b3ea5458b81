"""Fixtures of the training tests: a session with a module that has a pre- and a post-test."""

import pytest

from lms import roles
from tests import factories


def trainer_user(username: str, **fields):
    return factories.UserFactory(username=username, role=roles.TRAINER, **fields)


@pytest.fixture
def trainer(db):
    return trainer_user("formatrice")


@pytest.fixture
def room(db, trainer):
    """A session run by `trainer` on a module with a pre- and post-test, and two participants."""
    from training import services

    course, lessons, pre, post = factories.assessment_setup()
    session = factories.TrainingSessionFactory(code="KAN1", trainer=trainer, courses=[course])
    services.session_days_sync(session=session)
    people = [factories.UserFactory(username=f"participant{n}") for n in range(2)]
    for user in people:
        services.participant_add(session=session, user=user)
    return {"session": session, "course": course, "lessons": lessons, "pre": pre, "post": post, "people": people}
