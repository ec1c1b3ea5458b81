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

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db import connections

from assessments.models import Attempt, Question, Response, Test, TestItem
from evaluation import disaggregation
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


def _statement(attempts: str) -> str:
    """The one aggregate statement (tables from the models; every value is a parameter or a constant)."""
    quote = connections["default"].ops.quote_name
    response, question, item = (quote(m._meta.db_table) for m in (Response, Question, TestItem))
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
x AS (
  SELECT m.id AS attempt_id, m.user_id, m.course_id, m.kind, m.form_id, m.pre_form, m.post_form,
    q.reference, COALESCE(a.score, 0.0) AS mark
  FROM m
  JOIN {response} a ON a.attempt_id = m.id
  JOIN {question} q ON q.id = a.question_id
  JOIN {item} i ON i.form_id = m.form_id AND i.reference = q.reference),
t AS (SELECT attempt_id, SUM(mark) AS total FROM x GROUP BY attempt_id)
SELECT 'counts', (SELECT COUNT(*) FROM c WHERE sides = 1), NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  COUNT(*), COALESCE(SUM(CASE WHEN mode = '{paper}' THEN 1 ELSE 0 END), 0)
FROM b
UNION ALL
SELECT 'scores', course_id, pre_form, post_form, NULL, pre_score, pre_max, post_score, post_max,
  COUNT(*), SUM(synthetic)
FROM p GROUP BY course_id, pre_form, post_form, pre_score, pre_max, post_score, post_max{dimensions}
UNION ALL
SELECT 'item', x.form_id, NULL, NULL, x.reference, x.mark, t.total, NULL, NULL, COUNT(*), 0
FROM x JOIN t ON t.attempt_id = x.attempt_id GROUP BY x.form_id, x.reference, x.mark, t.total
UNION ALL
SELECT 'total', m.form_id, NULL, NULL, NULL, COALESCE(t.total, 0.0), NULL, NULL, NULL, COUNT(*), 0
FROM m LEFT JOIN t ON t.attempt_id = m.id GROUP BY m.form_id, COALESCE(t.total, 0.0)
UNION ALL
SELECT 'pair', course_id, pre_form, post_form, reference, x_pre, x_post, NULL, NULL, COUNT(*), 0
FROM (
  SELECT course_id, pre_form, post_form, reference,
    MAX(CASE WHEN kind = '{pre}' THEN mark END) AS x_pre, MAX(CASE WHEN kind = '{post}' THEN mark END) AS x_post
  FROM x GROUP BY user_id, course_id, pre_form, post_form, reference) y
GROUP BY course_id, pre_form, post_form, reference, x_pre, x_post
"""  # noqa: S608 - table names come from the models, kinds from code constants


def matched_counts(*, filters: ReportFilters):
    """The page's MatchedData with no pair in it: histograms (PairCounts, ItemCounts) instead.

    Three queries whatever the number of trainees or filters. Statistics from these counts equal
    those of tests/evaluation/oracle.py, which matches in Python and works per trainee (tests
    compare the two to 1e-9).
    """
    from evaluation.selectors import ItemCounts, MatchedData, forms_and_questions

    connection = connections[Attempt.objects.db]
    attempts_sql, params = _attempts_sql(filters, connection)
    with connection.cursor() as cursor:
        cursor.execute(_statement(attempts_sql), params)
        rows = cursor.fetchall()
    attempts = Attempt.objects.counting().filter(filters.attempt_condition())
    forms, questions, versions = forms_and_questions(attempts)

    n_finished = n_paper = n_unmatched = 0
    scores, groups = [], defaultdict(list)
    answered: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    totals: dict[int, Counter] = defaultdict(Counter)
    pair_marks: dict[tuple, list] = defaultdict(list)
    for tag, k1, k2, k3, label, v1, v2, v3, v4, n, n2 in rows:
        if tag == "counts":
            n_unmatched, n_finished, n_paper = k1 or 0, n, n2
        elif tag == "scores":
            scores.append((k1, k2, k3, v1, v2, v3, v4, n, n2 or 0))
        elif tag == "item":
            answered[k1][label].append((v1, v2, n))
        elif tag == "total":
            totals[k1][v1] += n
        elif tag == "pair":
            pair_marks[(k1, k2, k3)].append((label, v1, v2, n))
        else:
            groups[tag].append((label or "", v1, v2, v3, v4, n))
    n_pairs = sum(row[7] for row in scores)
    return MatchedData(
        pairs=[],
        n_unmatched=n_unmatched,
        n_excluded=n_finished - 2 * n_pairs - n_unmatched,
        n_paper_attempts=n_paper,
        n_synthetic=sum(row[8] for row in scores),
        forms=forms,
        questions=questions,
        item_counts=ItemCounts(
            forms=_form_counts(forms, answered, totals),
            pairs=_pair_counts(forms, scores, pair_marks),
        ),
        pair_counts=PairCounts(scores=scores, groups={name: groups[name] for name in DIMENSIONS}),
        versions=versions,
    )


def _form_counts(forms: dict, answered: dict, totals: dict) -> dict[int, dict[str, list[tuple[float, float, int]]]]:
    """(mark, total − mark, attempts) per form and item, unanswered items counted as 0."""
    result = {}
    for form_id, by_total in totals.items():
        if form_id not in forms:
            continue  # a form without items has no item statistics
        items = result[form_id] = {}
        for reference in forms[form_id].references:
            rows = answered[form_id].get(reference, [])
            missing = by_total.copy()
            for _mark, total, count in rows:
                missing[total] -= count
            items[reference] = [(mark, total - mark, count) for mark, total, count in rows] + [
                (0.0, total, count) for total, count in missing.items() if count
            ]
    return result


def _pair_counts(forms: dict, scores: list, pair_marks: dict) -> list[tuple]:
    """ItemCounts.pairs: (course, pre form, post form, reference, on pre form, pre mark, on post
    form, post mark, trainees); a mark absent on a side is 0, and trainees who answered the item on
    neither side count as (0, 0)."""
    trainees = Counter()
    for course_id, pre_form, post_form, *_scores, n, _synthetic in scores:
        trainees[(course_id, pre_form, post_form)] += n
    rows = []
    for (course_id, pre_form, post_form), n in trainees.items():
        before, after = (forms[f].references if f in forms else () for f in (pre_form, post_form))
        counted = Counter()

        def row(reference, x_pre, x_post, count, key=(course_id, pre_form, post_form), before=before, after=after):
            return (*key, reference, reference in before, x_pre or 0.0, reference in after, x_post or 0.0, count)

        for reference, x_pre, x_post, count in pair_marks.get((course_id, pre_form, post_form), ()):
            counted[reference] += count
            rows.append(row(reference, x_pre, x_post, count))
        for reference in dict.fromkeys((*before, *after)):
            if n - counted[reference]:
                rows.append(row(reference, 0.0, 0.0, n - counted[reference]))
    return rows
