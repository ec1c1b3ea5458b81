"""The trainer's pages, exports and endpoints, and the participant's join and check-in pages.

Every session-specific view finds its session through `common.session_or_404` (selectors.session_for): a
session the user may not see is a 404, whatever the route. One module per concern; urls.py reaches
them all through this package.
"""

from training.views.attendance import attendance_page, checkin, checkin_qr, checkin_switch, sign_in_sheet
from training.views.join import JOIN_CODE_ATTEMPTS_PER_ACCOUNT, JOIN_CODE_PERIOD, join
from training.views.room_tests import answer_sheet, paper_results, test_window
from training.views.sessions import (
    LIVE_REFRESH_SECONDS,
    credentials_sheet,
    join_qr,
    live_fragment,
    live_page,
    participant_add,
    programme,
    roster_upload,
    session_create,
    session_edit,
    session_list,
    session_page,
    session_status,
    summary_export,
    summary_page,
)

__all__ = [
    "JOIN_CODE_ATTEMPTS_PER_ACCOUNT",
    "JOIN_CODE_PERIOD",
    "LIVE_REFRESH_SECONDS",
    "answer_sheet",
    "attendance_page",
    "checkin",
    "checkin_qr",
    "checkin_switch",
    "credentials_sheet",
    "join",
    "join_qr",
    "live_fragment",
    "live_page",
    "paper_results",
    "participant_add",
    "programme",
    "roster_upload",
    "session_create",
    "session_edit",
    "session_list",
    "session_page",
    "session_status",
    "sign_in_sheet",
    "summary_export",
    "summary_page",
    "test_window",
]
