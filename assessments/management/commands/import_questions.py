from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from assessments.exchange import service
from assessments.models import QuestionBank


def bank_named(value: str) -> QuestionBank:
    """A bank by its id or by its module's slug."""
    banks = (
        QuestionBank.objects.filter(pk=int(value))
        if value.isdigit()
        else QuestionBank.objects.filter(course__slug=value)
    )
    bank = banks.order_by("pk").first()
    if bank is None:
        raise CommandError(_("No question bank “%(value)s” (give its id or its module's slug).") % {"value": value})
    return bank


class Command(BaseCommand):
    help = (
        "Import a GIFT or Moodle XML file into a question bank (docs/interop.md). Every question is checked "
        "first; on any problem nothing is written and each problem is listed with its line or element."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--bank", required=True, help="The bank's id or its module's slug.")
        parser.add_argument("--format", choices=service.FORMATS, help="Default: from the file's extension.")
        parser.add_argument("--check", action="store_true", help="Only check the file; write nothing.")

    def handle(self, *args, file: Path, bank: str, format: str | None = None, check: bool = False, **options):
        target = bank_named(bank)
        file_format = format or service.format_for(file.name)
        if file_format is None:
            raise CommandError(_("Give --format: the file's name ends neither in .gift, .txt nor .xml."))
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(str(error)) from error
        plan = service.plan(bank=target, data=data, file_format=file_format)
        for title, items in ((_("Left aside"), plan.report.skipped), (_("Not kept"), plan.report.notes)):
            for item in items:
                self.stderr.write(f"{title} — {item}")
        if plan.problems:
            raise CommandError(
                _("Nothing was imported. Problems found: %(count)d.") % {"count": len(plan.problems)}
                + "\n"
                + "\n".join(str(problem) for problem in plan.problems)
            )
        if check:
            self.stdout.write(
                self.style.SUCCESS(
                    _("The file is right: %(count)d questions; nothing was written (--check).")
                    % {"count": len(plan.steps)}
                )
            )
            return
        counts = service.apply(plan)
        self.stdout.write(
            self.style.SUCCESS(
                _("Imported into “%(bank)s”: %(new)d new, %(changed)d changed, %(unchanged)d unchanged questions.")
                % {"bank": target.title, **counts}
            )
        )
