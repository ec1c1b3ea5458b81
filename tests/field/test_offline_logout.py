# ruff: noqa: F811 - the phone fixture is imported, and named again as a test argument
"""Logout on a shared phone (docs/field.md, "Logout on a shared phone"): the next person sees nothing of
the one who left, and the answers handed in but not sent still reach the server."""

import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from assessments.models import Attempt, OfflineDevice
from tests.browser.test_test_journey import KINDS, RIGHT, answer
from tests.field.test_offline_browser import SYNC, download, network, open_phone  # noqa: F401 - fixture
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = str(Path(tempfile.gettempdir()) / "shots" / "offlogout") + "/"
OTHER = "Réponses d'une autre personne en attente d'envoi"


def test_answers_not_yet_sent_survive_the_logout_without_name_or_result_and_are_sent(open_phone, live_server, trainee):
    base, pre = live_server.url, trainee["pre"]
    context, page = open_phone()
    log_in(page, base, trainee["user"].username)
    page.goto(f"{base}/fr/tests/{pre.pk}/")
    download(page, base, pre.pk)
    page.locator("[data-offline-link] a").click()
    network(context, on=False)
    page.reload()
    page.locator("[data-offline-package] > button").click()
    for kind in KINDS:
        answer(page, kind, RIGHT[kind])
    page.locator("form[data-offline-form] button[type=submit]").click()
    expect(page.locator("[data-attempt-state=queued]")).to_have_count(1)

    # Back in network, but the send does not get through before the trainee logs out.
    context.set_offline(False)
    page.goto(f"{base}/fr/accounts/logout/")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".site-header")).to_contain_text("Se connecter")

    page.goto(f"{base}/fr/offline/")
    other = page.locator("[data-attempt-other]")
    expect(other).to_have_count(1)
    expect(other.locator(".state")).to_have_text(OTHER)
    expect(page.locator("[data-offline-package]")).to_have_count(0)  # the person's download is forgotten
    assert "Se déconnecter" not in page.locator(".site-header").inner_text()
    page.screenshot(path=SHOTS + "other-persons-answers-waiting-fr-360x640.png")
    assert not Attempt.objects.exists()

    # The network comes through: sent with the download's own tokens, and its result never shown here.
    context.unroute(SYNC)
    page.locator("[data-offline-send]").click()
    expect(other).to_have_count(0, timeout=20_000)
    attempt = Attempt.objects.get()
    assert attempt.user == trainee["user"] and attempt.score == 9
    assert "points" not in page.locator("[data-offline-list]").inner_text()
    assert page.evaluate("() => lmsOffline.all('attempts').then(list => list.length)") == 0
    assert OfflineDevice.objects.count() == 1
