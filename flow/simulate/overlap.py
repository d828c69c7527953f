"""How much of the simulated customers' wording is the agent's own: word 4-grams shared with the
understanding step's phrase lists and with the agent's templates.

A simulator whose customers say what the understanding step was written to read measures nothing.
:func:`phrasing_overlap` takes every text the phrase tables can produce (before typos), as sets of
word 4-grams in the canonical form the understanding step reads (lower case, no apostrophes,
shorthand spelled out, numbers as ``#``), and counts those that also occur in

- the understanding step's words: every phrase set and word list of the English lexicon, the short
  replies of the intent rules, and the extra training phrasings (``phrasings.txt``);
- the agent's words: every state's templates and every text of the policy (reasons, alternatives and
  their synonyms, exceptions, the follow-up), with template tags taken out.

The 4-grams of every producible text are counted exactly, without listing the texts: for each symbol
the grammar keeps its inner 4-grams and its first and last three words, which is all a 4-gram across
a join can see (:class:`Words`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from flow.policy import Policy
from flow.simulate.grammar import Choice, Grammar, Parts, Ref
from flow.simulate.pen import Pen
from flow.simulate.phrasebook import Phrasebook, phrasebook
from flow.understanding._text import canonical_tokens

N = 4
Gram = tuple[str, ...]
LIMIT = 0.20
"""The largest share of shared 4-grams at which the simulated customers still speak for themselves."""


@dataclass(slots=True)
class Words:
    """What matters about a set of word sequences for counting 4-grams across joins.

    ``grams``: the 4-grams inside the sequences; ``shorts``: the sequences of fewer than three words,
    whole; ``heads`` and ``tails``: the first and last three words of the others. A 4-gram that
    crosses a join between two sets uses only a tail or short of the left one and a head or short of
    the right one, so these are enough.
    """

    grams: set[Gram] = field(default_factory=set)
    shorts: set[Gram] = field(default_factory=set)
    heads: set[Gram] = field(default_factory=set)
    tails: set[Gram] = field(default_factory=set)

    @classmethod
    def of(cls, words: Gram) -> Words:
        """The one sequence ``words``."""
        if len(words) < N - 1:
            return cls(shorts={words})
        return cls(grams=set(grams_of(words)), heads={words[: N - 1]}, tails={words[1 - N :]})

    def union(self, other: Words) -> Words:
        """Either set."""
        return Words(
            self.grams | other.grams,
            self.shorts | other.shorts,
            self.heads | other.heads,
            self.tails | other.tails,
        )

    def then(self, right: Words) -> Words:
        """Every sequence of this set followed by one of ``right``."""
        lefts = self.tails | self.shorts
        rights = right.heads | right.shorts
        joined = Words(self.grams | right.grams, set(), set(self.heads), set(right.tails))
        for left in lefts:
            for start in rights:
                both = left + start
                joined.grams.update(grams_of(both))
        for short in self.shorts:
            for start in rights:
                both = short + start
                if len(both) < N - 1:
                    joined.shorts.add(both)
                else:
                    joined.heads.add(both[: N - 1])
        for left in lefts:
            for short in right.shorts:
                both = left + short
                if len(both) >= N - 1:
                    joined.tails.add(both[1 - N :])
        return joined


def grams_of(words: Gram) -> Iterator[Gram]:
    """The word 4-grams of ``words``."""
    for i in range(len(words) - N + 1):
        yield words[i : i + N]


class GrammarWords:
    """The 4-grams of everything a grammar's symbols can produce, symbol by symbol (memoised)."""

    def __init__(self, grammar: Grammar, values: Mapping[str, Iterable[str]] | None = None) -> None:
        self._grammar = grammar
        self._values = {name: [canonical_tokens(v) for v in examples] for name, examples in (values or {}).items()}
        self._memo: dict[str, Words] = {}

    def of(self, symbol: str) -> Words:
        """Every text ``symbol`` can produce, as :class:`Words`."""
        known = self._memo.get(symbol)
        if known is None:
            if symbol in self._values:
                known = Words()
                for words in self._values[symbol]:
                    known = known.union(Words.of(tuple(words)))
            else:
                known = Words()
                for parts in self._grammar.alternatives(symbol):
                    known = known.union(self._parts(parts))
            self._memo[symbol] = known
        return known

    def _parts(self, parts: Parts) -> Words:
        result = Words(shorts={()})
        for part in parts:
            result = result.then(self._part(part))
        return result

    def _part(self, part: str | Ref | Choice) -> Words:
        if isinstance(part, str):
            return Words.of(tuple(canonical_tokens(part)))
        if isinstance(part, Ref):
            return self.of(part.name)
        result = Words()
        for option in part.options:
            result = result.union(self._parts(option))
        return result


