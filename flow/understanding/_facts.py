"""Reading the policy's facts from what a customer writes, at any point of the conversation.

Only facts the customer may state are read (a policy's host-only facts never come from text). Each
kind has its reader: order numbers in the policy's form (and a note when one is given in the wrong
form), dates and periods as days before today, conditions and circumstances from the lexicon, yes/no
facts from the answer to the question or from phrases that settle them, numbers, e-mail addresses and
free text when asked.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from flow.models import FactValue, Span
from flow.textmatch import TextPattern, policy_pattern
from flow.understanding._found import has
from flow.understanding._request_cues import looks_like_order_number, order_number_like
from flow.understanding._slots import extract_slots
from flow.understanding.clauses import DECIMAL_POINT
from flow.understanding.context import Context, FactField
from flow.understanding.english.dates import (
    DAYS_TO_MONTHS,
    MONTHS,
    SHORTER_THAN_A_MONTH,
    UNITS,
    When,
    mentions_vague_time,
)
from flow.understanding.english.money import said_as_money
from flow.understanding.lexicon import Lexicon
from flow.understanding.phrases import Match, PhraseSet

_NUMBER = TextPattern(r"\d+")
_DIGIT = TextPattern(r"\d")
_ID_ATTEMPT = TextPattern(r"[a-z]*-?\d[a-z0-9-]*", ignore_case=True)
_SPACED_ID = TextPattern(r"\b\p{L}\s?-?\s?\d+(?: \d+){1,7}\b")
"""An order number whose characters were typed apart: "A 7 7 7 7", "A 77 77"."""
_EMAIL = TextPattern(r"[\p{L}\p{N}_.+-]+@[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+")
_MAX_TEXT = 200
_ORDER_WORDS = frozenset({"order", "purchase", "ref", "reference", "booking", "invoice", "transaction"})
_TIME_UNITS = frozenset(
    "day days week weeks wk wks month months year years hour hours hrs minute minutes mins ago".split()
)


def _counts_time(folded: str, end: int) -> bool:
    """Whether the number ending at ``end`` counts days, weeks or months ("about 2 weeks ago"), so it is no
    attempt at an order number."""
    following = folded[end:].split(maxsplit=1)
    return bool(following) and following[0].strip(".,!?") in _TIME_UNITS


_ORDINAL = TextPattern(r"\d{1,2}(?:st|nd|rd|th)")


def ordinal_day(word: str) -> bool:
    """Whether ``word`` is a day written as an ordinal ("28th", "3rd")."""
    return _ORDINAL.fullmatch(word) is not None


def _dates_a_day(word: str, slots: Mapping[str, str]) -> bool:
    """Whether ``word`` is a day of a date ("it came on the 28th", "28 November"), so no attempt at an order
    number."""
    return ordinal_day(word) or word in slots.get("date", "").lower().split()


WRONG_ITEM = "wrong_item"
NEVER_ARRIVED = "never_arrived"
FAULTY = "faulty"
FAULTY_AGAIN = "faulty_again"
ITEMS_MISSING = "items_missing"
ARRIVED_EMPTY = "arrived_empty"
UNSAFE = "unsafe"
OVERCHARGED = "overcharged"
CHARGED_TWICE = "charged_twice"
_MONEY_CONDITIONS = frozenset({OVERCHARGED, CHARGED_TWICE, "unauthorised"})
"""Conditions of the charge, not the item: "you charged me twice by mistake" is still a double charge."""
BEREAVEMENT = "bereavement"
PROMISED = "promised"


@dataclass(slots=True)
class FactReading:
    """The facts one message states, the facts it tried to state in a form the policy does not accept,
    the facts it spoke of too vaguely to give a value ("over the summer"), the purchase dates it told
    only by when the order arrived ("it came on Monday"), known as "that day or earlier", and the yes-or-no
    facts it asks the agent instead of telling ("has it shipped?")."""

    facts: dict[str, FactValue] = field(default_factory=dict)
    malformed: list[str] = field(default_factory=list)
    vague: list[str] = field(default_factory=list)
    arrived: list[str] = field(default_factory=list)
    asked_about: list[str] = field(default_factory=list)


@functools.lru_cache(maxsize=256)
def _phrase_set(phrases: tuple[str, ...]) -> PhraseSet:
    return PhraseSet(phrases)


def read_facts(
    text: str,
    folded: str,
    clauses: Sequence[Sequence[str]],
    context: Context,
    lexicon: Lexicon,
    slots: dict[str, str] | None = None,
    *,
    digits: bool | None = None,
) -> FactReading:
    """The facts in one message, by the policy's fact names; ``slots`` are the message's
    :func:`~flow.understanding.extract_slots` and ``digits`` whether ``text`` holds a digit 0-9, when
    already worked out."""
    reading = FactReading()
    word_set = {word for clause in clauses for word in clause}
    if "-" in folded:
        word_set |= {part for word in word_set if "-" in word for part in word.split("-")}
    if digits is None:
        digits = _DIGIT.search(text) is not None
    for spec in context.facts:
        asked = context.asked == spec.name
        value: FactValue = None
        if spec.kind == "order_id":
            value = _order_id(text, folded, spec, asked, reading, slots, digits)
        elif spec.kind == "days":
            # "sorry, it was October 3rd not November": put right across the comma too
            corrected = lexicon.corrections.may_hold(word_set) and (
                any(has(lexicon.corrections, c) for c in clauses)
                or has(lexicon.corrections, [w for c in clauses for w in c])
            )
            value, by_arrival = _days(folded, word_set, context, lexicon, asked, digits, corrected=corrected)
            if context.days_told is not None:
                value = _month_put_right(clauses, context.days_told, context.today) or value
                if "?" in text and not corrected and lexicon.purchase_words.isdisjoint(word_set):
                    value = None  # "when is the next sale, january?" once settled: no purchase date put right
            if value is None and context.today is None and slots and slots.get("days_ago", "").isdigit():
                value = int(slots["days_ago"])
            if value is None and asked and mentions_vague_time(word_set):
                reading.vague.append(spec.name)
            if by_arrival:
                reading.arrived.append(spec.name)
        elif spec.kind == "condition":
            value = _as_named(_condition(clauses, word_set, lexicon), spec.values)
        elif spec.kind == "circumstance":
            value = _lexicon_value(clauses, word_set, lexicon.circumstances, lexicon)
            if value is None and _MOVING in lexicon.circumstances and _moved_to_a_place(text):
                value = _MOVING
            if value is not None and _only_asked_about(clauses, lexicon.circumstances[value]):
                value = None  # "what counts as a medical reason?": asked about, not told
            if value == _MOVING and any(map(_moving_to_a_time, clauses)):
                value = None  # "I'm moving to evening sessions": another time, not another place
            if value == _MOVING and any(_STAYING_NEAR.find(clause) for clause in clauses):
                value = None  # "moving house but staying in Dublin": no move away
            if value is None and lexicon.who_died(clauses) == "person":
                value = BEREAVEMENT
            if value == PROMISED and _nothing_granted(clauses, lexicon.circumstances[PROMISED]):
                value = None  # "the lady in the shop said I couldn't", "said it would last for years"
            if value is None and PROMISED in lexicon.circumstances and any(map(_staff_said_so, clauses)):
                value = PROMISED
        elif spec.kind == "yes_no":
            value = _yes_no(clauses, spec, asked, lexicon, person_offered=context.question == "person")
            if value is None and not asked and _asks_of(clauses, spec):
                reading.asked_about.append(spec.name)  # "can you tell me if A-4004 has shipped?"
        elif spec.kind == "number" and (
            asked
            or digits
            or not word_set.isdisjoint(lexicon.number_words)
            or (_counts_months_left(spec.name) and not word_set.isdisjoint(_SAYING_MONTHS | _OVER | _CONTRACTS))
            or (_counts_years_belonging(spec.name) and not word_set.isdisjoint(_YEARS | _DECADES))
        ):
            value = (
                _months_to_run(clauses, spec.name, lexicon.number_words, context.today)
                if _counts_months_left(spec.name)
                else None
            )
            said, said_text, said_words = clauses, folded, word_set
            later = _after_putting_right(clauses, lexicon) if asked and _counts_months_left(spec.name) else None
            if later is not None:
                # "about 5 months. no wait, 7": the number put right is the one meant
                said, said_text = later, " ".join(word for clause in later for word in clause)
                said_words = set(said_text.split())
                value = _months_to_run(later, spec.name, lexicon.number_words, context.today)
            length_only = (
                value is None
                and _counts_months_left(spec.name)
                and (_length_said(said, lexicon) or _only_gone_said(said, lexicon.number_words))
            )
            if value is None and not length_only:
                # not "no idea, it's a 12 month contract": how long the contract is, not how long is left
                if asked:
                    value = _asked_number(
                        text if later is None else said_text, said_text, said, said_words, spec.name, lexicon
                    )
                else:
                    value = _named_number(folded, spec.name, lexicon.number_words)
            if value is None and not asked and _counts_months_left(spec.name) and _left_said(clauses):
                # "I've got about half a year left on it", "a couple of months left": told unasked, in words
                value = _asked_number(text, folded, clauses, word_set, spec.name, lexicon)
            if value is None and not asked and _counts_months_left(spec.name) and context.request is not None:
                value = _count_said_alone(clauses, lexicon.number_words)  # "5 months I think", "I meant 10, not 2"
            if value is None and not asked and _counts_years_belonging(spec.name):
                value = _years_belonging(clauses, lexicon.number_words, context.today)
        elif spec.kind == "email" and "@" in text:
            email = _EMAIL.search(text)
            value = str(email.group(0)) if email else None
        elif spec.kind == "text" and asked:
            value = text.strip()[:_MAX_TEXT] or None
        elif spec.kind == "name" and (
            not word_set.isdisjoint(_NAMING)
            or any(phrase.rsplit(" ", 1)[-1] in word_set for phrase in lexicon.sign_offs)
            or not word_set.isdisjoint(_INTRODUCING)
        ):
            value = _person_name(text, lexicon)
        if value is not None:
            reading.facts[spec.name] = value
    return reading


def _person_name(text: str, lexicon: Lexicon) -> str | None:
    """A name the customer gives in so many words: "my name is Dana", "my name's dana", signed at the end
    ("Kind regards, Margaret"), or introduced at the start ("Hi, I'm Priya": a capitalised word that is no
    everyday word). A name that follows no such words, or a word that only looks like one ("my
    name is on the order"), is not read: "Thanks, Sam" may be thanking the agent."""
    told = _NAME_TOLD.search(text)
    if told is not None and told.group(1).lower() not in lexicon.not_names:
        return told.group(1)[:1].upper() + told.group(1)[1:]
    signed = _NAME_SIGNED.search(text)
    if signed is not None and signed.group(1).lower().replace(",", "") in lexicon.sign_offs:
        return str(signed.group(2))
    introduced = _INTRODUCED.search(text)
    if introduced is not None:
        name = str(introduced.group(1))
        lowered = name.lower()
        if lowered not in lexicon.familiar_words and lowered not in lexicon.not_names and not lowered.endswith("ing"):
            return name
    return None


_NAMING = frozenset({"name", "names"})
_INTRODUCING = frozenset({"im", "am", "this", "its"})
_INTRODUCED = TextPattern(
    r"^\s*(?i:(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))\b[\s,!.]*)?"
    r"(?i:i'm|i\x{2019}m|i am|this is|it's|it\x{2019}s)\s+(\p{Lu}\p{Ll}+)\b"
)
"""An introduction at the start of a message, "Hi, I'm Priya", the name capitalised."""
"""Words of "my name is", "my name's" as the message's words hold them."""
_NAME_TOLD = TextPattern(r"\bmy name(?:'s|\x{2019}s| is)\s+(\p{L}[\p{L}'\x{2019}-]+)", ignore_case=True)
_NAME_SIGNED = TextPattern(
    r"(?i:\b((?:kind |best |warm |warmest |many )?regards|best wishes|yours sincerely|yours faithfully|sincerely))"
    r",?\s+(\p{Lu}[\p{Ll}'\x{2019}-]+)\s*[.!]?\s*$"
)


def _asked_number(
    text: str, folded: str, clauses: Sequence[Sequence[str]], words: set[str], name: str, lexicon: Lexicon
) -> int | None:
    """The number given for a number fact asked for: months said in years ("half a year"), the number said
    with the fact's own word ("a member 2 years, 5 months left"), else the first number, in digits or words."""
    if "month" in name and _only_years_as_a_member(clauses, lexicon.number_words) and not _left_said(clauses):
        return None  # "I've been a member 5 years": how long they have been with the shop, not months left
    if "month" in name and _only_shorter_spans(clauses, lexicon.number_words):
        return None  # "about 6 weeks in a cast": how long something else lasts, not months left
    if "month" in name and not _YEARS.isdisjoint(words):
        months = _months_in_years(clauses, lexicon.number_words) or _decimal_years(text)
        if months is not None:
            return months
    found = _NUMBER.search(text)
    if found is not None and _an_amount(folded, found.group(0)):
        return None  # "I pay 45 a month": what it costs, not how long is left
    if found is None:
        spoken = [c for c in clauses if not has(lexicon.taking_time, c)]  # not "one sec"
        return _number_in_words(spoken, lexicon.number_words)
    named = _named_number(folded, name, lexicon.number_words)
    return named if named is not None else int(found.group(0))


def _after_putting_right(clauses: Sequence[Sequence[str]], lexicon: Lexicon) -> list[list[str]] | None:
    """The clauses from a correction on ("4 months i think. no sorry 14"), when a count is said both before
    and after it; ``None`` otherwise."""
    words = [word for clause in clauses for word in (*clause, ".")]
    match = lexicon.corrections.first(words) if lexicon.corrections.may_hold(words) else None
    end = match.end if match is not None else _bare_correction(words, lexicon)
    if end is None or not any(_counts(word, lexicon) for word in words[: end if match is None else match.start]):
        return None
    later = " ".join(words[end:]).split(".")
    rest = [clause.split() for clause in later if clause.split()]
    if _only_years_as_a_member(rest, lexicon.number_words):
        return None  # "6 months left, I mean I've been a member for 3 years": no count put right
    return rest if any(_counts(word, lexicon) for clause in rest for word in clause) else None


def _bare_correction(words: Sequence[str], lexicon: Lexicon) -> int | None:
    """Where a count is put right with a bare word ("5 months. sorry, 6", "4, actually 5", "4 months, no 14"):
    just after that word, when a count follows it at once."""
    for at, word in enumerate(words[1:-1], start=1):
        after = next((i for i in range(at + 1, len(words)) if words[i] != "."), None)
        if word not in _BARE_CORRECTIONS or after is None or not _counts(words[after], lexicon):
            continue
        if words[after + 1 : after + 2] not in ([], ["."], ["months"], ["month"], ["left"], ["i"], ["actually"]):
            continue  # not "no one told me", "sorry, one sec", "no 2 ways about it"
        if any(_counts(w, lexicon) for w in words[:at]):
            return after
    return None


_BARE_CORRECTIONS = frozenset({"sorry", "no", "actually", "wait", "oops", "correction"})


def _counts(word: str, lexicon: Lexicon) -> bool:
    """Whether the word is a count, in digits or in the lexicon's number words."""
    return word.isdigit() or word in lexicon.number_words


def _decimal_years(text: str) -> int | None:
    """Months in years written with a decimal point ("1.5 years left" is 18)."""
    tokens = text.lower().split()
    for token, after in zip(tokens, tokens[1:], strict=False):
        whole, dot, part = token.partition(".")
        if dot and whole.isdigit() and part.isdigit() and after.strip(".,!?") in _YEARS:
            return round(float(token) * 12)
    return None


def _an_amount(folded: str, number: str) -> bool:
    """Whether ``number`` is said as money ("£45", "45 quid", "45 a month", "45 per month")."""
    words = folded.replace("£", "£ ").replace("$", "$ ").replace("€", "€ ").split()
    for at, word in enumerate(words):
        if word.strip(".,!?") != number:
            continue
        after = [w.strip(".,!?") for w in words[at + 1 : at + 3]]
        return said_as_money(words[at - 1] if at else "", after)
    return False


def _only_years_as_a_member(clauses: Sequence[Sequence[str]], numbers: Mapping[str, int]) -> bool:
    """Whether every count in the message is of years as a member or customer ("I've been a member 5
    years", "been with you for three years"), which no count of months left is."""
    counts = [(words, i) for words in clauses for i, word in enumerate(words) if word.isdigit() or word in numbers]
    return bool(counts) and all(
        words[i + 1 : i + 2] and words[i + 1] in _YEARS and not _TENURE.isdisjoint(words[max(0, i - 5) : i])
        for words, i in counts
    )


_TENURE = frozenset({"member", "membership", "been", "customer", "joined", "loyal", "with"})
_BELONGING = _TENURE - {"membership", "with"}
"""Words of how long someone has belonged, before years that do not count what is left of a contract ("my
membership has a year and 3 months left" does)."""


def _only_shorter_spans(clauses: Sequence[Sequence[str]], numbers: Mapping[str, int]) -> bool:
    """Whether every count in the message is of weeks, days or hours ("about 6 weeks in a cast"), which no
    count of months is."""
    counts = [(words, i) for words in clauses for i, word in enumerate(words) if word.isdigit() or word in numbers]
    return bool(counts) and all(words[i + 1 : i + 2] and words[i + 1] in SHORTER_THAN_A_MONTH for words, i in counts)


def _month_put_right(clauses: Sequence[Sequence[str]], days: int, today: date | None) -> int | None:
    """ "No, November" once a request was decided on "the 2nd": the same day of the month named, so the days
    since then; ``None`` unless the message is only a month with words of putting it right."""
    words = [word for clause in clauses for word in clause]
    months = [MONTHS[word] for word in words if word in MONTHS and word != "may"]
    if today is None or len(months) != 1 or not _PUTTING_RIGHT.issuperset(w for w in words if w not in MONTHS):
        return None
    day = (today - timedelta(days=days)).day
    year = today.year
    while True:
        try:
            when = date(year, months[0], day)
        except ValueError:
            return None
        if when <= today:
            return (today - when).days
        year -= 1


_PUTTING_RIGHT = frozenset(
    """no nope sorry oops i meant mean it was its of in the not sorry actually wait my bad""".split()
)


def _left_said(clauses: Sequence[Sequence[str]]) -> bool:
    """Whether months or years are said to be left ("half a year left on it", "a couple of months to go")."""
    return any(
        word in _MONTHS_OR_YEARS
        and (
            not {"left", "remaining"}.isdisjoint(words[i + 1 : i + 5])
            or ("to", "go") in zip(words[i + 1 : i + 5], words[i + 2 : i + 6], strict=False)
        )
        for words in clauses
        for i, word in enumerate(words)
    )


def _counts_years_belonging(name: str) -> bool:
    """Whether a number fact counts the years someone has been a member or customer ("years_member")."""
    parts = name.split("_")
    return any(p.startswith("year") for p in parts) and not _BELONGING_NAMES.isdisjoint(parts)


_BELONGING_NAMES = frozenset({"member", "membership", "customer", "client", "loyalty", "tenure"})


def _years_belonging(clauses: Sequence[Sequence[str]], numbers: Mapping[str, int], today: date | None) -> int | None:
    """The years someone has belonged, told the way people tell it: "I've been with you for 4 years", "been
    coming here for 6 years", "I joined 3 years ago", "a member since 2019"."""
    for words in clauses:
        for at, word in enumerate(words):
            if (
                word in ("since", "in")
                and at + 1 < len(words)
                and today is not None
                and (
                    (word == "since" and _belonging_said(words[max(0, at - 4) : at]))
                    or words[max(0, at - 2) : at][-1:] == ["joined"]
                    or (word == "since" and "joined" in words[max(0, at - 4) : at])
                )
            ):
                year = words[at + 2] if words[at + 1] in MONTHS and at + 2 < len(words) else words[at + 1]
                if len(year) == 4 and year.isdigit() and 1950 < int(year) <= today.year:
                    return today.year - int(year)  # "a member since 2019", "joined in May 2022"
            value = _count(word, words[at - 1] if at else "", numbers)
            if value is None:
                continue
            unit_at = at + 4 if words[at + 1 : at + 4] == ["and", "a", "half"] else at + 1
            years = _in_years(value, words[unit_at] if unit_at < len(words) else "")
            if years is None:
                continue
            value = years
            before = list(words[max(0, at - 5) : at])
            while before[-1:] and before[-1] in _ABOUT_SO_LONG:
                before.pop()  # "a member for over a decade", "for more than 3 years"
            if "joined" in before and words[unit_at + 1 : unit_at + 2] == ["ago"]:
                return value
            if before[-1:] == ["for"] and _belonging_said(before) and _ENDING_THINGS.isdisjoint(before):
                return value
            if before[-1:] and before[-1] in _BELONGING_ENDS and "been" in before and _ENDING_THINGS.isdisjoint(before):
                return value  # "been with you 4 years", "been coming here 3 yrs"
    return None


def _in_years(count: int, unit: str) -> int | None:
    """Whole years in ``count`` of ``unit`` ("18 months" is 1, "a decade" 10), if it is a span of years,
    decades or months."""
    if unit in _YEARS:
        return count
    if unit in _DECADES:
        return count * 10
    if unit in ("month", "months"):
        return count // 12
    return None


_DECADES = frozenset({"decade", "decades"})
_ABOUT_SO_LONG = frozenset({"over", "almost", "nearly", "about", "around", "roughly", "more", "than", "just", "well"})


def _belonging_said(before: Sequence[str]) -> bool:
    """Whether the words before "for N years" say the customer has belonged: "been a member", "been with you",
    "been coming here"; not "been trying to cancel", "joined for 2 years"."""
    pairs = set(zip(before, before[1:], strict=False))
    return not _BELONGING_WORDS.isdisjoint(before) or bool(pairs & _WITH_US)


_BELONGING_WORDS = frozenset({"member", "customer", "coming", "training", "here"})
_BELONGING_ENDS = frozenset({"you", "u", "us", "here", "member", "customer"})
"""Words that end "been with you", "been coming here" right before the years, with no "for" between."""
_WITH_US = frozenset({("with", "you"), ("with", "u"), ("with", "us"), ("with", "yall")})
_ENDING_THINGS = frozenset({"contract", "left", "frozen", "freeze", "paused", "away", "abroad", "injured"})


def _counts_months_left(name: str) -> bool:
    """Whether a number fact counts the months a contract still has to run ("months_left")."""
    parts = name.split("_")
    return any(p.startswith("month") for p in parts) and not _STILL_TO_RUN.isdisjoint(parts)


_STILL_TO_RUN = frozenset({"left", "remaining", "remain", "to", "until"})


def _months_to_run(
    clauses: Sequence[Sequence[str]], name: str, numbers: Mapping[str, int], today: date | None
) -> int | None:
    """The months a contract still has to run: worked out from its length and the months already gone ("I'm
    4 months into a 12 month contract" is 8, "signed a 2 year contract 5 months ago" 19), said as what is
    still to come ("2 more months", "a year to go"), or from the month it ends ("it ends in June")."""
    words = [part for clause in clauses for word in clause for part in word.split("-") if part]
    length = gone = still = None
    months_said = not _MONTHS_OR_YEARS.isdisjoint(words)
    for i, word in enumerate(words[:-1]):
        value = _count(word, words[i - 1] if i else "", numbers)
        unit = words[i + 1] if words[i + 1] != "more" else words[i + 2] if i + 2 < len(words) else ""
        if value is not None and word.isdigit() and months_said and _of_the_term(words, i + 1):
            gone, length = value, _of_the_term(words, i + 1)  # "I've paid 8 of my 12 months": 4 still to run
            continue
        if (
            value is not None
            and (word.isdigit() or word in numbers)
            and months_said
            and unit not in _MONTHS_OR_YEARS
            and (words[i + 1 : i + 2] in (["left"], ["remaining"]) or words[i + 1 : i + 3] == ["to", "go"])
        ):
            still = value  # "a member 8 months and there's 4 left": the months, said once before
            continue
        if value is None or unit not in _MONTHS_OR_YEARS:
            continue
        months = value * 12 if unit in _YEARS else value
        after = words[i + 2 : i + 4]
        if _names_the_term(words, i) or (words[i - 1 : i] == ["for"] and not _SIGNED.isdisjoint(words[:i])):
            length = months  # "a 12 month contract", "signed up for 12 months"
            gone = gone if gone is not None else _months_since_start(words, today)
        elif after[:1] in (["into"], ["in"], ["ago"]):
            gone = months
        elif (
            words[i + 1] == "more"
            or after[:1] in (["left"], ["remaining"])
            or after[:2] in (["to", "go"], ["on", "my"], ["on", "the"], ["on", "it"])
            or _STILL_BEFORE.intersection(words[max(0, i - 1) : i])
            or words[max(0, i - 2) : i] in _ENDS_IN
        ):
            still = months + _years_before(words, i, numbers)  # "another 5 months", "1 year and 3 months left"
    over = _contract_over(words) or _term_served(clauses)
    if length is not None and gone is not None and 0 <= gone < length and not over:
        return length - gone
    if still is not None:
        return still
    if over:
        return 0
    return _months_until_it_ends(words, today)


def _only_gone_said(clauses: Sequence[Sequence[str]], numbers: Mapping[str, int]) -> bool:
    """Whether every count in the message is of months already gone ("two months in", "I'm 3 months into
    it"), which says nothing of how many are left without the contract's length."""
    counts = [(words, i) for words in clauses for i, word in enumerate(words) if word.isdigit() or word in numbers]
    return bool(counts) and all(
        words[i + 1 : i + 2] and words[i + 1] in _MONTHS_OR_YEARS and words[i + 2 : i + 3] in (["in"], ["into"])
        for words, i in counts
    )


def _count_said_alone(clauses: Sequence[Sequence[str]], numbers: Mapping[str, int]) -> int | None:
    """A count of months said on its own while a request is in hand, hedged or put right ("5 months I think",
    "ok so about 3 then", "no wait, I meant 10, not 2"): the count not taken back, when there is just one."""
    words = [word for clause in clauses for word in clause]
    counts = [w for i, w in enumerate(words) if (w.isdigit() or w in numbers) and words[i - 1 : i] != ["not"]]
    others = {w for w in words if not (w.isdigit() or w in numbers)}
    if len(set(counts)) != 1 or not others <= _SAID_WITH_A_COUNT or others.isdisjoint(_COUNT_HEDGES):
        return None
    return int(counts[0]) if counts[0].isdigit() else numbers[counts[0]]


_COUNT_HEDGES = frozenset(
    "months month left about around roughly maybe think guess so meant mean probably approx approximately".split()
)
_SAID_WITH_A_COUNT = _COUNT_HEDGES | frozenset(
    "ok okay oh no wait sorry i im its it s then actually not like or so yeah yes hmm um erm".split()
)


def _of_the_term(words: Sequence[str], at: int) -> int | None:
    """The months of a whole term said at ``at`` as "of my 12 months" (after a count of those gone), if so."""
    if words[at : at + 1] != ["of"]:
        return None
    rest = words[at + 1 : at + 4]
    if rest[:1] in (["my"], ["the"]):
        rest = rest[1:]
    if len(rest) < 2 or not rest[0].isdigit() or rest[1] not in _MONTHS_OR_YEARS:
        return None
    return int(rest[0]) * (12 if rest[1] in _YEARS else 1)


def _contract_over(words: Sequence[str]) -> bool:
    """ "My contract ended in October", "I'm out of contract", "the membership has expired": nothing left to run."""
    if any(
        words[i : i + 3] == ["out", "of", "contract"] and words[i - 1 : i] not in (["want"], ["get"], ["me"])
        for i in range(len(words))
    ):
        return True  # not "I want out of contract", which asks to leave it
    if any(
        words[i : i + 2] in (["ran", "out"], ["run", "out"])
        and (words[i - 1 : i] in (["it"], ["its"], ["has"]) or not _CONTRACTS.isdisjoint(words[max(0, i - 3) : i]))
        and _NOT_OVER_YET.isdisjoint(words[i + 2 :])
        for i in range(1, len(words))
    ):
        return True  # "it ran out in November", "my contract has run out"
    return any(
        word in _CONTRACTS
        and _said_over(words, i)
        and _NOT_OVER_YET.isdisjoint(words[i + 1 :])
        and _ASKED_OF_IT.isdisjoint(words[max(0, i - 3) : i])  # "is my contract over?" asks
        and not _ends_later(words[i + 1 : i + 6])  # "my contract is over in June": it ends then
        for i, word in enumerate(words)
    )


def _said_over(words: Sequence[str], at: int) -> bool:
    """Whether a word of the contract being over follows the contract named at ``at``; not the "up" of "signed
    up" ("my membership, signed up for 12 months")."""
    return any(
        word in _OVER and not (word == "up" and words[k - 1 : k] in (["signed"], ["sign"], ["signing"], ["set"]))
        for k, word in enumerate(words[at + 1 : at + 4], start=at + 1)
    )


_STILL_TO_COME = frozenset({"is", "its", "s", "will", "be"})
"""Words before "over in June" or "up in May" that say the end is still to come."""


def _term_served(clauses: Sequence[Sequence[str]]) -> bool:
    """ "My 12 months are up", "my year is over": the whole term served, said as a clause of its own; not "my 12
    months are up end of January", "my 6 months are up but I signed for 12", "the first 6 months are up"."""
    if sum(1 for words in clauses for word in words if _a_count(word)) > 1:
        return False  # "my 6 months are up but I signed for 12"
    for words in clauses:
        for i, word in enumerate(words):
            if (
                word in _MONTHS_OR_YEARS
                and _the_whole_term(words[max(0, i - 2) : i])
                and _ONE_DAY.isdisjoint(words[:i])
                and words[i + 1 : i + 2] in (["are"], ["is"], ["have"], ["has"], ["s"])
                and words[i + 2 : i + 3] in (["up"], ["over"], ["done"], ["finished"])
                and set(words[i + 3 :]) <= _SERVED_AFTER
            ):
                return True
    return False


_SERVED_AFTER = frozenset({"now", "already", "so", "and", "thanks", "please", "lol", "anyway", "finally", "at", "last"})
_ONE_DAY = frozenset({"once", "when", "after", "until", "till", "til", "if", "before", "soon"})
"""Words before "my 12 months are up" that put the end still to come ("once my 12 months are up")."""


def _the_whole_term(before: Sequence[str]) -> bool:
    """Whether the words before "months are up" name the whole term ("my 12 months", "my year"), not a part of
    it ("the first 6 months", "my free months") nor one to come ("once my 12 months")."""
    if before[-1:] in (["my"], ["the"], ["our"]):
        return True
    return len(before) == 2 and before[-1].isdigit() and before[0] in ("my", "the", "our")


def _ends_later(words: Sequence[str]) -> bool:
    """ "(is) over in June", "up in May": a month it ends in, said as still to come."""
    return not _STILL_TO_COME.isdisjoint(words[:2]) and any(
        a == "in" and b in MONTHS for a, b in zip(words, words[1:], strict=False)
    )


_CONTRACTS = frozenset({"contract", "membership", "term", "minimum"})
_ASKED_OF_IT = frozenset({"is", "if", "whether", "has", "hasnt", "isnt", "when"})
_OVER = frozenset({"ended", "finished", "expired", "over", "up"})
_NOT_OVER_YET = frozenset({"not", "isnt", "hasnt", "wont", "till", "until", "til", "yet", "soon", "next"})


def _years_before(words: Sequence[str], at: int, numbers: Mapping[str, int]) -> int:
    """The months of years said just before the count of months at ``at`` ("1 year and 3 months left"), unless
    they are how long the customer has belonged ("a member 4 years and 8 months left")."""
    if at < 3 or words[at - 1] != "and" or words[at - 2] not in _YEARS:
        return 0
    years = _count(words[at - 3], words[at - 4] if at > 3 else "", numbers)
    if years is None or not _BELONGING.isdisjoint(words[max(0, at - 8) : at - 2]):
        return 0
    return years * 12


_STILL_BEFORE = frozenset({"another", "still"})
_ENDS_IN = [["ends", "in"], ["finishes", "in"], ["expires", "in"], ["out", "in"], ["up", "in"], ["over", "in"]]


def _length_said(clauses: Sequence[Sequence[str]], lexicon: Lexicon) -> bool:
    """Whether a contract's whole length is said ("a 12 month contract", "signed up for a year")."""
    words = [part for clause in clauses for word in clause for part in word.split("-") if part]
    for i, word in enumerate(words[:-1]):
        value = _count(word, words[i - 1] if i else "", lexicon.number_words)
        if value is not None and words[i + 1] in _MONTHS_OR_YEARS and _names_the_term(words, i):
            return True
    return False


def _names_the_term(words: Sequence[str], at: int) -> bool:
    """Whether the count of months or years at ``at`` is the length of the contract: "a 12 month contract",
    "it was a 12 month one"."""
    return not _TERM.isdisjoint(words[at + 2 : at + 4]) or (
        words[at + 2 : at + 3] == ["one"] and words[at - 1 : at] in (["a"], ["the"])
    )


def _months_since_start(words: Sequence[str], today: date | None) -> int | None:
    """The months since a contract began, said as the month it began: "… for 12 months in June", "… since
    March", "joined in September last year", "started in March 2025"."""
    if today is None:
        return None
    for i, word in enumerate(words[:-1]):
        if word in ("in", "since", "from", "back", "last") and (month := MONTHS.get(words[i + 1])) is not None:
            gone = (today.month - month) % 12
            after = words[i + 2 : i + 4]
            if after[:1] and after[0].isdigit() and len(after[0]) == _YEAR_DIGITS:
                gone = (today.year - int(after[0])) * 12 + today.month - month
            elif after == ["last", "year"]:
                gone = 12 + today.month - month
            return gone
    return None


_SIGNED = frozenset({"signed", "joined", "committed", "agreed", "contract", "signup", "tied"})


def _months_until_it_ends(words: Sequence[str], today: date | None) -> int | None:
    """The months from ``today`` to the month a contract is said to end in: "it ends in June", "runs until
    March 2027"."""
    if today is None:
        return None
    for i, word in enumerate(words[:-1]):
        if word not in _ENDING or (word in _OVER_WORDS and not _the_contract_up(words, i)):
            continue  # "it's up in May"; not "it was up in May", "prices go up in March", "I'm moving out in May"
        for j in range(i + 1, min(i + 4, len(words))):
            month = MONTHS.get(words[j])
            if month is None:
                continue
            year = today.year
            said = words[j + 1] if j + 1 < len(words) else ""
            if said.isdigit() and len(said) == _YEAR_DIGITS:
                year = int(said)
            elif month <= today.month:
                year += 1
            months = (year - today.year) * 12 + month - today.month
            return months if 0 < months <= _MOST_MONTHS else None
    return None


_ENDING = frozenset({"ends", "end", "ending", "until", "till", "til", "expires", "finishes", "runs"}) | {
    "up",
    "over",
    "out",
}
_OVER_WORDS = frozenset({"up", "over", "out"})
_PAST_OVER = frozenset({"was", "were", "went", "ran", "ended", "had"})


_IT_RUNS = frozenset({"its", "it", "runs", "run"})
"""Words before "up", "over" or "out" that make the contract what ends ("it's up in May")."""


def _the_contract_up(words: Sequence[str], at: int) -> bool:
    """Whether "up", "over" or "out" at ``at`` says the contract ends ("it's up in May", "my contract is over
    in June", "it runs out in March"), not a price going up or the customer moving out."""
    before = words[max(0, at - 3) : at]
    if not _PAST_OVER.isdisjoint(before) or not _OTHER_THINGS_ENDING.isdisjoint(words[:at]):
        return False
    return not _IT_RUNS.isdisjoint(before) or not _CONTRACTS.isdisjoint(words[:at])


_OTHER_THINGS_ENDING = frozenset(
    "price prices fee fees cost costs rent lease course moving move go goes going rate rates".split()
)
_YEAR_DIGITS = 4
_MOST_MONTHS = 60
"""Further than five years ahead is no month a contract ends in that a member would say."""


def _count(word: str, before: str, numbers: Mapping[str, int]) -> int | None:
    """The whole number ``word`` says, in digits or words; "a" is one ("a year"), but not in "half a"."""
    if word.isdigit():
        return int(word)
    if word in ("a", "an") and before not in ("half",):
        return 1
    return numbers.get(word)


_MONTHS_OR_YEARS = frozenset({"month", "months", "mo", "mos", "year", "years", "yr", "yrs"})
_SAYING_MONTHS = _MONTHS_OR_YEARS | frozenset(MONTHS)
"""Words of a message that may say how long a contract still has, with no number in digits."""
_TERM = frozenset({"contract", "term", "membership", "plan", "deal", "agreement", "commitment", "minimum", "tie"})


def _number_in_words(clauses: Sequence[Sequence[str]], numbers: Mapping[str, int]) -> int | None:
    """The first number written in words ("eight", "none left", "twenty one"), a ten and a unit added."""
    for words in clauses:
        for i, word in enumerate(words):
            value = numbers.get(word)
            if value is None or (word == "one" and _one_meaning_a_thing(words, i)):
                continue
            unit = numbers.get(words[i + 1], 0) if i + 1 < len(words) else 0
            return value + unit if value % 10 == 0 and value >= _TWENTY and 0 < unit < _TEN else value
    return None


def _one_meaning_a_thing(words: Sequence[str], at: int) -> bool:
    """Whether "one" stands for a thing ("I'll go with the cheaper one", "that one"), not a count."""
    counted = words[at + 1 : at + 2] and words[at + 1] in _MONTHS_OR_YEARS | {"more", "left"}
    if counted or at == 0:
        return False
    # "just the one" is a count; "the cheaper one", "that one" point at a thing
    return words[at - 1] in _POINTING or (at > 1 and words[at - 2] in _POINTING | {"the"})


_POINTING = frozenset({"that", "this", "which", "either", "another", "any", "each", "every", "no", "other"})
_TWENTY = 20
_TEN = 10
_YEARS = frozenset({"year", "years", "yr", "yrs"})


def _months_in_years(clauses: Sequence[Sequence[str]], numbers: Mapping[str, int]) -> int | None:
    """A count of months said in years: "half a year" is 6, "a year" 12, "2 years" 24, "a year and a half"
    18, "1 year and 3 months" 15; none when months are counted apart ("member 2 years, 5 months left") or
    the years are how long the customer has belonged ("a member 4 years and 8 months are left")."""
    counted = sum(1 for words in clauses for i, w in enumerate(words) if w in ("month", "months") and i > 0)
    for words in clauses:
        for i, word in enumerate(words):
            if word not in _YEARS or i == 0 or not _BELONGING.isdisjoint(words[max(0, i - 6) : i]):
                continue  # "I've been a member 4 years and 8 months are left": the years are not left to run
            before = words[i - 1]
            if before == "a" and i > 1 and words[i - 2] == "half":
                years = 0.5
            elif before in ("a", "one"):
                years = 1.0
            elif before.isdigit():
                years = float(before)
            elif before in numbers:
                years = float(numbers[before])
            elif (point := before.replace(DECIMAL_POINT, ".")).replace(".", "", 1).isdigit() and "." in point:
                years = float(point)  # "1.5 years"
            elif before == "of" and i > 1 and words[i - 2] == "couple":
                years = 2.0  # "a couple of years"
            elif before == "half" and words[i - 3 : i - 1] == ["and", "a"] and i > 3:
                count = words[i - 4]  # "one and a half years"
                years = (float(count) if count.isdigit() else float(numbers.get(count, 1))) + 0.5
            else:
                continue
            rest = words[i + 1 : i + 5]
            if rest[:3] == ["and", "a", "half"]:
                years += 0.5
            months = round(years * 12)
            if rest[:1] == ["and"] and len(rest) > 2 and rest[2] in ("month", "months"):
                extra = rest[1]
                months += int(extra) if extra.isdigit() else numbers.get(extra, 0)
                counted -= 1
            return months if counted == 0 else None
    return None


def _order_id(
    text: str,
    folded: str,
    spec: FactField,
    asked: bool,
    reading: FactReading,
    slots: dict[str, str] | None,
    digits: bool,
) -> FactValue:
    if not digits:
        return None
    if slots is None:
        slots = extract_slots(text)
    if spec.pattern:
        found = policy_pattern(spec.pattern).search(text)
        if found:
            return str(found.group(0)).upper()
        spaced = _SPACED_ID.search(text) if asked or not _ORDER_WORDS.isdisjoint(folded.split()) else None
        if spaced is not None:
            # "the number is A 7 7 7 7": the characters of an order number typed apart
            mended = _mended(spaced.group(0), policy_pattern(spec.pattern))
            if mended is not None:
                return mended
        attempt = slots.get("order_id")
        if attempt is None and "phone" in slots and not _ORDER_WORDS.isdisjoint(folded.split()):
            attempt = slots["phone"]
        if attempt is None and asked:
            attempt = next(
                (
                    str(m.group(0))
                    for m in _ID_ATTEMPT.finditer(folded)
                    if not _counts_time(folded, m.end()) and not _dates_a_day(m.group(0), slots)
                ),
                None,
            )
        if attempt is not None and attempt.isdigit():
            attempt = _letter_before(text, attempt) or attempt
        if attempt is not None:
            mended = _mended(attempt, policy_pattern(spec.pattern))
            if mended is not None:
                return mended
            reading.malformed.append(spec.name)
        return None
    return slots.get("order_id")


def _named_number(folded: str, name: str, numbers: Mapping[str, int]) -> int | None:
    """A number the customer gives unasked, in digits or in words, followed by the words of the fact's name:
    "3 months left" or "about three months left" for ``months_left``, "5 years a member" or "a member for 5
    years" for ``years_member``."""
    named = name.split("_")
    words = folded.split()
    for at, word in enumerate(words[:-1]):
        value = int(word) if word.isdigit() else numbers.get(word)
        if value is not None and words[at + 1].rstrip(".,!?") == named[0]:
            near = {w.strip(".,!?") for w in (*words[max(0, at - 4) : at], *words[at + 2 : at + 5])}
            if all(part in near for part in named[1:]):
                return value
    return None


def _letter_before(text: str, number: str) -> str | None:
    """ "Order no is A 4411": the number with the lone letter typed just before it, apart."""
    at = text.find(number)
    head = text[:at].rstrip(" .:#-") if at > 0 else ""
    if head[-1:].isalpha() and not head[-2:-1].isalnum():
        return head[-1] + number
    return None


def _mended(attempt: str, pattern: TextPattern) -> str | None:
    """An order number typed without its separator or with another one ("A2203", "a_2203", "A.2203") in the
    one form of the policy's pattern it fits, if it fits exactly one."""
    bare = "".join(c for c in attempt if c.isalnum()).upper()
    cut = next((i for i in range(1, len(bare)) if bare[i - 1].isalpha() != bare[i].isalpha()), None)
    forms = [bare] if cut is None else [bare, *(f"{bare[:cut]}{mark}{bare[cut:]}" for mark in "-/ ")]
    fitting = [form for form in forms if pattern.fullmatch(form)]
    return fitting[0] if len(fitting) == 1 else None


def _days(
    folded: str,
    words: set[str],
    context: Context,
    lexicon: Lexicon,
    asked: bool,
    digits: bool,
    *,
    corrected: bool = False,
) -> tuple[FactValue, bool]:
    """The days since purchase: the first date of buying (one with its month before a weekday), else the
    first date about nothing else; the last one when the customer corrects themselves ("2 weeks ago,
    actually no, 5 weeks"), which may be a bare date ("sorry, it was the 30th of September"). The flag
    tells a value worked out from when the order arrived ("it came on Monday")."""
    if context.today is None or not (asked or digits or not lexicon.date_hints.isdisjoint(words)):
        return None, False
    within = context.rough if asked or context.asked is None else None
    found = lexicon.read_dates(
        folded, context.today, day_first=context.day_first, durations=asked or corrected, within=within
    )
    found = [
        when
        for when in found
        if not _deadline(folded, when)
        and not (not asked and _asked_back(folded, when, context))
        and not _time_waited(folded, when)
        and not (when.anchor == "none" and _said_of_something_else(folded, when))
    ]
    # "Got it 3 days ago but ordered 5 weeks ago": getting it dates the buying only when nothing else does.
    bought = [when for when in found if when.anchor == "purchase"] or [
        when for when in found if when.anchor in ("paid", "got")
    ]
    if bought and corrected:
        # "bought it 2 weeks ago. wait no, 5 weeks ago": the date put right is said without "bought" again
        bought += [when for when in found if when.anchor == "none" and when.start > bought[-1].start]
    if not bought:
        bought = [
            when
            for when in found
            if when.anchor == "none"
            and (
                asked
                or corrected
                or when.shape in ("ago", "elapsed")
                or _set_apart(folded, when.start, when.end)
                or (_alone(folded, when) and _in_hand(context))
            )
        ]
    if bought:
        if corrected:
            put_right = _count_put_right(folded, bought[-1])
            if put_right is not None:
                return put_right, False  # "20 days ago, no wait, 12": the count put right, in the same unit
            # "no wait, it was the 10th of October, not November": the date taken back is not the one meant
            meant = [when for when in bought if not _taken_back(folded, when)] or bought
            return meant[-1].days, False
        # "It was a Monday, the 2nd of November": the date with its month says more than the weekday.
        dated = [when for when in bought if when.shape in ("date", "period") and isinstance(when.days, int)]
        return (dated or _narrowed(bought[0], found) or bought)[0].days, False
    arrived = [when for when in found if when.anchor == "delivery"]
    if not asked and _ARRIVAL_WORDS.isdisjoint(words) and not ("got" in words and _got_the_order(folded)):
        arrived = []  # "shipped yesterday", "a delivery slot for Thursday": told unasked, only its coming dates it
    if arrived:
        return _bought_before(arrived[0].days), True
    if asked and not found:
        number = _NUMBER.search(folded)
        if number is not None and len(number.group(0)) <= 4 and folded.strip().isdigit():
            return int(number.group(0)), False
    return None, False


def _count_put_right(folded: str, when: When) -> int | None:
    """ "About 20 days ago, no wait, 12", "5 weeks ago, no sorry 2": a bare count after the date, put right with
    a word of correction, in the date's own unit of days or weeks; ``None`` otherwise."""
    said = folded[when.start : when.end].replace(",", " ").split()
    unit = next((_UNIT_DAYS[word] for word in said if word in _UNIT_DAYS), None)
    after = folded[when.end :].replace(",", " ").replace(".", " ").split()
    if unit is None or not after or _PUT_RIGHT_WORDS.isdisjoint(after[:3]):
        return None
    counts = [word for word in after[:4] if word.isdigit()]
    if len(counts) != 1 or len(counts[0]) > 3 or _PUT_RIGHT_WORDS.isdisjoint(after[: after.index(counts[0])]):
        return None  # not "3 weeks ago, sorry no receipt, paid 40"
    rest = after[after.index(counts[0]) + 1 :]
    if rest and rest[0] not in _UNIT_DAYS and rest[0] not in ("ago", "i", "think", "actually"):
        return None
    return int(counts[0]) * (_UNIT_DAYS[rest[0]] if rest and rest[0] in _UNIT_DAYS else unit)


_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
_PUT_RIGHT_WORDS = frozenset({"no", "sorry", "wait", "actually", "oops"})


def _time_waited(folded: str, when: When) -> bool:
    """Whether a length of time is how long the customer has waited for an answer ("I've been waiting 20 mins
    for someone to answer", "on hold for an hour"), not how long ago they bought."""
    if when.shape != "elapsed":
        return False
    before = folded[: when.start].replace(",", " ").split()[-4:]
    after = folded[when.end :].replace(",", " ").split()[:5]
    return not _WAITING_WORDS.isdisjoint(before) and _PARCEL_WAIT.isdisjoint(after)


_WAITING_WORDS = frozenset({"waiting", "waited", "hold", "queue", "queued", "queueing", "chat"})
_PARCEL_WAIT = frozenset({"order", "parcel", "delivery", "package", "refund", "it", "them", "my"})
"""Words after a wait that make it one for the order ("waiting 3 weeks for my parcel"), which may date it."""


def _asked_back(folded: str, when: When, context: Context) -> bool:
    """Whether a length of time is asked back ("seriously? 14 days?"): once the request was answered, the
    customer repeating a limit in disbelief, not saying how long ago they bought ("maybe 3 or 4 weeks?")."""
    if context.state == "listening" or when.shape != "elapsed" or folded[when.end :].lstrip()[:1] != "?":
        return False
    before = folded[: when.start]
    said_with = before[max(before.rfind(mark) for mark in ".,!?:;") + 1 :].split()
    return all(word in _DISBELIEVING for word in said_with)  # not "it's only been 20 days?", a date put right


_DISBELIEVING = frozenset({"only", "just", "what", "seriously", "wow", "really", "so", "like", "erm", "um"})


def _got_the_order(folded: str) -> bool:
    """ "I got my order today", "got the parcel yesterday": the order came, which bounds the day of buying."""
    words = folded.split()
    return any(
        a == "got"
        and b in ("my", "the", "our")
        and c.strip(",.!?") in _PARCEL_WORDS
        and d not in ("in", "confirmation")
        for a, b, c, d in zip(words, words[1:], words[2:], [*words[3:], ""], strict=False)
    )


def _said_of_something_else(folded: str, when: When) -> bool:
    """Whether the date is said of something that is not the order ("your website is really slow today", "it's
    my birthday today"), so dates no purchase."""
    if when.shape != "day":
        return False  # "6 weeks ago with my phone": a time since buying, whatever it was bought with
    start = max(folded.rfind(mark, 0, when.start) for mark in _CLAUSE_MARKS) + 1
    clause = folded[start : when.start].split()
    for at, word in enumerate(clause):
        if word == "birthday" and clause[at - 1 : at] in (["my"], ["its"], ["our"]):
            return True  # "it's my birthday today"
        if word in _NOT_THE_ORDER and not _HAPPENED_TO_IT.isdisjoint(clause[at + 1 :]):
            return True  # "your website is really slow today", not "phone charger yesterday"
    return False


_NOT_THE_ORDER = frozenset(
    {
        "website",
        "site",
        "app",
        "login",
        "password",
        "chat",
        "chatbot",
        "queue",
        "phone",
        "phones",
        "line",
        "lines",
        "weather",
        "birthday",
        "traffic",
        "signal",
        "wifi",
        "internet",
    }
)
"""Things a customer may say happened on a day that are not the order bought."""
_HAPPENED_TO_IT = frozenset(
    {"is", "was", "s", "been", "went", "keeps", "kept", "crashed", "crashing", "slow", "down", "broke", "wasnt", "isnt",
     "took", "takes", "wouldnt", "wont", "didnt", "doesnt", "has", "had"}
)  # fmt: skip
"""Words after such a thing that say something happened to it ("the website was down today")."""


def _deadline(folded: str, when: When) -> bool:
    """Whether the date is one something is needed by ("I need it before Christmas", "want it by Friday"),
    which dates no purchase."""
    before = folded[: when.start].replace(",", " ").split()[-6:]
    if not before or before[-1] not in _BY:
        return False
    return not _NEEDING.isdisjoint(before[:-1])


_BY = frozenset({"before", "by", "for", "until", "till"})
_NEEDING = frozenset({"need", "needed", "needs", "want", "wanted", "arrive", "deliver", "delivered", "here"})


def _narrowed(rough: When, found: Sequence[When]) -> list[When]:
    """ "I got it last month, on the 10th I think", "a few weeks back, maybe 3 or 4 weeks": a day or a closer
    span said after a rough time and inside it says which."""
    span = rough.days
    if not isinstance(span, Span):
        return []
    return [
        when
        for when in found
        if when.start > rough.start and when.anchor not in ("other", "delivery") and _inside_span(when.days, span)
    ][:1]  # not "last week, for her birthday on Sunday": a date of something else narrows nothing


def _inside_span(days: FactValue, span: Span) -> bool:
    """Whether ``days`` (a count or a narrower span) lies within ``span``."""
    if isinstance(days, int):
        return span.low <= days and (span.high is None or days <= span.high)
    if isinstance(days, Span) and days != span:
        return span.low <= days.low and days.high is not None and (span.high is None or days.high <= span.high)
    return False


def _bought_before(delivered: int | Span) -> Span:
    """What a delivery date given for the purchase date says of it: it was bought that many days ago or
    earlier ("it came on the 28th"), which settles a request only when even that is outside the time allowed."""
    return Span(low=delivered if isinstance(delivered, int) else delivered.low)


def _set_apart(folded: str, start: int, end: int) -> bool:
    """Whether the words ``start`` to ``end`` are a clause of their own ("refund A-7102, yesterday"): said
    like that beside an order, a date is when it was bought."""
    before = folded[:start].rstrip()
    while before and before.rsplit(None, 1)[-1] in _DAY_LEADS:
        before = before[: -len(before.rsplit(None, 1)[-1])].rstrip()  # "A-7878, last Monday", "on the 3rd"
    after = folded[end:].lstrip()
    if after and after[0] not in _CLAUSE_MARKS:
        return False
    words = before.split()
    if words[-2:] == ["it", "was"] or words[-1:] == ["its"]:
        # "refund for A-3002. it was the 1st of November", "I think it was Nov 4th": the day it was bought
        lead = words[:-2] if words[-1:] == ["was"] else words[:-1]
        while lead and lead[-1] in _IT_WAS_HEDGES:
            lead = lead[:-1]
        return not lead or lead[-1][-1:] in _CLAUSE_MARKS
    return bool(before) and before[-1] in _CLAUSE_MARKS


_IT_WAS_HEDGES = frozenset({"i", "think", "believe", "reckon", "guess", "pretty", "sure", "so", "and", "yeah", "well"})
"""Words before "it was" that only hedge it ("I think it was the 4th")."""


_CLAUSE_MARKS = frozenset(".,;!?")
_DAY_LEADS = frozenset({"last", "on", "this", "past", "the"})
"""Words before a day that its span leaves out ("last Monday", "on the 3rd")."""


def _in_hand(context: Context) -> bool:
    """Whether a bare date would date a purchase: a request is in hand, the customer is still telling what
    they want ("no idea when he bought it" … "maybe early November?"), or one was just settled (a date said
    after it puts right the one it was settled on)."""
    return context.state in ("listening", "follow_up") or (context.state != "escalated" and context.request is not None)


def _taken_back(folded: str, when: When) -> bool:
    """Whether the date is said as the one not meant: "not November", "rather than the 10th"."""
    before = folded[: when.start].split()[-2:]
    return "not" in before or before[-2:] == ["rather", "than"]


def _alone(folded: str, when: When) -> bool:
    """Whether the date is the whole message but for a preposition ("the 3rd of November", "on the 5th"):
    said while a request is in hand, it is when the order was bought. A day alone needs its preposition:
    "the 2nd" may pick the second offer; one written with its month ("31/10") does not."""
    lead_in = [w for w in (w.strip(".,!?:;-") for w in _past_the_lead_up(folded[: when.start]).split()) if w]
    if not _TRAILING.issuperset(folded[when.end :].strip(" .!?").split()) or not _LEAD_IN.issuperset(lead_in):
        return False
    with_month = "/" in folded[when.start : when.end]
    return when.shape != "date" or with_month or any(word != "the" for word in lead_in)


def _past_the_lead_up(before: str) -> str:
    """What is said before a date once what only leads up to it is set aside: a hedge ("not sure, early
    October I think") or a lookup ("just checked, it was the 2nd", "my receipt says 2 November")."""
    words = [w.strip(".,!?:;-") for w in before.split()]
    marks = [i for i, c in enumerate(before) if c in ".,:;!-"]
    if marks and set(before[: marks[-1]].replace(",", " ").split()) <= _HEDGES:
        # "not sure, early October I think": a hedge first, then the date
        return " ".join(w for w in before[marks[-1] + 1 :].split() if w not in _ROUGHLY)
    if _LOOKED_UP.isdisjoint(words):
        return before
    rest = before[marks[-1] + 1 :] if marks else before
    return " ".join(w for w in rest.split() if w not in _SOURCE)


_LEAD_IN = frozenset(
    {"on", "the", "in", "it", "was", "its", "around", "about", "from", "actually", "oh", "ah", "mid", "early", "late",
     "middle", "end", "start", "beginning", "of", "towards", "sometime", "maybe", "probably", "perhaps", "roughly",
     "i", "think"}
)  # fmt: skip
_LOOKED_UP = frozenset(
    {"check", "checked", "checking", "looked", "says", "said", "shows", "email", "receipt", "confirmation",
     "statement", "account"}
)  # fmt: skip
_HEDGES = frozenset(
    "not sure im i dont know remember idea no maybe probably perhaps honestly hmm um erm well think".split()
)
_ROUGHLY = frozenset({"early", "late", "mid", "maybe", "probably", "perhaps", "sometime"})
_SOURCE = frozenset({"my", "the", "email", "receipt", "confirmation", "statement", "account", "says", "said",
                     "shows", "order", "ordered", "she", "he", "they", "we", "her", "his", "their"})  # fmt: skip
"""Where a date was looked up, and the words that say so: "the confirmation email says"."""
_TRAILING = frozenset({"actually", "i", "think", "sorry", "then", "please"})
"""Words a bare date may end with: "the 3rd of November actually", "the 5th I think"."""


def _only_some_of_it(clauses: Sequence[Sequence[str]]) -> bool:
    """Whether a clause names some of the order as all that came, or goes on from one that says it came
    ("my order came, but only the lamp")."""
    for index, clause in enumerate(clauses):
        if _only_some_came(clause):
            return True
        opening = clause[1:4] if clause[:1] == ["but"] else clause[:3]
        came_before = index > 0 and not _CAME.isdisjoint(clauses[index - 1])
        named_only = opening[:1] == ["only"] and opening[1:2] in (["the"], ["one"], ["half"])
        if came_before and named_only and _SAID_OF_IT.isdisjoint(clause):
            return True  # not "it came, but only the handle is broken"
    return False


def _only_some_came(clause: Sequence[str]) -> bool:
    """ "Only the lamp came", "only 2 of the 3 arrived", "only the top was delivered": some of what was ordered
    named as all that came; not "it only arrived yesterday", which says when."""
    if "only" not in clause:
        return False
    at = clause.index("only")
    named = clause[at + 1 : at + 2] in (["the"], ["one"], ["half"])
    counted = at + 2 < len(clause) and _a_count(clause[at + 1]) and clause[at + 2] in ("of", "out")
    counted = counted and _PARTS_OF_ITEMS.isdisjoint(clause[at + 3 : at + 7])  # not "only 2 of the 4 legs"
    if not _CAME.isdisjoint(clause[max(0, at - 3) : at]) and (named or counted):
        return True  # "it came but only the lamp", "arrived with only one of them", "with only 2 of the 3 items"
    if counted and not _PACKED.isdisjoint(clause[at + 4 : at + 11]):
        return True  # "only 2 of the 3 glasses were in the box"
    between = clause[at + 1 : at + 8]
    came = next((i for i, word in enumerate(between) if word in _CAME), None)
    # not "it only got delivered yesterday", "only just arrived", which say when
    return came is not None and came >= 1 and between[0] not in ("just", "been", "got", "was", "were", "finally")


def _came_empty(clause: Sequence[str]) -> bool:
    """ "The parcel came today empty", "it arrived this morning empty": come, then "empty" a few words on."""
    for at, word in enumerate(clause):
        if word == "empty" and not _CAME.isdisjoint(clause[max(0, at - 4) : at]) and "not" not in clause[:at]:
            return True
    return False


def _got_some_of(clause: Sequence[str]) -> bool:
    """ "Only got 2 of the 4 chairs", "received three out of five": a number of the items, of a larger
    number ordered."""
    for at, word in enumerate(clause):
        if word not in _GOT or at + 3 >= len(clause) or not _a_count(clause[at + 1]):
            continue
        if word == "sent" and clause[at - 1 : at] not in (["you"], ["they"], ["only"]):
            continue  # "I've sent 2 of the 3 items back": the customer sending, not the shop
        rest = clause[at + 2 : at + 6]
        of = rest[1:] if rest[:2] == ["out", "of"] else rest
        if of[:1] == ["of"] and any(_a_count(w) for w in of[1:3]):
            return True
    return False


def _a_count(word: str) -> bool:
    return word.isdigit() or word in _COUNT_WORDS


_GOT = frozenset({"got", "received", "had", "delivered", "came", "arrived", "recieved", "sent"})
_COUNT_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve".split())


def _an_item_left_out(clauses: Sequence[Sequence[str]]) -> bool:
    """ "My order arrived but the rug is missing": after the order came, a thing named as missing that is not
    a part of an item ("it came but the charger is missing" is a fault of the item)."""
    for index, clause in enumerate(clauses):
        at = _where_said_missing(clause)
        if at is None:
            continue
        thing = clause[at - 1]
        came = not _CAME.isdisjoint(clause[:at]) or any(not _CAME.isdisjoint(c) for c in clauses[:index])
        came = came or (
            clause[at - 3 : at - 2] == ["of"] and at >= 4 and _a_count(clause[at - 4])
        )  # "one of the glasses"
        came = came or "there" in clause[:at] or any("there" in c for c in clauses[:index])
        if came and thing not in _PARTS_OF_ITEMS and thing not in _WHOLE_ORDER:
            return True
    return False


def _all_came_but(clauses: Sequence[Sequence[str]]) -> bool:
    """ "Everything came except the rug", "got everything apart from the lamp", "all of it arrived but the
    rug": the whole order said to have come, then an item set apart from it (not a part of one, and not "but
    the rug is torn", which says what is wrong with it)."""
    for index, clause in enumerate(clauses):
        came = _whole_order_came(clause)
        if came is None:
            continue
        rest = list(clause[came + 1 :])
        opener = next((o for o in _SETTING_APART if rest[: len(o)] == list(o)), None)
        if opener is not None:
            thing = rest[len(opener) :]
        elif index + 1 < len(clauses) and len(clauses[index + 1]) <= 5:
            thing = list(clauses[index + 1])  # "everything came, except the rug": the break word is gone
            thing = thing[1:] if thing[:1] == ["for"] else thing
        else:
            continue
        if thing[:1] and thing[0] in _WHAT_WAS_MISSING and _SAID_OF_IT.isdisjoint(thing):
            named = [word for word in thing[1:] if word not in _WHAT_WAS_MISSING and word != "of"]
            named = named[: next((i for i, word in enumerate(named) if word in _LEADING_ON), len(named))]
            if named and len(named) <= 2 and not (_PARTS_OF_ITEMS | _WHOLE_ORDER | _PAPERWORK).intersection(named):
                return True  # not "but the rug smells awful", "except the invoice"
    return False


_LEADING_ON = frozenset({"on", "in", "from", "for", "with", "order", "yesterday", "today"})
"""Words after an item named as left out that go on to something else ("the lamp on A-5151")."""
_PAPERWORK = frozenset(
    "invoice receipt paperwork note slip leaflet voucher card bill letter packaging wrapping documents".split()
)
"""What comes in a parcel without being an item of the order ("everything came except the invoice")."""


def _whole_order_came(clause: Sequence[str]) -> int | None:
    """Where a clause says all of the order came ("everything arrived", "I got everything", "all of it
    was there"): the index of its last word about coming or having."""
    whole = next((at for at, word in enumerate(clause) if word in _WHOLE), None)
    if whole is None or "not" in clause[:whole] or "didnt" in clause or "havent" in clause:
        return None
    around = range(max(0, whole - 3), min(len(clause), whole + 5))
    coming = [at for at in around if clause[at] in _CAME or clause[at] in _GOT or clause[at] in _THERE]
    return max([*coming, whole]) if coming else None


_WHOLE = frozenset({"everything", "everythin", "everythign", "evrything", "everyting", "evrythin", "all"})
_THERE = frozenset({"there", "included", "inside"})
_SETTING_APART = (
    ("apart", "from"), ("other", "than"), ("aside", "from"), ("except", "for"), ("save", "for"),
    ("except",), ("but",), ("bar",), ("besides",), ("excluding",), ("minus",),
)  # fmt: skip


_SOME_OF = frozenset({"half", "part", "some", "most", "rest", "bits"})
_RECORDS = frozenset({"account", "app", "website", "site", "list", "history", "orders", "email", "emails"})
"""Where an order may be missing from without being lost ("missing from my account")."""


def _some_of_it(words: Sequence[str]) -> bool:
    """Whether ``words`` say some of an order: "half my order", "part of it", "some of my order", "the rest";
    not "some cushions", which may be all of it."""
    for at, word in enumerate(words):
        if word not in _SOME_OF and word not in _FEW and not word.isdigit():
            continue
        following = words[at + 1 : at + 2]
        if word in _SOME_OF and (word in ("half", "part", "rest", "bits") or following == ["of"]):
            return True
        if (word in _FEW or word.isdigit()) and following and following[0] in _OF_ITEMS:
            if words[at + 2 : at + 3] not in (["them"], ["it"], ["these"], ["those"]):
                return True  # "a couple of items never arrived", "2 of my items never came"
    return False


_FEW = frozenset({"couple", "few", "two", "three", "four", "one"})
_OF_ITEMS = frozenset({"of", "items", "things", "bits", "pieces"})


_WHAT_WAS_MISSING = frozenset({"the", "a", "an", "one", "two", "some", "my", "its", "part", "parts", "half", "items"})


def _where_said_missing(clause: Sequence[str]) -> int | None:
    """Where "the rug is missing" or "the rug wasn't (there)" says its verb, after "the" or "my" and a thing."""
    for at in range(2, len(clause)):
        word = clause[at]
        if word not in _BE_MISSING and word not in _NOT_THERE:
            continue
        rest = clause[at + 1 :]
        said = (word in _BE_MISSING and rest[:1] == ["missing"]) or (
            word in _NOT_THERE and rest in ([], ["there"], ["included"], ["inside"], ["in", "it"], ["in", "the", "box"])
        )
        if said and clause[at - 2] in ("the", "my"):
            return at
    return None


_NOT_THERE = frozenset({"wasnt", "werent", "isnt", "arent"})
_BE_MISSING = frozenset({"is", "was", "are", "were"})
_PARTS_OF_ITEMS = frozenset(
    "charger chargers cable cables lead leads cord plug adapter adaptor remote lid lids screws screw bolts bolt "
    "instructions manual battery batteries strap straps handle handles button buttons key keys leg legs stand base "
    "bulb bulbs case cover covers filter filters head heads blade blades brush brushes nozzle attachment "
    "attachments accessories accessory parts part piece pieces hinge hinges wheel wheels shelf shelves drawer "
    "drawers door doors knob knobs belt laces lace hood label tag tags fittings fixings bracket brackets mount "
    "inner insert inserts sleeve pump hose tube tubes pen stylus earbud earbuds shade shades bag pouch lens cap "
    "caps".split()
)
"""Things whose being missing is a fault of the item they belong to, not an item left out of the order."""


def _chose_it_wrong(clause: Sequence[str]) -> bool:
    """ "I ordered trainers in the wrong size", "bought a jumper in the wrong colour": the customer chose
    wrong, with what they chose between the choosing and "wrong" (not "I ordered a lamp but you sent the
    wrong one")."""
    for at, word in enumerate(clause):
        if word in _CHOSE and "wrong" in clause[at + 1 : at + 6]:
            wrong = clause.index("wrong", at + 1)
            between, after = clause[at + 1 : wrong], clause[wrong + 1 : wrong + 4]
            if _NOT_OWN_CHOICE.isdisjoint(between) and _NOT_OWN_CHOICE.isdisjoint(after):
                return True
    return False


_CHOSE = frozenset({"ordered", "bought", "picked", "chose", "selected", "purchased", "ordred", "brought"})
_NOT_OWN_CHOICE = frozenset(
    {"but", "you", "sent", "they", "received", "got", "and", "delivered", "arrived", "came", "its", "is", "was"}
    | {"were", "that", "which", "turned", "showed"}
)
"""Words about what came, between the choosing and "wrong" or just after it ("I ordered one that came the wrong
size", "ordered a size 9, wrong size delivered"): the shop sent it wrong."""


_CAME = frozenset({"came", "arrived", "delivered", "turned", "showed"})
_PACKED = frozenset({"box", "parcel", "package", "packet", "bag"})
"""What an order comes in: "only 2 of the 3 were in the box" counts what came."""
_SAID_OF_IT = frozenset({"is", "was", "are", "were", "has", "have", "isnt", "wasnt", "doesnt", "works"})


_MOVING = "moving"
_TIMES_AND_PLANS = frozenset(
    "evening evenings morning mornings night nights weekend weekends lunchtime lunchtimes early late part "
    "parttime fulltime full off offpeak peak sessions classes shifts shift days plan cheaper basic".split()
)


_STAYING_NEAR = PhraseSet(
    """other side of the city | other side of town | other end of the city | other end of town | across town |
    across the city | staying in | still in the area | still in the city | still in town | still local |
    staying local | same area | same city | same town | round the corner | around the corner | down the road |
    not far | nearby | just moving house""".replace("\n", " ").split(" | ")
)
"""Words beside a move that keep the customer near ("moving house to the other side of the city")."""
_TO_A_PLACE = TextPattern(
    r"\b(?i:(?:new|a|got\s+a|taken\s+a|offered\s+a|accepted\s+a|starting\s+a)\s+(?:job|position|role)|"
    r"transferred|relocating|relocated|(?:new|bought\s+an?|buying\s+an?|got\s+an?)\s+"
    r"(?:house|home|flat|apartment|place))\s+(?i:in|to)\s+"
    r"(?:(?i:the)\s+)?(\p{Lu}\p{Ll}+)"
)
_NOT_PLACES = frozenset(MONTHS) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday christmas easter spring summer autumn winter".split()
)


