"""Erasure requests: a person asks, an administrator completes (privacy.services.user_erase)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ErasureRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an administrator")
        COMPLETED = "completed", _("Completed: the data are erased")
        CANCELLED = "cancelled", _("Cancelled")

    class Origin(models.TextChoices):
        PERSON = "person", _("Asked by the person")
        ADMINISTRATOR = "administrator", _("Made by an administrator")
        RETENTION = "retention", _("Retention period over")

    # After erasure this points at the anonymous remainder of the account (no name, no contact).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="erasure_requests"
    )
    origin = models.CharField(_("origin"), max_length=16, choices=Origin.choices, default=Origin.PERSON)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("completed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(status="pending"), name="privacy_one_pending_erasure_per_user"
            ),
            models.UniqueConstraint(
                fields=["user"], condition=Q(status="completed"), name="privacy_one_completed_erasure_per_user"
            ),
            models.CheckConstraint(
                condition=~Q(status="completed") | Q(completed_at__isnull=False),
                name="privacy_completed_erasure_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_status_display()}"
