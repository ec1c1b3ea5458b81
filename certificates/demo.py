"""Demo certificates: a rule on every demo module, two signatories, and the demo trainee
(`apprenant`) holding a completion certificate for the second module, earned the ordinary way
(pre-test, every lesson with its H5P activities, a passed post-test) some four months ago, so that
the module's follow-up test (evaluation.demo) is open on their dashboard. Idempotent."""

from __future__ import annotations

import datetime
import uuid

from django.db import transaction

from certificates import services, signing
from certificates.models import Certificate, CertificateRule, Signatory
from courses.models import CoursePage, LessonPage

MODULE = "comprendre-la-traite"
PUBLIC_TITLES = {
    "securite-humaine": "Formation en sécurité humaine",
    "comprendre-la-traite": "Formation en sécurité humaine et protection",
    "outils-de-protection": "Formation aux outils de protection des personnes",
    "prevention-communautaire": "Formation en dialogue communautaire",
}
# The same neutral titles for the English translations: an English certificate is English throughout.
PUBLIC_TITLES_EN = {
    "securite-humaine": "Human security training",
    "comprendre-la-traite": "Human security and protection training",
    "outils-de-protection": "Training in tools for protecting people",
    "prevention-communautaire": "Community dialogue training",
}
# How long ago the demo trainee took the module's tests: past any follow-up delay (90 days by default).
TESTS_DAYS_AGO = 120
SIGNATORIES = [
    ("Mariama Ɓah", "Coordinatrice du programme", "OIM Guinée"),
    ("Ibrahima Sow", "Chargé de protection", "HCR Guinée"),
]
DEMO_BASE_URL = "http://demo.invalid"  # only to build the H5P activity IRIs of the demo results


def seed_rules() -> list[CertificateRule]:
    signatories = [
        Signatory.objects.get_or_create(name=name, defaults={"position": position, "organisation": organisation})[0]
        for name, position, organisation in SIGNATORIES
    ]
    rules = []
    for slug, public_title in PUBLIC_TITLES.items():
        course = CoursePage.objects.filter(slug=slug, locale__language_code="fr").first()
        if course is None:
            continue
        if not course.public_title:
            course.public_title = public_title
            course.save_revision().publish()
        english = CoursePage.objects.filter(translation_key=course.translation_key, locale__language_code="en").first()
        if english is not None and english.public_title in ("", course.public_title):
            english.public_title = PUBLIC_TITLES_EN[slug]
            english.save_revision().publish()
        rule, created = CertificateRule.objects.get_or_create(course=course, defaults={"min_post_test_percent": 70})
        if created:
            rule.signatories.set(signatories)
        rules.append(rule)
    return rules


def _pass_h5p_activities(*, user, lesson: LessonPage) -> None:
    from courses import services as course_services

    for block in lesson.h5p_blocks():
        statement = {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"demo/{user.pk}/{lesson.pk}/{block.id}")),
            "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
            "object": {
                "id": course_services.activity_iri(base_url=DEMO_BASE_URL, lesson_id=lesson.pk, activity_id=block.id)
            },
            "result": {"score": {"raw": 1, "max": 1}, "success": True, "completion": True},
        }
        course_services.h5p_statement_record(user=user, statement=statement, base_url=DEMO_BASE_URL)


def _right_answer(question):
    key = question.key
    if question.kind == "matching":
        return key["pairs"]
    if question.kind == "ordering":
        return key["order"]
    if question.kind == "short":
        return question.content["fr"]["accepted"][0]
    return key["correct"]


def _take_test_right(*, user, test) -> None:
    from assessments import services as assessment_services
    from assessments.models import Question

    attempt, _created = assessment_services.attempt_start(user=user, test=test)
    for question in Question.objects.filter(pk__in=[item["question"] for item in attempt.layout]):
        assessment_services.response_save(
            user=user, attempt_id=attempt.pk, question_id=question.pk, answer=_right_answer(question), seq=1
        )
    assessment_services.attempt_submit(user=user, attempt_id=attempt.pk)


def _move_back(*, user, tests) -> None:
    """The trainee's attempts of these tests dated TESTS_DAYS_AGO earlier (a demo's history)."""
    from django.db.models import F

    from assessments.models import Attempt

    Attempt.objects.filter(user=user, test__in=tests).update(
        started_at=F("started_at") - datetime.timedelta(days=TESTS_DAYS_AGO),
        finished_at=F("finished_at") - datetime.timedelta(days=TESTS_DAYS_AGO),
    )


def seed_certificate(*, username: str = "apprenant") -> Certificate | None:
    from assessments.models import Attempt, Test
    from courses import services as course_services
    from lms.models import User

    user = User.objects.filter(username=username).first()
    course = CoursePage.objects.filter(slug=MODULE, locale__language_code="fr").first()
    if user is None or course is None:
        return None
    enrolment, _created = course_services.enrolment_create(user=user, course=course)
    existing = Certificate.objects.filter(enrolment=enrolment).first()
    if existing is not None:
        return existing
    tests = {t.kind: t for t in Test.objects.filter(course=course)}
    with transaction.atomic():
        if "pre" in tests and not Attempt.objects.filter(user=user, test=tests["pre"]).exists():
            _take_test_right(user=user, test=tests["pre"])
        for lesson in LessonPage.objects.child_of(course).live().order_by("path"):
            _pass_h5p_activities(user=user, lesson=lesson)
            course_services.lesson_complete(user=user, lesson=lesson)
        if (
            "post" in tests
            and not Attempt.objects.filter(user=user, test=tests["post"]).exclude(status="open").exists()
        ):
            _take_test_right(user=user, test=tests["post"])
            _move_back(user=user, tests=tests.values())
    return services.certificate_evaluate(enrolment_id=enrolment.pk).certificate


def seed() -> None:
    signing.ensure_key_file(certificates_exist=Certificate.objects.exists())
    seed_rules()
    seed_certificate()
