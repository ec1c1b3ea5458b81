"""Who earns which certificate: a pure function of a rule and plain facts.

No database and no clock here: selectors gather the facts, services act on the decision, and the
module page shows the reasons. Reasons are translated sentences for the trainee.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

COMPLETION = "completion"
PARTICIPATION = "participation"


@dataclass(frozen=True)
class Rule:
    min_post_test_percent: int | None = 70
    require_pre_test: bool = True
    require_lessons: bool = True
    min_attendance_percent: int | None = None
    participation: bool = False


@dataclass(frozen=True)
class Facts:
    has_pre_test: bool
    pre_test_taken: bool
    has_post_test: bool
    post_test_percent: float | None  # best finished post-test, None when not taken
    lessons_completed: bool
    through_session: bool
    attendance_percent: float | None  # None: no attendance record (no sessions, or none taken)


@dataclass(frozen=True)
class Decision:
    kind: str | None  # COMPLETION, PARTICIPATION or None
    reasons: list[str] = field(default_factory=list)  # why not a completion certificate (empty when earned)


def _percent(value: float) -> str:
    return f"{value:.0f}"


def _attendance_reason(rule: Rule, facts: Facts) -> str | None:
    """The attendance condition applies only to session enrolments with attendance data."""
    if rule.min_attendance_percent is None or not facts.through_session or facts.attendance_percent is None:
        return None
    if facts.attendance_percent < rule.min_attendance_percent:
        return _("attendance %(actual)s %% < %(minimum)s %%") % {
            "actual": _percent(facts.attendance_percent),
            "minimum": rule.min_attendance_percent,
        }
    return None


def decide(rule: Rule, facts: Facts) -> Decision:
    """Completion when every condition is met; participation (when the rule allows it) when the
    trainee came through a session, attended enough and took the post-test without passing."""
    reasons = []
    if rule.require_pre_test and facts.has_pre_test and not facts.pre_test_taken:
        reasons.append(_("pre-test not taken"))
    if rule.require_lessons and not facts.lessons_completed:
        reasons.append(_("required lessons not completed"))
    passed_post = True
    if rule.min_post_test_percent is not None and facts.has_post_test:
        if facts.post_test_percent is None:
            reasons.append(_("post-test not taken"))
            passed_post = False
        elif facts.post_test_percent < rule.min_post_test_percent:
            reasons.append(
                _("post-test %(actual)s %% < %(minimum)s %%")
                % {"actual": _percent(facts.post_test_percent), "minimum": rule.min_post_test_percent}
            )
            passed_post = False
    attendance = _attendance_reason(rule, facts)
    if attendance:
        reasons.append(attendance)
    if not reasons:
        return Decision(kind=COMPLETION)
    attended = (
        facts.through_session
        and facts.attendance_percent is not None
        and attendance is None
        and rule.min_attendance_percent is not None
    )
    if rule.participation and attended and not passed_post and facts.post_test_percent is not None:
        return Decision(kind=PARTICIPATION, reasons=reasons)
    return Decision(kind=None, reasons=reasons)
