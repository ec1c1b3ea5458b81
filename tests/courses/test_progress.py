"""Enrolment, lesson progress, resume and completion."""

import pytest
from django.core.exceptions import ValidationError

from courses import selectors, services
from courses.models import Enrolment, LessonProgress
from tests.factories import UserFactory, course_tree

pytestmark = pytest.mark.django_db


def test_enrolling_twice_keeps_one_enrolment():
    course, _lessons = course_tree()
    user = UserFactory()
    first, created = services.enrolment_create(user=user, course=course)
    again, created_again = services.enrolment_create(user=user, course=course)
    assert (created, created_again) == (True, False)
    assert first.pk == again.pk
    assert Enrolment.objects.filter(user=user).count() == 1


def test_self_enrolment_is_refused_in_a_session_only_module():
    course, _lessons = course_tree(open_enrolment=False)
    with pytest.raises(ValidationError):
        services.enrolment_create(user=UserFactory(), course=course)


def test_completing_a_lesson_without_enrolment_is_refused():
    _course, lessons = course_tree()
    with pytest.raises(services.NotEnrolled):
        services.lesson_complete(user=UserFactory(), lesson=lessons[0])


def _view(enrolment, lesson):
    services.lesson_view(enrolment_id=enrolment.pk, lesson_id=lesson.pk)


def test_progress_resume_and_completion():
    course, lessons = course_tree(lessons=3)
    user = UserFactory()
    enrolment, _created = services.enrolment_create(user=user, course=course)

    outline = selectors.course_outline(page=course, user=user)
    assert (outline.progress, outline.resume_lesson.canonical_id) == (0, lessons[0].pk)

    _view(enrolment, lessons[0])
    services.lesson_complete(user=user, lesson=lessons[0])
    _view(enrolment, lessons[1])
    outline = selectors.course_outline(page=course, user=user)
    assert outline.progress == 33
    assert outline.resume_lesson.canonical_id == lessons[1].pk  # where they left off
    assert outline.next_lesson.canonical_id == lessons[1].pk

    for lesson in lessons[1:]:
        result = services.lesson_complete(user=user, lesson=lesson)
    assert result.course_completed
    enrolment = Enrolment.objects.get(user=user)
    assert enrolment.status == Enrolment.Status.COMPLETED and enrolment.completed_at is not None
    assert selectors.course_outline(page=course, user=user).progress == 100


def test_completing_a_lesson_twice_counts_once():
    course, lessons = course_tree(lessons=2)
    user = UserFactory()
    services.enrolment_create(user=user, course=course)
    services.lesson_complete(user=user, lesson=lessons[0])
    services.lesson_complete(user=user, lesson=lessons[0])
    assert LessonProgress.objects.filter(enrolment__user=user, completed_at__isnull=False).count() == 1


def test_optional_lessons_do_not_count_towards_progress():
    course, lessons = course_tree(lessons=2)
    lessons[1].required = False
    lessons[1].save_revision().publish()
    user = UserFactory()
    services.enrolment_create(user=user, course=course)
    assert services.lesson_complete(user=user, lesson=lessons[0]).course_completed


def test_dashboard_selector_query_count_does_not_grow_with_enrolments(django_assert_num_queries):
    user = UserFactory()
    for _ in range(3):
        course, lessons = course_tree(lessons=2)
        services.enrolment_create(user=user, course=course)
        services.lesson_complete(user=user, lesson=lessons[0])
    with django_assert_num_queries(4):  # enrolments, completed counts, modules, lessons
        rows = selectors.enrolments_with_progress(user=user)
    assert [row.progress for row in rows] == [50, 50, 50]


def test_viewing_twice_keeps_one_progress_row_and_moves_the_resume_point():
    course, lessons = course_tree(lessons=3)
    user = UserFactory()
    enrolment, _created = services.enrolment_create(user=user, course=course)
    _view(enrolment, lessons[1])
    _view(enrolment, lessons[0])
    _view(enrolment, lessons[0])
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 2
    assert selectors.course_outline(page=course, user=user).resume_lesson.canonical_id == lessons[0].pk
