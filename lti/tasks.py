"""Sending scores: one task per score after the submission's commit, which schedules itself again with
back-off (30 s doubling to an hour) while the platform does not accept it. `send_waiting_scores` sends
whatever still waits (the admin's "Send again now" does it for chosen rows)."""

from __future__ import annotations

import logging

from celery import shared_task

from lti import grades

logger = logging.getLogger(__name__)


@shared_task(name="lti.send_score", ignore_result=True)
def send_score(delivery_id: int) -> bool:
    outcome = grades.send(delivery_id)
    # In-process (no broker), a retry would run at once: the catch-up and the admin send instead.
    if outcome.retry_in is not None and not send_score.app.conf.task_always_eager:
        send_score.apply_async((delivery_id,), countdown=outcome.retry_in)
    return outcome.sent


@shared_task(name="lti.send_waiting_scores", ignore_result=True)
def send_waiting_scores() -> int:
    return sum(grades.send(pk).sent for pk in grades.waiting())


def send_soon(delivery_ids: list[int]) -> None:
    """Queue the sends (after the commit). A broker away must not turn the person's submitted test into
    an error page: the scores wait in the table for the catch-up."""
    for pk in delivery_ids:
        try:
            send_score.delay(pk)
        except Exception:
            logger.exception("LTI score %s could not be queued; the catch-up will send it", pk)
