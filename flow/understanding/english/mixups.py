"""Telling, in English, that the shop sent something other than what was ordered.

Customers rarely say "wrong item"; they say what they ordered and what came: "you've sent me a blue
kettle when I ordered the cream one", "ordered the oak one, got pine", "you sent size 8 not 10", "I
asked for black and you sent navy". Two shapes are read, over the clauses of one message:

- something sent or received, then a contrast in the same clause: "sent size 8 not 10", "got a large
  instead of a medium"; or what came said not to be what was ordered: "this isn't the model I ordered";
- something ordered and something sent or received, each with its own object, and the objects
  differ: "ordered a medium and received a large" (but not "ordered it on Monday and got it today",
  nor "ordered a dress and got a dress with a hole").

What the customer chose by mistake ("I ordered the wrong size") is not read here; the fact reader
sets it aside.
"""

from __future__ import annotations

from collections.abc import Sequence

from flow.understanding._text import NUMBER

_ORDERED = frozenset({"ordered", "bought", "chose", "picked", "selected", "purchased", "wanted"})
_ASKED = frozenset({"asked", "paid"})  # "asked for", "paid for"
_SENT = frozenset(
    {"sent", "send", "sending", "delivered", "delivering", "got", "received", "gave", "shipped", "posted", "given"}
)
_FIRST_PERSON = frozenset({"i", "we", "id", "ive", "weve"})
_SKIPPED = frozenset({"me", "us", "the", "a", "an", "my", "our", "some", "this", "that", "these", "those"})
_NOT_OBJECTS = frozenset(
    """it them this that one nothing no anything something refund money credit email emails message reply
    response confirmation notification text call voucher answer label cash back back yesterday today
    tomorrow last on in at from for to by with when but and so then after before because as yet still
    already again there here what which""".split()
)
"""Words that cannot start the thing sent or ordered: pronouns, money, messages, time and linking words."""
_TIME_WORDS = frozenset("ago day days week weeks fortnight month months year years hour hours minutes".split())
"""Words of a time that follows "bought" or "received" where a thing would ("received 5 days ago")."""
_OBJECT_ENDS = frozenset(
    """with in on at from for to by when but and so then after before because instead not rather which that
    who yesterday today last this week month ago though although while""".split()
)
_NEGATORS = frozenset({"not", "never", "havent", "hasnt", "didnt", "dont", "wasnt", "werent", "still", "yet", "no"})
_IS_NOT = frozenset({"isnt", "wasnt", "arent", "werent", "not"})
_VERBS = _ORDERED | _ASKED | _SENT | _IS_NOT
_NOT_CONTRASTS = frozenset("sure yet even long once much too quite so very really happy great good only".split())
_AUXILIARIES = frozenset(
    {"is", "was", "are", "were", "has", "have", "had", "did", "does", "do", "it", "its", "i", "you", "they", "could"}
)


_MONEY_VERBS = frozenset({"charged", "billed", "paid", "debited", "cost", "costs", "charging"})
_CONTRASTS = frozenset(
    {"instead", "rather", "not", "but", "when", "although", "though", "while", "should", "supposed", "meant",
     "advertised", "listed"}
)  # fmt: skip
"""Words between two amounts that set the one charged against the one it should have been ("but" may
have split the clauses: "charged me £50, it should have been £40")."""


def charged_another_amount(clauses: Sequence[Sequence[str]]) -> bool:
    """ "I got charged £15 instead of £10", "you billed me 49.99 not 39.99", "paid 30 when it was 20", "charged
    me £50 but it should have been £40": an amount charged set against the one it should have been."""
    words = [word for clause in clauses for word in clause]  # "49.99" splits clauses at its point
    for i, word in enumerate(words):
        if word not in _MONEY_VERBS and word not in _SHOP_CHARGED:
            continue
        after = words[i + 1 : i + _REACH]
        # An order number is no amount ("charged £89.99 for A-2929 ... should have been £81").
        amounts = _amounts_at(after)
        if len(amounts) >= 2 and any(w in _CONTRASTS for w in after[amounts[0] + 1 : amounts[-1]]):
            return True
        if (
            len(amounts) >= 2
            and after[amounts[0]] != after[amounts[-1]]
            and any(w in _THE_PRICE for w in after[amounts[0] + 1 : amounts[-1]])
        ):
            return True  # "charged £50 but the item was £40": the price, set against the amount taken
        if (
            len(amounts) >= 2
            and word in _SHOP_CHARGED
            and _amount(after[amounts[0]]) != _amount(after[amounts[1]])
            and after[amounts[1] - 1] in _PRICED_AT
            and _EXTRAS.isdisjoint(after[amounts[0] + 1 : amounts[1]])
        ):
            return True  # "charged £50 but the jumper was £40 in the sale": what it cost, set against it
        if (
            word in _SHOP_CHARGED
            and amounts
            and amounts[0] < _NEAR
            and _ON_TOP & set(after[max(0, amounts[0] - 1) : amounts[0] + 2])
        ):
            return True  # "charged £20 more than the price", "charged me £5 too much", "billed an extra £3"
    return False


