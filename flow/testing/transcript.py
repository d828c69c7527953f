"""Whole scripted conversations: Customer and Agent lines, played and checked one after another.

As a docstring::

    When the conversation goes like this:
      \"\"\"
      Customer: I want a refund
      Agent: I can't refund it
      Agent [offering_alternatives]: /store credit .* exchange/
      Customer: [Store credit]
      Agent: all set
      \"\"\"

or as a table with a ``Customer`` and an ``Agent`` column (and, optionally, ``State``). A customer
line ``[Title]`` clicks that quick reply. An agent line is words the reply must contain (case and
spacing ignored) or a ``/regular expression/`` it must match; ``Agent [state]:`` also checks the
state the conversation is in after that reply. Several agent lines may follow one customer line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flow.testing.catalog import when
from flow.testing.checks import contains
from flow.testing.world import ConversationUnderTest, normalize

SECTION = "Scripted conversations"
_LINE = re.compile(r"^(?P<who>customer|agent)\s*(?:\[(?P<state>[\w ]+)\])?\s*:\s?(?P<text>.*)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a scripted conversation."""

    number: int
    who: str
    text: str
    state: str | None = None

    def __str__(self) -> str:
        state = f" [{self.state}]" if self.state else ""
        return f"{self.who.capitalize()}{state}: {self.text}"


def parse_docstring(docstring: str) -> list[Line]:
    """The lines of a docstring transcript; ``#`` comments and blank lines are skipped."""
    lines: list[Line] = []
    for number, raw in enumerate(docstring.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _LINE.match(stripped)
        if match is None:
            raise ValueError(
                f"line {number} of the transcript, {stripped!r}, starts with neither 'Customer:' nor 'Agent:'"
            )
        lines.append(Line(number, match["who"].lower(), match["text"].strip(), match["state"]))
    return lines


def parse_table(table: list[list[str]]) -> list[Line]:
    """The lines of a table transcript with Customer, Agent and optional State columns."""
    header, *rows = table
    names = [cell.strip().lower() for cell in header]
    if "customer" not in names or "agent" not in names:
        raise ValueError(f"the transcript table needs a Customer and an Agent column; its header is {header}")
    lines: list[Line] = []
    for number, row in enumerate(rows, start=2):
        cells = dict(zip(names, (cell.strip() for cell in row), strict=True))
        if cells["customer"]:
            lines.append(Line(number, "customer", cells["customer"]))
        if cells["agent"] or cells.get("state"):
            lines.append(Line(number, "agent", cells["agent"], cells.get("state") or None))
    return lines


def agent_line_problem(line: Line, text: str, state: str) -> str | None:
    """Why the reply ``text`` (ending in ``state``) does not fit the agent line, or ``None``."""
    wanted = line.text
    if len(wanted) >= 2 and wanted.startswith("/") and wanted.endswith("/"):
        if re.search(wanted[1:-1], text, re.IGNORECASE) is None:
            return f"the reply does not match {wanted}"
    elif wanted and not contains(text, wanted):
        return "the reply does not contain those words"
    if line.state and normalize(line.state).replace(" ", "_") != state:
        return f"the conversation is in {state!r}, not {line.state!r}"
    return None


def play(world: ConversationUnderTest, lines: list[Line]) -> None:
    """Send every customer line and check every agent line against the reply before it."""
    __tracebackhide__ = True
    for line in lines:
        if line.who == "customer":
            if line.text.startswith("[") and line.text.endswith("]"):
                world.click(line.text[1:-1])
            else:
                world.say(line.text)
            continue
        if not world.exchanges:
            world.fail(
                f"a customer line before line {line.number}, {str(line)!r}", "the transcript starts with the agent"
            )
        turn = world.last_turn
        problem = agent_line_problem(line, turn.text, turn.state)
        if problem is not None:
            world.fail(f"line {line.number} of the transcript: {line}", problem)


@when("the conversation goes like this:", section=SECTION)
def _(
    tactful_conversation: ConversationUnderTest, docstring: str | None = None, datatable: list[list[str]] | None = None
) -> None:
    """Play a whole scripted conversation, checking each agent line against the reply before it.

    Example:
    When the conversation goes like this:
      \"\"\"
      Customer: I want a refund
      Agent [offering_alternatives]: I can't refund it
      Customer: [Store credit]
      Agent: /all set|arranged/
      \"\"\"
    """
    world = tactful_conversation
    try:
        lines = parse_docstring(docstring) if docstring is not None else parse_table(datatable or [[]])
    except ValueError as e:
        world.fail("a transcript of Customer and Agent lines (a docstring, or a table)", str(e))
    if not lines:
        world.fail("a transcript of Customer and Agent lines (a docstring, or a table)", "an empty transcript")
    play(world, lines)
