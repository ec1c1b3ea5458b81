"""Personal data of tests: attempts, answers, phone downloads and PINs, report access log
(lms.data_protection explains the format)."""

from __future__ import annotations

import datetime

from django.db.models import BooleanField, Case, ExpressionWrapper, F, FloatField, When
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from assessments.models import Attempt, FollowupReminder, OfflineDevice, OfflinePin, Response, Test
from assessments.models.questions import QuestionKind
from lms.data_protection import (
    DELETED,
    EMPTIED,
    KEPT_ANONYMOUS,
    NOT_PERSONAL,
    ErasureContext,
    Section,
    fields,
    retention_limit,
    section,
)
from lms.readable import HIDDEN, out_of, page_title, titles_in_reader_language, with_page_titles, words

FIELDS = {
    "assessments.Attempt": {
        **fields(
            KEPT_ANONYMOUS,
            "user test form number status mode layout started_at deadline finished_at submission_key score "
            "max_score device_started_at device_finished_at flagged_late flagged_duplicate",
        ),
        **fields(NOT_PERSONAL, "id"),
    },
    # Short answers are free text and may name people: erasure empties them, keeping their score.
    "assessments.Response": {
        **fields(EMPTIED, "answer"),
        **fields(KEPT_ANONYMOUS, "attempt question seq saved_at score"),
        **fields(NOT_PERSONAL, "id"),
    },
    "assessments.OfflineDevice": fields(DELETED, "id user test token_hash shared created_at expires_at"),
    "assessments.OfflinePin": fields(DELETED, "id user pin_hash updated_at"),
    # That a follow-up test's reminder went out, and by which channels (training.followup): erased.
    "assessments.FollowupReminder": fields(DELETED, "id user test sent_at channels"),
    "assessments.QuestionBank": fields(NOT_PERSONAL, "id course title"),
    "assessments.Question": fields(
        NOT_PERSONAL, "id bank reference version is_current kind objective points content key audio created_at"
    ),
    "assessments.Test": fields(
        NOT_PERSONAL,
        "id course kind pass_mark attempts_allowed time_limit_minutes shuffle_questions shuffle_options is_open",
    ),
    "assessments.TestForm": fields(NOT_PERSONAL, "id test label"),
    "assessments.TestItem": fields(NOT_PERSONAL, "id form reference position anchor"),
}


def erase(context: ErasureContext) -> dict[str, int]:
    user = context.user
    OfflinePin.objects.filter(user=user).delete()
    FollowupReminder.objects.filter(user=user).delete()  # type: ignore[misc]  # context.user: a User
    return {
        "offline_devices": OfflineDevice.objects.filter(user=user).delete()[0],
        # Free-text answers may hold names; the score stays, so do the statistics.
        "short_answers": Response.objects.filter(attempt__user=user, question__kind=QuestionKind.SHORT).update(
            answer=""
        ),
    }


def _counting_score(prefix: str) -> dict:
    """`counts` and `counting_score`: a flagged attempt's scores (and its answers' scores) are held
    for the trainer but never shown to the trainee, here no more than on the phone: otherwise extra
    attempts would tell which answers are right (Attempt.objects.counting)."""
    counting = Attempt.objects.counting_condition(prefix)
    return {
        "counts": ExpressionWrapper(counting, output_field=BooleanField()),
        "counting_score": Case(When(counting, then=F("score")), default=None, output_field=FloatField()),
    }


def _answers(user) -> list[tuple[tuple, Response]]:
    """(the answer's row as the JSON has it, the response) of each of the person's answers."""
    responses = (
        Response.objects.filter(attempt__user=user)
        .annotate(**_counting_score("attempt__"))
        .select_related("question", "attempt__test__course")
        .order_by("attempt__started_at", "question__reference")
    )
    return [
        (
            (
                response.attempt.test.course.title,
                response.attempt.test.kind,
                response.attempt.number,
                response.question.reference,
                response.answer,
                getattr(response, "counting_score"),  # noqa: B009 (an annotation)
            ),
            response,
        )
        for response in responses
    ]


