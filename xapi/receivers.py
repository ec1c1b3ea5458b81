"""The learning events, caught where they are written (post_save, inside the writer's transaction).

Each event queues one statement in the outbox (`outbox.queue`) with an id derived from the event's
row, so saving the same row again never queues it twice; the forwarding task is started after the
commit. Nothing is queued while no LRS is enabled, nor for a person who withdrew consent or is erased.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.utils import translation

from xapi import outbox
from xapi import statements as st


def on_enrolment(sender, instance, created, **kwargs) -> None:
    if created:
        outbox.queue(
            user=instance.user,
            event="enrolled",
            sid=st.statement_id("enrolled", instance.pk),
            build=lambda key: st.statement(
                sid=st.statement_id("enrolled", instance.pk),
                pseudonym=key,
                verb_name="registered",
                obj=st.course_activity(instance.course),
                when=instance.enrolled_at,
            ),
        )


def on_lesson_progress(sender, instance, **kwargs) -> None:
    if instance.completed_at is None:
        return
    enrolment = instance.enrolment
    sid = st.statement_id("lesson-completed", instance.pk)
    outbox.queue(
        user=enrolment.user,
        event="lesson_completed",
        sid=sid,
        build=lambda key: st.statement(
            sid=sid,
            pseudonym=key,
            verb_name="completed",
            obj=st.lesson_activity(instance.lesson),
            when=instance.completed_at,
            result={"completion": True},
            context=st.in_course(enrolment.course),
        ),
    )


def on_h5p_result(sender, instance, created, **kwargs) -> None:
    if not created:
        return
    from courses.services import activity_iri

    lesson = instance.lesson
    sid = st.statement_id("h5p", instance.pk)

    def build(key):
        lesson_names = st.names(st.page_titles(lesson))
        obj = st.activity(
            activity_iri(base_url=st.home_page(), lesson_id=lesson.pk, activity_id=instance.activity_id),
            "interaction",
            {tag: f"{name} – H5P" for tag, name in lesson_names.items()},
        )
        parent = {"contextActivities": {"parent": [st.lesson_activity(lesson)]}}
        completed = instance.verb == "completed"
        return st.statement(
            sid=sid,
            pseudonym=key,
            verb_name="completed" if completed else "answered",
            obj=obj,
            when=instance.received_at,
            result=st.score(instance.raw, instance.max, instance.success, completion=completed),
            context=parent,
        )

    outbox.queue(user=instance.user, event=f"h5p_{instance.verb}", sid=sid, build=build)


def on_attempt(sender, instance, created, **kwargs) -> None:
    test = instance.test
    if created:
        sid = st.statement_id("test-started", instance.pk)
        outbox.queue(
            user=instance.user,
            event="test_started",
            sid=sid,
            build=lambda key: st.statement(
                sid=sid,
                pseudonym=key,
                verb_name="attempted",
                obj=st.test_activity(test),
                when=instance.started_at,
                context=st.in_course(test.course),
            ),
        )
    # Submitted: on the save that scores it (a paper or offline attempt is inserted finished, then scored).
    if not created and instance.status != "open" and instance.finished_at is not None and instance.score is not None:
        sid = st.statement_id("test-submitted", instance.pk)
        maximum = instance.max_score or 0
        passed = maximum > 0 and 100 * instance.score / maximum >= test.pass_mark
        outbox.queue(
            user=instance.user,
            event="test_submitted",
            sid=sid,
            build=lambda key: st.statement(
                sid=sid,
                pseudonym=key,
                verb_name="completed",
                obj=st.test_activity(test),
                when=instance.finished_at,
                result=st.score(instance.score, maximum, passed if maximum > 0 else None),
                context=st.in_course(test.course),
            ),
        )


def on_attendance(sender, instance, **kwargs) -> None:
    if instance.status not in ("present", "late"):
        return
    day = instance.day
    session = day.session
    sid = st.statement_id("attended", instance.pk)

    def build(key):
        iri = f"{st.activity_base()}/session/{session.pk}/{day.date.isoformat()}"
        obj = st.activity(iri, "meeting", st.names({"fr": f"{session.title} ({day.date.isoformat()})"}))
        parents = [st.course_activity(course) for course in session.courses.all()]
        context = {"contextActivities": {"parent": parents}} if parents else {}
        return st.statement(
            sid=sid,
            pseudonym=key,
            verb_name="attended",
            obj=obj,
            when=instance.marked_at,
            **({"context": context} if context else {}),
        )

    outbox.queue(user=instance.participant.user, event="attended", sid=sid, build=build)


def on_certificate_event(sender, instance, created, **kwargs) -> None:
    if not created or instance.action not in ("issued", "revoked"):
        return
    certificate = instance.certificate
    course = certificate.enrolment.course
    sid = st.statement_id("certificate", instance.pk)

    def build(key):
        titles = st.names(st.page_titles(course))
        kind = {}
        for code, tag in st.LANGUAGES.items():
            with translation.override(code):
                kind[tag] = str(certificate.get_kind_display())
        # The verification code is left out: it leads to the holder's name.
        obj = st.activity(
            f"{st.activity_base()}/certificate/{course.translation_key}/{certificate.kind}",
            "certificate",
            {tag: f"{kind[tag]} – {titles[tag]}" for tag in titles},
        )
        return st.statement(
            sid=sid,
            pseudonym=key,
            verb_name="earned" if instance.action == "issued" else "revoked",
            obj=obj,
            when=instance.at,
            context=st.in_course(course),
        )

    outbox.queue(user=certificate.enrolment.user, event=f"certificate_{instance.action}", sid=sid, build=build)


def on_user(sender, instance, **kwargs) -> None:
    """Consent withdrawn: nothing more is sent for the person, and what was sent is voided."""
    if instance.consent_withdrawn_at is not None:
        outbox.forget(user=instance)


def _when_enabled(receiver):
    """The receiver, run only while an LRS is enabled: checked first (a cached flag), so an event
    costs no query at all, not even for the relations the receiver reads, while none is."""

    def receive(sender, instance, **kwargs) -> None:
        if outbox.enabled():
            receiver(sender, instance, **kwargs)

    return receive


def connect() -> None:
    from django.contrib.auth import get_user_model

    from assessments.models import Attempt
    from certificates.models import CertificateEvent
    from courses.models import Enrolment, H5PResult, LessonProgress
    from training.models import Attendance
    from xapi.models import LrsConfig

    for model, receiver in [
        (Enrolment, on_enrolment),
        (LessonProgress, on_lesson_progress),
        (H5PResult, on_h5p_result),
        (Attempt, on_attempt),
        (Attendance, on_attendance),
        (CertificateEvent, on_certificate_event),
    ]:
        post_save.connect(_when_enabled(receiver), sender=model, weak=False, dispatch_uid=f"xapi.{receiver.__name__}")
    # Forgetting a person works whether an LRS is enabled or not (what was sent is voided anyway).
    post_save.connect(on_user, sender=get_user_model(), dispatch_uid="xapi.on_user")
    post_save.connect(outbox.configuration_changed, sender=LrsConfig, dispatch_uid="xapi.lrs_saved")
    post_delete.connect(outbox.configuration_changed, sender=LrsConfig, dispatch_uid="xapi.lrs_deleted")
