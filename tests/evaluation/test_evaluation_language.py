"""The evaluator's page in English names modules and learning objectives in English (issue 19, item 7)."""

import pytest
from wagtail.models import Locale

from lms import roles
from tests.evaluation.test_evaluation import _client, _cohort

pytestmark = pytest.mark.django_db


def test_the_english_page_names_modules_and_objectives_in_english_and_the_french_one_in_french():
    course = _cohort()["course"]
    english = course.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = "Safe migration, in English"
    english.save_revision().publish()
    client = _client(roles.EVALUATOR)
    page = client.get("/en/evaluation/").content.decode()
    assert "Safe migration, in English" in page and course.title not in page
    assert "Objective single" in page and "Objectif single" not in page
    page = client.get("/fr/evaluation/").content.decode()
    assert course.title in page and "Safe migration, in English" not in page
    assert "Objectif single" in page and "Objective single" not in page
