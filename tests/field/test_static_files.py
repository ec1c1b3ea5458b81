"""Static files: plain names before collectstatic (tests, development); fingerprinted and cached for a
year by WhiteNoise once collectstatic has written its manifest (production)."""

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.templatetags.static import static
from django.test import Client

pytestmark = pytest.mark.django_db


def test_without_a_manifest_pages_use_the_plain_names():
    assert static("lms/site.css") == "/static/lms/site.css"


def test_after_collectstatic_names_are_fingerprinted_and_cached_for_a_year(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "lms.storage.StaticStorage"}}
    # What collectstatic does for one file: copy, then fingerprint and compress, then the manifest.
    (tmp_path / "lms").mkdir()
    (tmp_path / "lms" / "site.css").write_text("body { color: #000; }\n" * 50)
    found = {"lms/site.css": (staticfiles_storage, "lms/site.css")}
    list(staticfiles_storage.post_process(found))
    staticfiles_storage.save_manifest()
    staticfiles_storage.hashed_files, _hash = staticfiles_storage.load_manifest()

    url = static("lms/site.css")
    assert url != "/static/lms/site.css" and url.startswith("/static/lms/site.") and url.endswith(".css")
    response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    cache = response["Cache-Control"]
    max_age = int(cache.split("max-age=")[1].split(",")[0])
    assert max_age >= 365 * 24 * 3600 and "immutable" in cache
