"""The trainer's pages: size and query budgets, test windows for the room, first login, the accounts
sheet, exports, self-enrolment, the paper-test import by session and the demo."""

import datetime
import gzip
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from assessments import access
from assessments import services as test_services
from assessments.models import Attempt
from lms import roles
from lms.models import User
from tests import factories
from tests.weights import page_weight
from training import services
from training.models import Participant, TrainingSession

pytestmark = pytest.mark.django_db


def _fill(room, count: int) -> None:
    """Participants up to `count`, with attendance and a started pre-test for some."""
    session = room["session"]
    day = session.days.first()
    have = Participant.objects.filter(session=session).count()
    for n in range(have, count):
        user = factories.UserFactory(username=f"p{n:03d}", organisation=f"OSC {n}")
        person, _created = services.participant_add(session=session, user=user)
        services.attendance_mark(day=day, marks={person.pk: "present"})
        if n % 3 == 0:
            test_services.attempt_start(user=user, test=room["pre"])


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("name", ["session", "live", "live_fragment", "summary"])
def test_session_pages_cost_the_same_queries_for_5_and_60_participants(client, room, trainer, name):
    url = reverse(f"training:{name}", args=[room["session"].code])
    client.force_login(trainer)
    _fill(room, 5)
    client.get(url)  # warm caches (content types, site)
    five = _queries(client, url)
    _fill(room, 60)
    sixty = _queries(client, url)
    assert five == sixty, (five, sixty)
    print(f"{name}: {sixty} queries for 5 or 60 participants")


def test_the_session_page_for_60_weighs_under_100_kb_and_a_live_refresh_under_5_kb(client, room, trainer):
    _fill(room, 60)
    client.force_login(trainer)
    first, total, _html = page_weight(client, reverse("training:session", args=[room["session"].code]))
    assert total <= 100 * 1024, total
    response = client.get(reverse("training:live_fragment", args=[room["session"].code]))
    refresh = len(gzip.compress(response.content))
    assert refresh <= 5 * 1024, refresh
    print(f"session page for 60: {first} B first response, {total} B in all; live refresh {refresh} B (gzip)")


def test_the_pre_test_waits_for_the_trainer_and_opens_for_the_whole_room(room):
    trainee, pre, post = room["people"][0], room["pre"], room["post"]
    assert access.may_take_test(user=trainee, test=pre, route=access.ONLINE) is not None
    services.test_window_set(session=room["session"], kind="pre", open=True)
    assert access.may_take_test(user=trainee, test=pre, route=access.ONLINE) is None
    services.test_window_set(session=room["session"], kind="pre", open=False)
    assert access.may_take_test(user=trainee, test=pre, route=access.ONLINE) is not None
    # The post-test opens for the room before the lessons are done, once the pre-test is submitted.
    services.test_window_set(session=room["session"], kind="pre", open=True)
    attempt, _created = test_services.attempt_start(user=trainee, test=pre)
    test_services.attempt_submit(user=trainee, attempt_id=attempt.pk)
    assert access.may_take_test(user=trainee, test=post, route=access.ONLINE) is not None
    services.test_window_set(session=room["session"], kind="post", open=True)
    assert access.may_take_test(user=trainee, test=post, route=access.ONLINE) is None
    # Someone outside the session is not affected by its windows.
    outsider = factories.UserFactory()
    from courses.services import enrolment_create

    enrolment_create(user=outsider, course=room["course"])
    assert access.may_take_test(user=outsider, test=pre, route=access.ONLINE) is None


def test_the_window_buttons_open_and_close_a_test(client, room, trainer):
    client.force_login(trainer)
    url = reverse("training:test_window", args=[room["session"].code, "pre"])
    client.post(url, {"open": "1"})
    assert room["session"].test_windows.get(kind="pre").is_open
    client.post(url, {"open": "0"})
    assert not room["session"].test_windows.get(kind="pre").is_open


