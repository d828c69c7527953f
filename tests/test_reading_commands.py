"""Commands that read the store fail loudly on the wrong store, and the report tells the real date."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from flow.cli import main
from flow.simulate import simulate
from tactful import ConversationService, Engine, Policy, SqliteStore
from tests.plugins.engines import DANA, IN_HOURS, Scripted

READERS = [
    ["report", "--out", "report.html"],
    ["transcripts", "export"],
    ["followups", "run", "--dry-run"],
]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def seeded(tmp_path: Path, retail: Policy, scripted: Scripted) -> Path:
    """A SQLite store holding one conversation that accepted store credit (so a follow-up is queued)."""
    path = tmp_path / "tactful.db"
    with SqliteStore(path) as store:
        service = ConversationService(Engine(retail, clock=lambda: IN_HOURS, understander=scripted), store)
        started = service.start(facts=DANA, message="I want a refund")
        service.reply(started.conversation.id, token=started.token, quick_reply="alternative:store_credit")
    return path


@pytest.mark.parametrize("command", READERS, ids=lambda c: " ".join(c[:2]))
def test_a_sqlite_file_that_does_not_exist_is_not_created(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(command, capsys)
    assert code == 2
    assert f"no SQLite database at tactful.db (in {tmp_path})" in err
    assert "--store sqlite:///PATH" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", READERS, ids=lambda c: " ".join(c[:2]))
def test_a_sqlite_file_without_tactful_tables_is_refused(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    code, _, err = run([*command, "--store", f"sqlite:///{other}"], capsys)
    assert code == 2
    assert "without tactful's tables" in err


@pytest.mark.redis
@pytest.mark.parametrize("command", READERS, ids=lambda c: " ".join(c[:2]))
def test_a_redis_database_with_no_tactful_data_is_named(
    command: list[str], redis_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = redis_url.rsplit("/", 1)[0] + "/14"
    code, _, err = run([*command, "--store", empty], capsys)
    assert code == 2
    assert f"the store at {empty} holds no tactful conversations" in err


def test_a_memory_store_has_nothing_to_read(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["transcripts", "export", "--store", "memory"], capsys)
    assert code == 2
    assert "a memory store starts empty" in err


def test_export_picks_csv_from_the_file_name(seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "turns.csv"
    code, _, err = run(["transcripts", "export", "--store", f"sqlite:///{seeded}", "--out", str(out)], capsys)
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("conversation_id,policy,")
    assert "exported 2 turns" in err


def test_export_writes_json_lines_without_a_format(seeded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["transcripts", "export", "--store", f"sqlite:///{seeded}"], capsys)
    assert code == 0
    assert all(line.startswith("{") for line in out.splitlines())


def test_the_report_counts_one_conversation_in_the_singular(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "report.html"
    code, out, _ = run(["report", "--store", f"sqlite:///{seeded}", "--out", str(page)], capsys)
    assert code == 0
    assert f"wrote {page}: 1 conversation, mean rubric score" in out
    html = page.read_text(encoding="utf-8")
    assert "1 conversations" not in html
    assert "<p>1 conversation," in html


def test_followups_dry_run_lists_what_is_due_and_changes_nothing(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = f"sqlite:///{seeded}"
    code, out, err = run(["followups", "run", "--store", store, "--dry-run", "--at", "2026-03-02T10:00Z"], capsys)
    assert code == 0
    assert out == ""
    assert "0 jobs due by 2026-03-02 10:00 UTC; nothing was delivered" in err

    tomorrow = "2027-01-01T00:00Z"
    code, out, err = run(["followups", "run", "--store", store, "--dry-run", "--at", tomorrow], capsys)
    assert code == 0
    assert re.search(r"follow_up\s+\S+\s+Hi Dana, it's Sam from Northwind Goods", out)
    assert "1 job due by 2027-01-01 00:00 UTC; nothing was delivered" in err
    with SqliteStore(seeded) as opened:
        assert len(opened.pending_follow_ups()) == 1


def test_followups_at_delivers_what_is_due_by_then(seeded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = f"sqlite:///{seeded}"
    code, out, err = run(["followups", "run", "--store", store, "--once", "--at", "2027-01-01T00:00Z"], capsys)
    assert code == 0, err
    assert '"text":"Hi Dana' in out
    assert "delivered 1, failed 0, skipped 0" in err
    with SqliteStore(seeded) as opened:
        assert opened.pending_follow_ups() == []


def test_a_simulated_report_is_dated_when_it_was_made(tmp_path: Path, retail: Policy) -> None:
    page = tmp_path / "simulated.html"
    before = datetime.now(UTC)
    result = subprocess.run(
        [sys.executable, "-m", "tactful", "simulate", "retail", "-n", "40", "--report", str(page)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    found = re.search(r"Generated (\d\d \w\w\w \d{4}), ", page.read_text(encoding="utf-8"))
    assert found is not None
    assert found.group(1) == f"{before:%d %b %Y}"
    played = simulate(retail, conversations=1, seed=1, keep=True).played[0].conversation.updated_at
    assert played.date() != before.date()
