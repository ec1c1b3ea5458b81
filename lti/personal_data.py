"""Personal data of the LTI app: the gradebook columns a person's scores go to and the scores sent.
The link itself (django-lti's LtiUser: issuer, subject, account) is declared by the core with the
other installed packages; erasure deletes it here, so a later launch finds no account to open."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from lti_tool.models import LtiUser

from assessments.models import Test
from lms.data_protection import DELETED, ErasureContext, Section, fields, section, values
from lti.models import GradeTarget, ScoreDelivery

FIELDS = {
    "lti.GradeTarget": fields(DELETED, "id user lti_user test lineitem scopes updated_at"),
    "lti.ScoreDelivery": fields(DELETED, "id target attempt score maximum status tries last_error created_at sent_at"),
}


def erase(context: ErasureContext) -> dict[str, int]:
    """The scores sent, the gradebook columns and the platform link go (memberships with the link)."""
    counts = {"lti_scores": ScoreDelivery.objects.filter(target__user=context.user).delete()[0]}
    counts["lti_gradebook_columns"] = GradeTarget.objects.filter(user=context.user).delete()[0]
    _total, per_model = LtiUser.objects.filter(auth_user=context.user).delete()
    counts["lti_platform_links"] = per_model.get("lti_tool.LtiUser", 0)
    return counts


def sections(*, user) -> list[Section]:
    """The partner platforms that open the platform for the person, and the scores sent back to them."""
    return [
        section(
            "lti_links",
            _("Accounts on partner platforms"),
            [("registration__name", _("Platform")), ("sub", _("Identifier on that platform"))],
            values(LtiUser.objects.filter(auth_user=user).order_by("pk"), "registration__name", "sub"),
        ),
        section(
            "lti_scores",
            _("Scores sent to partner platforms"),
            [
                ("test", _("Test")),
                ("module", _("Module")),
                ("score", _("Score")),
                ("maximum", _("Out of")),
                ("status", _("Status")),
                ("sent_at", _("Sent")),
            ],
            values(
                ScoreDelivery.objects.filter(target__user=user).order_by("pk"),
                "target__test__kind",
                "target__test__course__title",
                "score",
                "maximum",
                "status",
                "sent_at",
            ),
            show={"status": ScoreDelivery.Status, "test": Test.Kind},
        ),
    ]
