"""Writes on attempts: start, record (every route), save an answer, submit, finish at the time limit.

Every function is keyword-only and atomic; the database's constraints guard what must never happen
(two open attempts, two responses to one question, a score out of range), so concurrent requests
resolve to one outcome. Scoring happens here, on the server, through the pure `scoring` module.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from assessments import access, scoring, selectors
from assessments.forms import answer_from_post
from assessments.hooks import SUBMISSION_LISTENER
from assessments.models import Attempt, Question, Response, Test, TestForm
from assessments.question_services import question_save, test_define  # noqa: F401 - still called from here

# Saves are accepted until the deadline plus this grace: a phone's last save may arrive late.
GRACE = timedelta(seconds=30)

# Answers of an attempt are ordered by a counter, not by time: every page of the attempt starts from
# the highest number stored (`Response.seq`), its script numbers each change one higher, and the
# form's answers come after both (next_form_seq). Kept below 2**53 so that a browser counts exactly.
SEQ_MAX = 2**53 - 1


class AttemptRefused(Exception):
    """An operation the rules do not allow; `message` is translated, for the trainee."""

    def __init__(self, message: str, status: int = 409):
        super().__init__(message)
        self.message = message
        self.status = status


# --- Starting ------------------------------------------------------------------------------------


def choose_form(*, user, test: Test) -> TestForm:
    """The single form, or with parallel forms the one this trainee has not had for the other test.

    Counterbalanced: half the trainees take A then B, the other half B then A (by user id parity),
    and a trainee who already took one form for the pre-test gets the other for the post-test.
    """
    forms = {form.label: form for form in test.forms.all()}
    if set(forms) <= {""}:
        return forms[""]
    other = Test.objects.filter(course_id=test.course_id).exclude(pk=test.pk).first()
    if other is not None:
        taken = Attempt.objects.filter(user=user, test=other).select_related("form").order_by("started_at").first()
        if taken is not None and taken.form.label in forms:
            return forms["B" if taken.form.label == "A" else "A"]
    first = "A" if user.pk % 2 == 0 else "B"
    if test.kind == Test.Kind.POST:
        first = "B" if first == "A" else "A"
    return forms[first]


def lay_out(*, test: Test, form: TestForm) -> list[dict]:
    """The form as this attempt shows it: [{"question": id, "options": [option ids]}], the current
    version of each question, shuffled as the test says."""
    references = list(form.items.order_by("position").values_list("reference", flat=True))
    current = {
        q.reference: q
        for q in Question.objects.filter(bank__course_id=test.course_id, reference__in=references, is_current=True)
    }
    questions = [current[reference] for reference in references if reference in current]
    if test.shuffle_questions:
        random.shuffle(questions)
    layout = []
    for question in questions:
        options = list((question.content.get("fr") or {}).get("options", {}).keys())
        if test.shuffle_options and question.kind in ("single", "multiple", "ordering"):
            random.shuffle(options)
        layout.append({"question": question.pk, "options": options})
    return layout


@transaction.atomic
def attempt_start(*, user, test: Test) -> tuple[Attempt, bool]:
    """The trainee's open attempt of `test`, or a new one (`record_attempt`, online); (attempt, created).

    Idempotent and safe under concurrency. Refuses a closed test or one with no attempts left: the
    page asked `access.may_take_test` just before; the test's own state may have changed since."""
    existing = Attempt.objects.filter(user=user, test=test, status=Attempt.Status.OPEN).first()
    if existing is not None:
        return existing, False
    if not test.is_open:
        closed = access.REVIEW_OPEN if test.kind == Test.Kind.POST else access.CLOSED
        raise AttemptRefused(access.refusal(closed).message)
    if selectors.attempts_used(user=user, test=test) >= test.attempts_allowed:
        raise AttemptRefused(access.refusal(access.NO_ATTEMPTS_LEFT).message)
    result = record_attempt(user=user, test=test, route=ONLINE)
    return result.attempt, not result.replayed


# --- Recording: one path for every route ---------------------------------------------------------

# The routes by which an attempt arrives, and the mode each is stored with.
ONLINE, OFFLINE, SHARED_PHONE, PAPER = "online", "offline", "shared_phone", "paper"
ROUTE_MODES = {
    ONLINE: Attempt.Mode.ONLINE,
    OFFLINE: Attempt.Mode.OFFLINE,
    SHARED_PHONE: Attempt.Mode.OFFLINE,
    PAPER: Attempt.Mode.PAPER,
}


