"""Consent: what was shown is recorded at sign-up and first login; withdrawal takes the person out of
evaluator views and exports from then on."""

import pytest
from django.urls import reverse
from django.utils import translation

from evaluation.filters import ReportFilters
from evaluation.selectors import matched_data
from lms import services
from lms.consent import consent_text
from lms.models import ConsentRecord
from tests import factories

pytestmark = pytest.mark.django_db


def test_signup_records_the_text_shown_in_the_language_shown(client, settings):
    response = client.post(
        "/fr/accounts/signup/",
        {"username": "nouvelle", "password1": "Ab3!kkdj39xx", "password2": "Ab3!kkdj39xx", "consent": "on"},
    )
    assert response.status_code == 302
    record = ConsentRecord.objects.get(user__username="nouvelle")
    assert record.version == settings.CONSENT_VERSION and record.source == ConsentRecord.Source.SIGNUP
    assert record.language == "fr" and record.text == consent_text("fr")
    assert "Les évaluateurs" in record.text or "évaluat" in record.text
    assert record.withdrawn_at is None


def test_first_login_records_consent_for_a_participant_created_by_a_trainer(client):
    user = factories.UserFactory(username="roster.person", must_change_password=True)
    user.set_password("one-time-123")
    user.save()
    client.force_login(user)
    response = client.post(
        reverse("first_login"),
        {"new_password1": "Mon-mot-de-passe-42", "new_password2": "Mon-mot-de-passe-42", "consent": "on"},
    )
    assert response.status_code == 302
    record = ConsentRecord.objects.get(user=user)
    assert record.source == ConsentRecord.Source.FIRST_LOGIN and record.text == consent_text("fr")


def _pairs(**query) -> set[int]:
    return {pair.user_id for pair in matched_data(filters=ReportFilters.from_query(query)).pairs}


def test_withdrawing_consent_removes_the_person_from_evaluator_results(cohort, client):
    target = services.user_record_consent(user=cohort["target"])
    assert target.pk in _pairs(session="ERASE1")
    client.force_login(target)
    response = client.post(reverse("privacy:consent_withdraw"))
    assert response.status_code == 302
    target.refresh_from_db()
    assert not target.has_consented and target.consent_withdrawn_at is not None
    assert target.pk not in _pairs(session="ERASE1") and target.pk not in _pairs()
    assert len(_pairs(session="ERASE1")) == 5
    # Consenting again from the account page opens a new record and brings them back.
    client.post(reverse("privacy:consent_give"))
    target.refresh_from_db()
    assert target.has_consented and target.pk in _pairs(session="ERASE1")
    assert ConsentRecord.objects.filter(user=target).count() == 2


def test_withdrawing_twice_keeps_the_first_date(db):
    user = factories.UserFactory()
    services.user_record_consent(user=user)
    first = services.user_withdraw_consent(user=user).consent_withdrawn_at
    assert services.user_withdraw_consent(user=user).consent_withdrawn_at == first
    assert ConsentRecord.objects.get(user=user).withdrawn_at == first


def test_one_consent_in_force_at_a_time(db):
    user = factories.UserFactory()
    services.user_record_consent(user=user)
    services.user_record_consent(user=user, version="2027-01")
    assert ConsentRecord.objects.filter(user=user, withdrawn_at__isnull=True).get().version == "2027-01"


def test_the_account_page_offers_withdrawal_and_erasure_in_english(client):
    user = factories.UserFactory()
    services.user_record_consent(user=user)
    client.force_login(user)
    with translation.override("en"):
        page = client.get("/en/account/").content.decode()
        assert reverse("privacy:my_data") in page
    assert "Withdraw my consent" in page and "Ask for my data to be erased" in page
