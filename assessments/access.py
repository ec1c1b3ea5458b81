"""When a test may be taken, and the lesson gate "submit the pre-test first".

The sessions app registers a trainer's switch that opens a post-test for the room (the Wagtail hook
`assessments.hooks.POST_TEST_OPENER`), and one that keeps a test closed until the trainer opens it for
the room (`assessments.hooks.TEST_CLOSER`); this module consults them.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from assessments.hooks import POST_TEST_OPENER, TEST_CLOSER
from assessments.models import Test
from assessments.selectors import has_submitted, tests_of
from courses.gates import Gate
from courses.selectors import course_outline, is_enrolled


def test_closed_reason(*, user, test: Test) -> str | None:
    """Why `user` may not take `test` now (a translated sentence), or None when they may."""
    if not is_enrolled(user=user, course_id=test.course_id):
        return _("Enrol in the module first.")
    for closer in hooks.get_hooks(TEST_CLOSER):
        reason = closer(user, test)
        if reason:
            return reason
    if test.kind == Test.Kind.POST:
        if any(opener(user, test) for opener in hooks.get_hooks(POST_TEST_OPENER)):
            return None
        pre = tests_of(course_id=test.course_id).get("pre")
        if pre is not None and not has_submitted(user=user, test=pre):
            return _("Take the pre-test first.")
        from courses.models import CoursePage

        outline = course_outline(page=CoursePage.objects.get(pk=test.course_id), user=user)
        if outline.progress < 100:
            return _("The post-test opens when you have completed the required lessons.")
    return None


def pre_test_gate(user, course_id: int) -> Gate | None:
    """courses.gates: the lessons of a module with a pre-test open once the pre-test is submitted."""
    pre = Test.objects.filter(course_id=course_id, kind=Test.Kind.PRE).first()
    if pre is None or has_submitted(user=user, test=pre):
        return None
    return Gate(
        url=reverse("assessments:test", kwargs={"test_id": pre.pk}),
        message=_("Start with the pre-test: it shows what you already know. The lessons open right after."),
    )


def course_panel(request, course_id: int) -> str | None:
    """The module page's panel: the pre- and post-test with the trainee's results and what to do next."""
    from django.template.loader import render_to_string

    tests = tests_of(course_id=course_id)
    if not tests:
        return None
    user = request.user
    rows = []
    for kind in ("pre", "post"):
        test = tests.get(kind)
        if test is None:
            continue
        done = has_submitted(user=user, test=test) if user.is_authenticated else False
        closed = test_closed_reason(user=user, test=test) if user.is_authenticated else None
        rows.append({"test": test, "done": done, "closed": closed})
    return render_to_string("assessments/course_panel.html", {"rows": rows, "user": user}, request=request)
