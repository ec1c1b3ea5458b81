from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from lms import demo


class Command(BaseCommand):
    help = "Create or refresh the demo site, pages and accounts. Safe to run again: nothing is duplicated."

    def handle(self, *args, **options):
        # Each of our apps may have a `demo` module with a `seed()` function. They run in the order
        # of INSTALLED_APPS, which is the order of dependencies (lms, courses, assessments, ...), and
        # lms never imports the apps above it.
        for app_config in apps.get_app_configs():
            if find_spec(f"{app_config.name}.demo") is None or app_config.name.startswith(("django", "wagtail")):
                continue
            module = import_module(f"{app_config.name}.demo")
            if hasattr(module, "seed"):
                # A seed may return notes for the person running it (e.g. a demo part it skipped).
                for note in module.seed() or ():
                    self.stdout.write(note)
        self.stdout.write(self.style.SUCCESS(_("Demo data is ready.")))
        self.stdout.write(_("Demo accounts (username / password / role):"))
        for account in demo.DEMO_ACCOUNTS:
            self.stdout.write(f"  {account.username:<12} {account.password:<18} {account.role_label}")
        self.stdout.write(
            _(
                "Staff accounts also ask for an authenticator code: run `python manage.py demo_totp_code` "
                "(the same code for every demo staff account), or add the secret %(secret)s to an "
                "authenticator app."
            )
            % {"secret": demo.DEMO_TOTP_SECRET}
        )
