"""The policy's facts schema: what a fact is, who may state it, its bounds, and what a decision on it promises."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from flow import Engine, InvalidFact, Policy, PolicyError, Signals, UntrustedFacts
from flow.loading import validate_policy
from flow.models import ApplyAlternative, ApproveRequest, Handoff, IssueCompensation, Turn
from tests.plugins.engines import DANA, Scripted

MakeEngine = Callable[..., Engine]

HOST_ORDER = {"facts": {"order_id": {"source": "host", "ask": None}}}
"""The retail policy with order numbers known only to the shop's systems."""
HOST_DISPATCH = {"facts": {"dispatched": {"source": "host", "ask": None}}}
"""The retail policy with the dispatch status known only to the shop's systems."""


def policy_with(retail: Policy, facts: dict[str, Any], **top: Any) -> dict[str, Any]:
    data = copy.deepcopy(retail.model_dump(mode="json", by_alias=True))
    for name, spec in facts.items():
        data["facts"].setdefault(name, {}).update(spec)
    data.update(top)
    return data


def actions_of(turn: Turn, kind: type[Any]) -> list[Any]:
    return [action for action in turn.actions if isinstance(action, kind)]


@pytest.fixture
def stating(scripted: Scripted) -> Scripted:
    scripted.script["5000 days ago"] = Signals(
        intent="provide_info", confidence=0.9, slots={"days_ago": "5000"}, facts={"days_since_purchase": 5000}
    )
    scripted.script["I want a refund for A-1001, bought 10 days ago"] = Signals(
        intent="request_refund", confidence=0.95, facts={"order_id": "A-1001", "days_since_purchase": 10}
    )
    return scripted


# -- the schema ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "problem"),
    [
        ({"loyalty_tier": {"ask": "Which tier are you?"}}, "facts.loyalty_tier: a host fact is never asked"),
        ({"loyalty_tier": {"allow_unsigned": True}}, "facts.loyalty_tier: a host fact comes only from the host"),
        ({"days_since_purchase": {"min": 10, "max": 5}}, "facts.days_since_purchase: min 10 must not be above max 5"),
        ({"customer_name": {"max": 40}}, "facts.customer_name: min and max bound number and days facts only"),
        ({"days_since_purchase": {"max": float("inf")}}, "facts.days_since_purchase.max: "),
        ({"order_id": {"source": "visitor"}}, "facts.order_id.source: "),
        ({"order_id": {"ask": None}}, "facts.order_id.ask: a customer fact that a request needs must say how to ask"),
    ],
)
def test_a_fact_that_contradicts_itself_is_refused_at_load(retail: Policy, facts: dict[str, Any], problem: str) -> None:
    with pytest.raises(PolicyError, match=problem.replace(".", r"\.")):
        validate_policy(policy_with(retail, facts))


def test_a_needed_host_fact_needs_no_question(retail: Policy) -> None:
    policy = validate_policy(policy_with(retail, HOST_ORDER["facts"]))

    assert policy.facts["order_id"].source == "host"
    assert policy.facts["order_id"].ask is None


def test_the_bundled_policy_says_where_each_fact_comes_from(retail: Policy) -> None:
    sources = {name: (spec.source, spec.allow_unsigned) for name, spec in retail.facts.items()}

    assert sources == {
        "customer_name": ("customer", True),
        "order_id": ("customer", False),
        "days_since_purchase": ("customer", False),
        "dispatched": ("customer", False),
        "condition": ("customer", False),
        "circumstance": ("customer", False),
        "loyalty_tier": ("host", False),
    }
    assert (retail.facts["days_since_purchase"].min, retail.facts["days_since_purchase"].max) == (0, 3650)
    assert retail.extra_facts == "refuse"


# -- checking what arrives -----------------------------------------------------------------------


def test_an_unknown_fact_is_refused_with_the_facts_the_policy_knows(engine: Engine) -> None:
    with pytest.raises(InvalidFact, match=r"fact 'shoe_size' is not a fact policy 'retail' declares .*customer_name"):
        engine.start(facts={**DANA, "shoe_size": 9})


def test_a_policy_may_accept_extra_facts_which_decide_nothing(make_engine: MakeEngine) -> None:
    engine = make_engine(changes={"extra_facts": "allow"})

    conversation, turn = engine.start(facts={**DANA, "shoe_size": 9, "crm_id": "c-77"}, message="I want a refund")

    assert conversation.facts["shoe_size"] == 9
    assert conversation.facts["crm_id"] == "c-77"
    assert turn.state == "offering_alternatives"


def test_extra_facts_are_still_checked(make_engine: MakeEngine) -> None:
    engine = make_engine(changes={"extra_facts": "allow"})

    with pytest.raises(InvalidFact, match="fact 'shoe_size' must be a finite number"):
        engine.start(facts={"shoe_size": float("nan")})


