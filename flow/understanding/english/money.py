"""English words that make a number an amount of money rather than a count: "£45", "45 quid", "45 a month".

A customer asked how many months are left, or when they bought something, may answer with what it costs
("I pay 45 a month", "it was £30"); such a number counts nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

CURRENCY_SIGNS = frozenset("£$€")
"""Signs written just before an amount."""
MONEY_WORDS = frozenset(
    {"quid", "pounds", "pound", "dollars", "euros", "bucks", "pm", "p", "pence", "%", "gbp", "usd", "eur"}
)
"""Words written just after an amount."""
RATES = (["a", "month"], ["per", "month"], ["a", "week"], ["per", "week"], ["a", "year"], ["per", "year"], ["a", "mo"])
"""Words after an amount that make it a price paid each period ("45 a month")."""


def said_as_money(sign_before: str, after: Sequence[str]) -> bool:
    """Whether a number with the character ``sign_before`` just before it, and the words ``after`` it, is an
    amount of money: "£45", "45 quid", "45 a month"."""
    return sign_before in CURRENCY_SIGNS or bool(after[:1]) and after[0] in MONEY_WORDS or list(after[:2]) in RATES
