"""A small phrase grammar: how simulated customers put a message together.

A grammar maps symbols to alternatives. An alternative is text with ``{symbol}`` references and
``[a|b|c]`` inline choices (nested choices are fine; an empty option makes the part optional)::

    >>> grammar = Grammar({"hi": ["[Hi|Hello] there,", "Hey,"], "ask": ["{hi} can I [please |]get {thing}?"]},
    ...                   values={"thing": ["a refund"]})
    >>> import random
    >>> grammar.expand("ask", random.Random(3), {"thing": "my money back"})
    'Hey, can I get my money back?'

``values`` are symbols the simulator fills in from what the customer knows (an order number, when
they bought the item); the alternatives written for them are the shapes the overlap measure uses.
A reference must not be glued to a letter or digit (``{n}th`` is refused), so the words of a message
are always the words of its parts.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from flow.errors import TactfulError


class GrammarError(TactfulError, ValueError):
    """A phrase table that cannot be used: bad syntax, an unknown symbol, a cycle or a glued reference."""

    def __init__(self, symbol: str, problem: str) -> None:
        self.symbol = symbol
        self.problem = problem
        super().__init__(f"phrase table symbol {symbol!r}: {problem}; fix the simulator's phrase tables")


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to another symbol."""

    name: str


@dataclass(frozen=True, slots=True)
class Choice:
    """An inline choice between sequences of parts."""

    options: tuple[Parts, ...]


Part = str | Ref | Choice
Parts = tuple[Part, ...]


def parse(template: str, *, symbol: str = "?") -> Parts:
    """The parts of one alternative."""
    parts, end = _sequence(template, 0, symbol, top=True)
    if end != len(template):
        raise GrammarError(symbol, f"unexpected {template[end]!r} at {end} in {template!r}")
    return parts


def _sequence(text: str, i: int, symbol: str, *, top: bool) -> tuple[Parts, int]:
    parts: list[Part] = []
    literal: list[str] = []
    while i < len(text):
        char = text[i]
        if char in "|]" and not top:
            break
        if char in "|]":
            raise GrammarError(symbol, f"{char!r} outside a choice in {text!r}")
        if char not in "{[":
            literal.append(char)
            i += 1
            continue
        if literal:
            parts.append("".join(literal))
            literal = []
        _check_unglued(text, i - 1, symbol)
        if char == "{":
            close = text.find("}", i)
            if close < 0:
                raise GrammarError(symbol, f"unclosed {{ in {text!r}")
            parts.append(Ref(text[i + 1 : close].strip()))
            i = close + 1
        else:
            options: list[Parts] = []
            i += 1
            while True:
                option, i = _sequence(text, i, symbol, top=False)
                options.append(option)
                if i >= len(text):
                    raise GrammarError(symbol, f"unclosed [ in {text!r}")
                i += 1
                if text[i - 1] == "]":
                    break
            parts.append(Choice(tuple(options)))
        _check_unglued(text, i, symbol)
    if literal:
        parts.append("".join(literal))
    return tuple(parts), i


def _check_unglued(text: str, i: int, symbol: str) -> None:
    if 0 <= i < len(text) and text[i].isalnum():
        raise GrammarError(symbol, f"a reference or choice is glued to {text[i]!r} in {text!r}; put a space or mark")


