"""Who or what died, in English: "my father died" is a bereavement, "my blender's motor died" a fault.

The word before "died" or "dead" (past linking words like "has", "sadly", "is") says which: a person
("dad", "my mum", "she") or a pet is a loss; anything else named ("the battery", "it", "the motor") is a
thing that stopped working; "I", "you" and "we", and sayings ("I'm dead tired", "brain dead"), are neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

Died = Literal["person", "thing"]

_DEATHS = frozenset({"died", "dead", "dies", "dying"})
_LINKS = frozenset(
    """is was has had have just sadly suddenly recently unexpectedly completely totally already stone now apparently
    literally basically who that which then also unfortunately tragically""".split()
)
PEOPLE = frozenset(
    """mum mom mother mam mummy mommy dad father daddy papa husband wife partner son daughter brother sister gran
    nan nana nanna granny grandma grandmother grandad granddad grandpa grandfather grandparent grandparents aunt
    auntie aunty uncle cousin nephew niece friend fiance fiancee boyfriend girlfriend baby child kid he she
    relative stepdad stepmum stepmom stepfather stepmother dog cat pet colleague neighbour neighbor godmother
    godfather law parent parents""".split()
)
_SPEAKERS = frozenset({"i", "im", "you", "youre", "we", "were", "me", "us", "id", "ill", "brain", "line", "phone"})
"""Words before "dead" that are not a thing that broke: "I'm dead tired", "brain dead", "the line went dead"."""
_IDIOMS = frozenset({"tired", "keen", "easy", "serious", "right", "end", "ends", "set", "certain", "slow", "boring"})


def who_died(clauses: Sequence[Sequence[str]]) -> Died | None:
    """ "person" when the message tells of someone's death, "thing" when something died, else ``None``."""
    for words in clauses:
        if not _DEATHS.isdisjoint(words):
            break
    else:
        return None
    found: Died | None = None
    for words in clauses:
        for i, word in enumerate(words):
            if word not in _DEATHS:
                continue
            k = i - 1
            while k >= 0 and words[k] in _LINKS:
                k -= 1
            if k < 0 or words[k] in _SPEAKERS or (word == "dead" and not _IDIOMS.isdisjoint(words[i + 1 : i + 2])):
                continue
            if words[k] in PEOPLE:
                return "person"
            found = "thing"
    return found