def moves_nearby(clauses: Sequence[Sequence[str]], lexicon: Lexicon) -> bool:
    """Whether the customer tells of a move that keeps them near ("moving house but staying in Dublin"): news
    to take in, not a move away."""
    moving = lexicon.circumstances.get(_MOVING)
    return (
        moving is not None
        and any(moving.find(clause) for clause in clauses)
        and any(_STAYING_NEAR.find(clause) for clause in clauses)
    )


def _moved_to_a_place(text: str) -> bool:
    """Whether the customer tells of a new job, a transfer or a home in a named place ("I got a job in Berlin",
    "transferred to the London office", "we bought a house in Kildare"), which takes them away."""
    found = _TO_A_PLACE.search(text)
    return found is not None and found.group(1).lower() not in _NOT_PLACES


def _moving_to_a_time(words: Sequence[str]) -> bool:
    """Whether "moving to" goes on to a time or a plan ("moving to evening classes", "moving to part-time at
    work", "moving to the off-peak plan"), not to a place."""
    for at, word in enumerate(words[:-1]):
        if word in ("moving", "move", "moved") and words[at + 1] == "to":
            after = [w.split("-")[0] for w in words[at + 2 : at + 5] if w not in ("the", "a", "an", "my")]
            if after[:1] and after[0] in _TIMES_AND_PLANS:
                return True
    return False


