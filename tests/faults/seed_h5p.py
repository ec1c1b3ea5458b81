"""Put an imported H5P package in a lesson and enrol a trainee, in the database named by DATABASE_URL;
print the lesson's id and logged-in sessions of the trainee and of an evaluator as JSON.

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
    from courses import services as course_services
    from courses.models import H5PPackage
    from lms import roles
    from tests.factories import UserFactory, course_tree
    from tests.faults.seed import logged_in_session

    course, lessons = course_tree(h5p_package=H5PPackage.objects.get(pk=package_id))
    trainee = UserFactory()
    course_services.enrolment_create(user=trainee, course=course)
    evaluator = UserFactory(role=roles.EVALUATOR)  # with the authenticator app staff must have
    sessions = {"session_key": logged_in_session(trainee), "evaluator_session_key": logged_in_session(evaluator)}
    print(json.dumps({"lesson": lessons[0].pk, **sessions}))


if __name__ == "__main__":
    main(int(sys.argv[1]))
