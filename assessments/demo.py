"""Demo tests: a pre-test and a post-test for each demo module, from assessments.demo_questions.

Idempotent: questions are saved through question_save (identical content changes nothing) and tests
through test_define.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from assessments import services
from assessments.demo_questions import BANKS
from assessments.models import Attempt, Question, QuestionBank, Test
from courses import demo_audio
from courses.models import CoursePage


def _content(question: dict) -> dict:
    content = {}
    for language in ("fr", "en"):
        text = dict(question[language])
        text["objective"] = question["objective"][language]
        content[language] = text
    return content


def _save_question(*, bank, question: dict, **extra) -> Question:
    return services.question_save(
        bank=bank,
        reference=question["reference"],
        kind=question["kind"],
        objective=question["objective"]["fr"],
        content=_content(question),
        key=question["key"],
        points=question.get("points", 1),
        **extra,
    )


@transaction.atomic
def seed_tests() -> list[Test]:
    tests = []
    for slug, data in BANKS.items():
        course = CoursePage.objects.filter(slug=slug, locale__language_code="fr").first()
        if course is None:
            continue
        bank, _created = QuestionBank.objects.get_or_create(course=course, defaults={"title": data["title"]["fr"]})
        for question in data["questions"]:
            _save_question(bank=bank, question=question)
        if "forms" in data:
            forms = {"A": data["forms"]["A"], "B": data["forms"]["B"]}
            pre_forms = post_forms = forms
            anchors = data.get("anchors", [])
        else:
            pre_forms, post_forms, anchors = {"": data["pre"]["form"]}, {"": data["post"]["form"]}, []
        tests.append(services.test_define(course=course, kind="pre", forms=pre_forms, anchors=anchors, pass_mark=0))
        tests.append(
            services.test_define(
                course=course, kind="post", forms=post_forms, anchors=anchors, pass_mark=70, attempts_allowed=2
            )
        )
    return tests


def submit_demo_attempt(*, user, test: Test, right_every: int = 2) -> None:
    """A submitted attempt of `test`: single-choice and true/false items answered, one in
    `right_every` with the key, the others with another option; other kinds left blank."""
    attempt, _created = services.attempt_start(user=user, test=test)
    questions = {q.pk: q for q in Question.objects.filter(pk__in=[item["question"] for item in attempt.layout])}
    for number, item in enumerate(attempt.layout):
        question = questions[item["question"]]
        correct = question.key.get("correct")
        if question.kind in ("single", "true_false") and correct:
            answer = correct if number % right_every == 0 else next(o for o in item["options"] if o != correct)
            services.response_save(user=user, attempt_id=attempt.pk, question_id=question.pk, answer=answer, seq=1)
    services.attempt_submit(user=user, attempt_id=attempt.pk)


@transaction.atomic
def seed_attempts(*, username: str = "apprenant") -> None:
    """The demo trainee has taken the first module's pre-test (so its lessons are open)."""
    from lms.models import User

    user = User.objects.filter(username=username).first()
    test = Test.objects.filter(course__slug=next(iter(BANKS)), kind=Test.Kind.PRE).first()
    if user is None or test is None or Attempt.objects.filter(user=user, test=test).exists():
        return
    # About half right: a plausible pre-test.
    submit_demo_attempt(user=user, test=test, right_every=2)


QUESTION_CLIP = "Démo : question lue par une voix de synthèse française (remplace un enregistrement en pular)"


@transaction.atomic
def seed_audio() -> list[str]:
    """The first demo question read aloud: a French synthetic placeholder made by espeak-ng
    (courses.demo_audio). Without espeak-ng nothing is added and the returned message says so."""
    slug, data = next(iter(BANKS.items()))
    question = data["questions"][0]
    clip = demo_audio.demo_clip(title=QUESTION_CLIP, text=question["fr"]["text"], filename="demo-question.wav")
    if clip is None:
        return [_("espeak-ng is not installed: the demo audio clip of the first question was skipped.")]
    bank = QuestionBank.objects.filter(course__slug=slug, course__locale__language_code="fr").first()
    if bank is not None:
        _save_question(bank=bank, question=question, audio_changes={(None, demo_audio.demo_language().code): clip})
    return []


def seed() -> list[str]:
    """The assessments demo: tests per demo module, one demo attempt (evaluation.demo adds the
    synthetic results for evaluators)."""
    seed_tests()
    messages = seed_audio()
    seed_attempts()
    return messages
