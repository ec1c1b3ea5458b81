"""Reads on modules, lessons and progress. Each selector owns its queries (and their count)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, F, Max, OuterRef, Q, Subquery
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from courses.models import CoursePage, Enrolment, H5PResult, LessonPage, LessonProgress


def default_locale() -> Locale:
    return Locale.get_default()


def default_locale_code() -> str:
    """The source language of content (French), without a query."""
    return settings.LANGUAGE_CODE


def canonical(page: Page) -> Page:
    """The source-language (French) version of a page: learner state always points there."""
    source = default_locale()
    if page.locale_id == source.pk:
        return page
    return page.get_translation_or_none(source) or page


def localized(pages: list[Page], model: type[Page]) -> dict[int, Page]:
    """Map each canonical page id to its live version in the current language, else itself (one query)."""
    language = get_language() or default_locale().language_code
    keys = {page.translation_key: page for page in pages}
    found = {page.pk: page for page in pages}
    if not keys or default_locale().language_code == language:
        return found
    for translation in model.objects.live().filter(translation_key__in=keys, locale__language_code=language):
        found[keys[translation.translation_key].pk] = translation
    return found


@dataclass(frozen=True)
class CatalogueEntry:
    course: CoursePage  # in the reader's language where a translation exists
    canonical_id: int
    in_reader_language: bool
    audiences: tuple[str, ...]
    for_reader: bool  # targets the reader's audience group
    enrolled: bool
    progress: int | None  # percent of required lessons completed, for an enrolled reader


def _required_lesson_counts(course_ids: list[int]) -> dict[int, int]:
    """How many live required lessons each module has (two queries)."""
    paths = dict(CoursePage.objects.filter(pk__in=course_ids).values_list("path", "pk"))
    counts = dict.fromkeys(course_ids, 0)
    if not paths:
        return counts
    under = Q()
    for path in paths:
        under |= Q(path__startswith=path)
    for path in LessonPage.objects.live().filter(under, required=True).values_list("path", flat=True):
        parent = paths.get(path[: -Page.steplen])
        if parent is not None:
            counts[parent] += 1
    return counts


def catalogue_entries(*, index, user, audience: str = "") -> list[CatalogueEntry]:
    """Live modules for the catalogue, in the reader's language with a French fallback.

    The reader's own audience group comes first. With `audience`, only modules for that group.
    """
    source = default_locale()
    courses = list(CoursePage.objects.live().filter(locale=source).prefetch_related("audiences").order_by("title"))
    if audience:
        courses = [c for c in courses if audience in {a.code for a in c.audiences.all()}]
    shown = localized(courses, CoursePage)
    progress = {}
    if user.is_authenticated:
        progress = {e.course_id: e for e in enrolments_with_progress(user=user, course_ids=[c.pk for c in courses])}
    reader_audience = getattr(user, "audience", "") if user.is_authenticated else ""
    entries = []
    for course in courses:
        codes = tuple(a.code for a in course.audiences.all())
        enrolment = progress.get(course.pk)
        entries.append(
            CatalogueEntry(
                course=shown[course.pk],
                canonical_id=course.pk,
                in_reader_language=shown[course.pk].locale_id != source.pk or (get_language() == source.language_code),
                audiences=codes,
                for_reader=bool(reader_audience) and reader_audience in codes,
                enrolled=enrolment is not None,
                progress=enrolment.progress if enrolment else None,
            )
        )
    entries.sort(key=lambda entry: not entry.for_reader)
    return entries


@dataclass(frozen=True)
class EnrolmentProgress:
    enrolment: Enrolment
    course_id: int
    completed_required: int
    required: int
    resume_lesson_id: int | None  # the lesson viewed last

    @property
    def progress(self) -> int:
        if not self.required:
            return 100 if self.enrolment.status == Enrolment.Status.COMPLETED else 0
        return round(100 * self.completed_required / self.required)


def enrolments_with_progress(*, user, course_ids: list[int] | None = None) -> list[EnrolmentProgress]:
    """The user's enrolments with their progress, in four queries whatever their number."""
    last_viewed = LessonProgress.objects.filter(enrolment=OuterRef("pk")).order_by("-last_viewed_at", "-pk")
    enrolments = (
        Enrolment.objects.filter(user=user)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .select_related("course")
        .annotate(resume_lesson_id=Subquery(last_viewed.values("lesson_id")[:1]))
        .order_by(F("last_activity_at").desc(nulls_last=True), "-enrolled_at")
    )
    if course_ids is not None:
        enrolments = enrolments.filter(course_id__in=course_ids)
    enrolments = list(enrolments)
    if not enrolments:
        return []
    completed = dict(
        LessonProgress.objects.filter(enrolment__in=enrolments, completed_at__isnull=False, lesson__required=True)
        .values_list("enrolment_id")
        .annotate(n=Count("id"))
    )
    required = _required_lesson_counts([e.course_id for e in enrolments])
    return [
        EnrolmentProgress(e, e.course_id, completed.get(e.pk, 0), required.get(e.course_id, 0), e.resume_lesson_id)
        for e in enrolments
    ]