_REACH = 18
"""How many words after "charged" the amount it should have been may come."""
_THE_PRICE = frozenset({"price", "priced", "item", "costs", "cost", "worth", "website", "tag", "label", "listed"})
"""Words between two amounts that make the second the price of what was charged for."""
_PRICED_AT = frozenset({"was", "is", "costs", "cost", "only", "just"})
"""Words just before an amount that give what the thing charged for cost ("the jumper was £40")."""
_EXTRAS = frozenset({"delivery", "postage", "shipping", "fee", "fees", "tax", "vat", "plus"})
"""Words that make a second amount a part of the charge, not the price set against it."""
_NEAR = 4
"""How many words after "charged" the amount charged on top may come."""
_SHOP_CHARGED = frozenset({"charged", "billed", "took", "taken", "debited", "deducted", "overcharged"})
"""Words of the shop taking money, not the customer choosing to pay more ("I paid £5 more for express")."""
_ON_TOP = frozenset({"more", "extra", "too", "over", "additional"})
"""Words beside an amount charged that make it more than the price ("£20 more", "an extra £5")."""


def refunded_short(clauses: Sequence[Sequence[str]]) -> bool:
    """ "My refund was meant to be £45 but I only got £30", "you only refunded £20 of the £35", "the refund was
    less than I paid": a refund already made that fell short, which is asked after, not asked for again."""
    words = [word for clause in clauses for word in clause]
    if _paid_more_than_given_back(words):
        return True
    if _REFUND_WORDS.isdisjoint(words):
        return False
    if not _SHORT.isdisjoint(words) or _less_than_an_amount(words) or _fell_short(words):
        return True
    if not _GIVEN_BACK.isdisjoint(words) and ("half" in words or "partial" in words):
        return True  # "it came through but it was only half", "I only got a partial refund"
    amounts = _amounts_at(words)
    if len(amounts) < 2 or _GIVEN_BACK.isdisjoint(words):
        return False
    between = words[amounts[0] + 1 : amounts[-1]]
    return not _CONTRASTS.isdisjoint(between) or "only" in words[max(0, amounts[0] - 3) : amounts[-1]]


def _paid_more_than_given_back(words: Sequence[str]) -> bool:
    """ "I paid £60 and got £50 back": an amount paid, and less than it given back."""
    if "paid" not in words or "back" not in words or _GIVEN_BACK.isdisjoint(words):
        return False
    amounts = _amounts_at(words)
    paid = next((k for k in amounts if "paid" in words[max(0, k - 3) : k]), None)
    back = next((k for k in amounts if not _GIVEN_BACK.isdisjoint(words[max(0, k - 3) : k])), None)
    if paid is None or back is None or back <= paid:
        return False
    more, less = _amount(words[paid]), _amount(words[back])
    return more is None or less is None or less < more  # amounts read as numbers only: told as short


def _amounts_at(words: Sequence[str]) -> list[int]:
    """Where the words give an amount: a number, but not an order number ("A-1234")."""
    return [k for k, w in enumerate(words) if w == NUMBER or any(c.isdigit() for c in w) and "-" not in w]


def _amount(word: str) -> float | None:
    """The amount a word says ("£60", "60.50", "60"), or ``None`` when it is not read as one."""
    digits = word.lstrip("£$€").replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return None


_REFUND_WORDS = frozenset({"refund", "refunded", "refunds", "reimbursed", "reimbursement"})
_GIVEN_BACK = frozenset(
    {"got", "received", "refunded", "gave", "given", "sent", "reimbursed", "credited", "through", "came"}
)
"""Words of money already given back, which an amount short of another makes a refund that fell short."""
_SHORT = frozenset({"shortchanged", "underpaid", "underrefunded"})
_FALLING = frozenset({"fell", "fallen", "came", "come", "was", "is", "been", "its"})


