"""Who may reach each URL of the events app: 403 for a wrong role, 404 outside one's scope,
login for anonymous people; the public registration page for anyone."""

import pytest

from tests.events.factories import EventFactory, OutreachLogFactory

pytestmark = pytest.mark.django_db

ROLES = ["ambassador", "coordinator", "other_coordinator", "organiser", "evaluator", "admin", "trainee"]


@pytest.fixture
def objects(people, kankan, labe):
    return {
        "event": EventFactory(prefecture=kankan, created_by=people["organiser"], registration_open=True),
        "log": OutreachLogFactory(ambassador=people["ambassador"], prefecture=kankan),
    }


# (url template, method, {role: expected status}); unlisted roles expect 403.
MATRIX = [
    ("/en/events/", "get", {"organiser": 200, "coordinator": 200, "other_coordinator": 200, "admin": 200}),
    ("/en/events/new/", "get", {"organiser": 200, "coordinator": 200, "other_coordinator": 200, "admin": 200}),
    ("/en/events/{event}/", "get", {"organiser": 200, "coordinator": 200, "other_coordinator": 404, "admin": 200}),
    ("/en/events/{event}/edit/", "get", {"organiser": 200, "coordinator": 200, "other_coordinator": 404, "admin": 200}),
    (
        "/en/events/{event}/counts/",
        "get",
        {"organiser": 200, "coordinator": 200, "other_coordinator": 404, "admin": 200},
    ),
    (
        "/en/events/{event}/attendance/",
        "post",
        {"organiser": 302, "coordinator": 302, "other_coordinator": 404, "admin": 302},
    ),
    (
        "/en/events/{event}/attendance/import/",
        "post",
        {"organiser": 302, "coordinator": 302, "other_coordinator": 404, "admin": 302},
    ),
    # Coordinators see their own region's figures (events.dashboard.region_dashboard), not a 403.
    ("/en/events/programme/", "get", {"evaluator": 200, "admin": 200, "coordinator": 200, "other_coordinator": 200}),
    ("/en/events/programme.xlsx", "get", {"evaluator": 200, "admin": 200}),
    ("/en/outreach/", "get", {"ambassador": 200, "admin": 200}),
    ("/en/outreach/new/", "get", {"ambassador": 200, "admin": 200}),
    ("/en/outreach/review/", "get", {"coordinator": 200, "other_coordinator": 200, "admin": 200}),
    (
        "/en/outreach/{log}/",
        "get",
        {"ambassador": 200, "coordinator": 200, "other_coordinator": 404, "admin": 200},
    ),
    (
        "/en/outreach/{log}/review/",
        "post",
        {"coordinator": 302, "other_coordinator": 404, "admin": 302, "organiser": 403},
    ),
]


@pytest.mark.parametrize(("template", "method", "allowed"), MATRIX)
def test_each_role_gets_what_it_may(client, people, objects, template, method, allowed):
    url = template.format(event=objects["event"].pk, log=objects["log"].pk)
    anonymous = getattr(client, method)(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"], url
    for role in ROLES:
        client.force_login(people[role])
        data = {"status": "validated"} if method == "post" else None
        response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
        assert response.status_code == allowed.get(role, 403), (url, role, response.status_code)


def test_the_registration_page_is_public_for_open_events_only(client, objects, people):
    assert client.get(f"/en/events/{objects['event'].pk}/register/").status_code == 200
    closed = EventFactory(created_by=people["organiser"])
    assert client.get(f"/en/events/{closed.pk}/register/").status_code == 404


def test_the_dashboard_links_follow_the_role(client, people):
    expectations = {
        "ambassador": ["/en/outreach/new/"],
        "coordinator": ["/en/outreach/review/", "/en/events/", "/en/events/programme/"],
        "evaluator": ["/en/events/programme/"],
        "trainee": [],
    }
    for role, links in expectations.items():
        client.force_login(people[role])
        page = client.get("/en/dashboard/").content.decode()
        for link in ["/en/outreach/new/", "/en/outreach/review/", "/en/events/programme/"]:
            assert (f'href="{link}"' in page) == (link in links), (role, link)
