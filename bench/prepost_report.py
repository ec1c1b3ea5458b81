"""The evaluator's pre/post report on 5,000 trainees × 20 items × pre and post (200,000 responses).

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/lms_analytics .venv/bin/python bench/prepost_report.py
       [--trainees 5000] [--repeat 5]
Builds the data set once (a module with 20 questions, synthetic trainees; kept for the next run). The
evaluator is a staff account with its authenticator app enrolled (staff without one are sent to TOTP
enrolment). Then, after one warm-up of each, the blocks run interleaved, one of each per round, so a
busy machine slows all of them alike:
- page computed: its stored results dropped first; the stamp, the database's histograms, statistics
  (paired summary, item analysis, McNemar, the four group breakdowns), SVG, HTML;
- page stored: the stamp and the stored report, SVG, HTML (no statistics computed);
- statistics from the histograms without HTML (what the page computes), and from every trainee's
  marks (the exports' path);
- pure-Python statistics on lists in memory;
- numpy/scipy computing the same statistics on arrays in memory, the four group breakdowns included
  (each group's paired t-test, Wilcoxon and sorted gains).
Compared like with like: the computed report (the page's SQL read of the histograms, then every
statistic, no HTML) ÷ numpy (target ≤ 3), and pure Python ÷ numpy. Printed beside them: the computed
page ÷ numpy (the page also checks disclosure, reads the filter choices and renders) and the stored
page ÷ numpy, which is a read of stored results with nothing computed (target: page < 1 s either way).
"""

import argparse
import os

from _setup import QueryCounter, bench_row, median, setup, timed


def _build(trainees: int):
    from assessments.models import Response, Test
    from tests.factories import prepost_module

    test = Test.objects.filter(course__slug__startswith="module-", kind="pre").first()
    if test is not None and Response.objects.count() >= trainees * 36:
        return test.course_id
    course = prepost_module(references=20, title="Bench", trainees=trainees)
    from django.db import connection

    if connection.vendor == "postgresql":
        # Fresh bulk-loaded tables: give the planner the statistics autovacuum would gather.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return course.pk


