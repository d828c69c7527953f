"""Whether an order was bought by someone else, in English: "my aunt bought it for me", "it was a gift",
"she ordered it", so the customer may not have its details to hand."""

from __future__ import annotations

from collections.abc import Sequence

from flow.understanding.english.deaths import PEOPLE

_BUYING = frozenset({"bought", "ordered", "purchased"})
_GETTING = _BUYING | {"got", "get", "gets"}
_FOR_ME = (("it", "for", "me"), ("for", "me"), ("me", "it"), ("them", "for", "me"), ("this", "for", "me"))
_NOT_GIFTS = frozenset({"card", "cards", "voucher", "vouchers", "wrap", "wrapping", "receipt", "box"})


def bought_by_another(clauses: Sequence[Sequence[str]]) -> bool:
    """Whether the message says another person bought the order: a relative or friend named before "bought"
    or "ordered", "bought it for me", or a gift ("it was a gift", "as a present"); not a gift card."""
    for words in clauses:
        for at, word in enumerate(words):
            if word in _BUYING and at and words[at - 1] in PEOPLE:
                return True
            if word in _GETTING and any(tuple(words[at + 1 : at + 1 + len(tail)]) == tail for tail in _FOR_ME):
                return True
            if (
                word in ("gift", "present")
                and words[at - 1 : at] in (["a"], ["the"])
                and (words[at + 1 : at + 2] == [] or words[at + 1] not in _NOT_GIFTS)
            ):
                return True
    return False
