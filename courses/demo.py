"""Demo data for the courses app: the catalogue and four modules in French and English.

The text lives in data files, courses/content/demo (docs/content.md), imported by
courses.content_import like a programme's own content: importing them again changes nothing, and H5P
packages are stored once by content hash.
"""

from __future__ import annotations

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from courses import demo_audio, services
from courses.content_import import block_id, modules_load
from courses.models import AudioLanguage, CoursePage, LessonPage
from lms.content_files import DataFile, Problems

CONTENT = Path(__file__).resolve().parent / "content" / "demo"
AUDIO_LANGUAGES = [
    ("fuf", "Pular"),
    ("emk", "Maninka"),
    ("sus", "Susu"),
    ("kqs", "Kissi"),
    ("gkp", "Kpelle"),
    ("tod", "Toma"),
]


def first_lesson_text(language: str = "fr") -> str:
    """The rich text of the demo's first lesson, read from its file (real text for page-weight measures)."""
    problems = Problems(root=CONTENT)
    module = DataFile(CONTENT / "catalogue.yaml", problems).data["modules"][0]
    lesson = DataFile(CONTENT / module / "module.yaml", problems).data["lessons"][0]
    body = DataFile(CONTENT / module / f"{lesson}.yaml", problems).data[language]["body"]
    return "".join(block["rich_text"] for block in body if "rich_text" in block)


@transaction.atomic
def seed_courses() -> list[CoursePage]:
    """The catalogue under each home page and the four demo modules with their lessons."""
    for code, name in AUDIO_LANGUAGES:
        AudioLanguage.objects.get_or_create(code=code, defaults={"name": name})
    return modules_load(CONTENT)


@transaction.atomic
def seed_progress(course: CoursePage, *, username: str = "apprenant") -> None:
    """The demo trainee has started the first module: one lesson done, the next one opened."""
    from lms.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
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
def seed_audio(course: CoursePage) -> list[str]:
    """A key point with a clip at the end of the first demo lesson (French and English pages).

    The clip is a French synthetic placeholder made by espeak-ng (courses.demo_audio); without
    espeak-ng nothing is added and the returned message says so.
    """
    clip = demo_audio.demo_clip(title=KEY_POINT_CLIP, text=KEY_POINT["fr"], filename="demo-point-cle.wav")
    if clip is None:
        return [_("espeak-ng is not installed: the demo audio clip of the first lesson was skipped.")]
    language = demo_audio.demo_language()
    first = LessonPage.objects.child_of(course).order_by("path").first()
    audio_id = block_id(course.slug, first.slug, "key-point-audio")
    for lesson in LessonPage.objects.filter(slug=first.slug, locale__language_code__in=KEY_POINT):
        raw = list(lesson.body.raw_data)
        if any(item.get("id") == audio_id for item in raw):
            continue
        text = KEY_POINT[lesson.locale.language_code]
        clips = [{"language": language.pk, "file": clip.pk}]
        block = {"type": "key_point", "value": {"text": text, "clips": clips}, "id": audio_id}
        # Right after the lesson's key points (the same point, read aloud), else at the end.
        after = next((i + 1 for i, item in enumerate(raw) if item.get("type") == "key_points"), len(raw))
        lesson.body = [*raw[:after], block, *raw[after:]]
        lesson.save_revision().publish()
    return []


def seed() -> list[str]:
    """The courses demo: catalogue, four modules, a demo audio clip, and the demo trainee's progress."""
    first = seed_courses()[0]
    messages = seed_audio(first)
    seed_progress(first)
    return messages
