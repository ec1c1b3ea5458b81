"""The report document's follow-up part (issue 21, section 1): the page's "Follow-up: did it last?"
figures per module (retention.retention_report), in the page's words and number formats, withheld
where the page withholds them."""

from __future__ import annotations

from django.utils.translation import gettext as _
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from evaluation.disclosure import MIN_GROUP
from evaluation.templatetags.evaluation_tags import fraction_percent, number, pvalue
from lms import pdf


def _paired(summary) -> str:
    return (
        f"{number(summary.mean_diff)} {_('pp')}; t({summary.df if summary.df is not None else '—'}) = "
        f"{number(summary.t, 2)}, p {pvalue(summary.p_value)}; {_('Wilcoxon')} p {pvalue(summary.wilcoxon_p)}"
    )


def module_rows(module) -> list[list[str]]:
    """(label, value) rows of one module's follow-up, as the page shows them."""
    rows = [[_("Matched trainees"), str(module.n_matched)]]
    if module.withheld:
        note = _(
            "Not shown: fewer than %(min_group)s trainees took the follow-up test, or fewer than %(min_group)s did "
            "not come back or are still waiting for it; so few people could be recognised."
        ) % {"min_group": MIN_GROUP}
        return [*rows, [_("Withheld"), note]]
    row = module.overall
    rows += [
        [_("Took the follow-up test"), str(module.n_returned)],
        [_("Did not come back (attrition)"), str(module.n_missing)],
        [_("Follow-up not open yet"), str(module.n_not_due)],
        [
            _("Mean score: pre-test → post-test → follow-up"),
            f"{number(row.mean_pre)} → {number(row.mean_post)} → {number(row.mean_followup)}",
        ],
        [_("Retention since the pre-test (follow-up − pre, pp)"), _paired(row.since_pre)],
        [_("Change since the post-test (follow-up − post, pp)"), _paired(row.since_post)],
        [_("Share of the gain kept"), fraction_percent(row.gain_kept)],
        [
            _("Friedman test across the three (repeated measures)"),
            f"χ²({row.friedman.df}) = {number(row.friedman.chi2, 2)}, p {pvalue(row.friedman.p_value)}",
        ],
    ]
    if module.attrition is not None:
        a = module.attrition
        came_back = f"{number(a.mean1)} / {number(a.mean2) if a.n2 else '—'}"
        rows.append([_("Mean post-test score: came back / did not"), came_back])
    return rows


def followup_story(modules: list, styles: dict, table) -> list:
    """The part's flowables ([] when no module in scope has a follow-up test); `table` draws a table
    as the rest of the document does."""
    if not modules:
        return []
    story: list = [Paragraph(pdf.text(_("Follow-up: did it last?")), styles["subtitle"])]
    for module in modules:
        story += [
            Paragraph(pdf.text(module.title), styles["question"]),
            table(module_rows(module), styles, [100 * mm, 80 * mm], header=False),
            Spacer(1, 3 * mm),
        ]
    return story
