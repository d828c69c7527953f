"""Small helpers that turn values into plain English for templates: lists, delays, opening hours, ranges."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from datetime import datetime, timedelta

from flow.models import Span
from flow.policy import WEEKDAYS, Hours
from flow.textmatch import TextPattern

GREETING_WORDS = frozenset({"hi", "hello", "hey", "hiya", "heya", "please", "there", "anyone", "yo", "morning",
                            "afternoon", "evening", "good"})  # fmt: skip
"""Words of a message that only says hello ("hi there", "good morning")."""


def greets_only(text: str) -> bool:
    """Whether ``text`` only says hello: a first "hi" is not a message the agent failed to read."""
    words = "".join(c if c.isalpha() else " " for c in text.lower()).split()
    return bool(words) and GREETING_WORDS.issuperset(words)


_ONE_OF = TextPattern(r"\b1 (?:day|week|month|year|hour|minute)(s)\b")
_NO_DAYS_AGO = TextPattern(r"\b0 days ago\b")


def agreeing(text: str) -> str:
    """``text`` with a count of one said in the singular ("bought it 1 day ago", not "1 days ago"), and no
    days ago said as today: a template writes "{{ days_since_purchase }} days ago" whatever the number."""
    if "1 " in text:
        text = _ONE_OF.sub("", text, core=1)
    if "0 days" in text:
        text = _NO_DAYS_AGO.sub("today", text)
    return text


_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def human_list(items: Sequence[str], *, conjunction: str = "or") -> str:
    """``["a", "b", "c"]`` → ``"a, b, or c"``."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]}, {conjunction} {items[1]}"
    return f"{', '.join(items[:-1])}, {conjunction} {items[-1]}"


def delay_phrase(hours: float) -> str:
    """When a follow-up happens, as a customer would say it: ``"tomorrow"``, ``"in 3 hours"``."""
    if hours < 1:
        return f"in {round(hours * 60)} minutes"
    if hours < 20:
        whole = round(hours)
        return f"in {whole} hour{'s' if whole != 1 else ''}"
    if hours <= 30:
        return "tomorrow"
    days = round(hours / 24)
    return f"in {days} days"


def opening_hours(hours: Hours) -> str:
    """``"09:00 to 18:00, Monday to Friday"``."""
    indexes = sorted(WEEKDAYS.index(day) for day in hours.days)
    runs: list[tuple[int, int]] = []
    for index in indexes:
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    days = [_DAY_NAMES[a] if a == b else f"{_DAY_NAMES[a]} to {_DAY_NAMES[b]}" for a, b in runs]
    return f"{hours.start:%H:%M} to {hours.end:%H:%M}, {human_list(days, conjunction='and')}"


def moment_phrase(at: datetime, now: datetime) -> str:
    """``"tomorrow at 09:00"``, ``"today at 14:00"`` or ``"on Monday at 09:00"``, in ``at``'s zone."""
    local_now = now.astimezone(at.tzinfo)
    if at.date() == local_now.date():
        day = "today"
    elif at.date() == (local_now + timedelta(days=1)).date():
        day = "tomorrow"
    else:
        day = f"on {_DAY_NAMES[at.weekday()]}"
    return f"{day} at {at:%H:%M}"


def span_phrase(span: Span) -> str:
    """A roughly known amount in words: "between 85 and 115", "more than 60" with no upper bound, "less than
    21" from nothing."""
    if span.high is None:
        return f"more than {span.low}"
    if span.low == 0 and span.high > 0:
        return f"less than {span.high + 1}"
    if span.high == span.low:
        return str(span.low)
    return f"between {span.low} and {span.high}"


_HASH_MASK = 0xFFFFFF


def sentences_of(text: str) -> list[str]:
    """The sentences of ``text``, each with its closing mark, its spaces run together."""
    marked = " ".join(text.split()).replace("! ", "!\n").replace("? ", "?\n").replace(". ", ".\n")
    return [sentence for sentence in marked.split("\n") if sentence]


def sentence_hashes(text: str) -> list[int]:
    """Short hashes of the sentences of ``text``, for remembering what was said without keeping it."""
    return [zlib.crc32(sentence.encode()) & _HASH_MASK for sentence in sentences_of(text.lower())]


def led_in_hashes(text: str) -> list[int]:
    """Hashes of what sentences led in by a few words and a colon say ("as for your other question: you can
    spend it online…" says "you can spend it online…"), to remember as said beside the sentences."""
    if ": " not in text:
        return []
    return sentence_hashes(" ".join(led.partition(": ")[2] for led in sentences_of(text) if ": " in led))


def without_said(text: str, said: set[int], *, keep_whole: bool = True) -> str:
    """``text`` without the statements whose hashes are in ``said``, paragraph by paragraph. A question
    said before is kept, as it is what the customer answers, but asked again with a few words in front
    ("So, could you tell me your order number?"); when nothing else would be left, ``text`` is kept whole,
    or with ``keep_whole=False`` (another paragraph carries the reply) nothing is."""
    paragraphs: list[str] = []
    for paragraph in text.split("\n\n"):
        kept: list[str] = []
        for sentence in sentences_of(paragraph):
            repeated = sentence_hashes(sentence)[0] in said
            if not repeated:
                kept.append(sentence)
            elif sentence.endswith("?"):
                kept.append(_asked_again(sentence, said))
        if kept:
            paragraphs.append(" ".join(kept))
    return "\n\n".join(paragraphs) or (text if keep_whole else "")


_AGAIN = ("So, ", "Just to check, ", "And so, ")
"""Words in front of a question asked again, tried in turn until the sentence is new."""
_QUESTION_OPENERS = frozenset(
    "could can would will has have is are do does did when what which how where who shall should may".split()
    + ["anything", "any", "for"]
)


def _asked_again(question: str, said: set[int]) -> str:
    """``question`` with words in front that make it a sentence not said yet, when its first word may be
    written in lower case after them."""
    head, _, rest = question.partition(" ")
    if head.lower() not in _QUESTION_OPENERS:
        return question
    lowered = f"{head.lower()} {rest}" if rest else head.lower()
    for lead in _AGAIN:
        again = lead + lowered
        if sentence_hashes(again)[0] not in said:
            return again
    return question
