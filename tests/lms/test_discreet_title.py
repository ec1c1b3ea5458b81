"""A phone's tab list and history show page titles to whoever holds the phone: the site's own name in
them says "human security programme", never trafficking (CONTEXT.md, do no harm)."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_site_name_in_titles_and_header_does_not_name_trafficking(language, home_pages):
    html = Client().get(f"/{language}/accounts/login/").content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    brand = re.search(r'<a class="brand"[^>]*>(.*?)</a>', html, re.S).group(1)
    expected = {"fr": "Programme de sécurité humaine", "en": "Human security programme"}[language]
    assert title.strip().endswith(expected) and brand.strip() == expected
    for word in ("traite", "trafic", "trafficking"):
        assert word not in title.lower() and word not in brand.lower()


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(
    "path", ["/{lang}/", "/{lang}/accounts/login/", "/{lang}/accounts/signup/", "/{lang}/no-such-page/"]
)
def test_no_page_chrome_names_trafficking(language, path, home_pages):
    """Issue 19: the footer shows on every page, to whoever sees the screen: it names the programme
    as the tab title does, not its subject (who took part in what is nobody else's business)."""
    html = Client().get(path.format(lang=language)).content.decode()
    chrome = re.sub(r'<main id="main">.*</main>', "", html, flags=re.S)
    footer = re.search(r'<footer class="site-footer">(.*?)</footer>', html, re.S).group(1)
    expected = {"fr": "programme de sécurité humaine", "en": "human security programme"}[language]
    assert expected in footer.lower()
    for word in ("traite", "trafic", "trafficking"):
        assert word not in chrome.lower()


def test_the_admin_and_the_authenticator_app_name_the_programme_not_its_subject(settings):
    """The admin's tab titles and the name staff see in their authenticator app: "TdP" (traite des
    personnes) said what the programme is about to whoever sees an editor's screen or phone."""
    from django.conf import settings as live

    for name in (live.WAGTAIL_SITE_NAME, live.MFA_TOTP_ISSUER):
        assert "tdp" not in name.lower() and "traite" not in name.lower()
        assert "sécurité humaine" in name.lower()
