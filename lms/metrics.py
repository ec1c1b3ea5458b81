"""Figures a Prometheus server scrapes from `/metrics/` (docs/operations.md, "Metrics").

- `lms_http_request_duration_seconds`: a histogram per view route, method and status class.
- `lms_answer_save_failures_total`: answer saves (autosave and offline sync) answered with an error,
  by status: a trainee's answer that did not reach the database at once (the phone retries).
- `lms_celery_queue_length`: tasks waiting in the broker's queue, read at scrape time (Redis broker).
- Figures other apps give through the `METRIC` hook (certificates: `lms_certificates_issued_total`),
  counted in the database at scrape time, so every web node reports the same totals.

With several gunicorn workers set `PROMETHEUS_MULTIPROC_DIR` to an empty folder writable by them (the
unit file in docs/operations.md does): each worker writes its counters there and any worker answers
a scrape with the sum. The endpoint answers only a request bearing `METRICS_TOKEN`
(`Authorization: Bearer …`, Prometheus's `authorization` setting); with no token set it is off (404).
"""

from __future__ import annotations

import hmac
import logging
import os

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from wagtail import hooks

from lms.hooks import METRIC

logger = logging.getLogger(__name__)

# Views whose errors are failed answer saves.
ANSWER_SAVE_VIEWS = {"response_save", "offline_attempt_sync"}

REQUEST_DURATION = Histogram(
    "lms_http_request_duration_seconds",
    "Time to answer a request, by view route, method and status class.",
    ["view", "method", "status"],
    buckets=(0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.0, 2.0, 5.0, 10.0),
)
SAVE_FAILURES = Counter(
    "lms_answer_save_failures",
    "Answer saves (autosave, offline sync) answered with an error, by status code.",
    ["status"],
)


def observe(*, view: str, method: str, status: int, seconds: float) -> None:
    REQUEST_DURATION.labels(view=view, method=method, status=f"{status // 100}xx").observe(seconds)
    if view in ANSWER_SAVE_VIEWS and status >= 400:
        SAVE_FAILURES.labels(status=str(status)).inc()


class _ScrapeTimeCollector:
    """The figures read when Prometheus asks: the broker's queue and the apps' `METRIC` hooks."""

    def collect(self):
        length = queue_length()
        if length is not None:
            family = GaugeMetricFamily(
                "lms_celery_queue_length", "Tasks waiting in the broker's queue.", labels=["queue"]
            )
            family.add_metric([settings.CELERY_TASK_DEFAULT_QUEUE], length)
            yield family
        for metric in hooks.get_hooks(METRIC):
            yield from metric()


def queue_length() -> int | None:
    """Tasks waiting in the default queue of a Redis broker; None without one or while it is away."""
    url = settings.CELERY_BROKER_URL
    if not url.startswith(("redis://", "rediss://")):
        return None
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1.0, socket_timeout=1.0)
        return int(client.llen(settings.CELERY_TASK_DEFAULT_QUEUE))
    except redis.RedisError:
        logger.warning("metrics: the broker did not answer for the queue length")
        return None


def registry() -> CollectorRegistry:
    scrape = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        MultiProcessCollector(scrape)
    else:
        for collector in (REQUEST_DURATION, SAVE_FAILURES):
            scrape.register(collector)
    scrape.register(_ScrapeTimeCollector())
    return scrape


def _authorised(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    return bool(token) and hmac.compare_digest(given.encode(), f"Bearer {token}".encode())


@never_cache
def metrics_view(request: HttpRequest) -> HttpResponse:
    if not settings.METRICS_TOKEN:
        raise Http404
    if not _authorised(request):
        response = HttpResponse(status=401)
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(generate_latest(registry()), content_type=CONTENT_TYPE_LATEST)
