"""Webinars: a public registration page for any country, attendance imported from the meeting
tool's export (all or nothing), and the dashboard's count by country."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from events import services
from events.models import Registrant
from tests.events.factories import EventFactory, RegistrantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def webinar(people):
    return EventFactory(
        kind="webinar",
        place="online",
        prefecture=None,
        registration_open=True,
        join_link="https://meet.example.org/abc",
        created_by=people["organiser"],
    )


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def registration(**changes):
    data = {
        "name": "Clarisse Ndong",
        "organisation": "Ministère des Affaires sociales",
        "country": "GA",
        "email": "clarisse@example.ga",
        "consent": "on",
    }
    data.update(changes)
    return data


def test_anyone_from_another_country_registers_and_gets_the_link(client, webinar):
    response = client.post(f"/en/events/{webinar.pk}/register/", registration())
    assert response.status_code == 200 and "https://meet.example.org/abc" in response.content.decode()
    person = Registrant.objects.get()
    assert (person.country.code, person.email, person.attended) == ("GA", "clarisse@example.ga", False)
    assert person.consent_given_at is not None


def test_registration_needs_consent_and_stores_nothing_without_it(client, webinar):
    response = client.post(f"/en/events/{webinar.pk}/register/", registration(consent=""))
    assert "Registration needs your consent." in response.content.decode()
    assert not Registrant.objects.exists()


def test_registering_twice_keeps_one_registration(client, webinar):
    client.post(f"/en/events/{webinar.pk}/register/", registration())
    client.post(f"/en/events/{webinar.pk}/register/", registration(email="CLARISSE@example.ga"))
    assert Registrant.objects.count() == 1


def test_registration_is_csrf_protected(webinar):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(f"/en/events/{webinar.pk}/register/", registration()).status_code == 403
    assert not Registrant.objects.exists()


def test_registration_is_rate_limited_per_address(client, webinar, settings):
    from events import views

    for number in range(views.REGISTRATIONS_PER_HOUR):
        client.post(f"/en/events/{webinar.pk}/register/", registration(email=f"p{number}@example.org"))
    response = client.post(f"/en/events/{webinar.pk}/register/", registration(email="late@example.org"))
    assert response.status_code == 429
    assert Registrant.objects.count() == views.REGISTRATIONS_PER_HOUR


def test_an_event_without_open_registration_has_no_registration_page(client, webinar):
    webinar.registration_open = False
    webinar.save()
    assert client.get(f"/en/events/{webinar.pk}/register/").status_code == 404


ZOOM = (
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
    "Clarisse N,clarisse@example.ga,2026-03-03 10:00,2026-03-03 11:00,60,Yes\n"
    "Jean-Paul Mba,JP@example.ga,2026-03-03 10:05,2026-03-03 10:35,30,Yes\n"
    "Clarisse N,clarisse@example.ga,2026-03-03 11:10,2026-03-03 11:30,20,Yes\n"
)


def test_attendance_is_imported_from_a_zoom_export_matching_emails(client, people, webinar):
    clarisse = RegistrantFactory(event=webinar, email="clarisse@example.ga", country="GA")
    jean_paul = RegistrantFactory(event=webinar, email="jp@example.ga", country="GA")
    absent = RegistrantFactory(event=webinar, email="absent@example.ga", country="GA")
    client.force_login(people["organiser"])
    upload = SimpleUploadedFile("participants.csv", ZOOM.encode())
    response = client.post(f"/en/events/{webinar.pk}/attendance/import/", {"file": upload}, follow=True)
    assert "Attendance imported: 2 people." in response.content.decode()
    for person in (clarisse, jean_paul, absent):
        person.refresh_from_db()
    assert (clarisse.attended, clarisse.minutes_attended) == (True, 80)
    assert (jean_paul.attended, jean_paul.minutes_attended) == (True, 30)
    assert not absent.attended


@pytest.mark.parametrize(
    ("bad_line", "problem"),
    [
        ("Someone,not-an-email,,,10,Yes\n", "Row 4: “not-an-email” is not an email address."),
        ("Intruder,intruder@example.org,,,10,Yes\n", "Row 4: Nobody registered with intruder@example.org."),
        ("Clarisse N,clarisse@example.ga,,,ten,Yes\n", "Row 4: “ten” is not a number of minutes."),
    ],
)
def test_a_bad_attendance_file_imports_nothing_and_names_the_row(client, people, webinar, bad_line, problem):
    RegistrantFactory(event=webinar, email="clarisse@example.ga")
    RegistrantFactory(event=webinar, email="jp@example.ga")
    content = "\n".join(ZOOM.splitlines()[:3]) + "\n" + bad_line
    client.force_login(people["organiser"])
    upload = SimpleUploadedFile("participants.csv", content.encode())
    response = client.post(f"/en/events/{webinar.pk}/attendance/import/", {"file": upload}, follow=True)
    assert "Nothing was imported. " + problem in response.content.decode()
    assert not Registrant.objects.filter(attended=True).exists()


def test_a_file_without_an_email_column_is_refused():
    from lms.tables import TableError

    event = EventFactory(kind="webinar", place="online", prefecture=None)
    with pytest.raises(TableError) as problem:
        services.attendance_import(event=event, content=b"Name;Minutes\nA;3\n", filename="a.csv")
    assert problem.value.row == 1


def test_three_participants_from_gabon_appear_on_the_dashboard_by_country(client, people, webinar):
    """Acceptance 2: registered through the page, attendance imported from CSV, shown by country."""
    emails = ["a@example.ga", "b@example.ga", "c@example.ga"]
    for number, email in enumerate(emails):
        client.post(f"/en/events/{webinar.pk}/register/", registration(name=f"Participant {number}", email=email))
    export = "User Email,Duration (Minutes)\n" + "".join(f"{email},45\n" for email in emails)
    client.force_login(people["organiser"])
    client.post(
        f"/en/events/{webinar.pk}/attendance/import/",
        {"file": SimpleUploadedFile("zoom.csv", export.encode())},
    )
    assert Registrant.objects.filter(attended=True, country="GA").count() == 3
    client.force_login(people["evaluator"])
    page = client.get("/en/events/programme/").content.decode()
    # Three people are a small group: the country is listed, its number suppressed.
    assert '<tr data-country="Gabon"><th scope="row">Gabon</th><td>fewer than 5</td></tr>' in page
    # With two more from Gabon the number shows.
    for email in ("d@example.ga", "e@example.ga"):
        RegistrantFactory(event=webinar, email=email, country="GA", attended=True)
    page = client.get("/en/events/programme/").content.decode()
    assert '<tr data-country="Gabon"><th scope="row">Gabon</th><td>5</td></tr>' in page
