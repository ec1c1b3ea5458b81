"""Reads on certificates and the facts that decide them."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from assessments.models import Attempt, Test
from certificates import hooks, rules
from certificates.models import Certificate, CertificateRule, Kind
from courses.models import Enrolment
from courses.selectors import enrolments_with_progress


def rule_for(*, course_id: int) -> CertificateRule | None:
    return CertificateRule.objects.filter(course_id=course_id, active=True).first()


def as_rule(rule: CertificateRule) -> rules.Rule:
    return rules.Rule(
        min_post_test_percent=rule.min_post_test_percent,
        require_pre_test=rule.require_pre_test,
        require_lessons=rule.require_lessons,
        min_attendance_percent=rule.min_attendance_percent,
        participation=rule.participation,
    )


def facts_for(*, enrolment: Enrolment) -> rules.Facts:
    """The plain facts about one enrolment that a rule looks at (about six queries)."""
    tests = {test.kind: test for test in Test.objects.filter(course_id=enrolment.course_id)}
    # Only the attempts that count: the best of them is the post-test score (docs/assessments.md).
    finished = (
        Attempt.objects.counting()
        .filter(user_id=enrolment.user_id, test__in=tests.values())
        .values_list("test__kind", "score", "max_score")
    )
    pre_taken, best_post = False, None
    for kind, score, maximum in finished:
        if kind == Test.Kind.PRE:
            pre_taken = True
        elif kind == Test.Kind.POST and maximum:
            percent = 100 * (score or 0) / maximum
            best_post = percent if best_post is None else max(best_post, percent)
    progress = enrolments_with_progress(user=enrolment.user, course_ids=[enrolment.course_id])
    lessons_done = bool(progress) and progress[0].progress >= 100
    attendance = hooks.attendance_rate(user_id=enrolment.user_id, course_page_id=enrolment.course_id)
    return rules.Facts(
        has_pre_test="pre" in tests,
        pre_test_taken=pre_taken,
        has_post_test="post" in tests,
        post_test_percent=best_post,
        lessons_completed=lessons_done,
        # On a session's roster for this module, even if they had enrolled on their own before.
        through_session=enrolment.source == Enrolment.Source.SESSION or attendance is not None,
        attendance_percent=attendance,
    )


def decision_for(*, enrolment: Enrolment, rule: CertificateRule) -> rules.Decision:
    return rules.decide(as_rule(rule), facts_for(enrolment=enrolment))


def live_certificates(*, enrolment_id: int) -> dict[str, Certificate]:
    return {
        c.kind: c
        for c in Certificate.objects.filter(enrolment_id=enrolment_id).exclude(status=Certificate.Status.SUPERSEDED)
    }


def sweep_candidates(*, enrolments: QuerySet | None = None, course_slug: str | None = None) -> QuerySet:
    """Enrolments in a module with an active rule and no live completion certificate yet, that
    have finished the post-test when the rule asks for one (a cheap SQL filter: the rule itself is
    decided per enrolment by the task).

    `enrolments` narrows the sweep (the sessions app passes a session's enrolments for
    `issue_certificates --session CODE`); `course_slug` narrows it to one module.
    """
    queryset = enrolments if enrolments is not None else Enrolment.objects.all()
    completed = Certificate.objects.filter(enrolment=OuterRef("pk"), kind=Kind.COMPLETION).exclude(
        status=Certificate.Status.SUPERSEDED
    )
    queryset = (
        queryset.exclude(status=Enrolment.Status.WITHDRAWN)
        .filter(course_id__in=CertificateRule.objects.filter(active=True).values("course_id"))
        .filter(~Exists(completed))
        .select_related("user", "course")
        .order_by("pk")
    )
    # A decision can change only for those who finished the post-test, in a module whose rule has
    # no post-test minimum or that has no post-test, or (participation needs attendance) for the
    # people on a session's roster for the module: everyone else is skipped in SQL.
    from training.models import Participant

    post_finished = Attempt.objects.counting().filter(
        user_id=OuterRef("user_id"), test__course_id=OuterRef("course_id"), test__kind=Test.Kind.POST
    )
    no_post_rule = CertificateRule.objects.filter(course_id=OuterRef("course_id"), min_post_test_percent__isnull=True)
    no_post_test = Test.objects.filter(course_id=OuterRef("course_id"), kind=Test.Kind.POST)
    on_roster = Participant.objects.filter(user_id=OuterRef("user_id"), session__courses=OuterRef("course_id"))
    queryset = queryset.filter(Exists(post_finished) | Exists(no_post_rule) | ~Exists(no_post_test) | Exists(on_roster))
    if course_slug:
        queryset = queryset.filter(course__slug=course_slug)
    return queryset


def certificates_of(*, user) -> list[Certificate]:
    """A trainee's certificates, newest first, superseded ones left out (one query)."""
    return list(
        Certificate.objects.filter(enrolment__user=user)
        .exclude(status=Certificate.Status.SUPERSEDED)
        .select_related("enrolment")
        .order_by("-issued_at")
    )


def certificate_by_code(*, code: str) -> Certificate | None:
    return Certificate.objects.filter(code=code).first()


def issued_and_revoked_counts() -> tuple[int, int]:
    """Every certificate ever issued (re-issues included), and how many of them are revoked: one query."""
    counts = Certificate.objects.aggregate(
        issued=Count("pk"), revoked=Count("pk", filter=Q(status=Certificate.Status.REVOKED))
    )
    return counts["issued"], counts["revoked"]
