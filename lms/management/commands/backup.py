from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from lms import backups


class Command(BaseCommand):
    help = (
        "Back up the database, the media files and the private files into a new timestamped folder "
        "(docs/operations.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=str(settings.BASE_DIR / "backups"), help="Where to create the folder.")

    def handle(self, *args, dir: str, **options):
        try:
            folder = backups.backup_create(
                folder=Path(dir),
                media_root=backups.media_source("default", Path(settings.MEDIA_ROOT)),
                private_media_root=backups.media_source("private", Path(settings.PRIVATE_MEDIA_ROOT)),
            )
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        counts = backups.read_manifest(folder)["counts"]
        self.stdout.write(
            _("Backup written to %(folder)s (%(attempts)s attempts, %(certificates)s certificates).")
            % {
                "folder": folder,
                "attempts": counts["assessments_attempt"],
                "certificates": counts["certificates_certificate"],
            }
        )
        # The folder's path alone on the last line, for scripts.
        self.stdout.write(str(folder))
