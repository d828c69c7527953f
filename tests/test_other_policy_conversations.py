"""Conversations on a policy other than the bundled shop's (the gym example): what the engine says must
come from that policy's own requests and alternatives, with nothing left blank."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from flow import Conversation, Engine, load_policy

GYM = Path(__file__).resolve().parents[1] / "docs" / "examples" / "gym" / "features" / "policies" / "gym.yaml"
NOW = datetime(2026, 12, 4, 11, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_policy(str(GYM)), clock=lambda: NOW)


def test_a_request_the_policy_does_not_handle_is_said_to_be_one(engine: Engine) -> None:
    _, turn = engine.start(facts={"customer_name": "Lu"}, message="can I get a refund for last month?")

    assert "about ." not in turn.text
    assert "from here" in turn.text
    assert "cancellation" in turn.text


@pytest.mark.parametrize(
    "message",
    [
        "Hi, I want to cancel my membership and get a refund for last month, I didn't use it at all",
        "I'd like to cancel and also want my joining fee refunded",
        "cancel my membership and refund me please",
        "I want to cancel and get my money back",
    ],
)
def test_a_request_the_policy_does_not_handle_asked_beside_one_it_does_is_not_left_unsaid(
    engine: Engine, message: str
) -> None:
    _, turn = engine.start(message=message)

    assert "refund" in turn.text.lower()
    assert "colleague" in turn.text
    assert "months are left" in turn.text


def test_an_alternative_told_while_a_fact_is_asked_for_is_noted_as_wished(engine: Engine) -> None:
    conversation, _ = engine.start(facts={"customer_name": "Lu"}, message="I want to cancel my membership")
    _, turn = engine.reply(conversation, "ok freeze it then")

    assert turn.signals is not None
    assert "choose:freeze" in [str(act) for act in turn.signals.acts]
    assert "freeze" in turn.text
    assert "months are left" in turn.text


@pytest.mark.parametrize("seed", ["a", "b", "c", "d"])
def test_an_operation_to_come_is_met_with_sorry_to_hear_it_not_sorry_it_happened(engine: Engine, seed: str) -> None:
    _, turn = engine.start(
        message="I need to pause my membership, I'm having an operation next month", conversation_id=f"op-{seed}"
    )

    assert "sorry that happened" not in turn.text
    assert "months are left" in turn.text


def test_why_a_fact_is_needed_is_answered_in_words_that_fit_any_policy(engine: Engine) -> None:
    conversation, _ = engine.start(message="I want to cancel my membership")
    _, turn = engine.reply(conversation, "why?")

    assert "order" not in turn.text
    assert "months are left" in turn.text


def test_a_number_fact_given_unasked_with_its_name_is_read(engine: Engine) -> None:
    _, turn = engine.start(facts={"customer_name": "Lu"}, message="cancel my membership please, 3 months left")

    assert turn.signals is not None
    assert turn.signals.facts.get("months_left") == 3
    assert "3 months to run" in turn.text
    assert "How many months" not in turn.text


def test_a_number_without_the_fact_s_words_is_not_taken_unasked(engine: Engine) -> None:
    _, turn = engine.start(facts={"customer_name": "Lu"}, message="I've been coming 3 times a week, cancel please")

    assert turn.signals is not None
    assert "months_left" not in turn.signals.facts
    assert "How many months are left" in turn.text


def test_a_question_about_an_offer_the_policy_says_nothing_more_of_is_not_answered_with_its_name(
    engine: Engine,
) -> None:
    conversation, _ = engine.start(facts={"customer_name": "Lu"}, message="cancel my membership, 6 months left")
    conversation, _ = engine.reply(conversation, "can I switch it to off peak instead?")
    conversation, turn = engine.reply(conversation, "does that start straight away?")

    assert "All I can tell you here" in turn.text
    _, turn = engine.reply(conversation, "and can I go back to full later?")
    assert "a colleague can tell you more" in turn.text


def test_a_question_about_the_rules_without_a_summary_says_the_answer_waits_for_the_fact(engine: Engine) -> None:
    conversation, _ = engine.start(facts={"customer_name": "Lu"}, message="I want to cancel my membership")
    conversation, turn = engine.reply(conversation, "what are my options?")

    assert turn.signals is not None
    assert [str(act) for act in turn.signals.acts] == ["ask_policy"]
    assert "How many months are left" in turn.text or "how many months are left" in turn.text
    assert any(words in turn.text for words in ("depends on", "as soon as I know", "once I know"))


@pytest.mark.parametrize(
    ("answer", "months"),
    [
        ("about eight months", 8),
        ("twenty one, I think", 21),
        ("none left, it ended last month", 0),
        ("just the one", 1),
    ],
)
def test_a_number_asked_for_is_read_when_written_in_words(engine: Engine, answer: str, months: int) -> None:
    conversation, _ = engine.start(facts={"customer_name": "Lu"}, message="I want out of my contract")
    _, turn = engine.reply(conversation, answer)

    assert turn.signals is not None
    assert turn.signals.facts.get("months_left") == months
    assert "How many months" not in turn.text


@pytest.mark.parametrize(
    ("answer", "months"),
    [
        ("9 months left. no one told me about the minimum term", 9),
        ("10 months. actually one of my friends cancelled easily", 10),
        ("8 months, no 2 ways about it I'm leaving", 8),
        ("6 months left, I mean I've been a member for 3 years", 6),
    ],
)
def test_a_number_after_a_word_of_correction_that_puts_nothing_right_is_not_read(
    engine: Engine, answer: str, months: int
) -> None:
    conversation, _ = engine.start(message="I want to cancel my membership")
    _, turn = engine.reply(conversation, answer)

    assert turn.signals is not None
    assert turn.signals.facts.get("months_left") == months


@pytest.mark.parametrize(
    ("answer", "months"),
    [
        ("i think its about 5 months. no wait, 7", 7),
        ("um 4 months i think. no sorry 14", 14),
        ("4 months, no wait, actually it's 6", 6),
        ("5 months. sorry, 6", 6),
        ("4, actually 5", 5),
    ],
)
def test_a_number_put_right_in_the_same_message_is_the_one_read(engine: Engine, answer: str, months: int) -> None:
    conversation, _ = engine.start(message="I want to cancel my membership")
    _, turn = engine.reply(conversation, answer)

    assert turn.signals is not None
    assert turn.signals.facts.get("months_left") == months
    assert f"{months} months to run" in turn.text


@pytest.mark.parametrize(
    ("message", "months"),
    [
        ("Hi, can I cancel? I've got about half a year left on it", 6),
        ("looking to cancel, a couple of months left on my contract", 2),
        ("I need to cancel. Got one and a half years left on it", 18),
        ("cancel please, a year and a half to go", 18),
        ("I want to cancel my membership, a couple of years left", 24),
        ("I want to cancel my membership, 1.5 years left", 18),
        ("I'd like to cancel, I've been with you for 3 years. about half a year left I think", 6),
        ("cancel please, I've been a member 8 months and there's 4 left", 4),
        ("I've paid 8 of my 12 months, cancel please", 4),
        ("cancel please, been with you 8 months, 4 to go", 4),
    ],
)
def test_months_left_told_unasked_in_words_are_read(engine: Engine, message: str, months: int) -> None:
    _, turn = engine.start(message=message)

    assert f"{months} months to run" in turn.text
    assert "How many months" not in turn.text


@pytest.mark.parametrize(
    "message",
    [
        "cancel my membership, my 12 months are up",
        "cancel please, my year is over",
        "Hi, I want to cancel my membership, my 12 month contract finished in October",
        "cancel my membership please, my 12-month term was up in september",
        "I'd like to cancel, my 6 month membership ran out in November",
        "my 12 month contract expired at the end of October so please cancel it",
    ],
)
def test_a_term_said_to_be_served_or_ended_leaves_nothing_to_run(engine: Engine, message: str) -> None:
    conversation, turn = engine.start(message=message)

    assert conversation.outcome == "approved", turn.text
    assert "to run" not in turn.text


@pytest.mark.parametrize(
    ("message", "months"),
    [
        ("I want to cancel my membership. Joined in September last year on an 18 month contract", 3),
        ("cancel please. I started in March 2025 on a 2 year contract", 3),
        ("I signed up for 18 months in October last year and want to cancel", 4),
        ("I want to cancel, it's a 12 month one and I started in March", 3),
    ],
)
def test_a_term_begun_in_a_month_of_another_year_counts_the_months_since(
    engine: Engine, message: str, months: int
) -> None:
    _, turn = engine.start(message=message)

    assert f"{months} months to run" in turn.text


@pytest.mark.parametrize("answer", ["I don't know exactly, it was a 12 month one", "no idea, the 18 month one"])
def test_the_length_of_the_contract_is_no_count_of_months_left(engine: Engine, answer: str) -> None:
    conversation, _ = engine.start(message="I need to stop my membership")
    _, turn = engine.reply(conversation, answer)

    assert "to run" not in turn.text


@pytest.mark.parametrize("answer", ["Two months in", "I'm 3 months into it", "about four months in"])
def test_months_already_gone_are_no_count_of_months_left(engine: Engine, answer: str) -> None:
    conversation, _ = engine.start(message="I want to cancel my membership")
    _, turn = engine.reply(conversation, answer)

    assert "to run" not in turn.text
    assert "months are left" in turn.text


@pytest.mark.parametrize(
    ("told", "months"),
    [
        ("no wait, I meant 10, not 2", 10),
        ("5 months I think", 5),
        ("ok so about 3 then", 3),
        ("no I mean I'm two months into it, I have ten left", 10),
        ("actually there are 7 months left", 7),
        ("sorry, 9 months left not 2", 9),
    ],
)
def test_months_left_put_right_after_the_refusal_are_taken_and_the_refusal_said_again(
    engine: Engine, told: str, months: int
) -> None:
    conversation, _ = engine.start(message="I want to cancel my membership")
    conversation, _ = engine.reply(conversation, "2")
    conversation, turn = engine.reply(conversation, told)

    assert conversation.state == "offering_alternatives", turn.text
    assert f"{months} months to run" in turn.text
    assert conversation.facts.get("months_left", conversation.agenda[0].facts.get("months_left")) == months


def test_months_left_put_right_to_none_cancels_the_membership(engine: Engine) -> None:
    conversation, _ = engine.start(message="I want to cancel my membership")
    conversation, _ = engine.reply(conversation, "2")
    conversation, turn = engine.reply(conversation, "sorry I meant 0, my contract has ended")

    assert conversation.outcome == "approved", turn.text


@pytest.mark.parametrize(
    "message",
    [
        "cancel please, my 12 months are up in May",
        "I want to cancel my membership, once my 12 months are up",
        "I want to cancel my membership, my free months are up",
        "I want to cancel my membership, my 3 frozen months are up",
        "I want to cancel my membership, the first 6 months are up, 6 to go",
        "I want to cancel, my 12 months are up end of January",
        "my 6 months are up but I signed for 12, can I cancel?",
        "I want to cancel, my 12 months are up january",
    ],
)
def test_a_term_not_yet_served_cancels_nothing(engine: Engine, message: str) -> None:
    conversation, turn = engine.start(message=message)

    assert conversation.outcome != "approved", turn.text


@pytest.mark.parametrize(
    "message",
    [
        "I want to cancel my membership. I've been trying to cancel for 2 years",
        "I want to cancel my membership, I joined for 2 years",
    ],
)
def test_years_that_are_no_membership_earn_no_goodwill(engine: Engine, message: str) -> None:
    conversation, _ = engine.start(message=message)
    conversation, _ = engine.reply(conversation, "8 months")
    _, turn = engine.reply(conversation, "no thanks")

    assert "personal trainer" not in turn.text


def test_the_cheaper_one_chosen_while_months_are_asked_counts_no_month(engine: Engine) -> None:
    conversation, _ = engine.start(message="Hi, I want to cancel my membership")
    _, turn = engine.reply(conversation, "I'll go with the cheaper one I think")

    assert turn.signals is not None
    assert "months_left" not in turn.signals.facts
    assert "how many months" in turn.text.lower()


@pytest.mark.parametrize(
    "told",
    [
        "Ive been a member since 2019",
        "I have been with you for 4 years",
        "I joined 3 years ago btw",
        "i've been coming here for 6 years btw",
        "I joined in 2022 btw",
        "been with you 4 years",
        "I've been coming here 3 yrs",
        "member since May 2023",
        "I've been a member for two and a half years",
        "I've been a member for over a decade now",
        "been coming here for more than 3 years",
        "I've been a member for 30 months",
        "I joined a decade ago",
    ],
)
def test_years_as_a_member_told_in_everyday_words_earn_the_goodwill_offer(engine: Engine, told: str) -> None:
    conversation, _ = engine.start(message=f"Cancel my membership please. 6 months left. {told}")
    conversation, turn = engine.reply(conversation, "no, neither of those thanks")

    assert "personal trainer" in turn.text, turn.text
    assert conversation.state != "closed"


@pytest.mark.parametrize("told", ["member for 18 months", "I've been coming here for 20 months"])
def test_less_than_two_years_told_in_months_earns_no_goodwill(engine: Engine, told: str) -> None:
    conversation, _ = engine.start(message=f"Cancel my membership please. 6 months left. {told}")
    conversation, turn = engine.reply(conversation, "no, neither of those thanks")

    assert "personal trainer" not in turn.text, turn.text
    assert conversation.facts.get("years_member") == 1


def test_holding_on_a_moment_gives_no_number(engine: Engine) -> None:
    conversation, _ = engine.start(facts={"customer_name": "Lu"}, message="I want out of my contract")
    _, turn = engine.reply(conversation, "one sec, let me check")

    assert turn.signals is not None
    assert "months_left" not in turn.signals.facts


def test_you_said_that_is_allowed_is_not_thanked(engine: Engine) -> None:
    conversation, _ = engine.start(facts={"customer_name": "Lu"}, message="cancel my membership, 8 months left")
    _, turn = engine.reply(conversation, "but I'm moving abroad!! you said that's allowed")

    assert turn.signals is not None
    assert "thank" not in [act.kind for act in turn.signals.acts]
    assert "welcome" not in turn.text.lower()


def test_a_number_fact_given_unasked_in_words_with_its_name_is_read(engine: Engine) -> None:
    _, turn = engine.start(facts={"customer_name": "Lu"}, message="cancel please, about three months left")

    assert turn.signals is not None
    assert turn.signals.facts.get("months_left") == 3
    assert "3 months to run" in turn.text


def test_asking_how_long_a_freeze_can_last_does_not_take_it(engine: Engine) -> None:
    conversation, _ = engine.start(facts={"months_left": 8}, message="I want to cancel my membership")
    conversation, turn = engine.reply(conversation, "how long can I freeze for?")

    assert turn.state == "offering_alternatives"
    assert "arranged" not in turn.text
    assert conversation.outcome is None


@pytest.mark.parametrize("told", ["i cant afford it anymore honestly", "I lost my job last month"])
def test_hard_times_told_after_a_refusal_are_met_with_sympathy_and_the_offers(engine: Engine, told: str) -> None:
    conversation, _ = engine.start(message="i want to quit the gym, 5 months left on my contract")
    _, turn = engine.reply(conversation, told)

    assert turn.state == "offering_alternatives"
    assert turn.text.startswith(("I'm sorry to hear that", "I'm sorry, that sounds hard"))
    assert "freeze" in turn.text
    assert "Thank you, I've noted that" not in turn.text


def test_something_for_the_trouble_asked_by_a_long_standing_member_gives_the_free_session(engine: Engine) -> None:
    conversation, _ = engine.start(message="cancel my membership, 6 months left, been a member for 3 years")
    conversation, _ = engine.reply(conversation, "freeze please")
    _, turn = engine.reply(conversation, "and can I get something for the trouble? ive been loyal for years")

    assert [action.type for action in turn.actions] == ["issue_compensation"]
    assert "free session with a personal trainer" in turn.text
    assert turn.state == "follow_up"


def test_something_for_the_trouble_asked_by_a_new_member_is_declined_kindly(engine: Engine) -> None:
    conversation, _ = engine.start(message="cancel membership, 4 months left")
    conversation, _ = engine.reply(conversation, "off peak please")
    _, turn = engine.reply(conversation, "can i get a free session for the hassle?")

    assert turn.actions == []
    assert "sorry" in turn.text
    assert "not able to add anything" in turn.text or "isn't something I can give" in turn.text


def test_weeks_told_when_months_left_are_asked_are_no_answer(engine: Engine) -> None:
    conversation, _ = engine.start(message="Hi, can I freeze my membership? I broke my leg")
    conversation, turn = engine.reply(conversation, "about 6 weeks in a cast")

    assert conversation.state == "listening"
    assert "months_left" not in conversation.facts
    assert "months are left" in turn.text


def test_money_back_asked_while_waiting_for_a_colleague_keeps_the_colleague(engine: Engine) -> None:
    conversation, _ = engine.start(message="your trainer was really rude to me and I want a refund for this month")
    conversation, _ = engine.reply(conversation, "it happened on tuesday")
    conversation, turn = engine.reply(conversation, "I'd rather just get my money back")

    assert conversation.state == "escalated"
    assert "don't need to join" not in turn.text
    assert "pass you to one" not in turn.text


def test_a_refusal_after_hard_times_says_sorry_to_hear_it_not_thanks_for_explaining(engine: Engine) -> None:
    _, turn = engine.start(message="cancel my membership please. 8 months left. I lost my job")

    assert "Thanks for explaining" not in turn.text
    assert "Thank you for telling me what happened" not in turn.text
    assert any(words in turn.text for words in ("sorry to hear", "going through", "sounds really hard"))


def test_a_long_standing_member_asking_for_a_free_session_instead_is_offered_it(engine: Engine) -> None:
    conversation, _ = engine.start(
        message="cancel membership. 3 months left. been a member 4 years. the showers are always cold"
    )
    conversation, turn = engine.reply(conversation, "what about a free session or something?")

    assert conversation.state == "compensation"
    assert "free session with a personal trainer" in turn.text
    conversation, turn = engine.reply(conversation, "fine, freeze it")
    assert conversation.state == "follow_up"
    assert "freeze" in turn.text


def test_a_medical_reason_is_not_wished_a_quick_recovery(engine: Engine) -> None:
    _, turn = engine.start(message="I need to cancel my membership because I'm pregnant and my doctor said no gym")

    assert "feeling better" not in turn.text
    assert "colleague" in turn.text


def test_a_plan_with_an_offer_asked_about_does_not_take_it(engine: Engine) -> None:
    conversation, _ = engine.start(message="I want to cancel my membership, I've got 2 months left")
    conversation, _ = engine.reply(conversation, "can I freeze for 2 months then cancel?")

    assert conversation.state == "offering_alternatives"


def test_a_plain_question_about_an_offer_is_not_taken_for_a_complaint(engine: Engine) -> None:
    conversation, _ = engine.start(message="cancel please, 5 months left")
    _, turn = engine.reply(conversation, "and what are the off-peak hours?")

    assert turn.signals is not None
    assert "complain" not in [act.kind for act in turn.signals.acts]
    assert "sorry it's not what you wanted" not in turn.text


def _checked_in_after_a_freeze(engine: Engine, *, months_left: int) -> Conversation:
    """A member refused a cancellation who took the freeze, at the check-in that follows."""
    conversation, _ = engine.start(message=f"cancel, {months_left} months left")
    conversation, _ = engine.reply(conversation, "freeze")
    conversation, _ = engine.check_in(conversation)
    return conversation


SUBSCRIPTION = Path(__file__).resolve().parent / "data" / "policies" / "subscription.yaml"


@pytest.fixture(scope="module")
def subscriptions() -> Engine:
    return Engine(load_policy(str(SUBSCRIPTION)), clock=lambda: NOW)


@pytest.mark.parametrize(
    "message",
    [
        "I was charged $120 for the annual plan 3 days ago, I meant to cancel. refund please",
        "I forgot to cancel before it renewed last week, can I get a refund?",
        "my plan renewed on the 1st of December and I don't need it, money back please",
    ],
)
def test_a_refund_asked_for_beside_a_cancellation_the_policy_does_not_do_is_granted(
    subscriptions: Engine, message: str
) -> None:
    conversation, turn = subscriptions.start(message=message)

    assert conversation.outcome == "approved", turn.text
    assert "refunded it in full" in turn.text
    assert "from here" not in turn.text


@pytest.mark.parametrize(
    "message",
    [
        "refund please, and cancel my plan too. it renewed yesterday",
        "I want a refund and I want to cancel. renewed on the 28th",
        "I'd like a refund and to cancel, renewed 3 days ago",
        "cancel and refund please, it renewed on the 1st",
        "I want my money back and I want to cancel, the renewal was 2 days ago",
    ],
)
def test_a_renewal_date_told_after_a_cancellation_left_to_colleagues_counts_for_the_refund(
    subscriptions: Engine, message: str
) -> None:
    conversation, turn = subscriptions.start(message=message)

    assert conversation.outcome == "approved", turn.text
    assert "when did your plan last renew" not in turn.text.lower()
    assert "colleague" in turn.text


@pytest.mark.parametrize(
    "message",
    [
        "why did you take £9.99 off me?? I cancelled weeks ago",
        "you charged me again even though I cancelled",
        "why have I been charged? I never signed up for another year",
    ],
)
def test_a_charge_the_customer_did_not_expect_is_taken_as_wanting_it_back(subscriptions: Engine, message: str) -> None:
    conversation, turn = subscriptions.start(message=message)

    assert turn.signals is not None
    assert "request:refund" in [str(act) for act in turn.signals.acts]
    assert "when did your plan last renew" in turn.text.lower()
    conversation, turn = subscriptions.reply(conversation, "it renewed 3 days ago")
    assert conversation.outcome == "approved", turn.text


@pytest.mark.parametrize(
    "message",
    [
        "charged me $120 on Nov 15 for the annual renewal, I want it back",
        "you took £120 off me for the renewal on the 15th of November, give it back",
        "the renewal payment went out on the 15th of november, can I have it back?",
        "you billed me for another year on Nov 15th, I want that back",
    ],
)
def test_a_charge_wanted_back_is_a_refund_request(subscriptions: Engine, message: str) -> None:
    conversation, turn = subscriptions.start(message=message)

    assert conversation.state == "offering_alternatives", turn.text
    assert "19 days ago" in turn.text
    assert "Basic plan" in turn.text
    assert "from here" not in turn.text


@pytest.mark.parametrize("answer", ["yes I want a refund", "yes please, a refund"])
def test_a_refund_asked_for_with_a_yes_to_a_colleague_or_a_refund_is_the_refund(
    subscriptions: Engine, answer: str
) -> None:
    conversation, turn = subscriptions.start(message="can you change my billing address?")
    assert "colleague" in turn.text
    conversation, turn = subscriptions.reply(conversation, answer)

    assert conversation.state != "escalated", turn.text
    assert "when did your plan last renew" in turn.text.lower()


@pytest.mark.parametrize(
    ("message", "answer", "outcome"),
    [
        ("Refund please it renewed on the 4th", "today", "approved"),
        ("can I have a refund? my plan renewed on the 4th", "this morning", "approved"),
        ("refund please, it renewed on the fourth", "the 4th of November", None),
        ("it renewed on the 4th and I'd like a refund", "a month ago", None),
    ],
)
def test_the_day_of_the_month_said_on_that_day_is_narrowed_not_refused(
    subscriptions: Engine, message: str, answer: str, outcome: str | None
) -> None:
    conversation, turn = subscriptions.start(message=message)

    assert conversation.state == "listening", turn.text
    assert "when did your plan last renew" in turn.text.lower()
    conversation, turn = subscriptions.reply(conversation, answer)
    assert conversation.outcome == outcome, turn.text
    assert outcome == "approved" or "30 days ago" in turn.text


@pytest.mark.parametrize("message", ["will you charge me again if I cancel?", "will I be charged next month?"])
def test_a_question_about_a_charge_to_come_asks_for_no_refund(subscriptions: Engine, message: str) -> None:
    _, turn = subscriptions.start(message=message)

    assert turn.signals is not None
    assert "request:refund" not in [str(act) for act in turn.signals.acts]


@pytest.mark.parametrize("message", ["what about pausing it instead?", "could I have it paused?"])
def test_an_alternative_named_by_its_verb_with_the_e_dropped_is_asked_about(
    subscriptions: Engine, message: str
) -> None:
    conversation, turn = subscriptions.start(message="refund please, my plan renewed three weeks ago")
    assert turn.state == "offering_alternatives"
    _, turn = subscriptions.reply(conversation, message)

    assert turn.signals is not None
    assert any(act.target == "pause" for act in turn.signals.acts), turn.signals.acts
    assert "can't help with that" not in turn.text


def test_without_a_goodwill_offer_turning_everything_down_closes_politely(subscriptions: Engine) -> None:
    conversation, turn = subscriptions.start(message="can I get a refund? it renewed about 6 weeks ago")
    assert turn.state == "offering_alternatives"
    conversation, turn = subscriptions.reply(conversation, "no thanks")

    assert conversation.closed
    assert conversation.outcome == "declined"
    assert turn.text.strip()


def test_without_a_rationale_every_why_gets_words_and_then_a_person(subscriptions: Engine) -> None:
    conversation, _ = subscriptions.start(message="refund please, it renewed 20 days ago")
    replies = []
    for _ in range(4):
        conversation, turn = subscriptions.reply(conversation, "why?")
        replies.append(turn.text)

    assert all(reply.strip() for reply in replies)
    assert "14 days are there to change your mind" in replies[0]
    assert "colleague" in replies[1]


def test_where_a_refund_goes_is_answered_from_the_policys_own_words(subscriptions: Engine) -> None:
    conversation, turn = subscriptions.start(message="Can I get a refund to a different card? It renewed 3 days ago")
    assert conversation.outcome == "approved"
    assert "goes back to the card you paid with" in turn.text

    conversation, turn = subscriptions.reply(conversation, "can it go to my paypal instead?")
    assert "goes back to the card you paid with" in turn.text
    assert "from here" not in turn.text


@pytest.mark.parametrize("answer", ["no to both", "nah both are rubbish", "no, they're both useless to me"])
def test_turning_both_offers_down_brings_the_goodwill_offer(engine: Engine, answer: str) -> None:
    conversation, turn = engine.start(facts={"years_member": 5, "months_left": 4}, message="I want to cancel")
    assert turn.state == "offering_alternatives"
    conversation, turn = engine.reply(conversation, answer)

    assert turn.state == "compensation", turn.text
    assert "free session with a personal trainer" in turn.text
    assert "one of them" not in turn.text


GENEROUS = Path(__file__).resolve().parents[1] / "docs" / "examples" / "retail-generous.yaml"


def test_telling_the_agent_to_do_something_it_cannot_read_is_not_taken_for_thanks() -> None:
    engine = Engine(load_policy(str(GENEROUS)), clock=lambda: NOW)
    conversation, _ = engine.start(message="hi, order A-1400 is 3 days late, can you do anything?")
    conversation, turn = engine.reply(conversation, "a refund is no good, I need the item!")
    assert turn.state == "follow_up", turn.text
    conversation, turn = engine.reply(conversation, "ok send a new one then")

    assert not conversation.closed, turn.text
    assert "pleasure to help" not in turn.text


@pytest.mark.parametrize("message", ["i wanna quit", "I'd like to quit please", "I want to quit, 3 months left"])
def test_quitting_is_asking_to_cancel(engine: Engine, message: str) -> None:
    _, turn = engine.start(facts={"customer_name": "Lu"}, message=message)

    assert turn.signals is not None
    assert "request:cancel" in [str(act) for act in turn.signals.acts]
    assert "what you'd like to do" not in turn.text


@pytest.mark.parametrize("message", ["my email is sam@example.com", "you can reach me on 07700 900123"])
def test_a_way_to_reach_the_customer_told_once_it_is_sorted_is_thanked_for_not_misheard(
    subscriptions: Engine, message: str
) -> None:
    conversation, turn = subscriptions.start(message="I forgot to cancel before it renewed yesterday, refund please")
    assert conversation.outcome == "approved", turn.text
    _, turn = subscriptions.reply(conversation, message)

    assert "didn't quite catch" not in turn.text
    assert "not sure what you mean" not in turn.text.lower()
    assert "thank" in turn.text.lower()


@pytest.mark.parametrize("seed", ["a", "b", "c", "d"])
def test_two_questions_the_agent_cannot_help_with_get_one_offer_of_a_colleague(engine: Engine, seed: str) -> None:
    _, turn = engine.start(
        facts={},
        message="how do I get a refund? and will I get anything back for the months I've paid?",
        conversation_id=seed,
    )

    assert "other question" not in turn.text
    assert "from here" in turn.text
    assert "colleague" in turn.text


@pytest.mark.parametrize("message", ["no then can you pause it? for 2 months", "no, could you just pause it instead?"])
def test_a_no_before_asking_for_an_offer_takes_that_offer(subscriptions: Engine, message: str) -> None:
    conversation, _ = subscriptions.start(message="Refund for my annual plan please, it renewed in August")
    conversation, turn = subscriptions.reply(conversation, message)

    assert any(action.type == "apply_alternative" and action.alternative == "pause" for action in turn.actions)
    assert "Basic plan" not in turn.text


def test_a_question_the_offer_s_own_words_answer_is_answered_without_a_shrug(subscriptions: Engine) -> None:
    conversation, _ = subscriptions.start(message="Refund for my annual plan please, it renewed in August")
    conversation, _ = subscriptions.reply(conversation, "the pause please")
    _, turn = subscriptions.reply(conversation, "and will I be charged in the pause?")

    assert "no charge while paused" in turn.text
    assert "I'm afraid" not in turn.text


@pytest.mark.parametrize(
    "message", ["Oh great, another gym that makes it impossible to leave. I want out.", "let me out of this contract"]
)
def test_wanting_out_of_the_membership_is_a_cancellation(engine: Engine, message: str) -> None:
    _, turn = engine.start(facts={"customer_name": "Lu"}, message=message)

    assert turn.signals is not None
    assert "request:cancel" in [str(act) for act in turn.signals.acts]
    assert "months are left" in turn.text


@pytest.mark.parametrize(
    "message",
    [
        "renewed 10 days ago. could I go to basic instead of a refund?",
        "refund please, renewed 10 days ago. actually, could I just go to basic instead?",
    ],
)
def test_an_offer_named_by_the_capitalised_name_in_its_text_is_taken(subscriptions: Engine, message: str) -> None:
    _, turn = subscriptions.start(message=message)

    assert any(action.type == "apply_alternative" and action.alternative == "downgrade" for action in turn.actions)
    assert "from here" not in turn.text


def test_a_question_about_the_offer_named_by_its_capitalised_name_is_about_that_offer(subscriptions: Engine) -> None:
    conversation, _ = subscriptions.start(message="I want a refund, my plan renewed 20 days ago")
    _, turn = subscriptions.reply(conversation, "could I go to basic instead?")

    assert "not something I can help with" not in turn.text
    assert "Basic plan" in turn.text


def test_a_question_about_the_difference_owed_is_about_the_plan_taken_and_a_yes_keeps_it(subscriptions: Engine) -> None:
    conversation, _ = subscriptions.start(message="refund please, renewed 30 days ago", conversation_id="diff")
    conversation, _ = subscriptions.reply(conversation, "downgrade please")
    conversation, turn = subscriptions.reply(conversation, "do I get the difference as cash or credit?")

    assert turn.signals is not None
    assert [str(act) for act in turn.signals.acts] == ["ask_about:downgrade"]
    assert "pause" not in turn.text
    _, turn = subscriptions.reply(conversation, "ok cool")
    assert not any(action.type == "apply_alternative" for action in turn.actions)


@pytest.mark.parametrize("message", ["can I pause now and downgrade later?", "could I downgrade and then pause after?"])
def test_two_offers_asked_for_one_after_the_other_set_up_neither_and_ask_which(
    subscriptions: Engine, message: str
) -> None:
    conversation, _ = subscriptions.start(message="refund please, renewed 30 days ago", conversation_id="seq")
    _, turn = subscriptions.reply(conversation, message)

    assert not any(action.type == "apply_alternative" for action in turn.actions)
    assert "downgrade" in turn.text
    assert "pause" in turn.text
    assert turn.state == "offering_alternatives"


@pytest.mark.parametrize("message", ["that's not what your website says", "that is not what your terms say"])
def test_disputing_the_rule_presses_the_refund_and_keeps_the_offers_open(subscriptions: Engine, message: str) -> None:
    conversation, _ = subscriptions.start(message="refund please, renewed 30 days ago", conversation_id="dispute")
    _, turn = subscriptions.reply(conversation, message)

    assert turn.signals is not None
    assert [str(act) for act in turn.signals.acts] == ["insist"]
    assert turn.state == "offering_alternatives"


def test_a_guess_at_the_date_is_not_taken_for_another_question(subscriptions: Engine) -> None:
    _, turn = subscriptions.start(
        message="my plan renewed 2 weeks ago and I'd like a refund but honestly I'm not sure of the exact day, could be"
        " 13 days"
    )

    assert "other question" not in turn.text


def test_the_charge_complained_of_is_not_answered_as_another_question(subscriptions: Engine) -> None:
    _, turn = subscriptions.start(
        message="I cancelled my plan back in October, before it renewed, but you still charged me 3 weeks ago. I want "
        "that money back"
    )

    assert "other question" not in turn.text
    assert "14 days" in turn.text


def test_what_the_customer_meant_to_do_before_the_renewal_is_no_request(subscriptions: Engine) -> None:
    _, turn = subscriptions.start(message="I want a refund. I meant to cancel before it renewed")

    assert turn.signals is not None
    assert [str(act) for act in turn.signals.acts] == ["request:refund"]
    assert "when did your plan last renew" in turn.text.lower()


def test_a_count_of_days_put_right_after_the_date_is_the_one_read(subscriptions: Engine) -> None:
    conversation, _ = subscriptions.start(message="I want a refund")
    conversation, turn = subscriptions.reply(conversation, "it renewed about 20 days ago, no wait, 12")

    assert turn.signals is not None
    assert turn.signals.facts.get("days_since_renewal") == 12
    assert conversation.outcome == "approved", turn.text


@pytest.mark.parametrize(
    "question", ["did it go through?", "can you confirm the refund went through?", "is it done yet?"]
)
def test_whether_what_was_just_set_up_is_done_is_answered_without_a_status_text(
    subscriptions: Engine, question: str
) -> None:
    conversation, _ = subscriptions.start(message="hi! plan renewed 9 days ago, I'd like a refund please")
    _, turn = subscriptions.reply(conversation, question)

    assert "done" in turn.text
    assert "refund" in turn.text
    assert "from here" not in turn.text
    assert "outside what I can do" not in turn.text


def test_a_question_about_an_earlier_refund_is_still_not_answered_without_a_status_text(subscriptions: Engine) -> None:
    conversation, _ = subscriptions.start(message="hi! plan renewed 9 days ago, I'd like a refund please")
    _, turn = subscriptions.reply(conversation, "is my other refund done?")

    assert "that's done" not in turn.text


def test_keeping_the_plan_after_a_refund_takes_the_refund_back(subscriptions: Engine) -> None:
    conversation, _ = subscriptions.start(message="refund please, it renewed about 10 days ago")
    _, turn = subscriptions.reply(conversation, "hmm actually I changed my mind, I'll keep the plan")

    assert [action.type for action in turn.actions] == ["withdraw_approval"]


@pytest.mark.parametrize(
    "message", ["cancel my plan and refund me", "I want to cancel my subscription and get a refund"]
)
def test_cancelling_and_a_refund_to_a_policy_that_only_refunds_keeps_the_refund(
    subscriptions: Engine, message: str
) -> None:
    conversation, _ = subscriptions.start(message=message)
    conversation, turn = subscriptions.reply(conversation, "10 days ago")

    assert conversation.outcome == "approved", turn.text


def test_a_refused_refund_is_not_said_to_be_done(subscriptions: Engine) -> None:
    conversation, _ = subscriptions.start(message="I want a refund")
    conversation, _ = subscriptions.reply(conversation, "20 days ago")
    conversation, _ = subscriptions.reply(conversation, "the pause")
    _, turn = subscriptions.reply(conversation, "did the refund go through?")

    assert "that's done" not in turn.text


def test_keeping_the_plan_taken_at_the_check_in_withdraws_nothing(engine: Engine) -> None:
    conversation, _ = engine.start(message="I want to cancel my membership")
    conversation, _ = engine.reply(conversation, "6")
    conversation, _ = engine.reply(conversation, "the off-peak plan")
    conversation, _ = engine.check_in(conversation)
    _, turn = engine.reply(conversation, "yes, I'll keep the plan")

    assert all(action.type != "withdraw_alternative" for action in turn.actions)


@pytest.mark.parametrize(
    "message",
    ["I want to cancel, I got a new job in March and the shifts are long", "can I move to the off-peak plan?"],
)
def test_a_new_job_or_a_move_to_another_plan_is_no_move_away(engine: Engine, message: str) -> None:
    _, turn = engine.start(message=message)

    assert turn.signals is not None
    assert "circumstance" not in turn.signals.facts


@pytest.mark.parametrize(
    ("message", "days"),
    [
        ("I request the refund of my annual subscription. The renewal happened 16 days ago.", 16),
        ("I would like a refund please. I noticed you took a payment on the 15th of November.", 19),
        ("refund please, renewed 15/11", 19),
        ("refund please, the charge went through on Nov 22", 12),
        ("refund please, it came out on the 22nd", 12),
        ("refund please, charged Nov. 2nd", 32),
    ],
)
def test_a_renewal_told_in_other_words_is_dated(subscriptions: Engine, message: str, days: int) -> None:
    _, turn = subscriptions.start(message=message)

    assert turn.signals is not None
    assert turn.signals.facts.get("days_since_renewal") == days


def test_cannot_afford_a_renewal_asks_for_what_the_policy_does(subscriptions: Engine) -> None:
    conversation, turn = subscriptions.start(
        message="My subscription renewed 2 days ago and I can't afford it. Is there anything you can do?"
    )

    assert conversation.outcome == "approved", turn.text


def test_a_physiotherapist_advising_against_the_gym_is_a_medical_reason(engine: Engine) -> None:
    _, turn = engine.start(
        message="Regrettably, my knees are no longer what they were and my physiotherapist has advised against further"
        " use of the equipment. I should like to cancel my membership, please. Four months remain on my contract."
    )

    assert turn.signals is not None
    assert turn.signals.facts.get("circumstance") == "illness"
    assert "end a contract early" in turn.text


@pytest.mark.parametrize(
    "message",
    [
        "I want to cancel, I have been injured since 2022",
        "I want to cancel, I've been going through a divorce since 2024",
    ],
)
def test_a_year_since_something_else_is_no_membership(engine: Engine, message: str) -> None:
    _, turn = engine.start(message=message)

    assert turn.signals is not None
    assert "years_member" not in turn.signals.facts


def test_being_unable_to_come_in_still_chooses_the_freeze(engine: Engine) -> None:
    conversation, _ = engine.start(message="cancel please, 4 months left")
    _, turn = engine.reply(conversation, "I wont be able to come in so a freeze please")

    assert turn.signals is not None
    assert "choose:freeze" in [str(act) for act in turn.signals.acts]


def test_a_payment_that_bounced_does_not_date_the_renewal(subscriptions: Engine) -> None:
    _, turn = subscriptions.start(message="refund please, the payment bounced 5 days ago, it renewed 20 days ago")

    assert turn.signals is not None
    assert turn.signals.facts.get("days_since_renewal") == 20


@pytest.mark.parametrize(
    "message", ["I don't want a pause or a downgrade, I want to cancel", "no. cancel it then", "I just want to cancel"]
)
def test_asking_to_cancel_while_offers_are_open_offers_a_colleague_rather_than_closing(
    subscriptions: Engine, message: str
) -> None:
    conversation, _ = subscriptions.start(message="I want a refund, it renewed on Oct 20")
    conversation, turn = subscriptions.reply(conversation, message)

    assert conversation.state == "offering_alternatives", turn.text
    assert "colleague" in turn.text
    assert "can't make an exception" not in turn.text
    conversation, turn = subscriptions.reply(conversation, "yes please")
    assert conversation.state == "escalated", turn.text


@pytest.mark.parametrize(
    ("told", "said"),
    [
        ("my husband passed away last month and I can't face going anymore", "sorry for your loss"),
        ("sorry, I forgot to mention I'm moving to Australia in February", "end a contract early"),
    ],
)
def test_a_reason_for_an_exception_told_after_an_offer_was_taken_goes_to_a_colleague(
    engine: Engine, told: str, said: str
) -> None:
    conversation, _ = engine.start(message="cancel, 5 months left")
    conversation, _ = engine.reply(conversation, "freeze")
    conversation, turn = engine.reply(conversation, told)

    assert conversation.state == "escalated", turn.text
    assert said in turn.text
    assert "putting that right" not in turn.text
    kinds = [action.type for action in turn.actions]
    assert "withdraw_alternative" in kinds
    assert any(getattr(action, "reason", None) == "exception" for action in turn.actions)


def test_a_fact_told_after_an_offer_was_taken_that_changes_nothing_keeps_it(engine: Engine) -> None:
    conversation, _ = engine.start(message="cancel, 5 months left")
    conversation, _ = engine.reply(conversation, "freeze")
    conversation, turn = engine.reply(conversation, "I've been a member for 3 years by the way")

    assert conversation.state == "follow_up", turn.text
    assert "withdraw_alternative" not in [action.type for action in turn.actions]


@pytest.mark.parametrize(
    ("told", "circumstance"),
    [
        ("I'm actually moving to Canada in March", "moving"),
        ("I'm pregnant and my midwife said no more heavy training", "illness"),
    ],
)
def test_a_reason_for_leaving_told_in_everyday_words_is_read(engine: Engine, told: str, circumstance: str) -> None:
    conversation, _ = engine.start(message="cancel please")
    _, turn = engine.reply(conversation, told)

    assert turn.signals is not None
    assert turn.signals.facts.get("circumstance") == circumstance


@pytest.mark.parametrize(
    "message", ["can I speak to whoever makes these decisions?", "let me talk to whoever is in charge"]
)
def test_asking_for_whoever_decides_asks_for_a_person(engine: Engine, message: str) -> None:
    conversation, _ = engine.start(message="cancel, 6 months left")
    conversation, turn = engine.reply(conversation, message)

    assert conversation.state == "escalated", turn.text


@pytest.mark.parametrize("message", ["it ran out in November so it should be done", "my contract has run out"])
def test_a_contract_that_ran_out_has_nothing_left_to_run(engine: Engine, message: str) -> None:
    conversation, _ = engine.start(message="hi, please cancel my membership")
    conversation, turn = engine.reply(conversation, message)

    assert conversation.outcome == "approved", turn.text


@pytest.mark.parametrize(
    "message",
    [
        "Hello, I'd like to end my gym contract. There's 4 months left on it",
        "I want to cancel and get the difference back",
    ],
)
def test_a_cancellation_said_beside_other_words_is_still_asked_for(engine: Engine, message: str) -> None:
    _, turn = engine.start(message=message)

    assert turn.signals is not None
    assert "request:cancel" in [str(act) for act in turn.signals.acts]


def test_a_frank_no_at_the_check_in_is_a_no(engine: Engine) -> None:
    conversation = _checked_in_after_a_freeze(engine, months_left=5)
    conversation, turn = engine.reply(conversation, "honestly no, I still want out")

    assert conversation.state == "escalated", turn.text


@pytest.mark.parametrize(
    "message",
    [
        "could you tell me what the basic plan includes compared to what I have now?",
        "can you tell me what the pause involves?",
    ],
)
def test_asking_to_be_told_about_an_offer_sets_nothing_up(subscriptions: Engine, message: str) -> None:
    conversation, _ = subscriptions.start(message="refund please, it renewed 3 weeks ago")
    conversation, turn = subscriptions.reply(conversation, message)

    assert conversation.state == "offering_alternatives", turn.text
    assert all(action.type != "apply_alternative" for action in turn.actions)
    _, turn = subscriptions.start(message=message)
    assert turn.signals is not None
    assert not any(act.kind == "choose" for act in turn.signals.acts)


@pytest.mark.parametrize(
    "told",
    [
        "perfect, that covers me while I recover from my knee surgery",
        "great, that's perfect while we're moving house",
        "thanks. I'm also moving to early mornings so that works",
    ],
)
def test_a_circumstance_told_in_passing_by_a_member_pleased_with_the_offer_keeps_it(engine: Engine, told: str) -> None:
    conversation, _ = engine.start(message="cancel, 6 months left")
    conversation, _ = engine.reply(conversation, "freeze")
    conversation, turn = engine.reply(conversation, told)

    assert conversation.state != "escalated", turn.text
    assert all(action.type != "withdraw_alternative" for action in turn.actions)


def test_a_happy_answer_opening_with_honestly_at_the_check_in_is_no_complaint(engine: Engine) -> None:
    conversation = _checked_in_after_a_freeze(engine, months_left=6)
    conversation, turn = engine.reply(conversation, "honestly no problems, all good thanks")

    assert conversation.state != "escalated", turn.text


@pytest.mark.parametrize(
    "message",
    [
        "thanks for renewing my plan, can I get a copy of the receipt?",
        "thank you for renewing so fast, how do I update my card?",
    ],
)
def test_thanks_for_a_renewal_said_gladly_is_no_sarcasm(subscriptions: Engine, message: str) -> None:
    _, turn = subscriptions.start(message=message)

    assert turn.signals is not None
    assert not turn.signals.irony


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        ("not really, my dad died on Sunday and I won't be coming back", "sorry for your loss"),
        ("no, I'm moving to Spain next month", "end a contract early"),
    ],
)
def test_a_reason_for_an_exception_told_as_a_no_at_the_check_in_is_reviewed(
    engine: Engine, answer: str, said: str
) -> None:
    conversation = _checked_in_after_a_freeze(engine, months_left=5)
    conversation, turn = engine.reply(conversation, answer)

    assert said in turn.text
    assert any(getattr(action, "reason", None) == "exception" for action in turn.actions), turn.text


def test_thinking_over_an_offer_while_leaving_takes_nothing(subscriptions: Engine) -> None:
    conversation, _ = subscriptions.start(message="refund please, it renewed 3 weeks ago")
    conversation, _ = subscriptions.reply(conversation, "is the pause free?")
    conversation, turn = subscriptions.reply(conversation, "no thanks, bye for now, I'll think about the downgrade")

    assert all(action.type != "apply_alternative" for action in turn.actions), turn.text


def test_a_cancellation_asked_for_beside_an_offer_taken_is_said_to_be_a_colleague_s(subscriptions: Engine) -> None:
    conversation, _ = subscriptions.start(message="refund please, it renewed 3 weeks ago")
    conversation, turn = subscriptions.reply(conversation, "ok the pause, and cancel auto-renew please")

    assert any(action.type == "apply_alternative" for action in turn.actions)
    assert "colleague" in turn.text


def test_a_refund_just_refused_is_not_offered_again_as_something_to_help_with(subscriptions: Engine) -> None:
    conversation, _ = subscriptions.start(message="refund my renewal, 20 days ago")
    conversation, _ = subscriptions.reply(conversation, "downgrade")
    _, turn = subscriptions.reply(conversation, "hmm")

    assert "help with a refund" not in turn.text


def test_an_offer_asked_for_as_well_as_a_refund_started_is_asked_about_not_swapped_in(subscriptions: Engine) -> None:
    conversation, _ = subscriptions.start(message="refund please, it renewed on the 1st")
    conversation, turn = subscriptions.reply(
        conversation, "thank you so much. Actually wait, can I also downgrade so it's cheaper next year?"
    )

    assert all(action.type != "apply_alternative" for action in turn.actions), turn.text
    assert re.search(r"downgrade (instead of|rather than|than) a refund", turn.text), turn.text


@pytest.mark.parametrize(
    "message", ["off peak please. I'm actually moving to evening sessions anyway", "I'm moving to the off-peak plan"]
)
def test_moving_to_another_time_or_plan_is_no_move_away(engine: Engine, message: str) -> None:
    conversation, _ = engine.start(message="cancel, 7 months left")
    _, turn = engine.reply(conversation, message)

    assert turn.signals is not None
    assert "circumstance" not in turn.signals.facts


def test_no_idea_yet_said_frankly_is_time_asked_for(engine: Engine) -> None:
    conversation, _ = engine.start(message="how long can I freeze for?")
    conversation, turn = engine.reply(conversation, "honestly no idea what I want yet")

    assert "give_time" in turn.transitions, turn.text


@pytest.mark.parametrize("first", ["refund please, it renewed 5 days ago", "refund please, it renewed 25 days ago"])
def test_did_it_work_asks_whether_what_was_set_up_is_done(subscriptions: Engine, first: str) -> None:
    conversation, turn = subscriptions.start(message=first)
    if conversation.state == "offering_alternatives":
        conversation, _ = subscriptions.reply(conversation, "pause")
    _, turn = subscriptions.reply(conversation, "did it work?")

    assert "that's done" in turn.text, turn.text


@pytest.mark.parametrize(
    "told",
    [
        "all good thanks, though I'm moving to Cork next year so I may need to cancel then",
        "thanks. oh and my wife died in the summer, her membership needs cancelling too",
    ],
)
def test_a_circumstance_said_in_passing_by_a_pleased_member_keeps_the_offer(engine: Engine, told: str) -> None:
    conversation, _ = engine.start(message="cancel, 7 months left")
    conversation, _ = engine.reply(conversation, "freeze")
    conversation, turn = engine.reply(conversation, told)

    assert all(action.type != "withdraw_alternative" for action in turn.actions), turn.text


@pytest.mark.parametrize(
    ("told", "said"),
    [
        ("I got a job in Berlin, starting January, so neither of those is any use", "your move"),
        ("I've been transferred to the London office from January", "your move"),
        ("we bought a house in Kildare, nowhere near any of your gyms, so a freeze is pointless", "your move"),
        ("relocating to Cork for work", "your move"),
        ("I've taken a position in Galway", "your move"),
        ("the nearest gym of yours will be 40km from my new place", "your move"),
        ("I was in a car accident two weeks ago and I'm in a neck brace", "Thank you for telling me"),
        (
            "my depression has been really bad since the summer and I can't face going in. I've been signed off "
            "work with stress",
            "Thank you for telling me",
        ),
        ("the knee is acting up again after the operation in march", "Thank you for telling me"),
        ("I've had a knee replacement and can't train for months", "Thank you for telling me"),
        ("I'm off work with stress and anxiety", "Thank you for telling me"),
    ],
)
def test_a_move_away_or_a_medical_reason_told_in_everyday_words_goes_to_a_colleague_kindly(
    engine: Engine, told: str, said: str
) -> None:
    conversation, _ = engine.start(message="I want to cancel my membership, there are 5 months left")
    conversation, turn = engine.reply(conversation, told)

    assert conversation.state == "escalated", turn.text
    assert said in turn.text
    assert "frustrating" not in turn.text


@pytest.mark.parametrize(
    ("told", "sympathy"),
    [
        ("I'm moving house to the other side of the city", False),
        ("moving house but staying in Dublin", False),
        ("we're moving house, still in the area though", False),
        ("my mum has dementia and I'm her full time carer now", True),
        ("I'm looking after my dad full time now, I just can't get to the gym", True),
        ("I've become a carer for my mother", True),
    ],
)
def test_a_circumstance_the_policy_does_not_cover_keeps_the_offers_and_promises_nothing(
    engine: Engine, told: str, sympathy: bool
) -> None:
    conversation, _ = engine.start(message="I want to cancel my membership, there are 5 months left")
    conversation, turn = engine.reply(conversation, told)

    assert conversation.state == "offering_alternatives", turn.text
    assert "early" not in turn.text
    assert "didn't quite catch" not in turn.text
    assert ("sorry" in turn.text.lower()) or not sympathy, turn.text


def test_a_medical_reason_told_beside_a_grudging_choice_goes_to_a_colleague(engine: Engine) -> None:
    conversation, _ = engine.start(message="I want to cancel my membership, there are 5 months left")
    conversation, turn = engine.reply(conversation, "ugh fine, freeze. oh and I had a hip replacement in October")

    assert conversation.state == "escalated", turn.text
    assert "freeze" in turn.text


@pytest.mark.parametrize(
    "answer", ["sure, why not", "yeah why not", "why not, go on", "ok why not", "oh go on then, why not"]
)
def test_why_not_said_with_a_yes_takes_the_offer_described(engine: Engine, answer: str) -> None:
    conversation, _ = engine.start(message="I want to cancel my membership, there are 3 months left")
    conversation, _ = engine.reply(conversation, "tell me about the freeze")
    conversation, turn = engine.reply(conversation, answer)

    assert turn.signals is not None
    assert [str(act) for act in turn.signals.acts] == ["choose:freeze"]
    assert conversation.state == "follow_up", turn.text


@pytest.mark.parametrize("answer", ["why not?", "but why not?", "why not then"])
def test_why_not_on_its_own_still_asks_why(engine: Engine, answer: str) -> None:
    conversation, _ = engine.start(message="I want to cancel my membership, there are 3 months left")
    _, turn = engine.reply(conversation, answer)

    assert turn.signals is not None
    assert [str(act) for act in turn.signals.acts] == ["ask_why"]


@pytest.mark.parametrize(
    "answer",
    [
        "yes thanks. oh and I forgot to say, I'm moving to London in January so I'll need to cancel after all",
        "all good thanks, but I've got a job in Berlin so I need to cancel after all",
        "yes fine, though I'm relocating to Cork in February, so I'll have to cancel after all",
    ],
)
def test_a_reason_told_at_the_check_in_with_the_cancellation_asked_after_all_goes_to_a_colleague(
    engine: Engine, answer: str
) -> None:
    conversation, _ = engine.start(message="I want to cancel my membership, there are 3 months left")
    conversation, _ = engine.reply(conversation, "freeze")
    conversation, _ = engine.check_in(conversation)
    conversation, turn = engine.reply(conversation, answer)

    assert turn.signals is not None
    assert "cancel_request:cancel" not in [str(act) for act in turn.signals.acts]
    assert conversation.state == "escalated", turn.text
    assert "your move" in turn.text


@pytest.mark.parametrize(
    "answer",
    [
        "yes thanks, and sorry I forgot to mention earlier, I was made redundant last week. is there anything you "
        "can do about the fees?",
        "yes it's fine, but I lost my job last month. could you lower the fees at all?",
    ],
)
@pytest.mark.parametrize("seed", ["a", "b", "c"])
def test_hard_times_and_a_question_beside_a_yes_at_the_check_in_are_answered_not_closed(
    engine: Engine, answer: str, seed: str
) -> None:
    conversation, _ = engine.start(
        message="I want to cancel my membership, there are 3 months left", conversation_id=f"fees-{seed}"
    )
    conversation, _ = engine.reply(conversation, "freeze")
    conversation, _ = engine.check_in(conversation)
    conversation, turn = engine.reply(conversation, answer)

    assert conversation.state == "follow_up", turn.text
    assert "sorry" in turn.text.lower()
    assert "colleague" in turn.text


@pytest.mark.parametrize(
    "kept",
    ["ok never mind then, keep the pause", "forget it, I'll stick with the pause", "never mind, leave the pause"],
)
def test_keeping_what_was_set_up_after_asking_about_a_refund_takes_nothing_back(
    subscriptions: Engine, kept: str
) -> None:
    conversation, _ = subscriptions.start(message="renewed 20 days ago. refund?")
    conversation, _ = subscriptions.reply(conversation, "pause")
    conversation, _ = subscriptions.reply(conversation, "actually can I still get the refund if I pause?")
    _, turn = subscriptions.reply(conversation, kept)

    assert all(action.type != "withdraw_alternative" for action in turn.actions), turn.text
    assert "cancelled" not in turn.text, turn.text


@pytest.mark.parametrize(
    "pleading",
    [
        "it's 15 days, surely one day doesn't matter",
        "surely a single day doesn't make a difference?",
        "what's one day?? come on",
    ],
)
def test_pleading_that_a_day_over_hardly_matters_presses_for_the_refund(subscriptions: Engine, pleading: str) -> None:
    conversation, _ = subscriptions.start(message="refund pls, renewed 15 days ago")
    conversation, turn = subscriptions.reply(conversation, pleading)

    assert [str(act) for act in turn.signals.acts] == ["insist"], turn.signals.acts
    assert conversation.state == "offering_alternatives", turn.text


@pytest.mark.parametrize(
    "mulling", ["ok fair enough, you've been great. let me think about it", "got it. let me talk to my partner first"]
)
def test_taking_a_refusal_in_then_asking_for_time_chooses_nothing(subscriptions: Engine, mulling: str) -> None:
    conversation, _ = subscriptions.start(message="renewed 25 days ago, can I get a refund?")
    _, turn = subscriptions.reply(conversation, mulling)

    assert [str(act) for act in turn.signals.acts] == ["hold"], turn.signals.acts
    assert "which" not in turn.text.lower(), turn.text


@pytest.mark.parametrize(
    ("first", "question"),
    [
        (
            "renewed 40 days ago. what would the pause involve exactly?",
            "ok and what if I want to cancel during the pause?",
        ),
        ("renewed like 6 weeks ago can i get money back", "hmm, and can I switch back to the full plan later?"),
    ],
)
def test_a_question_supposing_an_offer_takes_nothing(subscriptions: Engine, first: str, question: str) -> None:
    conversation, _ = subscriptions.start(message=first)
    _, turn = subscriptions.reply(conversation, question)

    assert all(action.type != "apply_alternative" for action in turn.actions), turn.text
    assert all(act.kind not in ("choose", "request") for act in turn.signals.acts), turn.signals.acts


def test_a_refund_asked_for_after_a_pause_asked_for_by_name_is_told_why_not(subscriptions: Engine) -> None:
    conversation, _ = subscriptions.start(message="can i pause my plan? it renewed on 20th october")
    _, turn = subscriptions.reply(conversation, "thanks. actually, could I get a refund instead?")

    assert "14 days" in turn.text, turn.text
    assert "has to stay the same" not in turn.text, turn.text
    assert "change the answer" not in turn.text, turn.text


def test_after_the_refund_is_started_a_message_not_understood_offers_no_refund_again(subscriptions: Engine) -> None:
    conversation, _ = subscriptions.start(message="refund please, renewed 5 days ago")
    _, turn = subscriptions.reply(conversation, "hmm interesting")

    assert "help with a refund" not in turn.text, turn.text


@pytest.mark.parametrize("told", ["yes thanks, the money came back already", "all good, money's back in my account"])
def test_money_told_as_back_at_the_check_in_closes_happily(subscriptions: Engine, told: str) -> None:
    conversation, _ = subscriptions.start(message="refund please, renewed 5 days ago")
    conversation, _ = subscriptions.check_in(conversation)
    conversation, turn = subscriptions.reply(conversation, told)

    assert "satisfied" in turn.transitions, turn.text
    assert conversation.state == "closed", turn.text


@pytest.mark.parametrize(
    "told",
    ["my wife and I are having a baby in March and honestly there's no way I'll have time", "my wife is pregnant"],
)
def test_a_baby_on_the_way_is_no_illness_and_promises_no_early_end(engine: Engine, told: str) -> None:
    conversation, _ = engine.start(message="cancel, 4 months left")
    conversation, turn = engine.reply(conversation, told)

    assert conversation.state != "escalated", turn.text
    assert "end a contract early" not in turn.text, turn.text


@pytest.mark.parametrize(
    "sarcastic",
    [
        "great job charging me for another year, really appreciate it",
        "wonderful, now i'm paying for something i can't use. appreciate it",
    ],
)
def test_appreciation_beside_a_charge_or_a_refusal_is_heard_as_sarcasm(subscriptions: Engine, sarcastic: str) -> None:
    conversation, _ = subscriptions.start(message="renewed 25 days ago, refund")
    conversation, turn = subscriptions.reply(conversation, sarcastic)

    assert conversation.state != "closed", turn.text
    assert all(act.kind not in ("thank", "choose") for act in turn.signals.acts), turn.signals.acts


def test_a_question_about_switching_later_beside_a_supposed_pause_takes_nothing(subscriptions: Engine) -> None:
    _, turn = subscriptions.start(
        message="renewed 3 weeks ago. if I take the pause now, could I still switch to the downgrade later on?"
    )

    assert all(action.type != "apply_alternative" for action in turn.actions), turn.text


def test_the_day_of_today_said_beside_last_month_is_last_month(subscriptions: Engine) -> None:
    _, turn = subscriptions.start(message="refund please, it renewed last month on the 4th")

    assert "30 days ago" in turn.text, turn.text


def test_signed_up_for_a_term_is_no_contract_said_to_be_over(engine: Engine) -> None:
    _, turn = engine.start(message="hiya, want to cancel my gym membership, signed up for 12 months back in february")

    assert turn.signals is not None
    assert turn.signals.facts.get("months_left") == 2
    assert "cancelled your membership" not in turn.text, turn.text


def test_cheers_after_an_alternative_is_described_keeps_the_cancellation(engine: Engine) -> None:
    conversation, _ = engine.start(message="cancel my membership, contract ended in october")
    conversation, _ = engine.reply(conversation, "oh right. how does the off peak one work?")
    _, turn = engine.reply(conversation, "cheers")

    assert "swap_approval" not in turn.transitions, turn.text
    assert all(action.type != "apply_alternative" for action in turn.actions), turn.text


@pytest.mark.parametrize(
    "told",
    [
        "my job in Tesco ended",
        "I posted to Facebook about it",
        "I bought a new house in Dublin but I'm staying in the area",
    ],
)
def test_a_place_named_without_a_move_away_is_no_move(engine: Engine, told: str) -> None:
    conversation, _ = engine.start(message="I want to cancel my membership, there are 5 months left")
    _, turn = engine.reply(conversation, told)

    assert turn.signals is not None
    assert turn.signals.facts.get("circumstance") != "moving", turn.text


def test_money_told_as_back_keeps_another_request_beside_it(subscriptions: Engine) -> None:
    conversation, _ = subscriptions.start(message="refund please, renewed 5 days ago")
    _, turn = subscriptions.reply(conversation, "got my money back thanks. can you cancel my plan too?")

    assert any(act.kind == "request" and act.target == "cancel" for act in turn.signals.acts), turn.signals.acts


def test_a_question_after_supposing_an_offer_is_about_that_offer(subscriptions: Engine) -> None:
    conversation, _ = subscriptions.start(message="my plan renewed like a month ago and I barely use it. refund?")
    conversation, _ = subscriptions.reply(conversation, "what would the downgrade cost me?")
    _, turn = subscriptions.reply(conversation, "hmm ok and if I pause, when does it start charging again?")

    assert [str(act) for act in turn.signals.acts] == ["ask_about:pause"], turn.signals.acts
