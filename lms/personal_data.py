"""Personal data the core holds (accounts, consent, staff access log) and that installed packages hold
about people (login sessions, e-mail addresses, second factors, Wagtail's profile, logs and uploads).

The core configures those packages, so it declares them (lms.data_protection explains the format).
"""

from __future__ import annotations

import datetime
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.sessions.models import Session
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.data_protection import (
    DELETED,
    EMPTIED,
    KEPT_ANONYMOUS,
    NOT_PERSONAL,
    PSEUDONYM,
    SCRUBBED,
    ErasureContext,
    Section,
    fields,
    retention_limit,
    section,
    values,
)
from lms.demographics import PERSON_SEX_LABELS, AgeBand
from lms.models import ConsentRecord, StaffAccess
from lms.readable import language_name


def _declared(labels) -> object:
    """A self-declared answer in words; "Not stated" when the person gave none."""
    return lambda code, row: str(labels.get(code, code)) if code else _("Not stated")


FIELDS = {
    "lms.User": {
        **fields(PSEUDONYM, "username"),
        **fields(EMPTIED, "display_name email phone organisation password last_login groups user_permissions"),
        # Self-declared sex and age band: the person's own answers, emptied with their name (the report's
        # sex and age breakdowns then count them as "not stated").
        **fields(EMPTIED, "sex age_band"),
        # Coarse groups the statistics are broken down by: kept, so that erasure leaves them unchanged.
        **fields(KEPT_ANONYMOUS, "audience prefecture country preferred_language date_joined"),
        **fields(KEPT_ANONYMOUS, "consent_given_at consent_version consent_withdrawn_at"),
        **fields(NOT_PERSONAL, "id is_superuser is_staff is_active must_change_password"),
    },
    "lms.ConsentRecord": {
        **fields(KEPT_ANONYMOUS, "user version language text source given_at withdrawn_at"),
        **fields(NOT_PERSONAL, "id"),
    },
    "lms.StaffAccess": {
        **fields(SCRUBBED, "username subject"),
        **fields(KEPT_ANONYMOUS, "user what filters at"),
        **fields(NOT_PERSONAL, "id"),
    },
    "lms.AdministrativeRegion": fields(NOT_PERSONAL, "id code name"),
    "lms.Prefecture": fields(NOT_PERSONAL, "id code name kind region natural_region"),
    "lms.HomePage": fields(NOT_PERSONAL, "page_ptr intro body"),
    # --- installed packages: every model of theirs that holds people, or every relation to a person ---
    "account.EmailAddress": fields(DELETED, "id user email verified primary"),
    "account.EmailConfirmation": fields(DELETED, "id email_address created sent key"),
    "mfa.Authenticator": fields(DELETED, "id user type data created_at last_used_at"),
    "sessions.Session": fields(DELETED, "session_key session_data expire_date"),
    # django-lti (the lti app): a platform's user, linked to the account it launched; the lti app's
    # erase deletes these rows (and, with them, the person's memberships in the platform's courses).
    "lti_tool.LtiUser": fields(
        DELETED,
        "id registration sub lti1p1_id_on_platform given_name family_name name email picture_url auth_user "
        "datetime_created datetime_modified",
    ),
    "lti_tool.LtiMembership": fields(
        DELETED,
        "id user context is_administrator is_content_developer is_instructor is_learner is_mentor is_active",
    ),
    "admin.LogEntry": {
        **fields(SCRUBBED, "object_repr change_message"),
        **fields(KEPT_ANONYMOUS, "user action_time object_id"),
        **fields(NOT_PERSONAL, "id content_type action_flag"),
    },
    "wagtailusers.UserProfile": fields(
        DELETED,
        "id user submitted_notifications approved_notifications rejected_notifications updated_comments_notifications "
        "preferred_language current_time_zone avatar dismissibles theme contrast density keyboard_shortcuts",
    ),
    # Wagtail records which staff account wrote, locked, uploaded or commented on content. The account
    # becomes anonymous on erasure; log labels and comments lose the person's name.
    "wagtailcore.Page": fields(KEPT_ANONYMOUS, "owner locked_by"),
    "wagtailcore.Revision": fields(KEPT_ANONYMOUS, "user"),
    "wagtailcore.PageLogEntry": {**fields(KEPT_ANONYMOUS, "user"), **fields(SCRUBBED, "label data")},
    "wagtailcore.ModelLogEntry": {**fields(KEPT_ANONYMOUS, "user"), **fields(SCRUBBED, "label data")},
    "wagtailcore.Comment": {**fields(KEPT_ANONYMOUS, "user resolved_by"), **fields(SCRUBBED, "text")},
    "wagtailcore.CommentReply": {**fields(KEPT_ANONYMOUS, "user"), **fields(SCRUBBED, "text")},
    "wagtailcore.PageSubscription": fields(DELETED, "user"),
    "wagtailcore.WorkflowState": fields(KEPT_ANONYMOUS, "requested_by"),
    "wagtailcore.TaskState": fields(KEPT_ANONYMOUS, "finished_by"),
    "wagtailcore.UploadedFile": fields(KEPT_ANONYMOUS, "uploaded_by_user"),
    "wagtailcore.APIToken": fields(DELETED, "user"),
    "wagtailadmin.EditingSession": fields(DELETED, "user"),
    "wagtailadmin.FormState": fields(DELETED, "user"),
    "wagtaildocs.Document": fields(KEPT_ANONYMOUS, "uploaded_by_user"),
    "wagtailimages.Image": fields(KEPT_ANONYMOUS, "uploaded_by_user"),
    "wagtail_localize.StringTranslation": fields(KEPT_ANONYMOUS, "last_translated_by"),
    "wagtail_localize.SegmentOverride": fields(KEPT_ANONYMOUS, "last_translated_by"),
}

