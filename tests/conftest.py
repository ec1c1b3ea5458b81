"""Shared fixtures, and the rules of the run.

- Tests hit a real database: SQLite by default, PostgreSQL when DATABASE_URL says so (as in CI).
- Tests marked `services` need a real broker and a real Celery worker. Without CELERY_BROKER_URL
  they are skipped and the summary names them; with CI=true a single skip fails the run.
- Browser tests drive Debian's Chromium (/usr/bin/chromium) through pytest-playwright.
- `make test` runs the suite in two processes (pytest-xdist, `-n 2`). Each has its own test database
  (pytest-django appends _gw0, _gw1… to its name), its own Celery queue and worker, and its own
  cache key prefix; see "Parallel runs" below for what a new test must do to stay safe there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from playwright.sync_api import Browser, Page, expect

pytest_plugins = ["tests.object_storage"]  # moto's S3 server; tests run on disk and on object storage

from tests.pgbouncer import pgbouncer, through_pgbouncer  # noqa: E402, F401 - fixtures (PgBouncer in front)

# Playwright's sync API runs an event loop in the test thread; Django would refuse its (synchronous) ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _throwaway_key_text() -> str:
    from certificates import signing

    return signing.generate_private_key_text()


# One signing key for the run, in the environment: the Celery worker and servers a test starts sign with it.
os.environ.setdefault("CERTIFICATE_SIGNING_KEY", _throwaway_key_text())

BASE_DIR = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Chromium flags for a closed network: without them it keeps trying to reach Google's hosts.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


# How long a browser test waits for a condition (an element, a text, a URL, a page load) before failing.
# Playwright's own defaults (5 s for `expect`) and the 15 s the tests used to set were exceeded on a
# loaded two-core machine: the first page of a fresh live server took over 15 s there. Tests wait for
# conditions, so a generous limit costs nothing when all is well; it is a floor, which a test may
# raise for one call (timeout=…) but not lower.
BROWSER_TIMEOUT_MS = 60_000
expect.set_options(timeout=BROWSER_TIMEOUT_MS)
_new_context, _set_default_timeout = Browser.new_context, Page.set_default_timeout


def _new_context_with_floor(self, *args, **kwargs):
    context = _new_context(self, *args, **kwargs)
    context.set_default_timeout(BROWSER_TIMEOUT_MS)
    return context


def _set_default_timeout_with_floor(self, timeout: float) -> None:
    _set_default_timeout(self, max(timeout, BROWSER_TIMEOUT_MS))


Browser.new_context = _new_context_with_floor
Page.set_default_timeout = _set_default_timeout_with_floor

# "gw0", "gw1"… in a pytest-xdist worker process, "" in a run in one process.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _masked(url: str) -> str:
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def pytest_report_header(config):
    from django.conf import settings

    db = settings.DATABASES["default"]
    broker = settings.CELERY_BROKER_URL
    return [
        f"database: {db['ENGINE'].rsplit('.', 1)[-1]} ({db.get('HOST') or 'local file'})",
        f"celery: {'broker ' + _masked(broker) if broker else 'no broker, tasks run eagerly'}",
        f"browser: {CHROMIUM}",
    ]


# Facts the service tests establish (which worker ran what, on which database), printed at the end
# of the run so that CI's output shows it. Under pytest-xdist each process collects its own and hands
# them to the controller, which prints them all (_XdistFacts).
_SERVICE_FACTS: list[str] = []


class _XdistFacts:
    """Carries the service facts from the xdist worker processes to the controller's summary."""

    @pytest.hookimpl
    def pytest_testnodedown(self, node, error):
        _SERVICE_FACTS.extend(getattr(node, "workeroutput", {}).get("service_facts", []))


def pytest_configure(config):
    _isolate_xdist_worker()
    if config.pluginmanager.hasplugin("xdist") and not XDIST_WORKER:
        config.pluginmanager.register(_XdistFacts(), "lms-xdist-facts")


