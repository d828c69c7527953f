"""The step reference, written from the step definitions themselves: ``python -m flow.testing.docs``.

Every step's pattern, summary and examples come from the catalog pytest-bdd runs, so the reference in
``docs/steps.md`` cannot drift from the steps; a test checks the file is up to date.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator

from flow.testing.catalog import CATALOG, STEP_MODULES, StepEntry

INTRO = """\
# Conversation steps

The steps tactful's pytest plugin gives every project, once tactful is installed. Write them in any
`.feature` file; a test module with `scenarios("...")` runs them (see [testing.md](testing.md)).
This file is generated from the step definitions: run `python -m flow.testing.docs > docs/steps.md`
after changing a step.

How to read the patterns:

- `"{name}"`: any text between double quotes.
- `{names}` after a step word: one or more quoted texts, as `"a"`, `"a" and "b"` or `"a", "b" and "c"`.
- `{hours}`, `{times}`: a number; `{clock}` is a time such as `09:30`; `{day}` a weekday; `{date}` `YYYY-MM-DD`.
- `/{pattern}/`: a regular expression, matched anywhere and ignoring case.
- Text checks ignore case, spacing and curly quotes.
- A message with double quotes in it goes in a docstring: `When the customer says:`.

A Then step checks the reply to the latest When step; a Then step before any When step fails.
Every step that fails prints the whole conversation so far.
"""


def _grouped() -> Iterator[tuple[str, list[list[StepEntry]]]]:
    sections: dict[str, list[list[StepEntry]]] = {}
    for entry in CATALOG:
        groups = sections.setdefault(entry.section, [])
        if groups and groups[-1][0].function is entry.function:
            groups[-1].append(entry)
        else:
            groups.append([entry])
    yield from sections.items()


def render() -> str:
    """The whole reference as Markdown."""
    for module in STEP_MODULES:
        importlib.import_module(module)
    lines = [INTRO]
    for section, groups in _grouped():
        lines.append(f"## {section}\n")
        for group in groups:
            first = group[0]
            for entry in reversed(group):
                lines.append(f"### {entry.kind.capitalize()} {entry.readable}\n")
            lines.append(first.summary + "\n")
            if first.expands_to:
                lines.append("Same as:\n")
                lines.extend(f"- `{first.kind.capitalize()} {step}`" for step in first.expands_to)
                lines.append("")
            if first.examples:
                lines.append("```gherkin")
                lines.extend(first.examples)
                lines.append("```\n")
    return "\n".join(lines).rstrip() + "\n"


def main() -> None:
    """Print the reference."""
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
