"""Put an imported H5P package in a lesson and enrol a trainee, in the database named by DATABASE_URL;
print the lesson's id and a logged-in session of the trainee as JSON.

Usage: python -m tests.faults.seed_h5p PACKAGE_ID
"""

import json
import os
import sys


def main(package_id: int) -> None:
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
    import django

    django.setup()
    from django.contrib.sessions.backends.db import SessionStore

    from courses import services as course_services
    from courses.models import H5PPackage
    from tests.factories import UserFactory, course_tree

    course, lessons = course_tree(h5p_package=H5PPackage.objects.get(pk=package_id))
    trainee = UserFactory()
    course_services.enrolment_create(user=trainee, course=course)
    session = SessionStore()
    session["_auth_user_id"] = str(trainee.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = trainee.get_session_auth_hash()
    session.create()
    print(json.dumps({"lesson": lessons[0].pk, "session_key": session.session_key}))


if __name__ == "__main__":
    main(int(sys.argv[1]))
