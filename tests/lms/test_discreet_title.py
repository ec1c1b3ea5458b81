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
