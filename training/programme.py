"""The programme's figures for administrators and evaluators: counts only, never names.

Everything is aggregated in SQL. Counts of people under SMALL_GROUP are shown as "fewer than 5" so
that a small group cannot be singled out; in a breakdown shown beside its total, further rows are
hidden so that the total minus the shown rows never gives 1 to 4 people (lms.disclosure).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lms.disclosure import suppressed_rows
from lms.models import Audience
from training.models import Attendance, Participant, ProgrammeTarget, TrainingSession

SMALL_GROUP = 5


# The name and definition each measure shows on the training figures page. "Direct beneficiaries" is
# the programme's indicator (events.dashboard, which also counts events): here it is only the part
# that training rosters give, so it is named for what it counts.
MEASURES: dict[str, tuple[Promise, Promise]] = {
    ProgrammeTarget.Measure.PARTICIPANTS: (
        _("Participants trained"),
        _("Distinct people who attended at least one day of a training session."),
    ),
    ProgrammeTarget.Measure.BENEFICIARIES: (
        _("People on a training roster"),
        _(
            "Distinct people on the roster of at least one training session, whether they came or not. Only "
            "part of the direct beneficiaries: the programme's indicator also counts the people at events."
        ),
    ),
    ProgrammeTarget.Measure.SESSIONS: (_("Sessions held"), _("Training sessions recorded, in every mode.")),
    ProgrammeTarget.Measure.REGIONS: (
        _("Regions reached"),
        _("Administrative regions where at least one training session was held."),
    ),
}


@dataclass(frozen=True)
class Target:
    label: str
    target: int
    achieved: int
    definition: str = ""

    @property
    def percent(self) -> int:
        return round(100 * self.achieved / self.target) if self.target else 0


@dataclass(frozen=True)
class ProgrammeFigures:
    sessions: int
    sessions_by_region_and_mode: list[tuple[str, str, int]]  # (region, mode label, count)
    participants: int  # distinct people on any roster
    trained: int  # distinct people who attended at least one day
    by_audience: list[tuple[str, int | None]]  # None: fewer than SMALL_GROUP
    attendance_percent: float | None  # attended marks / all marks
    tests_taken: dict[str, int]  # {"pre": n, "post": n}, counting attempts of participants
    regions: int
    targets: list[Target]


def suppressed(count: int) -> int | None:
    """None for a group of 1 to SMALL_GROUP - 1 people (it could single someone out); the count
    otherwise. Every programme page and export of counts of people uses it."""
    return None if 0 < count < SMALL_GROUP else count


def programme_figures(regions: list[int] | None = None) -> ProgrammeFigures:
    """The programme's figures; with `regions` (a coordinator's), those of the sessions held there only,
    and no targets (they are the whole programme's)."""
    from assessments.models import Attempt

    sessions_qs = TrainingSession.objects.all()
    participants_qs = Participant.objects.all()
    attendance_qs = Attendance.objects.all()
    # One filter() call, so that the module and the region are those of the same participation (two calls
    # would join the participations twice: a test of region B's module would count in region A).
    in_regions = {} if regions is None else {"user__participations__session__prefecture__region_id__in": regions}
    attempts_qs = Attempt.objects.counting().filter(
        test__course_id=F("user__participations__session__courses__id"), **in_regions
    )
    if regions is not None:
        sessions_qs = sessions_qs.filter(prefecture__region_id__in=regions)
        participants_qs = participants_qs.filter(session__prefecture__region_id__in=regions)
        attendance_qs = attendance_qs.filter(participant__session__prefecture__region_id__in=regions)
    modes = dict(TrainingSession.Mode.choices)
    by_region = [
        (row["prefecture__region__name"], str(modes[row["mode"]]), row["count"])
        for row in sessions_qs.values("prefecture__region__name", "mode")
        .annotate(count=Count("pk"))
        .order_by("prefecture__region__name", "mode")
    ]
    participants = participants_qs.values("user_id").distinct().count()
    attended = Q(status__in=[Attendance.Status.PRESENT, Attendance.Status.LATE])
    trained = attendance_qs.filter(attended).values("participant__user_id").distinct().count()
    audience_counts = dict(
        participants_qs.values("user__audience")
        .annotate(count=Count("user_id", distinct=True))
        .values_list("user__audience", "count")
    )
    # Secondary suppression: "Participants on a roster" is shown exactly beside these rows, so the
    # hidden rows (with the people who gave no audience, on no row) must not add up to 1 to 4.
    sizes = {code: audience_counts.get(code, 0) for code, _label in Audience.choices}
    hidden = suppressed_rows(sizes, min_group=SMALL_GROUP, unlisted=participants - sum(sizes.values()))
    by_audience = [(str(label), None if code in hidden else sizes[code]) for code, label in Audience.choices]
    marks = attendance_qs.aggregate(all=Count("pk"), attended=Count("pk", filter=attended))
    attendance_percent = round(100 * marks["attended"] / marks["all"], 1) if marks["all"] else None
    tests = dict(
        attempts_qs.values("test__kind").annotate(count=Count("pk", distinct=True)).values_list("test__kind", "count")
    )
    regions_reached = sessions_qs.values("prefecture__region_id").distinct().count()
    sessions = sessions_qs.count()
    achieved = {
        ProgrammeTarget.Measure.PARTICIPANTS: trained,
        ProgrammeTarget.Measure.BENEFICIARIES: participants,
        ProgrammeTarget.Measure.SESSIONS: sessions,
        ProgrammeTarget.Measure.REGIONS: regions_reached,
    }
    targets = [
        Target(
            str(MEASURES[target.measure][0]), target.value, achieved[target.measure], str(MEASURES[target.measure][1])
        )
        for target in ProgrammeTarget.objects.order_by("measure")
        if regions is None
    ]
    return ProgrammeFigures(
        sessions=sessions,
        sessions_by_region_and_mode=by_region,
        participants=participants,
        trained=trained,
        by_audience=by_audience,
        attendance_percent=attendance_percent,
        tests_taken={"pre": tests.get("pre", 0), "post": tests.get("post", 0)},
        regions=regions_reached,
        targets=targets,
    )
