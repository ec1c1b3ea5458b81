"""Organisers create events (in a prefecture, abroad or online), count participants without names,
attach Wagtail documents and mark attendance."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from events.models import Event, HeadCount
from tests.events.factories import EventFactory, RegistrantFactory

pytestmark = pytest.mark.django_db


def event_data(**changes):
    today = timezone.localdate()
    data = {
        "kind": "validation_workshop",
        "title": "Validation de la revue",
        "start_date": today.isoformat(),
        "end_date": (today + datetime.timedelta(days=1)).isoformat(),
        "place": "prefecture",
        "prefecture": "",
        "country": "",
        "city": "",
        "venue": "Salle des fêtes",
        "organiser": "OIM",
        "audiences": ["police", "civil_society"],
        "language": "fr",
        "join_link": "",
        "outcome_notes": "",
    }
    data.update(changes)
    return data


def test_an_organiser_creates_a_workshop_with_an_agenda(client, people, kankan):
    document = get_document_model().objects.create(
        title="Ordre du jour", file=ContentFile(b"%PDF-1.4", name="agenda.pdf")
    )
    client.force_login(people["organiser"])
    response = client.post("/en/events/new/", event_data(prefecture=kankan.pk, documents=[document.pk]))
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/events/{event.pk}/"
    assert event.created_by == people["organiser"] and event.audiences == ["police", "civil_society"]
    assert list(event.documents.all()) == [document]
    assert "Ordre du jour" in client.get(f"/en/events/{event.pk}/").content.decode()


def test_an_event_abroad_needs_a_foreign_country_and_a_city(client, people, kankan):
    client.force_login(people["organiser"])
    response = client.post("/en/events/new/", event_data(place="abroad", country="GN", city="Conakry"))
    assert "a country other than Guinea and a city for an event abroad" in response.content.decode()
    assert not Event.objects.exists()
    client.post("/en/events/new/", event_data(place="abroad", country="GA", city="Libreville", prefecture=kankan.pk))
    event = Event.objects.get()
    assert (event.country.code, event.city, event.prefecture) == ("GA", "Libreville", None)  # prefecture cleared


def test_an_online_webinar_keeps_no_place_and_https_link(client, people):
    client.force_login(people["organiser"])
    client.post(
        "/en/events/new/",
        event_data(kind="webinar", place="online", join_link="meet.example.org/abc", registration_open="on"),
    )
    event = Event.objects.get()
    assert event.join_link == "https://meet.example.org/abc" and event.registration_open


def test_the_end_date_cannot_precede_the_start(client, people, kankan):
    client.force_login(people["organiser"])
    today = timezone.localdate()
    response = client.post(
        "/en/events/new/",
        event_data(prefecture=kankan.pk, end_date=(today - datetime.timedelta(days=1)).isoformat()),
    )
    assert "The end date is before the start date." in response.content.decode()
    assert not Event.objects.exists()


def test_participants_are_counted_by_group_sex_and_age(client, people, kankan):
    event = EventFactory(prefecture=kankan, created_by=people["organiser"])
    client.force_login(people["organiser"])
    response = client.post(
        f"/en/events/{event.pk}/counts/",
        {"count__police__male__18_35": "20", "count__community__female__under_18": "13"},
    )
    assert response.status_code == 302
    assert sorted(HeadCount.objects.filter(event=event).values_list("count", flat=True)) == [13, 20]
    refused = client.post(f"/en/events/{event.pk}/counts/", {"count__police__male__18_35": "-2"})
    assert "A count cannot be negative." in refused.content.decode()
    assert sorted(HeadCount.objects.filter(event=event).values_list("count", flat=True)) == [13, 20]


def test_attendance_is_marked_by_hand(client, people, kankan):
    event = EventFactory(prefecture=kankan, created_by=people["organiser"])
    there, away = RegistrantFactory(event=event), RegistrantFactory(event=event, attended=True)
    client.force_login(people["organiser"])
    client.post(f"/en/events/{event.pk}/attendance/", {"attended": [str(there.pk)]})
    there.refresh_from_db()
    away.refresh_from_db()
    assert there.attended and not away.attended


def test_the_sessions_dashboard_shows_the_outreach_totals(client, people, kankan):
    from tests.events.factories import HeadCountFactory, OutreachLogFactory

    HeadCountFactory(
        log=OutreachLogFactory(ambassador=people["ambassador"], prefecture=kankan, status="validated"), count=37
    )
    client.force_login(people["evaluator"])
    page = client.get("/en/sessions/programme/").content.decode()
    assert "<dt>People reached through dialogues</dt><dd" in page and ">37</span></dd>" in page
