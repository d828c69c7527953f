"""The step catalog: every step the library defines, registered with pytest-bdd and kept for the docs.

Steps are declared with :func:`given`, :func:`when` and :func:`then`, which register them with
pytest-bdd (typed ``parsers.parse`` patterns) and record them here, so the reference in
``docs/steps.md`` is generated from the same objects pytest-bdd runs. :func:`alias` maps a domain
phrasing onto one or more generic steps, as sismic's ``map_action`` does.
"""

from __future__ import annotations

import inspect
import re
import string
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import pytest_bdd
from pytest_bdd import parsers

Kind = Literal["given", "when", "then"]
STEP_MODULES = (
    "flow.testing.steps_setup",
    "flow.testing.steps_talk",
    "flow.testing.transcript",
    "flow.testing.steps_reply",
    "flow.testing.steps_practices",
    "flow.testing.steps_outcome",
    "flow.testing.steps_actions",
    "flow.testing.steps_people",
    "flow.testing.steps_record",
    "flow.testing.steps_reading",
    "flow.testing.aliases",
)
"""The modules that declare steps, in the order the reference lists them; the plugin loads them all."""
StepFunction = TypeVar("StepFunction", bound=Callable[..., Any])
WORLD = "tactful_conversation"
PROJECT_SECTION = "Project steps"


class _Field:
    """A parse field type: a regular expression and a converter, as ``parse`` expects."""

    def __init__(self, pattern: str, convert: Callable[[str], Any], name: str) -> None:
        self.pattern = pattern
        self._convert = convert
        self.__name__ = name

    def __call__(self, text: str) -> Any:
        return self._convert(text)


def _quoted_items(text: str) -> list[str]:
    return re.findall(r'"([^"]*)"', text)


def _number(text: str) -> float:
    return float(text)


