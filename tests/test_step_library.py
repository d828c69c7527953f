"""The installed step library, used the way a company uses it: its own policy, its own features, no glue."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from flow import Engine, load_policy
from flow.models import ApproveRequest, Close, IssueCompensation, Signals, Turn
from flow.testing import checks, monitors
from flow.testing.catalog import CATALOG
from flow.testing.docs import render
from flow.testing.record import Exchange
from flow.understanding import Understander

REPO = Path(__file__).resolve().parents[1]

GYM_POLICY = """\
name: gym
version: "1"
company: Peak Fitness
agent_name: Alex
timezone: Europe/Dublin
facts:
  member_name:
    kind: text
  months_left:
    kind: number
    label: months left on the contract
    ask: "How many months are left on your contract?"
  years_member:
    kind: number
    label: years as a member
requests:
  cancel:
    title: a cancellation
    intents: [request_cancel]
    needs: [months_left]
    declines:
      - when: {fact: months_left, op: gt, value: 0}
        reason: >-
          Your contract still has {{ months_left }} months to run, so I can't cancel it early.
        clearer_reason: >-
          When you joined, you agreed to a fixed term. We can only end it early for a medical reason or a move abroad.
    approved: >-
      Your contract has ended, so I've cancelled your membership. You won't pay anything more.
    alternatives:
      - id: freeze
        title: Freeze
        text: a free freeze of up to three months
        synonyms: [pause, hold]
      - id: downgrade
        title: Off-peak plan
        text: a move to our cheaper off-peak plan
        synonyms: [cheaper, downgrade]
compensation:
  title: Free session
  offer: a free session with a personal trainer
  reference_prefix: PT
  eligible_when: {fact: years_member, op: ge, value: 2}
escalation:
  handoff:
    hours: {start: "08:00", end: "20:00", days: [mon, tue, wed, thu, fri]}
follow_up:
  delay_hours: 48
  text: >-
    Hi{% if member_name %} {{ member_name }}{% endif %}, it's {{ agent_name }} from {{ company }}. How is it going?
"""

PASSING = """\
Feature: Cancelling a gym membership
  Background:
    Given the policy file "policies/gym.yaml"

  Scenario: A member mid-contract is offered a freeze or a cheaper plan
    Given the facts:
      | fact        | value |
      | member_name | Sam   |
      | months_left | 4     |
    When the customer says "I want to cancel my membership"
    Then the agent thanks the customer first
    And the agent acknowledges the concern
    And the agent explains the reason
    And the agent apologizes
    And the agent offers "freeze" and "off-peak plan"
    When the customer clicks "Freeze"
    Then the alternative "Freeze" is applied
    And a follow-up is scheduled in 48 hours
    And the follow-up says "How is it going?"

  Scenario: A long-standing member who wants neither gets a free session
    Given the fact "months_left" is "4"
    And the fact "years_member" is "3"
    When the conversation goes like this:
      | Customer                       | Agent                                  | State                 |
      | I want to cancel my membership | so I can't cancel it early             | offering_alternatives |
      | [No, thanks]                   | a free session with a personal trainer | compensation          |
      | [Yes, please]                  | reference PT-                          | follow_up             |
    Then compensation is issued

  Scenario: A member out of contract is simply let go
    Given the fact "months_left" is "0"
    When the customer says "please cancel my gym membership"
    Then the request is approved
    And the agent does not apologize

  Scenario: After eight in the evening nobody can take over
    Given it is Thursday 20:30 in the policy's time zone
    And the fact "months_left" is "4"
    When the customer says "I want to cancel my membership"
    And the customer says "Can I speak to a manager?"
    Then the agent offers a callback
    When the customer clicks "Yes, call me back"
    Then a callback is booked for "Friday 08:00"
