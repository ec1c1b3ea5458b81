"""Shared-phone PINs: guessing stops. After a few wrong PINs for one participant on one phone, the
sync is refused before any hash is computed, with a clear message; the lock ends by itself."""

import time
import uuid

import pytest
from django.contrib.auth import hashers
from django.core.cache import cache
from django.test import Client

from assessments import offline
from assessments.models import Attempt
from tests.field.test_offline_sync import body, download, right_fields

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def phone(shared_room):
    trainer = Client()
    trainer.force_login(shared_room["trainer"])
    for n, person in enumerate(shared_room["people"]):
        offline.pin_set(user=person, pin=f"24{n}8")
    package = download(trainer, shared_room["pre"], session="KAN8")
    return {"package": package, **shared_room}


@pytest.fixture
def pbkdf2_calls(monkeypatch):
    """How many PBKDF2 computations ran (the function Django's PBKDF2 hasher calls)."""
    calls = []
    real = hashers.pbkdf2

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(hashers, "pbkdf2", counting)
    return calls


def _sync(phone, person, pin, **extra):
    package = phone["package"]
    sheet = next(i for i, s in enumerate(package["sheets"]) if person.pk in [p["id"] for p in s["people"]])
    payload = body(package, right_fields(package, sheet), sheet, participant=person.pk, pin=pin)
    return Client().put(f"/api/offline-attempts/{uuid.uuid4()}/", payload, content_type="application/json", **extra)


def test_the_sixth_try_is_refused_even_with_the_right_pin_and_computes_no_hash(phone, pbkdf2_calls):
    person = phone["people"][0]
    for _ in range(5):
        assert _sync(phone, person, "0000").status_code == 403
    hashed = len(pbkdf2_calls)
    assert hashed == 5
    refused = _sync(phone, person, "2408", HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 429
    assert "Too many wrong PINs" in refused.json()["error"]
    assert len(pbkdf2_calls) == hashed, "the refusal computed a PBKDF2 hash"
    assert not Attempt.objects.exists()
    # The others on the same phone are not locked out.
    assert _sync(phone, phone["people"][1], "2418").status_code == 201


def test_the_lock_ends_by_itself(phone, monkeypatch):
    person = phone["people"][0]
    for _ in range(5):
        _sync(phone, person, "0000")
    assert _sync(phone, person, "2408").status_code == 429
    later = time.time() + offline.PIN_LOCK_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)
    assert _sync(phone, person, "2408").status_code == 201


def test_the_refusal_is_translated(phone):
    person = phone["people"][0]
    for _ in range(5):
        _sync(phone, person, "0000")
    refused = _sync(phone, person, "2408", HTTP_ACCEPT_LANGUAGE="fr")
    assert refused.status_code == 429
    assert "Trop de codes PIN erronés" in refused.json()["error"]


@pytest.mark.parametrize("trusted", [True, False])
def test_wrong_pins_are_also_counted_per_client_address(phone, settings, trusted):
    """Across participants, one client may get only so many PINs wrong: behind our proxy that client
    is the forwarded address; a forged header from a stranger counts on the stranger's address."""
    settings.TRUSTED_PROXIES = [PROXY] if trusted else []
    settings.OFFLINE_PIN_FAILURES_PER_IP = 2
    first, second, third = phone["people"]
    _sync(phone, first, "0000", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    _sync(phone, second, "0000", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.8")
    response = _sync(phone, third, "2428", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.9")
    # Behind the proxy they are three clients with one failure each; without trusting it, one client.
    assert response.status_code == (201 if trusted else 429)