def _less_than_an_amount(words: Sequence[str]) -> bool:
    """ "The refund was less than I paid", not "I've had it less than a month": "less than" before anything but
    a length of time."""
    return any(
        word == "less" and words[at + 1 : at + 2] == ["than"] and _DURATION_UNITS.isdisjoint(words[at + 2 : at + 5])
        for at, word in enumerate(words)
    )


_DURATION_UNITS = frozenset(
    "day days week weeks wk wks fortnight fortnights month months year years yr yrs hour hours".split()
)
"""Words that make "less than …" a length of time rather than an amount of money."""


def _fell_short(words: Sequence[str]) -> bool:
    """ "The refund was short", "it came up short by £5", not "long story short"."""
    return any(
        word == "short" and (words[at - 1 : at] == ["up"] or not _FALLING.isdisjoint(words[max(0, at - 1) : at]))
        for at, word in enumerate(words)
    )


def sent_something_else(clauses: Sequence[Sequence[str]]) -> bool:
    """Whether the message says the shop sent something other than what was ordered."""
    for words in clauses:
        if not _VERBS.isdisjoint(words):
            break
    else:
        return False
    ordered: list[tuple[str, ...]] = []
    sent: list[tuple[str, ...]] = []
    for words in clauses:
        if _not_the_one(words):
            return True
        for i, word in enumerate(words):
            money = words[i + 1 : i + 2] and words[i + 1] in _MONEY_VERBS  # "got charged £15 instead of £10"
            if word in _SENT and not money and not _negated(words, i) and "back" not in words[i + 1 : i + 6]:
                if _contrast_after(words, i):
                    return True
                thing = _object(words, i + 1)
                if thing:
                    sent.append(thing)
            elif _ordering(words, i):
                start = i + 2 if word in _ASKED else i + 1
                thing = _object(words, start)
                if thing:
                    ordered.append(thing)
    return any(a != b for a in ordered for b in sent)


def _ordering(words: Sequence[str], i: int) -> bool:
    """ "I ordered", "we bought", "ordered ..." opening a clause, "I asked for", "I paid for"."""
    word = words[i]
    if word in _ASKED:
        if i + 1 >= len(words) or words[i + 1] != "for":
            return False
    elif word not in _ORDERED:
        return False
    before = words[max(0, i - 2) : i]
    return (i == 0 or not _FIRST_PERSON.isdisjoint(before)) and not _negated(words, i)


def _negated(words: Sequence[str], i: int) -> bool:
    return not _NEGATORS.isdisjoint(words[max(0, i - 3) : i])


def _object(words: Sequence[str], start: int) -> tuple[str, ...]:
    """The thing after a verb, without articles, up to a linking word: ("blue", "kettle"). A past participle
    right after the verb makes it passive, with no thing: "the wedding got cancelled"."""
    if start < len(words) and _participle(words[start]):
        return ()
    k = start
    while k < len(words) and words[k] in _SKIPPED:
        k += 1
    if k >= len(words) or words[k] in _NOT_OBJECTS:
        return ()
    thing: list[str] = []
    while k < len(words) and words[k] not in _OBJECT_ENDS and len(thing) < 4:
        thing.append(words[k])
        k += 1
    if not _TIME_WORDS.isdisjoint(thing):
        return ()  # "bought 25 days ago but only received 5 days ago": when, not what
    return tuple(thing)


def _participle(word: str) -> bool:
    """ "cancelled", "used", not "red" or "tweed"."""
    return len(word) > 3 and word.endswith("ed") and not word.endswith("eed")


def _not_the_one(words: Sequence[str]) -> bool:
    """ "this isn't the model I ordered", "that's not the colour I chose": what came is not what was ordered."""
    for i, word in enumerate(words):
        if word not in _IS_NOT:
            continue
        between = words[i + 1 : i + 6]
        if not _SENT.isdisjoint(between):
            return False
        for k in range(len(between) - 1):
            if between[k] in _FIRST_PERSON and _ordering(between, k + 1):
                return True
    return False


def _contrast_after(words: Sequence[str], i: int) -> bool:
    """ "sent size 8 not 10", "got navy instead of black", "sent a large rather than a medium"; not "send a
    new one instead of a refund", where the other side is a remedy rather than a thing."""
    for k in range(i + 2, len(words) - 1):
        word = words[k]
        if word == "instead" and words[k + 1] == "of":
            return bool(_object(words, k + 2))
        if word == "rather" and words[k + 1] == "than":
            return bool(_object(words, k + 2))
        if word == "not" and words[k - 1] not in _AUXILIARIES and words[k + 1] not in _NOT_CONTRASTS:
            return bool(_object(words, k + 1))
    return False
