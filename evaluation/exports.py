"""Name-free exports of the matched pairs (CSV, XLSX) and the JSON the command prints.

- One row per matched trainee and module, under a pseudonym: HMAC-SHA256 of the user id and the
  module id with a random salt made for this export and then forgotten, so a pseudonym names one
  row group (person, module) of one file: a person's rows of different modules cannot be linked,
  nor rows across files. No name, username, email or phone is ever read for an export.
- Every published field that could pick a person out is a quasi-identifier: the module, the forms,
  the group fields, the test months (dates are written as YYYY-MM, never the day) and the modes.
  Rows of a module (and pair of forms) sat by fewer than MIN_GROUP trainees are left out with their
  item marks; the other fields are generalised (test months and modes first, then prefecture,
  session, administrative region, language, audience, natural region) until every row shares all of its
  quasi-identifiers with at least MIN_GROUP - 1 other rows: a value that would single out fewer than
  five people is written as "suppressed".
- A withheld report (disclosure.py: fewer than 5 trainees, or 1 to 4 apart from a wider selection)
  writes the count band only: no row, no statistic.
- Numbers are numbers, dates ISO 8601; text cells that a spreadsheet could run as a formula
  (starting with = + - @ tab or CR) are prefixed with an apostrophe.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import io
import secrets
from collections import Counter
from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _

from evaluation import disaggregation, export_followup
from evaluation.disclosure import BAND, WithheldReport
from evaluation.report import MIN_GROUP, EvaluationReport
from evaluation.selectors import Pair
from lms.csv_export import csv_bytes, neutralise

SUPPRESSED = "suppressed"
# Most specific first: generalisation drops these in this order.
GROUP_FIELDS = ["prefecture", "session", "region", "language", "audience", "natural_region", "age_band", "sex"]


def pseudonym_function() -> Callable[[int, int], str]:
    """(user id, module id) → pseudonym, keyed by a salt that lives only as long as this function.

    One pseudonym per person *and module*: a person's rows of two modules carry two unrelated
    pseudonyms, so the few who took several modules are not singled out by sharing one across rows
    (each module's rows are k-anonymous on their own, their union by person would not be).
    """
    salt = secrets.token_bytes(32)

    def pseudonym(user_id: int, course_id: int) -> str:
        return "T-" + hmac.new(salt, f"{user_id}:{course_id}".encode(), hashlib.sha256).hexdigest()[:12]

    return pseudonym


# Fields never generalised: a row whose module and forms fewer than MIN_GROUP share is left out.
FIXED_FIELDS = ["module", "pre_form", "post_form"]
# Generalised before the group fields (the breakdowns an analysis needs most), in this order.
TEST_FIELDS = ["pre_date", "post_date", "followup_date", "pre_mode", "post_mode"]
QUASI_FIELDS = [*TEST_FIELDS, *GROUP_FIELDS]


def _quasi_identifiers(pair: Pair, followup_month: str = "") -> dict[str, str]:
    return {
        **{name: getattr(pair, name) or "" for name in GROUP_FIELDS},
        # The month only: a day (or a day and a mode) would single out whoever sat the test then.
        "pre_date": (pair.pre.finished_on or "")[:7],
        "post_date": (pair.post.finished_on or "")[:7],
        "followup_date": followup_month,
        "pre_mode": pair.pre.mode or "",
        "post_mode": pair.post.mode or "",
    }


def _fixed_key(pair: Pair) -> tuple[str, ...]:
    return (str(pair.course_id), pair.pre.form_label or "", pair.post.form_label or "")


def exportable_pairs(pairs: list[Pair]) -> list[Pair]:
    """The pairs whose module and forms at least MIN_GROUP pairs share: the others are left out."""
    sizes = Counter(_fixed_key(pair) for pair in pairs)
    return [pair for pair in pairs if sizes[_fixed_key(pair)] >= MIN_GROUP]


def anonymised_rows(
    pairs: list[Pair], followup_months: dict[tuple[int, int], str] | None = None
) -> list[tuple[Pair, dict[str, str]]]:
    """The pairs an export may hold, each with its quasi-identifiers generalised (k-anonymity, k =
    MIN_GROUP): pairs whose module and forms fewer than MIN_GROUP pairs share are dropped; then the
    other fields are suppressed until every row's whole key (module, forms and QUASI_FIELDS) is
    shared by at least MIN_GROUP rows. `followup_months`: {(user id, course id): follow-up month}."""
    months = followup_months or {}
    kept = exportable_pairs(pairs)
    rows = [_quasi_identifiers(pair, months.get((pair.user_id, pair.course_id), "") if months else "") for pair in kept]
    fixed = [_fixed_key(pair) for pair in kept]

    def keys() -> list[tuple]:
        return [(*f, *row.values()) for f, row in zip(fixed, rows, strict=True)]

    for name in QUASI_FIELDS:
        counts = Counter(row[name] for row in rows)
        for row in rows:
            if counts[row[name]] < MIN_GROUP:
                row[name] = SUPPRESSED
    for name in QUASI_FIELDS:
        combinations = Counter(keys())
        small = [row for row, key in zip(rows, keys(), strict=True) if combinations[key] < MIN_GROUP]
        if not small:
            break
        for row in small:
            row[name] = SUPPRESSED
    # Still small classes: suppress every field of their rows, and, while those rows are fewer than
    # MIN_GROUP, of whole classes of the same module and forms too, smallest and most suppressed
    # first (whole classes, so none is left small; the module and forms hold MIN_GROUP rows or more).
    combinations = Counter(keys())
    for group in {f for f, key in zip(fixed, keys(), strict=True) if combinations[key] < MIN_GROUP}:
        members = [i for i, f in enumerate(fixed) if f == group]
        classes: dict[tuple, list[int]] = {}
        for i in members:
            classes.setdefault(tuple(rows[i].values()), []).append(i)
        merged = [i for key, indices in classes.items() if len(indices) < MIN_GROUP for i in indices]
        others = sorted(
            (indices for indices in classes.values() if len(indices) >= MIN_GROUP),
            key=lambda indices: (len(indices), -list(rows[indices[0]].values()).count(SUPPRESSED)),
        )
        while len(merged) < MIN_GROUP and others:
            merged += others.pop(0)
        for i in merged:
            rows[i].update(dict.fromkeys(QUASI_FIELDS, SUPPRESSED))
    return list(zip(kept, rows, strict=True))


def generalised_groups(pairs: list[Pair]) -> list[dict[str, str]]:
    """Each exportable pair's quasi-identifiers, generalised (anonymised_rows)."""
    return [row for _pair, row in anonymised_rows(pairs)]


def _references(pairs: list[Pair]) -> list[str]:
    seen: dict[str, None] = {}
    for pair in pairs:
        for reference in (*pair.pre_raw, *pair.post_raw):
            seen.setdefault(reference, None)
    return sorted(seen)


def data_table(
    report: EvaluationReport | WithheldReport, *, followup_shown: frozenset[int] | None = None
) -> tuple[list[str], list[list]]:
    """The header and rows of the trainee-level dataset (the count band alone when withheld), the
    follow-up beside the pre- and post-test (export_followup); `followup_shown`: the modules whose
    follow-up the page shows (None: every module the rule on the file's own rows allows)."""
    if report.withheld:
        return ["matched_trainees"], [[BAND]]
    pseudonym = pseudonym_function()
    kept = exportable_pairs(report.pairs)
    cells = export_followup.followup_cells(kept, shown=followup_shown)
    exported = anonymised_rows(kept, {key: cell.month for key, cell in cells.items()})
    references = _references([pair for pair, _row in exported])
    followup_references = export_followup.references(cells.values())
    header = [
        "trainee",
        "module",
        *GROUP_FIELDS,
        "pre_form",
        "post_form",
        "pre_mode",
        "post_mode",
        "pre_date",
        "post_date",
        "pre_percent",
        "post_percent",
        "gain_points",
        *export_followup.HEADER,
        *[f"pre_{r}" for r in references],
        *[f"post_{r}" for r in references],
        *[f"followup_{r}" for r in followup_references],
    ]
    rows = []
    for pair, quasi in exported:
        cell = cells.get((pair.user_id, pair.course_id), export_followup.FollowupCells())
        followup, followup_marks = export_followup.row_values(cell, pair, followup_references)
        rows.append(
            [
                pseudonym(pair.user_id, pair.course_id),
                pair.course_title,
                *[quasi[name] for name in GROUP_FIELDS],
                pair.pre.form_label,
                pair.post.form_label,
                *[quasi[name] for name in ("pre_mode", "post_mode", "pre_date", "post_date")],
                round(pair.pre.percent, 4),
                round(pair.post.percent, 4),
                round(pair.post.percent - pair.pre.percent, 4),
                followup[0],
                quasi["followup_date"],
                *followup[1:],
                *[pair.pre_raw.get(r) for r in references],
                *[pair.post_raw.get(r) for r in references],
                *followup_marks,
            ]
        )
    return header, [[neutralise(value) for value in row] for row in rows]


def codebook(report: EvaluationReport) -> list[list[str]]:
    rows = [
        [
            "trainee",
            _(
                "Pseudonym of one trainee in one module, in this file only (HMAC-SHA256 of the person and the "
                "module with a salt discarded after export): a person's rows of different modules carry "
                "different pseudonyms and cannot be linked."
            ),
        ],
        [
            "module",
            _(
                "Module title. Rows of a module (or of a pair of forms in it) sat by fewer than 5 trainees "
                "are left out, with their marks; the summary still counts them."
            ),
        ],
        ["prefecture", _("Prefecture; 'suppressed' where fewer than 5 trainees would share the published values.")],
        ["session", _("Code of the training session through which the trainee took the module; suppressed likewise.")],
        ["region", _("Administrative region; suppressed likewise.")],
        ["language", _("Preferred language (fr, en); suppressed likewise.")],
        ["audience", _("Audience group code; suppressed likewise.")],
        ["natural_region", _("Natural region code; suppressed likewise.")],
        [
            "age_band",
            _("Age band the trainee declared (under_18, 18_35, over_35; empty: not stated); suppressed likewise."),
        ],
        ["sex", _("Sex the trainee declared (female, male; empty: not stated); suppressed likewise.")],
        ["pre_form, post_form", _("Test form (A, B or empty for a single form).")],
        ["pre_mode, post_mode", _("online or paper; suppressed likewise.")],
        ["pre_date, post_date", _("Month the attempt was finished (YYYY-MM, UTC); suppressed likewise.")],
        ["pre_percent, post_percent", _("Score as a percentage of the maximum (0-100).")],
        ["gain_points", _("post_percent minus pre_percent, in percentage points.")],
        ["pre_<ref>, post_<ref>", _("Mark on question <ref> (empty when not on that form).")],
        [
            "followup_status",
            _(
                "Follow-up test: taken; missing (it opened and the trainee did not come back); not_due (not open "
                "yet); empty when the module has none; suppressed when, as on the page, fewer than 5 took it or "
                "1 to 4 are missing or not due."
            ),
        ],
        ["followup_date", _("Month the follow-up test was finished (YYYY-MM, UTC); suppressed like the other months.")],
        ["followup_percent", _("Follow-up score as a percentage of the maximum (0-100).")],
        ["retention_points", _("followup_percent minus pre_percent, in percentage points.")],
        ["followup_<ref>", _("Mark on question <ref> in the follow-up test (empty when not on that form).")],
    ]
    return [[_("column"), _("meaning")], *rows]


def _group_rows(dimension: str, group) -> list[list]:
    """One breakdown row's figures: the page's columns (every headline figure for sex and age band)."""
    name = f"{dimension}: {group.label}"
    if group.suppressed:
        return [[name, f"n < {MIN_GROUP}" if group.n < MIN_GROUP else SUPPRESSED]]
    figures = ["mean_pre", "mean_post", "mean_diff", "p_value"]
    if dimension in disaggregation.DIMENSIONS:
        figures += ["ci95_low", "ci95_high", "cohen_dz", "class_gain"]
    rows = [[f"{name} n", group.n], *[[f"{name} {f}", getattr(group.summary, f)] for f in figures]]
    if dimension in disaggregation.DIMENSIONS:
        rows.append([f"{name} percent_improved", disaggregation.improved_share(group)])
    return rows


def summary_rows(report: EvaluationReport | WithheldReport, retention: list | None = None) -> list[list]:
    """The report's figures as (statistic, value) rows; `retention`: the page's follow-up section
    (retention.retention_report), written after them."""
    rows: list[list] = [[_("statistic"), _("value")]]
    if report.withheld:
        return [*rows, ["n", BAND]]
    rows += [[name, value] for name, value in dataclasses.asdict(report.summary).items()]
    rows += [
        ["hake_band", report.hake_band or ""],
        ["n_unmatched", report.n_unmatched],
        ["n_excluded", report.n_excluded],
        ["n_paper_attempts", report.n_paper_attempts],
        ["percent_improved", report.percent_improved],
        ["pass_rate_pre", report.pass_rate_pre],
        ["pass_rate_post", report.pass_rate_post],
    ]
    for dimension, groups in report.breakdowns.items():
        for group in groups:
            rows += _group_rows(dimension, group)
    rows += export_followup.summary_rows(retention or [])
    return [[neutralise(value) for value in row] for row in rows]


def report_json(report: EvaluationReport | WithheldReport, *, filters: dict) -> dict:
    """What `prepost_report --format json` prints; the page shows the same numbers."""
    if report.withheld:
        return {"filters": filters, "withheld": True, "n": BAND}
    return {
        "filters": filters,
        "summary": dataclasses.asdict(report.summary),
        "hake_band": report.hake_band,
        "n_unmatched": report.n_unmatched,
        "n_excluded": report.n_excluded,
        "n_paper_attempts": report.n_paper_attempts,
        "percent_improved": report.percent_improved,
        "pass_rate_pre": report.pass_rate_pre,
        "pass_rate_post": report.pass_rate_post,
        "breakdowns": {
            dimension: [
                {"group": g.label, "suppressed": True}
                if g.suppressed
                else {"group": g.label, "n": g.n, "mean_diff": g.summary.mean_diff, "p_value": g.summary.p_value}
                for g in groups
            ]
            for dimension, groups in report.breakdowns.items()
        },
    }


def file_name(extension: str, *, part: str = "data") -> str:
    return f"prepost-{part}-{timezone.now():%Y%m%dT%H%M%SZ}.{extension}"


def _csv(rows) -> bytes:
    return csv_bytes(rows)


def csv_data(report: EvaluationReport, retention: list | None = None) -> bytes:
    header, rows = data_table(report, followup_shown=_shown_modules(retention))
    return _csv([header, *rows])


def csv_codebook(report: EvaluationReport, retention: list | None = None) -> bytes:
    """The codebook and the summary statistics, one after the other, in one CSV file."""
    return _csv([*codebook(report), [], *summary_rows(report, retention)])


def _shown_modules(retention: list | None) -> frozenset[int] | None:
    """The modules whose follow-up the page shows (None when the caller has not read the page's)."""
    if retention is None:
        return None
    return frozenset(module.course_id for module in retention if not module.withheld)


def xlsx(report: EvaluationReport, retention: list | None = None) -> bytes:
    """The data, the codebook and the summary, one sheet each; `retention` as for summary_rows."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    header, rows = data_table(report, followup_shown=_shown_modules(retention))
    for title, table in (
        (_("data"), [header, *rows]),
        (_("codebook"), codebook(report)),
        (_("summary"), summary_rows(report, retention)),
    ):
        sheet = workbook.create_sheet(title)
        for row in table:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
