"""The programme dashboard: de-duplicated beneficiaries, only validated logs, targets per region,
small groups suppressed, no personal value anywhere (HTML or XLSX)."""

import io
import zipfile

import pytest
from openpyxl import load_workbook

from events.dashboard import indicator_tallies, programme_dashboard
from events.models import Indicator
from lms.models import Prefecture
from tests.events.factories import (
    EventFactory,
    HeadCountFactory,
    IndicatorTargetFactory,
    OutreachLogFactory,
    RegistrantFactory,
)
from tests.factories import (
    AttendanceFactory,
    ParticipantFactory,
    SessionDayFactory,
    TrainingSessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def attend(session, user):
    participant = ParticipantFactory(session=session, user=user)
    AttendanceFactory(participant=participant, day=SessionDayFactory(session=session))


@pytest.fixture
def known(people, kankan, labe):
    """Known data (upper = Kankan region; middle = Labé):

    - P1 attends two sessions in the Kankan region (Kankan, Siguiri), one in Labé, and a workshop;
    - P2–P6 attend the Kankan session; P7 attends the workshop as a registrant whose email is their
      account's (no link); one guest without an account attends; 10 more are counted without names;
    - P8, P9 are on the Labé roster without attending.
    """
    siguiri = Prefecture.objects.get(code="siguiri")
    users = [
        UserFactory(
            username=f"personne{n}",
            display_name=f"Nompropre{n} Zéphyrin",
            email=f"courriel{n}@exemple.gn",
            phone=f"+22462000000{n}",
            organisation=f"Organisation-Unique-{n}",
        )
        for n in range(1, 10)
    ]
    kankan_session = TrainingSessionFactory(prefecture=kankan)
    siguiri_session = TrainingSessionFactory(prefecture=siguiri)
    labe_session = TrainingSessionFactory(prefecture=labe)
    for user in users[:6]:
        attend(kankan_session, user)
    attend(siguiri_session, users[0])
    attend(labe_session, users[0])
    for user in users[7:9]:
        ParticipantFactory(session=labe_session, user=user)
    workshop = EventFactory(prefecture=kankan, created_by=people["organiser"])
    RegistrantFactory(event=workshop, user=users[0], name=users[0].display_name, email=users[0].email, attended=True)
    RegistrantFactory(
        event=workshop,
        name="Invitée Xanthippe",
        email="xanthippe@exemple.sn",
        organisation="Association-Xanthippe",
        country="SN",
        attended=True,
    )
    RegistrantFactory(event=workshop, name=users[6].display_name, email=users[6].email.upper(), attended=True)
    RegistrantFactory(event=workshop, name="Absente Ygrec", email="ygrec@exemple.gn", attended=False)
    HeadCountFactory(log=None, event=workshop, count=10)
    return {"users": users, "workshop": workshop}


def test_a_person_in_two_sessions_and_an_event_counts_once_as_a_beneficiary(known):
    dashboard = programme_dashboard()
    beneficiaries = dashboard.indicator(Indicator.BENEFICIARIES)
    # P1–P9 (9 accounts, P7 through their email) + the guest + 10 counted = 20.
    assert beneficiaries.national.achieved == 20
    upper = {row.key: row.figure.achieved for row in beneficiaries.natural}
    # Upper Guinea: P1–P7, the guest and the 10 counted; Middle Guinea: P1, P8, P9 → suppressed, and
    # Upper Guinea with it (secondary suppression): 20 − 18 would give P8 and P9.
    assert upper["upper"] is None and upper["middle"] is None
    assert indicator_tallies()[0][Indicator.BENEFICIARIES].total("n:upper") == 18
    trained = dashboard.indicator(Indicator.TRAINED)
    assert trained.national.achieved == 6  # P1 once, although in three sessions
    assert {row.key: row.figure.achieved for row in trained.natural}["middle"] is None  # P1 alone


def test_only_validated_logs_count_as_people_reached(people, kankan):
    for status, count in (("validated", 40), ("submitted", 100), ("flagged", 200), ("rejected", 300)):
        HeadCountFactory(
            log=OutreachLogFactory(ambassador=people["ambassador"], prefecture=kankan, status=status), count=count
        )
    HeadCountFactory(log=None, event=EventFactory(kind="community_dialogue", prefecture=kankan), count=25)
    reached = programme_dashboard().indicator(Indicator.REACHED)
    assert reached.national.achieved == 65
    assert {row.label: row.figure.achieved for row in reached.administrative}["Kankan"] == 65


def test_targets_per_indicator_and_region_give_progress(people, kankan):
    IndicatorTargetFactory(indicator="reached", value=1500)
    IndicatorTargetFactory(indicator="reached", natural_region="upper", value=200)
    IndicatorTargetFactory(indicator="reached", administrative_region=kankan.region, value=100)
    HeadCountFactory(
        log=OutreachLogFactory(ambassador=people["ambassador"], prefecture=kankan, status="validated"), count=50
    )
    reached = programme_dashboard().indicator(Indicator.REACHED)
    assert (reached.national.target, reached.national.percent) == (1500, 3)
    upper = next(row for row in reached.natural if row.key == "upper")
    assert (upper.figure.target, upper.figure.percent, upper.figure.bar) == (200, 25, 25)
    region = next(row for row in reached.administrative if row.label == "Kankan")
    assert (region.figure.target, region.figure.percent, region.figure.bar) == (100, 50, 50)


def test_workshops_held_count_started_workshops_and_are_not_suppressed(people, kankan):
    import datetime

    from django.utils import timezone

    EventFactory(kind="validation_workshop", prefecture=kankan)
    EventFactory(kind="workshop", prefecture=kankan)
    EventFactory(kind="webinar", place="online", prefecture=None)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    EventFactory(kind="workshop", prefecture=kankan, start_date=tomorrow, end_date=tomorrow)
    assert programme_dashboard().indicator(Indicator.WORKSHOPS).national.achieved == 2


def _personal_values(known, people) -> list[str]:
    values = []
    for user in [*known["users"], *people.values()]:
        values += [user.username, user.display_name, user.email, user.phone, user.organisation]
    for registrant in known["workshop"].registrants.all():
        values += [registrant.name, registrant.email, registrant.organisation]
    return [value for value in values if value]


def test_no_personal_value_appears_in_the_dashboard_or_its_export(client, known, people):
    client.force_login(people["evaluator"])
    page = client.get("/en/events/programme/")
    export = client.get("/en/events/programme.xlsx")
    assert page.status_code == 200 and export.status_code == 200
    html = page.content.decode()
    archive = zipfile.ZipFile(io.BytesIO(export.content))
    xlsx_text = "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    values = _personal_values(known, people)
    assert len(values) > 40
    for value in values:
        for variant in {value, value.upper(), value.lower()}:
            assert variant not in html, variant
            assert variant not in xlsx_text, variant


def test_the_export_has_indicators_countries_and_a_codebook(client, known, people):
    client.force_login(people["admin"])
    workbook = load_workbook(io.BytesIO(client.get("/en/events/programme.xlsx").content))
    assert workbook.sheetnames == ["Indicators", "Webinar by country", "Codebook"]
    rows = list(workbook["Indicators"].iter_rows(values_only=True))
    assert rows[0] == ("indicator", "label", "scope", "region", "achieved", "target", "percent")
    national = {row[0]: row[4] for row in rows if row[2] == "national"}
    assert national["beneficiaries"] == 20 and national["trained"] == 6
    middle = next(row for row in rows if row[0] == "beneficiaries" and row[3] == "Middle Guinea")
    assert middle[4] == "<5"
    codes = {row[0] for row in workbook["Codebook"].iter_rows(values_only=True)}
    assert set(Indicator.values) <= codes


def test_the_dashboard_draws_bars_in_svg_without_script(client, people, kankan):
    IndicatorTargetFactory(indicator="reached", value=100)
    HeadCountFactory(
        log=OutreachLogFactory(ambassador=people["ambassador"], prefecture=kankan, status="validated"), count=40
    )
    client.force_login(people["admin"])
    html = client.get("/en/events/programme/").content.decode()
    assert '<rect class="done" width="40" height="10"/>' in html
    assert "<script" not in html and 'style="' not in html
