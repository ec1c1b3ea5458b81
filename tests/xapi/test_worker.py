"""The forwarding through a real Celery worker: queued after the commit, sent by the worker to Ralph."""

from __future__ import annotations

import time
from collections import Counter

import pytest

from tests.xapi import journey as j
from tests.xapi.ralph import validation_errors
from xapi.models import LrsConfig, OutboxStatement

# The worker only sees committed rows: transactional tests.
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def wait_for(condition, timeout: float = 60.0, what: str = ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.1)  # polling the worker's effect, not waiting for a guessed delay
    raise AssertionError(f"not within {timeout} s: {what}")


def test_the_worker_sends_after_each_commit_and_catches_up_after_an_outage(celery_worker, lrs, ralph):
    journey = j.first_steps()
    first = {str(sid) for sid in OutboxStatement.objects.values_list("statement_id", flat=True)}
    wait_for(lambda: {s["id"] for s in ralph.statements()} == first, what="the first statements in Ralph")
    assert wait_for(lambda: not OutboxStatement.objects.filter(status="pending").exists(), what="rows marked sent")

    ralph.stop()
    j.attended(journey)
    wait_for(lambda: LrsConfig.objects.get(pk=lrs.pk).failures >= 1, what="the worker meeting the outage")
    assert OutboxStatement.objects.filter(status="pending", event="attended").count() == 1

    ralph.start()
    LrsConfig.objects.filter(pk=lrs.pk).update(retry_at=None)  # as the admin's "send now" does
    j.certified(journey)  # the next event's commit starts the worker again
    everything = {str(sid) for sid in OutboxStatement.objects.values_list("statement_id", flat=True)}
    wait_for(lambda: {s["id"] for s in ralph.statements()} == everything, what="every statement in Ralph")
    stored = ralph.statements()
    assert set(Counter(s["id"] for s in stored).values()) == {1}
    assert validation_errors(stored) == []
