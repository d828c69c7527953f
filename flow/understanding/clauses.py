"""Cutting a message into clauses of canonical words: the unit the act reader reads.

A clause ends at a sentence end, a comma, a colon, a dash between spaces or a line break, and before
words like "but"; a clause ending in "?" or opening with a question word is asked as a question.
Words are in canonical form: lower case, no apostrophes, letters stretched for emphasis cut back
("pleeease"), shorthand spelled out ("pls", "u"), wh-questions cleared of intensifiers ("where the
hell is" reads "where is", and the clause is marked as exclaimed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flow.understanding._request_cues import looks_like_order_number
from flow.understanding._text import SHORTHAND, unstretched
from flow.understanding.lexicon import Lexicon

_SHORTHAND: dict[str, tuple[str, ...]] = {**SHORTHAND, "cannot": ("cant",)}
"""Shorthand spelled out in a clause's words, and "cannot" written as the lexicon writes "can't"."""
_BREAKS = frozenset("?!.,;:\n\u2014\u2013")
# Every character becomes itself, a space, or a break mark standing alone; a word keeps letters, digits,
# and the dashes inside order numbers ("a-1234"). Splitting the result is cheaper than matching words.
_SPLIT = str.maketrans(
    {
        **{chr(c): " " for c in range(128) if not chr(c).isalnum() and chr(c) not in "-"},
        **{mark: f" {mark} " for mark in "?!.,;:\n"},
        "\u2014": " \u2014 ",
        "\u2013": " \u2014 ",
    }
)
_PREPOSITIONS = frozenset({"in", "under", "for", "by", "on", "at", "from", "with"})
_AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "will", "would", "do", "does", "did", "can", "could", "should", "shall", "has",
     "have", "had", "may", "might", "must", "am"}
)  # fmt: skip


def _relative(words: list[str]) -> bool:
    """After a comma, "which I made on the 25th", "who sent it", "when I opened it": a clause about something
    just named, not a question; "when will I get it" still asks."""
    if words[0] in ("which", "whose"):
        return True
    return words[0] in ("who", "where", "when") and len(words) > 1 and words[1] not in _AUXILIARIES


_WH = frozenset({"where", "what", "why", "how", "who", "when", "wheres", "whats", "hows"})
_ASKING_AUXILIARIES = frozenset({"does", "do", "can", "could", "will", "would", "is", "are", "did", "has", "have"})
_ASKED_AFTER = 3
"""The fewest words from an auxiliary after a leading word for the clause to be asked ("and does it expire")."""
_LEADING = frozenset(
    {"and", "so", "also", "plus", "oh", "ok", "okay", "um", "umm", "hmm", "well", "then", "fine", "alright", "right"}
    | {"btw", "anyway", "anyways", "actually"}
)
"""Words before a wh-word that still leave the clause a question: "and how long does it take" (but "ok do
that" is no question)."""


def opens_with_wh(words: Sequence[str]) -> bool:
    """Whether a clause opens with a question word, perhaps after "and": "how long", "and when"."""
    start = 1 if words[:1] == ["and"] else 0
    return len(words) > start and words[start] in _WH


_INTENSIFIERS = {("the", "hell"), ("the", "heck"), ("the", "fuck"), ("on", "earth"), ("the", "f")}


@dataclass(slots=True)
class Clause:
    """One clause of a message: its canonical words, whether it is asked as a question, whether it swore
    its way into one ("where the hell is ...")."""

    words: list[str]
    question: bool
    exclaimed: bool = False


def clauses_of(folded: str, lexicon: Lexicon) -> list[Clause]:
    """The clauses of a folded message, in order; empty clauses are dropped."""
    return plain_clauses(unstretched(folded), lexicon)


