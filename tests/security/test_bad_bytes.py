"""Bad bytes never give a 500: a fuzz over every route of the access matrix.

For each route (tests/security/test_access_matrix.py lists them all, and fails on a new one that is
not classified) and for a trainee, the session's trainer, an anonymous visitor and (where it is served)
an evaluator:

- the route's URL with each path value made hostile: integers beyond 31, 63 and 73 bits, zero, NUL,
  a byte sequence that is not UTF-8, "²" (a digit to str.isdigit, not to int), a very long text;
- GETs whose query string gives every parameter our views read a hostile value;
- POSTs of form data (urlencoded and multipart): the page's own field names (read from its form)
  with hostile values, and an invalid-UTF-8 body;
- POSTs of JSON: lone surrogates, NUL, numbers beyond 64 bits, 1e30, floats and strings for integers,
  lists for objects, 10,000 levels of nesting, empty and non-UTF-8 bodies; to the JSON APIs also
  hostile values inside otherwise valid bodies (an answer of a real attempt, an offline sync with a
  real device key).

Nothing may answer with a 5xx, and a JSON API that refuses a body stores nothing (the row counts of
the learner tables are unchanged). Run on SQLite and on PostgreSQL: they overflow differently.
"""

from __future__ import annotations

import json
import re
import uuid
from urllib.parse import quote

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from assessments import offline
from assessments.models import Attempt, OfflineDevice, Response
from certificates.models import Certificate
from courses.models import Enrolment, H5PResult, H5PState, LessonProgress
from tests.security.test_access_matrix import MATRIX, build_world

pytestmark = pytest.mark.django_db

# Path values, percent-encoded as they arrive on the wire.
HUGE = "1" + "0" * 22  # 23 digits: beyond any database integer
HOSTILE_INTEGERS = ["0", "2147483648", "9223372036854775808", HUGE]
HOSTILE_TEXTS = ["%00", "%ED%A0%80", "%C2%B2", HUGE, "x" * 300]
# Query parameters the views read (pages, filters, forms of a paper test, next, formats).
QUERY_NAMES = [
    "page",
    "q",
    "form",
    "paper",
    "status",
    "audience",
    "format",
    "code",
    "next",
    "course",
    "session",
    "region",
    "natural_region",
    "prefecture",
    "language",
    "kind",
    "test",
    "date",
]
# Each value in every parameter at once, then the rest spread over the parameters in turn. ("²" is a
# digit to str.isdigit() but not to int().)
QUERY_VALUES = ["%00", HUGE, "%C2%B2"]
QUERY_SPREAD = ["-1", "1e30", "%ED%A0%80"]

# JSON values: as text, so that lone surrogates and huge numbers reach the server as they are sent.
JSON_VALUES = [
    r'"\ud800"',
    r'"a\u0000b"',
    "1" + "0" * 30,
    "-" + "1" + "0" * 30,
    "1e30",
    "1.5",
    "[]",
    "{}",
    "true",
    "null",
]
JSON_KEYS = [
    "question",
    "answer",
    "seq",
    "device_token",
    "form_token",
    "form_version",
    "answers",
    "participant",
    "pin",
    "started_at",
    "finished_at",
    "state",
    "id",
    "actor",
    "verb",
    "object",
    "result",
]
DEEP = "[" * 10_000 + "]" * 10_000
DEEP_OBJECT = '{"a":' * 10_000 + "1" + "}" * 10_000
JSON_BODIES = [
    *("{" + ",".join(f'"{key}":{value}' for key in JSON_KEYS) + "}" for value in JSON_VALUES),
    DEEP,
    DEEP_OBJECT,
    "[]",
    '"text"',
    "1e30",
    "null",
    "",
    b"\xff\xfe{}",
    b'{"state": "\xed\xa0\x80"}',
]
# The JSON APIs and what they store.
JSON_APIS = {"response_save", "offline_attempt_sync", "xapi_statements", "h5p_state"}
LEARNER_TABLES = [Attempt, Response, OfflineDevice, Enrolment, LessonProgress, H5PState, H5PResult, Certificate]
FORM_VALUES = ["a\x00b", HUGE, "²"]
FORM_SPREAD = ["-1", "1e30", "\ud800", "x" * 5000]
FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
FIELD_NAME = re.compile(r'name="([^"]+)"')


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in LEARNER_TABLES}


def _body(value) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")


class Fuzz:
    """Sends requests, and keeps every (route, payload, status) that is a 5xx or stored something."""

    def __init__(self):
        self.failures: list[str] = []
        self.sent = 0

    def send(self, client: Client, label: str, method: str, url: str, *, body=None, content_type=None):
        """One request in a transaction rolled back afterwards, so that the world stays the same."""
        self.sent += 1
        json_api = content_type == "application/json" and label.split(" ")[0] in JSON_APIS
        with transaction.atomic():
            before = _counts() if json_api else None
            if method == "get":
                response = client.get(url)
            elif content_type == MULTIPART:
                response = client.post(url, data=body)
            else:
                response = getattr(client, method)(url, data=body, content_type=content_type)
            status = response.status_code
            if status >= 500:
                self.failures.append(f"{label} {method.upper()} {url[:120]!r} body={_short(body)}: {status}")
            elif json_api and _counts() != before:
                self.failures.append(f"{label} {method.upper()} {url[:120]!r} body={_short(body)}: stored rows")
            transaction.set_rollback(True)
        return response


