"""The dialogue suite: whole conversations, and the share that end the way a good agent would end them.

    python -m bench.dialogue [--show NAME] [--verbose]

Each conversation of ``bench/data/dialogues/part*.yaml`` (see the README there) is played through the
engine with the bundled ``retail`` policy and the real understanding step. It counts as good when it
takes every message, ends in the expected state with the expected outcome and decisions, took every
expected action and none of the forbidden ones, said what it had to say, and no politeness monitor
(:data:`flow.testing.monitors.DEFAULT_MONITORS`) fired on any turn. Printed beside it: the share of
simulated conversations that get full marks on the rubric (``tactful simulate``), measured in the same
run, so a simulator that hides failures shows up as a gap between the two.
"""

from __future__ import annotations

import argparse
import re
import sys
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from flow import Engine, load_policy
from flow.errors import TactfulError
from flow.models import Conversation, Turn
from flow.testing.monitors import DEFAULT_MONITORS, first_violation
from flow.testing.record import Exchange

SUITE = Path(__file__).resolve().parent / "data" / "dialogues"
DEFAULT_AT = datetime(2026, 11, 24, 11, 30, tzinfo=UTC)
POLICY = "retail"
GOOD_SHARE_TARGET = 0.95


@dataclass(frozen=True, slots=True)
class Dialogue:
    """One conversation of the suite and what a good agent would end with."""

    part: str
    name: str
    facts: dict[str, Any]
    at: datetime
    customer: tuple[str, ...]
    expect: dict[str, Any]


@dataclass(slots=True)
class Played:
    """What the engine did with one dialogue, and what was wrong with it."""

    dialogue: Dialogue
    exchanges: list[Exchange] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    conversation: Conversation | None = None

    @property
    def good(self) -> bool:
        """Whether it ended as a good agent would end it."""
        return not self.problems


class _TextLoader(yaml.SafeLoader):
    """YAML as people write dialogues: "no", "yes", "on" and "off" stay words, not booleans."""


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_suite(parts: list[str] | None = None) -> list[Dialogue]:
    """Every dialogue of the suite, part by part."""
    dialogues: list[Dialogue] = []
    for path in sorted(SUITE.glob("part*.yaml")):
        if parts and path.stem not in parts:
            continue
        for entry in yaml.load(path.read_text(encoding="utf-8"), Loader=_TextLoader) or []:  # noqa: S506
            at = entry.get("at")
            moment = datetime.fromisoformat(at) if isinstance(at, str) else (at or DEFAULT_AT)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            dialogues.append(
                Dialogue(
                    path.stem,
                    entry["name"],
                    entry.get("facts") or {},
                    moment,
                    tuple(entry["customer"]),
                    entry.get("expect") or {},
                )
            )
    return dialogues


def play(dialogue: Dialogue, engine: Engine | None = None) -> Played:
    """Run one dialogue through the engine and judge how it ended."""
    at = dialogue.at
    engine = engine or Engine(load_policy(POLICY), clock=lambda: at)
    played = Played(dialogue)
    conversation, turn = engine.start(
        facts=dialogue.facts, conversation_id=f"dialogue-{zlib.crc32(dialogue.name.encode()):08x}"
    )
    played.exchanges.append(Exchange(0, at, None, turn=turn))
    turns: list[Turn] = [turn]
    for number, message in enumerate(dialogue.customer, start=1):
        state = conversation.state
        try:
            conversation, turn = engine.reply(conversation, message)
        except TactfulError as error:
            played.exchanges.append(Exchange(number, at, state, said=message, refused=str(error)))
            played.problems.append(f"message {number} refused: {error}")
            break
        played.exchanges.append(Exchange(number, at, state, said=message, turn=turn))
        turns.append(turn)
        violation = first_violation(DEFAULT_MONITORS, played.exchanges, engine.policy)
        if violation is not None:
            played.problems.append(f"monitor '{violation[0].rule}': {violation[1]}")
            break
    played.conversation = conversation
    played.problems += _expectations(dialogue.expect, conversation, turns)
    return played


