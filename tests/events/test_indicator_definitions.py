"""Issue 19, item 6: the two programme pages cannot be confused. "Programme indicators" holds the
programme's indicators, each beside what it counts; "Training figures" holds the sessions' own figures,
named for what they count ("People on a training roster", not "Direct beneficiaries"). Each figure is
computed here from known data (tests.events.test_dashboard.known), for the whole programme and for a
region's coordinator, who sees their region's figures and no 403."""

import re

import pytest
from django.utils import translation

from events.dashboard import DEFINITIONS
from events.models import Indicator
from tests.events.factories import IndicatorTargetFactory
from tests.events.test_dashboard import known  # noqa: F401 - the fixture
from training.models import ProgrammeTarget

pytestmark = pytest.mark.django_db


def figure(html: str, name: str) -> str:
    found = re.search(rf'data-figure="{name}">(.*?)</(span|strong)>', html, re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def test_each_indicator_and_training_figure_from_known_data(client, known, people):  # noqa: F811
    ProgrammeTarget.objects.create(measure="beneficiaries", value=340)
    IndicatorTargetFactory(indicator="beneficiaries", value=340)
    client.force_login(people["evaluator"])
    indicators = client.get("/fr/events/programme/").content.decode()
    # P1–P9 (P7 by their email), the guest and 10 counted without names.
    assert 'data-figure="beneficiaries"><strong>20</strong> / 340 <span class="percent">(6 %)</span>' in indicators
    assert figure(indicators, "trained") == "6"  # P1–P6 attended a day; P8, P9 only on a roster
    assert figure(indicators, "reached") == "0"
    assert figure(indicators, "workshops") == "1"
    assert figure(indicators, "webinar_participants") == "0"
    with translation.override("fr"):
        for code in Indicator.values:
            definition = str(DEFINITIONS[code]).replace("'", "&#x27;")
            assert f'data-definition="{code}">{definition}</span>' in indicators, code

    training = client.get("/fr/sessions/programme/").content.decode()
    assert "<h1>Chiffres des formations</h1>" in training
    # The roster-only figure is named for what it counts; the programme's indicator is not on this page.
    assert "Bénéficiaires directs" not in training
    assert re.search(
        r"Personnes sur une liste de formation\W+<strong data-figure=\"target-1\">8</strong> / 340", training
    )
    assert figure(training, "participants") == "8"  # P1–P6, P8, P9: P7 was only at the workshop
    assert figure(training, "trained") == figure(indicators, "trained")  # one definition, one number
    assert figure(training, "sessions") == "3"
    assert figure(training, "regions") == "2"
    assert "Une partie seulement des bénéficiaires directs" in training


def test_a_coordinator_sees_their_regions_figures(client, known, people):  # noqa: F811
    client.force_login(people["coordinator"])  # the Kankan region
    indicators = client.get("/fr/events/programme/")
    assert indicators.status_code == 200
    html = indicators.content.decode()
    assert "Vos régions seulement" in html
    # Kankan region: P1–P6 (Kankan, Siguiri), the workshop's P7 and guest, 10 counted; not P8, P9 (Labé).
    assert figure(html, "beneficiaries") == "18"
    assert figure(html, "trained") == "6"
    assert "programme.xlsx" not in html  # the programme's export is not theirs
    training = client.get("/fr/sessions/programme/").content.decode()
    assert figure(training, "sessions") == "2"  # Kankan and Siguiri, not Labé
    assert figure(training, "participants") == "6"
    assert figure(training, "regions") == "1"


def test_someone_without_the_right_gets_the_sites_403_with_a_way_back(client, people):
    client.force_login(people["trainee"])
    response = client.get("/fr/sessions/programme/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Accès non autorisé" in html or "Access not allowed" in html
    assert 'href="/fr/dashboard/"' in html
