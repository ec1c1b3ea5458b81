"""Behind a proxy, every limiter sees the real client: one setting (TRUSTED_PROXIES), one function
(lms.ratelimit.client_ip).

For each limiter (login, certificate verification, webinar registration, join codes; the shared-phone
PINs are in tests/field/test_offline_pin_lock.py): behind a trusted proxy, one client using up its
limit leaves the next client free; from an untrusted peer, a forged X-Forwarded-For changes nothing.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from tests.factories import TrainingSessionFactory, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"
CLIENT_A, CLIENT_B = "198.51.100.7", "198.51.100.8"
STRANGER = "203.0.113.9"  # a peer that is not one of our proxies


@pytest.fixture(autouse=True)
def _behind_one_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    cache.clear()
    yield
    cache.clear()


def via_proxy(client_address: str) -> dict:
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": client_address}


def forged(number: int) -> dict:
    """A request straight from a stranger, claiming a different address each time."""
    return {"REMOTE_ADDR": STRANGER, "HTTP_X_FORWARDED_FOR": f"192.0.2.{number}", "HTTP_X_REAL_IP": f"192.0.2.{number}"}


# --- the function -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({"REMOTE_ADDR": CLIENT_A}, CLIENT_A),
        # From an untrusted peer the headers are ignored.
        ({"REMOTE_ADDR": STRANGER, "HTTP_X_FORWARDED_FOR": CLIENT_A}, STRANGER),
        ({"REMOTE_ADDR": STRANGER, "HTTP_X_REAL_IP": CLIENT_A}, STRANGER),
        # From our proxy: the address it received the request from (the last one it added); what
        # the client itself wrote before it is not believed.
        ({"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": CLIENT_A}, CLIENT_A),
        ({"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"1.2.3.4, {CLIENT_A}"}, CLIENT_A),
        ({"REMOTE_ADDR": PROXY, "HTTP_X_REAL_IP": CLIENT_A}, CLIENT_A),
        # Two proxies of ours in a row (a network of them), then the client.
        ({"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"1.2.3.4, {CLIENT_A}, 10.0.0.6"}, CLIENT_A),
        # Garbage in the header: the last address we can trust is the answer.
        ({"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "not-an-address"}, PROXY),
        ({"REMOTE_ADDR": PROXY}, PROXY),
    ],
)
def test_client_ip_believes_forwarded_headers_only_from_trusted_proxies(settings, meta, expected):
    from lms.ratelimit import client_ip

    settings.TRUSTED_PROXIES = [PROXY, "10.0.0.6/32"]
    request = RequestFactory().get("/", **meta)
    assert client_ip(request) == expected


def test_allauth_asks_the_same_function(settings):
    from allauth.account.adapter import get_adapter

    request = RequestFactory().get("/", **via_proxy(CLIENT_A))
    assert get_adapter(request).get_client_ip(request) == CLIENT_A
    request = RequestFactory().get("/", **forged(1))
    assert get_adapter(request).get_client_ip(request) == STRANGER


# --- every limiter, behind the proxy and from a stranger ------------------------------------------


def _login(client, extra, number):
    return client.post("/fr/accounts/login/", {"login": f"inconnu{number}", "password": "faux"}, **extra)


def _verification(client, extra, number):
    return client.get("/v/AAAAAAAAAAAAAA/", **extra)


def _registration(client, extra, number, *, event):
    data = {"name": "Clarisse", "organisation": "Min.", "country": "GA", "email": f"p{number}@example.ga"}
    return client.post(f"/en/events/{event.pk}/register/", {**data, "consent": "on"}, **extra)


def _join(client, extra, number):
    return client.post("/en/sessions/join/", {"code": f"NOPE{number}"}, **extra)


@pytest.fixture
def limiters(settings):
    """name -> (request function, how many requests the limit allows, a logged-in client or None)."""
    from tests.events.factories import EventFactory

    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}
    settings.CERTIFICATE_VERIFY_RATE = 3
    settings.JOIN_CODE_RATE = 3
    webinar = EventFactory(kind="webinar", place="online", prefecture=None, registration_open=True)
    from events import views as event_views

    TrainingSessionFactory()
    return {
        "login": (_login, 3, False),
        "verification": (_verification, 3, False),
        "registration": (
            lambda c, e, n: _registration(c, e, n, event=webinar),
            event_views.REGISTRATIONS_PER_HOUR,
            False,
        ),
        "join code": (_join, 3, True),
    }


def _client(logged_in: bool, number: int) -> Client:
    client = Client()
    if logged_in:
        client.force_login(UserFactory(username=f"joueur{number}"))
    return client


@pytest.mark.parametrize("name", ["login", "verification", "registration", "join code"])
def test_behind_the_proxy_one_client_using_up_its_limit_leaves_the_next_free(limiters, name):
    send, allowed, logged_in = limiters[name]
    for number in range(allowed):
        assert send(_client(logged_in, number), via_proxy(CLIENT_A), number).status_code != 429
    assert send(_client(logged_in, 100), via_proxy(CLIENT_A), 100).status_code == 429, "client A is not limited"
    assert send(_client(logged_in, 101), via_proxy(CLIENT_B), 101).status_code != 429, "client B pays for A"


@pytest.mark.parametrize("name", ["login", "verification", "registration", "join code"])
def test_a_forged_forwarded_header_from_a_stranger_changes_nothing(limiters, name):
    send, allowed, logged_in = limiters[name]
    for number in range(allowed):
        send(_client(logged_in, number), forged(number), number)
    assert send(_client(logged_in, 100), forged(100), 100).status_code == 429
