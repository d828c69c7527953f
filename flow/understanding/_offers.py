"""Which of the things on offer a clause names: by name or synonym, by a misspelling, by position
("the second one"), or by pointing ("that one").

Misspellings are caught with rapidfuzz's edit-distance ratio on single words, only for words long
enough to tell apart and only when nothing on offer was named outright.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from flow.understanding._fuzzy import closest
from flow.understanding.context import Offer
from flow.understanding.lexicon import Lexicon
from flow.understanding.phrases import PhraseSet

FUZZY_CUTOFF = 80.0
"""The least rapidfuzz ratio (0-100) at which a word counts as a misspelt name: "vouchr" (92) for
"voucher", "exhange" (93) for "exchange". Words under five letters are never matched this way."""
_FUZZY_MIN_LETTERS = 5


@dataclass(frozen=True, slots=True)
class Mention:
    """One thing on offer named in a clause, at words ``start`` to ``end``; ``offer`` is ``None`` when the
    clause points at one thing ("that one") while several are on offer."""

    offer: str | None
    start: int
    end: int
    how: str


_START = operator.attrgetter("start")


@dataclass(frozen=True, slots=True)
class _Names:
    phrases: PhraseSet
    owner: dict[str, str]
    single_words: tuple[str, ...]
    stems: frozenset[str]
    inflected: frozenset[str]
    """Every word whose :func:`stem` is one of ``stems``: a clause with none of them names nothing by a stem."""


_SUFFIXES = ("ping", "ing", "ped", "ed", "es", "s")
_E_DROPPED_FROM = 5
"""The shortest name whose final "e" goes before "-ing" or "-ed" ("pause", "pausing")."""


def _better(words: Sequence[str]) -> bool:
    """ "Would be better", "would suit me better", "is better for me": a size or colour said to be preferred."""
    said = [word for word in words if word not in _AROUND_BETTER]
    return tuple(said) in _BETTER


_BETTER = frozenset(
    {("would", "be", "better"), ("would", "be", "great"), ("would", "be", "good"), ("would", "be", "ideal"),
     ("would", "be", "perfect"), ("would", "suit", "better"), ("would", "work", "better"), ("works", "better"),
     ("is", "better"), ("suits", "better"), ("would", "fit", "better"), ("fits", "better")}
)  # fmt: skip
_AROUND_BETTER = frozenset({"me", "much", "way", "so", "really", "please", "thanks", "for", "tbh", "probably"})


def stem(word: str) -> str:
    """A word without its commonest inflection, so "swapping", "swapped" and "swaps" all name a swap."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@functools.lru_cache(maxsize=512)
def _names(offered: tuple[Offer, ...]) -> _Names:
    owner: dict[str, str] = {}
    for offer in offered:
        for word in (*offer.words, offer.id.replace("_", " "), offer.id.replace("_", "-")):
            # "off peak plan", and as messages keep it, "off-peak plan"
            for phrase in (" ".join(word.lower().replace("-", " ").split()), " ".join(word.lower().split())):
                if phrase and phrase not in owner:
                    owner[phrase] = offer.id
    for phrase, offer_id in list(owner.items()):
        if " " not in phrase:
            owner.setdefault(stem(phrase), offer_id)
            if len(phrase) >= _E_DROPPED_FROM and phrase.endswith("e") and not phrase.endswith("ee"):
                owner.setdefault(phrase[:-1], offer_id)  # "pause": "pausing", "paused" stem to "paus"
    single = tuple(sorted(p for p in owner if " " not in p and len(p) >= _FUZZY_MIN_LETTERS))
    first_words = frozenset(p.split()[0] for p in owner)
    # stem() cuts at most one suffix, so a word stems to one of first_words only if it is one or one plus a suffix.
    forms = first_words | {word + suffix for word in first_words for suffix in _SUFFIXES}
    inflected = frozenset(form for form in forms if stem(form) in first_words)
    return _Names(PhraseSet(owner), owner, single, first_words, inflected)


_LAST_NAMES: list[tuple[tuple[Offer, ...], _Names]] = []
"""The offers last looked up and their names: a conversation asks about the same offers clause after clause."""


def _names_of(offered: tuple[Offer, ...]) -> _Names:
    """``_names(offered)``, without hashing and comparing every offer again when ``offered`` is the very tuple
    looked up last."""
    last = _LAST_NAMES[-1] if _LAST_NAMES else None
    if last is not None and last[0] is offered:
        return last[1]
    names = _names(offered)
    _LAST_NAMES[:] = [(offered, names)]
    return names


