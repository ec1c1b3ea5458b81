from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XapiConfig(AppConfig):
    """Learning events sent as xAPI statements to a partner's learning record store (docs/interop.md).

    A top layer: it listens to the models of the apps below (signals run inside the writer's
    transaction, so a statement is queued if and only if its event is committed), and none imports it.
    """

    name = "xapi"
    verbose_name = _("xAPI (learning record store)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from xapi import receivers

        receivers.connect()
