"""Editors import and export Moodle question files in the Wagtail admin and with management commands."""

from io import StringIO
from pathlib import Path

import pytest
from defusedxml.ElementTree import fromstring
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from wagtail.users.models import UserProfile

from assessments.exchange import gift
from assessments.models import Question, QuestionBank
from lms import roles
from tests.factories import UserFactory, assessment_setup, course_tree

FILES = Path(__file__).parent / "moodle_files"
IMPORT, EXPORT = "/admin/moodle_questions/", "/admin/moodle_questions/export/"


@pytest.fixture
def editor_client(client, db):
    client.force_login(UserFactory(username="redactrice", role=roles.EDITOR))
    return client


@pytest.fixture
def bank(db):
    return QuestionBank.objects.create(course=course_tree(title="Module importé")[0], title="Banque importée")


def _upload(name: str, data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data if data is not None else (FILES / name).read_bytes())


def test_an_editor_checks_then_imports_a_gift_bank(editor_client, bank):
    page = editor_client.get(IMPORT)
    assert page.status_code == 200 and "Importer depuis Moodle" in page.content.decode()

    checked = editor_client.post(IMPORT, {"bank": bank.pk, "file": _upload("banque_traite.gift"), "action": "check"})
    html = checked.content.decode()
    assert checked.status_code == 200 and "Prêt à importer" in html and "TDP-04" in html
    assert "ligne 45" in html  # the essay question, left aside, by its line
    assert not Question.objects.filter(bank=bank).exists()  # a check writes nothing

    imported = editor_client.post(IMPORT, {"bank": bank.pk, "file": _upload("banque_traite.gift"), "action": "import"})
    assert imported.status_code == 200
    assert sorted(Question.objects.filter(bank=bank).values_list("reference", flat=True)) == [
        f"TDP-0{n}" for n in range(1, 8)
    ]
    assert "nouvelles 7" in imported.content.decode().replace("\u00a0", " ")


def test_one_wrong_question_and_the_editor_imports_nothing(editor_client, bank):
    data = (FILES / "banque_traite.gift").read_bytes() + b"\n\n::Cassee::Sans fin {=oui ~non\n"
    response = editor_client.post(IMPORT, {"bank": bank.pk, "file": _upload("cassee.gift", data), "action": "import"})
    html = response.content.decode().replace("\u00a0", " ")
    assert "Rien n'a été importé" in html or "Rien n&#x27;a été importé" in html
    line = data[: data.index(b"::Cassee")].count(b"\n") + 1
    assert f"ligne {line}" in html
    assert not Question.objects.filter(bank=bank).exists()


def test_an_editor_working_in_english_reads_the_page_and_the_problems_in_english(client, bank):
    editor = UserFactory(username="editor", role=roles.EDITOR)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    assert "Import from Moodle" in client.get(IMPORT).content.decode()
    data = b"::Good::True? {T}\n\n::Two rights::Q {=a =b ~c}\n"
    response = client.post(IMPORT, {"bank": bank.pk, "file": _upload("bank.gift", data), "action": "check"})
    html = response.content.decode()
    assert "line 3: More than one answer is marked" in html and "ligne" not in html


def test_the_format_comes_from_the_name_or_must_be_chosen(editor_client, bank):
    response = editor_client.post(IMPORT, {"bank": bank.pk, "file": _upload("banque.doc", b"x"), "action": "check"})
    assert "format" in response.context["form"].errors


def test_an_editor_exports_a_test_and_sees_what_moodle_cannot_hold(editor_client):
    _course, _lessons, _pre, post = assessment_setup()
    page = editor_client.get(EXPORT, {"test": post.pk, "format": "gift"})
    html = page.content.decode().replace("\u00a0", " ")
    assert "5 questions" in html and "Q5 : GIFT n'a pas de question de mise en ordre" in html.replace("&#x27;", "'")
    download = editor_client.get(EXPORT, {"test": post.pk, "format": "gift", "download": "1"})
    assert download["Content-Disposition"].startswith("attachment;")
    report = gift.read(download.content)
    assert [question.idnumber for question in report.questions] == ["Q1", "Q2", "Q3", "Q4", "Q6"]

    xml = editor_client.get(EXPORT, {"test": post.pk, "format": "xml", "download": "1"})
    root = fromstring(xml.content)
    assert [q.get("type") for q in root.findall("question")] == [
        "category", "multichoice", "truefalse", "multichoice", "matching", "ordering", "shortanswer",
    ]  # fmt: skip


def test_the_bank_list_links_each_bank_to_its_export(editor_client, bank):
    html = editor_client.get("/admin/questionbank/").content.decode()
    assert f"/admin/moodle_questions/export/?bank={bank.pk}&amp;format=xml" in html
    assert "Exporter (GIFT, Moodle XML)" in html


def test_a_trainee_reaches_neither_page(client, db):
    client.force_login(UserFactory(username="apprenant"))
    for address in (IMPORT, EXPORT):
        assert client.get(address).status_code in (302, 403)


def test_the_commands_import_all_or_nothing_and_export_with_their_report(bank, tmp_path):
    slug = bank.course.slug
    with pytest.raises(CommandError) as error:
        call_command("import_questions", str(FILES / "banque_traite.gift"), "--bank", "aucune")
    assert "aucune" in str(error.value)

    broken = tmp_path / "cassee.gift"
    broken.write_text("::Bonne::Vrai ? {T}\n\n::Deux bonnes::Q {=a =b ~c}\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import_questions", str(broken), "--bank", slug)
    assert "ligne 3" in str(error.value) and not Question.objects.filter(bank=bank).exists()

    out, err = StringIO(), StringIO()
    call_command(
        "import_questions", str(FILES / "banque_traite.xml"), "--bank", slug, "--check", stdout=out, stderr=err
    )
    assert "6 questions" in out.getvalue() and not Question.objects.filter(bank=bank).exists()
    assert "essay" in err.getvalue()
    call_command("import_questions", str(FILES / "banque_traite.xml"), "--bank", str(bank.pk), stdout=out, stderr=err)
    assert Question.objects.filter(bank=bank).count() == 6

    target = tmp_path / "export.gift"
    err = StringIO()
    call_command("export_questions", "--bank", slug, "--format", "gift", "-o", str(target), stderr=err)
    assert "Etapes-de-l-orientation" in err.getvalue()  # the ordering question, named as left out
    assert [q.idnumber for q in gift.read(target.read_bytes()).questions] == [
        "Droits-des-victimes", "Formes-d-exploitation", "Passage-de-frontiere", "REC-01", "Sigle-du-protocole",
    ]  # fmt: skip
