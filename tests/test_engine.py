"""The engine end to end, with scripted understanding so each test pins one behaviour of the flow."""

from __future__ import annotations

from datetime import timedelta

import pytest

from flow import ConversationClosed, Engine, InvalidMessage, PolicyMismatch
from flow.models import Conversation
from flow.policy import Policy
from tests.plugins.engines import DANA, IN_HOURS, OUT_OF_HOURS


def action_types(turn: object) -> list[str]:
    return [a.type for a in turn.actions]  # type: ignore[attr-defined]


def test_first_reply_thanks_explains_apologizes_and_offers_in_one_turn(engine: Engine) -> None:
    conversation, turn = engine.start(facts=DANA, message="I want a refund")

    assert turn.states_entered == ["listening", "explaining", "apologizing", "offering_alternatives"]
    assert turn.state == conversation.state == "offering_alternatives"
    first, reason, apology, offer = turn.messages
    assert "Dana" in first
    assert "Thank" in first or "thank" in first
    assert "refund" in first
    assert "30 days" in reason
    assert "45 days" in reason
    assert "sorry" in apology.lower()
    assert "store credit" in offer
    assert "exchange" in offer
    assert [q.payload for q in turn.quick_replies] == [
        "alternative:store_credit",
        "alternative:exchange",
        "reject",
    ]


def test_missing_fact_is_asked_for_and_read_from_the_next_message(engine: Engine) -> None:
    conversation, turn = engine.start(facts={"customer_name": "Dana"}, message="I want a refund")
    assert turn.state == "listening"
    assert "order number" in turn.text
    assert conversation.pending_fact == "order_id"

    conversation, turn = engine.reply(conversation, "it's A-1001")
    assert conversation.facts["order_id"] == "A-1001"
    assert "When did you buy it" in turn.text

    conversation, turn = engine.reply(conversation, "45 days ago")
    assert conversation.facts["days_since_purchase"] == 45
    assert turn.states_entered == ["explaining", "apologizing", "offering_alternatives"]


def test_facts_the_customer_states_are_recorded_in_the_order_they_are_kept(engine: Engine) -> None:
    conversation, _ = engine.start(facts={"customer_name": "Dana"}, message="I want a refund")
    conversation, _ = engine.reply(conversation, "A-1001, bought 45 days ago, and it arrived broken")

    assert list(conversation.customer_stated) == [
        name for name in conversation.facts if name in {"order_id", "days_since_purchase", "condition"}
    ]


def test_an_allowed_request_is_approved_not_refused(engine: Engine) -> None:
    conversation, turn = engine.start(facts={**DANA, "days_since_purchase": 10}, message="I want a refund")

    assert conversation.state == "follow_up"
    assert conversation.outcome == "approved"
    assert action_types(turn) == ["approve_request"]
    assert "started your refund" in turn.text
    assert "anything else" in turn.text
    assert "sorry" not in turn.text.lower()

    conversation, turn = engine.reply(conversation, quick_reply="thank_close")

    assert conversation.state == "closed"
    assert action_types(turn) == ["close"]
    assert conversation.outcome == "approved"


