"""The politeness rubric, judged from transcripts: the engine's own conversations and hand-made bad ones."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from flow import Engine, Policy, Signals, Turn
from flow.models import ApplyAlternative, Close, Handoff, ScheduleFollowUp
from flow.rubric import PRACTICES, Practice, RubricResult, score
from flow.simulate.runner import DEFAULT_MIX, run_range
from flow.vocabulary import Intent
from tests.plugins.engines import DANA

AT = datetime(2026, 11, 26, 11, 0, tzinfo=UTC)


def turn(number: int, text: str, **fields: Any) -> Turn:
    """A transcript turn written by hand."""
    fields.setdefault("state", "listening")
    return Turn(conversation_id="hand-made", number=number, at=AT + timedelta(minutes=number), text=text, **fields)


def said(intent: Intent, sentiment: float = 0.0) -> Signals:
    return Signals(intent=intent, confidence=0.9, sentiment=sentiment)


def statuses(result: RubricResult) -> dict[str, str]:
    return {point.practice: point.status for point in result.points}


def test_simulated_conversations_are_scored_on_every_practice(retail: Policy) -> None:
    # Simulated customers write as real ones do, so the flow misses some; the rubric must see every practice.
    summaries, played = run_range(retail, DEFAULT_MIX, 11, 0, 300, keep=True)
    results = [score(p.turns, policy=retail, facts=p.customer.known_to_host) for p in played]

    passed_somewhere = {p.practice for r in results for p in r.points if p.status == "passed"}
    assert passed_somewhere == set(PRACTICES)
    assert [s.score for s in summaries] == [r.score for r in results]
    assert Counter(s.persona for s in summaries).keys() == DEFAULT_MIX.keys()


def test_a_rude_refusal_before_asking_anything_fails_most_practices(retail: Policy) -> None:
    transcript = [
        turn(1, "What do you want?", customer_text="I'd like a refund for my order", signals=said("request_refund")),
        turn(
            2,
            "No refunds after 30 days. That's the policy.",
            customer_text="It's order A-1234, I bought it last month",
            signals=said("provide_info"),
            transitions=["refuse"],
            state="closed",
        ),
        turn(
            3,
            "CALM DOWN. There's nothing I can do.",
            customer_text="This is ridiculous, I've been a customer for years!",
            signals=said("complaint", -0.8),
            state="closed",
            actions=[Close(outcome="declined")],
        ),
    ]

    result = score(transcript, policy=retail)

    assert not result.full_marks
    assert result.score < 0.2
    assert statuses(result) == {
        "thanked_first": "failed",
        "acknowledged_concern": "failed",
        "gathered_facts": "failed",
        "explained_before_refusing": "failed",
        "apologized": "failed",
        "offered_alternative": "failed",
        "offered_compensation": "not_applicable",
        "stayed_calm": "failed",
        "escalated_when_needed": "not_applicable",
        "scheduled_follow_up": "not_applicable",
        "closed_politely": "failed",
    }
    calm = result.point("stayed_calm")
    assert calm.turn == 3
    assert "shouting in capitals: CALM, DOWN" in calm.note
    assert result.point("gathered_facts").turn == 2


def test_each_point_names_the_turn_that_shows_it(engine: Engine) -> None:
    conversation, first = engine.start(facts=DANA, message="I want a refund")
    conversation, second = engine.reply(conversation, quick_reply="alternative:store_credit")

    result = score([first, second], policy=engine.policy)

    assert result.point("thanked_first").turn == 1
    assert result.point("explained_before_refusing").turn == 1
    assert result.point("scheduled_follow_up").turn == 2
    assert result.point("closed_politely").status == "not_applicable"
    assert result.score == 1.0


def test_asking_for_a_manager_without_being_handed_over_fails(retail: Policy) -> None:
    transcript = [
        turn(
            1,
            "Thanks for getting in touch. I understand you'd like a refund. I've checked order A-1234. "
            "We can refund orders for 30 days after purchase, so I can't refund it. I'm sorry about this. "
            "What I can do is offer you store credit.",
            customer_text="I want a refund",
            signals=said("request_refund"),
            transitions=["start", "decline", "apologize", "offer"],
            states_entered=["listening", "explaining", "apologizing", "offering_alternatives"],
            state="offering_alternatives",
        ),
        turn(
            2,
            "Would store credit work for you?",
            customer_text="get me a manager",
            signals=said("ask_human"),
            transitions=["unclear"],
            states_entered=["offering_alternatives"],
            state="offering_alternatives",
        ),
    ]

    point = score(transcript, policy=retail).point("escalated_when_needed")

    assert (point.status, point.turn) == ("failed", 2)
    assert "asked for a person" in point.note


def test_an_eligible_customer_who_refuses_the_alternatives_must_be_offered_compensation(engine: Engine) -> None:
    conversation, first = engine.start(facts=DANA, message="I want a refund")
    _, declined = engine.reply(conversation, quick_reply="reject")
    transcript = [first, declined]
    assert declined.transitions == ["close_declined"]

    gold = score(transcript, policy=engine.policy, facts={**DANA, "loyalty_tier": "gold"})
    unknown_tier = score(transcript, policy=engine.policy, facts=DANA)

    assert gold.point("offered_compensation").status == "failed"
    assert gold.point("offered_compensation").turn == 2
    assert unknown_tier.point("offered_compensation").status == "not_applicable"


def test_a_delivered_follow_up_starts_the_counts_again(make_engine: Any) -> None:
    engine = make_engine(at=AT)
    conversation, first = engine.start(facts=DANA, message="this is a disgrace")
    conversation, second = engine.reply(conversation, "I want a refund")
    conversation, third = engine.reply(conversation, "this is a disgrace")
    assert third.transitions == ["escalate_anger"]
    conversation, check_in = engine.check_in(conversation)
    answer = turn(
        check_in.number + 1,
        "Thanks for chatting with us. Take care.",
        quick_reply="accept",
        signals=said("accept"),
        transitions=["satisfied"],
        states_entered=["closed"],
        state="closed",
    )

    result = score([first, second, third, check_in, answer], policy=engine.policy)

    assert check_in.transitions == ["check_in"]
    assert result.point("escalated_when_needed").status == "passed"
    assert result.point("escalated_when_needed").turn == third.number
    assert result.full_marks


def test_an_empty_transcript_has_nothing_to_judge() -> None:
    result = score([])

    assert {p.status for p in result.points} == {"not_applicable"}
    assert result.score == 1.0
    assert result.conversation_id is None


def test_the_score_is_the_share_of_applicable_practices_followed(retail: Policy) -> None:
    transcript = [
        turn(1, "Thanks for getting in touch.", customer_text="hello", signals=said("unknown")),
        turn(
            2,
            "Bye.",
            customer_text="I'll go elsewhere",
            signals=said("thank_close"),
            transitions=["customer_closed"],
            state="closed",
            actions=[Close(outcome="customer_closed")],
        ),
    ]

    result = score(transcript, policy=retail)

    assert (result.passed, result.failed) == (1, 1)
    assert result.score == 0.5
    assert result.model_dump()["score"] == 0.5
    assert result.point("closed_politely").note == "ended without a courteous word"


def test_a_resolution_without_a_follow_up_is_marked(retail: Policy) -> None:
    resolved = turn(
        1,
        "Thanks. I've arranged your exchange.",
        customer_text="exchange please",
        signals=said("accept"),
        state="follow_up",
        actions=[ApplyAlternative(alternative="exchange", title="Exchange")],
    )
    handed_over = turn(
        1,
        "Thanks. A colleague will take it from here.",
        customer_text="get me a manager",
        signals=said("ask_human"),
        states_entered=["escalated"],
        state="escalated",
        actions=[
            Handoff(reason="asked_for_person", summary="The customer asked for a person."),
            ScheduleFollowUp(at=AT + timedelta(hours=24), delay_hours=24, text="Are you happy with how it went?"),
        ],
    )

    assert score([resolved], policy=retail).point("scheduled_follow_up").status == "failed"
    assert score([handed_over], policy=retail).point("scheduled_follow_up").status == "passed"


@pytest.mark.parametrize("practice", list(PRACTICES))
def test_every_practice_has_a_title(practice: Practice) -> None:
    result = score([])

    assert result.point(practice).title == PRACTICES[practice]
