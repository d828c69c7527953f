"""Documenting conversations: every stored turn, with its conversation's rubric score, as JSON lines or CSV.

One row per turn: the customer's text (redacted when the policy asks; the service already stores it
redacted, and redacting again changes nothing), the agent's text, states entered, signals, actions
and the time, with the conversation's outcome and rubric score repeated on each row so that a row
stands on its own in a spreadsheet.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, TextIO

from flow.errors import PolicyError
from flow.models import Conversation, Turn
from flow.policy import Policy
from flow.redaction import redact
from flow.rubric import RubricResult, score
from flow.stores.base import Store

Format = Literal["jsonl", "csv"]

COLUMNS = (
    "conversation_id",
    "policy",
    "policy_version",
    "outcome",
    "escalation_reason",
    "conversation_state",
    "rubric_score",
    "rubric_failed",
    "turn",
    "at",
    "customer_text",
    "quick_reply",
    "intent",
    "sentiment",
    "abusive",
    "threat",
    "transitions",
    "states_entered",
    "state",
    "agent_text",
    "quick_replies",
    "actions",
)
"""The fields of every exported row, in CSV column order."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class ConversationRecord:
    """One stored conversation: its latest snapshot, its turns and its rubric score."""

    conversation: Conversation
    turns: list[Turn]
    rubric: RubricResult


class PolicyBook:
    """Finds the policy a stored conversation ran under: the ones given, else a bundled one by name.

    A conversation whose policy cannot be found is still exported and scored, with the rubric's
    defaults instead of the policy's limits.
    """

    def __init__(self, policies: Iterable[Policy] = ()) -> None:
        self._policies: dict[str, Policy | None] = {p.name: p for p in policies}

    def get(self, name: str) -> Policy | None:
        """The policy called ``name``, or ``None`` when it is neither given nor bundled."""
        if name not in self._policies:
            from flow.loading import bundled_policies, load_policy

            found = None
            if name in bundled_policies():
                try:
                    found = load_policy(name)
                except PolicyError:
                    found = None
            self._policies[name] = found
        return self._policies[name]


def record(conversation: Conversation, turns: list[Turn], policy: Policy | None) -> ConversationRecord:
    """A conversation with its turns (customer text redacted if ``policy`` says so) and its rubric score."""
    if policy is not None and policy.redact_personal_data:
        turns = [_redacted(turn) for turn in turns]
    rubric = score(turns, policy=policy, facts=conversation.facts)
    return ConversationRecord(conversation=conversation, turns=turns, rubric=rubric)


def read_records(
    store: Store, *, since: datetime | None = None, policies: PolicyBook | None = None
) -> Iterator[ConversationRecord]:
    """Every conversation updated at or after ``since``, with its transcript and rubric score."""
    book = policies or PolicyBook()
    latest: dict[str, Conversation] = {}
    for conversation in store.conversations(since=since):
        latest[conversation.id] = conversation
    for conversation in latest.values():
        yield record(conversation, store.transcript(conversation.id), book.get(conversation.policy))


def rows(records: Iterable[ConversationRecord]) -> Iterator[dict[str, Any]]:
    """One dictionary per turn, with the keys in :data:`COLUMNS`; lists and actions stay structured."""
    for item in records:
        conversation = item.conversation
        failed = [p.practice for p in item.rubric.points if p.status == "failed"]
        for turn in item.turns:
            signals = turn.signals
            yield {
                "conversation_id": conversation.id,
                "policy": conversation.policy,
                "policy_version": conversation.policy_version,
                "outcome": conversation.outcome,
                "escalation_reason": conversation.escalation_reason,
                "conversation_state": conversation.state,
                "rubric_score": item.rubric.score,
                "rubric_failed": failed,
                "turn": turn.number,
                "at": turn.at.isoformat(),
                "customer_text": turn.customer_text,
                "quick_reply": turn.quick_reply,
                "intent": signals.intent if signals else None,
                "sentiment": signals.sentiment if signals else None,
                "abusive": signals.abusive if signals else None,
                "threat": signals.threat if signals else None,
                "transitions": list(turn.transitions),
                "states_entered": list(turn.states_entered),
                "state": turn.state,
                "agent_text": turn.text,
                "quick_replies": [reply.payload for reply in turn.quick_replies],
                "actions": [action.model_dump(mode="json") for action in turn.actions],
            }


def write_jsonl(records: Iterable[ConversationRecord], out: TextIO) -> int:
    """Write one JSON object per turn; return how many were written."""
    count = 0
    for row in rows(records):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(records: Iterable[ConversationRecord], out: TextIO) -> int:
    """Write a header and one CSV row per turn; return how many turns were written.

    Lists are joined with ``;``, actions are a JSON array, and text that a spreadsheet would run as
    a formula (starting with ``=``, ``+``, ``-`` or ``@``) is prefixed with ``'``.
    """
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows(records):
        writer.writerow({key: _cell(key, value) for key, value in row.items()})
        count += 1
    return count


WRITERS: Mapping[Format, Callable[[Iterable[ConversationRecord], TextIO], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
}
"""The writer for each export format."""


def export(
    store: Store,
    out: TextIO,
    *,
    format: Format,
    since: datetime | None = None,
    policies: PolicyBook | None = None,
) -> int:
    """Write every turn of the conversations updated since ``since`` to ``out``; return the turn count."""
    return WRITERS[format](read_records(store, since=since, policies=policies), out)


def _redacted(turn: Turn) -> Turn:
    if turn.customer_text is None:
        return turn
    clean = redact(turn.customer_text)
    return turn if clean == turn.customer_text else turn.model_copy(update={"customer_text": clean})


def _cell(key: str, value: object) -> object:
    if key == "actions":
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        value = ";".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
