"""The Celery application.

Without `CELERY_BROKER_URL` tasks run eagerly in the calling process (see settings); with it they go
to the broker (Redis in production) and a worker runs them.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
