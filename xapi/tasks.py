"""The forwarding task: after each event's commit, and every minute from Celery beat (a catch-up)."""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings

from xapi import forwarding

logger = logging.getLogger(__name__)


@shared_task(name="xapi.forward", ignore_result=True)
def forward() -> dict:
    """Send the pending statements; while the LRS is away, one follow-up is scheduled at the end of the
    back-off (the run that met the failure schedules it; runs in between find the back-off and stop)."""
    report = forwarding.forward()
    if report.errors and report.retry_in is not None and not settings.CELERY_TASK_ALWAYS_EAGER:
        forward.apply_async(countdown=report.retry_in)
    return {"sent": report.sent, "rejected": report.rejected, "waiting": report.waiting}


def forward_soon() -> None:
    """Queue a forwarding run (in-process without a broker: the embedded default). Runs after the
    event's commit: a failure here (broker away, an unexpected error in-process) must not turn the
    person's saved action into an error page; the statements wait in the outbox for the next run."""
    try:
        forward.delay()
    except Exception:
        logger.exception("xAPI forwarding could not be started; the periodic run will send the outbox")
