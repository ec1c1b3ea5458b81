"""An editor on a phone (360×640) checks a Moodle XML bank, imports it, then prepares a GIFT export.

Screenshots go to /tmp/shots/i23q/ (outside the repository), to be looked at.
"""

import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from assessments.models import Question, QuestionBank
from lms import roles
from tests.factories import UserFactory, course_tree
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 640}
SHOTS = Path(tempfile.gettempdir()) / "shots" / "i23q"
XML = Path(__file__).parent.parent / "assessments" / "moodle_files" / "banque_traite.xml"


def test_an_editor_checks_imports_and_exports_a_moodle_bank_on_a_phone(browser, live_server):
    bank = QuestionBank.objects.create(course=course_tree(title="Module Moodle")[0], title="Banque Moodle")
    UserFactory(username="redactrice", role=roles.EDITOR)
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="fr-GN", service_workers="block")
    page = context.new_page()
    log_in(page, live_server.url, "redactrice")
    SHOTS.mkdir(parents=True, exist_ok=True)

    page.goto(f"{live_server.url}/admin/moodle_questions/")
    page.locator("#id_bank").select_option(str(bank.pk))
    page.locator("#id_file").set_input_files(str(XML))
    page.get_by_role("button", name="Vérifier").click()
    expect(page.locator("#report-title")).to_have_text("Prêt à importer")
    expect(page.locator(".exchange-report")).to_contain_text("Etapes-de-l-orientation")
    page.screenshot(path=str(SHOTS / "import-check.png"))
    page.locator(".exchange-report").screenshot(path=str(SHOTS / "import-check-report.png"))
    assert not Question.objects.filter(bank=bank).exists()

    page.locator("#id_file").set_input_files(str(XML))
    page.get_by_role("button", name="Importer", exact=True).click()
    expect(page.locator("#report-title")).to_have_text("Importé")
    page.locator("#report-title").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "import-done.png"))
    assert Question.objects.filter(bank=bank).count() == 6

    page.get_by_role("link", name="Exporter une banque de questions ou un test").click()
    page.locator("#id_bank").select_option(str(bank.pk))
    page.locator("#id_format").select_option("gift")
    page.get_by_role("button", name="Préparer l'export").click()
    expect(page.locator("#export-title")).to_have_text("5 questions")
    expect(page.get_by_role("link", name="Télécharger")).to_be_visible()
    page.locator("#export-title").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "export.png"))
    context.close()
