"""The demo's modules, lessons and questions are data files (docs/content.md), imported by the loader
an editor's import uses; seed_demo builds from them exactly what it built from Python literals."""

import shutil
from pathlib import Path

import pytest
import yaml
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from assessments import content_import as questions_import
from assessments import demo as assessments_demo
from assessments.models import Question
from courses import demo as courses_demo
from courses.models import AudioLanguage, CoursePage, LessonPage
from lms.content_files import ContentError
from tests.content_counts import demo_counts, demo_fingerprint

pytestmark = pytest.mark.django_db

# Measured on seed_demo before the move (commit cab08df, content in courses/demo_content.py and
# assessments/demo_questions.py), with espeak-ng installed (the two demo audio clips).
BEFORE = {
    "audio_languages": 7,
    "blocks.case_study": 10,
    "blocks.glossary_term": 14,
    "blocks.h5p": 8,
    "blocks.key_point": 2,
    "blocks.key_points": 22,
    "blocks.key_points.items": 68,
    "blocks.references": 38,
    "blocks.references.items": 116,
    "blocks.rich_text": 38,
    "choices.en": 380,
    "choices.fr": 382,
    "courses": 8,
    "h5p_packages": 8,
    "lessons": 38,
    "lessons.required": 38,
    "objectives": 38,
    "pages.courseindexpage": 2,
    "pages.coursepage": 8,
    "pages.homepage": 2,
    "pages.lessonpage": 38,
    "pages.locale.en": 25,
    "pages.locale.fr": 26,
    "pages.page": 1,
    "pages.translated": 25,
    "question_banks": 4,
    "questions": 97,
    "questions.languages.en": 97,
    "questions.languages.fr": 97,
    "questions.matching": 4,
    "questions.multiple": 11,
    "questions.ordering": 4,
    "questions.points": 116,
    "questions.short": 7,
    "questions.single": 54,
    "questions.true_false": 17,
    "test_forms": 10,
    "test_items": 180,
    "test_items.anchors": 24,
    "tests": 8,
}
# The digest of the same run's text (tests/content_counts.py), taken on cab08df with the digest of
# this commit (ids of chosen objects replaced by what they name): the files hold the very same content.
BEFORE_FINGERPRINT = "5c59c6d4ab98fd82fb9b01312735be01fc2bd07df469f1184fc34e42f655c872"


def test_seed_demo_builds_from_the_files_exactly_what_it_built_before_and_again_nothing():
    assert shutil.which("espeak-ng"), "the figures were measured with the demo audio clips"
    # Earlier tests of the same run move the id sequences on (PostgreSQL never rolls them back): the
    # digest names chosen objects (audio clips, their languages) by what they are, never by id.
    language = AudioLanguage.objects.create(code="zzz", name="Moved on")
    language.delete()
    get_document_model().objects.create(title="Moved on", file=ContentFile(b"x", name="moved-on.txt")).delete()
    call_command("seed_demo")
    assert demo_counts() == BEFORE
    assert demo_fingerprint() == BEFORE_FINGERPRINT
    revisions = Revision.objects.count()
    call_command("seed_demo")
    assert demo_counts() == BEFORE
    assert demo_fingerprint() == BEFORE_FINGERPRINT
    assert Revision.objects.count() == revisions


# --- A programme's own content: `manage.py import_content DIR` ------------------------------------

MODULE = "securite-humaine"
LESSONS = ["qu-est-ce-que-la-securite-humaine", "les-quatre-principes"]


@pytest.fixture
def programme(programme_files, home_pages) -> Path:
    """The programme folder, on a site with its home pages."""
    return programme_files


@pytest.fixture
def programme_files(tmp_path) -> Path:
    """A programme folder: one demo module with two of its lessons, and that module's questions."""
    modules, questions = tmp_path / "modules", tmp_path / "questions"
    (modules / MODULE).mkdir(parents=True)
    questions.mkdir()
    catalogue = yaml.safe_load((courses_demo.CONTENT / "catalogue.yaml").read_text())
    _write(modules / "catalogue.yaml", {**catalogue, "modules": [MODULE]})
    module = yaml.safe_load((courses_demo.CONTENT / MODULE / "module.yaml").read_text())
    _write(modules / MODULE / "module.yaml", {**module, "lessons": LESSONS})
    for lesson in LESSONS:
        shutil.copy(courses_demo.CONTENT / MODULE / f"{lesson}.yaml", modules / MODULE)
    shutil.copy(assessments_demo.CONTENT / f"{MODULE}.yaml", questions)
    return tmp_path


