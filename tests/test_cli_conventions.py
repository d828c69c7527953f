"""The ``tactful`` command line follows typer/click conventions: help, version, flags, counts, errors, progress."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from flow.cli import main

COMMANDS = [
    [],
    ["chat"],
    ["validate"],
    ["graph"],
    ["report"],
    ["scenarios"],
    ["serve"],
    ["simulate"],
    ["understand"],
    ["followups"],
    ["followups", "run"],
    ["transcripts"],
    ["transcripts", "export"],
    ["store"],
    ["store", "upgrade"],
]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "tactful")
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_short_and_long_help(
    command: list[str], flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run([*command, flag], capsys)
    assert code == 0
    assert f"Usage: tactful {' '.join(command)}".rstrip() in out
    assert "<bool>" not in out
    usage = next(line for line in out.splitlines() if "Usage:" in line)
    assert "{" not in usage


def test_version_prints_the_installed_version(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    code, out, _ = run(["--version"], capsys)
    assert code == 0
    assert out.strip() == f"tactful {version('tactful')}"


def test_usage_names_arguments_in_capitals(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["validate", "-h"], capsys)
    assert "Usage: tactful validate [OPTIONS] POLICY" in out
    _, out, _ = run(["graph", "-h"], capsys)
    assert "Usage: tactful graph [OPTIONS] [POLICY]" in out


def test_help_text_is_not_wrapped_where_the_source_wrapped_it(monkeypatch: pytest.MonkeyPatch) -> None:
    env = {**os.environ, "COLUMNS": "250", "TERM": "dumb"}
    out = subprocess.run(
        [sys.executable, "-m", "tactful", "transcripts", "export", "-h"], capture_output=True, text=True, env=env
    ).stdout
    assert "signals, actions, time — with each conversation's outcome and rubric score." in out


def test_an_on_off_flag_takes_its_negative_form_and_no_value(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["chat", "-h"], capsys)
    assert "--signals" in out
    assert "--no-signals" in out
    code, _, err = run(["chat", "--signals", "true"], capsys)
    assert code == 2
    assert err.count("\n") == 1
    assert "unexpected extra argument" in err.lower()
    assert "see 'tactful chat -h'" in err


def test_count_has_a_short_form_and_the_old_spelling_still_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for spelling in (["-n", "30"], ["--count", "30"], ["--n", "30"]):
        code, out, err = run(["simulate", "retail", *spelling, "--seed", "2"], capsys)
        assert code == 0, err
        assert "30 simulated conversations, seed 2" in out
    _, out, _ = run(["simulate", "-h"], capsys)
    assert "-n, --count" in out or ("--count" in out and "-n " in out)
    assert "--n " not in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["simulate", "retail", "-n", "0"],
            "tactful simulate: Invalid value for '-n' / '--count': it must be at least 1",
        ),
        (["simulate", "retail", "-n", "many"], "it must be a whole number"),
        (["transcripts", "export", "--format", "xml"], "'xml' is not one of 'jsonl', 'csv'"),
        (["serve", "--port", "70000"], "it must be at most 65535"),
        (["chat", "--fact", "order"], "'order' is not key=value, e.g. order_id=A-1001"),
    ],
)
def test_a_bad_value_is_one_line_with_where_to_look(
    args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(args, capsys)
    assert code == 2
    assert out == ""
    assert expected in err
    assert "Value error" not in err
    assert err.count("\n") == 1
    assert f"(see 'tactful {args[0]}" in err


def test_serve_settings_errors_are_one_line_without_pydantic_wording(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["serve", "--store", "nowhere://x"], capsys)
    assert code == 2
    assert err.startswith("tactful serve: ")
    assert err.count("\n") == 1
    assert "Value error" not in err
    assert "validation error" not in err


def _on_a_terminal(args: list[str]) -> str:
    """Run ``tactful`` with standard error on a pseudo-terminal and return what it showed there."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "tactful", *args], stdout=subprocess.DEVNULL, stderr=follower, env={**os.environ}
    )
    os.close(follower)
    shown = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=120)
    os.close(leader)
    assert process.returncode == 0, shown.decode(errors="replace")
    return shown.decode(errors="replace")


@pytest.mark.slow
def test_simulate_shows_a_progress_bar_on_a_terminal() -> None:
    shown = _on_a_terminal(["simulate", "retail", "-n", "3000", "--seed", "3"])
    assert "Simulating" in shown
    assert "/3000" in shown


def test_simulate_is_quiet_when_standard_error_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tactful", "simulate", "retail", "-n", "600"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "Simulating" not in result.stderr
    assert result.stderr.strip().startswith("simulated 600 conversations in")


@pytest.mark.slow
def test_scenarios_shows_its_phases_on_a_terminal(tmp_path: Path) -> None:
    shown = _on_a_terminal(["scenarios", "retail", "--out", str(tmp_path / "generated")])
    assert "Finding a conversation for each transition" in shown
    assert "Recording each scenario's replies" in shown
