"""Two web nodes behind the shipped nginx site, as two machines: each gunicorn has a working directory
and media folders of its own, and they share only PostgreSQL, Redis and object storage (moto's S3
server). A Celery worker with a third folder of its own issues the certificates.

Through nginx (round robin between the nodes; its access log names the node of each request): a
trainee's autosaves land on both nodes and none is lost; the session works on both; a package imported
by node A is played through both; the certificate the worker issued downloads through both, sent by
nginx from object storage (X-Accel-Redirect to a signed address); the rate limit of certificate
lookups counts the requests of both nodes together; the evaluation report one node stored in Redis is
what both serve. No node's folders hold a file at the end.
"""

from __future__ import annotations

import json
import pickle
import re
import uuid
from pathlib import Path

import pytest
import requests
from redis import Redis

from courses.h5p.builder import build_package
from tests.deploy.nginx import LOGS, nginx_or_skip, start_nginx
from tests.faults.services import Processes, Trainee, query, seed, wait_until
from tests.object_storage import make_buckets, s3_client
from tests.processes import free_port, stop

pytestmark = [pytest.mark.faults, pytest.mark.nginx]

VERIFY_RATE = 4  # certificate lookups per address and minute, on every node


@pytest.fixture
def cluster(app_database, private_redis, s3_endpoint, tmp_path):
    """nginx in front of nodes A and B, a worker, on one database, one Redis and two buckets."""
    binary = nginx_or_skip()
    buckets = make_buckets(s3_endpoint)
    queue = f"two-nodes-{uuid.uuid4().hex[:8]}"
    https_port = free_port()
    groups = {}
    for name in ("a", "b", "worker"):
        machine = tmp_path / name
        (machine / "work").mkdir(parents=True)
        groups[name] = Processes(
            database_url=app_database,
            redis=private_redis,
            media_root=machine / "media",
            workdir=machine / "work",
            STATIC_ROOT=str(machine / "static"),
            PRIVATE_MEDIA_DELIVERY="x-accel-redirect",
            DJANGO_BEHIND_PROXY="true",
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            DJANGO_CSRF_TRUSTED_ORIGINS=f"https://127.0.0.1:{https_port}",
            CELERY_TASK_DEFAULT_QUEUE=queue,
            CERTIFICATE_VERIFY_RATE=str(VERIFY_RATE),
            **buckets.environment(),
        )
    nodes = {name: groups[name].web(workers=1) for name in ("a", "b")}
    groups["worker"].worker("two-nodes-worker")
    nginx, cert = start_nginx(
        binary,
        tmp_path / "nginx",
        {
            "LMS_SERVER_NAME": "127.0.0.1",
            "LMS_HTTP_PORT": str(free_port()),
            "LMS_HTTPS_PORT": str(https_port),
            "LMS_GUNICORN_SERVERS": " ".join(
                f"server {node.url.removeprefix('http://')} max_fails=1 fail_timeout=10s;" for node in nodes.values()
            ),
            "LMS_STATIC_ROOT": str(tmp_path / "a" / "static"),
            "LMS_MEDIA_ROOT": str(tmp_path / "a" / "media"),
            "LMS_PRIVATE_MEDIA_ROOT": str(tmp_path / "a" / "private-media"),
            "LMS_OBJECT_STORAGE": buckets.endpoint,
            "LMS_ACCESS_LOG": str(LOGS / "two-nodes-access.log"),
        },
    )
    base = f"https://127.0.0.1:{https_port}"
    try:
        assert wait_until(lambda: _answers(base, cert), seconds=20), f"nginx did not answer; see {LOGS}"
        yield {
            "base": base,
            "cert": str(cert),
            "groups": groups,
            "nodes": nodes,
            "buckets": buckets,
            "db": app_database,
            "redis": private_redis,
        }
    finally:
        stop(nginx)
        for group in groups.values():
            group.stop_all()


def _answers(base: str, cert: Path) -> bool:
    try:
        return requests.get(f"{base}/robots.txt", timeout=2, verify=str(cert)).status_code == 200
    except requests.RequestException:
        return False


def _node_of(response: requests.Response, cluster) -> str:
    """Which node answered, from nginx's access log line of the response's request id."""
    request_id, log = response.headers["X-Request-ID"], LOGS / "two-nodes-access.log"

    def line() -> str:
        return next((x for x in log.read_text().splitlines() if request_id in x), "") if log.exists() else ""

    assert wait_until(lambda: bool(line()), seconds=10), f"no access log line for {request_id}"
    upstream = re.search(r"upstream=(\S+)", line()).group(1)
    return next(name for name, node in cluster["nodes"].items() if node.url.endswith(upstream))


def _trainee(cluster, data: dict) -> Trainee:
    trainee = Trainee(cluster["base"], data)
    trainee.http.trust_env = False  # else REQUESTS_CA_BUNDLE, when set, overrides `verify`
    trainee.http.verify = cluster["cert"]
    return trainee


