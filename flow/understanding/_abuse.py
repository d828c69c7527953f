"""Is a message abusive: swearing, or an insult aimed at the agent, its staff or its company?

Whole words are compared, never substrings, so "Scunthorpe", "class", "assistant" and "cocktail"
pass. Swear words count wherever they appear, "damn" too, as the development data labels "a damn
refund" abusive; words that are only rude about the product ("crap", "rubbish", "garbage") do not.
Insult nouns ("idiot", "moron") count unless the customer is talking about themselves ("I feel like
an idiot"). Words that insult only when aimed at a person ("stupid", "useless",
"liar") count only then: "you are useless" and "stupid bot" are abuse, while "useless service" and
"this policy is stupid" are complaints about the service, which the flow handles as anger, not abuse.

Obfuscation is undone before comparing, only for messages that show signs of it: look-alike digits
and symbols (``sh1t``, ``@ss``), masked letters (``f*ck``, ``a**hole``), spaced letters
(``f u c k``, ``f.u.c.k``) and stretched letters (``fuuuck``).
"""

from __future__ import annotations

from flow.textmatch import SPACE, TextPattern
from flow.understanding._text import STRETCHED, fold, letter_runs, once, twice

SWEARING = frozenset(
    """fuck fucks fucked fucker fuckers fucking fuckin fuckn fck fcking fckin fcked fkn fking fuk fuking
    fukin fuq phuck phucking effing feck shit shits shitty shite shithead shitty bullshit horseshit
    damn damned dammit damnit goddamn goddamned goddam goddammit bitch bitches bitching bastard
    bastards asshole assholes arsehole arseholes ass arse jackass dumbass smartass dick dicks dickhead
    prick pricks cock cocks cocksucker cunt cunts twat twats wanker wankers tosser tossers bollocks
    motherfucker motherfuckers motherfucking mofo piss pissed pissing slut whore douche douchebag
    stfu gtfo wtf ffs""".split()
)
SWEAR_STEMS = ("fuck", "motherfuck", "shit", "cunt", "bitch", "bullshit", "asshole", "arsehole", "dickhead")
SAFE_WORDS = frozenset({"shiitake", "shitake", "shittim"})

INSULT_NOUNS = frozenset(
    """idiot idiots moron morons imbecile imbeciles cretin cretins retard retards retarded dumbass
    loser losers clown clowns muppet muppets numpty halfwit dimwit dimwits nitwit buffoon buffoons
    jerk jerks scum scumbag scumbags dunce dolt twit pillock plonker""".split()
)
AIMED_INSULTS = frozenset(
    """stupid dumb useless pathetic incompetent worthless brainless clueless idiotic moronic hopeless
    ignorant liar liars thief thieves crook crooks scammer scammers fraudster fraudsters thick dense""".split()
)
SECOND_PERSON = frozenset({"you", "u", "ya", "youre", "yall", "ye", "thou", "ur"})
FIRST_PERSON = frozenset({"i", "im", "me", "myself", "ive", "id", "we", "us"})
PEOPLE = frozenset(
    """bot bots robot robots machine agent agents person people staff employee employees man woman guy
    guys team company companies firm lot muppets idiots clowns operator operators rep reps""".split()
)
_BETWEEN_YOU_AND_INSULT = frozenset(
    """are r re so such a an really completely totally absolutely truly just being the most
    utterly very all guys people lot two both bunch of fucking bloody is""".split()
)
_PHRASES = TextPattern(
    r"\b(?:shut (?:the \w+ )?up|screw (?:you|u|ya|yourself|this)|go to hell|drop dead|kill yourself|kys"
    r"|piss off|eat shit|bite me|up yours|sod off|bugger off|(?:you|u|you guys|ya) (?:all )?suck)\b"
)
_PHRASE_HINTS = frozenset(
    {
        "shut",
        "screw",
        "hell",
        "dead",
        "yourself",
        "kys",
        "piss",
        "eat",
        "bite",
        "yours",
        "sod",
        "bugger",
        "suck",
        "stick",
        "waste",
        "brain",
        "braindead",
        "thick",
        "stuffed",
        "lost",
    }
)

