"""Scores going back to the partner's gradebook (LTI Assignment and Grade Services, through pylti1p3):
queued once per attempt and column at submission, sent after the commit, retried until accepted."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import requests
from django.db import transaction
from django.utils import timezone
from lti_tool.models import LtiRegistration
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.exception import LtiException
from pylti1p3.grade import Grade
from pylti1p3.service_connector import ServiceConnector

from lti.models import GradeTarget, ScoreDelivery

logger = logging.getLogger(__name__)

TIMEOUT = 15
# Answers worth trying again: the platform is away or busy, or its token was refused for a while.
RETRYABLE = {401, 408, 425, 429}
RETRY_BASE_SECONDS = 30
RETRY_MAX_SECONDS = 3600


class _Session(requests.Session):
    """pylti1p3 calls the platform without a timeout: a silent platform would hold a worker for ever."""

    def request(self, *args, **kwargs):
        kwargs.setdefault("timeout", TIMEOUT)
        return super().request(*args, **kwargs)


def queue(attempt) -> list[int]:
    """One delivery per gradebook column of the attempt's person and test (none twice); their ids."""
    created = []
    for target in GradeTarget.objects.filter(user_id=attempt.user_id, test_id=attempt.test_id):
        delivery, new = ScoreDelivery.objects.get_or_create(
            target=target, attempt=attempt, defaults={"score": attempt.score, "maximum": attempt.max_score or 0}
        )
        if new:
            created.append(delivery.pk)
    return created


@dataclass
class Outcome:
    sent: bool
    retry_in: float | None = None


def _grade(delivery: ScoreDelivery) -> Grade:
    attempt = delivery.attempt
    return (
        Grade()
        .set_user_id(delivery.target.lti_user.sub)
        .set_score_given(delivery.score)
        .set_score_maximum(delivery.maximum)
        .set_timestamp((attempt.finished_at or timezone.now()).isoformat())
        .set_activity_progress("Completed")
        .set_grading_progress("FullyGraded")
    )


def send(delivery_id: int) -> Outcome:
    """Send one waiting score. Locked while it is sent, so two runs never send the same row."""
    with transaction.atomic():
        delivery = (
            ScoreDelivery.objects.select_for_update(of=("self",))
            .select_related("target__lti_user__registration", "attempt")
            .filter(pk=delivery_id, status=ScoreDelivery.Status.PENDING)
            .first()
        )
        if delivery is None:
            return Outcome(sent=False)
        registration: LtiRegistration = delivery.target.lti_user.registration
        service = AssignmentsGradesService(
            ServiceConnector(registration.to_registration(), requests_session=_Session()),
            {"scope": delivery.target.scopes, "lineitem": delivery.target.lineitem},
        )
        delivery.tries += 1
        try:
            service.put_grade(_grade(delivery))
        except (LtiException, requests.RequestException, ValueError) as error:
            return _failed(delivery, error)
        delivery.status = ScoreDelivery.Status.SENT
        delivery.sent_at = timezone.now()
        delivery.last_error = ""
        delivery.save(update_fields=["status", "sent_at", "last_error", "tries"])
        return Outcome(sent=True)


def _failed(delivery: ScoreDelivery, error: Exception) -> Outcome:
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    delivery.last_error = str(error)[:2000]
    retry = status is None or status >= 500 or status in RETRYABLE
    if not retry:
        delivery.status = ScoreDelivery.Status.REFUSED
    delivery.save(update_fields=["status", "last_error", "tries"])
    logger.warning("LTI score %s not accepted (try %s): %s", delivery.pk, delivery.tries, error)
    if not retry:
        return Outcome(sent=False)
    return Outcome(sent=False, retry_in=min(RETRY_BASE_SECONDS * 2 ** (delivery.tries - 1), RETRY_MAX_SECONDS))


def waiting() -> list[int]:
    return list(ScoreDelivery.objects.filter(status=ScoreDelivery.Status.PENDING).values_list("pk", flat=True))
