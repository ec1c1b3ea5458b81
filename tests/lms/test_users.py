"""The user model: minimal personal data, optional contacts that stay unique."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from lms import services
from lms.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORBIDDEN_WORDS = ("victim", "survivor", "survivant", "trafficked", "traite", "status")


def test_no_field_records_victim_or_survivor_status():
    names = [field.name.lower() for field in User._meta.get_fields()]
    assert not [name for name in names if any(word in name for word in FORBIDDEN_WORDS)]


def test_profile_has_exactly_the_fields_a_trainee_needs():
    # Account state, not profile: must_change_password marks a one-time password from a roster sheet.
    own = {f.name for f in User._meta.concrete_fields} - {
        "id", "password", "last_login", "is_superuser", "is_staff", "is_active", "date_joined",
        "must_change_password",
    }  # fmt: skip
    assert own == {
        "username", "display_name", "email", "phone", "organisation", "audience", "prefecture", "country",
        "preferred_language", "consent_given_at", "consent_version", "consent_withdrawn_at",
        # optional, self-declared, for UN disaggregation (docs/data-protection.md)
        "sex", "age_band",
    }  # fmt: skip


def test_many_users_may_have_no_email_or_phone():
    UserFactory.create_batch(3, email="", phone="")
    assert User.objects.filter(email="", phone="").count() == 3


def test_an_email_belongs_to_one_person_whatever_its_case():
    UserFactory(email="awa@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(email="AWA@example.org")


def test_a_phone_number_belongs_to_one_person():
    UserFactory(phone="+224620000001")
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(phone="+224620000001")


def test_display_name_is_what_people_see():
    assert str(UserFactory(username="x1", display_name="Néné Kaba")) == "Néné Kaba"
    assert str(UserFactory(username="x2", display_name="")) == "x2"


def test_record_consent_stores_time_and_version():
    user = UserFactory(consent_given_at=None, consent_version="")
    services.user_record_consent(user=user, version="2026-11")
    user.refresh_from_db()
    assert user.has_consented
    assert user.consent_version == "2026-11"


def test_complete_signup_refuses_an_unknown_audience_silently_to_blank_and_validates_the_rest():
    user = UserFactory(audience="")
    services.user_complete_signup(user=user, display_name="  Ibrahima  ", audience="not-a-group", language="xx")
    user.refresh_from_db()
    assert (user.display_name, user.audience, user.preferred_language) == ("Ibrahima", "", "fr")


def test_complete_signup_refuses_an_invalid_email():
    user = UserFactory()
    user.email = "not-an-email"
    with pytest.raises(ValidationError):
        services.user_complete_signup(user=user)
