"""Catalogue, module and lesson pages: access, content, queries and bytes."""

import gzip

import pytest
from django.test import Client

from courses import services
from courses.models import CourseIndexPage, Enrolment
from tests.factories import UserFactory, course_tree, h5p_package
from tests.weights import page_weight

pytestmark = pytest.mark.django_db


def _enrolled_client(course):
    user = UserFactory()
    services.enrolment_create(user=user, course=course)
    client = Client()
    client.force_login(user)
    return client, user


def test_catalogue_lists_modules_with_the_readers_audience_first(client):
    course_a, _ = course_tree(title="Pour la police")
    course_b, _ = course_tree(title="Pour les leaders")
    from courses.models import AudienceGroup

    course_a.audiences.set([AudienceGroup.objects.get(code="police")])
    course_a.save_revision().publish()
    course_b.audiences.set([AudienceGroup.objects.get(code="religious_leader")])
    course_b.save_revision().publish()
    client.force_login(UserFactory(audience="religious_leader"))
    html = client.get(CourseIndexPage.objects.get().url).content.decode()
    assert html.index("Pour les leaders") < html.index("Pour la police")
    filtered = client.get(CourseIndexPage.objects.get().url, {"audience": "police"}).content.decode()
    assert "Pour la police" in filtered and "Pour les leaders" not in filtered


