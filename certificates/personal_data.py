"""Personal data of certificates: the holder's name, the PDF, the signature; the event log
(lms.data_protection explains the format)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from certificates.models import HOLDER_ERASED, Certificate, CertificateEvent, Kind
from lms.data_protection import (
    KEPT_ANONYMOUS,
    NOT_PERSONAL,
    REVOKED,
    SCRUBBED,
    ErasureContext,
    Section,
    fields,
    section,
    values,
)

FIELDS = {
    "certificates.Certificate": {
        **fields(REVOKED, "holder_name pdf pdf_sha256 signature status revoked_at revoked_reason identity_salt"),
        **fields(KEPT_ANONYMOUS, "enrolment kind language issued_at expires_at superseded_by"),
        **fields(NOT_PERSONAL, "id code title hours minutes session_text key_id status_list_index"),
    },
    "certificates.CertificateEvent": {
        **fields(SCRUBBED, "reason"),
        **fields(KEPT_ANONYMOUS, "certificate action actor at"),
        **fields(NOT_PERSONAL, "id"),
    },
    # Signatories are public officials who sign printed certificates: personal, but published by
    # their choice; an administrator edits them, erasure of a trainee does not touch them.
    "certificates.Signatory": {
        **fields(KEPT_ANONYMOUS, "name position organisation logo"),
        **fields(NOT_PERSONAL, "id"),
    },
    "certificates.CertificateRule": fields(
        NOT_PERSONAL,
        "id course min_post_test_percent require_pre_test require_lessons min_attendance_percent participation "
        "validity_months active updated_at signatories",
    ),
}


def erase(context: ErasureContext) -> dict[str, int]:
    """Revoke the person's certificates ("holder erased"): no name, no PDF, no signature remain."""
    certificates = list(Certificate.objects.filter(enrolment__user=context.user))
    for certificate in certificates:
        if certificate.pdf:
            certificate.pdf.delete(save=False)
        if certificate.status == Certificate.Status.VALID:
            certificate.status = Certificate.Status.REVOKED
        certificate.revoked_at = certificate.revoked_at or context.now
        certificate.revoked_reason = HOLDER_ERASED
        # The badge's salt goes with the name: with it, the hash in a shared badge could be tried
        # against a list of names.
        certificate.holder_name = certificate.pdf_sha256 = certificate.signature = certificate.identity_salt = ""
        certificate.pdf = ""
        certificate.save()
        CertificateEvent.objects.create(
            certificate=certificate,
            action=CertificateEvent.Action.REVOKED,
            actor=context.actor,
            reason=HOLDER_ERASED,
        )
    logs = context.scrub(CertificateEvent.objects.filter(certificate__enrolment__user=context.user), ["reason"])
    return {"certificates": len(certificates), "log_entries": logs}


def sections(*, user) -> list[Section]:
    return [
        section(
            "certificates",
            _("Certificates"),
            [
                ("code", _("Verification code")),
                ("kind", _("Certificate")),
                ("title", _("Training")),
                ("holder_name", _("Name on the certificate")),
                ("status", _("Status")),
                ("issued_at", _("Issued on")),
            ],
            values(
                Certificate.objects.filter(enrolment__user=user).order_by("issued_at"),
                "code",
                "kind",
                "title",
                "holder_name",
                "status",
                "issued_at",
            ),
            show={"kind": Kind, "status": Certificate.Status},
        )
    ]
