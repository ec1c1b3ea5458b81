"""Demo audio clips, spoken on this machine by espeak-ng (Debian package `espeak-ng`).

There is no Pular, Maninka or Susu voice in espeak-ng: the demo clips are *French synthetic
placeholders*, filed under their own language "français (voix de synthèse, démo)" so that nobody
takes them for a recording in a national language. Each is a 16 kHz mono 16-bit WAV (espeak-ng
speaks at 22,050 Hz; we resample in Python, no other tool needed), a few dozen kilobytes.

Idempotent: a clip is found again by its document title. Without espeak-ng the clip is skipped and
the caller is told so.
"""

from __future__ import annotations

import array
import io
import shutil
import subprocess
import sys
import wave

from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document

from courses import services
from courses.models import AudioLanguage

DEMO_LANGUAGE = ("fr-synth", "Français (voix de synthèse, démo)")
RATE = 16_000


def _resample(samples: array.array, source_rate: int) -> array.array:
    """Linear interpolation to RATE: plenty for a synthetic voice."""
    count = int(len(samples) * RATE / source_rate)
    out = array.array("h", bytes(2 * count))
    for index in range(count):
        position = index * source_rate / RATE
        left = int(position)
        right = min(left + 1, len(samples) - 1)
        fraction = position - left
        out[index] = int(samples[left] * (1 - fraction) + samples[right] * fraction)
    return out


def _trimmed(samples: array.array, quiet: int = 300) -> array.array:
    """Without the silence espeak-ng leaves before and after the words (fewer bytes on 2G)."""
    start = next((i for i, value in enumerate(samples) if abs(value) > quiet), 0)
    end = next((i for i in range(len(samples) - 1, -1, -1) if abs(samples[i]) > quiet), len(samples) - 1)
    return samples[start : end + 1] if end > start else samples


def speak(text: str) -> bytes | None:
    """`text` spoken in French as a 16 kHz mono WAV, or None when espeak-ng is not installed."""
    program = shutil.which("espeak-ng")
    if program is None:
        return None
    # The program is found on PATH and the text is our own demo text, passed as one argument.
    spoken = subprocess.run([program, "-v", "fr", "-s", "160", "--stdout", text], capture_output=True, check=True)  # noqa: S603
    with wave.open(io.BytesIO(spoken.stdout)) as source:
        samples = array.array("h", source.readframes(source.getnframes()))
        rate = source.getframerate()
    if sys.byteorder == "big":
        samples.byteswap()
    samples = _resample(_trimmed(samples), rate)
    if sys.byteorder == "big":
        samples.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as target:
        target.setnchannels(1)
        target.setsampwidth(2)
        target.setframerate(RATE)
        target.writeframes(samples.tobytes())
    return buffer.getvalue()


def demo_language() -> AudioLanguage:
    code, name = DEMO_LANGUAGE
    language, _created = AudioLanguage.objects.get_or_create(code=code, defaults={"name": name})
    return language


def demo_clip(*, title: str, text: str, filename: str) -> Document | None:
    """The demo clip titled `title` (made now from `text` if it does not exist yet), or None when it
    does not exist and espeak-ng is missing."""
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    spoken = speak(text)
    if spoken is None:
        return None
    upload = SimpleUploadedFile(filename, spoken, content_type="audio/wav")
    return services.audio_clip_store(upload=upload, title=title)
