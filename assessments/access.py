"""Whether a person may take a test now (one rule for every route), and the lesson gate "submit the
pre-test first".

`may_take_test` is the one decision: the online start, the offline download (one trainee's phone or
a trainer's shared phone) and the offline sync all ask it, so a test refused online is refused (or,
at sync, flagged) offline for the same reason and with the same words.

The sessions app registers a trainer's switch that opens a post-test for the room (the Wagtail hook
`assessments.hooks.POST_TEST_OPENER`), and one that keeps a test closed until the trainer opens it for
the room (`assessments.hooks.TEST_CLOSER`); this module consults them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from assessments.hooks import POST_TEST_OPENER, TEST_CLOSER
from assessments.models import Test
from assessments.selectors import attempts_used, has_submitted, tests_of
from courses.gates import Gate
from courses.selectors import course_outline, is_enrolled

# The routes by which a test is taken. At SYNC the answers already exist: a refusal there does not
# drop them, it flags the attempt late (assessments.offline), and whether attempts are left is decided
# when the attempt is recorded, under a lock (services.record_attempt), not here.
ONLINE, DOWNLOAD, SYNC = "online", "download", "sync"
ROUTES = (ONLINE, DOWNLOAD, SYNC)

# Refusal codes, in the order they are checked.
NOT_ENROLLED = "not_enrolled"
CLOSED = "closed"  # closed in the test's settings (a pre-test)
REVIEW_OPEN = "review_open"  # a post-test closed in its settings: its answers can be seen
WAITING_FOR_TRAINER = "waiting_for_trainer"  # a TEST_CLOSER hook keeps it closed for the room
PRE_TEST_FIRST = "pre_test_first"
LESSONS_FIRST = "lessons_first"
NO_ATTEMPTS_LEFT = "no_attempts_left"
# The refusals that concern the way to the test (the trainee is not there yet): the test page sends
# the trainee back to the module. After the others the test page still shows their results.
NOT_YET = frozenset({NOT_ENROLLED, WAITING_FOR_TRAINER, PRE_TEST_FIRST, LESSONS_FIRST})


@dataclass(frozen=True)
class Refusal:
    """Why a test may not be taken now: a stable `code` (above) and a translated `message`."""

    code: str
    message: str

    def __str__(self) -> str:
        return self.message


def refusal(code: str) -> Refusal:
    """The refusal for `code`, its message translated in the active language."""
    messages = {
        NOT_ENROLLED: _("Enrol in the module first."),
        CLOSED: _("This test is closed."),
        REVIEW_OPEN: _("This test is closed: its answers can now be seen, so it can no longer be taken."),
        PRE_TEST_FIRST: _("Take the pre-test first."),
        LESSONS_FIRST: _("The post-test opens when you have completed the required lessons."),
        NO_ATTEMPTS_LEFT: _("You have used every attempt allowed for this test."),
    }
    return Refusal(code, messages[code])


def may_take_test(*, user, test: Test, route: str) -> Refusal | None:
    """None when `user` may take `test` now by `route` (ONLINE, DOWNLOAD or SYNC), else the Refusal.

    Checked in this order: enrolled in the module; the test open in its settings (a post-test closed
    there has its review open, so nothing may be downloaded or answered once the answers can be
    seen); not kept closed for the room by the trainer (the TEST_CLOSER hooks); for a post-test, unless the
    trainer opened it for the room (the POST_TEST_OPENER hooks), the pre-test handed in and the required
    lessons completed; and, except at SYNC, an attempt left (finished attempts of any route, flagged
    ones included). An open attempt online does not use one up: it is the one the trainee continues.
    """
    if route not in ROUTES:
        raise ValueError(route)
    if not is_enrolled(user=user, course_id=test.course_id):
        return refusal(NOT_ENROLLED)
    if not test.is_open:
        return refusal(REVIEW_OPEN if test.kind == Test.Kind.POST else CLOSED)
    for closer in hooks.get_hooks(TEST_CLOSER):
        reason = closer(user, test)
        if reason:
            return Refusal(WAITING_FOR_TRAINER, str(reason))
    if test.kind == Test.Kind.POST and not any(opener(user, test) for opener in hooks.get_hooks(POST_TEST_OPENER)):
        pre = tests_of(course_id=test.course_id).get("pre")
        if pre is not None and not has_submitted(user=user, test=pre):
            return refusal(PRE_TEST_FIRST)
        from courses.models import CoursePage

        if course_outline(page=CoursePage.objects.get(pk=test.course_id), user=user).progress < 100:
            return refusal(LESSONS_FIRST)
    if route != SYNC and attempts_used(user=user, test=test) >= test.attempts_allowed:
        return refusal(NO_ATTEMPTS_LEFT)
    return None


# The refusals that close a test to an attempt already under way (refused_now): an editor closed it
# in its settings, or its answers can be seen. The room switch is not asked here: a trainer who closes
# the room's test ends the time to start it, not the hand-in of those already answering.
CLOSING = frozenset({CLOSED, REVIEW_OPEN})


def refused_now(attempt) -> bool:
    """Whether the rule refuses the attempt's test to its trainee now, as at a phone's sync (SYNC:
    the answers already exist, so the attempts left are not asked; services._finish flags extras).

    An online attempt's saves are accepted whatever the rule says, so that no answer typed is lost;
    its hand-in (or expiry) asks this once, and a refused one is kept but flagged late.
    """
    if attempt.test.is_open:
        # The refusals in CLOSING come only from a test closed in its settings: nothing else to ask
        # (a hand-in of an open test costs no query here).
        return False
    refusal = may_take_test(user=attempt.user, test=attempt.test, route=SYNC)
    # Only what closes a test since its start counts here: the way in (enrolment, pre-test, lessons,
    # the room) was checked when the attempt started, and must not void an attempt under way.
    return refusal is not None and refusal.code in CLOSING


def pre_test_gate(user, course_id: int) -> Gate | None:
    """courses.gates: the lessons of a module with a pre-test open once the pre-test is submitted."""
    pre = Test.objects.filter(course_id=course_id, kind=Test.Kind.PRE).first()
    if pre is None or has_submitted(user=user, test=pre):
        return None
    refused = may_take_test(user=user, test=pre, route=ONLINE)
    if refused is not None and refused.code == WAITING_FOR_TRAINER:
        # Straight back to the module with one plain message, not to the test page that would send
        # the trainee back again with a second one.
        from courses.models import CoursePage

        return Gate(
            url=CoursePage.objects.get(pk=course_id).localized.url,
            message=_(
                "The lessons open after the pre-test, and your trainer will open the pre-test for the whole "
                "room. Meanwhile, read below what this module teaches; when your trainer gives the signal, "
                "come back to this page and tap the pre-test."
            ),
        )
    return Gate(
        url=reverse("assessments:test", kwargs={"test_id": pre.pk}),
        message=_("Start with the pre-test: it shows what you already know. The lessons open right after."),
    )


def course_panel(request, course_id: int) -> str | None:
    """The module page's panel: the pre-, post- and follow-up test with the trainee's results and what to do next."""
    from django.template.loader import render_to_string

    tests = tests_of(course_id=course_id)
    if not tests:
        return None
    user = request.user
    rows = []
    for kind in ("pre", "post", "followup"):
        test = tests.get(kind)
        if test is None:
            continue
        done = has_submitted(user=user, test=test) if user.is_authenticated else False
        refused = may_take_test(user=user, test=test, route=ONLINE) if user.is_authenticated else None
        closed = refused.message if refused else None
        rows.append({"test": test, "done": done, "closed": closed})
    return render_to_string("assessments/course_panel.html", {"rows": rows, "user": user}, request=request)
