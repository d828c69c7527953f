"""The simulated customers' phrase tables: every way they have of saying each move, as a :class:`Grammar`.

The tables are YAML files beside this module (``openings.yaml``, ``replies.yaml``, ``values.yaml``),
each with up to three sections: ``moves`` (what a customer can send as one message), ``parts``
(pieces the moves share) and ``values`` (what the simulator fills in). Nested keys are joined with
dots: ``fact: {order_id: [...]}`` defines ``fact.order_id``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from flow.simulate.grammar import Grammar, GrammarError

SECTIONS = ("moves", "parts", "values")


@dataclass(frozen=True, slots=True)
class Phrasebook:
    """The grammar, which of its symbols are whole messages, and the items customers buy."""

    grammar: Grammar
    moves: frozenset[str]
    items: tuple[str, ...]


@lru_cache(maxsize=1)
def phrasebook() -> Phrasebook:
    """The bundled phrase tables (read once)."""
    files = sorted(
        (entry for entry in resources.files(__name__).iterdir() if entry.name.endswith(".yaml")),
        key=lambda entry: entry.name,
    )
    return build({entry.name: yaml.safe_load(entry.read_text(encoding="utf-8")) for entry in files})


def build(documents: Mapping[str, Any]) -> Phrasebook:
    """A phrasebook from parsed YAML documents, by file name; raises :class:`GrammarError` when one is wrong."""
    sections: dict[str, dict[str, list[str]]] = {name: {} for name in SECTIONS}
    for file, document in documents.items():
        if not isinstance(document, Mapping):
            raise GrammarError(file, "the file must hold a mapping with moves, parts or values")
        for section, content in document.items():
            if section not in SECTIONS:
                raise GrammarError(f"{file}:{section}", f"unknown section; use one of {', '.join(SECTIONS)}")
            for symbol, alternatives in _flatten(content, "").items():
                if any(symbol in defined for defined in sections.values()):
                    raise GrammarError(symbol, f"defined twice (again in {file})")
                sections[section][symbol] = alternatives
    rules = {**sections["moves"], **sections["parts"]}
    grammar = Grammar(rules, values=sections["values"])
    return Phrasebook(grammar, frozenset(sections["moves"]), tuple(sections["parts"].get("items", ())))


def _flatten(content: Any, prefix: str) -> dict[str, list[str]]:
    if isinstance(content, list):
        if not all(isinstance(item, str) for item in content):
            raise GrammarError(prefix or "?", "alternatives must be strings; quote words YAML reads as booleans")
        return {prefix: content}
    if not isinstance(content, Mapping):
        raise GrammarError(prefix or "?", "expected a list of alternatives or a mapping of symbols")
    flat: dict[str, list[str]] = {}
    for key, inner in content.items():
        flat.update(_flatten(inner, f"{prefix}.{key}" if prefix else str(key)))
    return flat
