"""Response headers: CSP without inline scripts on trainee pages (a narrower exception on H5P pages and
the admin sites), HSTS, nosniff, Referrer-Policy, frame restrictions and production cookies; and a
browser check that key trainee pages, the H5P player and the service worker run under the policy
with no violation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client
from playwright.sync_api import expect

from courses import services as course_services
from lms import csp
from tests import factories
from tests.lms.test_settings import PRODUCTION_ENV
from tests.lms.test_settings import _run as run_python
from tests.login import log_in

BASE_DIR = Path(__file__).resolve().parents[2]


def _directives(value: str) -> dict[str, str]:
    return dict([*part.strip().split(" ", 1), ""][:2] for part in value.split(";") if part.strip())


@pytest.mark.django_db
def test_trainee_pages_forbid_inline_scripts_and_framing(client: Client, home_pages):
    user = factories.UserFactory()
    client.force_login(user)
    for url in ("/fr/", "/fr/dashboard/", "/fr/certificates/", "/fr/offline/", "/fr/accounts/login/", "/verify/"):
        response = client.get(url, follow=True)
        policy = _directives(response["Content-Security-Policy"])
        assert policy["script-src"] == "'self'", url
        assert "unsafe-inline" not in policy["style-src"] and policy["frame-ancestors"] == "'none'", url
        assert policy["object-src"] == "'none'" and policy["base-uri"] == "'self'", url
        assert response["X-Content-Type-Options"] == "nosniff"
        # The public verification page asks for no referrer at all (its code is in the URL).
        assert response["Referrer-Policy"] == ("no-referrer" if url == "/verify/" else "same-origin")
        assert response["X-Frame-Options"] == "DENY"
        assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_h5p_lessons_keep_the_strict_policy_and_only_the_sandboxed_frame_allows_eval(client: Client):
    course, lessons = factories.course_tree(lessons=2, h5p_package=factories.h5p_package())
    user = factories.UserFactory()
    course_services.enrolment_create(user=user, course=course)
    client.force_login(user)
    response = client.get(lessons[0].url)
    with_h5p = _directives(response["Content-Security-Policy"])
    assert with_h5p == _directives(client.get(lessons[1].url)["Content-Security-Policy"])
    assert with_h5p["script-src"] == "'self'" and with_h5p["style-src"] == "'self'"
    assert with_h5p["frame-ancestors"] == "'none'"
    frame_url = response.context["h5p_activities"]["act-1"]["frame_url"]
    frame = client.get(frame_url)
    policy = _directives(frame["Content-Security-Policy"])
    assert "'unsafe-eval'" in policy["script-src"] and "'unsafe-inline'" not in policy["script-src"]
    assert policy["sandbox"] == "allow-scripts" and policy["default-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'" and frame["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
def test_the_admin_sites_have_their_own_policy():
    admin = factories.UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == csp.header(csp.ADMIN)


DOCUMENT_ONLY = ("Content-Security-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy")


@pytest.mark.django_db
def test_only_documents_carry_the_policy_static_files_and_json_do_not(settings, client: Client, home_pages):
    """The policy governs documents and workers only: on a stylesheet, a script file or JSON it is about
    0.9 KB of nothing on every response of a 2G page. nosniff and the referrer policy stay everywhere."""
    settings.WHITENOISE_USE_FINDERS = True  # WhiteNoise serves the app's static files, as in production
    settings.WHITENOISE_AUTOREFRESH = True
    static = Client()  # a new handler: WhiteNoise reads its settings when the middleware is built
    for url in ("/static/courses/keep-offline.js", "/static/certificates/certificates.css"):
        response = static.get(url)
        assert response.status_code == 200 and response.has_header("Last-Modified"), url  # WhiteNoise's own
        assert [name for name in DOCUMENT_ONLY if response.has_header(name)] == [], url
        assert response["X-Content-Type-Options"] == "nosniff" and response["Referrer-Policy"] == "same-origin"
        # Everything but the status line and the three lines above: a few hundred bytes, not a kilobyte.
        header_bytes = sum(len(f"{name}: {value}\r\n") for name, value in response.items())
        assert header_bytes < 400, (url, dict(response.items()))
    keys = client.get("/.well-known/certificate-keys.json")
    assert keys.status_code == 200 and keys["Content-Type"].startswith("application/")
    assert [name for name in DOCUMENT_ONLY if keys.has_header(name)] == []
    # Documents keep every one of them, and so does the service worker (a worker's policy is its script's).
    page = client.get("/fr/", follow=True)
    assert page["Content-Type"].startswith("text/html")
    assert [name for name in DOCUMENT_ONLY if not page.has_header(name)] == []
    worker = client.get("/sw.js")
    assert worker.status_code == 200 and "javascript" in worker["Content-Type"]
    assert _directives(worker["Content-Security-Policy"])["script-src"] == "'self'"


def test_no_template_holds_an_inline_script_or_event_handler():
    """Scripts live in static files: an inline <script> or on…= attribute would be refused by the CSP."""
    found = []
    for app in ("lms", "courses", "assessments", "training", "certificates"):
        for path in (BASE_DIR / app / "templates").rglob("*.html"):
            text = path.read_text()
            for match in re.finditer(r"<script\b[^>]*>", text):
                if "src=" not in match.group(0) and 'type="application/json"' not in match.group(0):
                    found.append(f"{path}: {match.group(0)}")
            found += [f"{path}: {m.group(0)}" for m in re.finditer(r"\son[a-z]+\s*=", text)]
            found += [f"{path}: javascript: URL" for _m in re.finditer(r"javascript:", text)]
    assert found == []


def test_production_cookies_are_secure_httponly_and_samesite():
    """(`manage.py check --deploy` with the production environment: tests/lms/test_settings.py.)"""
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'lms.settings'); django.setup();"
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " s.LANGUAGE_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SAMESITE, s.SECURE_HSTS_SECONDS)"
    )
    result = run_python(code, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "True", "True", "Lax", "Lax", "31536000"]


# --- In a browser ---------------------------------------------------------------------------------

COLLECT_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
    window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || ''));
});
"""


