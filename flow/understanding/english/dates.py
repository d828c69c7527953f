"""When something happened, as English speakers say it: dates and periods turned into days ago.

"2 October", "the 2nd", "02/10" (day first in British English), "three weeks ago", "last Friday",
"yesterday" become a number of days before the clock's local date; vague periods ("last month", "in
September", "a few weeks ago", "over a month ago") become a :class:`~flow.models.Span` of days, open-ended
for times with no upper bound ("a while back", "ages ago").
What the date is about is read from the words around it: buying ("I ordered it on ..."), delivery
("it arrived on ..."), something else ("it broke last week", "I'm away until Friday"), or nothing said.

The grammar walks the message's tokens once, left to right; there is no backtracking, so the cost is
linear in the length of the message.
"""

from __future__ import annotations

import calendar
import operator
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, NamedTuple

from flow.models import Span
from flow.textmatch import TextPattern

Anchor = Literal["purchase", "paid", "got", "delivery", "other", "none"]
"""What a date is about: buying, paying ("the charge went through on the 29th": buying, unless the buying is
dated too), getting the thing ("got it last week": the same), delivery, something else, or nothing said."""
Shape = Literal["ago", "elapsed", "date", "period", "day"]
"""How the date was said: "three weeks ago", "it's been three weeks", "2 October", "last month", "yesterday"."""
Days = int | Span

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2, "thursday": 3,
    "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90,
    "couple": 2,
}  # fmt: skip
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30,
}  # fmt: skip
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "wk": "week", "wks": "week",
         "fortnight": "fortnight", "fortnights": "fortnight", "month": "month", "months": "month",
         "mo": "month", "year": "year", "years": "year", "yr": "year", "yrs": "year",
         "dys": "day", "dyas": "day", "wek": "week", "weks": "week", "weeek": "week", "weekss": "week",
         "mnth": "month", "mnths": "month", "mth": "month", "mths": "month", "monts": "month", "moths": "month",
         "monhts": "month", "mos": "month", "yeras": "year", "weke": "week", "wekes": "week", "wkes": "week",
         "dya": "day", "mounth": "month", "mounths": "month", "yaer": "year", "yaers": "year", "minth": "month",
         "minths": "month", "mnoth": "month", "monht": "month", "weeka": "week", "wweks": "week", "dayss": "day",
         "wekk": "week", "wekks": "week", "weesk": "week", "monthes": "month", "dasy": "day",
         "hour": "hour", "hours": "hour", "hr": "hour",
         "hrs": "hour", "minute": "hour", "minutes": "hour", "min": "hour", "mins": "hour"}  # fmt: skip
"""Units of time, with their usual shortenings and slips of the keyboard ("6 weks ago"); hours and minutes ago
are today."""
_UNIT_DAYS = {"hour": 0, "day": 1, "week": 7, "fortnight": 14}
SHORTER_THAN_A_MONTH = frozenset(word for word, unit in UNITS.items() if unit in ("hour", "day", "week", "fortnight"))
"""Words of units of time shorter than a month, as :data:`UNITS` reads them ("6 weeks", "3 wks")."""
DAYS_TO_MONTHS = frozenset(word for word, unit in UNITS.items() if unit in ("day", "week", "fortnight", "month"))
"""Words of units of time an order can be late or waited for by ("3 weeks late")."""
VAGUE_COUNTS = {"few": (2, 5), "several": (3, 6), "couple": (2, 2)}
"""How many units "a few", "several" and "a couple of" can mean: "a few weeks ago" is 14 to 35 days ago."""
OPEN_ENDED = {("a", "while"): 7, ("a", "good", "while"): 14, ("quite", "a", "while"): 14, ("ages",): 28,
              ("a", "long", "time"): 28, ("a", "long", "while"): 28, ("donkeys", "years"): 90,
              ("some", "time"): 7, ("weeks",): 14, ("months",): 60, ("years",): 730}  # fmt: skip
"""Times with no upper bound, and the fewest days they can mean: "a while back" is a week ago or more,
"ages ago" four weeks or more."""

PURCHASE_WORDS = frozenset(
    """bought buy buying purchased purchase purchasing ordered order ordering placed paid pay order
    checkout checked receipt invoice boguht bougth baught bougt boght bouhgt purchsed purchasd orderd oredered
    odered renewed renewal renews charged billed subscribed""".split()
)
DELIVERY_WORDS = frozenset(
    """arrived arrive arriving delivered delivery came come received receive turned showed landed
    dispatched shipped posted sent""".split()
)
OTHER_WORDS = frozenset(
    """broke broken stopped started happened noticed wore worn used washed tried away holiday birthday
    returning wedding party trip flight snapped split ripped fell crashed died emailed called rang
    contacted asked told wrote messaged chatted spoke cancelled canceled requested returned""".split()
)
_EXPECTED = frozenset({"supposed", "due", "expected", "meant", "should", "promised", "scheduled", "estimated"})
"""Words before a delivery that make its date the one promised, not the day it came."""
_OCCASIONS = frozenset(
    {"holiday", "birthday", "wedding", "party", "trip", "flight", "anniversary", "christening", "graduation", "event",
     "hols", "vacation", "holidays", "concert", "festival", "cruise", "funeral", "prom", "occasion"}
)  # fmt: skip
"""Occasions that a date beside is about: "a dress for a wedding on the 12th", "for her birthday on the 1st". Only a
time ago said beside one dates the buying ("I bought it for my son's birthday 5 weeks ago"), or a date beside one
something was got for ("I got them for my birthday on the 20th": the day they were got)."""
_GIFTS = frozenset({"present", "presents", "gift", "gifts", "pressie", "prezzie"})
FUTURE_WORDS = frozenset(
    {"next", "tomorrow", "until", "till", "by", "coming", "upcoming", "will", "ill", "shall", "gonna"}
)
NEGATIONS = frozenset({"not", "never", "hasnt", "havent", "hadnt", "didnt", "isnt", "wasnt", "still", "yet"})
CLAUSE_BREAKS = frozenset({".", ",", ";", "!", "?", "and", "but", "so", "because", "cos", "though"})
ELAPSED_WORDS = frozenset({"been", "had", "owned", "old"})
APPROXIMATE = frozenset({"about", "around", "roughly", "approximately", "approx", "like", "nearly", "almost", "maybe"})
MORE_THAN = ("over", "more than", "longer than", "upwards of", "at least", "well over")
JUST_OVER = ("just over", "slightly over", "a bit over", "a little over", "only just over", "just more than")
"""Words before a length of time that make it a little more, not any amount more ("just over a month")."""
LESS_THAN = ("under", "less than", "within", "not even", "not quite", "barely")

_TOKEN = TextPattern(r"\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d+(?:st|nd|rd|th)?|[a-z]+|[.,;!?]")
NAMED_DAYS = {
    ("christmas", "eve"): (12, 24), ("christmas",): (12, 25), ("xmas",): (12, 25), ("boxing", "day"): (12, 26),
    ("new", "years", "eve"): (12, 31), ("new", "years", "day"): (1, 1), ("new", "year"): (1, 1),
    ("halloween",): (10, 31), ("bonfire", "night"): (11, 5), ("guy", "fawkes"): (11, 5),
    ("valentines", "day"): (2, 14), ("valentines",): (2, 14),
}  # fmt: skip


def _black_friday(year: int) -> date:
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 22)


MOVING_DAYS: dict[tuple[str, ...], Callable[[int], date]] = {
    ("black", "friday"): _black_friday,
    ("cyber", "monday"): lambda year: _black_friday(year) + timedelta(days=3),
}
"""Days named for when they fall in a year: Black Friday is the day after the fourth Thursday of November."""
_OPEN_ENDED_FIRSTS = frozenset(words[0] for words in OPEN_ENDED)
_NAMED_DAY_FIRSTS = frozenset(words[0] for words in (*NAMED_DAYS, *MOVING_DAYS))
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
"""The month each season starts in, in the northern hemisphere: a season is three months from its first day."""
VAGUE_TIMES = frozenset({"sales", "easter", "ages", "while", "donkeys"})
"""Times too vague to turn into days: the customer named a time, but not one that can be bounded."""
_SHORT_DAYS = {"yday": "yesterday", "yest": "yesterday", "ystrdy": "yesterday", "ytd": "yesterday"}
"""Shorthand for a day ("bought it yday"), read as the word it stands for."""