def test_autosaves_alternate_between_the_nodes_and_none_is_lost_and_the_worker_s_certificate_downloads_from_both(
    cluster,
):
    data = seed(cluster["groups"]["a"], 1)[0]
    trainee = _trainee(cluster, data)
    trainee.open_test()
    served_by, answers = [], list(data["answers"].items())
    for seq, (question, answer) in enumerate(answers * 2, start=1):  # each answer twice, the second later
        response = trainee.http.post(
            cluster["base"] + data["save_url"],
            data=json.dumps({"question": int(question), "answer": answer, "seq": seq}),
            headers={"Content-Type": "application/json", "X-CSRFToken": trainee.csrf, "Referer": cluster["base"] + "/"},
            timeout=30,
        )
        assert response.status_code == 200 and response.json()["saved"] is True, response.text[:300]
        served_by.append(_node_of(response, cluster))
    assert set(served_by) == {"a", "b"}, f"nginx sent every save to one node: {served_by}"
    stored = query(
        cluster["db"],
        "SELECT question_id, seq FROM assessments_response WHERE attempt_id = %s",
        [data["attempt"]],
    )
    assert len(stored) == len(answers), "one response per question, none lost"
    assert sorted(seq for _question, seq in stored) == list(range(len(answers) + 1, 2 * len(answers) + 1))

    assert trainee.submit().status_code == 302
    assert wait_until(
        lambda: query(cluster["db"], "SELECT count(*) FROM certificates_certificate WHERE pdf <> ''")[0][0] == 1,
        seconds=120,
        step=0.5,
    ), "the worker issued no certificate"
    code, pdf_name = query(cluster["db"], "SELECT code, pdf FROM certificates_certificate")[0]
    stored_pdf = (
        s3_client(cluster["buckets"].endpoint)
        .get_object(Bucket=cluster["buckets"].private, Key=f"private/{pdf_name}")["Body"]
        .read()
    )
    downloaded_by = set()
    for _ in range(4):
        response = trainee.http.get(f"{cluster['base']}/fr/certificates/{code}.pdf", timeout=30)
        assert response.status_code == 200 and response.content == stored_pdf
        assert response.headers["Content-Type"] == "application/pdf"
        assert not {"X-Accel-Redirect", "x-amz-request-id"} & set(response.headers)
        downloaded_by.add(_node_of(response, cluster))
    assert downloaded_by == {"a", "b"}
    # Nobody else gets it; nginx's internal location answers nobody directly.
    anonymous = requests.get(
        f"{cluster['base']}/fr/certificates/{code}.pdf", verify=cluster["cert"], allow_redirects=False, timeout=30
    )
    assert anonymous.status_code == 302
    direct = f"{cluster['base']}/private-s3/{cluster['buckets'].private}/private/{pdf_name}"
    assert requests.get(direct, verify=cluster["cert"], timeout=30).status_code == 404
    _assert_no_node_keeps_a_file(cluster)


def test_a_package_imported_on_node_a_plays_through_both_and_rate_limits_and_the_stored_report_are_shared(
    cluster, tmp_path
):
    package_file = tmp_path / "scenario.h5p"
    package_file.write_bytes(build_package(title="Cas d'Awa", content={"scenario": "<p>Cas</p>", "questions": []}))
    package_id = int(cluster["groups"]["a"].run("import_h5p", str(package_file)).strip().splitlines()[-1])
    placed = json.loads(cluster["groups"]["b"].run("-m", "tests.faults.seed_h5p", str(package_id)))
    player = requests.Session()
    player.trust_env = False
    player.verify = cluster["cert"]
    player.cookies.set("sessionid", placed["session_key"], domain="127.0.0.1")
    url = f"{cluster['base']}/h5p/{placed['lesson']}/{package_id}/h5p.json"
    played_by = set()
    for _ in range(4):
        response = player.get(url, timeout=30)
        assert response.status_code == 200, response.text[:300]
        assert json.loads(response.content)["title"] == "Cas d'Awa"
        played_by.add(_node_of(response, cluster))
    assert played_by == {"a", "b"}

    lookups = [
        requests.get(f"{cluster['base']}/verify/?code=nothing-issued", verify=cluster["cert"], timeout=30)
        for _ in range(VERIFY_RATE + 1)
    ]
    assert {_node_of(response, cluster) for response in lookups} == {"a", "b"}
    assert [response.status_code for response in lookups] == [200] * VERIFY_RATE + [429]
    _assert_the_stored_report_is_shared(cluster, placed["evaluator_session_key"])
    _assert_no_node_keeps_a_file(cluster)


def _assert_the_stored_report_is_shared(cluster, session_key: str) -> None:
    """The evaluation report one node computed and stored in Redis is what both nodes serve: a mark
    written into the stored entry shows on the pages of both."""
    evaluator = requests.Session()
    evaluator.trust_env = False
    evaluator.verify = cluster["cert"]
    evaluator.cookies.set("sessionid", session_key, domain="127.0.0.1")
    url = f"{cluster['base']}/fr/evaluation/"
    first = evaluator.get(url, timeout=60)
    assert first.status_code == 200, first.text[:300]
    redis = Redis.from_url(cluster["redis"].url(1))
    keys = list(redis.scan_iter(match="*evaluation:prepost:*"))
    assert len(keys) == 1, keys
    stored = pickle.loads(redis.get(keys[0]))  # noqa: S301 - what Django's Redis cache wrote
    assert isinstance(stored, str) and stored.strip()
    redis.set(keys[0], pickle.dumps(stored + "<p>stored-once-mark</p>"), keepttl=True)
    served_by = set()
    for _ in range(4):
        response = evaluator.get(url, timeout=60)
        assert response.status_code == 200 and "stored-once-mark" in response.text
        served_by.add(_node_of(response, cluster))
    assert served_by == {"a", "b"}


def _assert_no_node_keeps_a_file(cluster) -> None:
    for name, group in cluster["groups"].items():
        for root in (Path(group.env["MEDIA_ROOT"]), Path(group.env["PRIVATE_MEDIA_ROOT"])):
            files = [p for p in root.rglob("*") if p.is_file()] if root.exists() else []
            assert files == [], f"{name} kept files on its own disk: {files}"
