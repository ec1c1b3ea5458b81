"""Question banks and versioned questions.

A question is a sequence of immutable versions that share a `reference` within its bank. Editing a
question that already has responses creates a new version (assessments.services.question_save), so
every response points at the exact text, options and key that were answered.

Text is stored per language in `content` ({"fr": {...}, "en": {...}}); French is required, other
languages fall back to French. The key (`key`) is language-independent and never sent to browsers
before review.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple response")
    TRUE_FALSE = "true_false", _("True or false")
    MATCHING = "matching", _("Matching")
    ORDERING = "ordering", _("Ordering")
    SHORT = "short", _("Short answer")


class QuestionBank(models.Model):
    """The questions of one module (course)."""

    course = models.OneToOneField(
        "courses.CoursePage", verbose_name=_("module"), on_delete=models.PROTECT, related_name="question_bank"
    )
    title = models.CharField(_("title"), max_length=255)

    class Meta:
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    """One version of a question.

    content[language] = {"text": str, "explanation": str, "options": {option id: label},
                         "left": {id: label}, "right": {id: label} (matching), "accepted": [str] (short)}
    key = single/true_false: {"correct": id}; multiple: {"correct": [ids], "partial": "proportional"};
          matching: {"pairs": {left id: right id}}; ordering: {"order": [ids]}; short: {} (uses accepted)
    audio = {"question": {language code: document id}, "options": {option id: {language code: document id}}}
            clips read aloud in national languages (courses.AudioLanguage codes, Wagtail documents);
            not part of what is answered, so changing them never makes a new version.
    """

    bank = models.ForeignKey(
        QuestionBank, verbose_name=_("question bank"), on_delete=models.PROTECT, related_name="questions"
    )
    reference = models.SlugField(
        _("reference"), max_length=32, help_text=_("Stable code, e.g. TDP-03, used in paper imports.")
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    is_current = models.BooleanField(_("current version"), default=True)
    kind = models.CharField(_("kind"), max_length=16, choices=QuestionKind.choices)
    objective = models.CharField(_("learning objective"), max_length=255)
    points = models.PositiveSmallIntegerField(_("points"), default=1)
    content = models.JSONField(_("content per language"))
    key = models.JSONField(_("answer key"), default=dict, blank=True)
    audio = models.JSONField(_("audio per language"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["bank", "reference", "-version"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["bank", "reference", "version"], name="assessments_question_version_once"),
            models.UniqueConstraint(
                fields=["bank", "reference"], condition=Q(is_current=True), name="assessments_question_one_current"
            ),
            models.CheckConstraint(condition=Q(points__gt=0), name="assessments_question_points_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} v{self.version}"

    def audio_maps(self) -> list[tuple[str | None, dict[str, int]]]:
        """(None, the question's {language code: document id}), then (option id, that option's), for
        the non-empty ones, in that order."""
        audio = self.audio or {}
        found = [(None, audio.get("question") or {}), *(audio.get("options") or {}).items()]
        return [(key, mapping) for key, mapping in found if mapping]

    def text_in(self, language: str) -> dict:
        """The question's text in `language`, else in French."""
        return self.content.get(language) or self.content.get("fr") or {}
