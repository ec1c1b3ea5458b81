# ruff: noqa: F811 - the field tests' fixtures are imported, and named again as test arguments
"""Fourth outside review: offline tests (download, sync, the offline page, service worker, manifest),
attacked from outside. Each attack is a test that passes when the system is correct."""

from __future__ import annotations

import json
import tempfile
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from assessments import offline
from assessments.models import Attempt, OfflineDevice, Response
from courses.services import enrolment_create
from tests.factories import TrainingSessionFactory, UserFactory
from tests.field.conftest import module, post_open, shared_room, trainee  # noqa: F401 - fixtures
from tests.field.test_offline_browser import open_phone  # noqa: F401 - fixture
from tests.field.test_offline_sync import body, download, put, right_fields
from tests.training.conftest import trainer_user

pytestmark = pytest.mark.django_db
SHOTS = str(Path(tempfile.gettempdir()) / "shots" / "rev24") + "/"


def _post(client: Client, test, **data):
    return client.post(f"/api/offline-tests/{test.pk}/", {"language": "fr", **data})


# --- Download: the one rule -----------------------------------------------------------------------


def test_download_of_a_module_one_is_not_enrolled_in_is_refused(module):
    client = Client()
    client.force_login(UserFactory(username="or4-stranger"))
    response = _post(client, module["pre"], language="en")
    assert response.status_code == 403 and response.json()["error"] == "Enrol in the module first."
    assert not OfflineDevice.objects.exists()


def test_download_of_a_closed_pre_test_is_refused_in_the_page_language(trainee):
    pre = trainee["pre"]
    pre.is_open = False
    pre.save()
    fr = _post(trainee["client"], pre, language="fr")
    en = _post(trainee["client"], pre, language="en")
    assert fr.status_code == en.status_code == 403
    assert fr.json()["error"] == "Ce test est fermé." and en.json()["error"] == "This test is closed."
    assert not OfflineDevice.objects.exists()


def test_download_of_a_post_test_whose_review_is_open_is_refused(post_open):
    post = post_open["post"]
    post.is_open = False
    post.save()
    response = _post(post_open["client"], post, language="en")
    assert response.status_code == 403 and "answers can now be seen" in response.json()["error"]
    assert not OfflineDevice.objects.exists()


def test_download_with_no_attempt_left_is_refused(trainee):
    package = download(trainee["client"], trainee["pre"])
    assert put(uuid.uuid4(), body(package, right_fields(package))).status_code == 201
    response = _post(trainee["client"], trainee["pre"], language="en")
    assert response.status_code == 403
    assert response.json()["error"] == "You have used every attempt allowed for this test."


def test_download_by_a_get_or_without_login_is_refused(trainee):
    assert trainee["client"].get(f"/api/offline-tests/{trainee['pre'].pk}/").status_code == 405
    response = Client().post(f"/api/offline-tests/{trainee['pre'].pk}/")
    assert response.status_code == 302 and not OfflineDevice.objects.exists()


def test_download_with_a_language_that_is_not_offered_falls_back(trainee):
    response = _post(trainee["client"], trainee["pre"], language="../../etc")
    assert response.status_code == 200


def test_a_trainer_cannot_download_the_roster_of_another_trainers_session(shared_room):
    other = trainer_user("or4-other-trainer")
    TrainingSessionFactory(code="ZZZ9", trainer=other, courses=[shared_room["course"]])
    client = Client()
    client.force_login(shared_room["trainer"])
    for code in ("ZZZ9", "NOPE", "kan8' OR 1=1"):
        response = _post(client, shared_room["pre"], session=code)
        assert response.status_code == 403, code
    assert not OfflineDevice.objects.exists()


def test_a_trainee_not_in_the_session_is_left_out_of_its_roster(shared_room, trainee):
    client = Client()
    client.force_login(shared_room["trainer"])
    package = download(client, shared_room["pre"], session="KAN8")
    ids = {person["id"] for sheet in package["sheets"] for person in sheet["people"]}
    assert trainee["user"].pk not in ids and ids == {p.pk for p in shared_room["people"]}


def test_downloading_the_same_test_again_and_again_is_slowed_down(trainee):
    statuses = {_post(trainee["client"], trainee["pre"]).status_code for _ in range(60)}
    assert 429 in statuses
    assert OfflineDevice.objects.count() < 60


# --- A second download ------------------------------------------------------------------------------


