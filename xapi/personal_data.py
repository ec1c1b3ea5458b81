"""Personal data of the xAPI app: people's pseudonyms and their queued statements
(lms.data_protection explains the format). Erasure voids what was sent and forgets the rest."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lms.data_protection import DELETED, NOT_PERSONAL, ErasureContext, Section, fields, section, values
from xapi import outbox
from xapi.models import Learner, OutboxStatement

FIELDS = {
    "xapi.LrsConfig": fields(
        NOT_PERSONAL,
        "id name endpoint key secret enabled batch_size failures retry_at last_error last_success_at",
    ),
    "xapi.Learner": fields(DELETED, "id user key"),
    "xapi.OutboxStatement": fields(
        DELETED, "id statement_id user event statement status voided created_at attempts sent_at error"
    ),
}


def erase(context: ErasureContext) -> dict[str, int]:
    """Voiding statements for what the LRS has (they name no one), then the person's rows and
    pseudonym go: nothing left links the LRS's statements to the account."""
    counts = outbox.forget(user=context.user)
    counts["xapi_statements"] = OutboxStatement.objects.filter(user=context.user).delete()[0]
    counts["xapi_pseudonyms"] = Learner.objects.filter(user=context.user).delete()[0]
    return counts


def sections(*, user) -> list[Section]:
    """What was queued for the person's learning record store, with the pseudonym it names them by."""
    return [
        section(
            "xapi_statements",
            _("Learning records for the learning record store"),
            [
                ("event", _("Event")),
                ("status", _("Status")),
                ("created_at", _("Queued")),
                ("sent_at", _("Sent")),
                ("pseudonym", _("Pseudonym")),
            ],
            values(
                OutboxStatement.objects.filter(user=user).order_by("pk"),
                "event",
                "status",
                "created_at",
                "sent_at",
                "statement__actor__account__name",
            ),
            show={"status": OutboxStatement.Status},
        ),
    ]
