"""Personal data out of stored customer text: e-mail addresses, payment card numbers and phone numbers.

Used on the transcript when a policy sets ``redact_personal_data``; the engine still reads the
original message. The text is first folded, one character for one, into the shapes the scanners
know: every Unicode digit becomes its ASCII digit (full-width, Arabic-Indic, Devanagari,
mathematical...), full-width letters and ``＠``/``．`` their ASCII forms, other spaces a space,
dashes a hyphen, and invisible characters (zero-width spaces, joiners, combining marks) a zero-width
space that the scanners step over. What is found there is replaced in the original text, so the rest
of the message keeps its own characters.

- Cards: 13 to 19 digits in groups separated by up to three spaces, dots, dashes, slashes or
  underscores, passing the Luhn checksum. Order numbers, dates and prices fail one or the other.
- E-mail addresses: letters and digits of any script around an ``@``, a domain of two or more labels
  ending in letters (IDN or punycode); ``user@localhost`` is not an address.
- Phones: 7 to 15 digits in groups separated by spaces, dots, dashes or brackets, with a ``+``
  country code, an area code in brackets, ten or more digits, or the local ``555-0123`` shape.
  Dates and times are not phones, nor are digits that belong to a word such as ``A-1234567890``.

Everything is scanned in plain Python, once over the text, without regular expressions.
"""

from __future__ import annotations

import functools
import unicodedata

EMAIL = "[email]"
CARD = "[card]"
PHONE = "[phone]"

_INVISIBLE = "\u200b"
_BYTE_SHAPE = bytes(0x30 if 0x30 <= code <= 0x39 else 0x20 for code in range(256))
_CARD_GAP = frozenset(" .-/_" + _INVISIBLE)
_PHONE_GAP = frozenset(" .-()" + _INVISIBLE)
_MAX_GAP = 3
_LOCAL_PUNCTUATION = frozenset("._%+-'" + _INVISIBLE)
_NOT_LEADING = frozenset(".'" + _INVISIBLE)
_LONG_DASHES = frozenset("\u2014\u2015\u2e3a\u2e3b\ufe58")
"""Dashes that stand between words (``com—thanks``), read as a space rather than a hyphen."""

Span = tuple[int, int, str]


def redact(text: str) -> str:
    """``text`` with e-mail addresses, card and phone numbers replaced by ``[email]``, ``[card]``, ``[phone]``."""
    folded = _folded(text)
    spans: list[Span] = []
    if "@" in folded:
        spans = _emails(folded)
        folded = _replaced(folded, [(start, end, "#" * (end - start)) for start, end, _ in spans])
    encoded = folded.encode()
    shape = encoded.translate(_BYTE_SHAPE)
    if b"0" in shape:
        groups = _digit_groups(folded, encoded, shape)
        cards = _cards(folded, groups)
        spans += cards + _phones(folded, _outside(groups, cards))
    return _replaced(text, sorted(spans)) if spans else text


def _replaced(text: str, spans: list[Span]) -> str:
    """``text`` with each span, in text order, replaced by its label."""
    parts: list[str] = []
    last = 0
    for start, end, label in spans:
        parts += (text[last:start], label)
        last = end
    parts.append(text[last:])
    return "".join(parts)


def luhn_valid(digits: str) -> bool:
    """Whether a string of digits passes the Luhn checksum that payment card numbers carry."""
    kept = sum(map(int, digits[-1::-2]))
    doubled = sum(map(_DOUBLED.__getitem__, digits[-2::-2]))
    return (kept + doubled) % 10 == 0


_DOUBLED = {str(digit): digit * 2 - 9 if digit > 4 else digit * 2 for digit in range(10)}
"""What each digit adds to the Luhn sum when it is in a doubled position."""


def _fold(char: str) -> str:
    """The one ASCII-shaped character the scanners read in place of ``char``."""
    if char.isdecimal():
        return str(unicodedata.decimal(char))
    compatible = unicodedata.normalize("NFKC", char)
    if len(compatible) == 1 and compatible.isascii():
        return compatible
    category = unicodedata.category(char)
    if category == "Zs" or char in _LONG_DASHES:
        return " "
    if category == "Pd" or char == "\u2212":
        return "-"
    if category == "Cf" or category.startswith("M"):
        return _INVISIBLE
    if char in "\u3002\uff61":
        return "."
    return char


