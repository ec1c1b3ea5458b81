"""Direct beneficiaries by sex and by age band, for the programme indicators page (issue 21, section 2).

The same people as the "Direct beneficiaries" indicator (dashboard.indicator_tallies): trainees on a session
roster and registrants who attended an event count with the sex and age band they declared on their
account (lms.User; a registrant without an account, or a person who did not say, is "not stated"),
and the anonymous counts of events other than dialogues with the sex and age band of their cells
(HeadCount). Each breakdown has a "not stated" row, so its rows add up to the national figure, which
is shown beside them: rows of 1 to 4 are hidden, then further rows while the hidden ones add up to 1
to 4 (lms.disclosure, as on the rest of the page).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Sum
from django.utils.translation import gettext as _

from events.dashboard import indicator_tallies
from events.models import Event, HeadCount, Indicator
from lms.demographics import AgeBand, Sex
from lms.disclosure import suppressed_rows
from training.programme import SMALL_GROUP

NOT_STATED = ""


@dataclass(frozen=True)
class Breakdown:
    dimension: str  # "sex" or "age_band"
    title: str
    rows: list[tuple[str, str, int | None]]  # (value, label, count or None when hidden)
    total: int


def _counts() -> dict[str, Counter]:
    """{dimension: Counter(value → people)} over the direct beneficiaries, nationally."""
    tally = indicator_tallies()[0][Indicator.BENEFICIARIES]
    people = tally.people.get("", set())
    # Only the accounts that declared something (no list of ids in the query, however many people).
    answered = get_user_model().objects.exclude(sex="", age_band="").values_list("pk", "sex", "age_band")
    declared = {pk: (sex, age_band) for pk, sex, age_band in answered}
    counts: dict[str, Counter] = {"sex": Counter(), "age_band": Counter()}
    for kind, identity in people:
        sex, age_band = declared.get(identity, (NOT_STATED, NOT_STATED)) if kind == "u" else (NOT_STATED, NOT_STATED)
        counts["sex"][sex or NOT_STATED] += 1
        counts["age_band"][age_band or NOT_STATED] += 1
    cells = (
        HeadCount.objects.filter(event__isnull=False)
        .exclude(event__kind=Event.Kind.COMMUNITY_DIALOGUE)
        .values("sex", "age_band")
        .annotate(total=Sum("count"))
    )
    for cell in cells:
        counts["sex"][cell["sex"]] += cell["total"]
        counts["age_band"][cell["age_band"]] += cell["total"]
    return counts


def beneficiaries_by_sex_and_age() -> list[Breakdown]:
    """The two breakdowns, each with its rows in the choices' order and "not stated" last."""
    counts = _counts()
    found = []
    for dimension, title, choices in (
        ("sex", _("Direct beneficiaries by sex"), Sex.choices),
        ("age_band", _("Direct beneficiaries by age band"), AgeBand.choices),
    ):
        values = [*choices, (NOT_STATED, _("Not stated"))]
        sizes = {value: counts[dimension].get(value, 0) for value, _label in values}
        hidden = suppressed_rows(sizes, min_group=SMALL_GROUP)
        total = sum(sizes.values())
        rows = [(value, str(label), None if value in hidden else sizes[value]) for value, label in values]
        found.append(Breakdown(dimension, str(title), rows, total))
    return found
