"""Views of the courses app: thin, they parse the request, call one service or selector, render."""

from __future__ import annotations

import posixpath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from courses import gates, selectors, services
from courses.h5p import frame as h5p_frame
from courses.h5p import images as h5p_images
from courses.models import CourseIndexPage, CoursePage, H5PPackage, H5PState, LessonPage
from lms import parsing
from lms.private_files import private_file_response
from lms.storage import private_storage

MAX_STATEMENT_BYTES = 64 * 1024

# Files an H5P package may contain, with the type they are served as. Anything else is refused.
H5P_MIME_TYPES = {
    "js": "text/javascript",
    "css": "text/css",
    "json": "application/json",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "svg": "image/svg+xml",
    "webm": "video/webm",
    "mp4": "video/mp4",
    "ogg": "audio/ogg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "wav": "audio/wav",
    "vtt": "text/vtt",
    "webvtt": "text/vtt",
    "txt": "text/plain",
    "pdf": "application/pdf",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "eot": "application/vnd.ms-fontobject",
}


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _may_preview(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def lesson_serve(request: HttpRequest, page: LessonPage, *args, **kwargs) -> HttpResponse:
    """Show a lesson to an enrolled trainee (or to staff) and record the visit.

    Queries are counted (tests/courses/test_pages.py): the lesson's place in its module costs two
    whatever the module's size (selectors.lesson_place), the visit one upsert, and a lesson with H5P
    one more (best scores; the resume state goes to the frame, h5p_frame_page).
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    place = selectors.lesson_place(page=page, user=request.user)
    entry = place.entry
    if place.enrolment is None and not _may_preview(request.user):
        messages.info(request, _("Enrol in the module to open its lessons."))
        return redirect(place.course.url)
    if place.enrolment is not None:
        gate = gates.first_closed_gate(user=request.user, course_id=place.canonical_course_id)
        if gate is not None:
            messages.info(request, gate.message)
            return redirect(gate.url)
    if place.enrolment is not None and place.last_viewed_id != entry.canonical_id:
        # Re-opening the lesson already viewed last changes nothing: no write.
        services.lesson_view(enrolment_id=place.enrolment.id, lesson_id=entry.canonical_id)
    activities, best_scores = {}, {}
    h5p_blocks = page.h5p_block_data()
    if h5p_blocks:
        best_scores = selectors.h5p_best_scores(user=request.user, lesson_id=entry.canonical_id)
        for block_id, package_id in h5p_blocks:
            # Each activity plays in its own sandboxed frame (courses/h5p/frame.py), which gets its
            # files through a token: the frame has no cookies.
            token = h5p_frame.issue_token(user_id=request.user.pk, lesson_id=page.pk, package_id=package_id)
            activities[block_id] = {
                "iri": services.activity_iri(
                    base_url=_base_url(request), lesson_id=entry.canonical_id, activity_id=block_id
                ),
                "frame_url": reverse("h5p_frame", kwargs={"lesson_id": page.pk, "block_id": block_id, "token": token}),
                "state_url": f"/api/h5p/state/{entry.canonical_id}/{block_id}/",
            }
    context = page.get_context(request, *args, **kwargs)
    context.update(
        course=place.course,
        outline=place,
        entry=entry,
        entry_number=place.number,
        lesson_total=place.total,
        previous_lesson=place.previous,
        next_lesson=place.next,
        h5p_activities=activities,
        has_h5p=bool(activities),
        has_audio=page.has_audio_clips(),
        best_scores=best_scores,
    )
    # The site's strict policy: H5P content runs in its frames, under their own (h5p_frame_page).
    return TemplateResponse(request, page.get_template(request), context)


@require_POST
@login_required
def enrol(request: HttpRequest, course_id: int) -> HttpResponse:
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        services.enrolment_create(user=request.user, course=course)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(course.url)
    outline = selectors.course_outline(page=course, user=request.user)
    target = outline.resume_lesson.lesson.url if outline.resume_lesson else course.url
    return redirect(target)


@require_POST
@login_required
def lesson_complete(request: HttpRequest, lesson_id: int) -> HttpResponse:
    page = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    lesson = selectors.canonical(page).specific
    try:
        outcome = services.lesson_complete(user=request.user, lesson=lesson)
    except services.NotEnrolled:
        raise Http404 from None
    course = page.get_parent().specific
    if not outcome.completed:
        # Named as the page the trainee is on names them (block ids are shared by the translations).
        shown = {block.id: block.value["title"] for block in page.h5p_blocks()}
        pairs = zip(outcome.missing_ids, outcome.missing_activities, strict=True)
        titles = [shown.get(block_id, title) for block_id, title in pairs]
        messages.warning(
            request, _("To complete this lesson, first pass: %(activities)s.") % {"activities": ", ".join(titles)}
        )
        return redirect(page.url)
    if outcome.course_completed:
        messages.success(request, _("Well done: you have completed every required lesson of this module."))
        return redirect(course.url)
    outline = selectors.course_outline(page=page, user=request.user)
    _previous, following = outline.neighbours(lesson.pk)
    return redirect(following.lesson.url if following else course.url)


@require_GET
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    enrolments = selectors.enrolments_with_progress(user=request.user)
    shown = selectors.localized([e.enrolment.course for e in enrolments], CoursePage)
    resume_pages = LessonPage.objects.filter(pk__in=[e.resume_lesson_id for e in enrolments if e.resume_lesson_id])
    resume = selectors.localized(list(resume_pages), LessonPage)
    rows = [
        {
            "course": shown[e.course_id],
            "progress": e.progress,
            "status": e.enrolment.get_status_display(),
            "resume": resume.get(e.resume_lesson_id),
        }
        for e in enrolments
    ]
    catalogue = CourseIndexPage.objects.live().filter(locale__language_code=request.LANGUAGE_CODE).first()
    from courses import gates

    panels = gates.render_dashboard_panels(request=request)
    return TemplateResponse(request, "courses/dashboard.html", {"rows": rows, "catalogue": catalogue, "panels": panels})


# --- H5P: files, results and state ---------------------------------------------------------------


@require_GET
@login_required
def h5p_file(request: HttpRequest, lesson_id: int, package_id: int, path: str) -> HttpResponse:
    """Serve one file of an extracted package to someone who may see the lesson that uses it."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    if not any(block.value["package"].pk == package_id for block in lesson.h5p_blocks()):
        raise Http404
    if not (_may_preview(request.user) or selectors.is_enrolled(user=request.user, course_id=lesson.get_parent().pk)):
        raise Http404
    return _package_file(get_object_or_404(H5PPackage, pk=package_id), path)


def _package_file(package: H5PPackage, path: str) -> HttpResponse:
    """One file of an extracted package, for a request already allowed (Http404 for anything odd)."""
    normalised = posixpath.normpath(path)
    if normalised.startswith(("/", "..")) or "\\" in path or "\x00" in path:
        raise Http404
    extension = normalised.rsplit(".", 1)[-1].lower() if "." in normalised else ""
    content_type = H5P_MIME_TYPES.get(extension)
    if content_type is None:
        raise Http404
    name = f"{package.storage_prefix}/{normalised}"
    if h5p_images.wants_copy(normalised, h5p_images.MIN_BYTES):
        # The phone-sized copy made at import, when there is one (courses/h5p/images.py).
        phone = f"{package.storage_prefix}/{h5p_images.PHONE_FOLDER}/{normalised}"
        if private_storage().exists(phone):
            name = phone
    response = private_file_response(name=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # Content-addressed: a package's files never change, so the phone keeps them.
    response["Cache-Control"] = "private, max-age=31536000, immutable"
    if extension == "svg":
        response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


def _granted_lesson(token: str, lesson_id: int, package_id: int):
    """The lesson and trainee a frame token grants, checked again now (Http404 otherwise).

    The token names the user; the enrolment (or the staff preview right) is checked on every request,
    so withdrawing from the module shuts the frame's files at once.
    """
    from django.contrib.auth import get_user_model

    grant = h5p_frame.read_token(token)
    if grant is None or (grant.lesson_id, grant.package_id) != (lesson_id, package_id):
        raise Http404
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    user = get_user_model().objects.filter(pk=grant.user_id, is_active=True).first()
    if user is None:
        raise Http404
    if not (_may_preview(user) or selectors.is_enrolled(user=user, course_id=lesson.get_parent().pk)):
        raise Http404
    return lesson, user


# Headers a package's loaders add to their cross-origin requests (SoundJS, in ArithmeticQuiz and other
# hub types, sends X-Requested-With): allowed in the preflight, which otherwise refuses the file.
FRAME_FILE_REQUEST_HEADERS = "X-Requested-With, Range"


@require_http_methods(["GET", "HEAD", "OPTIONS"])
def h5p_frame_file(request: HttpRequest, token: str, lesson_id: int, package_id: int, path: str) -> HttpResponse:
    """A package file for the sandboxed frame, which has no cookies: the token in the path decides.

    A CORS preflight (OPTIONS) is answered without reading anything: it says which requests may
    follow; the GET that follows is checked as any other."""
    if request.method == "OPTIONS":
        response = HttpResponse(status=204)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET"
        response["Access-Control-Allow-Headers"] = FRAME_FILE_REQUEST_HEADERS
        response["Access-Control-Max-Age"] = "86400"
        return response
    lesson, _user = _granted_lesson(token, lesson_id, package_id)
    if not any(item[1] == package_id for item in lesson.h5p_block_data()):
        raise Http404
    response = _package_file(get_object_or_404(H5PPackage, pk=package_id), path)
    # The frame's origin is opaque ("null"): its fetches of JSON files are cross-origin, without
    # credentials. The token, not the origin, is the credential; it is scoped to this package.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@require_GET
@xframe_options_sameorigin
def h5p_frame_page(request: HttpRequest, lesson_id: int, block_id: str, token: str) -> HttpResponse:
    """The document of one activity's sandboxed frame: the player, the package, its own policy."""
    grant = h5p_frame.read_token(token)
    if grant is None or grant.lesson_id != lesson_id:
        raise Http404
    package_id = dict(get_object_or_404(LessonPage.objects.live(), pk=lesson_id).h5p_block_data()).get(block_id)
    if package_id != grant.package_id:
        raise Http404
    lesson, user = _granted_lesson(token, lesson_id, package_id)
    package = H5PPackage.objects.only("libraries").get(pk=package_id)
    source = selectors.canonical(lesson)
    state = H5PState.objects.filter(user=user, lesson_id=source.pk, activity_id=block_id).first()
    origin = _base_url(request).rstrip("/")
    with translation.override(lesson.locale.language_code):
        response = TemplateResponse(
            request,
            "courses/h5p_frame.html",
            {
                "block_id": block_id,
                "files_base": reverse(
                    "h5p_frame_file",
                    kwargs={"token": token, "lesson_id": lesson_id, "package_id": package_id, "path": "x"},
                )[:-2],  # no trailing slash: the player adds one
                "iri": services.activity_iri(base_url=origin, lesson_id=source.pk, activity_id=block_id),
                "previous_state": state.data if state else "",
                "parent_origin": origin,
                "language": lesson.locale.language_code,
                # What the player reads first, fetched from the start (the template says why).
                "manifests": ["h5p.json", "content/content.json"]
                + [f"{folder}/library.json" for folder in package.libraries if not folder.startswith("H5PEditor.")],
            },
        )
        response.render()
    response["Content-Security-Policy"] = h5p_frame.policy(origin)
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _json_body(request: HttpRequest, limit: int) -> dict:
    try:
        return parsing.json_object(request, max_bytes=limit)
    except parsing.BadRequestBody as refusal:
        raise services.StatementRefused(refusal.message, status=refusal.status) from refusal


@require_POST
def xapi_statements(request: HttpRequest) -> HttpResponse:
    """Intake of one xAPI statement from the H5P player (login, CSRF header, body ≤ 64 KB)."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Log in to save your results.")}, status=401)
    try:
        statement = _json_body(request, MAX_STATEMENT_BYTES)
        outcome = services.h5p_statement_record(user=request.user, statement=statement, base_url=_base_url(request))
    except services.StatementRefused as refusal:
        return JsonResponse({"error": refusal.message}, status=refusal.status)
    return JsonResponse(
        {"stored": outcome.recorded, "created": outcome.created}, status=201 if outcome.created else 200
    )


@require_http_methods(["GET", "POST"])
def h5p_state(request: HttpRequest, lesson_id: int, activity_id: str) -> HttpResponse:
    """H5P's resume state for the logged-in user: GET returns it, POST replaces it."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Log in to save your progress.")}, status=401)
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    if not selectors.is_enrolled(user=request.user, course_id=lesson.get_parent().pk):
        raise Http404
    if request.method == "GET":
        state = H5PState.objects.filter(user=request.user, lesson=lesson, activity_id=activity_id).first()
        return JsonResponse({"state": state.data if state else ""})
    try:
        body = _json_body(request, services.MAX_STATE_BYTES + 1024)
        data = body.get("state") if isinstance(body, dict) else None
        if not isinstance(data, str):
            raise services.StatementRefused(_("The state must be a string."))
        services.h5p_state_save(user=request.user, lesson=lesson, activity_id=activity_id, data=data)
    except services.StatementRefused as refusal:
        return JsonResponse({"error": refusal.message}, status=refusal.status)
    return JsonResponse({"saved": True})
