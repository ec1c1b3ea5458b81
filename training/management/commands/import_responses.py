"""`manage.py import_responses`: the typed-up answers of a paper test become scored attempts."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail import hooks

from assessments.hooks import SESSION_ROSTER
from assessments.models import Test
from assessments.paper_import import import_paper_responses
from lms.tables import TableError, read_table


def _test_of_course(*, slug: str, kind: str) -> Test:
    from courses.models import CoursePage
    from courses.selectors import canonical

    pages = list(CoursePage.objects.filter(slug=slug))
    courses = {canonical(page).pk for page in pages}
    if not courses:
        raise CommandError(_("No module has the slug %(slug)s.") % {"slug": slug})
    tests = list(Test.objects.filter(course_id__in=courses, kind=kind))
    if len(tests) != 1:
        raise CommandError(
            _("The module %(slug)s has no %(kind)s test.") % {"slug": slug, "kind": kind}
            if not tests
            else _("Several modules have the slug %(slug)s.") % {"slug": slug}
        )
    return tests[0]


def _test_of_session(*, code: str, kind: str, slug: str | None) -> tuple[Test, set[int]]:
    """The test of a training session's module (named by --course when it has several) and the
    session's roster: only its participants are valid trainees."""
    from courses.models import CoursePage

    # assessments does not import training: the sessions app answers through a hook.
    code = code.strip().upper()
    found = next(
        (answer for provider in hooks.get_hooks(SESSION_ROSTER) if (answer := provider(code)) is not None), None
    )
    if found is None:
        raise CommandError(_("No session has the code %(code)s.") % {"code": code})
    course_ids, roster = found
    courses = CoursePage.objects.filter(pk__in=course_ids)
    if slug:
        courses = courses.filter(slug=slug)
    tests = list(Test.objects.filter(course__in=courses, kind=kind))
    if len(tests) != 1:
        raise CommandError(
            _("The session %(code)s has no %(kind)s test.") % {"code": code, "kind": kind}
            if not tests
            else _("The session %(code)s has several modules: name one with --course.") % {"code": code}
        )
    return tests[0], roster


class Command(BaseCommand):
    help = (
        "Import the answers of a paper test, typed up as CSV or XLSX (a username column, then one "
        "column per question reference). Nothing is imported if any row has a problem; exit code 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The CSV (UTF-8, ; or , separated) or XLSX file.")
        parser.add_argument("--test", choices=["pre", "post"], required=True, help="pre or post")
        parser.add_argument("--course", help="The module's slug.")
        parser.add_argument(
            "--form", default="", type=str.upper, choices=["", "A", "B"], help="The paper form: A or B."
        )
        parser.add_argument("--session", help="A training session's code: its roster decides who may have answers.")

    def handle(self, *args, path: str, course: str | None, form: str, session: str | None, **options):
        kind = options["test"]  # "pre" or "post"
        roster = None
        if session:
            test, roster = _test_of_session(code=session, kind=kind, slug=course)
        elif course:
            test = _test_of_course(slug=course, kind=kind)
        else:
            raise CommandError(_("Name the module with --course or the session with --session."))
        source = Path(path)
        if not source.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        try:
            rows = read_table(content=source.read_bytes(), filename=source.name)
        except TableError as error:
            raise CommandError(self._problems([(error.row, error.message)])) from error
        report = import_paper_responses(rows=rows, test=test, form_label=form, roster=roster)
        if report.problems:
            raise CommandError(self._problems(report.problems))
        self.stdout.write(_("Paper attempts imported: %(count)s.") % {"count": report.created})

    @staticmethod
    def _problems(problems: list[tuple[int, str]]) -> str:
        lines = [_("row %(row)s: %(message)s") % {"row": row, "message": message} for row, message in problems]
        summary = _("Nothing was imported. Problems found: %(count)s.") % {"count": len(problems)}
        return "\n".join([summary, *lines])
