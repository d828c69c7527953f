"""When a customer asks to be called back: "tomorrow at 3pm", "Monday at 10:30", "at 2", "tomorrow afternoon".

:func:`call_time` reads the day and the time of day a message names, as ``day|HH:MM`` (``day`` is
``today``, ``tomorrow`` or a weekday's name; either part may be empty). A bare hour from 1 to 7 is in the
afternoon ("at 3" is 15:00); "morning" names no time, so the callback is at opening time.
"""

from __future__ import annotations

from flow.understanding.english.dates import WEEKDAYS

_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PARTS_OF_DAY = {"noon": "12:00", "midday": "12:00", "lunchtime": "12:00", "lunch": "12:00", "afternoon": "14:00"}
_AFTERNOON_UNTIL = 7
"""A bare hour up to this one ("at 3") is in the afternoon: nobody asks to be called at 3 in the night."""
_LEADS = frozenset({"at", "around", "about", "after", "from", "for", "by"})


def call_time(folded: str) -> str:
    """The day and time of a callback a folded message asks for, as ``day|HH:MM``; empty when it names
    neither."""
    words = _words(folded)
    day = next((w for w in words if w in ("today", "tonight", "tomorrow")), "")
    if not day:
        day = next((_DAY_NAMES[WEEKDAYS[w]] for w in words if w in WEEKDAYS and len(w) > 3), "")
    clock = next((_PARTS_OF_DAY[w] for w in words if w in _PARTS_OF_DAY), "")
    for i, word in enumerate(words):
        read = _clock(word, words[i + 1] if i + 1 < len(words) else "", words[i - 1] if i else "")
        if read:
            clock = read
            break
    if day == "tonight":
        day = "today"
    return f"{day}|{clock}" if day or clock else ""


def _words(folded: str) -> list[str]:
    """The words and times of ``folded``: "10:30" and "15.00" stay whole, a full stop at the end goes."""
    kept = "".join(c if c.isalnum() or c in ":." else " " for c in folded)
    return [word.strip(":.") for word in kept.split() if word.strip(":.")]


def _clock(word: str, after: str, before: str) -> str:
    """ "3pm", "3 pm", "10:30", "15.00", "at 2": a time of day, as ``HH:MM``; empty when ``word`` is none."""
    hour_text, _, minute_text = word.replace(".", ":").partition(":")
    suffix = ""
    for ending in ("am", "pm"):
        if hour_text.endswith(ending):
            hour_text, suffix = hour_text[: -len(ending)], ending
    if not hour_text.isdigit() or (minute_text and not minute_text.isdigit()):
        return ""
    if not suffix and after in ("am", "pm"):
        suffix = after
    hour, minute = int(hour_text), int(minute_text or 0)
    if not suffix and not minute_text and before not in _LEADS:
        return ""  # "2 weeks", "order 3": no time of day
    if hour > 23 or minute > 59 or (suffix and not 1 <= hour <= 12):
        return ""
    if suffix == "pm" and hour < 12:
        hour += 12
    elif suffix == "am" and hour == 12:
        hour = 0
    elif not suffix and 1 <= hour <= _AFTERNOON_UNTIL:
        hour += 12
    return f"{hour:02d}:{minute:02d}"
