"""Questions about an offer are answered by the sentence of its details that answers them."""

from __future__ import annotations

import pytest

from flow.answers import answer_sharing_words, answering_sentence, answers_to_each, questions_of, speaks_of

CREDIT = (
    "The credit goes on your account straight away, for the full amount you paid. You can spend it "
    "online or in any of our shops, on anything, sale items too, for a whole year."
)
EXCHANGE = (
    "We email you a free returns label, so postage costs you nothing. You choose the size, colour or "
    "item you'd like, and we send it as soon as yours is on its way back to us."
)
CREDIT_NAMES = ("store credit", "credit", "voucher")


@pytest.mark.parametrize(
    "question",
    ["does the credit expire?", "how long is it valid for", "how long does the voucher last?", "does it run out"],
)
def test_how_long_an_offer_lasts_is_answered_by_the_sentence_that_says_so(question: str) -> None:
    assert answering_sentence(CREDIT, question, CREDIT_NAMES) == (
        "You can spend it online or in any of our shops, on anything, sale items too, for a whole year."
    )


@pytest.mark.parametrize("question", ["how quickly do I get the credit?", "is it the full amount?"])
def test_speed_and_amount_are_answered_by_the_first_sentence(question: str) -> None:
    assert answering_sentence(CREDIT, question, CREDIT_NAMES) == (
        "The credit goes on your account straight away, for the full amount you paid."
    )


def test_cost_and_choice_questions_find_their_sentences() -> None:
    assert answering_sentence(EXCHANGE, "do I have to pay for postage?") == (
        "We email you a free returns label, so postage costs you nothing."
    )
    assert answering_sentence(EXCHANGE, "can I pick a different colour?", ("exchange",)).startswith("You choose")


RULES = (
    "You can return most items within 30 days of buying them for a full refund, delivery charge included. "
    "To send something back, print the free returns label we email you and drop the parcel at any post office."
)


RULES_AND_REFUNDS = f"{RULES} A refund reaches your card within 5 working days."


@pytest.mark.parametrize(
    "question",
    ["would I get the delivery cost back too?", "does the refund include shipping fees?", "is postage included?"],
)
def test_whether_a_refund_pays_back_the_delivery_is_answered_by_the_sentence_that_says_so(question: str) -> None:
    assert answering_sentence(RULES, question).startswith("You can return most items")


@pytest.mark.parametrize(
    "question", ["do u do refunds on earrings?", "do you refund sale items?", "do you do returns?"]
)
def test_whether_the_shop_takes_things_back_is_answered_by_the_sentence_about_returns(question: str) -> None:
    assert answering_sentence(RULES_AND_REFUNDS, question).startswith("You can return most items")


def test_how_long_refunds_take_is_still_answered_by_the_sentence_about_refunds() -> None:
    assert answering_sentence(RULES_AND_REFUNDS, "how long do refunds take?").startswith("A refund reaches")


def test_what_sending_it_back_costs_is_answered_by_the_sentence_about_the_label() -> None:
    assert answering_sentence(RULES, "do I have to pay postage to send it back?").startswith("To send something back")


def test_a_question_no_sentence_answers_better_than_another_gets_none() -> None:
    assert answering_sentence(EXCHANGE, "how does it work?", ("exchange",)) is None
    assert answering_sentence(CREDIT, "is the credit any good?", CREDIT_NAMES) is None


def test_details_of_one_sentence_have_nothing_to_choose_from() -> None:
    assert answering_sentence("We send a new one by tracked delivery.", "how long does it take?") is None


def test_the_offer_s_own_name_counts_for_nothing() -> None:
    assert answering_sentence(CREDIT, "tell me about the credit", CREDIT_NAMES) is None


def test_a_question_about_a_subject_no_sentence_names_gets_none() -> None:
    assert answering_sentence(EXCHANGE, "can you send it to my work address?", ("exchange",)) is None
    assert not speaks_of(EXCHANGE, "can you send it to my work address?")
    assert speaks_of(EXCHANGE, "how long does it take?")


_SAFETY = (
    "I'm so sorry, that must have been frightening. Please stop using it and keep it away from power for now. "
    "Our product safety team needs to look into order A-8181, and they'll make sure you get a full refund."
)


@pytest.mark.parametrize("question", ["is it safe to keep using it?", "can I still use it?", "should I keep it?"])
def test_a_question_sharing_a_word_with_what_was_told_is_answered_by_that_sentence(question: str) -> None:
    assert answer_sharing_words(_SAFETY, question) == "Please stop using it and keep it away from power for now."


@pytest.mark.parametrize("question", ["how long will it take?", "should I unplug it?"])
def test_a_topic_alone_is_too_little_to_answer_from_what_was_told(question: str) -> None:
    assert answer_sharing_words(_SAFETY, question) is None


@pytest.mark.parametrize(
    "text",
    [
        "hi, how long do refunds take? and is return postage free?",
        "how long does a refund take and do you pay return postage?",
    ],
)
def test_two_questions_are_each_answered_in_the_order_asked(text: str) -> None:
    assert answers_to_each(RULES_AND_REFUNDS, text) == (
        "A refund reaches your card within 5 working days. To send something back, print the free returns label "
        "we email you and drop the parcel at any post office."
    )


@pytest.mark.parametrize("text", ["how long do refunds take?", "how long do refunds take? how long till I see it?"])
def test_one_question_or_one_answer_is_left_to_the_single_answer(text: str) -> None:
    assert answers_to_each(RULES_AND_REFUNDS, text) is None


def test_a_statement_between_questions_is_no_question() -> None:
    assert questions_of("I bought it last week. Can I return it? And do you pay postage?") == [
        "can i return it",
        "do you pay postage",
    ]


WINDOW_AND_STATUS = (
    "You can return most items within 30 days of buying them for a full refund, delivery charge included. "
    "Orders can be cancelled until they leave our warehouse. A refund reaches your card within 5 working days "
    "of being approved (for a return, of the parcel reaching us), and you get an email when we send it."
)


@pytest.mark.parametrize(
    "question",
    [
        "how long do I have?",
        "how many days have I got left",
        "is there a deadline",
        "what's the time limit?",
        "how long do i have to send it back",
    ],
)
def test_the_time_allowed_is_answered_by_the_window_not_by_how_soon_money_comes(question: str) -> None:
    assert answering_sentence(WINDOW_AND_STATUS, question) == (
        "You can return most items within 30 days of buying them for a full refund, delivery charge included."
    )


def test_how_long_a_wait_is_not_read_as_the_time_allowed() -> None:
    assert answering_sentence(WINDOW_AND_STATUS, "how long do I have to wait?") == (
        "A refund reaches your card within 5 working days of being approved (for a return, of the parcel "
        "reaching us), and you get an email when we send it."
    )


def test_the_time_allowed_for_a_cancellation_is_answered_by_the_rule_for_cancelling() -> None:
    assert answering_sentence(WINDOW_AND_STATUS, "is there a deadline?", about="cancel") == (
        "Orders can be cancelled until they leave our warehouse."
    )