def _only_asked_about(clauses: Sequence[Sequence[str]], phrases: PhraseSet) -> bool:
    """Whether every clause naming a circumstance asks what it covers, with nothing of the customer's own in it
    ("what counts as a medical reason?"). A yes-or-no question ("do you accept medical reasons?") still tells
    of one, as does "can I cancel, I tore my ACL?"."""
    naming = [clause for clause in clauses if phrases.may_hold(clause) and phrases.find(clause)]
    return bool(naming) and all(
        clause[:1] and clause[0] in _ASKING_OPENERS and _OWN.isdisjoint(clause) for clause in naming
    )


_ASKING_OPENERS = frozenset("what whats which how".split())
_OWN = frozenset({"i", "my", "im", "ive", "me", "id", "ill", "mine", "we", "our", "us", "were"})


def _nothing_granted(clauses: Sequence[Sequence[str]], promises: PhraseSet) -> bool:
    """Whether every time staff are said to have told the customer something, what they said granted
    nothing: a no ("said I couldn't get a refund"), or no word of having anything ("said it would last for
    years"). What was promised or assured is a promise whatever it was."""
    said = [
        (clause[match.start : match.end], clause[match.end : match.end + 12])
        for clause in clauses
        for match in promises.find(clause)
    ]
    return bool(said) and all(
        _VOWING.isdisjoint(phrase) and (_a_refusal(after) or _GRANTING.isdisjoint([*phrase, *after]))
        for phrase, after in said
    )


