from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    """The evaluator's pre/post report, one layer above training (docs/analytics.md).

    It reads lms, courses, assessments and training; none of them imports it.
    """

    name = "evaluation"
    label = "evaluation"
    verbose_name = _("Pre/post evaluation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        # The stored report's stamp is kept by triggers, installed after every migrate (triggers.py).
        post_migrate.connect(_install_triggers, sender=self, dispatch_uid="evaluation_stamp_triggers")


def _install_triggers(sender, using: str = "default", **kwargs) -> None:
    from django.db import connections

    from evaluation import triggers

    triggers.install(connections[using])