def plain_clauses(folded: str, lexicon: Lexicon) -> list[Clause]:
    """The clauses of a folded message already :func:`~flow.understanding._text.unstretched`: what
    :func:`clauses_of` gives."""
    result: list[Clause] = []
    words: list[str] = []
    relative: set[int] = set()
    special = _special_tokens(lexicon)
    # Only a message with a dash has tokens to trim of one (or made of dashes alone).
    dashes = "-" in folded
    if "." in folded:
        folded = _kept_decimals(folded)
    for raw in folded.replace(" - ", " \u2014 ").translate(_SPLIT).split():
        token = raw.strip("-") if dashes else raw
        if not token:
            continue
        if token not in special:
            if token in _STATEMENT_STARTS and words and looks_like_order_number(words[-1]) and len(words) >= 2:
                # "can u cancel my order A-2345 its not shipped": what it says after the number is told, not asked
                result.append(Clause(words, False))
                words = []
            words.append(token)
            continue
        if token in _BREAKS:
            if words:
                result.append(Clause(words, token == "?"))
                words = []
                if token == ",":
                    relative.add(len(result))  # "…, which I made on the 25th": no question unless asked with "?"
            elif token == "?" and result:
                result[-1].question = True
            continue
        if token in lexicon.clause_breaks:
            if words:
                result.append(Clause(words, False))
                words = []
            continue
        expansion = _SHORTHAND.get(token)
        if expansion is None:
            words.append(token)
        else:
            words.extend(expansion)
    if words:
        result.append(Clause(words, False))
    result = [part for clause in result for part in _indirect_question_after_and(clause)]
    result = [part for clause in result for part in _another_order_after_and(clause)]
    if "?" in folded:
        result = [part for clause in result for part in _question_after_and(clause)]
        result = [part for clause in result for part in _question_after_or(clause)]
    for index, clause in enumerate(result):
        _clear_intensifiers(clause)
        words = clause.words
        opening = 0
        while opening < len(words) - 2 and words[opening] in _LEADING:
            opening += 1
        asked_after = (
            words[opening] in _ASKING_AUXILIARIES
            and len(words) - opening >= _ASKED_AFTER
            and words[opening + 1] in _ASKED_OF
            and words[0] != "so"
        )  # "and does it expire"; not "and would recommend you" or "so does my mum"
        if words[opening] not in _WH and not asked_after:
            opening = 0  # "and what about…", "and does it expire": asked after the word that leads in
        first = words[opening]
        if len(words) > 2 and first in _PREPOSITIONS and words[1] in ("which", "what", "whose", "when"):
            clause.question = True
        elif index in relative and opening == 0 and _relative(words):
            continue
        elif not clause.question and first in lexicon.question_starts and len(words) - opening > 1:
            exclamation = first == "what" and words[opening + 1] in ("a", "an")
            clause.question = (
                not exclamation
                and (first != "if" or "?" in folded)
                and not _told_not_to(words)
                and not (first == "do" and words[opening + 1] in _DONE_TO_IT and "?" not in folded)  # "do that"
                and not _subject_left_out(words, opening)
                and not agrees_why_not(words)  # "ok why not", "why not, I suppose": a yes
                and not (
                    "?" not in folded and first == "when" and words[opening + 1] in _SUBJECTS_AFTER_WH
                )  # "and when he opened it, the lid was snapped": when it happened, not a question
            )
        if not clause.question and asks_indirectly(words):
            clause.question = True
    return result


_DONE_TO_IT = frozenset({"that", "it", "this", "so"})
"""Words after "do" that make it an imperative ("great, do that"), not the start of a question."""
_SUBJECTS_AFTER_WH = frozenset({"i", "he", "she", "they", "we", "my", "his", "her", "their", "our"})
"""Subjects straight after "when" that make the clause a statement of when something happened, without a
"?"."""


_STATEMENT_STARTS = frozenset({"its", "theyre"})
"""Words after an order number, with no comma, that start what the customer tells of it."""


def _kept_decimals(text: str) -> str:
    """``text`` with each point between two digits ("£9.99", "2.5 weeks") made a mark that ends no clause
    and splits no word."""
    at = text.find(".")
    kept: list[str] = []
    start = 0
    while at >= 0:
        if 0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit():
            kept += (text[start:at], DECIMAL_POINT)
            start = at + 1
        at = text.find(".", at + 1)
    return "".join(kept) + text[start:] if kept else text


DECIMAL_POINT = "\u2024"
"""What a point between digits becomes in a clause's words ("£9\u202499"): not a full stop."""


def agrees_why_not(words: Sequence[str]) -> bool:
    """Whether "why not" says yes: after a yes ("sure, why not", "oh ok why not") or before one ("why not, go
    on", "why not i suppose"); agreement, not a question."""
    if words[:1] and words[0] in _WHY_NOT_OPENERS:
        words = words[1:]
    if words[-2:] == ["why", "not"]:
        return " ".join(words[:-2]).removesuffix(" then") in _YES_WITH_WHY_NOT
    return words[:2] == ["why", "not"] and " ".join(words[2:]).removesuffix(" then") in _YES_WITH_WHY_NOT


