"""GIFT, Moodle's text format for questions (docs.moodle.org: "GIFT format"), read and written.

A question is a block of lines ended by a blank line: an optional `::title::`, the text, and the
answers in braces. `// ` lines are comments; Moodle reads `[id:…]` in the comment lines just before a
question as its id number, and so do we, with `[points:…]` (ours; Moodle ignores it). The characters
~ = # { } : are written `\\~ \\= \\# \\{ \\} \\:` in text, `\\n` is a line break and `\\\\` a backslash.

Mapping (docs/interop.md): title = learning objective, id number = reference, `####` = explanation.
`{=a ~b}` single choice, `{~%50%a ~%50%b ~%-100%c}` multiple response (no `=`), `{T}`/`{F}` true or
false, `{=x -> 1 =y -> 2}` matching, `{=a =b}` short answer. GIFT has no ordering question.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from assessments.exchange.common import FileReport, Parsed, Problem, html_to_text
from assessments.models.questions import QuestionKind

ESCAPES = {"\\\\": "\ue000", "\\~": "\ue001", "\\=": "\ue002", "\\#": "\ue003", "\\{": "\ue004", "\\}": "\ue005"}
ESCAPES |= {"\\:": "\ue006", "\\n": "\ue007"}
RESTORE = {mark: pair[1] for pair, mark in ESCAPES.items()} | {"\ue007": "\n"}
ESCAPED = re.compile(r"\\[\\~=#{}:n]")
WEIGHT = re.compile(r"^%(-?\d+(?:[.,]\d+)?)%")
META = re.compile(r"\[(id|points):([^\]]*)\]")
TRUE_FALSE = {"T": 0, "TRUE": 0, "F": 1, "FALSE": 1}


def _protect(text: str) -> str:
    return ESCAPED.sub(lambda match: ESCAPES[match.group(0)], text)


def _restore(text: str) -> str:
    return "".join(RESTORE.get(char, char) for char in text).strip()


def escape(text: str) -> str:
    """Text as GIFT holds it: the special characters escaped, line breaks as \\n."""
    text = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\r", "").replace("\n", "\\n")


def read(data: bytes) -> FileReport:
    """Every question of a GIFT file, with the line of each problem."""
    report = FileReport()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        report.problem(_("line %(line)d") % {"line": line}, _("The file is not UTF-8 text (save it as UTF-8)."))
        return report
    for start, lines, meta in _blocks(text.replace("\r\n", "\n").replace("\r", "\n")):
        _question(start, "\n".join(lines), meta, report)
    return report


def _blocks(text: str):
    """(first line number, lines, {"id": …, "points": …}) of each question: blocks between blank lines."""
    lines: list[str] = []
    meta: dict[str, str] = {}
    start = 0
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        stripped = line.strip()
        if stripped.startswith("//"):
            if not lines:
                meta.update({name: value.strip() for name, value in META.findall(stripped)})
            continue
        if stripped.startswith("$CATEGORY:") and not lines:
            continue
        if stripped:
            start = start or number
            lines.append(line)
        elif lines:
            yield start, lines, meta
            lines, meta, start = [], {}, 0
        else:
            meta = {}


def _question(start: int, raw: str, meta: dict[str, str], report: FileReport) -> None:
    body = _protect(raw)

    def where(offset: int = 0) -> str:
        return _("line %(line)d") % {"line": start + body[:offset].count("\n")}

    name, rest_at = "", 0
    if body.lstrip().startswith("::"):
        opening = body.index("::")
        closing = body.find("::", opening + 2)
        if closing < 0:
            report.problem(where(opening), _("The title opened by “::” is not closed by “::”."))
            return
        name, rest_at = _restore(body[opening + 2 : closing]), closing + 2
    is_html = False
    format_match = re.match(r"\s*\[(html|plain|moodle|markdown)\]", body[rest_at:])
    if format_match:
        is_html, rest_at = format_match.group(1) == "html", rest_at + format_match.end()
    opening = body.find("{", rest_at)
    if opening < 0:
        report.skipped.append(Problem(where(rest_at), _("a description without answers (nothing to answer)")))
        return
    closing = body.find("}", opening)
    if closing < 0:
        report.problem(where(opening), _("The answers opened by “{” are not closed by “}”."))
        return
    if "{" in body[opening + 1 : closing] or "{" in body[closing:]:
        report.problem(where(closing), _("Only one answer block “{…}” per question (write \\{ for a brace)."))
        return
    before, after = _restore(body[rest_at:opening]), _restore(body[closing + 1 :])
    text = f"{before} _____ {after}".strip() if after else before
    parsed = Parsed(where=where(rest_at), kind="", text=_clean(text, is_html), name=_clean(name, is_html))
    parsed.idnumber = meta.get("id", "")
    if points := meta.get("points"):
        if not points.isdigit() or int(points) < 1:
            report.problem(where(), _("[points:%(value)s] is not a whole number above zero.") % {"value": points})
            return
        parsed.points = int(points)
    if _answers(body[opening + 1 : closing], parsed, report, where=lambda at: where(opening + 1 + at), html=is_html):
        report.questions.append(parsed)


def _clean(text: str, is_html: bool) -> str:
    return html_to_text(text) if is_html else text.strip()


def _answers(block: str, parsed: Parsed, report: FileReport, *, where, html: bool) -> bool:
    """Fills `parsed` from the text between the braces; False (the problem recorded) when it cannot."""
    general_at = block.find("####")
    if general_at >= 0:
        parsed.explanation = _clean(_restore(block[general_at + 4 :]), html)
        block = block[:general_at]
    stripped = block.strip()
    if not stripped:
        report.skipped.append(Problem(where(0), _("an essay question (no answer to score)")))
        return False
    if stripped.startswith("#"):
        report.skipped.append(Problem(where(0), _("a numerical question (the platform has none)")))
        return False
    word = stripped.split("#", 1)[0].strip().upper()
    if word in TRUE_FALSE:
        parsed.kind, parsed.correct = QuestionKind.TRUE_FALSE, [TRUE_FALSE[word]]
        if "#" in stripped:
            parsed.notes.append(_("feedback on the answers is not kept (only the general feedback is)"))
        return True
    lead, *parts = re.split(r"(?=[=~])", block)
    if lead.strip():
        report.problem(where(0), _("Text before the first answer: begin each answer with “=” or “~”."))
        return False
    answers = []
    for part in parts:
        answer = _answer(part, parsed, report, where=where(block.find(part)), html=html)
        if answer is None:
            return False
        answers.append(answer)
    return _shape(answers, parsed, report, where=where(0))


def _answer(part: str, parsed: Parsed, report: FileReport, *, where: str, html: bool):
    """(mark "=" or "~", weight or None, label) of one answer."""
    mark, rest = part[0], part[1:].strip()
    weight = None
    if match := WEIGHT.match(rest):
        weight, rest = float(match.group(1).replace(",", ".")), rest[match.end() :].strip()
    elif rest.startswith("%"):
        report.problem(
            where,
            _("A weight is written %(example)s (a number between two “%(sign)s” signs).")
            % {"example": "%50%", "sign": "%"},
        )
        return None
    if "#" in rest:
        rest = rest.split("#", 1)[0]
        parsed.notes.append(_("feedback on the answers is not kept (only the general feedback is)"))
    return mark, weight, _clean(_restore(rest), html)


def _shape(answers: list, parsed: Parsed, report: FileReport, *, where: str) -> bool:
    """The kind of question the answers make, and its key."""
    if any("->" in label for _mark, _weight, label in answers):
        if any(mark != "=" or "->" not in label for mark, _weight, label in answers):
            report.problem(where, _("A matching question has only “=left -> right” answers."))
            return False
        parsed.kind = QuestionKind.MATCHING
        parsed.pairs = [tuple(side.strip() for side in label.split("->", 1)) for _mark, _weight, label in answers]
        return True
    if any(not label for _mark, _weight, label in answers):
        report.problem(where, _("An answer is empty."))
        return False
    if all(mark == "=" for mark, _weight, _label in answers):
        parsed.kind = QuestionKind.SHORT
        parsed.accepted = [label for _mark, weight, label in answers if weight is None or weight >= 100]
        if len(parsed.accepted) < len(answers):
            parsed.notes.append(_("answers with partial credit are not kept (only full-credit answers are)"))
        return True
    parsed.options = [label for _mark, _weight, label in answers]
    rights = [index for index, (mark, weight, _label) in enumerate(answers) if mark == "=" and weight in (None, 100)]
    partly = [index for index, (mark, weight, _label) in enumerate(answers) if weight is not None and 0 < weight < 100]
    if len(rights) > 1:
        report.problem(where, _("More than one answer is marked “=”: a multiple-response question uses ~%50%."))
        return False
    if rights:
        parsed.kind, parsed.correct = QuestionKind.SINGLE, rights
        if partly:
            parsed.notes.append(_("partial credit on the other answers is not kept"))
        return True
    positive = [index for index, (_mark, weight, _label) in enumerate(answers) if weight and weight > 0]
    if not positive:
        report.problem(where, _("No answer is right: mark it with “=” or give it a positive weight (~%50%)."))
        return False
    parsed.kind, parsed.correct = QuestionKind.MULTIPLE, positive
    if _weights_differ(answers, positive):
        parsed.notes.append(_("the weights are not kept: the platform scores (right − wrong) / right answers"))
    return True


def _weights_differ(answers: list, positive: list[int]) -> bool:
    share = 100 / len(positive)
    for index, (_mark, weight, _label) in enumerate(answers):
        expected = share if index in positive else -share
        if weight is not None and abs(weight - expected) > 0.01 and not (index not in positive and weight == 0):
            return True
    return False


def write(questions: list[Parsed]) -> tuple[str, list[tuple[str, str]]]:
    """GIFT text of the questions, and (reference, what was left out) for each one not written."""
    blocks, left_out = [], []
    for parsed in questions:
        if parsed.kind == QuestionKind.ORDERING:
            left_out.append((parsed.idnumber, _("GIFT has no ordering question (export as Moodle XML)")))
            continue
        if any("->" in label for label in [*parsed.options, *parsed.accepted, *(left for left, _r in parsed.pairs)]):
            # Moodle reads an answer holding "->" as a matching pair, and GIFT has no escape for it.
            left_out.append((parsed.idnumber, _("an answer holds “->”, which GIFT reads as a matching pair")))
            continue
        meta = f"// [id:{parsed.idnumber}]" + (f" [points:{parsed.points}]" if parsed.points != 1 else "")
        title = f"::{escape(parsed.name)}::" if parsed.name else ""
        if parsed.text.startswith("["):  # a text that begins like a format mark keeps its bracket
            title += "[moodle]"
        blocks.append(f"{meta}\n{title}{escape(parsed.text)} {{\n{_answers_written(parsed)}}}\n")
    return "\n".join(blocks), left_out


def _answers_written(parsed: Parsed) -> str:
    lines = []
    if parsed.kind == QuestionKind.TRUE_FALSE:
        lines.append("TRUE" if parsed.correct == [0] else "FALSE")
    elif parsed.kind == QuestionKind.SINGLE:
        lines += [
            ("=" if index in parsed.correct else "~") + escape(label) for index, label in enumerate(parsed.options)
        ]
    elif parsed.kind == QuestionKind.MULTIPLE:
        share = _number(100 / len(parsed.correct))
        for index, label in enumerate(parsed.options):
            lines.append(f"~%{share if index in parsed.correct else '-' + share}%{escape(label)}")
    elif parsed.kind == QuestionKind.MATCHING:
        lines += [f"={escape(left)} -> {escape(right)}" for left, right in parsed.pairs]
    elif parsed.kind == QuestionKind.SHORT:
        lines += [f"={escape(answer)}" for answer in parsed.accepted]
    if parsed.explanation:
        lines.append(f"####{escape(parsed.explanation)}")
    return "".join(f"\t{line}\n" for line in lines)


def _number(value: float) -> str:
    """A weight as Moodle lists them: 50, 33.33333, 25."""
    return f"{value:.5f}".rstrip("0").rstrip(".")