DATE_HINTS = frozenset(
    set(MONTHS) | set(WEEKDAYS) | set(UNITS) | {w for day in (*NAMED_DAYS, *MOVING_DAYS) for w in day} | VAGUE_TIMES
    | set(SEASONS)
    | {"ago", "yesterday", "today", "tonight", "morning", "night", "last", "weekend", "fortnight", "earlier", "now"}
    | set(_SHORT_DAYS)
)  # fmt: skip


_STARTERS = frozenset(
    set(MONTHS) | set(WEEKDAYS) | set(NUMBER_WORDS) | set(ORDINAL_WORDS) | _NAMED_DAY_FIRSTS
    | {"the", "day", "today", "tonight", "this", "yesterday", "last", "past", "previous", "earlier", "few", "several"}
    | {"just", "over", "at"}
    | set(SEASONS)
    | {words[0] for words in OPEN_ENDED}
)  # fmt: skip
"""Words a date or period can start with; every other token is skipped at once."""


@dataclass(frozen=True, slots=True)
class When:
    """One date or period found in a message: how many days before the local date, what it dates, how it
    was said."""

    days: Days
    anchor: Anchor
    start: int
    end: int
    shape: Shape = "date"


class _Token(NamedTuple):
    # A named tuple: a message's tokens are made on every read, and a frozen dataclass is slow to build.
    text: str
    start: int
    end: int


_START = operator.itemgetter(1)
"""A token's start, to sort tokens by without a call of Python per token."""


Reader = Callable[[list[_Token], int, str, str, date, bool], "tuple[Days | None, int] | None"]
"""A reader of one shape of date or period, given the tokens, where to start, the word there and the next one,
today and whether numeric dates put the day first."""


def worth_reading(words: frozenset[str] | set[str], folded: str) -> bool:
    """A cheap first look: could the message hold a date at all?"""
    return not DATE_HINTS.isdisjoint(words) or any(c.isdigit() for c in folded)


def read_dates(
    folded: str,
    today: date,
    *,
    day_first: bool = True,
    durations: bool = False,
    within: tuple[int, int | None] | None = None,
) -> list[When]:
    """Every date or period in ``folded`` (lowercase text), in order, as days before ``today``.

    Dates in the future, and dates that cannot exist, are left out. With ``durations``, a bare length
    of time ("about six weeks", the answer to "when did you buy it?") counts as that long ago. ``within``
    is what the customer said before, known only roughly (days ago, from and to): "the 5th" is then the
    5th of the month inside that range, not of this month.
    """
    tokens = [t._replace(text=_SHORT_DAYS[t.text]) if t.text in _SHORT_DAYS else t for t in _tokens(folded)]
    if not _TENS.keys().isdisjoint(t.text for t in tokens):
        tokens = _tens_and_units(tokens)
    if "." in folded:
        tokens = _without_abbreviation_stops(tokens)
    found: list[When] = []
    i = 0
    while i < len(tokens):
        text = tokens[i].text
        if text not in _STARTERS and not text[0].isdigit():
            i += 1
            continue
        read = _read_at(tokens, i, today, day_first, durations)
        if read is None:
            i += 1
            continue
        days, last = read
        if tokens[last].text == "before" and last + 1 < len(tokens) and tokens[last + 1].text not in _CLAUSE_MARKS:
            days, last = _before_another(tokens, last + 1, found, today, day_first, days)
        elif tokens[last].text == "before" and found:
            days = _added(days, found[-1].days)  # "it came on the 30th, I'd ordered it a week before"
        if within is not None and isinstance(days, int) and not _inside(days, within):
            days = _day_within(tokens, i, today, within) or days
        if days is not None:
            anchor = _anchor(tokens, i, last)
            found.append(When(days, anchor, tokens[i].start, tokens[last].end, _shape(tokens, i, last)))
        i = last + 1
    return found


def _before_another(
    tokens: list[_Token], at: int, found: list[When], today: date, day_first: bool, length: Days | None
) -> tuple[Days | None, int]:
    """ "(A week) before that", "(two days) before Christmas", "(a week) before it came": a length of time
    counted back from the date said at token ``at`` or, for "that", the one said last, not from today; from
    anything else, nothing is known."""
    if tokens[at].text in ("that", "then", "this"):
        return _added(length, found[-1].days if found else None), at
    start = at + 1 if tokens[at].text == "the" and at + 1 < len(tokens) else at
    read = _read_at(tokens, at, today, day_first, False) or _read_at(tokens, start, today, day_first, False)
    if read is None:
        return None, at - 1
    return _added(length, read[0]), read[1]


def _added(length: Days | None, days: Days | None) -> Days | None:
    """``length`` days more than ``days``, each a count or a span."""
    if length is None or days is None:
        return None
    low = (length if isinstance(length, int) else length.low) + (days if isinstance(days, int) else days.low)
    if isinstance(length, int) and isinstance(days, int):
        return low
    highs = [length if isinstance(length, int) else length.high, days if isinstance(days, int) else days.high]
    return Span(low=low, high=None if None in highs else sum(h for h in highs if h is not None))


def _without_abbreviation_stops(tokens: list[_Token]) -> list[_Token]:
    """The tokens without the full stop of a shortened month before a day ("Nov. 2nd", "Sept. 3")."""
    return [
        token
        for at, token in enumerate(tokens)
        if not (
            token.text == "."
            and 0 < at < len(tokens) - 1
            and tokens[at - 1].text in MONTHS
            and len(tokens[at - 1].text) <= _SHORT_MONTH
            and tokens[at - 1].text not in _WHOLE_SHORT_MONTHS
            and tokens[at + 1].text[:1].isdigit()
            and (at + 2 >= len(tokens) or tokens[at + 2].text not in UNITS)
        )
    ]


_SHORT_MONTH = 4
"""The longest shortened month name ("sept")."""
_WHOLE_SHORT_MONTHS = frozenset({"may", "june", "july"})
"""Month names as short as a shortening, whose full stop ends a sentence ("in May. 2 days later")."""


def _tens_and_units(tokens: list[_Token]) -> list[_Token]:
    """``tokens`` with a count in words of tens and units made one number: "forty-five" and "thirty one" are
    45 and 31, not five and one, and "twenty first" is the 21st."""
    joined: list[_Token] = []
    at = 0
    while at < len(tokens):
        token = tokens[at]
        following = tokens[at + 1].text if at + 1 < len(tokens) else ""
        units = NUMBER_WORDS.get(following, 0)
        if token.text in _TENS and 1 <= units <= 9 and following not in ("a", "an"):
            joined.append(_Token(str(_TENS[token.text] + units), token.start, tokens[at + 1].end))
            at += 2
            continue
        nth = ORDINAL_WORDS.get(following, 0)
        if token.text in _TENS and 1 <= nth <= 9:
            day = _TENS[token.text] + nth
            joined.append(_Token(f"{day}{_SUFFIXES.get(nth, 'th')}", token.start, tokens[at + 1].end))
            at += 2  # "the twenty first of November": the 21st
            continue
        joined.append(token)
        at += 1
    return joined


_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


_LETTER_BYTES = bytes(b if 0x61 <= b <= 0x7A else 0x20 for b in range(256))
_DIGITS = b"0123456789"
_MARKS = b".,;!?"


def _tokens(folded: str) -> list[_Token]:
    """The tokens of :data:`_TOKEN` in ``folded``, in order. An ASCII text without digits has only runs of
    letters and single marks, found here without a search per token; in one with digits, only the words
    (runs between spaces, which no token crosses) that hold a digit are searched."""
    if not folded.isascii():
        return [_Token(folded[start:end], start, end) for start, end in _TOKEN.spans(folded)]
    data = folded.encode("ascii")
    if len(data.translate(None, _DIGITS)) != len(data):
        return _tokens_with_digits(folded, data)
    return _letters_and_marks(folded, data)


