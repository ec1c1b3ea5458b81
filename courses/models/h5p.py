"""H5P packages (content, managed by editors) and what trainees did with them (state)."""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import F, Q
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


class H5PPackage(models.Model):
    """A validated `.h5p` package, extracted once into storage under its content hash."""

    title = models.CharField(_("title"), max_length=255)
    content_hash = models.CharField(_("content hash (SHA-256)"), max_length=64, unique=True, editable=False)
    main_library = models.CharField(_("main library"), max_length=128, editable=False)
    libraries = models.JSONField(_("libraries"), default=list, editable=False)
    h5p_json = models.JSONField(_("h5p.json"), default=dict, editable=False)
    total_size = models.PositiveBigIntegerField(_("size (bytes)"), default=0, editable=False)
    file_count = models.PositiveIntegerField(_("number of files"), default=0, editable=False)
    reports_score = models.BooleanField(
        _("reports a score"),
        default=True,
        editable=False,
        help_text=_("Whether its main library sends a score; an activity that never does cannot be required."),
    )
    first_load_bytes = models.PositiveBigIntegerField(
        _("first-load weight (bytes)"), default=0, editable=False, help_text=_("What the player fetches first.")
    )
    remote_resources = models.JSONField(_("remote resources"), default=list, editable=False, blank=True)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("H5P package")
        verbose_name_plural = _("H5P packages")

    def __str__(self) -> str:
        return self.title

    @admin.display(description=_("first-load weight"), ordering="first_load_bytes")
    def first_load(self) -> str:
        from courses.h5p.weight import FIRST_LOAD_BUDGET

        shown = filesizeformat(self.first_load_bytes)
        return shown + (" ⚠" if self.first_load_bytes > FIRST_LOAD_BUDGET or self.remote_resources else "")

    @property
    def storage_prefix(self) -> str:
        """Where the extracted files live in the private storage (lms.storage.private_storage)."""
        return f"h5p/{self.content_hash}"


class H5PResult(models.Model):
    """One scored xAPI statement (answered or completed) of a trainee on an H5P activity.

    History, never last-wins: every attempt is kept; the course decides whether the best or the
    last counts. H5P scores are formative only and never feed pre/post results or certificates.
    """

    class Verb(models.TextChoices):
        ANSWERED = "answered", _("answered")
        COMPLETED = "completed", _("completed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.CASCADE, related_name="+"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", verbose_name=_("lesson"), on_delete=models.PROTECT, related_name="+"
    )
    activity_id = models.CharField(_("activity (block id)"), max_length=64)
    package = models.ForeignKey(H5PPackage, verbose_name=_("H5P package"), on_delete=models.PROTECT, related_name="+")
    statement_id = models.UUIDField(_("statement id"))
    verb = models.CharField(_("verb"), max_length=16, choices=Verb.choices)
    raw = models.FloatField(_("raw score"))
    max = models.FloatField(_("maximum score"))
    scaled = models.FloatField(_("scaled score"))
    success = models.BooleanField(_("success"), null=True)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("H5P result")
        verbose_name_plural = _("H5P results")
        constraints = [
            # A statement sent again (retry after a dropped connection) is stored once.
            models.UniqueConstraint(fields=["user", "statement_id"], name="courses_h5presult_statement_once"),
            models.CheckConstraint(condition=Q(max__gt=0), name="courses_h5presult_max_positive"),
            models.CheckConstraint(condition=Q(raw__gte=0, raw__lte=F("max")), name="courses_h5presult_raw_in_range"),
            models.CheckConstraint(condition=Q(scaled__gte=0, scaled__lte=1), name="courses_h5presult_scaled_in_range"),
        ]
        indexes = [models.Index(fields=["user", "lesson", "activity_id"])]

    def __str__(self) -> str:
        return f"{self.verb} {self.raw:g}/{self.max:g}"


class H5PState(models.Model):
    """H5P's own resume state for one trainee and activity (at most 64 KB)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.CASCADE, related_name="+"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", verbose_name=_("lesson"), on_delete=models.PROTECT, related_name="+"
    )
    activity_id = models.CharField(_("activity (block id)"), max_length=64)
    data = models.TextField(_("state"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("H5P state")
        verbose_name_plural = _("H5P states")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson", "activity_id"], name="courses_h5pstate_one_per_activity"),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} ({len(self.data)})"
