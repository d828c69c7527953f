"""What a message tells about the order and the customer: what went wrong with it, what happened to them,
how long ago they bought it, and how angry they are."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from flow import Engine
from flow.loading import load_policy
from flow.models import FactValue, Signals, Span
from flow.reading import PolicyReading
from flow.understanding import Understander

NOW = datetime(2026, 11, 24, 11, 30, tzinfo=UTC)
RETAIL = load_policy("retail")
READING = PolicyReading(RETAIL)
UNDERSTANDER = Understander()
ANGER = RETAIL.escalation.anger_threshold


def read(text: str, **context: object) -> Signals:
    return UNDERSTANDER.understand(text, READING.context(now=NOW, **context))  # type: ignore[arg-type]


def fact(text: str, name: str, **context: object) -> FactValue:
    return read(text, **context).facts.get(name)


@pytest.mark.parametrize(
    "text",
    ["you've sent me a blue kettle when I ordered the cream one", "they sent me a large when I'd ordered a medium",
     "I ordered the walnut table and got an oak one", "ordered the oak one, got pine",
     "you've delivered a green jumper instead of the red one I paid for", "I asked for size 6 and you sent an 8",
     "you sent size 8 not 10", "this isn't the model I ordered", "that's not the colour I chose",
     "the box had someone else's shoes in it", "got a completely different item",
     "got a parcel today with someone elses stuff in it??"],
)  # fmt: skip
def test_the_shop_sending_something_other_than_was_ordered_is_a_wrong_item(text: str) -> None:
    assert fact(text, "condition") == "wrong_item"


@pytest.mark.parametrize(
    "text",
    ["it's the wrong colour for my kitchen", "the colour is wrong for our living room",
     "it's just the wrong shade for me", "I ordered the wrong size", "I clicked the wrong size, my mistake",
     "I picked the wrong one by accident", "ordered a phone case by mistake, it's for the wrong model",
     "I ordered it on Monday and got it today", "I ordered a kettle and got a refund last year"],
)  # fmt: skip
def test_the_customers_own_choice_or_taste_is_not_a_wrong_item(text: str) -> None:
    assert fact(text, "condition") != "wrong_item"


@pytest.mark.parametrize(
    "text",
    ["the stitching has come apart after three months", "my blender's motor died",
     "the handle snapped off after a week", "my kettle just died", "the battery is dead after two days",
     "the sole has come away", "the seams came undone", "it won't charge any more", "the lid cracked",
     "the strap broke", "it died after a week", "it leaks"],
)  # fmt: skip
def test_things_that_broke_or_died_are_faulty(text: str) -> None:
    assert fact(text, "condition") == "faulty"


@pytest.mark.parametrize(
    "text",
    ["nothing wrong with it, I just don't like it", "it works fine, I just changed my mind", "my dad died last month",
     "I'm dead tired of chasing this", "are you brain dead"],
)  # fmt: skip
def test_no_fault_is_read_where_there_is_none(text: str) -> None:
    assert fact(text, "condition") is None


@pytest.mark.parametrize(
    "text",
    ["my father died", "my grandmother passed away last week", "my husband died suddenly", "we lost my dad in October",
     "there's been a death in the family", "I had to go to my uncle's funeral", "my mum has died"],
)  # fmt: skip
def test_a_persons_death_is_a_bereavement(text: str) -> None:
    assert fact(text, "circumstance") == "bereavement"


@pytest.mark.parametrize(
    "text",
    ["my blender's motor died", "the battery died", "my phone died on me", "it died after a week",
     "the battery is dead", "I'm dead tired of chasing this"],
)  # fmt: skip
def test_a_thing_that_died_is_no_bereavement(text: str) -> None:
    assert fact(text, "circumstance") is None


@pytest.mark.parametrize(
    "text",
    ["I was in hospital", "I've been really ill", "had surgery on my knee", "I was signed off sick",
     "I've been in and out of hospital", "I had an operation in October"],
)  # fmt: skip
def test_a_stay_in_hospital_or_an_illness_is_illness(text: str) -> None:
    assert fact(text, "circumstance") == "illness"


@pytest.mark.parametrize(
    ("text", "days"),
    [("I got it a few weeks ago", Span(low=14, high=35)), ("bought it a few days ago", Span(low=2, high=5)),
     ("I bought it ages ago", Span(low=28)), ("I bought it a while back", Span(low=7)),
     ("ordered it quite a while ago", Span(low=14)), ("I bought it a long time ago", Span(low=28)),
     ("I bought it a couple of weeks ago", 14), ("I only bought it the other day", Span(low=1, high=7)),
     ("it was the week before this that I ordered it", Span(low=2, high=8))],
)  # fmt: skip
def test_vague_periods_are_ranges_of_days(text: str, days: FactValue) -> None:
    assert fact(text, "days_since_purchase") == days


@pytest.mark.parametrize(
    ("text", "days"),
    [("refund A-1234, 40 days", 40), ("refund please, about six weeks.", 42), ("3 weeks", 21),
     ("I bought it on Black Friday", 361), ("ordered on cyber monday", 358)],
)  # fmt: skip
def test_a_length_of_time_on_its_own_and_named_shopping_days_date_the_purchase(text: str, days: int) -> None:
    assert fact(text, "days_since_purchase") == days


@pytest.mark.parametrize(
    ("text", "days"),
    [("end of last month", Span(low=24, high=34)), ("mid last month", Span(low=35, high=44)),
     ("early last month", Span(low=45, high=54)), ("it was a Monday, the 2nd of November I think", 22)],
)  # fmt: skip
def test_part_of_last_month_and_a_date_beside_its_weekday_answer_when_it_was_bought(text: str, days: FactValue) -> None:
    assert fact(text, "days_since_purchase", request="refund", asked="days_since_purchase") == days


@pytest.mark.parametrize(
    "text", ["I waited 40 days for a reply", "it arrived in 3 days, broken", "delivery takes 5 days, right?"]
)
def test_a_length_of_time_inside_a_sentence_about_something_else_dates_nothing(text: str) -> None:
    assert fact(text, "days_since_purchase") is None


@pytest.mark.parametrize(
    ("text", "days"),
    [("it came on the 18th of november", 6), ("it was delivered 3 days ago", 3),
     ("the parcel was delivered on the 10th", 14), ("it only turned up yesterday", 1),
     ("I received it on 1 October", 54)],
)  # fmt: skip
def test_a_delivery_date_says_it_was_bought_that_long_ago_or_earlier(text: str, days: int) -> None:
    assert fact(text, "days_since_purchase", request="refund", asked="days_since_purchase") == Span(low=days)


@pytest.mark.parametrize(
    ("text", "days"),
    [("I got a dress in the sale last Friday", 4), ("got a new kettle 3 weeks ago and it broke", 21),
     ("I got an email on Monday", None), ("I got a refund last week", None), ("I got the wrong one yesterday", None),
     ("the boots I got 3 weeks ago rub my heels", 21), ("the dress I got on Monday is too small", 1),
     ("the email I got yesterday", None)],
)  # fmt: skip
def test_getting_a_thing_dates_the_purchase_and_getting_a_message_does_not(text: str, days: int | None) -> None:
    assert fact(text, "days_since_purchase") == days


def test_a_purchase_date_beside_a_delivery_date_is_the_one_read() -> None:
    text = "it only arrived last week but I bought it on the 2nd of October"
    assert fact(text, "days_since_purchase", request="refund", asked="days_since_purchase") == 53


def test_an_arrival_long_past_the_refund_window_settles_the_refund_without_a_purchase_date() -> None:
    engine = Engine(RETAIL, clock=lambda: NOW)
    conversation, _ = engine.start(facts={"order_id": "A-3130"}, message="I'd like a refund please")
    _, turn = engine.reply(conversation, "it was delivered on the 1st of September")
    assert "more than 84 days ago" in turn.text
    assert turn.state == "offering_alternatives"


def test_a_recent_arrival_asks_for_a_closer_date_instead_of_the_same_question_again() -> None:
    engine = Engine(RETAIL, clock=lambda: NOW)
    conversation, first = engine.start(facts={"order_id": "A-3130"}, message="I'd like a refund please")
    _, turn = engine.reply(conversation, "it came on the 20th")
    assert "approve_request" not in [a.type for a in turn.actions]
    assert "still need" not in turn.text
    assert turn.text != first.text
    assert "when did you buy it?" in turn.text.lower()


def test_a_vague_answer_to_when_it_was_bought_is_a_range_too() -> None:
    assert fact("ages ago tbh", "days_since_purchase", request="refund", asked="days_since_purchase") == Span(low=28)


def test_a_few_weeks_across_the_refund_window_is_narrowed_down_before_deciding() -> None:
    engine = Engine(RETAIL, clock=lambda: NOW)
    _, turn = engine.start(facts={"order_id": "A-3130"}, message="can I get a refund, I got it a few weeks ago")
    assert "approve_request" not in [a.type for a in turn.actions]
    assert "closer date" in turn.text or "more exact" in turn.text or "narrow it down" in turn.text


@pytest.mark.parametrize(
    "text",
    ["I ordered the wrong size, my own fault really", "sorry for wasting your time", "ordered it by mistake",
     "I measured wrong", "my bad", "my mistake, I picked the wrong colour", "totally my fault, I measured it wrong",
     "sorry to bother you, I accidentally ordered two", "apologies for the hassle, I clicked the wrong size",
     "silly me, I should have checked the dimensions"],
)  # fmt: skip
def test_owning_up_or_apologising_is_not_anger(text: str) -> None:
    assert read(text).sentiment >= -0.2 > ANGER


@pytest.mark.parametrize(
    "text",
    ["This is absolutely disgraceful, this is how you treat me??", "I'm fuming", "I'm absolutely livid",
     "this is beyond a joke now", "how dare you treat customers like this", "your service is unacceptable",
     "appalling", "is this how you treat loyal customers??", "my own fault, but your service is appalling"],
)  # fmt: skip
def test_anger_in_so_many_words_is_anger(text: str) -> None:
    assert read(text).sentiment <= -0.75 < ANGER


@pytest.mark.parametrize(
    "text", ["I'm not angry, just a bit disappointed", "not furious, just tired of waiting", "thanks, that's great"]
)
def test_anger_words_that_are_negated_or_missing_leave_vaders_score(text: str) -> None:
    assert read(text).sentiment == pytest.approx(SentimentIntensityAnalyzer().polarity_scores(text)["compound"])


def test_the_raw_vader_score_stays_available() -> None:
    text = "I ordered the wrong size, my own fault really"
    assert UNDERSTANDER.sentiment(text) == pytest.approx(SentimentIntensityAnalyzer().polarity_scores(text)["compound"])
    assert UNDERSTANDER.sentiment(text) < read(text).sentiment


def test_owning_up_does_not_count_as_anger_and_fury_does() -> None:
    engine = Engine(RETAIL, clock=lambda: NOW)
    facts = {"order_id": "A-3135", "days_since_purchase": 39}
    calm, _ = engine.start(
        facts=facts, message="could I return a shirt for a refund? I ordered the wrong size, my fault"
    )
    angry, _ = engine.start(facts=facts, message="I want a refund. This is disgraceful, this is how you treat me??")
    assert (calm.counters.anger, angry.counters.anger) == (0, 1)


@pytest.mark.parametrize(
    "text",
    ["it turned up with a dent in the lid", "there's a long scratch across the front", "the mug is chipped",
     "the whole thing was crushed in transit", "it showed up in pieces", "it won't power on", "the drawer is stuck",
     "the trainers came scuffed", "it keeps turning itself off", "there's a stain on the sleeve",
     "it makes a weird noise when it spins", "it's been playing up all week", "the hinge is loose",
     "screen keeps flickering", "my headphones packed in", "the toaster's packed up"],
)  # fmt: skip
def test_damage_and_faults_in_everyday_words_are_faulty(text: str) -> None:
    assert fact(text, "condition") == "faulty"


@pytest.mark.parametrize(
    "text",
    ["they sent a different model", "I got sent the wrong thing entirely", "the colour is wrong, I wanted grey",
     "received a different lamp to the one in the picture", "it came in the wrong colour"],
)  # fmt: skip
def test_being_sent_something_else_in_everyday_words_is_a_wrong_item(text: str) -> None:
    assert fact(text, "condition") == "wrong_item"


@pytest.mark.parametrize(
    "text", ["the courier lost it", "they lost my parcel", "it's still not here yet", "nothing has turned up yet"]
)
def test_a_parcel_lost_or_not_come_never_arrived(text: str) -> None:
    assert fact(text, "condition") == "never_arrived"


@pytest.mark.parametrize(
    "text",
    ["that's not right, I was told I could", "I'm stuck at home all week", "can I swap it for a different size?"],
)
def test_everyday_words_that_resemble_faults_are_no_condition(text: str) -> None:
    assert fact(text, "condition") is None


@pytest.mark.parametrize("text", ["my toaster packed up", "the blender packed in after a week"])
def test_a_thing_that_packed_up_says_nothing_about_dispatch(text: str) -> None:
    assert fact(text, "dispatched", request="cancel") is None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("I bought it a month and a half ago", 44, 47), ("got it about a month and a half back", 44, 47),
     ("it's been a month and a half", 44, 47), ("ordered six and a half weeks ago", 45, 46),
     ("a week and a half ago I bought it", 10, 11), ("I bought it a year and a half ago", 540, 550),
     ("I ordered it two and a half months ago", 74, 78)],
)  # fmt: skip
def test_and_a_half_adds_half_the_unit(text: str, low: int, high: int) -> None:
    days = fact(text, "days_since_purchase")
    assert isinstance(days, int)
    assert low <= days <= high


@pytest.mark.parametrize(
    ("text", "days"),
    [("I bought it 4 weeks and 5 days ago", 33), ("ordered 2 weeks 3 days ago", 17),
     ("got it 3 weeks and 10 days ago", 31), ("had it 2 weeks and 2 days", 16)],
)  # fmt: skip
def test_a_time_told_in_two_counts_adds_them_up(text: str, days: int) -> None:
    assert fact(text, "days_since_purchase") == days


def test_a_second_count_of_a_larger_unit_is_not_added() -> None:
    assert fact("I bought it 3 weeks ago and 2 days later it broke", "days_since_purchase") == 21


@pytest.mark.parametrize(
    ("text", "days"),
    [("like 6 weeks", 42), ("erm a month and a half I think", 46), ("a few weeks back", Span(low=14, high=35)),
     ("a couple of weeks", 14)],
)  # fmt: skip
def test_rough_answers_to_when_it_was_bought(text: str, days: FactValue) -> None:
    assert fact(text, "days_since_purchase", request="refund", asked="days_since_purchase") == days


def test_a_month_and_a_half_is_past_a_thirty_day_window() -> None:
    engine = Engine(RETAIL, clock=lambda: NOW)
    message = "can I get a refund? I bought it a month and a half ago"
    _, turn = engine.start(facts={"order_id": "A-3131"}, message=message)
    assert "45 days" in turn.text or "46 days" in turn.text
    assert "approve_request" not in [a.type for a in turn.actions]


@pytest.mark.parametrize(
    "text",
    ["this is a joke, you sent me the wrong size", "you lot are a joke", "I'm livid, it's the second time it broke"],
)
def test_anger_at_the_company_is_angry_and_owning_up_is_not(text: str) -> None:
    assert read(text).sentiment <= ANGER
    assert read("I ordered the wrong size myself, my mistake").sentiment > ANGER


@pytest.mark.parametrize(
    "text",
    ["what happens if it breaks after the first month?", "if it arrives damaged, can I send it back?",
     "suppose they send the wrong size, what then?", "what if the parcel never arrives?"],
)  # fmt: skip
def test_a_case_supposed_is_no_condition(text: str) -> None:
    assert fact(text, "condition") is None


def test_a_condition_before_an_if_is_still_a_condition() -> None:
    assert fact("it arrived broken, so if you could refund me that would be great", "condition") == "faulty"


@pytest.mark.parametrize(
    ("text", "things"),
    [
        ("return the trainers from order A-4321 and the jumper from A-4322", "A-4321:trainers A-4322:jumper"),
        ("the lamp A-1001 is broken and the rug A-1002 never came", "A-1001:lamp A-1002:rug"),
    ],
)
def test_what_each_of_several_orders_is_called_is_kept(text: str, things: str) -> None:
    assert read(text).slots.get("order_things") == things


def test_a_message_of_one_order_keeps_no_things() -> None:
    assert "order_things" not in read("return the trainers from order A-4321 please").slots


@pytest.mark.parametrize(("text", "order"), [("the trainers in a 9 please", "A-4321"), ("and the jumper?", "A-4322")])
def test_an_items_name_alone_means_its_order(text: str, order: str) -> None:
    things = (("A-4321", "trainers"), ("A-4322", "jumper"))
    assert fact(text, "order_id", things=things) == order


def test_an_item_both_orders_share_means_neither() -> None:
    assert fact("the shoes please", "order_id", things=(("A-4321", "shoes"), ("A-4322", "shoe"))) is None


@pytest.mark.parametrize("text", ["A-1010 arrived broken and A-2020 never came", "cancel A-1111 and A-2222 please"])
def test_words_beside_orders_that_name_no_item_are_kept_as_no_thing(text: str) -> None:
    assert "order_things" not in read(text).slots


def test_one_of_several_orders_named_by_its_item_is_kept() -> None:
    text = "the mug from A-3434 arrived smashed and also I never got A-3435"
    assert read(text).slots.get("order_things") == "A-3434:mug"


@pytest.mark.parametrize(
    "text",
    ["I never got A-3435", "I haven't received A-3435", "i didnt get A-3435 yet", "still never got my order A-3435"],
)
def test_an_order_not_got_by_its_number_never_arrived(text: str) -> None:
    assert fact(text, "condition") == "never_arrived"


@pytest.mark.parametrize("text", ["I never got a reply about A-3435", "I didn't get the refund for A-3435"])
def test_something_else_not_got_beside_an_order_is_no_lost_parcel(text: str) -> None:
    assert fact(text, "condition") != "never_arrived"


@pytest.mark.parametrize(
    "text",
    [
        "the mug from A-3434 arrived smashed and also I never got A-3435 at all",
        "A-3434 came smashed, but I never received A-3435",
    ],
)
def test_the_words_told_before_the_next_order_are_its_own(text: str) -> None:
    first, second = read(text).order_facts
    assert (first["condition"], second["condition"]) == ("faulty", "never_arrived")


def test_a_date_before_the_next_order_is_its_own() -> None:
    first, second = read(
        "refunds please, a lamp I bought 2 months ago (A-1001) and a chair last week (A-1002)"
    ).order_facts
    assert first["days_since_purchase"] != second["days_since_purchase"]
    assert isinstance(second["days_since_purchase"], Span)
    assert second["days_since_purchase"].high <= 10


@pytest.mark.parametrize(
    "text",
    [
        "your website said 2 day delivery and its been 6 days. A-9999",
        "I paid for next day delivery and it's been 3 days",
    ],
)
def test_longer_gone_than_the_delivery_promised_never_arrived(text: str) -> None:
    assert fact(text, "condition") == "never_arrived"


@pytest.mark.parametrize(
    "text", ["it said 3 day delivery and it's been 2 days", "next day delivery, it's been 3 days but it came today"]
)
def test_within_the_delivery_promised_or_come_is_no_lost_parcel(text: str) -> None:
    assert fact(text, "condition") != "never_arrived"


@pytest.mark.parametrize(
    ("text", "dispatched"),
    [
        ("ok it hasn't", False),
        ("it has not", False),
        ("they haven't yet", False),
        ("it has", True),
        ("ok it has", True),
    ],
)
def test_a_short_answer_of_it_has_or_it_hasnt_answers_the_question(text: str, dispatched: bool) -> None:
    assert fact(text, "dispatched", request="cancel", asked="dispatched") is dispatched


@pytest.mark.parametrize("text", ["it has a crack", "it is broken", "it has been ages"])
def test_more_than_it_has_is_no_yes(text: str) -> None:
    assert fact(text, "dispatched", request="cancel", asked="dispatched") is None