def test_the_accounts_sheet_gives_one_time_passwords_that_must_be_changed_at_first_login(client, room, trainer):
    rows = [{"name": "Awa Camara"}, {"name": "Binta Diallo"}]
    assert services.roster_import(session=room["session"], rows=rows).ok
    client.force_login(trainer)
    response = client.post(reverse("training:credentials", args=[room["session"].code]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment")
    credentials = {c.username: c.password for c in services.credentials_issue(session=room["session"])}
    awa = User.objects.get(display_name="Awa Camara")
    assert credentials[awa.username] and credentials[room["people"][0].username] == ""
    awa.refresh_from_db()
    assert awa.check_password(credentials[awa.username])
    assert credentials[awa.username] not in str(User.objects.filter(pk=awa.pk).values().get())

    client.logout()
    login = client.post(reverse("account_login"), {"login": awa.username, "password": credentials[awa.username]})
    assert login.status_code == 302
    first_login = reverse("first_login")
    assert client.get("/fr/").url == first_login
    assert client.get(reverse("training:join")).url == first_login
    new = "Une-phrase-longue-2026"
    refused = client.post(first_login, {"new_password1": new, "new_password2": new})
    assert refused.status_code == 200  # consent is required
    response = client.post(first_login, {"new_password1": new, "new_password2": new, "consent": "on"})
    assert response.status_code == 302
    awa.refresh_from_db()
    assert not awa.must_change_password and awa.check_password(new) and awa.consent_given_at is not None
    assert client.get("/fr/").status_code == 200


def test_the_summary_exports_as_csv_and_xlsx_with_formulas_escaped(client, room, trainer):
    room["people"][0].organisation = "=cmd|' /C calc'!A0"
    room["people"][0].save()
    client.force_login(trainer)
    csv = client.get(reverse("training:summary_export", args=[room["session"].code, "csv"]))
    text = csv.content.decode("utf-8-sig")
    assert room["people"][0].username in text and "'=cmd" in text
    xlsx = client.get(reverse("training:summary_export", args=[room["session"].code, "xlsx"]))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "'=cmd|' /C calc'!A0" in values
    assert client.get(reverse("training:summary_export", args=[room["session"].code, "pdf"])).status_code == 404


def test_a_trainer_creates_a_session_with_its_days(client, trainer, room):
    client.force_login(trainer)
    data = {
        "code": "lab25",
        "title": "Labé",
        "courses": [room["course"].pk],
        "mode": "face_to_face",
        "prefecture": room["session"].prefecture.pk,
        "country": "GN",
        "language": "fr",
        "start_date": "2026-03-02",
        "end_date": "2026-03-04",
    }
    response = client.post(reverse("training:create"), data)
    assert response.status_code == 302
    session = TrainingSession.objects.get(code="LAB25")
    assert list(session.trainers.all()) == [trainer]
    assert session.days.count() == 3 and session.join_code


def test_a_trainee_joins_with_the_code_once_and_a_full_or_closed_session_refuses(client, room):
    session = room["session"]
    user = factories.UserFactory(username="nouvelle")
    client.force_login(user)
    url = reverse("training:join_code", args=[session.join_code])
    assert client.get(url).status_code == 200
    assert client.post(url, {"code": session.join_code.lower()}).status_code == 302
    assert client.post(url, {"code": session.join_code}).status_code == 302
    assert Participant.objects.filter(session=session, user=user).count() == 1
    assert user.enrolments.filter(course=room["course"]).exists()
    session.capacity = 3
    session.save()
    late = factories.UserFactory(username="tardive")
    client.force_login(late)
    assert client.post(url, {"code": session.join_code}).status_code == 200
    assert not Participant.objects.filter(user=late).exists()
    services.session_status_set(session=session, status="closed")
    assert client.post(url, {"code": session.join_code}).status_code == 200
    assert not Participant.objects.filter(user=late).exists()


def test_import_responses_by_session_accepts_only_its_roster(room, tmp_path, capsys):
    outsider = factories.UserFactory(username="horsliste")
    from courses.services import enrolment_create

    enrolment_create(user=outsider, course=room["course"])
    path = tmp_path / "pre.csv"
    path.write_text(f"username;Q1\n{room['people'][0].username};B\n{outsider.username};A\n", encoding="utf-8")
    not_on_roster = "row 3: This row's username is not on the session's roster"
    with translation.override("en"), pytest.raises(CommandError, match=not_on_roster):
        call_command("import_responses", str(path), test="pre", session="kan1")
    path.write_text(f"username;Q1\n{room['people'][0].username};B\n", encoding="utf-8")
    call_command("import_responses", str(path), test="pre", session="KAN1")
    assert Attempt.objects.filter(mode="paper").count() == 1


def test_the_demo_session_is_seeded_once(seeded_demo_twice):
    session = TrainingSession.objects.get(code="DEMO1")
    assert session.mode == "blended" and session.prefecture.name == "Kankan"
    assert session.trainers.filter(username="formateur").exists()
    assert session.participants.count() >= 12
    assert session.participants.filter(user__username="apprenant").exists()
    assert session.days.filter(attendance__isnull=False).distinct().count() == 2
    kinds = set(Attempt.objects.filter(user__participations__session=session).values_list("test__kind", flat=True))
    assert kinds == {"pre", "post"}


def test_the_answer_sheet_lists_the_sessions_roster_and_refuses_other_tests(client, room, trainer):
    client.force_login(trainer)
    url = reverse("training:answer_sheet", args=[room["session"].code, room["pre"].pk])
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert url.encode() in client.get(reverse("training:session", args=[room["session"].code])).content
    _course, _lessons, other_pre, _other_post = factories.assessment_setup()
    other = reverse("training:answer_sheet", args=[room["session"].code, other_pre.pk])
    assert client.get(other).status_code == 404
    assert client.get(url + "?form=B").status_code == 404


def test_someone_without_an_account_signs_up_on_the_spot_and_lands_on_the_join_page(client, room):
    join_url = reverse("training:join_code", args=[room["session"].join_code])
    response = client.get(join_url)
    assert response.status_code == 302 and "next=" in response["Location"]
    signup = client.post(
        reverse("account_signup") + f"?next={join_url}",
        {
            "username": "surplace",
            "password1": "Une-phrase-longue-2026",
            "password2": "Une-phrase-longue-2026",
            "consent": "on",
            "next": join_url,
        },
    )
    assert signup.status_code == 302 and signup["Location"] == join_url
    client.post(join_url, {"code": room["session"].join_code})
    assert Participant.objects.filter(session=room["session"], user__username="surplace").exists()


def test_administrators_manage_sessions_targets_and_coordinators_in_the_admin(client, room):
    admin = factories.UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    for model in ("trainingsession", "programmetarget", "coordinator"):
        assert client.get(f"/django-admin/training/{model}/").status_code == 200, model
    assert client.get(f"/django-admin/training/trainingsession/{room['session'].pk}/change/").status_code == 200


def test_the_attendance_page_costs_the_same_queries_for_5_and_60_participants(client, room, trainer):
    day = room["session"].days.first()
    url = reverse("training:attendance", args=[room["session"].code, day.date.isoformat()])
    client.force_login(trainer)
    _fill(room, 5)
    client.get(url)
    five = _queries(client, url)
    _fill(room, 60)
    assert _queries(client, url) == five
    _first, total, _html = page_weight(client, url)
    assert total <= 100 * 1024, total
    print(f"attendance page: {five} queries for 5 or 60 participants, {total} B with CSS and JS for 60 (gzip)")


def test_a_trainer_edits_the_dates_and_the_days_follow_keeping_days_with_marks(client, room, trainer):
    session = room["session"]
    first, second = session.days.order_by("date")
    person = session.participants.first()
    services.attendance_mark(day=second, marks={person.pk: "present"})
    client.force_login(trainer)
    assert client.get(reverse("training:edit", args=[session.code])).status_code == 200
    data = {
        "code": session.code,
        "title": "Nouveau titre",
        "courses": [room["course"].pk],
        "mode": "webinar",
        "prefecture": session.prefecture.pk,
        "country": "GA",
        "language": "fr",
        "start_date": (first.date + datetime.timedelta(days=5)).isoformat(),
        "end_date": (first.date + datetime.timedelta(days=5)).isoformat(),
    }
    assert client.post(reverse("training:edit", args=[session.code]), data).status_code == 302
    session.refresh_from_db()
    assert (session.title, session.mode, str(session.country)) == ("Nouveau titre", "webinar", "GA")
    dates = set(session.days.values_list("date", flat=True))
    assert dates == {second.date, first.date + datetime.timedelta(days=5)}


@pytest.mark.parametrize(
    ("role", "shown", "hidden"),
    [
        (roles.TRAINER, ["training:list"], ["training:programme", "evaluation:report"]),
        (roles.EVALUATOR, ["training:programme", "evaluation:report"], ["training:list"]),
        (roles.TRAINEE, [], ["training:list", "training:programme", "evaluation:report"]),
    ],
)
def test_the_dashboard_shows_each_role_where_to_start(client, role, shown, hidden):
    user = factories.UserFactory(role=role)
    client.force_login(user)
    html = client.get(reverse("courses:dashboard")).content.decode()
    for name in shown:
        assert f'href="{reverse(name)}"' in html
    for name in hidden:
        assert f'href="{reverse(name)}"' not in html
