"""The one definition of a matched pair, in SQL: the page, the exports and the command all read it.

A pair is one trainee's first counting pre-test attempt and last counting post-test attempt of the
same module, both scorable and meeting every filter. Counting means finished (submitted or closed at
the time limit) and not flagged: `Attempt.objects.counting()`, the one definition. Flagged attempts
never enter; other counting attempts are counted as excluded; a trainee with only one side is
unmatched. (tests/evaluation/oracle.py matches the same attempts in Python, to check this SQL.)

`matching_sql` gives the common table expressions the report's statements start with:
- `b`: the counting attempts in scope, one row each, with the columns asked for;
- `c`: per trainee, module and test the attempt that counts (the first pre, the last post) with
  `sides` (1: unmatched, 2: matched) and the pair's `pre_form` and `post_form`;
- `m`: the matched attempts (two rows per pair).
Works on PostgreSQL and SQLite (window functions, CTEs).
"""

from __future__ import annotations

from django.db.models import Case, IntegerField, Value, When

from assessments.models import Attempt, Test
from evaluation.filters import ReportFilters
from evaluation.synthetic import PREFIX as SYNTHETIC_PREFIX

# What matching itself needs of an attempt, first in `b`'s columns (Attempt fields, as values_list names).
MATCHING_FIELDS = ("id", "user_id", "test__course_id", "test__kind", "form_id", "number", "score", "max_score")
MATCHING_COLUMNS = ("id", "user_id", "course_id", "kind", "form_id", "number", "score", "max_score")


def synthetic_flag() -> Case:
    """An expression on Attempt: 1 when its trainee is a synthetic (demo or bench) account, else 0."""
    return Case(
        When(user__username__startswith=SYNTHETIC_PREFIX, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )


def attempts_sql(filters: ReportFilters, connection, columns: dict[str, str], **annotations) -> tuple[str, list]:
    """The counting attempts in scope as the ORM writes them: the matching fields, then `columns`
    ({CTE column: values_list field}), then the `annotations` ({name: expression}, last: the SQL puts
    them there and the CTE names columns by position)."""
    queryset = (
        Attempt.objects.counting()
        .filter(filters.attempt_condition())
        .annotate(**annotations)
        .order_by()
        .values_list(*MATCHING_FIELDS, *columns.values(), *annotations)
    )
    return queryset.query.get_compiler(connection=connection).as_sql()


def matching_sql(attempts: str, columns: tuple[str, ...]) -> str:
    """`WITH b (...) AS (attempts), r AS ..., c AS ..., m AS ...`: the matching, for a statement to
    go on from (module docstring). `columns` names `attempts`' columns after the matching ones."""
    pre, post = Test.Kind.PRE.value, Test.Kind.POST.value
    names = ", ".join((*MATCHING_COLUMNS, *columns))
    return f"""
WITH b ({names}) AS ({attempts}),
r AS (
  SELECT b.*, ROW_NUMBER() OVER (
    PARTITION BY user_id, course_id, kind
    ORDER BY CASE WHEN kind = '{pre}' THEN number ELSE -number END) AS rn
  FROM b WHERE max_score > 0),
c AS (
  SELECT r.*, COUNT(*) OVER (PARTITION BY user_id, course_id) AS sides,
    MAX(CASE WHEN kind = '{pre}' THEN form_id END) OVER (PARTITION BY user_id, course_id) AS pre_form,
    MAX(CASE WHEN kind = '{post}' THEN form_id END) OVER (PARTITION BY user_id, course_id) AS post_form
  FROM r WHERE rn = 1),
m AS (SELECT * FROM c WHERE sides = 2)"""  # noqa: S608 - kinds from code constants, columns from callers' literals
