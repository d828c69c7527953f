"""The acts a message has been found to do so far, and the phrase tests every act reader shares."""

from __future__ import annotations

import operator
from collections.abc import Sequence

from flow.models import Act
from flow.understanding.lexicon import Lexicon
from flow.understanding.phrases import Match, PhraseSet

_POSITION = operator.itemgetter(0)


class Found:
    """The acts found so far, each with its position in the message, without repeats; ``reported`` says
        the message told of a request made before ("I asked for a refund last week") and ``negated`` that it
    said a request it does not want ("I don't want to return it"). Two things wait
        for the whole message: ``unnamed_drops``, where a drop that names no request was said ("scrap that",
        "I'll keep it") and whether it keeps the item, and ``yes_to_person``, where a yes answered the offer
        of a person. ``also_wished`` holds the other alternatives the words of a wish also name,
        ``second_best`` one named as wanted only should the request fail ("a refund, otherwise a pause"), and
        ``told`` the requests told as made before, each with where it was told; ``other_order`` says the
        message speaks of an order other than the one in hand ("my other order A-3333 arrived broken")."""

    def __init__(self) -> None:
        self.acts: list[tuple[int, Act]] = []
        self.reported = False
        self.negated = False
        self.unnamed_drops: list[tuple[int, bool]] = []
        self.yes_to_person: int | None = None
        self.also_wished: list[str] = []
        self.second_best: str | None = None
        self.told: list[tuple[int, str]] = []
        self.other_order = False
        # The kinds last worked out, and of which list of acts at which length: the list is only ever appended
        # to or replaced (a choice moved in place keeps its kind), so the same list at the same length has them.
        self._kinds: frozenset[str] = frozenset()
        self._kinds_of: list[tuple[int, Act]] = self.acts
        self._kinds_count = 0

    def add(self, position: int, act: Act) -> None:
        """Record ``act`` at ``position`` unless it is already recorded; a choice made again later in the
        message ("the credit. actually no, the exchange. no wait, credit") moves to where it was made last."""
        for index, (at, existing) in enumerate(self.acts):
            if existing == act:
                if act.kind == "choose" and position > at:
                    self.acts[index] = (position, act)
                return
        self.acts.append((position, act))

    def drop(self, kind: str) -> None:
        """Forget every act of ``kind``."""
        self.acts = [(pos, act) for pos, act in self.acts if act.kind != kind]

    def kinds(self) -> frozenset[str]:
        """The kinds of act found."""
        acts = self.acts
        if acts is not self._kinds_of or len(acts) != self._kinds_count:
            self._kinds = frozenset([act.kind for _, act in acts])
            self._kinds_of = acts
            self._kinds_count = len(acts)
        return self._kinds

    def ordered(self) -> list[Act]:
        """The acts in the order they occur in the message."""
        return [act for _, act in sorted(self.acts, key=_POSITION)]


def first(phrases: PhraseSet, words: Sequence[str]) -> Match | None:
    """The leftmost phrase of the set in ``words``, if any."""
    return None if phrases.keys.isdisjoint(words) else phrases.first(words)


def cue_at(cues: PhraseSet, words: Sequence[str]) -> int | None:
    """Where the leftmost phrase of the set starts in ``words``, if any occurs."""
    match = None if cues.keys.isdisjoint(words) else cues.first(words)
    return None if match is None else match.start


def has(phrases: PhraseSet, words: Sequence[str]) -> bool:
    """Whether any phrase of the set occurs in ``words``."""
    return not phrases.keys.isdisjoint(words) and phrases.first(words) is not None


def starts_with(phrases: PhraseSet, words: Sequence[str]) -> bool:
    """Whether ``words`` open with a phrase of the set."""
    if not words or not phrases.may_occur(words[:1]):
        return False
    match = phrases.first(words)
    return match is not None and match.start == 0


def dismayed(words: Sequence[str]) -> bool:
    """ "Oh no": dismay at what was said, not a no to it."""
    return len(words) >= 2 and words[0] == "oh" and words[1] in ("no", "nooo", "noo", "dear")


def only(phrases: PhraseSet, words: Sequence[str], lexicon: Lexicon) -> bool:
    """Whether ``words`` are nothing but phrases of the set and filler words."""
    if not phrases.may_hold(words):
        return False
    covered = [False] * len(words)
    for start in range(len(words)):
        match = phrases.at(words, start)
        if match is not None:
            for i in range(match.start, match.end):
                covered[i] = True
    return any(covered) and all(c or w in lexicon.fillers for c, w in zip(covered, words, strict=True))
