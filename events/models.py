"""Events (workshops, webinars, dialogues) and the community dialogues that ambassadors log.

Plain models (state, not content). Writes go through events.services, reads through
events.selectors, which also owns the scoping (an organiser's events, a coordinator's region).
People without accounts are counted, never named: `HeadCount` holds one number per audience
group, sex and age band, for an event or for an outreach log.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from lms.demographics import AgeBand, Sex
from lms.models import Audience, NaturalRegion

# The largest number one cell or one log may hold. A community dialogue is a meeting in a village
# or a neighbourhood: the largest the programme reported gathered a few hundred people. 5,000 in
# one dialogue is a typing error (an extra zero), not a dialogue.
MAX_HEADCOUNT = 5000

# Who is counted: the programme's audience groups, plus the community at large (villagers,
# families, young people who are none of the professional groups).
COMMUNITY = "community"
COUNT_AUDIENCES = [(COMMUNITY, _("Community members")), *Audience.choices]

# Sex and AgeBand (imported above) live in the core, lms.demographics: trainees declare the same
# groups on their profile.


class Event(models.Model):
    """A workshop, a webinar, a dialogue or another gathering that is not a training session."""

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        VALIDATION_WORKSHOP = "validation_workshop", _("Validation workshop")
        WEBINAR = "webinar", _("Webinar")
        COMMUNITY_DIALOGUE = "community_dialogue", _("Community dialogue")
        OTHER = "other", _("Other")

    class Place(models.TextChoices):
        PREFECTURE = "prefecture", _("In a prefecture of Guinea")
        ABROAD = "abroad", _("Abroad")
        ONLINE = "online", _("Online")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    place = models.CharField(_("place"), max_length=16, choices=Place.choices, default=Place.PREFECTURE)
    prefecture = models.ForeignKey(
        "lms.Prefecture",
        verbose_name=_("prefecture"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    country = CountryField(_("country"), blank=True, help_text=_("For an event abroad."))
    city = models.CharField(_("city"), max_length=100, blank=True, help_text=_("For an event abroad."))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, help_text=_("The organisation that runs it."))
    audiences = models.JSONField(_("audience groups"), default=list, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=[("fr", _("French")), ("en", _("English"))], default="fr"
    )
    join_link = models.URLField(_("join link"), blank=True, help_text=_("For a webinar: the meeting link."))
    registration_open = models.BooleanField(
        _("registration open"), default=False, help_text=_("Anyone with the link may register, from any country.")
    )
    documents = models.ManyToManyField(
        "wagtaildocs.Document",
        verbose_name=_("agenda and documents"),
        blank=True,
        related_name="+",
        help_text=_("Agenda, reports, recommendations, slides: upload them under Documents in the administration."),
    )
    outcome_notes = models.TextField(_("outcome notes"), blank=True, max_length=4000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="events_created",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("manage_events", _("Can organise events and record their participants"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="events_event_dates_ordered",
                violation_error_message=_("The end date is before the start date."),
            ),
            # The place is exactly one of: a prefecture, a city abroad, online.
            models.CheckConstraint(
                condition=(Q(place="prefecture", prefecture__isnull=False) & Q(city=""))
                | (Q(place="abroad", prefecture__isnull=True) & ~Q(country="") & ~Q(country="GN") & ~Q(city=""))
                | (Q(place="online", prefecture__isnull=True) & Q(city="")),
                name="events_event_place_consistent",
                violation_error_message=_(
                    "Give a prefecture for an event in Guinea, a country other than Guinea and a city for an "
                    "event abroad, and neither for an online event."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Registrant(models.Model):
    """A person registered for an event: through the public page (any country) or by the organiser.

    `user` links an account when the person has one (registered while logged in, or whose email is an
    account's): the dashboard then counts them once with their training sessions.
    """

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    country = CountryField(_("country"))
    email = models.EmailField(_("email address"))
    consent_given_at = models.DateTimeField(_("consent given at"))
    attended = models.BooleanField(_("attended"), default=False)
    minutes_attended = models.PositiveIntegerField(_("minutes attended"), null=True, blank=True)
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("registrant")
        verbose_name_plural = _("registrants")
        constraints = [models.UniqueConstraint("event", Lower("email"), name="events_registrant_email_once")]

    def __str__(self) -> str:
        return self.name


class OutreachLog(models.Model):
    """A community dialogue as a migrant ambassador reports it: where, what, and how many (counts only).

    Only validated logs count on the programme dashboard.
    """

    class Topic(models.TextChoices):
        SAFE_MIGRATION = "safe_migration", _("Safe migration")
        RECOGNISING_TRAFFICKING = "recognising_trafficking", _("Recognising trafficking")
        WHERE_TO_GET_HELP = "where_to_get_help", _("Where to get help")
        RIGHTS = "rights", _("Rights of migrants")
        CHILD_PROTECTION = "child_protection", _("Protecting children")
        OTHER = "other", _("Other topic")

    class Material(models.TextChoices):
        LEAFLET = "leaflet", _("Leaflets")
        POSTER = "poster", _("Posters or picture boxes")
        AUDIO = "audio", _("Audio or radio spot")
        VIDEO = "video", _("Video")
        NONE = "none", _("No material")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        VALIDATED = "validated", _("Validated")
        FLAGGED = "flagged", _("Flagged for checking")
        REJECTED = "rejected", _("Rejected")

    ambassador = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ambassador"),
        on_delete=models.PROTECT,
        related_name="outreach_logs",
    )
    date = models.DateField(_("date"))
    prefecture = models.ForeignKey(
        "lms.Prefecture", verbose_name=_("prefecture"), on_delete=models.PROTECT, related_name="+"
    )
    locality = models.CharField(_("locality"), max_length=100, help_text=_("Village, district or neighbourhood."))
    topics = models.JSONField(_("topics"), default=list)
    materials = models.JSONField(_("materials used"), default=list, blank=True)
    referrals = models.PositiveIntegerField(
        _("referrals made"), default=0, help_text=_("How many people you referred to a service: a number, no names.")
    )
    note = models.TextField(_("short note"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.CharField(_("review note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("outreach log")
        verbose_name_plural = _("outreach logs")
        permissions = [("log_outreach", _("Can log community dialogues"))]
        constraints = [
            models.CheckConstraint(condition=Q(referrals__lte=MAX_HEADCOUNT), name="events_outreach_referrals_capped"),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.locality}"


class HeadCount(models.Model):
    """How many people of one audience group, sex and age band an event or a dialogue reached."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, null=True, blank=True, related_name="counts"
    )
    log = models.ForeignKey(
        OutreachLog,
        verbose_name=_("outreach log"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="counts",
    )
    audience = models.CharField(_("audience group"), max_length=32, choices=COUNT_AUDIENCES)
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices)
    age_band = models.CharField(_("age band"), max_length=8, choices=AgeBand.choices)
    count = models.PositiveIntegerField(_("count"))

    class Meta:
        verbose_name = _("head count")
        verbose_name_plural = _("head counts")
        constraints = [
            models.CheckConstraint(
                condition=Q(event__isnull=False, log__isnull=True) | Q(event__isnull=True, log__isnull=False),
                name="events_headcount_one_owner",
            ),
            models.CheckConstraint(
                condition=Q(count__gt=0, count__lte=MAX_HEADCOUNT), name="events_headcount_in_range"
            ),
            models.UniqueConstraint(
                fields=["event", "audience", "sex", "age_band"],
                condition=Q(event__isnull=False),
                name="events_headcount_once_per_event",
            ),
            models.UniqueConstraint(
                fields=["log", "audience", "sex", "age_band"],
                condition=Q(log__isnull=False),
                name="events_headcount_once_per_log",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.audience}/{self.sex}/{self.age_band}: {self.count}"


class Indicator(models.TextChoices):
    """What the programme dashboard measures (events.dashboard computes each; docs/events.md)."""

    BENEFICIARIES = "beneficiaries", _("Direct beneficiaries")
    TRAINED = "trained", _("Participants trained")
    REACHED = "reached", _("People reached through dialogues")
    WORKSHOPS = "workshops", _("Workshops held")
    WEBINAR_PARTICIPANTS = "webinar_participants", _("Webinar participants")


class IndicatorTarget(models.Model):
    """A number the programme committed to, nationally or for one region (set by administrators).

    Scope: no region (the whole programme), a natural region, or an administrative region; never both.
    """

    indicator = models.CharField(_("indicator"), max_length=32, choices=Indicator.choices)
    natural_region = models.CharField(_("natural region"), max_length=16, blank=True, choices=NaturalRegion.choices)
    administrative_region = models.ForeignKey(
        "lms.AdministrativeRegion",
        verbose_name=_("administrative region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    value = models.PositiveIntegerField(_("target"))

    class Meta:
        ordering = ["indicator", "natural_region"]
        verbose_name = _("indicator target")
        verbose_name_plural = _("indicator targets")
        constraints = [
            models.CheckConstraint(
                condition=Q(natural_region="") | Q(administrative_region__isnull=True),
                name="events_target_one_scope",
            ),
            models.UniqueConstraint(
                fields=["indicator", "natural_region"],
                condition=Q(administrative_region__isnull=True),
                name="events_target_once_per_natural_scope",
            ),
            models.UniqueConstraint(
                fields=["indicator", "administrative_region"],
                condition=Q(administrative_region__isnull=False),
                name="events_target_once_per_region",
            ),
        ]

    def __str__(self) -> str:
        scope = self.administrative_region or self.get_natural_region_display() or _("Whole programme")
        return f"{self.get_indicator_display()} ({scope}): {self.value}"
