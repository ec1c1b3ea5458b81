"""Tasks reach a real Celery worker on the configured broker, and the worker sees our database."""

import os

import pytest
from django.db import connection

from lms.tasks import worker_ping
from tests.factories import UserFactory

# The worker only sees committed rows: transactional tests.
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_task_runs_in_a_separate_worker_process_on_the_test_database(celery_worker, service_facts):
    UserFactory.create_batch(3)
    reply = worker_ping.delay().get(timeout=60)

    assert reply["pid"] == celery_worker["process"].pid
    assert reply["pid"] != os.getpid()
    assert reply["database_vendor"] == connection.vendor
    assert reply["database_name"] == str(connection.settings_dict["NAME"])
    # The worker counts the rows this test committed: same database, real commits.
    assert reply["users"] == 3
    service_facts.append(
        f"celery worker pid {reply['pid']} on {reply['host']} ran lms.worker_ping against "
        f"{reply['database_vendor']} database {reply['database_name']}"
    )


def test_check_services_command_reports_the_worker(celery_worker, capsys):
    from django.core.management import call_command

    call_command("check_services", timeout=30)
    out = capsys.readouterr().out
    assert f"pid {celery_worker['process'].pid}" in out
    assert connection.vendor in out