def _a_refusal(words: Sequence[str]) -> bool:
    """Whether what someone said is a no ("I couldn't", "no refunds"), not "no problem" or "not to worry", and
    not a yes with a no after it ("I'd get a refund and wouldn't need to send it back")."""
    for at, word in enumerate(words):
        following = words[at + 1 : at + 2]
        if word == "no" and following and following[0] in _REFUSED_THINGS:
            return True
        if word in _REFUSING and word not in ("no", "not"):
            return True
        if word == "not" and following not in (["to"], ["a"]) and words[at - 1 : at] != ["would"]:
            return True
        if word in _GRANTING:
            return False
    return False


_REFUSED_THINGS = frozenset({"refund", "refunds", "return", "returns", "exchange", "exchanges", "way", "chance"})


def _staff_said_so(clause: Sequence[str]) -> bool:
    """ "Your colleague on the phone last week said it would be fine", "one of your staff promised me a
    refund": someone of the company, then what they said or promised, not said as a no ("the lady in the
    shop said I couldn't")."""
    for at, word in enumerate(clause):
        if word not in _STAFF:
            continue
        before = clause[max(0, at - 3) : at]
        if _THEIRS.isdisjoint(before):
            continue
        if word in _ANYONE and "your" not in before and not _at_the_shop(clause[at + 1 : at + 5]):
            continue  # "the woman at the post office said": not someone of the company
        for said_at in range(at + 1, min(len(clause), at + 8)):
            if clause[said_at] in _PROMISING:
                what = clause[said_at + 1 : said_at + 8]
                if clause[said_at] in _VOWING:
                    return True  # "the agent promised I would not lose out"
                return not _a_refusal(what) and not _GRANTING.isdisjoint(what)
    return False


