"""Accounts a trainer creates must not have usernames anyone can guess from the person's name.

Some trainees are survivors of trafficking: nothing may reveal who took part. A username derived
from the name alone ('aminata.toure') turned the public sign-up form into an oracle ("a user with
that username already exists"), and numbering ('aminata.toure2') told a second trainer that the
person already had an account elsewhere. (From the outside review, test 2.)
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from lms import roles
from lms.models import Prefecture, User
from tests.factories import TrainingSessionFactory, UserFactory
from training import services

pytestmark = pytest.mark.django_db

# The stem from the name, a dash, four characters of an alphabet without 0/1/i/l/o.
GENERATED = re.compile(r"^aminata\.toure-[23456789abcdefghjkmnpqrstuvwxyz]{4}$")


def _signup(username: str, prefecture) -> tuple[int, bool]:
    response = Client().post(
        "/fr/accounts/signup/",
        {
            "username": username,
            "display_name": "Quelqu'un",
            "email": "",
            "password1": "Zq8!long-pass-word",
            "password2": "Zq8!long-pass-word",
            "audience": "police",
            "prefecture": str(prefecture.pk),
            "consent": "on",
        },
    )
    return response.status_code, "existe déjà" in response.content.decode()


def _add_aminata(code: str, trainer_username: str) -> User:
    trainer = UserFactory(username=trainer_username, role=roles.TRAINER)
    session = TrainingSessionFactory(code=code, trainer=trainer)
    client = Client()
    client.force_login(trainer)
    client.post(f"/fr/sessions/{session.code}/participants/new/", {"name": "Aminata Touré"})
    return User.objects.filter(display_name="Aminata Touré").order_by("-pk").first()


def test_sign_up_does_not_reveal_that_a_named_participant_has_an_account():
    """The name-derived username answers exactly like a name nobody uses: signing up with
    'aminata.toure' succeeds, and the participant's own account keeps a username nobody can derive."""
    participant = _add_aminata("ORTEST1", "or-trainer")
    assert participant is not None
    prefecture = Prefecture.objects.get(code="kankan")
    guessed = _signup("aminata.toure", prefecture)
    fresh = _signup("nobody.never.seen", prefecture)
    assert guessed == fresh == (302, False), f"the name-derived username answers differently: {guessed} vs {fresh}"
    assert GENERATED.match(participant.username), participant.username


def test_a_second_trainer_adding_the_same_name_learns_nothing_from_the_username():
    """No numbering that counts other people's accounts: both get the stem plus a random suffix."""
    first = _add_aminata("ORTEST1", "or-trainer-1")
    second = _add_aminata("ORTEST2", "or-trainer-2")
    assert first.pk != second.pk
    assert GENERATED.match(first.username), first.username
    assert GENERATED.match(second.username), second.username
    assert first.username != second.username


def test_generated_usernames_are_unique_and_never_collide_with_an_existing_account(monkeypatch):
    """If a random suffix is already taken (here forced), another one is drawn: never an error."""
    UserFactory(username="aminata.toure-2222")
    draws = iter("2222" + "2222" + "3333")
    monkeypatch.setattr(services.secrets, "choice", lambda _alphabet: next(draws))
    taken: set[str] = set()
    assert services._username_for("Aminata Touré", taken) == "aminata.toure-3333"
    assert "aminata.toure-3333" in taken


def test_the_username_on_the_accounts_sheet_logs_in():
    """The generated username is the one printed on the sheet, and it logs in."""
    participant = _add_aminata("ORTEST1", "or-trainer")
    (credential,) = services.credentials_issue(session=participant.participations.get().session)
    assert credential.username == participant.username
    assert Client().login(username=credential.username, password=credential.password)


def test_a_fula_name_keeps_every_letter_in_its_username():
    """'Fatoumata Ɓah' became 'fatoumata.ah' (slugify drops Ɓ): Fula letters are spelled in Latin letters."""
    taken: set[str] = set()
    cases = {
        "Fatoumata Ɓah": "fatoumata.bah",
        "Ɗiallo Ƴattara": "diallo.yattara",
        "Ŋaliya Ɲɛlɛn": "naliya.nyelen",
        "Kɔrɔma Kéïta": "koroma.keita",
    }
    for name, stem in cases.items():
        username = services._username_for(name, taken)
        assert re.fullmatch(re.escape(stem) + r"-[23456789abcdefghjkmnpqrstuvwxyz]{4}", username), username
