"""Page slugs are plain ASCII (issue 19, item 7): French titles give links without percent-escapes."""

from pathlib import Path

import pytest
from django.conf import settings
from wagtail.admin.widgets.slug import SlugInput

from courses.models import LessonPage
from tests.factories import course_tree

CONTENT = Path(settings.BASE_DIR) / "courses" / "content"


@pytest.mark.django_db
def test_a_french_lesson_without_a_slug_gets_an_ascii_one():
    course, _lessons = course_tree(lessons=1)
    lesson = course.add_child(instance=LessonPage(title="Leçon : reconnaître l'exploitation", body=[]))
    assert lesson.slug == "lecon-reconnaitre-lexploitation"
    assert lesson.url.isascii() and "%" not in lesson.url


def test_the_editors_slug_field_slugifies_to_ascii():
    html = SlugInput().render("slug", "")
    assert 'data-controller="w-slug"' in html
    assert "allow-unicode" not in html  # a boolean attribute: present (bare) would allow Unicode


def test_the_content_files_name_modules_and_lessons_in_ascii():
    names = [path.relative_to(CONTENT).as_posix() for path in CONTENT.rglob("*")]
    assert names and [name for name in names if not name.isascii()] == []
