"""Issuing: a passed post-test makes exactly one certificate, frozen, signed, announced."""

import hashlib

import pytest
from django.core import mail
from django.core.management import call_command

from certificates import services
from certificates.models import Certificate, CertificateEvent
from tests.factories import ACCENTED_NAME, certificate_setup, take_test

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks", "english")]


def test_passing_the_post_test_issues_one_completion_certificate(django_capture_on_commit_callbacks):
    user, enrolment, post, _rule = certificate_setup()
    with django_capture_on_commit_callbacks(execute=True):
        take_test(user=user, test=post)
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.kind == "completion"
    assert certificate.holder_name == ACCENTED_NAME
    assert certificate.title == "Formation en sécurité humaine et protection"
    assert certificate.pdf_sha256 == hashlib.sha256(certificate.pdf.read()).hexdigest()
    assert CertificateEvent.objects.filter(certificate=certificate, action="issued").count() == 1


def test_evaluating_again_changes_nothing(django_capture_on_commit_callbacks):
    user, enrolment, post, _rule = certificate_setup()
    take_test(user=user, test=post)
    first = services.certificate_evaluate(enrolment_id=enrolment.pk)
    again = services.certificate_evaluate(enrolment_id=enrolment.pk)
    assert first.created and not again.created
    assert first.certificate.pk == again.certificate.pk
    assert Certificate.objects.count() == 1


def test_a_failed_post_test_issues_nothing_and_says_why():
    user, enrolment, post, _rule = certificate_setup()
    take_test(user=user, test=post, right=False)
    outcome = services.certificate_evaluate(enrolment_id=enrolment.pk)
    assert outcome.certificate is None
    assert outcome.decision.reasons == ["post-test 0 % < 70 %"]


def test_the_email_subject_never_names_the_module(django_capture_on_commit_callbacks):
    user, _enrolment, post, _rule = certificate_setup(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        take_test(user=user, test=post)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Your certificate is ready"
    assert "sécurité" not in message.subject and "Module" not in message.subject
    assert Certificate.objects.get().grouped_code in message.body


def test_issue_certificates_command_issues_once_then_nothing(capsys):
    user, enrolment, post, _rule = certificate_setup()
    take_test(user=user, test=post)
    # The submission's listener did not run (no on_commit in this test): the command catches up.
    call_command("issue_certificates", course=enrolment.course.slug)
    first = capsys.readouterr().out
    call_command("issue_certificates", course=enrolment.course.slug)
    second = capsys.readouterr().out
    code = Certificate.objects.get().grouped_code
    assert code in first and "1 certificate issued." in first
    assert code not in second and "0 certificates issued." in second


def test_the_stored_pdf_is_returned_byte_for_byte(client):
    user, enrolment, post, _rule = certificate_setup()
    take_test(user=user, test=post)
    certificate = services.certificate_evaluate(enrolment_id=enrolment.pk).certificate
    client.force_login(user)
    downloads = [b"".join(client.get(f"/fr/certificates/{certificate.code}.pdf").streaming_content) for _ in range(2)]
    assert downloads[0] == downloads[1]
    assert hashlib.sha256(downloads[0]).hexdigest() == certificate.pdf_sha256


def test_the_sweep_queues_only_enrolments_that_finished_the_post_test():
    user, enrolment, post, _rule = certificate_setup()
    _waiting_user, waiting, _post, _rule2 = certificate_setup(name="Awa Camara")
    assert services.certificates_sweep() == []
    take_test(user=user, test=post)
    # Eager here: queued means evaluated and issued at once.
    assert services.certificates_sweep() == [enrolment.pk]
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
    assert not Certificate.objects.filter(enrolment=waiting).exists()
    assert services.certificates_sweep() == []


def test_the_sweep_runs_on_celery_beat(settings):
    assert settings.CELERY_BEAT_SCHEDULE["certificates-sweep"]["task"] == "certificates.sweep"


def test_the_sessions_hooks_decide_attendance_and_print_the_session():
    from certificates.hooks import ATTENDANCE_RATE_PROVIDER, SESSION_DETAILS_PROVIDER
    from courses.models import Enrolment
    from tests.hook_registry import only_hooks

    user, enrolment, post, rule = certificate_setup()
    rule.min_attendance_percent = 80
    rule.participation = True
    rule.save()
    Enrolment.objects.filter(pk=enrolment.pk).update(source="session")
    with (
        only_hooks(ATTENDANCE_RATE_PROVIDER, lambda *, user_id, course_page_id: 90.0),
        only_hooks(SESSION_DETAILS_PROVIDER, lambda *, enrolment: "Kankan, 3–5 mars 2024"),
    ):
        take_test(user=user, test=post, right=False)
        outcome = services.certificate_evaluate(enrolment_id=enrolment.pk)
    assert outcome.certificate.kind == "participation"
    assert outcome.certificate.session_text == "Kankan, 3–5 mars 2024"
    with only_hooks(ATTENDANCE_RATE_PROVIDER, lambda *, user_id, course_page_id: 50.0):
        _other_user, other, _other_post, _rule = certificate_setup(name="Awa Camara")
        assert services.certificate_evaluate(enrolment_id=other.pk).decision.reasons == ["post-test not taken"]


def test_enrolments_changed_re_evaluates_after_the_commit(django_capture_on_commit_callbacks):
    user, enrolment, post, _rule = certificate_setup()
    take_test(user=user, test=post)
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolments_changed(user_ids=[user.pk], course_page_ids=[enrolment.course_id])
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
