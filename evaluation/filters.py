"""The report's filters: one frozen object, parsed once, turned into ORM conditions on attempts.

Adding a filter (the sessions app adds `session` and `trainer`) is one `FilterSpec` in
`FILTER_SPECS`: its name (the query-string key), a parser and a function giving the `Q` on
`Attempt` rows. The page form, the exports, the command and the access log all read the specs.

`ReportFilters.from_query` is the one place a query string (or command-line options) is parsed: a
malformed value, or one the filter form does not offer (a session code, region, module, ... that does
not exist), raises InvalidFilter with a translated message, which the views turn into a 400 and the
command into an error. Refusing beats ignoring: an ignored filter would show the whole data set to
someone who asked for a part of it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import cast

from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext as _

from lms import parsing
from training.models import Participant, TrainingSession

# Longest value echoed back in an error message.
_SHOWN_VALUE = 40


class InvalidFilter(ValueError):
    """A filter value that is malformed or names nothing the report knows; `message` is translated."""

    def __init__(self, *, name: str, value: str):
        shown = value if len(value) <= _SHOWN_VALUE else value[: _SHOWN_VALUE - 1] + "…"
        self.message = _("Unknown filter value: %(name)s=%(value)s. Choose a value offered by the form.") % {
            "name": name,
            "value": shown,
        }
        super().__init__(self.message)


def _text(value: str) -> str | None:
    value = (value or "").strip()
    return value or None


def _integer(value: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    number = parsing.database_int(value)
    if number is None or number < 0:
        raise ValueError(value)
    return number


def _date(value: str) -> datetime.date | None:
    value = (value or "").strip()
    return datetime.date.fromisoformat(value) if value else None


def _month_start(value: str) -> datetime.date | None:
    """A lower date bound, rounded down to the 1st of its month (docs/analytics.md, "Disclosure
    control": bounds a day apart would isolate whoever finished in between)."""
    day = _date(value)
    return day and day.replace(day=1)


def _month_end(value: str) -> datetime.date | None:
    """An upper date bound, rounded up to the last day of its month."""
    day = _date(value)
    if day is None:
        return None
    if day.month == 12:
        return day.replace(day=31)
    return day.replace(month=day.month + 1, day=1) - datetime.timedelta(days=1)


def _finished_by(value: object) -> Q:
    """Finished on `day` or before (UTC); the calendar's last day bounds nothing."""
    day = cast(datetime.date, value)  # what _month_end parsed (FilterSpec's contract)
    if day >= datetime.date.max:
        return Q(finished_at__isnull=False)
    return Q(finished_at__lt=_day_start(day + datetime.timedelta(days=1)))


def _code(value: str) -> str | None:
    value = _text(value)
    return value and value.upper()


@dataclass(frozen=True)
class FilterSpec:
    name: str
    parse: Callable[[str], object]
    # (value) -> Q on Attempt; applied to the pre- and the post-test attempt alike.
    condition: Callable[[object], Q]
    # Whether a parsed value must be one of the filter form's choices (ReportFilters.from_query).
    chosen: bool = True


def _day_start(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)


FILTER_SPECS: list[FilterSpec] = [
    FilterSpec("course", _integer, lambda v: Q(test__course_id=v)),
    FilterSpec("form", _text, lambda v: Q(form__label="" if v == "-" else v)),
    # An administrative region by code ("kankan") or by name ("Kankan").
    FilterSpec("region", _text, lambda v: Q(user__prefecture__region__code=v) | Q(user__prefecture__region__name=v)),
    FilterSpec("natural_region", _text, lambda v: Q(user__prefecture__natural_region=v)),
    FilterSpec("prefecture", _text, lambda v: Q(user__prefecture__code=v)),
    FilterSpec("audience", _text, lambda v: Q(user__audience=v)),
    FilterSpec("language", _text, lambda v: Q(user__preferred_language=v)),
    # Self-declared (lms.User; evaluation.disaggregation).
    FilterSpec("sex", _text, lambda v: Q(user__sex=v)),
    FilterSpec("age_band", _text, lambda v: Q(user__age_band=v)),
    # Whole months only (_month_start, _month_end).
    FilterSpec("date_from", _month_start, lambda v: Q(finished_at__gte=_day_start(v)), chosen=False),
    FilterSpec("date_to", _month_end, _finished_by, chosen=False),
    FilterSpec("mode", _text, lambda v: Q(mode=v)),
    # Sessions (the training app, one layer below).
    FilterSpec("session", _code, lambda v: _session_condition(code=v)),
    FilterSpec("trainer", _integer, lambda v: _session_condition(trainer_id=v)),
]


def _session_condition(**session_filter) -> Q:
    """Attempts of a session's participants on its modules' tests (`code=` or `trainer_id=`)."""
    sessions = TrainingSession.objects.filter(
        **({"code": session_filter["code"]} if "code" in session_filter else {"trainers": session_filter["trainer_id"]})
    )
    participants = Participant.objects.filter(session__in=sessions)
    modules = TrainingSession.courses.through.objects.filter(trainingsession__in=sessions)
    return Q(user_id__in=participants.values("user_id"), test__course_id__in=modules.values("coursepage_id"))


def session_code():
    """An expression on Attempt: the code of the session through which its trainee takes its module.

    As training.selectors.participation_for chooses it: the most recent session whose roster holds
    the trainee and whose modules include the test's module; NULL when there is none.
    """
    participants = Participant.objects.filter(user_id=OuterRef("user_id"), session__courses=OuterRef("test__course_id"))
    return Subquery(participants.order_by("-session__start_date", "-pk").values("session__code")[:1])


def _offered(name: str, value: object, choices) -> bool:
    """Whether the form offers this value (a region by its code or its name; codes in any case)."""
    wanted = str(value)
    for choice, label in choices:
        if wanted == str(choice) or (name == "region" and wanted == str(label)):
            return True
        if name == "session" and wanted == str(choice).upper():
            return True
    return False


# Data protection: whoever withdrew consent is left out of every evaluator view and export from then
# on, whatever the filters (lms.services.user_withdraw_consent sets the date).
CONSENT_IN_FORCE = Q(user__consent_withdrawn_at__isnull=True)
# The tests the pre/post report matches (a module may also have a follow-up test).
PRE_OR_POST = Q(test__kind__in=("pre", "post"))


@dataclass(frozen=True)
class ReportFilters:
    """The chosen filters by name (only the ones set). Build with `from_query`."""

    values: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def from_query(cls, query: Mapping[str, str], *, choices: Mapping[str, list] | None = None) -> ReportFilters:
        """Parse a query string (or command-line options). Unknown keys and empty values are ignored.

        Raises InvalidFilter for a malformed value (a date that is not ISO 8601, an id that is not a
        number) and, given the filter form's `choices` (selectors.filter_choices), for a value the
        form does not offer: a session, region, module, audience... that does not exist.
        """
        values = {}
        for spec in FILTER_SPECS:
            raw = query.get(spec.name)
            try:
                parsed = spec.parse(raw) if isinstance(raw, str) else raw
            except ValueError:
                raise InvalidFilter(name=spec.name, value=str(raw)) from None
            if parsed is None:
                continue
            if choices is not None and spec.chosen and not _offered(spec.name, parsed, choices.get(spec.name, ())):
                raise InvalidFilter(name=spec.name, value=str(raw))
            values[spec.name] = parsed
        return cls(values=values)

    def get(self, name: str):
        return self.values.get(name)

    def attempt_condition(self) -> Q:
        """The conditions every counted attempt (pre and post) must meet. Follow-up tests never enter
        the pre/post matching: evaluation.retention reads them beside it."""
        condition = CONSENT_IN_FORCE & PRE_OR_POST
        for spec in FILTER_SPECS:
            if spec.name in self.values:
                condition &= spec.condition(self.values[spec.name])
        return condition

    def as_log(self) -> dict[str, str]:
        """The filters as plain strings, for the access log and file metadata."""
        return {name: str(value) for name, value in self.values.items()}
