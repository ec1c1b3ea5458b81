"""Core Celery tasks."""

import os
import socket

from celery import shared_task
from django.db import connection

from lms import request_id
from lms.selectors import user_count


@shared_task(name="lms.worker_ping")
def worker_ping() -> dict:
    """Report which process ran this task and which database it sees.

    Used by `manage.py check_services` and by the tests, to prove that work really reaches a worker
    and that the worker writes to the same database as the web processes.
    """
    return {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "database_vendor": connection.vendor,
        "database_name": str(connection.settings_dict["NAME"]),
        "users": user_count(),
        # The request that queued it, carried in the task's headers (lms/request_id.py).
        "request_id": request_id.current(),
    }
