"""Record every staff access to the evaluation report or its exports, with the filters used.

The one staff access log (lms.StaffAccess, written by lms.access_log.staff_access_log) holds these
accesses too: `what` says page, CSV, XLSX or command; `subject` names the report; `filters` what part
of the data was asked for.
"""

from __future__ import annotations

from evaluation.filters import ReportFilters
from lms.access_log import staff_access_log
from lms.models import StaffAccess

# The report's name in the log's subject.
REPORT = "prepost"


def report_access_log(*, user, what: str, filters: ReportFilters) -> StaffAccess:
    """Log one access; `user` may be None (the command line)."""
    return staff_access_log(user=user, what=what, subject=REPORT, filters=filters.as_log())
