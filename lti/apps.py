from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LtiConfig(AppConfig):
    """An LTI 1.3 tool that partners' platforms (Moodle, Canvas, Open edX) launch (docs/interop.md).

    Built on django-lti (`lti_tool`: registrations, deployments, keys, launch validation through
    pylti1p3). A top layer like `xapi`: it listens to the attempts of the apps below and none imports it.
    """

    name = "lti"
    verbose_name = _("LTI (partner platforms)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lti import receivers

        receivers.connect()
