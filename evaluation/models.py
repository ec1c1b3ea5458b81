from django.db import models
from django.utils.translation import gettext_lazy as _


class TableVersion(models.Model):
    """How many times a table the report reads has changed in scope: bumped by database triggers
    (evaluation/triggers.py), read by the stored report's data-version stamp (evaluation/stored.py)."""

    table_name = models.CharField(_("table"), max_length=100, primary_key=True)
    version = models.BigIntegerField(_("version"), default=0)

    class Meta:
        verbose_name = _("table version")
        verbose_name_plural = _("table versions")

    def __str__(self) -> str:
        return f"{self.table_name} v{self.version}"


# The reaction questionnaire's models live in their own module (evaluation/reaction/).
from evaluation.reaction.models import (  # noqa: E402, F401
    ReactionAnswer,
    ReactionItem,
    ReactionQuestionnaire,
    ReactionReceipt,
)
