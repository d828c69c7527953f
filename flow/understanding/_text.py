"""Turning a customer message into the canonical words every detector reads.

Customers type in lowercase, drop apostrophes, stretch words and use chat shorthand, so the
canonical form is: lowercase, apostrophes removed (``don't`` and ``dont`` are both ``dont``), letters
repeated three times or more cut to one (``whyyy`` → ``why``), shorthand spelled out (``u`` → ``you``,
``pls`` → ``please``, ``wanna`` → ``want to``) and every token with a digit in it replaced by ``#``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

NUMBER = "#"

_DROP_APOSTROPHES = str.maketrans(dict.fromkeys("'\u2019\u2018`\u00b4", None))
_TOKEN = re.compile(r"[a-z0-9]+")
_STRETCHED = re.compile(r"([a-z])\1{2,}")

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
"""

SHORTHAND: dict[str, tuple[str, ...]] = {
    short: tuple(long.split("_")) for short, long in (pair.split("=") for pair in _SHORTHAND_TEXT.split())
}


def fold(text: str) -> str:
    """``text`` in lowercase without apostrophes: the form every detector searches."""
    return text.lower().translate(_DROP_APOSTROPHES)


def canonical_tokens(text: str, folded: str | None = None) -> list[str]:
    """The message's words in canonical form, in order; ``folded`` is ``fold(text)`` if already known."""
    if folded is None:
        folded = fold(text)
    if _STRETCHED.search(folded):
        folded = _STRETCHED.sub(r"\1", folded)
    words: list[str] = []
    for word in _TOKEN.findall(folded):
        if not word.isalpha():
            words.append(NUMBER)
            continue
        expansion = SHORTHAND.get(word)
        if expansion is None:
            words.append(word)
        else:
            words.extend(expansion)
    return words


class LazyPattern:
    """A regular expression compiled on first use, so that importing the package stays cheap.

    The first attribute access compiles it and copies the compiled pattern's methods onto the
    instance, so later calls cost the same as on a compiled pattern.
    """

    search: Callable[[str], re.Match[str] | None]
    match: Callable[[str], re.Match[str] | None]
    finditer: Callable[[str], Iterator[re.Match[str]]]
    findall: Callable[[str], list[Any]]
    sub: Callable[[str, str], str]

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        compiled = re.compile(self.source, self.flags)
        for method in ("search", "match", "finditer", "findall", "sub"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)
