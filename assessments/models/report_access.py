"""A log of staff access to evaluation reports and exports (who, when, which filters).

Independent of the rest of assessments on purpose: it names a report by a short string and keeps
the filters as JSON, so another report (sessions, certificates) can log here, or the model can move
to an app of its own with a plain migration.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReportAccess(models.Model):
    class Kind(models.TextChoices):
        PAGE = "page", _("Report page")
        CSV = "csv", _("CSV export")
        XLSX = "xlsx", _("XLSX export")
        COMMAND = "command", _("Command line")

    # Kept when the account is deleted: the log must outlive it (the username is copied for that).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    username = models.CharField(_("username"), max_length=150, blank=True)
    report = models.CharField(_("report"), max_length=64, default="prepost")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("report access")
        verbose_name_plural = _("report accesses")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username or '—'} {self.report} {self.kind}"
