"""Acceptance 2: nobody but the session's trainers, its region's coordinator and administrators can
see or change a session. Every route is walked as anonymous, a trainee of the session, another
trainer and the coordinator of another region: 403/404 (anonymous: the login page), nothing leaked,
nothing changed."""

import re

import pytest
from django.urls import reverse

from assessments.models import Test
from lms import roles
from tests import factories
from tests.training.conftest import trainer_user
from training import services
from training.models import Attendance, Participant, TestWindow, TrainingSession

pytestmark = pytest.mark.django_db


def _routes(session, day, token) -> list[tuple[str, str, dict]]:
    code, date = session.code, day.date.isoformat()
    test_id = Test.objects.get(course__in=session.courses.all(), kind="pre").pk
    return [
        ("get", reverse("training:session", args=[code]), {}),
        ("post", reverse("training:status", args=[code]), {"status": "closed"}),
        ("get", reverse("training:edit", args=[code]), {}),
        ("post", reverse("training:edit", args=[code]), {"title": "Pris"}),
        ("get", reverse("training:join_qr", args=[code]), {}),
        ("post", reverse("training:roster", args=[code]), {}),
        ("post", reverse("training:credentials", args=[code]), {}),
        ("post", reverse("training:participant_add", args=[code]), {"name": "Nom choisi"}),
        ("get", reverse("training:attendance", args=[code, date]), {}),
        ("post", reverse("training:attendance", args=[code, date]), {"all_present": "1"}),
        ("post", reverse("training:checkin_switch", args=[code, date]), {"open": "0"}),
        ("get", reverse("training:checkin_qr", args=[code, date]), {}),
        ("get", reverse("training:sign_in_sheet", args=[code, date]), {}),
        ("post", reverse("training:test_window", args=[code, "pre"]), {"open": "1"}),
        ("get", reverse("training:live", args=[code]), {}),
        ("get", reverse("training:live_fragment", args=[code]), {}),
        ("get", reverse("training:summary", args=[code]), {}),
        ("get", reverse("training:summary_export", args=[code, "csv"]), {}),
        ("get", reverse("training:summary_export", args=[code, "xlsx"]), {}),
        ("get", reverse("training:answer_sheet", args=[code, test_id]), {}),
        ("get", reverse("training:paper_results", args=[code, test_id]), {}),
        ("post", reverse("training:paper_results", args=[code, test_id]), {}),
    ]


def test_the_walk_covers_every_route_of_a_session():
    """A new session route must join the walk above, or this fails."""
    import inspect

    from training import urls

    walked = set(re.findall(r'reverse\("training:(\w+)"', inspect.getsource(_routes)))
    with_code = {pattern.name for pattern in urls.urlpatterns if "<str:code>" in str(pattern.pattern)}
    assert with_code - walked == set()


@pytest.fixture
def world(room, trainer):
    session = room["session"]
    day = session.days.first()
    services.checkin_open(day=day)
    other_region = factories.AdministrativeRegionFactory()
    coordinator = trainer_user("coordo-ailleurs")
    factories.CoordinatorFactory(user=coordinator, region=other_region)
    return {
        "session": session,
        "day": day,
        "people": {
            "trainee": room["people"][0],
            "other trainer": trainer_user("autre-formateur"),
            "coordinator of another region": coordinator,
        },
    }


def _state(session):
    session.refresh_from_db()
    return (
        session.status,
        Attendance.objects.count(),
        TestWindow.objects.count(),
        Participant.objects.count(),
        session.days.filter(checkin_token__isnull=False).count(),
    )


@pytest.mark.parametrize("who", ["anonymous", "trainee", "other trainer", "coordinator of another region"])
def test_every_session_route_refuses_outsiders_and_leaks_nothing(client, world, who):
    session, day = world["session"], world["day"]
    if who != "anonymous":
        client.force_login(world["people"][who])
    before = _state(session)
    for method, url, data in _routes(session, day, day.checkin_token):
        response = getattr(client, method)(url, data)
        if who == "anonymous":
            assert response.status_code == 302 and response["Location"].startswith(reverse("account_login")), url
        else:
            assert response.status_code in (403, 404), (who, url, response.status_code)
            assert session.title.encode() not in response.content
            assert session.join_code.encode() not in response.content
        # The answer for a session that exists is the answer for one that does not.
        missing = url.replace(f"/{session.code}/", "/NOSUCH/")
        assert getattr(client, method)(missing, data).status_code == response.status_code, url
    assert _state(session) == before


@pytest.mark.parametrize("who", ["trainee", "other trainer", "coordinator of another region"])
def test_lists_and_the_programme_dashboard_show_outsiders_nothing(client, world, who):
    client.force_login(world["people"][who])
    response = client.get(reverse("training:list"))
    assert response.status_code == 403 or world["session"].code.encode() not in response.content
    response = client.get(reverse("training:programme"))
    if who == "coordinator of another region":  # their own region's figures, none of this session's
        assert response.status_code == 200
        assert world["session"].prefecture.region.name.encode() not in response.content
    else:
        assert response.status_code == 403


def test_the_trainer_the_regions_coordinator_and_an_administrator_get_in(client, world, trainer):
    session = world["session"]
    coordinator = trainer_user("coordo-ici")
    factories.CoordinatorFactory(user=coordinator, region=session.prefecture.region)
    admin = factories.UserFactory(username="administratrice", role=roles.ADMINISTRATOR)
    for user in (trainer, coordinator, admin):
        client.force_login(user)
        for method, url, _data in _routes(session, world["day"], world["day"].checkin_token):
            if method == "get":
                assert client.get(url).status_code == 200, (user, url)
        assert session.code.encode() in client.get(reverse("training:list")).content


def test_the_selector_scopes_sessions_by_trainer_region_and_role(world, trainer):
    session = world["session"]
    elsewhere = factories.TrainingSessionFactory(trainer=world["people"]["other trainer"])
    from training.selectors import sessions_visible_to

    assert list(sessions_visible_to(user=trainer)) == [session]
    assert list(sessions_visible_to(user=world["people"]["trainee"])) == []
    coordinator = world["people"]["coordinator of another region"]
    factories.CoordinatorFactory(user=coordinator, region=elsewhere.prefecture.region)
    assert list(sessions_visible_to(user=coordinator)) == [elsewhere]
    assert TrainingSession.objects.count() == 2
