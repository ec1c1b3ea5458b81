"""The report's filters: one frozen object, parsed once, turned into ORM conditions on attempts.

Adding a filter (the sessions app adds `session` and `trainer`) is one `FilterSpec` in
`FILTER_SPECS`: its name (the query-string key), a parser and a function giving the `Q` on
`Attempt` rows. The page form, the exports, the command and the access log all read the specs.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.db.models import Q

from lms import parsing


def _text(value: str) -> str | None:
    value = (value or "").strip()
    return value or None


def _integer(value: str) -> int | None:
    number = parsing.database_int((value or "").strip())
    return number if number is not None and number >= 0 else None


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((value or "").strip())
    except ValueError:
        return None


@dataclass(frozen=True)
class FilterSpec:
    name: str
    parse: Callable[[str], object]
    # (value) -> Q on Attempt; applied to the pre- and the post-test attempt alike.
    condition: Callable[[object], Q]


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
    FilterSpec("date_from", _date, lambda v: Q(finished_at__gte=_day_start(v))),
    FilterSpec("date_to", _date, lambda v: Q(finished_at__lt=_day_start(v + datetime.timedelta(days=1)))),
    FilterSpec("mode", _text, lambda v: Q(mode=v)),
    # Sessions (the training app, one layer up): named by their models only here, at query time.
    FilterSpec("session", lambda v: _text(v) and _text(v).upper(), lambda v: _session_condition(code=v)),
    FilterSpec("trainer", _integer, lambda v: _session_condition(trainer_id=v)),
]


def _session_condition(**session_filter) -> Q:
    """Attempts of a session's participants on its modules' tests (`code=` or `trainer_id=`)."""
    from django.apps import apps

    sessions = apps.get_model("training", "TrainingSession").objects.filter(
        **({"code": session_filter["code"]} if "code" in session_filter else {"trainers": session_filter["trainer_id"]})
    )
    participants = apps.get_model("training", "Participant").objects.filter(session__in=sessions)
    modules = sessions.model.courses.through.objects.filter(trainingsession__in=sessions)
    return Q(user_id__in=participants.values("user_id"), test__course_id__in=modules.values("coursepage_id"))


def session_code():
    """An expression on Attempt: the code of the session through which its trainee takes its module.

    As training.selectors.participation_for chooses it: the most recent session whose roster holds
    the trainee and whose modules include the test's module; NULL when there is none.
    """
    from django.apps import apps
    from django.db.models import OuterRef, Subquery

    participants = apps.get_model("training", "Participant").objects.filter(
        user_id=OuterRef("user_id"), session__courses=OuterRef("test__course_id")
    )
    return Subquery(participants.order_by("-session__start_date", "-pk").values("session__code")[:1])


# Data protection: whoever withdrew consent is left out of every evaluator view and export from then
# on, whatever the filters (lms.services.user_withdraw_consent sets the date).
CONSENT_IN_FORCE = Q(user__consent_withdrawn_at__isnull=True)


@dataclass(frozen=True)
class ReportFilters:
    """The chosen filters by name (only the ones set). Build with `from_query`."""

    values: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> ReportFilters:
        """Parse a query string (or command-line options); unknown keys and bad values are ignored."""
        values = {}
        for spec in FILTER_SPECS:
            raw = query.get(spec.name)
            parsed = spec.parse(raw) if isinstance(raw, str) else raw
            if parsed is not None:
                values[spec.name] = parsed
        return cls(values=values)

    def get(self, name: str):
        return self.values.get(name)

    def attempt_condition(self) -> Q:
        """The conditions every counted attempt (pre and post) must meet."""
        condition = CONSENT_IN_FORCE
        for spec in FILTER_SPECS:
            if spec.name in self.values:
                condition &= spec.condition(self.values[spec.name])
        return condition

    def as_log(self) -> dict[str, str]:
        """The filters as plain strings, for the access log and file metadata."""
        return {name: str(value) for name, value in self.values.items()}