def test_a_second_download_leaves_the_first_phones_attempt_syncable_and_nothing_is_counted_twice(trainee):
    first = download(trainee["client"], trainee["pre"])
    second = download(trainee["client"], trainee["pre"])
    assert first["key"] == second["key"]  # the same phone keeps one package: the second replaces it
    one, two = uuid.uuid4(), uuid.uuid4()
    assert put(one, body(first, right_fields(first))).status_code == 201
    response = put(two, body(second, right_fields(second)))
    assert response.status_code == 201 and response.json()["duplicate"] is True
    assert "score" not in response.json()  # a flagged attempt never tells its score
    assert Attempt.objects.filter(user=trainee["user"]).count() == 2
    assert list(Attempt.objects.counting().filter(user=trainee["user"]).values_list("pk", flat=True)) == [one]


# --- Sync: forged, replayed, truncated, oversized, badly typed bodies -------------------------------


@pytest.mark.parametrize(
    "mutation",
    [
        {"answers": {"q1": "a"}},
        {"answers": "q1=a"},
        {"answers": [["q1"]]},
        {"answers": [["q1", "a", "b"]]},
        {"answers": [[1, "a"]]},
        {"answers": [["q1", ["a"]]]},
        {"answers": [["x1", "a"]]},
        {"answers": [["q", "a"]]},
        {"answers": [["q99999999999999999999", "a"]]},
        {"answers": ["ab"]},
        {"device_token": 12},
        {"device_token": ["x"]},
        {"form_token": None},
        {"form_version": {"v": 1}},
        {"started_at": "yesterday"},
        {"finished_at": 1e308},
        {"participant": "1"},
        {"pin": 1234},
    ],
    ids=lambda m: json.dumps(m)[:40],
)
def test_a_wrongly_typed_sync_body_is_a_4xx_and_stores_nothing(trainee, mutation):
    package = download(trainee["client"], trainee["pre"])
    data = {**json.loads(body(package, right_fields(package))), **mutation}
    response = Client(raise_request_exception=False).put(
        f"/api/offline-attempts/{uuid.uuid4()}/", json.dumps(data), content_type="application/json"
    )
    assert 400 <= response.status_code < 500, (mutation, response.status_code)
    assert "error" in response.json()
    assert not Attempt.objects.exists()


@pytest.mark.parametrize(
    "raw",
    [b"\xff\xfe{}", b'{"device_token": "\xc3"}', b"[]", b"null", b'{"answers": [', b"", b'"text"', b"{" * 5000],
    ids=["bom16", "bad-utf8", "array", "null", "truncated", "empty", "string", "deep"],
)
def test_a_sync_body_that_is_not_a_json_object_is_a_400(trainee, raw):
    response = Client(raise_request_exception=False).put(
        f"/api/offline-attempts/{uuid.uuid4()}/", raw, content_type="application/json"
    )
    assert response.status_code == 400 and "error" in response.json()


def test_an_oversized_sync_body_is_a_413_before_anything_is_looked_up(trainee):
    package = download(trainee["client"], trainee["pre"])
    fields = right_fields(package) + [["q1", "x" * 100]] * 1000
    response = Client(raise_request_exception=False).put(
        f"/api/offline-attempts/{uuid.uuid4()}/", body(package, fields), content_type="application/json"
    )
    assert response.status_code == 413 and not Attempt.objects.exists()


def test_sync_only_by_put_and_a_bad_uuid_is_a_404(trainee):
    package = download(trainee["client"], trainee["pre"])
    payload = body(package, right_fields(package))
    client = Client(raise_request_exception=False)
    url = f"/api/offline-attempts/{uuid.uuid4()}/"
    assert client.post(url, payload, content_type="application/json").status_code == 405
    assert client.get(url).status_code == 405
    assert client.put("/api/offline-attempts/not-a-uuid/", payload, content_type="application/json").status_code == 404


def test_a_replayed_body_under_another_id_is_a_second_attempt_flagged_not_a_second_score(trainee):
    package = download(trainee["client"], trainee["pre"])
    payload = body(package, right_fields(package))
    assert put(uuid.uuid4(), payload).status_code == 201
    again = put(uuid.uuid4(), payload)
    assert again.status_code == 201 and again.json()["flagged"] and "score" not in again.json()


def test_syncing_under_the_id_of_another_persons_attempt_leaks_nothing(trainee):
    victim = UserFactory(username="or4-victim")
    enrolment_create(user=victim, course=trainee["course"])
    client = Client()
    client.force_login(victim)
    theirs = download(client, trainee["pre"])
    victim_id = uuid.uuid4()
    assert put(victim_id, body(theirs, right_fields(theirs))).status_code == 201
    mine = download(trainee["client"], trainee["pre"])
    response = put(victim_id, body(mine, []))
    assert response.status_code == 409
    assert "score" not in response.json() and "percent" not in response.json()
    assert Attempt.objects.get(pk=victim_id).user == victim


