"""Findings of an outside security / data-protection review of the merged trust work, reproduced with
Django's test client: bad bytes and a revoked certificate's badge (each failed on the reviewed code)."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client

from assessments import services
from tests.factories import UserFactory, assessment_setup

pytestmark = pytest.mark.django_db


DEEP_JSON = b"[" * 5000 + b"]" * 5000
HUGE_ID = "99999999999999999999"


def test_offline_sync_refuses_deeply_nested_json_with_a_400_even_anonymously():
    response = Client(raise_request_exception=False).put(
        f"/api/offline-attempts/{uuid.uuid4()}/", DEEP_JSON, content_type="application/json"
    )
    assert response.status_code == 400


def test_xapi_intake_refuses_deeply_nested_json_with_a_400():
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(username="or-xapi"))
    response = client.post("/api/xapi/statements/", DEEP_JSON, content_type="application/json")
    assert response.status_code == 400


def test_autosave_refuses_a_question_id_of_1e400_with_a_400():
    _course, _l, pre, _post = assessment_setup()
    user = UserFactory(username="or-autosave")
    attempt, _ = services.attempt_start(user=user, test=pre)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    body = b'{"question": 1e400, "answer": "x", "seq": 1}'
    response = client.post(f"/api/attempts/{attempt.pk}/responses/", body, content_type="application/json")
    assert response.status_code == 400


@pytest.mark.parametrize("path", [f"/api/h5p/state/{HUGE_ID}/act-1/", f"/h5p/{HUGE_ID}/{HUGE_ID}/h5p.json"])
def test_h5p_routes_answer_404_for_an_id_beyond_the_database_integer(path):
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(username="or-h5p"))
    response = client.get(path)
    assert response.status_code in (400, 404)


def test_a_lone_surrogate_saved_by_autosave_does_not_break_my_data_or_the_test_page():
    """The autosave stores a short answer holding a lone surrogate ("\\ud800", valid JSON escape);
    from then on the trainee's test page, My data (HTML and JSON) and the administrator's download of
    the person's data answer 500 (UnicodeEncodeError): the right of access is blocked."""
    from assessments.models import Question

    _course, _l, pre, _post = assessment_setup()
    user = UserFactory(username="or-surrogate")
    attempt, _ = services.attempt_start(user=user, test=pre)
    short = Question.objects.get(bank__course=_course, kind="short", is_current=True)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    body = b'{"question": %d, "answer": "\\ud800", "seq": 1}' % short.pk
    saved = client.post(f"/api/attempts/{attempt.pk}/responses/", body, content_type="application/json")
    if saved.status_code == 400:
        return  # refused at the door: fixed
    for path in ("/en/account/data/", "/en/account/data.json"):
        assert client.get(path).status_code == 200, path


def test_a_revoked_certificate_gets_no_freshly_signed_open_badge():
    """After revocation the PDF is gone (404) and /v/ says 'revoked', but the holder can still
    download a newly signed OpenBadgeCredential (VC-JWT, no credentialStatus, no expiry) that any
    offline verifier accepts as valid."""
    from certificates import services as certificate_services
    from tests.factories import CertificateFactory

    certificate = CertificateFactory()
    certificate_services.certificate_revoke(certificate_id=certificate.pk, reason="issued in error")
    client = Client()
    client.force_login(certificate.enrolment.user)
    assert client.get(f"/fr/certificates/{certificate.code}.pdf").status_code == 404
    badge = client.get(f"/fr/certificates/{certificate.code}/badge/")
    badge_json = client.get(f"/fr/certificates/{certificate.code}/badge/?format=json")
    revoked_said = badge_json.status_code == 200 and "credentialStatus" in badge_json.content.decode()
    assert badge.status_code in (404, 410) or revoked_said, "a revoked certificate still yields a signed badge"
