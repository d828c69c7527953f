"""Word patterns around a request that its phrase lists cannot hold.

Whether a clause speaks of another order than the one in hand ("another order", "also A-1234"), names
a person in so many words ("a manager", not the "someone" of "can someone help me?"), sends a thing
back ("send the air fryer back"), or tells of a request missed in time ("I couldn't return it in time").
The words are English; they move to the lexicon when a second language needs them.
"""

from __future__ import annotations

from collections.abc import Sequence

from flow.understanding.lexicon import Lexicon


def another_order_said(clauses: Sequence[Sequence[str]]) -> bool:
    """Whether a message speaks of an order other than the one in hand (see :func:`another_order`)."""
    return any(another_order(words) for words in clauses)


def another_order(words: Sequence[str]) -> bool:
    """Whether the clause is about an order other than the one in hand: "another order", or an order number
    said with "also" or "too"."""
    if not OTHER_ORDER.isdisjoint(words) and not _only_second_thoughts(words):
        return True
    return not _ALSO.isdisjoint(words) and any(any(c.isdigit() for c in word) for word in words)


def _only_second_thoughts(words: Sequence[str]) -> bool:
    """ "On second thoughts, go back to the refund": "second" of a thought, not of an order."""
    return OTHER_ORDER.intersection(words) == {"second"} and all(
        words[i + 1 : i + 2] in (["thoughts"], ["thought"]) for i, word in enumerate(words) if word == "second"
    )


def speaks_of_another_order(words: Sequence[str]) -> bool:
    """Whether a clause speaks of an order by its number, or as "another order", "my other order": not "the
    second one", which may point at an offer."""
    if any(order_number_like(word) for word in words):
        return True
    return any(word in OTHER_ORDER and not _ORDERS.isdisjoint(words[i + 1 : i + 3]) for i, word in enumerate(words))


_ORDERS = frozenset({"order", "orders", "purchase", "parcel", "item", "items"})


def another_order_named(words: Sequence[str]) -> bool:
    """Whether ``words`` (the few after "return", say) name another order: its number, "another", "the other"."""
    return not OTHER_ORDER.isdisjoint(words) or any(order_number_like(word) for word in words)


def order_number_like(word: str) -> bool:
    """Whether a word is written as an order number is ("a-1005", "#ab123"): letters and digits."""
    return any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


def looks_like_order_number(word: str) -> bool:
    """Whether a canonical word is an order number in the shop's usual form, letters, a dash and digits
    ("a-1111"): stricter than :func:`order_number_like`, so "the 20th" is never counted as an order."""
    return "-" in word and word[:1].isalpha() and word[-1:].isdigit()


def adds_more(words: Sequence[str]) -> bool:
    """ "Oh and A-7006 too", "also a refund", "as well": something added to what was asked, not put in its place."""
    return not _ADDING.isdisjoint(words) or any(
        a == "as" and b == "well" for a, b in zip(words, words[1:], strict=False)
    )


_ADDING = frozenset({"too", "also", "aswell", "plus"})


OTHER_ORDER = frozenset({"another", "other", "second", "different"})
"""Words that speak of an order other than the one in hand."""
_ALSO = frozenset({"also", "too", "as", "well"})


def names_a_person(words: Sequence[str], lexicon: Lexicon) -> bool:
    """Whether a person is asked for in so many words: "a manager", "talk to someone", not the "someone" of
    "can someone help me?"."""
    if not lexicon.person_cues.may_hold(words):
        return False
    return any(match.phrase not in ANYBODY for match in lexicon.person_cues.find(words))


ANYBODY = frozenset({"someone", "somebody", "anyone", "anybody"})
"""Words for a person that name nobody in particular: asking "anyone?" is not asking for a person."""


def sends_back(words: Sequence[str]) -> int | None:
    """Where "send the air fryer back", "post the lamp back to you" starts: sending the thing back."""
    if _SENDING.isdisjoint(words):
        return None
    for i, word in enumerate(words):
        if word in _SENDING and "back" in words[i + 2 : i + 6]:
            return i
    return None


_SENDING = frozenset({"send", "post", "ship", "return"})


def too_late(after: Sequence[str]) -> bool:
    """ "I couldn't return it in time": a request the customer could not make before, still wanted."""
    return any(a == "in" and b == "time" for a, b in zip(after, after[1:], strict=False))
