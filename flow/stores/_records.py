"""What every store derives the same way from a save: checks, follow-up jobs and instants as integers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flow.errors import StoreError
from flow.models import Conversation, ScheduleCallback, ScheduleFollowUp, Turn
from flow.stores.base import FollowUpJob

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def to_micros(moment: datetime) -> int:
    """Microseconds since the Unix epoch; a naive datetime is taken as UTC.

    Integers keep instants exact in SQLite columns and Redis sorted-set scores alike.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def as_utc(moment: datetime) -> datetime:
    """The same instant in UTC; a naive datetime is taken as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def lease_end(now: datetime, lease_seconds: float) -> datetime:
    """When a lease taken at ``now`` for ``lease_seconds`` runs out, in UTC."""
    return as_utc(now) + timedelta(seconds=lease_seconds)


def from_micros(micros: int) -> datetime:
    """The UTC instant ``micros`` microseconds after the Unix epoch."""
    return _EPOCH + timedelta(microseconds=micros)


def check_save(conversation: Conversation, turn: Turn, expected_version: int | None) -> None:
    """Refuse a save whose turn belongs elsewhere or whose version does not follow the one read.

    ``expected_version`` is ``None`` for a conversation being created.
    """
    if turn.conversation_id != conversation.id:
        raise StoreError(
            f"turn of conversation {turn.conversation_id} cannot be saved with conversation "
            f"{conversation.id}; save each turn with the conversation that produced it"
        )
    if expected_version is not None and conversation.version != expected_version + 1:
        raise StoreError(
            f"conversation {conversation.id} at version {conversation.version} cannot replace "
            f"version {expected_version}; save the snapshot the engine returned for that version"
        )


def check_lease(lease_seconds: float, limit: int) -> None:
    """Refuse a claim that could never lease anything."""
    if lease_seconds <= 0 or limit < 1:
        raise StoreError(
            f"cannot claim follow-ups with lease_seconds={lease_seconds} and limit={limit}; "
            "use a positive lease and a limit of at least 1"
        )


def follow_up_jobs(conversation: Conversation, turn: Turn) -> list[FollowUpJob]:
    """The queue entries for the follow-up and callback actions of ``turn``.

    Ids are derived from the conversation version so that saving the same version twice can never
    enqueue a job twice.
    """
    return [
        FollowUpJob(
            id=f"{conversation.id}/{conversation.version}/{index}",
            conversation_id=conversation.id,
            turn_number=turn.number,
            action=action,
            due_at=as_utc(action.at),
        )
        for index, action in enumerate(turn.actions)
        if isinstance(action, ScheduleFollowUp | ScheduleCallback)
    ]