def answer_in_words(question, answer) -> str:
    """An answer as the trainee chose it: the options' labels, pairs as "left → right", or the words typed."""
    text = question.text_in(get_language() or "fr")
    labels = {**text.get("options", {}), **text.get("left", {}), **text.get("right", {})}

    def label(item) -> str:
        # An autosave stores any JSON value: only a text can name an option (a list or a dict is unhashable).
        return str(labels.get(item, item)) if isinstance(item, str) else words(item)

    if isinstance(answer, dict):
        return "; ".join(f"{label(left)} → {label(right)}" for left, right in answer.items())
    if isinstance(answer, list):
        return ", ".join(label(item) for item in answer)
    return label(answer)


def _attempts_and_devices(user) -> tuple[tuple, tuple]:
    """The attempts' and downloaded tests' rows, with their modules' titles in the reader's language."""
    attempts = with_page_titles(
        Attempt.objects.filter(user=user).annotate(**_counting_score("")).order_by("started_at"),
        (
            "test__course__title",
            "test__kind",
            "number",
            "mode",
            "status",
            "started_at",
            "finished_at",
            "counting_score",
            "max_score",
            "counts",
        ),
        {"module": "test__course_id"},
    )
    devices = with_page_titles(
        OfflineDevice.objects.filter(user=user).order_by("created_at"),
        ("test__course__title", "created_at", "expires_at"),
        {"test": "test__course_id"},
    )
    return attempts, devices


def sections(*, user) -> list[Section]:
    answers = _answers(user)
    # Module titles in the reader's language (the JSON keeps the stored, source titles).
    answer_titles = titles_in_reader_language(response.attempt.test.course_id for _row, response in answers)
    attempts, devices = _attempts_and_devices(user)
    return [
        section(
            "attempts",
            _("Tests"),
            [
                ("module", _("Module")),
                ("test", _("Test")),
                ("number", _("Attempt")),
                ("mode", _("Mode")),
                ("status", _("Status")),
                ("started_at", _("Started")),
                ("finished_at", _("Finished")),
                ("score", _("Score")),
                ("max_score", _("Out of")),
                ("counts", _("Counts")),
            ],
            attempts[0],
            extra=attempts[1],
            show={
                "module": page_title("module"),
                "test": Test.Kind,
                "mode": Attempt.Mode,
                "status": Attempt.Status,
                "score": lambda score, row: out_of(score, row["max_score"]),
                "max_score": HIDDEN,
            },
        ),
        section(
            "answers",
            _("Answers"),
            [
                ("module", _("Module")),
                ("test", _("Test")),
                ("attempt", _("Attempt")),
                ("question", _("Question")),
                ("answer", _("Answer")),
                ("score", _("Score")),
            ],
            [row for row, _response in answers],
            extra=[
                {
                    "_module": answer_titles.get(response.attempt.test.course_id),
                    "_question": response.question.text_in(get_language() or "fr").get("text", ""),
                    "_answer": answer_in_words(response.question, response.answer),
                    "_points": response.question.points,
                }
                for _row, response in answers
            ],
            show={
                "module": page_title("module"),
                "test": Test.Kind,
                "question": lambda reference, row: row["_question"],
                "answer": lambda answer, row: row["_answer"],
                "score": lambda score, row: out_of(score, row["_points"]),
            },
        ),
        section(
            "offline_devices",
            _("Tests downloaded to a phone"),
            [("test", _("Test")), ("created_at", _("Downloaded")), ("expires_at", _("Valid until"))],
            devices[0],
            extra=devices[1],
            show={"test": page_title("test")},
        ),
    ]


def apply_retention(*, now: datetime.datetime) -> dict[str, int]:
    limit = retention_limit("RETENTION_OFFLINE_DEVICE_DAYS", now)
    devices = OfflineDevice.objects.filter(expires_at__lt=limit).delete()[0] if limit else 0
    return {"offline_devices": devices}