class Grammar:
    """Symbols and their alternatives, expanded at random and measured as a whole."""

    def __init__(
        self, rules: Mapping[str, Sequence[str]], *, values: Mapping[str, Sequence[str]] | None = None
    ) -> None:
        values = values or {}
        overlap = set(rules) & set(values)
        if overlap:
            raise GrammarError(sorted(overlap)[0], "defined both as a phrase and as a value")
        self.rules: dict[str, tuple[Parts, ...]] = {
            name: tuple(parse(alternative, symbol=name) for alternative in alternatives)
            for name, alternatives in rules.items()
        }
        self.values: dict[str, tuple[Parts, ...]] = {
            name: tuple(parse(example, symbol=name) for example in examples) for name, examples in values.items()
        }
        for name, alternatives in (*self.rules.items(), *self.values.items()):
            if not alternatives:
                raise GrammarError(name, "has no alternatives")
            for ref in _refs(alternatives):
                if ref not in self.rules and ref not in self.values:
                    raise GrammarError(name, f"refers to {ref!r}, which is not defined")
        self._check_cycles()

    def has(self, symbol: str) -> bool:
        """Whether ``symbol`` is a phrase of this grammar."""
        return symbol in self.rules

    def expand(
        self,
        symbol: str,
        rng: random.Random,
        values: Mapping[str, str],
        *,
        used: set[str] | None = None,
        sentence: bool = True,
    ) -> str:
        """One message from ``symbol``, with ``values`` filled in, tidied (spaces and punctuation); a
        ``sentence`` starts with a capital, a phrase to go inside another message does not.

        The names of the values the message took are added to ``used``, when given.
        """
        out: list[str] = []
        self._expand_symbol(symbol, rng, values, out, set() if used is None else used)
        return tidy("".join(out), sentence=sentence)

    def _expand_symbol(
        self, symbol: str, rng: random.Random, values: Mapping[str, str], out: list[str], used: set[str]
    ) -> None:
        if symbol in self.values:
            if symbol not in values:
                raise GrammarError(symbol, "is a value the simulator must fill in, and none was given")
            out.append(values[symbol])
            used.add(symbol)
            return
        alternatives = self.rules[symbol]
        self._expand(alternatives[rng.randrange(len(alternatives))], rng, values, out, used)

    def _expand(
        self, parts: Parts, rng: random.Random, values: Mapping[str, str], out: list[str], used: set[str]
    ) -> None:
        for part in parts:
            if isinstance(part, str):
                out.append(part)
            elif isinstance(part, Ref):
                self._expand_symbol(part.name, rng, values, out, used)
            else:
                self._expand(part.options[rng.randrange(len(part.options))], rng, values, out, used)

    def every(self, symbol: str) -> Iterator[str]:
        """Every text ``symbol`` can produce, tidied; for small symbols without values (the list can be long)."""
        for pieces in self._every(self.alternatives(symbol)):
            yield tidy("".join(pieces))

    def _every(self, alternatives: Iterable[Parts]) -> Iterator[tuple[str, ...]]:
        for parts in alternatives:
            yield from self._every_in(parts)

    def _every_in(self, parts: Parts) -> Iterator[tuple[str, ...]]:
        if not parts:
            yield ()
            return
        first, rest = parts[0], parts[1:]
        if isinstance(first, str):
            heads: Iterable[tuple[str, ...]] = [(first,)]
        elif isinstance(first, Ref):
            if first.name in self.values:
                raise GrammarError(first.name, "is a value; list the texts of symbols without values only")
            heads = list(self._every(self.rules[first.name]))
        else:
            heads = list(self._every(first.options))
        tails = list(self._every_in(rest))
        for head in heads:
            for tail in tails:
                yield head + tail

    def alternatives(self, symbol: str) -> tuple[Parts, ...]:
        """The parsed alternatives of a phrase, or the example shapes of a value."""
        return self.rules[symbol] if symbol in self.rules else self.values[symbol]

    def _check_cycles(self) -> None:
        done: set[str] = set()

        def visit(name: str, path: tuple[str, ...]) -> None:
            if name in path:
                raise GrammarError(name, "refers back to itself through " + " -> ".join((*path, name)))
            if name in done:
                return
            for ref in _refs(self.alternatives(name)):
                visit(ref, (*path, name))
            done.add(name)

        for name in (*self.rules, *self.values):
            visit(name, ())


def _refs(alternatives: Sequence[Parts]) -> Iterator[str]:
    for parts in alternatives:
        for part in parts:
            if isinstance(part, Ref):
                yield part.name
            elif isinstance(part, Choice):
                yield from _refs(part.options)


_NO_SPACE_BEFORE = ",.!?;:)"


def tidy(text: str, *, sentence: bool = True) -> str:
    """Spaces collapsed and none before punctuation; a doubled comma or a comma before a stop dropped; a
    sentence capital after a comma ("Hi, Can I") lowered; the first letter capitalised."""
    text = " ".join(text.split())
    for mark in _NO_SPACE_BEFORE:
        text = text.replace(" " + mark, mark)
    for doubled, single in ((",,", ","), (",.", "."), (",?", "?"), (",!", "!"), (".,", "."), ("( ", "(")):
        text = text.replace(doubled, single)
    text = text.strip().lstrip(",").strip()
    words = text.split(" ")
    for i in range(1, len(words)):
        if words[i - 1].endswith(",") and _starts_sentence_case(words[i]):
            words[i] = words[i][0].lower() + words[i][1:]
    text = " ".join(words)
    return text[:1].upper() + text[1:] if sentence else text


def _starts_sentence_case(word: str) -> bool:
    """A word capitalised only because a sentence started with it (not "I", "I'm", a name of a month or a code)."""
    return (
        word[:1].isupper()
        and word[1:2].islower()
        and not word.startswith(("I'", "I "))
        and not any(c.isdigit() for c in word)
        and word.strip(".,!?") not in _PROPER
    )


_PROPER = frozenset(
    """January February March April May June July August September October November December Jan Feb Mar Apr Jun
    Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday Ireland""".split()
)
