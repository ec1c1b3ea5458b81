"""Findings of the outside review (December 2026): each test shows one problem and fails until it is fixed.

Each test names the route or command it attacks; the review report gives the severity and the
reproduction by hand.
"""

import json
import shutil

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import Page

from courses import demo as courses_demo
from courses.models import CoursePage

pytestmark = pytest.mark.django_db

# The words that tell an onlooker what the programme is about (docs/certificates.md, "neutral titles").
SUBJECT_WORDS = ("traite", "trafic", "traffick", "exploitation")


# --- The installed app names the programme's subject on the trainee's home screen ----------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_installed_apps_name_does_not_reveal_the_programmes_subject(client: Client, language: str):
    """/manifest.webmanifest: the name under the icon on a survivor's phone (and in its app list and
    task switcher) must be as neutral as the certificates and the verification page, which anyone
    glancing at the phone sees without opening anything."""
    manifest = json.loads(client.get(f"/manifest.webmanifest?lang={language}").content)
    shown = f"{manifest['name']} {manifest['short_name']}".casefold()
    assert not [word for word in SUBJECT_WORDS if word in shown], manifest["name"]


# --- import_content reads modules outside the programme folder ------------------------------------

MODULE = "securite-humaine"


@pytest.fixture
def outside_programme(tmp_path, home_pages):
    """A programme folder whose catalogue names a module by a path that leaves the folder."""
    programme, elsewhere = tmp_path / "programme", tmp_path / "elsewhere"
    (programme / "modules").mkdir(parents=True)
    shutil.copytree(courses_demo.CONTENT / MODULE, elsewhere / MODULE)
    catalogue = yaml.safe_load((courses_demo.CONTENT / "catalogue.yaml").read_text(encoding="utf-8"))
    catalogue["modules"] = [f"../../elsewhere/{MODULE}"]
    (programme / "modules" / "catalogue.yaml").write_text(
        yaml.safe_dump(catalogue, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return programme


def test_import_content_refuses_a_module_named_by_a_path_outside_the_programme_folder(outside_programme):
    """`manage.py import_content DIR`: a slug in catalogue.yaml is a folder name. "../../elsewhere/x"
    makes the import read files outside DIR (any readable folder of module files on the server) and
    write them over the module whose slug is the last part of the path. It must be a problem named
    in the file, with nothing written, as for any other wrong field."""
    pages = Page.objects.count()
    with pytest.raises(CommandError) as raised:
        call_command("import_content", str(outside_programme), "--check")
    assert "catalogue.yaml" in str(raised.value)
    with pytest.raises(CommandError):
        call_command("import_content", str(outside_programme))
    assert Page.objects.count() == pages
    assert not CoursePage.objects.filter(slug=MODULE).exists()
