"""`manage.py import_roster FILE --session CODE`: put a room on a session's roster, all or nothing."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from lms.tables import TableError, read_table
from training import paper, services
from training.management.commands.import_responses import Command as ResponsesCommand
from training.models import TrainingSession


class Command(BaseCommand):
    help = (
        "Import a roster (CSV or XLSX; columns name, organisation, audience, prefecture, phone, email, "
        "language, or their French names). Nothing is imported if any row has a problem; exit code 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The CSV (UTF-8, ; or , separated) or XLSX file.")
        parser.add_argument("--session", required=True, help="The session's code.")
        parser.add_argument(
            "--sheet",
            help="Write the accounts sheet (PDF with one-time passwords) to this file. Without it, "
            "print the sheet from the session's page.",
        )
        parser.add_argument("--login-url", default="/fr/accounts/login/", help="The address printed on the sheet.")

    def handle(self, *args, path: str, session: str, sheet: str | None, login_url: str, **options):
        found = TrainingSession.objects.filter(code=session.strip().upper()).first()
        if found is None:
            raise CommandError(_("No session has the code %(code)s.") % {"code": session})
        source = Path(path)
        if not source.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        try:
            rows = read_table(content=source.read_bytes(), filename=source.name, formulas_as_text=True)
        except TableError as error:
            raise CommandError(self._problems([(error.row, error.message)])) from error
        report = services.roster_import(session=found, rows=rows)
        if report.problems:
            raise CommandError(self._problems(report.problems))
        self.stdout.write(report.summary())
        if sheet:
            credentials = services.credentials_issue(session=found)
            Path(sheet).write_bytes(paper.credentials_pdf(session=found, credentials=credentials, login_url=login_url))
            self.stdout.write(_("Accounts sheet written to %(path)s.") % {"path": sheet})

    _problems = staticmethod(ResponsesCommand._problems)
