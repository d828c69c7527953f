"""Simulated customers through a policy: deterministic for a seed, comparable across policies, from the CLI too."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import flow.cli.commands_simulate  # noqa: F401  (registers ``simulate``)
from flow import Policy, load_policy
from flow.cli.app import app
from flow.simulate import PERSONAS, InvalidMix, PhraseUnderstander, parse_mix, simulate
from flow.simulate import phrases as say

GENEROUS = Path(__file__).parents[1] / "docs" / "examples" / "retail-generous.yaml"


@pytest.fixture(scope="module")
def generous() -> Policy:
    """The example policy with a 45-day window and goodwill for silver members too."""
    return load_policy(GENEROUS)


def totals(policy: Policy, **options: object) -> tuple[object, ...]:
    result = simulate(policy, **options)  # type: ignore[arg-type]
    return (
        dict(result.outcomes),
        dict(result.personas),
        result.compensations,
        result.escalated,
        result.messages_total,
        round(result.score_total, 6),
    )


def test_the_same_seed_gives_the_same_results(retail: Policy) -> None:
    first = totals(retail, n=200, seed=7)

    assert totals(retail, n=200, seed=7) == first
    assert totals(retail, n=200, seed=8) != first


@pytest.mark.slow
def test_results_do_not_depend_on_the_number_of_worker_processes(retail: Policy) -> None:
    assert totals(retail, n=300, seed=3, workers=2) == totals(retail, n=300, seed=3, workers=1)


def test_a_generous_policy_approves_more_and_costs_more_on_the_same_customers(retail: Policy, generous: Policy) -> None:
    strict = simulate(retail, n=800, seed=1, compensation_value=12.5)
    kind = simulate(generous, n=800, seed=1, compensation_value=12.5)

    assert strict.personas == kind.personas
    assert kind.outcomes["approved"] > strict.outcomes["approved"]
    assert kind.compensations > strict.compensations
    assert kind.compensation_cost == kind.compensations * 12.5


def test_the_engine_scores_full_marks_for_every_persona(retail: Policy) -> None:
    result = simulate(retail, n=600, seed=5)

    assert set(result.personas) == set(PERSONAS)
    assert result.failed_practices == {}
    assert result.full_marks == result.n
    assert result.mean_score == pytest.approx(1.0)


def test_a_mix_of_only_abusive_customers_mostly_ends_after_abuse(retail: Policy) -> None:
    result = simulate(retail, n=200, seed=2, mix={"abusive": 1})

    assert set(result.personas) == {"abusive"}
    assert result.outcomes.most_common(1)[0][0] == "closed_after_abuse"


def test_a_mix_is_read_from_the_command_line_form() -> None:
    assert parse_mix("calm=3, angry=1.5,quick_to_accept=0") == {"calm": 3.0, "angry": 1.5, "quick_to_accept": 0.0}


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        ("grumpy=2", "'grumpy=2' does not name a persona"),
        ("calm", "'calm' does not name a persona"),
        ("calm=lots", "weight 'lots' of calm is not a number"),
        ("calm=-1", "weight of calm is negative"),
        ("calm=0,angry=0", "no persona has a positive weight"),
    ],
)
def test_a_bad_mix_is_refused_with_the_reason(spec: str, problem: str) -> None:
    with pytest.raises(InvalidMix, match=problem):
        parse_mix(spec)


def test_the_simulated_understanding_knows_every_persona_phrase() -> None:
    understander = PhraseUnderstander()

    assert understander.understand(say.MANAGER.text).intent == "ask_human"
    assert understander.understand(say.ABUSE.text).abusive
    assert understander.understand(say.days_answer(41)).slots == {"days_ago": "41"}
    assert understander.understand(say.order_answer("A-1234")).intent == "provide_info"
    assert understander.understand("something nobody scripted").intent == "unknown"


def test_the_command_prints_both_policies_side_by_side_with_the_change(tmp_path: Path) -> None:
    report = tmp_path / "sim.html"

    result = CliRunner().invoke(
        app,
        ["simulate", "retail", "--vs", str(GENEROUS), "--n", "300", "--seed", "1", "--report", str(report)],
    )

    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if "metric" in line)
    assert ["metric", "retail", "retail-generous", "change"] == [c.strip() for c in header.strip("┃│ ").split("┃")]
    assert "outcome: approved" in result.stdout
    assert "compensation cost" in result.stdout
    assert "300 simulated conversations, seed 1" in result.stdout
    assert "simulated 600 conversations in" in result.stderr
    assert "Simulated conversations: retail" in report.read_text()
    assert "Simulated conversations: retail-generous" in (tmp_path / "sim-retail-generous.html").read_text()


def test_the_command_output_is_the_same_for_a_seed() -> None:
    args = ["simulate", "retail", "--n", "150", "--seed", "4", "--mix", "calm=1,angry=1"]

    assert CliRunner().invoke(app, args).stdout == CliRunner().invoke(app, args).stdout


def test_the_command_refuses_a_bad_mix_without_simulating() -> None:
    result = CliRunner().invoke(app, ["simulate", "retail", "--mix", "grumpy=1"])

    assert result.exit_code == 2
    assert "invalid persona mix: 'grumpy=1' does not name a persona" in result.stderr
    assert result.stdout == ""
