"""The shipped nginx site (deploy/nginx/lms.conf), filled in as operators do, in front of gunicorn
running the project on the test database: private files reach only the people Django lets through
(X-Accel-Redirect), the old public /media/ addresses serve nothing, and static files come from nginx
itself. Debian's nginx is needed (`make test` installs it); without it the test is skipped and the
summary says why, and with CI=true that skip fails the run."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client

from courses import services as course_services
from courses.h5p.frame import issue_token
from tests.deploy.nginx import LOGS, nginx_or_skip, start_nginx
from tests.factories import CertificateFactory, UserFactory, course_tree, h5p_package
from tests.processes import answers, free_port, stop, wait_until

pytestmark = [pytest.mark.nginx, pytest.mark.django_db(transaction=True)]

BASE_DIR = Path(__file__).resolve().parents[2]
# A package file whose name needs escaping in X-Accel-Redirect, of the one type nginx adds a CSP to.
SVG_NAME, SVG = "content/carte région.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>'


def _wait(predicate, *, seconds: float, what: str) -> None:
    wait_until(predicate, seconds=seconds, what=what, see=LOGS)


def _database_url(folder: Path) -> str:
    """The test database for a server process: PostgreSQL's test database, or SQLite's (in memory
    for the test process) copied to a file once the data are committed."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        return (
            f"postgres://{db['USER'] or ''}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
            f"/{db['NAME']}"
        )
    copy = folder / "db.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(copy) as target:
        connection.connection.backup(target)
    target.close()
    return f"sqlite:///{copy}"


@pytest.fixture
def nginx_binary() -> str:
    return nginx_or_skip()


@pytest.fixture
def site_folder(settings):
    """Folders nginx's workers (an unprivileged user) can read: the roots and the server files."""
    folder = Path(tempfile.mkdtemp(prefix="lms-nginx-"))
    folder.chmod(0o755)
    for name in ("media", "private-media", "static", "nginx"):
        (folder / name).mkdir(mode=0o755)
    settings.MEDIA_ROOT = str(folder / "media")
    settings.PRIVATE_MEDIA_ROOT = str(folder / "private-media")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def site_data(site_folder, eager_tasks):
    """A certificate and its holder, a gated H5P activity and its enrolled trainee, someone else;
    a logged-in session cookie for each."""
    certificate = CertificateFactory()
    package = h5p_package(extra_files={SVG_NAME: SVG})
    course, lessons = course_tree(h5p_package=package)
    trainee = UserFactory()
    course_services.enrolment_create(user=trainee, course=course)
    token = issue_token(user_id=trainee.pk, lesson_id=lessons[0].pk, package_id=package.pk)

    def session(user) -> dict[str, str]:
        client = Client()
        client.force_login(user)
        return {"sessionid": client.cookies["sessionid"].value}

    return {
        "certificate": certificate,
        "pdf": certificate.pdf.read(),
        "h5p_url": f"/h5p/{lessons[0].pk}/{package.pk}/h5p.json",
        "svg_url": f"/h5p/{lessons[0].pk}/{package.pk}/{quote(SVG_NAME)}",
        "h5p_name": f"{package.storage_prefix}/h5p.json",
        "frame_file_url": f"/h5p/t/{token}/{lessons[0].pk}/{package.pk}/h5p.json",
        "holder": session(certificate.enrolment.user),
        "trainee": session(trainee),
        "other": session(UserFactory()),
    }


@pytest.fixture
def servers(site_folder, site_data, nginx_binary):
    """gunicorn on the test database, and nginx with the shipped site in front of it."""
    LOGS.mkdir(parents=True, exist_ok=True)
    gunicorn_port, http_port, https_port = free_port(), free_port(), free_port()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(site_folder),
        "MEDIA_ROOT": str(site_folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(site_folder / "private-media"),
        "STATIC_ROOT": str(site_folder / "static"),
        "PRIVATE_MEDIA_DELIVERY": "x-accel-redirect",
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_BEHIND_PROXY": "true",
        "PYTHONUNBUFFERED": "1",
    }
    for name in ("CACHE_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
        env.pop(name, None)  # database sessions, as the test process wrote them; no broker needed
    gunicorn = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "gunicorn", "lms.wsgi:application", "--bind", f"127.0.0.1:{gunicorn_port}", "-w", "1"],
        cwd=BASE_DIR,
        env=env,
        stdout=(LOGS / "gunicorn.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    nginx, cert = start_nginx(
        nginx_binary,
        site_folder / "nginx",
        {
            "LMS_SERVER_NAME": "127.0.0.1",
            "LMS_HTTP_PORT": str(http_port),
            "LMS_HTTPS_PORT": str(https_port),
            "LMS_GUNICORN_SERVERS": f"server 127.0.0.1:{gunicorn_port};",
            "LMS_STATIC_ROOT": str(site_folder / "static"),
            "LMS_MEDIA_ROOT": str(site_folder / "media"),
            "LMS_PRIVATE_MEDIA_ROOT": str(site_folder / "private-media"),
            "LMS_OBJECT_STORAGE": "http://127.0.0.1:9",  # files on disk: the object storage location is unused
            "LMS_ACCESS_LOG": str(LOGS / "lms-access.log"),
        },
    )
    base = f"https://127.0.0.1:{https_port}"
    try:
        _wait(lambda: answers(f"http://127.0.0.1:{gunicorn_port}/robots.txt"), seconds=60, what="gunicorn")
        _wait(
            lambda: nginx.poll() is None and answers(f"{base}/robots.txt", verify=str(cert)), seconds=20, what="nginx"
        )
        yield {"base": base, "http": f"http://127.0.0.1:{http_port}", "verify": str(cert), "gunicorn": gunicorn}
    finally:
        stop(nginx)
        stop(gunicorn)


