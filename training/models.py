"""Training sessions: the room a trainer runs, its participants, days, attendance and test windows.

Plain models (state, not content). Every write goes through training.services; every read that a
view, export or endpoint shows goes through training.selectors, which also owns the scoping (a
trainer's own sessions, a coordinator's region, everything for administrators).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from django_countries.fields import CountryField

CODE_PATTERN = r"[A-Z0-9]{3,12}"


class TrainingSession(models.Model):
    """A training session (face-to-face, online, blended or a webinar) for one or more modules."""

    class Mode(models.TextChoices):
        FACE_TO_FACE = "face_to_face", _("Face-to-face")
        ONLINE = "online", _("Online")
        BLENDED = "blended", _("Blended")
        WEBINAR = "webinar", _("Webinar")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    # Short and typable on a phone keypad: capital letters and digits (e.g. KAN24A).
    code = models.CharField(
        _("code"),
        max_length=12,
        unique=True,
        validators=[RegexValidator(f"^{CODE_PATTERN}$", _("3 to 12 capital letters or digits."))],
    )
    title = models.CharField(_("title"), max_length=200)
    # The French (source-language) module pages, as enrolments use.
    courses = models.ManyToManyField("courses.CoursePage", verbose_name=_("modules"), related_name="+")
    mode = models.CharField(_("mode"), max_length=16, choices=Mode.choices, default=Mode.BLENDED)
    prefecture = models.ForeignKey(
        "lms.Prefecture", verbose_name=_("prefecture"), on_delete=models.PROTECT, related_name="+"
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    country = CountryField(_("country"), default="GN")
    language = models.CharField(
        _("language"), max_length=8, choices=[("fr", _("French")), ("en", _("English"))], default="fr"
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    daily_schedule = models.CharField(_("daily schedule"), max_length=100, blank=True, help_text=_("e.g. 9:00–16:00"))
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("trainers"), related_name="training_sessions_run"
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    # The follow-up test of each module opens for a participant this long after their post-test.
    followup_days = models.PositiveSmallIntegerField(
        _("follow-up test after (days)"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
        help_text=_("Days after a participant's post-test when the module's follow-up test opens for them."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    # Self-enrolment: typed on the join page or reached through the session's QR code.
    join_code = models.CharField(_("join code"), max_length=16, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "code"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gte=F("start_date")), name="training_session_dates_ordered"),
            models.CheckConstraint(condition=Q(code__regex=f"^{CODE_PATTERN}$"), name="training_session_code_format"),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.title}"


class Coordinator(models.Model):
    """A trainer who follows every session of an administrative region."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="coordinated_regions"
    )
    region = models.ForeignKey(
        "lms.AdministrativeRegion", verbose_name=_("administrative region"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("region coordinator")
        verbose_name_plural = _("region coordinators")
        constraints = [models.UniqueConstraint(fields=["user", "region"], name="training_coordinator_once")]

    def __str__(self) -> str:
        return f"{self.user} – {self.region}"


class Participant(models.Model):
    """A person on a session's roster."""

    class Source(models.TextChoices):
        ROSTER = "roster", _("Roster import")
        JOIN_CODE = "join_code", _("Join code")
        DEMO = "demo", _("Demo")

    session = models.ForeignKey(
        TrainingSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="participations"
    )
    source = models.CharField(_("source"), max_length=16, choices=Source.choices, default=Source.ROSTER)
    # This roster made the account (training.services.roster_import): only this session may print
    # one-time passwords for it, and only until its first login.
    created_account = models.BooleanField(_("account created by this session"), default=False)
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="training_participant_once"),
            # One session created each account: never two that may print its password.
            models.UniqueConstraint(
                fields=["user"], condition=Q(created_account=True), name="training_account_created_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session.code} – {self.user}"


class SessionDay(models.Model):
    """One day of a session, with its attendance check-in (the QR code the trainer shows)."""

    session = models.ForeignKey(
        TrainingSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField(_("date"))
    # The check-in QR code works while the trainer keeps it open, and only on this date.
    checkin_token = models.CharField(_("check-in token"), max_length=32, unique=True, null=True, blank=True)
    checkin_open_until = models.DateTimeField(_("check-in open until"), null=True, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("session day")
        verbose_name_plural = _("session days")
        constraints = [models.UniqueConstraint(fields=["session", "date"], name="training_day_once")]

    def __str__(self) -> str:
        return f"{self.session.code} {self.date}"


class Attendance(models.Model):
    """Whether a participant was there on a day. Present and late count as attended."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        LATE = "late", _("Late")
        EXCUSED = "excused", _("Excused")
        ABSENT = "absent", _("Absent")

    class Source(models.TextChoices):
        TRAINER = "trainer", _("Marked by the trainer")
        QR = "qr", _("QR code check-in")
        PAPER = "paper", _("Paper sign-in sheet")

    day = models.ForeignKey(SessionDay, verbose_name=_("day"), on_delete=models.CASCADE, related_name="attendance")
    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    source = models.CharField(_("source"), max_length=16, choices=Source.choices, default=Source.TRAINER)
    marked_at = models.DateTimeField(_("marked at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["day", "participant"], name="training_attendance_once")]

    def __str__(self) -> str:
        return f"{self.day} {self.participant_id} {self.status}"


class TestWindow(models.Model):
    """The trainer's switch: the session's pre- or post-test is open from `opened_at` until closed."""

    __test__ = False  # a model, not a pytest test class

    class Kind(models.TextChoices):
        PRE = "pre", _("Pre-test")
        POST = "post", _("Post-test")

    session = models.ForeignKey(
        TrainingSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="test_windows"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    opened_at = models.DateTimeField(_("opened at"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("test window")
        verbose_name_plural = _("test windows")
        constraints = [
            models.UniqueConstraint(fields=["session", "kind"], name="training_window_once"),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | Q(closed_at__gte=F("opened_at")),
                name="training_window_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session.code} {self.kind}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class ProgrammeTarget(models.Model):
    """A number the programme committed to (e.g. 100 participants trained), set by an administrator."""

    class Measure(models.TextChoices):
        PARTICIPANTS = "participants", _("Participants trained")
        BENEFICIARIES = "beneficiaries", _("Direct beneficiaries")
        SESSIONS = "sessions", _("Sessions held")
        REGIONS = "regions", _("Regions reached")

    measure = models.CharField(_("measure"), max_length=32, choices=Measure.choices, unique=True)
    value = models.PositiveIntegerField(_("target"))

    class Meta:
        verbose_name = _("programme target")
        verbose_name_plural = _("programme targets")

    def __str__(self) -> str:
        colon = pgettext("between a label and its value", ":")  # "Bénéficiaires directs : 340" in French
        return f"{self.get_measure_display()}{colon} {self.value}"
