"""The one service that logs staff access to personal data (data protection: who saw what, when)."""

from __future__ import annotations

from lms.privacy_models import StaffAccess


def staff_access_log(*, user, what: str, subject: str = "", filters: dict[str, str] | None = None) -> StaffAccess:
    """Log that `user` (None or anonymous: the command line) saw or exported `what` about `subject`.

    `subject` names the object (a session code, "user:<id>", a report), never its content; `filters`
    are a report's filters as plain strings (what part of the data was asked for).
    """
    authenticated = user is not None and user.is_authenticated
    access = StaffAccess(
        user=user if authenticated else None,
        username=user.username if authenticated else "",
        what=what,
        subject=str(subject)[:64],
        filters=filters or {},
    )
    access.full_clean()
    access.save()
    return access
