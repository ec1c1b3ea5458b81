"""The reaction questionnaire and its anonymous answers.

Three kinds of rows, deliberately unjoinable:
- `ReactionQuestionnaire` and `ReactionItem`: content, edited in the Wagtail admin (snippet); one
  questionnaire per module, or the programme's default (no module) for every other module.
- `ReactionReceipt`: who has answered for which module, so nobody answers twice. Nothing else: no
  time, no session, no link to the answer.
- `ReactionAnswer`: what was answered, with the session it belongs to (for the summaries). No
  person, no module, no time; a random key (UUID), never a sequence; `released` once the
  session's pool reaches MIN_GROUP answers, when the batch is re-inserted in random order under new keys
  (services.reaction_submit), so neither a key nor the storage order lines up with the receipts.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

LIKERT_MIN, LIKERT_MAX = 1, 5
FREE_TEXT_MAX = 1000


def _in_language(fr: str, en: str, language: str | None) -> str:
    """The English wording for an English reader when there is one, else the French (the source)."""
    return en if (language or "").startswith("en") and en else fr


class ReactionQuestionnaire(ClusterableModel):
    """The questions a trainee is asked after handing in a module's post-test."""

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("module"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leave empty for the programme's questionnaire, used for every module without its own."),
    )
    intro_fr = models.TextField(_("introduction (French)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    free_text_fr = models.CharField(_("open question (French)"), max_length=255)
    free_text_en = models.CharField(_("open question (English)"), max_length=255, blank=True)
    active = models.BooleanField(_("offered to trainees"), default=True)

    panels = [
        FieldPanel("course"),
        MultiFieldPanel([FieldPanel("intro_fr"), FieldPanel("intro_en")], heading=_("Introduction")),
        InlinePanel("items", heading=_("Statements (answered from 1, strongly disagree, to 5, strongly agree)")),
        MultiFieldPanel([FieldPanel("free_text_fr"), FieldPanel("free_text_en")], heading=_("Open question")),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("reaction questionnaire")
        verbose_name_plural = _("reaction questionnaires")
        constraints = [
            # One questionnaire per module, and one for the programme (the one without a module).
            models.UniqueConstraint(Coalesce("course", Value(0)), name="reaction_questionnaire_once"),
        ]

    def __str__(self) -> str:
        return str(self.course) if self.course_id else str(_("Programme questionnaire"))

    def intro_in(self, language: str | None) -> str:
        return _in_language(self.intro_fr, self.intro_en, language)

    def free_text_in(self, language: str | None) -> str:
        return _in_language(self.free_text_fr, self.free_text_en, language)


class ReactionItem(Orderable):
    """One statement rated from 1 (strongly disagree) to 5 (strongly agree)."""

    questionnaire = ParentalKey(ReactionQuestionnaire, on_delete=models.CASCADE, related_name="items")
    key = models.SlugField(
        _("key"),
        max_length=32,
        help_text=_("Stable code that joins answers across questionnaires, e.g. relevance, confidence, trainer."),
    )
    text_fr = models.CharField(_("statement (French)"), max_length=255)
    text_en = models.CharField(_("statement (English)"), max_length=255, blank=True)

    panels = [FieldPanel("key"), FieldPanel("text_fr"), FieldPanel("text_en")]

    class Meta(Orderable.Meta):
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        constraints = [models.UniqueConstraint(fields=["questionnaire", "key"], name="reaction_item_key_once")]

    def __str__(self) -> str:
        return self.text_fr

    def text_in(self, language: str | None) -> str:
        return _in_language(self.text_fr, self.text_en, language)


class ReactionReceipt(models.Model):
    """That a person has answered the reaction questionnaire of a module: nothing about the answer."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.CASCADE, related_name="+"
    )
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("module"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("reaction receipt")
        verbose_name_plural = _("reaction receipts")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="reaction_receipt_once")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.course_id}"


class ReactionAnswer(models.Model):
    """One anonymous answer: ratings by item key, and the open answer with names and phones masked."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # No module either: a session's summary does not need it, and an answer for the one module of a
    # session that few answered could be lined up with that module's receipts.
    session = models.ForeignKey(
        "training.TrainingSession",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # {item key: 1..5}; an item left unanswered is absent.
    ratings = models.JSONField(_("ratings"), default=dict)
    comment = models.TextField(_("open answer"), blank=True, max_length=FREE_TEXT_MAX)
    released = models.BooleanField(_("released"), default=False)

    class Meta:
        verbose_name = _("reaction answer")
        verbose_name_plural = _("reaction answers")
        indexes = [models.Index(fields=["session", "released"], name="reaction_answer_pool")]

    def __str__(self) -> str:
        return str(self.pk)