class _Folding(dict[int, int]):
    """``str.translate`` table for :func:`_fold`, filled on first sight of each character (up to a bound)."""

    def __missing__(self, code: int) -> int:
        folded = ord(_fold(chr(code)))
        if len(self) < 65_536:
            self[code] = folded
        return folded


_FOLDING = _Folding()


def _folded(text: str) -> str:
    """``text`` folded by :func:`_fold`; most text with other characters (accents, curly quotes) needs none."""
    if text.isascii():
        return text
    for char in set(text):
        code = ord(char)
        if code > 0x7F and _FOLDING[code] != code:
            return text.translate(_FOLDING)
    return text


def _digit_groups(folded: str, encoded: bytes, shape: bytes) -> list[tuple[int, int]]:
    """The start and end, in characters, of every run of ASCII digits in ``encoded`` (``folded`` in UTF-8),
    read off ``shape`` (``encoded`` with digits as ``0`` and every other byte a space)."""
    ascii_only = len(encoded) == len(folded)
    groups = []
    position = character = counted = 0
    for run in shape.split():
        position = shape.index(run, position)
        if not ascii_only:
            # Digits are single bytes in UTF-8; the characters before them are counted once, piece by piece.
            character += len(encoded[counted:position].decode())
            counted = position
        start = position if ascii_only else character
        groups.append((start, start + len(run)))
        position += len(run)
    return groups


def _clusters(folded: str, groups: list[tuple[int, int]], gap: frozenset[str]) -> list[list[tuple[int, int]]]:
    """Consecutive groups joined by short runs of the ``gap`` characters."""
    clusters: list[list[tuple[int, int]]] = []
    for group in groups:
        if clusters:
            between = folded[clusters[-1][-1][1] : group[0]]
            if len(between) <= _MAX_GAP and gap.issuperset(between):
                clusters[-1].append(group)
                continue
        clusters.append([group])
    return clusters


def _cards(folded: str, groups: list[tuple[int, int]]) -> list[Span]:
    """Runs of whole groups with 13 to 19 digits that pass the Luhn check.

    Where a run of groups could be read as cards in more than one way (``12 4111 1111 1111 1111``),
    the reading that covers the most digits wins, then the one with the fewest groups: a card number
    is never cut so that some of its digits stay.
    """
    found: list[Span] = []
    for cluster in _clusters(folded, groups, _CARD_GAP):
        offsets = [0]
        for start, end in cluster:
            offsets.append(offsets[-1] + end - start)
        if offsets[-1] < 13:
            continue
        digits = "".join(folded[start:end] for start, end in cluster)
        # A card-sized run is checked directly; sums by parity pay off on long runs of short groups.
        luhn = _LuhnSums(digits).valid if len(digits) > 40 else functools.partial(_luhn_slice, digits)
        count = len(cluster)
        # best[i]: (digits covered, -groups used) by the best reading of cluster[i:], and its first card's end.
        best: list[tuple[tuple[int, int], int | None]] = [((0, 0), None)] * (count + 1)
        for i in range(count - 1, -1, -1):
            choice: tuple[tuple[int, int], int | None] = (best[i + 1][0], None)
            j = i
            while j < count and offsets[j + 1] - offsets[i] <= 19:
                size = offsets[j + 1] - offsets[i]
                if size >= 13 and luhn(offsets[i], offsets[j + 1]):
                    covered, groups_used = best[j + 1][0]
                    score = (covered + size, groups_used - (j + 1 - i))
                    if score > choice[0]:
                        choice = (score, j)
                j += 1
            best[i] = choice
        i = 0
        while i < count:
            card = best[i][1]
            if card is None:
                i += 1
                continue
            found.append((cluster[i][0], cluster[card][1], CARD))
            i = card + 1
    return found


def _luhn_slice(digits: str, start: int, end: int) -> bool:
    return luhn_valid(digits[start:end])


class _LuhnSums:
    """The Luhn check of any slice of a string of digits in constant time, from sums kept by position parity."""

    def __init__(self, digits: str) -> None:
        # plain[parity][k]: the digits before k at positions of that parity, as written;
        # doubled[parity][k]: the same digits as they count when doubled.
        self.plain = ([0], [0])
        self.doubled = ([0], [0])
        for position, char in enumerate(digits):
            digit = int(char)
            for parity in (0, 1):
                own = position % 2 == parity
                self.plain[parity].append(self.plain[parity][-1] + (digit if own else 0))
                self.doubled[parity].append(self.doubled[parity][-1] + (_DOUBLED[char] if own else 0))

    def valid(self, start: int, end: int) -> bool:
        """Whether ``digits[start:end]`` passes the Luhn check: its last digit counts as written, the one
        before it doubled, and so on."""
        last = (end - 1) % 2
        plain = self.plain[last][end] - self.plain[last][start]
        doubled = self.doubled[1 - last][end] - self.doubled[1 - last][start]
        return (plain + doubled) % 10 == 0


