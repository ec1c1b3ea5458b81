from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from lms import backups


class Command(BaseCommand):
    help = "Restore a backup folder into an empty database and the media folder (docs/operations.md)."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The folder `manage.py backup` wrote.")
        parser.add_argument(
            "--database-url", default="", help="The empty database to restore into. Default: the configured one."
        )
        parser.add_argument(
            "--media-root",
            default="",
            help="Where to put the media files. Default: the media storage (MEDIA_ROOT or its bucket).",
        )
        parser.add_argument(
            "--private-media-root",
            default="",
            help="Where to put the private files. Default: the private storage (PRIVATE_MEDIA_ROOT or its bucket).",
        )

    def handle(self, *args, backup: str, database_url: str, media_root: str, private_media_root: str, **options):
        try:
            target = backups.target_for(database_url or None)
            counts = backups.backup_restore(
                backup=Path(backup),
                target=target,
                media_root=Path(media_root)
                if media_root
                else backups.media_source("default", Path(settings.MEDIA_ROOT)),
                private_media_root=Path(private_media_root)
                if private_media_root
                else backups.media_source("private", Path(settings.PRIVATE_MEDIA_ROOT)),
            )
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Restored %(attempts)s attempts and %(certificates)s certificates, and the media files.")
            % {"attempts": counts["assessments_attempt"], "certificates": counts["certificates_certificate"]}
        )
