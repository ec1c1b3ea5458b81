"""Celery tasks of the certificates app: ids in, one service call each."""

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from certificates import services

# Retry only on I/O trouble (the database or the media disk briefly away); a bug is not retried.
_IO_ERRORS = (OSError, OperationalError, InterfaceError)


@shared_task(
    name="certificates.evaluate",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=_IO_ERRORS,
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=8,
    ignore_result=True,  # the certificate row is the result; no round trip to a result backend
)
def evaluate_certificate(enrolment_id: int) -> str | None:
    """Issue the enrolment's certificate if earned and not yet issued (idempotent)."""
    outcome = services.certificate_evaluate(enrolment_id=enrolment_id)
    return outcome.certificate.code if outcome.certificate else None


@shared_task(name="certificates.sweep", acks_late=True)
def sweep_certificates() -> int:
    """Celery beat: queue every enrolment that earns a certificate it does not have yet, and remove
    the PDFs an interrupted issuing left behind."""
    services.certificate_files_orphaned_remove(older_than=timedelta(seconds=settings.CERTIFICATE_ORPHAN_PDF_SECONDS))
    return len(services.certificates_sweep())
