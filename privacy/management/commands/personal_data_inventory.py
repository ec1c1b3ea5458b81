from django.core.management.base import BaseCommand
from django.utils import translation

from lms import data_protection


class Command(BaseCommand):
    help = (
        "Print, as a Markdown table, every model holding personal data and what erasure does to each field, "
        "from the apps' own declarations (<app>/personal_data.py)."
    )

    def handle(self, *args, **options):
        with translation.override("en"):
            self.stdout.write("| model | fields and their treatment on erasure |")
            self.stdout.write("|---|---|")
            for label, declared in data_protection.inventory().items():
                parts = []
                for treatment, text in data_protection.TREATMENTS.items():
                    names = [name for name, value in declared.items() if value == treatment]
                    if names and treatment != data_protection.NOT_PERSONAL:
                        parts.append(f"{text}: {', '.join(names)}")
                if parts:
                    self.stdout.write(f"| `{label}` | {'; '.join(parts)} |")
