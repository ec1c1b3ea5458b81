"""When a test may be taken, and the lesson gate "submit the pre-test first".

The sessions issue adds a trainer's switch that opens a post-test for the room: it registers a
function in `post_test_openers` (user, test) -> bool, and this module consults it. It also keeps a
test closed until the trainer opens it for the room: `test_closers` (user, test) -> reason or None.
"""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse
from django.utils.translation import gettext as _

from assessments.models import Test
from assessments.selectors import has_submitted, tests_of
from courses.gates import Gate
from courses.selectors import course_outline, is_enrolled

post_test_openers: list[Callable] = []
test_closers: list[Callable] = []


def test_closed_reason(*, user, test: Test) -> str | None:
    """Why `user` may not take `test` now (a translated sentence), or None when they may."""
    if not is_enrolled(user=user, course_id=test.course_id):
        return _("Enrol in the module first.")
    for closer in test_closers:
        reason = closer(user, test)
        if reason:
            return reason
    if test.kind == Test.Kind.POST:
        if any(opener(user, test) for opener in post_test_openers):
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