_DIGIT = TextPattern(r"[0-9]")
_LONE_LETTERS = frozenset("bcdefghjklmnopqrstvwxyz")
_LOOK_ALIKES = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
                              "!": "i", "|": "i", "8": "b"})  # fmt: skip
_MASKS = frozenset("*#%_?")
# Group 1 is the spaced-out word; the characters around it stand in for "no letter before or after".
_SPACED_LETTERS = TextPattern(rf"(?:^|[^a-z])((?:[a-z][{SPACE}.\-_*]+){{2,}}[a-z])(?:[^a-z]|$)")
_EDGE_PUNCTUATION = ".,;:'\"()[]{}<>?!"


def _is_swearing(word: str) -> bool:
    return word in SWEARING or (word.startswith(SWEAR_STEMS) and word not in SAFE_WORDS)


def _masked_swearing(token: str) -> bool:
    letters = sum(1 for c in token if c.isalpha())
    if letters < 2 or not any(c in _MASKS for c in token) or not all(c.isalpha() or c in _MASKS for c in token):
        return False
    return any(_unmasks_to(token, word) for word in SWEARING if len(word) == len(token))


def _unmasks_to(token: str, word: str) -> bool:
    """Whether ``token`` is ``word`` with some letters hidden behind mask characters (``f*ck``)."""
    return all(c == w or (c in _MASKS and "a" <= w <= "z") for c, w in zip(token, word, strict=True))


def _revealed_words(lowered: str) -> tuple[list[str], bool]:
    tokens = [raw.strip(_EDGE_PUNCTUATION) or raw for raw in lowered.split()]
    for index, token in enumerate(tokens):
        if not _MASKS.isdisjoint(token) and _masked_swearing(token.translate(_LOOK_ALIKES)):
            return letter_runs(" ".join(tokens[:index]).translate(_LOOK_ALIKES)), True
    # The letter runs of the tokens one by one are those of the tokens joined by spaces, found in one go.
    words = letter_runs(" ".join(tokens).translate(_LOOK_ALIKES))
    for match in _SPACED_LETTERS.finditer(lowered, core=1):
        words.append("".join(c for c in match.group(1) if c.isalpha()))
    joined = " ".join(words)
    if STRETCHED.search(joined):
        # Runs of a letter never cross a space, so the words of the joined text stay aligned.
        for word, typed_once, typed_twice in zip(
            list(words), STRETCHED.sub(once, joined).split(), STRETCHED.sub(twice, joined).split(), strict=True
        ):
            if typed_once != word:
                words.append(typed_once)
                words.append(typed_twice)
    return words, False


def _aimed_at_someone(words: list[str], index: int) -> bool:
    for before in reversed(words[max(0, index - 5) : index]):
        if before in SECOND_PERSON:
            return True
        if before not in _BETWEEN_YOU_AND_INSULT:
            break
    return index + 1 < len(words) and words[index + 1] in PEOPLE


def _about_themselves(words: list[str], index: int) -> bool:
    """ "I feel like an idiot", "what an idiot I am", "I ordered the wrong size like an idiot": the customer
    calling themselves names."""
    if any(word in FIRST_PERSON for word in words[max(0, index - 4) : index]):
        return True
    if words[index + 1 : index + 2] == ["me"] or words[index + 1 : index + 3] == ["i", "am"]:
        return True
    likened = "like" in words[max(0, index - 3) : index]
    return likened and any(word in FIRST_PERSON for word in words[max(0, index - 12) : index])


_SUSPECT_WORDS = SWEARING | INSULT_NOUNS | AIMED_INSULTS | _PHRASE_HINTS


def _has_swear_stem(lowered: str) -> bool:
    """Whether a stem of :data:`SWEAR_STEMS` occurs anywhere in ``lowered`` ("motherfuck" and "bullshit" hold
    "fuck" and "shit")."""
    return (
        "fuck" in lowered
        or "shit" in lowered
        or "cunt" in lowered
        or "bitch" in lowered
        or "asshole" in lowered
        or "arsehole" in lowered
        or "dickhead" in lowered
    )


