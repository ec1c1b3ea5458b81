"""Clearly synthetic pre/post results: for the demo (120 trainees) and the bench (thousands).

Every account is named "synthetic-…" (username) and "Synthetic trainee …" (display name), has no
email, phone or password, and exists only to give the report data. A simple ability model
(logistic, with a region and an audience effect and a learning gain) makes the numbers plausible.
Written with bulk_create (no services): it invents finished attempts, it does not take tests.
"""

from __future__ import annotations

import datetime
import math
import random

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from assessments.models import Attempt, Question, Response, Test

PREFIX = "synthetic-"
AUDIENCES = ["police", "civil_society", "religious_leader", "local_authority", "returned_migrant"]
# Two prefectures per natural region, so administrative regions vary too.
PREFECTURES = ["boke", "coyah", "labe", "koundara", "kankan", "dabola", "nzerekore", "kissidougou"]
# One in seven did not state their sex, one in thirteen their age band; few trainees are under 18.
SEXES = ["female", "male", "male", "female", "male", "female", ""]
AGE_BANDS = ["under_18", *["18_35"] * 6, *["over_35"] * 5, ""]
REGION_EFFECT = {"maritime": 0.3, "middle": 0.0, "upper": -0.2, "forest": -0.4}
AUDIENCE_EFFECT = {
    "police": 0.2,
    "civil_society": 0.4,
    "religious_leader": -0.3,
    "local_authority": 0.1,
    "returned_migrant": -0.2,
}


def _logistic(x: float) -> float:
    return 1 / (1 + math.exp(-x))


@transaction.atomic
def generate(*, course_id: int, trainees: int, seed: int = 6, batch_size: int = 2000) -> int:
    """Add `trainees` synthetic trainees with finished attempts at the module's pre- and post-test.

    About 8 % take only the pre-test (unmatched), about 20 % sit the paper version. Returns the
    number of trainees created. Usernames continue after existing synthetic ones.
    """
    from lms.models import Prefecture, User

    rng = random.Random(seed + trainees)  # noqa: S311 - reproducible synthetic data, not secrets
    tests = {t.kind: t for t in Test.objects.filter(course_id=course_id).prefetch_related("forms__items")}
    pre, post = tests["pre"], tests["post"]
    questions = {q.reference: q for q in Question.objects.filter(bank__course_id=course_id, is_current=True).order_by()}
    prefectures = list(Prefecture.objects.filter(code__in=PREFECTURES).order_by("code"))
    start = User.objects.filter(username__startswith=PREFIX).count()
    users = [
        User(
            username=f"{PREFIX}{start + i + 1:05d}",
            display_name=f"Synthetic trainee {start + i + 1:05d}",
            audience=AUDIENCES[i % len(AUDIENCES)],
            prefecture=prefectures[(i // len(AUDIENCES) + i) % len(prefectures)],
            preferred_language="fr" if i % 4 else "en",
            # Declared sex and age band (disaggregation.py), some not stated: moduli prime to the
            # audiences' and prefectures' cycles, so the groups cut across them.
            sex=SEXES[i % len(SEXES)],
            age_band=AGE_BANDS[i % len(AGE_BANDS)],
            password=make_password(None),  # unusable: nobody signs in as a synthetic trainee
        )
        for i in range(trainees)
    ]
    User.objects.bulk_create(users, batch_size=batch_size)
    users = list(User.objects.filter(username__in=[u.username for u in users]).select_related("prefecture"))
    difficulty = {reference: rng.gauss(0.4, 0.9) for reference in questions}
    now = timezone.now()
    attempts, responses = [], []
    for index, user in enumerate(users):
        ability = rng.gauss(0, 1) + REGION_EFFECT[user.prefecture.natural_region] + AUDIENCE_EFFECT[user.audience]
        gain = rng.gauss(1.3, 0.7)
        mode = Attempt.Mode.PAPER if rng.random() < 0.2 else Attempt.Mode.ONLINE
        day = now - datetime.timedelta(days=rng.randint(10, 60))
        for kind, test in (("pre", pre), ("post", post)):
            if kind == "post" and rng.random() < 0.08:
                continue
            forms = sorted(test.forms.all(), key=lambda f: f.label)
            form = forms[index % len(forms)] if kind == "pre" else forms[(index + 1) % len(forms)]
            items = [item.reference for item in form.items.all()]
            attempt = Attempt(
                user=user,
                test=test,
                form=form,
                number=1,
                status=Attempt.Status.SUBMITTED,
                mode=mode,
                layout=[{"question": questions[r].pk, "options": []} for r in items],
                finished_at=day + datetime.timedelta(days=3 if kind == "post" else 0, minutes=20),
                score=0.0,
                max_score=float(sum(questions[r].points for r in items)),
            )
            level = ability + (gain if kind == "post" else 0.0)
            for reference in items:
                question = questions[reference]
                right = rng.random() < _logistic(level + difficulty[reference])
                score = float(question.points) if right else 0.0
                attempt.score += score
                responses.append(Response(attempt=attempt, question=question, answer={}, seq=1, score=score))
            attempts.append(attempt)
    Attempt.objects.bulk_create(attempts, batch_size=batch_size)
    Response.objects.bulk_create(responses, batch_size=batch_size)
    return len(users)


DEMO_COURSE = "comprendre-la-traite"
DEMO_TRAINEES = 120


def seed_demo() -> int:
    """The demo's synthetic results set (120 trainees in the A/B module), once: idempotent."""
    from lms.models import User

    test = Test.objects.filter(course__slug=DEMO_COURSE, kind=Test.Kind.PRE).first()
    if test is None or User.objects.filter(username__startswith=PREFIX).exists():
        return 0
    return generate(course_id=test.course_id, trainees=DEMO_TRAINEES)
