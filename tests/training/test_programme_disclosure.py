"""Secondary suppression on the programme dashboards: a total shown beside its parts never gives a
hidden group's size by subtraction (outside review, 2026-12-07)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from events.dashboard import programme_dashboard
from events.models import Indicator
from lms.models import Prefecture
from tests.factories import ParticipantFactory, TrainingSessionFactory
from tests.outsider import evaluator_client, trainee

pytestmark = pytest.mark.django_db


def _page_text(client: Client, url: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", client.get(url).content.decode()).split())


def test_the_programme_dashboard_does_not_give_a_small_audience_group_by_subtraction():
    """'Participants on a roster' is shown exactly next to 'Participants by audience', where only the
    groups under 5 are hidden: with one hidden group, total - shown = its exact size (here 1 returned
    migrant, the very group the platform must protect). The evaluation report has secondary
    suppression for this; the programme page does not."""
    session = TrainingSessionFactory(code="ORPROG1")
    index = 0
    for audience, n in (("civil_society", 6), ("police", 6), ("returned_migrant", 1)):
        for _ in range(n):
            index += 1
            ParticipantFactory(session=session, user=trainee(100 + index, audience=audience))
    text = _page_text(evaluator_client(), "/en/sessions/programme/")
    total = int(re.search(r"Participants on a roster (\d+)", text).group(1))
    table = text[text.index("Participants by audience") :]
    table = table[: table.index("Counts of people only")].replace("fewer than 5", "")
    shown = sum(int(n) for n in re.findall(r"(?<![<\w])(\d+)(?= |$)", table))
    assert not 1 <= total - shown <= 4, f"total {total} - shown {shown} = {total - shown}: a hidden group's size"


def test_people_without_an_audience_are_not_given_by_subtraction_either():
    """Two people with no audience group are on no row: total - shown would be 2 without suppression."""
    session = TrainingSessionFactory(code="ORPROG2")
    for index in range(6):
        ParticipantFactory(session=session, user=trainee(300 + index, audience="police"))
    for index in range(2):
        ParticipantFactory(session=session, user=trainee(310 + index, audience=""))
    text = _page_text(evaluator_client(), "/en/sessions/programme/")
    assert "Participants on a roster 8" in text
    table = text[text.index("Participants by audience") : text.index("Counts of people only")]
    assert "6" not in table.split(), "the only shown row would give the two unclassified people"


def test_the_events_dashboard_does_not_give_a_small_region_by_subtraction():
    """National beneficiaries beside the rows per natural and per administrative region: one region
    of 1 person hidden, the others shown, would give that person by subtraction."""
    for index, (prefecture, n) in enumerate((("kankan", 6), ("labe", 6), ("nzerekore", 1))):
        session = TrainingSessionFactory(prefecture=Prefecture.objects.get(code=prefecture))
        for person in range(n):
            ParticipantFactory(session=session, user=trainee(400 + 10 * index + person))
    view = programme_dashboard().indicator(Indicator.BENEFICIARIES)
    assert view.national.achieved == 13
    for rows in (view.natural, view.administrative):
        shown = sum(row.figure.achieved or 0 for row in rows)
        assert not 1 <= 13 - shown <= 4, f"national 13 - shown {shown}: a hidden region's size"
