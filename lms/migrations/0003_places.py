"""Load Guinea's administrative regions and prefectures, each with its natural region."""

from django.db import migrations

from lms.reference_data import sync_places


def load_places(apps, schema_editor):
    sync_places(
        region_model=apps.get_model("lms", "AdministrativeRegion"),
        prefecture_model=apps.get_model("lms", "Prefecture"),
    )


def unload_places(apps, schema_editor):
    apps.get_model("lms", "Prefecture").objects.all().delete()
    apps.get_model("lms", "AdministrativeRegion").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("lms", "0002_homepage")]

    operations = [migrations.RunPython(load_places, unload_places)]
