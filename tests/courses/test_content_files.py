"""The demo's modules, lessons and questions are data files (docs/content.md), imported by the loader
an editor's import uses; seed_demo builds from them exactly what it built from Python literals."""

import shutil

import pytest
from django.core.management import call_command
from wagtail.models import Revision

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
# The digest of the same run's text (tests/content_counts.py): the files hold the very same content.
BEFORE_FINGERPRINT = "04717c8d95376d83f30006fefa5864ceaa57d6c385d73813c04fdf2574faf33d"


def test_seed_demo_builds_from_the_files_exactly_what_it_built_before_and_again_nothing():
    assert shutil.which("espeak-ng"), "the figures were measured with the demo audio clips"
    call_command("seed_demo")
    assert demo_counts() == BEFORE
    assert demo_fingerprint() == BEFORE_FINGERPRINT
    revisions = Revision.objects.count()
    call_command("seed_demo")
    assert demo_counts() == BEFORE
    assert demo_fingerprint() == BEFORE_FINGERPRINT
    assert Revision.objects.count() == revisions
