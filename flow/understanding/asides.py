"""How a question asked beside what a message does is handed to the reply, in ``Signals.slots["aside"]``.

"Refund please, and how long do refunds take?" asks about the policy's rules: the slot holds
:data:`ASKS_RULES` and the question's canonical words, so the reply can answer from what the policy
says. "Refund please. Do I need the original box?" asks something nothing was read in: the slot holds
only :data:`ASKS_OTHER` (the customer's words are not kept), and the reply says it cannot answer it.
"The credit's fine. Oh, does it work on the website too?" takes an offer and asks about it: the slot
holds :data:`ASKS_OFFER`, the offer's id and the question's words, so the reply that sets the offer up
answers from its details. "I'll take the exchange. Do I have to pay for postage?" asks something that
may be about the offer taken: the slot holds :data:`ASKS_BESIDE`, the offer's id and the words, and the
reply answers from the offer's details only when a sentence of them answers it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

PAYMENT_PLACES = frozenset({"card", "paypal", "bank", "account"})
"""Where a refund may be asked to go ("to my PayPal", "a different card"): the words of such a question."""
SETTLED_WORDS = frozenset({"done", "sorted", "processed", "completed", "complete", "finished", "through"})
"""Words of asking whether what was set up is done ("both done?", "is that sorted?"): the reader hears the
question, and the reply says what was set up."""


def asks_if_settled(words: set[str] | frozenset[str]) -> bool:
    """Whether the words of a question ask if what was set up is done: "is it done?", "did it go through?",
    "did it work?"."""
    if not SETTLED_WORDS.isdisjoint(words):
        return True
    return not _WORKED.isdisjoint(words) and not _ASKED_IF_IT.isdisjoint(words)


_WORKED = frozenset({"work", "worked"})
_ASKED_IF_IT = frozenset({"did", "has", "have"})
ASKS_RULES = "rules:"
"""How an aside question about the policy's rules begins, before its canonical words."""
ASKS_OTHER = "other:"
"""An aside question nothing was read in."""


ASKS_OFFER = "offer:"
"""How an aside question about an offer taken in the same message begins, before the offer's id."""


ASKS_BESIDE = "beside:"
"""How an aside question nothing was read in, beside an offer taken, begins, before the offer's id."""


def asks_what_returning_costs(words: Collection[str]) -> bool:
    """ "Is the return free?", "do I have to pay for the postage?": a question about what sending something
    back costs, which the rules answer with the returns label."""
    return not _PAYING.isdisjoint(words) and not _POSTAGE.isdisjoint(words)


_PAYING = frozenset({"pay", "pays", "paying", "paid", "cost", "costs", "free", "charge", "charged", "fee"})
_POSTAGE = frozenset({"postage", "shipping", "return", "returns", "returning", "label", "posting", "send", "post"})


class Aside(NamedTuple):
    """An aside question: the offer it is (or may be) about, ``None`` for the rules; its canonical words;
    and whether it surely is about that offer, so that all its details answer it when no one sentence does."""

    offer: str | None
    words: str
    surely: bool


def aside_question(slot: str) -> Aside | None:
    """The aside question a slot holds, or ``None`` for one whose words are not kept."""
    kind, _, words = slot.partition(" ")
    if not words:
        return None
    if kind == ASKS_RULES:
        return Aside(None, words, surely=True)
    if kind.startswith(ASKS_OFFER):
        return Aside(kind.removeprefix(ASKS_OFFER), words, surely=True)
    if kind.startswith(ASKS_BESIDE):
        return Aside(kind.removeprefix(ASKS_BESIDE), words, surely=False)
    return None
