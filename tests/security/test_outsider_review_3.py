"""Third outside review (login landing across languages, language switch, CSV exports of names typed by
trainees): each attack as a test that passes when the system is correct."""

from __future__ import annotations

import pytest
from django.test import Client

from lms import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "motdepasse-123"


def test_login_flash_message_is_in_the_language_of_the_page_it_lands_on(home_pages):
    """Log in on the French form with `next` pointing at an English page: the English page must not
    greet the person in French ("Connexion réussie : …"), nor the French page in English."""
    UserFactory(username="or3-flash", role=roles.TRAINEE)
    client = Client(raise_request_exception=False)
    response = client.post(
        "/fr/accounts/login/?next=/en/account/", {"login": "or3-flash", "password": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/en/account/"
    html = response.content.decode()
    assert 'lang="en"' in html
    assert "Connexion réussie" not in html, "French login message on an English page"

    client = Client(raise_request_exception=False)
    response = client.post(
        "/en/accounts/login/?next=/fr/account/", {"login": "or3-flash", "password": PASSWORD}, follow=True
    )
    assert response.request["PATH_INFO"] == "/fr/account/"
    assert "Successfully signed in" not in response.content.decode(), "English login message on a French page"


@pytest.mark.parametrize(
    "nxt",
    ["/%E3%80%82evil.example", "/%5Cevil.example", "/%09/evil.example", "///evil.example", "/fr/%0d%0aX:1"],
)
def test_language_switch_keeps_odd_nexts_on_the_site(home_pages, nxt):
    response = Client(raise_request_exception=False).get(f"/language/en/?next={nxt}")
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        location = response["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), location
        assert "\n" not in location and "\r" not in location