def test_accepting_an_alternative_schedules_a_follow_up(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    conversation, turn = engine.reply(conversation, quick_reply="alternative:exchange")

    assert turn.state == "follow_up"
    assert conversation.outcome == "alternative_accepted"
    apply, follow_up = turn.actions
    assert apply.type == "apply_alternative"
    assert apply.alternative == "exchange"
    assert follow_up.type == "schedule_follow_up"
    assert follow_up.at == IN_HOURS + timedelta(hours=24)
    assert "Are you happy" in follow_up.text
    assert "Dana" in follow_up.text
    assert "tomorrow" in turn.text

    conversation, turn = engine.reply(conversation, "thanks, bye")
    assert conversation.closed
    assert turn.actions[-1].type == "close"


def test_rejection_then_compensation_for_a_loyal_customer_offered_once(engine: Engine) -> None:
    conversation, _ = engine.start(facts={**DANA, "loyalty_tier": "gold"}, message="I want a refund")
    conversation, turn = engine.reply(conversation, "no")
    assert turn.state == "compensation"
    assert "15% discount" in turn.text
    assert conversation.counters.compensation_offered

    conversation, turn = engine.reply(conversation, "yes")
    assert turn.state == "follow_up"
    assert conversation.outcome == "compensation_accepted"
    issued = turn.actions[0]
    assert issued.type == "issue_compensation"
    assert issued.reference.startswith("GW-")
    assert issued.reference in turn.text


def test_rejection_without_eligibility_closes_politely(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    conversation, turn = engine.reply(conversation, "no")
    assert conversation.closed
    assert conversation.outcome == "declined"
    assert "sorry" in turn.text.lower()


def test_compensation_is_never_offered_twice(engine: Engine) -> None:
    conversation, _ = engine.start(facts={**DANA, "loyalty_tier": "gold"}, message="I want a refund")
    conversation, _ = engine.reply(conversation, "no")
    conversation, turn = engine.reply(conversation, "why?")
    assert turn.state == "compensation"
    conversation, turn = engine.reply(conversation, "no")
    assert conversation.closed
    assert turn.state == "closed"


def test_why_gets_a_clearer_explanation_and_the_offer_resumes(engine: Engine) -> None:
    conversation, first = engine.start(facts=DANA, message="I want a refund")
    conversation, turn = engine.reply(conversation, "why?")

    assert turn.states_entered == ["explaining", "offering_alternatives"]
    assert "can't resell it" in turn.text
    assert turn.messages[0] not in first.text
    assert [q.payload for q in turn.quick_replies] == [q.payload for q in first.quick_replies]


def test_insistence_beyond_the_limit_escalates_with_a_summary(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    for _ in range(2):
        conversation, turn = engine.reply(conversation, "I still want my money back")
        assert turn.state == "offering_alternatives"
        assert "store credit" in turn.text
    conversation, turn = engine.reply(conversation, "I still want my money back")

    assert turn.state == "escalated"
    assert conversation.escalation_reason == "insistence"
    handoff = turn.actions[0]
    assert handoff.type == "handoff"
    assert handoff.reason == "insistence"
    assert "Dana" in handoff.summary
    assert "A-1001" in handoff.summary
    assert "Store credit" in handoff.summary


def test_first_angry_message_gets_a_calm_reply_the_second_escalates(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    conversation, turn = engine.reply(conversation, "this is a disgrace")
    assert turn.state == "offering_alternatives"
    assert "sorry" in turn.messages[0]
    assert turn.text.lower().count("sorry") == 1

    conversation, turn = engine.reply(conversation, "this is a disgrace")
    assert turn.state == "escalated"
    assert conversation.escalation_reason == "anger"


def test_asking_for_a_manager_in_hours_hands_over(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    conversation, turn = engine.reply(conversation, "get me a manager")
    assert turn.state == "escalated"
    assert action_types(turn) == ["handoff", "schedule_follow_up"]
    assert "colleague" in turn.text
    assert turn.quick_replies == []


def test_asking_for_a_manager_out_of_hours_offers_a_callback(make_engine) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(at=OUT_OF_HOURS)
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    conversation, turn = engine.reply(conversation, "get me a manager")
    assert turn.state == "escalated"
    assert action_types(turn) == []
    assert "09:00 to 18:00" in turn.text
    assert "callback" in turn.text
    assert [q.payload for q in turn.quick_replies] == ["accept", "reject"]

    conversation, turn = engine.reply(conversation, quick_reply="accept")
    assert conversation.closed
    assert conversation.outcome == "callback_scheduled"
    callback = turn.actions[0]
    assert callback.type == "schedule_callback"
    assert callback.at.astimezone(engine.policy.zone).hour == 9
    assert "tomorrow at 09:00" in turn.text


def test_a_threat_escalates_at_once(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    conversation, turn = engine.reply(conversation, "I'll see you in court")
    assert turn.state == "escalated"
    assert conversation.escalation_reason == "threat"


def test_abuse_gets_a_boundary_then_closes(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    conversation, turn = engine.reply(conversation, "you useless idiot")
    assert turn.state == "offering_alternatives"
    assert "respectful" in turn.text
    assert "frustrat" not in turn.text

    conversation, turn = engine.reply(conversation, "you useless idiot")
    assert conversation.closed
    assert conversation.outcome == "closed_after_abuse"


def test_a_closed_conversation_refuses_more_messages(engine: Engine) -> None:
    conversation, _ = engine.start(facts={**DANA, "days_since_purchase": 3}, message="thanks, bye")
    assert conversation.closed
    with pytest.raises(ConversationClosed, match=rf"conversation {conversation.id} is closed"):
        engine.reply(conversation, "hello")


def test_a_message_naming_as_many_orders_as_fit_is_answered_for_every_one(retail: Policy) -> None:
    engine = Engine(retail, clock=lambda: IN_HOURS)
    orders = [f"A-{1000 + n}" for n in range(280)]
    message = f"refund all bought yesterday: {' '.join(orders)}"
    assert len(message) <= 2000

    conversation, turn = engine.start(facts={"customer_name": "Dana"}, message=message)

    assert [item.facts.get("order_id") for item in conversation.agenda] == orders
    assert action_types(turn) == ["approve_request"] * len(orders)
    assert conversation.state == "follow_up"
    assert f"Order {orders[-1]} is within our 30-day window" in turn.text


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        ("", "the message is empty"),
        ("   \n\t ", "the message is empty"),
        ("x" * 2001, "the limit is 2000"),
        ("hi\x00there", "control characters"),
        ("\ud800", "not valid Unicode"),
    ],
    ids=["empty", "whitespace", "too-long", "nul-byte", "lone-surrogate"],
)
def test_bad_messages_are_refused_and_change_nothing(engine: Engine, message: str, reason: str) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    before = conversation.model_dump_json()
    with pytest.raises(InvalidMessage, match=reason):
        engine.reply(conversation, message)
    assert conversation.model_dump_json() == before


def test_a_quick_reply_that_is_not_on_offer_is_refused(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    with pytest.raises(InvalidMessage, match=r"quick reply 'accept' is not on offer now \(offered: alternative"):
        engine.reply(conversation, quick_reply="accept")


def test_text_and_quick_reply_together_are_refused(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    with pytest.raises(InvalidMessage, match="not both"):
        engine.reply(conversation, "yes", quick_reply="reject")


def test_a_conversation_of_another_policy_is_refused(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    stranger = conversation.model_copy(update={"policy": "airline"})
    with pytest.raises(PolicyMismatch, match="belongs to policy 'airline', not 'retail'"):
        engine.reply(stranger, "hello")


def test_customer_values_are_data_never_template_source(engine: Engine) -> None:
    _, turn = engine.start(facts={**DANA, "customer_name": "{{ 7*7 }}"}, message="I want a refund")
    assert "{{ 7*7 }}" in turn.text
    assert "49" not in turn.text


def test_snapshots_are_new_objects_with_the_next_version(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    assert conversation.version == 1
    after, turn = engine.reply(conversation, "why?")
    assert after is not conversation
    assert conversation.version == 1
    assert after.version == turn.number == 2
    assert Conversation.model_validate_json(after.model_dump_json()) == after


def test_the_same_conversation_always_gets_the_same_words(engine: Engine) -> None:
    one = engine.start(facts=DANA, message="I want a refund", conversation_id="c-1")[1]
    two = engine.start(facts=DANA, message="I want a refund", conversation_id="c-1")[1]
    assert one.text == two.text


def test_one_machine_serves_every_conversation(engine: Engine) -> None:
    machine = engine.machine
    for _ in range(50):
        conversation, _ = engine.start(facts=DANA, message="I want a refund")
        engine.reply(conversation, "why?")
    assert engine.machine is machine
    assert machine.models == []


def test_one_at_a_time_offers_the_next_alternative_after_a_no(make_engine) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(changes={"offer_alternatives": "one_at_a_time"})
    conversation, turn = engine.start(facts=DANA, message="I want a refund")
    assert "store credit" in turn.text
    assert "exchange" not in turn.text
    conversation, turn = engine.reply(conversation, "no")
    assert turn.transitions == ["next_alternative"]
    assert "exchange" in turn.text
    conversation, turn = engine.reply(conversation, "yes")
    assert turn.actions[0].alternative == "exchange"


def test_a_greeting_without_a_request_asks_what_the_customer_needs(engine: Engine) -> None:
    conversation, turn = engine.start(facts={"customer_name": "Dana"})
    assert turn.state == "listening"
    assert "Dana" in turn.text
    conversation, turn = engine.reply(conversation, "hello")
    assert "refund" in turn.text
    assert "cancellation" in turn.text
    assert [q.payload for q in turn.quick_replies] == ["request:refund", "request:cancel"]
    conversation, turn = engine.reply(conversation, quick_reply="request:cancel")
    assert conversation.request == "cancel"
    assert "order number" in turn.text


def test_cancellation_asks_whether_dispatched_with_yes_no_buttons(engine: Engine) -> None:
    conversation, turn = engine.start(facts={"order_id": "A-2002"}, message="I want to cancel my order")
    assert "dispatched" in turn.text
    assert [q.payload for q in turn.quick_replies] == ["accept", "reject"]
    conversation, turn = engine.reply(conversation, quick_reply="reject")
    assert conversation.outcome == "approved"
    assert "cancelled it" in turn.text


def test_the_turn_limit_escalates(make_engine) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(changes={"max_turns": 4})
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    for _ in range(2):
        conversation, turn = engine.reply(conversation, "hello")
        assert turn.state == "offering_alternatives"
    conversation, turn = engine.reply(conversation, "hello")
    assert turn.state == "escalated"
    assert conversation.escalation_reason == "turn_limit"


def test_host_facts_of_the_wrong_kind_are_refused(engine: Engine) -> None:
    with pytest.raises(InvalidMessage, match="fact 'days_since_purchase' must be a number, not 'lots'"):
        engine.start(facts={"days_since_purchase": "lots"}, message="I want a refund")


def test_host_facts_given_as_text_are_converted(engine: Engine) -> None:
    conversation, _ = engine.start(facts={"order_id": "A-1", "days_since_purchase": "45"}, message="hello")
    assert conversation.facts["days_since_purchase"] == 45


def test_a_delivered_follow_up_reopens_the_conversation_for_the_answer(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    conversation, _ = engine.reply(conversation, quick_reply="alternative:store_credit")
    conversation, _ = engine.reply(conversation, "thanks, bye")
    assert conversation.closed

    conversation, turn = engine.check_in(conversation)
    assert turn.transitions == ["check_in"]
    assert turn.state == "follow_up"
    assert "Are you happy" in turn.text
    assert turn.customer_text is None
    assert [q.payload for q in turn.quick_replies] == ["accept", "reject"]

    conversation, turn = engine.reply(conversation, quick_reply="accept")
    assert conversation.closed
    assert conversation.outcome == "alternative_accepted"


def test_an_unhappy_answer_to_the_follow_up_goes_to_a_person(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    conversation, _ = engine.reply(conversation, quick_reply="alternative:store_credit")
    conversation, _ = engine.check_in(conversation)
    conversation, turn = engine.reply(conversation, quick_reply="reject")
    assert turn.state == "escalated"
    assert conversation.escalation_reason == "unsatisfied"
    assert turn.actions[0].type == "handoff"


def test_a_follow_up_cannot_be_delivered_mid_decision(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    with pytest.raises(InvalidMessage, match="cannot be delivered while the conversation is offering_alternatives"):
        engine.check_in(conversation)


def test_a_follow_up_with_nothing_done_to_ask_about_is_refused(retail: Policy) -> None:
    engine = Engine(retail, clock=lambda: IN_HOURS)
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    conversation, _ = engine.reply(conversation, "get me a manager")
    conversation, _ = engine.reply(conversation, "actually I don't need anyone after all")
    conversation, _ = engine.reply(conversation, "thanks, bye")
    assert conversation.closed
    assert not engine.check_in_wanted(conversation)
    with pytest.raises(InvalidMessage, match="no follow-up is due"):
        engine.check_in(conversation)


def test_a_check_in_after_an_angry_handover_starts_afresh(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    conversation, _ = engine.reply(conversation, "this is a disgrace")
    conversation, turn = engine.reply(conversation, "this is a disgrace")
    assert turn.state == "escalated"
    conversation, _ = engine.check_in(conversation)
    conversation, turn = engine.reply(conversation, quick_reply="accept")
    assert turn.transitions == ["satisfied"]
    assert conversation.closed


def test_a_conversation_closed_after_abuse_gets_no_follow_up(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    for _ in range(2):
        conversation, _ = engine.reply(conversation, "you useless idiot")
    with pytest.raises(ConversationClosed):
        engine.check_in(conversation)
