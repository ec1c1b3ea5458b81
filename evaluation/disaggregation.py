"""The report disaggregated by sex and by age band, as UN reporting asks (issue 21, section 2).

Trainees declare both on their profile (lms.User.sex, age_band; optional, empty = not stated). Each
is one more breakdown of the report, computed by the database like the others (aggregates.DIMENSIONS),
checked by the same disclosure rule (disclosure.disclosure_check: a row is shown only for 5 trainees
or more, and never when it differs from a wider selection by 1 to 4) and suppressed like the others
(report.group_rows_from_counts). Sex and age band are also filters (filters.FILTER_SPECS), so the
rule that no filtered population under 5 is shown applies to them as to every filter.

This module holds what is particular to the two: their names, the columns they are read from, their
labels, and the rows the page shows for each group (every figure of the headline, not only the gain).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from lms.demographics import AgeBand, Sex

# The breakdowns, in the order the page shows them (Pair attributes and aggregates' CTE columns).
DIMENSIONS = ("sex", "age_band")
# {CTE column: Attempt field} for aggregates' statement and the disclosure check.
COLUMNS = {"sex": "user__sex", "age_band": "user__age_band"}


def labels() -> dict:
    """{dimension: value → label}: a code by its label, "" (not declared) as "Not stated"."""

    def label(choices):
        names = dict(choices)
        return lambda value: str(names.get(value, value)) if value else _("Not stated")

    return {"sex": label(Sex.choices), "age_band": label(AgeBand.choices)}


def filter_choices() -> dict[str, list]:
    return {"sex": list(Sex.choices), "age_band": list(AgeBand.choices)}


def filter_labels() -> list[tuple[str, str]]:
    return [("sex", _("Sex")), ("age_band", _("Age band"))]


def title(dimension: str) -> str:
    return {"sex": _("By sex"), "age_band": _("By age band")}[dimension]


@dataclass(frozen=True)
class Table:
    dimension: str
    title: str
    rows: list  # (report.GroupRow, share improved in % or None)


def tables(report) -> list[Table]:
    """The sex and age band breakdowns of an EvaluationReport, for the page's section."""
    return [
        Table(d, title(d), [(row, improved_share(row)) for row in report.breakdowns[d]])
        for d in DIMENSIONS
        if d in report.breakdowns
    ]


def improved_share(row) -> float | None:
    """The share of a group's trainees whose score rose (%), None for a suppressed row."""
    if row.suppressed or row.summary is None or not row.n:
        return None
    return 100 * row.summary.n_improved / row.n