def _write(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    _write(path, data)


def _state():
    return (Page.objects.count(), Revision.objects.count(), Question.objects.count(), demo_fingerprint())


def test_import_content_imports_a_programme_and_importing_it_again_changes_nothing(programme, capsys):
    call_command("import_content", str(programme), "--check")
    assert "rien n'a été écrit" in capsys.readouterr().out
    assert not CoursePage.objects.exists() and not Question.objects.exists()
    call_command("import_content", str(programme))
    assert "1 modules, 2 leçons, 20 questions, 2 tests" in capsys.readouterr().out  # French, the default
    assert set(CoursePage.objects.values_list("locale__language_code", "title")) == {
        ("fr", "L'approche de sécurité humaine"),
        ("en", "The human security approach"),
    }
    assert LessonPage.objects.filter(locale__language_code="en").count() == 2
    english = LessonPage.objects.get(locale__language_code="en", slug=LESSONS[0])
    assert english.title == "What is human security?" and english.live
    assert english.body.raw_data[-1]["type"] == "references"
    question = Question.objects.get(reference="SH-01")
    assert question.content["en"]["text"] == "Which question is the starting point of human security?"
    assert question.key == {"correct": "c"}
    before = _state()
    call_command("import_content", str(programme))
    assert _state() == before


def test_a_corrected_lesson_is_published_again_and_keeps_the_blocks_added_in_the_admin(programme):
    call_command("import_content", str(programme))
    lesson = LessonPage.objects.get(locale__language_code="fr", slug=LESSONS[0])
    added = {"type": "key_point", "value": {"text": "Ajouté dans l'admin", "clips": []}, "id": "added-in-admin"}
    raw = list(lesson.body.raw_data)
    lesson.body = [*raw[:2], added, *raw[2:]]
    lesson.save_revision().publish()

    def correct(data):
        data["fr"]["title"] = "La sécurité humaine, en bref"
        data["fr"]["body"][0]["rich_text"] = "<p>Texte corrigé.</p>"

    _edit(programme / "modules" / MODULE / f"{LESSONS[0]}.yaml", correct)
    call_command("import_content", str(programme))
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.title == "La sécurité humaine, en bref" and lesson.live
    assert lesson.body.raw_data[0]["value"] == "<p>Texte corrigé.</p>"
    # The admin's block stays where it was, after the block it followed.
    assert [block["id"] for block in lesson.body.raw_data].index("added-in-admin") == 2
    english = LessonPage.objects.get(locale__language_code="en", slug=LESSONS[0])
    assert english.title == "What is human security?"


def test_a_corrected_question_is_saved_by_the_admins_service(programme):
    call_command("import_content", str(programme))

    def correct(data):
        data["questions"][0]["en"]["text"] = "Where does human security start from?"
        short = next(question for question in data["questions"] if question["kind"] == "short")
        short["fr"]["accepted"] = [2012, "en 2012"]  # a year written without quotes is read as a number

    path = programme / "questions" / f"{MODULE}.yaml"
    _edit(path, correct)
    call_command("import_content", str(programme))
    question = Question.objects.get(reference="SH-01", is_current=True)
    assert question.content["en"]["text"] == "Where does human security start from?"
    assert question.version == 1  # not answered yet: edited in place, as in the admin
    short = Question.objects.get(kind="short", is_current=True)
    assert short.content["fr"]["accepted"] == ["2012", "en 2012"]
    before = _state()
    call_command("import_content", str(programme))
    assert _state() == before


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Ce champ est obligatoire."), ("en", "This field is required.")],
)
def test_wrong_files_are_all_named_with_the_field_at_fault_and_nothing_is_written(programme, language, expected):
    lesson = programme / "modules" / MODULE / f"{LESSONS[0]}.yaml"

    blocks = len(yaml.safe_load(lesson.read_text(encoding="utf-8"))["fr"]["body"])

    def break_lesson(data):
        del data["fr"]["title"]
        data["en"]["body"][1] = {"glossary_term": {"term": "Human security", "defintion": "A typo."}}
        data["fr"]["body"].append({"video_clip": "film.mp4"})

    def break_module(data):
        data["audiences"].append("pirates")

    def break_questions(data):
        data["questions"][1]["kind"] = "essay"
        data["questions"][2]["key"] = {"correct": "z"}
        data["form"].append("XX-99")

    _edit(lesson, break_lesson)
    _edit(programme / "modules" / MODULE / "module.yaml", break_module)
    _edit(programme / "questions" / f"{MODULE}.yaml", break_questions)
    with translation.override(language), pytest.raises(CommandError) as raised:
        call_command("import_content", str(programme))
    message = str(raised.value)
    for where in [
        f"{MODULE}/{LESSONS[0]}.yaml · fr.title : {expected}",
        f"{MODULE}/{LESSONS[0]}.yaml · en.body[1].glossary_term.defintion",
        f"{MODULE}/{LESSONS[0]}.yaml · fr.body[{blocks}] : ",
        f"{MODULE}/module.yaml · audiences[5]",
        f"{MODULE}.yaml · questions[1].kind",
        f"{MODULE}.yaml · questions[2].key.correct",
        f"{MODULE}.yaml · form[18]",
    ]:
        assert where in message, (where, message)
    assert not CoursePage.objects.exists() and not Question.objects.exists()