def _at_the_shop(words: Sequence[str]) -> bool:
    """ "(the lady) in the shop", "on the phone", "in store": where someone of the company was met."""
    return bool(set(zip(words, words[1:], strict=False)) & _COMPANY_PLACES)


_ANYONE = frozenset({"lady", "guy", "man", "woman", "person", "assistant"})
_COMPANY_PLACES = frozenset(
    {("the", "shop"), ("the", "store"), ("the", "phone"), ("in", "store"), ("on", "chat"), ("the", "chat")}
)
_VOWING = frozenset({"promised", "assured", "guaranteed"})


_STAFF = frozenset(
    "colleague colleagues staff agent advisor adviser rep representative assistant employee manager lady guy man "
    "woman person team supervisor operator".split()
)
_THEIRS = frozenset({"your", "a", "the", "one"})
_PROMISING = frozenset({"said", "told", "promised", "assured", "confirmed", "agreed", "offered", "guaranteed"})
_REFUSING = frozenset({"no", "not", "cant", "couldnt", "wouldnt", "wont", "cannot", "never", "unable"})
_GRANTING = frozenset(
    "fine ok okay refund refunded return exchange replace replacement allowed eligible accept sorted covered "
    "cancel money credit back problem worries".split()
)
"""Words of what staff said that grant something ("said it would be fine", "told me I could return it")."""