"""

FAILING = """\
Feature: Expectations that do not hold
  Background:
    Given the policy file "policies/gym.yaml"
    And the fact "months_left" is "4"

  Scenario: The wrong alternative is expected
    When the customer says "I want to cancel my membership"
    Then the agent offers "personal training"

  Scenario: A check comes before anything happened
    Then the agent apologizes

  Scenario: A script expects words the agent never says
    When the conversation goes like this:
      \"\"\"
      Customer: I want to cancel my membership
      Agent: we will miss you terribly
      \"\"\"

  Scenario: A project rule is broken
    When the customer says "I want to cancel my membership"
"""

HOUSE_RULE = """\
import pytest

from flow.testing.monitors import DEFAULT_MONITORS, Monitor


def _never_mention_the_contract(history, policy):
    for exchange in history:
        if exchange.turn is not None and "contract" in exchange.turn.text:
            return f"reply {exchange.number} mentions the contract"
    return None


@pytest.fixture
def tactful_monitors(request):
    if "project_rule" not in request.node.name:
        return list(DEFAULT_MONITORS)
    return [*DEFAULT_MONITORS, Monitor("the agent never mentions the contract", _never_mention_the_contract)]
"""


def make_project(root: Path, features: str, *, conftest: str | None = None, ini: str = "") -> Path:
    """A company's own repository: its policy, its feature file and a test module with one line of glue."""
    (root / "features" / "policies").mkdir(parents=True)
    (root / "features" / "policies" / "gym.yaml").write_text(GYM_POLICY, encoding="utf-8")
    (root / "features" / "membership.feature").write_text(features, encoding="utf-8")
    (root / "test_membership.py").write_text('from pytest_bdd import scenarios\n\nscenarios("features")\n')
    (root / "pytest.ini").write_text(f"[pytest]\n{ini}", encoding="utf-8")
    if conftest is not None:
        (root / "conftest.py").write_text(conftest, encoding="utf-8")
    return root


