"""Data protection's periodic work."""

from celery import shared_task

from privacy import services


@shared_task(name="privacy.apply_retention")
def apply_retention() -> dict[str, int]:
    """Daily from Celery beat: remove what the retention policy says has expired."""
    return services.apply_retention()
