from django.core.management.base import BaseCommand

from privacy import services


class Command(BaseCommand):
    help = "Remove what the retention policy (RETENTION_* settings) says has expired; prints counts. Safe daily."

    def handle(self, *args, **options):
        for category, count in services.apply_retention().items():
            self.stdout.write(f"{category}: {count}")
