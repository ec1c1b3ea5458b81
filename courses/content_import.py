"""Course content from data files: the catalogue, its modules and their lessons (docs/content.md).

A content folder holds `catalogue.yaml` (the catalogue's title and introduction, and the modules in
order), and a folder per module named by its slug, with `module.yaml` (title, summary, objectives,
audiences, duration, lessons in order) and one `<lesson slug>.yaml` per lesson. Every file is in
French, with the other content languages beside it (`fr:`, `en:`).

`modules_read` checks every file and raises ContentError listing every problem; `modules_import`
then creates what is missing and brings what changed up to date (a new published revision), so
importing the same files again changes nothing. Lessons keep blocks added in the admin that are not
in their file (an audio clip, say). `modules_load` does both in one transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.models import Locale, Page

from courses import services
from courses.blocks import LessonBodyBlock
from courses.h5p.builder import build_package
from courses.models import AudienceGroup, CourseIndexPage, CoursePage, LessonPage
from lms.content_files import SOURCE_LANGUAGE, ContentError, DataFile, Problem, Problems
from lms.models import HomePage

# Blocks a file can hold: the others choose files from the media library, which happens in the admin.
FILE_BLOCKS = ("rich_text", "case_study", "key_points", "key_point", "glossary_term", "references", "h5p")
NAMESPACE = uuid.UUID("6f1f3a56-4c0e-4b9f-9d3c-2b1c5e7a9d10")


def block_id(*parts: str) -> str:
    """Stable block ids, shared by a lesson and its translations (H5P results are keyed by them)."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


@dataclass
class Lesson:
    slug: str
    path: Path
    required: bool
    text: dict[str, dict[str, Any]]  # language → {"title", "body": [(block type, value)]}


@dataclass
class Module:
    slug: str
    path: Path
    audiences: list[str]
    duration_minutes: int
    text: dict[str, dict[str, Any]]  # language → {"title", "summary", "objectives"}
    lessons: list[Lesson] = field(default_factory=list)


@dataclass
class Catalogue:
    text: dict[str, dict[str, Any]]  # language → {"title", "intro"}
    modules: list[Module]


def modules_read(directory: Path) -> Catalogue:
    """Every file of the content folder, checked; raises ContentError naming each problem."""
    directory = Path(directory)
    problems = Problems(root=directory)
    catalogue_file = DataFile(directory / "catalogue.yaml", problems)
    if not catalogue_file.readable:
        problems.raise_if_any()
    catalogue_file.unknown({"modules", "fr", "en"})
    text = {}
    for language, entry in catalogue_file.translations():
        catalogue_file.unknown({"title", "intro"}, within=entry, prefix=f"{language}.")
        title = catalogue_file.text(f"{language}.title", within=entry)
        intro = catalogue_file.get(f"{language}.intro", str, within=entry, required=False) or ""
        text[language] = {"title": title, "intro": intro}
    audiences = set(AudienceGroup.objects.values_list("code", flat=True))
    modules = [
        _module_read(directory / slug, problems, audiences=audiences)
        for slug in _slugs(catalogue_file, "modules", directory, suffix="", inner="module.yaml")
    ]
    problems.raise_if_any()
    return Catalogue(text=text, modules=modules)


def _slugs(file: DataFile, name: str, directory: Path, *, suffix: str, inner: str = "") -> list[str]:
    """The names listed under `name`, each a file or folder of `directory`. A name that leads out of
    `directory` (an absolute path, "..", a symbolic link pointing elsewhere) is a problem, never read."""
    slugs = file.strings(name) or []
    found = []
    for index, slug in enumerate(slugs):
        if slugs.index(slug) != index:
            file.problem(f"{name}[{index}]", _("“%(slug)s” is listed twice.") % {"slug": slug})
        elif not _inside(directory, slug, suffix=suffix, inner=inner):
            file.problem(
                f"{name}[{index}]",
                _("“%(slug)s” leads out of the folder %(folder)s: give the name of a file or folder inside it.")
                % {"slug": slug, "folder": directory.name},
            )
        elif not (directory / f"{slug}{suffix}").exists():
            file.problem(f"{name}[{index}]", _("No file or folder “%(name)s”.") % {"name": f"{slug}{suffix}"})
        else:
            found.append(slug)
    return list(dict.fromkeys(found))


