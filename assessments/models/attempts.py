"""Attempts and their responses: what a trainee answered, saved item by item, scored on the server."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class AttemptQuerySet(models.QuerySet):
    """The one definition of which attempts are finished and which of those count."""

    def finished(self) -> AttemptQuerySet:
        """Handed in or closed at the time limit, flagged or not: what a trainee has used up."""
        return self.filter(status__in=(Attempt.Status.SUBMITTED, Attempt.Status.EXPIRED))

    @staticmethod
    def counting_condition(prefix: str = "") -> Q:
        """`counting()` as a condition, for a query that reads every attempt and marks those that
        count (`prefix` reaches the attempt through a relation, e.g. "attempt__")."""
        return Q(
            **{
                f"{prefix}status__in": (Attempt.Status.SUBMITTED, Attempt.Status.EXPIRED),
                f"{prefix}flagged_late": False,
                f"{prefix}flagged_duplicate": False,
            }
        )

    def counting(self) -> AttemptQuerySet:
        """The finished attempts that count for a score, whatever the route (online, offline, shared
        phone, paper): within the attempts allowed and inside the test's window, i.e. not flagged.

        The flags are decided once, when the attempt is finished (`services._finish`, every route): an attempt
        finished when the attempts allowed were already used up is `flagged_duplicate`, one that
        arrived after the window is `flagged_late`. A flagged attempt is kept for the trainer and never
        counts. Every consumer of scores (certificates, the evaluation report and its exports, the
        result page, the trainer's pages, My data) reads through this method; which counting attempt
        is "the" score for each of them is listed in docs/assessments.md.
        """
        return self.filter(self.counting_condition())


class Attempt(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        EXPIRED = "expired", _("Finished at the time limit")

    class Mode(models.TextChoices):
        ONLINE = "online", _("Online")
        PAPER = "paper", _("Paper")
        OFFLINE = "offline", _("Offline")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.CASCADE, related_name="+"
    )
    test = models.ForeignKey(
        "assessments.Test", verbose_name=_("test"), on_delete=models.PROTECT, related_name="attempts"
    )
    form = models.ForeignKey("assessments.TestForm", verbose_name=_("form"), on_delete=models.PROTECT, related_name="+")
    number = models.PositiveSmallIntegerField(_("attempt number"), default=1)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    mode = models.CharField(_("mode"), max_length=8, choices=Mode.choices, default=Mode.ONLINE)
    # [{"question": id, "options": [option ids in display order]}]: the order the trainee saw.
    layout = models.JSONField(_("layout"), default=list)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    submission_key = models.UUIDField(_("submission key"), null=True, blank=True, unique=True)
    score = models.FloatField(_("score"), null=True, blank=True)
    max_score = models.FloatField(_("maximum score"), null=True, blank=True)
    # Offline attempts: the phone's own clock (for the trainer to read, never trusted for rules), and
    # what the server found at sync. A late or duplicate attempt is stored and flagged, never dropped.
    device_started_at = models.DateTimeField(_("started on the phone at"), null=True, blank=True)
    device_finished_at = models.DateTimeField(_("finished on the phone at"), null=True, blank=True)
    flagged_late = models.BooleanField(
        _("arrived late"), default=False, help_text=_("Synchronised after the test's window or time limit.")
    )
    flagged_duplicate = models.BooleanField(
        _("beyond the attempts allowed"), default=False, help_text=_("The trainee had already used every attempt.")
    )

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        constraints = [
            # Never two open attempts of one test for one trainee.
            models.UniqueConstraint(
                fields=["user", "test"], condition=Q(status="open"), name="assessments_one_open_attempt"
            ),
            models.UniqueConstraint(fields=["user", "test", "number"], name="assessments_attempt_number_once"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=F("max_score")),
                name="assessments_attempt_score_in_range",
            ),
            models.CheckConstraint(
                condition=Q(status="open") | Q(finished_at__isnull=False, score__isnull=False),
                name="assessments_attempt_finished_is_scored",
            ),
        ]
        indexes = [models.Index(fields=["test", "status"])]

    def __str__(self) -> str:
        return f"{self.test} – {self.user} #{self.number}"

    @property
    def flag(self) -> str:
        """ "late", "duplicate" or "" (counts): a flagged attempt is kept for the trainer, never
        counted nor scored back to the trainee (see `AttemptQuerySet.counting`)."""
        return "late" if self.flagged_late else "duplicate" if self.flagged_duplicate else ""

    @property
    def flag_reason(self) -> str:
        """Why the attempt does not count, translated ("Arrived late"), or "" when it counts."""
        if not self.flag:
            return ""
        return capfirst(self._meta.get_field(f"flagged_{self.flag}").verbose_name)

    @property
    def percent(self) -> float | None:
        if self.score is None or not self.max_score:
            return None
        return 100 * self.score / self.max_score


class Response(models.Model):
    """The latest saved answer to one question of an attempt (saves carry a sequence number)."""

    attempt = models.ForeignKey(Attempt, verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="responses")
    question = models.ForeignKey(
        "assessments.Question", verbose_name=_("question"), on_delete=models.PROTECT, related_name="+"
    )
    answer = models.JSONField(_("answer"))
    # Milliseconds since the epoch on the device that saved: a later save has a larger number.
    seq = models.PositiveBigIntegerField(_("sequence number"), default=0)
    saved_at = models.DateTimeField(_("saved at"), auto_now=True)
    score = models.FloatField(_("score"), null=True, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="assessments_response_once_per_question"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0), name="assessments_response_score_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.question_id}"