@dataclass(frozen=True, slots=True)
class OutlineRow:
    """A live page of an outline as one row of the page tree: what a title and a link need.

    Reading rows instead of Page objects keeps a 200-lesson module cheap (building a Page costs more
    than reading its row); `page()` makes the partial Page that `{% pageurl %}` takes, for the few
    links a page shows.
    """

    id: int
    path: str
    title: str
    url_path: str
    translation_key: object
    locale_id: int
    content_type_id: int
    live: bool
    required: bool

    def page(self) -> Page:
        return Page(
            id=self.id,
            path=self.path,
            depth=len(self.path) // Page.steplen,
            title=self.title,
            url_path=self.url_path,
            translation_key=self.translation_key,
            locale_id=self.locale_id,
            content_type_id=self.content_type_id,
            live=self.live,
        )


_ROW_COLUMNS = ("id", "path", "title", "url_path", "translation_key", "locale_id", "content_type_id", "live")


@dataclass(frozen=True)
class LessonEntry:
    row: OutlineRow  # in the reader's language where it exists
    canonical_id: int
    required: bool
    viewed: bool
    completed: bool

    @property
    def lesson_id(self) -> int:
        """The id of the lesson shown (in the reader's language where it exists)."""
        return self.row.id

    @cached_property
    def lesson(self) -> Page:
        """The lesson shown, as a partial Page (title and URL only), made when first asked for."""
        return self.row.page()


@dataclass(frozen=True)
class EnrolmentState:
    id: int
    status: str


@dataclass(frozen=True)
class CourseOutline:
    course: Page  # in the reader's language (title and URL only)
    canonical_course_id: int
    lessons: list[LessonEntry]
    enrolment: EnrolmentState | None
    next_lesson: LessonEntry | None  # first lesson not completed
    resume_lesson: LessonEntry | None  # the last one opened unless completed, else the next one
    progress: int
    last_viewed_id: int | None = None  # canonical id of the lesson opened last

    def position(self, canonical_lesson_id: int) -> int | None:
        """Index of a lesson in the module, or None."""
        return next((i for i, entry in enumerate(self.lessons) if entry.canonical_id == canonical_lesson_id), None)

    def neighbours(self, canonical_lesson_id: int) -> tuple[LessonEntry | None, LessonEntry | None]:
        i = self.position(canonical_lesson_id)
        if i is None:
            return None, None
        return (self.lessons[i - 1] if i > 0 else None, self.lessons[i + 1] if i + 1 < len(self.lessons) else None)

    def entry(self, canonical_lesson_id: int) -> LessonEntry | None:
        i = self.position(canonical_lesson_id)
        return None if i is None else self.lessons[i]


def _course_and_lessons(course_path: str, depth: int) -> tuple[OutlineRow, list[OutlineRow]]:
    """A module and its live lessons as rows, with each lesson's `required` flag: one query, no Page."""
    lesson_type = ContentType.objects.get_for_model(LessonPage)
    values = (
        Page.objects.filter(
            Q(path=course_path) | Q(path__startswith=course_path, depth=depth + 1, live=True, content_type=lesson_type)
        )
        .order_by("path")
        .values_list(*_ROW_COLUMNS, "lessonpage__required")
    )
    rows = [
        OutlineRow(pk, path, title, url, key, locale, kind, live, bool(required))
        for pk, path, title, url, key, locale, kind, live, required in values
    ]
    if not rows or rows[0].path != course_path:
        raise CoursePage.DoesNotExist
    return rows[0], rows[1:]


def _progress(user, canonical_course_id: int) -> tuple[EnrolmentState | None, dict[int, tuple]]:
    """The user's enrolment in the module and {canonical lesson id: (completed_at, last_viewed_at)}."""
    enrolment = None
    progress_rows: dict[int, tuple] = {}
    if user.is_authenticated:
        rows = (
            Enrolment.objects.filter(user=user, course_id=canonical_course_id)
            .exclude(status=Enrolment.Status.WITHDRAWN)
            .values_list("pk", "status", "progress__lesson_id", "progress__completed_at", "progress__last_viewed_at")
        )
        for pk, status, lesson_id, completed_at, viewed_at in rows:
            enrolment = EnrolmentState(pk, status)
            if lesson_id is not None:
                progress_rows[lesson_id] = (completed_at, viewed_at)
    return enrolment, progress_rows