@dataclass(frozen=True)
class Result:
    attempt: Attempt
    replayed: bool  # True when this call found the attempt already there (stored or submitted)

    @property
    def percent(self) -> float:
        return self.attempt.percent or 0.0


@transaction.atomic
def record_attempt(
    *,
    user,
    test: Test,
    route: str,
    answers: dict[int, object] | None = None,
    form: TestForm | None = None,
    layout: list[dict] | None = None,
    attempt_id: uuid.UUID | None = None,
    device_started_at=None,
    device_finished_at=None,
    late: bool = False,
) -> Result:
    """Record an attempt of `test` by `user` and its answers, whatever the route (the one way).

    ONLINE: an open attempt on the form chosen for the trainee, that they answer and submit; an open
    one is the attempt (replayed). OFFLINE, SHARED_PHONE, PAPER (only ever a person's first): the
    `answers` ({question id: answer}) to `form` as `layout` (downloaded or printed), stored and
    finished at once (`_finish`). The phone's clock (`device_*`) is kept, never trusted for rules.
    `attempt_id` (a phone's UUID) makes it idempotent: a second call replays the first result; an id
    used by someone else or another route is refused. The person's row is locked first, so their
    recordings are ordered; numbering is one rule: one more than the highest number of the person's
    attempts of the test (any route, any status).
    """
    mode = ROUTE_MODES[route]
    get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True).first()
    found = Attempt.objects.filter(pk=attempt_id) if attempt_id else Attempt.objects.none()
    if route == ONLINE:
        found = Attempt.objects.filter(user=user, test=test, status=Attempt.Status.OPEN)
    existing = found.first()
    if existing is not None:
        if existing.user_id != user.pk or existing.mode != mode or existing.test_id != test.pk:
            raise AttemptRefused(_("This attempt identifier is already used."), status=409)
        return Result(existing, replayed=True)
    if route == PAPER and Attempt.objects.filter(user=user, test=test).exists():
        # A paper test typed up is the person's only attempt: one started meanwhile by another route wins.
        raise AttemptRefused(_("This trainee already has an attempt at this test."), status=409)
    attempt = _new_attempt(user=user, test=test, route=route, form=form, layout=layout)
    attempt.device_started_at, attempt.device_finished_at = device_started_at, device_finished_at
    if attempt_id:
        attempt.id = attempt_id
    try:
        with transaction.atomic():
            attempt.save(force_insert=True)
    except IntegrityError as error:
        # Recorded at the same moment by another request (where no row was there to lock): theirs is it.
        existing = found.filter(user=user, test=test, mode=mode).first()
        if existing is None:
            raise AttemptRefused(_("The attempt could not be stored. Send it again."), status=409) from error
        return Result(existing, replayed=True)
    if route != ONLINE:
        Response.objects.bulk_create(
            [Response(attempt=attempt, question_id=q, answer=answer, seq=1) for q, answer in (answers or {}).items()]
        )
        _finish(attempt, status=Attempt.Status.SUBMITTED, finished_at=attempt.finished_at, late=late)
    return Result(attempt, replayed=False)


def _new_attempt(*, user, test: Test, route: str, form: TestForm | None, layout: list[dict] | None) -> Attempt:
    """The attempt to insert, numbered. Online: open, on the form chosen for the trainee, with its
    deadline; else finished already (scored by `_finish`): never a second open attempt."""
    now = timezone.now()
    attempt = Attempt(
        user=user,
        test=test,
        number=(Attempt.objects.filter(user=user, test=test).aggregate(n=Max("number"))["n"] or 0) + 1,
        mode=ROUTE_MODES[route],
    )
    if route == ONLINE:
        attempt.form = choose_form(user=user, test=test)
        attempt.layout = lay_out(test=test, form=attempt.form)
        if test.time_limit_minutes:
            attempt.deadline = now + timedelta(minutes=test.time_limit_minutes)
    else:
        attempt.form, attempt.layout = form, layout  # type: ignore[assignment]  # given on these routes
        attempt.status, attempt.score, attempt.max_score, attempt.finished_at = Attempt.Status.SUBMITTED, 0, 0, now
    return attempt


