"""The module page's certificate panel, the dashboard notice, and the verification rate limit."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string

from certificates import selectors
from lms import ratelimit


def course_panel(request, course_id: int) -> str | None:
    """courses.hooks.COURSE_PANEL: the trainee's certificate, or why they have none yet."""
    user = request.user
    rule = selectors.rule_for(course_id=course_id)
    if rule is None:
        return None
    context = {"rule": rule, "certificate": None, "reasons": []}
    if user.is_authenticated:
        from courses.models import Enrolment

        enrolment = Enrolment.objects.filter(user=user, course_id=course_id).select_related("user").first()
        if enrolment is not None:
            live = selectors.live_certificates(enrolment_id=enrolment.pk)
            context["certificate"] = live.get("completion") or live.get("participation")
            if context["certificate"] is None or context["certificate"].kind != "completion":
                context["reasons"] = selectors.decision_for(enrolment=enrolment, rule=rule).reasons
    return render_to_string("certificates/course_panel.html", context, request=request)


def result_panel(request, attempt) -> str | None:
    """assessments.hooks.RESULT_PANEL: under a passed post-test, the certificate to download, or that
    it is being prepared, or what is still missing for it."""
    from courses.models import Enrolment

    rule = selectors.rule_for(course_id=attempt.test.course_id)
    enrolment = Enrolment.objects.filter(user=request.user, course_id=attempt.test.course_id).first()
    if rule is None or enrolment is None:
        return None
    live = selectors.live_certificates(enrolment_id=enrolment.pk)
    certificate = live.get("completion")
    reasons = [] if certificate else selectors.decision_for(enrolment=enrolment, rule=rule).reasons
    return render_to_string(
        "certificates/result_panel.html", {"certificate": certificate, "reasons": reasons}, request=request
    )


def dashboard_panel(request) -> str | None:
    """courses.hooks.DASHBOARD_PANEL: "you have a certificate" with a link to My certificates."""
    if not request.user.is_authenticated:
        return None
    certificates = selectors.certificates_of(user=request.user)
    if not certificates:
        return None
    return render_to_string("certificates/dashboard_panel.html", {"certificates": certificates}, request=request)


def verification_allowed(request) -> bool:
    """At most CERTIFICATE_VERIFY_RATE lookups per client address and minute (shared cache)."""
    return not ratelimit.exceeded(
        scope="certificates:verify",
        subject=ratelimit.client_ip(request),
        limit=settings.CERTIFICATE_VERIFY_RATE,
        period=60,
    )
