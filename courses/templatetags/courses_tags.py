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


@register.filter
def block_clips(values) -> list:
    """The clips of a lesson block (language and document chosen) as `courses/_listen.html` shows them."""
    from courses.audio import clip_of

    return [clip_of(language=v["language"], document=v["file"]) for v in values or () if v["language"] and v["file"]]


@register.filter(name="kilobytes")
def kilobytes_filter(size) -> int:
    """Bytes as kilobytes, rounded up (courses.audio.kilobytes)."""
    from courses.audio import kilobytes

    return kilobytes(size or 0)
