"""Acceptance 1, on a phone (360×640) in Chromium: a trainer creates a session, imports a roster of
25 without emails, prints the accounts sheet, marks day-1 attendance and opens the pre-test; a
participant logs in with the one-time password, changes it and sees the open pre-test; the trainer's
live page shows them as started. Screenshots of the session, attendance and live pages are saved.

Locators use ids and classes, not texts: the French catalogue of these pages is merged separately.
"""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments.models import Attempt
from lms import roles
from lms.models import User
from tests.factories import UserFactory, assessment_setup
from tests.login import log_in
from training import services
from training.models import Attendance, TrainingSession

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
PHONE = {"width": 360, "height": 640}
PASSWORD = "motdepasse-123"

pytestmark = pytest.mark.django_db(transaction=True)

AUDIENCES = ["police", "Religious or community leader"]  # a code or a label
PREFECTURES = ["Kankan", "kouroussa"]  # any case
ROSTER = "nom;organisation;public;préfecture;téléphone;langue\n" + "".join(
    f"Participant{n:02d} Camara;OSC {n % 4};{AUDIENCES[n % 2]};{PREFECTURES[n % 2]};;fr\n" for n in range(1, 26)
)


@pytest.fixture
def phones(browser, live_server):
    contexts = []

    def open_phone():
        context = browser.new_context(viewport=PHONE, is_mobile=True, locale="fr-FR", accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_phone
    for context in contexts:
        context.close()


def test_a_trainer_runs_day_one_and_a_participant_starts_the_pre_test(phones, live_server, monkeypatch):
    base = live_server.url
    SCREENSHOTS.mkdir(exist_ok=True)
    course, _lessons, pre, _post = assessment_setup()
    UserFactory(username="formatrice", role=roles.TRAINER)
    # The sheet's passwords exist only in the PDF; the test reads them where the view gets them.
    issued = []
    original = services.credentials_issue
    monkeypatch.setattr(services, "credentials_issue", lambda **kw: issued.extend(original(**kw)) or issued)

    # The trainer creates the session.
    page = phones()
    log_in(page, base, "formatrice", PASSWORD)
    page.goto(base + "/fr/sessions/new/")
    today = timezone.localdate()
    page.locator("#id_code").fill("KAN26")
    page.locator("#id_title").fill("Protection et sécurité humaine")
    page.locator(f'input[name=courses][value="{course.pk}"]').check()
    page.locator("#id_mode").select_option("blended")
    page.locator("#id_prefecture").select_option(label="Kankan")
    page.locator("#id_venue").fill("Maison des jeunes")
    page.locator("#id_start_date").fill(today.isoformat())
    page.locator("#id_end_date").fill((today + datetime.timedelta(days=2)).isoformat())
    page.screenshot(path=str(SCREENSHOTS / "session-form-360x640.png"), full_page=True)
    page.locator(".session-form button[type=submit]").click()
    expect(page).to_have_url(base + "/fr/sessions/KAN26/")
    session = TrainingSession.objects.get(code="KAN26")

    # A file with a bad row is refused, naming it.
    bad = "nom;préfecture\nAwa Camara;Atlantide\n"
    page.locator("#id_file").set_input_files({"name": "liste.csv", "mimeType": "text/csv", "buffer": bad.encode()})
    page.locator("form.upload button[type=submit]").first.click()
    expect(page.locator(".problems li")).to_have_count(1)
    page.screenshot(path=str(SCREENSHOTS / "roster-refused-360x640.png"))
    page.goto(base + "/fr/sessions/KAN26/")

    # Imports a roster of 25, without emails.
    page.locator("#id_file").set_input_files({"name": "liste.csv", "mimeType": "text/csv", "buffer": ROSTER.encode()})
    page.locator("form.upload button[type=submit]").first.click()
    expect(page.locator("table.roster tbody tr")).to_have_count(25)
    assert session.participants.count() == 25
    assert not User.objects.filter(participations__session=session).exclude(email="").exists()
    page.screenshot(path=str(SCREENSHOTS / "session-page-360x640.png"), full_page=False)
    page.screenshot(path=str(SCREENSHOTS / "session-page-full-360x640.png"), full_page=True)

    # Prints the accounts sheet.
    with page.expect_download() as download:
        page.locator("#accounts button").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    credentials = {c.username: c.password for c in issued}
    assert len(credentials) == 25 and all(credentials.values())

    # Marks day 1: one late with a tap, then everyone else present.
    page.locator(".days a.button").first.click()
    first = page.locator(".marks li").first
    first.locator("button.mark.late").click()
    expect(first.locator("button.mark.late")).to_have_attribute("aria-pressed", "true")
    page.locator("button[name=all_present]").click()
    expect(page.locator(".marks button.mark.present.on")).to_have_count(24)
    page.screenshot(path=str(SCREENSHOTS / "attendance-page-360x640.png"), full_page=False)
    day = session.days.get(date=today)
    assert Attendance.objects.filter(day=day).count() == 25
    assert Attendance.objects.filter(day=day, status="late").count() == 1

    # Opens the pre-test for the room.
    page.goto(base + "/fr/sessions/KAN26/")
    page.locator('form[action$="/tests/pre/"] button').click()
    expect(page.locator('form[action$="/tests/pre/"] .state.open')).to_be_visible()

    # A participant logs in with the one-time password, must change it, then sees the pre-test open.
    username = sorted(credentials)[0]
    phone = phones()
    log_in(phone, base, username, credentials[username])
    expect(phone).to_have_url(base + "/fr/accounts/first-login/")
    phone.screenshot(path=str(SCREENSHOTS / "first-login-360x640.png"), full_page=True)
    phone.locator("#id_new_password1").fill("Ma-phrase-secrete-2026")
    phone.locator("#id_new_password2").fill("Ma-phrase-secrete-2026")
    phone.locator("#id_consent").check()
    phone.locator("main form button[type=submit]").click()
    expect(phone).to_have_url(base + "/fr/")
    assert not User.objects.get(username=username).must_change_password
    phone.goto(base + f"/fr/tests/{pre.pk}/")
    start = phone.locator("main form button[type=submit]")
    expect(start).to_be_visible()
    start.click()
    assert Attempt.objects.filter(user__username=username, test=pre, status="open").exists()

    # The trainer's live page shows them as started.
    page.goto(base + "/fr/sessions/KAN26/live/")
    participant = User.objects.get(username=username)
    row = page.locator("table.live tr", has_text=participant.display_name)
    expect(row.locator("td.started")).to_have_count(1)
    page.screenshot(path=str(SCREENSHOTS / "live-page-360x640.png"), full_page=False)
