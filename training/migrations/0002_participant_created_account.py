"""Record which session's roster created an account: only that session may print its one-time password."""

import datetime

from django.conf import settings
from django.db import migrations, models

# roster_import saves the account and its roster entry in one transaction: seconds apart at most.
SAME_IMPORT = datetime.timedelta(minutes=5)


def mark_creating_sessions(apps, schema_editor):
    """For accounts still waiting for their first login, the roster entry made with the account (the
    earliest roster-import entry within minutes of the account's creation) is the creating one. Others
    get none: no session can print a password for them, the safe side."""
    Participant = apps.get_model("training", "Participant")
    done = set()
    entries = (
        Participant.objects.filter(source="roster", user__must_change_password=True, user__last_login__isnull=True)
        .select_related("user")
        .order_by("joined_at", "pk")
    )
    for entry in entries:
        if entry.user_id in done or abs(entry.joined_at - entry.user.date_joined) > SAME_IMPORT:
            continue
        done.add(entry.user_id)
        Participant.objects.filter(pk=entry.pk).update(created_account=True)


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="participant",
            name="created_account",
            field=models.BooleanField(default=False, verbose_name="account created by this session"),
        ),
        migrations.RunPython(mark_creating_sessions, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="participant",
            constraint=models.UniqueConstraint(
                condition=models.Q(("created_account", True)), fields=("user",), name="training_account_created_once"
            ),
        ),
    ]
