"""How a customer's fingers change what they meant to write: typos, lower case, dropped punctuation, txt-speak.

Each customer has a :class:`Typing` habit drawn once (careful, casual, sloppy); every message is
changed by it with the conversation's own seeded generator, so the same seed gives the same typos.
Order numbers and other tokens with digits are copied exactly, as people paste them.

>>> import random
>>> Typing.careful().apply("I'd like the store credit, please.", random.Random(1))
"I'd like the store credit, please."
"""

from __future__ import annotations

import random
from dataclasses import dataclass

_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS = {
    letter: row[max(0, i - 1) : i] + row[i + 1 : i + 2] for row in _KEYBOARD_ROWS for i, letter in enumerate(row)
}
TXT_SPEAK = {
    "you": "u",
    "your": "ur",
    "you're": "ur",
    "please": "pls",
    "thanks": "thx",
    "are": "r",
    "because": "cos",
    "okay": "ok",
    "why": "y",
    "tomorrow": "tmrw",
    "message": "msg",
    "people": "ppl",
    "probably": "prob",
    "really": "rly",
    "though": "tho",
    "something": "smth",
    "before": "b4",
    "to be honest": "tbh",
    "I don't know": "idk",
}
"""Shorthand chat users type; some the understanding step knows, some it may not."""


@dataclass(frozen=True, slots=True)
class Typing:
    """One customer's typing habit: how often each kind of slip happens."""

    typo: float = 0.0
    """The chance that a word of four letters or more gets one slip (swapped, dropped, doubled or
    neighbouring letter)."""
    lower: float = 0.0
    """The chance that a message is typed all in lower case."""
    bare: float = 0.0
    """The chance that a message loses its final full stop, and its apostrophes."""
    txt: float = 0.0
    """The chance that a word with a shorthand is written in it."""
    stretch: float = 0.0
    """The chance that a message ends with stretched marks (``??``, ``!!!``) or a stretched word."""

    @classmethod
    def careful(cls) -> Typing:
        """Writes as they mean to."""
        return cls()

    @classmethod
    def draw(cls, rng: random.Random, sloppiness: float) -> Typing:
        """A habit for a customer whose persona is ``sloppiness`` (0 careful to 1 very sloppy) on average."""
        level = min(1.0, max(0.0, rng.gauss(sloppiness, 0.15)))
        return cls(
            typo=0.07 * level,
            lower=min(1.0, 1.3 * level),
            bare=min(1.0, 1.4 * level),
            txt=0.7 * level * level,
            stretch=0.15 * level,
        )

    def apply(self, text: str, rng: random.Random) -> str:
        """``text`` as this customer types it."""
        if not (self.typo or self.lower or self.bare or self.txt or self.stretch):
            return text
        words = text.split(" ")
        if self.txt:
            words = _shorthand(words, rng, self.txt)
        if self.typo:
            words = [slip(word, rng) if rng.random() < self.typo else word for word in words]
        text = " ".join(words)
        if rng.random() < self.lower:
            text = _lower_keeping_codes(text)
        if rng.random() < self.bare:
            text = text.replace("'", "").replace("\u2019", "")
            text = text[:-1] if text.endswith(".") else text
        if rng.random() < self.stretch:
            text = _stretched(text, rng)
        return text


_NEGATIONS = frozenset(
    """not never nothing none neither nope cannot dont wont cant hasnt havent isnt arent wasnt werent didnt doesnt
    couldnt wouldnt shouldnt aint""".split()
)


def slip(word: str, rng: random.Random) -> str:
    """``word`` with one typing slip in its letters, or unchanged if it is short, holds a digit or is a
    negation: a slip that turns "hasn't" into "hast" changes what the customer said, not how."""
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    bare = word.lower().strip(",.!?").replace("’", "'")
    if len(letters) < 4 or any(c.isdigit() for c in word) or bare.endswith("n't") or bare in _NEGATIONS:
        return word
    i = rng.choice(letters[1:-1])
    kind = rng.randrange(4)
    if kind == 0 and i + 1 < len(word) and word[i + 1].isalpha():
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    if kind == 2:
        return word[:i] + word[i] + word[i:]
    near = _NEIGHBOURS.get(word[i].lower(), "")
    return word[:i] + rng.choice(near) + word[i + 1 :] if near else word


def misspell(name: str, rng: random.Random) -> str:
    """A name as a hurried customer types it: one slip in its longest word."""
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    words[longest] = slip(words[longest], rng)
    return " ".join(words)


def _shorthand(words: list[str], rng: random.Random, chance: float) -> list[str]:
    text = " ".join(words)
    for long, short in TXT_SPEAK.items():
        if " " in long and long in text and rng.random() < chance:
            text = text.replace(long, short)
    out = []
    for word in text.split(" "):
        core = word.rstrip(",.!?")
        shorthand = TXT_SPEAK.get(core.lower())
        typed = shorthand is not None and " " not in core and rng.random() < chance
        out.append(f"{shorthand}{word[len(core) :]}" if typed else word)
    return out


def _lower_keeping_codes(text: str) -> str:
    return " ".join(word if any(c.isdigit() for c in word) else word.lower() for word in text.split(" "))


def _stretched(text: str, rng: random.Random) -> str:
    if text.endswith("?"):
        return text + "?" * rng.randint(1, 3)
    if text.endswith("!"):
        return text + "!" * rng.randint(1, 3)
    for word in ("so", "no", "why", "please", "really"):
        if f" {word} " in f" {text} ":
            return f" {text} ".replace(f" {word} ", f" {word[:-1]}{word[-1] * rng.randint(3, 5)} ", 1).strip()
    return text
