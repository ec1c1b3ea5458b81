from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from assessments import content_import as questions
from courses import content_import as modules
from lms.content_files import ContentError


class Command(BaseCommand):
    help = (
        "Import a programme's content from data files: DIR/modules (catalogue, modules, lessons) and "
        "DIR/questions (question banks and tests), as described in docs/content.md. Every file is checked "
        "first and nothing is written when one is wrong; importing the same files again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--check", action="store_true", help="Only check the files; write nothing.")

    def handle(self, *args, directory: Path, check: bool = False, **options):
        modules_dir, questions_dir = directory / "modules", directory / "questions"
        if not modules_dir.is_dir() and not questions_dir.is_dir():
            raise CommandError(
                _("%(directory)s holds neither a “modules” nor a “questions” folder.") % {"directory": directory}
            )
        catalogue, banks, problems = None, [], []
        # Both folders are read before either complains, so that one run lists every problem.
        try:
            catalogue = modules.modules_read(modules_dir) if modules_dir.is_dir() else None
        except ContentError as error:
            problems += error.problems
        try:
            banks = questions.banks_read(questions_dir) if questions_dir.is_dir() else []
        except ContentError as error:
            problems += error.problems
        try:
            if problems:
                raise ContentError(problems)
            if check:
                self.stdout.write(self.style.SUCCESS(_("The files are right; nothing was written (--check).")))
                return
            with transaction.atomic():
                courses = modules.modules_import(catalogue) if catalogue else []
                tests = questions.banks_import(banks)
        except ContentError as error:
            raise CommandError(
                _("Nothing was imported. Problems found in the files: %(count)d.") % {"count": len(error.problems)}
                + "\n"
                + "\n".join(str(problem) for problem in error.problems)
            ) from error
        lessons = sum(len(module.lessons) for module in catalogue.modules) if catalogue else 0
        questions_count = sum(len(bank.questions) for bank in banks)
        self.stdout.write(
            self.style.SUCCESS(
                _("Imported: %(modules)d modules, %(lessons)d lessons, %(questions)d questions, %(tests)d tests.")
                % {"modules": len(courses), "lessons": lessons, "questions": questions_count, "tests": len(tests)}
            )
        )
