from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Data protection across the platform: a person's data, erasure and retention.

    The top layer: it reads and anonymises the data of every other app, and none of them imports it.
    """

    name = "privacy"
    verbose_name = _("Data protection")
    default_auto_field = "django.db.models.BigAutoField"