def course_outline(*, page: Page, user) -> CourseOutline:
    """The module of `page` (the module itself or one of its lessons), its lessons in order, and the
    user's progress on each.

    Two queries in the source language (module with lessons; enrolment with progress), two more in
    a translation (the source module's lessons, for progress, which always points at them). Lessons
    are read as rows: no Page object is built but the module's and those whose `lesson` is asked for.
    """
    is_course = not isinstance(page, LessonPage)
    course_path = page.path if is_course else page.path[: -Page.steplen]
    depth = page.depth if is_course else page.depth - 1
    course, lessons = _course_and_lessons(course_path, depth)
    canonical_course_id = course.id
    canonical_ids = {lesson.id: lesson.id for lesson in lessons}
    required = {lesson.id: lesson.required for lesson in lessons}
    if (get_language() or "") != default_locale_code():
        source_course = (
            Page.objects.filter(translation_key=course.translation_key, locale__language_code=default_locale_code())
            .values_list("pk", "path")
            .first()
        )
        if source_course is not None:
            canonical_course_id, source_path = source_course
            _source, source_lessons = _course_and_lessons(source_path, len(source_path) // Page.steplen)
            shown = {lesson.translation_key: lesson for lesson in lessons}
            lessons = [shown.get(source.translation_key, source) for source in source_lessons]
            canonical_ids = {shown.get(s.translation_key, s).id: s.id for s in source_lessons}
            required = {s.id: s.required for s in source_lessons}

    enrolment, progress_rows = _progress(user, canonical_course_id)
    entries = []
    for lesson in lessons:
        canonical_id = canonical_ids[lesson.id]
        row = progress_rows.get(canonical_id)
        entries.append(
            LessonEntry(
                row=lesson,
                canonical_id=canonical_id,
                required=required[canonical_id],
                viewed=row is not None,
                completed=row is not None and row[0] is not None,
            )
        )
    next_lesson = next((e for e in entries if not e.completed), None)
    resume = None
    last_id = None
    if progress_rows:
        last_id = max(progress_rows, key=lambda lesson_id: progress_rows[lesson_id][1])
        resume = next((e for e in entries if e.canonical_id == last_id), None)
        if resume is not None and resume.completed:
            resume = next_lesson
    resume = resume or next_lesson
    required_entries = [e for e in entries if e.required]
    percent = round(100 * sum(e.completed for e in required_entries) / len(required_entries)) if required_entries else 0
    return CourseOutline(course.page(), canonical_course_id, entries, enrolment, next_lesson, resume, percent, last_id)


@dataclass(frozen=True)
class LessonPlace:
    """What a lesson page shows of its module: its place in it, its neighbours, the reader's enrolment
    and progress on it. Read in a number of queries and rows that does not depend on the module's size."""

    course: Page  # in the reader's language (title and URL only)
    canonical_course_id: int
    entry: LessonEntry
    number: int  # 1 for the first lesson
    total: int
    previous: LessonEntry | None
    next: LessonEntry | None
    enrolment: EnrolmentState | None
    last_viewed_id: int | None  # canonical id of the lesson opened last

    @classmethod
    def from_outline(cls, outline: CourseOutline, lesson_id: int) -> LessonPlace:
        i = next(i for i, e in enumerate(outline.lessons) if e.lesson_id == lesson_id)
        entry = outline.lessons[i]
        previous, following = outline.neighbours(entry.canonical_id)
        return cls(
            outline.course,
            outline.canonical_course_id,
            entry,
            i + 1,
            len(outline.lessons),
            previous,
            following,
            outline.enrolment,
            outline.last_viewed_id,
        )


# The lesson page runs these two on every view: written as SQL (the same on SQLite and PostgreSQL),
# because building the equivalent ORM queries, with their subqueries, cost more than running them.
_PLACE_SQL = """
SELECT p.id, p.path, p.title, p.url_path, p.translation_key, p.locale_id, p.content_type_id, p.live, l.required,
    (SELECT COUNT(*) FROM {page} s WHERE {siblings}),
    (SELECT COUNT(*) FROM {page} s WHERE {siblings} AND s.path < %s)
FROM {page} p LEFT JOIN {lesson} l ON l.page_ptr_id = p.id
WHERE p.path IN (%s, %s)
    OR p.path = (SELECT MAX(s.path) FROM {page} s WHERE {siblings} AND s.path < %s)
    OR p.path = (SELECT MIN(s.path) FROM {page} s WHERE {siblings} AND s.path > %s)
ORDER BY p.path
"""
_SIBLINGS = "s.path LIKE %s AND s.depth = %s AND s.live = %s AND s.content_type_id = %s"
_PROGRESS_SQL = """
SELECT e.id, e.status,
    (SELECT v.lesson_id FROM {progress} v WHERE v.enrolment_id = e.id
     ORDER BY v.last_viewed_at DESC, v.id DESC LIMIT 1),
    p.lesson_id, p.completed_at
FROM {enrolment} e LEFT JOIN {progress} p ON p.enrolment_id = e.id AND p.lesson_id IN ({lessons})
WHERE e.user_id = %s AND e.course_id = %s AND e.status <> %s
"""


def _place_rows(page: LessonPage) -> tuple[list[OutlineRow], int, int]:
    """The module, the lesson and its live neighbours as rows, with the number of live lessons before
    it and in all (one query: counts and neighbours are found by the database from the tree path)."""
    course_path = page.path[: -Page.steplen]
    # Tree paths are digits and capital letters: nothing to escape in the pattern.
    siblings = [f"{course_path}%", page.depth, True, ContentType.objects.get_for_model(LessonPage).pk]
    sql = _PLACE_SQL.format(page=Page._meta.db_table, lesson=LessonPage._meta.db_table, siblings=_SIBLINGS)
    params = [*siblings, *siblings, page.path, course_path, page.path, *siblings, page.path, *siblings, page.path]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        values = cursor.fetchall()
    rows, counts = [], (0, 0)
    for pk, path, title, url, key, locale, kind, live, required, total, before in values:
        key = key if isinstance(key, uuid.UUID) else uuid.UUID(str(key))
        rows.append(OutlineRow(pk, path, title, url, key, locale, kind, bool(live), bool(required)))
        counts = (total or 0, before or 0)
    return rows, *counts


def _lesson_progress(user, course_id: int, lesson_ids: list[int]) -> tuple[EnrolmentState | None, int | None, dict]:
    """The user's enrolment in the module, the lesson they opened last, and {lesson id: completed_at}
    for the lessons `lesson_ids` they opened (one query, at most one row a lesson asked for)."""
    if not user.is_authenticated or not lesson_ids:
        return None, None, {}
    sql = _PROGRESS_SQL.format(
        progress=LessonProgress._meta.db_table,
        enrolment=Enrolment._meta.db_table,
        lessons=", ".join(["%s"] * len(lesson_ids)),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*lesson_ids, user.pk, course_id, Enrolment.Status.WITHDRAWN.value])
        rows = cursor.fetchall()
    enrolment, last_viewed, opened = None, None, {}
    for pk, status, last_id, lesson_id, completed_at in rows:
        enrolment, last_viewed = EnrolmentState(pk, status), last_id
        if lesson_id is not None:
            opened[lesson_id] = completed_at
    return enrolment, last_viewed, opened