@pytest.mark.django_db(transaction=True)
def test_trainee_pages_the_h5p_player_and_the_service_worker_run_without_a_csp_violation(
    browser, live_server, home_pages
):
    from assessments import services as test_services

    package = factories.h5p_package()
    course, lessons = factories.course_tree(lessons=2, h5p_package=package)
    _c, _l, pre, _post = factories.assessment_setup()
    user = factories.UserFactory(username="csp-apprenante")
    course_services.enrolment_create(user=user, course=course)
    course_services.enrolment_create(user=user, course=pre.course)
    test_services.attempt_start(user=user, test=pre)
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, locale="fr-FR")
    context.add_init_script(COLLECT_VIOLATIONS)
    refused = []
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("console", lambda message: refused.append(message.text) if "Refused to" in message.text else None)
    base = live_server.url
    log_in(page, base, user.username)
    violations = {}
    for url in (
        "/fr/",
        "/fr/dashboard/",
        course.url,
        lessons[0].url,
        lessons[1].url,
        f"/fr/tests/{pre.pk}/",
        "/fr/offline/",
        "/fr/certificates/",
        "/verify/",
    ):
        page.goto(base + url)
        page.wait_for_load_state("networkidle")
        if url == lessons[0].url:
            # The player has drawn the activity in its sandboxed frame, under the frame's own policy.
            expect(page.frame_locator("iframe.h5p-frame").get_by_role("radio", name="Oui")).to_be_visible()
            frame = next(f for f in page.frames if "/h5p/play/" in f.url)
            if frame.evaluate("window.__csp"):
                violations[url + " (frame)"] = frame.evaluate("window.__csp")
        if url == f"/fr/tests/{pre.pk}/":
            page.locator("input[type=radio]").first.check()  # autosave.js sends the answer
            page.wait_for_load_state("networkidle")
        found = page.evaluate("window.__csp")
        if found:
            violations[url] = found
    # The offline page registered the service worker, and it controls the pages now.
    page.goto(base + "/fr/offline/")
    assert page.evaluate("navigator.serviceWorker.ready.then(r => !!r.active)")
    context.close()
    assert violations == {} and refused == []
