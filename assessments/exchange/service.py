"""Import a GIFT or Moodle XML file into a question bank (all or nothing), export a bank or a test.

`plan` reads and checks a file against a bank and says what importing it would do, question by
question (new, changed, unchanged), with every problem, every question left aside (a kind the
platform does not have) and what is not kept. `apply` writes a plan without problems in one
transaction through `question_save`, the admin's own service: a question that already has answers
gets a new version. `export` writes the French text of a bank's or a test's questions and names
what the format cannot hold.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from assessments import question_services
from assessments.exchange import gift, moodle_xml
from assessments.exchange.common import (
    MAX_FILE_BYTES,
    MAX_QUESTIONS,
    SOURCE,
    FileReport,
    Media,
    Parsed,
    Problem,
    from_question,
    reference_for,
    to_content,
)
from assessments.models import Question, QuestionBank, Test, TestItem
from assessments.models.questions import QuestionKind
from courses.audio import audio_clip_check

FORMATS = ("gift", "xml")
EXTENSIONS = {"gift": "gift", "txt": "gift", "xml": "xml"}
IMAGE_TYPES = {"png", "jpg", "jpeg", "gif", "webp"}


@dataclass
class Step:
    reference: str
    parsed: Parsed
    content: dict
    key: dict
    action: str  # "new", "changed", "unchanged"

    @property
    def kind_label(self) -> str:
        return str(QuestionKind(self.parsed.kind).label)


@dataclass
class Plan:
    bank: QuestionBank
    steps: list[Step] = field(default_factory=list)
    report: FileReport = field(default_factory=FileReport)

    @property
    def problems(self) -> list[Problem]:
        return self.report.problems


def format_for(filename: str) -> str | None:
    """ "gift" or "xml" from a file's name; None when its extension says neither."""
    return EXTENSIONS.get(filename.rsplit(".", 1)[-1].lower()) if "." in filename else None


def plan(*, bank: QuestionBank, data: bytes, file_format: str) -> Plan:
    """What importing `data` into `bank` would do; writes nothing."""
    result = Plan(bank=bank)
    if len(data) > MAX_FILE_BYTES:
        result.report.problem("", _("The file is larger than %(size)d MB.") % {"size": MAX_FILE_BYTES >> 20})
        return result
    result.report = (gift if file_format == "gift" else moodle_xml).read(data)
    if len(result.report.questions) > MAX_QUESTIONS:
        result.report.problem("", _("More than %(count)d questions in one file.") % {"count": MAX_QUESTIONS})
        return result
    if not result.report.questions and not result.report.problems:
        result.report.problem("", _("The file holds no question the platform can import."))
    current = {question.reference.lower(): question for question in bank.questions.filter(is_current=True)}
    taken: set[str] = set()
    for number, parsed in enumerate(result.report.questions, start=1):
        step = _step(parsed, number=number, taken=taken, current=current, report=result.report)
        if step is not None:
            result.steps.append(step)
    return result


def _step(parsed: Parsed, *, number: int, taken: set[str], current: dict, report: FileReport) -> Step | None:
    if not parsed.name:
        parsed.name = parsed.text.split("\n", 1)[0][:100]
    if len(parsed.name) > 255:
        report.problem(parsed.where, _("The name is longer than 255 characters."))
        return None
    reference = reference_for(parsed, taken, number)
    try:
        content, key = to_content(parsed)
    except ValidationError as error:
        for box, messages in error.message_dict.items():
            for message in messages:
                report.problem(f"{parsed.where} ({box.rsplit('_', 1)[0]})", message)
        return None
    for media in parsed.media:
        if problem := _media_problem(media):
            report.problem(parsed.where, problem)
            return None
    for note in dict.fromkeys(parsed.notes):
        report.notes.append(Problem(f"{parsed.where} ({reference})", note))
    existing = current.get(reference.lower())
    if existing is not None:
        reference = existing.reference
        content = _keep_translations(existing, content, report=report, where=f"{parsed.where} ({reference})")
        same = (existing.kind, existing.content, existing.key, existing.points, existing.objective) == (
            parsed.kind,
            content,
            key,
            parsed.points,
            parsed.name,
        )
        return Step(reference, parsed, content, key, "unchanged" if same else "changed")
    return Step(reference, parsed, content, key, "new")