def _has_abuse(words: list[str]) -> bool:
    for index, word in enumerate(words):
        if _is_swearing(word):
            return True
        if word in INSULT_NOUNS and not _about_themselves(words, index):
            return True
        if word in AIMED_INSULTS and _aimed_at_someone(words, index):
            return True
    return not _PHRASE_HINTS.isdisjoint(words) and _PHRASES.search(" ".join(words)) is not None


def _may_be_disguised(lowered: str, words: list[str], *, digits: bool | None, stretched: bool | None) -> bool:
    """Whether ``lowered`` shows a sign of hidden letters: a look-alike digit or symbol, a mask, a lone
    letter or a stretched one."""
    if digits is None:
        digits = _DIGIT.search(lowered) is not None
    if stretched is None:
        stretched = STRETCHED.search(lowered) is not None
    return (
        digits
        or "*" in lowered
        or "#" in lowered
        or "%" in lowered
        or "@" in lowered
        or "$" in lowered
        or "!" in lowered
        or "|" in lowered
        or not _LONE_LETTERS.isdisjoint(words)
        or stretched
    )


def is_abusive(
    text: str,
    folded: str | None = None,
    words: list[str] | None = None,
    *,
    digits: bool | None = None,
    stretched: bool | None = None,
) -> bool:
    """Whether ``text`` swears or insults the agent, its staff or its company.

    ``folded`` (``fold(text)``) and ``words`` (its canonical words) save work when the caller has them, as
    do ``digits`` (whether it holds a digit 0-9) and ``stretched`` (whether it holds a letter typed three
    times in a row).
    """
    lowered = fold(text) if folded is None else folded
    if words is None:
        words = letter_runs(lowered)
    suspect = not _SUSPECT_WORDS.isdisjoint(words) or _has_swear_stem(lowered)
    if suspect and _has_abuse(words):
        return True
    if not _may_be_disguised(lowered, words, digits=digits, stretched=stretched):
        return False
    revealed, masked = _revealed_words(lowered)
    return masked or _has_abuse(revealed)


def _sentences(lowered: str) -> list[str]:
    """``lowered`` cut after each full stop, question mark and exclamation mark that a space follows; not in
    "f.u.c.k"."""
    return f"{lowered} ".replace("! ", ". ").replace("? ", ". ").split(". ")


SWEAR_NOUNS = frozenset(
    """bitch bitches bastard bastards asshole assholes arsehole arseholes dick dicks dickhead dickheads prick
    pricks cunt cunts twat twats wanker wankers tosser tossers motherfucker motherfuckers douche douchebag
    douchebags slut whore jackass dumbass smartass shithead shitheads fucker fuckers""".split()
)
_AIMED_PEOPLE = (PEOPLE - {"company", "companies", "firm", "lot", "machine"}) | {
    "manager",
    "managers",
    "supervisor",
    "supervisors",
    "boss",
    "bosses",
    "colleagues",
    "workers",
}
_TOLD_OFF = frozenset({"you", "u", "ya", "off", "yourself", "yourselves", "youre"})
_TELLING_OFF = frozenset({"fuck", "f", "screw", "sod", "piss", "bugger", "frick", "feck", "fk", "fck", "fuk"})
_AIMED_PHRASES = TextPattern(
    r"\b(?:shut (?:the \w+ )?up|go to hell|drop dead|kill yourself|kys|eat shit|bite me|up yours"
    r"|(?:you|u|you guys|ya) (?:all )?suck|get stuffed|stick (?:it|your \w+) (?:up|where)"
    r"|waste of space|brain ?dead|thick as)\b"
)


def _aimed_abuse(words: list[str]) -> bool:
    if _AIMED_SUSPECTS.isdisjoint(words):
        return False
    for index, word in enumerate(words):
        if (word in INSULT_NOUNS or word in SWEAR_NOUNS) and not _about_themselves(words, index):
            return True
        if word in AIMED_INSULTS and _aimed_at_people(words, index):
            return True
        if word in _TELLING_OFF and index + 1 < len(words) and words[index + 1] in _TOLD_OFF:
            return True
        if word == "get" and words[index + 1 : index + 2] == ["lost"] and _told_to(words, index):
            return True  # "get lost", "oh just get lost"; not "I'm worried it will get lost again"
    return not _PHRASE_HINTS.isdisjoint(words) and _AIMED_PHRASES.search(" ".join(words)) is not None


