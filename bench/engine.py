"""One in-process turn, starting a conversation, and understanding one message, against the naive flow.

    python -m bench.engine [--rounds 15] [--quick] [--no-profile]

A turn is what a channel does for every customer message: understand it, walk the guards and take
the transition, render the reply, and dump the new snapshot to JSON. The turns are the messages of
:mod:`bench.scripts`, replayed conversation by conversation, each timed on its own; the figure is the
median over every turn of every round. The baseline is :mod:`bench.naive`, timed in the same rounds
(the two alternate, so load from elsewhere falls on both alike). Before timing, both implementations
replay every script and must take the same transitions and say the same words.

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

from bench.naive import NaiveConversation, NaiveEngine, bare_machine
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

TURN_LIMIT_US = 100.0
TURN_RATIO = 50.0
START_LIMIT_US = 30.0
UNDERSTAND_LIMIT_US = 40.0
MICRO = 1e6
NAIVE = "naive flow"
NAIVE_OWN_ABUSE = "naive flow, tactful's abuse check"
NAIVE_START = "a Machine per conversation"
BARE_MACHINE = "a bare Machine, nothing rendered"
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


def play_naive(naive: NaiveEngine, script: Script, cid: str) -> Iterator[tuple[float, Played]]:
    """Replay ``script`` on the naive flow, yielding each turn's seconds and what it did."""
    model, _ = naive.start(script.facts, conversation_id=cid)
    clock = time.perf_counter
    for message in script.messages:
        began = clock()
        if isinstance(message, Click):
            text, _ = naive.reply(model, quick_reply=message.payload)
        else:
            text, _ = naive.reply(model, message)
        yield clock() - began, Played(model.state, text)
        if model.state == "closed":
            return


def flow_differences(engine: Engine, naive: NaiveEngine) -> tuple[list[str], int, int]:
    """Scripts that end somewhere unexpected, and on how many of all turns the naive flow's state differs.

    The naive flow reads each message alone, without the conversation's context or dialogue acts, so
    it parts ways with tactful on some turns; the benchmark compares what each costs, and the count
    says how alike the work was.
    """
    problems: list[str] = []
    differing = total = 0
    for number, script in enumerate(SCRIPTS):
        cid = f"parity-{number}"
        ours = [played for _, played in play_tactful(engine, script, cid)]
        theirs = [played for _, played in play_naive(naive, script, cid)]
        if len(ours) < len(script.messages):
            problems.append(f"{script.name}: closed after {len(ours)} of {len(script.messages)} messages")
        if ours and ours[-1].state != script.ends_in:
            problems.append(f"{script.name}: ends in {ours[-1].state}, expected {script.ends_in}")
        total += len(ours)
        differing += sum(mine.state != other.state for mine, other in zip(ours, theirs, strict=False))
        differing += abs(len(ours) - len(theirs))
    return problems, differing, total


def _tactful_pass(engine: Engine, tag: str) -> list[float]:
    return [seconds for n, s in enumerate(SCRIPTS) for seconds, _ in play_tactful(engine, s, f"{tag}-{n}")]


def _naive_pass(naive: NaiveEngine, tag: str) -> list[float]:
    return [seconds for n, s in enumerate(SCRIPTS) for seconds, _ in play_naive(naive, s, f"{tag}-{n}")]


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


def measure_turns(
    engine: Engine, naives: dict[str, NaiveEngine], rounds: int, passes: int
) -> tuple[Samples, dict[str, Samples]]:
    """Every turn of every script: ``passes`` tactful passes and one pass of each naive flow per round."""
    ours: list[float] = []
    theirs: dict[str, list[float]] = {name: [] for name in naives}
    for r in range(rounds):
        for p in range(passes):
            ours += _tactful_pass(engine, f"t{r}.{p}")
        for name, naive in naives.items():
            theirs[name] += _naive_pass(naive, f"n{r}")
    return Samples(ours), {name: Samples(seconds) for name, seconds in theirs.items()}


def measure_starts(engine: Engine, naive: NaiveEngine, rounds: int, calls: int) -> tuple[Samples, dict[str, Samples]]:
    """``engine.start`` with the facts of each script and no message, against opening a naive conversation.

    Two baselines: the naive flow's start (its Machine built, the greeting rendered), and the floor
    under any Machine-per-conversation design, :func:`bench.naive.bare_machine` alone.
    """
    policy = engine.policy
    facts = [SCRIPTS[n % len(SCRIPTS)].facts for n in range(calls)]
    fewer = facts[: max(1, calls // 10)]
    ours: list[float] = []
    theirs: dict[str, list[float]] = {NAIVE_START: [], BARE_MACHINE: []}
    for _ in range(rounds):
        ours += _each(lambda f: engine.start(facts=f), facts)
        theirs[NAIVE_START] += _each(lambda f: naive.start(f), fewer)
        theirs[BARE_MACHINE] += _each(
            lambda f: bare_machine(policy, NaiveConversation("bare", policy, f, IN_HOURS)), fewer
        )
    return Samples(ours), {name: Samples(seconds) for name, seconds in theirs.items()}


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
    naive = NaiveEngine(policy, clock=_clock)

    problems, differing, total = flow_differences(engine, naive)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(f"{len(SCRIPTS)} scripted conversations, {turn_count()} messages a pass; {rounds} rounds")
    print(f"the naive flow, which reads each message alone, reaches a different state on {differing} of {total} turns")

    _tactful_pass(engine, "warm")
    _naive_pass(naive, "warm")
    without_profanity = NaiveEngine(policy, clock=_clock, abusive=is_abusive)
    turns, naives = measure_turns(engine, {NAIVE: naive, NAIVE_OWN_ABUSE: without_profanity}, rounds, passes=8)
    naive_turns = naives[NAIVE]
    starts, naive_starts = measure_starts(engine, naive, rounds, calls=200)
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
            TURN_LIMIT_US,
            naive_turns.median_us,
            "naive flow",
            TURN_RATIO,
            "understand + transition + render + snapshot to JSON; median over every scripted turn",
        ),
        Figure(
            "starting a conversation",
            "µs",
            starts.median_us,
            "lower",
            START_LIMIT_US,
            naive_starts[NAIVE_START].median_us,
            "a Machine per conversation",
            note="engine.start with facts, no message",
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
    print(_distribution_table(turns, naives, starts, naive_starts, understanding))
    print(_breakdown_table(breakdown))

    details: dict[str, Any] = {
        "scripts": len(SCRIPTS),
        "messages_per_pass": turn_count(),
        "rounds": rounds,
        "parity": {"scripts_off_course": problems, "naive_state_differs_on_turns": differing, "turns": total},
        "turn": {
            "tactful": turns.summary(),
            **{name: samples.summary() for name, samples in naives.items()},
            "per_script_median_us": per_script,
        },
        "start": {"tactful": starts.summary(), **{name: a.summary() for name, a in naive_starts.items()}},
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
    naives: dict[str, Samples],
    starts: Samples,
    naive_starts: dict[str, Samples],
    understanding: dict[str, tuple[Samples, Samples]],
) -> str:
    rows = []
    pairs = [("turn", turns, naive, name) for name, naive in naives.items()]
    pairs += [("start", starts, naive, name) for name, naive in naive_starts.items()]
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
                f"{other['median_us'] / mine['median_us']:.1f}×",
                f"{mine['calls']}/{other['calls']}",
            )
        )
    headers = ("µs per call", "median", "p90", "p99", "baseline median", "baseline", "faster", "calls")
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
