"""Reference data of the courses app: the audience groups a module can target."""

from lms.models import Audience


def sync_audience_groups(*, model) -> None:
    """One row per audience code, in the order of lms.models.Audience (idempotent)."""
    for order, code in enumerate(Audience.values):
        model.objects.update_or_create(code=code, defaults={"sort_order": order})


def sync_after_migrate(sender, **kwargs) -> None:
    """post_migrate receiver: put the audience groups back after a flush (see lms.reference_data)."""
    from courses.models import AudienceGroup

    sync_audience_groups(model=AudienceGroup)