def test_a_form_token_of_another_person_cannot_be_used_with_ones_own_device_token(trainee):
    victim = UserFactory(username="or4-victim2")
    enrolment_create(user=victim, course=trainee["course"])
    client = Client()
    client.force_login(victim)
    theirs = download(client, trainee["pre"])
    mine = download(trainee["client"], trainee["pre"])
    data = json.loads(body(theirs, right_fields(theirs)))
    data["device_token"] = mine["deviceToken"]
    assert put(uuid.uuid4(), json.dumps(data)).status_code == 403
    assert not Attempt.objects.exists()


# --- Sync after the person or the test changed ------------------------------------------------------


def test_sync_after_erasure_stores_nothing(trainee):
    from privacy.services import user_erase

    package = download(trainee["client"], trainee["pre"])
    user_erase(user=trainee["user"])
    response = put(uuid.uuid4(), body(package, right_fields(package)))
    assert response.status_code == 403 and not Attempt.objects.exists()


def test_sync_after_consent_withdrawal_is_still_received(trainee):
    """Withdrawing consent leaves a person out of evaluators' results; it does not stop their training."""
    from lms.services import user_withdraw_consent

    package = download(trainee["client"], trainee["pre"])
    user_withdraw_consent(user=trainee["user"])
    assert put(uuid.uuid4(), body(package, right_fields(package))).status_code == 201


def test_sync_of_a_shared_phone_participant_erased_since_download_stores_nothing(shared_room):
    from privacy.services import user_erase

    person = shared_room["people"][0]
    offline.pin_set(user=person, pin="2468")
    client = Client()
    client.force_login(shared_room["trainer"])
    package = download(client, shared_room["pre"], session="KAN8")
    user_erase(user=person)
    sheet = next(i for i, s in enumerate(package["sheets"]) if any(p["id"] == person.pk for p in s["people"]))
    response = put(uuid.uuid4(), body(package, [], sheet, participant=person.pk, pin="2468"))
    assert 400 <= response.status_code < 500 and not Attempt.objects.exists()


def test_a_shared_phone_refuses_another_participants_pin(shared_room):
    one, two = shared_room["people"][:2]
    offline.pin_set(user=one, pin="1111")
    offline.pin_set(user=two, pin="2222")
    client = Client()
    client.force_login(shared_room["trainer"])
    package = download(client, shared_room["pre"], session="KAN8")
    sheet = next(i for i, s in enumerate(package["sheets"]) if any(p["id"] == one.pk for p in s["people"]))
    response = put(uuid.uuid4(), body(package, [], sheet, participant=one.pk, pin="2222"))
    assert response.status_code == 403 and not Attempt.objects.exists()
    # The trainer, who downloaded it, is not a participant of the phone either.
    response = put(uuid.uuid4(), body(package, [], sheet, participant=shared_room["trainer"].pk, pin="2222"))
    assert response.status_code == 403


def test_sync_after_the_downloaded_form_was_replaced_by_a_content_import_is_not_a_500(trainee):
    """An editor re-imports the module's questions with forms A and B: the form "" the phone has is
    deleted (no attempt used it yet). The phone's attempt must get an answer it can show (stored, or
    refused with words), not a 500 that leaves it "waiting for the network" forever."""
    from assessments.question_services import test_define

    package = download(trainee["client"], trainee["pre"])
    references = list(trainee["pre"].forms.get().items.values_list("reference", flat=True))
    test_define(course=trainee["course"], kind="pre", forms={"A": references, "B": references})
    response = Client(raise_request_exception=False).put(
        f"/api/offline-attempts/{uuid.uuid4()}/", body(package, right_fields(package)), content_type="application/json"
    )
    assert response.status_code != 500
    assert response.status_code in (200, 201) or "error" in response.json()


def test_sync_after_a_question_got_a_new_version_scores_the_downloaded_one(trainee):
    from assessments.models import Question

    package = download(trainee["client"], trainee["pre"])
    question = Question.objects.filter(kind="single").first()
    question.points = 50
    question.save()
    response = put(uuid.uuid4(), body(package, right_fields(package)))
    assert response.status_code == 201
    assert Response.objects.filter(attempt_id=response.json()["id"]).count() == 6


# --- Time ---------------------------------------------------------------------------------------------