def test_nginx_gives_private_files_only_to_whom_django_allows_and_serves_static_files_itself(
    servers, site_data, site_folder
):
    def get(path: str, session: dict | None = None) -> requests.Response:
        # `verify` on each request: a session's own is overridden by REQUESTS_CA_BUNDLE when set.
        return requests.get(
            servers["base"] + path, cookies=session or {}, allow_redirects=False, timeout=30, verify=servers["verify"]
        )

    certificate = site_data["certificate"]
    pdf_url = f"/fr/certificates/{certificate.code}.pdf"

    # The certificate: its holder gets the stored bytes (sent by nginx); nobody else does.
    response = get(pdf_url, site_data["holder"])
    assert response.status_code == 200, response.text[:300]
    assert response.content == site_data["pdf"]
    assert response.headers["Content-Type"] == "application/pdf"
    assert f'filename="{certificate.code}.pdf"' in response.headers["Content-Disposition"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "private, no-store"  # Django's, kept by nginx
    assert "X-Accel-Redirect" not in response.headers
    assert get(pdf_url, site_data["other"]).status_code == 404
    assert get(pdf_url, site_data["trainee"]).status_code == 404
    anonymous = get(pdf_url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous.headers["Location"]
    # nginx's internal location answers nobody directly, whatever their session.
    assert get(f"/private-media/{certificate.pdf.name}", site_data["holder"]).status_code == 404

    # The old public address: no file there, and nginx would not publish one left behind either.
    assert not (site_folder / "media" / certificate.pdf.name).exists()
    assert get(f"/media/{certificate.pdf.name}", site_data["holder"]).status_code == 404
    leftover = site_folder / "media" / certificate.pdf.name
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(site_data["pdf"])
    leftover.chmod(0o644)
    assert get(f"/media/{certificate.pdf.name}").status_code == 404

    # A file of an H5P activity in a module one must be enrolled in.
    stored = (site_folder / "private-media" / site_data["h5p_name"]).read_bytes()
    response = get(site_data["h5p_url"], site_data["trainee"])
    assert response.status_code == 200, response.text[:300]
    assert response.content == stored
    assert response.headers["Content-Type"] == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "private, max-age=31536000, immutable"
    assert "Content-Security-Policy" not in response.headers
    svg = get(site_data["svg_url"], site_data["trainee"])
    assert svg.status_code == 200 and svg.content == SVG
    assert svg.headers["Content-Type"] == "image/svg+xml"
    assert svg.headers["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'"
    assert get(site_data["h5p_url"], site_data["other"]).status_code == 404
    assert get(site_data["h5p_url"]).status_code == 302
    assert get(f"/media/{site_data['h5p_name']}", site_data["trainee"]).status_code == 404
    # The same file for the activity's sandboxed frame: no cookie, a token; nginx keeps the CORS header.
    framed = get(site_data["frame_file_url"])
    assert framed.status_code == 200 and framed.content == stored
    assert framed.headers["Access-Control-Allow-Origin"] == "*"

    # Genuinely public media (Wagtail's images) are still published.
    image = site_folder / "media" / "images" / "carte.png"
    image.parent.mkdir(mode=0o755)
    image.write_bytes(b"\x89PNG\r\n\x1a\n not really an image")
    image.chmod(0o644)
    assert get("/media/images/carte.png").content == image.read_bytes()

    # Static files come from STATIC_ROOT through nginx itself: still there with gunicorn stopped.
    source = Path(finders.find("lms/site.css"))
    static = site_folder / "static" / "lms" / "site.css"
    static.parent.mkdir(mode=0o755)
    shutil.copyfile(source, static)
    static.chmod(0o644)
    response = get("/static/lms/site.css")
    assert response.status_code == 200 and response.content == source.read_bytes()
    assert response.headers["Cache-Control"] == "public, max-age=3600"
    stop(servers["gunicorn"])
    assert get("/static/lms/site.css").content == source.read_bytes()
    assert get(pdf_url, site_data["holder"]).status_code == 502  # what needed Django is gone

    # Plain HTTP only redirects to HTTPS.
    redirect = requests.get(servers["http"] + "/fr/", allow_redirects=False, timeout=10)
    assert redirect.status_code == 301 and redirect.headers["Location"] == "https://127.0.0.1/fr/"


def test_nginx_gives_django_its_request_id_logs_it_and_never_shows_the_metrics(servers):
    def get(path: str, **headers) -> requests.Response:
        return requests.get(servers["base"] + path, headers=headers, timeout=30, verify=servers["verify"])

    response = get("/health/live/")
    assert response.status_code == 200
    request_id = response.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id), "nginx's $request_id, kept by Django"
    # A client cannot choose the id: nginx replaces whatever it sent.
    assert (
        get("/health/live/", **{"X-Request-ID": "chosen-by-the-client"}).headers["X-Request-ID"]
        != "chosen-by-the-client"
    )
    _wait(lambda: request_id in (LOGS / "lms-access.log").read_text(), seconds=10, what="the access log line")
    line = next(line for line in (LOGS / "lms-access.log").read_text().splitlines() if request_id in line)
    assert '"GET /health/live/" 200' in line
    assert "127.0.0.1 " not in line.split("upstream=")[0], "no client address in the log"
    assert get("/metrics/", Authorization="Bearer anything").status_code == 404
