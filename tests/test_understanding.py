"""What the understanding step reads in customer messages: intent, negation, threats, abuse, slots, sentiment."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from flow.errors import InvalidMessage
from flow.models import Signals
from flow.understanding import (
    Understander,
    default_understander,
    extract_slots,
    is_abusive,
    is_threat,
    named_request,
    understand,
)
from flow.understanding._model import WEIGHTS_PATH
from flow.understanding.dataset import DatasetMissing, Utterance, load_utterances, split_utterances
from flow.understanding.metrics import binary_scores, classification_report
from flow.understanding.train import TrainingSettings, cross_validate, predict, train
from flow.understanding.train import main as train_main

REPO = Path(__file__).resolve().parents[1]
TINY_TRAINING_SET = [
    ("i want my money back", "request_refund"),
    ("refund me please", "request_refund"),
    ("give me a refund", "request_refund"),
    ("cancel my plan", "request_cancel"),
    ("please cancel the subscription", "request_cancel"),
    ("cancel it now", "request_cancel"),
]


@pytest.fixture(scope="module")
def reference_vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hi, can i please have a refund for the kettle", "request_refund"),
        ("I'd like my money returned to my card", "request_refund"),
        ("refund pls", "request_refund"),
        ("please cancel my membership, I'm moving abroad", "request_cancel"),
        ("how can i stop my subscription", "request_cancel"),
        ("how long have I got to send something back?", "ask_policy"),
        ("what's your policy on refunds for opened items?", "ask_policy"),
        ("let me speak to a real person", "ask_human"),
        ("i want to talk to your supervisor", "ask_human"),
        ("my parcel turned up smashed", "complaint"),
        ("honestly the worst customer service I've ever had", "complaint"),
        ("yes please", "accept"),
        ("ok fine", "accept"),
        ("sure", "accept"),
        ("yeah that works", "accept"),
        ("nope", "reject"),
        ("no thanks", "reject"),
        ("nah", "reject"),
        ("cheers", "thank_close"),
        ("thanks, bye!", "thank_close"),
        ("thank you for your time, have a lovely evening", "thank_close"),
    ],
)
def test_reads_the_request_in_everyday_phrasings(text: str, intent: str) -> None:
    assert understand(text).intent == intent


@pytest.mark.parametrize(
    "text",
    ["I still want my money back", "just refund me", "I insist", "i dont care about the policy, refund me",
     "as I already said, I want a refund"],
)  # fmt: skip
def test_pressing_a_demand_again_is_insisting(text: str) -> None:
    signals = understand(text)
    assert signals.intent == "insist"
    assert signals.has("insist")


@pytest.mark.parametrize(
    "text",
    ["why?", "why not", "how come", "what's the reason", "but why can't I get my money back?",
     "can you explain why?", "on what grounds?"],
)  # fmt: skip
def test_asking_for_the_reason_is_ask_why(text: str) -> None:
    assert understand(text).intent == "ask_why"


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("it's A-1001", {"order_id": "A-1001"}),
        ("I bought it 3 weeks ago", {"days_ago": "21"}),
        ("order #884213", {"order_id": "884213"}),
        ("my email is sam.lee@example.com", {"email": "sam.lee@example.com"}),
    ],
)
def test_a_message_that_only_gives_facts_is_provide_info(text: str, slots: dict[str, str]) -> None:
    signals = understand(text)
    assert (signals.intent, signals.slots) == ("provide_info", slots)


def test_a_request_with_an_order_number_keeps_its_intent_and_the_slot() -> None:
    signals = understand("please cancel order 55123")
    assert (signals.intent, signals.slots) == ("request_cancel", {"order_id": "55123"})


@pytest.mark.parametrize(
    ("text", "not_intent"),
    [
        ("no need to transfer me", "ask_human"),
        ("I don't want to speak to a manager", "ask_human"),
        ("no manager needed, you're doing fine", "ask_human"),
        ("please don't cancel it", "request_cancel"),
        ("I do not want to cancel my plan", "request_cancel"),
        ("I'm not asking for a refund", "request_refund"),
    ],
)
def test_a_negated_request_is_not_that_request(text: str, not_intent: str) -> None:
    assert understand(text).intent != not_intent


def test_turning_down_a_transfer_reads_as_a_refusal() -> None:
    assert understand("no need to transfer me").intent == "reject"


def test_trouble_doing_something_is_not_a_negation() -> None:
    assert understand("i dont know how to cancel my order").intent == "request_cancel"


def test_negating_one_request_leaves_the_other() -> None:
    assert understand("I don't want to cancel, I'd rather have my money back").intent == "request_refund"


@pytest.mark.parametrize("text", ["asdfjkl qwpoeiru", "hjkl hjkl", "what's the capital of peru", "🙂🙂🙂", ""])
def test_gibberish_and_off_topic_messages_are_unknown_with_low_confidence(text: str) -> None:
    signals = understand(text)
    assert signals.intent == "unknown"
    assert signals.confidence < 0.4


def test_a_clear_request_is_confident() -> None:
    assert understand("I want to cancel my subscription").confidence > 0.8


@pytest.mark.parametrize(
    "text",
    ["I will take you to court over this", "my lawyer will be in touch", "I'm calling my bank for a chargeback",
     "I'll report you to trading standards", "off to the ombudsman then", "I'm going to sue",
     "expect a 1 star review", "I'll put this all over twitter", "If you don't refund me I'll sue",
     "I'll dispute the payment with my card company"],
)  # fmt: skip
def test_threats_of_outside_action_are_threats(text: str) -> None:
    assert understand(text).threat


@pytest.mark.parametrize(
    "text",
    ["I'm not going to sue", "I don't want to involve lawyers", "I won't leave a bad review, don't worry",
     "press the green button", "can I get a refund", "the tennis court net arrived torn"],
)  # fmt: skip
def test_negated_threats_and_lookalike_words_are_not_threats(text: str) -> None:
    assert not is_threat(text)


@pytest.mark.parametrize(
    "text",
    ["honestly I'm not going to kick up a fuss or call my bank, I just want it fixed",
     "no need for lawyers or anything", "I won't be posting on facebook about it, relax"],
)  # fmt: skip
def test_a_threat_ruled_out_is_read_as_no_threat(text: str) -> None:
    signals = understand(text)
    assert not signals.threat
    assert "not threat" in [str(act) for act in signals.acts]


@pytest.mark.parametrize(
    "text",
    ["f u c k you", "f.u.c.k off", "you're an idiot", "useless idiot", "you are useless", "you absolute moron",
     "stupid bot", "a**hole", "go to hell", "your staff are morons", "f*ck you", "are you thick?",
     "ur a waste of space"],
)  # fmt: skip
def test_insults_and_swearing_aimed_at_people_are_abuse(text: str) -> None:
    signals = understand(text)
    assert signals.abusive
    assert signals.has("abuse")


@pytest.mark.parametrize(
    "text",
    ["f*ck this", "this is sh1t", "FFS just refund me", "what a load of bullshit", "fuuuuck",
     "is it possible to get my damn money back", "I want my fucking money back", "this company is a joke"],
)  # fmt: skip
def test_swearing_for_emphasis_is_profanity_not_abuse(text: str) -> None:
    signals = understand(text)
    assert not signals.abusive
    assert not signals.has("abuse")
    assert signals.profanity or "joke" in text


@pytest.mark.parametrize(
    "text",
    ["Scunthorpe", "I'm in first class", "can your assistant help", "a cocktail shaker", "useless service",
     "your app is useless", "the policy is stupid", "I feel like an idiot", "not happy at all",
     "please assess my claim", "Dickens novels", "shiitake mushrooms", "my email is ab@cd.com"],
)  # fmt: skip
def test_scunthorpe_words_and_complaints_about_the_service_are_not_abusive(text: str) -> None:
    assert not is_abusive(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("order number is AB12CD", {"order_id": "AB12CD"}),
        ("#123456", {"order_id": "123456"}),
        ("I need to return order 12345", {"order_id": "12345"}),
        ("it arrived 45 days ago", {"days_ago": "45"}),
        ("I bought it three weeks ago", {"days_ago": "21"}),
        ("got it a month ago", {"days_ago": "30"}),
        ("it came yesterday", {"days_ago": "1"}),
        ("ordered last week", {"days_ago": "7"}),
        ("a couple of weeks ago", {"days_ago": "14"}),
        ("call me on +44 7700 900123", {"phone": "+447700900123"}),
        ("reach me at (555) 123-4567", {"phone": "5551234567"}),
        ("i paid $160 for it", {}),
        ("I have the iphone 15", {}),
        ("delivered on 3 March 2024", {"date": "3 March 2024"}),
    ],
)
def test_extract_slots_finds_ids_times_and_contacts(text: str, expected: dict[str, str]) -> None:
    assert extract_slots(text) == expected


def test_slots_come_back_in_the_signals() -> None:
    assert understand("refund order A-1001 please, bought it 2 weeks ago").slots == {
        "order_id": "A-1001",
        "days_ago": "14",
    }


def test_sentiment_equals_vader_on_every_development_utterance(reference_vader: SentimentIntensityAnalyzer) -> None:
    texts = [u.text for u in load_utterances()]
    understander = Understander()
    mismatches = [
        t for t in texts if abs(understander.sentiment(t) - reference_vader.polarity_scores(t)["compound"]) > 1e-9
    ]
    assert len(texts) > 1000
    assert mismatches == []


@pytest.mark.parametrize(
    "text",
    ["VADER is VERY SMART, handsome, and FUNNY!!!", "The plot was good, but the characters are dull, but ok",
     "not bad at all", "At least it isn't a horrible book.", "kind of good", "no no no never good",
     "I am NOT happy 😡 at all??", "the shit", "Make sure you :) or :D today!", "without a doubt, excellent",
     "never so good", "yeah right", "it's kinda sorta ok but NOT GREAT", "💘 and 💋 and 😁"],
)  # fmt: skip
def test_sentiment_follows_vader_rules_and_quirks(text: str, reference_vader: SentimentIntensityAnalyzer) -> None:
    assert default_understander().sentiment(text) == pytest.approx(
        reference_vader.polarity_scores(text)["compound"], abs=1e-9
    )


def test_not_happy_is_negative() -> None:
    assert understand("I'm not happy with this").sentiment < 0


def test_understanding_returns_valid_signals() -> None:
    signals = understand("I want a refund, you idiots, or I'll sue")
    assert isinstance(signals, Signals)
    assert Signals.model_validate(signals.model_dump()) == signals
    assert (signals.abusive, signals.threat) == (True, True)


def test_the_same_text_always_gives_the_same_signals_across_threads() -> None:
    texts = ["refund me", "why?", "you moron", "order A-77", "cheers"] * 40
    expected = [understand(t) for t in texts]
    results: list[list[Signals]] = []

    def work() -> None:
        understander = Understander()
        results.append([understander.understand(t) for t in texts])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4


def test_importing_the_package_does_not_load_the_weights_or_the_lexicon() -> None:
    code = (
        "import sys, flow.understanding; "
        "print(sorted(m for m in sys.modules if m.startswith(('flow.understanding._model', "
        "'flow.understanding._sentiment', 'vaderSentiment'))))"
    )
    found = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


def test_the_held_out_split_is_fixed_and_partitions_the_data() -> None:
    utterances = load_utterances()
    first, second = split_utterances(utterances), split_utterances(utterances)
    assert first == second
    assert Counter(first.train) + Counter(first.held_out) == Counter(utterances)
    for label in {u.label for u in utterances}:
        total = sum(1 for u in utterances if u.label == label)
        held = sum(1 for u in first.held_out if u.label == label)
        assert held == round(0.3 * total)


def test_a_message_that_is_not_text_is_refused() -> None:
    with pytest.raises(InvalidMessage, match="a message must be text, not bytes; send a str"):
        understand(b"refund me")  # type: ignore[arg-type]


def test_training_learns_a_small_set_of_examples() -> None:
    examples = [Utterance(text, label) for text, label in TINY_TRAINING_SET]
    model = train(examples, TrainingSettings(epochs=20))
    assert predict(model, "please refund the money") == "request_refund"
    assert predict(model, "cancel the plan now") == "request_cancel"


@pytest.mark.slow
def test_training_reproduces_the_shipped_weights(tmp_path: Path) -> None:
    output = tmp_path / "weights.json"
    train_main(["--output", str(output)])
    assert output.read_bytes() == WEIGHTS_PATH.read_bytes()


@pytest.mark.parametrize(
    ("text", "named"),
    [("just give me a refund", "request_refund"), ("I still want to cancel my plan", "request_cancel"),
     ("I insist", None), ("thanks", None)],
)  # fmt: skip
def test_named_request_says_which_request_an_insistence_is_about(text: str, named: str | None) -> None:
    assert named_request(text) == named


def test_the_report_scores_each_label_and_averages_them() -> None:
    report = classification_report(["yes", "yes", "no", "no"], ["yes", "no", "no", "no"])
    yes = report.per_label["yes"]
    assert (yes.precision, yes.recall, yes.support) == (1.0, 0.5, 2)
    assert yes.f1 == pytest.approx(2 / 3)
    assert report.per_label["no"].precision == pytest.approx(2 / 3)
    assert report.macro_f1 == pytest.approx((2 / 3 + 0.8) / 2)
    assert report.accuracy == 0.75
    assert report.confusion[("yes", "no")] == 1


def test_binary_scores_measure_the_flagged_class() -> None:
    scores = binary_scores([True, True, False, False], [True, False, True, False])
    assert (scores.precision, scores.recall, scores.support) == (0.5, 0.5, 2)


def test_cross_validation_reports_a_macro_f1(capsys: pytest.CaptureFixture[str]) -> None:
    examples = [Utterance(text, label) for text, label in TINY_TRAINING_SET * 2]
    macro = cross_validate(examples, 2, TrainingSettings(epochs=10))
    assert 0.0 <= macro <= 1.0
    assert "macro-F1" in capsys.readouterr().out


def test_a_missing_data_file_says_where_to_point(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.jsonl"
    with pytest.raises(DatasetMissing, match=r"no labelled utterances at .*nowhere\.jsonl; set TACTFUL_UTTERANCES"):
        load_utterances(missing)


def test_the_data_path_can_be_set_in_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "mine.jsonl"
    data.write_text('{"text": "refund please", "label": "request_refund"}\n', encoding="utf-8")
    monkeypatch.setenv("TACTFUL_UTTERANCES", str(data))
    assert load_utterances() == [Utterance("refund please", "request_refund")]


@pytest.mark.parametrize("text", ["hi", "I want a refund for A-1234, it arrived broken yesterday", ""])
def test_signals_carry_every_field_in_the_declared_order(text: str) -> None:
    signals = Understander().understand(text)

    assert list(signals.model_dump()) == list(Signals.model_fields)
    assert signals.model_fields_set == set(Signals.model_fields)
    assert Signals.model_validate(signals.model_dump()) == signals


@pytest.mark.parametrize(
    ("text", "order"),
    [("ｃａｎｃｅｌ ｏｒｄｅｒ Ｂ－２２０１ ｐｌｅａｓｅ", "B-2201"), ("I'd like a reﬁnd on Ａ-3302", "A-3302")],
)
def test_full_width_letters_and_ligatures_read_as_plain_ones(text: str, order: str) -> None:
    signals = understand(text)
    assert signals.facts.get("order_id") == order
    assert any(act.kind == "request" for act in signals.acts)


@pytest.mark.parametrize(
    "text",
    ["return please, A-2222", "I need a return on order A-2222", "returns for A-2222 and A-2223", "return pls",
     "can I request a return?"],
)  # fmt: skip
def test_a_terse_ask_for_a_return_is_a_refund_request(text: str) -> None:
    assert understand(text).has("request", "refund")
