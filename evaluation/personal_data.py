"""Personal data of the evaluation app (lms.data_protection explains the format). Its one table counts
changes to the tables the report reads; the report's accesses are logged in lms.StaffAccess.

The reaction questionnaire (docs/data-protection.md, "Reaction questionnaire"): the receipt says that
a person answered for a module, and is deleted with them; the answers hold no person (their open text
is masked of names and phones before it is stored) and stay when the account is erased.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from evaluation.reaction.models import ReactionReceipt
from lms.data_protection import DELETED, NOT_PERSONAL, ErasureContext, Section, fields, section, values

FIELDS = {
    "evaluation.TableVersion": fields(NOT_PERSONAL, "table_name version"),
    "evaluation.ReactionQuestionnaire": fields(
        NOT_PERSONAL, "id course intro_fr intro_en free_text_fr free_text_en active"
    ),
    "evaluation.ReactionItem": fields(NOT_PERSONAL, "id questionnaire sort_order key text_fr text_en"),
    "evaluation.ReactionReceipt": fields(DELETED, "id user course"),
    "evaluation.ReactionAnswer": fields(NOT_PERSONAL, "id session ratings comment released"),
}


def erase(context: ErasureContext) -> dict[str, int]:
    user: Any = context.user
    deleted, _by_model = ReactionReceipt.objects.filter(user=user).delete()
    return {"reaction_receipts": deleted}


def sections(*, user) -> list[Section]:
    """Only that the person answered: their answer cannot be found again, by design."""
    return [
        section(
            "reaction",
            _("Views of the training you gave (anonymous: the answers themselves are not linked to you)"),
            [("module", _("Module"))],
            values(ReactionReceipt.objects.filter(user=user).order_by("course__title"), "course__title"),
        )
    ]