def _tokens_with_digits(folded: str, data: bytes) -> list[_Token]:
    """:func:`_tokens` of an ASCII text with digits: each word with a digit searched on its own, the rest of
    the text (those words blanked out) read as a text without digits."""
    blanked = bytearray(data)
    numeric: list[_Token] = []
    pos = 0
    for word in data.split():
        pos = data.find(word, pos)
        end = pos + len(word)
        if len(word.translate(None, _DIGITS)) != len(word):
            text = folded[pos:end]
            numeric.extend(_Token(text[start:stop], pos + start, pos + stop) for start, stop in _TOKEN.spans(text))
            blanked[pos:end] = b" " * len(word)
        pos = end
    tokens = _letters_and_marks(folded, bytes(blanked))
    tokens.extend(numeric)
    tokens.sort(key=_START)
    return tokens


def _letters_and_marks(folded: str, data: bytes) -> list[_Token]:
    """The runs of letters and the single marks of ``data`` (``folded`` as ASCII, or with parts blanked out)."""
    letters = data.translate(_LETTER_BYTES).decode("ascii")
    tokens: list[_Token] = []
    pos = 0
    for word in letters.split():
        # Only spaces lie between one run and the next, so the next run is the next occurrence of its text.
        pos = letters.find(word, pos)
        tokens.append(_Token(word, pos, pos + len(word)))
        pos += len(word)
    if len(data.translate(None, _MARKS)) == len(data):
        return tokens
    for mark in _MARKS:
        at = data.find(mark)
        while at >= 0:
            tokens.append(_Token(chr(mark), at, at + 1))
            at = data.find(mark, at + 1)
    tokens.sort(key=_START)
    return tokens


def _inside(days: int, within: tuple[int, int | None]) -> bool:
    low, high = within
    return low <= days and (high is None or days <= high)


def _day_within(tokens: list[_Token], i: int, today: date, within: tuple[int, int | None]) -> int | None:
    """A day of the month named alone ("the 5th") in the month, of the last twelve, inside ``within``."""
    day = _day_number(tokens[i].text)
    if day is None:
        return None
    for back in range(13):
        year, month = divmod(today.year * 12 + today.month - 1 - back, 12)
        days = _back_to(today, day, month + 1, year)
        if days is not None and _inside(days, within):
            return days
    return None


def mentions_vague_time(words: set[str] | frozenset[str]) -> bool:
    """Whether a message names a time too vague to count in days ("over the summer", "in the sales")."""
    return not VAGUE_TIMES.isdisjoint(words)


def _lasted(before: list[str]) -> bool:
    """ "It stopped working after 2 months", "they broke after 3 weeks", "it only lasted a month": how long
    the item lasted, which is as long as the customer has had it."""
    while before and before[-1] in APPROXIMATE:
        before = before[:-1]
    if before[-1:] == ["lasted"]:
        return True
    return before[-1:] == ["after"] and not _GAVE_OUT.isdisjoint(before)


_GAVE_OUT = frozenset(
    {"broke", "stopped", "died", "failed", "working", "snapped", "cracked", "split", "ripped", "tore", "packed",
     "fell", "faded", "leaked", "leaking", "peeled", "frayed", "wore", "worn", "shrank", "bust", "conked",
     "apart", "tearing", "ripping", "torn", "splitting", "fraying", "peeling", "cracking", "undone", "loose"}
)  # fmt: skip
"""Words of giving out before "after" and a time: "it broke after a week", "stopped working after a month"."""


def _shape(tokens: list[_Token], first: int, last: int) -> Shape:
    words = [t.text for t in tokens[first : last + 1]]
    before = [t.text for t in tokens[max(0, first - 3) : first]]
    if words[-1] in ("ago", "back", "before", "old") or "ago" in words:
        return "ago"
    if _bounded(" ".join(before)):
        before = [t.text for t in tokens[max(0, first - 7) : first]]  # "had it less than a month"
    if len(words) > 3 and not _BEYOND.isdisjoint(words[1:-1]) and (words[1] in UNITS or words[1] in _BEYOND):
        return "elapsed"  # "3 days past the 30 days": the time since buying
    unit = words[-4] if words[-3:] == ["and", "a", "half"] and len(words) > 3 else words[-1]
    if unit in UNITS and (
        ELAPSED_WORDS.intersection(before) or "for" in before or _lasted(before) or _alone(tokens, first, last)
    ):
        return "elapsed"
    if words[0] in ("last", "past", "previous", "earlier", "this") or words[-1] in MONTHS:
        return "period"
    if words[0] in ("today", "tonight", "yesterday", "this") or words[-1] in WEEKDAYS:
        return "day"
    return "date"


def _read_at(
    tokens: list[_Token], i: int, today: date, day_first: bool, durations: bool
) -> tuple[Days | None, int] | None:
    """What the expression starting at token ``i`` says, and the index of its last token."""
    word = tokens[i].text
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    for reader in _NUMBER_READERS if word[:1].isdigit() else _READERS_FOR.get(word, _READERS):
        read = reader(tokens, i, word, nxt, today, day_first)
        if read is not None:
            if read[0] is None and durations and reader is _relative:
                return _relative(tokens, i, word, nxt, today, day_first, bare=True)
            days = read[0]
            if isinstance(days, Span) and days.low == days.high:
                return days.low, read[1]
            return read
    return None


def _words(tokens: list[_Token], i: int, n: int) -> list[str]:
    return [t.text for t in tokens[i : i + n]]


def _open_ended(
    tokens: list[_Token], i: int, word: str, nxt: str, today: date, day_first: bool
) -> tuple[Days | None, int] | None:
    """``a while ago``, ``ages back``, ``a long time ago``: at least so many days, with no upper bound."""
    if word not in _OPEN_ENDED_FIRSTS:
        return None
    for words, least in OPEN_ENDED.items():
        end = i + len(words)
        if (
            word == words[0]
            and end < len(tokens)
            and tuple(t.text for t in tokens[i:end]) == words
            and tokens[end].text in ("ago", "back", "since")
        ):
            return Span(low=least, high=None), end
    return None


_OTHER_DAY = 7
"""The most days ago "the other day" reaches."""


def _fixed(
    tokens: list[_Token], i: int, word: str, nxt: str, today: date, day_first: bool
) -> tuple[Days | None, int] | None:
    if word == "the" or word == "day":
        three = _words(tokens, i, 4)
        if three[:4] == ["the", "day", "before", "yesterday"]:
            return 2, i + 3
        if three[:3] == ["the", "other", "day"]:
            return Span(low=1, high=_OTHER_DAY), i + 2  # "I bought it the other day": a few days ago
        if three[:3] == ["day", "before", "yesterday"]:
            return 2, i + 2
    if word in ("today", "tonight") or (word == "this" and nxt in ("morning", "afternoon", "evening")):
        return 0, i + (0 if word in ("today", "tonight") else 1)
    if word == "just" and nxt == "now":
        return 0, i + 1
    if word == "yesterday" and nxt in ("week", "fortnight"):
        return 1 + _UNIT_DAYS[nxt], i + 1  # "yesterday week": a week before yesterday
    if word == "yesterday" or (word == "last" and nxt == "night"):
        return 1, i + (0 if word == "yesterday" else 1)
    if word in ("last", "past", "previous") and nxt == "month" and (part := _part_before(tokens, i)) is not None:
        return _part_of_last_month(part, today), i + 1
    if word in ("the", "this") and nxt == "month" and (part := _part_before(tokens, i)) is not None:
        return _part_of_this_month(part, today), i + 1
    if word == "the" and _words(tokens, i, 4) in (["the", "week", "before", "this"], ["the", "week", "before", "now"]):
        return _last_period("week", today), i + 3  # "it was the week before this that I ordered it"
    if word == "the" and _words(tokens, i, 4) in (
        ["the", "week", "before", "last"],
        ["the", "weekend", "before", "last"],
    ):
        # "the week before last", "the weekend before last": the calendar week (or weekend) before the last one.
        last = _last_period(tokens[i + 1].text, today)
        return (Span(low=last.low + 7, high=(last.high or last.low) + 7) if isinstance(last, Span) else None), i + 3
    if word in ("over", "at") and _words(tokens, i, 2) == [word, "the"] and _words(tokens, i + 2, 1) == ["weekend"]:
        return _last_period("weekend", today), i + 2  # "I ordered it over the weekend": the one just gone
    if word in ("last", "past", "previous") and UNITS.get(nxt, nxt) in ("week", "weekend", "month", "year"):
        following = _words(tokens, i + 2, 2)
        if nxt == "week" and following[:1] == ["of"] and following[1:] and following[1] in MONTHS:
            return None  # "the last week of October": that month's last week, read at the month
        return _last_period(UNITS.get(nxt, nxt), today), i + 1
    if word in ("last", "this", "past", "previous") and nxt in SEASONS:
        return _season(nxt, today, before_this=word != "this"), i + 1
    if word == "earlier" and nxt == "this" and i + 2 < len(tokens) and tokens[i + 2].text in ("week", "month"):
        period = tokens[i + 2].text
        first = today - timedelta(days=today.weekday()) if period == "week" else today.replace(day=1)
        gone = (today - first).days
        return (Span(low=1, high=gone) if gone >= 1 else None), i + 2
    if word == "this" and nxt in ("week", "month"):
        first = today - timedelta(days=today.weekday()) if nxt == "week" else today.replace(day=1)
        return Span(low=0, high=(today - first).days), i + 1
    return None