def _inside(directory: Path, slug: str, *, suffix: str, inner: str) -> bool:
    """Whether `directory/slug+suffix` (and its `inner` file, if any) stays inside `directory` once
    every "..", and every symbolic link, is followed."""
    if not slug or Path(slug).is_absolute() or Path(slug).drive:
        return False
    root = directory.resolve()
    target = directory / f"{slug}{suffix}"
    paths = [target, target / inner] if inner else [target]
    return all(path.resolve().is_relative_to(root) and path.resolve() != root for path in paths)


def _module_read(folder: Path, problems: Problems, *, audiences: set[str]) -> Module:
    file = DataFile(folder / "module.yaml", problems)
    if not file.readable:
        return Module(folder.name, folder, [], 0, {})
    file.unknown({"audiences", "duration_minutes", "lessons", "fr", "en"})
    codes = file.strings("audiences", required=False) or []
    for index, code in enumerate(codes):
        if code not in audiences:
            file.problem(
                f"audiences[{index}]",
                _("Unknown audience “%(code)s” (known: %(known)s).")
                % {"code": code, "known": ", ".join(sorted(audiences))},
            )
    minutes = file.get("duration_minutes", int)
    if minutes is not None and minutes < 1:
        file.problem("duration_minutes", _("Give a number of minutes above zero."))
    text = {}
    for language, entry in file.translations():
        file.unknown({"title", "summary", "objectives"}, within=entry, prefix=f"{language}.")
        text[language] = {
            "title": file.text(f"{language}.title", within=entry),
            "summary": file.get(f"{language}.summary", str, within=entry, required=False) or "",
            "objectives": file.strings(f"{language}.objectives", within=entry, required=False) or [],
        }
    lessons = [_lesson_read(folder, slug, problems) for slug in _slugs(file, "lessons", folder, suffix=".yaml")]
    return Module(folder.name, folder, codes, minutes or 0, text, lessons)


def _lesson_read(folder: Path, slug: str, problems: Problems) -> Lesson:
    file = DataFile(folder / f"{slug}.yaml", problems)
    if not file.readable:
        return Lesson(slug, file.path, True, {})
    file.unknown({"required", "fr", "en"})
    required = file.get("required", bool, required=False)
    text: dict[str, dict[str, Any]] = {}
    for language, entry in file.translations():
        file.unknown({"title", "body"}, within=entry, prefix=f"{language}.")
        body = file.get(f"{language}.body", list, within=entry) or []
        text[language] = {
            "title": file.text(f"{language}.title", within=entry),
            "body": [_block_read(file, f"{language}.body[{index}]", item) for index, item in enumerate(body)],
        }
    french = [kind for kind, _value in text.get(SOURCE_LANGUAGE, {}).get("body", [])]
    for language, entry in text.items():
        if language != SOURCE_LANGUAGE and [kind for kind, _value in entry["body"]] != french:
            file.problem(f"{language}.body", _("The blocks must be the same, in the same order, as in French."))
    return Lesson(slug, file.path, True if required is None else required, text)


def _block_read(file: DataFile, name: str, item: Any) -> tuple[str, Any]:
    if not isinstance(item, dict) or len(item) != 1:
        file.problem(name, _("A block is one line “type: content”, for example “rich_text: <p>…</p>”."))
        return ("", None)
    ((kind, value),) = item.items()
    if kind not in FILE_BLOCKS:
        file.problem(
            name,
            _("Unknown block “%(kind)s” (expected one of: %(kinds)s).")
            % {"kind": kind, "kinds": ", ".join(FILE_BLOCKS)},
        )
        return ("", None)
    if kind == "h5p":
        if (
            not isinstance(value, dict)
            or not isinstance(value.get("title"), str)
            or not isinstance(value.get("content"), dict)
        ):
            file.problem(f"{name}.h5p", _("An H5P activity needs a “title” (text) and a “content” (named fields)."))
        return (kind, value)
    block = LessonBodyBlock.base_blocks[kind]
    _unknown_keys(file, f"{name}.{kind}", block, value)
    try:
        block.clean(block.to_python(value))
    except (ValidationError, TypeError, AttributeError) as error:
        for where, message in _messages(error, f"{name}.{kind}"):
            file.problem(where, message)
    return (kind, _rich_text_kept(block, value))


