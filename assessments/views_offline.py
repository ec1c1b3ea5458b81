"""Views of offline tests: the page that works without network, its service worker, download and sync.

Thin: they parse the request, call one service in `assessments.offline`, and render or answer JSON.
"""

from __future__ import annotations

import hashlib
import json
import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments import offline
from assessments.models import Test
from assessments.services import AttemptRefused
from courses.models import CoursePage
from lms import parsing, ratelimit

MAX_SYNC_BYTES = 64 * 1024
# The files a phone keeps to open the offline page without network (the page itself per language).
SHELL_STATIC = [
    *("lms/site.css", "assessments/assessments.css", "assessments/offline-queue.js", "assessments/offline.js"),
    *("courses/listen.js", "courses/keep-offline.js"),
]
# 2: the offline page is kept as fetched without cookies (before, it could keep a logged-in header).
SHELL_REVISION = 2
EMPTY_UUID = "00000000-0000-0000-0000-000000000000"
# Downloads per person and test in an hour: each one stores a device row and signs a form for 14 days.
# Ten leaves room for a phone reset or a trainer's downloads for several phones; a loop gets a 429.
DOWNLOADS_PER_TEST_PER_HOUR = 10
DOWNLOAD_PERIOD = 3600


def _shell_urls() -> list[str]:
    pages = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            pages.append(reverse("assessments:offline"))
    return pages + [static(name) for name in SHELL_STATIC]