@pytest.fixture(scope="session")
def service_facts() -> list[str]:
    return _SERVICE_FACTS


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    from django.conf import settings

    terminalreporter.section("services used")
    db = settings.DATABASES["default"]
    terminalreporter.write_line(f"database engine: {db['ENGINE']} host: {db.get('HOST') or 'local'}")
    broker = settings.CELERY_BROKER_URL
    terminalreporter.write_line(f"celery broker: {_masked(broker) if broker else 'none (tasks ran eagerly)'}")
    for fact in _SERVICE_FACTS:
        terminalreporter.write_line(fact)
    skipped = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    terminalreporter.section("skipped tests and why")
    for report in skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        terminalreporter.write_line(f"SKIPPED {report.nodeid}: {reason}")
    if _in_ci():
        terminalreporter.write_line(
            "CI=true: skipped tests are failures here; every service must be present.", red=True
        )


DEMO_FIXTURES = {"seeded_demo", "seeded_demo_twice", "_demo_seeded_once"}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keeps each phase's report on the test (`rep_setup`, `rep_call`), for fixtures that add what
    they saw when the test failed (tests/browser/test_course_journey.py)."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.hookimpl(tryfirst=True)  # before xdist reads the xdist_group marks
def pytest_collection_modifyitems(config, items):
    for item in items:
        # `-m browser` selects the browser tests wherever they live (make flake-hunt runs them repeatedly).
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
        # The fault tests start, stop and kill private PostgreSQL, Redis and Celery processes: one at
        # a time, in one xdist process, so that two of them never starve each other of the two cores.
        if item.get_closest_marker("faults") or "/tests/faults/" in str(item.path):
            item.add_marker(pytest.mark.xdist_group("faults"))
        # The tests on the demo in one process: only that process seeds it (tests/demo_snapshot.py),
        # and each of its tests then costs a copy, a fraction of a second.
        elif DEMO_FIXTURES & set(getattr(item, "fixturenames", ())) and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group("demo"))


def pytest_sessionfinish(session, exitstatus):
    if XDIST_WORKER and hasattr(session.config, "workeroutput"):
        session.config.workeroutput["service_facts"] = list(_SERVICE_FACTS)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if _in_ci() and reporter is not None and reporter.stats.get("skipped"):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# --- Parallel runs (pytest-xdist) ----------------------------------------------------------------
#
# What keeps the processes of `pytest -n 2` apart, and what a new test must respect:
# - Database: pytest-django gives each process its own test database (test_<name>_gw0, …). A test that
#   starts a process on the test database reads its name from `connection.settings_dict`, never
#   from a constant (see celery_worker).
# - Celery: each process sends its tasks to its own queue (CELERY_TASK_DEFAULT_QUEUE, set here and
#   inherited by any worker a test starts), so a worker only runs the tasks of its own process.
# - Cache: each process has its own key prefix, and `cache.clear()` deletes only that process's keys
#   (in a shared Redis a flush would reset the other process's rate limits in the middle of a test).
# - Files and ports: write under tmp_path (never a fixed path in the repository unless named after
#   XDIST_WORKER) and listen on port 0 or a free port; live_server already does.
# - Tests that must not run at the same time as others on the same machine (they stop shared
#   services, or measure time) get `@pytest.mark.xdist_group("name")`: `make test` runs with
#   `--dist loadgroup`, so a group's tests all run one after the other in one process.


def _isolate_xdist_worker() -> None:
    if not XDIST_WORKER:
        return
    from django.conf import settings
    from django.core.cache import caches, close_caches

    queue = f"celery-{XDIST_WORKER}"
    os.environ["CELERY_TASK_DEFAULT_QUEUE"] = queue  # for the worker processes the tests start
    settings.CELERY_TASK_DEFAULT_QUEUE = queue
    from lms.celery import app

    app.conf.task_default_queue = queue

    cache_settings = settings.CACHES["default"]
    cache_settings["KEY_PREFIX"] = f"{cache_settings.get('KEY_PREFIX') or 'lms'}-{XDIST_WORKER}"
    close_caches()
    caches._settings = caches.settings = caches.configure_settings(None)
    from asgiref.local import Local

    caches._connections = Local()

    from lms.cache import UNAVAILABLE, ResilientRedisCache

    def clear_own_keys(self) -> bool:
        """Delete this process's keys only: the other processes share the Redis database."""
        try:
            client = self._cache.get_client(None, write=True)
            keys = list(client.scan_iter(match=f"{self.key_prefix}:*", count=1000))
            if keys:
                client.delete(*keys)
        except UNAVAILABLE:
            return False
        return True

    ResilientRedisCache.clear = clear_own_keys


