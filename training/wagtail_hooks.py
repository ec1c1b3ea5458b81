"""What the sessions app adds to the core through Wagtail's hooks."""

from django.db.models import Q
from wagtail import hooks

from lms.roles import STAFF_ACCOUNT_CONDITION_HOOK


@hooks.register(STAFF_ACCOUNT_CONDITION_HOOK)
def coordinators_are_staff() -> Q:
    """A region's coordinator sees its sessions' people: staff, with a second factor."""
    return Q(coordinated_regions__isnull=False)
