"""Small template helpers of the courses app."""

from django import template

register = template.Library()


@register.filter
def dict_get(mapping, key):
    """`mapping[key]`, or None: for dictionaries keyed by a block id."""
    if not mapping:
        return None
    return mapping.get(key)


@register.filter
def percent_at_least(scaled, percent) -> bool:
    """Whether a scaled score (0–1) reaches a pass mark given in percent."""
    return scaled is not None and scaled * 100 >= float(percent)