def _short(body) -> str:
    if body is None:
        return "-"
    text = repr(body)
    return text if len(text) < 90 else text[:60] + f"...({len(text)} chars)"


def _hostile_urls(name: str, world) -> list[str]:
    """The route's URL with each path value replaced by hostile values in turn."""
    row = MATRIX[name]
    if row.args is None or name in ("wagtail_serve",):
        return []
    kwargs = row.args(world)
    urls = []
    for key, value in kwargs.items():
        if isinstance(value, uuid.UUID):
            continue  # a UUID: its converter accepts nothing else
        sentinel = 7_654_321 if isinstance(value, int) else "SENTINELXYZ"
        with translation.override("fr"):
            url = reverse(name, kwargs={**kwargs, key: sentinel})
        hostile = [*HOSTILE_INTEGERS, "-1"] if isinstance(value, int) else HOSTILE_TEXTS
        urls += [url.replace(str(sentinel), candidate) for candidate in hostile]
    return urls


def _offline_bodies(world) -> list[bytes]:
    """Sync bodies with a real device key and form token, and one hostile answer or time each."""
    trainee_b = world["people"]["trainee B"]
    package = offline.offline_package_issue(user=trainee_b, test=world["pre"], language="fr")
    sheet = package.sheets[0]
    question = sheet.questions[0].id
    valid = {
        "device_token": package.device_token,
        "form_token": sheet.token,
        "form_version": sheet.version,
        "started_at": "2026-01-01T10:00:00Z",
        "finished_at": "2026-01-01T10:10:00Z",
    }
    big = "1" + "0" * 30
    answers = [
        r'[["$Q", "\ud800"]]',
        r'[["$Q", "a\u0000"]]',
        f'[["$Q", {big}]]',
        '[["$Q", 1e30]]',
        '[["$Q", {"a": 1}]]',
        '{"$Q": "a"}',
        '"$Q"',
        "[" * 5000 + "]" * 5000,
    ]
    answers = [answer.replace("$Q", f"q{question}") for answer in answers]
    prefix = json.dumps(valid)[:-1]
    bodies = [f'{prefix}, "answers": {answer}}}' for answer in answers]
    empty = json.dumps({**valid, "answers": []})
    for key in ("started_at", "finished_at"):
        for value in (r'"\ud800"', "1e30", big, '"99999-99-99T99:99:99Z"', "[]"):
            bodies.append(empty.replace(f'"{key}": "{valid[key]}"', f'"{key}": {value}'))
    bodies.append(empty[:-1] + f', "participant": {HUGE}}}')
    return bodies


def _response_save_bodies(attempt) -> list[str]:
    big = "1" + "0" * 30
    bodies = [
        '{"question": $Q, "answer": "a", "seq": 1e30}',
        f'{{"question": $Q, "answer": "a", "seq": {big}}}',
        f'{{"question": $Q, "answer": "a", "seq": -{big}}}',
        '{"question": $Q, "answer": "a", "seq": "12"}',
        '{"question": $Q, "answer": "a", "seq": 1.5}',
        f'{{"question": {HUGE}, "answer": "a", "seq": 1}}',
        '{"question": $Q, "answer": "\\ud800", "seq": 1}',
        '{"question": $Q, "answer": "a\\u0000", "seq": 1}',
        '{"question": $Q, "answer": ["\\ud800"], "seq": 1}',
        '{"question": $Q, "answer": ' + "[" * 3000 + "]" * 3000 + ', "seq": 1}',
    ]
    return [body.replace("$Q", str(attempt.layout[0]["question"])) for body in bodies]


