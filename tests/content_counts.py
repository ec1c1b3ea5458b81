"""What seed_demo builds, counted (tests/courses/test_content_files.py compares it with the figures
measured before the demo content moved from Python literals to data files)."""

from __future__ import annotations

from collections import Counter

from django.db.models import Q
from wagtail.models import Page


def demo_counts() -> dict[str, int]:
    """Pages by type, lessons, stream blocks by type, questions by kind, choices, tests, translations."""
    from assessments.models import Question, QuestionBank, Test, TestForm, TestItem
    from courses.models import AudioLanguage, CoursePage, H5PPackage, LessonPage

    counts: Counter[str] = Counter()
    for page in Page.objects.select_related("content_type"):
        counts[f"pages.{page.content_type.model}"] += 1
        counts[f"pages.locale.{page.locale.language_code}"] += 1
    counts["pages.translated"] = Page.objects.filter(locale__language_code="en").exclude(depth=1).count()
    counts["courses"] = CoursePage.objects.count()
    counts["lessons"] = LessonPage.objects.count()
    counts["lessons.required"] = LessonPage.objects.filter(required=True).count()
    for lesson in LessonPage.objects.all():
        for block in lesson.body.raw_data:
            counts[f"blocks.{block['type']}"] += 1
            value = block["value"]
            if block["type"] in ("key_points", "references"):
                counts[f"blocks.{block['type']}.items"] += len(value)
    for course in CoursePage.objects.all():
        counts["objectives"] += len(course.objectives)
    for question in Question.objects.all():
        counts[f"questions.{question.kind}"] += 1
        counts["questions.points"] += question.points
        for language, entry in question.content.items():
            counts[f"questions.languages.{language}"] += 1
            for box in ("options", "left", "right", "accepted"):
                counts[f"choices.{language}"] += len(entry.get(box, ()))
    counts["questions"] = Question.objects.count()
    counts["question_banks"] = QuestionBank.objects.count()
    # The content's tests: the follow-up test the evaluation demo adds (evaluation/synthetic_followup.py,
    # a copy of a pre-test's forms) is demonstration data, not content.
    content = ~Q(kind="followup")
    counts["tests"] = Test.objects.filter(content).count()
    counts["test_forms"] = TestForm.objects.exclude(test__kind="followup").count()
    counts["test_items"] = TestItem.objects.exclude(form__test__kind="followup").count()
    counts["test_items.anchors"] = TestItem.objects.filter(anchor=True).exclude(form__test__kind="followup").count()
    counts["h5p_packages"] = H5PPackage.objects.count()
    counts["audio_languages"] = AudioLanguage.objects.count()
    return dict(sorted(counts.items()))


def demo_fingerprint() -> str:
    """A digest of the demo's text (pages, lesson bodies, questions, tests): equal digests, equal content."""
    import hashlib
    import json

    from wagtail.documents import get_document_model

    from assessments.models import Question, TestItem
    from courses.models import AudioLanguage, CoursePage, LessonPage

    languages = dict(AudioLanguage.objects.values_list("pk", "code"))
    documents = dict(get_document_model().objects.values_list("pk", "title"))

    def by_natural_key(value):
        """Database ids in block values depend on the database (an earlier test in the same PostgreSQL
        run moves the sequences on), not on the content: name each chosen object by what it is."""
        if isinstance(value, list):
            return [by_natural_key(item) for item in value]
        if not isinstance(value, dict):
            return value
        named = {key: by_natural_key(item) for key, item in value.items()}
        if "package" in named:  # an H5P block: the package is counted apart (h5p_packages)
            named["package"] = None
        if isinstance(named.get("language"), int):
            named["language"] = languages.get(named["language"])
        if isinstance(named.get("file"), int):
            named["file"] = documents.get(named["file"])
        return named

    def without_package(raw):
        return [{**block, "value": by_natural_key(block["value"])} for block in raw]

    parts = []
    for course in CoursePage.objects.order_by("locale__language_code", "path"):
        parts.append(
            [
                course.locale.language_code,
                course.slug,
                course.title,
                course.summary,
                [block["value"] for block in course.objectives.raw_data],
                course.estimated_minutes,
                sorted(course.audiences.values_list("code", flat=True)),
            ]
        )
    for lesson in LessonPage.objects.order_by("locale__language_code", "path"):
        parts.append(
            [
                lesson.locale.language_code,
                lesson.slug,
                lesson.title,
                lesson.required,
                without_package(lesson.body.raw_data),
            ]
        )
    for question in Question.objects.order_by("bank__course__slug", "reference", "version"):
        parts.append(
            [
                question.bank.course.slug,
                question.bank.title,
                question.reference,
                question.kind,
                question.objective,
                question.content,
                question.key,
                question.points,
            ]
        )
    items = TestItem.objects.exclude(form__test__kind="followup")  # content only (demo_counts)
    for item in items.order_by("form__test__course__slug", "form__test__kind", "form__label", "position"):
        test = item.form.test
        parts.append(
            [
                test.course.slug,
                test.kind,
                test.pass_mark,
                test.attempts_allowed,
                item.form.label,
                item.position,
                item.reference,
                item.anchor,
            ]
        )
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()
