"""Editors upload H5P packages in the Wagtail admin; bad packages are refused with a reason."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.h5p.builder import build_package
from courses.models import H5PPackage
from lms import demo
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
CONTENT = {"scenario": "<p>Cas</p>", "questions": []}


@pytest.fixture
def editor_client(client, home_pages):
    demo.seed_accounts()
    assert client.login(username="editeur", password="demo-editeur")
    return client


def _upload(client, data: bytes, title=""):
    return client.post(
        reverse("wagtailsnippets_courses_h5ppackage:add"),
        {"title": title, "package_file": SimpleUploadedFile("p.h5p", data, content_type="application/zip")},
    )


def test_an_editor_uploads_a_package_and_it_is_stored_once(editor_client, settings):
    data = build_package(title="Scénario", content=CONTENT)
    assert _upload(editor_client, data).status_code == 302
    assert _upload(editor_client, data, title="Encore").status_code == 302
    package = H5PPackage.objects.get()
    assert package.title == "Scénario"
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / package.storage_prefix / "h5p.json").is_file()


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ({"content/shell.php": b"<?php system($_GET['c']);"}, "php"),
        ({"../evil.js": b"alert(1)"}, ".."),
        ({"content/page.html": b"<script>"}, "html"),
    ],
)
def test_a_bad_package_is_refused_in_the_form_with_its_reason_and_leaves_nothing(
    editor_client, settings, extra, reason
):
    response = _upload(editor_client, build_package(title="x", content=CONTENT, extra_files=extra))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["package_file"])
    assert reason in errors
    assert H5PPackage.objects.count() == 0
    assert not any(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.*"))


def test_a_trainee_cannot_upload_packages(client, home_pages):
    client.force_login(UserFactory())
    response = client.get(reverse("wagtailsnippets_courses_h5ppackage:add"))
    assert response.status_code in (302, 403)
