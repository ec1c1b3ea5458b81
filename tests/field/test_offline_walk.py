"""Acceptance of issue 24: a trainee in a village always knows what is on the phone, what was sent, and
what happens next. Walked in Chromium on a 360×640 phone: download → offline → answer part → close →
reopen offline → finish → online → sync, the status of the attempt read in words at each step.

Screenshots of each state go to /tmp/shots/offui/ (looked at by a person, not compared by the test).
"""

import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from assessments.models import Attempt, OfflineDevice, Question
from tests.browser.test_test_journey import RIGHT, answer, expect_answer_in_place, question
from tests.field.test_accessibility import axe_violations
from tests.field.test_offline_browser import download, network, offline_url, open_phone  # noqa: F401 (fixture)
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path(tempfile.gettempdir()) / "shots" / "offui"
# One item of three in its place: 2/3 of the ordering question's 2 points, 7 + 2/3 points of 9 in all.
ORDERING_ONE_IN_PLACE = ["c", "b", "a"]
LONG_QUESTION = "Une personne recrutée pour un travail promis à l'étranger voit son passeport confisqué : que faire ?"


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def installability_errors(page: Page) -> list:
    """What Chrome says stops this page's site from being installed (CDP), [] when installable."""
    cdp = page.context.new_cdp_session(page)
    try:
        return cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    finally:
        cdp.detach()


def the_attempt(page: Page):
    return page.locator("[data-offline-package] li[data-attempt]")


def expect_status(page: Page, state: str, word: str, meaning: str, *, timeout: float = 15_000) -> None:
    """The one attempt on the phone is in `state`, and says so in words: what it is, what it means."""
    attempt = the_attempt(page)
    expect(attempt).to_have_attribute("data-attempt-state", state, timeout=timeout)
    expect(attempt.locator(".state")).to_have_text(word)
    expect(attempt.locator(".what")).to_have_text(meaning)


def banner(page: Page):
    return page.locator("[data-offline-status]")


def give_a_long_heading(reference: str) -> None:
    """A question whose heading wraps on a phone, as real questions do."""
    question = Question.objects.get(reference=reference, is_current=True)
    question.content["fr"]["text"] = LONG_QUESTION
    question.save(update_fields=["content"])


def expect_heading_inside_its_card(page: Page, kind: str) -> None:
    """The question's heading wraps, and stands inside its card, below the top border: not drawn across
    it (a legend in the border keeps only its first line clear of the line)."""
    card, heading = question(page, kind), question(page, kind).locator("legend")
    card_box, heading_box = card.bounding_box(), heading.bounding_box()
    assert heading_box["height"] > 40  # two lines or more at 360 px
    assert heading_box["y"] >= card_box["y"] + 8, (card_box, heading_box)