def _finish(attempt: Attempt, *, status: str, finished_at, late: bool = False, questions=None, responses=None) -> None:
    """Score and close `attempt`, deciding its flags once and for all (`AttemptQuerySet.counting`):
    late as its route found it, beyond the attempts allowed when the person had already finished as
    many (`attempts_used_up`, under a lock). One that counts is announced after the commit.
    `questions` and `responses` (by question id), when the caller has read them, save reading again.

    The fields are validated here; uniqueness and the check constraints are the database's, in the
    UPDATE itself (validating them here would cost a query each)."""
    _score(attempt, finished_at=finished_at, questions=questions, responses=responses)
    attempt.status = status
    attempt.flagged_late = late
    attempt.flagged_duplicate = attempts_used_up(user_id=attempt.user_id, test=attempt.test, excluding=attempt.pk)
    attempt.full_clean(exclude=["user", "test", "form"], validate_unique=False, validate_constraints=False)
    attempt.save(update_fields=FINISHED_FIELDS)
    if not attempt.flag:
        # Certificates react to a counting attempt; a flagged one waits for a trainer's decision.
        transaction.on_commit(lambda: _announce_submission(attempt.pk))


# What finishing an attempt writes (the rest was written when it was recorded or started).
FINISHED_FIELDS = [
    "status", "score", "max_score", "finished_at", "submission_key", "flagged_late", "flagged_duplicate",
]  # fmt: skip


# --- Saving answers -------------------------------------------------------------------------------


def _check_open(attempt: Attempt, *, user, now) -> None:
    if attempt.user_id != user.pk:
        raise AttemptRefused(_("This attempt is not yours."), status=403)
    if attempt.status != Attempt.Status.OPEN:
        raise AttemptRefused(_("This test has already been submitted."))
    if attempt.deadline is not None and now > attempt.deadline + GRACE:
        raise AttemptRefused(_("The time for this test is over."))


def _question_ids(attempt: Attempt) -> set[int]:
    return {item["question"] for item in attempt.layout}


def response_save(*, user, attempt_id, question_id: int, answer, seq: int) -> bool:
    """Save one answer. Returns True if stored, False if a later save (higher `seq`) is already there.

    `seq` orders the saves of an attempt; it is never a clock (see SEQ_MAX). An earlier save never
    overwrites a later one: the write is conditional on the stored sequence number, in the database,
    so out-of-order and concurrent saves keep the latest value; on a tie the first stored stays.
    Refuses a `seq` outside 1..SEQ_MAX, a save to an unknown, someone else's, a submitted or an
    expired attempt, or to a question not on the attempt.

    One statement (`_response_upsert`): the attempt is checked in it, share-locked, so a save racing a
    submission either lands before the scoring (and counts) or is refused; it can never be stored
    after the score was computed. Only a save that wrote nothing reads the attempt again, to say why.
    """
    # JSON null is no answer (the column holds one): refused, as a bad sequence number is.
    if not 0 < seq <= SEQ_MAX or answer is None:
        raise AttemptRefused(_("The request is not valid."), status=400)
    now = timezone.now()
    if _response_upsert(user=user, attempt_id=attempt_id, question_id=question_id, answer=answer, seq=seq, now=now):
        return True
    attempt = Attempt.objects.only("user_id", "status", "deadline", "layout").filter(pk=attempt_id).first()
    if attempt is None:
        raise AttemptRefused(_("Unknown attempt."), status=404)
    _check_open(attempt, user=user, now=now)
    if question_id not in _question_ids(attempt):
        raise AttemptRefused(_("This question is not part of your test."), status=400)
    return False  # the attempt takes it: a save numbered later is stored


