from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from lms import demo, mfa, roles


class Command(BaseCommand):
    help = "Print the current authenticator code of a demo staff account (the demo's fixed secret)."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", default="formateur")

    def handle(self, *args, username: str, **options):
        staff = [account.username for account in demo.DEMO_ACCOUNTS if account.role in roles.STAFF_ROLES]
        if username not in staff:
            raise CommandError(_("Not a demo staff account: %(username)s") % {"username": username})
        self.stdout.write(mfa.totp_code(secret=demo.DEMO_TOTP_SECRET))
