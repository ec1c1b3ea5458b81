"""In Chromium at 360×640: a clip is downloaded only when the trainee taps "listen", and then plays;
the audio of a downloaded test is kept on the phone only when the trainee chose it; a lesson kept
for offline reading opens without network, and can be removed."""

import pytest
from playwright.sync_api import Browser, expect

from assessments import services
from tests.browser.test_test_journey import PHONE
from tests.field.audio import give_lesson_key_point, give_question_clips
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def _phone(browser: Browser, base: str, username: str):
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, base, username)
    return context, page


def test_a_clip_loads_only_when_tapped_and_then_plays(browser: Browser, live_server, trainee):
    base, user, pre = live_server.url, trainee["user"], trainee["pre"]
    question_clip, option_clip = give_question_clips("Q1", seconds=1.5)
    services.attempt_start(user=user, test=pre)
    context, page = _phone(browser, base, user.username)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base}/fr/tests/{pre.pk}/", wait_until="networkidle")

    question = page.locator("fieldset.question").first
    listen = question.locator("details.listen > summary").first
    expect(listen).to_be_visible()
    expect(listen).to_contain_text(f"({-(-question_clip.file_size // 1024)} K")  # the size, in KB
    expect(listen).to_contain_text("pular")
    assert listen.bounding_box()["height"] >= 44
    # Nothing of either clip before the tap.
    page.wait_for_timeout(500)
    assert not [url for url in requested if "/documents/" in url], requested

    with page.expect_request(lambda request: request.url.endswith(question_clip.url)):
        listen.click()
    player = question.locator("details.listen audio").first
    expect(player).to_be_visible()
    page.wait_for_function("a => !a.paused && a.currentTime > 0", arg=player.element_handle())
    # The choice's clip is still untouched.
    assert not [url for url in requested if url.endswith(option_clip.url)]
    context.close()


def test_without_javascript_the_listen_control_still_reveals_a_player(browser: Browser, live_server, trainee):
    base, user, pre = live_server.url, trainee["user"], trainee["pre"]
    give_question_clips("Q1")
    services.attempt_start(user=user, test=pre)
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    log_in(page, base, user.username)
    page.goto(f"{base}/fr/tests/{pre.pk}/")
    player = page.locator("fieldset.question details.listen audio").first
    expect(player).to_be_hidden()
    page.locator("fieldset.question details.listen > summary").first.click()
    expect(player).to_be_visible()
    assert player.get_attribute("preload") == "none" and player.get_attribute("controls") is not None
    context.close()


def _download(page, base: str, test_id: int, *, with_audio: bool) -> None:
    page.goto(f"{base}/fr/tests/{test_id}/")
    box = page.locator("[data-offline-download]")
    expect(box).to_be_visible()
    if with_audio:
        box.locator("[data-offline-audio]").check()
    box.locator("button").click()
    expect(box.locator("[data-offline-link]")).to_be_visible()


def _audio_kept(page) -> list[str]:
    return page.evaluate(
        "caches.open('lms-audio').then(c => c.keys()).then(keys => keys.map(k => new URL(k.url).pathname))"
    )


def test_the_audio_of_a_downloaded_test_is_kept_only_when_chosen(browser: Browser, live_server, trainee):
    base, user, pre = live_server.url, trainee["user"], trainee["pre"]
    question_clip, option_clip = give_question_clips("Q1")

    context, page = _phone(browser, base, user.username)
    _download(page, base, pre.pk, with_audio=False)
    assert _audio_kept(page) == []
    context.close()

    context, page = _phone(browser, base, user.username)
    _download(page, base, pre.pk, with_audio=True)
    assert sorted(_audio_kept(page)) == sorted([question_clip.url, option_clip.url])
    # The offline page's listen control gets the clip from the phone: the server no longer has it.
    # (Under Playwright's set_offline the page's own fetches failed here before reaching the worker,
    # so the server losing the file stands in for the network being gone.)
    question_clip.file.delete(save=False)
    page.goto(f"{base}/fr/offline/")
    page.locator("[data-offline-package] button").first.click()
    listen = page.locator("[data-offline-questions] details.listen > summary").first
    listen.click()
    player = page.locator("[data-offline-questions] details.listen audio").first
    page.wait_for_function("a => a.readyState >= 1", arg=player.element_handle())
    context.close()


def test_a_lesson_kept_for_offline_reading_opens_without_network(browser: Browser, live_server, trainee):
    base, user, pre = live_server.url, trainee["user"], trainee["pre"]
    lesson = trainee["lessons"][0]
    give_lesson_key_point(lesson)
    attempt, _created = services.attempt_start(user=user, test=pre)  # the pre-test opens the lessons
    services.attempt_submit(user=user, attempt_id=attempt.pk)
    context, page = _phone(browser, base, user.username)
    page.goto(base + lesson.url)
    keep = page.locator("[data-keep] button")
    expect(keep).to_be_visible()
    keep.click()
    expect(page.locator("[data-keep] button[data-kept='1']")).to_be_visible()
    expect(page.locator("[data-keep-note]")).not_to_be_empty()

    context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)
    expect(page.locator(".key-point")).to_contain_text("La traite des personnes est un crime.")
    # Its stylesheet came from the phone too: the key point has its background.
    assert page.locator(".key-point").evaluate("e => getComputedStyle(e).borderLeftStyle") == "solid"

    # The offline page lists it; removing it there, the lesson no longer opens without network.
    page.goto(f"{base}/fr/offline/")
    kept = page.locator("[data-kept]")
    expect(kept.get_by_role("link", name=lesson.title)).to_be_visible()
    kept.locator("button").click()
    expect(kept).to_be_hidden()
    page.goto(base + lesson.url)
    expect(page.get_by_role("heading", level=1)).not_to_have_text(lesson.title)
    context.close()


def test_without_javascript_there_is_no_keep_control(browser: Browser, live_server, trainee):
    base, user, pre = live_server.url, trainee["user"], trainee["pre"]
    attempt, _created = services.attempt_start(user=user, test=pre)
    services.attempt_submit(user=user, attempt_id=attempt.pk)
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    log_in(page, base, user.username)
    page.goto(base + trainee["lessons"][0].url)
    expect(page.get_by_role("heading", level=1)).to_have_text(trainee["lessons"][0].title)
    expect(page.locator("[data-keep]")).to_be_hidden()
    context.close()
