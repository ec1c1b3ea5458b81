from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from courses import services
from courses.h5p.package import PackageError


class Command(BaseCommand):
    help = "Validate an .h5p package and store it (once). Prints the package id; exit code 1 on a bad package."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Path to the .h5p file.")
        parser.add_argument("--title", default="", help="Title in the admin (default: the package's own title).")

    def handle(self, *args, path: str, title: str, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        try:
            with source.open("rb") as handle:
                package, created = services.h5p_package_import(source=handle, title=title)
        except PackageError as error:
            raise CommandError(_("Package refused: %(reason)s") % {"reason": error.message}) from error
        if created:
            self.stdout.write(_("Imported H5P package %(id)s: %(title)s") % {"id": package.pk, "title": package.title})
        else:
            self.stdout.write(
                _("Already stored as H5P package %(id)s: %(title)s") % {"id": package.pk, "title": package.title}
            )
        self.stdout.write(str(package.pk))
