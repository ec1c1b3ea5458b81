"""Every core trainee flow with JavaScript off, in Chromium at 360×640: log in, find the module, take
the pre-test as a plain form, read and complete the lessons, see the result, manage the account.

The offline enhancements are invisible without JavaScript: no download button that cannot work, and
the offline page says what to do instead. (tests/browser/test_test_journey.py runs the whole pre/post
journey without JavaScript as well.)
"""

import pytest
from playwright.sync_api import Browser, expect

from assessments.models import Attempt, OfflinePin
from courses.models import LessonProgress
from tests.browser.test_test_journey import KINDS, PHONE, RIGHT, answer, start_test
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_core_trainee_flows_work_without_javascript(browser: Browser, live_server, trainee):
    base = live_server.url
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    user, course = trainee["user"], trainee["course"]
    log_in(page, base, user.username)

    # Home → my modules → the module → its pre-test.
    page.goto(base + "/fr/")
    page.get_by_role("navigation", name="Compte").get_by_role("link", name="Mes modules").click()
    page.get_by_role("link", name=course.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(course.title)
    page.locator(".tests").get_by_role("link", name="Pré-test").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pré-test")
    expect(page.locator("[data-offline-download]")).to_be_hidden()

    # The test as a plain form, handed in, scored.
    start_test(page, "Pré-test")
    for kind in KINDS:
        answer(page, kind, RIGHT[kind])
    page.get_by_role("button", name="Remettre mes réponses").click()
    expect(page.locator(".score")).to_have_text("9 points sur 9 (100 %)")
    assert Attempt.objects.get(user=user).status == "submitted"

    # The lessons open; each is completed with a button (a form post).
    page.get_by_role("link", name="Aller aux leçons").click()
    page.get_by_role("link", name="Leçon 1", exact=True).click()
    page.get_by_role("button", name="Terminé, leçon suivante").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leçon 2")
    page.get_by_role("button", name="Terminé, retour au module").click()
    expect(page.locator("progress")).to_have_attribute("value", "100")
    assert LessonProgress.objects.filter(enrolment__user=user, completed_at__isnull=False).count() == 2

    # The catalogue lists the module.
    page.goto(base + course.get_parent().url)
    expect(page.get_by_role("link", name=course.title).first).to_be_visible()

    # Account: the shared-phone PIN is set with a plain form.
    page.goto(base + "/fr/offline/pin/")
    page.locator("#id_pin").fill("2580")
    page.locator("#id_pin_again").fill("2580")
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("status")).to_be_visible()
    assert OfflinePin.objects.filter(user=user).exists()

    # The offline page tells a phone without JavaScript what to do instead.
    page.goto(base + "/fr/offline/")
    expect(page.locator("main")).to_contain_text("Les tests gardés sur ce téléphone ont besoin de JavaScript.")

    # Log out.
    page.get_by_role("link", name="Se déconnecter").click()
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("navigation", name="Compte").get_by_role("link", name="Se connecter")).to_be_visible()
    context.close()
