"""Simulated customers through a policy: they write like people, the real understanding step reads them,
runs are deterministic for a seed, policies compare on the same customers, and the flow's failures show."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

import flow.cli.commands_simulate  # noqa: F401  (registers ``simulate``)
from flow import Engine, Policy, Signals, load_policy, payloads
from flow.cli.app import app
from flow.models import Act
from flow.simulate import LIMIT, PERSONAS, InvalidMix, SimulationResult, parse_mix, phrasing_overlap, simulate
from flow.simulate.behaviour import Memory, decide
from flow.simulate.grammar import Grammar, GrammarError
from flow.simulate.moves import clicked, typed, unread
from flow.simulate.noise import Typing
from flow.simulate.overlap import GrammarWords, grams_of, measure
from flow.simulate.pen import Pen
from flow.simulate.phrasebook import phrasebook
from flow.simulate.population import draw_customer
from flow.simulate.seen import Seen
from flow.understanding import Understander
from flow.understanding._text import canonical_tokens

GENEROUS = Path(__file__).parents[1] / "docs" / "examples" / "retail-generous.yaml"
MONTHS = re.compile(r"\b(january|february|march|december|jan|feb|dec)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def generous() -> Policy:
    """The example policy with a 45-day window and goodwill for silver members too."""
    return load_policy(GENEROUS)


@pytest.fixture(scope="module")
def run() -> SimulationResult:
    """Three hundred conversations of every persona through the bundled policy, kept whole."""
    return simulate(load_policy("retail"), conversations=300, seed=5, keep=True)


def totals(result: SimulationResult) -> tuple[object, ...]:
    return (
        dict(result.outcomes),
        dict(result.personas),
        dict(result.failures),
        result.compensations,
        result.escalated,
        result.messages_total,
        round(result.score_total, 6),
        sorted(result.texts),
        [(f.conversation_id, f.message) for kind in sorted(result.examples) for f in result.examples[kind]],
    )


def test_the_same_seed_gives_the_same_results(retail: Policy) -> None:
    first = totals(simulate(retail, conversations=100, seed=7))

    assert totals(simulate(retail, conversations=100, seed=7)) == first
    assert totals(simulate(retail, conversations=100, seed=8)) != first


@pytest.mark.slow
def test_results_do_not_depend_on_the_number_of_worker_processes(retail: Policy) -> None:
    two = simulate(retail, conversations=100, seed=3, workers=2)
    one = simulate(retail, conversations=100, seed=3, workers=1)

    assert totals(two) == totals(one)


def test_progress_is_told_as_conversations_finish(retail: Policy) -> None:
    told: list[int] = []

    simulate(retail, conversations=30, seed=1, progress=told.append)

    assert told == [25, 5]


def test_every_typed_message_goes_through_the_real_understanding_step(
    retail: Policy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The rubric reads customer messages too; only the engine's reads of them count here.
    read: list[str] = []
    engine_reading: list[str] = []
    real_engine, real = Engine.understand, Understander.understand

    def reading(self: Engine, text: str, context: object = None) -> Signals:
        engine_reading.append(text)
        try:
            return real_engine(self, text, context)  # type: ignore[arg-type]
        finally:
            engine_reading.pop()

    def counting(self: Understander, text: str, context: object = None) -> Signals:
        if engine_reading == [text]:
            read.append(text)
        return real(self, text, context)  # type: ignore[arg-type]

    monkeypatch.setattr(Engine, "understand", reading)
    monkeypatch.setattr(Understander, "understand", counting)

    result = simulate(retail, conversations=20, seed=2, keep=True)

    typed = [said.text for played in result.played for said in played.said if said.text is not None]
    assert read == typed
    assert result.typed_total == len(typed) > 40


def test_customers_write_hundreds_of_different_messages(run: SimulationResult) -> None:
    typed = [said.written for played in run.played for said in played.said if said.written is not None]
    meant = {written.meant for written in typed}

    assert run.distinct_texts >= 600
    assert len(meant) >= 500
    assert len(meant) > 30 * len(PERSONAS)


def test_customers_write_the_way_people_do(run: SimulationResult) -> None:
    said = [s for played in run.played for s in played.said]
    kinds = Counter(s.move.kind for s in said)
    typed = [s.written for s in said if s.written is not None]
    with_typos = [w for w in typed if w.text != w.meant]
    dates = [w.meant for w in typed if "days_since_purchase" in w.facts]

    assert set(run.personas) == set(PERSONAS)
    assert {
        "open", "fact", "choose", "reject_one", "reject_all", "ask_about", "insist", "why", "person", "done",
        "thank_bye", "irony", "complain", "abuse", "off_topic", "gibberish", "add", "switch",
    } <= set(kinds)  # fmt: skip
    assert 0.2 < len(with_typos) / len(typed) < 0.8
    assert any(MONTHS.search(text) for text in dates)
    assert any("ago" in text or "back" in text for text in dates)
    assert any(s.move.kind == "open" and len(s.written.facts) >= 2 for s in said if s.written is not None)
    assert sum(s.written is None for s in said) > 50, "some customers click the buttons"


def test_a_message_whose_parts_all_come_out_empty_is_written_again(retail: Policy) -> None:
    book = phrasebook()
    pen = Pen(retail, book)
    rng = random.Random(9)
    customer = draw_customer(rng, "calm", items=book.items, sloppiness=0.0)
    unwanted = replace(customer.request, kind="refund", condition=None, circumstance=None)
    vague = typed("vague", "open.vague")

    texts = [pen.write(vague, customer, unwanted, None, rng).text for _ in range(3000)]

    assert all(text.strip() for text in texts)
    assert len(set(texts)) > 50


def test_customers_press_only_the_buttons_on_offer(run: SimulationResult) -> None:
    clicks = [said for played in run.played for said in played.said if said.move.click is not None]

    assert len(clicks) > 50
    assert [s.move.click for s in clicks if s.before is None or s.move.click not in s.before.buttons] == []


def test_a_customer_whose_button_is_gone_types_what_it_said_instead() -> None:
    # They pressed "yes" to the goodwill offer, the agent did not move on, and now offers a person or no.
    accept = typed("accept_offer", "accept_offer", "choose:compensation", "affirm", progress=True)
    seen = Seen(state="escalated", text="Shall I pass you to a colleague?", buttons=("person", "reject"), offers=(),
                situation="person")  # fmt: skip
    moves = []
    for index in range(60):
        rng = random.Random(index)
        customer = draw_customer(rng, "calm", items=phrasebook().items, sloppiness=0.0)
        memory = Memory.of(customer)
        memory.last, memory.missed = clicked("accept_offer", payloads.ACCEPT, words=accept), 1
        moves.append(decide(PERSONAS["calm"], customer, memory, seen, rng))

    assert [m.click for m in moves if m is not None and m.click is not None and m.click not in seen.buttons] == []
    assert accept in moves


def test_order_numbers_survive_typos_exactly() -> None:
    sloppy = Typing(typo=1.0, lower=1.0, bare=1.0, txt=1.0, stretch=1.0)
    rng = random.Random(4)

    texts = [sloppy.apply("Please refund order B-7731 because you sent the wrong size.", rng) for _ in range(30)]

    assert all("B-7731" in text for text in texts)
    assert len(set(texts)) > 10
    assert Typing.careful().apply("Order B-7731, please.", rng) == "Order B-7731, please."


def test_the_customers_wording_is_not_the_agents_own(retail: Policy, run: SimulationResult) -> None:
    overlap = phrasing_overlap(retail)

    assert overlap.total > 10_000
    assert overlap.share <= LIMIT
    assert overlap.shared >= max(overlap.shared_with_understanding, overlap.shared_with_templates) > 0
    assert 0.0 < run.echoing_share < 0.5


def test_the_overlap_measure_catches_tables_copied_from_the_understanding_step(retail: Policy) -> None:
    lines = (Path(__file__).parents[1] / "flow" / "understanding" / "phrasings.txt").read_text().splitlines()
    copied = [line for line in lines if line and not line.startswith("#") and len(line.split()) >= 5][:40]
    grammar = Grammar({"copied": copied, "mine": ["my kettle went bang and smoke came out of it"]})

    assert measure(retail, grammar, ["copied"], {}).share == 1.0
    assert measure(retail, grammar, ["mine"], {}).share == 0.0


def test_the_overlap_counts_exactly_the_4_grams_of_every_text_a_table_can_produce() -> None:
    grammar = Grammar(
        {
            "move": ["{hi} [I want|I'd really like|] {what}[ please|]. {tail}", "{what}"],
            "hi": ["", "Hi there,", "Hello"],
            "what": ["a refund for {item}", "my money back"],
            "item": ["the lamp", "order A-1234"],
            "tail": ["", "Thanks a lot", "It broke on day one"],
        }
    )
    texts = set(grammar.every("move"))

    brute = {g for text in texts for g in grams_of(tuple(canonical_tokens(text)))}

    assert len(texts) == 3 * 3 * 3 * 2 * 3 + 3
    assert GrammarWords(grammar).of("move").grams == brute


@pytest.mark.parametrize(
    ("rules", "problem"),
    [
        ({"a": ["{missing}"]}, "refers to 'missing', which is not defined"),
        ({"a": ["{b}s"], "b": ["x"]}, "glued to 's'"),
        ({"a": ["{b}"], "b": ["{a}"]}, "refers back to itself through a -> b -> a"),
        ({"a": ["[x|y"]}, "unclosed \\["),
        ({"a": []}, "has no alternatives"),
    ],
)
def test_a_broken_phrase_table_is_refused_with_the_reason(rules: dict[str, list[str]], problem: str) -> None:
    with pytest.raises(GrammarError, match=problem):
        Grammar(rules)


def test_a_value_the_simulator_did_not_fill_in_is_an_error() -> None:
    grammar = Grammar({"a": ["order {order}"]}, values={"order": ["A-1234"]})

    with pytest.raises(GrammarError, match="'order': is a value the simulator must fill in"):
        grammar.expand("a", random.Random(1), {})


def test_a_generous_policy_approves_more_and_costs_more_on_the_same_customers(retail: Policy, generous: Policy) -> None:
    # Customers who turn offers down without getting angry: only their loyalty tier makes them eligible.
    mix = {"calm": 1, "insistent": 1}
    strict = simulate(retail, conversations=200, seed=1, mix=mix, compensation_value=12.5, keep=True)
    kind = simulate(generous, conversations=200, seed=1, mix=mix, compensation_value=12.5, keep=True)

    assert strict.personas == kind.personas
    assert kind.outcomes["approved"] > strict.outcomes["approved"] + 5
    assert _offered_goodwill(kind, "silver") > _offered_goodwill(strict, "silver") + 2
    assert kind.compensation_cost == kind.compensations * 12.5


def _offered_goodwill(result: SimulationResult, tier: str) -> int:
    """How many customers of a loyalty tier the agent offered its goodwill gesture to."""
    return sum(
        played.conversation.facts.get("loyalty_tier") == tier and any(t.state == "compensation" for t in played.turns)
        for played in result.played
    )


def test_the_messages_the_agent_could_not_read_are_counted_with_examples(run: SimulationResult) -> None:
    unread_in_played = [
        said
        for played in run.played
        for said in played.said
        if said.written is not None and said.move.meant and said.turn.signals and unread(said.turn.signals)
    ]

    assert run.unread == len(unread_in_played) > 0
    assert run.failure_examples("unread")[0].said == unread_in_played[0].text
    assert 0.0 < run.share_of_messages("unread") < 0.2


def test_a_flow_that_cannot_read_a_word_shows_up_in_the_failures(
    retail: Policy, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Understander.understand

    def deaf_to_credit(self: Understander, text: str, context: object = None) -> Signals:
        if "credit" in text.lower():
            return Signals(acts=(Act(kind="unknown"),))
        return real(self, text, context)  # type: ignore[arg-type]

    baseline = simulate(retail, conversations=80, seed=4)
    monkeypatch.setattr(Understander, "understand", deaf_to_credit)

    deaf = simulate(retail, conversations=80, seed=4)

    assert deaf.unread > baseline.unread
    assert any("credit" in f.said.lower() for f in deaf.failure_examples("unread"))
    assert deaf.full_marks_share <= baseline.full_marks_share


def test_the_rubric_scores_every_conversation(run: SimulationResult) -> None:
    assert run.full_marks_share == run.full_marks / run.n
    assert 0.0 < run.full_marks_share <= 1.0
    assert 0.0 < run.mean_score <= 1.0
    assert sum(run.endings.values()) == run.n
    assert run.unresolved == sum(p.unresolved for p in run.played)


def test_a_mix_of_only_abusive_customers_mostly_ends_after_abuse(retail: Policy) -> None:
    result = simulate(retail, conversations=80, seed=2, mix={"abusive": 1})

    assert set(result.personas) == {"abusive"}
    assert result.outcomes.most_common(1)[0][0] == "closed_after_abuse"


def test_a_mix_is_read_from_the_command_line_form() -> None:
    assert parse_mix("calm=3, angry=1.5,quick_to_accept=0") == {"calm": 3.0, "angry": 1.5, "quick_to_accept": 0.0}


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        ("grumpy=2", "'grumpy=2' does not name a persona"),
        ("calm", "'calm' does not name a persona"),
        ("calm=lots", "weight 'lots' of calm is not a number"),
        ("calm=-1", "weight of calm is negative"),
        ("calm=0,angry=0", "no persona has a positive weight"),
    ],
)
def test_a_bad_mix_is_refused_with_the_reason(spec: str, problem: str) -> None:
    with pytest.raises(InvalidMix, match=problem):
        parse_mix(spec)


def test_the_command_prints_both_policies_side_by_side_with_the_change(tmp_path: Path) -> None:
    report = tmp_path / "sim.html"

    result = CliRunner().invoke(
        app,
        ["simulate", "retail", "--vs", str(GENEROUS), "-n", "60", "--seed", "1", "--report", str(report)],
    )

    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if "metric" in line)
    assert ["metric", "retail", "retail-generous", "change"] == [c.strip() for c in header.strip("┃│ ").split("┃")]
    for row in ("outcome: approved", "compensation cost", "rubric full marks", "distinct customer texts",
                "ended unresolved", "messages the agent could not read at all"):  # fmt: skip
        assert row in result.stdout
    assert "60 simulated conversations, seed 1" in result.stdout
    assert re.search(r"Customer wording: \d+\.\d% of the customers' [\d,]+ distinct word 4-grams", result.stdout)
    assert "simulated 120 conversations in" in result.stderr
    assert "Simulated conversations: retail" in report.read_text()
    assert "Simulated conversations: retail-generous" in (tmp_path / "sim-retail-generous.html").read_text()


def test_the_command_shows_examples_of_each_failure_it_found() -> None:
    result = CliRunner().invoke(app, ["simulate", "retail", "-n", "80", "--seed", "4", "--examples", "2"])

    assert result.exit_code == 0, result.output
    assert re.search(r"messages the agent could not read at all \(retail\): \d+", result.stdout)
    assert "customer wrote" in result.stdout
    assert "agent replied" in result.stdout


def test_the_command_output_is_the_same_for_a_seed() -> None:
    args = ["simulate", "retail", "-n", "40", "--seed", "4", "--mix", "calm=1,angry=1"]

    assert CliRunner().invoke(app, args).stdout == CliRunner().invoke(app, args).stdout


def test_the_command_refuses_a_bad_mix_without_simulating() -> None:
    result = CliRunner().invoke(app, ["simulate", "retail", "--mix", "grumpy=1"])

    assert result.exit_code == 2
    assert "invalid persona mix: 'grumpy=1' does not name a persona" in result.stderr
    assert result.stdout == ""
