"""Record every staff access to an evaluation report or export (data protection: log access)."""

from __future__ import annotations

from assessments.models import ReportAccess
from evaluation.filters import ReportFilters


def report_access_log(*, user, kind: str, filters: ReportFilters, report: str = "prepost") -> ReportAccess:
    """Log one access; `user` may be None (the command line)."""
    access = ReportAccess(
        user=user if user is not None and user.is_authenticated else None,
        username=getattr(user, "username", "") or "",
        report=report,
        kind=kind,
        filters=filters.as_log(),
    )
    access.full_clean()
    access.save()
    return access
