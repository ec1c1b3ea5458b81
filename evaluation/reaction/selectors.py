"""Reads of the reaction questionnaire: what a trainee may answer, and the summaries per session.

A summary counts released answers only (services._release_pool): a session's figures appear once it
has MIN_GROUP answers and change only by batches of MIN_GROUP or more, so two looks at the page never
isolate one person's answer. Open answers are for evaluators only, masked again when shown (names of
the session's people as they are now).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.utils.translation import get_language

from evaluation.disclosure import MIN_GROUP
from evaluation.reaction.masking import mask_text, name_words
from evaluation.reaction.models import ReactionAnswer, ReactionItem, ReactionQuestionnaire, ReactionReceipt
from training.models import TrainingSession

# Ratings of 4 and 5 count as agreeing.
AGREE_FROM = 4


def questionnaire_for(*, course_id: int) -> ReactionQuestionnaire | None:
    """The module's own questionnaire if it has an active one, else the programme's active one."""
    return (
        ReactionQuestionnaire.objects.filter(Q(course_id=course_id) | Q(course__isnull=True), active=True)
        .order_by(F("course_id").asc(nulls_last=True))
        .first()
    )


def _handed_in_post_tests(user) -> QuerySet:
    from assessments.models import Attempt

    return Attempt.objects.finished().filter(user=user, test__kind="post")


def questionnaire_to_answer(*, user, course_id: int) -> ReactionQuestionnaire | None:
    """The questionnaire `user` may answer now for the module `course_id`, or None: they must have
    handed in its post-test, not answered yet, and their consent must be in force."""
    if not user.is_authenticated or user.consent_withdrawn_at is not None:
        return None
    if ReactionReceipt.objects.filter(user=user, course_id=course_id).exists():
        return None
    if not _handed_in_post_tests(user).filter(test__course_id=course_id).exists():
        return None
    return questionnaire_for(course_id=course_id)


def has_answered(*, user, course_id: int) -> bool:
    return user.is_authenticated and ReactionReceipt.objects.filter(user=user, course_id=course_id).exists()


def modules_to_answer(*, user) -> list:
    """The modules (French pages) whose post-test `user` handed in and whose questionnaire they have
    not answered, when a questionnaire is offered for them."""
    from courses.models import CoursePage

    if not user.is_authenticated or user.consent_withdrawn_at is not None:
        return []
    handed_in = _handed_in_post_tests(user).values("test__course_id")
    answered = ReactionReceipt.objects.filter(user=user).values("course_id")
    pages = list(CoursePage.objects.filter(pk__in=handed_in).exclude(pk__in=answered).order_by("pk"))
    if not pages:
        return []
    questionnaires = ReactionQuestionnaire.objects.filter(active=True)
    if not questionnaires.filter(course__isnull=True).exists():
        offered = set(questionnaires.values_list("course_id", flat=True))
        pages = [page for page in pages if page.pk in offered]
    return pages


def session_of(*, user, course_id: int):
    """The session through which `user` takes the module (training.selectors.participation_for), or None."""
    from training.selectors import participation_for

    participation = participation_for(user_id=user.pk, course_page_id=course_id)
    return participation.session if participation else None


def names_to_mask(*, session, author=None) -> frozenset[str]:
    """The words of the names of the session's participants and trainers (and of the author)."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    people = User.objects.none()
    if session is not None:
        people = User.objects.filter(participations__session=session).union(
            User.objects.filter(training_sessions_run=session)
        )
    names = [value for person in people for value in (person.display_name, person.username)]
    if author is not None:
        names += [author.display_name, author.username]
    return name_words(names)


@dataclass(frozen=True)
class ItemSummary:
    key: str
    label: str
    n: int
    mean: float | None  # None when fewer than MIN_GROUP rated it
    agree_percent: float | None


@dataclass(frozen=True)
class SessionReaction:
    session: TrainingSession | None  # None for trainees outside any session
    n: int
    items: list[ItemSummary]
    comments: list[str]  # masked; empty unless asked for and n >= MIN_GROUP


def _labels(language: str | None) -> dict[str, str]:
    """The wording of each item key in `language`: the programme questionnaire's first, then the modules'."""
    labels: dict[str, str] = {}
    items = ReactionItem.objects.select_related("questionnaire").order_by("questionnaire__course_id", "sort_order")
    for item in items:
        if item.questionnaire.course_id is None or item.key not in labels:
            labels.setdefault(item.key, item.text_in(language))
    return labels


def _item_summaries(answers: list[ReactionAnswer], labels: dict[str, str]) -> list[ItemSummary]:
    ratings: dict[str, list[int]] = defaultdict(list)
    for answer in answers:
        for key, value in answer.ratings.items():
            ratings[key].append(int(value))
    order = list(labels) + sorted(set(ratings) - set(labels))
    summaries = []
    for key in order:
        values = ratings.get(key, [])
        if not values and key not in ratings:
            continue
        shown = len(values) >= MIN_GROUP
        summaries.append(
            ItemSummary(
                key=key,
                label=labels.get(key, key),
                n=len(values),
                mean=sum(values) / len(values) if shown else None,
                agree_percent=100 * sum(value >= AGREE_FROM for value in values) / len(values) if shown else None,
            )
        )
    return summaries


def session_reactions(
    *, sessions: QuerySet | None, with_comments: bool, outside_sessions: bool = False
) -> list[SessionReaction]:
    """The summary of each session in `sessions` (all of them when None) with at least MIN_GROUP
    released answers, newest session first; with the trainees outside any session last when
    `outside_sessions`. Open answers only when `with_comments` (evaluators), shuffled by their random key."""
    answers = ReactionAnswer.objects.filter(released=True).select_related("session").order_by("pk")
    if sessions is not None:
        answers = answers.filter(session__in=sessions)
    elif not outside_sessions:
        answers = answers.filter(session__isnull=False)
    pools: dict[int | None, list[ReactionAnswer]] = defaultdict(list)
    for answer in answers:
        pools[answer.session_id].append(answer)
    labels = _labels(get_language())
    found = []
    for pool in pools.values():
        if len(pool) < MIN_GROUP:
            continue  # never happens for released answers; kept as the rule's statement
        session = pool[0].session
        comments = []
        if with_comments:
            names = names_to_mask(session=session)
            comments = [mask_text(answer.comment, names=names) for answer in pool if answer.comment.strip()]
        found.append(
            SessionReaction(session=session, n=len(pool), items=_item_summaries(pool, labels), comments=comments)
        )
    found.sort(
        key=lambda entry: (entry.session is None, -(entry.session.start_date.toordinal() if entry.session else 0))
    )
    return found
