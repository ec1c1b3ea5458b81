"""A trainer reaches only their own people (docs/sessions.md, "Whom a trainer may reach").

Two trainers in two regions. Trainer B, on B's own session, tries every route that takes a person on
trainer A's people and on staff accounts: nothing about those people changes (their rows are compared
before and after) and nothing about them shows (their name, username and organisation are absent from
every response, from B's summary and from B's accounts sheet, PDF text included). A new route that
takes a person is one more entry in ROUTES.
"""

from __future__ import annotations

import io
import subprocess
from collections.abc import Callable

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from assessments.models import Attempt, Question
from assessments.paper import option_letters
from courses.models import Enrolment
from lms import roles
from lms.models import User
from tests import factories
from training import services
from training.models import Attendance, Participant

pytestmark = pytest.mark.django_db


def _person(username: str, number: int, role: str | None = None, **fields) -> User:
    """An account with a name, an organisation, an email and a phone of its own (to look for)."""
    return factories.UserFactory(
        username=username,
        display_name=f"Zogbila Personne{number}",
        organisation=f"Organisation-Cible-{number}",
        email=f"{username}@example.org",
        phone=f"+2246210000{number:02d}",
        role=role,
        **fields,
    )


@pytest.fixture
def world(db, tmp_path):
    course, _lessons, pre, _post = factories.assessment_setup()
    region_a, region_b = factories.AdministrativeRegionFactory(), factories.AdministrativeRegionFactory()
    trainer_a = _person("formateur.a", 1, roles.TRAINER)
    trainer_b = factories.UserFactory(username="formateur.b", role=roles.TRAINER)
    session_a = factories.TrainingSessionFactory(
        code="AAA1", trainer=trainer_a, courses=[course], prefecture=factories.PrefectureFactory(region=region_a)
    )
    session_b = factories.TrainingSessionFactory(
        code="BBB1", trainer=trainer_b, courses=[course], prefecture=factories.PrefectureFactory(region=region_b)
    )
    for session in (session_a, session_b):
        services.session_days_sync(session=session)
    # A's people: an account A's roster created and nobody has used yet, and an active trainee.
    trainer_a_client = Client()
    trainer_a_client.force_login(trainer_a)
    rows = [["name", "organisation", "email"], ["Zogbila Personne2", "Organisation-Cible-2", "a@ex.org"]]
    upload = io.BytesIO(_csv(rows))
    upload.name = "roster.csv"
    trainer_a_client.post(reverse("training:roster", args=[session_a.code]), {"file": upload})
    not_activated = User.objects.get(display_name="Zogbila Personne2", participations__session=session_a)
    active = _person("mariama.active", 3, last_login=timezone.now())
    services.participant_add(session=session_a, user=active)
    services.participant_add(session=session_b, user=factories.UserFactory(username="participant.b"))
    coordinator = _person("coordo.a", 4, roles.TRAINER)
    factories.CoordinatorFactory(user=coordinator, region=region_a)
    targets = {
        "A's new account": not_activated,
        "A's active trainee": active,
        "trainer A": trainer_a,
        "coordinator": coordinator,
        "evaluator": _person("evaluateur.z", 5, roles.EVALUATOR),
        "editor": _person("redacteur.z", 6, roles.EDITOR, is_staff=True),
        "administrator": _person("admin.z", 7, roles.ADMINISTRATOR),
        "is_staff": _person("staff.z", 8, is_staff=True),
        "superuser": _person("super.z", 9, is_superuser=True, is_staff=True),
    }
    client = Client()
    client.force_login(trainer_b)
    return {
        "tmp_path": tmp_path,
        "client": client,
        "trainer_b": trainer_b,
        "session_a": session_a,
        "session_b": session_b,
        "pre": pre,
        "targets": targets,
    }


def snapshot(user: User) -> dict:
    """Every row about `user` that a trainer's route could write."""
    return {
        "user": User.objects.filter(pk=user.pk).values().get(),
        "groups": sorted(user.groups.values_list("pk", flat=True)),
        "participations": sorted(Participant.objects.filter(user=user).values_list("pk", "session_id", "source")),
        "enrolments": sorted(Enrolment.objects.filter(user=user).values_list("pk", "course_id", "status")),
        "attendance": sorted(
            Attendance.objects.filter(participant__user=user).values_list("pk", "day_id", "status", "source")
        ),
        "attempts": sorted(Attempt.objects.filter(user=user).values_list("pk", "status", "score")),
    }


