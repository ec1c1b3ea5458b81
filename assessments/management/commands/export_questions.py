import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from assessments.exchange import service
from assessments.management.commands.import_questions import bank_named
from assessments.models import Test


class Command(BaseCommand):
    help = (
        "Export a question bank, or the questions of a test, as GIFT or Moodle XML (docs/interop.md). "
        "What the format cannot hold is listed on standard error, question by question."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bank", help="The bank's id or its module's slug.")
        parser.add_argument("--test", type=int, help="A test's id: its questions, in its forms' order.")
        parser.add_argument("--format", choices=service.FORMATS, default="xml")
        parser.add_argument("--output", "-o", type=Path, help="Default: standard output.")

    def handle(self, *args, bank=None, test=None, format="xml", output=None, **options):
        if bool(bank) == bool(test):
            raise CommandError(_("Give --bank or --test (one of them)."))
        if bank:
            source = bank_named(bank)
            questions, category = service.questions_of(bank=source), source.title
        else:
            found = Test.objects.filter(pk=test).first()
            if found is None:
                raise CommandError(_("No test %(id)d.") % {"id": test})
            questions, category = service.questions_of(test=found), str(found)
        data, notes, count = service.export(questions=questions, file_format=format, category=category)
        for note in notes:
            self.stderr.write(_("Not in the file — %(note)s") % {"note": note})
        if output:
            output.write_bytes(data)
        else:
            sys.stdout.buffer.write(data)
        self.stderr.write(_("%(count)d questions exported.") % {"count": count})
