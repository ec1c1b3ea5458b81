"""Reads on tests and attempts: what the test page shows (never the key before review) and results."""

from __future__ import annotations

from dataclasses import dataclass, field

from assessments.models import Attempt, Question, Response, Test, TestItem
from courses.audio import Clip, clips_by_document


def tests_of(*, course_id: int) -> dict[str, Test]:
    """The module's tests by kind ("pre", "post")."""
    return {test.kind: test for test in Test.objects.filter(course_id=course_id)}


def finished_attempts(*, user, test: Test) -> list[Attempt]:
    """Every attempt the trainee has used up, flagged ones included (the page shows those without
    their score: `Attempt.flag`)."""
    return list(Attempt.objects.filter(user=user, test=test).finished().order_by("number"))


def attempts_used(*, user, test: Test) -> int:
    """How many attempts of `test` the trainee has used up, by any route, flagged ones included."""
    return Attempt.objects.filter(user=user, test=test).finished().count()


def has_submitted(*, user, test: Test) -> bool:
    """Whether the trainee handed the test in, by any route: the pre-test gate opens on any
    attempt, even a flagged one (taking the test is what the gate asks, not its score)."""
    return Attempt.objects.filter(user=user, test=test).finished().exists()


def review_open(*, attempt: Attempt) -> bool:
    """Correct answers and explanations: never for a pre-test; for a post-test once it is closed;
    never for a flagged attempt (its marks are not scored back to the trainee)."""
    return (
        attempt.test.kind == Test.Kind.POST
        and not attempt.test.is_open
        and attempt.status != Attempt.Status.OPEN
        and not attempt.flag
    )


@dataclass(frozen=True)
class DisplayQuestion:
    id: int
    number: int
    kind: str
    text: str
    options: list[tuple[str, str]]  # (id, label) in the attempt's order
    left: list[tuple[str, str]]
    right: list[tuple[str, str]]
    answer: object  # the saved answer, or None
    seq: int
    objective: str
    # Only when the review is open:
    explanation: str = ""
    correct: object = None
    score: float | None = None
    points: int = 1
    # Clips in national languages (opt-in media: loaded only when the trainee taps "listen").
    clips: list[Clip] = field(default_factory=list)
    option_clips: dict[str, list[Clip]] = field(default_factory=dict)  # by option id


def response_kept(*, attempt_id, question_id: int) -> dict | None:
    """The stored answer to one question of an attempt with its sequence number, for the reply to a
    save that came too late to replace it; None if there is none."""
    return Response.objects.filter(attempt_id=attempt_id, question_id=question_id).values("seq", "answer").first()


def attempt_questions(*, attempt: Attempt, language: str, with_review: bool = False) -> list[DisplayQuestion]:
    """The attempt's questions in its stored order, in `language` (French fallback), with saved answers.

    Answer keys are included only with `with_review` (callers check review_open first).
    """
    responses = {r.question_id: r for r in Response.objects.filter(attempt=attempt)}
    return layout_questions(layout=attempt.layout, language=language, responses=responses, with_review=with_review)


def layout_questions(
    *,
    layout: list[dict],
    language: str,
    responses: dict | None = None,
    with_review: bool = False,
    questions: dict | None = None,
) -> list[DisplayQuestion]:
    """The questions of a layout (an attempt's, or a downloaded offline form's) as the page shows them.

    Answer keys are included only with `with_review`. `questions` (by id): when the caller has them.
    """
    responses = responses or {}
    if questions is None:
        questions = {q.pk: q for q in Question.objects.filter(pk__in=[item["question"] for item in layout])}
    clips = _question_clips(questions.values())
    shown = []
    for number, item in enumerate(layout, start=1):
        question = questions[item["question"]]
        text = question.text_in(language)
        labels = text.get("options", {})
        order = item.get("options") or list(labels)
        response = responses.get(question.pk)
        shown.append(
            DisplayQuestion(
                id=question.pk,
                number=number,
                kind=question.kind,
                text=text.get("text", ""),
                options=[(option, labels.get(option, option)) for option in order if option in labels],
                left=list(text.get("left", {}).items()),
                right=list(text.get("right", {}).items()),
                answer=response.answer if response else None,
                seq=response.seq if response else 0,
                objective=question.objective,
                explanation=text.get("explanation", "") if with_review else "",
                correct=(question.key or text.get("accepted")) if with_review else None,
                score=response.score if (with_review and response) else None,
                points=question.points,
                clips=clips.get((question.pk, None), []),
                option_clips={option: clips[question.pk, option] for option in order if (question.pk, option) in clips},
            )
        )
    return shown