def _rich_text_kept(block: blocks.Block, value: Any) -> Any:
    """`value` with every rich text reduced to what its block's editor allows (the block's `features`),
    as Wagtail does to what an editor types: other elements (<meta>, <script>, <iframe>, <img>…) and
    attributes (onerror, style…) are dropped, keeping their text, and links keep only http(s), mailto
    and tel addresses. A file's text is kept, not refused: the lesson reads as the editor would show it."""
    if isinstance(block, blocks.RichTextBlock) and isinstance(value, str):
        kept = EditorHTMLConverter(features=block.features).to_database_format(value)
        # Text the filter leaves whole is kept as written (the filter writes ' as &#x27;, and so on).
        return value if BeautifulSoup(value, "html.parser").decode(formatter=cast(Any, escape)) == kept else kept
    if isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        return {
            key: _rich_text_kept(block.child_blocks[key], item) if key in block.child_blocks else item
            for key, item in value.items()
        }
    if isinstance(block, blocks.ListBlock) and isinstance(value, list):
        return [_rich_text_kept(block.child_block, item) for item in value]
    return value


def _unknown_keys(file: DataFile, name: str, block: blocks.Block, value: Any) -> None:
    if isinstance(block, blocks.StructBlock):
        if not isinstance(value, dict):
            file.problem(name, _("This field must be %(kind)s.") % {"kind": _("a set of named fields")})
            return
        file.unknown(set(block.child_blocks), within=value, prefix=f"{name}.")
        for key, child in block.child_blocks.items():
            if key in value:
                _unknown_keys(file, f"{name}.{key}", child, value[key])
    elif isinstance(block, blocks.ListBlock):
        if not isinstance(value, list):
            file.problem(name, _("This field must be %(kind)s.") % {"kind": _("a list")})
            return
        for index, item in enumerate(value):
            _unknown_keys(file, f"{name}[{index}]", block.child_block, item)


def _messages(error: Exception, name: str) -> list[tuple[str, str]]:
    """(field, message) for a block's validation error, down to the field at fault."""
    children = getattr(error, "block_errors", None)
    if isinstance(children, dict) and children:
        found = []
        for key, child in children.items():
            where = f"{name}[{key}]" if isinstance(key, int) else f"{name}.{key}"
            found += _messages(child, where)
        return found
    if isinstance(children, list) and any(children):
        found = []
        for index, child in enumerate(children):
            if child is not None:
                found += _messages(child, f"{name}[{index}]")
        return found
    messages = getattr(error, "messages", None) or [str(error)]
    return [(name, message) for message in messages]


def _stream(body: list, *, module: str, lesson: str, language: str) -> list[dict]:
    """A lesson body as StreamField raw data; H5P activities are built and stored once by content hash."""
    raw = []
    for index, (kind, value) in enumerate(body):
        if kind == "h5p":
            package, _created = services.h5p_package_import(
                source=build_package(title=value["title"], content=value["content"], language=language),
                title=value["title"],
            )
            value = {"title": value["title"], "package": package.pk, "required": True, "pass_percentage": 50}
        elif kind == "references":
            value = [{"text": ref["text"], "url": ref.get("url", "")} for ref in value]
        raw.append({"type": kind, "value": value, "id": block_id(module, lesson, str(index))})
    return raw


def _plain(value: Any) -> Any:
    """Block data without the ids Wagtail gives list items, for comparing a file with a page."""
    if isinstance(value, list):
        if value and all(isinstance(item, dict) and item.get("type") == "item" and "value" in item for item in value):
            return [_plain(item["value"]) for item in value]
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _merged(current: list[dict], new: list[dict], *, file_ids: set[str]) -> list[dict]:
    """`new`, with the blocks of `current` that no file wrote (added in the admin) kept after the block
    they followed. A block a file wrote and no longer holds is dropped."""
    result = list(new)
    previous = None
    for item in current:
        if item.get("id") not in file_ids:
            after = next((i + 1 for i, kept in enumerate(result) if previous and kept.get("id") == previous), None)
            result.insert(len(result) if after is None else after, item)
        previous = item.get("id")
    return result


def _publish(page: Page, fields: dict[str, Any]) -> Page:
    """Sets `fields` on `page` and publishes a new revision, only when something differs."""
    changed = False
    for name, value in fields.items():
        current = getattr(page, name)
        if hasattr(current, "raw_data"):
            current = list(current.raw_data)
        if _plain(current) != _plain(value):
            setattr(page, name, value)
            changed = True
    if changed:
        page.save_revision().publish()
    return page


