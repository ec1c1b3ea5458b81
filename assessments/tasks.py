"""Celery tasks of the assessments app."""

from celery import shared_task

from assessments import services


@shared_task(name="assessments.finish_expired_attempts", acks_late=True)
def finish_expired_attempts() -> int:
    """Finish abandoned attempts past their time limit from their saved answers (Celery beat, every minute)."""
    return services.attempts_finish_expired()
