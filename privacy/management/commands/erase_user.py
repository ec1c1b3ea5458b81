from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from lms.models import User
from privacy import services


class Command(BaseCommand):
    help = "Erase a person's data irreversibly (anonymise the account; statistics are kept). Completes their request."

    def add_arguments(self, parser):
        parser.add_argument("username", help="the account's username")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, username: str, yes: bool, **options):
        user = User.objects.filter(username__iexact=username).first()
        if user is None:
            raise CommandError(_("No account has the username %(username)s.") % {"username": username})
        if not yes and input(_("Erase %(username)s for ever? Type yes: ") % {"username": username}) != "yes":
            raise CommandError(_("Nothing erased."))
        try:
            report = services.user_erase(user=user)
        except services.ErasureRefused as error:
            raise CommandError(error.messages[0]) from error
        self.stdout.write(_("Erased: the account is now %(pseudonym)s.") % {"pseudonym": report.pseudonym})
        for name, count in report.counts.items():
            self.stdout.write(f"{name}: {count}")
