"""Statements per second through the real xAPI intake endpoint, with full validation.

Usage: .venv/bin/python bench/xapi_intake.py [--statements 2000]
Prints: queries per statement, median milliseconds per statement, statements per second
(target ≥ 170/s), beside a baseline of the same client posting to an endpoint that only parses
JSON (Django's own overhead), in the same process.
"""

import argparse
import json
import uuid

from _setup import QueryCounter, median, setup, timed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, default=2000)
    args = parser.parse_args()
    setup()

    from django.test import Client

    from courses import services
    from courses.models import H5PResult
    from tests.factories import UserFactory, course_tree, h5p_package

    course, lessons = course_tree(h5p_package=h5p_package())
    user = UserFactory()
    services.enrolment_create(user=user, course=course)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(lessons[0].url)
    token = client.cookies["csrftoken"].value
    iri = f"http://testserver/xapi/activities/{lessons[0].pk}/act-1"

    def statement() -> str:
        return json.dumps(
            {
                "id": str(uuid.uuid4()),
                "actor": {"name": "x", "mbox": "mailto:x@example.org"},
                "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
                "object": {"id": iri, "objectType": "Activity"},
                "result": {"score": {"raw": 2, "max": 3, "min": 0, "scaled": 0.67}, "success": False},
                "context": {"contextActivities": {"category": [{"id": "http://h5p.org/libraries/H5P.Scenario-1.0"}]}},
            }
        )

    def send():
        response = client.post(
            "/api/xapi/statements/", statement(), content_type="application/json", HTTP_X_CSRFTOKEN=token
        )
        assert response.status_code == 201, response.content

    def baseline():
        # Same client, session, CSRF and JSON body, to a view that only answers: Django's floor.
        response = client.post("/api/xapi/statements/", "[]", content_type="application/json", HTTP_X_CSRFTOKEN=token)
        assert response.status_code == 400

    send()
    with QueryCounter() as queries:
        send()
    times = timed(send, repeat=args.statements)
    floor = timed(baseline, repeat=min(args.statements, 500))
    ms = median(times)
    print(f"xAPI intake: {queries.count} queries per statement, median {ms:.2f} ms")
    print(f"statements per second: {1000 / ms:.0f} (target >= 170/s)")
    print(f"floor (session + CSRF + JSON parse, statement refused at once): median {median(floor):.2f} ms")
    print(f"ratio intake / floor: {ms / median(floor):.2f}x; rows stored: {H5PResult.objects.count()}")


if __name__ == "__main__":
    main()
