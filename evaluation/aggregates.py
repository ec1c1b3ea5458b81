"""The report page's data, aggregated by the database: counts, never a row per trainee or response.

Every statistic the page shows is an exact function of a few histograms (docs/analytics.md):
- the matched pairs' (pre score, pre maximum, post score, post maximum) counts, per module and pair
  of forms, and per value of each breakdown (natural region, region, audience, session);
- per form and item, the counts of (mark, attempt total), and per form the counts of attempt
  totals (an unanswered item counts 0: its count is the form's total minus the answered ones);
- per module, pair of forms and item, the counts of (pre mark, post mark) over matched trainees.

One statement computes them all (a tagged UNION ALL over shared CTEs, so the matching runs once),
plus the two small queries for the forms' items and the questions: three queries whatever the
number of trainees or filters. Matching is matching.py's, the one definition (the exports' pairs
come from the same SQL).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import connections

from assessments.models import Attempt, Response, Test
from evaluation import bitmarks, disaggregation
from evaluation.filters import ReportFilters, session_code
from evaluation.matching import attempts_sql, matching_sql, synthetic_flag

# The breakdowns counted by the database (Pair attributes of the same names).
DIMENSIONS = ("natural_region", "region", "audience", "session", *disaggregation.DIMENSIONS)


@dataclass(frozen=True)
class PairCounts:
    """The matched pairs as histograms.

    `scores` lists (course_id, pre form, post form, pre score, pre maximum, post score, post
    maximum, pairs, synthetic pairs); `groups[dimension]` lists (value or "", pre score, pre
    maximum, post score, post maximum, pairs).
    """

    scores: list[tuple[int, int, int, float, float, float, float, int, int]]
    groups: dict[str, list[tuple[str, float, float, float, float, int]]]


# The columns the page's statement reads beyond matching's ({CTE column: Attempt field}).
_COLUMNS = {
    "mode": "mode",
    "natural_region": "user__prefecture__natural_region",
    "region": "user__prefecture__region__name",
    "audience": "user__audience",
    **disaggregation.COLUMNS,
}


def _attempts_sql(filters: ReportFilters, connection) -> tuple[str, list]:
    """The counting attempts in scope with what matching and breakdowns need, as the ORM writes it."""
    return attempts_sql(filters, connection, _COLUMNS, synthetic=synthetic_flag(), session=session_code())


def _statement(attempts: str, questions: int) -> str:
    """The one aggregate statement (tables from the models; every value is a parameter or a constant)."""
    quote = connections["default"].ops.quote_name
    response = quote(Response._meta.db_table)
    mapping = ", ".join(["(%s, %s, %s)"] * questions)
    pre, post, paper = Test.Kind.PRE.value, Test.Kind.POST.value, Attempt.Mode.PAPER.value
    dimensions = "".join(
        f"""
UNION ALL
SELECT '{name}', NULL, NULL, NULL, {name}, pre_score, pre_max, post_score, post_max, COUNT(*), 0
FROM p GROUP BY {name}, pre_score, pre_max, post_score, post_max"""  # noqa: S608 - names from DIMENSIONS
        for name in DIMENSIONS
    )
    return f"""{matching_sql(attempts, (*_COLUMNS, "synthetic", "session"))},
p AS (
  SELECT user_id, course_id, pre_form, post_form,
    MAX(CASE WHEN kind = '{pre}' THEN score END) AS pre_score,
    MAX(CASE WHEN kind = '{pre}' THEN max_score END) AS pre_max,
    MAX(CASE WHEN kind = '{post}' THEN score END) AS post_score,
    MAX(CASE WHEN kind = '{post}' THEN max_score END) AS post_max,
    MAX(natural_region) AS natural_region, MAX(region) AS region, MAX(audience) AS audience,
    MAX(session) AS session, MAX(synthetic) AS synthetic, MAX(sex) AS sex, MAX(age_band) AS age_band
  FROM m GROUP BY user_id, course_id, pre_form, post_form),
k (question_id, word, bit) AS (VALUES {mapping}),
x AS (
  SELECT a.attempt_id, a.score AS mark, k.word, SUM(k.bit) AS mask
  FROM {response} a JOIN k ON k.question_id = a.question_id
  WHERE a.score <> 0 AND a.attempt_id IN (SELECT id FROM b)
  GROUP BY a.attempt_id, a.score, k.word)
SELECT 'counts', (SELECT COUNT(*) FROM c WHERE sides = 1), NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  COUNT(*), COALESCE(SUM(CASE WHEN mode = '{paper}' THEN 1 ELSE 0 END), 0)
FROM b
UNION ALL
SELECT 'scores', course_id, pre_form, post_form, NULL, pre_score, pre_max, post_score, post_max,
  COUNT(*), SUM(synthetic)
FROM p GROUP BY course_id, pre_form, post_form, pre_score, pre_max, post_score, post_max{dimensions}
UNION ALL
SELECT 'marks', m.user_id, m.pre_form, m.post_form, m.kind, x.mark, x.word, NULL, NULL, x.mask, 0
FROM m LEFT JOIN x ON x.attempt_id = m.id
"""  # noqa: S608 - table names come from the models, kinds from code constants


def matched_counts(*, filters: ReportFilters):
    """The page's MatchedData with no pair in it: histograms (PairCounts, ItemCounts) instead.

    Three queries whatever the number of trainees or filters. Statistics from these counts equal
    those of tests/evaluation/oracle.py, which matches in Python and works per trainee (tests
    compare the two to 1e-9).
    """
    from evaluation.selectors import ItemCounts, MatchedData, forms_and_questions

    attempts = Attempt.objects.counting().filter(filters.attempt_condition())
    forms, questions, versions = forms_and_questions(attempts)
    plan = bitmarks.layout(forms, versions)
    connection = connections[Attempt.objects.db]
    attempts_sql, params = _attempts_sql(filters, connection)
    mapping = plan.questions or [(0, 0, 0)]  # no question: a row no response joins
    with connection.cursor() as cursor:
        cursor.execute(_statement(attempts_sql, len(mapping)), [*params, *(v for row in mapping for v in row)])
        rows = cursor.fetchall()

    n_finished = n_paper = n_unmatched = 0
    scores, groups, marks = [], defaultdict(list), []
    for tag, k1, k2, k3, label, v1, v2, v3, v4, n, n2 in rows:
        if tag == "marks":
            marks.append((k1, k2, k3, label, v1, v2, n))
        elif tag == "counts":
            n_unmatched, n_finished, n_paper = k1 or 0, n, n2
        elif tag == "scores":
            scores.append((k1, k2, k3, v1, v2, v3, v4, n, n2 or 0))
        else:
            groups[tag].append((label or "", v1, v2, v3, v4, n))
    n_pairs = sum(row[7] for row in scores)
    masks = bitmarks.attempt_masks(marks, forms, plan)
    return MatchedData(
        pairs=[],
        n_unmatched=n_unmatched,
        n_excluded=n_finished - 2 * n_pairs - n_unmatched,
        n_paper_attempts=n_paper,
        n_synthetic=sum(row[8] for row in scores),
        forms=forms,
        questions=questions,
        item_counts=ItemCounts(
            forms=bitmarks.form_counts(masks, forms, plan),
            pairs=bitmarks.pair_counts(masks, forms, plan, scores),
        ),
        pair_counts=PairCounts(scores=scores, groups={name: groups[name] for name in DIMENSIONS}),
        versions=versions,
    )
