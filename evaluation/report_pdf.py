"""The pre/post report as a PDF for a donor (issue 21, item 5): the page's figures for the chosen
filters, in the active language, with the charts drawn as vectors (reportlab graphics, no image),
what each statistic means, the suppression rule and the data-version stamp.

The figures come from the same report and the same number filters as the page
(presentation.report_context, evaluation_tags), so the document and the page cannot disagree.
"""

from __future__ import annotations

import statistics

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from evaluation import presentation
from evaluation.disclosure import MIN_GROUP
from evaluation.templatetags.evaluation_tags import fraction_percent, number, pvalue
from lms import pdf

PRE_COLOUR, POST_COLOUR = colors.HexColor("#9aa9b8"), colors.HexColor("#1f5f8b")
GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
    ]
)


def filters_in_words(*, filters, choices: dict) -> list[tuple[str, str]]:
    """(filter, chosen value) in words for every filter set, in the form's order."""
    chosen = []
    for _name, label, options, current in presentation.select_filters(filters=filters, choices=choices):
        if current:
            names = {str(value): str(text) for value, text in options}
            chosen.append((str(label), names.get(current, current)))
    return chosen


def _table(rows: list[list], styles: dict, widths=None, header: bool = True, spans=()) -> Table:
    """A grid of paragraphs; `spans` are the rows whose second cell spans to the end (withheld groups)."""
    cell = styles["cell"]
    data = [[Paragraph(pdf.text(value), cell) for value in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    table.setStyle(GRID if header else TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey)]))
    table.setStyle(TableStyle([("SPAN", (1, row), (-1, row)) for row in spans]))
    return table


def _headline(context: dict) -> list[list]:
    report, summary = context["report"], context["summary"]
    rows = [
        [_("Matched trainees"), str(summary.n)],
        [_("Unmatched (one test only)"), str(report.n_unmatched)],
        [_("Excluded attempts (repeats, unscorable)"), str(report.n_excluded)],
        [_("Paper attempts"), str(report.n_paper_attempts)],
    ]
    if not summary.n:
        return rows
    hake = f" ({context['hake_label']})" if context["hake_label"] else ""
    return [
        *rows,
        [_("Mean pre-test score"), f"{number(summary.mean_pre)} %"],
        [_("Mean post-test score"), f"{number(summary.mean_post)} %"],
        [_("Mean gain (percentage points)"), f"{number(summary.mean_diff)} {_('pp')}"],
        [_("Class normalised gain ⟨g⟩ (Hake)"), f"{number(summary.class_gain, 2)}{hake}"],
        [_("Trainees who improved"), f"{number(report.percent_improved, 0)} %"],
        [
            _("Reaching the pass mark, before → after"),
            f"{number(report.pass_rate_pre, 0)} % → {number(report.pass_rate_post, 0)} %",
        ],
        [_("Standard deviation, pre / post"), f"{number(summary.sd_pre)} / {number(summary.sd_post)}"],
        [
            _("Paired t-test"),
            f"t({summary.df if summary.df is not None else '—'}) = {number(summary.t, 2)}, p {pvalue(summary.p_value)}",
        ],
        [
            _("95 %% confidence interval of the mean gain (pp)") % {},
            f"{number(summary.ci95_low)} … {number(summary.ci95_high)}",
        ],
        [_("Cohen's d_z"), number(summary.cohen_dz, 2)],
        [_("Hedges' g_av"), number(summary.hedges_gav, 2)],
        [_("Wilcoxon signed-rank W, p"), f"{number(summary.wilcoxon_w)}, p {pvalue(summary.wilcoxon_p)}"],
        [_("Mean individual normalised gain"), number(summary.mean_individual_gain, 2)],
        [_("Improved / unchanged / declined"), f"{summary.n_improved} / {summary.n_unchanged} / {summary.n_declined}"],
    ]


