"""Personal data of training sessions: participation, attendance, coordinators' regions
(lms.data_protection explains the format)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lms.data_protection import DELETED, KEPT_ANONYMOUS, NOT_PERSONAL, ErasureContext, Section, fields, section, values
from training.models import Attendance, Coordinator, Participant

FIELDS = {
    "training.Participant": {
        **fields(KEPT_ANONYMOUS, "session user source joined_at created_account"),
        **fields(NOT_PERSONAL, "id"),
    },
    "training.Attendance": {
        **fields(KEPT_ANONYMOUS, "day participant status source marked_at"),
        **fields(NOT_PERSONAL, "id"),
    },
    "training.Coordinator": fields(DELETED, "id user region"),
    # The trainers of a session are staff acting in their role; their accounts are erased like any other.
    "training.TrainingSession": {
        **fields(KEPT_ANONYMOUS, "trainers"),
        **fields(
            NOT_PERSONAL,
            "id code title mode prefecture venue country language start_date end_date daily_schedule capacity "
            "status join_code created_at courses followup_days",
        ),
    },
    "training.SessionDay": fields(NOT_PERSONAL, "id session date checkin_token checkin_open_until"),
    "training.TestWindow": fields(NOT_PERSONAL, "id session kind opened_at closed_at"),
    "training.ProgrammeTarget": fields(NOT_PERSONAL, "id measure value"),
}


def erase(context: ErasureContext) -> dict[str, int]:
    Coordinator.objects.filter(user=context.user).delete()
    return {}


def sections(*, user) -> list[Section]:
    return [
        section(
            "sessions",
            _("Training sessions"),
            [("code", _("Session")), ("title", _("Title")), ("joined_at", _("Joined"))],
            values(
                Participant.objects.filter(user=user).order_by("joined_at"),
                "session__code",
                "session__title",
                "joined_at",
            ),
        ),
        section(
            "attendance",
            _("Attendance"),
            [("session", _("Session")), ("date", _("Day")), ("status", _("Status"))],
            values(
                Attendance.objects.filter(participant__user=user).order_by("day__date"),
                "day__session__code",
                "day__date",
                "status",
            ),
            show={"status": Attendance.Status},
        ),
    ]
