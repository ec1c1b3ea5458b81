"""Writes on enrolments, progress and H5P. Keyword-only, atomic, idempotent where a retry may come."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents.models import Document

from courses import selectors
from courses.audio import uploaded_clip_check
from courses.h5p import package as h5p_package
from courses.models import CoursePage, Enrolment, H5PPackage, H5PResult, H5PState, LessonPage, LessonProgress
from lms import parsing
from lms.storage import private_storage

MAX_STATE_BYTES = 64 * 1024


class NotEnrolled(Exception):
    """The user has no active enrolment in the lesson's module."""


# --- Enrolment and progress ---------------------------------------------------------------------


@transaction.atomic
def enrolment_create(*, user, course: CoursePage, source: str = Enrolment.Source.SELF) -> tuple[Enrolment, bool]:
    """Enrol `user` in `course` (any translation of it); return (enrolment, created).

    Idempotent: enrolling twice returns the first enrolment. A withdrawn enrolment is reactivated.
    Refuses (ValidationError) self-enrolment in a module that is not open to it.
    """
    course = selectors.canonical(course).specific
    if source == Enrolment.Source.SELF and not course.open_enrolment:
        raise ValidationError(_("This module is only open through a training session."))
    enrolment, created = Enrolment.objects.get_or_create(user=user, course=course, defaults={"source": source})
    if not created and enrolment.status == Enrolment.Status.WITHDRAWN:
        enrolment.status = Enrolment.Status.ACTIVE
        enrolment.save(update_fields=["status"])
    return enrolment, created


def _enrolment_for_lesson(*, user, lesson: LessonPage) -> Enrolment:
    # The lesson may be a translation: enrolments point at the source module, found by translation key.
    course = lesson.get_parent()
    enrolment = (
        Enrolment.objects.select_for_update()
        .filter(user=user, course__translation_key=course.translation_key)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .first()
    )
    if enrolment is None:
        raise NotEnrolled
    return enrolment