_WHY_NOT_OPENERS = frozenset({"oh", "ah", "well", "hmm", "um", "erm"})
_YES_WITH_WHY_NOT = frozenset(
    {"yes", "yeah", "yep", "yup", "ya", "sure", "ok", "okay", "alright", "fine", "aye", "go on", "go ahead"}
    | {"lets do it", "i suppose", "i guess", "do it", "sounds good", "ok go on", "yeah go on"}
)


def asks_indirectly(words: Sequence[str]) -> bool:
    """ "I just want to know if I can return them", "I'd like to know how long refunds take", "also
    wondering whether it's too late", "just tell me when it's coming": a question put as wanting to know."""
    for at in range(len(words) - 2):
        if words[at + 1] not in _INDIRECT_WH or _ASKING_FOR_HELP.issuperset(words[at + 2 :]):
            continue  # "I wonder if you can help me": an opening, not a question
        if words[at] in ("wondering", "wonder", "asking") or (words[at] == "me" and words[at - 1 : at] == ["tell"]):
            return True
        if words[at] == "know" and words[at - 1 : at] == ["to"]:
            return not _WANTING_TO_KNOW.isdisjoint(words[max(0, at - 3) : at])
    return False


_WANTING_TO_KNOW = frozenset({"want", "wanted", "like", "need", "wanna", "love", "trying", "hoping"})
_INDIRECT_WH = frozenset({"if", "whether", "how", "when", "what", "where", "why", "which", "who"})
_ASKING_FOR_HELP = frozenset(
    {"you", "can", "could", "would", "help", "me", "us", "with", "something", "out", "please", "maybe", "possibly"}
)


def _indirect_question_after_and(clause: Clause) -> list[Clause]:
    """ "I'd like a refund on A-6060 and I also want to know how long refunds take": a question put as
    wanting to know, joined on by "and", is a clause of its own, as one asked with "?" would be."""
    words = clause.words
    for at in range(2, len(words) - 3):
        if words[at] == "and" and asks_indirectly(words[at + 1 : at + 9]):
            return [Clause(words[:at], clause.question), Clause(words[at + 1 :], True)]
    return [clause]


def _another_order_after_and(clause: Clause) -> list[Clause]:
    """ "A-8005 I want to cancel and A-8006 the zip broke after a week": what is told of another order, joined
    on by "and", is a clause of its own, so each order keeps what is said of it."""
    words = clause.words
    for at in range(1, len(words) - _TOLD_OF_ORDER):
        if (
            words[at] == "and"
            and looks_like_order_number(words[at + 1])
            and any(looks_like_order_number(w) for w in words[:at])
        ):
            return [Clause(words[:at], False), Clause(words[at + 1 :], clause.question)]
    return [clause]


_TOLD_OF_ORDER = 3
"""Words that must follow "and" and an order number for them to tell something of that order of their own."""


def _question_after_and(clause: Clause) -> list[Clause]:
    """ "I need to cancel A-1111 and also where's my refund?": a question joined on by "and" is a clause of
    its own, so what is asked does not colour what went before."""
    words = clause.words
    if not clause.question or "and" not in words:
        return [clause]
    for at in range(2, len(words) - 2):
        if words[at] != "and":
            continue
        start = at + 2 if words[at + 1] == "also" else at + 1
        if start < len(words) - 1 and _asks_from(words, start):
            return [Clause(words[:at], False), Clause(words[start:], True)]
        if start < len(words) - 1 and opens_plain_question(words, 0) and opens_plain_question(words, start):
            # "how long does a refund take and do you pay return postage?": two questions, each its own
            return [Clause(words[:at], True), Clause(words[start:], True)]
    return [clause]


def opens_plain_question(words: Sequence[str], start: int) -> bool:
    """Whether a plain question opens at ``start``: "do you", "is it", "is return postage", or "how long",
    "what" with a verb after."""
    word, after = words[start : start + 1], words[start + 1 : start + 2]
    if not word or not after:
        return False
    if word[0] in _AUXILIARIES:
        return after[0] in _PLAINLY_ASKED_OF
    return word[0] in _PLAIN_QUESTION_WORDS and (after[0] in _AUXILIARIES or after[0] in ("long", "much"))


def _question_after_or(clause: Clause) -> list[Clause]:
    """ "Can I get the right size sent or do I have to send this one back first?": a second question joined
    on by "or" asks what the customer must do, a clause of its own beside what they ask for."""
    words = clause.words
    if not clause.question or "or" not in words:
        return [clause]
    for at in range(2, len(words) - 3):
        if words[at] == "or" and tuple(words[at + 1 : at + 4]) in _MUST_I:
            return [Clause(words[:at], True), Clause(words[at + 1 :], True)]
    return [clause]


