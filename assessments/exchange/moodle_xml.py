"""Moodle XML (docs.moodle.org: "Moodle XML format"), read and written.

Read with defusedxml and no document type allowed: a file that declares entities (a billion-laughs
bomb) or refers to outside files (XXE) is refused before anything is read. Each problem is named
by its element, e.g. `question #3 <answer> 2`.

Mapping (docs/interop.md): <name> = learning objective, <idnumber> = reference, <defaultgrade> =
points, <generalfeedback> = explanation; multichoice (single or not), truefalse, matching,
shortanswer and ordering (the qtype_ordering plugin: answers in display order, `fraction` = the
right position). Files embedded in a question's text (<file> in base64, named @@PLUGINFILE@@/…) are
kept as documents on import.
"""

from __future__ import annotations

import base64
import binascii
import math
import xml.etree.ElementTree as ET
from collections.abc import Callable

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _

from assessments.exchange.common import (
    MAX_MEDIA_BYTES,
    MEDIA_TYPES,
    FileReport,
    Media,
    Parsed,
    Problem,
    html_to_text,
    text_to_html,
)
from assessments.models.questions import QuestionKind

TYPES = {"multichoice", "truefalse", "matching", "shortanswer", "ordering"}


def read(data: bytes) -> FileReport:
    """Every question of a Moodle XML file, each problem named by its element."""
    report = FileReport()
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        report.problem("<!DOCTYPE>", _("The file declares a document type or entities: refused for safety."))
        return report
    except ET.ParseError as error:
        line, column = error.position
        report.problem(
            _("line %(line)d, column %(column)d") % {"line": line, "column": column + 1},
            _("This is not well-formed XML."),
        )
        return report
    if root.tag != "quiz":
        report.problem(f"<{root.tag}>", _("A Moodle XML file begins with <quiz>."))
        return report
    for number, element in enumerate(root.findall("question"), start=1):
        kind = element.get("type", "")
        where = _("question #%(number)d") % {"number": number}
        if kind == "category":
            continue
        if kind not in TYPES:
            name = _text(element.find("name"))
            label = _("%(where)s “%(name)s”") % {"where": where, "name": name} if name else where
            report.skipped.append(
                Problem(label, _("type “%(type)s”, which the platform does not have") % {"type": kind})
            )
            continue
        parsed = _common(element, where, report)
        if parsed is not None and READERS[kind](element, parsed, report):
            report.questions.append(parsed)
    return report


def _text(element, *, html: bool | None = None) -> str:
    """The <text> of an element, as plain text (HTML turned into text when its format is html)."""
    if element is None:
        return ""
    found = element.find("text")
    value = (found.text if found is not None else element.text) or ""
    if html is None:
        html = element.get("format") == "html"
    return html_to_text(value) if html else value.strip()


