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
        from django.db.backends.signals import connection_created

        from evaluation import stored

        # SQLite has no hash function: the report's data-version stamp registers one.
        connection_created.connect(stored.register_sqlite_hash, dispatch_uid="evaluation_row_hash")
