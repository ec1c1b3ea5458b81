"""Consent withdrawal and erasure stop the forwarding for the person and void what the LRS has."""

from __future__ import annotations

import pytest

from lms import services as lms_services
from privacy import services as privacy_services
from tests.xapi import journey as j
from tests.xapi.ralph import validation_errors
from xapi import forwarding
from xapi.models import Learner, OutboxStatement

pytestmark = pytest.mark.django_db

VOIDED = "http://adlnet.gov/expapi/verbs/voided"


def sent_then_pending():
    """A trainee's first steps sent to the LRS, then an attendance and a certificate still queued."""
    journey = j.first_steps()
    assert forwarding.forward().errors == []
    sent = {str(sid) for sid in OutboxStatement.objects.values_list("statement_id", flat=True)}
    j.attended(journey)
    j.certified(journey)
    pending = {
        str(sid) for sid in OutboxStatement.objects.filter(status="pending").values_list("statement_id", flat=True)
    }
    assert pending and not pending & sent
    return journey, sent, pending


def assert_voided_in_ralph(ralph, sent: set[str], pending: set[str]) -> list[dict]:
    stored = ralph.statements()
    voids = [s for s in stored if s["verb"]["id"] == VOIDED]
    assert {s["object"]["id"] for s in voids} == sent
    assert all(s["object"]["objectType"] == "StatementRef" for s in voids)
    assert all(s["actor"]["account"]["name"] == "platform" for s in voids)
    assert not {s["id"] for s in stored} & pending, "a statement queued before the withdrawal was sent"
    assert validation_errors(stored) == []
    return stored


def test_consent_withdrawal_drops_the_queue_and_voids_what_was_sent(lrs, ralph):
    journey, sent, pending = sent_then_pending()
    lms_services.user_withdraw_consent(user=journey.user)
    assert not OutboxStatement.objects.filter(user=journey.user, status="pending").exists()
    assert OutboxStatement.objects.filter(user=journey.user, status="sent", voided=True).count() == len(sent)
    # Later events of the person are not queued at all.
    j.revoked(journey)
    assert not OutboxStatement.objects.filter(user=journey.user, event="certificate_revoked").exists()

    report = forwarding.forward()
    assert (report.sent, report.errors) == (len(sent), [])
    assert_voided_in_ralph(ralph, sent, pending)
    # Withdrawing again (or any later save of the account) queues nothing more.
    lms_services.user_withdraw_consent(user=journey.user)
    journey.user.save()
    assert forwarding.forward().sent == 0


def test_erasure_voids_what_was_sent_and_forgets_the_pseudonym(lrs, ralph):
    journey, sent, pending = sent_then_pending()
    key = str(Learner.objects.get(user=journey.user).key)
    report = privacy_services.user_erase(user=journey.user)
    assert report.counts["xapi_voided"] == len(sent) and report.counts["xapi_pseudonyms"] == 1
    assert not OutboxStatement.objects.filter(user=journey.user).exists()
    assert not Learner.objects.filter(user=journey.user).exists()

    assert forwarding.forward().sent == len(sent)
    stored = assert_voided_in_ralph(ralph, sent, pending)
    # The voiding statements name no one: the pseudonym appears only in the statements they void.
    assert all(key not in str(s) for s in stored if s["verb"]["id"] == VOIDED)


def test_a_person_who_withdrew_before_anything_was_sent_is_never_sent(lrs, ralph):
    journey = j.first_steps()
    lms_services.user_withdraw_consent(user=journey.user)
    assert forwarding.forward().sent == 0
    assert ralph.statements() == []
