"""Audio clips for the field tests: small valid WAV files, and questions and lessons that carry them."""

from __future__ import annotations

import io
import wave

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from assessments.models import Question
from courses.models import AudioLanguage


def wav_bytes(*, seconds: float = 0.2, rate: int = 16_000) -> bytes:
    """A real WAV (a quiet tone) that Chromium can play."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as target:
        target.setnchannels(1)
        target.setsampwidth(2)
        target.setframerate(rate)
        frames = bytearray()
        for index in range(int(seconds * rate)):
            value = 2000 if (index // 20) % 2 else -2000
            frames += value.to_bytes(2, "little", signed=True)
        target.writeframes(bytes(frames))
    return buffer.getvalue()


def clip_document(*, name: str = "clip.wav", seconds: float = 0.2) -> Document:
    document = Document(title=name, file=ContentFile(wav_bytes(seconds=seconds), name=name))
    document._set_document_file_metadata()
    document.save()
    return document


def pular() -> AudioLanguage:
    language, _created = AudioLanguage.objects.get_or_create(code="fuf", defaults={"name": "Pular"})
    return language


def give_question_clips(reference: str = "Q1", *, seconds: float = 0.6) -> tuple[Document, Document]:
    """The current question `reference` read in Pular, and its choice "b" too."""
    language = pular()
    question_clip = clip_document(name=f"{reference}-question.wav", seconds=seconds)
    option_clip = clip_document(name=f"{reference}-b.wav", seconds=seconds / 2)
    Question.objects.filter(reference=reference, is_current=True).update(
        audio={"question": {language.code: question_clip.pk}, "options": {"b": {language.code: option_clip.pk}}}
    )
    return question_clip, option_clip


def give_lesson_key_point(lesson, *, text: str = "La traite des personnes est un crime.") -> Document:
    """`lesson` gets a key point read in Pular, after its current content."""
    from courses.models import LessonPage

    lesson = LessonPage.objects.get(pk=lesson.pk)
    clip = clip_document(name=f"lesson-{lesson.pk}.wav", seconds=0.5)
    lesson.body.append(("key_point", {"text": text, "clips": [{"language": pular(), "file": clip}]}))
    lesson.save_revision().publish()
    return clip
