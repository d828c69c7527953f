"""A customer checking that a refusal stands: "so that's a no then?", "so you won't refund me?".

Said once the agent has declined, such a question neither turns the offers down nor lets the request
go: it asks the agent to say the answer again, which the agent does as it does when pressed.
"""

from __future__ import annotations

from collections.abc import Sequence

from flow.models import Act
from flow.understanding._found import Found
from flow.understanding.clauses import Clause
from flow.understanding.context import Context

_AFTER_A_NO = frozenset({"offering_alternatives", "compensation"})
_TRAILING = frozenset({"then", "right", "basically", "huh", "eh", "yeah", "really", "again", "is", "it", "thats"})
_POINTING = frozenset({"thats", "that", "answer", "its", "it", "so", "is"})
_WONT = (("wont",), ("cant",), ("cannot",), ("will", "not"), ("can", "not"), ("arent", "going"), ("are", "not"))
_ASKED = frozenset({"refund", "cancel", "cancellation", "money", "help", "do", "give"})


def checks_the_no(clauses: list[Clause], context: Context, found: Found) -> None:
    """Read a question that checks the refusal stands as pressing for the request (``insist``), in place of
    the refusal or the letting go the words alone would say."""
    if context.state not in _AFTER_A_NO or found.kinds() - {"cancel_request", "reject", "deny", "thank"}:
        return
    if any(act.target not in (None, "all", context.request) for _, act in found.acts if act.kind != "thank"):
        return
    for index, clause in enumerate(clauses):
        words = clause.words
        if _is_it_a_no(words) or (_so_or_then(clause.question, words) and _you_wont(words)):
            for kind in ("cancel_request", "reject", "deny"):
                found.drop(kind)
            found.add(index * 1000 + 1, Act.of("insist"))
            return


def _is_it_a_no(words: Sequence[str]) -> bool:
    """ "So that's a no then?", "is that a no?", "so the answer is no?", "so no refund then?"."""
    if not 2 <= len(words) <= 8:
        return False
    trimmed = list(words)
    while trimmed and trimmed[-1] in _TRAILING:
        trimmed.pop()
    if trimmed and trimmed[-1] == "no":
        return not _POINTING.isdisjoint(trimmed[:-1])
    return trimmed[:1] == ["so"] and "no" in trimmed and trimmed[-1] in _ASKED and words[-1] == "then"


def _so_or_then(question: bool, words: Sequence[str]) -> bool:
    return words[:1] == ["so"] or words[-1:] == ["then"] or (question and len(words) <= 8)


def _you_wont(words: Sequence[str]) -> bool:
    """ "You won't refund me", "you can't help", "you are not going to cancel it"."""
    for at, word in enumerate(words[:-1]):
        if word != "you":
            continue
        rest = tuple(words[at + 1 : at + 3])
        if any(rest[: len(phrase)] == phrase for phrase in _WONT):
            return not _ASKED.isdisjoint(words[at + 1 :])
    return False