def test_the_request_fact_names_one_of_the_policys_requests(engine: Engine) -> None:
    conversation, turn = engine.start(facts={**DANA, "request": "refund"}, message="hello")
    assert conversation.request == "refund"
    assert turn.state == "offering_alternatives"

    with pytest.raises(InvalidFact, match="fact 'request' must name one of the policy's requests"):
        engine.start(facts={"request": "teleport"})


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (3651, "must be between 0 and 3650, not 3651"),
        (-0.5, "must be between 0 and 3650, not -0.5"),
        ("4000", "must be between 0 and 3650, not 4000"),
        (2**60, "must be a number between"),
        (True, "must be a number, not True"),
        ([45], "must be a number, not list"),
    ],
)
def test_a_number_outside_its_bounds_or_kind_is_refused(engine: Engine, value: object, problem: str) -> None:
    with pytest.raises(InvalidFact, match=f"fact 'days_since_purchase' {problem}") as refused:
        engine.start(facts={**DANA, "days_since_purchase": value})
    assert refused.value.fact == "days_since_purchase"


@pytest.mark.parametrize("days", [0, 3650, "3650", 12.5])
def test_a_number_within_its_bounds_is_accepted(engine: Engine, days: object) -> None:
    conversation, _ = engine.start(facts={**DANA, "days_since_purchase": days})

    assert conversation.facts["days_since_purchase"] == (3650 if days == "3650" else days)


@pytest.mark.parametrize("value", ["Dana\u0000", "Dana\u001b[31m", "x" * 501, float("inf")])
def test_text_with_control_characters_or_no_end_is_refused(engine: Engine, value: object) -> None:
    with pytest.raises(InvalidFact, match="fact 'customer_name' must be"):
        engine.start(facts={"customer_name": value})


def test_a_refused_fact_changes_nothing_mid_conversation(engine: Engine) -> None:
    conversation, _ = engine.start(facts={"customer_name": "Dana"}, message="I want a refund")

    with pytest.raises(InvalidFact, match="days_since_purchase"):
        engine.reply(conversation, "it's A-1001", facts={"days_since_purchase": "-inf"})
    assert conversation.facts == {"customer_name": "Dana"}
    assert conversation.version == 1


def test_a_number_out_of_bounds_in_a_message_is_not_recorded_and_asked_again(engine: Engine, stating: Scripted) -> None:
    conversation, _ = engine.start(facts={"customer_name": "Dana", "order_id": "A-1001"}, message="I want a refund")
    assert conversation.pending_fact == "days_since_purchase"

    conversation, turn = engine.reply(conversation, "5000 days ago")

    assert "days_since_purchase" not in conversation.facts
    assert conversation.pending_fact == "days_since_purchase"
    assert "when did you buy it" in turn.text.lower()


# -- unsigned facts ------------------------------------------------------------------------------


def test_unsigned_facts_are_refused_unless_the_policy_allows_them(engine: Engine) -> None:
    with pytest.raises(UntrustedFacts, match=r"facts days_since_purchase, loyalty_tier must come from the host") as e:
        engine.start(unsigned_facts={"customer_name": "Dana", "loyalty_tier": "gold", "days_since_purchase": 1})

    assert e.value.facts == ["days_since_purchase", "loyalty_tier"]
    assert "customer_name" in str(e.value)


def test_allowed_unsigned_facts_are_kept_as_stated_by_the_customer(engine: Engine) -> None:
    conversation, turn = engine.start(
        facts={"order_id": "A-1001", "days_since_purchase": 45}, unsigned_facts={"customer_name": "Dana"}
    )

    assert conversation.facts == {"customer_name": "Dana", "order_id": "A-1001", "days_since_purchase": 45}
    assert conversation.customer_stated == {"customer_name": ["Dana"]}
    assert "Dana" in turn.text


def test_the_hosts_value_wins_over_an_unsigned_one(engine: Engine) -> None:
    conversation, _ = engine.start(facts={"customer_name": "Dana"}, unsigned_facts={"customer_name": "Mallory"})

    assert conversation.facts["customer_name"] == "Dana"
    assert conversation.customer_stated == {}


# -- host facts are never asked and never read from text ------------------------------------------


def test_a_host_fact_is_never_asked_and_never_read_from_what_the_customer_writes(
    make_engine: MakeEngine, stating: Scripted
) -> None:
    engine = make_engine(changes=HOST_ORDER)

    conversation, turn = engine.start(facts={"customer_name": "Dana"}, message="I want a refund")
    assert conversation.pending_fact == "days_since_purchase"
    assert "order number" not in turn.text

    conversation, turn = engine.reply(conversation, "I want a refund for A-1001, bought 10 days ago")

    assert "order_id" not in conversation.facts
    assert "order number" not in turn.text
    assert turn.state == conversation.state == "escalated"
    assert conversation.escalation_reason == "cannot_check"
    assert conversation.outcome == "escalated"
    assert "can't check the details" in turn.text
    [handoff] = actions_of(turn, Handoff)
    assert handoff.reason == "cannot_check"
    assert "must come from our systems and were not given (order_id)" in handoff.summary
    assert handoff.unverified == ["days_since_purchase"]
    assert not actions_of(turn, ApproveRequest)


