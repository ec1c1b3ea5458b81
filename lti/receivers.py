"""A test submitted by a launched person: its score is queued for the partner's gradebook.

Caught like xapi's `test_submitted`: the attempt's post_save, inside the writer's transaction, on the
save that scores it (finished, not open, with a score); the send starts after the commit."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.db.models.signals import post_save

from lti import grades, tasks


def on_attempt(sender, instance, created, **kwargs) -> None:
    if created or instance.status == "open" or instance.finished_at is None or instance.score is None:
        return
    ids = grades.queue(instance)
    if ids:
        transaction.on_commit(partial(tasks.send_soon, ids))


def connect() -> None:
    from assessments.models import Attempt

    post_save.connect(on_attempt, sender=Attempt, dispatch_uid="lti.on_attempt")
