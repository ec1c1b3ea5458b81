"""Helpers for rendering saved answers back into the plain test form."""

from django import template

register = template.Library()


@register.filter
def get_answer(answer, key):
    """A matching answer's chosen right id for a left id."""
    return answer.get(key) if isinstance(answer, dict) else None


@register.filter
def position_of(answer, option):
    """An ordering answer's position (1-based) of an option, or empty."""
    if isinstance(answer, list) and option in answer:
        return answer.index(option) + 1
    return ""
