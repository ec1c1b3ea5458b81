from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_lazy as _

from certificates import verification


class Command(BaseCommand):
    help = _(
        "Check a certificate by its code (online: the database) or its QR code's URL (--offline: only public "
        "keys). Shows its kind, status and expiry. Exit code 1 unless it is genuine and valid today (offline, "
        "revocation cannot be known)."
    )

    def add_arguments(self, parser):
        parser.add_argument("code_or_url")
        parser.add_argument(
            "--offline", action="store_true", help=_("Check the URL's signature with public keys only.")
        )
        parser.add_argument(
            "--public-key",
            help=_(
                "A JWK set file (the platform's /.well-known/certificate-keys.json) instead of this platform's keys."
            ),
        )

    def handle(self, *args, **options):
        if options["offline"]:
            result = verification.check_offline(options["code_or_url"], public_key_file=options.get("public_key"))
        else:
            result = verification.check_online(options["code_or_url"])
        for line in result.lines:
            self.stdout.write(line)
        if not result.ok:
            raise CommandError(result.summary)
        self.stdout.write(self.style.SUCCESS(result.summary))
