"""A verifier types the printed name on a certificate's public page, in Chromium, and gets an answer.

It used to fail every time: the page sends `Referrer-Policy: no-referrer`, so Chromium posts the
form with `Origin: null`, and the CSRF check refused it with a raw 403. The check is read-only and
needs no token now; the page stays private (no referrer, no cookie, not indexed).
"""

import pytest
from playwright.sync_api import Browser, expect

from tests.factories import CertificateFactory

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 360, "height": 640}


def test_the_name_check_works_in_chromium_and_the_page_stays_private(browser: Browser, live_server):
    certificate = CertificateFactory(name="Fatoumata Ɓah")
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="fr-FR")
    page = context.new_page()
    response = page.goto(f"{live_server.url}/v/{certificate.code}/")
    assert response.status == 200 and response.headers["referrer-policy"] == "no-referrer"
    page.get_by_label("Saisissez le nom", exact=False).fill("fatoumata bah")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.get_by_role("button", name="Vérifier le nom").click()
    answer = posted.value
    assert answer.status == 200 and answer.request.header_value("origin") == "null"
    expect(page.get_by_text("Le nom correspond à cette attestation.")).to_be_visible()
    assert answer.headers["referrer-policy"] == "no-referrer"
    assert context.cookies() == []  # the verifier's browser keeps nothing from the page

    page.get_by_label("Saisissez le nom", exact=False).fill("Mamadou Diallo")
    page.get_by_role("button", name="Vérifier le nom").click()
    expect(page.get_by_text("Le nom ne correspond pas à cette attestation.")).to_be_visible()
    context.close()
