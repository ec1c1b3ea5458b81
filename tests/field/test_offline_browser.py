"""Acceptance: a test downloaded in town, answered offline in a village, synced once back in network.

Phones here are persistent Chromium profiles (a folder of their own): closing the browser and opening
it again later keeps IndexedDB, the service worker and its cache, as on a real phone.
"""

import contextlib
from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import BrowserContext, Page, expect

from assessments import offline
from assessments.models import Attempt, Response
from tests.browser.test_test_journey import KINDS, PHONE, RIGHT, answer
from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.field.test_accessibility import axe_violations
from tests.login import log_in

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
pytestmark = pytest.mark.django_db(transaction=True)

DRAFT = "Enregistré sur ce téléphone — pas encore envoyé."


@pytest.fixture
def open_phone(browser_type, tmp_path):
    """Opens (or reopens) the phone whose profile lives in `tmp_path/<name>`; returns (context, page)."""
    contexts: list[BrowserContext] = []

    def launch(name: str = "phone", *, offline: bool = False) -> tuple[BrowserContext, Page]:
        context = browser_type.launch_persistent_context(
            str(tmp_path / name),
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            viewport=PHONE,
            is_mobile=True,
            locale="fr-FR",
            offline=offline,
            # axe and Playwright's string predicates are inline scripts and eval, which the CSP refuses
            # (the policy itself: tests/security/test_headers.py).
            bypass_csp=True,
        )
        contexts.append(context)
        # A worker woken by the browser itself for Background Sync (at start-up, before the test can
        # switch the phone offline) escapes Playwright's offline emulation and would reach the server
        # "in the village". Without SyncManager the page does not register one; the page's own retry
        # (the `online` event) is what is tested here.
        context.add_init_script("delete window.SyncManager;")
        if offline:
            network(context, on=False)
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(15_000)
        return context, page

    yield launch
    for context in contexts:
        with contextlib.suppress(Exception):  # already closed by the test
            context.close()


SYNC = "**/api/offline-attempts/**"


def network(context: BrowserContext, *, on: bool) -> None:
    """Switch the phone's network. `set_offline` does not reach the service worker's own requests
    (Background Sync sends from there), so those are refused by a route while the phone is offline."""
    if on:
        context.unroute(SYNC)
        context.set_offline(False)
    else:
        context.route(SYNC, lambda route: route.abort("internetdisconnected"))
        context.set_offline(True)


def offline_url(base: str) -> str:
    with translation.override("fr"):
        from django.urls import reverse

        return base + reverse("assessments:offline")


def download(page: Page, base: str, test_id: int, *, session: str = "") -> None:
    """On the test's page (trainee) or the module's page (trainer): download, wait until kept."""
    box = page.locator("[data-offline-download]").first
    if session:
        box.locator("input[name=session]").fill(session)
    box.locator("button").click()
    expect(box.locator("[data-offline-link]")).to_be_visible()
    page.wait_for_function("navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready")


