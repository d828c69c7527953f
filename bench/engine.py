"""One in-process turn and starting a conversation, against the least a turn or a start can be.

    python -m bench.engine [--rounds 15] [--quick] [--no-profile]

A turn is what a channel does for every customer message: understand it, walk the guards and take
the transition, render the reply, and dump the new snapshot to JSON. The turns are the messages of
:mod:`bench.scripts`, replayed conversation by conversation, each timed on its own; the figure is the
median over every turn of every round. Its baseline is the hand-made minimal turn of
:mod:`bench.minimal` (20 intent regexes, a dict transition, one string format, one JSON dump) on the
same messages, timed in the same rounds (the two alternate, so load from elsewhere falls on both
alike); the target is at most 4 times that floor. Starting a conversation (the greeting rendered) is
measured against building a ``transitions`` Machine per conversation (:func:`bench.naive.bare_machine`),
and must be at least 10 times cheaper.

A turn is also timed against the naive flow of :mod:`bench.naive` (a Machine built per conversation,
the reference libraries for sentiment and abuse, templates parsed on every render), kept frozen as it
was written and run on today's guards and speech through :mod:`bench.naive_flow`; the target is at
least 50 times faster.

Prints the tables, a profile of the engine's turns, and writes ``bench/results/engine.json``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from better_profanity import profanity
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from bench.minimal import MinimalConversation, minimal_turn
from bench.naive import NaiveConversation, NaiveEngine, bare_machine
from bench.naive_flow import naive_engine
from bench.report import (
    Figure,
    figures_table,
    format_value,
    median,
    percentile,
    profile,
    profile_tables,
    table,
    write_results,
)
from bench.scripts import IN_HOURS, POLICY, SCRIPTS, Click, Script, turn_count
from flow import Engine, Policy, Signals, load_policy
from flow.understanding import Understander, is_abusive
from flow.understanding._sentiment import VaderCompound

TURN_TIMES_MINIMAL = 4.0
START_RATIO = 10.0
NAIVE_RATIO = 50.0
NAIVE = "the naive flow"
UNDERSTAND_LIMIT_US = 40.0
MICRO = 1e6
MINIMAL = "hand-made minimal turn"
MACHINE_START = "a Machine per conversation"
BREAKDOWN = ("understanding", "transitions, render, new snapshot", "snapshot to JSON", "whole turn")


def _clock() -> Any:
    return IN_HOURS


@dataclass(frozen=True, slots=True)
class Played:
    """What one turn did, for comparing the two implementations."""

    state: str
    text: str


def play_tactful(engine: Engine, script: Script, cid: str) -> Iterator[tuple[float, Played]]:
    """Replay ``script``, yielding the seconds each turn took (reply and JSON snapshot) and what it did."""
    conversation, _ = engine.start(facts=script.facts, conversation_id=cid)
    clock = time.perf_counter
    for message in script.messages:
        began = clock()
        if isinstance(message, Click):
            conversation, turn = engine.reply(conversation, quick_reply=message.payload)
        else:
            conversation, turn = engine.reply(conversation, message)
        conversation.model_dump_json()
        yield clock() - began, Played(turn.state, turn.text)
        if conversation.closed:
            return


def play_minimal(script: Script, cid: str) -> Iterator[float]:
    """Replay ``script`` with the hand-made minimal turn, yielding the seconds each turn took."""
    conversation = MinimalConversation(cid, "listening", 1, dict(script.facts))
    clock = time.perf_counter
    for message in script.messages:
        text = message.payload if isinstance(message, Click) else message
        began = clock()
        minimal_turn(conversation, text)
        yield clock() - began


def scripts_off_course(engine: Engine) -> tuple[list[str], int]:
    """Scripts that end somewhere unexpected, and how many turns a pass of every script takes."""
    problems: list[str] = []
    total = 0
    for number, script in enumerate(SCRIPTS):
        ours = [played for _, played in play_tactful(engine, script, f"parity-{number}")]
        if len(ours) < len(script.messages):
            problems.append(f"{script.name}: closed after {len(ours)} of {len(script.messages)} messages")
        if ours and ours[-1].state != script.ends_in:
            problems.append(f"{script.name}: ends in {ours[-1].state}, expected {script.ends_in}")
        total += len(ours)
    return problems, total


def _tactful_pass(engine: Engine, tag: str) -> list[float]:
    return [seconds for n, s in enumerate(SCRIPTS) for seconds, _ in play_tactful(engine, s, f"{tag}-{n}")]


def play_naive(naive: NaiveEngine, script: Script, cid: str) -> Iterator[float]:
    """Replay ``script`` on the naive flow, yielding the seconds each turn took."""
    model, _ = naive.start(script.facts, conversation_id=cid)
    clock = time.perf_counter
    for message in script.messages:
        began = clock()
        if isinstance(message, Click):
            if message.payload not in model.quick_replies:
                return
            naive.reply(model, quick_reply=message.payload)
        else:
            naive.reply(model, message)
        yield clock() - began
        if model.state == "closed":
            return


def measure_against_naive(engine: Engine, naive: NaiveEngine, rounds: int) -> tuple[Samples, Samples]:
    """Every turn of every script, one tactful pass and one naive pass per round, alternating."""
    ours: list[float] = []
    theirs: list[float] = []
    for r in range(rounds):
        ours += _tactful_pass(engine, f"vs-naive-{r}")
        theirs += [seconds for n, s in enumerate(SCRIPTS) for seconds in play_naive(naive, s, f"naive-{r}-{n}")]
    return Samples(ours), Samples(theirs)


def _minimal_pass(tag: str) -> list[float]:
    return [seconds for n, s in enumerate(SCRIPTS) for seconds in play_minimal(s, f"{tag}-{n}")]


def _each(call: Callable[[Any], object], items: Sequence[Any]) -> list[float]:
    clock = time.perf_counter
    timings = []
    for item in items:
        began = clock()
        call(item)
        timings.append(clock() - began)
    return timings


@dataclass(frozen=True, slots=True)
class Samples:
    """Per-call timings, in seconds, of one implementation."""

    seconds: list[float]

    @property
    def median_us(self) -> float:
        """The median call, in microseconds."""
        return median(self.seconds) * MICRO

    def summary(self) -> dict[str, float]:
        """Median, p90, p99 and mean in microseconds, and how many calls were timed."""
        return {
            "median_us": round(self.median_us, 2),
            "p90_us": round(percentile(self.seconds, 0.90) * MICRO, 2),
            "p99_us": round(percentile(self.seconds, 0.99) * MICRO, 2),
            "mean_us": round(sum(self.seconds) / len(self.seconds) * MICRO, 2),
            "calls": len(self.seconds),
        }


def measure_turns(engine: Engine, rounds: int, passes: int) -> tuple[Samples, Samples]:
    """Every turn of every script: ``passes`` passes of the engine and as many of the minimal turn per round."""
    ours: list[float] = []
    floor: list[float] = []
    for r in range(rounds):
        for p in range(passes):
            ours += _tactful_pass(engine, f"t{r}.{p}")
            floor += _minimal_pass(f"m{r}.{p}")
    return Samples(ours), Samples(floor)


def measure_starts(engine: Engine, rounds: int, calls: int) -> tuple[Samples, Samples]:
    """``engine.start`` with the facts of each script and no message, against building a Machine per
    conversation (:func:`bench.naive.bare_machine`, the floor under any such design)."""
    policy = engine.policy
    facts = [SCRIPTS[n % len(SCRIPTS)].facts for n in range(calls)]
    fewer = facts[: max(1, calls // 10)]
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(rounds):
        ours += _each(lambda f: engine.start(facts=f), facts)
        theirs += _each(lambda f: bare_machine(policy, NaiveConversation("bare", policy, f, IN_HOURS)), fewer)
    return Samples(ours), Samples(theirs)


def typed_messages() -> list[str]:
    """Every message the scripts type (quick replies need no understanding)."""
    return [m for script in SCRIPTS for m in script.messages if isinstance(m, str)]


def measure_understanding(rounds: int, repeats: int) -> dict[str, tuple[Samples, Samples]]:
    """tactful's understanding against the reference libraries: the whole step, sentiment alone, abuse alone."""
    messages = typed_messages()
    understander = Understander()
    ours_sentiment = VaderCompound()
    vader = SentimentIntensityAnalyzer()
    for text in messages:
        understander.understand(text)
        profanity.contains_profanity(text)

    def reference(text: str) -> None:
        vader.polarity_scores(text)
        profanity.contains_profanity(text)

    pairs: dict[str, tuple[Callable[[str], object], Callable[[str], object]]] = {
        "understanding one message": (understander.understand, reference),
        "sentiment only": (ours_sentiment, vader.polarity_scores),
        "abuse only": (is_abusive, profanity.contains_profanity),
    }
    timings: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in pairs}
    for _ in range(rounds):
        for name, (mine, theirs) in pairs.items():
            for _ in range(repeats):
                timings[name][0].extend(_each(mine, messages))
            timings[name][1].extend(_each(theirs, messages))
    return {name: (Samples(a), Samples(b)) for name, (a, b) in timings.items()}


