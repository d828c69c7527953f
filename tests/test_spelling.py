"""Misspelt key words are put right before acts are read; other words, and other forms of the key
words, are left as the customer wrote them."""

from __future__ import annotations

import pytest

from flow.understanding._spelling import correct_spelling
from flow.understanding._text import fold
from flow.understanding.clauses import clauses_of
from flow.understanding.english.lexicon import ENGLISH


def _corrected(text: str) -> list[str]:
    clauses = clauses_of(fold(text), ENGLISH)
    correct_spelling(clauses, ENGLISH)
    return [word for clause in clauses for word in clause.words]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("need help to cancelp my order", "cancel"),
        ("i need help with cacneling it", "canceling"),
        ("can I get a refudn", "refund"),
        ("the parcel never arived", "arrived"),
        ("it came damged", "damaged"),
        ("get me a supervisr", "supervisor"),
        ("could u srop my order", "stop"),
        ("a reffund please", "refund"),
        ("I want a refumd", "refund"),
        ("what a waste of my tiime", "time"),
    ],
)
def test_a_misspelt_key_word_is_put_right(text: str, fixed: str) -> None:
    assert fixed in _corrected(text)


@pytest.mark.parametrize(
    "text",
    [
        "not yet, it's still awaiting dispatch",
        "your managers are useless",
        "are the charges reimbursable?",
        "let me know when it arrives",
        "which shop was it from?",
        "I refuse to pay for a candle and a camera",
        "my jacket and the kettle",
    ],
)
def test_other_words_and_other_forms_stay_as_written(text: str) -> None:
    assert _corrected(text) == [word for clause in clauses_of(fold(text), ENGLISH) for word in clause.words]


def test_every_word_the_lexicon_uses_is_familiar() -> None:
    assert {"refund", "cancel", "exchange", "dispatched", "voucher"} <= ENGLISH.familiar_words