FIELD_TYPES: dict[str, _Field] = {
    "Text": _Field(r'[^"]*', str, "Text"),
    "Regex": _Field(r".+", str, "Regex"),
    "Number": _Field(r"\d+(?:\.\d+)?", _number, "Number"),
    "Clock": _Field(r"\d{1,2}:\d{2}", str, "Clock"),
    "Day": _Field(r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", str.lower, "Day"),
    "Date": _Field(r"\d{4}-\d{2}-\d{2}", str, "Date"),
    "Unit": _Field(r"(?:minute|hour|day)s?", str, "Unit"),
    "Texts": _Field(r'"[^"]*"(?:(?:, | and | or )"[^"]*")*', _quoted_items, "Texts"),
}
"""Field types steps may use: ``{text:Text}`` is what sits between double quotes, ``{texts:Texts}`` a
list such as ``"a", "b" and "c"``."""


@dataclass(frozen=True, slots=True)
class StepEntry:
    """One step of the library: its keyword, its pattern, and the function behind it."""

    kind: Kind
    pattern: str
    function: Callable[..., Any]
    section: str
    expands_to: tuple[str, ...] = ()

    @property
    def parser(self) -> parsers.parse:
        """The pytest-bdd parser of this step's pattern."""
        return _parser(self.pattern)

    @property
    def readable(self) -> str:
        """The pattern as a reader sees it: ``the fact "{name}" is "{value}"``."""
        return re.sub(r"\{(\w+):\w+\}", r"{\1}", self.pattern)

    @property
    def summary(self) -> str:
        """The first paragraph of the step's docstring."""
        return inspect.cleandoc(self.function.__doc__ or "").split("\n\n")[0].replace("\n", " ")

    @property
    def examples(self) -> list[str]:
        """Example lines from the docstring (each line after ``Example:``), keywords included."""
        doc = inspect.cleandoc(self.function.__doc__ or "")
        _, found, rest = doc.partition("Example:")
        first, _, more = rest.partition("\n")
        lines = [first.strip(), *textwrap.dedent(more).splitlines()]
        return [line.rstrip() for line in lines if line.strip()] if found else []

    def matches(self, text: str) -> bool:
        """Whether ``text`` (without its keyword) is this step."""
        return self.parser.is_matching(text)


CATALOG: list[StepEntry] = []
"""Every registered step, in the order the modules declare them."""


def _parser(pattern: str) -> parsers.parse:
    return parsers.parse(pattern, extra_types=FIELD_TYPES)


def _register(
    kind: Kind, pattern: str, section: str, target_fixture: str | None
) -> Callable[[StepFunction], StepFunction]:
    decorate = {"given": pytest_bdd.given, "when": pytest_bdd.when, "then": pytest_bdd.then}[kind]

    def register(function: StepFunction) -> StepFunction:
        # stacklevel 2: pytest-bdd stores the step fixture in the module that declares the step
        decorate(_parser(pattern), target_fixture=target_fixture, stacklevel=2)(function)
        CATALOG.append(StepEntry(kind, pattern, function, section))
        return function

    return register


def given(
    pattern: str, *, section: str = PROJECT_SECTION, target_fixture: str | None = None
) -> Callable[[StepFunction], StepFunction]:
    """Declare a Given step (setup, never asserted)."""
    return _register("given", pattern, section, target_fixture)


def when(pattern: str, *, section: str = PROJECT_SECTION) -> Callable[[StepFunction], StepFunction]:
    """Declare a When step (something the customer does, or time passing)."""
    return _register("when", pattern, section, None)


def then(pattern: str, *, section: str = PROJECT_SECTION) -> Callable[[StepFunction], StepFunction]:
    """Declare a Then step (a check of what happened after a When)."""
    return _register("then", pattern, section, None)


def find_step(kind: Kind, text: str) -> StepEntry:
    """The generic step that ``text`` names; raise ``LookupError`` when none or several do."""
    found = [entry for entry in CATALOG if entry.kind == kind and not entry.expands_to and entry.matches(text)]
    if len(found) != 1:
        problem = "no" if not found else f"{len(found)}"
        raise LookupError(f"{problem} generic {kind} steps match {text!r}")
    return found[0]


def run_step(kind: Kind, text: str, world: Any) -> None:
    """Run the generic step ``text`` (keyword left out) against ``world``."""
    __tracebackhide__ = True
    entry = find_step(kind, text)
    arguments = entry.parser.parse_arguments(text)
    accepted = inspect.signature(entry.function).parameters
    entry.function(**{WORLD: world}, **{k: v for k, v in arguments.items() if k in accepted})


def alias(kind: Kind, pattern: str, *steps: str, doc: str, example: str, section: str = PROJECT_SECTION) -> None:
    """Declare ``pattern`` as another way to say ``steps``, generic steps with ``{field}`` placeholders.

    Each placeholder is filled with the text the alias matched, so the alias only renames: every check
    is done by the generic steps it expands to. Must be called at module level (pytest-bdd keeps the
    step in the calling module).
    """
    fields = [name.split(":")[0] for _, name, _, _ in string.Formatter().parse(pattern) if name]

    def expand(**arguments: Any) -> None:
        __tracebackhide__ = True
        world = arguments.pop(WORLD)
        text = {name: _as_text(value) for name, value in arguments.items()}
        for step in steps:
            run_step(kind, step.format(**text), world)

    parameters = [inspect.Parameter(WORLD, inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    parameters += [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD) for name in fields]
    expand.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    expand.__doc__ = f"{doc}\n\nExample: {example}"
    expand.__name__ = "_"
    decorate = {"given": pytest_bdd.given, "when": pytest_bdd.when, "then": pytest_bdd.then}[kind]
    decorate(_parser(pattern), stacklevel=2)(expand)
    CATALOG.append(StepEntry(kind, pattern, expand, section, tuple(steps)))


def _as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Sequence) and not isinstance(value, str):
        return ", ".join(f'"{item}"' for item in value)
    return str(value)
