"""Sign-up answers the same whether an email address is known or not, and tells its owner by email.

For this programme an answer "this address is already registered" would confirm that a person took
part. Accounts need no email: sign-up without one and login by username are unchanged
(tests/lms/test_accounts.py).
"""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from lms.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

KNOWN = "aissatou@example.org"


@pytest.fixture(autouse=True)
def _locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def _signup(client, username, email):
    data = {
        "username": username,
        "email": email,
        "password1": "Une-phrase-longue-2026",
        "password2": "Une-phrase-longue-2026",
        "consent": "on",
    }
    return client.post("/en/accounts/signup/", data, follow=True)


def _answer(response) -> tuple:
    html = response.content.decode()
    return (
        response.status_code,
        [url for url, _status in response.redirect_chain],
        "already registered" in html,
        [str(message) for message in response.context["messages"]] if response.context else [],
    )


def test_signup_with_a_known_and_an_unknown_email_gets_the_same_answer(client, home_pages):
    owner = UserFactory(username="aissatou", email=KNOWN)
    EmailAddress.objects.create(user=owner, email=KNOWN, primary=True, verified=False)

    known = _answer(_signup(client, "curieux1", KNOWN))
    client.logout()
    unknown = _answer(_signup(client, "curieux2", "personne@example.org"))

    # The answers differ only by the address and the username typed: compare with those replaced.
    unknown = tuple(
        [str(item).replace("personne@example.org", KNOWN).replace("curieux2", "curieux1") for item in part]
        if isinstance(part, list)
        else part
        for part in unknown
    )
    assert known == unknown
    assert known[2] is False
    # Both accounts exist in the same state: neither holds the address until it is confirmed.
    first, second = User.objects.get(username="curieux1"), User.objects.get(username="curieux2")
    assert first.email == second.email == ""
    assert not EmailAddress.objects.filter(user__in=[first, second], verified=True).exists()


def test_the_owner_of_a_known_address_is_told_by_email(client, home_pages):
    UserFactory(username="aissatou", email=KNOWN)
    _signup(client, "curieux1", KNOWN)
    to_owner = [message for message in mail.outbox if message.to == [KNOWN]]
    assert len(to_owner) == 1
    assert "already exists" in to_owner[0].body
    # The owner's account is untouched.
    assert User.objects.get(username="aissatou").email == KNOWN


def test_a_new_address_is_attached_once_confirmed(client, home_pages):
    _signup(client, "nouvelle", "nouvelle@example.org")
    user = User.objects.get(username="nouvelle")
    assert [message.to for message in mail.outbox] == [["nouvelle@example.org"]]
    address = EmailAddress.objects.get(user=user)
    assert not address.verified
    address.verified = True
    address.set_as_primary()
    user.refresh_from_db()
    assert user.email == "nouvelle@example.org"
