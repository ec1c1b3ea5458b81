"""The one write of the reaction questionnaire: a trainee's answer, with its receipt and the batch release."""

from __future__ import annotations

import random
import uuid

from django.db import IntegrityError, transaction

from evaluation.disclosure import MIN_GROUP
from evaluation.reaction import selectors
from evaluation.reaction.masking import mask_text
from evaluation.reaction.models import LIKERT_MAX, LIKERT_MIN, ReactionAnswer, ReactionReceipt


class ReactionRefused(Exception):
    """The trainee may not answer now (already answered, no post-test, no questionnaire, no consent)."""


@transaction.atomic
def reaction_submit(*, user, course_id: int, ratings: dict[str, int], comment: str) -> None:
    """Record `user`'s answer for the module `course_id` (its French page) anonymously.

    Writes a receipt (user, module: the database refuses a second) and, apart from it, an answer
    without the person: ratings by item key, the open answer masked (phones, the names of the
    session's people and the author's own) and the session, not the module. Then releases the session's
    pool if it holds MIN_GROUP answers (_release_pool). Raises ReactionRefused when `user` may not answer.
    """
    questionnaire = selectors.questionnaire_to_answer(user=user, course_id=course_id)
    if questionnaire is None:
        raise ReactionRefused
    keys = {item.key for item in questionnaire.items.all()}
    cleaned = {key: int(value) for key, value in ratings.items() if key in keys and value is not None}
    if any(not LIKERT_MIN <= value <= LIKERT_MAX for value in cleaned.values()):
        raise ValueError("rating out of range")
    session = selectors.session_of(user=user, course_id=course_id)
    try:
        with transaction.atomic():
            ReactionReceipt.objects.create(user=user, course_id=course_id)
    except IntegrityError:
        raise ReactionRefused from None  # answered meanwhile (a double tap, a second tab)
    names = selectors.names_to_mask(session=session, author=user)
    answer = ReactionAnswer(session=session, ratings=cleaned, comment=mask_text(comment.strip(), names=names))
    answer.full_clean()
    answer.save()
    _release_pool(session_id=session.pk if session else None)


def _release_pool(*, session_id: int | None) -> int:
    """Release a session's waiting answers once there are at least MIN_GROUP: re-inserted in random
    order under new random keys, so that neither a key nor the storage order follows the order of
    the receipts, and a summary only ever changes by MIN_GROUP answers or more. How many were released."""
    waiting = list(
        ReactionAnswer.objects.select_for_update().filter(session_id=session_id, released=False).order_by("pk")
    )
    if len(waiting) < MIN_GROUP:
        return 0
    ReactionAnswer.objects.filter(pk__in=[answer.pk for answer in waiting]).delete()
    random.SystemRandom().shuffle(waiting)
    ReactionAnswer.objects.bulk_create(
        ReactionAnswer(
            id=uuid.uuid4(),
            session_id=answer.session_id,
            ratings=answer.ratings,
            comment=answer.comment,
            released=True,
        )
        for answer in waiting
    )
    return len(waiting)
