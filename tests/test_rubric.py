"""The politeness rubric, judged from what was said: hand-made bad transcripts, one per practice, and the
engine's own conversations."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

import pytest

from bench.dialogue import load_suite
from flow import Engine, Policy, Turn
from flow.models import (
    ApplyAlternative,
    Close,
    FactValue,
    Handoff,
    QuickReply,
    ScheduleFollowUp,
    Signals,
)
from flow.rubric import PRACTICES, Practice, RubricResult, score
from tests.plugins.engines import DANA, IN_HOURS, OUT_OF_HOURS

AT = IN_HOURS
OFFER = ("alternative:store_credit", "alternative:exchange", "reject")
GREETING = "Hi Dana, thanks for getting in touch about a refund."
REASON = "We can refund orders for 30 days after purchase. Order A-1001 was bought 45 days ago, so I can't refund it."
APOLOGY = "I'm sorry, I know that's disappointing."
ALTERNATIVES = (
    "I can offer store credit for the full amount, valid for a year, or an exchange for another size, colour "
    "or item instead. Would one of these work?"
)
REOFFER = (
    "Would store credit for the full amount, valid for a year, or an exchange for another size, colour or item "
    "work for you?"
)
ARRANGED = (
    "Great, I've arranged your exchange for order A-1001. You'll get an email to confirm it. I'll check in with "
    "you tomorrow to make sure everything is sorted. Is there anything else I can help with?"
)
GOODBYE = "You're welcome, Dana. Have a lovely day."
EXCHANGE = ApplyAlternative(alternative="exchange", title="Exchange")
FOLLOW_UP = ScheduleFollowUp(
    at=AT + timedelta(hours=24), delay_hours=24, text="Hi Dana, it's Sam. Are you happy with how it was sorted out?"
)
HANDOFF = Handoff(reason="asked_for_person", summary="The customer asked for a person.")
PASSING_ON = (
    "I'm passing this to a colleague now. They'll see our conversation, so you won't need to repeat anything, "
    "and they'll be with you shortly."
)


def said(
    number: int,
    text: str,
    *,
    customer: str | None = None,
    button: str | None = None,
    buttons: tuple[str, ...] = (),
    actions: tuple[Any, ...] = (),
) -> Turn:
    """One turn written by hand, as a reader sees it: what the customer and agent said, and the actions.

    It carries none of the engine's labels (no transitions, no states entered, no signals); every turn
    says it ended in ``listening``, whatever happened.
    """
    return Turn(
        conversation_id="hand-made",
        number=number,
        at=AT + timedelta(minutes=number),
        customer_text=customer,
        quick_reply=button,
        state="listening",
        text=text,
        quick_replies=[QuickReply(title=payload, payload=payload) for payload in buttons],
        actions=list(actions),
    )


def refusal(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def good() -> list[Turn]:
    """A refusal done well: thanks, the request named, the reason, an apology, alternatives; the choice
    carried out with a follow-up; a warm goodbye to real thanks."""
    return [
        said(1, refusal(GREETING, REASON, APOLOGY, ALTERNATIVES), customer="Hi, I want a refund", buttons=OFFER),
        said(2, ARRANGED, customer="ok the exchange then", buttons=("thank_close",), actions=(EXCHANGE, FOLLOW_UP)),
        said(3, GOODBYE, customer="no that's all, thanks", actions=(Close(outcome="alternative_accepted"),)),
    ]


def replaced(turns: list[Turn], *changes: Turn) -> list[Turn]:
    """``turns`` with the turns of the same numbers swapped for ``changes``."""
    by_number = {t.number: t for t in turns}
    by_number.update({t.number: t for t in changes})
    return [by_number[n] for n in sorted(by_number)]


def failed(result: RubricResult) -> set[str]:
    return {point.practice for point in result.points if point.status == "failed"}


def test_a_refusal_done_well_gets_full_marks(retail: Policy) -> None:
    result = score(good(), policy=retail, facts=DANA)

    assert result.full_marks
    assert {p.practice for p in result.points if p.status == "not_applicable"} == {
        "offered_compensation",
        "stayed_calm",
        "escalated_when_needed",
        "escalation_warranted",
    }


Case = Callable[[], tuple[list[Turn], Mapping[str, FactValue]]]


def _no_thanks() -> tuple[list[Turn], Mapping[str, FactValue]]:
    opening = refusal("Hi Dana, I understand you'd like a refund.", REASON, APOLOGY, ALTERNATIVES)
    return replaced(good(), said(1, opening, customer="Hi, I want a refund", buttons=OFFER)), DANA


def _not_acknowledged() -> tuple[list[Turn], Mapping[str, FactValue]]:
    opening = refusal("Hi Dana, thanks for getting in touch.", REASON, "I'm sorry about this.", ALTERNATIVES)
    return replaced(good(), said(1, opening, customer="Hi, I want a refund", buttons=OFFER)), DANA


def _decided_before_asking() -> tuple[list[Turn], Mapping[str, FactValue]]:
    first = said(1, refusal(GREETING, REASON, APOLOGY, ALTERNATIVES), customer="I want a refund for order A-1001")
    return replaced(good(), first), {"customer_name": "Dana"}


def _jargon() -> tuple[list[Turn], Mapping[str, FactValue]]:
    opening = refusal(GREETING, f"Please be advised: {REASON}", APOLOGY, ALTERNATIVES)
    return replaced(good(), said(1, opening, customer="Hi, I want a refund", buttons=OFFER)), DANA


def _reason_removed() -> tuple[list[Turn], Mapping[str, FactValue]]:
    opening = refusal(GREETING, "I can't refund order A-1001.", APOLOGY, ALTERNATIVES)
    return replaced(good(), said(1, opening, customer="Hi, I want a refund", buttons=OFFER)), DANA


def _no_apology() -> tuple[list[Turn], Mapping[str, FactValue]]:
    opening = refusal(GREETING, REASON, ALTERNATIVES)
    return replaced(good(), said(1, opening, customer="Hi, I want a refund", buttons=OFFER)), DANA


def _no_alternative() -> tuple[list[Turn], Mapping[str, FactValue]]:
    opening = refusal(GREETING, REASON, APOLOGY, "Is there anything else I can help with?")
    return [
        said(1, opening, customer="Hi, I want a refund", buttons=("thank_close",)),
        said(2, GOODBYE, customer="no that's all, thanks", actions=(Close(outcome="declined"),)),
    ], DANA


def _alternative_never_applied() -> tuple[list[Turn], Mapping[str, FactValue]]:
    chosen = said(2, ARRANGED, customer="ok the exchange then", buttons=("thank_close",), actions=(FOLLOW_UP,))
    return replaced(good(), chosen), DANA


def _no_goodwill_for_gold() -> tuple[list[Turn], Mapping[str, FactValue]]:
    close = (
        "I understand, and I'm sorry I couldn't do more this time. If anything changes, we're here to help. "
        "Thanks for talking with us."
    )
    turns = good()[:1] + [said(2, close, customer="no, neither of those", actions=(Close(outcome="declined"),))]
    return turns, {**DANA, "loyalty_tier": "gold"}


def _cold_to_anger() -> tuple[list[Turn], Mapping[str, FactValue]]:
    first, arranged, goodbye = good()
    return [
        first,
        said(2, REOFFER, customer="This is a disgrace, I am furious", buttons=OFFER),
        said(3, arranged.text, customer="ok the exchange then", actions=(EXCHANGE, FOLLOW_UP)),
        said(4, goodbye.text, customer="no that's all, thanks", actions=(Close(outcome="alternative_accepted"),)),
    ], DANA


def _welcome_to_irony() -> tuple[list[Turn], Mapping[str, FactValue]]:
    first, arranged, goodbye = good()
    return [
        first,
        said(2, f"You're welcome. {REOFFER}", customer="Oh brilliant, thanks for nothing", buttons=OFFER),
        said(3, arranged.text, customer="ok the exchange then", actions=(EXCHANGE, FOLLOW_UP)),
        said(4, goodbye.text, customer="no that's all, thanks", actions=(Close(outcome="alternative_accepted"),)),
    ], DANA


def _manager_ignored() -> tuple[list[Turn], Mapping[str, FactValue]]:
    return good()[:1] + [said(2, REOFFER, customer="get me a manager", buttons=OFFER)], DANA


def _handed_over_unasked() -> tuple[list[Turn], Mapping[str, FactValue]]:
    handover = said(
        2, f"Of course. {PASSING_ON}", customer="There is no need for a manager.", actions=(HANDOFF, FOLLOW_UP)
    )
    return good()[:1] + [handover], DANA


def _no_follow_up() -> tuple[list[Turn], Mapping[str, FactValue]]:
    chosen = said(2, ARRANGED, customer="ok the exchange then", buttons=("thank_close",), actions=(EXCHANGE,))
    return replaced(good(), chosen), DANA


def _said_three_times() -> tuple[list[Turn], Mapping[str, FactValue]]:
    clearer = (
        "Of course, let me put it more simply. Our refund window is 30 days from the day you buy. After that, the "
        "item may already have been used or worn, so we can't resell it. Would one of these work?"
    )
    rationale = (
        "Here's the thinking behind it. We check every return and sell it again as new, which we can't do once "
        "it's been a month. Would one of these work?"
    )
    credit = (
        "Great, I've arranged your store credit for order A-1001. You'll get an email to confirm it. I'll check in "
        "with you tomorrow to make sure everything is sorted. Is there anything else I can help with?"
    )
    store_credit = ApplyAlternative(alternative="store_credit", title="Store credit")
    return [
        good()[0],
        said(2, clearer, customer="why?", buttons=OFFER),
        said(3, rationale, customer="but why though?", buttons=OFFER),
        said(4, credit, customer="fine, the credit", actions=(store_credit, FOLLOW_UP)),
        said(5, GOODBYE, customer="no that's all, thanks", actions=(Close(outcome="alternative_accepted"),)),
    ], DANA


def _curt_goodbye() -> tuple[list[Turn], Mapping[str, FactValue]]:
    bye = said(3, "Bye.", customer="no that's all, thanks", actions=(Close(outcome="alternative_accepted"),))
    return replaced(good(), bye), DANA


BAD: dict[Practice, Case] = {
    "thanked_first": _no_thanks,
    "acknowledged_concern": _not_acknowledged,
    "gathered_facts": _decided_before_asking,
    "explained_before_refusing": _jargon,
    "reason_given": _reason_removed,
    "apologized": _no_apology,
    "offered_alternative": _no_alternative,
    "choice_acted_on": _alternative_never_applied,
    "offered_compensation": _no_goodwill_for_gold,
    "stayed_calm": _cold_to_anger,
    "irony_not_thanked": _welcome_to_irony,
    "escalated_when_needed": _manager_ignored,
    "escalation_warranted": _handed_over_unasked,
    "scheduled_follow_up": _no_follow_up,
    "no_repetition": _said_three_times,
    "closed_politely": _curt_goodbye,
}
"""One hand-made transcript per practice, each breaking that practice and no other."""


def test_there_is_a_bad_transcript_for_every_practice() -> None:
    assert list(BAD) == list(PRACTICES)


@pytest.mark.parametrize("practice", list(BAD))
def test_each_bad_transcript_loses_marks_on_exactly_the_practice_it_breaks(practice: Practice, retail: Policy) -> None:
    turns, facts = BAD[practice]()

    result = score(turns, policy=retail, facts=facts)

    assert failed(result) == {practice}, [(p.practice, p.note) for p in result.points if p.status == "failed"]
    assert result.score < 1.0


@pytest.mark.parametrize(
    ("practice", "turn", "note"),
    [
        ("irony_not_thanked", 2, "thanked back an ironic message"),
        ("escalation_warranted", 2, "brought in a person although the customer had said they did not need a person"),
        ("choice_acted_on", 2, "the customer chose exchange, and it was never carried out"),
        ("reason_given", 1, "refused without giving the policy's reason"),
        ("no_repetition", 2, "said 'would one of these work?' again (first in turn 1)"),
        ("gathered_facts", 1, "decided refund without knowing the days since purchase"),
    ],
)
def test_a_failed_point_names_the_turn_and_says_what_went_wrong(
    practice: Practice, turn: int, note: str, retail: Policy
) -> None:
    turns, facts = BAD[practice]()

    point = score(turns, policy=retail, facts=facts).point(practice)

    assert (point.status, point.turn, point.note) == ("failed", turn, note)


def test_a_button_press_is_a_choice_like_words(retail: Policy) -> None:
    first, _, goodbye = good()
    pressed = said(2, ARRANGED, button="alternative:exchange", actions=(FOLLOW_UP,))

    result = score([first, pressed, goodbye], policy=retail, facts=DANA)

    assert failed(result) == {"choice_acted_on"}


def test_applying_something_else_than_the_choice_fails(retail: Policy) -> None:
    first, _, goodbye = good()
    wrong = ApplyAlternative(alternative="store_credit", title="Store credit")
    chosen = said(2, ARRANGED, customer="ok the exchange then", actions=(wrong, FOLLOW_UP))

    assert failed(score([first, chosen, goodbye], policy=retail, facts=DANA)) == {"choice_acted_on"}


def test_a_message_that_rules_a_person_out_asks_for_nobody(retail: Policy) -> None:
    first = good()[0]
    offered = said(
        2,
        "I've told you all I can about why. If you'd like, a colleague can look at it with you.",
        customer="i still don't see why",
        buttons=("person", "reject"),
    )
    handed = said(
        3,
        f"Of course. {PASSING_ON}",
        customer="no I don't need a person. fine, I'll have the exchange",
        actions=(HANDOFF, FOLLOW_UP),
    )

    result = score([first, offered, handed], policy=retail, facts=DANA)

    assert failed(result) == {"escalation_warranted", "choice_acted_on"}
    assert result.point("escalation_warranted").turn == 3


def test_a_rude_refusal_before_asking_anything_fails_most_practices(retail: Policy) -> None:
    transcript = [
        said(1, "What do you want?", customer="I'd like a refund for my order"),
        said(2, "No refunds after 30 days. That's the policy.", customer="It's order A-1234, I bought it last month"),
        said(
            3,
            "CALM DOWN. There's nothing I can do.",
            customer="This is ridiculous, I've been a customer for years! I'm furious",
            actions=(Close(outcome="declined"),),
        ),
    ]

    result = score(transcript, policy=retail)

    assert result.score < 0.2
    assert failed(result) == {
        "thanked_first",
        "acknowledged_concern",
        "gathered_facts",
        "explained_before_refusing",
        "reason_given",
        "apologized",
        "offered_alternative",
        "stayed_calm",
        "closed_politely",
    }
    calm = result.point("stayed_calm")
    assert calm.turn == 3
    assert "shouting in capitals: CALM, DOWN" in calm.note
    assert result.point("gathered_facts").turn == 2


def play(
    policy: Policy, at: datetime, facts: Mapping[str, Any], *steps: str, conversation_id: str = "played"
) -> list[Turn]:
    """A conversation with the engine and the real understanding step: messages, ``button:payload``, or
    ``check in``, ``take over``, ``person:text`` and ``hand back`` for what happens without the customer."""
    now = [at]
    engine = Engine(policy, clock=lambda: now[0])
    conversation, turn = engine.start(facts=facts, conversation_id=conversation_id)
    turns = [turn]
    for step in steps:
        now[0] += timedelta(minutes=1)
        if step == "check in":
            conversation, turn = engine.check_in(conversation)
        elif step == "take over":
            conversation, turn = engine.take_over(conversation, "Alex")
        elif step == "hand back":
            conversation, turn = engine.hand_back(conversation, "Alex")
        elif step.startswith("person:"):
            conversation, turn = engine.person_says(conversation, "Alex", step.removeprefix("person:"))
        elif step.startswith("button:"):
            conversation, turn = engine.reply(conversation, quick_reply=step.removeprefix("button:"))
        else:
            conversation, turn = engine.reply(conversation, step)
        turns.append(turn)
    return turns


def without_labels(turns: list[Turn]) -> list[Turn]:
    """The same conversation with the engine's labels gone: no transitions, no states, no signals."""
    blank: dict[str, Any] = {"state": "listening", "transitions": [], "states_entered": [], "signals": None}
    return [turn.model_copy(update={**blank, "decided": {}}) for turn in turns]


