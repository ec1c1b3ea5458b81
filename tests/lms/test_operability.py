"""Liveness, readiness, request ids and metrics (lms/health.py, lms/request_id.py, lms/metrics.py).

The multi-process side (two gunicorn workers summing their metrics, readiness while Redis is stopped)
is in tests/faults/test_health_and_metrics.py.
"""

import json
import logging
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse
from prometheus_client.parser import text_string_to_metric_families

from certificates.models import Certificate
from lms import request_id
from lms.request_id import JsonFormatter, RequestIdFilter
from lms.tasks import worker_ping
from tests.factories import CertificateFactory, UserFactory

TOKEN = "s3cret-scrape-token"


@pytest.fixture
def request_lines():
    """The JSON lines the `lms.request` logger writes, parsed."""
    lines: list[dict] = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(json.loads(self.format(record)))

    handler = Collect()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("lms.request")
    logger.addHandler(handler)
    yield lines
    logger.removeHandler(handler)


def scrape(client, token=TOKEN):
    return client.get("/metrics/", HTTP_AUTHORIZATION=f"Bearer {token}")


def sample(text: str, name: str, **labels) -> float | None:
    """The value of one sample of the exposition text (read by prometheus_client's own parser), None
    when absent."""
    for family in text_string_to_metric_families(text):
        for found in family.samples:
            if found.name == name and all(found.labels.get(key) == value for key, value in labels.items()):
                return found.value
    return None


# --- Liveness and readiness ------------------------------------------------------------------------


