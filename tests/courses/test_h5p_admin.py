"""Editors upload H5P packages in the Wagtail admin; bad packages are refused with a reason."""

import pytest
from django.urls import reverse

from courses.h5p.builder import build_package
from courses.models import H5PPackage
from lms import demo
from tests.factories import UserFactory, upload_h5p

pytestmark = pytest.mark.django_db
CONTENT = {"scenario": "<p>Cas</p>", "questions": []}


@pytest.fixture
def editor_client(client, home_pages):
    demo.seed_accounts()
    assert client.login(username="editeur", password="demo-editeur")
    return client


def test_an_editor_uploads_a_package_and_it_is_stored_once(editor_client, stored):
    data = build_package(title="Scénario", content=CONTENT)
    assert upload_h5p(editor_client, data).status_code == 302
    assert upload_h5p(editor_client, data, title="Encore").status_code == 302
    package = H5PPackage.objects.get()
    assert package.title == "Scénario"
    assert stored.exists(f"{package.storage_prefix}/h5p.json")
    assert stored.files("default") == []


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ({"content/shell.php": b"<?php system($_GET['c']);"}, "php"),
        ({"../evil.js": b"alert(1)"}, ".."),
        ({"content/page.html": b"<script>"}, "html"),
    ],
)
def test_a_bad_package_is_refused_in_the_form_with_its_reason_and_leaves_nothing(editor_client, stored, extra, reason):
    response = upload_h5p(editor_client, build_package(title="x", content=CONTENT, extra_files=extra))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["package_file"])
    assert reason in errors
    assert H5PPackage.objects.count() == 0
    assert stored.files() == []


def test_a_trainee_cannot_upload_packages(client, home_pages):
    client.force_login(UserFactory())
    response = client.get(reverse("wagtailsnippets_courses_h5ppackage:add"))
    assert response.status_code in (302, 403)
