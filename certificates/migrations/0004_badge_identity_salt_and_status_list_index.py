import secrets

from django.db import migrations, models

import certificates.models


def one_salt_each(apps, schema_editor):
    """AddField computes a default once for all rows: give every existing certificate its own salt."""
    Certificate = apps.get_model("certificates", "Certificate")
    for pk in Certificate.objects.values_list("pk", flat=True).iterator():
        Certificate.objects.filter(pk=pk).update(identity_salt=secrets.token_hex(16))


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0003_pdf_in_private_storage"),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="identity_salt",
            field=models.CharField(
                default=certificates.models.new_identity_salt, max_length=64, verbose_name="badge identity salt"
            ),
        ),
        migrations.RunPython(one_salt_each, migrations.RunPython.noop),
        migrations.AddField(
            model_name="certificate",
            name="status_list_index",
            field=models.PositiveIntegerField(
                blank=True, null=True, unique=True, verbose_name="revocation status list index"
            ),
        ),
    ]
