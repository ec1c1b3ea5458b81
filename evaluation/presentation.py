"""What the report page shows beyond the numbers: labels, charts and their text descriptions."""

from __future__ import annotations

import dataclasses
import statistics

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from evaluation import charts, disaggregation
from evaluation.analytics import HAKE_HIGH, HAKE_LOW, HAKE_MEDIUM
from evaluation.disclosure import WithheldReport
from evaluation.filters import ReportFilters
from evaluation.report import CEILING_FACILITY, MIN_GROUP, EvaluationReport


def group_labels() -> dict:
    from lms.models import Audience, NaturalRegion

    def label(choices):
        names = dict(choices)
        return lambda value: str(names.get(value, value)) if value else _("Not stated")

    return {
        "natural_region": label(NaturalRegion.choices),
        "audience": label(Audience.choices),
        "region": lambda value: value or _("Not stated"),
        "session": lambda value: value or _("No session"),
        **disaggregation.labels(),
    }


def _hake_label(band: str | None) -> str:
    return {HAKE_LOW: _("low"), HAKE_MEDIUM: _("medium"), HAKE_HIGH: _("high")}.get(band, "")


def select_filters(*, filters: ReportFilters, choices: dict) -> list[tuple[str, str, list, str]]:
    """(name, label, choices, current value) of each drop-down filter, in the order shown."""
    labels = [
        ("course", _("Module")),
        ("form", _("Test form")),
        ("natural_region", _("Natural region")),
        ("region", _("Administrative region")),
        ("prefecture", _("Prefecture")),
        ("audience", _("Audience")),
        ("language", _("Language")),
        *disaggregation.filter_labels(),
        ("mode", _("Online or paper")),
        ("session", _("Session")),
        ("trainer", _("Trainer")),
    ]
    return [
        (name, label, choices.get(name, []), "" if filters.get(name) is None else str(filters.get(name)))
        for name, label in labels
    ]


def filter_context(*, filters: ReportFilters, choices: dict) -> dict:
    """The filter form's part of the page context."""
    return {"filters": filters, "choices": choices, "select_filters": select_filters(filters=filters, choices=choices)}


def results_html(*, report: EvaluationReport | WithheldReport) -> str:
    """The page's results (everything between the filters and the exports) as HTML.

    Depends only on the report and the active language, so the page stores it (stored.py) and a
    repeated view renders only the filters around it. A withheld report shows the count band only.
    """
    if report.withheld:
        return render_to_string("evaluation/_withheld.html", {"min_group": MIN_GROUP})
    return render_to_string("evaluation/_results.html", report_context(report=report))


def _in_language(report: EvaluationReport) -> EvaluationReport:
    """The report with its learning objectives as the questions give them in the active language."""
    from evaluation.selectors import objective_labels

    labels = objective_labels([row.objective for row in report.objectives])
    objectives = [
        dataclasses.replace(row, objective=labels.get(row.objective, row.objective)) for row in report.objectives
    ]
    return dataclasses.replace(report, objectives=objectives)


def report_context(*, report: EvaluationReport) -> dict:
    """The report's part of the page context: numbers, labels, charts (SVG) and their descriptions."""
    report = _in_language(report)
    summary = report.summary
    pre_label, post_label = _("Pre-test"), _("Post-test")
    context = {
        "report": report,
        "summary": summary,
        "hake_label": _hake_label(report.hake_band),
        "min_group": MIN_GROUP,
        "ceiling_percent": round(100 * CEILING_FACILITY),
        "charts": {},
        "disaggregated": disaggregation.tables(report),
    }
    if summary.n == 0:
        return context
    regions = [row for row in report.breakdowns["natural_region"] if not row.suppressed]
    lines = [(_("All"), summary.mean_pre, summary.mean_post)] + [
        (row.label, row.summary.mean_pre, row.summary.mean_post) for row in regions
    ]
    context["slope_lines"] = lines
    context["charts"]["slope"] = {
        "svg": charts.slope_chart(
            lines, title=_("Mean score before and after, by natural region"), pre_label=pre_label, post_label=post_label
        ),
        "description": _(
            "Mean score rose from %(pre).0f %% to %(post).0f %% for all %(n)d matched trainees; "
            "one line per natural region with at least %(min)d trainees."
        )
        % {"pre": summary.mean_pre, "post": summary.mean_post, "n": summary.n, "min": MIN_GROUP},
    }
    points = [(pre, post) for pre, post, count in report.scores for _ in range(count)]
    above = sum(count for pre, post, count in report.scores if post > pre)
    context["charts"]["scatter"] = {
        "svg": charts.scatter_chart(
            points, title=_("Each trainee's pre-test against post-test score"), x_label=pre_label, y_label=post_label
        ),
        "description": _(
            "%(above)d of %(n)d trainees lie above the diagonal (a higher score after the module); "
            "circles group trainees in 10-point cells, larger for more trainees."
        )
        % {"above": above, "n": summary.n},
    }
    audiences = [row for row in report.breakdowns["audience"] if not row.suppressed]
    gain_groups = [(row.label, row.gains) for row in regions + audiences]
    context["charts"]["gains"] = {
        "svg": charts.gain_distribution_chart(
            gain_groups,
            title=_("Distribution of gains by natural region and audience"),
            axis_label=_("Gain (percentage points)"),
        ),
        "description": _(
            "Boxes span the middle half of trainees' gains, the bar inside is the median, the line the range; "
            "groups under %(min)d trainees are not shown."
        )
        % {"min": MIN_GROUP},
        "rows": [(label, statistics.median(gains), min(gains), max(gains)) for label, gains in gain_groups if gains],
    }
    items = [(row.reference, row.facility_pre, row.facility_post) for row in report.items]
    improved = sum(1 for _ref, pre, post in items if pre is not None and post is not None and post > pre)
    context["charts"]["items"] = {
        "svg": charts.item_bars_chart(
            items, title=_("Facility of each question before and after"), pre_label=pre_label, post_label=post_label
        ),
        "description": _("%(improved)d of %(count)d questions were answered right more often after the module.")
        % {"improved": improved, "count": len(items)},
    }
    return context