def _outside(groups: list[tuple[int, int]], spans: list[Span]) -> list[tuple[int, int]]:
    """The groups that no span covers; both lists are in text order."""
    if not spans:
        return groups
    kept = []
    index = 0
    for group in groups:
        while index < len(spans) and spans[index][1] <= group[0]:
            index += 1
        if index == len(spans) or group[0] < spans[index][0]:
            kept.append(group)
    return kept


def _phones(folded: str, groups: list[tuple[int, int]]) -> list[Span]:
    found: list[Span] = []
    for cluster in _clusters(folded, groups, _PHONE_GAP):
        first, last = 0, len(cluster)
        while first < last and _inside_word(folded, cluster[first][0]):
            first += 1
        while first < last and _followed_by_word(folded, cluster[last - 1][1]):
            last -= 1
        span = _phone(folded, cluster[first:last]) if last - first else None
        if span is not None:
            found.append(span)
    return found


def _inside_word(folded: str, start: int) -> bool:
    """Whether the digits at ``start`` continue a word (``A1234``, ``ORD-2024``) rather than start a number."""
    before = folded[start - 1] if start else " "
    if before in "(+" or before == _INVISIBLE:
        before = folded[start - 2] if start > 1 else " "
    if before in "-_" and start > 1:
        before = folded[start - 2]
    return before.isalnum() or before == "_"


def _followed_by_word(folded: str, end: int) -> bool:
    after = folded[end] if end < len(folded) else " "
    return after.isalnum() or after in "_:/"


def _phone(folded: str, cluster: list[tuple[int, int]]) -> Span | None:
    if len(cluster) > 15:
        return None
    start, end = cluster[0][0], cluster[-1][1]
    digits = sum(e - s for s, e in cluster)
    if not 7 <= digits <= 15:
        return None
    before = folded[start - 1] if start else ""
    prefixed = before == "+" or (before == "(" and folded[end : end + 1] != ")" and folded[cluster[0][1]] == ")")
    if prefixed:
        start -= 1
    if prefixed or "(" in folded[start:end] or digits >= 10:
        return (start, end, PHONE)
    local = len(cluster) == 2 and [e - s for s, e in cluster] == [3, 4]
    if local and folded[cluster[0][1] : cluster[1][0]] in (" ", ".", "-"):
        return (start, end, PHONE)
    return None


def _emails(folded: str) -> list[Span]:
    found: list[Span] = []
    taken = 0
    at = folded.find("@")
    while at != -1:
        start = at
        while start > taken and _is_local(folded[start - 1]):
            start -= 1
        while start < at and folded[start] in _NOT_LEADING:
            start += 1
        end = _domain_end(folded, at + 1) if start < at else None
        if end is not None:
            found.append((start, end, EMAIL))
            taken = end
        at = folded.find("@", max(at + 1, taken))
    return found


def _is_local(char: str) -> bool:
    return char.isalnum() or char in _LOCAL_PUNCTUATION


def _is_domain(char: str) -> bool:
    return char.isalnum() or char == "-" or char == _INVISIBLE


def _domain_end(folded: str, position: int) -> int | None:
    """Where a domain of two or more labels starting at ``position`` ends, or ``None`` if there is none."""
    labels = []
    while True:
        start = position
        while position < len(folded) and _is_domain(folded[position]):
            position += 1
        if position == start:
            break
        labels.append((start, position))
        if position + 1 < len(folded) and folded[position] == "." and _is_domain(folded[position + 1]):
            position += 1
            continue
        break
    if len(labels) < 2:
        return None
    start, end = labels[-1]
    if not folded.startswith("xn--", start):
        # A top-level domain has no hyphen unless it is punycode: ``example.com-support`` ends at ``com``.
        hyphen = folded.find("-", start, end)
        end = end if hyphen == -1 else hyphen
    while end > start and folded[end - 1] == _INVISIBLE:
        end -= 1
    top = folded[start:end]
    if len(top) < 2 or not any(char.isalpha() for char in top):
        return None
    return end