# --- Database ---------------------------------------------------------------------------------


@pytest.fixture(scope="session", autouse=True)
def _close_other_sessions_before_dropping_the_test_database(django_db_setup, django_db_blocker):
    """PostgreSQL refuses to drop a database that another session still uses (a worker thread's or a
    subprocess's connection that has not been closed yet): end those sessions first."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    # A fresh connection: this process's own may have been ended by the server meanwhile (seen in CI:
    # "terminating connection due to administrator command" at this very statement).
    connection.close()
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [connection.settings_dict["NAME"]],
        )


# --- Speed and isolation ------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _fast_passwords_and_clean_cache(settings):
    """Cheap password hashing (the test is about our code, not PBKDF2) and a fresh rate-limit cache."""
    from django.core.cache import cache

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request to /en/ leaves English active in the test's thread, and the next test would then
    reverse and format in English: every test starts from the default language, whatever ran before."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _throwaway_signing_key(settings):
    """Certificates are signed with one fresh key for the whole run (set at the top of this file, so
    that worker processes a test starts read it too), never the project's key file."""
    settings.CERTIFICATE_SIGNING_KEY = os.environ["CERTIFICATE_SIGNING_KEY"]


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path_factory):
    """Uploads and extracted packages go to fresh folders, never to the project's media/ or
    private-media/."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path_factory.mktemp("private-media"))


@pytest.fixture
def eager_tasks():
    """Tasks run in the calling process, as in the embedded default (no broker), even when the run
    has a broker: for tests about what happens in-process (the real-worker tests start a worker)."""
    from lms.celery import app

    saved = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = saved


@pytest.fixture
def programme_questionnaire(db):
    """The programme's reaction questionnaire, as its data migration makes it: a transactional test's
    flush earlier in the same process removes what migrations wrote."""
    from importlib import import_module

    from django.apps import apps

    import_module("evaluation.migrations.0002_reaction_questionnaire").create_programme_questionnaire(apps, None)


@pytest.fixture
def home_pages(db):
    """The demo home pages (French site root and English translation)."""
    from lms import demo

    return demo.seed_home_pages()


# --- Celery -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, django_db_blocker):
    """A real Celery worker process on the configured broker, using the test database.

    Started for the tests that need it and stopped after them. Skipped (and reported) when no broker
    is configured; in CI that skip fails the run.
    """
    from django.conf import settings
    from django.db import connection

    if not settings.CELERY_BROKER_URL:
        pytest.skip("no CELERY_BROKER_URL: the real-worker tests need Redis and a Celery worker")
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3") and ("memory" in str(db["NAME"]) or not db["NAME"]):
        pytest.skip("an in-memory SQLite test database cannot be shared with a worker process")

    env = dict(os.environ)
    if db["ENGINE"].endswith("postgresql"):
        env["DATABASE_URL"] = (
            f"postgres://{db['USER'] or ''}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
            f"/{db['NAME']}"
        )
    else:
        env["DATABASE_URL"] = f"sqlite:///{db['NAME']}"
    log = BASE_DIR / "test-results" / f"celery-worker{'-' + XDIST_WORKER if XDIST_WORKER else ''}.log"
    log.parent.mkdir(exist_ok=True)
    hostname = f"pytest-{os.getpid()}@%h"
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool=solo", "--loglevel=INFO", "-n", hostname],
        cwd=BASE_DIR,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    from lms.celery import app

    deadline = time.monotonic() + 60
    replies = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the Celery worker exited at start; see {log}")
        replies = app.control.ping(timeout=1.0)
        if any(name.startswith(f"pytest-{os.getpid()}@") for reply in replies for name in reply):
            break
    else:
        process.terminate()
        pytest.fail(f"the Celery worker did not answer within 60 s; see {log}")
    yield {"process": process, "replies": replies, "log": log}
    from tests.processes import stop

    stop(process)
    if connection.vendor == "postgresql":
        # The server may still hold the dead worker's session for a moment; the test database
        # can only be dropped once no other session uses it.
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [db["NAME"]],
            )


# --- Browser ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, stopped before the test database is dropped.

    Its thread holds a database connection; without this order PostgreSQL refuses to drop the test
    database while that connection is open.

    On an in-memory SQLite test database every request thread shares the test's one connection
    (`connections_override`): two requests at once (a page and its /jsi18n/, say) then collide on it
    ("cannot start a transaction within a transaction") and one fails, by timing. There the server
    answers one request at a time; on PostgreSQL each thread has its own connection and requests run
    concurrently, as in production.
    """
    thread = live_server.thread
    if thread.connections_override:
        import threading

        application, lock = thread.httpd.get_app(), threading.Lock()

        def one_request_at_a_time(environ, start_response):
            with lock:
                return application(environ, start_response)

        thread.httpd.set_app(one_request_at_a_time)
    return live_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium: no tool may download a browser on these machines."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(f"Chromium is missing at {CHROMIUM}: `make test` installs Debian's package `chromium`")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


