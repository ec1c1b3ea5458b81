from django.core.management.base import BaseCommand, CommandError

from certificates import verification


class Command(BaseCommand):
    help = (
        "Check a certificate by its code (online: the database) or its QR code's URL (--offline: only the "
        "public key). Exit code 1 when it is not genuine and valid."
    )

    def add_arguments(self, parser):
        parser.add_argument("code_or_url")
        parser.add_argument(
            "--offline", action="store_true", help="Check the URL's signature with the public key only."
        )
        parser.add_argument("--public-key", help="A JWK set (file) to use instead of this platform's key.")

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
