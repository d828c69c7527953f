"""``--tactful-coverage``: which transitions and guards of each policy the scenarios took."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from flow import Engine, load_policy
from flow.testing.coverage import CoverageRecorder, render_report, turn_labels
from flow.testing.runtime import LoadedPolicy

REPO = Path(__file__).resolve().parents[1]

FEATURE = """\
Feature: Two refunds
  Background:
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago

  Scenario: Store credit
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    Then the alternative "Store credit" is applied

  Scenario: No thanks
    When the customer says "I want a refund"
    And the customer clicks "No, thanks"
    Then the conversation is closed with outcome "declined"
"""


def run_pytest(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run pytest in ``project`` as its owner would."""
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def retail_edges() -> list[str]:
    return [edge.label for edge in Engine(load_policy("retail")).edges]


@pytest.mark.slow
def test_the_report_lists_every_transition_taken_and_never_taken(tmp_path: Path, retail_edges: list[str]) -> None:
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "refunds.feature").write_text(FEATURE, encoding="utf-8")
    (tmp_path / "test_refunds.py").write_text('from pytest_bdd import scenarios\n\nscenarios("features")\n')
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    result = run_pytest(tmp_path, "--tactful-coverage", "--tactful-coverage-json", "out/coverage.json")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    taken = 5  # start-to-offer takes decline, apologize and offer; then one accept and one close
    percent = 100 * taken / len(retail_edges)
    assert "tactful transition coverage" in out
    assert f"retail (bundled:retail): {taken}/{len(retail_edges)} transitions ({percent:.1f}%)" in out
    assert "      2  listening -> explaining [decline]" in out
    assert "      1  offering_alternatives -> follow_up [accept_alternative]" in out
    assert "  never  escalated -> closed [accept_callback]" in out
    assert "guards never exercised: " in out
    assert "callback_wanted" in out
    data = json.loads((tmp_path / "out" / "coverage.json").read_text(encoding="utf-8"))
    [policy] = data["policies"]
    assert (policy["policy"], policy["source"]) == ("retail", "bundled:retail")
    assert policy["transitions"]["total"] == len(retail_edges)
    assert policy["transitions"]["taken"] == taken
    counts = {edge["label"]: edge["count"] for edge in policy["transitions"]["edges"]}
    assert counts["offering_alternatives -> closed [close_declined]"] == 1
    assert counts["escalated -> escalated [waiting]"] == 0
    assert policy["guards"]["counts"]["always"] == 2


def _turn(transitions: list[str], states: list[str]) -> object:
    from flow.models import Turn

    at = datetime(2026, 3, 3, 10, tzinfo=UTC)
    return Turn(
        conversation_id="c",
        number=1,
        at=at,
        transitions=transitions,
        states_entered=states,
        state=states[-1],
        text="Hi",
    )


def test_a_turn_maps_back_to_the_edges_it_took() -> None:
    first = _turn(["start", "decline", "apologize"], ["listening", "explaining", "apologizing"])
    later = _turn(["why", "resume_offer"], ["explaining", "offering_alternatives"])
    assert turn_labels(None, first) == ["listening -> explaining [decline]", "explaining -> apologizing [apologize]"]
    assert turn_labels("offering_alternatives", later) == [
        "offering_alternatives -> explaining [why]",
        "explaining -> offering_alternatives [resume_offer]",
    ]


def test_a_transition_the_policy_does_not_have_is_reported() -> None:
    policy = load_policy("retail")
    recorder = CoverageRecorder()
    loaded = LoadedPolicy(policy, "bundled:retail")
    recorder.policy_used(loaded, Engine(policy).edges)
    recorder.turn_taken(loaded, "listening", _turn(["teleport"], ["closed"]))  # type: ignore[arg-type]
    lines = render_report(recorder.as_dict())
    assert "  not a live transition of this policy, yet taken 1x: listening -> closed [teleport]" in lines


@pytest.mark.slow
def test_the_project_features_take_every_transition_of_the_bundled_policy(tmp_path: Path) -> None:
    target = tmp_path / "coverage.json"
    run_pytest(REPO, "tests/test_features.py", "--tactful-coverage-json", str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    policies = {policy["policy"]: policy for policy in data["policies"]}
    assert set(policies) == {
        "retail",
        "retail-one-at-a-time",
        "retail-generous",
        "short_chats",
        "gym",
        "subscription",
        "furniture-restocking",
    }
    retail = policies["retail"]
    taken = {edge["label"] for edge in retail["transitions"]["edges"] if edge["count"]}
    live = {edge.label for edge in Engine(load_policy("retail")).edges}
    assert live - taken == set(), "the features never take these transitions"
    assert retail["transitions"]["percent"] == 100
