"""Roster columns for the sex and age band a person declares (issue 21, section 2): French and English
headers, labels or short answers, an empty cell is "not stated"; a bad value refuses the whole file."""

import pytest
from django.utils import translation

from lms.models import User
from lms.tables import read_table
from training import services
from training.models import Participant

pytestmark = pytest.mark.django_db


def _csv(rows: list[list[str]]) -> bytes:
    return "\n".join(";".join(row) for row in rows).encode("utf-8")


def _import(session, content: bytes, language: str = "en"):
    rows = read_table(content=content, filename="roster.csv", formulas_as_text=True)
    with translation.override(language):
        return services.roster_import(session=session, rows=rows)


def _declared(name: str) -> tuple[str, str]:
    user = User.objects.get(display_name=name)
    return user.sex, user.age_band


def test_english_headers_import_sex_and_age_band(room):
    content = _csv(
        [
            ["name", "organisation", "sex", "age band"],
            ["Awa Camara", "OSC Kankan", "F", "18-35"],
            ["Bakary Keita", "Mairie", "Men and boys", "Over 35"],
            ["Mariam Touré", "Police", "", ""],
        ]
    )
    report = _import(room["session"], content)
    assert report.problems == []
    assert _declared("Awa Camara") == ("female", "18_35")
    assert _declared("Bakary Keita") == ("male", "over_35")
    assert _declared("Mariam Touré") == ("", "")  # not stated


def test_french_headers_import_sex_and_age_band(room):
    content = _csv(
        [
            ["nom", "organisation", "sexe", "tranche d’âge"],
            ["Fatoumata Bah", "OSC Labé", "Femme", "moins de 18"],
            ["Ibrahima Sow", "Mairie", "H", "18–35"],
            ["Kadiatou Diallo", "Police", "Femmes et filles", "Plus de 35 ans"],
        ]
    )
    report = _import(room["session"], content, language="fr")
    assert report.problems == [], report.problems
    assert _declared("Fatoumata Bah") == ("female", "under_18")
    assert _declared("Ibrahima Sow") == ("male", "18_35")
    assert _declared("Kadiatou Diallo") == ("female", "over_35")


@pytest.mark.parametrize(
    ("language", "sex_message", "age_message"),
    [
        ("en", "Unknown sex X", "Unknown age band 200"),
        ("fr", "Sexe inconnu\u00a0: X", "Tranche d'âge inconnue\u00a0: 200"),
    ],
)
def test_bad_values_refuse_the_whole_file_naming_the_rows(room, language, sex_message, age_message):
    before_users = User.objects.count()
    before_roster = Participant.objects.filter(session=room["session"]).count()
    content = _csv(
        [
            ["name", "sex", "age band"],
            ["Awa Camara", "F", "18-35"],
            ["Bakary Keita", "X", ""],
            ["Mariam Touré", "", "200"],
        ]
    )
    report = _import(room["session"], content, language=language)
    messages = dict(report.problems)
    assert sorted(messages) == [3, 4]
    assert sex_message in messages[3]
    assert age_message in messages[4]
    # Nothing written: no account, no one on the roster, not even the good row.
    assert User.objects.count() == before_users
    assert Participant.objects.filter(session=room["session"]).count() == before_roster
    assert not User.objects.filter(display_name="Awa Camara").exists()