def _in(page: Page, locale: Locale, fields: dict[str, Any]) -> Page:
    """`page`'s translation in `locale`, created (a copy for translation) or brought up to date."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        return translation
    return _publish(translation.specific, fields)


def _objectives(texts: list[str], page: Page | None) -> list:
    """Objectives as raw data, keeping the ids of those already there (no change, no new revision)."""
    ids = [item["id"] for item in page.objectives.raw_data] if page is not None else []
    return [
        {"type": "objective", "value": text, "id": ids[index] if index < len(ids) else str(uuid.uuid4())}
        for index, text in enumerate(texts)
    ]


@transaction.atomic
def modules_import(catalogue: Catalogue) -> list[CoursePage]:
    """Creates or updates the catalogue, modules and lessons read by `modules_read`."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    home = HomePage.objects.filter(locale__language_code=SOURCE_LANGUAGE).first()
    if home is None:
        message = _("The site has no French home page to put the catalogue under: run seed_demo or create it first.")
        raise ContentError([Problem("catalogue.yaml", "", message)])
    index = CourseIndexPage.objects.child_of(home).first()
    source = catalogue.text[SOURCE_LANGUAGE]
    if index is None:
        index = home.add_child(instance=CourseIndexPage(slug="modules", **source))
        index.save_revision().publish()
    else:
        _publish(index, source)
    for language, text in catalogue.text.items():
        if language != SOURCE_LANGUAGE and language in locales:
            _in(index, locales[language], text)
    return [_module_import(index, module, locales) for module in catalogue.modules]


def _module_fields(text: dict, course: CoursePage | None) -> dict:
    return {"title": text["title"], "summary": text["summary"], "objectives": _objectives(text["objectives"], course)}


def _module_import(index: CourseIndexPage, module: Module, locales: dict[str, Locale]) -> CoursePage:
    course = CoursePage.objects.child_of(index).filter(slug=module.slug).first()
    source = module.text[SOURCE_LANGUAGE]
    audiences = list(AudienceGroup.objects.filter(code__in=module.audiences))
    if course is None:
        course = CoursePage(slug=module.slug, estimated_minutes=module.duration_minutes, **_module_fields(source, None))
        index.add_child(instance=course)
        course.audiences.set(audiences)
        course.save_revision().publish()
    else:
        course = course.specific
        if set(course.audiences.all()) != set(audiences):
            course.audiences.set(audiences)
            course.save_revision().publish()
        _publish(course, {"estimated_minutes": module.duration_minutes, **_module_fields(source, course)})
    for language, text in module.text.items():
        if language != SOURCE_LANGUAGE and language in locales:
            translation = course.get_translation_or_none(locales[language])
            _in(course, locales[language], _module_fields(text, translation and translation.specific))
    for lesson in module.lessons:
        _lesson_import(course, module, lesson, locales)
    return course


def _lesson_import(course: CoursePage, module: Module, lesson: Lesson, locales: dict[str, Locale]) -> None:
    page = LessonPage.objects.child_of(course).filter(slug=lesson.slug).first()
    count = max(len(text["body"]) for text in lesson.text.values())
    try:
        bodies = {
            language: _stream(text["body"], module=module.slug, lesson=lesson.slug, language=language)
            for language, text in lesson.text.items()
        }
    except ValidationError as error:
        problems = Problems(root=module.path.parent)
        for message in error.messages:
            problems.add(lesson.path, "h5p", message)
        problems.raise_if_any()
    source = lesson.text[SOURCE_LANGUAGE]
    if page is None:
        page = LessonPage(
            slug=lesson.slug, title=source["title"], required=lesson.required, body=bodies[SOURCE_LANGUAGE]
        )
        course.add_child(instance=page)
        page.save_revision().publish()
    for language, text in lesson.text.items():
        if language not in locales:
            continue
        target = page if language == SOURCE_LANGUAGE else page.get_translation_or_none(locales[language])
        current = list(target.specific.body.raw_data) if target is not None else []
        file_ids = {block_id(module.slug, lesson.slug, str(n)) for n in range(count + len(current))}
        fields = {
            "title": text["title"],
            "required": lesson.required,
            "body": _merged(current, bodies[language], file_ids=file_ids),
        }
        if language == SOURCE_LANGUAGE:
            _publish(page.specific, fields)
        else:
            _in(page, locales[language], fields)


def modules_load(directory: Path) -> list[CoursePage]:
    """Reads and checks the content folder, then imports it; nothing is written when a file is wrong."""
    catalogue = modules_read(directory)
    with transaction.atomic():
        return modules_import(catalogue)
