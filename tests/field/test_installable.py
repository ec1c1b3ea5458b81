"""The site is installable (issue 19 item 8, issue 24 item 5): every page links the manifest, whose
start page is the offline page in the page's language and whose icons are the sizes Chrome asks for.
The browser check (CDP `Page.getInstallabilityErrors`) is in test_offline_walk.py."""

import pytest
from django.contrib.staticfiles import finders
from PIL import Image, ImageChops

from lms import icons

pytestmark = pytest.mark.django_db


def test_pages_link_the_manifest_in_their_language(client):
    french, english = client.get("/fr/offline/").content.decode(), client.get("/en/offline/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest?lang=fr">' in french
    assert '<link rel="manifest" href="/manifest.webmanifest?lang=en">' in english


@pytest.mark.parametrize(
    ("lang", "start", "name"), [("fr", "/fr/offline/", "Formation"), ("en", "/en/offline/", "Training")]
)
def test_the_manifest_opens_the_offline_page_in_the_language_asked(client, lang, start, name):
    manifest = client.get(f"/manifest.webmanifest?lang={lang}").json()
    assert (manifest["start_url"], manifest["lang"], manifest["short_name"]) == (start, lang, name)
    assert manifest["display"] == "standalone" and manifest["id"] == "/"


def test_an_unknown_language_gets_the_default_one(client):
    assert client.get("/manifest.webmanifest?lang=xx").json()["start_url"] == "/fr/offline/"


def test_the_manifest_icons_are_pngs_of_the_sizes_chrome_asks_for_and_are_the_drawing(client):
    listed = client.get("/manifest.webmanifest").json()["icons"]
    assert [(icon["sizes"], icon["type"], icon["purpose"]) for icon in listed] == [
        ("192x192", "image/png", "any"),
        ("512x512", "image/png", "any"),
    ]
    for icon, size in zip(listed, icons.SIZES, strict=True):
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path, icon["src"]
        with Image.open(path) as committed:
            assert (committed.format, committed.size) == ("PNG", (size, size))
            # The committed file is what lms/icons.py draws (redraw with `python -m lms.icons`).
            drawn = icons.draw_icon(size).convert("RGB")
            assert ImageChops.difference(committed.convert("RGB"), drawn).getbbox() is None
