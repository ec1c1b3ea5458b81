"""Ambassadors log dialogues (counts only); refused logs store nothing; coordinators review their region's."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events import services
from events.models import HeadCount, OutreachLog
from tests.events.factories import OutreachLogFactory

pytestmark = pytest.mark.django_db

NEW = "/en/outreach/new/"


def form_data(place, **changes):
    data = {
        "date": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
        "prefecture": str(place.pk),
        "locality": "Bordo",
        "topics": ["safe_migration", "where_to_get_help"],
        "materials": ["poster"],
        "referrals": "2",
        "note": "Questions sur les passeurs.",
        "count__community__female__18_35": "12",
        "count__community__male__under_18": "7",
        "count__religious_leader__male__over_35": "3",
    }
    data.update(changes)
    return data


def test_an_ambassador_logs_a_dialogue_with_counts_only(client, people, kankan):
    client.force_login(people["ambassador"])
    response = client.post(NEW, form_data(kankan))
    log = OutreachLog.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/outreach/{log.pk}/"
    assert log.status == OutreachLog.Status.SUBMITTED and log.ambassador == people["ambassador"]
    assert log.referrals == 2 and log.topics == ["safe_migration", "where_to_get_help"]
    assert sorted(HeadCount.objects.filter(log=log).values_list("audience", "sex", "age_band", "count")) == [
        ("community", "female", "18_35", 12),
        ("community", "male", "under_18", 7),
        ("religious_leader", "male", "over_35", 3),
    ]
    page = client.get(f"/en/outreach/{log.pk}/")
    assert b'data-figure="reached">22<' in page.content


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"count__community__female__18_35": "-3"}, "A count cannot be negative."),
        (
            {"count__community__female__18_35": "5001"},
            "5001 people in one group is more than one dialogue can hold (at most 5000).",
        ),
        (
            {"count__community__female__18_35": "3000", "count__community__male__18_35": "2500"},
            "5510 people in all is more than one dialogue can hold (at most 5000).",
        ),
        ({"date": "2999-01-01"}, "The date is in the future: log a dialogue once it has taken place."),
        ({"prefecture": "999999"}, "This prefecture is not in the list: choose one of Guinea&#x27;s prefectures."),
        ({"prefecture": "Paris"}, "This prefecture is not in the list: choose one of Guinea&#x27;s prefectures."),
        ({"referrals": "-1"}, "Referrals must be a number between 0 and 5000."),
        (
            {
                "count__community__female__18_35": "",
                "count__community__male__under_18": "",
                "count__religious_leader__male__over_35": "",
            },
            "Enter how many people the dialogue reached.",
        ),
        ({"topics": []}, "Choose at least one topic from the list."),
    ],
)
def test_a_refused_log_says_why_and_stores_nothing(client, people, kankan, changes, message):
    client.force_login(people["ambassador"])
    response = client.post(NEW, form_data(kankan, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OutreachLog.objects.exists() and not HeadCount.objects.exists()


def test_the_service_refuses_an_absurd_grid_and_stores_nothing(people, kankan):
    with pytest.raises(ValidationError):
        services.outreach_log_create(
            ambassador=people["ambassador"],
            date=timezone.localdate(),
            prefecture=kankan,
            locality="Bordo",
            topics=["rights"],
            materials=[],
            referrals=0,
            note="",
            grid={("community", "female", "18_35"): 10, ("nobody", "female", "18_35"): 4},
        )
    assert not OutreachLog.objects.exists() and not HeadCount.objects.exists()


def test_the_database_refuses_a_count_out_of_range(people, kankan):
    from django.db import IntegrityError, transaction

    log = OutreachLogFactory(ambassador=people["ambassador"], prefecture=kankan)
    with pytest.raises(IntegrityError), transaction.atomic():
        HeadCount.objects.create(log=log, audience="community", sex="female", age_band="18_35", count=5001)


def test_the_form_works_without_javascript_on_a_phone_layout(client, people):
    client.force_login(people["ambassador"])
    page = client.get(NEW).content.decode()
    assert "<script" not in page
    assert 'name="count__community__female__under_18"' in page and 'inputmode="numeric"' in page
    assert f'<option value="{people["ambassador"].prefecture_id}" selected>' in page  # their own prefecture


def test_a_coordinator_validates_a_log_of_their_region_only(client, people, kankan, labe):
    log_here = OutreachLogFactory(ambassador=people["ambassador"], prefecture=kankan)
    log_there = OutreachLogFactory(ambassador=people["ambassador"], prefecture=labe)
    client.force_login(people["coordinator"])
    listing = client.get("/en/outreach/review/").content.decode()
    assert f"/en/outreach/{log_here.pk}/" in listing and f"/en/outreach/{log_there.pk}/" not in listing
    response = client.post(f"/en/outreach/{log_here.pk}/review/", {"status": "validated", "note": ""})
    assert response.status_code == 302
    log_here.refresh_from_db()
    assert log_here.status == "validated" and log_here.reviewed_by == people["coordinator"]
    assert client.post(f"/en/outreach/{log_there.pk}/review/", {"status": "validated"}).status_code == 404
    log_there.refresh_from_db()
    assert log_there.status == "submitted"


def test_flagging_needs_a_reason(client, people, kankan):
    log = OutreachLogFactory(ambassador=people["ambassador"], prefecture=kankan)
    client.force_login(people["coordinator"])
    client.post(f"/en/outreach/{log.pk}/review/", {"status": "flagged", "note": ""})
    log.refresh_from_db()
    assert log.status == "submitted"
    client.post(f"/en/outreach/{log.pk}/review/", {"status": "flagged", "note": "900 people in a hamlet?"})
    log.refresh_from_db()
    assert log.status == "flagged" and log.review_note == "900 people in a hamlet?"


def test_an_ambassador_cannot_review_even_their_own_log(client, people, kankan):
    log = OutreachLogFactory(ambassador=people["ambassador"], prefecture=kankan)
    client.force_login(people["ambassador"])
    assert client.post(f"/en/outreach/{log.pk}/review/", {"status": "validated"}).status_code == 403
    with pytest.raises(ValidationError):
        services.outreach_log_review(log=log, reviewer=people["ambassador"], status="validated")


def test_the_region_activity_counts_validated_people_only(client, people, kankan):
    from tests.events.factories import HeadCountFactory

    HeadCountFactory(
        log=OutreachLogFactory(ambassador=people["ambassador"], prefecture=kankan, status="validated"), count=30
    )
    HeadCountFactory(log=OutreachLogFactory(ambassador=people["ambassador"], prefecture=kankan), count=11)
    client.force_login(people["coordinator"])
    page = client.get("/en/outreach/review/").content.decode()
    assert "<td>Kankan</td><td>2</td><td>1</td><td>1</td><td>30</td>" in page
