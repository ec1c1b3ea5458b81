"""Personal data of modules and lessons: enrolments, lesson progress, H5P results and states
(lms.data_protection explains the format)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from courses.models import Enrolment, H5PResult, H5PState, LessonProgress
from lms.data_protection import DELETED, KEPT_ANONYMOUS, NOT_PERSONAL, ErasureContext, Section, fields, section
from lms.readable import HIDDEN, out_of, page_title, with_page_titles

FIELDS = {
    "courses.Enrolment": {
        **fields(KEPT_ANONYMOUS, "user course source status enrolled_at completed_at last_activity_at"),
        **fields(NOT_PERSONAL, "id"),
    },
    "courses.LessonProgress": {
        **fields(KEPT_ANONYMOUS, "enrolment lesson first_viewed_at last_viewed_at completed_at"),
        **fields(NOT_PERSONAL, "id"),
    },
    # H5P results and states only serve the person (their scores count through tests, not here).
    "courses.H5PResult": fields(
        DELETED, "id user lesson activity_id package statement_id verb raw max scaled success received_at"
    ),
    "courses.H5PState": fields(DELETED, "id user lesson activity_id data updated_at"),
    "courses.H5PPackage": {
        **fields(KEPT_ANONYMOUS, "created_by created_at"),
        **fields(
            NOT_PERSONAL,
            "id title content_hash main_library libraries h5p_json total_size file_count reports_score "
            "first_load_bytes remote_resources",
        ),
    },
    "courses.AudienceGroup": fields(NOT_PERSONAL, "id code sort_order"),
    "courses.AudioLanguage": fields(NOT_PERSONAL, "id name code"),
    "courses.CourseIndexPage": fields(NOT_PERSONAL, "page_ptr intro"),
    "courses.CoursePage": fields(
        NOT_PERSONAL,
        "page_ptr summary objectives estimated_minutes open_enrolment public_title certificate_hours audiences "
        "prerequisites",
    ),
    "courses.LessonPage": fields(NOT_PERSONAL, "page_ptr required estimated_minutes body"),
}


def erase(context: ErasureContext) -> dict[str, int]:
    return {
        "h5p_results": H5PResult.objects.filter(user=context.user).delete()[0],
        "h5p_states": H5PState.objects.filter(user=context.user).delete()[0],
    }


def sections(*, user) -> list[Section]:
    # Module and lesson titles in the reader's language (the JSON keeps the stored, source titles).
    enrolments = with_page_titles(
        Enrolment.objects.filter(user=user).order_by("enrolled_at"),
        ("course__title", "source", "status", "enrolled_at", "completed_at"),
        {"module": "course_id"},
    )
    lessons = with_page_titles(
        LessonProgress.objects.filter(enrolment__user=user).order_by("first_viewed_at"),
        ("enrolment__course__title", "lesson__title", "first_viewed_at", "completed_at"),
        {"module": "enrolment__course_id", "lesson": "lesson_id"},
    )
    h5p_results = with_page_titles(
        H5PResult.objects.filter(user=user).order_by("received_at"),
        ("lesson__title", "activity_id", "verb", "raw", "max", "received_at"),
        {"lesson": "lesson_id"},
    )
    return [
        section(
            "enrolments",
            _("Modules"),
            [
                ("module", _("Module")),
                ("source", _("How")),
                ("status", _("Status")),
                ("enrolled_at", _("Enrolled")),
                ("completed_at", _("Completed")),
            ],
            enrolments[0],
            extra=enrolments[1],
            show={"module": page_title("module"), "source": Enrolment.Source, "status": Enrolment.Status},
        ),
        section(
            "lesson_progress",
            _("Lessons"),
            [
                ("module", _("Module")),
                ("lesson", _("Lesson")),
                ("first_viewed_at", _("First opened")),
                ("completed_at", _("Completed")),
            ],
            lessons[0],
            extra=lessons[1],
            show={"module": page_title("module"), "lesson": page_title("lesson")},
        ),
        section(
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
            h5p_results[0],
            extra=h5p_results[1],
            # The activity's id is the package's internal name: the lesson says which activity it is.
            show={
                "lesson": page_title("lesson"),
                "activity": HIDDEN,
                "verb": H5PResult.Verb,
                "raw": lambda raw, row: out_of(raw, row["max"]),
                "max": HIDDEN,
            },
        ),
    ]
