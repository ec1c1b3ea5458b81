"""Demo data for the courses app: the catalogue and four modules in French and English.

Idempotent: an existing page (found by its slug) is left as it is; H5P packages are stored once by
content hash. The text itself lives in courses.demo_content.
"""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from courses import demo_audio, services
from courses.demo_content import MODULES
from courses.h5p.builder import build_package
from courses.models import AudienceGroup, AudioLanguage, CourseIndexPage, CoursePage, LessonPage
from lms.models import HomePage

AUDIO_LANGUAGES = [
    ("fuf", "Pular"),
    ("emk", "Maninka"),
    ("sus", "Susu"),
    ("kqs", "Kissi"),
    ("gkp", "Kpelle"),
    ("tod", "Toma"),
]
CATALOGUE = {
    "fr": {
        "title": "Modules de formation",
        "intro": "<p>Choisissez un module. Ceux qui vous concernent apparaissent en premier.</p>",
    },
    "en": {"title": "Training modules", "intro": "<p>Choose a module. Those meant for you come first.</p>"},
}
NAMESPACE = uuid.UUID("6f1f3a56-4c0e-4b9f-9d3c-2b1c5e7a9d10")


def _block_id(*parts: str) -> str:
    """Stable block ids, shared by a lesson and its translation (H5P results are keyed by them)."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def _stream(body: list, *, module: str, lesson: str, language: str) -> list[dict]:
    raw = []
    for index, (kind, value) in enumerate(body):
        block_id = _block_id(module, lesson, str(index))
        if kind == "h5p":
            package, _created = services.h5p_package_import(
                source=build_package(title=value["title"], content=value["content"], language=language),
                title=value["title"],
            )
            value = {"title": value["title"], "package": package.pk, "required": True, "pass_percentage": 50}
        elif kind == "references":
            value = [{"text": ref["text"], "url": ref.get("url", "")} for ref in value]
        raw.append({"type": kind, "value": value, "id": block_id})
    return raw


def _translate(page, locale, **fields):
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
    return translation


@transaction.atomic
def seed_courses() -> list[CoursePage]:
    """The catalogue under each home page and the four demo modules with their lessons."""
    fr, en = Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="en")
    for code, name in AUDIO_LANGUAGES:
        AudioLanguage.objects.get_or_create(code=code, defaults={"name": name})
    audiences = {group.code: group for group in AudienceGroup.objects.all()}

    home = HomePage.objects.get(locale=fr)
    catalogue = CourseIndexPage.objects.child_of(home).first()
    if catalogue is None:
        catalogue = home.add_child(instance=CourseIndexPage(slug="modules", **CATALOGUE["fr"]))
        catalogue.save_revision().publish()
    _translate(catalogue, en, **CATALOGUE["en"])

    courses = []
    for module in MODULES:
        course = CoursePage.objects.child_of(catalogue).filter(slug=module["slug"]).first()
        if course is None:
            course = CoursePage(
                slug=module["slug"],
                title=module["fr"]["title"],
                summary=module["fr"]["summary"],
                objectives=[("objective", text) for text in module["fr"]["objectives"]],
                estimated_minutes=module["duration_minutes"],
            )
            catalogue.add_child(instance=course)
            course.audiences.set([audiences[code] for code in module["audiences"]])
            course.save_revision().publish()
        _translate(
            course,
            en,
            title=module["en"]["title"],
            summary=module["en"]["summary"],
            objectives=[("objective", text) for text in module["en"]["objectives"]],
        )
        for lesson_data in module["lessons"]:
            lesson = LessonPage.objects.child_of(course).filter(slug=lesson_data["slug"]).first()
            if lesson is None:
                lesson = LessonPage(
                    slug=lesson_data["slug"],
                    title=lesson_data["fr"]["title"],
                    required=lesson_data.get("required", True),
                    body=_stream(
                        lesson_data["fr"]["body"], module=module["slug"], lesson=lesson_data["slug"], language="fr"
                    ),
                )
                course.add_child(instance=lesson)
                lesson.save_revision().publish()
            _translate(
                lesson,
                en,
                title=lesson_data["en"]["title"],
                body=_stream(
                    lesson_data["en"]["body"], module=module["slug"], lesson=lesson_data["slug"], language="en"
                ),
            )
        courses.append(course)
    return courses


@transaction.atomic
def seed_progress(*, username: str = "apprenant") -> None:
    """The demo trainee has started the first module: one lesson done, the next one opened."""
    from lms.models import User

    user = User.objects.filter(username=username).first()
    course = CoursePage.objects.filter(locale__language_code="fr", slug=MODULES[0]["slug"]).first()
    if user is None or course is None:
        return
    enrolment, _created = services.enrolment_create(user=user, course=course)
    lessons = list(LessonPage.objects.child_of(course).live().order_by("path"))
    if lessons and not lessons[0].h5p_block_data():
        services.lesson_view(enrolment_id=enrolment.pk, lesson_id=lessons[0].pk)
        services.lesson_complete(user=user, lesson=lessons[0])
    if len(lessons) > 1:
        services.lesson_view(enrolment_id=enrolment.pk, lesson_id=lessons[1].pk)


KEY_POINT = {
    "fr": "La sécurité humaine met la personne au centre, pas seulement l'État.",
    "en": "Human security puts the person at the centre, not only the State.",
}
KEY_POINT_CLIP = "Démo : point clé lu par une voix de synthèse française (remplace un enregistrement en pular)"


@transaction.atomic
def seed_audio() -> list[str]:
    """A key point with a clip at the end of the first demo lesson (French and English pages).

    The clip is a French synthetic placeholder made by espeak-ng (courses.demo_audio); without
    espeak-ng nothing is added and the returned message says so.
    """
    clip = demo_audio.demo_clip(title=KEY_POINT_CLIP, text=KEY_POINT["fr"], filename="demo-point-cle.wav")
    if clip is None:
        return [_("espeak-ng is not installed: the demo audio clip of the first lesson was skipped.")]
    language = demo_audio.demo_language()
    module, lesson_data = MODULES[0], MODULES[0]["lessons"][0]
    block_id = _block_id(module["slug"], lesson_data["slug"], "key-point-audio")
    for lesson in LessonPage.objects.filter(slug=lesson_data["slug"], locale__language_code__in=KEY_POINT):
        raw = list(lesson.body.raw_data)
        if any(item.get("id") == block_id for item in raw):
            continue
        text = KEY_POINT[lesson.locale.language_code]
        clips = [{"language": language.pk, "file": clip.pk}]
        block = {"type": "key_point", "value": {"text": text, "clips": clips}, "id": block_id}
        # Right after the lesson's key points (the same point, read aloud), else at the end.
        after = next((i + 1 for i, item in enumerate(raw) if item.get("type") == "key_points"), len(raw))
        lesson.body = [*raw[:after], block, *raw[after:]]
        lesson.save_revision().publish()
    return []


def seed() -> list[str]:
    """The courses demo: catalogue, four modules, a demo audio clip, and the demo trainee's progress."""
    seed_courses()
    messages = seed_audio()
    seed_progress()
    return messages
