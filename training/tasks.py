"""Celery tasks of the sessions app."""

from celery import shared_task

from training import followup


@shared_task(name="training.send_followup_reminders", acks_late=True)
def send_followup_reminders() -> int:
    """Remind trainees whose follow-up test has opened, each once (Celery beat, hourly by default)."""
    return followup.send_reminders()