def _charged_an_amount_twice(clause: Sequence[str]) -> bool:
    """ "You charged me £12.50 twice", "took 40 quid twice": a charge, then an amount, then "twice"."""
    for at, word in enumerate(clause):
        if word not in _CHARGING:
            continue
        rest = clause[at + 1 : at + 5]
        if "twice" not in rest:
            return False
        between = rest[: rest.index("twice")]
        return any(_is_amount(each) for each in between) and all(
            _is_amount(each) or each in _AMOUNT_WORDS for each in between
        )
    return False


def _is_amount(word: str) -> bool:
    return any(c.isdigit() for c in word)


_CHARGING = frozenset({"charged", "billed", "took", "taken", "debited", "paid", "charging", "taking"})
_AMOUNT_WORDS = frozenset({"me", "my", "card", "the", "£", "$", "€", "pounds", "quid", "dollars", "euros", "bucks"})


_DEGREE = frozenset({"completely", "totally", "fully", "entirely", "literally", "utterly", "basically"})


def _condition(clauses: Sequence[Sequence[str]], word_set: set[str], lexicon: Lexicon) -> str | None:
    """What is wrong with the order. A wrong item is the shop's mistake: not when the customer owns up to
    choosing wrong ("I ordered the wrong size", "by mistake") or judges it ("the wrong colour for my
    kitchen"). Something that died ("the motor died") is faulty; a person who died is not a condition.
    ``word_set`` holds every word of ``clauses``. Words of degree are passed over ("the zip has completely
    come off")."""
    if not _DEGREE.isdisjoint(word_set):
        clauses = [[word for word in clause if word not in _DEGREE] for clause in clauses]
        word_set = word_set - _DEGREE
    if "only" in word_set and ITEMS_MISSING in lexicon.conditions and _only_some_of_it(clauses):
        return ITEMS_MISSING  # "I ordered a lamp and a rug but only the lamp came"
    own_mistake = lexicon.own_mistakes.may_hold(word_set) and any(has(lexicon.own_mistakes, c) for c in clauses)
    own_mistake = own_mistake or ("wrong" in word_set and any(_chose_it_wrong(c) for c in clauses))
    skip = frozenset({WRONG_ITEM}) if own_mistake else frozenset()
    value = _lexicon_value(clauses, word_set, lexicon.conditions, lexicon, skip=skip)
    if value == WRONG_ITEM and gave_the_wrong_number(clauses):
        value = _lexicon_value(clauses, word_set, lexicon.conditions, lexicon, skip=skip | {WRONG_ITEM})
    if value == FAULTY and FAULTY_AGAIN in lexicon.conditions and len(clauses) > 1:
        # "I returned a faulty hairdryer … but the replacement is also broken": the fault that came back counts
        others = frozenset(lexicon.conditions) - {FAULTY_AGAIN}
        value = _lexicon_value(clauses, word_set, lexicon.conditions, lexicon, skip=others) or value
    if value is None and "empty" in word_set and ARRIVED_EMPTY in lexicon.conditions and any(map(_came_empty, clauses)):
        value = ARRIVED_EMPTY  # "parcel came today completely empty??"
    if value is None and ITEMS_MISSING in lexicon.conditions and any(_got_some_of(c) for c in clauses):
        value = ITEMS_MISSING  # "only got 2 of the 4 chairs I ordered"
    if (
        value is None
        and ITEMS_MISSING in lexicon.conditions
        and any(_some_of_it(c) for c in clauses)
        and NEVER_ARRIVED in lexicon.conditions
        and any(has(lexicon.conditions[NEVER_ARRIVED], c) for c in clauses)
    ):
        value = ITEMS_MISSING  # "part of my order A-5151 never came": what never came is some of it
    if value is None and ITEMS_MISSING in lexicon.conditions and _all_came_but(clauses):
        value = ITEMS_MISSING  # "everything came except the rug"
    if value in (None, FAULTY) and ITEMS_MISSING in lexicon.conditions and _an_item_left_out(clauses):
        value = ITEMS_MISSING  # "the order came but the rug is missing": an item of the order, not a part of one
    if value == FAULTY and FAULTY_AGAIN in lexicon.conditions and _remedy_failed(clauses, word_set):
        value = FAULTY_AGAIN  # "this is the replacement you sent after the first one broke, and now it's gone too"
    if value not in (None, UNSAFE) and UNSAFE in lexicon.conditions and len(clauses) > 1:
        # "a faulty hairdryer, it smells of burning": a risk to people outweighs a fault told first
        others = frozenset(lexicon.conditions) - {UNSAFE}
        value = _lexicon_value(clauses, word_set, lexicon.conditions, lexicon, skip=others) or value
    if value == NEVER_ARRIVED and not _ARRIVING.isdisjoint(word_set) and any(_came_in_the_end(c) for c in clauses):
        # "it only arrived 20 days ago because your courier lost it for 2 weeks": late, but here
        value = _lexicon_value(clauses, word_set, lexicon.conditions, lexicon, skip=skip | {NEVER_ARRIVED})
    if value == NEVER_ARRIVED and _only_just_sent(clauses, word_set):
        # "it was dispatched yesterday, hasn't arrived yet", "only been 2 days, just checking": on its way
        value = _lexicon_value(clauses, word_set, lexicon.conditions, lexicon, skip=skip | {NEVER_ARRIVED})
    if (
        value == FAULTY
        and not _BOX_WORDS.isdisjoint(word_set)
        and (any(_item_fine(clause) for clause in clauses) or _box_waved_off(clauses))
    ):
        # "the box was damaged but the item is fine": only the packaging came to harm
        value = _lexicon_value(clauses, word_set, lexicon.conditions, lexicon, skip=skip | {FAULTY})
    if value is None and "waiting" in word_set and any(_waits_for_order(clause, word_set) for clause in clauses):
        return NEVER_ARRIVED
    if value is None and not _NOT_GOT.isdisjoint(word_set) and any(_order_not_got(clause) for clause in clauses):
        return NEVER_ARRIVED
    if value is None and not _LATE.isdisjoint(word_set) and any(_order_late_by(clause) for clause in clauses):
        return NEVER_ARRIVED
    if value is None and "delivery" in word_set and "been" in word_set and _past_the_delivery_promised(clauses):
        return NEVER_ARRIVED
    if value is None and "nothing" in word_set and _SENT_BACK.isdisjoint(word_set):
        if _waited_for_nothing([word for clause in clauses for word in clause]):
            return NEVER_ARRIVED
    if value is None and CHARGED_TWICE in lexicon.conditions and any(_charged_an_amount_twice(c) for c in clauses):
        return CHARGED_TWICE
    if value is None and OVERCHARGED in lexicon.conditions and lexicon.charged_another_amount(clauses):
        return OVERCHARGED
    if value is None and not own_mistake and lexicon.sent_something_else(clauses):
        return WRONG_ITEM
    if value is None and lexicon.who_died(clauses) == "thing":
        return FAULTY
    return value


def _remedy_failed(clauses: Sequence[Sequence[str]], word_set: set[str]) -> bool:
    """Whether a fault is told of a repair or replacement the shop gave before ("the replacement you sent me
    broke too", "it was repaired by you last month and it's leaking again", "I already had a new one last
    time and that broke too"); not the customer's own ("I replaced the batteries too", "I bought a new one
    for my mum")."""
    if _ONCE_MORE.isdisjoint(word_set) or not _OWN_REMEDY.isdisjoint(word_set):
        return False
    pairs = {pair for clause in clauses for pair in zip(clause, clause[1:], strict=False)}
    if pairs & _SHOP_REMEDY:
        return True
    return ("new", "one") in pairs and (("last", "time") in pairs or "already" in word_set) and "bought" not in word_set


_SHOP_REMEDY = frozenset(
    {("you", "sent"), ("sent", "me"), ("you", "repaired"), ("repaired", "by"), ("replacement", "you"),
     ("your", "replacement"), ("your", "repair"), ("the", "replacement"), ("the", "repair"), ("you", "replaced"),
     ("you", "fixed")}
)  # fmt: skip
_OWN_REMEDY = frozenset({"mum", "mom", "dad", "friend", "batteries", "battery", "fuse", "myself"})
_ONCE_MORE = frozenset({"again", "too", "also", "either"})


def _only_just_sent(clauses: Sequence[Sequence[str]], word_set: set[str]) -> bool:
    """Whether an order not yet come was sent only just now ("dispatched yesterday", "only been 2 days"): on
    its way, not lost."""
    if _SENT_OR_WAITED.isdisjoint(word_set) or not _LONG_WAIT.isdisjoint(word_set):
        return False  # "it's been 3 weeks", "you said it was sent today but that was 2 weeks ago": a long wait
    for clause in clauses:
        for at, word in enumerate(clause):
            after = clause[at + 1 : at + 5]
            if word == "only" and not _SHORT_WAIT.isdisjoint(after) and not _DAYS_OR_HOURS.isdisjoint(after):
                return True  # "it's only been 2 days", "only a day late"
            if word in _SENT and not _JUST_NOW.isdisjoint(clause[at + 1 : at + 4]) and clause[at - 1 : at] != ["i"]:
                return True  # "it was dispatched yesterday"; not "I sent an email yesterday"
    return "yet" in word_set and _sent_and_no_more(clauses, word_set)


def _sent_and_no_more(clauses: Sequence[Sequence[str]], word_set: set[str]) -> bool:
    """ "It's been dispatched but it's not arrived yet": sent, and not come yet, with no word of a wait too long
    or of a date it was sent on (which may be long ago)."""
    if not _OVERDUE.isdisjoint(word_set) or any(word[:1].isdigit() for clause in clauses for word in clause):
        return False  # a date or a count of days told, which may be long ago; an order number is neither
    return any(
        word in _SENT and (at == 0 or clause[at - 1] in ("been", "was", "its", "has", "got", "yes", "yeah", "yep"))
        for clause in clauses
        for at, word in enumerate(clause)
    )


_OVERDUE = frozenset(
    "still late supposed should meant lost ages overdue expected promised due waiting waited weeks week month months "
    "days ago since january february march april may june july august september october november december "
    "wrong address stolen neighbour neighbor neighbours returned".split()
)

_SENT = frozenset({"dispatched", "shipped", "sent", "posted", "despatched"})
_JUST_NOW = frozenset({"yesterday", "today", "tonight", "morning"})
_SHORT_WAIT = frozenset({"1", "2", "3", "one", "two", "three", "a", "couple"})
_DAYS_OR_HOURS = frozenset({"day", "days", "hours", "hour"})
_LONG_WAIT = frozenset({"week", "weeks", "fortnight", "month", "months", "ages"})
_SENT_OR_WAITED = _SENT | {"only"}


def _as_named(value: str | None, named: frozenset[str]) -> str | None:
    """The condition read, or the broader one it is a case of when the policy names only that one: a fault
    back after a repair, or items missing from an order, is a fault to a policy that knows no more."""
    if value is None or not named or value in named:
        return value
    broader = _BROADER.get(value)
    return broader if broader in named else value


_BROADER = {FAULTY_AGAIN: FAULTY, ITEMS_MISSING: FAULTY, ARRIVED_EMPTY: NEVER_ARRIVED}
"""The condition each narrower one is a case of."""


def _item_fine(clause: Sequence[str]) -> bool:
    """ "The item is fine", "the product itself is ok", "everything inside was intact": the thing bought came
    to no harm."""
    return any(
        word in _UNHARMED and not _THE_THING.isdisjoint(clause[max(0, at - 4) : at]) and "not" not in clause[:at]
        for at, word in enumerate(clause)
    )


def _box_waved_off(clauses: Sequence[Sequence[str]]) -> bool:
    """ "The box was a bit dented but that's fine", "the packaging was torn, doesn't matter": harm to the box
    the customer waves away in the same breath."""
    for index, clause in enumerate(clauses):
        if _BOX_WORDS.isdisjoint(clause) or "and" in clause:
            continue  # "the box was dented and the lamp is broken. it's fine": more than the box came to harm
        if _waves_off(clause):
            return True
        following = clauses[index + 1] if index + 1 < len(clauses) else ()
        if len(following) <= _SHORT_WAVE and _waves_off(following):
            return True
    return False


def _waves_off(words: Sequence[str]) -> bool:
    pairs = set(zip(words, words[1:], strict=False))
    return any(a in _THAT and b in _UNHARMED for a, b in pairs) or bool(pairs & _NO_MATTER)


_SHORT_WAVE = 4