@pytest.mark.django_db
def test_liveness_answers_without_looking_at_anything_else(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/live/")
    assert response.status_code == 200
    assert response.json() == {"status": "live"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readiness_checks_the_database_the_cache_the_broker_and_both_storages(client, settings, tmp_path):
    response = client.get("/health/ready/")
    assert response.status_code == 200, response.content
    checks = response.json()["checks"]
    assert set(checks) == {"database", "cache", "broker", "storage"}
    assert checks["database"] == checks["cache"] == checks["storage"] == "ok"
    assert checks["broker"] == ("ok" if settings.CELERY_BROKER_URL else "not configured")
    # The storage probe leaves nothing behind.
    assert not list((tmp_path.parent).glob("**/health/*.txt"))


@pytest.mark.django_db
def test_readiness_fails_naming_the_cache_when_redis_does_not_answer(client, settings):
    # Redis on a port nobody listens on: the site's cache degrades to misses, which only a value
    # written and read back can tell.
    settings.CACHES = {
        "default": {
            "BACKEND": "lms.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    response = client.get("/health/ready/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "not ready"
    assert body["checks"]["cache"] == "unavailable"
    assert body["checks"]["database"] == "ok"
    # Why stays in the log, not in the answer a stranger could read.
    assert b"127.0.0.1:1" not in response.content


@pytest.mark.django_db
def test_readiness_fails_naming_the_broker_when_it_does_not_answer(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"] == "unavailable"


@pytest.mark.django_db
def test_readiness_fails_naming_the_storage_when_files_cannot_be_written(client, settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.PRIVATE_MEDIA_ROOT = str(blocker / "private-media")
    response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "unavailable"


@pytest.mark.django_db
def test_on_object_storage_readiness_writes_to_both_buckets_and_fails_when_the_store_is_gone(
    client, settings, object_storage
):
    response = client.get("/health/ready/")
    assert response.status_code == 200, response.content
    assert response.json()["checks"]["storage"] == "ok"
    assert object_storage.keys() == []  # the probe's objects are deleted again
    settings.S3 = {**settings.S3, "ENDPOINT_URL": "http://127.0.0.1:1"}
    settings.STORAGES = {**settings.STORAGES}  # made again, with an endpoint nobody answers at
    response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "unavailable"


def test_readiness_fails_naming_the_database_when_it_does_not_answer():
    """A process of its own whose database server does not answer (nothing listens on port 1)."""
    script = (
        "from django.test import Client; r = Client().get('/health/ready/', HTTP_HOST='127.0.0.1'); "
        "import json; print(r.status_code, json.dumps(r.json()['checks']))"
    )
    env = {**os.environ, "DATABASE_URL": "postgres://postgres@127.0.0.1:1/nowhere", "CACHE_URL": "locmemcache://"}
    env.pop("CELERY_BROKER_URL", None)
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    status, checks = done.stdout.strip().splitlines()[-1].split(" ", 1)
    assert status == "503", done.stdout + done.stderr
    assert json.loads(checks) == {"database": "unavailable", "cache": "ok", "broker": "not configured", "storage": "ok"}


def test_the_load_balancers_plain_http_probe_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/health/live/").status_code == 200
    assert client.get("/fr/").status_code == 301


# --- Request ids and the request log -----------------------------------------------------------------


@pytest.mark.django_db
def test_each_response_carries_a_fresh_request_id_and_its_log_line_the_same(client, request_lines, settings):
    settings.REQUEST_LOG = True
    first, second = client.get("/health/live/"), client.get("/health/live/")
    assert re.fullmatch(r"[0-9a-f]{32}", first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]
    line = request_lines[0]
    assert line["request_id"] == first["X-Request-ID"]
    assert (line["view"], line["method"], line["status"]) == ("health_live", "GET", 200)
    assert line["duration_ms"] >= 0


@pytest.mark.django_db
def test_the_request_log_names_the_route_never_the_address_nor_the_person(client, request_lines, settings):
    settings.REQUEST_LOG = True
    user = UserFactory(username="fatoumata.bah")
    client.force_login(user)
    client.get("/v/ABCD-EFGH-secret-code/?q=Fatoumata")
    line = json.dumps(request_lines[-1], ensure_ascii=False)
    for private in ("secret-code", "Fatoumata", user.username, str(user.pk) + ","):
        assert private not in line, line


@pytest.mark.django_db
def test_the_load_balancers_id_is_kept_and_a_forged_one_replaced(client):
    given = "0123456789abcdef0123456789abcdef"
    assert client.get("/health/live/", HTTP_X_REQUEST_ID=given)["X-Request-ID"] == given
    for forged in ("short", "has space inside it", "x" * 65, "line\nbreak-injected-0000"):
        answered = client.get("/health/live/", HTTP_X_REQUEST_ID=forged)["X-Request-ID"]
        assert answered != forged and re.fullmatch(r"[0-9a-f]{32}", answered)


def test_every_log_line_names_the_request_it_belongs_to(caplog):
    record = logging.LogRecord("lms.x", logging.WARNING, __file__, 1, "something", None, None)
    RequestIdFilter().filter(record)
    assert record.request_id == "-"
    with request_id.bound("abcdef0123456789"):
        RequestIdFilter().filter(record)
    assert record.request_id == "abcdef0123456789"


@pytest.mark.django_db
def test_a_task_run_in_the_process_sees_the_request_id(eager_tasks):
    with request_id.bound("feedc0ffee123456"):
        assert worker_ping.delay().get()["request_id"] == "feedc0ffee123456"
    assert worker_ping.delay().get()["request_id"] == ""


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_task_run_by_a_real_worker_carries_the_request_id_that_queued_it(celery_worker):
    with request_id.bound("deadbeef00112233"):
        reply = worker_ping.delay().get(timeout=60)
    assert reply["pid"] == celery_worker["process"].pid
    assert reply["request_id"] == "deadbeef00112233"
    # The next task, queued outside any request, does not inherit it.
    assert worker_ping.delay().get(timeout=60)["request_id"] == ""


# --- Metrics ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_metrics_are_off_without_a_token_and_refused_with_a_wrong_one(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics/", HTTP_AUTHORIZATION="Bearer ", follow=True).status_code == 404
    settings.METRICS_TOKEN = TOKEN
    refused = scrape(client, token="guess")
    assert refused.status_code == 401
    assert b"lms_" not in refused.content
    assert client.get("/metrics/").status_code == 401


@pytest.mark.django_db
def test_metrics_count_requests_failed_saves_and_certificates(client, settings):
    settings.METRICS_TOKEN = TOKEN
    before = scrape(client).content.decode()
    CertificateFactory()
    client.get("/health/live/")
    client.get("/health/live/")
    # An autosave to an attempt that does not exist: a save that failed.
    missing = reverse("response_save", kwargs={"attempt_id": "00000000-0000-0000-0000-000000000000"})
    assert client.post(missing, data="{}", content_type="application/json").status_code >= 400
    after = scrape(client)
    assert after.status_code == 200
    assert after["Content-Type"].startswith("text/plain")
    text = after.content.decode()

    def grew(name, **labels):
        return (sample(text, name, **labels) or 0) - (sample(before, name, **labels) or 0)

    assert grew("lms_http_request_duration_seconds_count", view="health_live", method="GET", status="2xx") == 2
    assert sum(grew("lms_answer_save_failures_total", status=str(code)) for code in (400, 401, 403, 404, 405)) == 1
    assert sample(text, "lms_certificates_issued_total") == Certificate.objects.count() == 1
    assert sample(text, "lms_certificates_revoked_total") == 0


@pytest.mark.django_db
def test_the_queue_length_is_read_from_the_broker(client, settings):
    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        assert sample(scrape_with_token(client, settings), "lms_celery_queue_length") is None
        return
    import redis

    settings.CELERY_TASK_DEFAULT_QUEUE = queue = "lms-test-queue-length"
    server = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    server.delete(queue)
    server.rpush(queue, "a", "b", "c")
    try:
        assert sample(scrape_with_token(client, settings), "lms_celery_queue_length", queue=queue) == 3
    finally:
        server.delete(queue)


def scrape_with_token(client, settings) -> str:
    settings.METRICS_TOKEN = TOKEN
    return scrape(client).content.decode()


# --- The read replica's router (a real standby: tests/faults/test_read_replica.py) ---------------------


def test_without_a_replica_every_read_and_write_goes_to_the_primary(settings):
    from django.db import router

    from assessments.models import Attempt
    from lms.replica import freshness, replica_reads

    assert "replica" not in settings.DATABASES
    with replica_reads():
        assert router.db_for_read(Attempt) == "default"
        assert router.db_for_write(Attempt) == "default"
    assert freshness() is None


def test_with_a_replica_only_reads_inside_the_block_go_there(settings):
    from django.db import router

    from assessments.models import Attempt
    from lms.replica import ReplicaRouter, replica_reads

    settings.DATABASES = {**settings.DATABASES, "replica": dict(settings.DATABASES["default"])}
    assert router.db_for_read(Attempt) == "default"
    with replica_reads():
        assert router.db_for_read(Attempt) == "replica"
        assert router.db_for_write(Attempt) == "default"
    assert router.db_for_read(Attempt) == "default"
    assert ReplicaRouter().allow_migrate("replica", "assessments") is False
    assert ReplicaRouter().allow_migrate("default", "assessments") is True
