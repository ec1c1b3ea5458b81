"""Staff enrol a second factor (an authenticator app) before reaching any staff page; sessions end
after inactivity; a password change ends the person's other sessions."""

from __future__ import annotations

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from lms import demo, mfa, roles
from lms.middleware import SessionIdleTimeoutMiddleware
from tests import factories
from tests.login import PASSWORD
from tests.security.test_access_matrix import MATRIX, SUBTREES, UNNAMED, build_world, row_url

pytestmark = pytest.mark.django_db

ACTIVATE = "/fr/accounts/2fa/totp/activate/"
# Pages the gate lets through: the language switch (like static files) and the first login (enrolment).
PUBLIC = {"/language/en/", "/fr/accounts/first-login/"}


def _log_in(client: Client, username: str, password: str = PASSWORD):
    return client.post("/fr/accounts/login/", {"login": username, "password": password})


@pytest.fixture
def world(settings):
    settings.CERTIFICATE_BASE_URL = "https://verif.example.org"
    return build_world()


@pytest.mark.parametrize("role", ["trainer of the session", "evaluator", "editor", "admin"])
def test_a_staff_user_without_a_second_factor_reaches_no_staff_page(world, role):
    """Every route of the access matrix, and the admin subtrees, send them to the enrolment."""
    user = {
        "trainer of the session": world["session"].trainers.get(),
        "evaluator": world["people"]["evaluator"],
        "editor": world["people"]["editor"],
        "admin": world["people"]["admin"],
    }[role]
    Authenticator.objects.filter(user=user).delete()
    client = Client()
    client.force_login(user)
    urls = [row_url(name, row, world) for name, row in MATRIX.items() if row.method == "get"]
    urls += [url for probes in SUBTREES.values() for url, _statuses in probes if "/accounts/" not in url]
    urls += list(UNNAMED)
    reached = []
    for url in sorted(set(urls) - PUBLIC):
        url = url if url.startswith("/") else "/" + url
        response = client.get(url)
        if not (response.status_code == 302 and response["Location"].startswith(ACTIVATE)):
            reached.append(f"{url}: {response.status_code} {response.get('Location', '')}")
    assert reached == []
    # The POST routes (state changes) are refused the same way.
    for name, row in MATRIX.items():
        if row.method == "post" and name.startswith("training:"):
            response = client.post(row_url(name, row, world), row.data)
            assert response.status_code == 302 and response["Location"].startswith(ACTIVATE), name


def test_a_trainee_is_never_asked_for_a_second_factor(world):
    client = Client()
    assert _log_in(client, world["people"]["trainee A"].username)["Location"] == "/fr/dashboard/"
    assert client.get("/fr/dashboard/").status_code == 200
    assert not Authenticator.objects.filter(user=world["people"]["trainee A"]).exists()


def test_a_new_trainer_enrols_an_authenticator_app_then_reaches_their_sessions(settings):
    trainer = factories.UserFactory(username="nouvelle-formatrice", role=roles.TRAINER, second_factor=False)
    client = Client()
    assert _log_in(client, trainer.username).status_code == 302
    response = client.get("/fr/sessions/")
    assert response.status_code == 302 and response["Location"].startswith(ACTIVATE)
    # allauth asks for the password again before adding a factor.
    reauthenticate = client.get(response["Location"])
    assert reauthenticate.status_code == 302 and "/accounts/reauthenticate/" in reauthenticate["Location"]
    assert client.post(reauthenticate["Location"], {"password": PASSWORD}).status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    secret = re.search(r'value="([A-Z2-7]{32})"', html).group(1)
    assert "data:image/svg+xml;base64," in html  # the QR code, drawn by segno
    wrong = client.post(ACTIVATE, {"code": "000000" if mfa.totp_code(secret=secret) != "000000" else "111111"})
    assert wrong.status_code == 200 and not Authenticator.objects.filter(user=trainer).exists()
    done = client.post(ACTIVATE, {"code": mfa.totp_code(secret=secret)})
    assert done.status_code == 302
    kinds = set(Authenticator.objects.filter(user=trainer).values_list("type", flat=True))
    assert kinds == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}
    assert client.get("/fr/sessions/").status_code == 200


