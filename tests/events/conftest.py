"""People of the events tests, one per role, placed in real prefectures (the reference data)."""

import pytest
from django.conf import settings
from django.utils import translation

from lms import roles
from lms.models import Prefecture
from tests.factories import CoordinatorFactory, UserFactory
from tests.training.test_browser_session import phones  # noqa: F401 (the phone-sized browser fixture)


def user_with_role(username: str, role: str | None, **fields):
    """A person in `role`; staff get their authenticator app (tests.factories.UserFactory)."""
    return UserFactory(username=username, role=role, **fields)


@pytest.fixture(autouse=True)
def default_language_after():
    """Requests to /en/ leave English active in the thread; later tests expect the default (French)."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def kankan(db):
    return Prefecture.objects.get(code="kankan")


@pytest.fixture
def labe(db):
    return Prefecture.objects.get(code="labe")


@pytest.fixture
def people(db, kankan, labe):
    """ambassador, coordinator (Kankan region), other_coordinator (Labé region), organiser (trainer),
    evaluator, admin, trainee."""
    found = {
        "ambassador": user_with_role("ambassadrice", roles.AMBASSADOR, prefecture=kankan),
        "coordinator": user_with_role("coordinatrice", roles.TRAINER),
        "other_coordinator": user_with_role("coordinateur-labe", roles.TRAINER),
        "organiser": user_with_role("organisatrice", roles.TRAINER),
        "evaluator": user_with_role("evaluatrice", roles.EVALUATOR),
        "admin": user_with_role("administratrice", roles.ADMINISTRATOR),
        "trainee": user_with_role("apprenante", roles.TRAINEE),
    }
    CoordinatorFactory(user=found["coordinator"], region=kankan.region)
    CoordinatorFactory(user=found["other_coordinator"], region=labe.region)
    return found