class Recorded:
    """An understander that returns signals read beforehand, to time the engine without understanding."""

    def __init__(self, understander: Understander, messages: Sequence[str]) -> None:
        self._signals = {text: understander.understand(text) for text in messages}

    def understand(self, text: str) -> Signals:
        """The signals read beforehand for ``text``."""
        return self._signals[text]


class Stopwatch:
    """An understander that times each call of the one it wraps, for taking a turn apart from inside."""

    def __init__(self, understander: Understander) -> None:
        self._understander = understander
        self.last = 0.0

    def understand(self, text: str) -> Signals:
        """The wrapped understander's signals; ``last`` becomes the seconds it took."""
        began = time.perf_counter()
        signals = self._understander.understand(text)
        self.last = time.perf_counter() - began
        return signals


def measure_breakdown(policy: Policy, rounds: int, passes: int) -> dict[str, float]:
    """A turn taken apart from inside, in µs: each scripted turn's median, averaged over a pass.

    Parts timed on their own run with their data hot in the CPU caches; inside a turn they share the
    caches with each other, and understanding, for one, takes markedly longer there. So the parts are
    timed within real turns: understanding by a stopwatch around the engine's understander, the
    snapshot right after the reply, the engine's own work as the rest. Medians of parts do not add up
    to the median of the whole (clicks need no understanding, some turns take three transitions), so
    each part's median is taken per scripted turn and those are averaged.
    """
    stopwatch = Stopwatch(Understander())
    engine = Engine(policy, clock=_clock, understander=stopwatch)
    clock = time.perf_counter
    turns: list[dict[str, list[float]]] = []
    for r in range(rounds + 1):
        for p in range(passes):
            position = 0
            for n, script in enumerate(SCRIPTS):
                conversation, _ = engine.start(facts=script.facts, conversation_id=f"b{r}.{p}-{n}")
                for message in script.messages:
                    stopwatch.last = 0.0
                    began = clock()
                    if isinstance(message, Click):
                        conversation, _ = engine.reply(conversation, quick_reply=message.payload)
                    else:
                        conversation, _ = engine.reply(conversation, message)
                    replied = clock()
                    conversation.model_dump_json()
                    done = clock()
                    if r:
                        if position == len(turns):
                            turns.append({name: [] for name in BREAKDOWN})
                        timed = turns[position]
                        timed["understanding"].append(stopwatch.last)
                        timed["transitions, render, new snapshot"].append(replied - began - stopwatch.last)
                        timed["snapshot to JSON"].append(done - replied)
                        timed["whole turn"].append(done - began)
                    position += 1
                    if conversation.closed:
                        break
    return {name: sum(median(turn[name]) for turn in turns) / len(turns) * MICRO for name in BREAKDOWN}


