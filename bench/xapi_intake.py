"""Statements per second through the real xAPI intake endpoint, with full validation.

Usage: .venv/bin/python bench/xapi_intake.py [--statements 2000]
Ours: the same logged-in client (session, CSRF token) posts a realistic statement, as H5P's
MultiChoice sends it when a trainee answers (actor, verb with its display, the activity's full
definition with choices and extensions, its category, result with score, success,
completion, response and duration; about 1.5 KB), each with a new id; the endpoint validates and
stores it. Baseline (the floor): the same client, session, CSRF check and a JSON body the endpoint
refuses at once (Django's own cost per request). The two alternate (ours, floor, ours, ...) so a busy
machine slows both alike. Prints the load average, queries per statement, the median milliseconds of
each, and statements per second as the total number sent ÷ the total time spent sending them
(target ≥ 170/s).
"""

import argparse
import json
import logging
import uuid

from _setup import QueryCounter, bench_row, load_average, median, setup, timed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, default=2000)
    args = parser.parse_args()
    setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the floor's 400s, one line each

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
                "actor": {"name": "Kadiatou Bah", "mbox": "mailto:kadiatou@example.org", "objectType": "Agent"},
                "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}},
                "object": {
                    "id": iri,
                    "objectType": "Activity",
                    "definition": {
                        "extensions": {"http://h5p.org/x-api/h5p-local-content-id": 1},
                        "name": {"en-US": "Signes d'alerte"},
                        "description": {
                            "en-US": "<p>Une offre d'emploi promet un salaire très élevé à l'étranger.</p>"
                        },
                        "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                        "interactionType": "choice",
                        "correctResponsesPattern": ["1"],
                        "choices": [
                            {"id": "0", "description": {"en-US": "C'est une chance à saisir sans question\n"}},
                            {"id": "1", "description": {"en-US": "Vérifier l'employeur et en parler\n"}},
                            {"id": "2", "description": {"en-US": "Donner son passeport à l'agent\n"}},
                        ],
                    },
                },
                "context": {
                    "contextActivities": {
                        "category": [{"id": "http://h5p.org/libraries/H5P.MultiChoice-1.16", "objectType": "Activity"}],
                    },
                    "extensions": {"http://id.tincanapi.com/extension/ending-point": "1"},
                },
                "result": {
                    "score": {"min": 0, "max": 1, "raw": 1, "scaled": 1},
                    "completion": True,
                    "success": True,
                    "duration": "PT7.42S",
                    "response": "1",
                },
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
    size = len(statement().encode())
    times, floor = [], []
    for number in range(args.statements):  # interleaved
        times += timed(send, repeat=1)
        if number % 4 == 0:  # the floor is steady: one in four is enough
            floor += timed(baseline, repeat=1)
    ms, floor_ms = median(times), median(floor)
    rate = len(times) / (sum(times) / 1000)
    print(f"load average (1, 5, 15 min): {load_average()}")
    print(
        f"xAPI intake: {queries.count} queries per statement ({size} bytes, H5P MultiChoice 'answered'), "
        f"median {ms:.2f} ms"
    )
    print(f"statements per second: {rate:.0f} = {len(times)} sent / {sum(times) / 1000:.2f} s spent (target >= 170/s)")
    print(f"floor (session + CSRF + JSON parse, statement refused at once): median {floor_ms:.2f} ms")
    print(f"ratio intake / floor (medians): {ms / floor_ms:.2f}x; rows stored: {H5PResult.objects.count()}")
    bench_row(
        "xAPI intake, statements/s (total ÷ time)", rate, None, target_value=170, unit="/s", higher_is_better=True
    )
    bench_row("xAPI intake ÷ floor (median ms)", ms, floor_ms, unit="ms")


if __name__ == "__main__":
    main()