def _withheld_cells(row, span: int) -> list[str]:
    if row.n < MIN_GROUP:
        why = _("fewer than %(min_group)s") % {"min_group": MIN_GROUP}
    else:
        why = _("not shown (it would reveal a smaller group)")
    return [row.label, why] + [""] * (span - 1)


def _breakdown_rows(rows) -> list[list]:
    table = [[_("Group"), "n", _("Pre"), _("Post"), _("Gain (pp)"), "p"]]
    for row in rows:
        if row.suppressed:
            table.append(_withheld_cells(row, 4))
        else:
            s = row.summary
            table.append(
                [row.label, str(row.n), number(s.mean_pre), number(s.mean_post), number(s.mean_diff), pvalue(s.p_value)]
            )
    return table


def _breakdown(rows, styles: dict, widths) -> Table:
    spans = [index + 1 for index, row in enumerate(rows) if row.suppressed]
    return _table(_breakdown_rows(rows), styles, widths, spans=spans)


def _breakdown_titles() -> dict[str, str]:
    return {
        "natural_region": _("By natural region"),
        "region": _("By administrative region"),
        "session": _("By session"),
        "audience": _("By audience"),
    }


def _groups(context: dict, styles: dict) -> list:
    story: list = [Paragraph(pdf.text(_("By group")), styles["subtitle"])]
    titles = _breakdown_titles()
    widths = [60 * mm] + [20 * mm] * 5
    for dimension, rows in context["report"].breakdowns.items():
        if dimension in titles:
            story += [Paragraph(pdf.text(titles[dimension]), styles["question"]), _breakdown(rows, styles, widths)]
    for table in context["disaggregated"]:
        story += [Paragraph(pdf.text(table.title), styles["question"])]
        story.append(_breakdown([row for row, _improved in table.rows], styles, widths))
    return story


def _items(context: dict, styles: dict) -> list:
    head = [
        _("Question"),
        "n",
        _("Facility before"),
        _("Facility after"),
        _("Wrong→right"),
        _("Right→wrong"),
        _("McNemar p"),
        _("Holm p"),
    ]
    rows = [head] + [
        [
            item.reference + (" ⚑" if item.ceiling else ""),
            str(item.n),
            fraction_percent(item.facility_pre),
            fraction_percent(item.facility_post),
            str(item.wrong_to_right),
            str(item.right_to_wrong),
            pvalue(item.mcnemar_p),
            pvalue(item.mcnemar_p_holm),
        ]
        for item in context["report"].items
    ]
    objectives = [[_("Learning objective"), _("Pre"), _("Post")]] + [
        [row.objective, f"{number(row.mean_pre, 0)} %", f"{number(row.mean_post, 0)} %"]
        for row in context["report"].objectives
    ]
    return [
        Paragraph(pdf.text(_("By question")), styles["subtitle"]),
        _table(rows, styles, [34 * mm] + [20 * mm] * 7),
        Paragraph(pdf.text(_("By learning objective")), styles["subtitle"]),
        _table(objectives, styles, [120 * mm, 30 * mm, 30 * mm]),
    ]


# --- Charts as vector drawings ---------------------------------------------------------------------


def _label(x, y, value, size=7, anchor="start", colour=colors.black) -> String:
    return String(x, y, str(value), fontName=pdf.FONT, fontSize=size, textAnchor=anchor, fillColor=colour)


def slope_drawing(lines, *, pre_label: str, post_label: str) -> Drawing:
    """Mean pre % → mean post % per group, the whole set first and thicker."""
    drawing = Drawing(170 * mm, 62 * mm)
    left, right, bottom, top = 20 * mm, 80 * mm, 10 * mm, 58 * mm

    def y(percent):
        return bottom + (top - bottom) * percent / 100

    for x, text in ((left, pre_label), (right, post_label)):
        drawing.add(Line(x, bottom, x, top, strokeColor=colors.grey, strokeWidth=0.5))
        drawing.add(_label(x, bottom - 8, text, anchor="middle"))
    for tick in (0, 50, 100):
        drawing.add(_label(left - 4, y(tick) - 2, tick, anchor="end"))
    placed: list[float] = []
    for index in sorted(range(len(lines)), key=lambda i: -lines[i][2]):
        label, pre, post = lines[index]
        colour = POST_COLOUR if index == 0 else PRE_COLOUR
        drawing.add(Line(left, y(pre), right, y(post), strokeColor=colour, strokeWidth=2.5 if index == 0 else 1))
        label_y = min(y(post) - 2, placed[-1] - 9) if placed else y(post) - 2
        placed.append(label_y)
        drawing.add(_label(right + 4, label_y, f"{label[:30]} {number(post, 0)} %"))
    return drawing


