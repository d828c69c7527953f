"""The sentiment the flow sees: VADER's compound score, corrected where VADER misreads a customer's mood.

VADER adds up the feeling of single words, so it misses anger said in words it does not score ("this is
how you treat me??" scores +0.47, "I'm fuming" only -0.57) and takes owning up for anger ("I ordered the
wrong size, my own fault really" scores -0.70, "sorry for wasting your time" -0.64). The flow counts a
message at or below the policy's ``anger_threshold`` (about -0.5 to -0.6) as angry, so both would be
misjudged. The correction is small and reads the lexicon's phrases only:

- anger in so many words (the lexicon's ``anger_cues``, not negated: "I'm not angry" is not anger) pulls
  the score down to at most :data:`ANGRY`;
- otherwise, owning up or apologising (``own_mistakes``, ``apologies``) lifts it to at least
  :data:`OWNING_UP`;
- and so does a message whose only sour words are those of the request itself ("can I cancel it? if it's
  gone, can I refuse the delivery?" scores -0.59 on "cancel" and "refuse" alone) or of a polite no ("not
  interested in free return" scores -0.61), unless it complains.

Everything else keeps VADER's score, which :meth:`flow.understanding.Understander.sentiment` still gives
unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from flow.understanding._found import has
from flow.understanding.lexicon import Lexicon

ANGRY = -0.75
"""The highest score of a message that says it is angry: below every sensible anger threshold."""
OWNING_UP = -0.2
"""The lowest score of a message that owns up or apologises without anger: well above any anger threshold."""
_SOFTENERS = frozenset({"really", "that", "too", "very", "so", "even", "at", "all"})
_REQUEST_WORDS = frozenset({"cancel", "cancelled", "canceled", "cancelling", "refuse", "refused", "stop", "no"})
"""Words VADER scores as sour that only name what the customer asks for: "cancel", "refuse the delivery"."""
_DECLINING = frozenset({("not", "interested"), ("no", "thanks"), ("no", "thank"), ("dont", "worry"), ("no", "worries")})
"""A polite no, which VADER scores sour by negating the kind words after it ("not interested in free
return"), or by the worry it waves away ("no don't worry")."""
_WAVED_AWAY = frozenset({"worry", "worries"})


def corrected_sentiment(
    raw: float,
    words: Sequence[str],
    clauses: Sequence[Sequence[str]],
    lexicon: Lexicon,
    valence: Mapping[str, float] | None = None,
) -> float:
    """VADER's ``raw`` compound score of a message, corrected for the anger and owning up its ``clauses``
    (canonical words; ``words`` are all of them, for a first look) show; ``valence`` is VADER's word list,
    to tell a message sour only in the words of its request."""
    # The key words (``may_hold``) are a sharper first look than the first words ("i", "so", "this" open anger cues).
    if lexicon.anger_cues.may_hold(words) and any(_angry(clause, lexicon) for clause in clauses):
        return min(raw, ANGRY)
    if raw < OWNING_UP and valence is not None and _sour_only_in_asking(words, clauses, lexicon, valence):
        return OWNING_UP
    if raw >= OWNING_UP or not (lexicon.own_mistakes.may_hold(words) or lexicon.apologies.may_hold(words)):
        return raw
    if any(has(lexicon.own_mistakes, clause) or has(lexicon.apologies, clause) for clause in clauses):
        return OWNING_UP
    return raw


def _sour_only_in_asking(
    words: Sequence[str], clauses: Sequence[Sequence[str]], lexicon: Lexicon, valence: Mapping[str, float]
) -> bool:
    declining = any(pair in _DECLINING for pair in zip(words, words[1:], strict=False))
    if _REQUEST_WORDS.isdisjoint(words) and not declining:
        return False
    if any(has(lexicon.complaint_cues, clause) for clause in clauses):
        return False
    waved = declining and any(pair[1] in _WAVED_AWAY for pair in zip(words, words[1:], strict=False))
    return all(
        valence.get(word, 0.0) >= 0
        or word in _REQUEST_WORDS
        or (waved and word in _WAVED_AWAY)
        or (word == "ill" and words[at + 1 : at + 2] and words[at + 1] in _WILL_DO)
        or (word in _WILL_DO and at > 0 and words[at - 1] in _I_WILL)
        for at, word in enumerate(words)
    )


_WILL_DO = frozenset(
    "wait hold hang stay take have go do just try keep be leave get need call check see stick come give pass".split()
)
"""Words that follow "I'll" ("I'll hold"), which folded to "ill" is not the word VADER scores as sour; nor
is "leave" in "I'll leave it" a sour word."""
_I_WILL = frozenset({"ill", "will"})


def _angry(words: Sequence[str], lexicon: Lexicon) -> bool:
    if not lexicon.anger_cues.may_hold(words):
        return False
    for match in lexicon.anger_cues.find(words):
        k = match.start - 1
        while k >= 0 and words[k] in _SOFTENERS:
            k -= 1
        if k < 0 or words[k] not in lexicon.negators:
            return True
    return False