# --- The demo (seed_demo), built once per process ----------------------------------------------


@pytest.fixture(scope="session")
def _demo_seeded_once(django_db_setup, django_db_blocker, tmp_path_factory):
    from tests import demo_snapshot

    return demo_snapshot.take_once(tmp_path_factory, django_db_blocker)


@pytest.fixture(scope="session")
def _demo_seeded_twice(django_db_setup, django_db_blocker, tmp_path_factory, _demo_seeded_once):
    from tests import demo_snapshot

    return demo_snapshot.take_once(tmp_path_factory, django_db_blocker, start=_demo_seeded_once)


class Demo:
    """The demo as `manage.py seed_demo` leaves it, in this test's database and media folders."""

    def __init__(self, *, output: str, counts_after_first_run: dict):
        self.output = output
        self._first = counts_after_first_run

    def count_after_first_run(self, model) -> int:
        """How many rows of `model` the first seed_demo left (what the idempotency tests compare)."""
        return self._first[model]


def _demo(request, settings, snapshot, *, runs: int, first) -> Demo:
    from tests import demo_snapshot

    if demo_snapshot.restore_into_test(request, settings, snapshot):
        return Demo(output=(first.result if runs == 2 else "") + snapshot.result, counts_after_first_run=first.counts)
    # The database is not the migrated one the snapshot starts from (a fixture added rows first, or
    # a transactional test flushed it): run the command here, as the test would without the snapshot.
    outputs, counts = [], {}
    for run in range(runs):
        outputs.append(demo_snapshot.seed_demo())
        if run == 0:
            counts = demo_snapshot.model_counts()
    return Demo(output="".join(outputs), counts_after_first_run=counts)


@pytest.fixture
def seeded_demo(request, _demo_seeded_once, settings) -> Demo:
    """The demo after one `manage.py seed_demo` (what it printed in `.output`). Request it before
    any fixture that adds data, or the command runs in the test (the same result, only slower)."""
    return _demo(request, settings, _demo_seeded_once, runs=1, first=_demo_seeded_once)


@pytest.fixture
def seeded_demo_twice(request, _demo_seeded_twice, _demo_seeded_once, settings) -> Demo:
    """The demo after `manage.py seed_demo` ran twice: `.count_after_first_run(Model)` says what the
    first run had left, `.output` is what both runs printed."""
    return _demo(request, settings, _demo_seeded_twice, runs=2, first=_demo_seeded_once)