def test_a_missing_host_fact_does_not_stop_a_rule_that_does_not_read_it(
    make_engine: MakeEngine, stating: Scripted
) -> None:
    engine = make_engine(changes=HOST_ORDER)

    conversation, turn = engine.start(facts={"customer_name": "Dana"}, message="I want a refund")
    conversation, turn = engine.reply(conversation, "45 days ago")

    assert turn.states_entered == ["explaining", "apologizing", "offering_alternatives"]
    assert "30 days" in turn.text


def test_a_rule_that_reads_a_missing_host_fact_is_not_applied(make_engine: MakeEngine) -> None:
    engine = make_engine(changes=HOST_DISPATCH)

    conversation, turn = engine.start(facts={"customer_name": "Alex", "order_id": "C-7788"})
    conversation, turn = engine.reply(conversation, "I want to cancel my order")

    assert "dispatched" not in turn.text
    assert conversation.escalation_reason == "cannot_check"
    assert not actions_of(turn, ApproveRequest)


def test_a_host_fact_the_host_gave_decides_as_before(make_engine: MakeEngine) -> None:
    engine = make_engine(changes=HOST_DISPATCH)

    conversation, turn = engine.start(
        facts={"order_id": "C-7788", "dispatched": False}, message="I want to cancel my order"
    )

    assert conversation.outcome == "approved"
    [approved] = actions_of(turn, ApproveRequest)
    assert approved.unverified == []


def test_the_flow_for_a_policy_without_needed_host_facts_has_no_such_escalation(engine: Engine) -> None:
    assert "escalate_cannot_check" not in {edge.name for edge in engine.edges}


# -- decisions on what the customer stated are marked unverified --------------------------------------


def test_an_approval_on_stated_facts_lists_them_as_unverified(engine: Engine, stating: Scripted) -> None:
    conversation, _ = engine.start(facts={"customer_name": "Dana"}, message="I want a refund")
    conversation, _ = engine.reply(conversation, "it's A-1001")
    conversation, turn = engine.reply(conversation, "about 10 days ago")

    [approved] = actions_of(turn, ApproveRequest)
    assert approved.unverified == ["days_since_purchase", "order_id"]
    assert conversation.customer_stated == {"order_id": ["A-1001"], "days_since_purchase": [10]}


def test_an_approval_on_the_hosts_facts_lists_nothing_unverified(engine: Engine) -> None:
    _, turn = engine.start(facts={**DANA, "days_since_purchase": 10}, message="I want a refund")

    [approved] = actions_of(turn, ApproveRequest)
    assert approved.unverified == []


def test_the_host_confirming_a_stated_fact_makes_it_verified(engine: Engine) -> None:
    conversation, _ = engine.start(facts={"customer_name": "Dana", "order_id": "A-1001"}, message="I want a refund")
    conversation, turn = engine.reply(conversation, "about 10 days ago", facts={"days_since_purchase": 10})

    [approved] = actions_of(turn, ApproveRequest)
    assert approved.unverified == []
    assert conversation.customer_stated == {}


def test_an_alternative_and_compensation_on_stated_facts_list_them(engine: Engine) -> None:
    conversation, _ = engine.start(facts={"customer_name": "Dana"}, message="I want a refund")
    conversation, _ = engine.reply(conversation, "it's A-1001")
    conversation, turn = engine.reply(conversation, "45 days ago")
    _, applied = engine.reply(conversation, quick_reply="alternative:exchange")
    [alternative] = actions_of(applied, ApplyAlternative)
    assert alternative.unverified == ["days_since_purchase", "order_id"]

    conversation, _ = engine.reply(conversation, "this is a disgrace")
    conversation, turn = engine.reply(conversation, "no")
    assert turn.state == "compensation"
    _, issued = engine.reply(conversation, "yes")
    [compensation] = actions_of(issued, IssueCompensation)
    assert compensation.unverified == ["days_since_purchase", "order_id"]


def test_a_handoff_names_the_facts_only_the_customer_stated(engine: Engine) -> None:
    conversation, _ = engine.start(
        facts={"customer_name": "Dana", "days_since_purchase": 45}, message="I want a refund"
    )
    conversation, _ = engine.reply(conversation, "it's A-1001")
    _, turn = engine.reply(conversation, "get me a manager")

    [handoff] = actions_of(turn, Handoff)
    assert handoff.unverified == ["order_id"]
    assert "Stated by the customer, not verified: order_id" in handoff.summary
