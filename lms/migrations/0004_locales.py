"""Wagtail locales for the two languages of the interface: French (the source) and English."""

from django.db import migrations

from lms.reference_data import sync_locales


def create_locales(apps, schema_editor):
    sync_locales(locale_model=apps.get_model("wagtailcore", "Locale"))


class Migration(migrations.Migration):
    dependencies = [("lms", "0003_places"), ("wagtailcore", "0054_initial_locale")]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
