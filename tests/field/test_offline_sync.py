"""Offline tests over HTTP: download (no answer keys, signed), sync once, resend, forged and late sends."""

import json
import re
import uuid
from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone

from assessments import offline
from assessments.models import Attempt, OfflineDevice, OfflinePin, Response
from assessments.views_offline import DOWNLOADS_PER_TEST_PER_HOUR
from courses.services import enrolment_create
from tests.factories import RIGHT_ANSWERS, UserFactory

pytestmark = pytest.mark.django_db


def download(client: Client, test, **data) -> dict:
    response = client.post(f"/api/offline-tests/{test.pk}/", {"language": "fr", **data})
    assert response.status_code == 200, response.content
    return response.json()


def right_fields(package: dict, sheet: int = 0) -> list[list[str]]:
    """The form fields a phone sends for the right answers, read from the downloaded form's HTML."""
    html = package["sheets"][sheet]["html"]
    fields = []
    for qid, kind in re.findall(r'data-question="(\d+)" data-kind="(\w+)"', html):
        reference = {"single": "Q1", "true_false": "Q2", "multiple": "Q3", "matching": "Q4", "ordering": "Q5"}.get(
            kind, "Q6"
        )
        right = RIGHT_ANSWERS[reference]
        if kind in ("single", "true_false", "short"):
            fields.append([f"q{qid}", right.strip()])
        elif kind == "multiple":
            fields += [[f"q{qid}", option] for option in right]
        elif kind == "matching":
            fields += [[f"q{qid}_{left}", value] for left, value in right.items()]
        elif kind == "ordering":
            fields += [[f"q{qid}_{option}", str(position)] for position, option in enumerate(right, start=1)]
    return fields


def body(package: dict, fields, sheet: int = 0, **extra) -> str:
    return json.dumps(
        {
            "device_token": package["deviceToken"],
            "form_token": package["sheets"][sheet]["token"],
            "form_version": package["sheets"][sheet]["version"],
            "answers": fields,
            "started_at": int(timezone.now().timestamp() * 1000) - 60_000,
            "finished_at": int(timezone.now().timestamp() * 1000),
            **extra,
        }
    )


def put(attempt_id, payload: str):
    # A fresh client: the sync works without the login session (it may have expired in the village).
    return Client().put(f"/api/offline-attempts/{attempt_id}/", payload, content_type="application/json")


def test_download_has_the_questions_and_no_answer_keys_and_keeps_only_the_token_hash(trainee):
    package = download(trainee["client"], trainee["pre"])
    html = package["sheets"][0]["html"]
    assert html.count('class="question"') == 6
    assert package["attemptsLeft"] == 1  # the phone stops offering a start once it is used
    assert "accepted" not in json.dumps(package) and "Finalite" not in json.dumps(package)
    device = OfflineDevice.objects.get()
    assert package["deviceToken"] not in device.token_hash and len(device.token_hash) == 64
    assert device.expires_at - timezone.now() >= timedelta(days=14) - timedelta(minutes=1)
    # The form token is signed, not encrypted: it names the form and its validity window.
    payload = signing.loads(package["sheets"][0]["token"], salt=offline.FORM_SALT)
    assert payload["v"] == package["sheets"][0]["version"] and payload["p"] == [trainee["user"].pk]


def test_download_is_refused_for_a_test_the_trainee_may_not_take(trainee):
    response = trainee["client"].post(f"/api/offline-tests/{trainee['post'].pk}/", {"language": "en"})
    assert response.status_code == 403
    assert response.json()["error"] == "Take the pre-test first."
    assert not OfflineDevice.objects.exists()


def test_the_eleventh_download_of_a_test_in_an_hour_is_refused_in_words_and_stores_nothing(trainee):
    for _ in range(DOWNLOADS_PER_TEST_PER_HOUR):
        download(trainee["client"], trainee["pre"])
    response = trainee["client"].post(f"/api/offline-tests/{trainee['pre'].pk}/", {"language": "fr"})
    assert response.status_code == 429
    assert response.json()["error"].startswith("Ce test a été téléchargé trop de fois")
    english = trainee["client"].post(f"/api/offline-tests/{trainee['pre'].pk}/", {"language": "en"})
    assert english.status_code == 429 and english.json()["error"].startswith("This test was downloaded too many")
    assert OfflineDevice.objects.count() == DOWNLOADS_PER_TEST_PER_HOUR
    # Another person is not slowed down by this one.
    person = UserFactory(username="sync-other")
    enrolment_create(user=person, course=trainee["course"])
    other = Client()
    other.force_login(person)
    assert other.post(f"/api/offline-tests/{trainee['pre'].pk}/", {"language": "fr"}).status_code == 200


