"""Importing the answers of a paper test, typed up by the trainer (CSV or XLSX).

One row per trainee: `username` (or `identifiant`), then one column per question reference of the
form (e.g. `SH-01`). Cells hold what the trainee marked on paper, with the letters printed on the
paper form (assessments.paper):

    single, true/false  B            (or the option id: b, true; V/F for vrai/faux)
    multiple            AC or A,C
    matching            1-B 2-A      (item number on the left, letter on the right)
    ordering            CAB          (the letters in the order the trainee numbered them)
    short               the words
    (empty)             no answer

Every row is checked before anything is written; with one problem nothing is imported and every
problem is returned with its row number (the header is row 1). Otherwise each row becomes a
submitted attempt (mode "paper"), scored exactly like an online one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from assessments import services
from assessments.models import Attempt, Question, Test, TestForm
from assessments.paper import form_questions, matching_sides, option_letters, paper_layout, paper_options

USERNAME_COLUMNS = {"username", "identifiant"}
# Columns a trainer may keep from the answer sheet; their content is ignored.
IGNORED_COLUMNS = {"nom", "name"}
SHORT_ANSWER_MAX = 200  # as the online form (assessments.forms)


@dataclass(frozen=True)
class ImportReport:
    created: int  # attempts created (with dry_run: that would be created)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (row number, translated message)
    cells: list[tuple[int, str]] = field(default_factory=list)  # (row number, column) of the answers refused

    @property
    def ok(self) -> bool:
        return not self.problems


class InvalidAnswer(ValueError):
    """A cell that is not an answer to its question; `expected` says (translated) what would be."""

    def __init__(self, expected: str):
        super().__init__(expected)
        self.expected = expected


# --- Reading one cell -------------------------------------------------------------------------


def _letters_hint(letters: dict[str, str]) -> str:
    names = list(letters)
    if not names:
        return _("no choices")
    return _("%(first)s to %(last)s") % {"first": names[0], "last": names[-1]}


def _choice(token: str, letters: dict[str, str], ids: list[str]) -> str | None:
    """The option id a letter (B) or an id (b) names, or None."""
    if token.upper() in letters:
        return letters[token.upper()]
    for option in ids:
        if token == option or token.casefold() == option.casefold():
            return option
    return None


def _tokens(raw: str, ids: list[str]) -> list[str]:
    """ "A,C", "A C", "A;C" → ["A", "C"]; "AC" → ["A", "C"] unless "AC" is itself an option id."""
    if re.search(r"[\s,;/+|]", raw):
        return [token for token in re.split(r"[\s,;/+|]+", raw) if token]
    if raw in ids or raw.casefold() in {option.casefold() for option in ids}:
        return [raw]
    return list(raw)


def _single(question: Question, raw: str) -> str:
    letters = option_letters(question)
    ids = paper_options(question)
    if question.kind == "true_false":
        hint = _("A or B (or V for true, F for false)")
        words = {"v": "true", "vrai": "true", "t": "true", "true": "true", "f": "false", "faux": "false"}
        word = words.get(raw.casefold())
        if raw.upper() not in letters and word in ids:
            return word
    else:
        hint = _("one letter, %(letters)s") % {"letters": _letters_hint(letters)}
    chosen = _choice(raw, letters, ids)
    if chosen is None:
        raise InvalidAnswer(hint)
    return chosen


def _multiple(question: Question, raw: str) -> list[str]:
    letters = option_letters(question)
    ids = paper_options(question)
    chosen = []
    for token in _tokens(raw, ids):
        option = _choice(token, letters, ids)
        if option is None:
            raise InvalidAnswer(_("letters %(letters)s, e.g. AC") % {"letters": _letters_hint(letters)})
        if option not in chosen:
            chosen.append(option)
    return sorted(chosen, key=ids.index)


def _ordering(question: Question, raw: str) -> list[str]:
    letters = option_letters(question)
    ids = paper_options(question)
    hint = _("every letter %(letters)s once, in order, e.g. %(example)s") % {
        "letters": _letters_hint(letters),
        "example": "".join(reversed(list(letters))),
    }
    order = [_choice(token, letters, ids) for token in _tokens(raw, ids)]
    if None in order or sorted(order) != sorted(ids):
        raise InvalidAnswer(hint)
    return order


def _matching(question: Question, raw: str) -> dict[str, str]:
    left, right = matching_sides(question)
    hint = _("pairs such as 1-B 2-A (numbers 1 to %(count)s, letters %(letters)s)") % {
        "count": len(left),
        "letters": _letters_hint(right),
    }
    compact = re.sub(r"\s*(?:->|[-:=>])\s*", "-", raw.strip())
    pairs: dict[str, str] = {}
    for piece in (piece for piece in re.split(r"[\s,;/]+", compact) if piece):
        match = re.fullmatch(r"([^-]+)-([^-]+)", piece) or re.fullmatch(r"(\d+)([A-Za-z]+)", piece)
        if match is None:
            raise InvalidAnswer(hint)
        number, target = match.groups()
        item = left.get(number) or _choice(number, {}, list(left.values()))
        chosen = _choice(target, right, list(right.values()))
        if item is None or chosen is None or item in pairs:
            raise InvalidAnswer(hint)
        pairs[item] = chosen
    if not pairs:
        raise InvalidAnswer(hint)
    return pairs


def parse_answer(question: Question, raw: str):
    """The answer a cell gives to `question`, in the JSON shape scoring expects; None when empty.

    Raises InvalidAnswer for a cell that does not fit the question.
    """
    raw = unicodedata.normalize("NFC", str(raw or "")).strip()
    if not raw:
        return None
    if question.kind in ("single", "true_false"):
        return _single(question, raw)
    if question.kind == "multiple":
        return _multiple(question, raw)
    if question.kind == "ordering":
        return _ordering(question, raw)
    if question.kind == "matching":
        return _matching(question, raw)
    if question.kind == "short":
        return raw[:SHORT_ANSWER_MAX]
    raise InvalidAnswer(_("no answer can be read for this kind of question"))


# --- Checking and importing ----------------------------------------------------------------------


@dataclass
class _Row:
    number: int
    user: object
    answers: dict[int, object]  # question id → answer


def _blank(row: dict) -> bool:
    return all(not (value or "").strip() for key, value in row.items() if key is not None) and None not in row


def _columns(rows: list[dict], questions: list[Question], form: TestForm, problems: list) -> tuple[str | None, dict]:
    """The username column and {column: question} of the header; header problems go to `problems`."""
    header = list(dict.fromkeys(key for row in rows for key in row if key is not None))
    usernames = [name for name in header if name.strip().casefold() in USERNAME_COLUMNS]
    if not usernames:
        problems.append((1, _("No username column: the first column must be called username or identifiant.")))
    elif len(usernames) > 1:
        problems.append((1, _("Only one column may hold the username (username or identifiant).")))
    by_reference = {question.reference.casefold(): question for question in questions}
    items: dict[str, Question] = {}
    for name in header:
        key = name.strip().casefold()
        if key in USERNAME_COLUMNS or key in IGNORED_COLUMNS:
            continue
        if not key:
            if any((row.get(name) or "").strip() for row in rows):
                problems.append((1, _("A column without a name holds answers.")))
            continue
        if key not in by_reference:
            message = _("The column %(column)s is not a question of this form of the test (form %(form)s).")
            problems.append((1, message % {"column": name, "form": form.label or "—"}))
            continue
        items[name] = by_reference[key]
    return (usernames[0] if len(usernames) == 1 else None), items


def _answers(number: int, row: dict, items: dict, problems: list, cells: list | None, column_names: dict | None):
    """{question id: answer} of one row; a cell that is no answer goes to `problems` (and `cells`)."""
    answers = {}
    for column, question in items.items():
        try:
            answer = parse_answer(question, row.get(column) or "")
        except InvalidAnswer as error:
            message = _('Column %(column)s: "%(value)s" is not a valid answer (expected: %(expected)s).')
            value = (row.get(column) or "").strip()
            shown = (column_names or {}).get(column, column)
            problems.append((number, message % {"column": shown, "value": value, "expected": error.expected}))
            if cells is not None:
                cells.append((number, column))
            continue
        if answer is not None:
            answers[question.pk] = answer
    return answers


def _check_rows(
    *,
    rows,
    test: Test,
    username_column: str,
    items: dict[str, Question],
    problems: list,
    roster: set | None = None,
    cells: list | None = None,
    column_names: dict[str, str] | None = None,
) -> list[_Row]:
    from courses.models import CoursePage, Enrolment

    User = get_user_model()
    module = CoursePage.objects.get(pk=test.course_id).localized.title
    wanted = {(row.get(username_column) or "").strip() for row in rows} - {""}
    users: dict[str, list] = {}
    for user in User.objects.filter(username__in={name.lower() for name in wanted} | wanted):
        users.setdefault(user.username.casefold(), []).append(user)
    enrolled = set(
        Enrolment.objects.filter(course_id=test.course_id)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .values_list("user_id", flat=True)
    )
    attempts: dict[int, list[str]] = {}
    for user_id, status in Attempt.objects.filter(test=test).values_list("user_id", "status"):
        attempts.setdefault(user_id, []).append(status)

    checked: list[_Row] = []
    first_row: dict[int, int] = {}
    for number, row in enumerate(rows, start=2):
        if _blank(row):
            continue
        if None in row:
            problems.append((number, _("This row has more cells than the header has columns.")))
        if any(value is None for key, value in row.items() if key is not None):
            problems.append((number, _("This row has fewer cells than the header has columns.")))
        username = (row.get(username_column) or "").strip()
        user = None
        if not username:
            problems.append((number, _("This row has no username.")))
        else:
            found = users.get(username.casefold(), [])
            exact = [candidate for candidate in found if candidate.username == username]
            user = exact[0] if exact else (found[0] if len(found) == 1 else None)
            if roster is not None and (user is None or user.pk not in roster):
                # One answer whether the account exists or not, naming nobody: a session's import
                # cannot probe who else has an account (docs/sessions.md, "Whom a trainer may reach").
                problems.append((number, _("This row's username is not on the session's roster.")))
                user = None
            elif user is None:
                problems.append((number, _("No trainee has the username %(username)s.") % {"username": username}))
        if user is not None:
            names = {"username": username, "module": module}
            if user.pk in first_row:
                problems.append(
                    (number, _("%(username)s already appears in row %(row)s.") % {**names, "row": first_row[user.pk]})
                )
            else:
                first_row[user.pk] = number
            statuses = attempts.get(user.pk, [])
            if user.pk not in enrolled:
                problems.append((number, _("%(username)s is not enrolled in the module %(module)s.") % names))
            elif any(status != Attempt.Status.OPEN for status in statuses):
                problems.append((number, _("%(username)s has already taken this test.") % names))
            elif statuses:
                # Also covers attempts_allowed: a paper attempt is only ever the first one.
                problems.append((number, _("%(username)s has an online attempt at this test in progress.") % names))
        answers = _answers(number, row, items, problems, cells, column_names)
        checked.append(_Row(number, user, answers))
    return checked


def import_paper_responses(
    *,
    rows: list[dict],
    test: Test,
    form_label: str = "",
    dry_run: bool = False,
    roster: set | None = None,
    column_names: dict[str, str] | None = None,
) -> ImportReport:
    """Check every row, then (if all are right, and not `dry_run`) import them in one transaction.

    With `roster` (user ids: a training session's participants) only those people are valid trainees.
    `column_names` ({column: name as the person sees it}, e.g. the grid's question numbers) names a
    column in the messages; the report's `cells` are the answers refused, by row and column.

    `rows` are dicts keyed by the header (as lms.tables.read_table gives them); row 2 is the first. With any
    problem nothing is written and the report lists them all, sorted by row.
    """
    problems: list[tuple[int, str]] = []
    form = test.forms.filter(label=form_label or "").first()
    if form is None:
        labels = ", ".join(label for label in test.forms.order_by("label").values_list("label", flat=True) if label)
        message = _("This test has no form %(form)s (its forms: %(forms)s).")
        return ImportReport(0, [(1, message % {"form": form_label or "—", "forms": labels or "—"})])
    if not rows:
        return ImportReport(0, [(1, _("The file has no rows of answers."))])
    with transaction.atomic():
        questions = form_questions(test=test, form=form)
        username_column, items = _columns(rows, questions, form, problems)
        if username_column is None:
            return ImportReport(0, sorted(problems, key=lambda problem: problem[0]))
        cells: list[tuple[int, str]] = []
        checked = _check_rows(
            rows=rows,
            test=test,
            username_column=username_column,
            items=items,
            problems=problems,
            roster=roster,
            cells=cells,
            column_names=column_names,
        )
        if not checked and not problems:
            problems.append((1, _("The file has no rows of answers.")))
        if problems:
            return ImportReport(0, sorted(problems, key=lambda problem: problem[0]), cells)
        layout = paper_layout(questions)
        try:
            with transaction.atomic():
                # Each row through the one recording service: numbered, scored and flagged as on every
                # route (a paper attempt is only ever the first, after the checks), announced at commit.
                created = [
                    services.record_attempt(
                        user=row.user, test=test, route=services.PAPER, answers=row.answers, form=form, layout=layout
                    )
                    for row in checked
                ]
                if dry_run:
                    transaction.set_rollback(True)
        except (IntegrityError, services.AttemptRefused):
            # A write the checks did not foresee (a trainee's attempt recorded by another route at the
            # same moment): the whole import is undone.
            message = _("A trainee started this test online during the import. Nothing was imported: try again.")
            return ImportReport(0, [(1, message)])
    return ImportReport(len(created), [])
