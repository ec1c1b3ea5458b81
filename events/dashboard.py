"""The programme dashboard: targets and progress per indicator, nationally and per region.

Counts only, never names. How each indicator is counted (docs/events.md):

- direct beneficiaries: distinct people on a training session's roster or who attended an event as
  a registrant (an account, or else an email, is one person however many sessions and events they
  took part in), plus the anonymous counts of events other than dialogues (which have no identity
  and so cannot be de-duplicated);
- participants trained: distinct people who attended at least one session day;
- people reached through dialogues: the counts of validated outreach logs and of community-dialogue
  events;
- workshops held: workshops and validation workshops that have started;
- webinar participants: distinct registrants who attended a webinar, plus webinar anonymous counts.

A region's figure counts a person once in that region; one person active in two regions counts in
both regions but once in the national figure. Counts of people from 1 to SMALL_GROUP - 1 are
suppressed ("fewer than 5") everywhere, national figures included; in the rows per region and per
country, shown beside the national figure, further rows are suppressed so that the national figure
minus the shown rows never gives 1 to 4 people (lms.disclosure).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, Sum
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django_countries import countries

from events.models import Event, HeadCount, Indicator, IndicatorTarget, OutreachLog, Registrant
from lms.disclosure import suppressed_rows
from lms.models import AdministrativeRegion, NaturalRegion
from training.models import Attendance, Participant
from training.programme import SMALL_GROUP, suppressed

ABROAD = "abroad"  # the region key of events abroad or online
PEOPLE_INDICATORS = {
    Indicator.BENEFICIARIES,
    Indicator.TRAINED,
    Indicator.REACHED,
    Indicator.WEBINAR_PARTICIPANTS,
}
WORKSHOP_KINDS = [Event.Kind.WORKSHOP, Event.Kind.VALIDATION_WORKSHOP]
ATTENDED = [Attendance.Status.PRESENT, Attendance.Status.LATE]


@dataclass(frozen=True)
class Figure:
    """One indicator in one scope: `achieved` is None when suppressed."""

    achieved: int | None
    target: int | None

    @property
    def percent(self) -> int | None:
        if self.achieved is None or not self.target:
            return None
        return round(100 * self.achieved / self.target)

    @property
    def bar(self) -> int:
        """The bar's length out of 100: progress toward the target, capped at 100."""
        return min(self.percent or 0, 100)


@dataclass(frozen=True)
class RegionRow:
    key: str
    label: str
    figure: Figure


# What each indicator counts: shown beside its figure on the page, and in the export's codebook.
DEFINITIONS: dict[str, Promise] = {
    Indicator.BENEFICIARIES: _lazy(
        "Distinct people on a session roster or who attended an event (each counted once), "
        "plus the anonymous counts of events other than dialogues."
    ),
    Indicator.TRAINED: _lazy("Distinct people who attended at least one day of a training session."),
    Indicator.REACHED: _lazy("People counted in validated outreach logs and in community-dialogue events."),
    Indicator.WORKSHOPS: _lazy("Workshops and validation workshops that have started."),
    Indicator.WEBINAR_PARTICIPANTS: _lazy(
        "Distinct registrants who attended a webinar, plus webinar anonymous counts."
    ),
}


@dataclass(frozen=True)
class IndicatorView:
    indicator: str
    label: str
    people: bool  # a count of people (suppressed when small), not of events
    national: Figure
    natural: list[RegionRow]
    administrative: list[RegionRow]

    @property
    def definition(self) -> str:
        return str(DEFINITIONS[self.indicator])


@dataclass
class Dashboard:
    indicators: list[IndicatorView]
    webinar_by_country: list[tuple[str, int | None]]  # (country name, count or None if suppressed)
    extra: list[tuple[str, int]] = field(default_factory=list)

    def indicator(self, code: str) -> IndicatorView:
        return next(view for view in self.indicators if view.indicator == code)


class _Tally:
    """People (sets of identities) and anonymous numbers, per scope ("" = national)."""

    def __init__(self) -> None:
        self.people: dict[str, set] = defaultdict(set)
        self.numbers: dict[str, int] = defaultdict(int)

    def add(self, *, natural: str | None, region_id: int | None, person=None, number: int = 0) -> None:
        for scope in ("", f"n:{natural or ABROAD}", f"a:{region_id or ABROAD}"):
            if person is not None:
                self.people[scope].add(person)
            self.numbers[scope] += number

    def total(self, scope: str) -> int:
        return len(self.people.get(scope, ())) + self.numbers.get(scope, 0)


