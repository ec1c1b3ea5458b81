"""Paper tests: a printable test form and an answer grid for the trainer (PDF, reportlab).

Where devices or the network fall short, trainees take a test on paper and the trainer types their
answers into a spreadsheet that `assessments.paper_import` reads. The letters printed here (A, B,
C…) are the letters typed there: both go through `option_letters` and `matching_sides`, so a
printed "B" and a typed "B" always mean the same option.

Options are printed in id order (natural order: "2" before "10"), true/false as true then false,
never shuffled, and the answer key is never printed. The font is DejaVu Sans (lms.pdf), which has the
letters of Fula names (Ɓ Ɗ Ƴ Ŋ Ɲ ɛ ɔ) that the built-in Helvetica lacks.
"""

from __future__ import annotations

import re

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from assessments.models import Question, Test, TestForm
from lms import pdf

# --- Letters: shared with the import of typed answers ----------------------------------------------


def letter(index: int) -> str:
    """A for 0, B for 1, … Z, then AA, AB… (tests have far fewer options than that)."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def _natural(value: str) -> list[tuple[int, int | str]]:
    return [(0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", str(value)) if part]


def _ids(question: Question, field: str) -> list[str]:
    """The ids of `field` ("options", "left", "right") in print order (from the French content)."""
    ids = list(((question.content or {}).get("fr") or {}).get(field, {}) or {})
    if question.kind == "true_false" and field == "options":
        first = [option for option in ("true", "false") if option in ids]
        return first + sorted((option for option in ids if option not in first), key=_natural)
    return sorted(ids, key=_natural)


def paper_options(question: Question) -> list[str]:
    """The question's option ids in the order the paper form prints them (A, B, C…)."""
    return _ids(question, "options")


def option_letters(question: Question) -> dict[str, str]:
    """{letter: option id} in print order: the letters of a choice or ordering question."""
    return {letter(index): option for index, option in enumerate(paper_options(question))}


def matching_sides(question: Question) -> tuple[dict[str, str], dict[str, str]]:
    """({number: left id}, {letter: right id}): left items are numbered 1, 2…, right ones lettered."""
    left = {str(index): item for index, item in enumerate(_ids(question, "left"), start=1)}
    right = {letter(index): item for index, item in enumerate(_ids(question, "right"))}
    return left, right


def form_questions(*, test: Test, form: TestForm) -> list[Question]:
    """The current version of each question on `form`, in position order (as an attempt starts)."""
    references = list(form.items.order_by("position").values_list("reference", flat=True))
    current = {
        q.reference: q
        for q in Question.objects.filter(bank__course_id=test.course_id, reference__in=references, is_current=True)
    }
    return [current[reference] for reference in references if reference in current]


def paper_layout(questions: list[Question]) -> list[dict]:
    """An attempt's layout for a paper form: questions in form order, options in print order."""
    return [{"question": question.pk, "options": paper_options(question)} for question in questions]


def _form(test: Test, form_label: str) -> TestForm:
    return test.forms.get(label=form_label or "")


def _course_title(test: Test) -> str:
    from courses.models import CoursePage

    page = CoursePage.objects.get(pk=test.course_id)
    return page.localized.title


def _subtitle(test: Test, form: TestForm) -> str:
    if form.label:
        return _("%(kind)s — form %(form)s") % {"kind": test.get_kind_display(), "form": form.label}
    return str(test.get_kind_display())


# --- The test form ----------------------------------------------------------------------------


def _blank_lines(labels: list[str], styles, width: float) -> Table:
    """ "Name: ______" fields: a label and a ruled cell for each."""
    row = []
    widths = []
    share = width / len(labels)
    for label in labels:
        row += [Paragraph(pdf.text(label), styles["base"]), ""]
        widths += [share * 0.3, share * 0.7 - 4 * mm]
    table = Table([row], colWidths=widths, hAlign="LEFT")
    commands = [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (-1, -1), 8)]
    for index in range(len(labels)):
        commands.append(("LINEBELOW", (2 * index + 1, 0), (2 * index + 1, 0), 0.6, colors.black))
    table.setStyle(TableStyle(commands))
    return table