def _pdf_text(data: bytes) -> str:
    return subprocess.run(["/usr/bin/pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def text_of(response) -> str:
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if data.startswith(b"%PDF"):
        return _pdf_text(data)
    return data.decode(errors="replace")


def _csv(rows: list[list[str]]) -> bytes:
    return "\n".join(";".join(row) for row in rows).encode()


def _xlsx(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _upload(world, content: bytes, name: str) -> list[str]:
    upload = io.BytesIO(content)
    upload.name = name
    response = world["client"].post(reverse("training:roster", args=[world["session_b"].code]), {"file": upload})
    return [text_of(response)]


def roster_csv(column: str, field: str):
    def attempt(world, target: User) -> list[str]:
        return _upload(world, _csv([["name", column], ["Quelqu'un", getattr(target, field)]]), "roster.csv")

    return attempt


def roster_xlsx(world, target: User) -> list[str]:
    rows = [["nom", "identifiant", "courriel"], ["Quelqu'un", target.username, target.email]]
    return _upload(world, _xlsx(rows), "roster.xlsx")


def participant_add(world, target: User) -> list[str]:
    """The form takes a name only: identifiers slipped into the request are ignored."""
    data = {"name": "Personne Nouvelle", "username": target.username, "email": target.email, "phone": target.phone}
    response = world["client"].post(reverse("training:participant_add", args=[world["session_b"].code]), data)
    return [text_of(response)]


def accounts_sheet(world, target: User) -> list[str]:
    response = world["client"].post(reverse("training:credentials", args=[world["session_b"].code]))
    return [text_of(response)]


def _their_participation(world, target: User) -> Participant | None:
    return Participant.objects.filter(user=target, session=world["session_a"]).first()


def attendance_mark(world, target: User) -> list[str]:
    participant = _their_participation(world, target)
    day = world["session_b"].days.first()
    url = reverse("training:attendance", args=[world["session_b"].code, day.date.isoformat()])
    pid = participant.pk if participant else 0
    responses = [
        world["client"].post(url, {"mark": f"{pid}:absent"}),
        world["client"].post(url, {f"status-{pid}": "late"}),
    ]
    return [text_of(response) for response in responses]


def attendance_of_their_session(world, target: User) -> list[str]:
    participant = _their_participation(world, target)
    day = world["session_a"].days.first()
    url = reverse("training:attendance", args=[world["session_a"].code, day.date.isoformat()])
    pid = participant.pk if participant else 0
    return [text_of(world["client"].get(url)), text_of(world["client"].post(url, {"mark": f"{pid}:absent"}))]


def checkin(world, target: User) -> list[str]:
    """Trainer B opens B's check-in and also tries A's (open) check-in code."""
    day_a = services.checkin_open(day=world["session_a"].days.get(date=timezone.localdate()))
    day_b = world["session_b"].days.get(date=timezone.localdate())
    switch = reverse("training:checkin_switch", args=[world["session_b"].code, day_b.date.isoformat()])
    responses = [world["client"].post(switch, {"open": "1"})]
    responses.append(world["client"].post(reverse("training:checkin", args=[day_a.checkin_token])))
    return [text_of(response) for response in responses]


def _answer(question: Question) -> str:
    return next(iter(option_letters(question)))


def paper_results(world, target: User) -> list[str]:
    question = Question.objects.get(reference="Q1", is_current=True)
    url = reverse("training:paper_results", args=[world["session_b"].code, world["pre"].pk])
    response = world["client"].post(url, {f"cell-{target.pk}-Q1": _answer(question)})
    return [text_of(response), text_of(world["client"].get(url))]


def answer_sheet(world, target: User) -> list[str]:
    url = reverse("training:answer_sheet", args=[world["session_b"].code, world["pre"].pk])
    return [text_of(world["client"].get(url))]


def sign_in_sheet(world, target: User) -> list[str]:
    day = world["session_b"].days.first()
    url = reverse("training:sign_in_sheet", args=[world["session_b"].code, day.date.isoformat()])
    return [text_of(world["client"].get(url))]


def offline_shared_phone(world, target: User) -> list[str]:
    """The shared-phone download carries a session's roster: A's roster is not B's to take."""
    url = reverse("offline_download", args=[world["pre"].pk])
    responses = [world["client"].post(url, {"session": code}) for code in ("AAA1", "BBB1")]
    return [text_of(response) for response in responses]


def _command(name: str, *args, **options) -> list[str]:
    out = io.StringIO()
    try:
        call_command(name, *args, stdout=out, **options)
    except CommandError as error:
        return [out.getvalue(), str(error)]
    return [out.getvalue()]


def import_roster_command(world, target: User) -> list[str]:
    tmp_path = world["tmp_path"]
    found = []
    for column, field in (("username", "username"), ("email", "email"), ("phone", "phone")):
        path = tmp_path / f"roster-{column}.csv"
        path.write_bytes(_csv([["name", column], ["Quelqu'un", getattr(target, field)]]))
        found += _command("import_roster", str(path), session="BBB1", sheet=str(tmp_path / "sheet.pdf"))
        if (tmp_path / "sheet.pdf").exists():
            found.append(_pdf_text((tmp_path / "sheet.pdf").read_bytes()))
    return found


def import_responses_command(world, target: User) -> list[str]:
    tmp_path = world["tmp_path"]
    question = Question.objects.get(reference="Q1", is_current=True)
    path = tmp_path / "answers.csv"
    path.write_bytes(_csv([["username", "Q1"], [target.username, _answer(question)]]))
    return _command("import_responses", str(path), test="pre", session="BBB1")


ROUTES: dict[str, Callable] = {
    "roster CSV by username": roster_csv("username", "username"),
    "roster CSV by email": roster_csv("email", "email"),
    "roster CSV by phone": roster_csv("phone", "phone"),
    "roster XLSX": roster_xlsx,
    "add one participant": participant_add,
    "accounts sheet PDF": accounts_sheet,
    "attendance of B's day": attendance_mark,
    "attendance of A's day": attendance_of_their_session,
    "check-in": checkin,
    "paper results entry": paper_results,
    "answer sheet PDF": answer_sheet,
    "sign-in sheet PDF": sign_in_sheet,
    "offline shared phone": offline_shared_phone,
    "import_roster command": import_roster_command,
    "import_responses command": import_responses_command,
}


def _observe(world) -> list[str]:
    """What B sees afterwards: the summary (names, organisations, scores) and the accounts sheet."""
    client, code = world["client"], world["session_b"].code
    return [
        text_of(client.get(reverse("training:summary_export", args=[code, "csv"]))),
        text_of(client.get(reverse("training:live_fragment", args=[code]))),
        text_of(client.post(reverse("training:credentials", args=[code]))),
    ]


@pytest.mark.parametrize("route", list(ROUTES))
def test_a_trainer_reaches_neither_another_trainers_people_nor_staff(world, route):
    attempt = ROUTES[route]
    changed, shown = [], []
    for label, target in world["targets"].items():
        before = snapshot(target)
        with translation.override("en"):
            texts = attempt(world, target)
            texts += _observe(world)
        if snapshot(target) != before:
            changed.append(label)
        for secret in (target.display_name, target.username, target.organisation):
            if secret and any(secret in text for text in texts):
                shown.append(f"{label}: {secret}")
    assert changed == [], f"{route} changed the rows of: {changed}"
    assert shown == [], f"{route} showed: {shown}"


# --- The rule itself --------------------------------------------------------------------------------


def _import_email(session, email: str, by=None):
    with translation.override("en"):
        return services.roster_import(session=session, rows=[{"name": "Quelqu'un", "email": email}], by=by)


def test_a_trainer_reaches_the_people_of_their_own_sessions_and_a_coordinator_those_of_their_region(world):
    active = world["targets"]["A's active trainee"]
    trainer_a = world["session_a"].trainers.get()
    region_a = world["session_a"].prefecture.region
    second = factories.TrainingSessionFactory(trainer=trainer_a, prefecture=world["session_a"].prefecture)
    report = _import_email(second, active.email, by=trainer_a)
    assert report.ok and report.created == [], report.problems
    coordinated = factories.TrainingSessionFactory(prefecture=factories.PrefectureFactory(region=region_a))
    report = _import_email(coordinated, active.email, by=world["targets"]["coordinator"])
    assert report.ok and report.created == [], report.problems
    assert set(Participant.objects.filter(user=active).values_list("session", flat=True)) == {
        world["session_a"].pk,
        second.pk,
        coordinated.pk,
    }


def test_somebody_known_elsewhere_is_refused_with_a_message_that_names_nobody(world):
    active = world["targets"]["A's active trainee"]
    report = _import_email(world["session_b"], active.email, by=world["trainer_b"])
    assert report.problems == [
        (
            2,
            "This email or phone number belongs to an account outside this session's reach: ask a "
            "coordinator or an administrator to add this person.",
        )
    ]
    with translation.override("en"):
        report = services.roster_import(
            session=world["session_b"], rows=[{"name": "X", "username": "admin.z"}], by=world["trainer_b"]
        )
        unknown = services.roster_import(
            session=world["session_b"], rows=[{"name": "X", "username": "nobody.here"}], by=world["trainer_b"]
        )
    # An existing staff username and an unknown one get the same answer: usernames cannot be probed.
    assert report.problems == unknown.problems and "ask a coordinator" in report.problems[0][1]


def test_staff_are_beyond_reach_even_of_an_administrator_who_reaches_everybody_else(world):
    admin = world["targets"]["administrator"]
    for label in ("evaluator", "trainer A", "coordinator", "is_staff", "superuser", "editor"):
        assert not _import_email(world["session_b"], world["targets"][label].email, by=admin).ok, label
    self_registered = _person("inscrite.seule", 10)
    assert _import_email(world["session_b"], self_registered.email, by=admin).ok
    assert not _import_email(world["session_a"], self_registered.email, by=world["session_a"].trainers.get()).ok


def test_the_import_roster_command_acts_for_the_sessions_trainers(world, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes(_csv([["name", "email"], ["Quelqu'un", world["targets"]["A's active trainee"].email]]))
    with translation.override("en"), pytest.raises(CommandError, match="outside this session's reach"):
        call_command("import_roster", str(path), session="BBB1")
    second = factories.TrainingSessionFactory(code="AAA2", trainer=world["session_a"].trainers.get())
    call_command("import_roster", str(path), session="AAA2", stdout=io.StringIO())
    assert second.participants.filter(user=world["targets"]["A's active trainee"]).exists()


def test_the_accounts_sheet_issues_passwords_only_for_accounts_this_session_created_and_never_used(world):
    created_by_a = world["targets"]["A's new account"]
    # Put on B's roster by someone who may (an administrator): B still may not print its password.
    services.participant_add(session=world["session_b"], user=created_by_a)
    password = User.objects.get(pk=created_by_a.pk).password
    with translation.override("en"):
        sheet_b = {c.username: c for c in services.credentials_issue(session=world["session_b"])}
    assert sheet_b[created_by_a.username].password == "" and "not issued here" in sheet_b[created_by_a.username].note
    assert User.objects.get(pk=created_by_a.pk).password == password
    sheet_a = {c.username: c.password for c in services.credentials_issue(session=world["session_a"])}
    assert sheet_a[created_by_a.username]
    User.objects.filter(pk=created_by_a.pk).update(last_login=timezone.now())
    assert {c.username: c.password for c in services.credentials_issue(session=world["session_a"])} == {
        created_by_a.username: "",
        "mariama.active": "",
    }
    User.objects.filter(pk=created_by_a.pk).update(last_login=None)
    factories.staff(created_by_a, roles.EVALUATOR)
    assert {c.username: c.password for c in services.credentials_issue(session=world["session_a"])}[
        created_by_a.username
    ] == ""


def test_only_one_session_can_have_created_an_account(world):
    from django.db import IntegrityError

    created_by_a = world["targets"]["A's new account"]
    with pytest.raises(IntegrityError):
        Participant.objects.create(session=world["session_b"], user=created_by_a, created_account=True)


def test_the_migration_marks_the_roster_entry_made_with_the_account_as_its_creator(world):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("training.migrations.0002_participant_created_account")
    created_by_a = world["targets"]["A's new account"]
    services.participant_add(session=world["session_b"], user=created_by_a)  # later: not the creator
    Participant.objects.update(created_account=False)
    migration.mark_creating_sessions(apps, None)
    assert list(Participant.objects.filter(created_account=True).values_list("user", "session")) == [
        (created_by_a.pk, world["session_a"].pk)
    ]