def _registrant_identities(rows: list[tuple]) -> dict[str, object]:
    """{lower-cased email: user id} for registrants without an account link whose email is an account's."""
    emails = {email.casefold() for user_id, email, *_rest in rows if user_id is None}
    if not emails:
        return {}
    return dict(
        get_user_model()
        .objects.annotate(lower_email=Lower("email"))
        .filter(lower_email__in=emails)
        .values_list("lower_email", "pk")
    )


def indicator_tallies() -> tuple[dict[str, _Tally], dict[str, set]]:
    tallies = {indicator: _Tally() for indicator in Indicator.values}
    for user_id, natural, region_id in Participant.objects.values_list(
        "user_id", "session__prefecture__natural_region", "session__prefecture__region_id"
    ).distinct():
        tallies[Indicator.BENEFICIARIES].add(natural=natural, region_id=region_id, person=("u", user_id))
    for user_id, natural, region_id in (
        Attendance.objects.filter(status__in=ATTENDED)
        .values_list(
            "participant__user_id",
            "participant__session__prefecture__natural_region",
            "participant__session__prefecture__region_id",
        )
        .distinct()
    ):
        tallies[Indicator.TRAINED].add(natural=natural, region_id=region_id, person=("u", user_id))
    rows = list(
        Registrant.objects.filter(attended=True).values_list(
            "user_id",
            "email",
            "event__kind",
            "event__prefecture__natural_region",
            "event__prefecture__region_id",
            "country",
        )
    )
    accounts = _registrant_identities(rows)
    by_country: dict[str, set] = defaultdict(set)
    for user_id, email, kind, natural, region_id, country in rows:
        user_id = user_id or accounts.get(email.casefold())
        person = ("u", user_id) if user_id else ("e", email.casefold())
        tallies[Indicator.BENEFICIARIES].add(natural=natural, region_id=region_id, person=person)
        if kind == Event.Kind.WEBINAR:
            tallies[Indicator.WEBINAR_PARTICIPANTS].add(natural=natural, region_id=region_id, person=person)
            by_country[country].add(person)
    event_counts = (
        HeadCount.objects.filter(event__isnull=False)
        .values("event__kind", "event__prefecture__natural_region", "event__prefecture__region_id")
        .annotate(total=Sum("count"))
    )
    for row in event_counts:
        place = {"natural": row["event__prefecture__natural_region"], "region_id": row["event__prefecture__region_id"]}
        if row["event__kind"] == Event.Kind.COMMUNITY_DIALOGUE:
            tallies[Indicator.REACHED].add(**place, number=row["total"])
            continue
        tallies[Indicator.BENEFICIARIES].add(**place, number=row["total"])
        if row["event__kind"] == Event.Kind.WEBINAR:
            tallies[Indicator.WEBINAR_PARTICIPANTS].add(**place, number=row["total"])
    log_counts = (
        HeadCount.objects.filter(log__status=OutreachLog.Status.VALIDATED)
        .values("log__prefecture__natural_region", "log__prefecture__region_id")
        .annotate(total=Sum("count"))
    )
    for row in log_counts:
        tallies[Indicator.REACHED].add(
            natural=row["log__prefecture__natural_region"],
            region_id=row["log__prefecture__region_id"],
            number=row["total"],
        )
    workshops = (
        Event.objects.filter(kind__in=WORKSHOP_KINDS, start_date__lte=timezone.localdate())
        .values("prefecture__natural_region", "prefecture__region_id")
        .annotate(total=Count("pk"))
    )
    for row in workshops:
        tallies[Indicator.WORKSHOPS].add(
            natural=row["prefecture__natural_region"], region_id=row["prefecture__region_id"], number=row["total"]
        )
    return tallies, by_country


def _targets() -> dict[tuple[str, str], int]:
    found = {}
    for target in IndicatorTarget.objects.all():
        if target.administrative_region_id:
            scope = f"a:{target.administrative_region_id}"
        elif target.natural_region:
            scope = f"n:{target.natural_region}"
        else:
            scope = ""
        found[(target.indicator, scope)] = target.value
    return found


def _beside_total(everyone: set, people: dict[str, set], numbers: dict[str, int], unlisted: int) -> set[str]:
    """The keys of a breakdown shown beside the national figure whose row shows no number
    (lms.disclosure): the small rows, then the smallest others while the national figure minus the
    shown rows would give 1 to 4 people. `everyone`: the national figure's people; `people` and
    `numbers`: each row's people and anonymous number; `unlisted`: anonymous numbers on no row. A
    person on two rows counts once nationally, so what is left is counted on the people themselves."""

    def left(hidden: set[str]) -> int:
        shown = set().union(*(group for key, group in people.items() if key not in hidden))
        return len(everyone - shown) + unlisted + sum(numbers[key] for key in hidden)

    sizes = {key: len(people[key]) + numbers[key] for key in people}
    return suppressed_rows(sizes, min_group=SMALL_GROUP, left=left)


