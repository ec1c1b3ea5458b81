"""Every trainee page within the 2G budget, measured in Chromium from what the phone downloads.

For each page a fresh phone (empty cache) loads it with JavaScript on, and every response of the
context is counted — the page's and its service worker's — with its headers (the security policy
travels with documents only: a subresource carrying it fails the test). Bodies the test server
sends uncompressed (static files: WhiteNoise sends them gzipped in production) count at their gzip
size. Budgets (CONTEXT.md): first HTML ≤ 14 KB, everything ≤ 100 KB, JavaScript ≤ 30 KB.
"""

import gzip
from dataclasses import dataclass, field

import pytest
from django.utils import translation
from playwright.sync_api import Browser, Response

from assessments import services
from assessments.models import Attempt
from courses.demo import first_lesson_text
from courses.services import enrolment_create
from tests.browser.test_test_journey import PHONE
from tests.factories import UserFactory, assessment_setup
from tests.field.audio import give_lesson_key_point, give_question_clips
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

KB = 1024
FIRST_HTML, TOTAL, JAVASCRIPT = 14 * KB, 100 * KB, 30 * KB
DOCUMENT_ONLY = {"content-security-policy", "permissions-policy", "cross-origin-opener-policy"}
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg")


@dataclass
class Weight:
    first_html: int = 0
    total: int = 0
    javascript: int = 0
    files: list = field(default_factory=list)
    # Subresources (not a document, not the service worker) that carry a document-only header.
    document_headers_elsewhere: list = field(default_factory=list)


def _size(response: Response) -> int:
    sizes = response.request.sizes()
    headers = sizes["responseHeadersSize"]
    if response.status >= 300 and response.status < 400:
        return headers
    encoded = response.headers.get("content-encoding")
    kind = response.headers.get("content-type", "")
    if not encoded and kind.startswith(COMPRESSIBLE):
        return headers + len(gzip.compress(response.body()))
    return headers + sizes["responseBodySize"]


def weigh(browser: Browser, storage_state, url: str) -> Weight:
    """Load `url` on a phone with an empty cache; the weight of everything it downloaded."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="fr-FR", storage_state=storage_state)
    responses: list[Response] = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    response = page.goto(url, wait_until="networkidle")
    # The page itself, not a redirect to a login or a gate.
    assert (response.status, page.url) == (200, url), (url, response.status, page.url)
    weight = Weight()
    for response in responses:
        if response.url.startswith("data:"):
            continue
        size = _size(response)
        weight.total += size
        weight.files.append((response.url.split("/", 3)[-1], size))
        if response.request.resource_type == "document" and not weight.first_html:
            weight.first_html = size
        if response.url.split("?")[0].endswith(".js"):
            weight.javascript += size
        headers = response.all_headers()
        kind = headers.get("content-type", "").split(";")[0]
        document = kind in ("text/html", "image/svg+xml") or "service-worker-allowed" in headers
        if not document and DOCUMENT_ONLY & set(headers):
            weight.document_headers_elsewhere.append(response.url)
    context.close()
    return weight


@pytest.fixture
def trainee_pages(home_pages, live_server):
    """A trainee enrolled in a module whose lessons hold real demo text; the URL of each page."""
    course, lessons, pre, _post = assessment_setup()
    text = first_lesson_text("fr")
    lessons[0].body = [("rich_text", text)]
    lessons[0].save_revision().publish()
    # Listen controls on the test and lesson pages: they count, the clips (opt-in media) do not load.
    give_question_clips("Q1")
    give_lesson_key_point(lessons[0])
    user = UserFactory(username="kadiatou")
    enrolment_create(user=user, course=course)
    with translation.override("fr"):
        return {"user": user, "course": course, "lessons": lessons, "pre": pre}


def test_every_trainee_page_is_within_the_2g_budget(browser, live_server, trainee_pages):
    base = live_server.url
    login_context = browser.new_context(viewport=PHONE, locale="fr-FR")
    page = login_context.new_page()
    log_in(page, base, trainee_pages["user"].username)
    state = login_context.storage_state()
    login_context.close()
    user, pre, course = trainee_pages["user"], trainee_pages["pre"], trainee_pages["course"]

    pages = {
        "home": "/fr/",
        "catalogue": course.get_parent().url,
        "course": course.url,
        "my modules": "/fr/dashboard/",
        "test (introduction)": f"/fr/tests/{pre.pk}/",
        "account (password)": "/fr/accounts/password/change/",
        "account (PIN)": "/fr/offline/pin/",
        "my account": "/fr/account/",
        "my data": "/fr/account/data/",
        "tests on this phone": "/fr/offline/",
        "my certificates": "/fr/certificates/",
        "certificate check": "/verify/",
    }
    weights = {name: weigh(browser, state, base + url) for name, url in pages.items()}
    attempt, _created = services.attempt_start(user=user, test=pre)
    weights["test (questions)"] = weigh(browser, state, base + f"/fr/tests/{pre.pk}/")
    services.attempt_submit(user=user, attempt_id=attempt.pk)
    weights["result"] = weigh(browser, state, base + f"/fr/attempts/{attempt.pk}/")
    weights["lesson"] = weigh(browser, state, base + trainee_pages["lessons"][0].url)
    assert Attempt.objects.get().status == "submitted"

    print("\npage                   first HTML   total   JavaScript  (bytes, compressed, with headers)")
    for name, weight in weights.items():
        print(f"{name:22} {weight.first_html:10} {weight.total:7} {weight.javascript:10}")
    over = {
        name: weight
        for name, weight in weights.items()
        if weight.first_html > FIRST_HTML or weight.total > TOTAL or weight.javascript > JAVASCRIPT
    }
    assert not [f for w in weights.values() for f, _size in w.files if "documents/" in f]  # no clip loaded
    assert not over, {name: (w.first_html, w.total, w.javascript, w.files) for name, w in over.items()}
    # The security policy travels with documents only, not with each script, stylesheet or JSON answer.
    assert [url for w in weights.values() for url in w.document_headers_elsewhere] == []
    assert all(weight.first_html for weight in weights.values())