def lesson_place(*, page: LessonPage, user) -> LessonPlace:
    """The lesson page's view of its module (LessonPlace), in two queries whatever the module's size.

    In the source language and for a live lesson; otherwise (a translation, where progress points at
    the source lessons, or the preview of a lesson not yet live) it is taken from `course_outline`.
    """
    if (get_language() or "") == default_locale_code() and page.live:
        rows, total, before = _place_rows(page)
        course = rows[0] if rows and rows[0].path == page.path[: -Page.steplen] else None
        i = next((i for i, row in enumerate(rows) if row.id == page.pk), None)
        if course is not None and i is not None:
            enrolment, last_viewed, opened = _lesson_progress(user, course.id, [row.id for row in rows[1:]])

            def entry(row: OutlineRow) -> LessonEntry:
                seen = row.id in opened
                return LessonEntry(row, row.id, row.required, seen, seen and opened[row.id] is not None)

            previous = entry(rows[i - 1]) if i > 1 else None
            following = entry(rows[i + 1]) if i + 1 < len(rows) else None
            place = entry(rows[i])
            return LessonPlace(
                course.page(), course.id, place, before + 1, total, previous, following, enrolment, last_viewed
            )
    return LessonPlace.from_outline(course_outline(page=page, user=user), page.pk)


def h5p_best_scores(*, user, lesson_id: int) -> dict[str, float]:
    """Best scaled score per activity (block id) of the user in a canonical lesson."""
    rows = (
        H5PResult.objects.filter(user=user, lesson_id=lesson_id)
        .values("activity_id")
        .annotate(best=Max("scaled"))
        .values_list("activity_id", "best")
    )
    return dict(rows)


def is_enrolled(*, user, course_id: int) -> bool:
    """Whether `user` has an enrolment (not withdrawn) in the module `course_id`, in any of its languages.

    Enrolments point at the source-language (French) module; `course_id` may name any translation of
    it (an English lesson's parent, say): the module is matched by its translation key, in one query.
    """
    if not user.is_authenticated:
        return False
    key = Page.objects.filter(pk=course_id).values("translation_key")[:1]
    return (
        Enrolment.objects.filter(user=user, course__translation_key=Subquery(key))
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .exists()
    )
