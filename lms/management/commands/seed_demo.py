from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from lms import demo


class Command(BaseCommand):
    help = "Create or refresh the demo site, pages and accounts. Safe to run again: nothing is duplicated."

    def handle(self, *args, **options):
        demo.seed_home_pages()
        accounts = demo.seed_accounts()
        self.stdout.write(self.style.SUCCESS(_("Demo data is ready.")))
        self.stdout.write(_("Demo accounts (username / password / role):"))
        for account in accounts:
            self.stdout.write(f"  {account.username:<12} {account.password:<18} {account.role}")