def test_a_trainee_is_told_truthfully_at_every_step_from_download_to_sync(open_phone, live_server, post_open):  # noqa: F811
    base, user, post, course = live_server.url, post_open["user"], post_open["post"], post_open["course"]
    give_a_long_heading("Q1")
    context, page = open_phone()
    log_in(page, base, user.username)

    # The way to the phone's tests: the header of every trainee page, and the module page.
    page.goto(base + course.url)
    header_link = page.locator(".site-header").get_by_role("link", name="Sur ce téléphone")
    expect(header_link).to_have_attribute("href", "/fr/offline/")
    expect(page.locator("section.tests").get_by_role("link", name="Tests sur ce téléphone")).to_have_attribute(
        "href", "/fr/offline/"
    )
    shot(page, "01-module-page-the-way-to-the-phone")

    # Download: the button gives way to "already on this phone", now and on the next visit.
    page.goto(f"{base}/fr/tests/{post.pk}/")
    download(page, base, post.pk)
    box = page.locator("[data-offline-download]")
    expect(box.locator("[data-offline-get]")).to_be_hidden()
    expect(box.locator("[data-offline-note]")).to_have_text(
        "Prêt : ce test est gardé sur ce téléphone et s'ouvre sans réseau."
    )
    page.reload()
    expect(box.locator("[data-offline-note]")).to_contain_text("Déjà sur ce téléphone : répondez avant le ")
    expect(box.locator("[data-offline-get]")).to_be_hidden()
    expect(box.get_by_role("link", name="Ouvrir les tests de ce téléphone")).to_be_visible()
    shot(page, "02-test-page-already-on-this-phone")
    assert OfflineDevice.objects.count() == 1

    # Installable, and the home-screen icon opens the offline page.
    assert installability_errors(page) == []
    manifest = page.evaluate("() => fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())")
    assert manifest["start_url"] == "/fr/offline/"
    header_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tests sur ce téléphone")
    expect(page.locator("[data-offline-package]")).to_contain_text("Répondez avant le ")
    expect(banner(page)).to_be_empty()  # nothing answered yet: nothing to call sent
    assert installability_errors(page) == []

    # In the village: no network. The home-screen icon opens the page from the phone.
    network(context, on=False)
    page.goto(base + manifest["start_url"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Tests sur ce téléphone")
    page.locator("[data-offline-package] > button").click()
    expect_heading_inside_its_card(page, "single")
    for kind in ("single", "true_false", "multiple"):
        answer(page, kind, RIGHT[kind])
    question(page, "single").scroll_into_view_if_needed()
    expect(page.locator("[data-offline-saved]")).to_have_text("Enregistré sur ce téléphone — pas encore envoyé.")
    shot(page, "03-answering-offline")

    # The phone is switched off half-way, and on again, still without network.
    page.close()
    context.close()
    context, page = open_phone(offline=True)
    page.goto(offline_url(base))
    expect_status(
        page, "draft", "Pas encore rendu", "Les réponses sont seulement sur ce téléphone. Continuez, puis rendez-les."
    )
    # Continued, not started again: no second attempt.
    expect(page.locator("[data-offline-package] > button")).to_have_count(0)
    # Nothing was sent, and nothing says so.
    expect(banner(page)).to_have_text("Pas de réseau : tout reste sur ce téléphone.")
    shot(page, "04-reopened-offline-not-handed-in-yet")

    # Finish: the answers given before the phone was switched off are there.
    the_attempt(page).get_by_role("button", name="Continuer").click()
    for kind in ("single", "true_false", "multiple"):
        expect_answer_in_place(page, kind, RIGHT[kind])
    answer(page, "matching", RIGHT["matching"])
    answer(page, "ordering", ORDERING_ONE_IN_PLACE)
    answer(page, "short", RIGHT["short"])
    page.locator("form[data-offline-form] button[type=submit]").click()
    expect_status(page, "queued", "En attente du réseau", "Rendu. Il part tout seul dès que le téléphone a du réseau.")
    expect(banner(page)).to_have_text("Pas de réseau : tout reste sur ce téléphone.")
    shot(page, "05-handed-in-waiting-for-the-network")
    assert not Attempt.objects.filter(test=post).exists()

    # Back in network: sent by itself, the result read as on the result page.
    network(context, on=True)
    expect_status(
        page, "sent", "Envoyé", "85 % (7,7 points sur 9). Réussi : le seuil de réussite est de 70 %.", timeout=20_000
    )
    expect(banner(page)).to_have_text("Tout ce qui était sur ce téléphone a été envoyé.")
    # The one attempt allowed is used: the phone offers no start that could only be flagged.
    expect(page.locator("[data-offline-used-up]")).to_have_text(
        "Toutes les tentatives permises pour ce test sont faites."
    )
    expect(page.locator("[data-offline-package] > button")).to_have_count(0)
    shot(page, "06-sent-with-its-result")
    assert axe_violations(page) == []
    attempt = Attempt.objects.get(test=post)
    assert (attempt.mode, attempt.flag, round(attempt.percent)) == ("offline", "", 85)
    assert attempt.score == pytest.approx(7 + 2 / 3)

    # The same phone in English.
    page.goto(f"{base}/en/offline/")
    expect_status(page, "sent", "Sent", "85 % (7.7 points out of 9). Passed: the pass mark is 70 %.")
    expect(banner(page)).to_have_text("Everything on this phone has been sent.")
    shot(page, "07-sent-with-its-result-english")


def test_an_expired_download_warns_before_answering_and_a_refusal_says_what_to_do(open_phone, live_server, trainee):  # noqa: F811
    base, pre = live_server.url, trainee["pre"]
    context, page = open_phone("expired")
    log_in(page, base, trainee["user"].username)
    page.goto(f"{base}/fr/tests/{pre.pk}/")
    download(page, base, pre.pk)

    # Fifteen days later by the phone's own clock: the download's time to answer (14 days) has passed.
    context.clock.set_fixed_time(datetime.now() + timedelta(days=15))
    page.goto(offline_url(base))
    card = page.locator("[data-offline-package]")
    warning = card.locator("[data-offline-expired]")
    expect(warning).to_contain_text("Le délai pour répondre à ce test a pris fin le ")
    expect(warning).to_contain_text(
        "Si vous répondez maintenant, vos réponses seront envoyées à votre formateur mais ne compteront pas."
    )
    expect(card.locator("> button")).to_have_text("Répondre quand même")
    shot(page, "08-expired-download-warned-before-answering")
    card.locator("> button").click()
    expect(page.locator("[data-offline-late]")).to_contain_text("ne compteront pas")
    expect(question(page, "single")).to_be_visible()
    shot(page, "09-expired-download-warning-above-the-questions")
    answer(page, "single", RIGHT["single"])
    # Back to the list, with network: an attempt not handed in is not "sent", and no banner says it is.
    page.goto(offline_url(base))
    expect_status(
        page, "draft", "Pas encore rendu", "Les réponses sont seulement sur ce téléphone. Continuez, puis rendez-les."
    )
    expect(banner(page)).to_be_empty()

    # Handed in, but the server no longer knows this phone's key (an administrator removed it): refused,
    # in words, with what to do; still no banner that says "sent".
    OfflineDevice.objects.all().delete()
    the_attempt(page).get_by_role("button", name="Continuer").click()
    page.locator("form[data-offline-form] button[type=submit]").click()
    expect_status(
        page,
        "refused",
        "Refusé",
        "La clé de ce téléphone pour le test n'est pas valable. Téléchargez de nouveau le test. "
        "Les réponses restent sur ce téléphone : montrez ce message à votre formateur.",
    )
    expect(banner(page)).to_be_empty()
    shot(page, "10-refused-with-what-to-do")
    assert not Attempt.objects.exists()

    # The test's page no longer calls the expired copy "already on this phone": download it again.
    page.goto(f"{base}/fr/tests/{pre.pk}/")
    expect(page.locator("[data-offline-note]")).to_have_text(
        "La copie sur ce téléphone a dépassé son délai pour répondre : téléchargez le test à nouveau."
    )
    expect(page.locator("[data-offline-get]")).to_be_visible()


def test_a_test_closed_in_its_settings_cannot_be_downloaded(open_phone, live_server, trainee):  # noqa: F811
    base, pre = live_server.url, trainee["pre"]
    pre.is_open = False
    pre.save()
    _context, page = open_phone("closed")
    log_in(page, base, trainee["user"].username)
    # Any page's CSRF token will do (the PIN page has a form); the phone asks as the download button does.
    page.goto(f"{base}/fr/offline/pin/")
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    answered = page.evaluate(
        """([url, token]) => { const data = new FormData(); data.append("language", "fr");
             data.append("csrfmiddlewaretoken", token);
             return fetch(url, {method: "POST", body: data, credentials: "same-origin"})
                 .then(r => r.json().then(body => [r.status, body])); }""",
        [f"{base}/api/offline-tests/{pre.pk}/", token],
    )
    assert answered == [403, {"error": "Ce test est fermé."}]
    assert not OfflineDevice.objects.exists()
