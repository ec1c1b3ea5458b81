"""Join codes: a code that is wrong, closed or not yet open gets one answer, and guessing is limited
per client (lms.ratelimit)."""

import html
import re

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import TrainingSessionFactory, UserFactory
from training.models import Participant

pytestmark = pytest.mark.django_db

CODE = "JOIN42"


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


def _answer(client: Client) -> tuple[int, str]:
    response = client.post("/en/sessions/join/", {"code": CODE})
    # The page without its CSRF token, which differs on every request.
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
    return response.status_code, page


@pytest.mark.parametrize("status", ["closed", "planned"])
def test_a_session_not_open_for_enrolment_answers_like_an_unknown_code(status):
    client = Client()
    user = UserFactory(username="curieuse")
    client.force_login(user)
    session = TrainingSessionFactory(join_code=CODE, status=status)
    existing = _answer(client)
    session.delete()
    unknown = _answer(client)
    assert existing == unknown
    assert "No open session has this code." in unknown[1]
    assert "not open for enrolment" not in existing[1]
    assert not Participant.objects.exists()


def test_guessing_join_codes_is_refused_after_the_limit_with_a_translated_message(settings):
    settings.JOIN_CODE_RATE = 5
    client = Client()
    client.force_login(UserFactory(username="devineuse"))
    for number in range(5):
        assert client.post("/fr/sessions/join/", {"code": f"NOPE{number}"}).status_code == 200
    session = TrainingSessionFactory(join_code=CODE)
    refused = client.post("/fr/sessions/join/", {"code": CODE})
    assert refused.status_code == 429
    assert "Trop d'essais" in html.unescape(refused.content.decode())
    assert not Participant.objects.filter(session=session).exists()


def test_one_person_guessing_is_limited_even_from_many_addresses(settings):
    from training.views import JOIN_CODE_ATTEMPTS_PER_ACCOUNT

    client = Client()
    client.force_login(UserFactory(username="voyageuse"))
    for number in range(JOIN_CODE_ATTEMPTS_PER_ACCOUNT):
        client.post("/en/sessions/join/", {"code": f"NOPE{number}"}, REMOTE_ADDR=f"192.0.2.{number}")
    assert client.post("/en/sessions/join/", {"code": "NOPE"}, REMOTE_ADDR="192.0.2.200").status_code == 429


def test_a_room_behind_one_address_joins(settings):
    """Sixty trainees on one venue router all get in with the right code."""
    session = TrainingSessionFactory(join_code=CODE)
    for number in range(60):
        client = Client()
        client.force_login(UserFactory(username=f"salle{number}"))
        assert client.post("/en/sessions/join/", {"code": CODE}).status_code == 302
    assert Participant.objects.filter(session=session).count() == 60
