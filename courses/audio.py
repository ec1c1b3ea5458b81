"""Short audio clips in national languages: checking an upload, storing it, and showing it.

A clip is a Wagtail document (so editors find it again in the documents library) in one of the
`AudioLanguage`s. Lessons choose clips in their blocks; questions keep `{language code: document id}`
maps (see `assessments.models.Question.audio`). Every page shows a clip the same way, through
`courses/_listen.html`: a "listen" control with the language and the size, and nothing loaded
before the tap.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.documents.models import Document

from courses.models import AudioLanguage

# A clip says one sentence or one choice: a minute of speech, even as WAV, stays under this.
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
# What the file must start with, by extension (bytes 0–3, or 4–7 for MP4 "ftyp" boxes).
SIGNATURES = {
    ".mp3": (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xe3"),
    ".ogg": (b"OggS",),
    ".oga": (b"OggS",),
    ".opus": (b"OggS",),
    ".m4a": (b"ftyp",),
    ".wav": (b"RIFF",),
}
ACCEPTED = ", ".join(extension.lstrip(".").upper() for extension in SIGNATURES)


def max_bytes() -> int:
    return getattr(settings, "AUDIO_CLIP_MAX_BYTES", DEFAULT_MAX_BYTES)


def _looks_like(extension: str, head: bytes) -> bool:
    if extension == ".m4a":
        return head[4:8] == b"ftyp"
    if extension == ".wav":
        return head[:4] == b"RIFF" and head[8:12] == b"WAVE"
    return head.startswith(SIGNATURES[extension])


def audio_clip_check(*, name: str, size: int, head: bytes) -> None:
    """Refuse (ValidationError, translated) a file that is not a short clip in an accepted format.

    Checks the extension, the first bytes against that format's signature, and the size cap
    (`AUDIO_CLIP_MAX_BYTES`). Reads nothing but `head` (the file's first 12 bytes or more).
    """
    extension = os.path.splitext(name)[1].lower()
    if extension not in SIGNATURES:
        raise ValidationError(
            _("“%(name)s” is not an audio clip: use one of %(formats)s.") % {"name": name, "formats": ACCEPTED},
            code="extension",
        )
    if not _looks_like(extension, head):
        raise ValidationError(
            _("“%(name)s” does not contain %(format)s audio.") % {"name": name, "format": extension[1:].upper()},
            code="content",
        )
    if size > max_bytes():
        raise ValidationError(
            _("“%(name)s” is %(size)s KB; a clip may have %(limit)s KB at most.")
            % {"name": name, "size": kilobytes(size), "limit": kilobytes(max_bytes())},
            code="size",
        )


def uploaded_clip_check(upload) -> None:
    """`audio_clip_check` on an uploaded file (or any Django File), leaving it rewound."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    audio_clip_check(name=os.path.basename(upload.name), size=upload.size, head=head)


def document_clip_check(document: Document) -> None:
    """`audio_clip_check` on a document already in the library (chosen in a lesson block)."""
    with document.file.open("rb") as handle:
        head = handle.read(16)
    audio_clip_check(name=document.file.name, size=document.get_file_size() or 0, head=head)


def kilobytes(size: int) -> int:
    """Kilobytes (1024 bytes) as a phone user sees them: rounded up, never 0."""
    return max(1, math.ceil(size / 1024))


@dataclass(frozen=True)
class Clip:
    """One clip as a page shows it."""

    code: str  # the AudioLanguage code
    language: str  # its name as it reads in a sentence of the page's language
    url: str
    size: int  # bytes

    @property
    def kilobytes(self) -> int:
        return kilobytes(self.size)


def _in_sentence(name: str) -> str:
    # French writes language names in lower case inside a sentence ("écouter en pular").
    return name.lower() if (get_language() or "fr").startswith("fr") else name


def clip_of(*, language: AudioLanguage, document: Document) -> Clip:
    return Clip(
        code=language.code,
        language=_in_sentence(language.name),
        url=document.url,
        size=document.get_file_size() or 0,
    )


def clips_by_document(*, maps: list[dict[str, int]]) -> list[list[Clip]]:
    """For each `{language code: document id}` map, its clips in the languages' order.

    Two queries for any number of maps (none when they are all empty); a clip whose document or
    language was deleted is left out.
    """
    ids = {document_id for mapping in maps for document_id in mapping.values()}
    if not ids:
        return [[] for _mapping in maps]
    documents = Document.objects.in_bulk(ids)
    languages = list(AudioLanguage.objects.filter(code__in={code for mapping in maps for code in mapping}))
    return [
        [
            clip_of(language=language, document=documents[mapping[language.code]])
            for language in languages
            if mapping.get(language.code) in documents
        ]
        for mapping in maps
    ]
