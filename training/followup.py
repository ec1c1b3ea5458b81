"""The follow-up test: a module's third test, taken months after the post-test to measure what was
retained (evaluation.retention reports it).

The rule: a module's follow-up test opens for a trainee `followup_days` after the trainee's post-test
(the session's setting, through the session in which they take the module; FOLLOWUP_DEFAULT_DAYS
without one), counted from the last counting post-test attempt (the one the report matches). Before
that, or without a post-test, it stays closed (the TEST_CLOSER hook, so every route — online,
offline download, sync — refuses it with the same words).

When it opens, the trainee is reminded once by the channels they have (e-mail, SMS through
lms.sms) and sees it on their dashboard. `send_reminders` is run by Celery beat
(training.tasks.send_followup_reminders); a FollowupReminder row, created in the transaction that
sends, makes it idempotent: a second run, or two workers at once, send nothing more.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from assessments.models import Attempt, FollowupReminder, Test
from lms.sms import send_sms
from training.models import Participant
from training.selectors import participation_for

logger = logging.getLogger(__name__)


def delay_days(*, user_id: int, course_id: int) -> int:
    """Days after the post-test when the follow-up opens: the session's setting, else the default."""
    participant = participation_for(user_id=user_id, course_page_id=course_id)
    return participant.session.followup_days if participant else settings.FOLLOWUP_DEFAULT_DAYS


def delays(*, course_id: int, user_ids) -> dict[int, int]:
    """{user id: delay_days} for many trainees of one module at once (one query)."""
    chosen: dict[int, int] = {}
    for user_id, days in (
        Participant.objects.filter(user_id__in=user_ids, session__courses__pk=course_id)
        .order_by("-session__start_date", "-pk")
        .values_list("user_id", "session__followup_days")
    ):
        chosen.setdefault(user_id, days)
    return {user_id: chosen.get(user_id, settings.FOLLOWUP_DEFAULT_DAYS) for user_id in user_ids}


def post_test_finished_at(*, user_id: int, course_id: int) -> datetime.datetime | None:
    """When the trainee's last counting post-test attempt of the module was finished (None: none)."""
    return (
        Attempt.objects.counting()
        .filter(user_id=user_id, test__course_id=course_id, test__kind=Test.Kind.POST)
        .aggregate(last=Max("finished_at"))["last"]
    )


def opens_at(*, user_id: int, course_id: int) -> datetime.datetime | None:
    """When the module's follow-up test opens for the trainee; None before any post-test."""
    finished = post_test_finished_at(user_id=user_id, course_id=course_id)
    if finished is None:
        return None
    return finished + datetime.timedelta(days=delay_days(user_id=user_id, course_id=course_id))


def followup_closes(user, test) -> str | None:
    """assessments.hooks.TEST_CLOSER: a follow-up test is closed before its date, with the date."""
    if test.kind != Test.Kind.FOLLOWUP or not user.is_authenticated:
        return None
    opening = opens_at(user_id=user.pk, course_id=test.course_id)
    if opening is None:
        return _("The follow-up test opens some time after your post-test: take the post-test first.")
    if opening > timezone.now():
        return _("The follow-up test opens on %(date)s.") % {
            "date": formats.date_format(timezone.localdate(opening), "DATE_FORMAT")
        }
    return None


@dataclass(frozen=True)
class DueFollowup:
    user_id: int
    test: Test
    opens_at: datetime.datetime


def _candidates(now: datetime.datetime):
    """(user id, follow-up test, last post-test finish) for trainees whose post-test is at least a
    day old in a module with an open follow-up test, who have neither taken it nor been reminded."""
    followups = {t.course_id: t for t in Test.objects.filter(kind=Test.Kind.FOLLOWUP, is_open=True)}
    if not followups:
        return
    posts = (
        Attempt.objects.counting()
        .filter(test__kind=Test.Kind.POST, test__course_id__in=followups, finished_at__lte=now - datetime.timedelta(1))
        .values("user_id", "test__course_id")
        .annotate(last=Max("finished_at"))
        .order_by("user_id", "test__course_id")
    )
    taken = set(Attempt.objects.filter(test__in=followups.values()).values_list("user_id", "test_id"))
    reminded = set(FollowupReminder.objects.filter(test__in=followups.values()).values_list("user_id", "test_id"))
    for row in posts:
        test = followups[row["test__course_id"]]
        key = (row["user_id"], test.pk)
        if key not in taken and key not in reminded:
            yield row["user_id"], test, row["last"]


def due_reminders(*, now: datetime.datetime | None = None) -> list[DueFollowup]:
    """The follow-up tests open now for trainees not yet reminded of them (nor having started them)."""
    now = now or timezone.now()
    due = []
    for user_id, test, last_post in _candidates(now):
        opening = last_post + datetime.timedelta(days=delay_days(user_id=user_id, course_id=test.course_id))
        if opening <= now:
            due.append(DueFollowup(user_id, test, opening))
    return due


def _messages(user, test: Test) -> tuple[str, str, str]:
    """(e-mail subject, e-mail body, SMS text) in the trainee's language."""
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        page = test.course.localized
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("assessments:test", kwargs={"test_id": test.pk})
        context = {"user": user, "module": page.title, "url": url}
        subject = _("Your follow-up test is open")
        body = render_to_string("training/followup_reminder.txt", context)
        sms = _("The follow-up test of the module “%(module)s” is open for you: %(url)s") % context
    return subject, body, sms


def _remind(due: DueFollowup) -> bool:
    """Send one reminder, once: the row is created first, in the transaction that sends (a second
    worker waits on the unique row and then skips it); a failed sending rolls it back, to retry."""
    from lms.models import User

    user = User.objects.get(pk=due.user_id)
    with transaction.atomic():
        try:
            with transaction.atomic():
                reminder = FollowupReminder.objects.create(user=user, test=due.test)
        except IntegrityError:
            return False
        subject, body, sms = _messages(user, due.test)
        channels = []
        if user.email:
            send_mail(subject, body, None, [user.email])
            channels.append("email")
        if user.phone:
            send_sms(to=user.phone, body=sms)
            channels.append("sms")
        reminder.channels = ",".join(channels)
        reminder.save(update_fields=["channels"])
    return True


def send_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind every trainee whose follow-up test has opened, once each; returns how many were sent."""
    sent = 0
    for due in due_reminders(now=now):
        try:
            sent += _remind(due)
        except Exception:  # one trainee's gateway failure must not stop the others; retried next run
            logger.exception("follow-up reminder for user %s, test %s failed", due.user_id, due.test.pk)
    return sent


def open_followups(*, user) -> list[dict]:
    """The trainee's follow-up tests, open or coming (with their date), not yet taken."""
    rows = []
    tests = Test.objects.filter(kind=Test.Kind.FOLLOWUP, is_open=True).select_related("course")
    taken = set(Attempt.objects.filter(user=user, test__in=tests).finished().values_list("test_id", flat=True))
    for test in tests:
        if test.pk in taken:
            continue
        opening = opens_at(user_id=user.pk, course_id=test.course_id)
        if opening is not None:
            rows.append({"test": test, "module": test.course.localized.title, "opens_at": opening})
    now = timezone.now()
    for row in rows:
        row["open"] = row["opens_at"] <= now
    return sorted(rows, key=lambda row: row["opens_at"])


def dashboard_panel(request) -> str | None:
    """courses.hooks.DASHBOARD_PANEL: the trainee's follow-up tests that are open, or coming."""
    if not request.user.is_authenticated:
        return None
    rows = open_followups(user=request.user)
    if not rows:
        return None
    return render_to_string("training/followup_panel.html", {"rows": rows}, request=request)
