"""The home page in two languages, the language switch, and the 2G budget."""

import gzip
import re

import pytest
from wagtail.models import Page

from lms.models import HomePage

pytestmark = pytest.mark.django_db


def test_root_redirects_to_french(client, home_pages):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_root_ignores_the_browser_language_but_follows_a_chosen_one(client, home_pages):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/fr/"
    client.cookies["lang"] = "en"
    assert client.get("/")["Location"] == "/en/"


@pytest.mark.parametrize(
    ("path", "language", "title"),
    [
        ("/fr/", "fr", "Se former contre la traite des personnes"),
        ("/en/", "en", "Training against trafficking in persons"),
    ],
)
def test_home_page_answers_in_its_language(client, home_pages, path, language, title):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert title in html


def test_every_page_links_to_the_other_language(client, home_pages):
    html = client.get("/fr/").content.decode()
    assert 'hreflang="en"' in html
    assert "/language/en/?next=%2Fen%2F" in html
    html = client.get("/en/accounts/login/").content.decode()
    assert "/language/fr/?next=%2Ffr%2Faccounts%2Flogin%2F" in html


def test_switching_language_remembers_the_choice(client, home_pages):
    response = client.get("/language/en/", {"next": "/en/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert response.cookies["lang"].value == "en"


def test_the_switch_on_a_page_goes_to_its_translation_without_a_query_in_the_layout(client, home_pages):
    """The layout links to the switch with the page's id; the switch finds the translation (its slug
    may differ), or that language's home page where the page has none."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from courses import services
    from tests.factories import UserFactory, course_tree, translate_course

    course, lessons = course_tree(lessons=2)
    _course_en, lessons_en = translate_course(course, lessons[:1])
    user = UserFactory()
    services.enrolment_create(user=user, course=course)
    client.force_login(user)
    client.get(lessons[0].url)  # warm the site cache, as a running server would be
    with CaptureQueriesContext(connection) as captured:
        html = client.get(lessons[0].url).content.decode()
    looked_up = [q["sql"] for q in captured.captured_queries if '"translation_key" = ' in q["sql"]]
    assert looked_up == []
    link = re.search(r'href="(/language/en/\?[^"]+)"', html).group(1).replace("&amp;", "&")
    assert f"page={lessons[0].pk}" in link
    assert client.get(link)["Location"] == lessons_en[0].url
    untranslated = re.search(r'href="(/language/en/\?[^"]+)"', client.get(lessons[1].url).content.decode()).group(1)
    assert client.get(untranslated.replace("&amp;", "&"))["Location"] == "/en/"


def test_switching_language_never_redirects_to_another_site(client):
    response = client.get("/language/en/", {"next": "https://evil.example/"})
    assert response["Location"] == "/en/"


def test_home_page_first_response_fits_in_14_kb_compressed(client, home_pages):
    response = client.get("/fr/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    size = len(response.content)
    assert size <= 14 * 1024, f"{size} bytes"
    # The budget is measured on the real page, not an empty shell.
    assert "Se former contre la traite" in gzip.decompress(response.content).decode()


def test_home_page_loads_no_script_and_no_web_font(client, home_pages):
    html = client.get("/fr/").content.decode()
    assert "<script" not in html
    assert not re.search(r"fonts\.(googleapis|gstatic)|@font-face|\.woff", html)


def test_home_page_query_count_is_bounded(client, home_pages, django_assert_max_num_queries):
    client.get("/fr/")  # warm Wagtail's site cache, as a running server would be
    with django_assert_max_num_queries(6):
        client.get("/fr/")


def test_home_page_can_only_sit_at_the_top_of_the_tree(home_pages):
    root = Page.get_first_root_node()
    assert HomePage.can_create_at(root)
    assert not HomePage.can_create_at(home_pages["fr"])