def _choices(question: Question, labels: dict, styles, *, boxes: bool) -> Table:
    rows = []
    for option_letter, option in option_letters(question).items():
        label = Paragraph(pdf.text(labels.get(option, option)), styles["base"])
        head = Paragraph(f"<b>{pdf.text(option_letter)}</b>", styles["base"])
        rows.append(["", head, label] if boxes else [head, label])
    widths = [9 * mm, 11 * mm, None] if boxes else [10 * mm, None]
    table = Table(rows or [[""]], colWidths=widths if rows else None, hAlign="LEFT")
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 3)]
    if boxes and rows:
        commands += [("BOX", (0, index), (0, index), 0.8, colors.black) for index in range(len(rows))]
        commands += [("BOTTOMPADDING", (0, 0), (-1, -1), 5), ("LEFTPADDING", (1, 0), (1, -1), 8)]
    table.setStyle(TableStyle(commands))
    return table


def _matching(question: Question, text: dict, styles, width: float) -> list:
    left, right = matching_sides(question)
    left_labels, right_labels = text.get("left", {}) or {}, text.get("right", {}) or {}
    left_cells = [
        Paragraph(f"<b>{pdf.text(number)}.</b> {pdf.text(left_labels.get(item, item))}", styles["base"])
        for number, item in left.items()
    ]
    right_cells = [
        Paragraph(f"<b>{pdf.text(label)}.</b> {pdf.text(right_labels.get(item, item))}", styles["base"])
        for label, item in right.items()
    ]
    rows = [
        [
            left_cells[index] if index < len(left_cells) else "",
            right_cells[index] if index < len(right_cells) else "",
        ]
        for index in range(max(len(left_cells), len(right_cells), 1))
    ]
    columns = Table(rows, colWidths=[width / 2, width / 2], hAlign="LEFT")
    columns.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    # Where to write the answer: "1 → ___" for each left item.
    answers = Table(
        [[Paragraph(f"<b>{pdf.text(number)}</b> :", styles["base"]), ""] for number in left] or [["", ""]],
        colWidths=[10 * mm, 18 * mm],
        hAlign="LEFT",
    )
    answers.setStyle(
        TableStyle([("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black), ("TOPPADDING", (0, 0), (-1, -1), 5)])
    )
    return [columns, Spacer(1, 2 * mm), answers]


def _short(width: float) -> Table:
    table = Table([[""], [""]], colWidths=[width], rowHeights=[9 * mm, 9 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.6, colors.black)]))
    return table


HINTS = {
    "single": lambda: _("Circle the letter of the right answer."),
    "true_false": lambda: _("Circle the letter of the right answer."),
    "multiple": lambda: _("Circle the letter of every right answer (there may be several)."),
    "matching": lambda: _("Write next to each number the letter that matches it."),
    "ordering": lambda: _("Number the boxes in the right order: 1 for the first, 2 for the next…"),
    "short": lambda: _("Write a short answer on the line."),
}


def _question_block(number: int, question: Question, language: str, styles, width: float) -> KeepTogether:
    text = question.text_in(language)
    parts = [
        Paragraph(f"{number}. {pdf.text(text.get('text', ''))}", styles["question"]),
        Paragraph(pdf.text(HINTS.get(question.kind, lambda: "")()), styles["hint"]),
        Spacer(1, 1.5 * mm),
    ]
    labels = text.get("options", {}) or {}
    if question.kind in ("single", "true_false", "multiple"):
        parts.append(_choices(question, labels, styles, boxes=False))
    elif question.kind == "ordering":
        parts.append(_choices(question, labels, styles, boxes=True))
    elif question.kind == "matching":
        parts += _matching(question, text, styles, width)
    elif question.kind == "short":
        parts.append(_short(width))
    parts.append(Spacer(1, 5 * mm))
    return KeepTogether(parts)


def test_form_pdf(*, test: Test, form_label: str = "", language: str = "fr", compress: bool = True) -> bytes:
    """One form of a test as a printable A4 PDF in `language` (French text where none is given).

    Raises TestForm.DoesNotExist when the test has no form `form_label`. `compress=False` leaves
    the page streams readable (for tests).
    """
    with translation.override(language):
        form = _form(test, form_label)
        styles = pdf.styles()
        width = A4[0] - 30 * mm
        title = _course_title(test)
        subtitle = _subtitle(test, form)
        story = [
            Paragraph(pdf.text(title), styles["title"]),
            Paragraph(pdf.text(subtitle), styles["subtitle"]),
            Spacer(1, 2 * mm),
            _blank_lines([_("Name:"), _("Date:")], styles, width),
            _blank_lines([_("Session:")], styles, width / 2),
            Spacer(1, 3 * mm),
            Paragraph(
                pdf.text(_("Answer on this sheet. Write clearly; ask the trainer if a question is not clear.")),
                styles["hint"],
            ),
            Spacer(1, 5 * mm),
        ]
        for number, question in enumerate(form_questions(test=test, form=form), start=1):
            story.append(_question_block(number, question, language, styles, width))
        return pdf.build(
            story, pagesize=A4, title=f"{title} – {subtitle}", footer=f"{title} · {subtitle}", compress=compress
        )


# Not a test function, though pytest would collect it by its name wherever it is imported.
test_form_pdf.__test__ = False


# --- The answer grid ------------------------------------------------------------------------------


def _column_chunks(count: int, available: float, minimum: float) -> list[range]:
    per_table = max(1, int(available // minimum))
    return [range(start, min(start + per_table, count)) for start in range(0, count, per_table)]


def _answer_sheet_intro(title: str, subtitle: str, styles, width: float) -> list:
    return [
        Paragraph(pdf.text(title), styles["title"]),
        Paragraph(pdf.text(_("%(test)s: answer sheet") % {"test": subtitle}), styles["subtitle"]),
        Spacer(1, 2 * mm),
        _blank_lines([_("Trainer:"), _("Date:"), _("Session:")], styles, width),
        Spacer(1, 3 * mm),
        Paragraph(
            pdf.text(
                _(
                    "Copy each answer from the paper: the letter (B), several letters (AC), "
                    "pairs for matching (1-B 2-A), letters in order for ordering (CAB), the words "
                    "for a short answer. Leave the cell empty when there is no answer."
                )
            ),
            styles["hint"],
        ),
        Spacer(1, 4 * mm),
    ]


GRID_USERNAME_WIDTH, GRID_NAME_WIDTH = 32 * mm, 52 * mm


def _answer_grid(chunk: range, questions: list[Question], people: list[tuple[str, str]], styles, width: float) -> Table:
    """One grid: a row per person, a column per item of `chunk` (its number above its reference)."""
    item_width = min(18 * mm, (width - GRID_USERNAME_WIDTH - GRID_NAME_WIDTH) / max(len(chunk), 1))
    numbers = [Paragraph(pdf.text(index + 1), styles["head"]) for index in chunk]
    references = [Paragraph(pdf.text(questions[index].reference), styles["head"]) for index in chunk]
    data = [
        [
            Paragraph(pdf.text(_("Username")), styles["head"]),
            Paragraph(pdf.text(_("Name")), styles["head"]),
            *numbers,
        ],
        ["", "", *references],
    ]
    for username, name in people:
        data.append(
            [
                Paragraph(pdf.text(username), styles["cell"]),
                Paragraph(pdf.text(name), styles["cell"]),
                *([""] * len(chunk)),
            ]
        )
    table = Table(
        data,
        colWidths=[GRID_USERNAME_WIDTH, GRID_NAME_WIDTH, *([item_width] * len(chunk))],
        rowHeights=[None, None, *([8 * mm] * len(people))],
        repeatRows=2,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#e8e8e8")),
                ("SPAN", (0, 0), (0, 1)),
                ("SPAN", (1, 0), (1, 1)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def answer_sheet_pdf(
    *,
    test: Test,
    form_label: str = "",
    people: list[tuple[str, str]],
    language: str = "fr",
    compress: bool = True,
) -> bytes:
    """A grid to copy the trainees' answers into: a row per person (username, name), a column per item.

    The header gives each item's number on the paper form and its reference, which is the column
    name the typed-up file uses. Landscape A4; items beyond the width continue in a second grid.
    """
    with translation.override(language):
        form = _form(test, form_label)
        styles = pdf.styles()
        pagesize = landscape(A4)
        width = pagesize[0] - 30 * mm
        title = _course_title(test)
        subtitle = _subtitle(test, form)
        questions = form_questions(test=test, form=form)
        username_column = "identifiant" if language == "fr" else "username"
        story = _answer_sheet_intro(title, subtitle, styles, width)
        available = width - GRID_USERNAME_WIDTH - GRID_NAME_WIDTH
        for chunk in _column_chunks(len(questions), available, 10 * mm) or [range(0)]:
            story += [_answer_grid(chunk, questions, people, styles, width), Spacer(1, 6 * mm)]
        columns = ";".join([username_column, *(question.reference for question in questions)])
        story.append(
            Paragraph(pdf.text(_("Columns of the typed-up file: %(columns)s") % {"columns": columns}), styles["small"])
        )
        return pdf.build(
            story,
            pagesize=pagesize,
            title=f"{title} – {subtitle}",
            footer=f"{title} · {subtitle}",
            compress=compress,
        )