def _told_to(words: list[str], index: int) -> bool:
    """Whether "get lost" at ``index`` is said to someone ("get lost", "well you can get lost then", "tell your
    manager to get lost", "get lost mate"), not of a parcel ("it will get lost again", "so it can get lost")."""
    before = words[max(0, index - 2) : index]
    if before[-1:] in (["can"], ["could"], ["should"]) and before[:1] in _TOLD_PEOPLE:
        return True  # "you can get lost", "you lot can get lost"
    if before[-1:] == ["to"] and "tell" in words[max(0, index - 4) : index]:
        return True  # "tell your manager to get lost"
    return not before or before[-1] not in _OF_A_THING


_TOLD_PEOPLE = (["you"], ["u"], ["lot"], ["guys"], ["all"], ["yall"])
_OF_A_THING = frozenset(
    """will would could might may can to it they them not dont didnt doesnt wont parcel package order one also
    always often sometimes gonna going ll again that this""".split()
)


_AIMED_SUSPECTS = INSULT_NOUNS | SWEAR_NOUNS | AIMED_INSULTS | _TELLING_OFF | _PHRASE_HINTS
"""Every word :func:`_aimed_abuse` can start from: words with none of them are not aimed abuse."""


def _aimed_at_people(words: list[str], index: int) -> bool:
    after = words[index + 1 : index + 4]
    if "as" in after and ("you" in after or "u" in after):
        return True
    for before in reversed(words[max(0, index - 5) : index]):
        if before in SECOND_PERSON or before in _AIMED_PEOPLE:
            return True
        if before not in _BETWEEN_YOU_AND_INSULT and before not in ("your", "ur", "yr", "the", "this", "these"):
            break
    return index + 1 < len(words) and words[index + 1] in _AIMED_PEOPLE


def read_abuse(
    text: str,
    folded: str | None = None,
    words: list[str] | None = None,
    *,
    digits: bool | None = None,
    stretched: bool | None = None,
) -> tuple[bool, bool]:
    """Whether ``text`` abuses people (insults or swearing aimed at the agent, its staff or someone) and
    whether it swears or insults at all; the optional arguments are those of :func:`is_abusive`.

    Swearing for emphasis ("I want my damn money back") and insults about the company or the product
    ("this company is useless") are not abuse aimed at people; they are still profanity. An insult is aimed
    only within its sentence: "… happened with you lot. Absolutely pathetic." judges what happened.
    """
    lowered = fold(text) if folded is None else folded
    aimed, profane = _abuse_in(text, lowered, words, (digits, stretched))
    sentences = [part for part in _sentences(lowered) if part.strip()]
    if aimed and len(sentences) > 1:
        aimed = any(_abuse_in(part, part, None, (digits, stretched))[0] for part in sentences)
    return aimed, profane


def _abuse_in(
    text: str, lowered: str, words: list[str] | None, marks: tuple[bool | None, bool | None]
) -> tuple[bool, bool]:
    """:func:`read_abuse` of one stretch of text, already folded; ``marks`` are its ``digits`` and
    ``stretched``."""
    digits, stretched = marks
    profane = is_abusive(text, lowered, words, digits=digits, stretched=stretched)
    plain = letter_runs(lowered)
    if _aimed_abuse(plain):
        return True, True
    if not profane:
        return False, False
    revealed, masked = _revealed_words(lowered)
    return _aimed_abuse(revealed) or (masked and _masked_and_aimed(lowered)), True


def _masked_and_aimed(lowered: str) -> bool:
    """A masked swear word told at someone ("f*ck you", "f**k off") or calling someone names ("a**hole")."""
    tokens = [raw.strip(_EDGE_PUNCTUATION) or raw for raw in lowered.split()]
    for token, following in zip(tokens, [*tokens[1:], ""], strict=True):
        if not any(c in _MASKS for c in token):
            continue
        plain = token.translate(_LOOK_ALIKES)
        if _masked_swearing(plain) and following in _TOLD_OFF:
            return True
        if _masks_one_of(plain, SWEAR_NOUNS):
            return True
    return False


def _masks_one_of(token: str, words: frozenset[str]) -> bool:
    return any(_unmasks_to(token, word) for word in words if len(word) == len(token))
