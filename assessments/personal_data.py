"""Personal data of tests: attempts, answers, phone downloads and PINs, report access log
(lms.data_protection explains the format)."""

from __future__ import annotations

import datetime

from django.db.models import BooleanField, Case, ExpressionWrapper, F, FloatField, When
from django.utils.translation import gettext_lazy as _

from assessments.models import Attempt, OfflineDevice, OfflinePin, Response
from assessments.models.questions import QuestionKind
from lms.data_protection import (
    DELETED,
    EMPTIED,
    KEPT_ANONYMOUS,
    NOT_PERSONAL,
    ErasureContext,
    Section,
    fields,
    retention_limit,
    section,
    values,
)

FIELDS = {
    "assessments.Attempt": {
        **fields(
            KEPT_ANONYMOUS,
            "user test form number status mode layout started_at deadline finished_at submission_key score "
            "max_score device_started_at device_finished_at flagged_late flagged_duplicate",
        ),
        **fields(NOT_PERSONAL, "id"),
    },
    # Short answers are free text and may name people: erasure empties them, keeping their score.
    "assessments.Response": {
        **fields(EMPTIED, "answer"),
        **fields(KEPT_ANONYMOUS, "attempt question seq saved_at score"),
        **fields(NOT_PERSONAL, "id"),
    },
    "assessments.OfflineDevice": fields(DELETED, "id user test token_hash shared created_at expires_at"),
    "assessments.OfflinePin": fields(DELETED, "id user pin_hash updated_at"),
    "assessments.QuestionBank": fields(NOT_PERSONAL, "id course title"),
    "assessments.Question": fields(
        NOT_PERSONAL, "id bank reference version is_current kind objective points content key audio created_at"
    ),
    "assessments.Test": fields(
        NOT_PERSONAL,
        "id course kind pass_mark attempts_allowed time_limit_minutes shuffle_questions shuffle_options is_open",
    ),
    "assessments.TestForm": fields(NOT_PERSONAL, "id test label"),
    "assessments.TestItem": fields(NOT_PERSONAL, "id form reference position anchor"),
}


def erase(context: ErasureContext) -> dict[str, int]:
    user = context.user
    OfflinePin.objects.filter(user=user).delete()
    return {
        "offline_devices": OfflineDevice.objects.filter(user=user).delete()[0],
        # Free-text answers may hold names; the score stays, so do the statistics.
        "short_answers": Response.objects.filter(attempt__user=user, question__kind=QuestionKind.SHORT).update(
            answer=""
        ),
    }


def _counting_score(prefix: str) -> dict:
    """`counts` and `counting_score`: a flagged attempt's scores (and its answers' scores) are held
    for the trainer but never shown to the trainee, here no more than on the phone: otherwise extra
    attempts would tell which answers are right (Attempt.objects.counting)."""
    counting = Attempt.objects.counting_condition(prefix)
    return {
        "counts": ExpressionWrapper(counting, output_field=BooleanField()),
        "counting_score": Case(When(counting, then=F("score")), default=None, output_field=FloatField()),
    }


def sections(*, user) -> list[Section]:
    return [
        section(
            "attempts",
            _("Tests"),
            [
                ("module", _("Module")),
                ("test", _("Test")),
                ("number", _("Attempt")),
                ("mode", _("Mode")),
                ("status", _("Status")),
                ("started_at", _("Started")),
                ("finished_at", _("Finished")),
                ("score", _("Score")),
                ("max_score", _("Out of")),
                ("counts", _("Counts")),
            ],
            values(
                Attempt.objects.filter(user=user).annotate(**_counting_score("")).order_by("started_at"),
                "test__course__title",
                "test__kind",
                "number",
                "mode",
                "status",
                "started_at",
                "finished_at",
                "counting_score",
                "max_score",
                "counts",
            ),
        ),
        section(
            "answers",
            _("Answers"),
            [
                ("module", _("Module")),
                ("test", _("Test")),
                ("attempt", _("Attempt")),
                ("question", _("Question")),
                ("answer", _("Answer")),
                ("score", _("Score")),
            ],
            values(
                Response.objects.filter(attempt__user=user)
                .annotate(**_counting_score("attempt__"))
                .order_by("attempt__started_at", "question__reference"),
                "attempt__test__course__title",
                "attempt__test__kind",
                "attempt__number",
                "question__reference",
                "answer",
                "counting_score",
            ),
        ),
        section(
            "offline_devices",
            _("Tests downloaded to a phone"),
            [("test", _("Test")), ("created_at", _("Downloaded")), ("expires_at", _("Valid until"))],
            values(
                OfflineDevice.objects.filter(user=user).order_by("created_at"),
                "test__course__title",
                "created_at",
                "expires_at",
            ),
        ),
    ]


def apply_retention(*, now: datetime.datetime) -> dict[str, int]:
    limit = retention_limit("RETENTION_OFFLINE_DEVICE_DAYS", now)
    devices = OfflineDevice.objects.filter(expires_at__lt=limit).delete()[0] if limit else 0
    return {"offline_devices": devices}