def test_questions_of_a_module_that_is_not_there_write_nothing_at_all(programme):
    shutil.copy(programme / "questions" / f"{MODULE}.yaml", programme / "questions" / "module-inconnu.yaml")
    with pytest.raises(CommandError, match=r"module-inconnu\.yaml"):
        call_command("import_content", str(programme))
    # The modules were read and imported in the same transaction: rolled back with the questions.
    assert not CoursePage.objects.exists() and not Question.objects.exists()


def test_an_unreadable_file_is_named_with_its_line(programme):
    (programme / "questions" / f"{MODULE}.yaml").write_text("title: [unclosed\nquestions: []\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        questions_import.banks_read(programme / "questions")
    (problem,) = raised.value.problems
    assert problem.path == f"{MODULE}.yaml" and problem.field.endswith(" 2")  # where the parser stopped


def test_a_site_without_its_home_page_gets_nothing_and_is_told_why(programme_files):
    with translation.override("en"), pytest.raises(CommandError, match="no French home page"):
        call_command("import_content", str(programme_files))
    assert not CoursePage.objects.exists() and not Question.objects.exists()


@pytest.mark.parametrize("how", ["absolute", "symlink", "lesson"])
def test_a_name_leading_out_of_the_programme_folder_is_refused_and_nothing_read(programme, tmp_path, how):
    """An absolute module path, a module folder that is a link to elsewhere, and a lesson named
    "../x": each is a problem named in its file, with nothing written."""
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    shutil.copytree(programme / "modules" / MODULE, elsewhere / MODULE)
    modules = programme / "modules"
    if how == "absolute":
        _edit(modules / "catalogue.yaml", lambda data: data.update(modules=[str(elsewhere / MODULE)]))
        named = "catalogue.yaml"
    elif how == "symlink":
        (modules / "lien").symlink_to(elsewhere / MODULE, target_is_directory=True)
        _edit(modules / "catalogue.yaml", lambda data: data.update(modules=["lien"]))
        named = "catalogue.yaml"
    else:
        shutil.copy(elsewhere / MODULE / f"{LESSONS[0]}.yaml", elsewhere / "dehors.yaml")
        _edit(modules / MODULE / "module.yaml", lambda data: data.update(lessons=[f"../../../{elsewhere.name}/dehors"]))
        named = "module.yaml"
    before = _state()
    with translation.override("fr"), pytest.raises(CommandError) as raised:
        call_command("import_content", str(programme))
    assert named in str(raised.value) and "sort du dossier" in str(raised.value), str(raised.value)
    assert _state() == before
