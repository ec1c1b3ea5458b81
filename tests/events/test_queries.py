"""Listings and the dashboard run a fixed number of queries, however many events and logs there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.factories import EventFactory, HeadCountFactory, OutreachLogFactory, RegistrantFactory

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def _add(people, kankan, how_many: int) -> None:
    for _number in range(how_many):
        event = EventFactory(prefecture=kankan, created_by=people["organiser"])
        RegistrantFactory(event=event, attended=True)
        HeadCountFactory(log=None, event=event, count=7)
        HeadCountFactory(log=OutreachLogFactory(ambassador=people["ambassador"], prefecture=kankan, status="validated"))


@pytest.mark.parametrize(
    ("role", "url"),
    [
        ("organiser", "/en/events/"),
        ("coordinator", "/en/outreach/review/?status=validated"),
        ("ambassador", "/en/outreach/"),
        ("evaluator", "/en/events/programme/"),
    ],
)
def test_the_page_does_not_query_per_row(client, people, kankan, role, url):
    client.force_login(people[role])
    _add(people, kankan, 1)
    client.get(url)  # warm the per-request caches (permissions, site)
    few = _queries(client, url)
    _add(people, kankan, 4)
    assert _queries(client, url) == few