@dataclass(frozen=True, slots=True)
class Overlap:
    """The simulated customers' distinct word 4-grams, and how many also occur in the agent's words."""

    total: int
    shared_with_understanding: int
    shared_with_templates: int
    shared: int
    examples: tuple[str, ...]
    """A few of the shared 4-grams, for a reader to judge."""

    @property
    def share(self) -> float:
        """Shared 4-grams over all of them, 0 to 1."""
        return self.shared / self.total if self.total else 0.0

    def __str__(self) -> str:
        return (
            f"{self.share:.1%} of the customers' {self.total:,} distinct word 4-grams also occur in the "
            f"understanding's phrase lists ({self.shared_with_understanding:,}) or the agent's templates "
            f"({self.shared_with_templates:,}); limit {LIMIT:.0%}"
        )


def phrasing_overlap(policy: Policy, book: Phrasebook | None = None) -> Overlap:
    """The overlap of everything the simulated customers of ``policy`` can write (before typos) with the
    understanding step's phrase lists and the agent's templates."""
    book = book or phrasebook()
    return measure(policy, book.grammar, book.moves, Pen(policy, book).shapes())


def measure(policy: Policy, grammar: Grammar, moves: Iterable[str], values: Mapping[str, Iterable[str]]) -> Overlap:
    """The overlap of every text the ``moves`` of ``grammar`` can produce with the agent's own words.

    ``values`` are the shapes of the values the simulator fills in under ``policy`` (how customers
    name its alternatives, say), in place of the grammar's examples.
    """
    words = GrammarWords(grammar, values)
    customer: set[Gram] = set()
    for move in moves:
        customer |= words.of(move).grams
    understanding = understanding_grams()
    templates = template_grams(policy)
    shared = customer & (understanding | templates)
    return Overlap(
        total=len(customer),
        shared_with_understanding=len(customer & understanding),
        shared_with_templates=len(customer & templates),
        shared=len(shared),
        examples=tuple(" ".join(gram) for gram in sorted(shared)[:12]),
    )


@lru_cache(maxsize=1)
def understanding_grams() -> frozenset[Gram]:
    """The 4-grams of the understanding step's own phrase lists."""
    from flow.understanding._rules import SHORT_REPLIES
    from flow.understanding.english.lexicon import ENGLISH

    texts: list[str] = list(SHORT_REPLIES)
    for item in dataclasses.fields(ENGLISH):
        texts.extend(_phrases_in(getattr(ENGLISH, item.name)))
    phrasings = resources.files("flow.understanding").joinpath("phrasings.txt").read_text(encoding="utf-8")
    texts.extend(line for line in phrasings.splitlines() if line.strip() and not line.startswith("#"))
    return _grams(texts)


def _phrases_in(value: object) -> Iterator[str]:
    from flow.understanding.phrases import PhraseSet

    if isinstance(value, PhraseSet):
        yield from value.phrases
    elif isinstance(value, Mapping):
        for inner in value.values():
            yield from _phrases_in(inner)
    elif isinstance(value, frozenset | tuple | list):
        yield from (v for v in value if isinstance(v, str))


def template_grams(policy: Policy) -> frozenset[Gram]:
    """The 4-grams of the agent's templates (every state's, and the shared ones) and of the policy's texts."""
    from states import COMMON_TEMPLATES, SPECS

    texts: list[str] = []
    for spec in SPECS.values():
        for variants in spec.templates.values():
            texts.extend(variants)
    for variants in COMMON_TEMPLATES.values():
        texts.extend(variants)
    texts.extend(_strings(policy.model_dump()))
    return _grams(piece for text in texts for piece in template_pieces(text))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for inner in value.values():
            yield from _strings(inner)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from _strings(inner)


def template_pieces(template: str) -> list[str]:
    """The literal text of a template between its tags: no 4-gram is counted across ``{{ }}`` or ``{% %}``."""
    pieces: list[str] = []
    rest = template
    while rest:
        start = min((i for i in (rest.find("{{"), rest.find("{%")) if i >= 0), default=-1)
        if start < 0:
            pieces.append(rest)
            break
        pieces.append(rest[:start])
        end = rest.find("}}" if rest[start + 1] == "{" else "%}", start)
        rest = rest[end + 2 :] if end >= 0 else ""
    return [piece for piece in pieces if piece.strip()]


def _grams(texts: Iterable[str]) -> frozenset[Gram]:
    grams: set[Gram] = set()
    for text in texts:
        grams.update(grams_of(tuple(canonical_tokens(text))))
    return frozenset(grams)
