"""What a message does in the conversation it is written in: dropping a request, changing a choice,
choosing by command or by place, turning a person down, asking after an earlier refund, leaving."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from flow.loading import load_policy
from flow.reading import PolicyReading
from flow.understanding import Understander

NOW = datetime(2026, 11, 24, 11, 30, tzinfo=UTC)
READING = PolicyReading(load_policy("retail"))
UNDERSTANDER = Understander()
ASKED_ORDER = {"request": "refund", "asked": "order_id"}
OFFERED = {"state": "offering_alternatives", "request": "refund", "offered": ("store_credit", "exchange")}
PERSON_OFFERED = {**OFFERED, "question": "person"}


def acts(text: str, context: dict[str, Any]) -> list[str]:
    signals = UNDERSTANDER.understand(text, READING.context(now=NOW, **context))
    return [str(act) for act in signals.acts]


@pytest.mark.parametrize(
    "text",
    ["you know what, we'll just keep them", "I think I'll hold onto it, thanks anyway",
     "oh never mind, I might as well keep it", "on second thoughts I'd rather keep it",
     "nah scratch that, I'm going to keep hold of it", "I'll hang on to it after all",
     "actually don't worry about it", "leave it, it's fine"],
)  # fmt: skip
def test_letting_the_request_go_without_naming_it_drops_the_request_in_hand(text: str) -> None:
    assert "cancel_request:refund" in acts(text, ASKED_ORDER)


@pytest.mark.parametrize(
    "text",
    ["I don't want to keep it", "can I keep it while the new one is sent?", "I'll keep it until the replacement comes",
     "I'll keep the box", "keep me posted please"],
)  # fmt: skip
def test_keeping_something_is_not_dropping_the_request_when_it_does_not_mean_so(text: str) -> None:
    assert not any(a.startswith("cancel_request") for a in acts(text, ASKED_ORDER))


def test_keeping_the_item_drops_nothing_when_no_request_is_in_hand() -> None:
    assert not any(a.startswith("cancel_request") for a in acts("I'll just keep it", {}))


def test_keeping_the_item_while_offers_are_on_the_table_drops_the_request() -> None:
    assert "cancel_request:refund" in acts("oh it's already been sent? never mind then, I'll keep it", OFFERED)


@pytest.mark.parametrize(
    ("text", "chosen"),
    [("exchange please - actually no, scrap that, the credit makes more sense", "store_credit"),
     ("credit please. actually no, make it the exchange", "exchange"),
     ("the exchange. no wait, the store credit", "store_credit"),
     ("I'll take the credit, scratch that, the exchange is better", "exchange"),
     ("voucher please... on second thoughts, the exchange", "exchange"),
     ("exchange - actually ignore that, store credit", "store_credit")],
)  # fmt: skip
def test_taking_a_choice_back_in_the_same_message_keeps_the_last_choice_and_the_request(text: str, chosen: str) -> None:
    assert acts(text, OFFERED) == [f"choose:{chosen}"]


@pytest.mark.parametrize("text", ["actually scrap the refund altogether", "actually forget it, I'll just keep it"])
def test_dropping_the_request_while_offers_are_on_the_table_still_drops_it(text: str) -> None:
    assert acts(text, OFFERED) == ["cancel_request:refund"]


def test_turning_the_goodwill_offer_down_and_leaving_it_is_a_refusal_not_a_dropped_request() -> None:
    compensation = {"state": "compensation", "request": "refund", "offered": ("compensation",)}
    assert acts("no, thank you, I'll leave it", compensation) == ["reject:compensation", "thank"]


@pytest.mark.parametrize(
    ("text", "chosen"),
    [("whatever, do the exchange", "exchange"), ("just do the credit then", "store_credit"),
     ("fine, go for the exchange", "exchange"), ("sort me out with the store credit", "store_credit"),
     ("ok go with the exchange", "exchange"), ("do the exchange please", "exchange"),
     ("fine, do the exchange then", "exchange"), ("go on then, exchange", "exchange")],
)  # fmt: skip
def test_a_command_that_names_an_offer_chooses_it(text: str, chosen: str) -> None:
    assert acts(text, OFFERED) == [f"choose:{chosen}"]


@pytest.mark.parametrize(
    ("text", "about"),
    [("do the vouchers expire", "store_credit"), ("do you do exchanges?", "exchange"),
     ("does the exchange cost anything?", "exchange")],
)  # fmt: skip
def test_questions_that_open_like_commands_still_ask(text: str, about: str) -> None:
    assert acts(text, OFFERED) == [f"ask_about:{about}"]


@pytest.mark.parametrize(
    ("text", "chosen"),
    [("no I don't need a person. fine, I'll have the exchange", "exchange"),
     ("no need for anyone, I'll take the credit", "store_credit"),
     ("don't pass me on, the store credit is fine", "store_credit"),
     ("nah, I'll just go with the exchange", "exchange"), ("ok, actually the credit will do", "store_credit"),
     ("fine, do the exchange", "exchange")],
)  # fmt: skip
def test_a_choice_answers_the_offer_of_a_person_with_no(text: str, chosen: str) -> None:
    read = acts(text, PERSON_OFFERED)
    assert f"choose:{chosen}" in read
    assert "ask_human" not in read


@pytest.mark.parametrize("text", ["yes please", "yes, put me through", "ok go ahead", "ok fine"])
def test_a_plain_yes_to_the_offer_of_a_person_asks_for_one(text: str) -> None:
    assert acts(text, PERSON_OFFERED) == ["ask_human"]


@pytest.mark.parametrize("text", ["ok I'll wait", "ah ok, I'll give it a few more days then, thanks"])
def test_waiting_instead_is_no_to_the_offer_of_a_person(text: str) -> None:
    assert "ask_human" not in acts(text, {"question": "person"})


@pytest.mark.parametrize(
    "text",
    ["just checking on my refund for A-3122, did it go through?", "has my refund been processed yet?",
     "any news on my refund?", "what's happening with my refund? it's been a week",
     "I was told my refund was sent on Monday, where is it?", "did my refund go through?",
     "following up on the refund you promised", "where's my money, you said it was refunded last week"],
)  # fmt: skip
def test_asking_after_an_earlier_refund_is_a_status_question_not_a_new_request(text: str) -> None:
    read = acts(text, {})
    assert "ask_status" in read
    assert "request:refund" not in read


@pytest.mark.parametrize(
    "text",
    ["I want a refund", "can I get a refund please", "I want a refund because I haven't received my order",
     "I'd like a refund, I haven't heard anything from the courier", "could I get a full refund, it never came"],
)  # fmt: skip
def test_asking_for_a_refund_is_a_request_even_beside_news_of_the_order(text: str) -> None:
    read = acts(text, {})
    assert "request:refund" in read
    assert "ask_status" not in read


@pytest.mark.parametrize(
    ("text", "chosen"),
    [("the second one please", "exchange"), ("I'll go with the 2nd option", "exchange"), ("number two", "exchange"),
     ("option 2 please", "exchange"), ("first one, thanks", "store_credit"), ("the last one", "exchange"),
     ("the latter please", "exchange")],
)  # fmt: skip
def test_an_offer_is_chosen_by_its_place_in_the_list(text: str, chosen: str) -> None:
    assert f"choose:{chosen}" in acts(text, OFFERED)


def test_a_choice_by_place_keeps_the_rest_of_the_message() -> None:
    assert acts("ok, the second one please, thanks", OFFERED) == ["choose:exchange", "thank"]


def test_the_place_follows_the_order_things_were_offered_in() -> None:
    swapped = {**OFFERED, "offered": ("exchange", "store_credit")}
    assert acts("the second one please", swapped) == ["choose:store_credit"]


@pytest.mark.parametrize(
    ("text", "chosen"),
    [("ok, credit's fine then, thanks, that's all I needed", "store_credit"),
     ("the exchange please, that's everything, bye", "exchange"),
     ("credit is fine, thanks, that's all", "store_credit"),
     ("I'll take the store credit, cheers, bye", "store_credit"),
     ("exchange then. that's all I wanted, thank you", "exchange"),
     ("go with the credit please, that will be all", "store_credit")],
)  # fmt: skip
def test_choosing_and_leaving_in_one_message_reads_both(text: str, chosen: str) -> None:
    read = acts(text, OFFERED)
    assert f"choose:{chosen}" in read
    assert "goodbye" in read


THREE_OFFERED = {
    "state": "offering_alternatives",
    "request": "refund",
    "offered": ("store_credit", "exchange", "free_return"),
}


@pytest.mark.parametrize(
    "text",
    ["oh just forget it", "never mind that, it doesn't matter", "forget the whole thing",
     "doesn't matter any more, thanks", "forget it, it's not worth the hassle", "ugh, never mind"],
)  # fmt: skip
@pytest.mark.parametrize("context", [ASKED_ORDER, OFFERED], ids=["asked", "offered"])
def test_dropping_without_naming_the_request_drops_the_one_in_hand(text: str, context: dict[str, Any]) -> None:
    assert "cancel_request:refund" in acts(text, context)


@pytest.mark.parametrize(
    "text",
    ["my own fault, I ordered the wrong size", "I picked the wrong colour, silly me", "sorry, I bought two by accident",
     "I clicked the wrong size by mistake"],
)  # fmt: skip
def test_owning_up_to_a_mistake_is_no_complaint(text: str) -> None:
    assert "complain" not in acts(text, {})


@pytest.mark.parametrize(
    ("text", "chosen"),
    [("oh great, another voucher. fine, I'll take the exchange", "exchange"),
     ("oh brilliant, another voucher, just what I needed. ok fine, I'll have the exchange then", "exchange"),
     ("great, thanks for nothing. fine, store credit", "store_credit"),
     ("just perfect. whatever, give me the credit", "store_credit")],
)  # fmt: skip
def test_a_resigned_choice_after_irony_is_still_a_choice(text: str, chosen: str) -> None:
    read = acts(text, OFFERED)
    assert f"choose:{chosen}" in read
    assert [a for a in read if a.startswith("choose")] == [f"choose:{chosen}"]


@pytest.mark.parametrize("text", ["oh perfect, store credit. just perfect.", "thanks a bunch, the exchange, lucky me"])
def test_an_offer_named_inside_the_irony_is_not_chosen(text: str) -> None:
    assert not any(a.startswith("choose") for a in acts(text, OFFERED))


@pytest.mark.parametrize(
    ("text", "chosen"),
    [("no. fine, the exchange", "exchange"), ("nah, credit then", "store_credit"),
     ("no I don't need a person. fine, exchange", "exchange")],
)  # fmt: skip
def test_a_no_beside_a_choice_turns_down_the_person_not_everything(text: str, chosen: str) -> None:
    assert acts(text, PERSON_OFFERED) == ["not ask_human", f"choose:{chosen}"]


@pytest.mark.parametrize(
    "text",
    ["have you refunded me yet?", "did you cancel it yet?", "is the refund done?",
     "has order A-4410 been cancelled yet?", "can you check whether my refund has been sent?", "was it cancelled?"],
)  # fmt: skip
def test_asking_whether_something_was_done_is_a_status_question(text: str) -> None:
    read = acts(text, {})
    assert "ask_status" in read
    assert not any(a.startswith("request") for a in read)


@pytest.mark.parametrize(
    ("text", "chosen"),
    [("the third one", "free_return"), ("the last option please", "free_return"), ("option 1", "store_credit"),
     ("I'll go with the second option", "exchange")],
)  # fmt: skip
def test_a_place_in_a_longer_list_picks_that_offer(text: str, chosen: str) -> None:
    assert f"choose:{chosen}" in acts(text, THREE_OFFERED)


@pytest.mark.parametrize(
    ("text", "chosen"),
    [("the free return for the second one", "free_return"), ("exchange the first one please", "exchange"),
     ("store credit for the last one", "store_credit")],
)  # fmt: skip
def test_an_offer_named_outright_beats_a_place_in_the_list(text: str, chosen: str) -> None:
    assert [a for a in acts(text, THREE_OFFERED) if a.startswith("choose")] == [f"choose:{chosen}"]


@pytest.mark.parametrize(
    ("text", "chosen"),
    [("store credit, thanks, bye", "store_credit"), ("I'll have the exchange. cheers, bye!", "exchange"),
     ("exchange would be great thank you, goodbye", "exchange")],
)  # fmt: skip
def test_a_choice_with_thanks_and_goodbye_reads_all_three(text: str, chosen: str) -> None:
    read = acts(text, OFFERED)
    assert f"choose:{chosen}" in read
    assert "goodbye" in read


@pytest.mark.parametrize(
    "text",
    ["can't you make an exception?", "could you not bend the rules just this once?",
     "surely you can make an exception for a loyal customer", "is there no way to make an allowance for me?"],
)  # fmt: skip
def test_asking_for_an_exception_presses_the_request(text: str) -> None:
    assert "insist" in acts(text, OFFERED)


@pytest.mark.parametrize(
    "text",
    ["what's the difference between the two?", "which is quicker?", "which one would you recommend?",
     "how do they compare?", "which would arrive sooner?"],
)  # fmt: skip
def test_comparing_the_offers_asks_about_every_one(text: str) -> None:
    assert acts(text, OFFERED) == ["ask_about:all"]


@pytest.mark.parametrize(
    "text",
    ["I need to return something", "I want to send something back", "hi, I'd like to make a return",
     "how do I start a return?", "returning a coat that doesn't fit"],
)  # fmt: skip
def test_wanting_to_return_something_is_a_request_not_a_question_about_the_rules(text: str) -> None:
    assert "request:refund" in acts(text, {})


@pytest.mark.parametrize("text", ["what's your returns policy?", "can I return sale items?"])
def test_asking_about_the_return_rules_stays_a_policy_question(text: str) -> None:
    assert acts(text, {}) == ["ask_policy"]


@pytest.mark.parametrize(
    ("text", "beyond"),
    [("what's the difference between that and store credit?", False),
     ("what's the difference between store credit and an exchange?", False),
     ("can you refund the difference between what I paid and the sale price?", True),
     ("I just want the price difference back", True)],
)  # fmt: skip
def test_comparing_offers_is_no_ask_for_a_price_difference(text: str, beyond: bool) -> None:
    signals = UNDERSTANDER.understand(text, READING.context(now=NOW, **OFFERED))
    assert ("beyond" in signals.slots) is beyond
