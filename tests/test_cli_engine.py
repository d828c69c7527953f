"""``tactful chat``, ``validate`` and ``graph`` as a user runs them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from flow.cli import app

RETAIL = Path(__file__).parents[1] / "flow" / "policies" / "retail.yaml"
runner = CliRunner()


def test_validate_accepts_the_bundled_policy() -> None:
    result = runner.invoke(app, ["validate", str(RETAIL)])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output
    assert "every state reachable" in result.output


def test_validate_lists_every_problem_and_exits_2(tmp_path: Path) -> None:
    data = yaml.safe_load(RETAIL.read_text(encoding="utf-8"))
    del data["requests"]["refund"]["alternatives"][1]["text"]
    data["templates"] = {"apologizing": {"apology": "SORRY, you should have asked sooner."}}
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")

    result = runner.invoke(app, ["validate", str(path)])

    assert result.exit_code == 2
    assert "requests.refund.alternatives[1].text: field required" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "pattern",
    [r"(?<![A-Z])[A-Z]-\d{4}", r"([A-Z])-\1\d{3}", r"[A-Z]-\d{4}(?!\d)"],
    ids=["lookbehind", "backreference", "lookahead"],
)
def test_validate_refuses_a_pattern_re2_cannot_run_and_names_where_it_is(tmp_path: Path, pattern: str) -> None:
    data = yaml.safe_load(RETAIL.read_text(encoding="utf-8"))
    data["facts"]["order_id"]["pattern"] = pattern
    path = tmp_path / "lookaround.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")

    result = runner.invoke(app, ["validate", str(path)])

    assert result.exit_code == 2
    assert "facts.order_id.pattern: pattern is not a valid regular expression for RE2" in result.output
    assert "Traceback" not in result.output


def test_validate_reports_unreachable_states(tmp_path: Path) -> None:
    data = yaml.safe_load(RETAIL.read_text(encoding="utf-8"))
    for request in data["requests"].values():
        request.pop("alternatives", None)
        request.pop("exceptions", None)
    path = tmp_path / "no-alternatives.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert "state 'offering_alternatives' is unreachable" in result.output


def test_validate_accepts_a_policy_without_a_goodwill_offer(tmp_path: Path) -> None:
    data = yaml.safe_load(RETAIL.read_text(encoding="utf-8"))
    del data["compensation"]
    path = tmp_path / "no-compensation.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "every state reachable (no goodwill offer)" in result.output


def test_validate_a_missing_file_exits_2_without_a_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "file not found" in result.output
    assert "Traceback" not in result.output


def test_graph_as_mermaid_names_every_state_and_transition() -> None:
    result = runner.invoke(app, ["graph", "retail", "--format", "mermaid"])
    assert result.exit_code == 0
    assert result.output.startswith("stateDiagram-v2")
    assert "listening --> explaining: decline" in result.output
    assert "offering_alternatives --> follow_up: accept_alternative" in result.output


def test_graph_as_svg(tmp_path: Path) -> None:
    assert shutil.which("dot"), "Graphviz is missing: run scripts/install-test-deps"
    out = tmp_path / "flow.svg"
    result = runner.invoke(app, ["graph", "retail", "--format", "svg", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert "offering alternatives" in out.read_text()


def test_graph_refuses_an_unknown_format() -> None:
    result = runner.invoke(app, ["graph", "retail", "--format", "png"])
    assert result.exit_code == 2
    assert "'png' is not one of mermaid, dot, svg" in result.output


def test_chat_runs_a_conversation_with_quick_replies_by_number() -> None:
    result = runner.invoke(
        app,
        [
            "chat",
            "--fact",
            "customer_name=Dana",
            "--fact",
            "order_id=A-1001",
            "--fact",
            "days_since_purchase=45",
            "--at",
            "2026-11-26T11:00:00+00:00",
        ],
        input="I want a refund for my order\n1\nthat's all, thanks\n",
    )
    assert result.exit_code == 0, result.output
    assert "30 days" in result.output
    assert "1 Store credit" in result.output
    assert "offering_alternatives" in result.output
    assert "follow_up" in result.output
    assert "The conversation is closed." in result.output


def test_chat_ends_quietly_on_end_of_input() -> None:
    result = runner.invoke(app, ["chat"], input="")
    assert result.exit_code == 0


def test_chat_says_why_a_message_is_refused_and_carries_on() -> None:
    result = runner.invoke(app, ["chat", "--fact", "not-a-pair"], input="hi\n")
    assert result.exit_code == 2
    assert "is not key=value" in result.output


def test_chat_with_a_broken_policy_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["chat", "--policy", str(tmp_path / "none.yaml")], input="hi\n")
    assert result.exit_code == 2
    assert "file not found" in result.output