def _response_upsert(*, user, attempt_id, question_id: int, answer, seq: int, now) -> bool:
    """Insert the response, or update it only if `seq` is newer than the stored one, provided the
    attempt is the user's, open, within its time and has the question: one statement.

    `INSERT … SELECT … FROM attempt WHERE … ON CONFLICT … DO UPDATE … WHERE … RETURNING` (PostgreSQL;
    SQLite 3.35+); the row comes back only when it was written. On PostgreSQL the attempt row is
    locked FOR KEY SHARE: a submission (FOR UPDATE) waits for the save, and a save waiting for a
    submission finds the attempt submitted and writes nothing. SQLite runs one writer at a time.
    """
    table = connection.ops.quote_name(Response._meta.db_table)
    attempts = connection.ops.quote_name(Attempt._meta.db_table)
    field = Response._meta.get_field
    if connection.vendor == "postgresql":
        has_question, lock = "a.layout @> %s::jsonb", " FOR KEY SHARE OF a"
        on_layout: object = json.dumps([{"question": question_id}])
    else:
        has_question = "EXISTS (SELECT 1 FROM json_each(a.layout) q WHERE json_extract(q.value, '$.question') = %s)"
        lock = ""
        on_layout = question_id
    # Only table names are interpolated, from the models; every value is a parameter.
    sql = (
        f"INSERT INTO {table} (attempt_id, question_id, answer, seq, saved_at) "  # noqa: S608
        f"SELECT a.id, %s, %s, %s, %s FROM {attempts} a "
        f"WHERE a.id = %s AND a.user_id = %s AND a.status = %s AND (a.deadline IS NULL OR a.deadline >= %s) "
        f"AND {has_question}{lock} "
        "ON CONFLICT (attempt_id, question_id) DO UPDATE "
        "SET answer = EXCLUDED.answer, seq = EXCLUDED.seq, saved_at = EXCLUDED.saved_at "
        f"WHERE {table}.seq < EXCLUDED.seq RETURNING id"
    )
    saved_at = field("saved_at").get_db_prep_save(now, connection)
    params = [
        question_id,
        field("answer").get_db_prep_save(answer, connection),
        seq,
        saved_at,
        field("attempt").get_db_prep_save(attempt_id, connection),
        user.pk,
        Attempt.Status.OPEN,
        Attempt._meta.get_field("deadline").get_db_prep_save(now - GRACE, connection),
        on_layout,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone() is not None


def form_seq(*, newest: int, client_seq: int | None = None) -> int:
    """The sequence number for answers posted with the test's form ("Save", "Hand in"), `newest`
    being the highest stored for the attempt.

    The form carries everything the trainee sees when they press the button, so it must come after
    every save stored so far and every save the page's script has numbered (`client_seq`, its
    counter, posted with the form; it may still be in flight): one more than the newest stored, or
    `client_seq`, whichever is larger. No clock takes part: a phone's clock an hour behind or ahead
    of the server's cannot put a later answer before an earlier one. A `client_seq` outside
    1..SEQ_MAX is ignored.
    """
    if client_seq is None or not 0 < client_seq <= SEQ_MAX:
        client_seq = 0
    return min(max(newest + 1, client_seq), SEQ_MAX)


@transaction.atomic
def form_hand_in(*, user, attempt_id, data, client_seq: int | None, submission_key, submit: bool, language: str):
    """The test's form posted: its answers written and, to hand in (`submit`), the attempt scored and
    closed, in one transaction; else ("Save and continue later") left open. Returns a `Result`.

    The attempt row is locked first, so a save waits (see `_response_upsert`) and the answers written
    and the score are of one moment. The form's answers are numbered after every save (`form_seq`).
    Handing in writes only the answers that differ from those stored (with JavaScript usually none:
    each was saved as it was given), in one statement: nothing can be saved after it. Saving for later
    writes every answer given, renumbered, so that an autosave still in flight, numbered before the
    form, cannot replace one afterwards. An attempt already handed in replays (`attempt_submit`).
    `data` is the form (`forms.answer_from_post`), `language` the page's.
    """
    attempt = Attempt.objects.select_for_update().select_related("test").filter(pk=attempt_id).first()
    if attempt is None:
        raise AttemptRefused(_("Unknown attempt."), status=404)
    if submit and attempt.user_id == user.pk and attempt.status != Attempt.Status.OPEN:
        return Result(attempt, replayed=True)
    now = timezone.now()
    _check_open(attempt, user=user, now=now)
    questions = {q.pk: q for q in Question.objects.filter(pk__in=_question_ids(attempt))}
    responses = {r.question_id: r for r in Response.objects.filter(attempt=attempt)}
    seq = form_seq(newest=max((r.seq for r in responses.values()), default=0), client_seq=client_seq)
    written = []
    for question in selectors.layout_questions(layout=attempt.layout, language=language, questions=questions):
        answer = answer_from_post(question, data)
        stored = responses.get(question.id)
        if answer is not None and (not submit or stored is None or stored.answer != answer):
            written.append(Response(attempt=attempt, question_id=question.id, answer=answer, seq=seq, saved_at=now))
    if written:
        rows = Response.objects.bulk_create(
            written,
            update_conflicts=True,
            unique_fields=["attempt", "question"],
            update_fields=["answer", "seq", "saved_at"],
        )
        responses.update((row.question_id, row) for row in rows)
    if not submit:
        return Result(attempt, replayed=False)
    attempt.submission_key = submission_key
    late = access.refused_now(attempt)
    _finish(
        attempt, status=Attempt.Status.SUBMITTED, finished_at=now, late=late, questions=questions, responses=responses
    )
    return Result(attempt, replayed=False)


# --- Submitting -----------------------------------------------------------------------------------


def _score(attempt: Attempt, *, finished_at, questions=None, responses=None) -> None:
    """Score every question of the attempt from its saved responses (missing answers score 0); the
    scores that change are written in one statement."""
    if questions is None:
        questions = {q.pk: q for q in Question.objects.filter(pk__in=_question_ids(attempt))}
    if responses is None:
        responses = {r.question_id: r for r in Response.objects.filter(attempt=attempt)}
    total = maximum = 0.0
    rescored = []
    for item in attempt.layout:
        question = questions[item["question"]]
        response = responses.get(question.pk)
        accepted = [a for lang in question.content.values() for a in (lang or {}).get("accepted", [])]
        points = scoring.score_answer(
            kind=question.kind,
            key=question.key,
            accepted=accepted,
            answer=response.answer if response else None,
            points=question.points,
        )
        if response is not None and response.score != points:
            response.score = points
            rescored.append(response)
        total += points
        maximum += question.points
    if rescored:
        Response.objects.bulk_update(rescored, ["score"])
    attempt.score = total
    attempt.max_score = maximum
    attempt.finished_at = finished_at


def attempts_used_up(*, user_id: int, test: Test, excluding=None) -> bool:
    """Whether the trainee has already finished as many attempts of `test` as it allows (any route,
    flagged or not), not counting `excluding` (the attempt being finished).

    Called inside the transaction that finishes an attempt, whose `flagged_duplicate` it decides once
    and for all (see `AttemptQuerySet.counting`). The trainee's attempts of the test are locked, so an
    online submit and a phone's sync finishing at the same moment are ordered: the later is the extra.
    """
    statuses = list(
        Attempt.objects.select_for_update()
        .filter(user_id=user_id, test=test)
        .exclude(pk=excluding)
        .values_list("status", flat=True)
    )
    return sum(status != Attempt.Status.OPEN for status in statuses) >= test.attempts_allowed


@transaction.atomic
def attempt_submit(*, user, attempt_id, submission_key: uuid.UUID | None = None) -> Result:
    """Submit and score an attempt; idempotent.

    The attempt row is locked, so five simultaneous submits produce one submission: the first scores
    it, the others (and any retry after a dropped connection) replay its result. Refuses someone
    else's attempt, and a submission after the deadline plus grace (the periodic task finishes it).
    """
    attempt = Attempt.objects.select_for_update().get(pk=attempt_id)
    if attempt.user_id != user.pk:
        raise AttemptRefused(_("This attempt is not yours."), status=403)
    if attempt.status != Attempt.Status.OPEN:
        return Result(attempt, replayed=True)
    now = timezone.now()
    if attempt.deadline is not None and now > attempt.deadline + GRACE:
        raise AttemptRefused(_("The time for this test is over."))
    attempt.submission_key = submission_key
    # Started within the allowance and the rule, but a phone's attempts may have used it up since, or
    # the test closed since: kept, flagged late as a phone's sync would be (access.refused_now).
    _finish(attempt, status=Attempt.Status.SUBMITTED, finished_at=now, late=access.refused_now(attempt))
    return Result(attempt, replayed=False)


def _announce_submission(attempt_id) -> None:
    """Higher layers (certificates) react to a submission, after the commit (a Wagtail hook)."""
    for listener in hooks.get_hooks(SUBMISSION_LISTENER):
        listener(attempt_id)


@transaction.atomic
def attempts_finish_expired(*, now=None) -> int:
    """Finish every open attempt past its deadline plus grace from its saved answers.

    The finish time is the deadline, not the time the task ran. Safe to run at any time, and
    concurrently: rows are locked and skipped when another worker holds them.
    """
    now = now or timezone.now()
    finished = 0
    expired = Attempt.objects.select_for_update(skip_locked=True).filter(
        Q(status=Attempt.Status.OPEN) & Q(deadline__isnull=False) & Q(deadline__lt=now - GRACE)
    )
    for attempt in expired:
        _finish(attempt, status=Attempt.Status.EXPIRED, finished_at=attempt.deadline, late=access.refused_now(attempt))
        finished += 1
    return finished
