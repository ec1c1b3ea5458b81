"""The one service that logs staff access to personal data (data protection: who saw what, when)."""

from __future__ import annotations

from lms.privacy_models import StaffAccess


def staff_access_log(*, user, what: str, subject: str = "") -> StaffAccess:
    """Log that `user` (None or anonymous: the command line) saw or exported `what` about `subject`.

    `subject` names the object (a session code, "user:<id>"), never its content.
    """
    authenticated = user is not None and user.is_authenticated
    access = StaffAccess(
        user=user if authenticated else None,
        username=user.username if authenticated else "",
        what=what,
        subject=str(subject)[:64],
    )
    access.full_clean()
    access.save()
    return access
