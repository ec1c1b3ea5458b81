"""Consent history and the log of staff access to personal data (imported by lms.models).

Both sit in the core app because every layer writes to them: sign-up and first login record consent
(lms), trainers' rosters and exports log their access (training), evaluators' reports log theirs with
the filters used (evaluation).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConsentRecord(models.Model):
    """One consent given by a person: the exact text they were shown, its version and language.

    Withdrawal closes the record (`withdrawn_at`); consenting again opens a new one, so the history
    says what was agreed to, and when, for each period.
    """

    class Source(models.TextChoices):
        SIGNUP = "signup", _("Sign-up")
        FIRST_LOGIN = "first_login", _("First login")
        ACCOUNT = "account", _("Account page")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="consent_records"
    )
    version = models.CharField(_("version"), max_length=32)
    language = models.CharField(_("language"), max_length=8)
    text = models.TextField(_("text shown"))
    source = models.CharField(_("where"), max_length=16, choices=Source.choices)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        ordering = ["given_at", "pk"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        constraints = [
            # At most one consent in force per person.
            models.UniqueConstraint(
                fields=["user"], condition=Q(withdrawn_at__isnull=True), name="lms_consent_one_in_force"
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=models.F("given_at")),
                name="lms_consent_withdrawn_after_given",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.version} {self.given_at:%Y-%m-%d}"


class StaffAccess(models.Model):
    """A member of staff saw or exported personal data: who, what, when. Never answers or passwords.

    Written by lms.access_log.staff_access_log only. The one log of staff access: the evaluation
    report's accesses land here too, with the report's filters (its own log, assessments.ReportAccess,
    was merged into this one by assessments migration 0004).
    """

    class What(models.TextChoices):
        SESSION_PAGE = "session_page", _("Session page with its roster")
        ROSTER_IMPORT = "roster_import", _("Roster import")
        PARTICIPANT_ADD = "participant_add", _("Participant added")
        CREDENTIALS = "credentials", _("Credentials sheet (PDF)")
        ATTENDANCE = "attendance", _("Attendance list")
        SIGN_IN_SHEET = "sign_in_sheet", _("Sign-in sheet (PDF)")
        ANSWER_SHEET = "answer_sheet", _("Answer sheet with the roster (PDF)")
        PAPER_RESULTS = "paper_results", _("Paper results entry")
        LIVE = "live", _("Live progress")
        SUMMARY = "summary", _("Session summary")
        SUMMARY_EXPORT = "summary_export", _("Session summary export")
        CERTIFICATES_ZIP = "certificates_zip", _("Session certificates (zip)")
        USER_DATA = "user_data", _("A person's data (download)")
        USER_ADMIN = "user_admin", _("User account in the administration")
        ERASURE = "erasure", _("Erasure completed")
        EVALUATION_PAGE = "evaluation_page", _("Evaluation report page")
        EVALUATION_CSV = "evaluation_csv", _("Evaluation report export (CSV)")
        EVALUATION_XLSX = "evaluation_xlsx", _("Evaluation report export (XLSX)")
        EVALUATION_PDF = "evaluation_pdf", _("Evaluation report (PDF)")
        EVALUATION_COMMAND = "evaluation_command", _("Evaluation report on the command line")

    # Kept when the account is erased: the log must outlive it (the username is copied for that).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    username = models.CharField(_("username"), max_length=150, blank=True)
    what = models.CharField(_("what"), max_length=32, choices=What.choices)
    # A session code or a user id ("user:42"): enough to find what was seen, nothing of its content.
    subject = models.CharField(_("subject"), max_length=64, blank=True)
    # The filters of a report (evaluation: {"audience": "police", ...}); empty for other accesses.
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("staff access to personal data")
        verbose_name_plural = _("staff accesses to personal data")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username or '—'} {self.what} {self.subject}"
