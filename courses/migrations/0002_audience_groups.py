from django.db import migrations

from courses.reference_data import sync_audience_groups


def load(apps, schema_editor):
    sync_audience_groups(model=apps.get_model("courses", "AudienceGroup"))


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
