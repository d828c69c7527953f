"""Does a message threaten action outside the conversation: law, bank, regulators, press, reviews?

A threat is negated when a negation governs it: "not", "never", "won't", "no need" and the like,
followed only by verbs and small words up to the threat ("I'm not going to sue", "I won't be leaving
a bad review"). A negation in another clause does not count: "if you don't refund me I'll sue" is a
threat.
"""

from __future__ import annotations

import string
from collections.abc import Iterable

from flow.textmatch import TextPattern
from flow.understanding._text import fold

_THREATS = TextPattern(
    r"\b(?:sue|sues|suing|sued|lawsuits?|litigation|class action"
    r"|legal (?:action|proceedings|route|steps|advice|team|department|case)|go(?:ing)? legal|get legal"
    r"|lawyers?|attorneys?|solicitors?|barristers?|legal counsel|small claims|tribunal"
    r"|(?:in|to|into|at) court|court (?:case|action|claim|order|date|hearing)"
    r"|ombudsm[ae]n|trading standards|citizens advice|watchdog"
    r"|consumer (?:protection|rights|council|affairs|agency|ombudsman|organi[sz]ation|association|body|group)"
    r"|charge ?backs?|charge (?:it|this|that) back|reverse the (?:charge|payment|transaction)"
    r"|dispute (?:the |this |that |it |my )?(?:charge|payment|transaction)s?|(?:file|raise|open) a dispute"
    r"|disput(?:e|ing) (?:it |this |that )?with (?:my|the) (?:bank|card)"
    r"|(?:call(?:ing)?|contact(?:ing)?|tell(?:ing)?|ring(?:ing)?|go(?:ing)? to|talk(?:ing)? to|speak(?:ing)? to"
    r"|phon(?:e|ing)|report(?:ing)? (?:this|you|it) to) my (?:bank|credit card|card)"
    r"|take (?:it|this|that) up with my (?:bank|credit card company|card company|card issuer)"
    r"|regulators?|fca|ftc|cfpb|bbb|better business bureau|attorney general|authorities|police"
    r"|report (?:you|this|it|your company|your business|them) to"
    r"|(?:go|going|went|run|running) to the (?:press|media|news|papers|newspapers)"
    r"|(?:contact|tell|call|alert|inform|email|write to) (?:the )?(?:press|media|news|newspapers|papers|journalists?)"
    r"|journalists?|newspapers?|reporters?"
    r"|(?:bad|negative|terrible|awful|horrible|scathing|poor|honest|1|one|zero|0|#) ?-?(?:star )?reviews?"
    r"|social media|twitter|facebook|instagram|tiktok|reddit|trustpilot|yelp|youtube|tweet about"
    r"|tell (?:everyone|everybody|all my friends)|warn (?:everyone|everybody|others|people)|expose you)\b"
)
_HINTS = frozenset(
    """sue sues suing sued lawsuit lawsuits litigation class legal lawyer lawyers attorney attorneys solicitor
    solicitors barrister barristers court courts claims tribunal ombudsman ombudsmen trading citizens
    watchdog consumer chargeback chargebacks charge reverse dispute bank card regulator regulators fca
    ftc cfpb bbb bureau general authorities police report press media news papers newspaper newspapers
    journalist journalists reporter reporters review reviews social twitter facebook instagram tiktok
    reddit trustpilot yelp youtube tweet everyone everybody friends others people expose""".split()
)
_FEES = frozenset(
    "delivery postage shipping return returns service booking cancellation admin handling restocking the".split()
)
"""Words before "charge back" that make it a fee given back ("the delivery charge back")."""
_MONEY_GOING = frozenset({"money", "refund", "it", "credit", "payment", "cash", "that", "this", "funds"})
"""Words before "go to my card" that make it where money goes."""
_NEGATIONS = frozenset(
    """not never no dont wont wouldnt doesnt didnt isnt arent aint shant shouldnt nor neither without
    cannot cant""".split()
)
_GOVERNED = frozenset(
    """going to gonna planning plan want wanting wanted intend intending intention trying threatening have
    need be a an the any take taking get getting involve involving call calling contact contacting leave
    leaving post posting write writing file filing go my you your i ill id im ive we were will would
    like about of into this it us with do doing report reporting start starting open opening give giving
    bring bringing for necessary needed resort resorting make making threaten fuss or and even ever bother
    bothering kick up on""".split()
)
_PUNCTUATION = ".,;:!?"


def _token_piece(character: str) -> str:
    if character in _PUNCTUATION:
        return f" {character} "
    return character if character in string.ascii_lowercase or character in string.digits else " "


# Letters and digits stay, each punctuation mark becomes a token of its own and anything else separates,
# so that str.split() finds what [a-z0-9]+|[.,;:!?] finds.
_TOKEN_TABLE = {code: _token_piece(chr(code)) for code in range(128)}
_NOT_ASCII = TextPattern(r"[^\x00-\x7f]+")


def _tokens(lowered: str) -> list[str]:
    if not lowered.isascii():
        lowered = _NOT_ASCII.sub(" ", lowered)
    return lowered.translate(_TOKEN_TABLE).split()


def _negated(tokens_before: list[str]) -> bool:
    for token in reversed(tokens_before[-10:]):
        if token in _NEGATIONS:
            return True
        if token not in _GOVERNED:
            return False
    return False


def is_threat(text: str, words: Iterable[str] | None = None, folded: str | None = None) -> bool:
    """Whether ``text`` threatens legal action, a chargeback, regulators, the press or public reviews.

    ``words`` (the canonical words) and ``folded`` (``fold(text)``) save work when the caller has them:
    most messages are ruled out by their words alone.
    """
    return read_threat(text, words, folded) is True


def read_threat(text: str, words: Iterable[str] | None = None, folded: str | None = None) -> bool | None:
    """True when ``text`` threatens action outside the conversation, False when it names such action only to
    rule it out ("I don't want to leave a bad review"), None when it names none."""
    if words is not None and _HINTS.isdisjoint(words):
        return None
    lowered = fold(text) if folded is None else folded
    tokens = _tokens(lowered)
    if _HINTS.isdisjoint(tokens):
        return None
    joined = " ".join(tokens)
    named = False
    for match in _THREATS.finditer(joined):
        before = joined[: match.start()].split()
        if before[-1:] and before[-1] in _FEES and joined.startswith("charge", match.start()):
            continue  # "will I get the delivery charge back?": a fee returned, not a chargeback
        going = joined.startswith("go to my", match.start()) or joined.startswith("going to my", match.start())
        if going and not _MONEY_GOING.isdisjoint(before[-3:]):
            continue  # "will the money go to my card?": where a refund goes, not a customer going to their bank
        if not _negated(before):
            return True
        named = True
    return False if named else None