@require_GET
def offline_page(request: HttpRequest) -> HttpResponse:
    """The tests kept on this phone. No login: it opens without network, and holds no personal data.

    The service worker keeps a copy fetched without cookies (sw.js), shown to whoever holds the phone
    next; no-store keeps the browser's HTTP cache from answering that fetch with a logged-in copy."""
    response = TemplateResponse(request, "assessments/offline.html", {"shared_page": True})
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, at the root so that its scope is the whole site; never cached by HTTP."""
    shell = _shell_urls()
    # The revision renews the phone's copies when what the worker keeps changes, not only its list.
    version = hashlib.sha256(json.dumps([SHELL_REVISION, shell]).encode()).hexdigest()[:12]
    body = render_to_string(
        "assessments/sw.js",
        {
            "version": version,
            "shell": json.dumps(shell),
            "offline_pages": json.dumps(shell[: len(settings.LANGUAGES)]),
            "queue": static("assessments/offline-queue.js"),
        },
    )
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


# The home-screen icons (lms/icons.py draws them): Chrome installs an app with a 192 px and a 512 px icon.
APP_ICONS = [(size, f"lms/icons/icon-{size}.png") for size in (192, 512)]


@require_GET
def web_manifest(request: HttpRequest) -> HttpResponse:
    """The web app manifest: installed, the site opens on the tests kept on this phone, in the language
    of the page that linked it (`?lang=`), even without network (the service worker keeps that page)."""
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = get_language()
    with translation.override(language):
        manifest = {
            "id": "/",
            # Neutral like the certificates' issuer (docs/certificates.md, "neutral titles"): this name
            # shows under the icon on the trainee's home screen, in the app list and task switcher.
            "name": _("Human security programme"),
            "short_name": _("Training"),
            "lang": language,
            "start_url": reverse("assessments:offline"),
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#0b5d8f",
            "icons": [
                {"src": static(path), "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
                for size, path in APP_ICONS
            ],
        }
    response = JsonResponse(manifest, content_type="application/manifest+json")
    response["Cache-Control"] = "max-age=86400"
    return response


@require_POST
@login_required
@never_cache
def offline_download(request: HttpRequest, test_id: int) -> HttpResponse:
    """Issue a test for this phone (or, with `session`, for a trainer's shared phone) as JSON."""
    test = get_object_or_404(Test, pk=test_id)
    code = request.POST.get("session", "").strip().upper()
    # The API has no language in its path: the page says which language it shows.
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = get_language()
    with translation.override(language):
        if ratelimit.exceeded(
            scope="offline:download",
            subject=f"{request.user.pk}:{test.pk}",
            limit=DOWNLOADS_PER_TEST_PER_HOUR,
            period=DOWNLOAD_PERIOD,
        ):
            # Refused before anything is stored; the phone shows this error under the button.
            error = _("This test was downloaded too many times in the last hour. Try again in an hour.")
            return JsonResponse({"error": error}, status=429)
        return _download(request, test=test, code=code, language=language)


def _download(request: HttpRequest, *, test: Test, code: str, language: str) -> HttpResponse:
    try:
        package = offline.offline_package_issue(user=request.user, test=test, language=language, session_code=code)
    except AttemptRefused as refusal:
        return JsonResponse({"error": refusal.message}, status=refusal.status)
    course = CoursePage.objects.get(pk=test.course_id).localized
    title = _("%(kind)s: %(module)s") % {"kind": test.get_kind_display(), "module": course.title}
    return JsonResponse(
        {
            "key": f"{test.pk}-{request.user.pk}-{code or 'self'}",
            "test": test.pk,
            "title": f"{title} ({code})" if code else title,
            "shared": package.shared,
            "expires": int(package.expires_at.timestamp() * 1000),
            "attemptsLeft": package.attempts_left,
            "deviceToken": package.device_token,
            "syncUrl": reverse("offline_attempt_sync", kwargs={"attempt_id": EMPTY_UUID}),
            # The clips the questions link to: the phone keeps them only if the trainee chose to.
            "audio": sorted(
                {
                    clip.url
                    for sheet in package.sheets
                    for q in sheet.questions
                    for clip in [*q.clips, *(c for clips in q.option_clips.values() for c in clips)]
                }
            ),
            "sheets": [
                {
                    "token": sheet.token,
                    "version": sheet.version,
                    "people": sheet.people,
                    "html": render_to_string("assessments/_questions.html", {"questions": sheet.questions}),
                }
                for sheet in package.sheets
            ],
        }
    )


@csrf_exempt  # authenticated by the device token in the body, never by a cookie
@require_http_methods(["PUT"])
def offline_attempt_sync(request: HttpRequest, attempt_id: uuid.UUID) -> HttpResponse:
    """Sync one offline attempt (JSON); 201 when stored now, 200 with the first result on a resend."""
    try:
        body = parsing.json_object(request, max_bytes=MAX_SYNC_BYTES)
        answers = body.get("answers") or []
        if not isinstance(answers, list):
            raise parsing.BadRequestBody(_("The answers sent are not valid."))
        arguments = {
            "device_token": parsing.json_text(body, "device_token"),
            "form_token": parsing.json_text(body, "form_token"),
            "form_version": parsing.json_text(body, "form_version"),
            "fields": answers,
            "started_at": parsing.json_int(body, "started_at", optional=True),
            "finished_at": parsing.json_int(body, "finished_at", optional=True),
            "participant_id": parsing.json_int(body, "participant", optional=True),
            "pin": parsing.json_text(body, "pin", optional=True),
        }
        arguments["client_ip"] = ratelimit.client_ip(request)
    except parsing.BadRequestBody as refusal:
        return JsonResponse({"error": refusal.message}, status=refusal.status)
    try:
        result = offline.offline_attempt_sync(attempt_id=attempt_id, **arguments)
    except AttemptRefused as refusal:
        return JsonResponse({"error": refusal.message}, status=refusal.status)
    return JsonResponse(result.as_json(), status=200 if result.replayed else 201)


@require_http_methods(["GET", "POST"])
@login_required
def pin_page(request: HttpRequest) -> HttpResponse:
    """Set or change one's PIN for answering on a trainer's shared phone."""
    error = ""
    if request.method == "POST":
        pin, again = request.POST.get("pin", "").strip(), request.POST.get("pin_again", "").strip()
        if pin != again:
            error = _("The two PINs are different.")
        else:
            try:
                offline.pin_set(user=request.user, pin=pin)
            except AttemptRefused as refusal:
                error = refusal.message
            else:
                messages.success(request, _("Your PIN is set."))
                return redirect("assessments:offline_pin")
    has_pin = hasattr(request.user, "offline_pin")
    return TemplateResponse(request, "assessments/pin.html", {"error": error, "has_pin": has_pin})
