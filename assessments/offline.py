"""Offline tests: download a signed form (no answer keys), answer it without network, sync it once.

A download issues two things. The *form token* is the form as the server laid it out (question ids and
option order), its version and its validity window, signed with the site's key (django.core.signing):
the phone cannot alter it unnoticed. The *device token* is a random secret given to the phone once; the
server keeps only its SHA-256. At sync the phone sends both with the answers, under a UUID it made
itself, so the sync works after the login session has expired and a resend finds the first result.

The server scores the attempt through the same scoring as online attempts, applies the test's window
rules at the time the attempt arrives, and *flags* (never drops) an attempt that arrives late or beyond
the attempts allowed, for the trainer and the evaluator.

Shared phones: a trainer downloads the test with a session's roster; each participant answers in turn
after typing their own PIN, which the phone checks against the PIN's slow hash (so a typo is caught in
the village) and the server checks again at sync.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core import signing
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from assessments import access, selectors, services
from assessments.forms import answer_from_post
from assessments.hooks import ROSTER_PROVIDER
from assessments.models import Attempt, OfflineDevice, OfflinePin, Question, Test
from assessments.services import AttemptRefused
from lms import ratelimit

FORM_SALT = "assessments.offline-form"
# A PIN has four to six digits: its hash is cheap enough for an old phone to check in a second.
PIN_ITERATIONS = 100_000
# Guessing stops: after PIN_ATTEMPTS wrong PINs for one participant on one phone (or
# settings.OFFLINE_PIN_FAILURES_PER_IP from one client address, across participants), every PIN is
# refused for PIN_LOCK_SECONDS, without computing its hash. The answers wait on the phone.
PIN_ATTEMPTS = 5
PIN_LOCK_SECONDS = 15 * 60


def validity() -> timedelta:
    """How long a downloaded test may be answered and its attempts synced (at least 14 days)."""
    return timedelta(days=max(14, getattr(settings, "OFFLINE_TEST_VALIDITY_DAYS", 14)))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _version(*, form_id: int, layout: list[dict]) -> str:
    """The form's version: changes when a question gets a new version or the layout changes."""
    versions = dict(Question.objects.filter(pk__in=[i["question"] for i in layout]).values_list("pk", "version"))
    text = json.dumps([form_id, layout, sorted(versions.items())], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# --- PINs -----------------------------------------------------------------------------------------


def pin_set(*, user, pin: str) -> OfflinePin:
    """Set or change the user's shared-phone PIN (4 to 6 digits); only its hash is stored."""
    if not (pin.isdigit() and pin.isascii() and 4 <= len(pin) <= 6):
        raise AttemptRefused(_("A PIN has 4 to 6 digits."), status=400)
    encoded = PBKDF2PasswordHasher().encode(pin, secrets.token_hex(8), iterations=PIN_ITERATIONS)
    record, _created = OfflinePin.objects.update_or_create(user=user, defaults={"pin_hash": encoded})
    return record


def _pin_ok(*, user_id: int, pin: str) -> bool:
    encoded = OfflinePin.objects.filter(user_id=user_id).values_list("pin_hash", flat=True).first()
    return bool(encoded and pin) and PBKDF2PasswordHasher().verify(pin, encoded)


def _pin_check(*, device_id: int, user_id: int, pin: str, client_ip: str) -> None:
    """Refuse a wrong PIN (403), and any PIN while guessing is locked (429, before any hashing).

    The lock is per phone and participant, and per client address across participants; it ends
    PIN_LOCK_SECONDS after the first wrong PIN of the window (lms.ratelimit counts in the cache,
    outside this transaction, so a refusal still counts).
    """
    subject = f"{device_id}:{user_id}"
    by_device = ratelimit.count(scope="offline:pin", subject=subject, period=PIN_LOCK_SECONDS)
    by_address = ratelimit.count(scope="offline:pin:ip", subject=client_ip, period=PIN_LOCK_SECONDS)
    locked = by_device >= PIN_ATTEMPTS or (bool(client_ip) and by_address >= settings.OFFLINE_PIN_FAILURES_PER_IP)
    if locked:
        raise AttemptRefused(
            _(
                "Too many wrong PINs for this participant on this phone. The answers stay on the phone: "
                "sync again in %(minutes)s minutes."
            )
            % {"minutes": PIN_LOCK_SECONDS // 60},
            status=429,
        )
    if not _pin_ok(user_id=user_id, pin=pin):
        ratelimit.hit(scope="offline:pin", subject=subject, period=PIN_LOCK_SECONDS)
        if client_ip:
            ratelimit.hit(scope="offline:pin:ip", subject=client_ip, period=PIN_LOCK_SECONDS)
        raise AttemptRefused(_("The PIN is wrong."), status=403)


# --- Download -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sheet:
    """One form laid out for the phone: its signed token, version, questions (no keys), who answers it."""

    token: str
    version: str
    questions: list[selectors.DisplayQuestion]
    people: list[dict]  # [{"id", "name", "pin"}]; "pin" is the PIN's hash on a shared phone, else ""


@dataclass(frozen=True)
class Package:
    device_token: str  # shown once, to the phone; the server keeps its hash
    test: Test
    shared: bool
    expires_at: datetime
    sheets: list[Sheet]
    # On one's own phone, the attempts left when downloaded: the phone stops offering a start that could
    # only be flagged "beyond the attempts allowed". None on a shared phone (its people differ).
    attempts_left: int | None = None


@transaction.atomic
def offline_package_issue(*, user, test: Test, language: str, session_code: str = "") -> Package:
    """Issue a download of `test` for `user`'s phone, or with `session_code` for a trainer's shared phone.

    Refuses a test the trainee may not take now (`access.may_take_test`, the rule of the online start:
    a closed test, a post-test whose review is open, no attempt left, …), and a roster the trainer may
    not see. Participants of a shared download who may not take the test are left out.
    """
    now = timezone.now()
    shared = bool(session_code)
    if shared:
        people = None
        for provider in hooks.get_hooks(ROSTER_PROVIDER):
            people = provider(user, test, session_code)
            if people is not None:
                break
        if people is None:
            raise AttemptRefused(_("You cannot download this session's roster."), status=403)
        people = [p for p in people if not access.may_take_test(user=p, test=test, route=access.DOWNLOAD)]
        if not people:
            raise AttemptRefused(_("Nobody in this session may take this test now."), status=409)
    else:
        refusal = access.may_take_test(user=user, test=test, route=access.DOWNLOAD)
        if refusal is not None:
            raise AttemptRefused(refusal.message, status=403)
        people = [user]
    token = secrets.token_urlsafe(32)
    device = OfflineDevice.objects.create(
        user=user, test=test, token_hash=_token_hash(token), shared=shared, expires_at=now + validity()
    )
    pins = dict(OfflinePin.objects.filter(user__in=people).values_list("user_id", "pin_hash"))
    by_form: dict[int, tuple] = {}
    for person in people:
        form = services.choose_form(user=person, test=test)
        if form.pk not in by_form:
            by_form[form.pk] = (form, services.lay_out(test=test, form=form), [])
        by_form[form.pk][2].append(
            {
                "id": person.pk,
                "name": person.display_name or person.username,
                "pin": pins.get(person.pk, "") if shared else "",
            }
        )
    sheets = []
    for form, layout, sheet_people in by_form.values():
        version = _version(form_id=form.pk, layout=layout)
        payload = {
            "d": device.pk,
            "t": test.pk,
            "f": form.pk,
            "l": layout,
            "v": version,
            "p": [person["id"] for person in sheet_people],
            "x": int(device.expires_at.timestamp()),
        }
        sheets.append(
            Sheet(
                token=signing.dumps(payload, salt=FORM_SALT, compress=True),
                version=version,
                questions=selectors.layout_questions(layout=layout, language=language),
                people=sheet_people,
            )
        )
    attempts_left = None
    if not shared:
        attempts_left = max(0, test.attempts_allowed - len(selectors.finished_attempts(user=user, test=test)))
    return Package(
        device_token=token,
        test=test,
        shared=shared,
        expires_at=device.expires_at,
        sheets=sheets,
        attempts_left=attempts_left,
    )


# --- Sync -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SyncResult:
    attempt: Attempt
    replayed: bool  # True when this attempt had already been stored by an earlier send
    # Why a flagged attempt does not count, in the phone's words: "closed" (the test was closed when it
    # arrived: the trainer's or the editor's decision, not the trainee's delay), "expired" (the download's
    # time to answer had ended), "time" (over the time limit on the phone's clock), "duplicate", or "".
    cause: str = ""

    def as_json(self) -> dict:
        """What the phone is told. A flagged attempt is received and kept, but its score never goes
        back: otherwise extra attempts would be an answer oracle (see `AttemptQuerySet.counting`).
        A counting attempt comes back as the result page shows it: percentage rounded as there, and
        for a post-test whether it reaches the pass mark."""
        attempt, test = self.attempt, self.attempt.test
        received = {
            "id": str(attempt.pk),
            "status": attempt.status,
            "flagged": bool(attempt.flag),
            "late": attempt.flagged_late,
            "duplicate": attempt.flagged_duplicate,
            "replayed": self.replayed,
            "kind": test.kind,
        }
        if attempt.flag:
            return {**received, "reason": attempt.flag, "cause": self.cause, "message": str(attempt.flag_reason)}
        percent = attempt.percent or 0
        return {
            **received,
            "score": attempt.score,
            "max_score": attempt.max_score,
            # Rounded half up, as the result page's `floatformat:0` does (round() would round 12.5 to 12).
            "percent": int(Decimal(repr(percent)).quantize(Decimal(1), rounding=ROUND_HALF_UP)),
            "pass_mark": test.pass_mark,
            "passed": percent >= test.pass_mark,
        }


def _flag_cause(*, attempt: Attempt, expires_at: int) -> str:
    """Why `attempt` was flagged, from what was stored and the signed expiry: the same answer on every
    resend. Expired or over time is the trainee's delay; otherwise a late flag means the test was closed
    (by the trainer for the room, or in its settings) when the attempt arrived."""
    if attempt.flagged_late:
        if attempt.finished_at and attempt.finished_at.timestamp() > expires_at:
            return "expired"
        limit = attempt.test.time_limit_minutes
        started, finished = attempt.device_started_at, attempt.device_finished_at
        if limit and started and finished and finished - started > timedelta(minutes=limit, seconds=30):
            return "time"
        return "closed"
    return "duplicate" if attempt.flagged_duplicate else ""


def _parse_time(value) -> datetime | None:
    """A device timestamp (ms since the epoch), or None when absent or absurd."""
    try:
        moment = datetime.fromtimestamp(int(value) / 1000, tz=timezone.get_current_timezone())
    except (TypeError, ValueError, OverflowError, OSError):
        return None
    return moment


def _answers(*, layout: list[dict], fields: list, language: str) -> dict[int, object]:
    """The answers in the form's fields ([[name, value], ...]), by question id.

    Field names are those of the online form (q<id>, q<id>_<part>). Refuses a field for a question
    that is not in the downloaded form: the phone never makes one, so it was forged.
    """
    ids = {item["question"] for item in layout}
    data = QueryDict(mutable=True)
    try:
        for name, value in fields:
            if not isinstance(name, str) or not isinstance(value, str) or not name.startswith("q"):
                raise ValueError(name)
            question_id = int(name[1:].split("_", 1)[0])
            if question_id not in ids:
                raise AttemptRefused(_("An answer is for a question that is not in this test."), status=400)
            data.appendlist(name, value[:200])
    except (TypeError, ValueError) as error:
        raise AttemptRefused(_("The answers sent are not valid."), status=400) from error
    answers = {}
    for question in selectors.layout_questions(layout=layout, language=language):
        answer = answer_from_post(question, data)
        if answer is not None:
            answers[question.id] = answer
    return answers


def _signed_form(*, device_token: str, form_token: str, form_version: str) -> tuple[OfflineDevice, dict]:
    """The phone's download and the form it signed, or AttemptRefused for a forgery (nothing stored)."""
    device = OfflineDevice.objects.select_related("test").filter(token_hash=_token_hash(device_token or "")).first()
    if device is None:
        raise AttemptRefused(_("This phone's key for the test is not valid. Download the test again."), status=403)
    try:
        payload = signing.loads(form_token or "", salt=FORM_SALT)
    except signing.BadSignature as error:
        raise AttemptRefused(_("The downloaded test has been altered. Download it again."), status=400) from error
    if payload.get("d") != device.pk or payload.get("t") != device.test_id:
        raise AttemptRefused(_("The downloaded test does not belong to this phone."), status=403)
    if form_version != payload.get("v"):
        raise AttemptRefused(_("The version of the test does not match the one downloaded."), status=400)
    return device, payload


def _form_as_downloaded(*, test: Test, payload: dict):
    """The downloaded form, or AttemptRefused (409, nothing stored) when an editor has since deleted it
    or one of its questions (a content import replacing the forms, Questions → Delete): the answers
    cannot be scored against what no longer exists, and the phone must be told so in words."""
    form = test.forms.filter(pk=payload["f"]).first()
    ids = {item["question"] for item in payload["l"]}
    if form is None or Question.objects.filter(pk__in=ids).count() != len(ids):
        raise AttemptRefused(
            _("This test was changed after it was downloaded, so these answers cannot be counted. Download it again."),
            status=409,
        )
    return form


def _late(*, user, test: Test, expires: int, started: datetime | None, finished: datetime | None) -> bool:
    """Whether an attempt arriving now is late: the rule of the online start refuses the test now
    (access.may_take_test: closed by an editor or for the room by the trainer, …), the download
    expired, or the time limit passed on the phone's own clock."""
    if access.may_take_test(user=user, test=test, route=access.SYNC) is not None:
        return True
    if timezone.now().timestamp() > expires:
        return True
    limit = test.time_limit_minutes
    return bool(limit and started and finished and finished - started > timedelta(minutes=limit, seconds=30))


@transaction.atomic
def offline_attempt_sync(
    *,
    attempt_id: uuid.UUID,
    device_token: str,
    form_token: str,
    form_version: str,
    fields: list,
    started_at=None,
    finished_at=None,
    participant_id: int | None = None,
    pin: str = "",
    client_ip: str = "",
) -> SyncResult:
    """Store, score and submit an attempt answered offline (`services.record_attempt`); idempotent on
    `attempt_id`.

    Refuses, storing nothing, an unknown device token, a form token that is not the server's or not
    for this device, a form version other than the signed one (`_signed_form`), answers to questions
    not in the form, and on a shared phone a participant not on the downloaded roster or a wrong PIN
    (and, after a few wrong PINs, any PIN for a while: _pin_check, keyed on `client_ip` too). A second
    (or tenth) send of a stored attempt stores nothing and returns the first result. An attempt that
    arrives when the test may no longer be taken, past its validity or time limit (`_late`), or beyond
    the attempts allowed is stored and flagged.
    """
    device, payload = _signed_form(device_token=device_token, form_token=form_token, form_version=form_version)
    user_id: int | None = device.user_id
    if device.shared:
        if participant_id not in payload["p"]:
            raise AttemptRefused(_("This participant is not on the downloaded roster."), status=403)
        _pin_check(device_id=device.pk, user_id=participant_id, pin=pin, client_ip=client_ip)
        user_id = participant_id
    user, test = get_user_model().objects.get(pk=user_id), device.test
    form = _form_as_downloaded(test=test, payload=payload)
    answers = _answers(layout=payload["l"], fields=fields, language="fr")
    started, finished = _parse_time(started_at), _parse_time(finished_at)
    result = services.record_attempt(
        user=user,
        test=test,
        route=services.SHARED_PHONE if device.shared else services.OFFLINE,
        answers=answers,
        form=form,
        layout=payload["l"],
        attempt_id=attempt_id,
        device_started_at=started,
        device_finished_at=finished,
        late=_late(user=user, test=test, expires=payload["x"], started=started, finished=finished),
    )
    return SyncResult(
        result.attempt, replayed=result.replayed, cause=_flag_cause(attempt=result.attempt, expires_at=payload["x"])
    )