def _common(element, where: str, report: FileReport) -> Parsed | None:
    text_element = element.find("questiontext")
    if text_element is None or not _text(text_element):
        report.problem(f"{where} <questiontext>", _("The question has no text."))
        return None
    parsed = Parsed(where=where, kind="", text=_text(text_element), name=_text(element.find("name"), html=False))
    parsed.idnumber = (element.findtext("idnumber") or "").strip()
    parsed.explanation = _text(element.find("generalfeedback"))
    grade = (element.findtext("defaultgrade") or "1").strip()
    try:
        points = float(grade)
    except ValueError:
        points = math.nan
    if not points > 0:
        report.problem(f"{where} <defaultgrade>", _("“%(value)s” is not a number above zero.") % {"value": grade})
        return None
    parsed.points = max(1, round(points))
    if parsed.points != points:
        parsed.notes.append(
            _("points are whole numbers here: %(grade)s became %(points)d") % {"grade": grade, "points": parsed.points}
        )
    for holder in ("questiontext", "generalfeedback"):
        for index, file in enumerate(element.findall(f"{holder}/file"), start=1):
            media = _media(file, f"{where} <{holder}> <file> {index}", report)
            if media is None:
                return None
            parsed.media.append(media)
    if any(_text(element.find(name)) for name in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")):
        parsed.notes.append(_("feedback on right or wrong answers is not kept (only the general feedback is)"))
    return parsed


def _media(file, where: str, report: FileReport) -> Media | None:
    name = (file.get("name") or "").strip()
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in MEDIA_TYPES:
        report.problem(where, _("“%(name)s”: only images, sound and PDF files are taken.") % {"name": name})
        return None
    if len(file.text or "") > MAX_MEDIA_BYTES * 4 // 3 + 4:
        report.problem(
            where, _("“%(name)s” is larger than %(size)d MB.") % {"name": name, "size": MAX_MEDIA_BYTES >> 20}
        )
        return None
    try:
        data = base64.b64decode("".join((file.text or "").split()), validate=True)
    except (binascii.Error, ValueError):
        report.problem(where, _("“%(name)s” is not valid base64.") % {"name": name})
        return None
    return Media(name=name, data=data)


def _answers(element, where: str, parsed: Parsed, report: FileReport) -> list[tuple[float, str]] | None:
    """(fraction, label) of each <answer>; None (the problem recorded) when one is wrong."""
    answers = []
    for index, answer in enumerate(element.findall("answer"), start=1):
        fraction = answer.get("fraction", "0")
        try:
            value = float(fraction)
        except ValueError:
            value = math.nan
        if math.isnan(value):
            report.problem(
                f"{where} <answer> {index}", _("fraction=“%(value)s” is not a number.") % {"value": fraction}
            )
            return None
        label = _text(answer)
        if not label:
            report.problem(f"{where} <answer> {index}", _("The answer is empty."))
            return None
        if _text(answer.find("feedback")):
            parsed.notes.append(_("feedback on the answers is not kept (only the general feedback is)"))
        answers.append((value, label))
    return answers


def _multichoice(element, parsed: Parsed, report: FileReport) -> bool:
    answers = _answers(element, parsed.where, parsed, report)
    if answers is None:
        return False
    parsed.options = [label for _fraction, label in answers]
    single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
    rights = [index for index, (fraction, _label) in enumerate(answers) if fraction >= 99.99]
    positive = [index for index, (fraction, _label) in enumerate(answers) if fraction > 0]
    if single:
        if len(rights) != 1:
            report.problem(f"{parsed.where} <answer>", _("A single-choice question needs exactly one answer at 100%."))
            return False
        parsed.kind, parsed.correct = QuestionKind.SINGLE, rights
        if len(positive) > 1:
            parsed.notes.append(_("partial credit on the other answers is not kept"))
        return True
    if not positive:
        report.problem(f"{parsed.where} <answer>", _("No answer has a positive fraction."))
        return False
    parsed.kind, parsed.correct = QuestionKind.MULTIPLE, positive
    share = 100 / len(positive)
    if any(
        abs(fraction - (share if i in positive else -share)) > 0.01 and fraction != 0
        for i, (fraction, _l) in enumerate(answers)
    ):
        parsed.notes.append(_("the weights are not kept: the platform scores (right − wrong) / right answers"))
    return True


def _truefalse(element, parsed: Parsed, report: FileReport) -> bool:
    answers = _answers(element, parsed.where, parsed, report)
    if answers is None:
        return False
    right = [label.strip().lower() for fraction, label in answers if fraction >= 99.99]
    if len(right) != 1 or right[0] not in ("true", "false", "vrai", "faux"):
        report.problem(
            f"{parsed.where} <answer>", _("A true/false question has a “true” and a “false” answer, one at 100%.")
        )
        return False
    parsed.kind, parsed.correct = QuestionKind.TRUE_FALSE, [0 if right[0] in ("true", "vrai") else 1]
    return True


def _matching(element, parsed: Parsed, report: FileReport) -> bool:
    for index, sub in enumerate(element.findall("subquestion"), start=1):
        right = _text(sub.find("answer"), html=False)
        if not right:
            report.problem(f"{parsed.where} <subquestion> {index} <answer>", _("The answer is empty."))
            return False
        parsed.pairs.append((_text(sub), right))
    parsed.kind = QuestionKind.MATCHING
    return True


def _shortanswer(element, parsed: Parsed, report: FileReport) -> bool:
    answers = _answers(element, parsed.where, parsed, report)
    if answers is None:
        return False
    parsed.kind = QuestionKind.SHORT
    parsed.accepted = [label for fraction, label in answers if fraction >= 99.99]
    if len(parsed.accepted) < len(answers):
        parsed.notes.append(_("answers with partial credit are not kept (only full-credit answers are)"))
    if (element.findtext("usecase") or "0").strip() == "1":
        parsed.notes.append(_("answers are checked here without regard to case or accents"))
    return True


def _ordering(element, parsed: Parsed, report: FileReport) -> bool:
    answers = _answers(element, parsed.where, parsed, report)
    if answers is None:
        return False
    parsed.kind, parsed.options = QuestionKind.ORDERING, [label for _fraction, label in answers]
    fractions = [fraction for fraction, _label in answers]
    # The right order is the answers' fractions when they number the positions, else the file's order.
    by_fraction = len(set(fractions)) == len(fractions)
    parsed.correct = (
        sorted(range(len(answers)), key=lambda i: fractions[i]) if by_fraction else list(range(len(answers)))
    )
    if (element.findtext("selecttype") or "ALL").strip().upper() != "ALL":
        parsed.notes.append(_("all the items are shown here, not a selection"))
    return True


READERS = {
    "multichoice": _multichoice,
    "truefalse": _truefalse,
    "matching": _matching,
    "shortanswer": _shortanswer,
    "ordering": _ordering,
}
MOODLE_TYPES: dict[str, str] = {
    QuestionKind.SINGLE: "multichoice",
    QuestionKind.MULTIPLE: "multichoice",
    QuestionKind.TRUE_FALSE: "truefalse",
    QuestionKind.MATCHING: "matching",
    QuestionKind.SHORT: "shortanswer",
    QuestionKind.ORDERING: "ordering",
}


def _child(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        ET.SubElement(element, "text").text = text
    return element


def write(questions: list[Parsed], *, category: str) -> bytes:
    """Moodle XML of the questions, in a category named after the bank or test."""
    quiz = ET.Element("quiz")
    holder = _child(quiz, "question", type="category")
    # A slash separates Moodle's categories; one inside a name is written twice.
    _child(holder, "category", "$course$/top/" + category.replace("/", "//"))
    for parsed in questions:
        question = _child(quiz, "question", type=MOODLE_TYPES[parsed.kind])
        _child(question, "name", parsed.name)
        _child(question, "questiontext", text_to_html(parsed.text), format="html")
        _child(question, "generalfeedback", text_to_html(parsed.explanation), format="html")
        ET.SubElement(question, "defaultgrade").text = str(parsed.points)
        ET.SubElement(question, "penalty").text = "0"
        ET.SubElement(question, "hidden").text = "0"
        ET.SubElement(question, "idnumber").text = parsed.idnumber
        WRITERS[parsed.kind](question, parsed)
    ET.indent(quiz)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="utf-8") + b"\n"


def _write_choices(question, parsed: Parsed) -> None:
    single = parsed.kind == QuestionKind.SINGLE
    ET.SubElement(question, "single").text = "true" if single else "false"
    ET.SubElement(question, "shuffleanswers").text = "true"
    ET.SubElement(question, "answernumbering").text = "abc"
    share = 100 / len(parsed.correct)
    for index, label in enumerate(parsed.options):
        fraction = (100 if index in parsed.correct else 0) if single else (share if index in parsed.correct else -share)
        _child(
            question, "answer", text_to_html(label), fraction=f"{fraction:.5f}".rstrip("0").rstrip("."), format="html"
        )


def _write_truefalse(question, parsed: Parsed) -> None:
    for index, label in enumerate(("true", "false")):
        _child(
            question, "answer", label, fraction="100" if parsed.correct == [index] else "0", format="moodle_auto_format"
        )


def _write_matching(question, parsed: Parsed) -> None:
    ET.SubElement(question, "shuffleanswers").text = "true"
    for left, right in parsed.pairs:
        sub = _child(question, "subquestion", text_to_html(left), format="html")
        _child(sub, "answer", right)


def _write_short(question, parsed: Parsed) -> None:
    ET.SubElement(question, "usecase").text = "0"
    for answer in parsed.accepted:
        _child(question, "answer", answer, fraction="100", format="moodle_auto_format")


def _write_ordering(question, parsed: Parsed) -> None:
    for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0")):
        ET.SubElement(question, tag).text = value
    ET.SubElement(question, "gradingtype").text = "ABSOLUTE_POSITION"
    ET.SubElement(question, "showgrading").text = "SHOW"
    # In display order; the fraction is each item's right position.
    for index, label in enumerate(parsed.options):
        position = parsed.correct.index(index) + 1
        _child(question, "answer", text_to_html(label), fraction=str(position), format="html")


WRITERS: dict[str, Callable[[ET.Element, Parsed], None]] = {
    QuestionKind.SINGLE: _write_choices,
    QuestionKind.MULTIPLE: _write_choices,
    QuestionKind.TRUE_FALSE: _write_truefalse,
    QuestionKind.MATCHING: _write_matching,
    QuestionKind.SHORT: _write_short,
    QuestionKind.ORDERING: _write_ordering,
}
