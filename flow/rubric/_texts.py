"""Reading agent text the way the rubric compares it: plain lower case, sentences, marker words, policy wording."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from jinja2 import Environment, TemplateSyntaxError

_OPENS_BLOCK = frozenset({"if", "for", "macro", "call", "filter", "block", "with", "raw", "autoescape"})
_LEXER = Environment()


def plain(text: str) -> str:
    """``text`` for comparing: lower case, straight apostrophes, every run of spaces one space."""
    return " ".join(text.lower().replace("\u2019", "'").replace("\u2018", "'").split())


def has(text: str, markers: Sequence[str]) -> bool:
    """Whether the plain ``text`` contains any of ``markers``."""
    return any(marker in text for marker in markers)


def sentences(text: str) -> list[str]:
    """The sentences of an agent message, plain, each of two words or more.

    A sentence ends at ``.``, ``!`` or ``?`` before a space or the end, and at a blank line; one-word
    sentences ("Great.") are left out, as the monitor that forbids saying a sentence twice leaves them.
    """
    found: list[str] = []
    for message in text.split("\n\n"):
        marked = plain(message).replace(". ", ".\0").replace("! ", "!\0").replace("? ", "?\0")
        found += (sentence.strip() for sentence in marked.split("\0"))
    return [sentence for sentence in found if sentence.count(" ") >= 1]


class Wording:
    """The fixed words of a policy text (a Jinja template), which show that an agent message says it.

    A message says the text when every stretch of words outside ``{{ values }}`` and outside
    ``{% if %}`` blocks appears in it, in order: "We can refund orders for 30 days after purchase.
    Order {{ order_id }} was bought..." is said by "We can refund orders for 30 days after purchase.
    Order A-1001 was bought...". A text with no fixed words is never said.
    """

    __slots__ = ("parts",)

    def __init__(self, template: str) -> None:
        self.parts = _fixed_parts(template)

    def said_in(self, text: str) -> bool:
        """Whether the plain ``text`` says this wording."""
        if not self.parts:
            return False
        at = 0
        for part in self.parts:
            found = text.find(part, at)
            if found < 0:
                return False
            at = found + len(part)
        return True


@lru_cache(maxsize=1024)
def _fixed_parts(template: str) -> tuple[str, ...]:
    try:
        tokens = list(_LEXER.lex(template))
    except TemplateSyntaxError:
        return _worded((template,))
    parts: list[str] = []
    depth = 0
    in_block = False
    for _, kind, value in tokens:
        if kind == "block_begin":
            in_block = True
            parts.append("\0")
            continue
        if in_block and kind == "name":
            if value in _OPENS_BLOCK:
                depth += 1
            elif value.startswith("end"):
                depth = max(0, depth - 1)
            in_block = False
            continue
        if kind == "block_end":
            in_block = False
        elif kind == "data" and depth == 0:
            parts.append(value)
        elif kind == "variable_begin" and depth == 0:
            parts.append("\0")
    return _worded(tuple("".join(parts).split("\0")))


def _worded(parts: tuple[str, ...]) -> tuple[str, ...]:
    plain_parts = (plain(part) for part in parts)
    return tuple(part for part in plain_parts if any(char.isalnum() for char in part))
