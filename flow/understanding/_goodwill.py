"""Asking for something for the trouble, beside or after what puts the trouble right: "I want some
compensation for all the hassle", "can I get a discount for the inconvenience?", "what about a goodwill
gesture?". Money back for the order itself ("compensation for my order") is a refund, read elsewhere."""

from __future__ import annotations

from collections.abc import Sequence

_GOODWILL = frozenset({"goodwill", "gesture"})
"""Words that name something for the trouble on their own."""
_FOR_TROUBLE = frozenset(
    {"compensation", "compensated", "compensate", "discount", "something", "voucher", "money", "free", "freebie",
     "gift", "perk", "bonus", "gesture", "anything"}
)  # fmt: skip
"""Words that ask for something for the trouble when the trouble is named after them ("a discount for the
hassle") or, for compensation, when nothing else is named."""
_TROUBLE = frozenset(
    {"hassle", "trouble", "inconvenience", "wait", "waiting", "delay", "stress", "bother", "time", "mess", "faff",
     "upset", "aggravation", "disappointment", "headache", "grief"}
)  # fmt: skip
"""What the customer was put through, named after "for" ("for all the hassle")."""
_COMPENSATION = frozenset({"compensation", "compensated", "compensate"})
_NOT_WANTING = frozenset({"dont", "not", "no", "never", "without", "nor", "neither"})


def asks_for_goodwill(words: Sequence[str]) -> bool:
    """Whether one clause asks for something for the trouble rather than for the order's money back."""
    if _asks_for_something_free(words) or _asks_for_a_loyalty_reward(words) or _takes_a_discount(words):
        return True
    for at, word in enumerate(words):
        if word in _GOODWILL or (word in _FOR_TROUBLE and _trouble_after(words, at)):
            return not _NOT_WANTING.intersection(words[max(0, at - 4) : at])
        if word in _COMPENSATION and (at + 1 == len(words) or words[at + 1] in _ENDING):
            return not _NOT_WANTING.intersection(words[max(0, at - 4) : at])  # "and I want some compensation"
    return False


def _asks_for_a_loyalty_reward(words: Sequence[str]) -> bool:
    """ "Is there a loyalty discount I could have instead?", "a member discount then?", "a discount instead?":
    something for being a customer, asked for in place of what is on offer."""
    for at, word in enumerate(words):
        if word in ("discount", "reward", "perk"):
            near = set(words[max(0, at - 2) : at + 4])
            loyal = not _LOYAL.isdisjoint(near) or (word == "discount" and "instead" in near)
            had = not _HAD_IT.isdisjoint(words[max(0, at - 5) : at])  # "I used my loyalty discount on it"
            asked = "instead" in words or not _ASKING_FOR_IT.isdisjoint(words[max(0, at - 6) : at])
            if loyal and asked and not had and not _NOT_WANTING.intersection(words[max(0, at - 4) : at]):
                return True
    return False


def _takes_a_discount(words: Sequence[str]) -> bool:
    """ "Ok I'll take the discount", "I'd accept a discount": a discount asked for as if it were on offer."""
    if "discount" not in words:
        return False
    for at, word in enumerate(words):
        before = words[max(0, at - 3) : at]
        pairs = set(zip(before, before[1:], strict=False))
        if word == "discount" and (not _TAKING.isdisjoint(before) or pairs & _HAVING):
            return not _NOT_WANTING.intersection(words[max(0, at - 4) : at])
    return False


_TAKING = frozenset({"take", "accept"})
_HAVING = frozenset({("ill", "have"), ("id", "have"), ("ill", "go"), ("id", "like")})


_HAD_IT = frozenset({"used", "with", "my", "applied", "had", "got", "ordered", "bought"})
_ASKING_FOR_IT = frozenset({"is", "any", "get", "have", "give", "offer", "could", "can", "there", "what", "how"})


_LOYAL = frozenset({"loyalty", "loyal", "member", "members", "membership", "gold", "platinum"})


def _asks_for_something_free(words: Sequence[str]) -> bool:
    """ "What about a free session or something?", "any chance of a free month?": something extra asked for,
    the trouble left unsaid."""
    for at, word in enumerate(words):
        if word in _EXTRAS and not _ASKING_FOR_EXTRA.isdisjoint(words[max(0, at - 4) : at]):
            if not _SERVICES.isdisjoint(words[at + 1 : at + 3]):
                return False  # "can I get a free returns label?" asks how it goes back
            return not _NOT_WANTING.intersection(words[max(0, at - 4) : at])
    return False


_SERVICES = frozenset(
    {"label", "return", "returns", "delivery", "shipping", "postage", "collection", "exchange", "replacement", "repair"}
)


_EXTRAS = frozenset({"free", "freebie", "perk"})
_ASKING_FOR_EXTRA = frozenset({"about", "chance", "get", "have", "give", "offer", "least"})


_ENDING = frozenset({"please", "too", "as", "then", "now", "surely", "at", "or", "and", "here", "though"})


def _trouble_after(words: Sequence[str], at: int) -> bool:
    """ "for all the hassle", "for my trouble", "to make up for the wait": the trouble named soon after."""
    after = words[at + 1 : at + 7]
    if "for" not in after:
        return False
    rest = words[at + 1 + after.index("for") + 1 :]
    following = rest[:3]
    if not _TROUBLE.isdisjoint(following):
        return True
    # "compensation for all this", "for all of that": what the customer went through, said last
    pointed = [word for word in rest if word not in _ALL_OF]
    return pointed[:1] in (["this"], ["that"]) and all(word in _ENDING for word in pointed[1:])


_ALL_OF = frozenset({"all", "of"})
