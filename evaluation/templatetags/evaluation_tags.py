"""Number formats of the evaluation report (localised decimal separator through floatformat)."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def pvalue(value) -> str:
    """A p value with three decimals, or "< 0.001"; a dash when there is none."""
    if value is None:
        return "—"
    if value < 0.001:
        return _("< %(limit)s") % {"limit": floatformat(0.001, 3)}
    return floatformat(value, 3)


@register.filter
def number(value, digits: int = 1) -> str:
    """A number with `digits` decimals, or a dash when there is none."""
    return "—" if value is None else floatformat(value, digits)


@register.filter
def fraction_percent(value) -> str:
    """A fraction (0–1) as a whole percentage, or a dash."""
    return "—" if value is None else f"{floatformat(100 * value, 0)} %"
