"""Turning a customer message into the canonical words every detector reads.

Customers type in lowercase, drop apostrophes, stretch words and use chat shorthand, so the
canonical form is: lowercase, apostrophes removed (``don't`` and ``dont`` are both ``dont``), letters
repeated three times or more cut to one (``whyyy`` → ``why``), shorthand spelled out (``u`` → ``you``,
``pls`` → ``please``, ``wanna`` → ``want to``) and every token with a digit in it replaced by ``#``.
"""

from __future__ import annotations

import string

from flow.textmatch import TextMatch, TextPattern

NUMBER = "#"

_DROP_APOSTROPHES = str.maketrans(dict.fromkeys("'\u2019\u2018`\u00b4", None))
STRETCHED = TextPattern("|".join(f"{letter}{{3,}}" for letter in string.ascii_lowercase))
"""A letter typed three times or more in a row (``whyyy``)."""
# Bytes that are not a-z (or 0-9) become spaces, so splitting on spaces gives what [a-z0-9]+ finds.
_WORD_BYTES = bytes(b if chr(b) in string.ascii_lowercase + string.digits else 0x20 for b in range(256))
_LETTER_BYTES = bytes(b if chr(b) in string.ascii_lowercase else 0x20 for b in range(256))

_SHORTHAND_TEXT = """
u=you yu=you yh=yes ur=your yr=your r=are y=why
pls=please plz=please plss=please plzz=please pleas=please pleeease=please pleeeease=please
thx=thanks thnx=thanks thanx=thanks thks=thanks tnx=thanks tks=thanks thnks=thanks thanq=thanks
ty=thank_you tysm=thank_you_so_much tyvm=thank_you_very_much thankyou=thank_you thnk=thank
wanna=want_to gonna=going_to gotta=got_to lemme=let_me gimme=give_me dunno=dont_know idk=i_dont_know
yeah=yes yea=yes yep=yes yup=yes yeh=yes yah=yes yas=yes yass=yes ye=yes yesss=yes yess=yes
nope=no nah=no naw=no nay=no noo=no nooo=no
k=ok kk=ok okay=ok okey=ok okie=ok okk=ok okok=ok oki=ok
bc=because cuz=because coz=because cos=because
mgr=manager acct=account sub=subscription subs=subscription msg=message
wud=would wld=would cud=could cld=could shud=should em=them bout=about ordr=order ordrd=ordered b4=before
thru=through tho=though pkg=package smth=something sth=something dosnt=doesnt dnt=dont
wat=what wot=what wut=what wht=what hw=how
"""

SHORTHAND: dict[str, tuple[str, ...]] = {
    short: tuple(long.split("_")) for short, long in (pair.split("=") for pair in _SHORTHAND_TEXT.split())
}


def fold(text: str) -> str:
    """``text`` in lowercase without apostrophes: the form every detector searches."""
    lowered = text.lower()
    if lowered.isascii():
        # Only two of the apostrophes are ASCII, and two replaces cost far less than a translate.
        return lowered.replace("'", "").replace("`", "")
    return lowered.translate(_DROP_APOSTROPHES)


def canonical_tokens(text: str, folded: str | None = None) -> list[str]:
    """The message's words in canonical form, in order; ``folded`` is ``fold(text)`` if already known."""
    return plain_tokens(unstretched(fold(text) if folded is None else folded))


def unstretched(folded: str) -> str:
    """``folded`` with every letter typed three times or more typed once (``whyyy`` → ``why``)."""
    return STRETCHED.sub(once, folded) if STRETCHED.search(folded) else folded


def plain_tokens(plain: str) -> list[str]:
    """The canonical words of a folded text already :func:`unstretched`: what :func:`canonical_tokens` gives."""
    words: list[str] = []
    for word in _runs(plain, _WORD_BYTES):
        if not word.isalpha():
            words.append(NUMBER)
            continue
        expansion = SHORTHAND.get(word)
        if expansion is None:
            words.append(word)
        else:
            words.extend(expansion)
    return words


def once(stretched: TextMatch) -> str:
    """A stretched letter typed once: the replacement that undoes :data:`STRETCHED`."""
    return str(stretched.group())[0]


def twice(stretched: TextMatch) -> str:
    """A stretched letter typed twice (``cooool`` → ``cool``)."""
    return str(stretched.group())[:2]


def letter_runs(text: str) -> list[str]:
    """The runs of the letters a-z in ``text``, in order: what ``[a-z]+`` finds, without a regular expression."""
    return _runs(text, _LETTER_BYTES)


def _runs(text: str, keep: bytes) -> list[str]:
    # Any character outside ASCII becomes "?", which the table turns into a space like every other separator.
    return text.encode("ascii", "replace").translate(keep).decode("ascii").split()
