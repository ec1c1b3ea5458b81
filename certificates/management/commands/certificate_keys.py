from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates import signing
from certificates.models import Certificate


class Command(BaseCommand):
    help = gettext_lazy(
        "Create the certificate signing key file if there is no key yet (safe to run again; refused once "
        "certificates exist, since a new key would fail them all), rotate it, or print a new key."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--print", action="store_true", help=gettext_lazy("Print a new key for CERTIFICATE_SIGNING_KEY instead.")
        )
        parser.add_argument(
            "--rotate",
            action="store_true",
            help=gettext_lazy("Sign from now on with a new key; the old one is kept (retired) to verify the others."),
        )

    def handle(self, *args, **options):
        if options["print"]:
            self.stdout.write(signing.generate_private_key_text())
            return
        try:
            if options["rotate"]:
                key = signing.rotate()
                self.stdout.write(
                    self.style.SUCCESS(
                        _("New signing key %(kid)s; the previous key is retired.") % {"kid": signing.key_id(key)}
                    )
                )
                return
            if settings.CERTIFICATE_SIGNING_KEY:
                self.stdout.write(_("The signing key comes from CERTIFICATE_SIGNING_KEY: nothing to do."))
                return
            path = Path(settings.CERTIFICATE_SIGNING_KEY_FILE)
            if not signing.ensure_key_file(certificates_exist=Certificate.objects.exists()):
                self.stdout.write(_("The signing key file already exists: %(path)s") % {"path": path})
                return
        except signing.KeyMissing as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(_("Created a demo signing key: %(path)s") % {"path": path}))
