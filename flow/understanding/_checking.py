"""A customer checking that a refusal stands ("so that's a no then?", "so you won't refund me?"), or
telling why they want the request all the same ("it's not faulty, I just changed my mind").

Said once the agent has declined, such a message neither turns the offers down nor lets the request
go: it presses for the request, and the agent says the answer again as it does when pressed.
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
    if found.kinds() - {"cancel_request", "reject", "deny", "thank", "complain"}:
        return
    if context.state == "follow_up" and context.settled is not None and context.chosen is None:
        # "So that's a no then?" once the request was granted: a misreading, told that it is under way
        if any(_is_it_a_no(clause.words) for clause in clauses):
            for kind in ("cancel_request", "reject", "deny"):
                found.drop(kind)
            found.add(1, Act.of("request", context.settled))
        return
    if context.state not in _AFTER_A_NO:
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
    """ "So that's a no then?", "is that a no?", "so the answer is no?", "so no refund then?", "so nothing at
    all?"."""
    if not 2 <= len(words) <= 8:
        return False
    trimmed = list(words)
    while trimmed and trimmed[-1] in _TRAILING:
        trimmed.pop()
    if trimmed and trimmed[-1] == "no":
        return not _POINTING.isdisjoint(trimmed[:-1])
    if trimmed[:1] == ["so"] and "nothing" in trimmed:
        return True  # "so nothing at all?", "so there's nothing you can do?"
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


def gives_the_reason(clauses: list[Clause], context: Context, found: Found) -> None:
    """Read the reason for the request, told after the refusal with nothing else ("it's not faulty, I just
    changed my mind", "it just doesn't suit me"), as pressing for it (``insist``)."""
    if context.state not in _AFTER_A_NO or found.kinds() - {"thank"}:
        return
    for index, clause in enumerate(clauses):
        words = clause.words
        pairs = set(zip(words, words[1:], strict=False))
        if ("changed", "my") in pairs and "mind" in words or _NOT_SUITED & pairs and "just" in words:
            found.add(index * 1000 + 1, Act.of("insist"))
            return


_NOT_SUITED = frozenset(
    {("doesnt", "suit"), ("dont", "suit"), ("doesnt", "fit"), ("dont", "fit"), ("for", "me"), ("dont", "like")}
)
"""What a customer gives as the reason for sending something back, with "just": "it just doesn't suit me"."""
