"""Demo tests: a pre-test and a post-test for each demo module.

The questions live in data files, assessments/content/demo (docs/content.md), imported by
assessments.content_import like a programme's own: importing them again changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from assessments import content_import, services
from assessments.models import Attempt, Question, QuestionBank, Test
from courses import demo_audio
from courses.demo import CONTENT as COURSES_CONTENT
from lms.content_files import DataFile, Problems

CONTENT = Path(__file__).resolve().parent / "content" / "demo"


def first_module() -> str:
    """The slug of the demo's first module (the first in the catalogue file)."""
    return DataFile(COURSES_CONTENT / "catalogue.yaml", Problems(root=COURSES_CONTENT)).data["modules"][0]


@transaction.atomic
def seed_tests() -> list[Test]:
    return content_import.banks_load(CONTENT)


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
    test = Test.objects.filter(course__slug=first_module(), kind=Test.Kind.PRE).first()
    if user is None or test is None or Attempt.objects.filter(user=user, test=test).exists():
        return
    # About half right: a plausible pre-test.
    submit_demo_attempt(user=user, test=test, right_every=2)


QUESTION_CLIP = "Démo : question lue par une voix de synthèse française (remplace un enregistrement en pular)"


@transaction.atomic
def seed_audio() -> list[str]:
    """The first demo question read aloud: a French synthetic placeholder made by espeak-ng
    (courses.demo_audio). Without espeak-ng nothing is added and the returned message says so."""
    slug = first_module()
    question = next(data for data in content_import.banks_read(CONTENT) if data.course == slug).questions[0]
    clip = demo_audio.demo_clip(
        title=QUESTION_CLIP, text=question["content"]["fr"]["text"], filename="demo-question.wav"
    )
    if clip is None:
        return [_("espeak-ng is not installed: the demo audio clip of the first question was skipped.")]
    bank = QuestionBank.objects.filter(course__slug=slug, course__locale__language_code="fr").first()
    if bank is not None:
        content_import.question_save(
            bank=bank, question=question, audio_changes={(None, demo_audio.demo_language().code): clip}
        )
    return []


def seed() -> list[str]:
    """The assessments demo: tests per demo module, one demo attempt (evaluation.demo adds the
    synthetic results for evaluators)."""
    seed_tests()
    messages = seed_audio()
    seed_attempts()
    return messages
