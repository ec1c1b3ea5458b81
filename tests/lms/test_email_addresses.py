"""An address becomes an account's own only once confirmed, and never while another account holds it."""

import pytest
from allauth.account.models import EmailAddress

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_address_another_account_holds_cannot_be_made_primary(client):
    owner = UserFactory(email="owner@example.org")
    claimant = UserFactory(email="")
    EmailAddress.objects.create(user=claimant, email="owner@example.org", primary=False, verified=False)
    client.force_login(claimant)
    response = client.post("/en/accounts/email/", {"email": "owner@example.org", "action_primary": "1"})
    assert response.status_code == 302
    claimant.refresh_from_db()
    owner.refresh_from_db()
    assert claimant.email == "" and owner.email == "owner@example.org"
    assert not EmailAddress.objects.get(user=claimant).primary


def test_an_unconfirmed_new_address_cannot_be_made_primary_either(client):
    person = UserFactory(email="")
    EmailAddress.objects.create(user=person, email="new@example.org", primary=False, verified=False)
    client.force_login(person)
    page = client.post("/en/accounts/email/", {"email": "new@example.org", "action_primary": "1"}, follow=True)
    assert "Confirm this address first" in page.content.decode()
    person.refresh_from_db()
    assert person.email == ""


def test_a_confirmed_address_still_becomes_the_accounts(client):
    person = UserFactory(email="")
    EmailAddress.objects.create(user=person, email="mine@example.org", primary=False, verified=True)
    client.force_login(person)
    client.post("/en/accounts/email/", {"email": "mine@example.org", "action_primary": "1"})
    person.refresh_from_db()
    assert person.email == "mine@example.org"