def mislabelled(turns: list[Turn]) -> list[Turn]:
    """The same conversation with every turn claiming the engine escalated, and a customer who only said hello."""
    wrong = {"state": "escalated", "transitions": ["escalate_request"], "states_entered": ["escalated"]}
    return [turn.model_copy(update={**wrong, "signals": Signals(intent="unknown")}) for turn in turns]


def dialogues(retail: Policy) -> list[tuple[str, list[Turn], Mapping[str, Any]]]:
    """The dialogue suite's first part, played through the engine (as ``python -m bench.dialogue`` does)."""
    played = []
    for index, dialogue in enumerate(load_suite(["part1"])):
        turns = play(retail, dialogue.at, dialogue.facts, *dialogue.customer, conversation_id=f"dialogue-{index}")
        played.append((dialogue.name, turns, dialogue.facts))
    return played


@pytest.fixture(scope="module")
def suite(retail: Policy) -> list[tuple[str, list[Turn], Mapping[str, Any]]]:
    return dialogues(retail)


def test_the_rubric_judges_what_was_said_not_the_engines_labels(
    suite: list[tuple[str, list[Turn], Mapping[str, Any]]], retail: Policy
) -> None:
    for name, turns, facts in suite:
        labelled = score(turns, policy=retail, facts=facts)

        assert score(without_labels(turns), policy=retail, facts=facts) == labelled, name
        assert score(mislabelled(turns), policy=retail, facts=facts) == labelled, name


