"""Two gunicorn workers behind one address, as a node runs (deploy/gunicorn/gunicorn.conf.py): the
metrics any worker answers are the sum of both, and readiness follows Redis going away and coming
back while liveness never moves (docs/operations.md, "Health and metrics")."""

from pathlib import Path

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from tests.faults.services import BASE_DIR, wait_until

pytestmark = pytest.mark.faults

TOKEN = "a-scrape-token-for-the-test"
CONFIG = str(Path(BASE_DIR) / "deploy" / "gunicorn" / "gunicorn.conf.py")


def count_of(text: str, view: str) -> float:
    """Requests to `view` answered 2xx, whatever the order of the labels."""
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "lms_http_request_duration_seconds_count"
        and sample.labels.get("view") == view
        and sample.labels.get("status") == "2xx"
    )


def ready(url: str) -> tuple[int, dict]:
    response = requests.get(url + "/health/ready/", timeout=30)
    return response.status_code, response.json()["checks"]


def test_two_workers_sum_their_metrics_and_readiness_follows_redis(app_database, private_redis, processes, tmp_path):
    metrics_dir = tmp_path / "prometheus"
    metrics_dir.mkdir()
    group = processes(
        database_url=app_database,
        redis=private_redis,
        METRICS_TOKEN=TOKEN,
        PROMETHEUS_MULTIPROC_DIR=str(metrics_dir),
        REQUEST_LOG="true",
    )
    web = group.web(workers=2, config=CONFIG)

    assert ready(web.url) == (200, {"database": "ok", "cache": "ok", "broker": "ok", "storage": "ok"})

    ids = set()
    for _ in range(40):
        response = requests.get(web.url + "/health/live/", timeout=10)
        assert response.status_code == 200
        ids.add(response.headers["X-Request-ID"])
    assert len(ids) == 40
    headers = {"Authorization": f"Bearer {TOKEN}"}
    # Whichever worker answers the scrape, it reports both workers' requests.
    counts = {
        count_of(requests.get(web.url + "/metrics/", headers=headers, timeout=10).text, "health_live") for _ in range(6)
    }
    assert counts == {40.0}
    assert requests.get(web.url + "/metrics/", timeout=10).status_code == 401

    private_redis.stop()
    status, checks = ready(web.url)
    assert status == 503
    assert checks["cache"] == checks["broker"] == "unavailable"
    assert checks["database"] == checks["storage"] == "ok"
    assert requests.get(web.url + "/health/live/", timeout=10).status_code == 200

    private_redis.start()
    assert wait_until(lambda: ready(web.url)[0] == 200, seconds=30, step=0.5)
