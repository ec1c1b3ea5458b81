"""Acceptance 5: the programme dashboard's totals match the database, with known data; no names."""

import re

import pytest
from django.urls import reverse

from assessments import services as test_services
from lms import roles
from tests import factories
from training import services
from training.models import ProgrammeTarget

pytestmark = pytest.mark.django_db


def _figure(content: str, name: str) -> str:
    return re.search(rf'data-figure="{name}">([^<]*)<', content).group(1).strip()


def test_the_dashboard_totals_match_known_data(client, room):
    course, pre = room["course"], room["pre"]
    first = room["session"]
    # A second session in another region, online: 6 more people, all police.
    second = factories.TrainingSessionFactory(code="NZE1", mode="online", courses=[course])
    services.session_days_sync(session=second)
    police = [factories.UserFactory(username=f"agent{n}", audience="police") for n in range(6)]
    for user in police:
        services.participant_add(session=second, user=user)
    # Attendance: in the first session one present, one absent; in the second, all six present on day 1.
    first_day = first.days.first()
    people = list(first.participants.order_by("pk"))
    services.attendance_mark(day=first_day, marks={people[0].pk: "present", people[1].pk: "absent"})
    second_day = second.days.first()
    services.attendance_mark(day=second_day, marks={p.pk: "present" for p in second.participants.all()})
    # Tests: three participants submit the pre-test.
    for user in [room["people"][0], *police[:2]]:
        attempt, _created = test_services.attempt_start(user=user, test=pre)
        test_services.attempt_submit(user=user, attempt_id=attempt.pk)
    ProgrammeTarget.objects.create(measure="participants", value=100)

    evaluator = factories.UserFactory(username="evaluatrice", role=roles.EVALUATOR)
    client.force_login(evaluator)
    response = client.get(reverse("training:programme"))
    assert response.status_code == 200
    content = response.content.decode()
    assert _figure(content, "sessions") == "2"
    assert _figure(content, "regions") == "2"
    assert _figure(content, "participants") == "8"
    assert _figure(content, "trained") == "7"  # attended at least one day
    assert _figure(content, "attendance") == "87,5 %"  # 7 of 8 marks
    assert _figure(content, "pre") == "3"
    assert _figure(content, "post") == "0"
    assert _figure(content, "target-1") == "7"
    # By audience: 6 police shown, the 2 civil-society people are a small group, not shown.
    assert "fewer than 5" in content or "moins de 5" in content
    # No names anywhere.
    for user in [*room["people"], *police]:
        assert user.display_name not in content and user.username not in content


def test_trainers_and_trainees_cannot_see_the_dashboard(client, room, trainer):
    client.force_login(trainer)
    assert client.get(reverse("training:programme")).status_code == 403
    client.force_login(room["people"][0])
    assert client.get(reverse("training:programme")).status_code == 403


@pytest.mark.parametrize(("count", "shown"), [(0, 0), (1, None), (4, None), (5, 5), (340, 340)])
def test_counts_of_one_to_four_people_are_suppressed(count, shown):
    from training.programme import suppressed

    assert suppressed(count) == shown