def run_pytest(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run pytest in ``project`` as its owner would."""
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.slow
def test_a_project_with_its_own_policy_and_features_passes_with_no_glue(tmp_path: Path) -> None:
    project = make_project(tmp_path, PASSING)
    result = run_pytest(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout


@pytest.mark.slow
def test_failing_expectations_print_the_conversation_and_what_was_expected(tmp_path: Path) -> None:
    project = make_project(tmp_path, FAILING, conftest=HOUSE_RULE)
    result = run_pytest(project)
    out = result.stdout
    assert result.returncode == 1
    assert "4 failed" in out
    assert 'Step: Then the agent offers "personal training"  (features/membership.feature:8)' in out
    assert "Found: the policy has no alternative called 'personal training' for this request" in out
    assert "  1. Customer: I want to cancel my membership" in out
    assert "Your contract still has 4 months to run" in out
    assert "Buttons: [Freeze] [Off-peak plan] [No, thanks]" in out
    assert "Current state: offering_alternatives" in out
    assert "A Then step checks what happened after a When step" in out
    assert "Expected: line 2 of the transcript: Agent: we will miss you terribly" in out
    assert "Expected: every turn to keep the rule: the agent never mentions the contract" in out
    assert "Found: reply 1 mentions the contract" in out
    assert "call_fixture_func" not in out


@pytest.mark.slow
def test_the_policy_can_come_from_the_ini_file(tmp_path: Path) -> None:
    features = PASSING.replace(
        '    Given the policy file "policies/gym.yaml"\n', '    Given the fact "member_name" is "Sam"\n'
    )
    project = make_project(tmp_path, features, ini="tactful_policy = features/policies/gym.yaml\n")
    result = run_pytest(project, "-k", "freeze")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


def test_the_reference_in_docs_steps_md_is_up_to_date() -> None:
    written = (REPO / "docs" / "steps.md").read_text(encoding="utf-8")
    assert written == render(), "docs/steps.md is stale: run python -m flow.testing.docs > docs/steps.md"


def test_every_step_documents_an_example_that_only_it_matches() -> None:
    render()
    for entry in CATALOG:
        assert entry.summary, f"{entry.pattern!r} has no docstring"
        assert entry.examples, f"{entry.pattern!r} has no example"
        keyword, _, text = entry.examples[0].partition(" ")
        assert keyword.lower() == entry.kind, entry.examples[0]
        siblings = [e for e in CATALOG if e.function is entry.function]
        matching = [e for e in CATALOG if e.kind == entry.kind and e.matches(text)]
        assert matching, f"{entry.examples[0]!r} matches no step"
        assert all(e in siblings for e in matching), f"{entry.examples[0]!r} matches {matching}"


def test_aliases_expand_to_steps_that_exist() -> None:
    render()
    for entry in CATALOG:
        for step in entry.expands_to:
            generic = [e for e in CATALOG if e.kind == entry.kind and not e.expands_to and e.matches(_sample(step))]
            assert len(generic) == 1, f"alias step {step!r} matches {len(generic)} generic steps"


def _sample(step: str) -> str:
    return (
        step.replace("{name}", "Dana")
        .replace("{order}", "A-1001")
        .replace("{days}", "45")
        .replace("{tier}", "gold")
        .replace("{title}", "Exchange")
        .replace("{hours}", "24")
    )


# -- the semantic checks fail when the reply does not do what the step says -----------------------


@pytest.fixture(scope="module")
def retail() -> Engine:
    return Engine(
        load_policy("retail"), clock=lambda: datetime(2026, 3, 3, 10, tzinfo=UTC), understander=Understander()
    )


def test_an_approval_does_not_count_as_an_apology_or_an_explanation(retail: Engine) -> None:
    facts = {"order_id": "A-1001", "days_since_purchase": 10}
    conversation, turn = retail.start(facts, "I want a refund", conversation_id="c1")
    assert checks.apologizes(turn) == "the reply did not go through apologizing (states: listening, follow_up)"
    assert checks.explains_reason(turn, conversation, retail.policy) is not None
    assert checks.thanks(turn, first=True) is None


def test_a_decline_is_checked_against_the_policy_s_own_reason(retail: Engine) -> None:
    facts = {"order_id": "A-1001", "days_since_purchase": 45}
    conversation, turn = retail.start(facts, "I want a refund", conversation_id="c2")
    assert checks.explains_reason(turn, conversation, retail.policy) is None
    moved = conversation.model_copy(update={"facts": {**conversation.facts, "days_since_purchase": 46}})
    problem = checks.explains_reason(turn, moved, retail.policy)
    assert problem is not None
    assert "Order A-1001 was bought 46 days ago" in problem
    assert checks.offers_alternative(turn, conversation, retail.policy, "voucher") is None
    assert checks.offers_alternative(turn, conversation, retail.policy, "free return") is not None


def test_compensation_is_not_seen_where_it_was_not_offered(retail: Engine) -> None:
    facts = {"order_id": "A-1001", "days_since_purchase": 45}
    conversation, turn = retail.start(facts, "I want a refund", conversation_id="c3")
    problem = checks.offers_compensation(turn, conversation, retail.policy)
    assert problem == "the reply did not offer compensation (transitions: start, decline, apologize, offer)"


# -- the monitors ----------------------------------------------------------------------------------


def _turn(number: int, text: str, state: str, transitions: list[str], actions: list[object] | None = None) -> Turn:
    return Turn.model_validate(
        {
            "conversation_id": "c",
            "number": number,
            "at": datetime(2026, 3, 3, 10, tzinfo=UTC),
            "transitions": transitions,
            "states_entered": [state] * len(transitions),
            "state": state,
            "text": text,
            "actions": actions or [],
        }
    )


def _history(*turns: Turn) -> list[Exchange]:
    return [Exchange(t.number, t.at, None, said="hello", turn=t) for t in turns]


POLICY = load_policy("retail")


def test_a_second_compensation_offer_breaks_a_rule() -> None:
    offer = ["offer_compensation"]
    history = _history(_turn(1, "Would you like a discount?", "compensation", offer))
    assert monitors.compensation_at_most_once(history, POLICY) is None
    history += _history(_turn(2, "Would you like a discount?", "compensation", offer))
    assert monitors.compensation_at_most_once(history, POLICY) == "compensation was offered in replies 1, 2"
    issued = IssueCompensation(reference="GW-1", offer="discount")
    twice = _history(_turn(1, "Done.", "follow_up", ["x"], [issued]), _turn(2, "Done.", "follow_up", ["x"], [issued]))
    assert monitors.compensation_at_most_once(twice, POLICY) == "compensation was issued in replies 1, 2"


def test_an_approval_after_a_decline_breaks_a_rule() -> None:
    declined = _turn(1, "I can't refund it.", "offering_alternatives", ["decline"])
    approved = _turn(2, "Refunded.", "closed", ["approve"], [ApproveRequest(request="refund")])
    assert monitors.no_approval_after_refusal(_history(approved), POLICY) is None
    assert monitors.no_approval_after_refusal(_history(declined, approved), POLICY) == (
        "reply 2 approved the request that reply 1 declined"
    )


def test_a_long_first_refusal_breaks_a_rule_unless_it_answers_a_question_asked_beside() -> None:
    long_refusal = "I can't refund it. " + "word " * 80
    plain = _turn(1, long_refusal, "offering_alternatives", ["decline"])
    assert monitors.replies_stay_short(_history(plain), POLICY) == (
        "reply 1, the first refusal, has 84 words (at most 70)"
    )
    asked_beside = plain.model_copy(update={"signals": Signals(slots={"aside": "status"})})
    assert monitors.replies_stay_short(_history(asked_beside), POLICY) is None
    longer = asked_beside.model_copy(update={"text": long_refusal + "word " * 30})
    assert monitors.replies_stay_short(_history(longer), POLICY) == (
        "reply 1, the first refusal, has 114 words (at most 110)"
    )


def test_speaking_after_the_close_breaks_a_rule_unless_it_is_the_follow_up() -> None:
    closed = _turn(1, "Take care.", "closed", ["close_declined"], [Close(outcome="declined")])
    again = _turn(2, "Hello again.", "listening", ["ask_request"])
    assert monitors.closed_stays_silent(_history(closed, again), POLICY) == (
        "reply 2 came after the conversation closed in reply 1"
    )
    delivered = [*_history(closed), Exchange(2, again.at, "closed", turn=again, follow_up=True)]
    assert monitors.closed_stays_silent(delivered, POLICY) is None


def test_harsh_empty_or_unfilled_text_breaks_a_rule() -> None:
    harsh = _history(_turn(1, "Calm down, that's the policy.", "listening", ["x"]))
    problem = monitors.tone_is_clean(harsh, POLICY)
    assert problem is not None
    assert "harsh or defensive phrase 'calm down'" in problem
    assert monitors.every_turn_speaks(_history(_turn(1, " ", "listening", ["x"])), POLICY) == "reply 1 has no text"
    unfilled = _history(_turn(1, "We spoke about None.", "listening", ["x"]))
    assert monitors.no_missing_values(unfilled, POLICY) == "reply 1 shows 'None' in: 'We spoke about None.'"


def test_the_transcript_form_rejects_lines_that_are_not_customer_or_agent() -> None:
    from flow.testing.transcript import parse_docstring, parse_table

    with pytest.raises(ValueError, match="line 2 of the transcript, 'Manager: hi', starts with neither"):
        parse_docstring("Customer: hi\nManager: hi")
    with pytest.raises(ValueError, match="needs a Customer and an Agent column"):
        parse_table([["Who", "Says"], ["a", "b"]])
    lines = parse_docstring("# a comment\nCustomer: [Exchange]\nAgent [follow_up]: /all set/\n")
    assert [str(line) for line in lines] == ["Customer: [Exchange]", "Agent [follow_up]: /all set/"]