def lesson_view(*, enrolment_id: int, lesson_id: int) -> None:
    """Record that a trainee opened a (canonical) lesson, now: one upsert, safe to repeat.

    The lesson viewed last is where the trainee resumes. A single statement, so atomic by itself.
    """
    LessonProgress.objects.bulk_create(
        [LessonProgress(enrolment_id=enrolment_id, lesson_id=lesson_id, last_viewed_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["enrolment", "lesson"],
        update_fields=["last_viewed_at"],
    )


@dataclass(frozen=True)
class LessonCompletion:
    completed: bool
    missing_activities: tuple[str, ...]  # titles of required H5P activities not yet passed (source language)
    course_completed: bool
    missing_ids: tuple[str, ...] = ()  # their block ids, the same in every translation of the lesson


@transaction.atomic
def lesson_complete(*, user, lesson: LessonPage) -> LessonCompletion:
    """Mark a (canonical) lesson completed if its required H5P activities are passed.

    Idempotent. When the last required lesson is completed the enrolment becomes completed.
    """
    enrolment = _enrolment_for_lesson(user=user, lesson=lesson)
    best = selectors.h5p_best_scores(user=user, lesson_id=lesson.pk)
    missing = [
        block
        for block in lesson.h5p_blocks()
        # An activity that never reports a score is never required (H5PValue.is_required): it counts as
        # done once its lesson is open, which this one is.
        if block.value.is_required and best.get(block.id, -1) * 100 < block.value["pass_percentage"]
    ]
    if missing:
        return LessonCompletion(
            False, tuple(block.value["title"] for block in missing), False, tuple(block.id for block in missing)
        )
    progress, _created = LessonProgress.objects.get_or_create(enrolment=enrolment, lesson=lesson)
    now = timezone.now()
    if progress.completed_at is None:
        progress.completed_at = now
        progress.save(update_fields=["completed_at"])
    enrolment.last_activity_at = now
    outline = selectors.course_outline(page=enrolment.course, user=user)
    course_completed = outline.progress == 100
    if course_completed and enrolment.status != Enrolment.Status.COMPLETED:
        enrolment.status = Enrolment.Status.COMPLETED
        enrolment.completed_at = now
    enrolment.save(update_fields=["last_activity_at", "status", "completed_at"])
    return LessonCompletion(True, (), course_completed)


# --- H5P packages -------------------------------------------------------------------------------


@transaction.atomic
def h5p_package_import(*, source, title: str = "", user=None) -> tuple[H5PPackage, bool]:
    """Validate an `.h5p` package and store it once; return (package, created).

    Validation happens before anything is written (h5p_package.PackageError otherwise). The same
    package uploaded again is stored once. If saving the row fails, the extracted files are removed.
    """
    validated = h5p_package.validate_package(source)
    existing = H5PPackage.objects.filter(content_hash=validated.content_hash).first()
    if existing is not None:
        return existing, False
    prefix = f"h5p/{validated.content_hash}"
    # The private storage: a package's files reach only those who may see a lesson that uses it
    # (courses.views.h5p_file).
    storage = private_storage()
    # Files without a row are left over from an import whose transaction rolled back. They are
    # content-addressed, so they are the same files: clear them and extract afresh.
    for path, _size in validated.files:
        if storage.exists(f"{prefix}/{path}"):
            storage.delete(f"{prefix}/{path}")
    written = h5p_package.extract_package(source, validated, storage=storage, base_path=prefix)
    written += _h5p_phone_copies(validated, storage=storage, prefix=prefix)
    first_load, remote = _h5p_weight(validated, storage=storage, prefix=prefix)
    try:
        package = H5PPackage(
            title=(title or validated.title)[:255],
            content_hash=validated.content_hash,
            main_library=validated.main_library.folder,
            libraries=[library.folder for library in validated.libraries],
            h5p_json=validated.h5p_json,
            total_size=validated.total_size,
            file_count=len(validated.files),
            reports_score=validated.reports_score,
            first_load_bytes=first_load,
            remote_resources=remote,
            created_by=user,
        )
        package.full_clean()
        package.save()
    except Exception:
        for name in written:
            storage.delete(name)
        raise
    return package, True


def _h5p_weight(validated, *, storage, prefix: str) -> tuple[int, list[str]]:
    """(first-load bytes, remote URLs, at most 20) of an extracted package (courses/h5p/weight.py)."""
    from courses.h5p import images, weight

    total = 0
    remote: list[str] = []
    for path, size in validated.files:
        if weight.counts_on_first_load(path):
            phone = f"{prefix}/{images.PHONE_FOLDER}/{path}"
            total += storage.size(phone) if storage.exists(phone) else size
        if weight.may_reference_remote(path) and len(remote) < 20:
            with storage.open(f"{prefix}/{path}", "rb") as handle:
                remote += [url for url in weight.remote_urls(handle.read()) if url not in remote]
    return total, remote[:20]


def _h5p_phone_copies(validated, *, storage, prefix: str) -> list[str]:
    """Phone-sized copies of the package's large content images (courses/h5p/images.py); their names."""
    from django.core.files.base import ContentFile

    from courses.h5p import images

    written = []
    for path, size in validated.files:
        if not images.wants_copy(path, size):
            continue
        with storage.open(f"{prefix}/{path}", "rb") as handle:
            copy = images.phone_copy(handle.read(), path)
        if copy is not None:
            name = f"{prefix}/{images.PHONE_FOLDER}/{path}"
            if storage.exists(name):
                storage.delete(name)
            written.append(storage.save(name, ContentFile(copy)))
    return written


# --- xAPI intake --------------------------------------------------------------------------------

RECORDED_VERBS = {
    "http://adlnet.gov/expapi/verbs/answered": H5PResult.Verb.ANSWERED,
    "http://adlnet.gov/expapi/verbs/completed": H5PResult.Verb.COMPLETED,
}
# Known verbs H5P sends that carry no result worth keeping: accepted and ignored.
IGNORED_VERBS = {
    "http://adlnet.gov/expapi/verbs/attempted",
    "http://adlnet.gov/expapi/verbs/interacted",
    "http://adlnet.gov/expapi/verbs/experienced",
    "http://adlnet.gov/expapi/verbs/progressed",
    "http://adlnet.gov/expapi/verbs/passed",
    "http://adlnet.gov/expapi/verbs/failed",
    "http://id.tincanapi.com/verb/viewed",
    "https://w3id.org/xapi/video/verbs/paused",
    "https://w3id.org/xapi/video/verbs/played",
    "https://w3id.org/xapi/video/verbs/seeked",
}


class StatementRefused(Exception):
    """A statement that breaks the rules; `message` says why (for a 4xx answer)."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


def activity_iri(*, base_url: str, lesson_id: int, activity_id: str) -> str:
    """The object IRI the server issues for one H5P activity of a (canonical) lesson."""
    return f"{base_url.rstrip('/')}/xapi/activities/{lesson_id}/{activity_id}"


def _number(value, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise StatementRefused(_("The score field %(name)s must be a number.") % {"name": name})
    return float(value)


@dataclass(frozen=True)
class StatementOutcome:
    recorded: bool  # a result row exists for this statement (now or from an earlier send)
    created: bool  # this call created it
    result: H5PResult | None


def h5p_statement_record(*, user, statement: dict, base_url: str) -> StatementOutcome:
    """Check one xAPI statement from the H5P player and keep it as result history when it counts.

    The actor in the statement is ignored: the statement belongs to `user`. The object must be an
    activity IRI the server issued, on a lesson the user is enrolled in, for an H5P block that
    exists. Only top-level `answered`/`completed` statements with a valid score are stored; other
    known verbs and sub-activity statements are accepted and not stored; unknown verbs are refused.
    `scaled` is recomputed. The statement id makes the intake idempotent: the unique constraint
    decides, so two copies arriving at once still make one row.
    """
    if not isinstance(statement, dict):
        raise StatementRefused(_("The statement must be a JSON object."))
    verb = statement.get("verb")
    verb_id = verb.get("id") if isinstance(verb, dict) else None
    if verb_id not in RECORDED_VERBS and verb_id not in IGNORED_VERBS:
        raise StatementRefused(_("Unknown verb."))
    try:
        statement_id = uuid.UUID(str(statement.get("id", "")))
    except ValueError as error:
        raise StatementRefused(_("The statement needs an id (a UUID).")) from error
    target = statement.get("object") if isinstance(statement.get("object"), dict) else {}
    lesson, activity_id, package_id = _resolve_activity(
        object_id=str(target.get("id", "")), base_url=base_url, user=user
    )

    context = statement.get("context") if isinstance(statement.get("context"), dict) else {}
    activities = context.get("contextActivities") if isinstance(context.get("contextActivities"), dict) else {}
    if verb_id in IGNORED_VERBS or activities.get("parent"):
        return StatementOutcome(False, False, None)

    result = statement.get("result") if isinstance(statement.get("result"), dict) else {}
    score = result.get("score") if isinstance(result.get("score"), dict) else {}
    raw, maximum = _number(score.get("raw"), "raw"), _number(score.get("max"), "max")
    if maximum <= 0 or not 0 <= raw <= maximum:
        raise StatementRefused(_("The score must satisfy 0 ≤ raw ≤ max and max > 0."))
    success = result.get("success") if isinstance(result.get("success"), bool) else None
    row = H5PResult(
        user=user,
        lesson=lesson,
        activity_id=activity_id,
        package_id=package_id,
        statement_id=statement_id,
        verb=RECORDED_VERBS[verb_id],
        raw=raw,
        max=maximum,
        scaled=raw / maximum,
        success=success,
    )
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        # Sent before (a retry after a dropped connection): the first copy stands.
        return StatementOutcome(True, False, H5PResult.objects.get(user=user, statement_id=statement_id))
    return StatementOutcome(True, True, row)


def _resolve_activity(*, object_id: str, base_url: str, user) -> tuple[LessonPage, str, int]:
    """The (canonical lesson, block id, package id) an issued IRI names, for an enrolled user."""
    refused = StatementRefused(_("This activity was not issued by this site."), status=403)
    prefix = f"{base_url.rstrip('/')}/xapi/activities/"
    if not object_id.startswith(prefix):
        raise refused
    lesson_part, _sep, activity_id = object_id[len(prefix) :].partition("/")
    lesson_id = parsing.database_int(lesson_part)
    if lesson_id is None or not activity_id or "/" in activity_id or "?" in activity_id:
        raise refused
    # IRIs are issued for lessons in the source language only (see activity_iri).
    try:
        # Only what the checks need: the tree path (for the module) and the raw stream (for the block).
        lesson = LessonPage.objects.only("id", "path", "body").get(
            pk=lesson_id, live=True, locale__language_code=settings.LANGUAGE_CODE
        )
    except LessonPage.DoesNotExist:
        raise refused from None
    # The raw stream names the block's package id without loading the package.
    package_id = next(
        (
            item["value"].get("package")
            for item in lesson.body.raw_data
            if item.get("type") == "h5p" and item.get("id") == activity_id
        ),
        None,
    )
    if package_id is None:
        raise refused
    course_path = lesson.path[: -LessonPage.steplen]
    enrolled = (
        Enrolment.objects.filter(user=user, course__path=course_path)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .exists()
    )
    if not enrolled:
        raise StatementRefused(_("You are not enrolled in this module."), status=403)
    return lesson, activity_id, package_id


@transaction.atomic
def h5p_state_save(*, user, lesson: LessonPage, activity_id: str, data: str) -> H5PState:
    """Keep H5P's resume state for one activity (replacing the previous one). At most 64 KB."""
    if len(data.encode()) > MAX_STATE_BYTES:
        raise StatementRefused(_("The saved state is too large."), status=413)
    if not any(block.id == activity_id for block in lesson.h5p_blocks()):
        raise StatementRefused(_("Unknown activity."), status=404)
    state, _created = H5PState.objects.update_or_create(
        user=user, lesson=lesson, activity_id=activity_id, defaults={"data": data}
    )
    return state


# --- Audio clips ----------------------------------------------------------------------------------


@transaction.atomic
def audio_clip_store(*, upload, title: str, user=None):
    """Store an uploaded clip as a Wagtail document, after `courses.audio.uploaded_clip_check`.

    Refuses (ValidationError) before anything is written: a file of another kind, a file whose
    content does not match its extension, or one over the size cap.
    """
    uploaded_clip_check(upload)
    document = Document(title=title[:255], file=upload, uploaded_by_user=user)
    document._set_document_file_metadata()
    document.full_clean()
    document.save()
    return document
