"""Pulling the facts a customer gives out of a message: order id, how long ago, email, phone, date.

Values are strings: ``order_id`` upper-cased as written without a leading ``#``, ``days_ago`` a whole
number of days (weeks are 7, months 30, years 365), ``email`` as written, ``phone`` its digits with a
leading ``+`` kept, ``date`` as written. Cheap checks run first so most messages, which hold no
digit, no ``@`` and no time words, cost one scan.
"""

from __future__ import annotations

from flow.textmatch import SPACE, WORD, TextMatch, TextPattern

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "couple": 2, "few": 3,
    "several": 3, "a couple": 2, "a couple of": 2, "couple of": 2, "a few": 3,
}  # fmt: skip
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
_FIXED_DAYS = {
    "day before yesterday": 2, "yesterday": 1, "last night": 1, "today": 0, "this morning": 0,
    "last week": 7, "last fortnight": 14, "last month": 30, "last year": 365,
}  # fmt: skip

_COUNT = r"\d+|a couple of|a couple|couple of|a few|" + "|".join(
    sorted((w for w in _NUMBER_WORDS if " " not in w), key=len, reverse=True)
)
_S = f"[{SPACE}]"  # re's \s: the spaces a customer's keyboard may type between words
_DAYS_AGO = TextPattern(rf"\b({_COUNT}){_S}+(day|week|fortnight|month|year)s?{_S}+(?:ago|back)\b")
_FIXED = TextPattern(r"\b(" + "|".join(sorted(_FIXED_DAYS, key=len, reverse=True)) + r")\b")

_EMAIL = TextPattern(rf"[{WORD}.+-]+@[{WORD}-]+(?:\.[{WORD}-]+)+")
_PHONE_CONTEXT = TextPattern(
    r"\b(?:phone|mobile|cell|tel|telephone|whatsapp|call me|text me|reach me)\b"
    rf"\D{{0,20}}?(\+?\d[\d{SPACE}().-]{{5,}}\d)",
    ignore_case=True,
)
# Group 1 is the number; the character before it stands in for "not after a letter, digit or +".
_PHONE_SHAPE = TextPattern(
    rf"(?:^|[^{WORD}+])(\+\d[\d{SPACE}().-]{{7,}}\d|\(?\b\d{{3}}\)?[{SPACE}.-]\d{{3}}[{SPACE}.-]\d{{4}}\b"
    rf"|\b0\d{{3,4}}[{SPACE}.-]?\d{{6,7}}\b)"
)
_ORDER_CONTEXT = TextPattern(
    r"\b(?:order|purchase|booking|reference|ref|confirmation|invoice|transaction|tracking)"
    rf"(?:{_S}*(?:number|num|no\.?|nr|#|id|code))?(?:{_S}*(?:is|was|=|:))?{_S}*#?{_S}*"
    r"([a-z0-9]*\d[a-z0-9]*(?:-[a-z0-9]+)*|[a-z]+-\d[a-z0-9-]*)\b",
    ignore_case=True,
)
_HASH_ID = TextPattern(rf"#{_S}?([a-z0-9]*\d[a-z0-9]*(?:-[a-z0-9]+)*)\b", ignore_case=True)
# A run of five or more capitals and digits counts only when it mixes both (checked in _order_id).
_ID_SHAPE = TextPattern(r"\b([A-Za-z]{1,4}-\d{3,}[A-Za-z0-9]*|[A-Z]{1,4}\d{3,}[A-Z0-9]*|[A-Z0-9]{5,})\b")
# Group 1 is the number. The character before it stands in for "not after a letter, digit, currency sign
# or decimal point"; a number with group 2 (more digits after a letter or point) or group 3 (a currency
# after it) is not an order number.
_BARE_NUMBER = TextPattern(
    rf"(?:^|[^{WORD}$£€.,+-])(\d{{4,12}})([{WORD}.,]?\d)?({_S}*(?:dollars|euros|pounds|usd|eur|gbp|bucks))?"
)
_NOT_AN_ID = TextPattern(r"^\d+(?:st|nd|rd|th|am|pm|h|hrs?|mins?|s|x|k|kg|g|mm|cm|gb|mb|ml|l)$", ignore_case=True)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = TextPattern(
    rf"\b(\d{{1,2}}(?:st|nd|rd|th)?(?:{_S}+of)?{_S}+{_MONTH}(?:,?{_S}+\d{{4}})?"
    rf"|{_MONTH}\.?{_S}+\d{{1,2}}(?:st|nd|rd|th)?(?:,?{_S}+\d{{4}})?"
    r"|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b",
    ignore_case=True,
)
_DIGIT = TextPattern(r"\d")


def _days_ago(lowered: str) -> str | None:
    match = _DAYS_AGO.search(lowered)
    if match:
        count, unit = match.groups()
        number = int(count) if count.isdigit() else _NUMBER_WORDS[count]
        return str(number * _UNIT_DAYS[unit])
    fixed = _FIXED.search(lowered)
    return str(_FIXED_DAYS[fixed.group(1)]) if fixed else None


def _phone(text: str) -> tuple[str, tuple[int, int]] | None:
    match = _PHONE_CONTEXT.search(text) or _PHONE_SHAPE.search(text)
    if not match:
        return None
    raw = match.group(1)
    digits = "".join(c for c in raw if c.isdigit())
    if not 7 <= len(digits) <= 15:
        return None
    return ("+" if raw.startswith("+") else "") + digits, match.span(1)


def _order_id(text: str, taken: list[tuple[int, int]]) -> str | None:
    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= start or span[0] >= end for start, end in taken)

    for pattern in (_ORDER_CONTEXT, _HASH_ID, _ID_SHAPE, _BARE_NUMBER):
        for match in pattern.finditer(text, core=1 if pattern is _BARE_NUMBER else 0):
            value = match.group(1)
            if not free(match.span(1)) or _NOT_AN_ID.match(value) or not _may_be_an_id(pattern, match):
                continue
            if pattern is _BARE_NUMBER and len(value) == 4 and value.startswith(("19", "20")):
                continue
            return str(value).upper()
    return None


def _may_be_an_id(pattern: TextPattern, match: TextMatch) -> bool:
    if pattern is _ID_SHAPE:
        value = match.group(1)
        return any(c.isdigit() for c in value) and any(c.isalpha() for c in value)
    if pattern is _BARE_NUMBER:
        return match.group(2) is None and match.group(3) is None
    return True


def extract_slots(text: str, *, digits: bool | None = None) -> dict[str, str]:
    """The facts found in ``text``, by slot name; slots not mentioned are absent. ``digits`` says whether
    ``text`` holds a digit 0-9, when the caller knows."""
    slots: dict[str, str] = {}
    lowered = text.lower()
    if (
        "ago" in lowered
        or "yesterday" in lowered
        or "last " in lowered
        or "back" in lowered
        or "today" in lowered
        or "this morning" in lowered
    ):
        days = _days_ago(lowered)
        if days is not None:
            slots["days_ago"] = days
    taken: list[tuple[int, int]] = []
    if "@" in text:
        for match in _EMAIL.finditer(text):
            slots.setdefault("email", match.group(0))
            taken.append(match.span())
    if not (_DIGIT.search(text) is not None if digits is None else digits):
        return slots
    for match in _DAYS_AGO.finditer(lowered):
        taken.append(match.span())
    date = _DATE.search(text)
    if date:
        slots["date"] = date.group(1)
        taken.append(date.span())
    phone = _phone(text)
    if phone is not None:
        slots["phone"], span = phone
        taken.append(span)
    order_id = _order_id(text, taken)
    if order_id is not None:
        slots["order_id"] = order_id
    return slots
