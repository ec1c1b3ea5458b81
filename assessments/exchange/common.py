"""What GIFT and Moodle XML share: a question read from a file, and the problems and notes of a file.

A file names no ids: choices are a list of labels. `Parsed` holds one question as the file gave it
(labels in the file's order, the correct ones marked); `to_content` turns it into the `content` and
`key` of our model (ids a, b, c… for choices and the right column, 1, 2, 3… for the left column)
and checks it with the admin form's own rules (assessments.question_content). `from_question`
gives the labels of one of our questions for a writer.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from assessments import question_content
from assessments.models.questions import QuestionKind

SOURCE = "fr"  # files are read into, and written from, the French text
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_QUESTIONS = 1000
MAX_MEDIA_BYTES = 2 * 1024 * 1024
MEDIA_TYPES = {"png", "jpg", "jpeg", "gif", "webp", "svg", "mp3", "ogg", "oga", "m4a", "wav", "pdf"}


@dataclass
class Problem:
    where: str  # "ligne 12", "question #3 <answer> 2"
    message: str

    def __str__(self) -> str:
        if not self.where:
            return self.message
        return _("%(where)s: %(message)s") % {"where": self.where, "message": self.message}


@dataclass
class Media:
    """A file embedded in a Moodle XML question (<file> in base64), stored as a document on import."""

    name: str
    data: bytes


@dataclass
class Parsed:
    """One question as a file holds it; labels only, in the file's order."""

    where: str
    kind: str
    text: str
    name: str = ""  # Moodle's question name: our learning objective
    idnumber: str = ""  # Moodle's id number: our reference
    points: int = 1
    explanation: str = ""
    options: list[str] = field(default_factory=list)  # single, multiple, true/false, ordering (display order)
    correct: list[int] = field(default_factory=list)  # indexes in options; ordering: the right order
    pairs: list[tuple[str, str]] = field(default_factory=list)  # matching: (left, right); left "" = distractor
    accepted: list[str] = field(default_factory=list)  # short answer
    partial: str = "proportional"
    media: list[Media] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the file holds and our model does not


@dataclass
class FileReport:
    """What reading a file found: the questions, the errors (nothing is imported while there is one),
    the questions left aside (kinds we do not have) and what is not kept."""

    questions: list[Parsed] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message))


def ids(count: int, *, numbers: bool = False) -> list[str]:
    """a, b, c… (or 1, 2, 3…): the ids given to a file's labels."""
    if numbers:
        return [str(index) for index in range(1, count + 1)]
    return [chr(97 + index) if index < 26 else f"z{index + 1}" for index in range(count)]


def to_content(parsed: Parsed) -> tuple[dict, dict]:
    """(content entry in French, key) of a parsed question; raises ValidationError as the admin does."""
    boxes = {"text_fr": parsed.text, "explanation_fr": parsed.explanation, "objective_fr": parsed.name}
    key_boxes: dict[str, str] = {"partial": parsed.partial}
    if parsed.kind == QuestionKind.TRUE_FALSE:  # the labels are the platform's own: Vrai, Faux
        key_boxes["correct"] = "true" if parsed.correct == [0] else "false"
    elif parsed.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.ORDERING):
        option_ids = ids(len(parsed.options))
        boxes["options_fr"] = question_content.format_labels(dict(zip(option_ids, parsed.options, strict=True)))
        chosen = [option_ids[index] for index in parsed.correct]
        key_boxes["correct" if parsed.kind != QuestionKind.ORDERING else "order"] = ", ".join(chosen)
    elif parsed.kind == QuestionKind.MATCHING:
        lefts = [left for left, _right in parsed.pairs if left]
        rights = list(dict.fromkeys(right for _left, right in parsed.pairs))
        left_ids, right_ids = ids(len(lefts), numbers=True), ids(len(rights))
        boxes["left_fr"] = question_content.format_labels(dict(zip(left_ids, lefts, strict=True)))
        boxes["right_fr"] = question_content.format_labels(dict(zip(right_ids, rights, strict=True)))
        found = [(left, right) for left, right in parsed.pairs if left]
        key_boxes["pairs"] = "\n".join(
            f"{left_ids[index]}: {right_ids[rights.index(right)]}" for index, (_left, right) in enumerate(found)
        )
    elif parsed.kind == QuestionKind.SHORT:
        boxes["accepted_fr"] = "\n".join(parsed.accepted)
    if any("\n" in label for label in [*parsed.options, *(left + right for left, right in parsed.pairs)]):
        raise ValidationError({"options_fr": _("A choice cannot hold a line break.")})
    return question_content.build(kind=parsed.kind, languages=[SOURCE], boxes=boxes, key_boxes=key_boxes)


