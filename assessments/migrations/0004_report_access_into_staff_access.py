"""One staff access log: the evaluation report's accesses (assessments.ReportAccess) move into
lms.StaffAccess, which gained the report's filters (lms 0007); then ReportAccess goes.

Nothing is lost: user, username, filters and time are copied; the kind becomes `what`
(page → evaluation_page, ...) and the report's name the subject. Reversible: going back copies the
evaluation rows into a new ReportAccess table and removes them from StaffAccess.
"""

from django.conf import settings
from django.db import migrations

KINDS = {"page": "evaluation_page", "csv": "evaluation_csv", "xlsx": "evaluation_xlsx", "command": "evaluation_command"}


def into_staff_access(apps, schema_editor):
    ReportAccess = apps.get_model("assessments", "ReportAccess")
    StaffAccess = apps.get_model("lms", "StaffAccess")
    rows = [
        StaffAccess(
            user_id=access.user_id,
            username=access.username,
            what=KINDS[access.kind],
            subject=access.report[:64],
            filters=access.filters or {},
            at=access.at,
        )
        for access in ReportAccess.objects.order_by("at", "pk").iterator()
    ]
    StaffAccess.objects.bulk_create(rows, batch_size=1000)


def back_to_report_access(apps, schema_editor):
    ReportAccess = apps.get_model("assessments", "ReportAccess")
    StaffAccess = apps.get_model("lms", "StaffAccess")
    kinds = {what: kind for kind, what in KINDS.items()}
    evaluation = StaffAccess.objects.filter(what__in=kinds)
    ReportAccess.objects.bulk_create(
        [
            ReportAccess(
                user_id=access.user_id,
                username=access.username,
                report=access.subject or "prepost",
                kind=kinds[access.what],
                filters=access.filters,
                at=access.at,
            )
            for access in evaluation.order_by("at", "pk").iterator()
        ],
        batch_size=1000,
    )
    evaluation.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0003_merge_0002_offline_attempts_0002_report_access"),
        ("lms", "0007_staff_access_filters"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(into_staff_access, back_to_report_access),
        migrations.DeleteModel(name="ReportAccess"),
    ]