def test_moving_the_download_rows_expiry_changes_nothing_the_signed_one_decides(trainee):
    package = download(trainee["client"], trainee["pre"])
    payload = offline.signing.loads(package["sheets"][0]["token"], salt=offline.FORM_SALT)
    OfflineDevice.objects.update(expires_at=timezone.now() - timedelta(days=1))
    response = put(uuid.uuid4(), body(package, right_fields(package)))
    assert payload["x"] > timezone.now().timestamp()
    assert response.status_code == 201 and not response.json()["flagged"]


def test_an_attempt_arriving_after_the_download_expired_is_flagged_expired_on_every_resend(trainee):
    """A download made 15 days ago (its signed expiry yesterday): received, kept, flagged, said "expired"."""
    package = download(trainee["client"], trainee["pre"])
    payload = offline.signing.loads(package["sheets"][0]["token"], salt=offline.FORM_SALT)
    payload["x"] = int((timezone.now() - timedelta(days=1)).timestamp())
    package["sheets"][0]["token"] = offline.signing.dumps(payload, salt=offline.FORM_SALT, compress=True)
    attempt_id, data = uuid.uuid4(), body(package, right_fields(package))
    first, again = put(attempt_id, data), put(attempt_id, data)
    assert first.status_code == 201 and again.status_code == 200
    for response in (first, again):
        result = response.json()
        assert result["flagged"] and result["late"] and result["cause"] == "expired" and "score" not in result
    assert Attempt.objects.get().flagged_late


def test_a_phone_clock_in_the_future_or_past_does_not_make_an_attempt_late_or_on_time(trainee):
    package = download(trainee["client"], trainee["pre"])
    far = int((timezone.now() + timedelta(days=400)).timestamp() * 1000)
    response = put(uuid.uuid4(), body(package, right_fields(package), started_at=far, finished_at=far + 60_000))
    assert response.status_code == 201 and not response.json()["flagged"]
    attempt = Attempt.objects.get()
    assert attempt.finished_at <= timezone.now()  # the server's clock, not the phone's


def test_absurd_phone_times_are_dropped_not_a_500(trainee):
    package = download(trainee["client"], trainee["pre"])
    for started, finished in ((-(2**62), 2**62), (0, -1)):
        response = put(uuid.uuid4(), body(package, right_fields(package), started_at=started, finished_at=finished))
        assert response.status_code == 201, response.content


def test_sync_after_a_downloaded_question_was_deleted_in_the_admin_is_not_a_500(trainee):
    """A question nobody answered yet can be deleted in the admin (Questions → Delete); a phone holding
    it must be told in words, not get a 500 and wait for the network forever."""
    from assessments.models import Question

    package = download(trainee["client"], trainee["pre"])
    Question.objects.filter(kind="short").delete()
    response = Client(raise_request_exception=False).put(
        f"/api/offline-attempts/{uuid.uuid4()}/", body(package, right_fields(package)), content_type="application/json"
    )
    assert response.status_code != 500
    assert response.status_code in (200, 201) or "error" in response.json()


# --- In the browser: what the phone says and keeps -------------------------------------------------