def from_question(question) -> Parsed:
    """The labels of one of our questions (its French text), as a writer puts them in a file."""
    entry = question.content.get(SOURCE) or {}
    key = question.key or {}
    parsed = Parsed(
        where=question.reference,
        kind=question.kind,
        text=entry.get("text", ""),
        name=question.objective,
        idnumber=question.reference,
        points=question.points,
        explanation=entry.get("explanation", ""),
        partial=key.get("partial", "proportional"),
    )
    options = entry.get("options") or {}
    option_ids = list(options)
    parsed.options = [options[option] for option in option_ids]
    if question.kind == QuestionKind.ORDERING:
        parsed.correct = [option_ids.index(option) for option in key.get("order", [])]
    elif "correct" in key:
        correct = key["correct"] if isinstance(key["correct"], list) else [key["correct"]]
        parsed.correct = [option_ids.index(option) for option in correct if option in option_ids]
    if question.kind == QuestionKind.TRUE_FALSE and "true" in option_ids and option_ids[0] != "true":
        # "true" first, as Moodle has it: a true/false question whose first choice is not "true" is reversed.
        parsed.options.reverse()
        parsed.correct = [1 - index for index in parsed.correct]
    if question.kind == QuestionKind.MATCHING:
        left, right, pairs = entry.get("left") or {}, entry.get("right") or {}, key.get("pairs") or {}
        parsed.pairs = [(left[item], right[pairs[item]]) for item in left]
        parsed.pairs += [("", label) for item, label in right.items() if item not in pairs.values()]
    parsed.accepted = list(entry.get("accepted") or [])
    return parsed


def reference_for(parsed: Parsed, taken: set[str], number: int) -> str:
    """Our reference for a question read from a file: its id number, else its name, as a slug; unique."""
    ascii_text = unicodedata.normalize("NFKD", parsed.idnumber or parsed.name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_text)[:28].strip("-_") or f"q-{number:03d}"
    reference, counter = base, 2
    while reference.lower() in taken:
        reference, counter = f"{base}-{counter}"[:32], counter + 1
    taken.add(reference.lower())
    return reference


BLOCKS = re.compile(r"<\s*(br|/p|/div|/li|/h[1-6]|/tr)\b[^>]*>", re.IGNORECASE)
TAGS = re.compile(r"<[^>]*>")
IMAGES = re.compile(r"<\s*(img|audio|video|source|a)\b[^>]*?(?:src|href)\s*=\s*[\"']([^\"']*)[\"'][^>]*>", re.I)
PLUGINFILE = "@@PLUGINFILE@@/"


def html_to_text(value: str) -> str:
    """The plain text of HTML (our questions are plain text): line breaks kept, media named."""

    def medium(match: re.Match) -> str:
        address = html.unescape(match.group(2))
        with translation.override(SOURCE):  # the text is French
            if address.startswith(PLUGINFILE):
                return " [" + _("file: %(name)s") % {"name": address[len(PLUGINFILE) :]} + "] "
            return " [" + _("link: %(address)s") % {"address": address} + "] "

    value = re.sub(r"[\r\n\t]+", " ", value)  # HTML's own line breaks are spaces
    value = IMAGES.sub(medium, value)
    value = BLOCKS.sub("\n", value)
    value = html.unescape(TAGS.sub("", value))
    lines = [line.strip(" ") for line in value.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def text_to_html(value: str) -> str:
    """Plain text as HTML that Moodle shows the same (escaped, line breaks as <br>)."""
    return "<br>".join(html.escape(line, quote=False) for line in value.split("\n"))
