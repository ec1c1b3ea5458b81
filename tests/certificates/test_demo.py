"""The demo leaves the demo trainee with an issued completion certificate, once."""

import pytest

from certificates.models import Certificate

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks")]


def test_seed_demo_gives_the_demo_trainee_one_completion_certificate(seeded_demo_twice):
    certificates = Certificate.objects.filter(enrolment__user__username="apprenant")
    assert certificates.count() == 1
    certificate = certificates.get()
    assert (certificate.kind, certificate.status, certificate.holder_name) == ("completion", "valid", "Mariama Diallo")
    assert certificate.title == "Formation en sécurité humaine et protection"
