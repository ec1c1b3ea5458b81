"""Liveness and readiness for the load balancer (docs/operations.md, "Health and metrics").

- `/health/live/`: the process answers requests. Nothing else is checked, so a database outage never
  makes the load balancer restart every web process at once.
- `/health/ready/`: this node can serve a trainee now: the database answers, the shared cache stores
  and returns a value, the broker accepts a connection (when one is configured) and both storages
  (public media, private files) take a write. 503 as soon as one is not, naming which; the reasons
  go to the log only (with the request id), never to the client.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)
TIMEOUT = 2.0  # seconds a check may wait for a service


def database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def shared_cache() -> None:
    # The site's Redis cache degrades to misses while Redis is away (lms.cache): a value written and
    # read back is the only proof that it is there.
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the cache did not return the value it was given")
    finally:
        cache.delete(key)


def broker() -> str | None:
    if not settings.CELERY_BROKER_URL:
        return "not configured"
    from lms.celery import app

    with app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=TIMEOUT)
    return None


def storage() -> None:
    for alias in ("default", "private"):
        store = storages[alias]
        name = store.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
        store.delete(name)


CHECKS: dict[str, Callable[[], str | None]] = {
    "database": database,
    "cache": shared_cache,
    "broker": broker,
    "storage": storage,
}


@never_cache
def live(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "live"})


@never_cache
def ready(request: HttpRequest) -> JsonResponse:
    results: dict[str, str] = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check() or "ok"
        except Exception:
            logger.exception("readiness: %s is not available", name)
            results[name] = "unavailable"
    ok = all(value != "unavailable" for value in results.values())
    return JsonResponse({"status": "ready" if ok else "not ready", "checks": results}, status=200 if ok else 503)