def other_one(clause: Sequence[str], offered: tuple[Offer, ...], named: set[str]) -> Mention | None:
    """ "The other one": the one thing on offer the message has not named, when exactly one is left; of two
    offers with neither named, the one said second."""
    if "other" not in clause:
        return None
    for i in range(len(clause) - 1):
        if clause[i] == "other" and clause[i + 1] in ("one", "option", "thing", "choice"):
            left = [o.id for o in offered if o.id not in named]
            if len(left) == 1:
                return Mention(left[0], i, i + 2, "pointing")
            if len(offered) == 2 and not named:
                # "X, or Y": with neither named, "the other one" is the one said second.
                return Mention(offered[1].id, i, i + 2, "pointing")
    return None


def by_description(clause: Sequence[str], offered: tuple[Offer, ...], lexicon: Lexicon) -> list[Mention]:
    """An offer named by two or more words of its description ("the full amount to spend later")."""
    best: list[Mention] = []
    for offer in offered:
        if offer.description.isdisjoint(clause):
            continue
        hits = [
            i
            for i, word in enumerate(clause)
            if len(word) >= 4 and word in offer.description and word not in lexicon.stopwords
        ]
        if len({clause[i] for i in hits}) >= 2:
            best.append(Mention(offer.id, hits[0], hits[-1] + 1, "description"))
    return best if len(best) == 1 else []


def named_mentions(clause: Sequence[str], offers: tuple[Offer, ...], lexicon: Lexicon | None = None) -> list[Mention]:
    """The offers ``clause`` names by a name or a synonym (a word form of one counts), left to right; with
    ``lexicon``, a size or colour asked for names the offer of another one ("swap it for a medium")."""
    if not offers:
        return []
    names = _names_of(offers)
    named = _by_name(clause, names)
    mentions = [m for m in named if not _sent_back(clause, m) and not _in_a_compound(clause, m)]
    if not mentions and lexicon is not None and not any(_in_a_compound(clause, m) for m in named):
        mentions = by_variant(clause, offers, lexicon)
    if not mentions and lexicon is not None and not _FRESH.isdisjoint(clause):
        mentions = _a_new_thing(clause, names)
    if not mentions and lexicon is not None and not _WORKING.isdisjoint(clause):
        mentions = _a_working_thing(clause, names)
    if not mentions and lexicon is not None and not _ORDERING.isdisjoint(clause):
        mentions = _the_thing_ordered(clause, names)
    return mentions


def _sent_back(clause: Sequence[str], mention: Mention) -> bool:
    """ "Can I send mine back?": a name that sends something ("send mine") followed by "back" tells of the
    item going back, not of the offer the name belongs to."""
    after = clause[mention.end : mention.end + 2]
    back = after[:1] == ["back"] or (after[:1] in (["all"], ["straight"], ["them"]) and after[1:] == ["back"])
    return back and not _SENDS.isdisjoint(clause[mention.start : mention.end])


_SENDS = frozenset({"send", "post", "ship", "mail"})