def _per_script(engine: Engine, rounds: int) -> dict[str, float]:
    medians = {}
    for n, script in enumerate(SCRIPTS):
        seconds = [s for r in range(rounds) for s, _ in play_tactful(engine, script, f"s{r}-{n}")]
        medians[script.name] = round(median(seconds) * MICRO, 2)
    return medians


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the tables and write ``bench/results/engine.json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="alternating rounds of each measurement")
    parser.add_argument("--quick", action="store_true", help="3 rounds: a smoke run, not a measurement")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile run")
    args = parser.parse_args(argv)
    rounds = 3 if args.quick else args.rounds
    policy = load_policy(POLICY)
    engine = Engine(policy, clock=_clock)

    problems, total = scripts_off_course(engine)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(f"{len(SCRIPTS)} scripted conversations, {turn_count()} messages a pass; {rounds} rounds")

    _tactful_pass(engine, "warm")
    _minimal_pass("warm")
    turns, minimal = measure_turns(engine, rounds, passes=8)
    starts, machine_starts = measure_starts(engine, rounds, calls=200)
    naive = naive_engine(policy, clock=_clock)
    list(play_naive(naive, SCRIPTS[0], "warm"))
    against_naive, naive_turns = measure_against_naive(engine, naive, max(3, rounds // 3))
    understanding = measure_understanding(rounds, repeats=4)
    breakdown = measure_breakdown(policy, rounds, passes=3)
    per_script = _per_script(engine, rounds)
    understand, reference = understanding["understanding one message"]

    figures = [
        Figure(
            "one in-process turn",
            "µs",
            turns.median_us,
            "lower",
            None,
            minimal.median_us,
            MINIMAL,
            1 / TURN_TIMES_MINIMAL,
            "understand + transition + render + snapshot to JSON; median over every scripted turn",
        ),
        Figure(
            "one in-process turn, against the naive flow",
            "µs",
            against_naive.median_us,
            "lower",
            None,
            naive_turns.median_us,
            NAIVE,
            NAIVE_RATIO,
            "the same scripted turns; the naive flow builds a Machine per conversation and uses the reference "
            "libraries",
        ),
        Figure(
            "starting a conversation",
            "µs",
            starts.median_us,
            "lower",
            None,
            machine_starts.median_us,
            MACHINE_START,
            START_RATIO,
            note="engine.start with facts, no message, greeting rendered",
        ),
        Figure(
            "understanding one message",
            "µs",
            understand.median_us,
            "lower",
            UNDERSTAND_LIMIT_US,
            reference.median_us,
            "vaderSentiment + better_profanity",
            note="intent, sentiment, abuse, threat and slots; median over the scripts' typed messages",
        ),
    ]
    print(figures_table("engine: headline figures", figures))
    print(_distribution_table(turns, minimal, starts, machine_starts, understanding))
    print(_breakdown_table(breakdown))

    details: dict[str, Any] = {
        "scripts": len(SCRIPTS),
        "messages_per_pass": turn_count(),
        "rounds": rounds,
        "parity": {"scripts_off_course": problems, "turns": total},
        "turn": {"tactful": turns.summary(), MINIMAL: minimal.summary(), "per_script_median_us": per_script},
        "against_naive": {"tactful": against_naive.summary(), NAIVE: naive_turns.summary()},
        "start": {"tactful": starts.summary(), MACHINE_START: machine_starts.summary()},
        "understanding": {
            name: {"tactful": a.summary(), "reference": b.summary()} for name, (a, b) in understanding.items()
        },
        "breakdown_us_per_turn": {name: round(value, 2) for name, value in breakdown.items()},
    }
    if not args.no_profile:
        repeats = 3 if args.quick else 60
        found = profile(lambda: _tactful_pass(engine, "profile"), repeats=repeats, turns=repeats * turn_count())
        print(profile_tables(found))
        details["profile"] = found
    path = write_results("engine", figures, details)
    print(f"\nwrote {path}")
    return 0


def _distribution_table(
    turns: Samples,
    minimal: Samples,
    starts: Samples,
    machine_starts: Samples,
    understanding: dict[str, tuple[Samples, Samples]],
) -> str:
    rows = []
    pairs = [("turn", turns, minimal, MINIMAL), ("start", starts, machine_starts, MACHINE_START)]
    pairs += [(name, a, b, "reference libraries") for name, (a, b) in understanding.items()]
    for name, ours, theirs, label in pairs:
        mine, other = ours.summary(), theirs.summary()
        rows.append(
            (
                name,
                f"{mine['median_us']:.1f}",
                f"{mine['p90_us']:.1f}",
                f"{mine['p99_us']:.1f}",
                f"{other['median_us']:.1f}",
                label,
                f"{other['median_us'] / mine['median_us']:.3g}×",
                f"{mine['calls']}/{other['calls']}",
            )
        )
    headers = ("µs per call", "median", "p90", "p99", "baseline median", "baseline", "baseline ÷ tactful", "calls")
    return table("engine: distributions", headers, rows)


def _breakdown_table(breakdown: dict[str, float]) -> str:
    whole = breakdown["whole turn"]
    parts = {name: value for name, value in breakdown.items() if name != "whole turn"}
    rows = [(name, format_value(value, "µs"), f"{value / whole:.0%}") for name, value in parts.items()]
    rows.append(("difference of medians", format_value(whole - sum(parts.values()), "µs"), ""))
    rows.append(("whole turn", format_value(whole, "µs"), "100%"))
    return table("engine: where a turn's time goes, timed inside turns", ("part", "µs per turn", "of a turn"), rows)


if __name__ == "__main__":
    raise SystemExit(main())