_MUST_I = frozenset(
    (verb, person, need)
    for verb in ("do", "will", "would", "should")
    for person in ("i", "we")
    for need in ("have", "need", "still", "just")
)
"""The opening of a question about what the customer must do ("do I have to", "will I need")."""


def _asks_from(words: list[str], start: int) -> bool:
    """Whether a question opens at ``start``: "where's", "why", or "when"/"how"/"what" with a verb after
    ("when will", "how long", "what happens"), not "and when I opened it"."""
    word, after = words[start], words[start + 1]
    if word in ("where", "wheres", "why", "whats", "hows"):
        return True
    return word in ("when", "how", "what") and (after in _AUXILIARIES or after in ("long", "much", "happens"))


def _subject_left_out(words: list[str], opening: int) -> bool:
    """ "Is not good quality", "was too small", "doesn't match the curtains": a statement about the item with "it"
    left out, which opens like a question but asks nothing (one asked with "?" is read as a question before
    this)."""
    if words[opening] in _NEGATIVE_AUXILIARIES:
        return words[opening + 1] not in _SUBJECTS  # "doesn't match the curtains"; not "doesn't it come with one?"
    if words[opening] not in _COPULAS:
        return False
    # "but is clearly veneer": what follows is no subject ("is it", "are there", "is a refund possible")
    return words[opening + 1] in _SAYING_HOW or words[opening + 1] not in _SUBJECTS


_COPULAS = frozenset({"is", "are", "was", "were"})
_NEGATIVE_AUXILIARIES = frozenset({"doesnt", "dont", "didnt", "isnt", "arent", "wont", "cant"})
_SUBJECTS = frozenset(
    "it this that there these those they you i we he she my your the a an our his her their its any anyone "
    "anybody someone somebody everything anything something one refund refunds return returns exchange "
    "exchanges cancellation cancelling delivery postage shipping order orders store credit".split()
)
"""Words that may open the subject of a question after "is" or "are"."""
_SAYING_HOW = frozenset({"not", "very", "too", "so", "really", "quite", "completely", "totally", "broken", "damaged"})


def _told_not_to(words: list[str]) -> bool:
    """ "Don't give me store credit", "do not send another one": an order not to do something, which opens
    like "don't you have it in blue?" but asks nothing."""
    if words[0] == "do":
        return words[1] == "not"
    return words[0] in _NEGATIVE_ORDERS and words[1] not in _ASKED_OF


_NEGATIVE_ORDERS = frozenset({"dont", "cant", "wont"})
_ASKED_OF = frozenset({"you", "u", "i", "we", "they", "it", "he", "she", "that", "this", "there", "ya", "ye"})
"""Who a question opening "don't" or "can't" asks about ("don't you have it in blue?")."""
_PLAINLY_ASKED_OF = _ASKED_OF | {"my", "the", "return"}
"""What a plain question opening with a verb asks about ("do you…", "is return postage…")."""
_PLAIN_QUESTION_WORDS = frozenset({"how", "what", "when", "where", "which"})
"""The question words a plain question opens with, before a verb or "long" ("how long…")."""


_SPECIAL_TOKENS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _special_tokens(lexicon: Lexicon) -> frozenset[str]:
    """Every token that is not simply a word of its clause: breaks, the lexicon's clause breaks, shorthand."""
    known = _SPECIAL_TOKENS.get(id(lexicon))
    if known is None or known[0] is not lexicon:
        known = _SPECIAL_TOKENS[id(lexicon)] = (lexicon, _BREAKS | lexicon.clause_breaks | _SHORTHAND.keys())
    return known[1]


def _clear_intensifiers(clause: Clause) -> None:
    words = clause.words
    if _WH.isdisjoint(words):
        return
    for i in range(len(words) - 2):
        if words[i] in _WH and (words[i + 1], words[i + 2]) in _INTENSIFIERS:
            del words[i + 1 : i + 3]
            clause.exclaimed = True
            return


def words_of(text: str, lexicon: Lexicon) -> list[str]:
    """Every canonical word of ``text``, in order, across clauses."""
    from flow.understanding._text import fold

    return [word for clause in clauses_of(fold(text), lexicon) for word in clause.words]