def _hand_in_offline(page) -> None:
    from playwright.sync_api import expect

    from tests.browser.test_test_journey import KINDS, RIGHT, answer

    page.locator("[data-offline-package] > button").click()
    for kind in KINDS:
        answer(page, kind, RIGHT[kind])
    page.locator("form[data-offline-form] button[type=submit]").click()
    expect(page.locator("[data-offline-list]")).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_a_server_error_is_not_called_waiting_for_the_network_and_does_not_stop_the_other_sends(
    open_phone, live_server, trainee
):
    """The server answers the first send with an HTML 500 page (as a proxy or a crash does) while the phone
    has network: that attempt must not say "waiting for the network", and the next one is still sent."""
    from playwright.sync_api import expect

    from tests.field.test_offline_browser import SYNC, download, network
    from tests.login import log_in

    base, pre = live_server.url, trainee["pre"]
    pre.attempts_allowed = 3
    pre.save()
    context, page = open_phone()
    log_in(page, base, trainee["user"].username)
    page.goto(f"{base}/fr/tests/{pre.pk}/")
    download(page, base, pre.pk)
    page.locator("[data-offline-link] a").click()
    network(context, on=False)
    page.reload()
    _hand_in_offline(page)
    _hand_in_offline(page)
    expect(page.locator("[data-attempt-state=queued]")).to_have_count(2)

    calls = []

    def first_fails(route):
        calls.append(route.request.url)
        if len(calls) == 1:
            route.fulfill(status=500, content_type="text/html", body="<h1>Server Error (500)</h1>")
        else:
            route.continue_()

    context.unroute(SYNC)
    context.route(SYNC, first_fails)
    context.set_offline(False)
    expect(page.locator("[data-attempt-state=sent]")).to_have_count(1, timeout=20_000)
    queued = page.locator("[data-attempt-state=queued]")
    expect(queued).to_have_count(1)
    expect(queued.locator(".state")).not_to_have_text("En attente du réseau")
    expect(queued.locator(".what")).to_contain_text("serveur")
    page.screenshot(path=SHOTS + "server-500-fr-360x640.png")
    assert Attempt.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_name_with_markup_stays_text_and_a_refused_attempt_does_not_keep_the_pin(
    open_phone, live_server, shared_room
):
    """A participant named with HTML on a trainer's shared phone: shown as text, never run. The PIN typed
    on the phone is sent with the attempt; once the server refuses it, it is not kept on the phone."""
    from playwright.sync_api import expect

    from tests.browser.test_test_journey import KINDS, RIGHT, answer
    from tests.field.test_offline_browser import download, network
    from tests.login import log_in

    base = live_server.url
    person = shared_room["people"][0]
    person.display_name = '<img src=x onerror="window.__pwned=1">Awa'
    person.save()
    offline.pin_set(user=person, pin="1234")
    context, page = open_phone("trainer")
    log_in(page, base, shared_room["trainer"].username)
    page.goto(base + shared_room["course"].url)
    download(page, base, shared_room["pre"].pk, session="KAN8")
    page.locator("[data-offline-link] a").first.click()
    network(context, on=False)
    page.reload()
    page.locator("[data-offline-package] > button").click()
    page.locator("[data-offline-person]").select_option(label=person.display_name)
    page.locator("[data-offline-pin]").fill("1234")
    page.locator("form[data-offline-who] button").click()
    expect(page.locator("[data-offline-title]")).to_contain_text("<img src=x")
    for kind in KINDS:
        answer(page, kind, RIGHT[kind])
    page.locator("form[data-offline-form] button[type=submit]").click()
    expect(page.locator("[data-attempt-state=queued] .who")).to_have_text(person.display_name)
    offline.pin_set(user=person, pin="5678")  # changed on the server meanwhile: the phone's PIN is refused
    network(context, on=True)
    expect(page.locator("[data-attempt-state=refused]")).to_have_count(1, timeout=20_000)
    page.screenshot(path=SHOTS + "shared-refused-markup-name-fr-360x640.png")
    assert page.evaluate("window.__pwned") is None
    # The long name (no space to break at) stays inside its card on a 360 px phone.
    card = page.locator("[data-offline-package]").bounding_box()
    name = page.locator("[data-attempt-state=refused] .who").bounding_box()
    assert name["x"] + name["width"] <= card["x"] + card["width"], (name, card)
    pins = page.evaluate("() => lmsOffline.all('attempts').then(list => list.map(a => a.pin))")
    assert pins == [""], "a refused attempt keeps the participant's PIN in clear on the phone"


@pytest.mark.django_db(transaction=True)
def test_after_logout_the_next_person_on_the_phone_does_not_see_the_previous_ones_results(
    open_phone, live_server, trainee
):
    from playwright.sync_api import expect

    from tests.field.test_offline_browser import download
    from tests.login import log_in

    base, pre = live_server.url, trainee["pre"]
    _context, page = open_phone()
    log_in(page, base, trainee["user"].username)
    page.goto(f"{base}/fr/tests/{pre.pk}/")
    download(page, base, pre.pk)
    page.locator("[data-offline-link] a").click()
    _hand_in_offline(page)
    expect(page.locator("[data-attempt-state=sent] .what")).to_contain_text("9 points sur 9")
    page.goto(f"{base}/fr/accounts/logout/")
    confirm = page.locator("main form button[type=submit]")
    if confirm.count():
        confirm.first.click()
        page.wait_for_load_state()
    expect(page.locator(".site-header")).to_contain_text("Se connecter")
    page.goto(f"{base}/fr/offline/")
    expect(page.locator("[data-offline-list]")).to_be_visible()
    page.wait_for_function("document.querySelector('[data-offline-list]').children.length > 0")
    page.screenshot(path=SHOTS + "after-logout-next-person-fr-360x640.png")
    assert "Se déconnecter" not in page.locator(".site-header").inner_text()
    assert "9 points sur 9" not in page.locator("[data-offline-list]").inner_text()