def _numpy_statistics(pre, post, pre_items, post_items, groups):
    """What the report computes, with numpy/scipy on arrays already in memory: the paired summary, the
    item analysis and McNemar per item, and each of the four breakdowns (`groups`: one array of group
    codes per dimension) with its own paired summary and sorted gains."""
    import numpy as np
    from scipy import stats

    stats.ttest_rel(post, pre)
    stats.wilcoxon(post - pre, correction=True, method="approx")
    for codes in groups:
        for value in np.unique(codes):
            member = codes == value
            before, after = pre[member], post[member]
            if member.sum() >= 2:
                stats.ttest_rel(after, before)
                if (after - before).any():
                    stats.wilcoxon(after - before, correction=True, method="approx")
            np.sort(after - before)
    for marks in (pre_items, post_items):
        totals = marks.sum(axis=1)
        rest = totals[:, None] - marks
        marks.mean(axis=0)
        marks.std(axis=0, ddof=1)
        for i in range(marks.shape[1]):
            np.corrcoef(marks[:, i], rest[:, i])
            np.cov(np.sort(marks[:, i]), np.sort(rest[:, i]))
        stats.skew(totals, bias=False)
        stats.kurtosis(totals, bias=False)
        marks.var(axis=0, ddof=1).sum() / totals.var(ddof=1)
    right_before, right_after = pre_items >= 1, post_items >= 1
    for i in range(pre_items.shape[1]):
        b = int((right_before[:, i] & ~right_after[:, i]).sum())
        c = int((~right_before[:, i] & right_after[:, i]).sum())
        if b + c:
            stats.binomtest(min(b, c), b + c, 0.5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trainees", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    setup()

    import numpy as np
    from allauth.mfa.models import Authenticator
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.utils import translation

    from assessments.models import Response
    from evaluation import presentation, stored
    from evaluation.aggregates import matched_counts
    from evaluation.analytics import item_analysis, mcnemar_exact, paired_summary
    from evaluation.filters import ReportFilters
    from evaluation.report import BREAKDOWNS, evaluation_report
    from evaluation.selectors import matched_data
    from lms import roles
    from tests.evaluation.oracle import group_rows
    from tests.factories import staff

    User = get_user_model()
    course_id = _build(args.trainees)
    filters = ReportFilters.from_query({"course": str(course_id)})
    evaluator, _created = User.objects.get_or_create(username="bench-evaluator")
    if not Authenticator.objects.filter(user=evaluator, type=Authenticator.Type.TOTP).exists():
        staff(evaluator, roles.EVALUATOR)  # staff reach their pages only with an authenticator app
    client = Client()
    client.force_login(evaluator)
    settings.DEBUG = False

    def page():
        response = client.get(f"/fr/evaluation/?course={course_id}")
        assert response.status_code == 200, (response.status_code, response.get("Location"))

    def forget():
        # Drop this page's stored results (not the sessions in the same cache): the next view computes.
        with translation.override("fr"):
            cache.delete(stored.cache_key(filters, stored.data_version()))

    def cold_page():
        forget()
        page()

    def report():
        # What the page computes on a miss: statistics from the database's histograms.
        evaluation_report(data=matched_counts(filters=filters), labels=presentation.group_labels())

    def report_with_marks():
        # What the exports and the command run: every trainee's item marks, the pure functions on them.
        evaluation_report(data=matched_data(filters=filters), labels=presentation.group_labels())

    data = matched_data(filters=filters)
    pairs = data.pairs
    pre = [p.pre.percent for p in pairs]
    post = [p.post.percent for p in pairs]
    references = sorted(pairs[0].pre_raw)
    pre_items = [[p.pre_raw[r] for r in references] for p in pairs]
    post_items = [[p.post_raw[r] for r in references] for p in pairs]

    def pure():
        paired_summary(pre, post)
        item_analysis(pre_items, [1] * len(references))
        item_analysis(post_items, [1] * len(references))
        for i in range(len(references)):
            b = sum(1 for a, z in zip(pre_items, post_items, strict=True) if a[i] >= 1 and z[i] < 1)
            c = sum(1 for a, z in zip(pre_items, post_items, strict=True) if a[i] < 1 and z[i] >= 1)
            mcnemar_exact(b, c)
        for dimension in BREAKDOWNS:
            group_rows(pairs, lambda p, d=dimension: getattr(p, d), str)

    groups = [np.array([getattr(p, dimension) for p in pairs]) for dimension in BREAKDOWNS]
    arrays = (np.array(pre), np.array(post), np.array(pre_items), np.array(post_items), groups)

    def numpy_version():
        _numpy_statistics(*arrays)

    cold_queries, warm_queries = QueryCounter(), QueryCounter()
    with cold_queries:
        cold_page()
    with warm_queries:
        page()
    blocks = {"cold": cold_page, "warm": page, "stamp": stored.data_version, "report": report}
    blocks |= {"marks": report_with_marks}
    blocks |= {"pure": pure, "numpy": numpy_version}
    for warm_up in blocks.values():
        warm_up()
    runs: dict[str, list[float]] = {name: [] for name in blocks}
    for _ in range(args.repeat):  # interleaved: one of each per round
        for name, block in blocks.items():
            runs[name] += timed(block, repeat=1)
    ms = {name: median(values) for name, values in runs.items()}
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"database: {connection.vendor}; responses: {Response.objects.count()}; matched pairs: {len(pairs)}")
    print(f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}")
    print(f"medians of {args.repeat} interleaved rounds after one warm-up; load average (1, 5, 15 min): {load}")
    print(f"report page, computed (not stored): {ms['cold']:.0f} ms, {cold_queries.count} queries (target < 1000 ms)")
    print(f"report page, stored (data unchanged): {ms['warm']:.1f} ms, {warm_queries.count} queries (a read)")
    print(f"data-version stamp alone (stored.data_version): {ms['stamp']:.1f} ms")
    print(
        f"computed report (SQL histograms and statistics, no HTML): {ms['report']:.0f} ms "
        f"(from every trainee's marks, the exports' path: {ms['marks']:.0f} ms)"
    )
    print(f"pure-Python statistics in memory, groups included: {ms['pure']:.1f} ms")
    print(f"numpy/scipy, same statistics, groups included:     {ms['numpy']:.1f} ms")
    computed, cold, warm = (ms[name] / ms["numpy"] for name in ("report", "cold", "warm"))
    print(
        f"computed report (its SQL read and statistics, no HTML) / numpy: {computed:.1f}x (target <= 3x); "
        f"pure / numpy: {ms['pure'] / ms['numpy']:.1f}x"
    )
    print(f"computed page / numpy: {cold:.1f}x (the page also checks disclosure, queries and renders)")
    print(f"stored page / numpy: {warm:.1f}x (a read of the stored results: nothing computed)")
    bench_row("prepost report: computed report ÷ numpy (groups incl.)", ms["report"], ms["numpy"], target=3, unit="ms")
    bench_row("prepost report: computed page ÷ numpy", ms["cold"], ms["numpy"], unit="ms")
    bench_row("prepost report: stored page (a read) ÷ numpy", ms["warm"], ms["numpy"], unit="ms")
    bench_row("prepost report: page computed (ms, < 1000)", ms["cold"], None, target_value=1000, unit="ms")
    bench_row("prepost report: data-version stamp (ms)", ms["stamp"], None, unit="ms")


if __name__ == "__main__":
    main()
