"""Median server time of a lesson page beside a plain Wagtail page with the same text.

Usage: .venv/bin/python bench/lesson_page.py [--repeat 200]
Prints: queries and median milliseconds for each, and the ratio lesson / plain (target ≤ 1.5).
"""

import argparse

from _setup import QueryCounter, bench_row, load_average, median, setup, timed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--lessons", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="Print where a lesson request spends its time.")
    args = parser.parse_args()
    setup()

    from django.test import Client
    from wagtail.models import Page, Site

    from courses import services
    from courses.demo import first_lesson_text
    from lms.models import HomePage
    from tests.factories import UserFactory, course_tree

    course, lessons = course_tree(lessons=args.lessons)
    lesson = lessons[1]
    # Real lesson text from the demo module, identical on both pages.
    text = first_lesson_text("fr")
    lesson.body = [("rich_text", text)]
    lesson.save_revision().publish()

    # The baseline: a Wagtail page with the same text, served by Wagtail's default serve and a
    # template as simple as ours, on its own site so that it is routed the standard way.
    plain = HomePage(title=lesson.title, slug="plain", body=text)
    Page.get_first_root_node().add_child(instance=plain)
    plain.save_revision().publish()
    Site.objects.create(hostname="plain.test", port=80, root_page=plain, site_name="plain")

    user = UserFactory()
    services.enrolment_create(user=user, course=course)
    trainee = Client()
    trainee.force_login(user)

    def lesson_get():
        assert trainee.get(lesson.url).status_code == 200

    def plain_get():
        # The same logged-in trainee, so that sessions and authentication cost the same on both.
        assert trainee.get("/fr/", HTTP_HOST="plain.test").status_code == 200

    for warm in (lesson_get, plain_get):
        warm()
    with QueryCounter() as lesson_queries:
        lesson_get()
    with QueryCounter() as plain_queries:
        plain_get()
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(lambda: [lesson_get() for _ in range(50)])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        return
    # Interleave the runs so that both see the same machine state.
    lesson_times, plain_times = [], []
    for _ in range(args.repeat):
        lesson_times += timed(lesson_get, repeat=1)
        plain_times += timed(plain_get, repeat=1)
    lesson_ms, plain_ms = median(lesson_times), median(plain_times)
    print(f"lesson page ({args.lessons} lessons): {lesson_queries.count} queries, median {lesson_ms:.2f} ms")
    print(f"plain Wagtail page, same text:  {plain_queries.count} queries, median {plain_ms:.2f} ms")
    print(f"ratio lesson / plain: {lesson_ms / plain_ms:.2f}x (target <= 1.5x); load average {load_average()}")
    bench_row(f"lesson page ({args.lessons} lessons) ÷ plain Wagtail page", lesson_ms, plain_ms, target=1.5, unit="ms")


if __name__ == "__main__":
    main()