def _expectations(expect: dict[str, Any], conversation: Conversation, turns: list[Turn]) -> list[str]:
    problems: list[str] = []
    actions = [action for turn in turns for action in turn.actions]
    labels = [_label(action) for action in actions]
    if "state" in expect and conversation.state != expect["state"]:
        problems.append(f"ended in {conversation.state}, expected {expect['state']}")
    if "outcome" in expect and conversation.outcome != expect["outcome"]:
        problems.append(f"outcome {conversation.outcome}, expected {expect['outcome']}")
    for name, status in (expect.get("requests") or {}).items():
        found = [item.status for item in conversation.agenda if item.name == name]
        wanted = "declined_closed" if status == "declined" else status
        if wanted not in found:
            problems.append(f"request {name} is {found or 'not on the agenda'}, expected {status}")
    for wanted in expect.get("actions") or []:
        if not any(label == wanted or label.split(":")[0] == wanted for label in labels):
            problems.append(f"no {wanted} action (took {labels})")
    for forbidden in expect.get("no_actions") or []:
        if any(label.split(":")[0] == forbidden for label in labels):
            problems.append(f"took a {forbidden} action")
    said = "\n".join(turn.text for turn in turns)
    for pattern in expect.get("says") or []:
        if not re.search(pattern, said, re.IGNORECASE):
            problems.append(f"never said /{pattern}/")
    return problems


def _label(action: Any) -> str:
    detail = getattr(action, "alternative", None) or getattr(action, "request", None) or getattr(action, "reason", None)
    return f"{action.type}:{detail}" if detail else action.type


def transcript(played: Played) -> str:
    """The conversation as a reader would follow it."""
    lines = [f"# {played.dialogue.name}"]
    for exchange in played.exchanges:
        if exchange.said is not None:
            lines.append(f"  Customer: {exchange.said}")
        if exchange.refused:
            lines.append(f"  (refused: {exchange.refused})")
        if exchange.turn is not None:
            for paragraph in exchange.turn.messages:
                lines.append(f"  Agent:    {paragraph}")
            lines.append(f"            [{', '.join(exchange.turn.transitions)} -> {exchange.turn.state}]")
    for problem in played.problems:
        lines.append(f"  PROBLEM: {problem}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Play the suite, print the good share (and the simulator's beside it) and any failures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="print the whole transcript of dialogues whose name contains this")
    parser.add_argument("--verbose", action="store_true", help="print the transcript of every failure")
    parser.add_argument("--part", action="append", help="only these parts (part1, part2, ...)")
    parser.add_argument("--no-simulate", action="store_true", help="skip the simulator's figure")
    args = parser.parse_args(argv)
    played = [play(d) for d in load_suite(args.part)]
    good = sum(p.good for p in played)
    share = good / len(played) if played else 0.0
    by_part: dict[str, list[Played]] = {}
    for p in played:
        by_part.setdefault(p.dialogue.part, []).append(p)
    for part, items in by_part.items():
        print(f"{part}: {sum(p.good for p in items)} of {len(items)} end as a good agent would")
    print(f"dialogue suite: {good} of {len(played)} good ({share:.1%}; target {GOOD_SHARE_TARGET:.0%})")
    if not args.no_simulate:
        print(f"simulator, rubric full marks: {_simulated_full_marks():.1%} (same run)")
    for p in played:
        if args.show and args.show.lower() in p.dialogue.name.lower():
            print(transcript(p))
        elif not p.good:
            print(transcript(p) if args.verbose else f"FAIL {p.dialogue.name}: {'; '.join(p.problems)}")
    return 0


def _simulated_full_marks() -> float:
    from flow.simulate import simulate

    result = simulate(load_policy(POLICY), conversations=200, seed=7)
    return float(result.full_marks_share)


if __name__ == "__main__":
    sys.exit(main())
