"""The learning record store the platform sends to, the outbox of statements, and learners' pseudonyms."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class LrsConfig(models.Model):
    """A partner's learning record store (xAPI 1.0.3, HTTP Basic). The first enabled one is used."""

    name = models.CharField(_("name"), max_length=120)
    endpoint = models.URLField(
        _("endpoint"), help_text=_("The LRS's xAPI base address, e.g. https://lrs.example.org/xAPI/")
    )
    key = models.CharField(_("key (Basic auth user)"), max_length=200)
    secret = models.CharField(_("secret (Basic auth password)"), max_length=200)
    enabled = models.BooleanField(
        _("enabled"), default=False, help_text=_("Statements are queued and sent only while this is ticked.")
    )
    batch_size = models.PositiveSmallIntegerField(_("statements per request"), default=50)
    # Back-off while the LRS does not answer: consecutive failures and when to try again.
    failures = models.PositiveIntegerField(_("consecutive failures"), default=0, editable=False)
    retry_at = models.DateTimeField(_("next try"), null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("learning record store")
        verbose_name_plural = _("learning record stores")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Learner(models.Model):
    """The opaque pseudonym a person has in statements (agent account name); deleted on erasure."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    key = models.UUIDField(_("pseudonym"), default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("xAPI pseudonym")
        verbose_name_plural = _("xAPI pseudonyms")

    def __str__(self) -> str:
        return str(self.key)


class OutboxStatement(models.Model):
    """One statement to send, written in the transaction of its event; sent once, by its id."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        REJECTED = "rejected", _("Refused by the LRS")

    statement_id = models.UUIDField(_("statement id"), unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty for a voiding statement."),
    )
    event = models.CharField(_("event"), max_length=32)
    statement = models.JSONField(pgettext_lazy("xAPI", "statement"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    voided = models.BooleanField(_("voided"), default=False)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(pgettext_lazy("xAPI", "sent at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("queued statement")
        verbose_name_plural = _("queued statements")
        ordering = ["pk"]
        indexes = [
            models.Index(fields=["status", "id"], name="xapi_outbox_pending", condition=Q(status="pending")),
            models.Index(fields=["user", "status"], name="xapi_outbox_user"),
        ]

    def __str__(self) -> str:
        return f"{self.event} {self.statement_id}"
