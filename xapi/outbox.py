"""Writes on the outbox: queue a statement with its event, forget a person (consent, erasure)."""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction

from xapi.models import Learner, LrsConfig, OutboxStatement
from xapi.statements import voiding

ERASED_PREFIX = "erased-"  # privacy.services.ERASED_PREFIX: an erased account's username


ENABLED_KEY = "xapi:lrs-enabled"


def enabled() -> bool:
    """Whether an LRS is enabled: cached (a minute; cleared when a configuration is saved or deleted),
    so that events cost no query while none is."""
    found = cache.get(ENABLED_KEY)
    if found is None:
        found = LrsConfig.objects.filter(enabled=True).exists()
        cache.set(ENABLED_KEY, found, 60)
    return found


def configuration_changed(**kwargs) -> None:
    transaction.on_commit(lambda: cache.delete(ENABLED_KEY))
    cache.delete(ENABLED_KEY)


def pseudonym(user) -> str:
    learner, _created = Learner.objects.get_or_create(user=user)
    return str(learner.key)


def queue(*, user, event: str, sid, build: Callable[[str], dict]) -> bool:
    """Queue the statement `build(pseudonym)` of `user`'s event, once per `sid`, in the caller's
    transaction; the forwarding runs after the commit. False when nothing is queued."""
    if user is None or user.consent_withdrawn_at is not None or user.username.startswith(ERASED_PREFIX):
        return False
    if not enabled() or OutboxStatement.objects.filter(statement_id=sid).exists():
        return False
    row = OutboxStatement(statement_id=sid, user=user, event=event, statement=build(pseudonym(user)))
    with transaction.atomic():
        OutboxStatement.objects.bulk_create([row], ignore_conflicts=True)
    kick()
    return True


def kick() -> None:
    """Start the forwarding after the commit (the periodic task catches up on anything missed)."""
    from xapi import tasks

    transaction.on_commit(tasks.forward_soon)


@transaction.atomic
def forget(*, user) -> dict[str, int]:
    """Stop forwarding for `user`: their pending statements are dropped, and each one already sent is
    voided (a voiding statement, queued, that names no one). Idempotent."""
    unsent = OutboxStatement.objects.filter(user=user).exclude(status=OutboxStatement.Status.SENT)
    dropped = unsent.delete()[0]
    sent = list(
        OutboxStatement.objects.select_for_update()
        .filter(user=user, status=OutboxStatement.Status.SENT, voided=False)
        .values_list("pk", "statement_id")
    )
    statements = [voiding(target_id=sid) for _pk, sid in sent]
    voids = [OutboxStatement(statement_id=one["id"], event="voided", statement=one) for one in statements]
    OutboxStatement.objects.bulk_create(voids, ignore_conflicts=True)
    OutboxStatement.objects.filter(pk__in=[pk for pk, _sid in sent]).update(voided=True)
    if voids:
        kick()
    return {"xapi_dropped": dropped, "xapi_voided": len(voids)}
