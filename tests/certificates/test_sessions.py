"""Certificates meet sessions: attendance decides, the PDF names the session, trainers get a zip."""

import io
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from certificates import services, sessions
from certificates.models import Certificate
from tests.factories import TrainingSessionFactory, certificate_setup, take_test
from tests.training.conftest import trainer_user
from training import services as training_services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks", "english")]


@pytest.fixture
def session_trainee():
    """A trainee on a two-day session's roster who passed the post-test but attended no day yet."""
    user, enrolment, post, _rule = certificate_setup(min_attendance_percent=100)
    trainer = trainer_user("formatrice-nzerekore")
    session = TrainingSessionFactory(
        code="NZE1", trainer=trainer, courses=[enrolment.course], venue="Maison des jeunes"
    )
    days = training_services.session_days_sync(session=session)
    participant, _created = training_services.participant_add(session=session, user=user)
    take_test(user=user, test=post)
    return {
        "user": user,
        "participant": participant,
        "enrolment": enrolment,
        "session": session,
        "days": days,
        "trainer": trainer,
    }


def test_attendance_below_the_rule_withholds_the_certificate_and_says_why(session_trainee):
    outcome = services.certificate_evaluate(enrolment_id=session_trainee["enrolment"].pk)
    assert outcome.certificate is None
    assert outcome.decision.reasons == ["attendance 0 % < 100 %"]


def test_marking_the_last_day_present_issues_the_certificate_with_the_session_on_it(
    session_trainee, django_capture_on_commit_callbacks
):
    participant, days = session_trainee["participant"], session_trainee["days"]
    with django_capture_on_commit_callbacks(execute=True):
        training_services.attendance_mark(day=days[0], marks={participant.pk: "present"})
    assert not Certificate.objects.exists()  # 50 %: not yet
    with django_capture_on_commit_callbacks(execute=True):
        training_services.attendance_mark(day=days[1], marks={participant.pk: "late"})
    certificate = Certificate.objects.get(enrolment=session_trainee["enrolment"])
    assert certificate.kind == "completion"
    assert certificate.session_text.startswith("Maison des jeunes, ")


def test_issue_certificates_for_one_session(session_trainee, capsys):
    for day in session_trainee["days"]:
        training_services.attendance_mark_all_present(day=day)
    Certificate.objects.all().delete()  # as if the listener's message had been lost
    call_command("issue_certificates", session="nze1")
    assert "1 certificate issued." in capsys.readouterr().out
    call_command("issue_certificates", session="NZE1")
    assert "0 certificates issued." in capsys.readouterr().out


def test_the_trainer_downloads_the_sessions_certificates_and_no_one_else_can(client, session_trainee):
    for day in session_trainee["days"]:
        training_services.attendance_mark_all_present(day=day)
    services.certificates_sweep(enqueue=False)
    certificate = Certificate.objects.get()
    url = reverse("certificates:session_zip", args=["NZE1"])
    client.force_login(session_trainee["trainer"])
    page = client.get(reverse("training:session", args=["NZE1"]))
    assert url.encode() in page.content
    archive = zipfile.ZipFile(io.BytesIO(client.get(url).content))
    name = f"{session_trainee['user'].username}-{certificate.code}.pdf"
    assert archive.namelist() == [name]
    certificate.pdf.open("rb")
    assert archive.read(name) == certificate.pdf.read()
    for outsider in (trainer_user("autre"), session_trainee["user"]):
        client.force_login(outsider)
        assert client.get(url).status_code == 404


def test_the_programme_dashboard_counts_certificates_by_kind_and_hides_small_counts(client, session_trainee):
    from lms import roles
    from tests.factories import UserFactory

    for day in session_trainee["days"]:
        training_services.attendance_mark_all_present(day=day)
    services.certificates_sweep(enqueue=False)
    evaluator = UserFactory(role=roles.EVALUATOR)
    client.force_login(evaluator)
    with translation.override("fr"):
        html = client.get(reverse("training:programme")).content.decode()
    # One certificate of achievement: a count of people under 5 is shown as "fewer than 5", never 1.
    assert 'data-figure="extra-1">moins de 5<' in html and 'data-figure="extra-2">0<' in html
    assert [count for _label, count in sessions.programme_counters()] == [None, 0]


def test_a_zip_with_no_certificate_in_it_is_not_downloaded_the_trainer_is_told_why(client, session_trainee):
    Certificate.objects.all().delete()
    client.force_login(session_trainee["trainer"])
    response = client.get(reverse("certificates:session_zip", args=["NZE1"]), follow=True)
    assert response.redirect_chain == [(reverse("training:session", args=["NZE1"]), 302)]
    assert response["Content-Type"].startswith("text/html")
    assert "Nobody in this session has a certificate yet" in response.content.decode()
