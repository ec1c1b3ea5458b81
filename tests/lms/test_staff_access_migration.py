"""One staff access log: assessments migration 0004 moves every ReportAccess row into lms.StaffAccess."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("assessments", "0003_merge_0002_offline_attempts_0002_report_access"), ("lms", "0007_staff_access_filters")]
AFTER = [("assessments", "0004_report_access_into_staff_access")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_report_accesses_become_staff_accesses_and_back():
    old = _migrate(BEFORE)
    user = old.get_model("lms", "User").objects.create(username="evaluator.one")
    at = timezone.now() - datetime.timedelta(days=3)
    report_access = old.get_model("assessments", "ReportAccess")
    report_access.objects.create(user=user, username=user.username, kind="xlsx", filters={"audience": "police"}, at=at)
    report_access.objects.create(user=None, username="", kind="command", filters={}, at=at)
    old.get_model("lms", "StaffAccess").objects.create(user=user, username=user.username, what="live", subject="S1")

    new = _migrate(AFTER)
    rows = list(
        new.get_model("lms", "StaffAccess")
        .objects.order_by("pk")
        .values_list("user_id", "username", "what", "subject", "filters", "at")
    )
    assert rows[0][:5] == (user.pk, "evaluator.one", "live", "S1", {})
    assert rows[1:] == [
        (user.pk, "evaluator.one", "evaluation_xlsx", "prepost", {"audience": "police"}, at),
        (None, "", "evaluation_command", "prepost", {}, at),
    ]

    back = _migrate(BEFORE)
    assert list(back.get_model("lms", "StaffAccess").objects.values_list("what", flat=True)) == ["live"]
    restored = back.get_model("assessments", "ReportAccess").objects.order_by("pk")
    assert list(restored.values_list("username", "kind", "report", "filters", "at")) == [
        ("evaluator.one", "xlsx", "prepost", {"audience": "police"}, at),
        ("", "command", "prepost", {}, at),
    ]
    # Back to the project's latest state for the tests that follow.
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