def gains_drawing(groups) -> Drawing:
    """Box plots of gains (percentage points, −100 … +100) per group: range, quartiles, median."""
    row = 7 * mm
    drawing = Drawing(170 * mm, row * len(groups) + 12 * mm)
    left, right = 55 * mm, 165 * mm

    def x(points):
        return left + (right - left) * (points + 100) / 200

    drawing.add(Line(x(0), 8 * mm, x(0), drawing.height, strokeColor=colors.grey, strokeWidth=0.5))
    for tick in (-100, -50, 0, 50, 100):
        drawing.add(_label(x(tick), 4 * mm, f"{tick:+d}" if tick else "0", anchor="middle"))
    for index, (label, gains) in enumerate(groups):
        middle = drawing.height - (index + 0.6) * row
        drawing.add(_label(left - 4, middle - 2, label[:34], anchor="end"))
        if len(gains) < 2:
            continue
        q1, median, q3 = statistics.quantiles(gains, n=4, method="inclusive")
        drawing.add(Line(x(min(gains)), middle, x(max(gains)), middle, strokeColor=colors.black, strokeWidth=0.5))
        drawing.add(
            Rect(x(q1), middle - 2.5 * mm, max(x(q3) - x(q1), 1), 5 * mm, fillColor=PRE_COLOUR, strokeWidth=0.5)
        )
        drawing.add(
            Line(x(median), middle - 2.5 * mm, x(median), middle + 2.5 * mm, strokeColor=POST_COLOUR, strokeWidth=2)
        )
    return drawing


