"""``tactful scenarios``: a generated suite that passes on its policy and fails when the policy changes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flow import Engine, load_policy
from flow.cli import commands_scenarios  # noqa: F401  (registers the command)
from flow.cli.app import app
from flow.conditions import All, AnyOf, Compare, Not
from flow.testing.solve import Unsolvable, setups, solve

RETAIL = resources.files("flow") / "policies" / "retail.yaml"


def run_pytest(folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """Run the generated suite the way its owner would."""
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rf", *options, "."]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A policy file and the suite generated from it, side by side."""
    root = tmp_path_factory.mktemp("generated")
    (root / "policy").mkdir()
    (root / "policy" / "retail.yaml").write_text(RETAIL.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["scenarios", str(root / "policy" / "retail.yaml"), "--out", str(root / "suite")])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output
    assert "Run them with: pytest" in result.output
    every = len(Engine(load_policy("retail")).edges)
    assert f"taking {every} of {every} transitions" in result.output
    assert "no generated conversation takes" not in result.output
    assert "replies stay short" not in result.output  # no path through the bundled policy says too much at once
    return root


def _copy(generated: Path, target: Path) -> Path:
    shutil.copytree(generated, target)
    return target


@pytest.mark.slow
def test_the_generated_suite_takes_every_reachable_transition_and_passes(generated: Path, tmp_path: Path) -> None:
    project = _copy(generated, tmp_path / "project")
    features = sorted(path.name for path in (project / "suite").glob("*.feature"))
    assert "listening.feature" in features
    assert "offering_alternatives.feature" in features
    text = (project / "suite" / "offering_alternatives.feature").read_text(encoding="utf-8")
    assert 'Given the policy file "../policy/retail.yaml"' in text
    assert "Agent [offering_alternatives]:" in text
    assert (project / "suite" / "test_generated.py").read_text(encoding="utf-8").count("scenarios(") == 1
    result = run_pytest(project / "suite", "--tactful-coverage-json", str(tmp_path / "coverage.json"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout
    assert "failed" not in result.stdout
    # Every transition of the bundled policy's edge table is reachable by a customer conversation, so
    # the generated scenarios, run as features, must take every one of them.
    (coverage,) = json.loads((tmp_path / "coverage.json").read_text(encoding="utf-8"))["policies"]
    taken = {edge["label"]: edge["count"] for edge in coverage["transitions"]["edges"]}
    live = [edge.label for edge in Engine(load_policy("retail")).edges]
    assert sorted(taken) == sorted(live)
    assert [label for label in live if not taken[label]] == []
    assert coverage["unexpected"] == {}


@pytest.mark.slow
def test_the_generated_suite_fails_when_a_reply_changes(generated: Path, tmp_path: Path) -> None:
    project = _copy(generated, tmp_path / "project")
    policy = project / "policy" / "retail.yaml"
    old = "We can refund orders for 30 days after purchase."
    policy.write_text(
        policy.read_text(encoding="utf-8").replace(old, "Refunds are open for 30 days."), encoding="utf-8"
    )
    result = run_pytest(project / "suite")
    assert result.returncode == 1
    assert "Found: the reply does not contain those words" in result.stdout
    assert old in result.stdout


@pytest.mark.slow
def test_the_generated_suite_fails_when_the_flow_changes(generated: Path, tmp_path: Path) -> None:
    project = _copy(generated, tmp_path / "project")
    policy = project / "policy" / "retail.yaml"
    changed = policy.read_text(encoding="utf-8").replace("max_insistence: 2", "max_insistence: 3")
    policy.write_text(changed, encoding="utf-8")
    result = run_pytest(project / "suite")
    assert result.returncode == 1
    failed = [line for line in result.stdout.splitlines() if line.startswith("FAILED")]
    assert any("escalate_insistence" in line for line in failed), result.stdout
    assert "Expected: line" in result.stdout
    assert "Agent [escalated]:" in result.stdout


def test_an_unknown_policy_is_refused_with_the_reason(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["scenarios", "no-such-policy", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "no policy file or bundled policy named 'no-such-policy'" in result.output


def test_facts_are_read_off_the_policy_conditions() -> None:
    over = Compare(fact="days", op="gt", value=30)
    assert solve(over, holds=True) == {"days": 45}
    assert solve(over, holds=False) == {"days": 10}
    tier = Compare(fact="tier", op="in", value=["gold", "platinum"])
    angry = Compare(counter="anger", op="ge", value=1)
    assert solve(AnyOf(any=[tier, angry]), holds=True) == {"tier": "gold"}
    assert solve(Not(**{"not": over}), holds=True) == {"days": 10}
    assert solve(All(all=[over, tier]), holds=True) == {"days": 45, "tier": "gold"}
    with pytest.raises(Unsolvable, match="only the conversation decides anger"):
        solve(angry, holds=True)


def test_generation_starts_from_declined_allowed_and_eligible_customers() -> None:
    described = {setup.description for setup in setups(load_policy("retail"))}
    assert "refund declined by rule 1, in hours" in described
    assert "refund declined by rule 1, eligible for compensation, out of hours" in described
    assert "cancel allowed, in hours" in described
    assert "every request declined, out of hours" in described
    assert "nothing known, in hours" in described
