"""The score through a real Celery worker: queued after the submission's commit, refused once by the
platform (503), sent again by the worker's own retry after its back-off, received once."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse
from lti_tool.models import LtiUser

from lti.models import ScoreDelivery
from tests import factories
from tests.lti.platform import post_launch, start

# The worker only sees committed rows: transactional tests.
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.2)  # polling the worker's effect, not waiting for a guessed delay
    raise AssertionError(f"not within {timeout} s: {what}")


def test_the_worker_retries_a_refused_score_until_the_platform_accepts_it(
    celery_worker, visitor, platform, registered, module
):
    _course, post = module
    form = start(visitor, platform, custom={"lms_target": f"test:{post.pk}"}, ags=platform.lineitem_url("5"))
    assert post_launch(visitor, form).status_code == 302
    platform.trust_tool_keys(visitor.get(reverse("lti:jwks")).json())
    platform.fail_scores = 1
    user = LtiUser.objects.get(sub="etudiant-42").auth_user
    attempt = factories.take_test(user=user, test=post)

    wait_for(lambda: platform.score_requests >= 1, 60, "the worker's first try")
    # The first retry comes after the back-off's first step (30 s).
    wait_for(lambda: platform.scores.get("5"), 120, "the score accepted after the retry")
    [score] = platform.scores["5"]
    assert (score["scoreGiven"], score["userId"]) == (attempt.score, "etudiant-42")
    delivery = wait_for(lambda: ScoreDelivery.objects.filter(status="sent").first(), 30, "the row marked sent")
    assert delivery.tries == 2 and platform.score_requests == 2
