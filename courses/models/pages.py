"""Content: the catalogue, the modules (courses) and their lessons, as translatable Wagtail pages.

Pages hold content only. What a trainee did (enrolments, progress, H5P results) lives in plain
models that point at the pages with PROTECT, so page revisions never copy learner data.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import LessonBodyBlock, ObjectivesBlock
from lms.models import Audience
from lms.pages import RestrictionsByPathMixin


class AudienceGroup(models.Model):
    """One of the audiences a module targets (codes as in lms.models.Audience)."""

    code = models.CharField(_("code"), max_length=32, unique=True, choices=Audience.choices)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("audience group")
        verbose_name_plural = _("audience groups")

    def __str__(self) -> str:
        return str(Audience(self.code).label)


class AudioLanguage(models.Model):
    """A language audio clips are recorded in (Pular, Maninka, Susu, …); editors may add more."""

    name = models.CharField(_("name"), max_length=64)
    code = models.SlugField(_("code"), max_length=16, unique=True, help_text=_("ISO 639-3 code, e.g. fuf for Pular."))

    class Meta:
        ordering = ["name"]
        verbose_name = _("audio language")
        verbose_name_plural = _("audio languages")

    def __str__(self) -> str:
        return self.name


class CourseIndexPage(Page):
    """The catalogue of modules."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["lms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from courses import selectors

        context = super().get_context(request, *args, **kwargs)
        audience = request.GET.get("audience", "")
        context["audience"] = audience if audience in Audience.values else ""
        context["audiences"] = Audience.choices
        context["entries"] = selectors.catalogue_entries(index=self, user=request.user, audience=context["audience"])
        return context


class CoursePage(RestrictionsByPathMixin, Page):
    """A training module: what it teaches, to whom, and its lessons (child pages)."""

    summary = models.TextField(_("summary"), max_length=500)
    objectives = StreamField(ObjectivesBlock(), verbose_name=_("learning objectives"), blank=True)
    audiences = ParentalManyToManyField(AudienceGroup, verbose_name=_("audiences"), blank=True)
    estimated_minutes = models.PositiveIntegerField(_("estimated duration (minutes)"), default=60)
    prerequisites = ParentalManyToManyField(
        "self",
        verbose_name=_("recommended before"),
        blank=True,
        symmetrical=False,
        related_name="+",
        help_text=_("Modules a trainee should take first. Shown on the module page, not enforced."),
    )
    open_enrolment = models.BooleanField(
        _("open to self-enrolment"), default=True, help_text=_("Otherwise trainees join through a training session.")
    )
    # Certificates, their verification page and emails show this title, so that nothing public says
    # the holder took part in an anti-trafficking programme (privacy: "do no harm").
    public_title = models.CharField(
        _("neutral public title"),
        max_length=200,
        blank=True,
        help_text=_(
            "Shown on certificates, on the public verification page and in emails instead of the title, "
            'e.g. "Human security and protection training". Empty: the title is used.'
        ),
    )
    certificate_hours = models.PositiveSmallIntegerField(
        _("hours on the certificate"),
        null=True,
        blank=True,
        help_text=_("Empty: the estimated duration, rounded to whole hours."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("estimated_minutes"),
                FieldPanel("prerequisites"),
                FieldPanel("open_enrolment"),
            ],
            heading=_("Who and how"),
        ),
        MultiFieldPanel([FieldPanel("public_title"), FieldPanel("certificate_hours")], heading=_("Certificate")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    @property
    def hours(self) -> int:
        if self.certificate_hours is not None:
            return self.certificate_hours
        return max(1, round(self.estimated_minutes / 60))

    @property
    def certificate_minutes(self) -> int:
        """The duration a certificate prints: the certificate hours when set, else the estimate as it is
        (75 minutes print "1 h 15 min", not a rounded "1 hour")."""
        if self.certificate_hours is not None:
            return self.certificate_hours * 60
        return self.estimated_minutes

    def get_context(self, request, *args, **kwargs):
        from courses import gates, selectors

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = selectors.course_outline(page=self, user=request.user)
        context["panels"] = gates.render_course_panels(
            request=request, course_id=context["outline"].canonical_course_id
        )
        return context


class LessonPage(RestrictionsByPathMixin, Page):
    """A lesson of a module."""

    required = models.BooleanField(
        _("required"), default=True, help_text=_("Required lessons count towards completing the module.")
    )
    estimated_minutes = models.PositiveIntegerField(_("estimated duration (minutes)"), default=15)
    body = StreamField(LessonBodyBlock(), verbose_name=_("content"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    settings_panels = [*Page.settings_panels, FieldPanel("required"), FieldPanel("estimated_minutes")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def h5p_blocks(self) -> list:
        """The H5P blocks of this lesson's body, in order (loads their packages)."""
        return [block for block in self.body if block.block_type == "h5p"]

    def h5p_block_data(self) -> list[tuple[str, int]]:
        """(block id, package id) of each H5P block, read from the raw stream without a query."""
        return [
            (item["id"], item["value"]["package"])
            for item in self.body.raw_data
            if item.get("type") == "h5p" and item.get("value", {}).get("package")
        ]

    def has_audio_clips(self) -> bool:
        """Whether any block holds a clip (the page then loads listen.js); read without a query."""
        return any(
            item.get("value", {}).get("clips")
            for item in self.body.raw_data
            if item.get("type") in ("audio", "key_point")
        )

    def serve(self, request, *args, **kwargs):
        from courses import views

        return views.lesson_serve(request, self, *args, **kwargs)
