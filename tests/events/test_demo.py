"""seed_demo's events: the validation workshop (33 counted), the webinar (Guinea and Gabon), a dozen
dialogue logs across the four natural regions, and the ambassador's login; twice changes nothing."""

import pytest

from events.models import Event, HeadCount, IndicatorTarget, OutreachLog, Registrant
from lms.models import NaturalRegion

pytestmark = pytest.mark.django_db


MODELS = (Event, HeadCount, IndicatorTarget, OutreachLog, Registrant)


def _counts():
    return tuple(model.objects.count() for model in MODELS)


def test_seed_demo_adds_the_workshop_the_webinar_and_the_logs_once(seeded_demo_twice, client):
    first = tuple(seeded_demo_twice.count_after_first_run(model) for model in MODELS)
    assert _counts() == first
    workshop = Event.objects.get(kind="validation_workshop")
    assert sum(workshop.counts.values_list("count", flat=True)) == 33
    webinar = Event.objects.get(kind="webinar")
    assert set(webinar.registrants.filter(attended=True).values_list("country", flat=True)) == {"GN", "GA"}
    logs = OutreachLog.objects.filter(ambassador__username="ambassadeur")
    assert logs.count() == 12
    assert set(logs.values_list("prefecture__natural_region", flat=True)) == set(NaturalRegion.values)
    out = seeded_demo_twice.output
    assert "ambassadeur" in out and "demo-ambassadeur" in out
    assert client.login(username="ambassadeur", password="demo-ambassadeur")
    assert client.get("/fr/outreach/new/").status_code == 200