FLOW_FINDINGS: dict[Practice, str] = {
    "acknowledged_concern": (
        "when the request comes after the greeting, the refusal opens with the rule; only the apology variant "
        "'I know that's disappointing' shows the agent heard anything (the greeting names the request only when "
        "it is in the opening message)"
    ),
}
"""What the engine's own good conversations fail today, and why: findings for the flow, not the rubric.

When the flow is fixed, the test below fails until the finding is taken off this list."""


def test_the_engines_good_dialogues_get_full_marks_but_for_known_findings(
    suite: list[tuple[str, list[Turn], Mapping[str, Any]]], retail: Policy
) -> None:
    failures = {}
    for name, turns, facts in suite:
        result = score(turns, policy=retail, facts=facts)
        failures[name] = failed(result)

    assert len(failures) == 20
    assert set().union(*failures.values()) == set(FLOW_FINDINGS)


@pytest.mark.parametrize(
    ("at", "facts", "steps", "passed"),
    [
        pytest.param(
            AT,
            DANA,
            ("I want a refund", "This is a disgrace, I am furious", "this is a disgrace, I am furious"),
            {"stayed_calm", "escalated_when_needed", "escalation_warranted", "scheduled_follow_up"},
            id="anger",
        ),
        pytest.param(
            AT,
            DANA,
            ("I want a refund", "I'll see you in court"),
            {"escalated_when_needed", "escalation_warranted", "scheduled_follow_up"},
            id="threat",
        ),
        pytest.param(
            AT,
            DANA,
            (
                "I want a refund",
                "I still want my money back",
                "I still want my money back",
                "I still want my money back",
            ),
            {"escalated_when_needed", "escalation_warranted"},
            id="insistence",
        ),
        pytest.param(
            OUT_OF_HOURS,
            DANA,
            ("I want a refund", "get me a manager", "yes please"),
            {"escalated_when_needed", "escalation_warranted", "choice_acted_on", "closed_politely"},
            id="callback",
        ),
        pytest.param(
            AT,
            {**DANA, "loyalty_tier": "gold"},
            ("I want a refund", "no, neither of those", "yes please", "no that's all, thanks"),
            {"offered_compensation", "choice_acted_on", "irony_not_thanked", "closed_politely"},
            id="goodwill",
        ),
        pytest.param(
            AT,
            DANA,
            ("I want a refund", "you useless idiot", "you useless idiot"),
            {"stayed_calm", "closed_politely"},
            id="abuse",
        ),
        pytest.param(
            AT,
            DANA,
            (
                "I want a refund",
                "get me a manager",
                "take over",
                "are you there?",
                "person:Hi Dana, I'm Alex. You're welcome. Sorry for the wait.",
                "hand back",
                "thanks, bye",
            ),
            {"escalated_when_needed", "escalation_warranted", "irony_not_thanked", "closed_politely"},
            id="a person takes over and hands back",
        ),
        pytest.param(
            AT,
            DANA,
            (
                "I want a refund",
                "This is a disgrace, I am furious",
                "this is a disgrace, I am furious",
                "check in",
                "yes, all sorted thanks",
            ),
            {"escalated_when_needed", "escalation_warranted", "closed_politely"},
            id="a follow-up starts the counts again",
        ),
    ],
)
def test_the_engines_escalations_and_offers_are_judged_warranted_and_carried_out(
    at: datetime, facts: Mapping[str, Any], steps: tuple[str, ...], passed: set[str], retail: Policy
) -> None:
    result = score(play(retail, at, facts, *steps), policy=retail, facts=facts)

    assert failed(result) <= set(FLOW_FINDINGS)
    assert passed <= {p.practice for p in result.points if p.status == "passed"}