def by_variant(
    clause: Sequence[str], offered: tuple[Offer, ...], lexicon: Lexicon, *, taken: bool = False
) -> list[Mention]:
    """ "in a medium", "for a size 10", "to navy": a size or colour asked for ("can I get it in a medium?",
    "swap it for a large", "in navy instead") names the one offer of another size or colour, if exactly one
    offer is. One only told of ("I ordered a medium") names nothing. With ``taken`` (the offer made or
    already taken, not only wished for), a bare size ("a 12 please") is one asked for too."""
    if not lexicon.variant_kinds or not (
        lexicon.variants.may_hold(clause) or "size" in clause or any(word.isdigit() for word in clause)
    ):
        return []
    owners = [offer.id for offer in offered if _changes_variant(offer, lexicon.variant_kinds)]
    if len(owners) != 1:
        return []
    spans = [(m.start, m.end) for m in lexicon.variants.find(clause)]
    spans += [
        (i, i + 2)
        for i in range(len(clause) - 1)
        if clause[i] == "size" and (clause[i + 1].isdigit() or clause[i + 1] in _LETTER_SIZES)
    ]
    spans += [(i, i + 1) for i in range(1, len(clause)) if _size_number(clause, i, bare=taken)]
    for start, end in sorted(spans):
        lead = start
        while lead > 0 and clause[lead - 1] in lexicon.variant_leads:
            lead -= 1
        if "same" in clause[max(0, start - 2) : start]:
            continue  # "will it be the same model?" asks for no other one
        if "back" in clause[end : end + 2] or not _BACK.isdisjoint(clause[max(0, lead - 2) : lead]):
            continue  # "will I need to send the red one back?": the one going back, not the one wanted
        alone = (
            start == 0
            and (
                all(word in lexicon.variant_after for word in clause[end:])  # "medium please"
                or clause[end : end + 1] in _CONTRASTS  # "size L not M"
                or _better(clause[end:])  # "large would be better"
            )
        )
        wished = _wished_before(clause, lead, lexicon)
        if (lead == start and not alone and not wished) or any(
            word not in lexicon.variant_after and word != "not" for word in clause[end : end + 1]
        ):
            continue  # "a refund for a large order": the size of something else
        asked = (
            wished
            or not lexicon.variant_verbs.isdisjoint(clause[:lead])
            or not lexicon.switch_words.isdisjoint(clause[end:])
            or any(form.end <= lead or form.start >= end for form in lexicon.choice_forms.find(clause))
            or clause[0] in lexicon.question_starts
            and not _HAVING.isdisjoint(clause)
            or lead == 0
            and all(word in lexicon.variant_after for word in clause[end:])  # "a large please", on its own
            or alone
        )
        if asked:
            return [Mention(owners[0], lead, end, "variant")]
    return []


def _wished_before(clause: Sequence[str], at: int, lexicon: Lexicon) -> bool:
    """Whether the word before ``at`` asks for what follows: "I need a 10", "send the black ones", "can I
    have black ones instead?", "I'd rather get the black ones", "I'd like navy", "it should be the blue one", "it
    was meant to be a large"; not "I have black ones"."""
    before = clause[at - 1 : at]
    if before in (["need"], ["want"], ["send"], ["prefer"]):
        return True
    if before == ["like"] and clause[at - 2 : at - 1] in (["id"], ["would"], ["wed"]):
        return True  # "I'd like navy please"
    if before == ["be"] and clause[at - 2 : at - 1] in (["should"], ["to"]):
        return True
    return before in (["have"], ["get"]) and (
        clause[0] in lexicon.question_starts or not lexicon.switch_words.isdisjoint(clause)
    )


def _size_number(clause: Sequence[str], at: int, *, bare: bool = False) -> bool:
    """Whether the number at ``at`` is a size asked for: "in a 12", "for an 8", "can you send the 9?",
    "I need a 10", "size 8, need 9", "a 9 instead of an 8"; with ``bare``, "a 12 please" on its own."""
    word = clause[at]
    if not word.isdigit() or not _SMALLEST_SIZE <= int(word) <= _LARGEST_SIZE:
        return False
    if clause[at - 1] == "need":
        return True
    if at == 1:
        # "a 9 instead of an 8", or "a 12 please" on its own
        return clause[0] in ("a", "an", "the") and (clause[2:3] in _CONTRASTS or bare and set(clause[2:]) <= _POLITE)
    return clause[at - 1] in ("a", "an", "the") and clause[at - 2] in _SIZE_ASKED_BY


_POLITE = frozenset({"please", "pls", "plz", "thanks", "thank", "you", "ta", "cheers"})
"""Words that may follow a bare size said on its own ("a 12 please")."""
_CONTRASTS = (["instead"], ["rather"], ["not"])
"""The word after a size or colour that sets it against the one the customer has: "a 9 instead of an 8"."""

_SIZE_ASKED_BY = frozenset({"in", "for", "need", "want", "send", "get", "have", "order"})
"""Words before "a" or "the" and a number that make the number a size asked for ("send the 9")."""


_SMALLEST_SIZE, _LARGEST_SIZE = 2, 60
"""The numbers read as a size after "in a" (dress and shoe sizes), not a count or an order number."""