def _named_day(
    tokens: list[_Token], i: int, word: str, nxt: str, today: date, day_first: bool
) -> tuple[Days | None, int] | None:
    """``Christmas``, ``Bonfire Night``, ``last Halloween``, ``Black Friday``: the latest such day not after
    today."""
    if word not in _NAMED_DAY_FIRSTS:
        return None
    for words, fall in MOVING_DAYS.items():
        if word == words[0] and tuple(t.text for t in tokens[i : i + len(words)]) == words:
            when = fall(today.year)
            if when > today:
                when = fall(today.year - 1)
            return (today - when).days, i + len(words) - 1
    for words, (month, day) in NAMED_DAYS.items():
        if word == words[0] and tuple(t.text for t in tokens[i : i + len(words)]) == words:
            previous = tokens[i - 1].text if i else ""
            if previous in ("next", "this") and date(today.year, month, day) > today:
                return None, i + len(words) - 1
            return _back_to(today, day, month, None), i + len(words) - 1
    return None


def _in_season(
    tokens: list[_Token], i: int, word: str, nxt: str, today: date, day_first: bool
) -> tuple[Days | None, int] | None:
    """ "In the summer", "over the winter": the latest such season begun by today."""
    if word not in SEASONS:
        return None
    return _season(word, today, before_this=False), i


def _season(name: str, today: date, *, before_this: bool) -> Days:
    """The days back to a season: the one under way or last begun, or with ``before_this`` ("last summer")
    the one before the season under way."""
    start = date(today.year, SEASONS[name], 1)
    if start > today:
        start = date(today.year - 1, SEASONS[name], 1)
    month = start.month + 3
    end = date(start.year + (month > 12), (month - 1) % 12 + 1, 1) - timedelta(days=1)
    if before_this and end >= today:
        start, end = date(start.year - 1, start.month, 1), date(end.year - 1, end.month, end.day)
    return Span(low=(today - min(end, today)).days, high=(today - start).days)


def _part_before(tokens: list[_Token], i: int) -> str | None:
    """ "early", "mid" or "late" when the words before token ``i`` name part of a month ("the end of")."""
    previous = tokens[i - 1].text if i > 0 else ""
    if previous == "of" and i > 1:
        previous = tokens[i - 2].text
    if previous in ("early", "beginning", "start"):
        return "early"
    if previous in ("mid", "middle"):
        return "mid"
    if previous in ("late", "end"):
        return "late"
    return None


def _part_of_last_month(part: str, today: date) -> Days:
    """ "The end of last month": days 21 to the last of the month before this one."""
    last_day = today.replace(day=1) - timedelta(days=1)
    first, final = {"early": (1, 10), "mid": (11, 20), "late": (21, last_day.day)}[part]
    return Span(low=(today - last_day.replace(day=final)).days, high=(today - last_day.replace(day=first)).days)


def _part_of_this_month(part: str, today: date) -> Days | None:
    """ "The beginning of the month": days 1 to 10 of this month, up to today; ``None`` for a part still to come."""
    last_day = calendar.monthrange(today.year, today.month)[1]
    first, final = {"early": (1, 10), "mid": (11, 20), "late": (21, last_day)}[part]
    if first > today.day:
        return None
    return Span(low=today.day - min(final, today.day), high=today.day - first)


