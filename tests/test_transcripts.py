"""Exporting transcripts: every turn, redacted as the policy says, with each conversation's rubric score."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

import flow.cli.commands_transcripts  # noqa: F401  (registers ``transcripts export``)
from flow import Engine, Policy, Signals
from flow.cli.app import app
from flow.service import ConversationService
from flow.stores import MemoryStore, SqliteStore, Store
from flow.transcripts import COLUMNS, PolicyBook, export, read_records
from tests.plugins.engines import DANA, Scripted

MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
WITH_EMAIL = "I want a refund, write to dana@example.com"
FORMULA = '=HYPERLINK("http://example.com","click")'


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = MONDAY

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def seeded(store: Store, retail: Policy, scripted: Scripted) -> dict[str, str]:
    """Three conversations a day apart: an accepted alternative, an escalation, and a formula-looking message."""
    scripted.script[WITH_EMAIL] = Signals(intent="request_refund", confidence=0.9)
    clock = Clock()
    service = ConversationService(Engine(retail, clock=clock, understander=scripted), store)
    ids = {}

    accepted = service.start(facts=DANA, message=WITH_EMAIL)
    service.reply(accepted.conversation.id, token=accepted.token, quick_reply="alternative:store_credit")
    service.reply(accepted.conversation.id, token=accepted.token, text="thanks, bye")
    ids["accepted"] = accepted.conversation.id

    clock.now += timedelta(days=1)
    escalated = service.start(facts=DANA, message="I want a refund")
    service.reply(escalated.conversation.id, token=escalated.token, text="get me a manager")
    ids["escalated"] = escalated.conversation.id

    clock.now += timedelta(days=1)
    odd = service.start(message=FORMULA)
    ids["formula"] = odd.conversation.id
    return ids


def jsonl_rows(store: Store, **options: object) -> list[dict[str, object]]:
    out = io.StringIO()
    export(store, out, format="jsonl", **options)  # type: ignore[arg-type]
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_every_turn_is_exported_with_what_was_said_done_and_scored(store: Store, seeded: dict[str, str]) -> None:
    rows = jsonl_rows(store)

    assert [(r["conversation_id"], r["turn"]) for r in rows] == [
        (seeded["accepted"], 1),
        (seeded["accepted"], 2),
        (seeded["accepted"], 3),
        (seeded["escalated"], 1),
        (seeded["escalated"], 2),
        (seeded["formula"], 1),
    ]
    first, chosen, goodbye, _, handed_over, _ = rows
    assert first["customer_text"] == "I want a refund, write to [email]"
    assert first["states_entered"] == ["listening", "explaining", "apologizing", "offering_alternatives"]
    assert first["intent"] == "request_refund"
    assert "30 days" in str(first["agent_text"])
    assert first["at"] == MONDAY.isoformat()
    assert chosen["quick_reply"] == "alternative:store_credit"
    assert [a["type"] for a in chosen["actions"]] == ["apply_alternative", "schedule_follow_up"]  # type: ignore[union-attr]
    assert goodbye["state"] == "closed"
    assert {r["outcome"] for r in (first, chosen, goodbye)} == {"alternative_accepted"}
    assert {r["rubric_score"] for r in (first, chosen, goodbye)} == {1.0}
    assert handed_over["transitions"] == ["escalate_request"]
    assert handed_over["escalation_reason"] == "asked_for_person"
    assert handed_over["actions"][0]["type"] == "handoff"  # type: ignore[index]
    assert all(set(row) == set(COLUMNS) for row in rows)


def test_since_keeps_only_conversations_updated_from_then(store: Store, seeded: dict[str, str]) -> None:
    rows = jsonl_rows(store, since=MONDAY + timedelta(days=1))

    assert {r["conversation_id"] for r in rows} == {seeded["escalated"], seeded["formula"]}


def test_csv_has_one_row_per_turn_and_defuses_spreadsheet_formulas(store: Store, seeded: dict[str, str]) -> None:
    out = io.StringIO()

    written = export(store, out, format="csv")

    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert written == len(table) == 6
    assert tuple(table[0]) == COLUMNS
    assert table[0]["states_entered"] == "listening;explaining;apologizing;offering_alternatives"
    assert json.loads(table[1]["actions"])[0] == {
        "type": "apply_alternative",
        "alternative": "store_credit",
        "title": "Store credit",
        "replaces": None,
        "details": None,
        "facts": {"days_since_purchase": 45, "order_id": "A-1001"},
        "unverified": [],
    }
    assert table[5]["customer_text"] == "'" + FORMULA


def test_text_stored_unredacted_is_redacted_on_export(retail: Policy, scripted: Scripted) -> None:
    scripted.script[WITH_EMAIL] = Signals(intent="request_refund", confidence=0.9)
    engine = Engine(retail, clock=lambda: MONDAY, understander=scripted)
    conversation, turn = engine.start(facts=DANA, message=WITH_EMAIL)
    store = MemoryStore()
    store.create(conversation, turn, token_digest="0" * 64)

    (record,) = read_records(store)

    assert record.turns[0].customer_text == "I want a refund, write to [email]"
    assert record.rubric.full_marks


def test_a_conversation_under_an_unknown_policy_is_still_exported(retail: Policy, scripted: Scripted) -> None:
    engine = Engine(retail, clock=lambda: MONDAY, understander=scripted)
    conversation, turn = engine.start(facts=DANA, message="I want a refund")
    store = MemoryStore()
    store.create(conversation.model_copy(update={"policy": "gone"}), turn, token_digest="0" * 64)

    assert PolicyBook().get("gone") is None
    assert [r["policy"] for r in jsonl_rows(store)] == ["gone"]


def test_the_command_writes_a_csv_file(tmp_path: Path, retail: Policy, scripted: Scripted) -> None:
    path = tmp_path / "tactful.db"
    with SqliteStore(path) as store:
        service = ConversationService(Engine(retail, clock=lambda: MONDAY, understander=scripted), store)
        service.start(facts=DANA, message="I want a refund")
    out = tmp_path / "turns.csv"

    result = CliRunner().invoke(
        app, ["transcripts", "export", "--store", f"sqlite:///{path}", "--format", "csv", "--out", str(out)]
    )

    assert result.exit_code == 0, result.output
    assert f"exported 1 turn to {out}" in result.stderr
    assert out.read_text().splitlines()[0] == ",".join(COLUMNS)


def test_the_command_writes_json_lines_to_standard_output(tmp_path: Path, retail: Policy, scripted: Scripted) -> None:
    path = tmp_path / "tactful.db"
    with SqliteStore(path) as store:
        service = ConversationService(Engine(retail, clock=lambda: MONDAY, understander=scripted), store)
        started = service.start(facts=DANA, message="I want a refund")

    result = CliRunner().invoke(app, ["transcripts", "export", "--store", f"sqlite:///{path}", "--format", "jsonl"])

    assert result.exit_code == 0, result.output
    assert [json.loads(line)["conversation_id"] for line in result.stdout.splitlines()] == [started.conversation.id]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], "'xml' is not one of"),
        (["--format", "csv", "--since", "last tuesday"], "'last tuesday' is not an ISO date or time"),
        (["--format", "csv", "--store", "mysql://db"], "cannot open a store from 'mysql://db'"),
    ],
)
def test_the_command_refuses_bad_options(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["transcripts", "export", *args])

    assert result.exit_code == 2
    assert message in result.output
