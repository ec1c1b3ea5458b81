"""One public service records an attempt whatever the route (`services.record_attempt`), numbered by
one rule; no module reaches into another module's private names."""

import ast
import uuid
from pathlib import Path

import pytest

from assessments import services
from assessments.models import Attempt, Response
from assessments.paper import form_questions, paper_layout
from courses import services as course_services
from tests.factories import RIGHT_ANSWERS, UserFactory, assessment_setup

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def setup():
    course, _lessons, pre, _post = assessment_setup()
    pre.attempts_allowed = 5
    pre.save()
    user = UserFactory()
    course_services.enrolment_create(user=user, course=course)
    return user, pre


def _right(layout) -> dict[int, object]:
    from assessments.models import Question

    questions = Question.objects.filter(pk__in=[item["question"] for item in layout])
    return {question.pk: RIGHT_ANSWERS[question.reference] for question in questions}


def _offline(user, test, **extra):
    form = services.choose_form(user=user, test=test)
    layout = services.lay_out(test=test, form=form)
    return services.record_attempt(
        user=user, test=test, route=services.OFFLINE, answers=_right(layout), form=form, layout=layout, **extra
    )


def test_every_route_numbers_by_one_rule_one_more_than_the_highest(setup):
    user, pre = setup
    online, created = services.attempt_start(user=user, test=pre)
    assert created and online.number == 1 and online.status == "open"
    phone = _offline(user, pre, attempt_id=uuid.uuid4()).attempt  # arrives while #1 is still open
    assert phone.number == 2 and phone.status == "submitted" and phone.score == phone.max_score == 9
    services.attempt_submit(user=user, attempt_id=online.pk)
    # A gap (an attempt erased) never makes the next number collide with a stored one.
    Attempt.objects.filter(pk=online.pk).delete()
    again, _created = services.attempt_start(user=user, test=pre)
    assert again.number == 3
    shared = _offline(user, pre).attempt
    assert shared.number == 4
    assert sorted(Attempt.objects.filter(user=user, test=pre).values_list("number", flat=True)) == [2, 3, 4]


def test_a_recorded_attempt_is_idempotent_on_its_id_and_refuses_someone_elses(setup):
    user, pre = setup
    attempt_id = uuid.uuid4()
    first = _offline(user, pre, attempt_id=attempt_id)
    again = _offline(user, pre, attempt_id=attempt_id)
    assert not first.replayed and again.replayed and again.attempt.pk == first.attempt.pk
    assert Attempt.objects.count() == 1 and Response.objects.count() == 6
    other = UserFactory()
    with pytest.raises(services.AttemptRefused):
        _offline(other, pre, attempt_id=attempt_id)
    assert Attempt.objects.count() == 1


def test_a_recorded_attempt_beyond_those_allowed_is_kept_flagged_and_late_is_kept_flagged(setup):
    user, pre = setup
    pre.attempts_allowed = 1
    pre.save()
    assert _offline(user, pre).attempt.flag == ""
    assert _offline(user, pre).attempt.flag == "duplicate"
    late = _offline(UserFactory(), pre, late=True).attempt
    assert late.flag == "late" and not Attempt.objects.counting().filter(pk=late.pk).exists()


def test_a_paper_attempt_is_only_ever_the_first(setup):
    user, pre = setup
    form = pre.forms.get()
    layout = paper_layout(form_questions(test=pre, form=form))
    services.attempt_start(user=user, test=pre)
    with pytest.raises(services.AttemptRefused):
        services.record_attempt(user=user, test=pre, route=services.PAPER, answers={}, form=form, layout=layout)
    assert not Attempt.objects.filter(mode="paper").exists()
    newcomer = UserFactory()
    paper = services.record_attempt(user=newcomer, test=pre, route=services.PAPER, answers={}, form=form, layout=layout)
    assert (paper.attempt.number, paper.attempt.mode, paper.attempt.score) == (1, "paper", 0)


def test_the_routes_create_no_attempt_by_hand():
    for name in ("assessments/offline.py", "assessments/paper_import.py"):
        source = (ROOT / name).read_text()
        assert "Attempt(" not in source and "services.record_attempt(" in source, name


APPS = {"assessments", "certificates", "courses", "events", "lms", "privacy", "training"}


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _is_module(package: str, name: str) -> bool:
    folder = ROOT.joinpath(*package.split("."))
    return (folder / f"{name}.py").exists() or (folder / name / "__init__.py").exists()


def _private_names_used_across_modules() -> list[str]:
    """`from app.x import _y`, and `x._y` where `x` is a module of the project's apps (tests excluded)."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.split("/")[0] not in APPS or "/migrations/" in relative:
            continue
        tree = ast.parse(path.read_text())
        modules = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in APPS:
                for alias in node.names:
                    if _private(alias.name):
                        found.append(f"{relative}: from {node.module} import {alias.name}")
                    elif _is_module(node.module, alias.name):
                        modules.add(alias.asname or alias.name)
            elif isinstance(node, ast.Import):
                modules |= {alias.asname or alias.name for alias in node.names if alias.name.split(".")[0] in APPS}
        for node in ast.walk(tree):
            value = getattr(node, "value", None)
            if isinstance(node, ast.Attribute) and isinstance(value, ast.Name) and value.id in modules:
                found += [f"{relative}: {value.id}.{node.attr}"] if _private(node.attr) else []
    return found


def test_no_module_uses_another_modules_private_names():
    assert _private_names_used_across_modules() == []
