"""404, 403, 500 and CSRF failures are the site's own pages, in the visitor's language, with a way back.

Django's test client runs with DEBUG=False, as production does (asserted below).
"""

import pytest
from django.conf import settings
from django.test import Client

from lms import roles
from tests import factories

pytestmark = pytest.mark.django_db


def _page(response) -> str:
    return response.content.decode()


def test_debug_is_off_so_these_are_the_pages_visitors_see():
    assert settings.DEBUG is False


@pytest.mark.parametrize(
    ("path", "language", "heading", "home"),
    [
        ("/fr/nulle-part/", "fr", "Page introuvable", 'href="/fr/"'),
        ("/en/nowhere/", "en", "Page not found", 'href="/en/"'),
        ("/documents/999999/none.pdf", "fr", "Page introuvable", 'href="/fr/"'),
    ],
)
def test_a_missing_page_is_ours_in_the_visitors_language_with_a_way_home(client, path, language, heading, home):
    response = client.get(path)
    page = _page(response)
    assert response.status_code == 404 and response["Content-Language"] == language
    assert f'<html lang="{language}">' in page and heading in page and home in page
    assert 'name="viewport"' in page and "Not Found" not in page


def test_a_signed_in_trainee_refused_a_page_is_told_why_and_given_a_way_back():
    client = Client()
    client.force_login(factories.UserFactory(display_name="Mariama Keïta", role=roles.TRAINEE))
    response = client.get("/fr/evaluation/")
    page = _page(response)
    assert response.status_code == 403 and "Forbidden" not in page
    assert "Accès non autorisé" in page and "Mariama Keïta" in page
    assert 'href="/fr/"' in page and 'href="/fr/dashboard/"' in page
    english = client.get("/en/evaluation/")
    assert english.status_code == 403 and "Access not allowed" in _page(english)


def test_a_form_refused_by_the_csrf_check_explains_what_to_do():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/fr/accounts/login/", {"login": "x", "password": "y"})
    page = _page(response)
    assert response.status_code == 403 and "Le formulaire n’a pas pu être envoyé" in page
    assert "CSRF" not in page and 'href="/fr/"' in page
    # A way back to the form itself, afresh (a new page brings a new token).
    assert '<a href="/fr/accounts/login/">Rouvrir le formulaire</a>' in page
    english = client.post("/en/accounts/login/", {"login": "x", "password": "y"})
    assert "The form could not be sent" in _page(english)
    assert '<a href="/en/accounts/login/">Open the form again</a>' in _page(english)


@pytest.mark.urls("tests.lms.error_urls")
def test_a_server_error_is_a_plain_page_in_the_visitors_language():
    client = Client(raise_request_exception=False)
    response = client.get("/broken/")
    page = _page(response)
    assert response.status_code == 500 and "Une erreur est survenue" in page and 'href="/fr/"' in page
    client.cookies["lang"] = "en"
    english = client.get("/broken/")
    assert english.status_code == 500 and "Something went wrong" in _page(english) and 'href="/en/"' in _page(english)


def test_a_script_calling_with_json_keeps_answers_it_can_read_for_a_nul_and_a_wrong_method(client):
    """The site's pages are for browsers: a JSON call refused for a NUL gets JSON (its "error"), and
    a wrong method asked for JSON keeps Django's 405, so that offline sync and the player read them."""
    refused = client.post("/fr/dashboard/?q=%00", data=b"{}", content_type="application/json")
    assert refused.status_code == 400 and refused["Content-Type"] == "application/json"
    assert refused.json()["error"]
    wrong = client.get("/fr/lessons/1/complete/", headers={"Accept": "application/json"})
    assert wrong.status_code == 405 and b"<html" not in wrong.content


def test_a_wrong_method_page_keeps_the_allowed_methods():
    client = Client()
    client.force_login(factories.UserFactory(role=roles.TRAINEE))
    response = client.get("/en/lessons/1/complete/")
    assert response.status_code == 405 and "POST" in response["Allow"]
    assert "This address opens no page" in _page(response)
