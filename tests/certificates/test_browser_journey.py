"""A trainee passes the post-test on a phone and finds their certificate, and a verifier checks it.

Nothing is done in between: the submission's listener issues the certificate (tasks run eagerly in
the live server here; the worker tests cover the broker). The PDF's text holds the accented name and
the code, its QR code decodes to the verification URL, and that URL says the certificate is valid.
"""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, expect

from certificates.models import Certificate
from tests.factories import ACCENTED_NAME, RIGHT_ANSWERS, certificate_setup
from tests.login import log_in

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
PHONE = {"width": 360, "height": 640}
REFERENCE_KIND = {
    "Q1": "single",
    "Q2": "true_false",
    "Q3": "multiple",
    "Q4": "matching",
    "Q5": "ordering",
    "Q6": "short",
}

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("eager_tasks"),
    pytest.mark.skipif(
        not shutil.which("zbarimg") or not shutil.which("pdftotext"), reason="needs zbar-tools and poppler-utils"
    ),
]


def _run(*command: str) -> str:
    """Debian's poppler-utils and zbar-tools, as a verifier's own tools would read the file."""
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603


def _answer(page, kind, value):
    fieldset = page.locator(f'fieldset.question[data-kind="{kind}"]')
    if kind in ("single", "true_false"):
        fieldset.locator(f'input[type=radio][value="{value}"]').check()
    elif kind == "multiple":
        for box in fieldset.locator("input[type=checkbox]").all():
            box.set_checked(box.get_attribute("value") in value)
    elif kind == "matching":
        for left, right in value.items():
            fieldset.locator(f'select[name$="_{left}"]').select_option(right)
    elif kind == "ordering":
        for position, option in enumerate(value, start=1):
            fieldset.locator(f'input[name$="_{option}"]').fill(str(position))
    else:
        fieldset.locator("input[type=text], textarea").first.fill(value)


def test_passing_the_post_test_gives_a_verifiable_certificate(
    browser: Browser, live_server, home_pages, settings, tmp_path
):
    settings.CERTIFICATE_BASE_URL = live_server.url
    user, enrolment, post, _rule = certificate_setup()
    with translation.override("fr"):
        post_url = reverse("assessments:test", kwargs={"test_id": post.pk})
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, live_server.url, user.username)

    page.goto(live_server.url + post_url)
    page.get_by_role("button", name="Commencer le test").click()
    for reference, kind in REFERENCE_KIND.items():
        _answer(page, kind, RIGHT_ANSWERS[reference])
    page.get_by_role("button", name="Remettre mes réponses").click()
    expect(page.locator(".score")).to_contain_text("9 points sur 9")

    # No further action: the certificate is there.
    certificate = Certificate.objects.get(enrolment=enrolment)
    page.goto(live_server.url + "/fr/dashboard/")
    expect(page.locator(".certificate-notice")).to_be_visible()
    page.locator(".certificate-notice a").click()
    expect(page.locator(".certificates")).to_contain_text(certificate.grouped_code)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "my-certificates-fr-360x640.png"), full_page=True)

    pdf = page.request.get(live_server.url + f"/fr/certificates/{certificate.code}.pdf").body()
    (tmp_path / "c.pdf").write_bytes(pdf)
    text = _run("pdftotext", str(tmp_path / "c.pdf"), "-")
    assert ACCENTED_NAME in " ".join(text.split())  # a long name may wrap onto a second line
    assert certificate.grouped_code in text
    _run("pdftoppm", "-r", "150", "-png", "-singlefile", str(tmp_path / "c.pdf"), str(tmp_path / "c"))
    scanned = _run("zbarimg", "-q", "--raw", str(tmp_path / "c.png")).strip()
    assert scanned.startswith(f"{live_server.url}/v/{certificate.code}/#")

    verifier = browser.new_context(viewport=PHONE, is_mobile=True, locale="fr-FR").new_page()
    verifier.goto(scanned)
    expect(verifier.locator(".status.valid")).to_be_visible()
    expect(verifier.locator(".facts")).to_contain_text(certificate.grouped_code)
    verifier.screenshot(path=str(SCREENSHOTS / "verification-fr-360x640.png"), full_page=True)
    verifier.context.close()
    context.close()
