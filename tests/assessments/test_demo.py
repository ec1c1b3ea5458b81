"""The demo gives every module a pre- and a post-test, in French and English, one with A/B forms."""

import pytest

from assessments.demo import first_module
from assessments.models import Attempt, Question, Test, TestForm, TestItem
from courses.models import CoursePage

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_tests_for_every_module_and_is_idempotent(seeded_demo_twice):
    counts = tuple(seeded_demo_twice.count_after_first_run(model) for model in (Question, TestItem, Attempt))
    assert (Question.objects.count(), TestItem.objects.count(), Attempt.objects.count()) == counts

    modules = CoursePage.objects.filter(locale__language_code="fr")
    assert Test.objects.filter(kind="pre").count() == Test.objects.filter(kind="post").count() == modules.count() == 4
    for form in TestForm.objects.all():
        assert 15 <= form.items.count() <= 20, form
    assert set(TestForm.objects.exclude(label="").values_list("label", flat=True)) == {"A", "B"}
    kinds = set(Question.objects.values_list("kind", flat=True))
    assert kinds == {"single", "multiple", "true_false", "matching", "ordering", "short"}
    for question in Question.objects.all():
        assert question.content["fr"]["text"] and question.content["en"]["text"], question
        assert question.objective


def test_the_demo_trainee_has_taken_a_pre_test(seeded_demo):
    # The first module's pre-test (the demo session and certificate add others in other modules).
    attempt = Attempt.objects.get(user__username="apprenant", test__course__slug=first_module(), test__kind="pre")
    assert attempt.status == Attempt.Status.SUBMITTED
