"""Certificate rules (per module, edited in the admin), signatories, certificates and their audit log.

Every write goes through certificates.services. The database guards the one invariant that matters
most: one live certificate per enrolment and kind (a superseded one steps aside for its correction).
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.storage import private_storage

# The revocation reason erasure writes (privacy.services.user_erase): the verification page then says
# "revoked — holder erased" and shows no name.
HOLDER_ERASED = "holder erased"


def new_identity_salt() -> str:
    """A random salt for the badge's hashed name (OB 3.0 IdentityObject): 128 bits, never the code."""
    return secrets.token_hex(16)


class Kind(models.TextChoices):
    COMPLETION = "completion", _("Completion certificate")
    PARTICIPATION = "participation", _("Participation certificate")


class Signatory(models.Model):
    """A person who signs certificates, with their organisation's logo."""

    name = models.CharField(_("name"), max_length=120)
    position = models.CharField(_("position"), max_length=160, blank=True)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("PNG or JPEG; printed small above the signature line."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


class CertificateRule(models.Model):
    """When a module's trainees earn a certificate. One rule per module (the French source page)."""

    course = models.OneToOneField(
        "courses.CoursePage",
        verbose_name=_("module"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )
    min_post_test_percent = models.PositiveSmallIntegerField(
        _("minimum post-test score (%)"),
        null=True,
        blank=True,
        default=70,
        help_text=_("Empty: the post-test is not required."),
    )
    require_pre_test = models.BooleanField(_("pre-test taken"), default=True)
    require_lessons = models.BooleanField(_("required lessons completed"), default=True)
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"),
        null=True,
        blank=True,
        help_text=_("Applies only to enrolments through a training session. Empty: no attendance condition."),
    )
    participation = models.BooleanField(
        _("participation certificates"),
        default=False,
        help_text=_("Trainees who attended enough but did not pass receive a participation certificate."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("validity (months)"), null=True, blank=True, help_text=_("Empty: certificates do not expire.")
    )
    signatories = models.ManyToManyField(
        Signatory, verbose_name=_("signatories"), blank=True, help_text=_("Up to three are printed.")
    )
    active = models.BooleanField(_("issuing"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("certificate rule")
        verbose_name_plural = _("certificate rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_post_test_percent__lte=100) | Q(min_post_test_percent__isnull=True),
                name="certificates_rule_score_range",
            ),
            models.CheckConstraint(
                condition=Q(min_attendance_percent__lte=100) | Q(min_attendance_percent__isnull=True),
                name="certificates_rule_attendance_range",
            ),
        ]

    def __str__(self) -> str:
        return str(self.course)


class Certificate(models.Model):
    """An issued certificate: what was printed, frozen. Status changes; the printed data never does."""

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded")

    enrolment = models.ForeignKey(
        "courses.Enrolment", verbose_name=_("enrolment"), on_delete=models.PROTECT, related_name="certificates"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    # 13 Crockford base32 symbols (65 random bits) and a check symbol, stored without hyphens.
    code = models.CharField(_("verification code"), max_length=14, unique=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.VALID)
    holder_name = models.CharField(_("name on the certificate"), max_length=200)
    language = models.CharField(_("language"), max_length=8)
    title = models.CharField(_("title on the certificate"), max_length=200)
    hours = models.PositiveSmallIntegerField(_("hours"))
    # The printed duration; certificates issued before it was kept print `hours`.
    minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    session_text = models.CharField(_("session place and dates"), max_length=300, blank=True)
    issued_at = models.DateTimeField(_("issued at"))
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    signature = models.CharField(_("signature"), max_length=100)
    # Which key signed it (signing.key_id): the signed data name it, so a verifier picks the right key
    # after a rotation. Empty for certificates signed before keys had ids (their data have no `kid`).
    key_id = models.CharField(_("signing key id"), max_length=16, blank=True)
    # In the private storage (PRIVATE_MEDIA_ROOT): only the holder's download view hands it over.
    pdf = models.FileField(_("PDF"), upload_to="certificates/", storage=private_storage, blank=True)
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    superseded_by = models.OneToOneField(
        "self", verbose_name=_("superseded by"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The Open Badge's hashed name is salted with this (given to the holder in the badge), not with the
    # public code: the code is printed, and with it a list of common names finds the name.
    identity_salt = models.CharField(_("badge identity salt"), max_length=64, default=new_identity_salt)
    # This certificate's bit in the revocation status list (certificates.open_badges), given at random
    # when its first badge is made; unique so no two certificates share a bit.
    status_list_index = models.PositiveIntegerField(
        _("revocation status list index"), null=True, blank=True, unique=True
    )

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            # A revoked certificate keeps its place: the sweep must not issue it again. Only a
            # correction (superseded) makes room for a new one.
            models.UniqueConstraint(
                fields=["enrolment", "kind"],
                condition=~Q(status="superseded"),
                name="certificates_one_live_per_enrolment_and_kind",
            ),
            models.CheckConstraint(
                condition=~Q(status="revoked") | Q(revoked_at__isnull=False), name="certificates_revoked_has_date"
            ),
        ]
        indexes = [models.Index(fields=["status", "issued_at"])]

    def __str__(self) -> str:
        return self.grouped_code

    @property
    def grouped_code(self) -> str:
        from certificates.codes import grouped

        return grouped(self.code)

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def holder_erased(self) -> bool:
        return self.status == self.Status.REVOKED and self.revoked_reason == HOLDER_ERASED

    @property
    def public_status(self) -> str:
        """valid, revoked, superseded or expired: what the verification page says."""
        if self.status == self.Status.VALID and self.is_expired:
            return "expired"
        return self.status

    def clean(self) -> None:
        if self.expires_at and self.issued_at and self.expires_at <= self.issued_at:
            raise ValidationError({"expires_at": _("The expiry must come after the issue date.")})


class CertificateEvent(models.Model):
    """Audit log: who issued, revoked or re-issued a certificate, when and why."""

    class Action(models.TextChoices):
        ISSUED = "issued", _("Issued")
        REVOKED = "revoked", _("Revoked")
        REISSUED = "reissued", _("Re-issued after a correction")

    certificate = models.ForeignKey(
        Certificate, verbose_name=_("certificate"), on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["at"]
        verbose_name = _("certificate event")
        verbose_name_plural = _("certificate events")

    def __str__(self) -> str:
        return f"{self.certificate} {self.action}"
