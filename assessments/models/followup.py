"""The reminders that a follow-up test has opened: one row per trainee and test, written in the
same transaction as the sending, so a reminder is sent once (training.followup.send_reminders)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowupReminder(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.CASCADE, related_name="+"
    )
    test = models.ForeignKey(
        "assessments.Test", verbose_name=_("test"), on_delete=models.CASCADE, related_name="reminders"
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    # The channels used, e.g. "email,sms"; empty when the trainee has neither (the dashboard only).
    channels = models.CharField(_("channels"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("follow-up reminder")
        verbose_name_plural = _("follow-up reminders")
        constraints = [models.UniqueConstraint(fields=["user", "test"], name="assessments_followup_reminder_once")]

    def __str__(self) -> str:
        return f"{self.test} – {self.user} {self.sent_at:%Y-%m-%d}"
