"""Where a launched person's post-test score goes back (a line item of the partner's gradebook), and
each score sent there: one row per attempt and line item, so a score is sent once."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GradeTarget(models.Model):
    """A column of a partner's gradebook that a person's result for one test goes to.

    Recorded at each launch that carries the Assignment and Grade Services claim with a line item.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.CASCADE, related_name="+"
    )
    lti_user = models.ForeignKey(
        "lti_tool.LtiUser", verbose_name=_("LTI user"), on_delete=models.CASCADE, related_name="+"
    )
    test = models.ForeignKey("assessments.Test", verbose_name=_("test"), on_delete=models.CASCADE, related_name="+")
    lineitem = models.URLField(_("line item"), max_length=500)
    scopes = models.JSONField(_("scopes"), default=list)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("gradebook column")
        verbose_name_plural = _("gradebook columns")
        constraints = [
            models.UniqueConstraint(fields=["lti_user", "test", "lineitem"], name="lti_one_target_per_lineitem")
        ]

    def __str__(self) -> str:
        return self.lineitem


class ScoreDelivery(models.Model):
    """One attempt's score for one gradebook column: queued at submission, retried until accepted."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENT = "sent", _("Accepted by the platform")
        REFUSED = "refused", _("Refused by the platform")

    target = models.ForeignKey(GradeTarget, verbose_name=_("gradebook column"), on_delete=models.CASCADE)
    attempt = models.ForeignKey(
        "assessments.Attempt", verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="+"
    )
    score = models.FloatField(_("score"))
    maximum = models.FloatField(_("maximum score"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    tries = models.PositiveIntegerField(_("tries"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("score sent to a platform")
        verbose_name_plural = _("scores sent to platforms")
        constraints = [models.UniqueConstraint(fields=["target", "attempt"], name="lti_one_score_per_attempt")]

    def __str__(self) -> str:
        return f"{self.score}/{self.maximum}"
