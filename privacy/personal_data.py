"""Personal data of the privacy app itself: erasure requests (lms.data_protection explains the format)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lms.data_protection import KEPT_ANONYMOUS, NOT_PERSONAL, Section, fields, section, values
from privacy.models import ErasureRequest

FIELDS = {
    "privacy.ErasureRequest": {
        **fields(KEPT_ANONYMOUS, "user origin status requested_at completed_at completed_by"),
        **fields(NOT_PERSONAL, "id"),
    },
}


def sections(*, user) -> list[Section]:
    return [
        section(
            "erasure_requests",
            _("Erasure requests"),
            [("status", _("Status")), ("requested_at", _("Asked")), ("completed_at", _("Completed"))],
            values(
                ErasureRequest.objects.filter(user=user).order_by("requested_at"),
                "status",
                "requested_at",
                "completed_at",
            ),
            show={"status": ErasureRequest.Status},
        )
    ]
