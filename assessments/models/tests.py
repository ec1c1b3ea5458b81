"""Tests (pre, post or follow-up) of a module and their forms (A/B for counterbalanced parallel forms)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Test(models.Model):
    __test__ = False  # a model, not a pytest test class

    class Kind(models.TextChoices):
        PRE = "pre", _("Pre-test")
        POST = "post", _("Post-test")
        # Taken months after the post-test, to measure what was retained (training.followup).
        FOLLOWUP = "followup", _("Follow-up test")

    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("module"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"), default=70)
    attempts_allowed = models.PositiveSmallIntegerField(_("attempts allowed"), default=1)
    time_limit_minutes = models.PositiveSmallIntegerField(_("time limit (minutes)"), null=True, blank=True)
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    is_open = models.BooleanField(
        _("open"), default=True, help_text=_("Closing a test ends new attempts and, for a post-test, opens the review.")
    )

    class Meta:
        verbose_name = _("test")
        verbose_name_plural = _("tests")
        constraints = [
            models.UniqueConstraint(fields=["course", "kind"], name="assessments_test_one_per_kind"),
            models.CheckConstraint(condition=Q(pass_mark__lte=100), name="assessments_test_pass_mark_range"),
            models.CheckConstraint(condition=Q(attempts_allowed__gte=1), name="assessments_test_attempts_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.course}"


class TestForm(models.Model):
    """The questions of a test, in order. One form ("") or parallel forms "A" and "B"."""

    __test__ = False  # a model, not a pytest test class

    test = models.ForeignKey(Test, verbose_name=_("test"), on_delete=models.CASCADE, related_name="forms")
    label = models.CharField(_("form"), max_length=1, blank=True, choices=[("", "—"), ("A", "A"), ("B", "B")])

    class Meta:
        verbose_name = _("test form")
        verbose_name_plural = _("test forms")
        constraints = [models.UniqueConstraint(fields=["test", "label"], name="assessments_form_label_once")]

    def __str__(self) -> str:
        return f"{self.test} {self.label}".strip()


class TestItem(models.Model):
    """A question (by reference: the current version is used when an attempt starts) on a form."""

    __test__ = False  # a model, not a pytest test class

    form = models.ForeignKey(TestForm, verbose_name=_("form"), on_delete=models.CASCADE, related_name="items")
    reference = models.SlugField(_("question reference"), max_length=32)
    position = models.PositiveSmallIntegerField(_("position"))
    anchor = models.BooleanField(_("anchor item"), default=False, help_text=_("Shared by forms A and B."))

    class Meta:
        ordering = ["form", "position"]
        verbose_name = _("test item")
        verbose_name_plural = _("test items")
        constraints = [
            models.UniqueConstraint(fields=["form", "reference"], name="assessments_item_once_per_form"),
            models.UniqueConstraint(fields=["form", "position"], name="assessments_item_position_once"),
        ]

    def __str__(self) -> str:
        return f"{self.form} #{self.position} {self.reference}"