# Rows of installed packages that only serve the person: deleted with them.
_DELETED_PACKAGE_ROWS = (
    "account.EmailAddress",
    "mfa.Authenticator",
    "usersessions.UserSession",
    "wagtailcore.PageSubscription",
    "wagtailcore.APIToken",
    "wagtailadmin.EditingSession",
    "wagtailadmin.FormState",
)


def _delete_login_sessions(user) -> None:
    """Log the person out everywhere (through the session store, so a cached copy goes too)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for session in Session.objects.filter(expire_date__gt=timezone.now() - datetime.timedelta(days=1)).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            store(session_key=session.session_key).delete()


def erase(context: ErasureContext) -> dict[str, int]:
    user = context.user
    _delete_login_sessions(user)
    for label in _DELETED_PACKAGE_ROWS:
        app_label, _name = label.split(".")
        if apps.is_installed(f"allauth.{app_label}") or label.startswith("wagtail"):
            apps.get_model(label).objects.filter(user=user).delete()
    profile = apps.get_model("wagtailusers", "UserProfile").objects.filter(user=user).first()
    if profile is not None:
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()
    # Logs keep the event, not the name.
    logs = context.scrub(LogEntry.objects.all(), ["object_repr", "change_message"])
    StaffAccess.objects.filter(user=user).update(username=context.pseudonym)
    logs += context.scrub(StaffAccess.objects.all(), ["username"])
    for label in ("wagtailcore.ModelLogEntry", "wagtailcore.PageLogEntry"):
        logs += context.scrub(apps.get_model(label).objects.all(), ["label", "data"])
    for label in ("wagtailcore.Comment", "wagtailcore.CommentReply"):
        logs += context.scrub(apps.get_model(label).objects.all(), ["text"])
    return {"log_entries": logs}


def sections(*, user) -> list[Section]:
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
            user.sex,
            user.age_band,
        )
    ]
    return [
        section(
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
                ("sex", str(_("Sex (self-declared)"))),
                ("age_band", str(_("Age band (self-declared)"))),
            ],
            profile,
            show={
                "preferred_language": lambda code, row: language_name(code),
                "sex": _declared(PERSON_SEX_LABELS),
                "age_band": _declared(dict(AgeBand.choices)),
            },
        ),
        section(
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
            values(
                ConsentRecord.objects.filter(user=user).order_by("given_at"),
                "version",
                "language",
                "source",
                "given_at",
                "withdrawn_at",
                "text",
            ),
            show={"language": lambda code, row: language_name(code), "source": ConsentRecord.Source},
        ),
    ]


def apply_retention(*, now: datetime.datetime) -> dict[str, int]:
    limit = retention_limit("RETENTION_ACCESS_LOG_DAYS", now)
    staff = StaffAccess.objects.filter(at__lt=limit).delete()[0] if limit else 0
    limit = retention_limit("RETENTION_ADMIN_LOG_DAYS", now)
    admin_log = LogEntry.objects.filter(action_time__lt=limit).delete()[0] if limit else 0
    return {
        "staff_access_log": staff,
        "admin_log_entries": admin_log,
        "expired_login_sessions": Session.objects.filter(expire_date__lt=now).delete()[0],
    }