def _keep_translations(existing: Question, content: dict, *, report: FileReport, where: str) -> dict:
    """The file holds French only: an existing question keeps its other languages while their choices
    are still the French ones; otherwise they are dropped, and that is said."""
    french = content[SOURCE]
    kept = dict(content)
    for language, entry in existing.content.items():
        if language == SOURCE:
            continue
        if all(set(entry.get(box) or {}) == set(french.get(box) or {}) for box in ("options", "left", "right")):
            kept[language] = entry
        else:
            report.notes.append(
                Problem(where, _("its %(language)s text is dropped: the choices changed") % {"language": language})
            )
    return kept


def _media_problem(media: Media) -> str | None:
    """Why an embedded file cannot be kept, checked before anything is written; None when it can."""
    extension = media.name.rsplit(".", 1)[-1].lower()
    if extension in IMAGE_TYPES:
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(io.BytesIO(media.data)) as image:
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError):
            return _("“%(name)s” is not a readable image.") % {"name": media.name}
        return None
    try:
        if extension == "pdf":
            if not media.data.startswith(b"%PDF"):
                raise ValidationError(_("not a PDF"))
        else:
            audio_clip_check(name=media.name, size=len(media.data), head=media.data[:64])
    except ValidationError:
        return _("“%(name)s” is not what its name says.") % {"name": media.name}
    return None


@transaction.atomic
def apply(result: Plan, *, user=None) -> dict[str, int]:
    """Writes a checked plan; raises ValueError if it has problems (nothing is then written)."""
    if result.problems:
        raise ValueError("a plan with problems is not imported")
    counts = {"new": 0, "changed": 0, "unchanged": 0, "media": 0}
    for step in result.steps:
        counts[step.action] += 1
        if step.action == "unchanged":  # its files were kept when it was first imported
            continue
        for media in step.parsed.media:
            _media_store(media, title=f"{result.bank.title} · {step.reference} · {media.name}", user=user)
            counts["media"] += 1
        question_services.question_save(
            bank=result.bank,
            reference=step.reference,
            kind=step.parsed.kind,
            objective=step.parsed.name,
            content=step.content,
            key=step.key,
            points=step.parsed.points,
            user=user,
        )
    return counts


def _media_store(media: Media, *, title: str, user) -> None:
    """An embedded file kept in the platform's media: an image in the images, anything else in the documents."""
    upload = SimpleUploadedFile(media.name, media.data)
    if media.name.rsplit(".", 1)[-1].lower() in IMAGE_TYPES:
        from wagtail.images import get_image_model

        image = get_image_model()(title=title[:255], file=upload, uploaded_by_user=user)
        image._set_image_file_metadata()
        image.save()
        return
    from wagtail.documents.models import Document

    document = Document(title=title[:255], file=upload, uploaded_by_user=user)
    document._set_document_file_metadata()
    document.save()


def questions_of(*, bank: QuestionBank | None = None, test: Test | None = None) -> list[Question]:
    """The current questions of a bank (by reference), or of a test (in its forms' order, each once)."""
    if bank is not None:
        return list(bank.questions.filter(is_current=True).order_by("reference"))
    if test is None:
        return []
    items = TestItem.objects.filter(form__test=test).order_by("form__label", "position")
    references = list(dict.fromkeys(items.values_list("reference", flat=True)))
    found = {
        question.reference: question
        for question in Question.objects.filter(
            bank__course_id=test.course_id, is_current=True, reference__in=references
        )
    }
    return [found[reference] for reference in references if reference in found]


def export(*, questions: list[Question], file_format: str, category: str) -> tuple[bytes, list[Problem], int]:
    """The file, what it does not hold (named by question reference), and how many questions it holds."""
    notes: list[Problem] = []
    written: list[Parsed] = []
    for question in questions:
        for language in sorted(set(question.content) - {SOURCE}):
            notes.append(
                Problem(
                    question.reference,
                    _("its text in %(language)s is not exported (French only)") % {"language": language.upper()},
                )
            )
        if question.audio_maps():
            notes.append(
                Problem(question.reference, _("its audio clips are not exported (Moodle has no place for them)"))
            )
        if question.kind == QuestionKind.MULTIPLE and (question.key or {}).get("partial") == "all_or_nothing":
            notes.append(Problem(question.reference, _("all-or-nothing scoring is written as proportional")))
        parsed = from_question(question)
        if question.kind == QuestionKind.TRUE_FALSE and parsed.options not in ([], ["Vrai", "Faux"]):
            notes.append(Problem(question.reference, _("its own labels for true and false are not exported")))
        written.append(parsed)
    if file_format == "gift":
        text, left_out = gift.write(written)
        notes += [Problem(reference, message) for reference, message in left_out]
        return text.encode("utf-8"), notes, len(written) - len(left_out)
    return moodle_xml.write(written, category=category), notes, len(written)