_THAT = frozenset({"thats", "its", "that", "it"})
_NO_MATTER = frozenset(
    {("doesnt", "matter"), ("big", "deal"), ("not", "bothered"), ("dont", "mind"), ("no", "problem")}
)


_BOX_WORDS = frozenset({"box", "boxes", "packaging", "packet", "package", "wrapping", "outer", "carton", "parcel"})
_UNHARMED = frozenset({"fine", "ok", "okay", "undamaged", "intact", "alright", "perfect", "unharmed", "unscathed"})
_THE_THING = frozenset({"item", "items", "product", "contents", "itself", "inside", "everything", "thing"})


def _order_late_by(clause: Sequence[str]) -> bool:
    """ "My parcel is only 3 weeks late", "the order is a week overdue": an order later than promised by some
    time, which has not come; not a return sent late ("my return is 5 days late"), nor an order that came
    late ("it came 3 days late")."""
    if not _SENT_BACK.isdisjoint(clause):
        return False
    if not _ARRIVING.isdisjoint(clause) and _came_in_the_end(clause):
        return False  # "the parcel came 3 days late": it came
    return any(
        word in _LATE and at and clause[at - 1] in DAYS_TO_MONTHS and any(_an_order(w) for w in clause[:at])
        for at, word in enumerate(clause)
    )


_DAYS_IN = {"day": 1, "week": 7, "fortnight": 14, "month": 30}
"""The days in each unit of time a wait is counted in."""


def _past_the_delivery_promised(clauses: Sequence[Sequence[str]]) -> bool:
    """ "Your website said 2 day delivery and it's been 6 days": a delivery time promised, and longer than it
    gone by, with nothing said to have come."""
    words = [word for clause in clauses for word in clause]
    if not _ARRIVING.isdisjoint(words) and any(_came_in_the_end(clause) for clause in clauses):
        return False
    promised = next(
        (
            1 if words[at - 2] in ("next", "same", "1", "one") else int(words[at - 2])
            for at in range(2, len(words))
            if words[at] == "delivery"
            and words[at - 1] in ("day", "days")
            and (words[at - 2].isdigit() or words[at - 2] in ("next", "same", "one"))
        ),
        None,
    )
    if promised is None:
        return False
    for at in range(len(words) - 2):
        if words[at] == "been" and words[at + 1].isdigit() and words[at + 2] in DAYS_TO_MONTHS:
            return int(words[at + 1]) * _DAYS_IN[UNITS[words[at + 2]]] > promised
    return False


def _waited_for_nothing(clause: Sequence[str]) -> bool:
    """ "It's been 3 weeks and nothing", "ordered 10 days ago, still nothing": time gone by, and no order."""
    if "nothing" not in clause:
        return False
    at = clause.index("nothing")
    before = clause[max(0, at - 7) : at]
    waited = "been" in before or "ago" in before or "ordered" in before
    ends = set(clause[at + 1 : at + 4]) <= _NOTHING_TAIL  # not "and nothing wrong with it"
    return ends and not DAYS_TO_MONTHS.isdisjoint(before) and waited and before[-1:] in (["and"], ["still"], ["but"])


_NOTHING_TAIL = frozenset({"yet", "so", "far", "at", "all", "here", "since", "arrived", "came", "has", "turned", "up"})


def _an_order(word: str) -> bool:
    """Whether ``word`` names an order: "parcel", "order", or an order number ("a-5555")."""
    return word in _PARCEL_WORDS or looks_like_order_number(word)


_LATE = frozenset({"late", "overdue", "delayed"})
_PARCEL_WORDS = frozenset({"parcel", "order", "package", "delivery", "shipment", "parcels", "orders", "packages"})
_SENT_BACK = frozenset({"return", "returned", "returning", "refund", "back", "window"})


def _came_in_the_end(clause: Sequence[str]) -> bool:
    """ "It only arrived 20 days ago", "it finally came yesterday", "it got here in the end": the order came,
    however late."""
    for at, word in enumerate(clause):
        if word not in _ARRIVING:
            continue
        before, after = clause[max(0, at - 3) : at], clause[at + 1 : at + 4]
        if not _NOT_YET.isdisjoint(before) or not _NOT_YET.isdisjoint(after) or "supposed" in before:
            continue
        if before[-1:] and before[-1] in _CLAIMED:
            continue  # "the tracking says delivered on Monday": what the courier claims, not what came
        if not _IN_THE_END.isdisjoint(before) or "ago" in after or any(w.isdigit() for w in after):
            return True
        if after[:1] and after[0] in _CAME_WHEN:
            return True  # "it came Wednesday", "it arrived late": it came, on a day told
    return False


_CAME_WHEN = frozenset(
    {"on", "yesterday", "today", "late", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
     "sunday", "this", "last"}
)  # fmt: skip


_CLAIMED = frozenset({"says", "said", "shows", "showed", "showing", "marked", "states", "stated", "as"})
_ARRIVING = frozenset({"arrived", "delivered", "came", "turned"})
_ARRIVAL_WORDS = _ARRIVING | {"received", "landed", "showed"}
"""Words by which a date told before it is asked for is the day the order came, and so bounds the day of buying."""
_NOT_YET = frozenset({"never", "not", "hasnt", "havent", "didnt", "still", "yet", "wasnt", "meant", "should"})
_IN_THE_END = frozenset({"only", "finally", "eventually", "just"})


def _lexicon_value(
    clauses: Sequence[Sequence[str]],
    word_set: set[str],
    table: Mapping[str, PhraseSet],
    lexicon: Lexicon,
    *,
    skip: frozenset[str] = frozenset(),
) -> str | None:
    if _key_words(table).isdisjoint(word_set):
        return None
    for index, clause in enumerate(clauses):
        for value, phrases in table.items():
            if value in skip or not phrases.may_hold(clause):
                continue
            matches = [m for m in phrases.find(clause) if not _unsuited(clauses, index, m, value, lexicon)]
            if not matches:
                continue
            if (
                value not in _MONEY_CONDITIONS
                and lexicon.condition_denials.may_hold(clause)
                and lexicon.condition_denials.first(clause) is not None
            ):
                continue  # "it works fine", "my mistake" undo a fault with the item, not a charge
            match = matches[0]
            if _negated(clause, match.start, lexicon) or _supposed(clause, match.start, lexicon):
                continue
            if value == "moving" and _someone_else(
                clause[max(0, match.start - 4) : match.start], clause[match.end : match.end + 6]
            ):
                continue  # "my gym buddy moved away": their move, not the customer's
            if (
                clause[match.end : match.end + 1]
                and clause[match.end] in _GENERIC_THINGS
                and clause[match.end - 1] not in _SOMEONE_ELSES
            ):
                continue  # "faulty items" is a kind of case; "someone else's stuff" is what came
            return value
    return None


_WHILE = frozenset({"when", "while", "since", "before", "until", "till"})
"""Words that make a parcel not yet come the time of something else ("when it hasn't arrived yet")."""
_WAITED = frozenset({"still", "days", "weeks", "week", "ages", "long", "months"})
"""Words of a wait gone on too long, which make a parcel not yet come one that never came."""
_HELD_AT = frozenset({"customs", "depot", "transit", "sorting", "warehouse", "hub", "post"})
"""Places a parcel is held on its way ("stuck in customs")."""


def _someone_else(before: Sequence[str], after: Sequence[str]) -> bool:
    """Whether the words before what happened name someone other than the customer as who it happened to
    ("my sister", "his family"), with the customer not among them ("my wife and I", "... and I'm going too")."""
    pairs = set(zip(after, after[1:], strict=False))
    return _THE_CUSTOMER.isdisjoint(before) and not _SOMEONES.isdisjoint(before) and not pairs & _GOING_ALONG


_THE_CUSTOMER = frozenset({"i", "im", "ive", "we", "were", "weve", "us"})
_SOMEONES = frozenset({"my", "his", "her", "their"})
_GOING_ALONG = frozenset(
    {("with", "them"), ("with", "him"), ("with", "her"), ("and", "me"), ("me", "too"), ("us", "too"), ("im", "going"),
     ("were", "going"), ("am", "going"), ("are", "going")}
)  # fmt: skip


_KEY_WORDS: dict[int, tuple[Mapping[str, PhraseSet], frozenset[str]]] = {}


def _key_words(table: Mapping[str, PhraseSet]) -> frozenset[str]:
    """The key words (:attr:`PhraseSet.keys`) of every phrase of ``table``, worked out once per table."""
    known = _KEY_WORDS.get(id(table))
    if known is None or known[0] is not table:
        known = _KEY_WORDS[id(table)] = (table, frozenset().union(*(phrases.keys for phrases in table.values())))
    return known[1]


_NOT_GOT = frozenset({"never", "not", "havent", "didnt", "hasnt"})
"""Words that, before "got" or "received" and an order number, say the order never came."""


def _order_not_got(clause: Sequence[str]) -> bool:
    """ "I never got A-3435", "haven't received my A-1005": the order named by its number has not come."""
    for at, word in enumerate(clause[1:], start=1):
        if word not in ("got", "get", "received", "receive") or clause[at - 1] not in _NOT_GOT:
            continue
        named = [w for w in clause[at + 1 : at + 4] if w not in _DETERMINERS and w != "order"][:1]
        if named and looks_like_order_number(named[0]):
            return True
    return False


def _waits_for_order(clause: Sequence[str], word_set: set[str]) -> bool:
    """ "Ordered 2 weeks ago, still waiting!!", "still waiting for my parcel", "I've been waiting 3 weeks for my
    order", "waiting ages on A-1005": the order has not come; not "still waiting for a reply" or "still
    waiting" about a refund."""
    for at, word in enumerate(clause):
        if word != "waiting" or at > 0 and clause[at - 1] not in _WAITERS:
            continue
        after = clause[at + 1 : at + 7]
        if at > 0 and clause[at - 1] == "still" and not after:
            return not _ORDERING.isdisjoint(word_set)
        if at > 0 and clause[at - 1] == "still" and not _WAITED_FOR.isdisjoint(after[:3]):
            return True
        on = next((i for i, w in enumerate(after) if w in ("for", "on")), None)
        if on is not None:
            waited = [w for w in after[on + 1 :] if w not in _DETERMINERS][:1]
            return not _WAITED_FOR.isdisjoint(waited) or any(order_number_like(w) for w in waited)
    return False


_DETERMINERS = frozenset({"my", "the", "our", "this", "that", "an", "a"})
_WAITERS = frozenset({"still", "been", "im", "am", "are", "was", "were", "keep", "kept", "now", "just"})
"""Words before "waiting" that make it the customer's own wait ("been waiting", "I'm waiting")."""


_WAITED_FOR = frozenset({"it", "them", "order", "parcel", "package", "delivery", "items", "item", "stuff", "things"})
"""Words after "still waiting" that make it the order the customer waits for."""
_ORDERING = frozenset({"ordered", "order", "parcel", "package", "delivery", "deliver", "delivered", "shipped"})
"""Words beside a bare "still waiting" that make it the order the customer waits for."""
_GENERIC_THINGS = frozenset({"things", "items", "products", "goods", "stuff", "orders", "ones", "parcels"})
"""Words after a condition that make it a kind of case ("faulty items"), not the customer's own."""
_SOMEONE_ELSES = frozenset({"elses", "someones", "somebodys"})
"""Words that make what follows another person's things ("someone else's stuff"), never a kind of case."""


def _supposed(clause: Sequence[str], start: int, lexicon: Lexicon) -> bool:
    """ "What happens if something breaks?", "what's the policy on broken items?": a case supposed or asked
    about, not what happened."""
    return not lexicon.supposing.isdisjoint(clause[:start])


def _unsuited(clauses: Sequence[Sequence[str]], index: int, match: Match, value: str, lexicon: Lexicon) -> bool:
    """ "the wrong colour for my kitchen": the customer's taste, not the shop sending the wrong thing; "my
    refund hasn't arrived", "no sign of my money": an earlier request not yet through, not an order that
    never came. ``match`` is in ``clauses[index]``."""
    clause = clauses[index]
    end = match.end
    if value == "illness" and match.start > 0 and clause[match.start - 1] in _THE_THINGS:
        return True  # "what about the broken leg?" of a sofa: a part of the item, not the customer's leg
    if value == NEVER_ARRIVED:
        if match.phrase == "got lost" and clause[match.start - 1 : match.start] in (["i"], ["we"], ["ive"]):
            return True  # "I got lost on your website": the customer lost their way, not the parcel
        if (
            "yet" in clause[match.start : end + 2]
            and not _WHILE.isdisjoint(clause[max(0, match.start - 3) : match.start])
            and _WAITED.isdisjoint(clause)
        ):
            return True  # "how does the credit work when it hasn't arrived yet?": on its way, as it should be
        if clause[match.start] in ("its", "it") and not _OWNING_THE_DELAY.isdisjoint(
            clause[max(0, match.start - 3) : match.start]
        ):
            return True  # "I know it's late, I was travelling": the customer asking late, not a parcel that is
        if _some_of_it(clause[max(0, match.start - 5) : match.start]):
            return True  # "half my order is missing", "part of my order never came": some of it, not all
        if clause[end - 1] == "missing" and not _RECORDS.isdisjoint(clause[end : end + 4]):
            return True  # "my order was missing from my account": not shown, not lost
        if clause[end - 1] == "missing" and clause[end : end + 1] and clause[end] in _WHAT_WAS_MISSING:
            return True  # "the parcel was missing the charger": what the parcel lacked, not a parcel that never came
        if clause[end : end + 1] == ["through"]:
            return True  # "it still hasn't come through": money, which comes through; parcels come
        # "my refund for A-9292 never came": the order it was for comes between the money and the words
        before = [w for w in clause[max(0, match.start - 4) : match.start] if w != "for" and not order_number_like(w)]
        near = before[-2:], clause[end : end + 2]
        return any(has(lexicon.money_subjects, words) for words in near) or _money_meant(
            clauses, index, match.start, lexicon
        )
    if value == FAULTY and clause[end - 1] == "stuck" and not _HELD_AT.isdisjoint(clause[end : end + 3]):
        return True  # "stuck in customs", "stuck at the depot": where the parcel is held, not a fault
    if value == FAULTY and clause[match.start] in ("was", "were", "is") and match.start > 0:
        # "my parcel was missing": the parcel never came; "the parcel was missing the charger" still is a fault,
        # and "the package was missing its contents" came empty
        lacked = bool(clause[end : end + 1]) and clause[end] in _WHAT_WAS_MISSING
        empty = clause[end + 1 : end + 2] in (["contents"], ["content"], ["stuff"])
        return clause[match.start - 1] in _WHOLE_ORDER and (not lacked or empty)
    if value != WRONG_ITEM:
        return False
    if clause[match.start : end] == ["wrong", "order"] and (
        not _OWNING_UP.isdisjoint(clause[: match.start]) or clause[end : end + 1] in (["number"], ["no"], ["id"])
    ):
        return True  # "sorry, wrong order, it's A-7004": the number was given wrong, nothing was sent wrong
    if _only_does_not_fit(clause, match):
        return True
    if end >= len(clause):
        return False
    return lexicon.unsuited_after.at(clause, end) is not None


