"""The evaluator's pre/post report on 5,000 trainees × 20 items × pre and post (200,000 responses).

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/lms_analytics .venv/bin/python bench/prepost_report.py
       [--trainees 5000] [--repeat 5]
Builds the data set once (a module with 20 questions, synthetic trainees; kept for the next run),
then prints median milliseconds (after one warm-up) for: the report page computed (its stored
results dropped before each request: the stamp, the database's histograms, statistics, SVG, HTML), the
page stored (the stamp and the stored report, SVG, HTML), each with its queries; the report
without HTML from the histograms and from every trainee's marks (the exports' path); the
pure-Python statistics alone on lists in memory; numpy/scipy computing the same statistics on
arrays in memory; and both ratios to numpy (targets: page < 1 s, page / numpy ≤ 3).
"""

import argparse
import os

from _setup import QueryCounter, median, setup, timed


def _build(trainees: int):
    from assessments import services
    from assessments.models import QuestionBank, Response, Test
    from evaluation import synthetic
    from tests.factories import course_tree

    test = Test.objects.filter(course__slug__startswith="module-", kind="pre").first()
    if test is not None and Response.objects.count() >= trainees * 36:
        return test.course_id
    course, _lessons = course_tree(lessons=1, title="Bench")
    bank = QuestionBank.objects.create(course=course, title="Bench")
    references = [f"B-{i:02d}" for i in range(1, 21)]
    for number, reference in enumerate(references):
        text = {"text": f"Question {reference}", "options": {"a": "A", "b": "B", "c": "C"}}
        services.question_save(
            bank=bank,
            reference=reference,
            kind="single",
            objective=f"Objectif {number % 4 + 1}",
            content={"fr": text, "en": text},
            key={"correct": "b"},
        )
    services.test_define(course=course, kind="pre", forms={"": references}, pass_mark=0)
    services.test_define(course=course, kind="post", forms={"": references}, pass_mark=70)
    synthetic.generate(course_id=course.pk, trainees=trainees)
    from django.db import connection

    if connection.vendor == "postgresql":
        # Fresh bulk-loaded tables: give the planner the statistics autovacuum would gather.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return course.pk


def _numpy_statistics(pre, post, pre_items, post_items):
    """What the report computes, with numpy/scipy on arrays already in memory."""
    import numpy as np
    from scipy import stats

    stats.ttest_rel(post, pre)
    stats.wilcoxon(post - pre, correction=True, method="approx")
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
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.utils import translation

    from assessments.models import Response
    from evaluation import presentation, stored
    from evaluation.aggregates import matched_counts
    from evaluation.analytics import item_analysis, mcnemar_exact, paired_summary
    from evaluation.filters import ReportFilters
    from evaluation.report import evaluation_report
    from evaluation.selectors import matched_data
    from lms import roles
    from tests.factories import UserFactory

    course_id = _build(args.trainees)
    filters = ReportFilters.from_query({"course": str(course_id)})
    evaluator = UserFactory(username="bench-evaluator")
    evaluator.groups.set([roles.roles_sync()[roles.EVALUATOR]])
    client = Client()
    client.force_login(evaluator)
    settings.DEBUG = False

    def page():
        assert client.get(f"/fr/evaluation/?course={course_id}").status_code == 200

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

    arrays = (np.array(pre), np.array(post), np.array(pre_items), np.array(post_items))

    def numpy_version():
        _numpy_statistics(*arrays)

    cold_queries, warm_queries = QueryCounter(), QueryCounter()
    with cold_queries:
        cold_page()
    with warm_queries:
        page()
    for warm_up in (report, report_with_marks, pure, numpy_version):  # the page warmed up above
        warm_up()
    cold_runs = []
    for _ in range(args.repeat):
        forget()
        cold_runs += timed(page, repeat=1)
    cold_ms = median(cold_runs)
    page()
    warm_ms = median(timed(page, repeat=args.repeat))
    report_ms = median(timed(report, repeat=args.repeat))
    marks_ms = median(timed(report_with_marks, repeat=args.repeat))
    pure_ms = median(timed(pure, repeat=args.repeat))
    numpy_ms = median(timed(numpy_version, repeat=args.repeat))
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"database: {connection.vendor}; responses: {Response.objects.count()}; matched pairs: {len(pairs)}")
    print(f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}")
    print(f"medians of {args.repeat} runs after one warm-up; load average (1, 5, 15 min): {load}")
    print(f"report page, computed (not stored): {cold_ms:.0f} ms, {cold_queries.count} queries (target < 1000 ms)")
    print(f"report page, stored (data unchanged): {warm_ms:.1f} ms, {warm_queries.count} queries")
    print(
        f"statistics from SQL histograms, no HTML: {report_ms:.0f} ms (from every trainee's marks: {marks_ms:.0f} ms)"
    )
    print(f"pure-Python statistics in memory: {pure_ms:.1f} ms")
    print(f"numpy/scipy, same statistics:     {numpy_ms:.1f} ms")
    print(
        f"ratio page / numpy: computed {cold_ms / numpy_ms:.1f}x, stored {warm_ms / numpy_ms:.1f}x (target <= 3x); "
        f"statistics pure / numpy: {pure_ms / numpy_ms:.1f}x"
    )


if __name__ == "__main__":
    main()
