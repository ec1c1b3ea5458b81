from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from lms import private_files


class Command(BaseCommand):
    help = (
        "Move certificate PDFs and H5P packages that an older version kept in the public media to the "
        "private storage (PRIVATE_MEDIA_ROOT). Safe to run again (docs/operations.md)."
    )

    def handle(self, *args, **options):
        moved = private_files.private_files_move()
        self.stdout.write(_("%(count)s private file(s) moved out of the public media.") % {"count": len(moved)})