def test_each_point_names_the_turn_that_shows_it(retail: Policy) -> None:
    result = score(good(), policy=retail, facts=DANA)

    assert result.point("thanked_first").turn == 1
    assert result.point("reason_given").turn == 1
    assert result.point("choice_acted_on").turn == 2
    assert result.point("scheduled_follow_up").turn == 2
    assert result.point("closed_politely").turn == 3
    assert result.point("irony_not_thanked").turn == 3


def test_without_a_policy_the_practices_that_need_one_do_not_apply() -> None:
    result = score(good(), facts=DANA)

    assert result.point("gathered_facts").status == "not_applicable"
    assert result.point("reason_given").note == "no policy to read the reasons from"
    assert result.full_marks


def test_an_empty_transcript_has_nothing_to_judge() -> None:
    result = score([])

    assert {p.status for p in result.points} == {"not_applicable"}
    assert result.score == 1.0
    assert result.conversation_id is None


def test_the_score_is_the_share_of_applicable_practices_followed(retail: Policy) -> None:
    transcript = [
        said(1, "Thanks for getting in touch. How can I help today?", customer="hello"),
        said(2, "Bye.", customer="I'll go elsewhere", actions=(Close(outcome="customer_closed"),)),
    ]

    result = score(transcript, policy=retail)

    assert (result.passed, result.failed) == (2, 1)
    assert result.score == 0.6667
    assert result.model_dump()["score"] == 0.6667
    assert result.point("closed_politely").note == "ended without a courteous word"


@pytest.mark.parametrize("practice", list(PRACTICES))
def test_every_practice_has_a_title(practice: Practice) -> None:
    result = score([])

    assert result.point(practice).title == PRACTICES[practice]
