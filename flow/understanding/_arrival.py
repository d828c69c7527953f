"""An order said lost that has turned up after all: "actually wait, it just arrived lol", "oh it's just turned
up! sorry"."""

from __future__ import annotations

from flow.understanding.clauses import Clause


def turned_up(clause: Clause) -> bool:
    """Whether a clause says the order has come now ("it just arrived", "it's turned up", "it's here"), not
    that it has not ("still hasn't arrived"), not asking ("has it arrived?"), and not of something sent since
    ("the new one arrived")."""
    words = clause.words
    if clause.question or not _NOT_YET.isdisjoint(words) or not _SENT_SINCE.isdisjoint(words):
        return False
    pairs = set(zip(words, words[1:], strict=False))
    return bool(pairs & _COME_NOW)


_COME_NOW = frozenset(
    {("just", "arrived"), ("its", "arrived"), ("has", "arrived"), ("arrived", "now"), ("arrived", "today"),
     ("just", "came"), ("turned", "up"), ("showed", "up"), ("its", "here"), ("is", "here"), ("just", "come"),
     ("finally", "arrived"), ("finally", "came"), ("been", "delivered"), ("just", "delivered"), ("its", "come")}
)  # fmt: skip
_NOT_YET = frozenset({"not", "hasnt", "havent", "didnt", "never", "still", "isnt", "wasnt", "yet", "if", "when"})
_SENT_SINCE = frozenset({"new", "replacement", "second", "other", "another", "refund", "credit", "money"})
