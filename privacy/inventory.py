"""Every model field of the platform, classified: personal (and what erasure does to it) or not.

One structure read by three parties: the erasure service (which user fields it empties), the test
that fails when a field appears without a class (tests/privacy/test_inventory.py), and
docs/data-protection.md, which explains the classes. `python manage.py personal_data_inventory`
prints the table.

A field is personal when, alone or through its row's link to a person, it says something about an
identifiable person. Rows that erasure keeps (attempts, attendance) stay linked to an account that
no longer has a name, a username or a contact: they become anonymous and keep the statistics whole.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# What erasure does to a personal field.
PSEUDONYM = "pseudonym"  # replaced by a random pseudonym (erased-…)
EMPTIED = "emptied"  # set to empty
DELETED = "deleted"  # the row is deleted
KEPT_ANONYMOUS = "kept_anonymous"  # kept, linked only to the account once it is anonymous
SCRUBBED = "scrubbed"  # logs: names, usernames, emails and phones replaced by the pseudonym
REVOKED = "revoked"  # certificates: revoked, holder erased, PDF deleted
NOT_PERSONAL = "not_personal"

TREATMENTS = {
    PSEUDONYM: _("replaced by a random pseudonym"),
    EMPTIED: _("emptied"),
    DELETED: _("deleted"),
    KEPT_ANONYMOUS: _("kept without the person's identity (anonymous)"),
    SCRUBBED: _("names and contacts replaced by the pseudonym"),
    REVOKED: _("certificate revoked, name and PDF removed"),
    NOT_PERSONAL: _("not personal data"),
}

# The apps whose every model must be classified here (ours, and the third-party ones holding people).
APPS = ["lms", "courses", "assessments", "training", "certificates", "privacy", "account", "admin", "sessions"]
# Wagtail's user profile (avatar, preferences) holds people's data too.
EXTRA_MODELS = ["wagtailusers.UserProfile"]


def _fields(treatment: str, names: str) -> dict[str, str]:
    return dict.fromkeys(names.split(), treatment)


INVENTORY: dict[str, dict[str, str]] = {
    # --- people ---
    "lms.User": {
        **_fields(PSEUDONYM, "username"),
        **_fields(EMPTIED, "display_name email phone organisation password last_login groups user_permissions"),
        # Coarse groups the statistics are broken down by: kept, so that erasure leaves them unchanged.
        **_fields(KEPT_ANONYMOUS, "audience prefecture country preferred_language date_joined"),
        **_fields(KEPT_ANONYMOUS, "consent_given_at consent_version consent_withdrawn_at"),
        **_fields(NOT_PERSONAL, "id is_superuser is_staff is_active must_change_password"),
    },
    "lms.ConsentRecord": {
        **_fields(KEPT_ANONYMOUS, "user version language text source given_at withdrawn_at"),
        **_fields(NOT_PERSONAL, "id"),
    },
    "lms.StaffAccess": {
        **_fields(SCRUBBED, "username subject"),
        **_fields(KEPT_ANONYMOUS, "user what at"),
        **_fields(NOT_PERSONAL, "id"),
    },
    "account.EmailAddress": _fields(DELETED, "id user email verified primary"),
    "account.EmailConfirmation": _fields(DELETED, "id email_address created sent key"),
    "sessions.Session": _fields(DELETED, "session_key session_data expire_date"),
    "admin.LogEntry": {
        **_fields(SCRUBBED, "object_repr change_message"),
        **_fields(KEPT_ANONYMOUS, "user action_time object_id"),
        **_fields(NOT_PERSONAL, "id content_type action_flag"),
    },
    "wagtailusers.UserProfile": _fields(
        DELETED,
        "id user submitted_notifications approved_notifications rejected_notifications updated_comments_notifications "
        "preferred_language current_time_zone avatar dismissibles theme contrast density keyboard_shortcuts",
    ),
    "privacy.ErasureRequest": {
        **_fields(KEPT_ANONYMOUS, "user origin status requested_at completed_at completed_by"),
        **_fields(NOT_PERSONAL, "id"),
    },
    # --- learning ---
    "courses.Enrolment": {
        **_fields(KEPT_ANONYMOUS, "user course source status enrolled_at completed_at last_activity_at"),
        **_fields(NOT_PERSONAL, "id"),
    },
    "courses.LessonProgress": {
        **_fields(KEPT_ANONYMOUS, "enrolment lesson first_viewed_at last_viewed_at completed_at"),
        **_fields(NOT_PERSONAL, "id"),
    },
    "courses.H5PResult": _fields(
        DELETED, "id user lesson activity_id package statement_id verb raw max scaled success received_at"
    ),
    "courses.H5PState": _fields(DELETED, "id user lesson activity_id data updated_at"),
    "courses.H5PPackage": {
        **_fields(KEPT_ANONYMOUS, "created_by created_at"),
        **_fields(NOT_PERSONAL, "id title content_hash main_library libraries h5p_json total_size file_count"),
    },
    # --- tests ---
    "assessments.Attempt": {
        **_fields(
            KEPT_ANONYMOUS,
            "user test form number status mode layout started_at deadline finished_at submission_key score "
            "max_score device_started_at device_finished_at flagged_late flagged_duplicate",
        ),
        **_fields(NOT_PERSONAL, "id"),
    },
    # Short answers are free text and may name people: erasure empties them, keeping their score.
    "assessments.Response": {
        **_fields(EMPTIED, "answer"),
        **_fields(KEPT_ANONYMOUS, "attempt question seq saved_at score"),
        **_fields(NOT_PERSONAL, "id"),
    },
    "assessments.OfflineDevice": _fields(DELETED, "id user test token_hash shared created_at expires_at"),
    "assessments.OfflinePin": _fields(DELETED, "id user pin_hash updated_at"),
    "assessments.ReportAccess": {
        **_fields(SCRUBBED, "username"),
        **_fields(KEPT_ANONYMOUS, "user report kind filters at"),
        **_fields(NOT_PERSONAL, "id"),
    },
    # --- training sessions ---
    "training.Participant": {
        **_fields(KEPT_ANONYMOUS, "session user source joined_at"),
        **_fields(NOT_PERSONAL, "id"),
    },
    "training.Attendance": {
        **_fields(KEPT_ANONYMOUS, "day participant status source marked_at"),
        **_fields(NOT_PERSONAL, "id"),
    },
    "training.Coordinator": _fields(DELETED, "id user region"),
    # The trainers of a session are staff acting in their role; their accounts are erased like any other.
    "training.TrainingSession": {
        **_fields(KEPT_ANONYMOUS, "trainers"),
        **_fields(
            NOT_PERSONAL,
            "id code title mode prefecture venue country language start_date end_date daily_schedule capacity "
            "status join_code created_at courses",
        ),
    },
    # --- certificates ---
    "certificates.Certificate": {
        **_fields(REVOKED, "holder_name pdf pdf_sha256 signature status revoked_at revoked_reason"),
        **_fields(KEPT_ANONYMOUS, "enrolment kind language issued_at expires_at superseded_by"),
        **_fields(NOT_PERSONAL, "id code title hours session_text"),
    },
    "certificates.CertificateEvent": {
        **_fields(SCRUBBED, "reason"),
        **_fields(KEPT_ANONYMOUS, "certificate action actor at"),
        **_fields(NOT_PERSONAL, "id"),
    },
    # Signatories are public officials who sign printed certificates: personal, but published by
    # their choice; an administrator edits them, erasure of a trainee does not touch them.
    "certificates.Signatory": {
        **_fields(KEPT_ANONYMOUS, "name position organisation logo"),
        **_fields(NOT_PERSONAL, "id"),
    },
    # --- content and reference data: nothing about people ---
    "lms.AdministrativeRegion": _fields(NOT_PERSONAL, "id code name"),
    "lms.Prefecture": _fields(NOT_PERSONAL, "id code name kind region natural_region"),
    "lms.HomePage": _fields(NOT_PERSONAL, "page_ptr intro body"),
    "courses.AudienceGroup": _fields(NOT_PERSONAL, "id code sort_order"),
    "courses.AudioLanguage": _fields(NOT_PERSONAL, "id name code"),
    "courses.CourseIndexPage": _fields(NOT_PERSONAL, "page_ptr intro"),
    "courses.CoursePage": _fields(
        NOT_PERSONAL,
        "page_ptr summary objectives estimated_minutes open_enrolment public_title certificate_hours audiences "
        "prerequisites",
    ),
    "courses.LessonPage": _fields(NOT_PERSONAL, "page_ptr required estimated_minutes body"),
    "assessments.QuestionBank": _fields(NOT_PERSONAL, "id course title"),
    "assessments.Question": _fields(
        NOT_PERSONAL, "id bank reference version is_current kind objective points content key audio created_at"
    ),
    "assessments.Test": _fields(
        NOT_PERSONAL,
        "id course kind pass_mark attempts_allowed time_limit_minutes shuffle_questions shuffle_options is_open",
    ),
    "assessments.TestForm": _fields(NOT_PERSONAL, "id test label"),
    "assessments.TestItem": _fields(NOT_PERSONAL, "id form reference position anchor"),
    "training.SessionDay": _fields(NOT_PERSONAL, "id session date checkin_token checkin_open_until"),
    "training.TestWindow": _fields(NOT_PERSONAL, "id session kind opened_at closed_at"),
    "training.ProgrammeTarget": _fields(NOT_PERSONAL, "id measure value"),
    "certificates.CertificateRule": _fields(
        NOT_PERSONAL,
        "id course min_post_test_percent require_pre_test require_lessons min_attendance_percent participation "
        "validity_months active updated_at signatories",
    ),
}


def fields_with(model_label: str, treatment: str) -> list[str]:
    """The fields of a model that erasure treats in a given way."""
    return [name for name, value in INVENTORY.get(model_label, {}).items() if value == treatment]