def test_sync_scores_on_the_server_once_and_a_tenth_send_changes_nothing(trainee):
    package = download(trainee["client"], trainee["pre"])
    attempt_id = uuid.uuid4()
    payload = body(package, right_fields(package))
    first = put(attempt_id, payload)
    assert first.status_code == 201, first.content
    result = first.json()
    assert result["score"] == result["max_score"] == 9 and not result["replayed"]
    attempt = Attempt.objects.get(pk=attempt_id)
    assert attempt.mode == "offline" and attempt.status == "submitted" and attempt.user == trainee["user"]
    assert not attempt.flagged_late and not attempt.flagged_duplicate
    assert attempt.device_started_at is not None
    for _ in range(9):
        again = put(attempt_id, payload)
        assert again.status_code == 200 and again.json() == {**result, "replayed": True}
    assert Attempt.objects.count() == 1 and Response.objects.filter(attempt=attempt).count() == 6
    # The pre-test counts as taken: the lessons open.
    assert trainee["client"].get(trainee["lessons"][0].url).status_code == 200


@pytest.mark.parametrize(
    ("forgery", "status", "reason"),
    [
        ("wrong device token", 403, "This phone's key for the test is not valid. Download the test again."),
        ("tampered form token", 400, "The downloaded test has been altered. Download it again."),
        ("tampered form version", 400, "The version of the test does not match the one downloaded."),
        ("question not in the form", 400, "An answer is for a question that is not in this test."),
        ("another phone's form", 403, "The downloaded test does not belong to this phone."),
    ],
)
def test_a_forged_attempt_is_refused_with_its_reason_and_stores_nothing(trainee, forgery, status, reason):
    package = download(trainee["client"], trainee["pre"])
    other = download(trainee["client"], trainee["pre"])
    fields = right_fields(package)
    data = json.loads(body(package, fields))
    if forgery == "wrong device token":
        data["device_token"] = "x" + data["device_token"][1:]
    elif forgery == "tampered form token":
        data["form_token"] = data["form_token"][:-3] + ("AAA" if not data["form_token"].endswith("AAA") else "BBB")
    elif forgery == "tampered form version":
        data["form_version"] = "0" * 16
    elif forgery == "question not in the form":
        data["answers"] = [*fields, ["q999999", "a"]]
    elif forgery == "another phone's form":
        data["form_token"], data["form_version"] = other["sheets"][0]["token"], other["sheets"][0]["version"]
    response = Client().put(
        f"/api/offline-attempts/{uuid.uuid4()}/",
        json.dumps(data),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert (response.status_code, response.json()["error"]) == (status, reason)
    assert not Attempt.objects.exists() and not Response.objects.exists()


def test_the_refusal_is_translated(trainee):
    package = download(trainee["client"], trainee["pre"])
    data = json.loads(body(package, []))
    data["device_token"] = "nope"
    response = Client().put(
        f"/api/offline-attempts/{uuid.uuid4()}/",
        json.dumps(data),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.json()["error"].startswith("This phone's key")


def test_a_late_attempt_is_stored_and_flagged_not_dropped(trainee):
    package = download(trainee["client"], trainee["pre"])
    pre = trainee["pre"]
    pre.is_open = False  # the test closed while the phone was in the village
    pre.save()
    response = put(uuid.uuid4(), body(package, right_fields(package)))
    assert response.status_code == 201 and response.json()["late"] is True
    assert Attempt.objects.get().flagged_late


def test_an_attempt_beyond_those_allowed_is_stored_and_flagged_duplicate(trainee):
    package = download(trainee["client"], trainee["pre"])
    first, second = put(uuid.uuid4(), body(package, right_fields(package))), put(uuid.uuid4(), body(package, []))
    assert first.json()["duplicate"] is False and second.json()["duplicate"] is True
    assert list(Attempt.objects.order_by("number").values_list("number", "flagged_duplicate")) == [
        (1, False),
        (2, True),
    ]


def test_an_attempt_id_already_used_by_someone_else_is_refused(trainee):
    from assessments import services

    other = Attempt.objects.create(
        user=trainee["user"], test=trainee["pre"], form=trainee["pre"].forms.get(), layout=[]
    )
    package = download(trainee["client"], trainee["pre"])
    response = put(other.pk, body(package, right_fields(package)))
    assert response.status_code == 409
    assert services is not None and Attempt.objects.count() == 1


def test_a_malformed_sync_is_refused(trainee):
    response = Client().put(f"/api/offline-attempts/{uuid.uuid4()}/", "{", content_type="application/json")
    assert response.status_code == 400
    assert Client().post(f"/api/offline-attempts/{uuid.uuid4()}/").status_code == 405


# --- Shared phone ---------------------------------------------------------------------------------


def test_a_trainer_downloads_the_roster_and_each_participant_syncs_with_their_pin(shared_room):
    trainer = Client()
    trainer.force_login(shared_room["trainer"])
    for n, person in enumerate(shared_room["people"]):
        offline.pin_set(user=person, pin=f"12{n}4")
    package = download(trainer, shared_room["pre"], session="kan8")
    people = [p for sheet in package["sheets"] for p in sheet["people"]]
    assert sorted(p["name"] for p in people) == ["Participant 1", "Participant 2", "Participant 3"]
    assert all(p["pin"].startswith("pbkdf2_sha256$100000$") for p in people)
    for n, person in enumerate(shared_room["people"]):
        sheet = next(i for i, s in enumerate(package["sheets"]) if person.pk in [p["id"] for p in s["people"]])
        wrong = put(uuid.uuid4(), body(package, [], sheet, participant=person.pk, pin="0000"))
        assert wrong.status_code == 403
        ok = put(uuid.uuid4(), body(package, right_fields(package, sheet), sheet, participant=person.pk, pin=f"12{n}4"))
        assert ok.status_code == 201, ok.content
    assert sorted(Attempt.objects.values_list("user__username", flat=True)) == ["part1", "part2", "part3"]
    assert set(Attempt.objects.values_list("score", flat=True)) == {9.0}


def test_a_participant_not_on_the_roster_is_refused_on_a_shared_phone(shared_room, trainee):
    trainer = Client()
    trainer.force_login(shared_room["trainer"])
    offline.pin_set(user=trainee["user"], pin="4321")
    package = download(trainer, shared_room["pre"], session="KAN8")
    response = put(uuid.uuid4(), body(package, [], participant=trainee["user"].pk, pin="4321"))
    assert response.status_code == 403 and not Attempt.objects.exists()


def test_a_trainee_cannot_download_a_session_roster(shared_room):
    client = Client()
    client.force_login(shared_room["people"][0])
    response = client.post(f"/api/offline-tests/{shared_room['pre'].pk}/", {"session": "KAN8"})
    assert response.status_code == 403 and not OfflineDevice.objects.exists()


def test_a_pin_is_set_on_its_page_and_stored_hashed(trainee):
    client = trainee["client"]
    assert client.post("/en/offline/pin/", {"pin": "12", "pin_again": "12"}).status_code == 200
    response = client.post("/en/offline/pin/", {"pin": "2468", "pin_again": "2468"})
    assert response.status_code == 302
    stored = OfflinePin.objects.get(user=trainee["user"]).pin_hash
    assert "2468" not in stored and offline._pin_ok(user_id=trainee["user"].pk, pin="2468")


def test_the_service_worker_is_served_at_the_root_and_lists_the_offline_pages(client):
    response = client.get("/sw.js")
    assert response.status_code == 200 and response["Cache-Control"] == "no-cache"
    text = response.content.decode()
    assert '"/fr/offline/"' in text and '"/en/offline/"' in text
    assert client.get("/fr/offline/").status_code == 200
    assert client.get("/manifest.webmanifest").json()["start_url"] == "/fr/offline/"


def test_the_trainers_live_page_shows_a_flagged_offline_attempt(shared_room):
    trainer = Client()
    trainer.force_login(shared_room["trainer"])
    person = shared_room["people"][0]
    offline.pin_set(user=person, pin="1357")
    package = download(trainer, shared_room["pre"], session="KAN8")
    pre = shared_room["pre"]
    pre.is_open = False
    pre.save()
    sheet = next(i for i, s in enumerate(package["sheets"]) if person.pk in [p["id"] for p in s["people"]])
    assert put(uuid.uuid4(), body(package, [], sheet, participant=person.pk, pin="1357")).status_code == 201
    page = trainer.get("/en/sessions/KAN8/live/").content.decode()
    assert page.count("offline, arrived late: check") == 1


# --- What the phone is told (issue 24): the result as the result page shows it, and why a flag ---------


def _one_ordering_item_in_place(fields: list[list[str]]) -> list[list[str]]:
    """The right answers but the ordering question (2 points) with one item of three in its place."""
    ordering = [name for name, value in fields if name.endswith("_c") and value == "1"]
    question = ordering[0].rsplit("_", 1)[0]
    return [f for f in fields if not f[0].startswith(question + "_")] + [
        [f"{question}_c", "1"],
        [f"{question}_b", "2"],
        [f"{question}_a", "3"],
    ]


def test_a_synced_post_test_comes_back_with_its_percentage_and_the_pass_mark(post_open):
    trainee = post_open
    package = download(trainee["client"], trainee["post"])
    result = put(uuid.uuid4(), body(package, _one_ordering_item_in_place(right_fields(package)))).json()
    # 7 + 2/3 points of 9: the result page says 85 %, and 70 % passes.
    assert result["score"] == pytest.approx(7 + 2 / 3) and result["max_score"] == 9
    assert (result["kind"], result["percent"], result["pass_mark"], result["passed"]) == ("post", 85, 70, True)


def test_a_post_test_below_the_pass_mark_is_not_passed(post_open):
    trainee = post_open
    package = download(trainee["client"], trainee["post"])
    # Only the two one-point questions right: 2 of 9 points.
    kinds = dict(re.findall(r'data-question="(\d+)" data-kind="(\w+)"', package["sheets"][0]["html"]))
    fields = [f for f in right_fields(package) if kinds[f[0][1:].split("_")[0]] in ("single", "true_false")]
    result = put(uuid.uuid4(), body(package, fields)).json()
    assert (result["score"], result["percent"], result["pass_mark"], result["passed"]) == (2, 22, 70, False)


def test_the_percentage_is_rounded_half_up_as_on_the_result_page(trainee):
    attempt = Attempt(test=trainee["post"], score=1, max_score=8, status="submitted")
    assert offline.SyncResult(attempt, replayed=False).as_json()["percent"] == 13  # 12.5 %, as floatformat:0


def test_a_window_the_trainer_closed_is_not_called_late_and_a_resend_says_the_same(shared_room):
    from training import services as training_services

    person = shared_room["people"][0]
    phone = Client()
    phone.force_login(person)
    package = download(phone, shared_room["pre"])
    training_services.test_window_set(session=shared_room["session"], kind="pre", open=False)
    attempt_id, payload = uuid.uuid4(), body(package, right_fields(package))
    first = put(attempt_id, payload).json()
    assert (first["flagged"], first["cause"]) == (True, "closed") and "score" not in first
    assert put(attempt_id, payload).json()["cause"] == "closed"
    assert Attempt.objects.get().flagged_late  # kept for the trainer, does not count


def test_an_answer_sent_after_the_download_expired_is_flagged_expired(trainee):
    package = download(trainee["client"], trainee["pre"])
    # The same download as issued fifteen days ago: its signed time to answer has passed.
    sheet = package["sheets"][0]
    payload = signing.loads(sheet["token"], salt=offline.FORM_SALT)
    payload["x"] = int((timezone.now() - timedelta(days=1)).timestamp())
    sheet["token"] = signing.dumps(payload, salt=offline.FORM_SALT, compress=True)
    attempt_id, sent = uuid.uuid4(), body(package, right_fields(package))
    first = put(attempt_id, sent).json()
    assert (first["flagged"], first["late"], first["cause"]) == (True, True, "expired")
    assert put(attempt_id, sent).json()["cause"] == "expired"


def test_an_attempt_beyond_those_allowed_says_so(trainee):
    package = download(trainee["client"], trainee["pre"])
    put(uuid.uuid4(), body(package, right_fields(package)))
    second = put(uuid.uuid4(), body(package, [])).json()
    assert (second["flagged"], second["cause"]) == (True, "duplicate")


def test_the_offline_page_is_never_kept_by_the_http_cache(trainee):
    """The service worker keeps a copy fetched without cookies; the HTTP cache must not answer that
    fetch with the logged-in copy (docs/field.md, "Logout on a shared phone")."""
    response = trainee["client"].get("/fr/offline/")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