def _only_does_not_fit(clause: Sequence[str], match: Match) -> bool:
    """ "They're the wrong size": said of the item with nothing sent or received, it does not fit, not a
    mistake in what was sent ("you sent the wrong size" still is; "it's the wrong colour" is not what was
    ordered)."""
    if clause[match.start + 1 : match.end] != ["size"]:
        return False
    before = clause[max(0, match.start - 3) : match.start]
    return not _BEING.isdisjoint(before) and _SENDING_WORDS.isdisjoint(clause)


_BEING = frozenset({"its", "theyre", "is", "are", "was", "were", "be"})
_SENDING_WORDS = frozenset(
    {"sent", "send", "got", "received", "delivered", "came", "arrived", "instead", "ordered", "shipped", "gave"}
)
"""Words that make a wrong size one the shop sent, not one that does not fit."""


def _money_meant(clauses: Sequence[Sequence[str]], index: int, start: int, lexicon: Lexicon) -> bool:
    """ "I was promised a refund and it never came", "you said you'd send the money, it still hasn't
    arrived": "it" stands for the money last named, not the order."""
    clause = clauses[index]
    if not {clause[start], *clause[max(0, start - 2) : start]} & _STAND_INS:
        return False
    for words in (clause[:start], *(clauses[at] for at in range(index - 1, max(-1, index - 3), -1))):
        for word in reversed(words):
            if word in lexicon.money_subjects.keys:
                return not _PROMISED.isdisjoint(words)  # not "I want a refund, it never came"
            if word in _PARCEL_WORDS or order_number_like(word):
                return False
    return False


_PROMISED = frozenset(
    "promised said told approved sent issued processed confirmed agreed owed refunded started raised "
    "authorised authorized".split()
)
"""Words that make the money named an earlier promise, not the one asked for now."""


_STAND_INS = frozenset({"it", "its", "that", "this", "which"})


_OWNING_THE_DELAY = frozenset({"know", "realise", "realize", "aware", "appreciate", "understand", "admit"})
"""Words before "it's late" that make it the customer's own lateness in asking, not a late parcel."""
_WHOLE_ORDER = frozenset({"parcel", "package", "order", "delivery", "it", "everything", "they", "box", "refund"})
"""What "was missing" says of that is the whole order, which never came, not a part of it."""


def gave_the_wrong_number(clauses: Sequence[Sequence[str]]) -> bool:
    """ "Wait, sorry, wrong order. It's A-7004": "wrong order" said alone after owning up, beside another
    order number, puts the number right; nothing was sent wrong."""
    for index, words in enumerate(clauses):
        if list(words[-2:]) != ["wrong", "order"] or not set(words) <= _OWNING_UP | _BARE_WRONG_ORDER:
            continue
        owned = (
            not _OWNING_UP.isdisjoint(words)
            or (index and not _OWNING_UP.isdisjoint(clauses[index - 1]))
            or (index + 1 < len(clauses) and not _OWNING_UP.isdisjoint(clauses[index + 1]))  # "…, I meant A-1301"
        )
        if owned and any(order_number_like(w) for later in clauses[index + 1 :] for w in later):
            return True
    return False


_BARE_WRONG_ORDER = frozenset({"wrong", "order", "the", "a", "my", "bad", "oh", "that", "was", "thats", "its"})
_OWNING_UP = frozenset({"sorry", "oops", "whoops", "wait", "meant", "mean", "gave", "typed"})


_THE_THINGS = frozenset({"the", "its", "their", "this", "that"})


def _negated(clause: Sequence[str], start: int, lexicon: Lexicon) -> bool:
    """Whether a negation just before ``start`` denies the phrase there; a "no" that opens the clause answers
    the agent instead ("no it never came")."""
    before = clause[max(1 if clause[0] in _ANSWERING_NO else 0, start - 3) : start]
    return not _NEGATING.isdisjoint(before) and not any(word in ("still", "yet") for word in before)


def _denied(clause: Sequence[str], start: int) -> bool:
    """Whether a negation just before ``start`` denies a yes phrase: "it has not yet been dispatched", "it
    still hasn't been shipped"; a "no" that opens the clause answers the agent ("no it's been shipped")."""
    before = clause[max(1 if clause[0] in _ANSWERING_NO else 0, start - 3) : start]
    return not _NEGATING.isdisjoint(before) or ("dont" in clause[:start] and not _BELIEVING.isdisjoint(clause[:start]))


_BELIEVING = frozenset({"think", "believe", "reckon", "suppose", "expect"})
"""Words after which "don't" denies what follows: "I don't think it has been dispatched"."""

_ANSWERING_NO = frozenset({"no", "nope", "nah"})
_NEGATING = frozenset(
    {"not", "isnt", "wasnt", "never", "no", "neither", "nor", "none", "hasnt", "havent", "didnt", "doesnt", "wont",
     "cant", "cannot", "couldnt", "wouldnt"}
)  # fmt: skip


def _money_gone(clause: Sequence[str], match: Match) -> bool:
    """Whether a phrase of going ("gone out", "went out") is said of money just before it ("the money's already
    gone out", "the payment went out yesterday"), not of the order."""
    if "gone" not in match.phrase and "went" not in match.phrase:
        return False
    return not _MONEY_GONE.isdisjoint(clause[max(0, match.start - 3) : match.start])


_MONEY_GONE = frozenset({"money", "moneys", "payment", "payments", "funds", "cash"})


def _only_maybe(before: Sequence[str]) -> bool:
    """Whether the words just before a yes or no make it only possible ("I think it might have shipped",
    "maybe it's gone out"), which tells nothing; not "it's not shipped so could you cancel it", "I could have
    sworn it shipped" or "I ordered it in May"."""
    near = before[-3:]
    if not _MAYBE.isdisjoint(near):
        return True
    return any(a in _MIGHT and b in ("have", "be", "already", "not") for a, b in zip(near, near[1:], strict=False))


_MAYBE = frozenset({"maybe", "possibly", "perhaps"})
_MIGHT = frozenset({"might", "may", "could", "mightve", "couldve"})


def _yes_no(
    clauses: Sequence[Sequence[str]], spec: FactField, asked: bool, lexicon: Lexicon, *, person_offered: bool = False
) -> bool | None:
    """The yes or no a message gives a yes-or-no fact: by the policy's phrases for it, or, when it was
    asked, by a plain yes or no. With a colleague offered since it was asked (``person_offered``), a bare
    "no" or "no that's fine" answers that offer; "no email yet" still answers the fact."""
    if spec.no_phrases or spec.yes_phrases:
        no_phrases = _phrase_set(spec.no_phrases)
        yes_phrases = _phrase_set(spec.yes_phrases)
        for clause in clauses:
            if not lexicon.supposing.isdisjoint(clause[:3]):
                continue  # "unless it's gone out already": a case supposed, not told
            denial = (
                next(
                    (
                        m
                        for m in no_phrases.find(clause)
                        if not _in_condition(clause, m, lexicon) and not _asked_about(clause, m)
                    ),
                    None,
                )
                if no_phrases.may_hold(clause)
                else None
            )
            if denial is not None:
                return None if _only_maybe(clause[: denial.start]) else False
            if yes_phrases.may_hold(clause):
                match = next(
                    (
                        m
                        for m in yes_phrases.find(clause)
                        if not _in_condition(clause, m, lexicon)
                        and not _asked_about(clause, m)
                        and not _money_gone(clause, m)
                    ),
                    None,
                )
                if match is not None:
                    return None if _only_maybe(clause[: match.start]) else not _denied(clause, match.start)
    if not asked or not clauses:
        return None
    answer: bool | None = None
    for clause in clauses:
        words = [w for w in clause if w not in lexicon.fillers or w in ("yes", "no")]
        if not words or lexicon.not_knowing.may_hold(words) and has(lexicon.not_knowing, words):
            continue  # "no idea" does not say no
        if person_offered and all(w in _BARE_ANSWER for w in words):
            continue
        if (len(clause) > 1 and clause[1] in _HOLDING_ON) or (len(words) > 1 and words[1] in _HOLDING_ON):
            continue  # "no wait, wrong order", "actually no wait": stopping to put something right, not an answer
        if lexicon.no.may_occur(words[:1]) and (match := lexicon.no.first(words)) is not None and match.start == 0:
            answer = False
        elif words[:2] == ["not", "yet"]:
            answer = False  # "not yet I don't think" to "has it been dispatched yet?"
        elif (short := _short_answer(clause)) is not None:
            answer = short  # "ok it hasn't", "it has"
        elif (
            lexicon.no.may_occur(clause[:2])
            and (whole := lexicon.no.first(clause)) is not None
            and (whole.start == 0 or whole.start == 1 and clause[0] == "i")
            and not has(lexicon.not_knowing, clause)
        ):
            answer = False  # "I don't think so", whose "I think so" are fillers on their own; not "not that I know of"
        elif (
            lexicon.yes.may_occur(words[:1])
            and (match := lexicon.yes.first(words)) is not None
            and match.start == 0
            and not _only_praise(words, match, lexicon)
            and not (match.phrase in _ACKNOWLEDGING and match.end == len(words))
        ):
            answer = True
    return answer


def _short_answer(words: Sequence[str]) -> bool | None:
    """The yes or no of a short answer that says only "it has" or "it hasn't" ("ok it hasn't", "it has not",
    "they haven't yet"), or ``None`` for words that say more than that ("it has a crack")."""
    while words and words[0] in _ACKNOWLEDGING:
        words = words[1:]
    if not 2 <= len(words) <= 3 or words[0] not in _SHORT_SUBJECTS:
        return None
    rest = words[2:]
    if words[1] in _NEGATED_VERBS and set(rest) <= {"yet"}:
        return False
    if words[1] in _PLAIN_VERBS and not rest:
        return True
    if words[1] in _PLAIN_VERBS and rest == ["not"]:
        return False
    return None


_SHORT_SUBJECTS = frozenset({"it", "they", "its", "that", "thats"})
"""What a short answer is said of ("it has", "they haven't")."""
_PLAIN_VERBS = frozenset({"has", "have", "is", "was", "did", "had", "does", "are", "were"})
"""The verb of a short yes ("it has"), or of a short no with "not" after it ("it has not")."""
_NEGATED_VERBS = frozenset({"hasnt", "havent", "isnt", "wasnt", "didnt", "hadnt", "doesnt", "arent", "werent"})
"""The verb of a short no ("it hasn't")."""
_HOLDING_ON = frozenset({"wait", "hang", "hold", "sorry", "oops", "actually", "wrong", "scratch"})
"""Words just after a yes or no that stop to put something right ("no wait", "yes sorry, wrong order")."""
_ACKNOWLEDGING = frozenset({"ok", "okay", "alright", "all right", "right", "fine", "cool", "sure"})
_BARE_ANSWER = frozenset(
    "yes yeah yep yup sure ok okay no nope nah thanks thank you cheers please that thats s its it is fine good "
    "im i am all right ta".split()
)
"""Words of a bare yes or no and its politeness ("no that's fine", "yes please")."""
"""A bare "ok" takes in what the agent said (the hint after "I don't know"); it says no yes to a fact."""


def _asks_of(clauses: Sequence[Sequence[str]], spec: FactField) -> bool:
    """Whether a message asks the agent the yes-or-no fact itself, in the policy's words for it ("can you tell
    me if it's been shipped?"), rather than telling it."""
    phrases = [_phrase_set(spec.yes_phrases), _phrase_set(spec.no_phrases)]
    return any(
        _asked_about(clause, match)
        for clause in clauses
        for found in phrases
        if found.may_hold(clause)
        for match in found.find(clause)
    )


def _only_praise(words: Sequence[str], match: Match, lexicon: Lexicon) -> bool:
    """ "brilliant, cheers" thanks the agent; it does not say yes to "Has your order been dispatched?"."""
    return match.end - match.start == 1 and words[0] in lexicon.praise


def _asked_about(clause: Sequence[str], match: Match) -> bool:
    """ "Can you tell me if it's been shipped?", "has it shipped yet", "hopefully it hasn't gone out yet": the
    customer asks or hopes, and tells nothing; so does "oh wait, has it shipped already?"."""
    if any(word in _ASKING_IF or word in _HOPING for word in clause[: match.start]):
        return True
    opened = next((i for i, word in enumerate(clause[: match.start]) if word not in _BEFORE_ASKING), match.start)
    asking = clause[opened : match.start]
    if asking[:1] and asking[0] in _ASKING_WHAT:
        return True
    if len(asking) > 1 and asking[0] in _ASKING_MODALS and asking[1] in _ASKING_SUBJECTS:
        return True
    return len(asking) > 1 and asking[0] in _ASKING_VERBS and asking[1] in _ASKED_OF


_ASKING_IF = frozenset({"if", "whether"})
_BEFORE_ASKING = frozenset({"oh", "ooh", "wait", "hmm", "hm", "um", "umm", "erm", "er", "uh", "ah", "so", "and", "but",
                            "actually", "sorry", "ok", "okay", "well", "hang", "on", "hold"})  # fmt: skip
"""Words a question may open with before what it asks ("oh wait, has it shipped already?")."""
_HOPING = frozenset({"hopefully", "hope", "hoping", "fingers"})
_ASKING_WHAT = frozenset({"what", "whats", "how", "hows", "why", "which", "who"})
_ASKING_MODALS = frozenset({"will", "would", "can", "could", "should", "shall", "do", "does", "did"})
_ASKING_SUBJECTS = frozenset({"i", "you", "we", "it", "they", "my", "the", "this", "that"})
_ASKING_VERBS = frozenset({"has", "have", "is", "was", "did", "does", "hasnt", "havent", "isnt", "wasnt", "didnt"})
_ASKED_OF = frozenset({"it", "my", "the", "they", "this", "that", "order", "parcel", "package", "mine", "these"})


def _in_condition(clause: Sequence[str], match: Match, lexicon: Lexicon) -> bool:
    """A policy's yes/no words inside what went wrong: "packed" in "my toaster packed up" says nothing of dispatch."""
    for phrases in lexicon.conditions.values():
        if phrases.may_hold(clause):
            for found in phrases.find(clause):
                if (
                    found.start <= match.start
                    and match.end <= found.end
                    and found.end - found.start > match.end - match.start
                ):
                    return True
    return False


def narrow(value: FactValue, today: date | None) -> FactValue:
    """A span of one day is that day."""
    if isinstance(value, Span) and value.high == value.low:
        return value.low
    return value
