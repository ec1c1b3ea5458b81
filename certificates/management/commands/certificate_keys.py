from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from certificates import signing


class Command(BaseCommand):
    help = "Create the certificate signing key file if there is no key yet (safe to run again), or print a new key."

    def add_arguments(self, parser):
        parser.add_argument("--print", action="store_true", help="Print a new key for CERTIFICATE_SIGNING_KEY instead.")

    def handle(self, *args, **options):
        if options["print"]:
            self.stdout.write(signing.generate_private_key_text())
            return
        if settings.CERTIFICATE_SIGNING_KEY:
            self.stdout.write(_("The signing key comes from CERTIFICATE_SIGNING_KEY: nothing to do."))
            return
        path = Path(settings.CERTIFICATE_SIGNING_KEY_FILE)
        if not signing.ensure_key_file():
            self.stdout.write(_("The signing key file already exists: %(path)s") % {"path": path})
            return
        self.stdout.write(self.style.SUCCESS(_("Created a demo signing key: %(path)s") % {"path": path}))
