from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _

from lms.tasks import worker_ping


class Command(BaseCommand):
    help = "Say which database and broker this process uses, and whether a Celery worker answers."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=10.0, help="Seconds to wait for a worker.")

    def handle(self, *args, timeout: float, **options):
        self.stdout.write(
            _("Database: %(vendor)s (%(name)s)")
            % {"vendor": connection.vendor, "name": connection.settings_dict["NAME"]}
        )
        if not settings.CELERY_BROKER_URL:
            self.stdout.write(_("Celery: no broker configured, tasks run eagerly in this process."))
            return
        # Whatever stands before "@" may be a password: print only the host part.
        self.stdout.write(_("Celery broker: %(url)s") % {"url": settings.CELERY_BROKER_URL.split("@")[-1]})
        try:
            reply = worker_ping.delay().get(timeout=timeout)
        except Exception as error:
            raise CommandError(_("No Celery worker answered: %(error)s") % {"error": error}) from error
        self.stdout.write(_("Celery worker answered: pid %(pid)s on %(host)s, database %(database_name)s") % reply)