def test_audio_bytes(*, test: Test) -> int:
    """The size of every clip of the test's current questions (all forms): what "keep the audio"
    downloads at most. Two queries; no document query when no question has audio."""
    from wagtail.documents.models import Document

    questions = Question.objects.filter(
        bank__course_id=test.course_id,
        is_current=True,
        reference__in=TestItem.objects.filter(form__test=test).values("reference"),
    ).only("audio")
    ids = {document_id for q in questions for _key, mapping in q.audio_maps() for document_id in mapping.values()}
    return sum(size or 0 for size in Document.objects.filter(pk__in=ids).values_list("file_size", flat=True))


def _question_clips(questions) -> dict[tuple[int, str | None], list[Clip]]:
    """{(question id, None): the question's clips, (question id, option id): that option's clips}.

    Two queries when any question has audio, none otherwise (see `Question.audio`).
    """
    keys, maps = [], []
    for question in questions:
        for key, mapping in question.audio_maps():
            keys.append((question.pk, key))
            maps.append(mapping)
    return {key: found for key, found in zip(keys, clips_by_document(maps=maps), strict=True) if found}


@dataclass(frozen=True)
class ObjectiveComparison:
    objective: str
    pre_percent: float | None
    post_percent: float | None


@dataclass(frozen=True)
class PrePostResult:
    pre: Attempt | None
    post: Attempt | None
    objectives: list[ObjectiveComparison]


def _latest_counting(user, test: Test | None) -> Attempt | None:
    if test is None:
        return None
    return Attempt.objects.counting().filter(user=user, test=test).order_by("-number").first()


def _by_objective(attempt: Attempt | None, language: str) -> dict[str, tuple[float, float]]:
    """Points earned and available per learning objective (labelled in `language`)."""
    if attempt is None:
        return {}
    totals: dict[str, list[float]] = {}
    answered = dict(Response.objects.filter(attempt=attempt).values_list("question_id", "score"))
    for question in Question.objects.filter(pk__in=[item["question"] for item in attempt.layout]):
        earned = answered.get(question.pk) or 0.0
        label = question.text_in(language).get("objective") or question.objective
        bucket = totals.setdefault(label, [0.0, 0.0])
        bucket[0] += earned
        bucket[1] += question.points
    return {objective: (earned, maximum) for objective, (earned, maximum) in totals.items()}


def pre_post_result(*, user, course_id: int, language: str = "fr") -> PrePostResult:
    """The trainee's latest counting pre and post results side by side, overall and per learning
    objective (flagged attempts never show here: `AttemptQuerySet.counting`)."""
    tests = tests_of(course_id=course_id)
    pre, post = _latest_counting(user, tests.get("pre")), _latest_counting(user, tests.get("post"))
    pre_objectives, post_objectives = _by_objective(pre, language), _by_objective(post, language)
    objectives = []
    for objective in dict.fromkeys([*pre_objectives, *post_objectives]):
        a, b = pre_objectives.get(objective), post_objectives.get(objective)
        objectives.append(
            ObjectiveComparison(
                objective,
                100 * a[0] / a[1] if a and a[1] else None,
                100 * b[0] / b[1] if b and b[1] else None,
            )
        )
    return PrePostResult(pre, post, objectives)