def scatter_drawing(points, bins: int = 10) -> Drawing:
    """Pre % (x) against post % (y) in 10-point cells (circle area ∝ trainees), with y = x."""
    size = 60 * mm
    drawing = Drawing(170 * mm, size + 10 * mm)
    left, bottom = 20 * mm, 8 * mm
    cells: dict[tuple[int, int], int] = {}
    for pre, post in points:
        cell = (min(int(pre // (100 / bins)), bins - 1), min(int(post // (100 / bins)), bins - 1))
        cells[cell] = cells.get(cell, 0) + 1
    largest = max(cells.values(), default=1)
    drawing.add(Rect(left, bottom, size, size, fillColor=None, strokeColor=colors.grey, strokeWidth=0.5))
    drawing.add(Line(left, bottom, left + size, bottom + size, strokeColor=colors.grey, strokeDashArray=[2, 2]))
    for tick in (0, 50, 100):
        drawing.add(_label(left + size * tick / 100, bottom - 8, tick, anchor="middle"))
        drawing.add(_label(left - 4, bottom + size * tick / 100 - 2, tick, anchor="end"))
    for (i, j), count in sorted(cells.items()):
        radius = 0.6 * mm + 3.2 * mm * (count / largest) ** 0.5
        centre = (left + (i + 0.5) * size / bins, bottom + (j + 0.5) * size / bins)
        drawing.add(Circle(*centre, radius, fillColor=POST_COLOUR, fillOpacity=0.6, strokeWidth=0))
    return drawing


def items_drawing(items, *, pre_label: str, post_label: str) -> Drawing:
    """Facility before and after per question, as paired horizontal bars (0 … 100 %)."""
    row = 5 * mm
    drawing = Drawing(170 * mm, row * len(items) + 16 * mm)
    left, right = 30 * mm, 160 * mm
    top = drawing.height - 10 * mm
    for offset, (colour, text) in enumerate(((PRE_COLOUR, pre_label), (POST_COLOUR, post_label))):
        drawing.add(Rect(left + offset * 40 * mm, top + 5 * mm, 3 * mm, 2.5 * mm, fillColor=colour, strokeWidth=0))
        drawing.add(_label(left + offset * 40 * mm + 4 * mm, top + 5 * mm, text))
    for index, (reference, pre, post) in enumerate(items):
        y = top - (index + 1) * row
        drawing.add(_label(left - 2, y + 1, reference, anchor="end"))
        drawing.add(Rect(left, y + 2.3 * mm, (right - left) * (pre or 0), 2 * mm, fillColor=PRE_COLOUR, strokeWidth=0))
        drawing.add(Rect(left, y, (right - left) * (post or 0), 2 * mm, fillColor=POST_COLOUR, strokeWidth=0))
    for tick in (0, 50, 100):
        drawing.add(_label(left + (right - left) * tick / 100, 2 * mm, f"{tick} %", anchor="middle"))
    return drawing


def _charts(context: dict, styles: dict) -> list:
    report, charts = context["report"], context["charts"]
    pre_label, post_label = _("Pre-test"), _("Post-test")
    regions = [row for row in report.breakdowns["natural_region"] if not row.suppressed]
    audiences = [row for row in report.breakdowns["audience"] if not row.suppressed]
    points = [(pre, post) for pre, post, count in report.scores for _i in range(count)]
    items = [(row.reference, row.facility_pre, row.facility_post) for row in report.items]
    drawings = [
        (
            _("Mean score before and after, by natural region"),
            "slope",
            slope_drawing(context["slope_lines"], pre_label=pre_label, post_label=post_label),
        ),
        (_("Each trainee's pre-test against post-test score"), "scatter", scatter_drawing(points)),
        (
            _("Distribution of gains by natural region and audience"),
            "gains",
            gains_drawing([(row.label, row.gains) for row in regions + audiences]),
        ),
        (
            _("Facility of each question before and after"),
            "items",
            items_drawing(items, pre_label=pre_label, post_label=post_label),
        ),
    ]
    story: list = [Paragraph(pdf.text(_("Charts")), styles["subtitle"])]
    for title, key, drawing in drawings:
        story.append(
            KeepTogether(
                [
                    Paragraph(pdf.text(title), styles["question"]),
                    drawing,
                    Paragraph(pdf.text(charts[key]["description"]), styles["hint"]),
                    Spacer(1, 3 * mm),
                ]
            )
        )
    return story


# --- Definitions, rule, document --------------------------------------------------------------------


def definitions() -> list[tuple[str, str]]:
    """(statistic, what it means) for every statistic the document shows."""
    return [
        (
            _("Matched trainees"),
            _(
                "Only matched pairs count: the same trainee's first pre-test and last post-test "
                "in the same module, both finished and both within the filters."
            ),
        ),
        (
            _("Mean gain (percentage points)"),
            _("Mean of each trainee's post-test score minus pre-test score, scores in % of the maximum."),
        ),
        (
            _("Class normalised gain ⟨g⟩ (Hake)"),
            _(
                "Mean gain divided by the room left above the mean pre-test score (100 − "
                "mean pre); below 0.3 low, up to 0.7 medium, above high."
            ),
        ),
        (
            _("Paired t-test"),
            _(
                "Tests whether the mean gain differs from zero; p is the probability of a "
                "gain at least this large if the module changed nothing."
            ),
        ),
        (
            _("95 %% confidence interval of the mean gain (pp)") % {},
            _("Range that contains the true mean gain in 95 of 100 samples like this one."),
        ),
        (
            _("Cohen's d_z"),
            _(
                "Mean gain divided by the standard deviation of the gains: the size "
                "of the effect, whatever the number of trainees."
            ),
        ),
        (
            _("Hedges' g_av"),
            _("Mean gain divided by the average of the pre and post standard deviations, corrected for small samples."),
        ),
        (_("Wilcoxon signed-rank W, p"), _("Test of the gains that uses only their ranks, robust to outlying scores.")),
        (
            _("Mean individual normalised gain"),
            _("Mean over trainees of (post − pre) / (100 − pre); trainees at the maximum before are left out."),
        ),
        (_("Facility"), _("Share of the maximum mark obtained on a question.")),
        (
            _("McNemar p"),
            _(
                "McNemar's exact test compares wrong→right with right→wrong; p values "
                "are adjusted across questions with Holm's method."
            ),
        ),
    ]


def suppression_rule() -> str:
    return _(
        "Disclosure control: no figure is shown for fewer than %(min)d matched trainees, nor when fewer than "
        "%(min)d trainees set this selection apart from a wider one. Groups of fewer than %(min)d trainees are "
        "not shown, nor the next smallest group when the hidden groups would otherwise add up to fewer than %(min)d."
    ) % {"min": MIN_GROUP}


def _front(*, filters, choices: dict, version: str, styles: dict) -> list:
    chosen = filters_in_words(filters=filters, choices=choices) or [(_("Filters"), _("None: every trainee"))]
    stamp = _("Data version %(version)s, produced on %(date)s") % {
        "version": version,
        "date": date_format(timezone.localtime(), "DATETIME_FORMAT"),
    }
    return [
        Paragraph(pdf.text(_("Pre/post evaluation report")), styles["title"]),
        Spacer(1, 2 * mm),
        Paragraph(pdf.text(stamp), styles["small"]),
        Spacer(1, 3 * mm),
        Paragraph(pdf.text(_("Filters chosen")), styles["subtitle"]),
        _table([list(pair) for pair in chosen], styles, [60 * mm, 120 * mm], header=False),
        Spacer(1, 3 * mm),
    ]


def _closing(styles: dict) -> list:
    story: list = [Paragraph(pdf.text(_("Definitions")), styles["subtitle"])]
    for term, meaning in definitions():
        line = _("%(term)s: %(meaning)s") % {"term": f"<b>{pdf.text(term)}</b>", "meaning": pdf.text(meaning)}
        story.append(Paragraph(line, styles["cell"]))
    story += [
        Paragraph(pdf.text(_("Suppression rule")), styles["subtitle"]),
        Paragraph(pdf.text(suppression_rule()), styles["cell"]),
    ]
    return story


def report_pdf(
    *, report, filters, choices: dict, version: str, compress: bool = True, retention: list | None = None
) -> bytes:
    """The document for `report` (an EvaluationReport or a WithheldReport) under `filters`; `retention`:
    the page's follow-up section (retention.retention_report), after the pre/post figures."""
    from evaluation.report_pdf_followup import followup_story

    styles = pdf.styles()
    story = _front(filters=filters, choices=choices, version=version, styles=styles)
    if report.withheld:
        message = _(
            "Matched trainees: fewer than %(min_group)s for these filters, or fewer than %(min_group)s set this "
            "selection apart from a wider one. No statistic is shown, so that "
            "no one can be singled out; widen the filters."
        ) % {"min_group": MIN_GROUP}
        story += [Paragraph(pdf.text(_("Withheld")), styles["subtitle"]), Paragraph(pdf.text(message), styles["base"])]
    else:
        context = presentation.report_context(report=report)
        story += [
            Paragraph(pdf.text(_("Headline")), styles["subtitle"]),
            _table(_headline(context), styles, [100 * mm, 80 * mm], header=False),
            Spacer(1, 4 * mm),
        ]
        if context["summary"].n:
            story += _charts(context, styles) + _groups(context, styles) + _items(context, styles)
        story += followup_story(retention or [], styles, _table)
    story += _closing(styles)
    title = _("Pre/post evaluation report")
    return pdf.build(story, pagesize=A4, title=title, footer=f"{title} · {version[:12]}", compress=compress)
