"""Irony: praise or thanks that mean the opposite ("Oh brilliant, thanks for nothing").

Some phrases are ironic wherever they appear ("thanks for nothing", "yeah right", "just great"). Others
are ironic only beside bad news in the same message: praise that opens the message ("oh perfect",
"brilliant, ...") or praise of the service ("really helpful", "great service as always") next to words
like "still", "never", "another", "nothing". Sincere thanks ("Brilliant, thank you!") has no bad news.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from flow.understanding.lexicon import Lexicon
from flow.understanding.phrases import PhraseSet


def is_ironic(
    text: str,
    clauses: Sequence[Sequence[str]],
    lexicon: Lexicon,
    *,
    after_refusal: bool = False,
) -> bool:
    """Whether a message (its text, and the words of its clauses) praises or thanks ironically.

    An eye-roll or slow-clap emoji beside praise or thanks makes it ironic, and so do thanks for a harm
    ("thanks for charging me $99"). ``after_refusal`` says the agent has just turned the customer down, so
    praise of the service answering it ("wow, great service as always") is ironic even with no bad news
    beside it.
    """
    if not clauses:
        return False
    if after_refusal and _in_any(lexicon.praised_service, clauses) and not _takes_it_well(clauses, lexicon):
        return True
    if any(_thanked_for_harm(words) for words in clauses):
        return True
    # Most messages are ASCII, which holds no emoji unless the lexicon counts an ASCII mark as one.
    emoji_possible = not text.isascii() or _has_ascii(lexicon.irony_emoji)
    if emoji_possible and any(emoji in text for emoji in lexicon.irony_emoji):
        bag = {word for clause in clauses for word in clause}
        if (
            not lexicon.praise.isdisjoint(bag)
            or any(lexicon.thanks.may_occur(c) for c in clauses)
            or any(lexicon.irony_markers.may_occur(c) for c in clauses)
        ):
            return True
    if _in_any(lexicon.strong_irony, clauses):
        return True
    if _takes_it_well(clauses, lexicon):
        return False
    if after_refusal and any(tuple(words) in _SCOFFS for words in clauses) and not _choosing_beside(clauses):
        # "Yeah right." or "as if" said to a refusal ("yeah" reads as "yes").
        return True
    if after_refusal and (
        _praise_said_twice(clauses, lexicon)
        or _praised_and_thanked(clauses, lexicon)
        or _scoffing_thanks(clauses, lexicon)
    ):
        return True
    last = clauses[-1]
    if (
        len(clauses) > 1
        and len(last) <= _SHORT_PRAISE
        and last[-1] in lexicon.praise
        and all(word in lexicon.praise or word in _BEFORE_PRAISE for word in last)
        and any(_bad_news(words, lexicon) for words in clauses[:-1])
    ):
        return True  # "so I can't get my money back? brilliant", "no refund then. just great"
    if (
        after_refusal
        and len(clauses) > 1
        and "?" in text
        and len(last) <= _SHORT_PRAISE
        and last[-1] in lexicon.praise
        and all(word in lexicon.praise or word in _BEFORE_PRAISE or word in lexicon.irony_openers for word in last)
    ):
        return True  # "so I'm paying for a month I don't want? wow, great"
    first = clauses[0]
    if len(first) == 1 and first[0] in lexicon.irony_openers and len(clauses) > 2 and clauses[1][:1]:
        clauses = [[first[0], *clauses[1]], *clauses[2:]]  # "Wow, amazing, you renewed me without asking"
        first = clauses[0]
    opens_with_praise = first[0] in lexicon.praise or (
        len(first) > 1 and first[0] in lexicon.irony_openers and first[1] in lexicon.praise
    )
    praises = opens_with_praise or _in_any(lexicon.irony_markers, clauses)
    if not praises:
        return False
    if after_refusal and opens_with_praise and first[0] in lexicon.irony_openers and sum(map(len, clauses)) <= 4:
        # "Oh wonderful." "Oh lovely, more vouchers." said to a refusal.
        return True
    rest = list(clauses[1:]) if opens_with_praise and len(first) <= 2 else clauses
    return any(_bad_news(words, lexicon) and not _supposed(words) for words in rest)


def _takes_it_well(clauses: Sequence[Sequence[str]], lexicon: Lexicon) -> bool:
    """ "Ok fair enough, you've been really helpful", "thanks for explaining": the refusal accepted in so many
    words, with no bad news beside it, which makes praise beside it sincere; not "so I get nothing? brilliant"."""
    taking = [any(pair in _TAKEN_WELL for pair in zip(words, words[1:], strict=False)) for words in clauses]
    if not any(taking):
        return False
    return not any(_bad_news(words, lexicon) for words, took in zip(clauses, taking, strict=True) if not took)


_TAKEN_WELL = frozenset(
    {("fair", "enough"), ("for", "explaining"), ("makes", "sense"), ("no", "worries"), ("understand", "completely"),
     ("that", "explains"), ("for", "clarifying"), ("no", "bother")}
)  # fmt: skip
"""Word pairs that accept a refusal in good part ("fair enough", "thanks for explaining")."""


_THANKS_WORDS = frozenset({"thanks", "thank", "cheers", "ta"})
_HARMS = frozenset({"charging", "overcharging", "debiting", "ignoring", "wasting"})
"""What no one thanks a company for meaning it ("thanks for charging me twice")."""
_MADE_HARD = frozenset({"impossible", "hard", "difficult", "harder", "awkward", "wait", "pay"})
"""What no one thanks a company for making so ("thanks for making it impossible to cancel online")."""
_HARMS_IF_UNASKED = frozenset({"renewing", "autorenewing", "billing", "auto"})
"""What may be thanked for meaning it ("thanks for renewing so fast"), unless said to be unwanted."""
_UNWANTED = frozenset({"without", "never", "twice", "again", "nothing", "didnt", "forgot"})
_HARM_REACH = 4
"""At most this many words between the thanks and the "for" of the harm ("thanks Cloudnote for charging")."""


def _thanked_for_harm(words: Sequence[str]) -> bool:
    """ "Thanks for charging me $99", "thank you so much for renewing my plan without asking": thanks for a
    charge or a slight, which mean the opposite."""
    for at, word in enumerate(words):
        if word not in _THANKS_WORDS:
            continue
        after = words[at + 1 : at + 1 + _HARM_REACH + 1]
        if "for" in after:
            harm = after.index("for") + at + 2
            if words[harm + 1 : harm + 2] in (["no"], ["little"], ["none"]):
                continue  # "thanks for wasting no time": praise
            if words[harm : harm + 1] and (
                words[harm] in _HARMS
                or words[harm : harm + 3] == ["taking", "my", "money"]
                or (words[harm] == "making" and not _MADE_HARD.isdisjoint(words[harm + 1 : harm + 4]))
                or (words[harm] in _HARMS_IF_UNASKED and not _UNWANTED.isdisjoint(words[harm + 1 :]))
            ):
                return True
    return False


def _supposed(words: Sequence[str]) -> bool:
    """ "And if it's faulty?", "what if it breaks": trouble supposed, not told."""
    start = 1 if words[:1] in (["and"], ["but"], ["so"]) else 0
    return words[start : start + 1] == ["if"] or words[start : start + 2] == ["what", "if"]


_SHORT_PRAISE = 3
"""At most this many words, praise closing a message says nothing but the praise ("just great")."""
_BEFORE_PRAISE = frozenset({"just", "how", "so", "really", "oh", "well", "thats", "very", "absolutely"})


def _praise_said_twice(clauses: Sequence[Sequence[str]], lexicon: Lexicon) -> bool:
    """ "Fantastic, really fantastic.", "wow ok. brilliant. really brilliant." said to a refusal: one word of
    praise, said again, and nothing else."""
    words = [word for clause in clauses for word in clause]
    praise = [word for word in words if word in lexicon.praise]
    return (
        len(praise) >= 2
        and len(set(praise)) == 1
        and all(w in lexicon.praise or w in _STRESS or w in _HEARD_ONLY for w in words)
    )


def _scoffing_thanks(clauses: Sequence[Sequence[str]], lexicon: Lexicon) -> bool:
    """ "Well thanks a lot", "gee thanks" said to a refusal: thanks opened with a scoff, and nothing else."""
    words = [word for clause in clauses for word in clause]
    return (
        words[:1] in (["well"], ["gee"], ["wow"], ["golly"])
        and not _THANKS_WORDS.isdisjoint(words)
        and all(w in _THANKING or w in _STRESS or w in lexicon.irony_openers for w in words[1:])
    )


_HEARD_ONLY = frozenset({"ok", "okay"})


def _praised_and_thanked(clauses: Sequence[Sequence[str]], lexicon: Lexicon) -> bool:
    """ "Oh great, thanks a lot." said to a refusal: praise and heavy thanks, and nothing taken or asked."""
    words = [word for clause in clauses for word in clause]
    if lexicon.praise.isdisjoint(words) or _HEAVY_THANKS.isdisjoint(words):
        return False
    return all(w in lexicon.praise or w in lexicon.irony_openers or w in _STRESS or w in _THANKING for w in words)


_HEAVY_THANKS = frozenset({"lot", "bunch", "million"})
_THANKING = frozenset({"thanks", "thank", "you", "a", "lot", "bunch", "million", "ta", "cheers"})
_STRESS = frozenset(
    {"really", "just", "so", "very", "oh", "wow", "how", "absolutely", "simply", "truly", "rly", "realy", "soo"}
)

_SCOFFS = frozenset({("yes", "right"), ("oh", "yes", "right"), ("as", "if")})
"""Whole clauses that scoff at a refusal rather than agree to what is offered."""


def _choosing_beside(clauses: Sequence[Sequence[str]]) -> bool:
    """Whether another clause goes on to something plain ("yeah right, the credit please")."""
    return any(tuple(words) not in _SCOFFS and not _SCOFF_TAILS.issuperset(words) for words in clauses) and not any(
        words[:1] == ["like"] or words[:2] == ["as", "if"] for words in clauses
    )


_SCOFF_TAILS = frozenset({"yes", "sure", "right", "oh", "ok", "lol", "whatever"})


def _in_any(phrases: PhraseSet, clauses: Sequence[Sequence[str]]) -> bool:
    """Whether a phrase of the set occurs in one of ``clauses`` (a loop: cheaper than a generator over one or two)."""
    for words in clauses:
        if phrases.may_hold(words) and phrases.first(words) is not None:
            return True
    return False


@functools.lru_cache(maxsize=8)
def _has_ascii(marks: frozenset[str]) -> bool:
    return any(mark.isascii() for mark in marks)


def _bad_news(words: Sequence[str], lexicon: Lexicon) -> bool:
    """Whether the words tell of something gone wrong: a complaint, or what is wrong with the order ("it
    arrived smashed", "the kettle is already broken")."""
    if (lexicon.negative_cues.may_hold(words) and lexicon.negative_cues.first(words) is not None) or (
        lexicon.complaint_cues.may_hold(words) and lexicon.complaint_cues.first(words) is not None
    ):
        return True
    return any(phrases.may_hold(words) and phrases.first(words) is not None for phrases in lexicon.conditions.values())