def _xapi_bodies(world) -> list[str]:
    lesson = world["h5p_lesson"]
    base = {
        "id": "6fa2ea52-3c21-4a4b-9a6d-4f3c8d1e2b10",
        "actor": {"name": "x"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": f"http://testserver/xapi/activities/{lesson.pk}/act-1"},
        "result": {"score": {"raw": 1, "max": 1}},
    }
    text = json.dumps(base)
    return [
        text.replace('"raw": 1', '"raw": 1e30'),
        text.replace('"raw": 1', '"raw": ' + "1" + "0" * 30),
        text.replace('"max": 1', '"max": -' + "1" + "0" * 30),
        text.replace('"raw": 1', '"raw": "\\ud800"'),
        text.replace("act-1", "act-\\ud800"),
        text.replace("act-1", "act-\\u0000"),
        text.replace(f"activities/{lesson.pk}/", f"activities/{HUGE}/"),
        text.replace('"id": "6fa2', '"id": "\\u0000'),
        text.replace('"result": {', '"result": {"deep": ' + "[" * 5000 + "]" * 5000 + ", "),
    ]


def _h5p_state_bodies() -> list[str]:
    return [r'{"state": "\ud800"}', r'{"state": "a\u0000"}', '{"state": 1e30}', '{"state": ["x"]}']


def _spread(names: list[str], each: list[str], spread: list[str]) -> list[dict[str, str]]:
    """Every name with each value of `each` in turn, then one mapping with `spread` dealt over them."""
    return [
        *(dict.fromkeys(names, value) for value in each),
        {name: spread[number % len(spread)] for number, name in enumerate(names)},
    ]


def _fuzz_clients(world) -> dict[str, Client]:
    people = {
        "anonymous": None,
        "trainee": world["people"]["trainee A"],
        "trainer": world["session"].trainers.get(),
        "evaluator": world["people"]["evaluator"],
    }
    found = {}
    for role, user in people.items():
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        found[role] = client
    return found


def _url(name: str, world) -> str:
    from tests.security.test_access_matrix import row_url

    return row_url(name, MATRIX[name], world)


def _fuzz(world) -> Fuzz:
    from assessments import services as assessment_services
    from courses import services as course_services

    clients = _fuzz_clients(world)
    fuzz = Fuzz()
    for name, row in MATRIX.items():
        url = _url(name, world)
        post_method = "put" if row.method == "put" else "post"
        for role, client in clients.items():
            if role == "evaluator" and row.statuses["evaluator"] != 200:
                continue  # refused before anything is read; the other roles cover the route
            label = f"{name} as {role}"
            for hostile in _hostile_urls(name, world):
                fuzz.send(client, label, "get", hostile)
                if row.method != "get":
                    fuzz.send(client, label, post_method, hostile, body=b"{}", content_type="application/json")
            separator = "&" if "?" in url else "?"
            for query in _spread(QUERY_NAMES, QUERY_VALUES, QUERY_SPREAD):
                fuzz.send(client, label, "get", url + separator + "&".join(f"{k}={v}" for k, v in query.items()))
            # Form data: the page's own fields (and the query's names) with hostile values.
            page = fuzz.send(client, label, "get", url)
            names = set(QUERY_NAMES)
            if page.status_code == 200 and "html" in page.get("Content-Type", ""):
                names |= set(FIELD_NAME.findall(page.content.decode(errors="replace")))
            names.discard("csrfmiddlewaretoken")
            for form in _spread(sorted(names), FORM_VALUES, FORM_SPREAD):
                text = "&".join(f"{quote(k)}={quote(v, errors='surrogatepass')}" for k, v in form.items())
                fuzz.send(client, label, post_method, url, body=text, content_type=FORM)
            fuzz.send(client, label, post_method, url, body=b"title=\xff\xfe&name=\xed\xa0\x80", content_type=FORM)
            fuzz.send(client, label, "post", url, body=dict.fromkeys(sorted(names), "a\x00b"), content_type=MULTIPART)
            # JSON: every API gets every body; other routes one (their views never read JSON).
            bodies = JSON_BODIES if name in JSON_APIS else JSON_BODIES[:1]
            for body in bodies:
                fuzz.send(client, label, post_method, url, body=_body(body), content_type="application/json")
            if name == "offline_attempt_sync":
                break  # authenticated by the body, never by the session: one role says it all

    # Hostile values inside bodies that are otherwise valid, sent by someone the API serves.
    trainee_b = world["people"]["trainee B"]
    attempt, _created = assessment_services.attempt_start(user=trainee_b, test=world["pre"])
    _h5p_course = world["h5p_lesson"].get_parent().specific
    course_services.enrolment_create(user=trainee_b, course=_h5p_course)
    as_b = Client(raise_request_exception=False)
    as_b.force_login(trainee_b)
    deep = {
        "response_save": (reverse("response_save", kwargs={"attempt_id": attempt.pk}), _response_save_bodies(attempt)),
        "offline_attempt_sync": (_url("offline_attempt_sync", world), _offline_bodies(world)),
        "xapi_statements": (_url("xapi_statements", world), _xapi_bodies(world)),
        "h5p_state": (_url("h5p_state", world), _h5p_state_bodies()),
    }
    for name, (url, bodies) in deep.items():
        method = "put" if name == "offline_attempt_sync" else "post"
        for body in bodies:
            fuzz.send(as_b, f"{name} as trainee", method, url, body=_body(body), content_type="application/json")
    return fuzz


def test_no_hostile_path_query_form_or_json_body_gives_a_5xx_or_stores_anything(settings):
    settings.CERTIFICATE_BASE_URL = "https://verif.example.org"
    fuzz = _fuzz(build_world())
    assert fuzz.sent > 2000
    assert fuzz.failures == [], f"{len(fuzz.failures)} failures:\n" + "\n".join(fuzz.failures)
