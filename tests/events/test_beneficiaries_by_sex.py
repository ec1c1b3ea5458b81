"""Direct beneficiaries by sex and by age band on the programme indicators page (issue 21, section 2):
accounts count with what they declared, events' anonymous counts with their cells, the rest as not
stated; the rows add up to the national figure and hide groups of 1 to 4 and what would reveal them."""

import pytest
from django.urls import reverse

from events.beneficiaries import beneficiaries_by_sex_and_age
from events.dashboard import programme_dashboard
from events.models import Indicator
from tests.events.factories import EventFactory, HeadCountFactory, RegistrantFactory
from tests.factories import ParticipantFactory, TrainingSessionFactory, UserFactory

pytestmark = pytest.mark.django_db

# (sex, age band, how many) of the trainees on a roster.
TRAINEES = [("female", "18_35", 4), ("female", "over_35", 3), ("male", "18_35", 6), ("", "", 2)]


def _known(kankan, people, guests: int) -> None:
    """15 trainees (TRAINEES), `guests` registrants without an account at a workshop, and the
    workshop's anonymous counts: 10 women aged 18–35 and 4 men over 35. A community dialogue's 20
    girls are people reached, not beneficiaries."""
    session = TrainingSessionFactory(prefecture=kankan)
    number = 0
    for sex, age_band, count in TRAINEES:
        for _i in range(count):
            number += 1
            ParticipantFactory(session=session, user=UserFactory(username=f"benef{number}", sex=sex, age_band=age_band))
    workshop = EventFactory(prefecture=kankan, created_by=people["organiser"])
    for n in range(guests):
        RegistrantFactory(event=workshop, name=f"Invité {n}", email=f"invite{n}@exemple.gn", attended=True)
    HeadCountFactory(log=None, event=workshop, sex="female", age_band="18_35", count=10)
    HeadCountFactory(log=None, event=workshop, sex="male", age_band="over_35", count=4)
    dialogue = EventFactory(prefecture=kankan, created_by=people["organiser"], kind="community_dialogue")
    HeadCountFactory(log=None, event=dialogue, sex="female", age_band="under_18", count=20)


def _rows() -> dict[str, dict[str, int | None]]:
    return {b.dimension: {value: count for value, _label, count in b.rows} for b in beneficiaries_by_sex_and_age()}


def test_every_group_shown_adds_up_to_the_national_figure(people, kankan):
    _known(kankan, people, guests=3)
    rows = _rows()
    # Women: 7 trainees + 10 counted; men: 6 + 4; not stated: 2 trainees + 3 guests.
    assert rows["sex"] == {"female": 17, "male": 10, "": 5}
    assert rows["age_band"] == {"under_18": 0, "18_35": 20, "over_35": 7, "": 5}
    national = programme_dashboard().indicator(Indicator.BENEFICIARIES).national.achieved
    assert national == 32 == sum(rows["sex"].values()) == sum(rows["age_band"].values())
    assert all(b.total == 32 for b in beneficiaries_by_sex_and_age())


def test_a_small_group_is_hidden_and_so_is_the_row_that_would_reveal_it(people, kankan):
    _known(kankan, people, guests=1)
    rows = _rows()
    # Not stated: 3 → hidden; the national 30 minus the women's 17 would give it: men hidden too.
    assert rows["sex"] == {"female": 17, "male": None, "": None}
    # Not stated 3 hidden, then over 35 (7, the smallest shown); no one under 18 (0 is shown).
    assert rows["age_band"] == {"under_18": 0, "18_35": 20, "over_35": None, "": None}


def test_the_indicators_page_shows_the_breakdowns(client, people, kankan):
    _known(kankan, people, guests=3)
    client.force_login(people["evaluator"])
    page = client.get("/en" + reverse("events:programme")[3:]).content.decode()
    assert "Direct beneficiaries by sex and age band" in page
    assert 'data-breakdown="sex"' in page and 'data-breakdown="age_band"' in page
    assert "Women and girls" in page and "Over 35" in page
    french = client.get("/fr" + reverse("events:programme")[3:]).content.decode()
    assert "Bénéficiaires directs par sexe et tranche d'âge" in french.replace("&#x27;", "'")
