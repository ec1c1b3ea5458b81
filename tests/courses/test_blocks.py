"""Lesson media stay light: small image renditions, audio and video only on tap with their size shown."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from courses import services
from courses.models import AudioLanguage
from tests.factories import UserFactory, course_tree

pytestmark = pytest.mark.django_db


def _photo(width=2400, height=1600) -> ImageFile:
    """A photo-like image (gradients and noise), large, as a phone camera gives."""
    import random

    image = PILImage.new("RGB", (width, height))
    rng = random.Random(1)
    pixels = image.load()
    for x in range(0, width, 4):
        for y in range(0, height, 4):
            value = (x * 255 // width, y * 255 // height, rng.randrange(256))
            for dx in range(4):
                for dy in range(4):
                    pixels[x + dx, y + dy] = value
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return ImageFile(io.BytesIO(buffer.getvalue()), name="photo.jpg")


def test_lesson_media_render_light(client, settings):
    image = Image.objects.create(title="Dialogue communautaire", file=_photo())
    audio = Document.objects.create(title="Pular", file=ContentFile(b"\x00" * 250_000, name="clip.mp3"))
    video = Document.objects.create(title="Vidéo", file=ContentFile(b"\x00" * 3_000_000, name="film.mp4"))
    language = AudioLanguage.objects.create(name="Pular", code="fuf")
    course, lessons = course_tree(lessons=1)
    lesson = lessons[0]
    lesson.body = [
        ("image", {"image": image, "alt": "Un dialogue communautaire", "caption": ""}),
        ("audio", {"title": "Résumé", "clips": [{"language": language, "file": audio, "transcript": "Texte"}]}),
        ("video", {"title": "Témoignage", "file": video, "captions": None, "transcript": "Texte"}),
    ]
    lesson.save_revision().publish()
    user = UserFactory()
    services.enrolment_create(user=user, course=course)
    client.force_login(user)
    html = client.get(lesson.url).content.decode()

    # Audio and video: inside a closed <details>, nothing preloaded, size on the label.
    assert html.count('preload="none"') == 2
    assert re.search(r"(Écouter en|Listen in) pular \(245 (Ko|KB)\)", html)
    assert "Regarder la vidéo « Témoignage » (2,9" in html
    assert "<details" in html and "<details open" not in html
    # The phone rendition of a 2400 px photo is a small WebP.
    small = image.get_rendition("width-360|format-webp")
    assert small.width == 360
    assert small.file.size <= 30 * 1024, small.file.size
    assert small.url in html
    assert 'alt="Un dialogue communautaire"' in html
