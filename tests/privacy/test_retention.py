"""Retention: apply_retention removes what the policy says has expired, prints counts, and is idempotent."""

import datetime
import io

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.utils import timezone

from assessments.models import OfflineDevice
from lms.access_log import staff_access_log
from lms.models import StaffAccess, User
from privacy.models import ErasureRequest
from tests import factories
from tests.training.conftest import trainer_user

pytestmark = pytest.mark.django_db


def _ago(days: int):
    return timezone.now() - datetime.timedelta(days=days)


def test_apply_retention_removes_what_expired_and_nothing_else(cohort, settings):
    settings.RETENTION_INACTIVE_ACCOUNT_DAYS = 1000
    settings.RETENTION_ACCESS_LOG_DAYS = 700
    settings.RETENTION_OFFLINE_DEVICE_DAYS = 30
    old, recent = cohort["people"][1], cohort["people"][2]
    User.objects.filter(pk=old.pk).update(last_login=_ago(1001))
    User.objects.filter(pk=recent.pk).update(last_login=_ago(999))
    never = factories.UserFactory(username="never.logged")
    User.objects.filter(pk=never.pk).update(last_login=None, date_joined=_ago(1500))
    old_trainer = trainer_user("old.trainer")
    User.objects.filter(pk=old_trainer.pk).update(last_login=_ago(2000))
    staff_access_log(user=old_trainer, what=StaffAccess.What.SUMMARY, subject="ERASE1")
    StaffAccess.objects.update(at=_ago(701))
    staff_access_log(user=old_trainer, what=StaffAccess.What.LIVE, subject="ERASE1")
    factories.StaffAccessFactory(at=_ago(800))  # an evaluator's view of the report
    test = cohort["course"]
    from assessments.models import Test

    pre = Test.objects.get(course=test, kind="pre")
    OfflineDevice.objects.create(user=recent, test=pre, token_hash="a" * 64, expires_at=_ago(31))
    OfflineDevice.objects.create(user=recent, test=pre, token_hash="b" * 64, expires_at=_ago(5))
    expired = SessionStore()
    expired["x"] = 1
    expired.set_expiry(-10)
    expired.create()

    out = io.StringIO()
    call_command("apply_retention", stdout=out)

    printed = dict(line.split(": ") for line in out.getvalue().strip().splitlines())
    assert printed["inactive_accounts_erased"] == "2"
    assert printed["staff_access_log"] == "2" and "report_access_log" not in printed
    assert printed["offline_devices"] == "1"
    erased = set(
        ErasureRequest.objects.filter(status="completed", origin="retention").values_list("user_id", flat=True)
    )
    assert erased == {old.pk, never.pk}
    assert User.objects.filter(pk=recent.pk, username=recent.username).exists()
    assert User.objects.filter(pk=old_trainer.pk, username="old.trainer").exists()
    assert StaffAccess.objects.filter(what=StaffAccess.What.LIVE).exists()
    assert not StaffAccess.objects.filter(what=StaffAccess.What.EVALUATION_PAGE).exists()

    # Idempotent: a second run finds nothing more.
    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    assert all(line.endswith(": 0") for line in out.getvalue().strip().splitlines())


def test_zero_keeps_accounts_for_ever(cohort, settings):
    settings.RETENTION_INACTIVE_ACCOUNT_DAYS = 0
    User.objects.update(last_login=_ago(5000))
    call_command("apply_retention", stdout=io.StringIO())
    assert not ErasureRequest.objects.exists()


def test_retention_is_scheduled_daily_in_celery_beat():
    entry = settings.CELERY_BEAT_SCHEDULE["privacy-apply-retention"]
    assert entry["task"] == "privacy.apply_retention" and entry["schedule"] == 24 * 3600.0
    from lms.celery import app

    app.loader.import_default_modules()
    assert "privacy.apply_retention" in app.tasks
