"""The commands that read a store (``report``, ``transcripts export``, ``followups run``) take a PostgreSQL URL.

``serve`` is run on PostgreSQL by the concurrency, crash and Rasa sender tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

import flow.cli.commands_followups  # noqa: F401  (registers ``followups run``)
import flow.cli.commands_report  # noqa: F401  (registers ``report``)
import flow.cli.commands_transcripts  # noqa: F401  (registers ``transcripts export``)
from flow import Engine, Policy
from flow.cli.app import app
from flow.service import ConversationService, Started
from flow.stores import PostgresStore
from tests.plugins.engines import DANA, Scripted
from tests.plugins.postgres_server import drop_schema, fresh_schema

pytestmark = pytest.mark.postgres

THREE_DAYS_AGO = datetime.now(UTC) - timedelta(days=3)


@pytest.fixture
def chat(postgres_url: str, retail: Policy, scripted: Scripted) -> Iterator[tuple[str, Started]]:
    """A PostgreSQL store URL holding one conversation whose customer chose an exchange three days ago."""
    url = fresh_schema(postgres_url)
    with PostgresStore(url) as store:
        service = ConversationService(Engine(retail, clock=lambda: THREE_DAYS_AGO, understander=scripted), store)
        started = service.start(facts=DANA, message="I want a refund")
        service.reply(started.conversation.id, token=started.token, quick_reply="alternative:exchange")
    yield url, started
    drop_schema(url)


def test_transcripts_export_reads_postgresql(chat: tuple[str, Started]) -> None:
    url, started = chat

    result = CliRunner().invoke(app, ["transcripts", "export", "--store", url, "--format", "jsonl"])

    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(row["conversation_id"], row["turn"]) for row in rows] == [
        (started.conversation.id, 1),
        (started.conversation.id, 2),
    ]


def test_report_reads_postgresql(chat: tuple[str, Started], tmp_path: Path) -> None:
    url, _ = chat
    out = tmp_path / "report.html"

    result = CliRunner().invoke(app, ["report", "--store", url, "--out", str(out)])

    assert result.exit_code == 0, result.output
    assert f"wrote {out}: 1 conversation" in result.stdout


def test_followups_run_delivers_from_postgresql_once(chat: tuple[str, Started]) -> None:
    url, started = chat
    args = ["followups", "run", "--store", url, "--once", "--worker-id", "cron"]

    first = CliRunner().invoke(app, args)
    second = CliRunner().invoke(app, args)

    assert first.exit_code == 0, first.output
    (line,) = first.stdout.splitlines()
    assert json.loads(line)["conversation_id"] == started.conversation.id
    assert "cron: delivered 1, failed 0, skipped 0" in first.stderr
    assert second.stdout == ""
