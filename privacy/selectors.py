"""Everything the platform holds about one person, for their "My data" page and JSON download.

One section per kind of data, one query each. Each section has machine keys (the JSON) and
translated labels (the page), so the page and the download can never disagree.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from django.db.models import BooleanField, Case, ExpressionWrapper, F, FloatField, QuerySet, When
from django.utils.translation import gettext_lazy as _

from assessments.models import Attempt, OfflineDevice, Response
from certificates.models import Certificate
from courses.models import Enrolment, H5PResult, LessonProgress
from lms.models import ConsentRecord, User
from privacy.models import ErasureRequest
from training.models import Attendance, Participant


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    columns: list[tuple[str, str]]  # (key, label)
    rows: list[dict]

    def table(self) -> list[list]:
        """The rows as lists in column order (for the page)."""
        return [[row[key] for key, _label in self.columns] for row in self.rows]


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _section(key: str, title: str, columns: list[tuple[str, str]], rows) -> Section:
    names = [name for name, _label in columns]
    return Section(
        key,
        str(title),
        [(n, str(label)) for n, label in columns],
        [dict(zip(names, map(_plain, r), strict=True)) for r in rows],
    )


def _values(queryset: QuerySet, *paths: str) -> list[tuple]:
    return list(queryset.values_list(*paths))


def _counting_score(prefix: str) -> dict:
    """`counts` and `counting_score`: a flagged attempt's scores (and its answers' scores) are held
    for the trainer but never shown to the trainee, here no more than on the phone: otherwise extra
    attempts would tell which answers are right (Attempt.objects.counting)."""
    counting = Attempt.objects.counting_condition(prefix)
    return {
        "counts": ExpressionWrapper(counting, output_field=BooleanField()),
        "counting_score": Case(When(counting, then=F("score")), default=None, output_field=FloatField()),
    }


def personal_data(*, user: User) -> list[Section]:
    """The person's data, section by section (profile first)."""
    profile = [
        (
            user.username,
            user.display_name,
            user.email,
            user.phone,
            user.organisation,
            user.get_audience_display(),
            user.prefecture.name if user.prefecture_id else "",
            str(user.country.name) if user.country else "",
            user.preferred_language,
            user.date_joined,
            user.last_login,
        )
    ]
    return [
        _section(
            "profile",
            _("Profile"),
            [
                ("username", _("Username")),
                ("display_name", _("Name")),
                ("email", _("Email")),
                ("phone", _("Phone number")),
                ("organisation", _("Organisation")),
                ("audience", _("Audience group")),
                ("prefecture", _("Prefecture")),
                ("country", _("Country")),
                ("preferred_language", _("Language")),
                ("date_joined", _("Account created")),
                ("last_login", _("Last login")),
            ],
            profile,
        ),
        _section(
            "consents",
            _("Consent"),
            [
                ("version", _("Version")),
                ("language", _("Language")),
                ("source", _("Where")),
                ("given_at", _("Given")),
                ("withdrawn_at", _("Withdrawn")),
                ("text", _("Text shown")),
            ],
            _values(
                ConsentRecord.objects.filter(user=user).order_by("given_at"),
                "version",
                "language",
                "source",
                "given_at",
                "withdrawn_at",
                "text",
            ),
        ),
        _section(
            "enrolments",
            _("Modules"),
            [
                ("module", _("Module")),
                ("source", _("How")),
                ("status", _("Status")),
                ("enrolled_at", _("Enrolled")),
                ("completed_at", _("Completed")),
            ],
            _values(
                Enrolment.objects.filter(user=user).order_by("enrolled_at"),
                "course__title",
                "source",
                "status",
                "enrolled_at",
                "completed_at",
            ),
        ),
        _section(
            "lesson_progress",
            _("Lessons"),
            [
                ("module", _("Module")),
                ("lesson", _("Lesson")),
                ("first_viewed_at", _("First opened")),
                ("completed_at", _("Completed")),
            ],
            _values(
                LessonProgress.objects.filter(enrolment__user=user).order_by("first_viewed_at"),
                "enrolment__course__title",
                "lesson__title",
                "first_viewed_at",
                "completed_at",
            ),
        ),
        _section(
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
            _values(
                Attempt.objects.filter(user=user).annotate(**_counting_score("")).order_by("started_at"),
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
        ),
        _section(
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
            _values(
                Response.objects.filter(attempt__user=user)
                .annotate(**_counting_score("attempt__"))
                .order_by("attempt__started_at", "question__reference"),
                "attempt__test__course__title",
                "attempt__test__kind",
                "attempt__number",
                "question__reference",
                "answer",
                "counting_score",
            ),
        ),
        _section(
            "h5p_results",
            _("Interactive activities (H5P)"),
            [
                ("lesson", _("Lesson")),
                ("activity", _("Activity")),
                ("verb", _("Result")),
                ("raw", _("Score")),
                ("max", _("Out of")),
                ("received_at", _("When")),
            ],
            _values(
                H5PResult.objects.filter(user=user).order_by("received_at"),
                "lesson__title",
                "activity_id",
                "verb",
                "raw",
                "max",
                "received_at",
            ),
        ),
        _section(
            "sessions",
            _("Training sessions"),
            [("code", _("Session")), ("title", _("Title")), ("joined_at", _("Joined"))],
            _values(
                Participant.objects.filter(user=user).order_by("joined_at"),
                "session__code",
                "session__title",
                "joined_at",
            ),
        ),
        _section(
            "attendance",
            _("Attendance"),
            [("session", _("Session")), ("date", _("Day")), ("status", _("Status"))],
            _values(
                Attendance.objects.filter(participant__user=user).order_by("day__date"),
                "day__session__code",
                "day__date",
                "status",
            ),
        ),
        _section(
            "certificates",
            _("Certificates"),
            [
                ("code", _("Verification code")),
                ("kind", _("Certificate")),
                ("title", _("Training")),
                ("holder_name", _("Name on the certificate")),
                ("status", _("Status")),
                ("issued_at", _("Issued on")),
            ],
            _values(
                Certificate.objects.filter(enrolment__user=user).order_by("issued_at"),
                "code",
                "kind",
                "title",
                "holder_name",
                "status",
                "issued_at",
            ),
        ),
        _section(
            "offline_devices",
            _("Tests downloaded to a phone"),
            [("test", _("Test")), ("created_at", _("Downloaded")), ("expires_at", _("Valid until"))],
            _values(
                OfflineDevice.objects.filter(user=user).order_by("created_at"),
                "test__course__title",
                "created_at",
                "expires_at",
            ),
        ),
        _section(
            "erasure_requests",
            _("Erasure requests"),
            [("status", _("Status")), ("requested_at", _("Asked")), ("completed_at", _("Completed"))],
            _values(
                ErasureRequest.objects.filter(user=user).order_by("requested_at"),
                "status",
                "requested_at",
                "completed_at",
            ),
        ),
    ]


def personal_data_json(*, user: User) -> dict:
    """The same data as the page, keyed by section (the JSON download)."""
    return {section.key: section.rows for section in personal_data(user=user)}


def pending_erasure(*, user: User) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(user=user, status=ErasureRequest.Status.PENDING).first()