def _last_period(period: str, today: date) -> Days:
    if period == "week":
        monday = today - timedelta(days=today.weekday() + 7)
        return Span(low=(today - (monday + timedelta(days=6))).days, high=(today - monday).days)
    if period == "weekend":
        saturday = today - timedelta(days=(today.weekday() - 5) % 7 or 7)
        if saturday + timedelta(days=1) >= today:
            saturday -= timedelta(days=7)
        return Span(low=(today - saturday).days - 1, high=(today - saturday).days)
    if period == "month":
        last_day = today.replace(day=1) - timedelta(days=1)
        return Span(low=(today - last_day).days, high=(today - last_day.replace(day=1)).days)
    start = date(today.year - 1, 1, 1)
    return Span(low=(today - date(today.year - 1, 12, 31)).days, high=(today - start).days)


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _relative(
    tokens: list[_Token], i: int, word: str, nxt: str, today: date, day_first: bool, *, bare: bool = False
) -> tuple[Days | None, int] | None:
    """``[about|over|a few] N units [ago|back|before]`` and ``it's been N units``; any ``N units`` if ``bare``."""
    j = i
    low_high: tuple[int, int] | None = None
    if word in ("a", "an") and nxt in ("few", "couple"):
        low_high = VAGUE_COUNTS[nxt]
        j = i + 1
    elif word in VAGUE_COUNTS and nxt in UNITS or word in ("few", "several"):
        low_high = VAGUE_COUNTS.get(word)
    elif (n := _count(word)) is not None:
        low_high = (n, n)
        other = _other_count(tokens, i)
        if other is not None:
            low_high, j = (n, other[0]), other[1]
        elif _words(tokens, i + 1, 2) == ["or", "so"]:
            j = i + 2  # "20 or so days ago"
    elif (pair := _dashed(word)) is not None:
        low_high = pair  # "25-35 days ago"
    if low_high is None:
        return None
    roughly = j == i + 2 and low_high[0] == low_high[1]
    k = j + 1
    if k < len(tokens) and tokens[k].text == "of":
        k += 1
    half = _and_a_half(tokens, k)
    if half:
        k += 3
    if k < len(tokens) and low_high[0] == low_high[1] and _words(tokens, k + 1, 1) == ["ago"]:
        weekdays = _weekdays_back(tokens[k].text, low_high[0], today)
        if weekdays is not None:
            return weekdays, k + 1
    if k >= len(tokens) or tokens[k].text not in UNITS:
        return None
    unit = UNITS[tokens[k].text]
    if not half and low_high[0] == low_high[1] and _and_a_half(tokens, k + 1):
        half = True
        k += 3
    added = 0
    if low_high[0] == low_high[1] and not half and (more_of := _and_more(tokens, k + 1, unit, today)) is not None:
        added, k = more_of  # "4 weeks and 5 days ago": the two counts together
    if _words(tokens, k + 1, 2) == ["or", "so"]:
        roughly = True
        k += 2
    later = _or_a_later_count(tokens, k + 1, unit) if low_high[0] == low_high[1] and not half else None
    if later is not None and later[0] > low_high[0]:
        low_high, k = (low_high[0], later[0]), later[1]  # "10 days or maybe 20": either, so the span between
    after = tokens[k + 1].text if k + 1 < len(tokens) else ""
    beyond = _beyond_a_limit(tokens, k + 1, today)
    if beyond is not None and low_high[0] == low_high[1]:
        limit, end = beyond
        return limit + _days_back(today, low_high[0], unit), end
    day = _day_counted_from(tokens, k + 1, today) if low_high[0] == low_high[1] and not half else None
    if day is not None:
        # "a week yesterday", "a week last Monday", "a fortnight ago on Tuesday": that long before the day
        length = _days_back(today, low_high[0], unit)
        return (day[0] + length if day[2] else Span(low=day[0], high=day[0] + length)), day[1]
    if after in _PAST_A_LIMIT:
        return None, k + 1  # "it's only a few days over": days past a limit not named, which date nothing
    # "I've had it for about 2 months": a word that only makes the count rough does not part it from "had for".
    lead = _words(tokens, max(0, i - 4), i - max(0, i - 4))
    before = lead[-3:] if not lead or lead[-1] not in APPROXIMATE else lead[:-1][-3:]
    if lead and lead[-1] in APPROXIMATE and unit == "month" and low_high == (1, 1) and not half:
        roughly = True  # "about a month ago": anywhere from three weeks to five, as "a month or so" is
    ago = after in ("ago", "back", "before", "old", "since")
    elapsed = bool(ELAPSED_WORDS.intersection(before)) or "for" in before[-1:] and "had" in before
    if not elapsed and _bounded(" ".join(before)):
        # "had it less than a month", "I've had it for just over 2 weeks": the bound parts the count from "had"
        elapsed = bool(ELAPSED_WORDS.intersection(_words(tokens, max(0, i - 7), i - max(0, i - 7))))
    lasted = _lasted(before)
    if not (ago or elapsed or lasted or bare or _alone(tokens, i, k)):
        return None, k
    low, high = (_days_back(today, n, unit) + added for n in low_high)
    if half and low == high:
        low = high = low + _half_of(unit)
    last = k + 1 if ago else k
    if ago and last + 1 < len(tokens) and tokens[last + 1].text in ("tomorrow", "yesterday"):
        shift = -1 if tokens[last + 1].text == "tomorrow" else 1
        low, high, last = low + shift, high + shift, last + 1
    phrase = " ".join(before)
    if lasted and not ago:
        return Span(low=low, high=None), last  # it broke after a week of the time it has been had, or more
    if any(phrase.endswith(m) for m in JUST_OVER):
        return Span(low=high + 1, high=high + 1 + max(1, high // 4)), last  # "just over a month": a little more
    if any(phrase.endswith(m) for m in MORE_THAN):
        return Span(low=high + 1, high=None), last
    if any(phrase.endswith(m) for m in LESS_THAN):
        return Span(low=0, high=max(0, low - 1)), last
    more = _or_more(tokens, last + 1)
    if more:
        # "A month ago, maybe a bit more": that long or longer.
        return Span(low=low, high=None), last + more
    if roughly and low == high:
        # "A month or so ago": give or take a quarter.
        return Span(low=low - low // 5, high=high + high // 4), last
    if low == high:
        return low, last
    return Span(low=low, high=high), last


def _day_counted_from(tokens: list[_Token], k: int, today: date) -> tuple[int, int, bool] | None:
    """The day a length of time ending before token ``k`` is counted back from, in British speech: "(a week)
    yesterday", "(a week) last Monday", "(a week) gone Friday", "(a week ago) on Monday"; its days ago, its last
    token, and whether it is sure: "(a week) on Friday" may mean last Friday itself, or the one before."""
    ago = _words(tokens, k, 1) == ["ago"]
    at = k + 1 if ago else k
    lead = _words(tokens, at, 2)
    if lead[:1] == ["yesterday"] and not ago:
        return 1, at, True
    if len(lead) < 2 or lead[0] not in ("last", "gone", "on") or lead[1] not in WEEKDAYS or len(lead[1]) <= 3:
        return None
    back = (today.weekday() - WEEKDAYS[lead[1]]) % 7 or 7
    return back, at + 1, ago or lead[0] != "on"


def _last_month_said(tokens: list[_Token]) -> bool:
    """Whether the message says "last month" ("it renewed last month on the 3rd"), which rules out today."""
    return any(
        token.text == "last" and tokens[at + 1 : at + 2] and tokens[at + 1].text == "month"
        for at, token in enumerate(tokens)
    )


def _bounded(phrase: str) -> bool:
    """Whether ``phrase`` ends in a bound put on a count: "less than", "over", "just over"."""
    return any(phrase.endswith(bound) for bound in (*LESS_THAN, *MORE_THAN, *JUST_OVER))


def _other_count(tokens: list[_Token], i: int) -> tuple[int, int] | None:
    """The second count of "25 or 35 days", "3 to 4 weeks", "between 3 and 4 weeks", and where it is: a
    larger number after the one at ``i``, both of the unit that follows."""
    joining = tokens[i + 1].text if i + 1 < len(tokens) else ""
    between = joining == "and" and "between" in _words(tokens, max(0, i - 2), min(2, i))
    if joining not in ("or", "to", "-") and not between or i + 2 >= len(tokens):
        return None
    other = _count(tokens[i + 2].text)
    first = _count(tokens[i].text)
    if other is None or first is None or other <= first:
        return None
    return other, i + 2


def _or_a_later_count(tokens: list[_Token], k: int, unit: str) -> tuple[int, int] | None:
    """ "(10 days) or maybe 20", "(2 weeks) or perhaps 3 weeks": a second count of the same unit after "or",
    and the index of its last token, when ``k`` opens one."""
    if _words(tokens, k, 1) != ["or"]:
        return None
    m = k + 1
    if _words(tokens, m, 1) and tokens[m].text in _HEDGES:
        m += 1
    count = _count(tokens[m].text) if m < len(tokens) else None
    if count is None:
        return None
    named = tokens[m + 1].text if m + 1 < len(tokens) else ""
    if named in UNITS:
        return (count, m + 1) if UNITS[named] == unit else None
    return count, m


_HEDGES = frozenset({"maybe", "perhaps", "possibly", "probably", "even", "nearer", "closer"})


def _dashed(word: str) -> tuple[int, int] | None:
    """ "25-35" said before a unit: from the one to the other."""
    first, dash, second = word.partition("-")
    if not dash or not first.isdigit() or not second.isdigit() or int(second) <= int(first):
        return None
    return int(first), int(second)


_BEYOND = frozenset({"past", "over", "after", "outside", "beyond"})
_PAST_A_LIMIT = _BEYOND | {"late", "overdue", "too"}
"""Words after a length of time that make it an amount past a limit or another day ("a few days over",
"2 days late", "a week after I got it"), not how long ago something was bought."""


def _beyond_a_limit(tokens: list[_Token], k: int, today: date) -> tuple[int, int] | None:
    """ "(3 days) past the 30 days", "(2 days) over the 30-day limit": the limit in days and the index of its
    last token, when ``k`` opens one; a count past it is that many days after buying."""
    if k >= len(tokens) or tokens[k].text not in _BEYOND:
        return None
    m = k + 1
    if _words(tokens, m, 1) in (["the"], ["your"], ["my"]):
        m += 1
    count = _count(tokens[m].text) if m < len(tokens) else None
    if count is None or m + 1 >= len(tokens) or tokens[m + 1].text not in UNITS:
        return None
    end = m + 1
    if _words(tokens, end + 1, 1) in (["limit"], ["window"], ["deadline"], ["period"], ["mark"]):
        end += 1
    return _days_back(today, count, UNITS[tokens[m + 1].text]), end


_OR_MORE = (
    ("maybe", "a", "bit", "more"), ("maybe", "more"), ("a", "bit", "more"), ("or", "more"), ("or", "longer"),
    ("if", "not", "more"), ("if", "not", "longer"), ("possibly", "more"), ("probably", "more"), ("maybe", "longer"),
    ("a", "little", "more"), ("or", "a", "bit", "more"), ("maybe", "a", "little", "more"), ("could", "be", "more"),
    ("could", "be", "longer"), ("might", "be", "more"), ("might", "be", "longer"), ("may", "be", "more"),
    ("may", "be", "longer"), ("perhaps", "more"), ("perhaps", "longer"), ("possibly", "longer"),
    ("probably", "longer"), ("maybe", "even", "more"), ("maybe", "even", "longer"), ("or", "even", "more"),
    ("or", "even", "longer"), ("it", "could", "be", "more"), ("it", "could", "be", "longer"),
    ("it", "might", "be", "more"), ("it", "might", "be", "longer"), ("could", "have", "been", "longer"),
    ("could", "have", "been", "more"), ("it", "might", "have", "been", "longer"),
)  # fmt: skip
"""What, said after a length of time, makes it that long or longer."""


_BEFORE_MORE = frozenset({",", "?", "-", "...", ";", "."})
_AFTER_MORE = frozenset({"than", "i", "actually", "tbh", "honestly", "really", "though", "even", "not", "to", "be"})


def _or_more(tokens: list[_Token], k: int) -> int:
    """How many tokens from ``k`` (a comma, a question mark or a dash first allowed) say "or more"; 0 when
    they do not: "maybe a month ago? could be more"."""
    start = k + 1 if k < len(tokens) and tokens[k].text in _BEFORE_MORE else k
    for words in _OR_MORE:
        if _words(tokens, start, len(words)) == list(words):
            following = _words(tokens, start + len(words), 1)
            if following and following[0].isalpha() and following[0] not in _AFTER_MORE:
                continue  # "a month ago, could be more expensive now": more of something else
            return start - k + len(words)
    return 0


def _alone(tokens: list[_Token], first: int, last: int) -> bool:
    """Whether the length of time is a clause of its own ("refund A-1234, 40 days."), hedges aside: said
    like that in a message about an order, it is how long ago it was bought. Right after the digits of an
    order number ("refund A-1234 40 days") it starts a clause of its own too."""
    before = first - 1
    while before >= 0 and tokens[before].text in APPROXIMATE:
        before -= 1
    opens = before < 0 or tokens[before].text in _CLAUSE_MARKS or _reference_number(tokens[before].text)
    return opens and (last + 1 >= len(tokens) or tokens[last + 1].text in _CLAUSE_MARKS)


_CLAUSE_MARKS = frozenset(".,;!?")


def _reference_number(text: str) -> bool:
    """Three digits or more: the end of an order or reference number, not a count of anything."""
    return len(text) >= 3 and text.isdigit()


_UNIT_ORDER = ("hour", "day", "week", "fortnight", "month", "year")


def _and_more(tokens: list[_Token], k: int, unit: str, today: date) -> tuple[int, int] | None:
    """The days of a smaller count of time that follows a count at token ``k`` ("4 weeks and 5 days", "a month
    3 days"), and the token of its unit; ``None`` when none follows."""
    at = k + 1 if k < len(tokens) and tokens[k].text == "and" else k
    if at + 1 >= len(tokens) or (n := _count(tokens[at].text)) is None or tokens[at + 1].text not in UNITS:
        return None
    smaller = UNITS[tokens[at + 1].text]
    if _UNIT_ORDER.index(smaller) >= _UNIT_ORDER.index(unit):
        return None
    return _days_back(today, n, smaller), at + 1


def _and_a_half(tokens: list[_Token], k: int) -> bool:
    """ "and a half" (or "or a half") at token ``k``: "six and a half weeks", "a month and a half"."""
    return (
        k + 2 < len(tokens)
        and tokens[k].text in ("and", "or")
        and tokens[k + 1].text in ("a", "an")
        and tokens[k + 2].text == "half"
    )


def _half_of(unit: str) -> int:
    """Half a unit in days, rounded down: half a month is 15 days, so "a month and a half" is about 45."""
    return {"hour": 0, "day": 0, "week": 3, "fortnight": 7, "month": 15, "year": 182}[unit]


def _days_back(today: date, n: int, unit: str) -> int:
    if unit in _UNIT_DAYS:
        return n * _UNIT_DAYS[unit]
    months = n * (12 if unit == "year" else 1)
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    day = min(today.day, calendar.monthrange(year, month)[1])
    return (today - date(year, month, day)).days


def _weekday(
    tokens: list[_Token], i: int, word: str, nxt: str, today: date, day_first: bool
) -> tuple[Days | None, int] | None:
    if word not in WEEKDAYS or (len(word) <= 3 and not (i > 0 and tokens[i - 1].text in ("on", "last"))):
        return None
    previous = tokens[i - 1].text if i > 0 else ""
    if previous in FUTURE_WORDS:
        return None, i
    if previous == "this" and nxt != "just":
        # "This Wednesday" is this week's: already past, or still to come.
        since = today.weekday() - WEEKDAYS[word]
        return (since if since >= 0 else None), i
    back = (today.weekday() - WEEKDAYS[word]) % 7 or 7
    return back, i


def _weekdays_back(word: str, count: int, today: date) -> int | None:
    """How long ago "two Saturdays ago" was: the last Saturday, and a week for each one before it."""
    day = WEEKDAYS.get(word[:-1]) if word.endswith("s") else None
    if day is None or count < 1:
        return None
    return ((today.weekday() - day) % 7 or 7) + 7 * (count - 1)


def _day_number(word: str) -> int | None:
    digits = word.rstrip("stndrh") if word[:1].isdigit() else ""
    if digits.isdigit() and 1 <= int(digits) <= 31:
        return int(digits)
    return ORDINAL_WORDS.get(word)


def _month_day(
    tokens: list[_Token], i: int, word: str, nxt: str, today: date, day_first: bool
) -> tuple[Days | None, int] | None:
    """``2 October``, ``2nd of Oct 2026``, ``October 2nd``, ``the 2nd``, ``in October``, ``early October``."""
    day = _day_number(word)
    if day is not None:
        k = i + 1
        if k < len(tokens) and tokens[k].text == "of":
            k += 1
        if k < len(tokens) and tokens[k].text in MONTHS and (tokens[k].text != "may" or k > i + 1 or day_first):
            month = MONTHS[tokens[k].text]
            year, last = _year_after(tokens, k, today)
            return _back_to(today, day, month, year), last
        either = _either_day_of(tokens, i, day, today)
        if either is not None:
            return either
        if k > i + 1 and k + 1 < len(tokens) and tokens[k + 1].text == "month" and tokens[k].text in _WHICH_MONTH:
            earlier = _WHICH_MONTH[tokens[k].text]
            month = (today.month - earlier - 1) % 12 + 1
            return _back_to(today, day, month, today.year - (month > today.month)), k + 1
        spelt_out = word in ORDINAL_WORDS and i > 1 and tokens[i - 2].text == "on"  # "on the second", not "the second"
        if (word[:1].isdigit() and not word.isdigit() or spelt_out) and i > 0 and tokens[i - 1].text == "the":
            month = today.month if day < today.day else today.month - 1 or 12
            year = today.year if month <= today.month else today.year - 1
            while day > calendar.monthrange(year, month)[1]:
                # "the 31st" in early December: November has none, so the last month that has one.
                month, year = (month - 1, year) if month > 1 else (12, year - 1)
            back = _back_to(today, day, month, year)
            if day == today.day and back is not None and not _last_month_said(tokens):
                return Span(low=0, high=back), i  # "the 3rd" said on the 3rd: today, or a month ago
            return back, i
        return None
    if word not in MONTHS or (word == "may" and not _month_context(tokens, i)):
        return None
    month = MONTHS[word]
    day = _day_number(nxt)
    if day is not None:
        year, last = _year_after(tokens, i + 1, today)
        return _back_to(today, day, month, year), last
    previous = tokens[i - 1].text if i > 0 else ""
    if previous == "of" and i > 1 and tokens[i - 2].text in _PART_OF_MONTH:
        previous = tokens[i - 2].text
    if previous in ("next", "this") and month >= today.month:
        return None, i
    said, end = _year_after(tokens, i, today)
    if said is not None:
        year = said
    elif previous == "last":
        year = today.year if month < today.month else today.year - 1  # "last December", said in December
    else:
        year = today.year if month <= today.month else today.year - 1
    first, last_day = 1, calendar.monthrange(year, month)[1]
    week = _week_of(tokens, i)
    if week is not None:
        first, last_day = 1 + 7 * week, min(7 + 7 * week, last_day) if week < 3 else last_day
    elif previous in ("early", "beginning", "start"):
        last_day = 10
    elif previous in ("mid", "middle"):
        first, last_day = 11, 20
    elif previous in ("late", "end"):
        first = 21
    if year == today.year and month == today.month:
        last_day = min(last_day, today.day)
    newest, oldest = date(year, month, last_day), date(year, month, first)
    if newest > today:
        return None, i
    return Span(low=(today - newest).days, high=(today - oldest).days), end


def _either_day_of(tokens: list[_Token], i: int, day: int, today: date) -> tuple[Days | None, int] | None:
    """ "The 10th or 11th of October", "the 3rd to the 5th of May": two days of the month named after the
    second, as the span between them."""
    k = i + 1
    if k + 1 >= len(tokens) or tokens[k].text not in ("or", "to", "and"):
        return None
    k += 1
    if tokens[k].text == "the" and k + 1 < len(tokens):
        k += 1
    other = _day_number(tokens[k].text)
    if other is None:
        return None
    m = k + 1
    if m < len(tokens) and tokens[m].text == "of":
        m += 1
    if m >= len(tokens) or tokens[m].text not in MONTHS:
        return None
    month = MONTHS[tokens[m].text]
    year, last = _year_after(tokens, m, today)
    first, second = _back_to(today, day, month, year), _back_to(today, other, month, year)
    if first is None or second is None:
        return None, last
    return Span(low=min(first, second), high=max(first, second)), last


def _week_of(tokens: list[_Token], i: int) -> int | None:
    """Which week of the month named at token ``i`` the words before it name, from 0: "the first week of
    November" is 0, "the last week of October" is 3 (the rest of the month)."""
    if i < 3 or tokens[i - 1].text != "of" or tokens[i - 2].text not in ("week", "wk"):
        return None
    return _WEEKS.get(tokens[i - 3].text)


_WEEKS = {
    "first": 0,
    "1st": 0,
    "second": 1,
    "2nd": 1,
    "third": 2,
    "3rd": 2,
    "fourth": 3,
    "4th": 3,
    "last": 3,
    "final": 3,
}
_PART_OF_MONTH = frozenset({"beginning", "start", "middle", "end"})
_WHICH_MONTH = {"this": 0, "last": 1, "previous": 1}
"""Months named by where they stand from this one: "the 3rd of last month"."""


def _month_context(tokens: list[_Token], i: int) -> bool:
    previous = tokens[i - 1].text if i > 0 else ""
    following = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return previous in ("in", "of", "early", "late", "mid", "since", "back") or _day_number(following) is not None


def _year_after(tokens: list[_Token], k: int, today: date) -> tuple[int | None, int]:
    """The year said after the date that ends at token ``k`` ("2025", "last year", "this year"), and the
    token the date ends at with it."""
    at = k + 2 if k + 1 < len(tokens) and tokens[k + 1].text == "," else k + 1
    if at < len(tokens) and tokens[at].text.isdigit() and len(tokens[at].text) == 4:
        return int(tokens[at].text), at
    if at + 1 < len(tokens) and tokens[at + 1].text == "year" and tokens[at].text in _WHICH_YEAR:
        return today.year - _WHICH_YEAR[tokens[at].text], at + 1
    return None, k


_WHICH_YEAR = {"this": 0, "last": 1, "previous": 1}


def _back_to(today: date, day: int, month: int, year: int | None) -> int | None:
    guess = year if year is not None else today.year
    try:
        when = date(guess, month, day)
    except ValueError:
        return None
    if when > today and year is None:
        try:
            when = date(guess - 1, month, day)
        except ValueError:
            return None
    return (today - when).days if when <= today else None


def _numeric_date(
    tokens: list[_Token], i: int, word: str, nxt: str, today: date, day_first: bool
) -> tuple[Days | None, int] | None:
    """``02/10``, ``2/10/2026``, ``2.10.26``, ``2026-10-02``."""
    separator = next((c for c in "/.-" if c in word), None)
    if separator is None:
        return None
    parts = word.split(separator)
    if not all(p.isdigit() for p in parts) or len(parts) < 2:
        return None
    numbers = [int(p) for p in parts]
    if len(parts[0]) == 4:
        if len(numbers) != 3:
            return None
        year, month, day = numbers
    else:
        day, month = (numbers[0], numbers[1]) if day_first else (numbers[1], numbers[0])
        year = None
        if len(numbers) == 3:
            year = numbers[2] + (2000 if numbers[2] < 100 else 0)
    if separator == "-" and len(parts[0]) != 4:
        return None
    if len(parts[0]) != 4 and month > _MONTHS_IN_A_YEAR and 1 <= day <= _MONTHS_IN_A_YEAR:
        day, month = month, day  # "15/11" read month first can only be the 15th of November
    if not (1 <= month <= _MONTHS_IN_A_YEAR and 1 <= day <= 31):
        return None
    return _back_to(today, day, month, year), i


_MONTHS_IN_A_YEAR = 12


def _got_it(words: list[str], n: int) -> bool:
    """ "I got it on the 2nd", "got them last week", "I got a dress in the sale last Friday": getting the
    thing itself dates the purchase; "got an email on Monday" or "got the wrong one" does not."""
    if words[n] != "got":
        return False
    if all(word in _BEFORE_A_DATE for word in words[n + 1 :]):  # "the boots I got last month", "I got on the 20th"
        return n > 0 and words[n - 1] in _WHO_GOT and _NOT_BOUGHT.isdisjoint(words[max(0, n - 4) : n])
    if n + 1 >= len(words):
        return False
    if words[n + 1] in _GOT_OBJECTS:
        return words[n + 2 : n + 3] != ["back"]  # "I got it back last week": returned to the customer, not bought
    thing = words[n + 2 : n + 4]
    return words[n + 1] in _GOT_ARTICLES and bool(thing) and _NOT_BOUGHT.isdisjoint(thing)


_GOT_OBJECTS = frozenset("it them em this these mine those".split())
_WHO_GOT = frozenset("i we she he".split())
_BEFORE_A_DATE = frozenset("on in at around about back the off from you u last this past".split())
_GOT_ARTICLES = frozenset("a an some two three".split())
_NOT_BOUGHT = frozenset(
    """email emails message messages text texts call reply letter notification refund confirmation tracking
    voucher code response answer wrong parcel package delivery damaged broken different replacement credit
    discount link update receipt invoice money""".split()
)
"""Things one gets that are not what was bought ("got an email", "got a refund", "got a different one")."""


def _without_asides(words: list[str]) -> list[str]:
    """The words with an order number set off by commas (or opened by a bracket, which is no token, and
    closed by the end of a clause) taken out: in "I bought a kettle, order A-1500, on the 3rd" and "the lamp
    I bought (A-5151, 10 days ago)", the date is still about buying."""
    kept: list[str] = []
    for word in words:
        kept.append(word)
        if word not in (",", "."):
            continue
        start = len(kept) - 2
        while start >= 0 and kept[start] != "," and (kept[start] in _ASIDE_WORDS or _order_part(kept[start])):
            start -= 1
        if word == "," and start >= 0 and kept[start] == "," and start < len(kept) - 2:
            del kept[start:]
        elif any(part.isdigit() and len(part) >= 3 for part in kept[start + 1 : -1]):
            del kept[start + 1 :]
    return kept


def _order_part(word: str) -> bool:
    return word.isdigit() or (len(word) == 1 and word.isalpha())


_ASIDE_WORDS = frozenset({"order", "number", "no", "ref", "reference", "num", "nr", "its", "it", "is"})


def _anchor(tokens: list[_Token], first: int, last: int) -> Anchor:
    """What the date is about, from the words just before it (and a few after) in the same clause."""
    before = _without_asides([t.text for t in tokens[max(0, first - 20) : first]])[-14:]
    after = [t.text for t in tokens[last + 1 : last + 4]]
    if _lasted(before[-3:]):
        return "none"  # "it broke after a week": how long it has been had, as "I've had it a week" is
    if _what_it_was_for(before, after) and _bought(before) and _shape(tokens, first, last) not in ("ago", "elapsed"):
        return "other"  # "I bought it for Christmas", "as a Christmas present", "ordered a cake for the 12th"
    if after[:1] == ["for"] and "waiting" in before[-2:]:
        waited = [word for word in after[1:] if word not in ("my", "a", "an", "the", "your", "any")][:1]
        if not _NOT_BOUGHT.isdisjoint(waited):
            return "other"  # "I've been waiting 2 weeks for a reply": not how long ago it was bought
    for n in range(len(before) - 1, -1, -1):
        word = before[n]
        if word in CLAUSE_BREAKS:
            break
        if (
            word in _ORDER_NOUNS
            and n >= 2
            and before[n - 1] in _OWNERS
            and before[n - 2] in _CAME_BY
            and before[n + 1 : n + 2] not in _NOT_THE_ORDER_ITSELF
        ):
            return "delivery"  # "I received my order yesterday", "got my order today": the day it came
        if word in _PAYMENTS and not _FAILED_PAYMENT.isdisjoint(before[n + 1 : n + 3]):
            return "other"  # "the payment bounced 5 days ago": a payment that did not go through
        if word in PURCHASE_WORDS:
            return "purchase"
        if word in _PAYMENTS:
            return "paid"
        if word == "through" and before[n - 1 : n] in (["went"], ["gone"], ["go"]):
            return "paid"  # "the charge went through on Nov 29"
        if word in ("came", "taken", "come") and before[n + 1 : n + 2] == ["out"] and before[n - 1 : n] in _MONEY_SAID:
            return "paid"  # "it came out on the 29th": the money left the account then
        if _got_it(before, n) or word in _HAD and "since" in before[n + 1 : n + 4]:
            return "got"  # "I've had it since mid-September": owned from the day it was got
        if word == "here" and not _EXPECTED.isdisjoint(before[max(0, n - 4) : n]):
            return "other"  # "it was supposed to be here yesterday": the day it was due
        if word in DELIVERY_WORDS and not (n and before[n - 1] in NEGATIONS):
            if not _EXPECTED.isdisjoint(before[max(0, n - 3) : n]) or "back" in before[n + 1 : n + 3]:
                return "other"  # "it was supposed to arrive Friday", "I sent it back on the 20th"
            if not _MESSAGES.isdisjoint(before[max(0, n - 3) : n]):
                return "other"  # "the tracking email came yesterday": the day of the message, not of the parcel
            return "delivery"
        if word in _OCCASIONS and before[n + 1 : n + 3] in (["which", "was"], ["that", "was"], ["which", "is"]):
            return "other"  # "for my mum's birthday, which was last weekend": the day of the occasion
        if (
            word in _OCCASIONS
            and _bought_or_got(before[:n])
            and ("for" in before[max(0, n - 4) : n] or not _GIFTS.isdisjoint(before[n + 1 : n + 2]))
        ):
            if (
                _bought(before[:n])
                and _GIFTS.isdisjoint(before[n + 1 : n + 2])
                and _shape(tokens, first, last) not in ("ago", "elapsed")
            ):
                return "other"  # "I bought a dress for a wedding on the 12th": the day of the wedding
            continue  # "I got them for my birthday on the 20th", "a wedding present, on the 2nd": bought or got then
        if word == "happened" and not PURCHASE_WORDS.isdisjoint(before[max(0, n - 3) : n]):
            return "purchase"  # "the renewal happened 16 days ago"
        if word == "payment" and before[max(0, n - 2) : n] in (["took", "a"], ["taken", "a"], ["took", "the"]):
            return "purchase"  # "you took a payment on the 15th of November"
        if word in OTHER_WORDS or (word in FUTURE_WORDS and before[n + 1 : n + 2] not in (["mistake"], ["accident"])):
            return "other"  # but "I ordered it by mistake, yesterday" dates the order
    for n, word in enumerate(after):
        if word in CLAUSE_BREAKS:
            break
        if word in PURCHASE_WORDS:
            return "purchase"
        if _got_it(after, n):
            return "got"
        if word in DELIVERY_WORDS:
            return "delivery"
    return "none"


_HAD = frozenset({"had", "owned", "have", "having"})
_PAYMENTS = frozenset({"payment", "payments", "charge", "charges", "debit", "debits", "transaction", "transactions"})
"""Money taken, whose day is the day of buying or renewing ("two payments of $89 on Nov 30")."""
_MONEY_SAID = (["it"], ["money"], ["payment"], ["charge"], ["cash"], ["that"], ["which"])
"""Words before "came out" that make it money leaving the account, not a part coming off ("the sole came out")."""
_FAILED_PAYMENT = frozenset({"bounced", "failed", "declined", "didnt", "reversed", "refunded", "returned"})
_ORDER_NOUNS = frozenset({"order", "parcel", "package", "delivery"})
_OWNERS = frozenset({"my", "the", "our", "your"})
_CAME_BY = frozenset({"received", "receive", "got", "collected", "picked"})
_NOT_THE_ORDER_ITSELF = (["confirmation"], ["number"], ["email"], ["in"], ["details"], ["receipt"])
"""Words after "my order" that make it something else than the parcel ("my order confirmation", "got my order
in": placed it)."""
_MESSAGES = frozenset({"email", "emails", "text", "texts", "link", "notification", "message", "sms", "confirmation"})
"""Things that come besides the parcel, whose coming dates only themselves ("the tracking email came")."""


def _what_it_was_for(before: list[str], after: list[str]) -> bool:
    """Whether a date is said as what something is for ("for Christmas", "for the 12th", "a Christmas present")."""
    return before[-1:] == ["for"] or before[-2:] == ["for", "the"] or not _GIFTS.isdisjoint(after[:1])


def _bought(words: list[str]) -> bool:
    """Whether ``words`` say the thing was bought, not only got ("I bought", "we ordered")."""
    return not PURCHASE_WORDS.isdisjoint(words)


def _bought_or_got(words: list[str]) -> bool:
    """Whether ``words`` say the thing was bought or got ("I bought", "I got them")."""
    return not PURCHASE_WORDS.isdisjoint(words) or any(_got_it(words, n) for n in range(len(words)))


_READERS: tuple[Reader, ...] = (
    _fixed, _open_ended, _relative, _weekday, _month_day, _numeric_date, _named_day, _in_season
)  # fmt: skip
"""Every reader of a date or period, in the order they are tried at a token."""
_OPENERS: dict[Reader, frozenset[str]] = {
    _fixed: frozenset(
        {
            "the",
            "day",
            "today",
            "tonight",
            "this",
            "yesterday",
            "last",
            "past",
            "previous",
            "earlier",
            "just",
            "over",
            "at",
        }
    ),
    _open_ended: _OPEN_ENDED_FIRSTS,
    _relative: frozenset({"a", "an", "few", "several"} | set(VAGUE_COUNTS) | set(NUMBER_WORDS)),
    _weekday: frozenset(WEEKDAYS),
    _month_day: frozenset(set(ORDINAL_WORDS) | set(MONTHS)),
    _numeric_date: frozenset(),
    _named_day: _NAMED_DAY_FIRSTS,
    _in_season: frozenset(SEASONS),
}
"""The words other than numbers that each reader can start from."""
_NUMBER_READERS = (_relative, _month_day, _numeric_date)
"""The readers, in order, that can read something starting at a number ("3 weeks ago", "5th May", "12/10"): the
others start only from their words of :data:`_OPENERS`, none of which holds a digit."""
_READERS_FOR: dict[str, tuple[Reader, ...]] = {
    word: tuple(reader for reader in _READERS if word in _OPENERS[reader]) for word in _STARTERS
}
"""The readers, in order, that can read something starting at each word a date or period starts with."""