def test_a_visitor_sees_the_module_but_must_log_in_for_lessons(client):
    course, lessons = course_tree()
    assert client.get(course.url).status_code == 200
    response = client.get(lessons[0].url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_trainee_who_is_not_enrolled_is_sent_to_the_module_page(client):
    course, lessons = course_tree()
    client.force_login(UserFactory())
    response = client.get(lessons[0].url)
    assert response.status_code == 302 and response["Location"] == course.url


def test_enrol_button_enrols_and_opens_the_first_lesson(client):
    course, lessons = course_tree()
    user = UserFactory()
    client.force_login(user)
    response = client.post(f"/fr/courses/{course.pk}/enrol/")
    assert response["Location"] == lessons[0].url
    assert Enrolment.objects.filter(user=user, course=course).count() == 1


def test_done_button_completes_and_goes_to_the_next_lesson():
    course, lessons = course_tree()
    client, _user = _enrolled_client(course)
    response = client.post(f"/fr/lessons/{lessons[0].pk}/complete/")
    assert response["Location"] == lessons[1].url
    html = client.get(course.url).content.decode()
    assert "33 % done" in html or "33 %" in html


def _tree_pks(lessons: int) -> tuple[int, list[int]]:
    course, pages = course_tree(lessons=lessons)
    return course.pk, [page.pk for page in pages]


@pytest.fixture(scope="session")
def _two_hundred_lessons_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    from tests.demo_snapshot import take_once

    return take_once(tmp_path_factory, django_db_blocker, build=lambda: _tree_pks(200))


@pytest.fixture
def two_hundred_lessons(request, settings, _two_hundred_lessons_snapshot):
    """`course_tree(lessons=200)`: built once per test process (20 s on a loaded machine) and copied
    into each test that asks (tests/demo_snapshot.py); built here when the copy cannot be used."""
    from courses.models import CoursePage, LessonPage
    from tests.demo_snapshot import restore_into_test

    if restore_into_test(request, settings, _two_hundred_lessons_snapshot):
        course_pk, lesson_pks = _two_hundred_lessons_snapshot.result
    else:
        course_pk, lesson_pks = _tree_pks(200)
    pages = LessonPage.objects.in_bulk(lesson_pks)
    return CoursePage.objects.get(pk=course_pk), [pages[pk] for pk in lesson_pks]


# The two tests on 200 lessons in one process, which alone then builds the tree.
@pytest.mark.xdist_group("two_hundred_lessons")
@pytest.mark.parametrize("size", [5, 200])
def test_lesson_page_query_count_does_not_depend_on_the_number_of_lessons(size, django_assert_max_num_queries, request):
    course, lessons = request.getfixturevalue("two_hundred_lessons") if size == 200 else course_tree(lessons=size)
    client, _user = _enrolled_client(course)
    client.get(lessons[2].url)  # warm the site cache, as a running server would be
    with django_assert_max_num_queries(11) as captured:
        response = client.get(lessons[2].url)
    assert response.status_code == 200
    # Its place, read without the other lessons: the third of `size`, between the second and the fourth.
    assert (response.context["entry_number"], response.context["lesson_total"]) == (3, size)
    assert response.context["previous_lesson"].lesson.url == lessons[1].url
    assert response.context["next_lesson"].lesson.url == lessons[3].url
    # The same number for 5 and 200 lessons: recorded so the two runs can be compared by eye.
    print(f"lesson page, {size} lessons: {len(captured)} queries")


@pytest.mark.xdist_group("two_hundred_lessons")
def test_lesson_query_count_is_identical_for_5_and_200_lessons(two_hundred_lessons):
    counts = []
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for size in (200, 5):  # 200 first: that tree is the copied one (two_hundred_lessons)
        course, lessons = two_hundred_lessons if size == 200 else course_tree(lessons=size)
        client, _user = _enrolled_client(course)
        client.get(lessons[2].url)
        with CaptureQueriesContext(connection) as captured:
            client.get(lessons[2].url)
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_the_lesson_page_counts_and_links_only_live_lessons_and_shows_completion():
    course, lessons = course_tree(lessons=5)
    lessons[2].unpublish()
    client, user = _enrolled_client(course)
    services.lesson_complete(user=user, lesson=lessons[3])
    response = client.get(lessons[3].url)
    context = response.context
    assert (context["entry_number"], context["lesson_total"]) == (3, 4)
    assert context["previous_lesson"].lesson.url == lessons[1].url
    assert context["next_lesson"].lesson.url == lessons[4].url
    assert context["entry"].completed and not context["next_lesson"].completed
    assert context["course"].url == course.url
    assert "Vous avez terminé cette leçon." in response.content.decode()
    first = client.get(lessons[0].url).context
    assert first["previous_lesson"] is None and first["entry_number"] == 1
    assert client.get(lessons[4].url).context["next_lesson"] is None


def test_lesson_page_without_h5p_fits_the_2g_budget():
    course, lessons = course_tree()
    client, _user = _enrolled_client(course)
    first, total, html = page_weight(client, lessons[1].url)
    assert first <= 14 * 1024, first
    assert total <= 100 * 1024, total
    assert "h5p-standalone" not in html


def test_lesson_page_with_h5p_loads_the_player_once_and_stays_within_budget():
    course, lessons = course_tree(h5p_package=h5p_package())
    client, _user = _enrolled_client(course)
    first, total, html = page_weight(client, lessons[0].url)
    # The player runs in the activity's sandboxed frame, not in the lesson page.
    assert "h5p-standalone" not in html and html.count('class="h5p-frame"') == 1
    assert first <= 14 * 1024, first
    frame_url = client.get(lessons[0].url).context["h5p_activities"]["act-1"]["frame_url"]
    frame_html = client.get(frame_url).content.decode()
    assert frame_html.count("h5p-standalone/main.bundle.js") == 1
    # Player, its frame script and stylesheet are fetched once: counted here with the page.
    import pathlib

    frame = pathlib.Path("node_modules/h5p-standalone/dist")
    player_extra = sum(
        len(gzip.compress((frame / name).read_bytes()))
        for name in ("main.bundle.js", "frame.bundle.js", "styles/h5p.css")
    ) + len(gzip.compress(frame_html.encode()))
    assert total + player_extra <= 100 * 1024, total + player_extra


def test_h5p_files_are_served_only_to_people_who_may_see_the_lesson(client):
    package = h5p_package()
    course, lessons = course_tree(h5p_package=package)
    url = f"/h5p/{lessons[0].pk}/{package.pk}/h5p.json"
    assert client.get(url).status_code == 302  # anonymous: log in first
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404  # not enrolled: nothing to see
    enrolled, _user = _enrolled_client(course)
    response = enrolled.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert enrolled.get(f"/h5p/{lessons[0].pk}/{package.pk}/../../etc/passwd").status_code == 404
    assert enrolled.get(f"/h5p/{lessons[1].pk}/{package.pk}/h5p.json").status_code == 404  # not used there


def test_dashboard_lists_my_modules_with_progress_and_a_continue_link():
    course, lessons = course_tree()
    client, _user = _enrolled_client(course)
    client.get(lessons[1].url)
    html = client.get("/fr/dashboard/").content.decode()
    assert course.title in html
    assert lessons[1].url in html
