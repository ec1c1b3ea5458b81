"""Seed the database named by DATABASE_URL for a fault test, and print what the test needs as JSON.

Usage: python -m tests.faults.seed TRAINEES [--submitted]
Makes one module with a pre- and a post-test and a certificate rule, and TRAINEES trainees who have
done everything except the post-test: each has an open post-test attempt and a logged-in session.
With --submitted each trainee has passed the post-test instead, and no certificate yet. Runs
without a broker and with the submission listeners silenced, so seeding queues and issues nothing.
"""

import json
import os
import sys
import uuid


def logged_in_session(user) -> str:
    """The key of a new database session in which `user` is logged in (Django set up already)."""
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def main(count: int, submitted: bool) -> None:
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
    import django

    django.setup()
    from django.urls import reverse

    from assessments import services as assessment_services
    from assessments.hooks import SUBMISSION_LISTENER
    from assessments.models import Question, Test
    from courses import services as course_services
    from tests.factories import RIGHT_ANSWERS, UserFactory, certificate_setup, take_test
    from tests.hook_registry import only_hooks

    _first, _enrolment, post, rule = certificate_setup(name="Premier Apprenant")
    course = rule.course
    pages = list(course.get_children().specific())
    pre = Test.objects.get(course_id=post.course_id, kind="pre")
    trainees = []
    for _ in range(count):
        user = UserFactory()
        enrolment, _created = course_services.enrolment_create(user=user, course=course)
        take_test(user=user, test=pre)
        for lesson in pages:
            course_services.lesson_complete(user=user, lesson=lesson)
        if submitted:
            with only_hooks(SUBMISSION_LISTENER):
                attempt = take_test(user=user, test=post)
        else:
            attempt, _created = assessment_services.attempt_start(user=user, test=post)
        questions = Question.objects.filter(pk__in=[item["question"] for item in attempt.layout])
        session_key = logged_in_session(user)
        trainees.append(
            {
                "username": user.username,
                "user": user.pk,
                "enrolment": enrolment.pk,
                "attempt": str(attempt.pk),
                "test": post.pk,
                "session_key": session_key,
                "submission_key": str(uuid.uuid4()),
                "test_url": reverse("assessments:test", kwargs={"test_id": post.pk}),
                "save_url": reverse("response_save", kwargs={"attempt_id": attempt.pk}),
                "submit_url": reverse("assessments:submit", kwargs={"attempt_id": attempt.pk}),
                "answers": {str(q.pk): RIGHT_ANSWERS[q.reference] for q in questions},
            }
        )
    print(json.dumps({"trainees": trainees}))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1, "--submitted" in sys.argv)
