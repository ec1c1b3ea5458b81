"""Personal data of the evaluation app: none. Its one table counts changes to the tables the report
reads (lms.data_protection explains the format); the report's accesses are logged in lms.StaffAccess."""

from __future__ import annotations

from lms.data_protection import NOT_PERSONAL, fields

FIELDS = {
    "evaluation.TableVersion": fields(NOT_PERSONAL, "table_name version"),
}
