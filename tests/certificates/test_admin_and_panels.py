"""The module page's panel, the rule admin, the certificate admin actions, and the factories."""

import pytest

from certificates import services
from certificates.models import Certificate, CertificateEvent
from tests import factories
from tests.factories import CertificateFactory, UserFactory, certificate_setup, take_test

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks")]


@pytest.mark.parametrize(
    "factory",
    [
        factories.SignatoryFactory,
        factories.CertificateRuleFactory,
        factories.CertificateFactory,
        factories.CertificateEventFactory,
    ],
)
def test_certificate_factories_build_valid_saved_objects(factory):
    obj = factory()
    obj.full_clean(exclude=["enrolment", "superseded_by", "certificate", "course"])
    assert obj.pk is not None


def test_the_module_page_says_what_is_missing(client):
    user, enrolment, post, _rule = certificate_setup()
    take_test(user=user, test=post, right=False)
    client.force_login(user)
    html = client.get(enrolment.course.url).content.decode()
    assert "certificate-panel" in html
    assert "post-test 0 % &lt; 70 %" in html


def test_the_module_page_offers_the_download_once_issued(client):
    certificate = CertificateFactory()
    client.force_login(certificate.enrolment.user)
    html = client.get(certificate.enrolment.course.url).content.decode()
    assert f"/fr/certificates/{certificate.code}.pdf" in html


def test_lowering_the_minimum_in_the_admin_issues_the_certificates_now_earned(
    client, django_capture_on_commit_callbacks
):
    user, enrolment, post, rule = certificate_setup()
    take_test(user=user, test=post, right=False)
    assert not Certificate.objects.exists()
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    url = f"/admin/snippets/certificates/certificaterule/edit/{rule.pk}/"
    data = {
        "course": rule.course_id,
        "min_post_test_percent": "",
        "require_pre_test": "on",
        "require_lessons": "on",
        "min_attendance_percent": "",
        "validity_months": "24",
        "active": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.expires_at is not None


def test_an_administrator_revokes_with_a_reason_in_the_admin(client):
    certificate = CertificateFactory()
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    url = f"/admin/snippets/certificates/certificate/edit/{certificate.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "revoke", "reason": ""})
    assert response.status_code == 200  # the reason is required
    client.post(url, {"action": "revoke", "reason": "Identité usurpée"})
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    assert CertificateEvent.objects.filter(certificate=certificate, action="revoked", actor=admin).exists()


def test_administrators_list_and_filter_certificates(client):
    valid, revoked = CertificateFactory(), CertificateFactory(name="Awa Camara")
    services.certificate_revoke(certificate_id=revoked.pk, reason="Erreur")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    html = client.get("/admin/snippets/certificates/certificate/", {"status": "revoked"}).content.decode()
    assert revoked.grouped_code in html and valid.grouped_code not in html


def test_certificates_cannot_be_typed_in_by_hand(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get("/admin/snippets/certificates/certificate/add/")
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    assert (response.status_code, response.get("Location")) == (302, "/admin/")