_LETTER_SIZES = frozenset({"xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "2xl", "3xl"})
"""Sizes written as letters after "size": "size L", "a size XL"."""

_WORD_SIZES = frozenset({"small", "medium", "large", "petite", "tall", "regular", "long", "short"})
"""Sizes written as words, said alone: "medium please"."""

_HAVING = frozenset({"have", "has", "come", "comes", "available", "get", "make", "sell", "do", "does"})
"""Words of a question that asks whether the item can be had in a size or colour: "do you have it in blue?"."""


def _changes_variant(offer: Offer, kinds: frozenset[str]) -> bool:
    return any(not kinds.isdisjoint(word.split()) for word in offer.words)


def _of_a_charge(clause: Sequence[str], mention: Mention) -> bool:
    """Whether the offer's name is said of a charge only: "refund the delivery fee", "a refund of the
    postage" ask for part of the money, not the offer of it all."""
    after = clause[mention.end : mention.end + 4]
    return not _CHARGES.isdisjoint(after) and "and" not in after


_CHARGES = frozenset({"delivery", "shipping", "postage", "p&p", "fee", "fees", "surcharge"})


def in_compounds(clause: Sequence[str]) -> set[str]:
    """The words of ``clause`` that begin or end the name of a thing ("credit" and "card" in "a credit
    card"), which no offer's details speak of."""
    found: set[str] = set()
    for at in range(len(clause) - 1):
        if clause[at + 1] in _COMPOUNDS:
            found.update(clause[at : at + 2])
    return found


def said_of_it(words: Sequence[str], mention: Mention) -> bool:
    """ "The new one is too big", "the replacement doesn't work either": a name that opens a statement about
    the thing it names, which has come, rather than asks for it."""
    opens = mention.start == 0 or (mention.start == 1 and words[0] in ("the", "my", "this", "that"))
    after = words[mention.end : mention.end + 2]
    if not opens or not after:
        return False
    if after[0] not in _STATING and not (after[0].endswith("ed") and after[0] not in _NOT_TOLD):
        return False  # "the same one leaked", "the new one cracked": what became of it
    return not (after[0] in _BEING and after[1:] and after[1] in _TAKING_IT)  # "credit is fine": taken


def takes_it_after_all(words: Sequence[str]) -> bool:
    """Whether ``words`` take the offer just told of all the same: "so I'll go with that", "fine, I'll take it",
    "I'd like the same"."""
    return _TAKING_IT_AFTER_ALL.first(words) is not None


def told_of_before(words: Sequence[str], mention: Mention) -> bool:
    """ "The last one seems to have got lost", "the last one I exchanged took ages", "my neighbour got a new
    one from you", "I already had a new one last time": a thing of that name told of as had or gone before,
    not one asked for."""
    after = words[mention.end : mention.end + 3]
    opens = mention.start == 0 or (mention.start == 1 and words[0] in ("the", "my", "this", "that"))
    seems_had = after[:1] in (["seems"], ["seemed"]) and after[1:3] == ["to", "have"]
    if opens and (after[:1] and after[0] in _NARRATING or seems_had):
        return True  # "the last one seems to have got lost", "the last one took ages"
    if opens and after[:1] in (["i"], ["we"]) and after[1:2] and after[1].endswith("ed"):
        return True  # "the last one I exchanged took ages": one had before
    said = words[mention.start]
    if mention.end - mention.start == 1 and said.endswith("ed") and words[mention.start - 1 : mention.start] in _DOERS:
        return True  # "the last one I exchanged", "we replaced it before": done before, not asked for
    before = [word for word in words[max(0, mention.start - 3) : mention.start] if word not in ("a", "an", "the")]
    if not before or before[-1] not in _HAD_ONE:
        return False
    subject = before[-2] if len(before) > 1 else ""
    return subject not in _WANTING_ONE or not _BEFORE_NOW.isdisjoint(words)


_DOERS = (["i"], ["we"], ["you"], ["they"], ["he"], ["she"])
_NARRATING = frozenset({"took", "got", "went", "never", "broke", "arrived", "came"})
_TAKING_IT_AFTER_ALL = PhraseSet(
    (
        "ill go with that", "ill go with it", "ill go with the same", "ill take it", "ill take that",
        "ill have that", "ill have the same", "the same please", "id like the same", "so yes", "lets do that",
        "fine ill take", "ill take the same",
    )
)  # fmt: skip
"""Words after a thing told of as had before that take the offer all the same."""
_HAD_ONE = frozenset({"got", "had", "received", "bought"})
_WANTING_ONE = frozenset({"i", "ive", "id", "we", "can", "could", "just", "please", "if"})
_BEFORE_NOW = frozenset({"already", "before", "last", "previously", "earlier", "ago"})
_BEING = frozenset({"is", "was", "are", "were", "sounds", "looks", "seems"})
_NOT_TOLD = frozenset({"need", "needed", "seemed", "sounded", "looked", "suited", "ed"})
_TAKING_IT = frozenset(
    {"fine", "ok", "okay", "good", "great", "perfect", "alright", "best", "better", "enough", "grand", "what",
     "ideal", "lovely", "brilliant", "wonderful", "cool", "acceptable", "preferable", "easier", "easiest"}
)  # fmt: skip


_STATING = frozenset(
    {"is", "was", "are", "were", "isnt", "wasnt", "arent", "doesnt", "didnt", "has", "hasnt", "keeps", "came",
     "arrived", "broke", "stopped", "also", "too", "still", "looks", "fits", "feels"}
)  # fmt: skip


def _a_pause_word(clause: Sequence[str], mention: Mention) -> bool:
    """Whether a one-word name is a verb with its particle that only asks the agent to wait: "hold on, is it
    cheaper?", "let me hold off deciding", "hold up"; "a hold on my account" still names the offer."""
    if mention.end - mention.start != 1 or mention.end >= len(clause) or clause[mention.end] not in _PARTICLES:
        return False
    if clause[mention.start] not in _WAITING_VERBS:
        return False  # "credit on my account" names the credit
    if not _HELD_THINGS.isdisjoint(clause[mention.end + 1 : mention.end + 4]):
        return False  # "hold off my payments", "hold on to my membership", "hold off on the renewal": the offer
    return mention.start == 0 or clause[mention.start - 1] not in _ARTICLES


_PARTICLES = frozenset({"on", "off", "up", "tight"})
_WAITING_VERBS = frozenset({"hold", "hang", "wait"})
_HELD_THINGS = frozenset(
    """membership memberships payment payments charge charges billing renewal renewals subscription account plan
    contract direct debit fees fee it them everything""".split()
)
_ARTICLES = frozenset({"a", "an", "the", "this", "that", "my", "your"})


def _in_a_compound(clause: Sequence[str], mention: Mention) -> bool:
    """Whether a one-word name begins the name of something else: "a credit card", "replacement bulbs", "a
    repair shop", "the exchange rate"."""
    if mention.end - mention.start != 1 or mention.end >= len(clause) or clause[mention.end] not in _COMPOUNDS:
        return False
    if clause[mention.end] not in _VERBS_TOO:
        return True
    # "does the exchange cover a different product?", "what does the repair cover?": the word is what it does
    start = mention.start
    asked = (start >= 1 and clause[start - 1] in _ASKING) or (
        start >= 2 and clause[start - 2] in _ASKING and clause[start - 1] in _OBJECTS
    )
    told_what = mention.end + 1 < len(clause) and clause[mention.end + 1] in _OBJECTS
    return not (asked or told_what)


_COMPOUNDS = frozenset(
    "card cards bulb bulbs part parts shop shops rate rates kit kits centre center centres centers battery "
    "batteries cable cables charger chargers filter filters lid lids head heads strap straps blade blades "
    "pad pads cover covers score limit check note notes agreement".split()
)
"""Words after a one-word name that make it part of the name of something else ("a credit card")."""
_VERBS_TOO = frozenset({"cover", "covers", "check", "note", "limit"})
"""Words of :data:`_COMPOUNDS` that may also say what the offer does ("does the exchange cover sale items?")."""
_ASKING = frozenset({"does", "do", "will", "would", "can", "could", "did"})
_OBJECTS = frozenset({"a", "an", "the", "my", "it", "this", "that", "any", "all", "everything", "them"})


def _by_name(clause: Sequence[str], names: _Names) -> list[Mention]:
    found = names.phrases.find(clause) if names.phrases.may_hold(clause) else ()
    mentions = [Mention(names.owner[m.phrase], m.start, m.end, "name") for m in found]
    if not mentions and not names.inflected.isdisjoint(clause):
        stems = [stem(word) for word in clause]
        if not names.stems.isdisjoint(stems):
            mentions = [Mention(names.owner[m.phrase], m.start, m.end, "name") for m in names.phrases.find(stems)]
    return mentions


def stopped(words: Sequence[str], mention: Mention) -> bool:
    """Whether the offer named is called off by a "stop" just before it ("stop sending it please")."""
    return mention.start > 0 and words[mention.start - 1] == "stop"


def find_mentions(
    clause: Sequence[str],
    offered: tuple[Offer, ...],
    lexicon: Lexicon,
    *,
    focus: str | None = None,
    known: Callable[[str], bool] | None = None,
) -> list[Mention]:
    """The things on offer that ``clause`` names, left to right. Words that ``known`` says are spelt
    right are never taken for a misspelt name. An offer named outright beats a place in the list: in
    "the free return for the second one", "the second one" is the customer's item, not the second offer."""
    if not offered:
        return []
    names = _names_of(offered)
    named = _by_name(clause, names)
    mentions = [
        m
        for m in named
        if not _of_a_charge(clause, m)
        and not _in_a_compound(clause, m)
        and not _a_pause_word(clause, m)
        and not _sent_back(clause, m)
    ]
    if not mentions and any(_in_a_compound(clause, m) for m in named):
        return []  # "do you sell replacement bulbs?": the name of something else, in no other way an offer
    if not mentions:
        mentions += _by_position(clause, offered, lexicon)
    if not mentions and known is not None:
        mentions += _by_spelling(clause, names, lexicon, known)
    if not mentions:
        mentions += by_variant(clause, offered, lexicon, taken=True)
    if not mentions:
        mentions += by_description(clause, offered, lexicon)
    if not mentions:
        mentions += _by_pointing(clause, offered, lexicon, focus)
    if not mentions and not _FRESH.isdisjoint(clause):
        mentions += _a_new_thing(clause, names)
    if not mentions and not _WORKING.isdisjoint(clause):
        mentions += _a_working_thing(clause, names)
    mentions.sort(key=_START)
    return mentions


def _a_new_thing(clause: Sequence[str], names: _Names) -> list[Mention]:
    """ "A new plate please", "send another mug": the item named in place of "one", when an offer is called
    "a new one" or "another one"."""
    if not _SENDING_BACK.isdisjoint(clause):
        return []  # "I want to return another item": a second thing to send back, not a new one
    for i, word in enumerate(clause[:-1]):
        if word in _FRESH and clause[i + 1].isalpha() and clause[i + 1] not in _NOT_THINGS:
            found = _by_name([*clause[: i + 1], "one", *clause[i + 2 :]], names)
            return [m for m in found if m.offer is not None]
    return []


def _a_working_thing(clause: Sequence[str], names: _Names) -> list[Mention]:
    """ "I want one that works", "a toaster that actually works": the working one, when an offer is called
    "a working one"."""
    for i in range(1, len(clause) - 1):
        end = i + 2 if clause[i + 1] == "actually" else i + 1
        if clause[i] != "that" or end >= len(clause) or clause[end] not in _WORKING:
            continue
        if clause[i - 1].isalpha() and clause[i - 1] not in _NOT_THINGS - {"one"}:
            found = _by_name([*clause[: i - 1], "working", "one", *clause[end + 1 :]], names)
            return [
                Mention(m.offer, i - 1, end + 1, m.how)
                for m in found
                if m.offer is not None and m.start < i + 1 <= m.end
            ]
    return []


def _the_thing_ordered(clause: Sequence[str], names: _Names) -> list[Mention]:
    """ "I'd rather have the duvet I ordered", "just send the lamp I ordered": the customer's own item named in
    place of "what I ordered", when an offer is called that; not "the lamp I ordered refunded"."""
    for at, word in enumerate(clause):
        if word not in _ORDERING or at < 3 or clause[at - 1] != "i":
            continue
        start = next((i for i in range(at - 2, max(-1, at - 5), -1) if clause[i] in ("the", "my")), None)
        if start is None:
            continue
        thing = clause[start + 1 : at - 1]
        following = clause[at + 1 : at + 4]
        if following[:1] != ["than"] and not _DONE_TO_IT.isdisjoint(following):
            continue  # "the lamp I ordered refunded", "the rug I ordered collected": done to it, not it again
        if thing and all(w.isalpha() and w not in _NOT_THINGS for w in thing):
            said = [*clause[:start], "what", "i", "ordered", *clause[at + 1 :]]
            return [m for m in _by_name(said, names) if m.offer is not None]
    return []


_ORDERING = frozenset({"ordered", "ordred"})
_DONE_TO_IT = frozenset(
    "refunded refund collected returned back looked repaired fixed checked picked taken sent cancelled canceled".split()
)
_WORKING = frozenset({"works", "work", "working"})
"""Words of a thing that works ("one that works"), which names an offer called "a working one"."""
_FRESH = frozenset({"new", "another"})
_NOT_THINGS = frozenset(
    {"one", "ones", "order", "address", "card", "account", "refund", "request", "label", "purchase", "parcel"}
    | {"day", "days", "week", "weeks", "hour", "minute", "moment", "month", "time", "go", "try", "chance", "look"}
)
_SENDING_BACK = frozenset({"return", "returning", "back", "refund", "refunded"})


def _ordinal(word: str, nxt: str, previous: str, lexicon: Lexicon) -> str:
    if word in lexicon.ordinals or len(word) < 4 or not word.isalpha():
        return word
    if nxt not in lexicon.ordinal_nouns and previous != "the":
        return word
    best = closest(word, tuple(lexicon.ordinals), FUZZY_CUTOFF)
    return best if best is not None else word


def _by_position(clause: Sequence[str], offered: tuple[Offer, ...], lexicon: Lexicon) -> list[Mention]:
    found: list[Mention] = []
    ordinal_nouns = lexicon.ordinal_nouns
    # Without "the" or an ordinal noun no word is looked at as a misspelt ordinal, so only the words
    # themselves can name a place in the list.
    if "the" not in clause and ordinal_nouns.isdisjoint(clause) and _position_words(lexicon).isdisjoint(clause):
        return found
    for i, raw in enumerate(clause):
        index: int | None = None
        nxt = clause[i + 1] if i + 1 < len(clause) else ""
        previous = clause[i - 1] if i else ""
        # Only a word that could be a misspelt ordinal is worth the fuzzy look of _ordinal.
        could_be_ordinal = len(raw) >= 4 and (nxt in ordinal_nouns or previous == "the")
        word = _ordinal(raw, nxt, previous, lexicon) if could_be_ordinal else raw
        if word in lexicon.ordinals and (
            nxt in lexicon.ordinal_nouns or (previous == "the" and nxt in ("", "please", "thanks", "then", "pls"))
        ):
            index = lexicon.ordinals[word]
        elif (
            word in lexicon.option_words
            and nxt in lexicon.option_numbers
            and word != "no"
            or (word == "no" and nxt.isdigit())
        ):
            index = lexicon.option_numbers.get(nxt)
        if index is not None and _options_for(clause[:i]):
            continue  # "what are the options for the second one?": what the offers are for, not one of them
        if index is not None and -len(offered) <= index < len(offered):
            found.append(Mention(offered[index].id, i, i + 2 if nxt in lexicon.ordinal_nouns else i + 1, "position"))
    return found


def _options_for(words: Sequence[str]) -> bool:
    """Whether ``words`` end on "the options for (the)": what follows is what the options are for ("the
    options for the second one"), not one of them ("of those options I'll go for the first one")."""
    tail = [word for word in words[-4:] if word != "the"]
    return len(tail) >= 2 and tail[-1] == "for" and tail[-2] in _OPTIONS


_OPTIONS = frozenset({"options", "choices", "alternatives", "offers"})


_POSITION_WORDS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _position_words(lexicon: Lexicon) -> frozenset[str]:
    """The words that name a place in the list as they are written: ordinals, option words and "no" ("no 2")."""
    known = _POSITION_WORDS.get(id(lexicon))
    if known is None or known[0] is not lexicon:
        words = frozenset(lexicon.ordinals) | lexicon.option_words | {"no"}
        known = _POSITION_WORDS[id(lexicon)] = (lexicon, words)
    return known[1]


def _by_spelling(clause: Sequence[str], names: _Names, lexicon: Lexicon, known: Callable[[str], bool]) -> list[Mention]:
    if not names.single_words:
        return []
    found: list[Mention] = []
    familiar = lexicon.familiar_words
    for i, word in enumerate(clause):
        if len(word) < _FUZZY_MIN_LETTERS or word in lexicon.stopwords or not word.isalpha() or known(word):
            continue
        if word in familiar and word not in names.single_words:
            continue  # a word the lexicon uses is spelt right: "change" is no misspelt "exchange"
        best = closest(word, names.single_words, FUZZY_CUTOFF)
        if best is not None:
            found.append(Mention(names.owner[best], i, i + 1, "spelling"))
    return found


def _by_pointing(
    clause: Sequence[str], offered: tuple[Offer, ...], lexicon: Lexicon, focus: str | None
) -> list[Mention]:
    match = lexicon.deictic.first(clause) if lexicon.deictic.may_hold(clause) else None
    if match is None:
        return []
    if match.phrase in lexicon.pronouns:
        return []
    if focus is not None:
        return [Mention(focus, match.start, match.end, "pointing")]
    if len(offered) == 1:
        return [Mention(offered[0].id, match.start, match.end, "pointing")]
    return [Mention(None, match.start, match.end, "pointing")]


def variant_asked(clauses: Sequence[Sequence[str]], offer: Offer, lexicon: Lexicon) -> str | None:
    """The size or colour asked for with ``offer``, when the offer changes sizes or colours, in words a reply
    can repeat: "can I get it in a large?" gives "a large", "M please" gives "size M", "send the 9" gives
    "size 9", "navy instead" gives "navy"."""
    if not lexicon.variant_kinds or not _changes_variant(offer, lexicon.variant_kinds):
        return None
    for whole in clauses:
        clause = whole[: whole.index("if")] if "if" in whole[1:] else whole  # "XL if you have it"
        rest = [word for word in clause[1:] if word != "size"]
        if clause and clause[0] in _LETTER_SIZES and all(word in lexicon.variant_after for word in rest):
            return f"size {clause[0].upper()}"
        for at in range(len(clause) - 1):
            size = clause[at + 1]
            if clause[at] == "size" and (size.isdigit() or size in _LETTER_SIZES):
                if all(word in lexicon.variant_after for word in clause[at + 2 :]):
                    return f"size {size.upper()}"  # "size 10 please", "exchange please, size 9"
        for at in range(len(clause) - 1):
            if clause[at] in _AGES and _age_range(clause[at + 1]):
                if all(word in lexicon.variant_after for word in clause[at + 2 :]):
                    return f"age {clause[at + 1]}"  # "age 10-11", "aged 7-8 please"
            if clause[at].isdigit() and clause[at + 1] in _MEASURES:
                if all(word in lexicon.variant_after for word in clause[at + 2 :]):
                    return f"{clause[at]} {clause[at + 1]}"  # "34 waist please", "32 leg"
        mention = next(iter(by_variant(clause, (offer,), lexicon, taken=True)), None)
        if mention is not None:
            return _as_said(clause[mention.start : mention.end], lexicon)
    return None


_BACK = frozenset({"return", "returning", "returned", "back"})
"""Words before a size or colour that make it the one going back ("return the red", "send back the red")."""


_MEASURES = frozenset({"waist", "leg", "inch", "inches", "chest", "collar", "length", "cup", "band"})
"""Words after a number that make it a size ("34 waist", "32 leg")."""
_AGES = frozenset({"age", "aged", "ages"})


def _age_range(word: str) -> bool:
    """ "10-11", "7": a child's clothing size by age."""
    low, _, high = word.partition("-")
    return low.isdigit() and (not high or high.isdigit())


_COLOUR_WORDS = frozenset({"silver", "copper", "amber", "lavender", "ochre"})
"""Colours that end as comparatives do, which stay as said."""


def _as_said(words: Sequence[str], lexicon: Lexicon) -> str:
    """A size or colour in words a reply can repeat: leads other than "a" dropped, a bare size number or
    letter named as a size."""
    said = list(words)
    while said and said[0] in lexicon.variant_leads and said[0] not in ("a", "an"):
        said.pop(0)
    if said and said[0] in ("a", "an") and said[1:2] and (said[1].isdigit() or said[1] in _LETTER_SIZES | {"size"}):
        said.pop(0)
    elif said[:1] in (["a"], ["an"]) and len(said) > 1 and said[-1] not in _WORD_SIZES and not said[-1].endswith("er"):
        said.pop(0)  # "a blue one please": "blue", as "a large" stays a size
    if len(said) == 1 and (said[0].isdigit() or said[0] in _LETTER_SIZES):
        return f"size {said[0].upper()}"
    if len(said) == 1 and said[0] in _WORD_SIZES:
        return f"size {said[0]}"  # "medium please": "size medium", as "navy" stays a colour
    if len(said) == 1 and said[0].endswith("er") and said[0] not in _COLOUR_WORDS:
        return f"a {said[0]} one"  # "can I get them shorter?": "a shorter one"
    return " ".join(word.upper() if word in _LETTER_SIZES else word for word in said)
