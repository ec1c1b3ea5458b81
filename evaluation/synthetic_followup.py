"""Synthetic follow-up results for the demo: a follow-up test in the A/B demo module and, for about
70 % of the synthetic trainees who took its post-test, a follow-up attempt some 90 to 110 days later
that keeps part of their gain; the others are the attrition the report counts.

Like synthetic.py: clearly synthetic accounts only, written with bulk_create (no services).
"""

from __future__ import annotations

import datetime
import random

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from assessments.models import Attempt, Question, Response, Test
from assessments.question_services import test_define
from evaluation.synthetic import DEMO_COURSE, PREFIX

RETURN_SHARE = 0.7
# The demo's post-tests are weeks old; the follow-up opens 90 days after (FOLLOWUP_DEFAULT_DAYS): the
# synthetic cohort's tests are moved this many days back once, so that every follow-up has opened.
DEMO_SHIFT_DAYS = 120
# Synthetic trainees left unshifted, so the report also shows some whose follow-up is not open yet
# (with the demo session's own participants, at least MIN_GROUP: the report shows the groups).
WAITING = 6


def followup_test(course_id: int) -> Test:
    """The module's follow-up test, defined once as a copy of its pre-test's forms (parallel forms)."""
    existing = Test.objects.filter(course_id=course_id, kind=Test.Kind.FOLLOWUP).first()
    if existing is not None:
        return existing
    pre = Test.objects.prefetch_related("forms__items").get(course_id=course_id, kind=Test.Kind.PRE)
    forms = {form.label: [item.reference for item in form.items.all()] for form in pre.forms.all()}
    anchors = {item.reference for form in pre.forms.all() for item in form.items.all() if item.anchor}
    return test_define(
        course=pre.course, kind="followup", forms=forms, anchors=sorted(anchors), pass_mark=pre.pass_mark
    )


def _item_right(rng: random.Random, target: float, was_right: bool | None) -> bool:
    """Right at the follow-up with the trainee's retained level, more often where right at the
    post-test (`was_right` None: the question was not on the trainee's post-test form)."""
    shift = 0.0 if was_right is None else 0.15 if was_right else -0.15
    probability = min(0.97, max(0.03, target + shift))
    return rng.random() < probability


@transaction.atomic
def generate(*, course_id: int, seed: int = 21, share: float = RETURN_SHARE) -> int:
    """Follow-up attempts for `share` of the synthetic trainees with a post-test and no follow-up
    yet; returns how many were written."""
    rng = random.Random(seed)  # noqa: S311 - reproducible synthetic data, not secrets
    test = followup_test(course_id)
    forms = {form.label: [item.reference for item in form.items.all()] for form in test.forms.all()}
    questions = {q.reference: q for q in Question.objects.filter(bank__course_id=course_id, is_current=True)}
    synthetic = Attempt.objects.counting().filter(user__username__startswith=PREFIX, test__course_id=course_id)
    done = set(synthetic.filter(test=test).values_list("user_id", flat=True))
    pres = synthetic.filter(test__kind=Test.Kind.PRE).order_by("-number")
    pre_forms = dict(pres.values_list("user_id", "form__label"))
    pre_shares = {user: score / top for user, score, top in pres.values_list("user_id", "score", "max_score")}
    # Only where the follow-up has opened (synthetic trainees take their modules through no session).
    opened = timezone.now() - datetime.timedelta(days=settings.FOLLOWUP_DEFAULT_DAYS)
    candidates = synthetic.filter(test__kind=Test.Kind.POST, finished_at__lte=opened).exclude(user_id__in=done)
    posts = list(candidates.order_by("user_id"))
    post_marks: dict[object, dict[str, float]] = {}
    for attempt_id, reference, score in Response.objects.filter(attempt__in=posts).values_list(
        "attempt_id", "question__reference", "score"
    ):
        post_marks.setdefault(attempt_id, {})[reference] = score or 0.0
    attempts, responses = [], []
    for post in posts:
        if rng.random() >= share:
            continue
        label = pre_forms.get(post.user_id, "") if pre_forms.get(post.user_id, "") in forms else min(forms)
        items = forms[label]
        before = pre_shares.get(post.user_id, 0.0)
        target = before + rng.gauss(0.6, 0.3) * (post.score / post.max_score - before)
        attempt = Attempt(
            user_id=post.user_id,
            test=test,
            form=test.forms.get(label=label),
            number=1,
            status=Attempt.Status.SUBMITTED,
            mode=post.mode,
            layout=[{"question": questions[r].pk, "options": []} for r in items],
            finished_at=min(timezone.now(), post.finished_at + datetime.timedelta(days=rng.randint(90, 110))),
            score=0.0,
            max_score=float(sum(questions[r].points for r in items)),
        )
        total = 0.0
        for reference in items:
            question = questions[reference]
            mark = post_marks.get(post.pk, {}).get(reference)
            right = _item_right(rng, target, None if mark is None else mark > 0)
            score = float(question.points) if right else 0.0
            total += score
            responses.append(Response(attempt=attempt, question=question, answer={}, seq=1, score=score))
        attempt.score = total
        attempts.append(attempt)
    Attempt.objects.bulk_create(attempts)
    Response.objects.bulk_create(responses)
    return len(attempts)


def seed_demo() -> int:
    """The demo's follow-up results, once (idempotent): the synthetic cohort's pre- and post-tests are
    moved DEMO_SHIFT_DAYS back (but for WAITING trainees) so that the follow-up has opened for them,
    then about 70 % of those take it."""
    test = Test.objects.filter(course__slug=DEMO_COURSE, kind=Test.Kind.PRE).first()
    if test is None:
        return 0
    synthetic = Attempt.objects.filter(user__username__startswith=PREFIX, test__course_id=test.course_id)
    if not synthetic.exists() or synthetic.filter(test__kind=Test.Kind.FOLLOWUP).exists():
        return 0
    # The last WAITING trainees keep their dates: their follow-up has not opened yet.
    waiting = list(
        synthetic.filter(test__kind=Test.Kind.POST).order_by("-user__username").values_list("user_id", flat=True)
    )[:WAITING]
    with transaction.atomic():
        synthetic.exclude(user_id__in=waiting).update(
            finished_at=F("finished_at") - datetime.timedelta(days=DEMO_SHIFT_DAYS)
        )
        return generate(course_id=test.course_id)