def test_an_enrolled_staff_login_asks_for_the_code():
    trainer = factories.UserFactory(username="formateur-mfa", role=roles.TRAINER)
    client = Client()
    response = _log_in(client, trainer.username)
    assert response.status_code == 302 and "/2fa/authenticate/" in response["Location"]
    assert client.get("/fr/sessions/")["Location"].startswith("/fr/accounts/login/")  # not logged in yet
    refused = client.post(response["Location"], {"code": "12345"})
    assert refused.status_code == 200
    accepted = client.post(response["Location"], {"code": mfa.totp_code(secret=factories.TOTP_SECRET)})
    assert accepted.status_code == 302
    assert client.get("/fr/sessions/").status_code == 200


def _age_session(client: Client, seconds: int) -> None:
    session = client.session
    session[SessionIdleTimeoutMiddleware.KEY] = int(time.time()) - seconds
    session.save()


def test_sessions_end_after_inactivity_sooner_for_staff(settings):
    settings.SESSION_IDLE_SECONDS, settings.SESSION_STAFF_IDLE_SECONDS = 3000, 600
    trainee = factories.UserFactory(username="apprenante-idle")
    trainer = factories.UserFactory(username="formateur-idle", role=roles.TRAINER)
    people = {}
    for user in (trainee, trainer):
        client = Client()
        client.force_login(user)
        assert client.get("/fr/dashboard/").status_code == 200  # records the time of the request
        people[user.username] = client
    _age_session(people[trainee.username], 900)
    _age_session(people[trainer.username], 900)
    assert people[trainee.username].get("/fr/dashboard/").status_code == 200
    assert people[trainer.username].get("/fr/dashboard/")["Location"].startswith("/fr/accounts/login/")
    _age_session(people[trainee.username], 3100)
    assert people[trainee.username].get("/fr/dashboard/")["Location"].startswith("/fr/accounts/login/")


def test_activity_keeps_a_session_alive(settings):
    settings.SESSION_IDLE_SECONDS = 3000
    client = Client()
    client.force_login(factories.UserFactory(username="active"))
    client.get("/fr/dashboard/")
    _age_session(client, 2000)
    assert client.get("/fr/dashboard/").status_code == 200  # within the limit: the clock restarts
    _age_session(client, 2000)  # 4000 s after login, 2000 s after the last request
    assert client.get("/fr/dashboard/").status_code == 200


def test_a_password_change_ends_the_persons_other_sessions():
    user = factories.UserFactory(username="deux-telephones")
    phone, laptop = Client(), Client()
    for client in (phone, laptop):
        assert _log_in(client, user.username).status_code == 302
        assert client.get("/fr/dashboard/").status_code == 200
    changed = phone.post(
        "/fr/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "un-nouveau-mot-2026", "password2": "un-nouveau-mot-2026"},
    )
    assert changed.status_code == 302
    assert phone.get("/fr/dashboard/").status_code == 200
    assert laptop.get("/fr/dashboard/")["Location"].startswith("/fr/accounts/login/")


def test_the_demo_staff_accounts_have_the_demo_authenticator_and_the_command_prints_its_code(seeded_demo, capsys):
    out = seeded_demo.output
    assert "demo_totp_code" in out and demo.DEMO_TOTP_SECRET in out
    call_command("demo_totp_code", "formateur")
    code = capsys.readouterr().out.strip()
    assert code == mfa.totp_code(secret=demo.DEMO_TOTP_SECRET) or code == mfa.totp_code(
        secret=demo.DEMO_TOTP_SECRET, step=-1
    )
    staff = [a.username for a in demo.DEMO_ACCOUNTS if a.role in roles.STAFF_ROLES]
    assert set(Authenticator.objects.filter(type="totp").values_list("user__username", flat=True)) == set(staff)
    client = Client()
    response = _log_in(client, "formateur", "demo-formateur")
    assert "/2fa/authenticate/" in response["Location"]
    assert client.post(response["Location"], {"code": code}).status_code == 302
    with translation.override("fr"):
        assert client.get(reverse("training:list")).status_code == 200