def test_a_test_answered_offline_is_queued_across_restarts_and_synced_once(open_phone, live_server, trainee):
    base = live_server.url
    user, pre = trainee["user"], trainee["pre"]
    context, page = open_phone()
    log_in(page, base, user.username)
    page.goto(f"{base}/fr/tests/{pre.pk}/")
    download(page, base, pre.pk)
    page.locator("[data-offline-link] a").click()
    expect(page.locator("[data-offline-package]")).to_have_count(1)

    # In the village: no network. The page comes back from the phone (the service worker's cache).
    network(context, on=False)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tests sur ce téléphone")
    page.locator("[data-offline-package] button").click()
    expect(page.locator("fieldset.question")).to_have_count(len(KINDS))
    for kind in KINDS:
        answer(page, kind, RIGHT[kind])
    expect(page.locator("[data-offline-saved]")).to_have_text(DRAFT)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "offline-saved-on-phone-360x640.png"))
    assert axe_violations(page) == []
    page.locator("form[data-offline-form] button[type=submit]").click()
    queued = page.locator("[data-attempt-state=queued]")
    expect(queued).to_have_count(1)
    expect(page.locator("[data-offline-status]")).to_have_text("Pas de réseau : tout reste sur ce téléphone.")
    page.screenshot(path=str(SCREENSHOTS / "offline-handed-in-queued-360x640.png"))
    assert not Attempt.objects.exists()

    # Later, the phone is switched off and on again, still without network: the attempt waits.
    # (The page first: closing the context with the page open may let the dying page see the network.)
    page.close()
    context.close()
    context, page = open_phone(offline=True)
    page.goto(offline_url(base))
    expect(page.locator("[data-attempt-state=queued]")).to_have_count(1)
    assert not Attempt.objects.exists()

    # The network is back: the attempt is sent without the trainee doing anything, scored on the server.
    network(context, on=True)
    sent = page.locator("[data-attempt-state=sent]")
    expect(sent).to_have_count(1, timeout=20_000)
    expect(sent.locator(".state")).to_have_text("Envoyé")
    expect(sent.locator(".what")).to_have_text("100 % (9 points sur 9).")
    expect(page.locator("[data-offline-status]")).to_have_text("Tout ce qui était sur ce téléphone a été envoyé.")
    page.screenshot(path=str(SCREENSHOTS / "offline-sent-360x640.png"))
    assert axe_violations(page) == []
    attempt = Attempt.objects.get()
    assert (attempt.user, attempt.mode, attempt.status, attempt.score) == (user, "offline", "submitted", 9.0)
    assert Response.objects.filter(attempt=attempt).count() == len(KINDS)

    # Sending it again (the phone lost the answer, or a retry crossed the first send) changes nothing.
    result = page.evaluate(
        """() => lmsOffline.all("attempts").then(list => { const a = list[0]; a.state = "queued";
              return lmsOffline.send(a); }).then(a => a.result)"""
    )
    assert result["replayed"] is True and result["score"] == 9.0
    assert Attempt.objects.count() == 1 and Response.objects.count() == len(KINDS)


def test_three_participants_answer_in_turn_on_a_trainers_phone_and_all_sync(open_phone, live_server, shared_room):
    base = live_server.url
    people = shared_room["people"]
    for n, person in enumerate(people, start=1):
        offline.pin_set(user=person, pin=f"{n}{n}{n}{n}")
    context, page = open_phone("trainer")
    log_in(page, base, shared_room["trainer"].username)
    page.goto(base + shared_room["course"].url)
    download(page, base, shared_room["pre"].pk, session="KAN8")
    page.locator("[data-offline-link] a").first.click()

    network(context, on=False)
    page.reload()
    for n, person in enumerate(people, start=1):
        page.locator("[data-offline-package] > button").click()
        page.locator("[data-offline-person]").select_option(label=person.display_name)
        # A wrong PIN is caught on the phone.
        page.locator("[data-offline-pin]").fill("9999")
        page.locator("form[data-offline-who] button").click()
        expect(page.locator("[data-offline-pin-error]")).to_have_text("Code PIN faux.")
        if n == 1:
            assert axe_violations(page) == []
        page.locator("[data-offline-pin]").fill(f"{n}{n}{n}{n}")
        page.locator("form[data-offline-who] button").click()
        expect(page.locator("[data-offline-title]")).to_contain_text(person.display_name)
        for kind in KINDS:
            answer(page, kind, RIGHT[kind])
        page.locator("form[data-offline-form] button[type=submit]").click()
        expect(page.locator("[data-attempt-state=queued]")).to_have_count(n)
    assert not Attempt.objects.exists()

    network(context, on=True)
    expect(page.locator("[data-attempt-state=sent]")).to_have_count(3, timeout=30_000)
    assert sorted(Attempt.objects.values_list("user__username", "mode", "score")) == [
        ("part1", "offline", 9.0),
        ("part2", "offline", 9.0),
        ("part3", "offline", 9.0),
    ]
