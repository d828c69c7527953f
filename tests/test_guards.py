"""Guards are pure functions of the working conversation, its signals and the policy."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from flow import Policy, Signals
from flow import guards as g
from flow.models import Act, AgendaItem, Conversation, Counters
from flow.rules import Rules
from flow.run import Run

NOW = datetime(2026, 11, 26, 11, 0, tzinfo=UTC)


def run(
    state: str = "offering_alternatives",
    *,
    text: str = "",
    counters: dict[str, Any] | None = None,
    facts: dict[str, Any] | None = None,
    request: str | None = "refund",
    offered: tuple[str, ...] = (),
    rejected: tuple[str, ...] = (),
    at: datetime = NOW,
    **signals: Any,
) -> Run:
    agenda = [AgendaItem(request, "declined" if offered else "open", {}, offered, rejected)] if request else []
    conversation = Conversation(
        id="c",
        policy="retail",
        policy_version="1",
        state=state,
        agenda=agenda,
        facts=facts or {"order_id": "A-1", "days_since_purchase": 45},
        counters=Counters(**(counters or {})),
        started_at=at,
        updated_at=at,
    )
    return Run.of(conversation, Signals(**signals), text, at)


def acts(*labels: str) -> tuple[Act, ...]:
    """Acts written as table labels: "choose:exchange", "reject:all", "thank"."""
    return tuple(Act(kind=label.split(":")[0], target=label.partition(":")[2] or None) for label in labels)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def rules(retail: Policy) -> Rules:
    return Rules(retail)


def test_abuse_closes_only_when_strikes_run_out(rules: Rules) -> None:
    assert not g.abuse_limit_reached(run(abusive=True, counters={"abuse_strikes": 1}), rules)
    assert g.abuse_limit_reached(run(abusive=True, counters={"abuse_strikes": 2}), rules)
    assert not g.abuse_limit_reached(run(abusive=False, counters={"abuse_strikes": 5}), rules)


def test_anger_and_insistence_limits_come_from_the_policy(rules: Rules) -> None:
    assert not g.too_angry(run(counters={"anger": 1}), rules)
    assert g.too_angry(run(counters={"anger": 2}), rules)
    assert not g.too_insistent(run(counters={"insistence": 2}), rules)
    assert g.too_insistent(run(counters={"insistence": 3}), rules)


def test_asking_for_a_person_is_an_intent_not_a_keyword(rules: Rules) -> None:
    assert g.asked_for_person(run(intent="ask_human"), rules)
    assert not g.asked_for_person(run(intent="reject", text="no need to get a manager"), rules)


def test_why_only_counts_once_there_is_a_decision(rules: Rules) -> None:
    declined = ("store_credit", "exchange")
    assert g.asked_why(run(offered=declined, intent="ask_why"), rules)
    assert g.asked_why(run(offered=declined, intent="ask_policy"), rules)
    assert not g.asked_why(run("listening", intent="ask_why"), rules)
    assert not g.asked_why(run("listening", intent="ask_why", request=None), rules)


def test_the_decision_follows_the_facts(rules: Rules) -> None:
    late = run("listening", facts={"order_id": "A-1", "days_since_purchase": 45})
    early = run("listening", facts={"order_id": "A-1", "days_since_purchase": 3})
    unknown = run("listening", facts={"order_id": "A-1"})
    assert g.ready_and_declined(late, rules)
    assert not g.ready_and_allowed(late, rules)
    assert g.ready_and_allowed(early, rules)
    assert not g.ready_and_declined(early, rules)
    assert g.missing_fact(unknown, rules)
    assert not g.ready_and_allowed(unknown, rules)


def test_an_alternative_is_chosen_by_button_by_name_or_by_yes(rules: Rules) -> None:
    both = ("store_credit", "exchange")
    button = run(offered=both, intent="accept", slots={"alternative": "exchange"})
    assert g.chosen_alternative(button, rules) == "exchange"
    assert g.chosen_alternative(run(offered=both, acts=acts("choose:store_credit", "thank")), rules) == "store_credit"
    assert g.chosen_alternative(run(offered=both, intent="accept"), rules) is None
    assert g.ambiguous_choice(run(offered=both, intent="accept"), rules)
    assert g.chosen_alternative(run(offered=("store_credit",), intent="accept"), rules) == "store_credit"
    assert g.chosen_alternative(run(offered=both, acts=acts("reject:store_credit")), rules) is None
    assert g.chosen_alternative(run(offered=both, acts=acts("choose:free_car")), rules) is None
    # Turned down earlier and asked for by name now: the customer changed their mind, and it is theirs.
    assert g.chosen_alternative(run(offered=both, rejected=("exchange",), acts=acts("choose:exchange")), rules) == (
        "exchange"
    )


def test_turning_down_some_offers_leaves_the_rest_and_turning_down_all_ends_them(rules: Rules) -> None:
    both = ("store_credit", "exchange")
    assert g.some_left(run(offered=both, acts=acts("reject:store_credit")), rules)
    assert not g.rejected(run(offered=both, acts=acts("reject:store_credit")), rules)
    assert g.rejected(run(offered=both, acts=acts("reject:all")), rules)
    assert g.rejected(run(offered=both, rejected=("store_credit",), acts=acts("reject:exchange")), rules)
    assert g.rejected(run(offered=both, intent="reject"), rules)


def test_a_question_about_an_offer_does_not_choose_it(rules: Rules) -> None:
    asking = run(offered=("store_credit", "exchange"), acts=acts("ask_about:exchange"))
    assert g.asked_about_offer(asking, rules)
    assert not g.accepted_alternative(asking, rules)


def test_compensation_needs_eligibility_and_is_offered_once(rules: Rules) -> None:
    gold = {"order_id": "A-1", "days_since_purchase": 45, "loyalty_tier": "gold"}
    assert g.can_compensate(run(facts=gold), rules)
    assert not g.can_compensate(run(facts=gold, counters={"compensation_offered": True}), rules)
    assert not g.can_compensate(run(), rules)
    assert g.can_compensate(run(counters={"anger": 1}), rules)


def test_the_callback_is_offered_only_out_of_hours(rules: Rules) -> None:
    evening = datetime(2026, 11, 26, 21, 0, tzinfo=UTC)
    sunday = datetime(2026, 11, 29, 11, 0, tzinfo=UTC)
    assert not g.callback_wanted(run("escalated", intent="accept"), rules)
    assert g.callback_wanted(run("escalated", intent="accept", at=evening), rules)
    assert g.callback_refused(run("escalated", intent="reject", at=sunday), rules)


def test_rules_know_opening_hours_in_the_policy_zone(rules: Rules) -> None:
    assert rules.in_hours(datetime(2026, 7, 1, 8, 30, tzinfo=UTC))  # 09:30 in London in summer
    assert not rules.in_hours(datetime(2026, 12, 1, 8, 30, tzinfo=UTC))  # 08:30 in London in winter
    saturday_night = datetime(2026, 11, 28, 22, 0, tzinfo=UTC)
    assert rules.next_opening(saturday_night).isoformat() == "2026-11-30T09:00:00+00:00"