def programme_dashboard() -> Dashboard:
    """Every indicator, nationally, per natural and per administrative region; suppressed as above."""
    tallies, by_country = indicator_tallies()
    targets = _targets()
    natural_regions = [*NaturalRegion.choices, (ABROAD, _("Abroad or online"))]
    administrative_regions = [
        *((str(region.pk), region.name) for region in AdministrativeRegion.objects.order_by("name")),
        (ABROAD, _("Abroad or online")),
    ]

    def figure(indicator: str, scope: str, hidden: bool = False) -> Figure:
        total = tallies[indicator].total(scope)
        achieved = suppressed(total) if indicator in PEOPLE_INDICATORS else total
        return Figure(achieved=None if hidden else achieved, target=targets.get((indicator, scope)))

    def rows(indicator: str, prefix: str, regions) -> list[RegionRow]:
        hidden: set[str] = set()
        if indicator in PEOPLE_INDICATORS:
            # Secondary suppression: the national figure is shown beside these rows.
            tally = tallies[indicator]
            hidden = _beside_total(
                tally.people.get("", set()),
                {key: tally.people.get(f"{prefix}:{key}", set()) for key, _label in regions},
                {key: tally.numbers.get(f"{prefix}:{key}", 0) for key, _label in regions},
                0,  # every anonymous number has a row: its region's, or abroad's
            )
        found = []
        for key, label in regions:
            scope = f"{prefix}:{key}"
            row = RegionRow(key=key, label=str(label), figure=figure(indicator, scope, key in hidden))
            # The abroad/online row only when something happened there or a target says so.
            if key != ABROAD or tallies[indicator].total(scope) or row.figure.target:
                found.append(row)
        return found

    indicators = [
        IndicatorView(
            indicator=code,
            label=str(label),
            people=code in PEOPLE_INDICATORS,
            national=figure(code, ""),
            natural=rows(code, "n", natural_regions),
            administrative=rows(code, "a", administrative_regions),
        )
        for code, label in Indicator.choices
    ]
    webinar = tallies[Indicator.WEBINAR_PARTICIPANTS]
    hidden_countries = _beside_total(
        webinar.people.get("", set()),
        by_country,
        dict.fromkeys(by_country, 0),
        webinar.numbers.get("", 0),  # webinars' anonymous counts have no country
    )
    webinar_by_country = sorted(
        (str(countries.name(code) or code), None if code in hidden_countries else len(people))
        for code, people in by_country.items()
    )
    return Dashboard(indicators=indicators, webinar_by_country=webinar_by_country)


def region_dashboard(regions: list) -> Dashboard:
    """A coordinator's dashboard: each indicator in their administrative region(s) (lms.AdministrativeRegion)
    only, a person counted once across them. No national figure is shown beside it, so small groups are
    suppressed as everywhere but no further row needs hiding; with several regions, the headline is
    hidden when a region's figure is (it would give that region's by subtraction)."""
    tallies, _by_country = indicator_tallies()
    targets = _targets()

    def figure(code: str, scopes: list[str]) -> Figure:
        tally = tallies[code]
        people = set().union(*(tally.people.get(scope, set()) for scope in scopes))
        total = len(people) + sum(tally.numbers.get(scope, 0) for scope in scopes)
        target = targets.get((code, scopes[0])) if len(scopes) == 1 else None
        return Figure(achieved=suppressed(total) if code in PEOPLE_INDICATORS else total, target=target)

    indicators = []
    for code, label in Indicator.choices:
        rows = [RegionRow(str(region.pk), region.name, figure(code, [f"a:{region.pk}"])) for region in regions]
        headline = figure(code, [f"a:{region.pk}" for region in regions])
        if any(row.figure.achieved is None for row in rows):
            headline = Figure(achieved=None, target=headline.target)
        people = code in PEOPLE_INDICATORS
        indicators.append(IndicatorView(code, str(label), people, headline, natural=[], administrative=rows))
    return Dashboard(indicators=indicators, webinar_by_country=[])


def programme_counters() -> list[tuple[str, int]]:
    """training.hooks.PROGRAMME_COUNTER: the outreach totals on the sessions' dashboard."""
    dashboard = programme_dashboard()
    found = []
    for code in (Indicator.REACHED, Indicator.WORKSHOPS, Indicator.WEBINAR_PARTICIPANTS):
        view = dashboard.indicator(code)
        if view.national.achieved is not None:
            found.append((view.label, view.national.achieved))
    return found
