"""Roster import (acceptance 3): refused whole naming each bad row; a valid file imports; importing
it again changes nothing. CSV and XLSX, English or French headers, accounts matched, never duplicated."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from lms.models import User
from lms.tables import read_table
from tests import factories
from training import services
from training.models import Participant

pytestmark = pytest.mark.django_db

FRENCH_HEADER = ["nom", "organisation", "public", "préfecture", "téléphone", "courriel", "langue"]


def _csv(rows: list[list[str]]) -> bytes:
    return "\n".join(";".join(cell for cell in row) for row in rows).encode("utf-8")


def _xlsx(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _import(session, content: bytes, filename: str = "roster.csv"):
    rows = read_table(content=content, filename=filename, formulas_as_text=True)
    with translation.override("en"):
        return services.roster_import(session=session, rows=rows)


@pytest.fixture
def session(room):
    return room["session"]


def test_a_file_with_a_duplicate_an_unknown_prefecture_and_a_formula_is_refused_whole_naming_each_row(session):
    before = User.objects.count()
    content = _csv(
        [
            FRENCH_HEADER,
            ["Awa Camara", "OSC Kankan", "civil_society", "Kankan", "", "", "fr"],
            ["Awa Camara", "OSC Kankan", "civil_society", "Kankan", "", "", "fr"],
            ["Bakary Keita", "Mairie", "local_authority", "Atlantide", "", "", "fr"],
            ['=HYPERLINK("http://x")', "Police", "police", "Kankan", "", "", "fr"],
            ["Mariam Touré", "Police", "police", "Kankan", "", "", "fr"],
        ]
    )
    report = _import(session, content)
    rows = [row for row, _message in report.problems]
    assert rows == [3, 4, 5]
    messages = dict(report.problems)
    assert "row 2" in messages[3]
    assert "Atlantide" in messages[4]
    assert "formula" in messages[5]
    assert User.objects.count() == before
    assert Participant.objects.filter(session=session).count() == 2


def test_a_valid_file_imports_and_importing_it_again_changes_nothing(session):
    factories.PrefectureFactory(code="nzerekore-test", name="Nzérékoré Test")
    content = _csv(
        [
            ["name", "organisation", "audience", "prefecture", "phone", "email", "language"],
            ["Awa Camara", "OSC Kankan", "Civil society or community organisation", "kankan", "", "", "fr"],
            ["Bakary Keita", "Mairie", "Autorité locale", "NZEREKORE test", "+224 620 00 00 01", "", "en"],
            ["Mariam Touré", "Police", "police", "", "", "mariam@example.org", "français"],
        ]
    )
    report = _import(session, content)
    assert report.ok, report.problems
    assert (report.added, len(report.created), report.unchanged) == (3, 3, 0)
    bakary = User.objects.get(display_name="Bakary Keita")
    assert bakary.prefecture.name == "Nzérékoré Test"
    assert bakary.audience == "local_authority" and bakary.phone == "+224620000001"
    assert bakary.preferred_language == "en"
    assert bakary.must_change_password and not bakary.has_usable_password()
    assert bakary.enrolments.filter(course=session.courses.first(), source="session").exists()
    users, participants = User.objects.count(), Participant.objects.count()

    again = _import(session, content)
    assert again.ok
    assert (again.added, len(again.created), again.unchanged) == (0, 0, 3)
    assert (User.objects.count(), Participant.objects.count()) == (users, participants)


def test_existing_accounts_are_matched_by_email_phone_or_username_never_duplicated(session):
    by_email = factories.UserFactory(username="fatou", email="Fatou@Example.org")
    by_phone = factories.UserFactory(username="sekou", phone="+224620000002")
    by_username = factories.UserFactory(username="kadi")
    # Within reach: they are on the roster of an earlier session of the same trainer.
    earlier = factories.TrainingSessionFactory(trainer=session.trainers.get())
    for person in (by_email, by_phone, by_username):
        services.participant_add(session=earlier, user=person)
    content = _csv(
        [
            ["name", "email", "phone", "username"],
            ["Fatou", "fatou@example.org", "", ""],
            ["Sékou", "", "+224 620 00 00 02", ""],
            ["Kadi", "", "", "KADI"],
        ]
    )
    before = User.objects.count()
    report = _import(session, content)
    assert report.ok, report.problems
    assert User.objects.count() == before
    on_roster = set(Participant.objects.filter(session=session).values_list("user_id", flat=True))
    assert {by_email.pk, by_phone.pk, by_username.pk} <= on_roster


def test_an_xlsx_formula_is_read_as_its_formula_and_refused(session):
    content = _xlsx([["name", "organisation"], ["Awa", "=1+1"], ["Binta", "OSC"]])
    report = _import(session, content, "roster.xlsx")
    assert [row for row, _message in report.problems] == [2]
    assert not User.objects.filter(display_name="Binta").exists()


def test_an_xlsx_roster_with_french_headers_imports(session):
    content = _xlsx(
        [FRENCH_HEADER, ["Nènè Sow", "OSC", "Leader religieux ou communautaire", "Kankan", None, None, "fr"]]
    )
    report = _import(session, content, "roster.xlsx")
    assert report.ok, report.problems
    assert User.objects.get(display_name="Nènè Sow").audience == "religious_leader"


def test_new_usernames_are_unique_and_readable(session):
    """The name's stem plus a random suffix (docs/sessions.md): never the bare name, never numbered."""
    factories.UserFactory(username="awa.camara")
    report = _import(session, _csv([["name", "organisation"], ["Awa Camara", "A"], ["Awa Camara", "B"]]))
    assert report.ok
    usernames = [user.username for user in report.created]
    assert len(set(usernames)) == 2
    for username in usernames:
        assert re.fullmatch(r"awa\.camara-[23456789abcdefghjkmnpqrstuvwxyz]{4}", username), username


def test_a_full_session_refuses_the_file(session):
    session.capacity = 3
    session.save()
    report = _import(session, _csv([["name"], ["A a"], ["B b"]]))
    assert [row for row, _message in report.problems] == [1]


def test_the_command_imports_writes_the_accounts_sheet_and_refuses_bad_files(session, tmp_path, capsys):
    good = tmp_path / "roster.csv"
    good.write_bytes(_csv([["nom"], ["Awa Camara"], ["Binta Diallo"]]))
    sheet = tmp_path / "sheet.pdf"
    call_command("import_roster", str(good), session="kan1", sheet=str(sheet))
    assert "2 added" in capsys.readouterr().out or Participant.objects.filter(session=session).count() == 4
    assert sheet.read_bytes().startswith(b"%PDF")
    awa = User.objects.get(display_name="Awa Camara")
    assert awa.password.startswith(("md5$", "pbkdf2_sha256_onetime$"))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(_csv([["nom", "préfecture"], ["Ousmane", "Nulle-part"]]))
    with translation.override("en"), pytest.raises(CommandError, match=r"row 2: Unknown prefecture Nulle-part"):
        call_command("import_roster", str(bad), session="KAN1")
    with translation.override("en"), pytest.raises(CommandError, match="No session has the code"):
        call_command("import_roster", str(good), session="NOPE")


def test_webinar_participants_may_come_from_other_countries(session):
    content = _csv([["nom", "pays"], ["Jean Mba", "Gabon"], ["Awa Camara", "GN"], ["Marie Ndong", "gabon"]])
    report = _import(session, content)
    assert report.ok, report.problems
    assert sorted(str(user.country) for user in report.created) == ["GA", "GA", "GN"]
    refused = _import(session, _csv([["nom", "pays"], ["Paul", "Atlantis"]]))
    assert refused.problems == [(2, "Unknown country Atlantis.")]
