"""Access matrix: every URL pattern of the project, walked with every role against objects of others.

MATRIX lists each named pattern (or route, for unnamed ones) with how to build its arguments, the
method to probe and the status each role must get. A pattern the matrix does not list fails
test_every_url_pattern_is_in_the_matrix, so a new route must be classified before it lands. The
admin and third-party subtrees (Wagtail admin, Django admin, allauth) are classified by prefix, each
with representative probes in SUBTREES.

Statuses: 200, 403, 404, 405 or 400 as such; LOGIN is a redirect to the login page; REDIRECT any
other redirect (e.g. a trainee's home). Staff are enrolled in MFA (tests.factories), so what is
probed here is the view's own decision; test_mfa.py checks the second-factor gate over the same
table.

Adding a route is one line: `"app:name": Row(args, expect(default, role=status, ...)),`.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

from certificates import services as certificate_services
from lms import roles
from tests import factories
from training import services as training_services

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "trainee A",
    "trainee B",
    "other trainer",
    "other coordinator",
    "evaluator",
    "editor",
    "admin",
)
LOGIN = "login"
REDIRECT = "redirect"


def expect(default, **by_role) -> dict[str, object]:
    """The status of each role: `default` unless named (role names with "_" for spaces)."""
    table = dict.fromkeys(ROLES, default)
    for key, status in by_role.items():
        role = key.replace("_", " ").replace("trainee a", "trainee A").replace("trainee b", "trainee B")
        assert role in table, role
        table[role] = status
    return table


@dataclass(frozen=True)
class Row:
    args: Callable[[dict], dict] | None  # world -> reverse() kwargs; None: no arguments
    statuses: dict[str, object]
    method: str = "get"
    data: dict | Callable[[dict], dict] = field(default_factory=dict)
    query: str = ""


def _none(world):
    return {}


# Who sees what, in words:
# - staff pages (sessions, evaluation, paper PDFs): only the session's trainers, its region's coordinator
#   and administrators; others get 404 (a session's existence is not revealed) or 403 (role pages);
# - a trainee's own things (attempt, certificate PDF, badge): only that trainee (and no staff role
#   reaches them through the trainee's URLs);
# - public pages: the verification pages, robots.txt, the keys, the offline shell.
STAFF_ONLY_SESSION = expect(404, anonymous=LOGIN, admin=200)
SESSION = lambda w: {"code": w["session"].code}  # noqa: E731 - a table of one-liners
DAY = lambda w: {"code": w["session"].code, "date": w["day"].date.isoformat()}  # noqa: E731
TEST = lambda w: {"test_id": w["pre"].pk}  # noqa: E731
ATTEMPT = lambda w: {"attempt_id": w["attempt"].pk}  # noqa: E731
ANSWER = lambda w: {"question": w["attempt"].layout[0]["question"], "answer": "a", "seq": 1}  # noqa: E731
PAPER = expect(403, anonymous=LOGIN, other_trainer=200, other_coordinator=200, editor=200, admin=200)
CERTIFICATE = lambda w: {"code": w["certificate"].code}  # noqa: E731
SESSION_TEST = lambda w: {"code": w["session"].code, "test_id": w["pre"].pk}  # noqa: E731

EVENT = lambda w: {"pk": w["event"].pk}  # noqa: E731
LOG = lambda w: {"pk": w["log"].pk}  # noqa: E731
EVENT_ROLE = expect(403, anonymous=LOGIN, other_trainer=200, other_coordinator=200, admin=200)
EVENT_SCOPED = expect(403, anonymous=LOGIN, other_trainer=404, other_coordinator=404, admin=200)
EVENT_SCOPED_POST = expect(403, anonymous=LOGIN, other_trainer=404, other_coordinator=404, admin=REDIRECT)


def _current_kid() -> str:
    from certificates import signing

    return signing.key_id(signing.public_key())


MATRIX: dict[str, Row] = {
    # --- lms ---
    "root": Row(None, expect(REDIRECT)),
    "switch_language": Row(lambda w: {"language": "en"}, expect(REDIRECT)),
    "first_login": Row(None, expect(REDIRECT, anonymous=LOGIN)),
    "consent_renew": Row(None, expect(REDIRECT, anonymous=LOGIN)),
    # The load balancer's probes answer anyone (no data in them); /metrics/ answers only its token, and
    # with none set it is off: a 404, which the language middleware turns into /fr/metrics/ (also 404).
    "health_live": Row(None, expect(200)),
    "health_ready": Row(None, expect(200)),
    "metrics": Row(None, expect(REDIRECT)),
    # --- lti (partner platforms: the launch endpoints answer anyone, and refuse what is not a
    # verified launch; tests/lti covers real launches) ---
    "lti:login": Row(None, expect(400)),
    "lti:launch": Row(None, expect(403), "post"),
    "lti:deep_link": Row(None, expect(400), "post"),
    "lti:jwks": Row(None, expect(200)),
    "lti:welcome": Row(None, expect(200, anonymous=LOGIN)),
    # Dynamic registration takes only an invitation our administrator signed.
    "lti:register": Row(lambda w: {"invitation": "forged"}, expect(403)),
    # --- courses ---
    "courses:dashboard": Row(None, expect(200, anonymous=LOGIN)),
    "courses:enrol": Row(lambda w: {"course_id": w["other_course"].pk}, expect(REDIRECT, anonymous=LOGIN), "post"),
    "courses:lesson_complete": Row(lambda w: {"lesson_id": w["other_lesson"].pk}, expect(404, anonymous=LOGIN), "post"),
    # An empty statement is refused before anything else; test_xapi.py covers real statements.
    "xapi_statements": Row(None, expect(400, anonymous=401), "post"),
    # Each person's own saved state of an activity, for the modules they are enrolled in.
    "h5p_state": Row(
        lambda w: {"lesson_id": w["lesson"].pk, "activity_id": "act-1"},
        expect(404, anonymous=401, trainee_A=200, trainee_B=200),
    ),
    # Package files: enrolled trainees, and editors and administrators (preview).
    "h5p_file": Row(
        lambda w: {"lesson_id": w["h5p_lesson"].pk, "package_id": w["h5p"].pk, "path": "h5p.json"},
        expect(404, anonymous=LOGIN, editor=200, admin=200),
    ),
    # The sandboxed frame and its files carry a token instead of cookies (courses/h5p/frame.py): a
    # bearer credential for one user, lesson and package, checked against that user's enrolment on
    # every request. Here it names trainee B, not enrolled in the H5P module: nobody gets anything.
    "h5p_frame": Row(
        lambda w: {"lesson_id": w["h5p_lesson"].pk, "block_id": "act-1", "token": w["h5p_token"]},
        expect(404),
    ),
    "h5p_frame_file": Row(
        lambda w: {
            "token": w["h5p_token"],
            "lesson_id": w["h5p_lesson"].pk,
            "package_id": w["h5p"].pk,
            "path": "h5p.json",
        },
        expect(404),
    ),
    # --- assessments ---
    # Trainee B (enrolled) may start; trainee A has done it (to her result); others are sent to the module.
    "assessments:test": Row(lambda w: {"test_id": w["pre"].pk}, expect(REDIRECT, anonymous=LOGIN, trainee_B=200)),
    "assessments:submit": Row(ATTEMPT, expect(404, anonymous=LOGIN, trainee_A=REDIRECT), "post"),
    "assessments:result": Row(ATTEMPT, expect(404, anonymous=LOGIN, trainee_A=200)),
    "response_save": Row(ATTEMPT, expect(403, anonymous=401, trainee_A=409), "json", ANSWER),
    # Blank paper forms for trainers and staff; the module's answer sheet names trainees for
    # administrators only (test_the_module_answer_sheet_names_nobody_for_other_trainers).
    "assessments:paper_pdf": Row(TEST, PAPER),
    "assessments:answer_sheet_pdf": Row(TEST, PAPER),
    "evaluation:report": Row(None, expect(403, anonymous=LOGIN, evaluator=200, admin=200)),
    "evaluation:csv": Row(None, expect(403, anonymous=LOGIN, evaluator=200, admin=200)),
    "evaluation:codebook_csv": Row(None, expect(403, anonymous=LOGIN, evaluator=200, admin=200)),
    "evaluation:xlsx": Row(None, expect(403, anonymous=LOGIN, evaluator=200, admin=200)),
    "evaluation:pdf": Row(None, expect(403, anonymous=LOGIN, evaluator=200, admin=200)),
    # Reaction summaries: evaluators and administrators see every session; a trainer or coordinator the
    # sessions they may see (none here, so 403 as for a trainee).
    "evaluation:reaction_summary": Row(None, expect(403, anonymous=LOGIN, evaluator=200, admin=200)),
    # The questionnaire: only to whoever handed in the module's post-test (trainee A).
    "evaluation:reaction": Row(
        lambda w: {"course_id": w["pre"].course_id}, expect(404, anonymous=LOGIN, trainee_A=200)
    ),
    "assessments:offline": Row(None, expect(200)),
    "assessments:offline_pin": Row(None, expect(200, anonymous=LOGIN)),
    # Only for a test one may take: trainee B (enrolled, not yet done).
    "offline_download": Row(TEST, expect(403, anonymous=LOGIN, trainee_B=200), "post"),
    # Authenticated by the device token in the body, never by the session: without it, refused.
    "offline_attempt_sync": Row(ATTEMPT, expect(400), "put"),
    "service_worker": Row(None, expect(200)),
    "web_manifest": Row(None, expect(200)),
    # --- training ---
    "training:list": Row(None, expect(403, anonymous=LOGIN, other_trainer=200, other_coordinator=200, admin=200)),
    "training:create": Row(None, expect(403, anonymous=LOGIN, other_trainer=200, other_coordinator=200, admin=200)),
    "training:programme": Row(
        None, expect(403, anonymous=LOGIN, evaluator=200, other_coordinator=200, admin=200)
    ),  # their region
    "training:join": Row(None, expect(200, anonymous=LOGIN)),
    "training:join_code": Row(lambda w: {"join_code": w["session"].join_code}, expect(200, anonymous=LOGIN)),
    # The day's check-in page: the session's participants only.
    "training:checkin": Row(lambda w: {"token": w["token"]}, expect(404, anonymous=LOGIN, trainee_A=200)),
    "training:session": Row(SESSION, STAFF_ONLY_SESSION),
    "training:edit": Row(SESSION, STAFF_ONLY_SESSION),
    "training:status": Row(SESSION, expect(404, anonymous=LOGIN, admin=REDIRECT), "post", {"status": "closed"}),
    "training:join_qr": Row(SESSION, STAFF_ONLY_SESSION),
    "training:roster": Row(SESSION, expect(404, anonymous=LOGIN, admin=400), "post"),
    "training:credentials": Row(SESSION, STAFF_ONLY_SESSION, "post"),
    "training:attendance": Row(DAY, STAFF_ONLY_SESSION),
    "training:checkin_switch": Row(DAY, expect(404, anonymous=LOGIN, admin=REDIRECT), "post", {"open": "0"}),
    "training:checkin_qr": Row(DAY, STAFF_ONLY_SESSION),
    "training:sign_in_sheet": Row(DAY, STAFF_ONLY_SESSION),
    "training:test_window": Row(
        lambda w: {"code": w["session"].code, "kind": "pre"},
        expect(404, anonymous=LOGIN, admin=REDIRECT),
        "post",
        {"open": "1"},
    ),
    "training:answer_sheet": Row(SESSION_TEST, STAFF_ONLY_SESSION),
    "training:paper_results": Row(SESSION_TEST, STAFF_ONLY_SESSION),
    "training:live": Row(SESSION, STAFF_ONLY_SESSION),
    "training:live_fragment": Row(SESSION, STAFF_ONLY_SESSION),
    "training:summary": Row(SESSION, STAFF_ONLY_SESSION),
    "training:summary_export": Row(lambda w: {"code": w["session"].code, "extension": "csv"}, STAFF_ONLY_SESSION),
    # --- certificates ---
    "certificates:mine": Row(None, expect(200, anonymous=LOGIN)),
    "certificates:download": Row(CERTIFICATE, expect(404, anonymous=LOGIN, trainee_A=200)),
    "certificates:badge": Row(CERTIFICATE, expect(404, anonymous=LOGIN, trainee_A=200)),
    "certificates:session_zip": Row(SESSION, STAFF_ONLY_SESSION),
    "verification:verify": Row(None, expect(200)),
    "verification:code": Row(lambda w: {"code": w["certificate"].code}, expect(200)),
    "verification:public_keys": Row(None, expect(200)),
    # What an Open Badge's verifier follows: public, neutral, outside the language prefix.
    "verification:public_key": Row(lambda w: {"kid": _current_kid()}, expect(200)),
    "verification:issuer": Row(None, expect(200)),
    "verification:achievement": Row(
        lambda w: {"course_id": w["certificate"].enrolment.course_id, "kind": w["certificate"].kind}, expect(200)
    ),
    "verification:status_list": Row(None, expect(200)),
    "verification:robots": Row(None, expect(200)),
    # --- data protection: a person's own account pages; an administrator's download of anybody's ---
    "privacy:account": Row(None, expect(200, anonymous=LOGIN)),
    "privacy:my_data": Row(None, expect(200, anonymous=LOGIN)),
    "privacy:my_data_json": Row(None, expect(200, anonymous=LOGIN)),
    "privacy:consent_withdraw": Row(None, expect(REDIRECT, anonymous=LOGIN), "post"),
    "privacy:consent_give": Row(None, expect(REDIRECT, anonymous=LOGIN), "post"),
    "privacy:declared_groups": Row(None, expect(REDIRECT, anonymous=LOGIN), "post"),
    "privacy:erasure_ask": Row(None, expect(REDIRECT, anonymous=LOGIN), "post"),
    "privacy:erasure_cancel": Row(None, expect(REDIRECT, anonymous=LOGIN), "post"),
    "privacy:user_data_json": Row(
        lambda w: {"user_id": w["people"]["trainee A"].pk}, expect(403, anonymous=LOGIN, admin=200)
    ),
    "training:participant_add": Row(SESSION, expect(404, anonymous=LOGIN, admin=REDIRECT), "post"),
    # --- events: staff pages scoped to their organiser, their region's coordinators and administrators
    # (a trainer or coordinator from elsewhere gets 404, other roles 403); registration is public ---
    "events:list": Row(None, EVENT_ROLE),
    "events:create": Row(None, EVENT_ROLE),
    "events:programme": Row(
        None, expect(403, anonymous=LOGIN, evaluator=200, other_coordinator=200, admin=200)
    ),  # their region
    "events:programme_export": Row(None, expect(403, anonymous=LOGIN, evaluator=200, admin=200)),
    "events:event": Row(EVENT, EVENT_SCOPED),
    "events:edit": Row(EVENT, EVENT_SCOPED),
    "events:counts": Row(EVENT, EVENT_SCOPED),
    "events:attendance": Row(EVENT, EVENT_SCOPED_POST, "post"),
    "events:attendance_import": Row(EVENT, EVENT_SCOPED_POST, "post"),
    "events:register": Row(lambda w: {"pk": w["webinar"].pk}, expect(200)),
    # --- outreach: an ambassador's own logs; their region's coordinators review them ---
    "outreach:list": Row(None, expect(403, anonymous=LOGIN, admin=200)),
    "outreach:create": Row(None, expect(403, anonymous=LOGIN, admin=200)),
    "outreach:review": Row(None, expect(403, anonymous=LOGIN, other_coordinator=200, admin=200)),
    "outreach:log": Row(LOG, expect(403, anonymous=LOGIN, other_coordinator=404, admin=200)),
    "outreach:review_log": Row(LOG, expect(403, anonymous=LOGIN, other_coordinator=404, admin=REDIRECT), "post"),
    # --- Wagtail's public routes (pages are probed in test_wagtail_pages_*) ---
    "wagtail_serve": Row(lambda w: {}, expect(200), query=""),
    "wagtailcore_login": Row(None, expect(LOGIN)),
    "wagtailcore_authenticate_with_password": Row(
        lambda w: {"page_view_restriction_id": 999999, "page_id": w["lesson"].pk}, expect(404)
    ),
    "wagtaildocs_serve": Row(None, expect(404)),
    "wagtaildocs_authenticate_with_password": Row(lambda w: {"restriction_id": 999999}, expect(REDIRECT)),
}

# Subtrees classified by prefix (route without the language prefix), each with representative probes:
# (path relative to the site, expected statuses). "<lang>" is replaced by "fr".
SUBTREES: dict[str, list[tuple[str, dict[str, object]]]] = {
    "admin/": [
        ("/admin/", expect(LOGIN, editor=200, admin=200)),
        ("/admin/users/", expect(LOGIN, editor=REDIRECT, admin=200)),
        ("/admin/pages/", expect(LOGIN, editor=200, admin=200)),
    ],
    "django-admin/": [
        ("/django-admin/", expect(LOGIN, editor=200, admin=200)),
        ("/django-admin/training/trainingsession/", expect(LOGIN, editor=403, admin=200)),
        ("/django-admin/training/coordinator/", expect(LOGIN, editor=403, admin=200)),
    ],
    "<lang>/accounts/": [
        ("/fr/accounts/login/", expect(REDIRECT, anonymous=200)),
        ("/fr/accounts/signup/", expect(REDIRECT, anonymous=200)),
        ("/fr/accounts/password/change/", expect(200, anonymous=LOGIN)),
        ("/fr/accounts/email/", expect(200, anonymous=LOGIN)),
        ("/fr/accounts/2fa/", expect(200, anonymous=LOGIN)),
    ],
}
# Unnamed routes of our own urlconf, by route.
UNNAMED = {"admin/login/": Row(None, expect(LOGIN))}


def url_patterns() -> list[tuple[str, str | None]]:
    """(route, qualified name) of every pattern of the project, the language prefix as "<lang>/"."""

    def walk(resolver, prefix: str, namespace: str):
        for pattern in resolver.url_patterns:
            part = "<lang>/" if isinstance(pattern.pattern, LocalePrefixPattern) else str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern, prefix + part, inner)
            else:
                yield prefix + part, f"{namespace}{pattern.name}" if pattern.name else None

    return list(walk(get_resolver(), "", ""))


def test_every_url_pattern_is_in_the_matrix():
    unclassified = [
        (route, name)
        for route, name in url_patterns()
        if name not in MATRIX and route not in UNNAMED and not route.startswith(tuple(SUBTREES))
    ]
    assert unclassified == [], "classify these routes in tests/security/test_access_matrix.py"


def test_the_matrix_lists_no_route_that_is_gone():
    names = {name for _route, name in url_patterns()}
    assert set(MATRIX) - names == set()


# --- The world: objects of others ----------------------------------------------------------------


def build_world() -> dict:
    """Trainee A holds an attempt, an enrolment and a certificate and takes part in session X of
    trainer T; every probing role is somebody else (trainee B is enrolled in the same module)."""
    user_a, enrolment, post, _rule = certificate_setup_named("Awa Traoré")
    factories.take_test(user=user_a, test=post)
    certificate = certificate_services.certificate_evaluate(enrolment_id=enrolment.pk).certificate
    course = enrolment.course
    pre = course.tests.get(kind="pre") if hasattr(course, "tests") else None
    from assessments.models import Attempt, Test

    pre = Test.objects.get(course=course, kind="pre")
    attempt = Attempt.objects.filter(user=user_a, test=pre).get()
    trainer_t = factories.UserFactory(username="formateur-t", role=roles.TRAINER)
    session = factories.TrainingSessionFactory(trainer=trainer_t, courses=[course])
    training_services.session_days_sync(session=session)
    training_services.participant_add(session=session, user=user_a)
    day = session.days.first()
    day = training_services.checkin_open(day=day)
    other_course, other_lessons = factories.course_tree(lessons=1, title="Autre module")
    h5p = factories.h5p_package()
    _h5p_course, h5p_lessons = factories.course_tree(lessons=1, h5p_package=h5p, title="Module H5P")
    from courses import services as course_services
    from courses.h5p.frame import issue_token

    trainee_b = factories.UserFactory(username="trainee-b")
    course_services.enrolment_create(user=trainee_b, course=course)
    coordinator = factories.UserFactory(username="coordo-ailleurs", role=roles.TRAINER)
    factories.CoordinatorFactory(user=coordinator, region=factories.AdministrativeRegionFactory())
    people = {
        "anonymous": None,
        "trainee A": user_a,
        "trainee B": trainee_b,
        "other trainer": factories.UserFactory(username="autre-formateur", role=roles.TRAINER),
        "other coordinator": coordinator,
        "evaluator": factories.UserFactory(username="evaluatrice", role=roles.EVALUATOR),
        "editor": factories.UserFactory(username="redacteur", role=roles.EDITOR, is_staff=True),
        "admin": factories.UserFactory(username="admin", role=roles.ADMINISTRATOR, is_staff=True, is_superuser=True),
    }
    return {
        "people": people,
        "certificate": certificate,
        "attempt": attempt,
        "enrolment": enrolment,
        "course": course,
        "lesson": course.get_children().first(),
        "pre": pre,
        "session": session,
        "day": day,
        "token": day.checkin_token,
        "other_course": other_course,
        "other_lesson": other_lessons[0],
        "h5p": h5p,
        "h5p_lesson": h5p_lessons[0],
        "h5p_token": issue_token(user_id=trainee_b.pk, lesson_id=h5p_lessons[0].pk, package_id=h5p.pk),
        **_events_world(trainer_t, session),
    }


def _events_world(trainer, session) -> dict:
    """An event run by trainer T in session X's prefecture, an open webinar, and a dialogue log by an
    ambassador there (no probing role is that ambassador or that region's coordinator)."""
    from tests.events.factories import EventFactory, HeadCountFactory, OutreachLogFactory

    ambassador = factories.UserFactory(username="ambassadrice", role=roles.AMBASSADOR)
    log = OutreachLogFactory(ambassador=ambassador, prefecture=session.prefecture)
    HeadCountFactory(log=log)
    return {
        "event": EventFactory(created_by=trainer, prefecture=session.prefecture),
        "webinar": EventFactory(
            kind="webinar", place="online", prefecture=None, created_by=trainer, registration_open=True
        ),
        "log": log,
    }


def certificate_setup_named(name: str):
    return factories.certificate_setup(name=name)


@pytest.fixture
def world(db, settings):
    settings.CERTIFICATE_BASE_URL = "https://verif.example.org"
    return build_world()


def observe(client: Client, method: str, url: str, data: dict) -> object:
    """The status of one request, redirects to the login page as LOGIN and others as REDIRECT."""
    with transaction.atomic():
        if method == "json":
            response = client.post(url, data=json.dumps(data), content_type="application/json")
        elif method == "put":
            response = client.put(url, data=b"{}", content_type="application/json")
        else:
            response = getattr(client, method)(url, data)
        transaction.set_rollback(True)
    if response.status_code in (301, 302):
        target = response["Location"].split("?")[0]
        return LOGIN if target.endswith("/accounts/login/") or target == "/django-admin/login/" else REDIRECT
    return response.status_code


def clients(world) -> dict[str, Client]:
    found = {}
    for role, user in world["people"].items():
        client = Client()
        if user is not None:
            client.force_login(user)
        found[role] = client
    return found


def row_url(name: str, row: Row, world) -> str:
    with translation.override("fr"):
        if name == "wagtail_serve":
            return world["course"].url
        if name == "wagtaildocs_serve":
            return "/documents/999999/absent.pdf"
        kwargs = row.args(world) if row.args else {}
        return reverse(name, kwargs=kwargs) + (f"?{row.query}" if row.query else "")


def test_every_role_gets_the_expected_status_on_every_route(world):
    by_role = clients(world)
    leaks = []
    for name, row in {**MATRIX, **{f"route:{r}": row for r, row in UNNAMED.items()}}.items():
        url = "/admin/login/" if name == "route:admin/login/" else row_url(name, row, world)
        for role in ROLES:
            data = row.data(world) if callable(row.data) else row.data
            got = observe(by_role[role], row.method, url, data)
            if got != row.statuses[role]:
                leaks.append(f"{row.method.upper()} {url} as {role}: {got}, expected {row.statuses[role]}")
    assert leaks == [], "\n".join(leaks)


def test_every_role_gets_the_expected_status_in_the_admin_and_account_subtrees(world):
    by_role = clients(world)
    found = []
    for probes in SUBTREES.values():
        for url, statuses in probes:
            for role in ROLES:
                got = observe(by_role[role], "get", url, {})
                if got != statuses[role]:
                    found.append(f"GET {url} as {role}: {got}, expected {statuses[role]}")
    assert found == [], "\n".join(found)


def test_nothing_of_trainee_a_is_shown_to_anybody_else(world):
    """Beyond status codes: the pages others may open never name trainee A, nor hold her attempt id."""
    name = world["people"]["trainee A"].display_name
    attempt_id = str(world["attempt"].pk)
    by_role = clients(world)
    shown = []
    for route, row in MATRIX.items():
        if row.method != "get":
            continue
        url = row_url(route, row, world)
        for role in ROLES:
            if role in ("trainee A", "admin") or row.statuses[role] != 200:
                continue
            if route.startswith("verification:"):
                continue  # the public verification page shows the holder's initials, by design
            body = content(by_role[role].get(url)).decode(errors="replace")
            if name in body or attempt_id in body:
                shown.append(f"{url} as {role}")
    assert shown == []


def test_an_unknown_attempt_and_certificate_are_404_not_500(world):
    client = clients(world)["trainee B"]
    with translation.override("fr"):
        assert client.get(reverse("assessments:result", kwargs={"attempt_id": uuid.uuid4()})).status_code == 404
        assert client.get(reverse("certificates:download", kwargs={"code": "NOPE-NOPE"})).status_code == 404


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _pdf_text(data: bytes) -> str:
    import subprocess

    return subprocess.run(["/usr/bin/pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def test_the_module_answer_sheet_names_nobody_for_other_trainers(world):
    """Defect found by the matrix: /tests/<id>/answer-sheet.pdf listed every trainee enrolled in the
    module (username and name) to any trainer. Now only administrators get names there."""
    trainee_a = world["people"]["trainee A"]
    by_role = clients(world)
    with translation.override("fr"):
        url = reverse("assessments:answer_sheet_pdf", kwargs={"test_id": world["pre"].pk})
    for role in ("other trainer", "other coordinator", "editor"):
        text = _pdf_text(content(by_role[role].get(url)))
        assert trainee_a.username not in text and "Traoré" not in text, role
    assert trainee_a.username in _pdf_text(content(by_role["admin"].get(url)))
