"""Reads on people and places."""

from django.db.models import QuerySet

from lms.models import Prefecture, User


def user_count() -> int:
    """How many accounts exist (a cheap query that proves a process sees the database)."""
    return User.objects.count()


def prefecture_list(*, natural_region: str | None = None) -> QuerySet[Prefecture]:
    """Prefectures with their administrative region, optionally within one natural region."""
    queryset = Prefecture.objects.select_related("region").order_by("name")
    if natural_region:
        queryset = queryset.filter(natural_region=natural_region)
    return queryset
