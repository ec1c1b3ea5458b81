"""Question banks and tests from data files (docs/content.md).

A folder holds one `<module slug>.yaml` per module: the bank's title, its questions (each in French
with the other content languages beside it, the answer key and the learning objective), the forms
(`form:` one list of question references, or `forms:` A and B with their `anchors`) and the options
of the pre- and post-test (`tests:`).

Each question is checked by the admin form's own rules (assessments.question_content) and saved by
`question_save`, the service the admin uses: saving the same text again changes nothing, and a
question that has been answered gets a new version. `banks_read` checks every file and raises
ContentError listing every problem; `banks_load` then writes everything in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from assessments import question_content, services
from assessments.models import Question, QuestionBank, Test
from assessments.models.questions import QuestionKind
from courses.models import CoursePage
from lms.content_files import SOURCE_LANGUAGE, DataFile, Problems, languages

TEST_OPTIONS = {
    "pass_mark": int,
    "attempts_allowed": int,
    "time_limit_minutes": int,
    "shuffle_questions": bool,
    "shuffle_options": bool,
}
QUESTION_FIELDS = {"reference", "kind", "points", "objective", "key", *languages()}
# The boxes of the admin form (question_content) that each part of a question's text fills.
TEXT_FIELDS = {"text", "explanation", "options", "left", "right", "accepted"}


@dataclass
class Bank:
    course: str
    path: Path
    title: dict[str, str]
    questions: list[dict[str, Any]]
    forms: dict[str, list[str]]
    anchors: list[str]
    tests: dict[str, dict[str, Any]]


def banks_read(directory: Path) -> list[Bank]:
    """Every `*.yaml` file of the folder, checked; raises ContentError naming each problem."""
    directory = Path(directory)
    problems = Problems(root=directory)
    banks = [_bank_read(path, problems) for path in sorted(directory.glob("*.yaml"))]
    if not banks:
        problems.add(directory, "", _("No question file (*.yaml) in this folder."))
    problems.raise_if_any()
    return banks


def _bank_read(path: Path, problems: Problems) -> Bank:
    file = DataFile(path, problems)
    if not file.readable:
        return Bank(path.stem, path, {}, [], {}, [], {})
    file.unknown({"title", "questions", "form", "forms", "anchors", "tests"})
    title = {language: file.text(f"title.{language}", required=language == SOURCE_LANGUAGE) for language in languages()}
    questions = [
        _question_read(file, f"questions[{index}]", item)
        for index, item in enumerate(file.get("questions", list) or [])
    ]
    references = [question["reference"] for question in questions if question]
    for index, reference in enumerate(references):
        if references.index(reference) != index:
            file.problem(
                f"questions[{index}].reference", _("“%(reference)s” is used twice.") % {"reference": reference}
            )
    forms = _forms_read(file, set(references))
    anchors = file.strings("anchors", required=False) or []
    for index, reference in enumerate(anchors):
        if not all(reference in items for items in forms.values()):
            file.problem(f"anchors[{index}]", _("An anchor must be in every form."))
    tests = {}
    for kind in Test.Kind.values:
        if kind == Test.Kind.FOLLOWUP and kind not in (file.data.get("tests") or {}):
            continue  # optional: a module has a follow-up test only when its file names one
        options = file.get(f"tests.{kind}", dict) or {}
        file.unknown(set(TEST_OPTIONS), within=options, prefix=f"tests.{kind}.")
        tests[kind] = {
            name: value
            for name, expected in TEST_OPTIONS.items()
            if (value := file.get(f"tests.{kind}.{name}", expected, within=options, required=False)) is not None
        }
    file.unknown(set(Test.Kind.values), within=file.data.get("tests") or {}, prefix="tests.")
    titles = {language: text for language, text in title.items() if text}
    return Bank(path.stem, path, titles, [question for question in questions if question], forms, anchors, tests)


def _forms_read(file: DataFile, references: set[str]) -> dict[str, list[str]]:
    if "form" in file.data:
        forms = {"": file.strings("form") or []}
    else:
        given = file.get("forms", dict) or {}
        file.unknown({"A", "B"}, within=given, prefix="forms.")
        forms = {label: file.strings(f"forms.{label}", within=given) or [] for label in ("A", "B")}
    for label, items in forms.items():
        name = f"forms.{label}" if label else "form"
        for index, reference in enumerate(items):
            if reference not in references:
                file.problem(
                    f"{name}[{index}]", _("No question “%(reference)s” in this file.") % {"reference": reference}
                )
            elif items.index(reference) != index:
                file.problem(f"{name}[{index}]", _("“%(reference)s” is listed twice.") % {"reference": reference})
    return forms


def _question_read(file: DataFile, name: str, item: Any) -> dict[str, Any] | None:
    if not isinstance(item, dict):
        file.problem(name, _("This field must be %(kind)s.") % {"kind": _("a set of named fields")})
        return None
    file.unknown(QUESTION_FIELDS, within=item, prefix=f"{name}.")
    reference = file.text(f"{name}.reference", within=item)
    kind = file.text(f"{name}.kind", within=item)
    if kind is not None and kind not in QuestionKind.values:
        file.problem(
            f"{name}.kind",
            _("Unknown kind “%(kind)s” (expected one of: %(kinds)s).")
            % {"kind": kind, "kinds": ", ".join(QuestionKind.values)},
        )
        kind = None
    points = file.get(f"{name}.points", int, within=item, required=False)
    if points is not None and points < 1:
        file.problem(f"{name}.points", _("Give a number of points above zero."))
    objective = file.get(f"{name}.objective", dict, within=item) or {}
    key = file.get(f"{name}.key", dict, within=item)
    content: dict[str, dict] = {}
    for language in languages():
        entry = file.get(f"{name}.{language}", dict, within=item, required=language == SOURCE_LANGUAGE)
        if entry is None:
            continue
        file.unknown(TEXT_FIELDS, within=entry, prefix=f"{name}.{language}.")
        content[language] = dict(entry)
        goal = file.text(f"{name}.objective.{language}", within=objective, required=language == SOURCE_LANGUAGE)
        if goal:
            content[language]["objective"] = goal
    if reference is None or kind is None or key is None or SOURCE_LANGUAGE not in content:
        return None
    # Every id, label and answer is text, as the admin's boxes give them: `1` written bare is "1".
    texts = _as_texts({"content": content, "key": key}, file=file, name=name)
    if texts is None:
        return None
    content, key = texts["content"], texts["key"]
    # The admin form's own checks: the boxes an editor would see, built back into content and key.
    boxes, key_boxes = question_content.unbuild(content=content, key=key)
    try:
        question_content.build(kind=kind, languages=list(content), boxes=boxes, key_boxes=key_boxes)
    except ValidationError as error:
        for box, messages in error.message_dict.items():
            language = box.rsplit("_", 1)[-1] if "_" in box else ""
            where = f"{name}.{language}.{box.rsplit('_', 1)[0]}" if language in content else f"{name}.key.{box}"
            for message in messages:
                file.problem(where, message)
        return None
    return {
        "reference": reference,
        "kind": kind,
        "points": points or 1,
        "objective": content[SOURCE_LANGUAGE].get("objective", ""),
        "content": content,
        "key": key,
    }


def _as_texts(value: Any, *, file: DataFile, name: str) -> Any:
    """`value` with numbers turned into text (dict keys too); None, recording it, where something is not text."""
    if isinstance(value, dict):
        result = {str(key): _as_texts(item, file=file, name=name) for key, item in value.items()}
        return None if None in result.values() else result
    if isinstance(value, list):
        items = [_as_texts(item, file=file, name=name) for item in value]
        return None if None in items else items
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        file.problem(
            name, _("The question's texts, choices and key must be text: %(value)r is not.") % {"value": value}
        )
        return None
    return value


@transaction.atomic
def banks_import(banks: list[Bank]) -> list[Test]:
    """Saves the questions (question_save) and defines the tests (test_define) of checked banks."""
    problems = Problems(root=banks[0].path.parent if banks else Path())
    courses = {}
    for bank in banks:
        courses[bank.course] = CoursePage.objects.filter(
            slug=bank.course, locale__language_code=SOURCE_LANGUAGE
        ).first()
        if courses[bank.course] is None:
            problems.add(bank.path, "", _("No module “%(slug)s”: import the module first.") % {"slug": bank.course})
    problems.raise_if_any()
    tests = []
    # In the catalogue's order, whatever the files' names.
    for bank in sorted(banks, key=lambda bank: courses[bank.course].path):
        course = courses[bank.course]
        question_bank, _created = QuestionBank.objects.get_or_create(
            course=course, defaults={"title": bank.title[SOURCE_LANGUAGE]}
        )
        if question_bank.title != bank.title[SOURCE_LANGUAGE]:
            question_bank.title = bank.title[SOURCE_LANGUAGE]
            question_bank.save(update_fields=["title"])
        for question in bank.questions:
            question_save(bank=question_bank, question=question)
        for kind, options in bank.tests.items():
            tests.append(
                services.test_define(course=course, kind=kind, forms=bank.forms, anchors=bank.anchors, **options)
            )
    return tests


def question_save(*, bank: QuestionBank, question: dict[str, Any], **extra) -> Question:
    """One checked question of a file, saved by the admin's service."""
    return services.question_save(
        bank=bank,
        reference=question["reference"],
        kind=question["kind"],
        objective=question["objective"],
        content=question["content"],
        key=question["key"],
        points=question["points"],
        **extra,
    )


def banks_load(directory: Path) -> list[Test]:
    """Reads and checks the folder, then imports it; nothing is written when a file is wrong."""
    banks = banks_read(directory)
    with transaction.atomic():
        return banks_import(banks)
