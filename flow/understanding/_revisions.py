"""Readings of a whole message that revise what its clauses said, once every clause is read.

A request taken back for another in the same message ("I want a refund. Actually no, cancel it instead"),
a choice paused for a question about it ("the credit. Wait, is it valid online?"), a question about what
was chosen or about what happens next after a request was granted, and a problem told or a shrug in
answer to "are you happy with how it was sorted out?".
"""

from __future__ import annotations

from collections.abc import Sequence

from flow.models import Act
from flow.understanding._choices import NOT_YET_THERE, NOTICES, SET_UP_THINGS, says_missing
from flow.understanding._drops import correction_end
from flow.understanding._found import Found, has
from flow.understanding._offers import find_mentions
from flow.understanding.asides import SETTLED_WORDS, asks_if_settled
from flow.understanding.clauses import Clause
from flow.understanding.context import Context
from flow.understanding.lexicon import Lexicon


def not_satisfied(clauses: list[Clause], found: Found, chosen: str | None = None) -> None:
    """To "are you happy with how it was sorted out?", a problem told ("the new one hasn't arrived", "yes
    but the email never came", "the credit isn't on my account", "I can't see the credit anywhere") or a
    shrug ("meh", "sort of") is a no; a grumble beside a yes ("mostly yes, took a while though") is not.
    "No credit" or "can't see the credit" says what was set up is missing, not that it is turned down."""
    missing_clauses = [clause for clause in clauses if says_missing(clause.words)]
    missing = bool(missing_clauses)
    if missing and all(_only_paperwork(clause.words) for clause in missing_clauses):
        # "didn't get the email but the credit is showing", "yes all good, haven't had the email": only the
        # email is missing, and what mattered is there
        missing = not any(_fine_now(clause) for clause in clauses if clause not in missing_clauses)
    if missing and chosen is not None:
        found.acts = [(at, act) for at, act in found.acts if not (act.kind == "reject" and act.target == chosen)]
    kinds = found.kinds()
    told = any(act.kind == "provide" and act.target == "condition" for _, act in found.acts)
    waiting = "ask_status" in kinds and "affirm" not in kinds
    misfits = any(_does_not_fit(clause.words) for clause in clauses)  # "the new one is too small as well"
    objected = any(_objects_after_but(clause.words) or charged_again(clause.words) for clause in clauses)
    problem = told or waiting or misfits or missing or objected or ("complain" in kinds and "affirm" not in kinds)
    lukewarm = any(tuple(clause.words) in _LUKEWARM for clause in clauses)
    if not (problem or lukewarm) or "deny" in kinds:
        return
    found.drop("affirm")
    found.drop("unknown")
    found.add(-1, Act.of("deny"))


def _only_paperwork(words: Sequence[str]) -> bool:
    """Whether what a clause says is missing is only an email or a link about what was set up."""
    return not NOTICES.isdisjoint(words) and _WHAT_MATTERS.isdisjoint(words)


def _fine_now(clause: Clause) -> bool:
    """ "The credit is showing on my account", "yes all good", "I got the credit": what was set up said to be
    there, or all said to be well."""
    words = clause.words
    if set(zip(words, words[1:], strict=False)) & _NO_MATTER:
        return True  # "didn't get an email but doesn't matter"
    if clause.question or not NOT_YET_THERE.isdisjoint(words):
        return False
    matters = not _WHAT_MATTERS.isdisjoint(words)
    there = not _THERE_NOW.isdisjoint(words) or ("account" in words and matters)
    got = matters and not _HAVING_IT.isdisjoint(words)
    return there or got or not _ALL_WELL.isdisjoint(words)


_HAVING_IT = frozenset({"got", "have", "spent", "used", "yes", "yeah", "on"})


_WHAT_MATTERS = SET_UP_THINGS - NOTICES
_THERE_NOW = frozenset(
    {"showing", "shows", "arrived", "came", "received", "through", "landed", "appeared", "there", "here"}
)
_NO_MATTER = frozenset(
    {("doesnt", "matter"), ("no", "matter"), ("dont", "mind"), ("not", "bothered"), ("no", "worries")}
)
_ALL_WELL = frozenset({"good", "fine", "sorted", "happy", "great", "perfect", "brilliant", "lovely"})


def charged_again(words: Sequence[str]) -> bool:
    """ "I was still charged this month", "they charged me again today", "another payment came out": a charge
    after the one the purchase was; not "I wasn't charged again" or "I still have the payment confirmation"."""
    for at, word in enumerate(words):
        if word not in _CHARGED:
            continue
        near = words[max(0, at - 3) : at + 3]
        if words[at + 1 : at + 5] and not _EVEN_SO.isdisjoint(words[at + 1 : at + 5]):
            near = [*near, "still"]  # "I've been charged for it anyway", once it was cancelled
        if _ONCE_MORE.isdisjoint(near) or (NOT_YET_THERE - {"still"}) & set(words[max(0, at - 3) : at]):
            continue  # "I wasn't charged again": no charge
        if word in _CHARGE_NOUNS and not {"another", "second"} & set(words[max(0, at - 2) : at]):
            continue  # "I still have the payment confirmation": the first payment, not another
        return True
    return False


_CHARGED = frozenset({"charged", "billed", "debited", "charge", "payment", "renewed"})
_CHARGE_NOUNS = frozenset({"charge", "payment"})
_ONCE_MORE = frozenset({"again", "still", "another", "second"})
_EVEN_SO = frozenset({"anyway", "anyways", "regardless"})


def _objects_after_but(words: Sequence[str]) -> bool:
    """ "But the label never came through", "though I haven't had the email": a problem with what was set up,
    told after a yes; not "but I haven't had a chance to spend it yet"."""
    at = next((i for i, word in enumerate(words) if word in ("but", "though", "except")), None)
    if at is None:
        return False
    after = words[at + 1 :]
    return not NOT_YET_THERE.isdisjoint(after) and not _GONE_WRONG.isdisjoint(after)


_GONE_WRONG = frozenset(
    """came come arrived arrive received through showing showed appeared appear work works working fit fits
    email label credit refund money parcel replacement sent""".split()
)


def _does_not_fit(words: Sequence[str]) -> bool:
    """ "Too small", "still too big", "doesn't fit": what was sent does not fit."""
    pairs = set(zip(words, words[1:], strict=False))
    return any(("too", size) in pairs for size in _SIZES) or bool(pairs & _NOT_FITTING)


_SIZES = frozenset({"small", "big", "large", "tight", "loose", "short", "long", "narrow", "wide"})
_NOT_FITTING = frozenset({("doesnt", "fit"), ("dont", "fit"), ("didnt", "fit"), ("not", "fit"), ("wont", "fit")})


_LUKEWARM = frozenset(
    {("meh",), ("so", "so"), ("so-so",), ("kind", "of"), ("sort", "of"), ("not", "quite"), ("could", "be", "better"),
     ("not", "entirely"), ("not", "completely"), ("not", "totally"), ("ish",), ("partly",), ("sort", "of", "ish")}
)  # fmt: skip
"""Lukewarm answers to "are you happy with it?", which are not a yes."""


def switched_request(clauses: list[Clause], lexicon: Lexicon, found: Found) -> None:
    """ "I want a refund. Actually no, cancel the order instead": a request taken back for another one in the
    same message leaves only the other."""
    if "request" not in found.kinds():
        return
    if "choose" in found.kinds():
        _wish_taken_back(clauses, lexicon, found)
    made = sorted((at, act) for at, act in found.acts if act.kind == "request" and not act.negated)
    for (first_at, first_act), (then_at, then_act) in zip(made, made[1:], strict=False):
        if first_act.target == then_act.target:
            continue
        start, end = first_at // 1000, then_at // 1000
        later = clauses[start + 1 : end + 1]
        taken_back = any(
            (has(lexicon.corrections, c.words) and not meant_to_back_then(c.words)) or correction_end(c.words, lexicon)
            for c in later
        )
        if not taken_back and not _instead(clauses[end].words):
            continue
        found.acts = [
            (at, act)
            for at, act in found.acts
            if (at, act) != (first_at, first_act) and not (act.kind == "deny" and first_at < at < then_at)
        ]


def meant_to_back_then(words: Sequence[str]) -> bool:
    """ "I meant to cancel before it renewed": what the customer meant to do back then, not a request put right."""
    pairs = set(zip(words, words[1:], strict=False))
    if ("meant", "to") not in pairs:
        return False
    return not _BACK_THEN.isdisjoint(words[words.index("meant") + 2 :])


_BACK_THEN = frozenset({"before", "but", "forgot", "ages", "earlier", "last", "when", "then", "already"})


def _wish_taken_back(clauses: list[Clause], lexicon: Lexicon, found: Found) -> None:
    """ "I'd like to exchange it for a bigger size. Actually wait, can I just get a refund?": an alternative
    asked for, then taken back for a request, leaves only the request."""
    requests = [at for at, act in found.acts if act.kind == "request" and not act.negated]
    for chosen_at, chosen in [(at, act) for at, act in found.acts if act.kind == "choose" and not act.negated]:
        start = chosen_at // 1000
        for then_at in requests:
            end = then_at // 1000
            if end <= start:
                continue
            later = clauses[start + 1 : end + 1]
            if any(
                has(lexicon.corrections, c.words) or correction_end(c.words, lexicon) or c.words[:1] in _SECOND_THOUGHTS
                for c in later
            ):
                found.acts = [(at, act) for at, act in found.acts if (at, act) != (chosen_at, chosen)]
                break


_SECOND_THOUGHTS = (["actually"], ["wait"], ["hmm"])
"""How a clause that thinks again opens ("Actually wait, can I just get a refund?")."""


def _instead(words: Sequence[str]) -> bool:
    """ "Cancel it instead", not "instead of credit"."""
    return "instead" in words and any(
        word == "instead" and words[i + 1 : i + 2] != ["of"] for i, word in enumerate(words)
    )


def paused_choice(clauses: list[Clause], lexicon: Lexicon, found: Found) -> None:
    """ "The credit. Wait, is it valid online?": a choice paused for a question about it is not made yet, nor
    one whose price is asked ("the cheaper plan, how much is it?")."""
    holds = [
        index * 1000
        for index, clause in enumerate(clauses)
        if clause.words[:1] == ["wait"] or has(lexicon.taking_time, clause.words) or _asks_price(clause)
    ]
    if not holds:
        return
    asked = [(at, act.target) for at, act in found.acts if act.kind == "ask_about"]
    found.acts = [
        (at, act)
        for at, act in found.acts
        if not (act.kind == "choose" and any(to == act.target and any(at < h <= q for h in holds) for q, to in asked))
    ]


def leaning_with_a_question(clauses: list[Clause], found: Found) -> None:
    """ "The exchange sounds better, but can I pick something cheaper?", "I think the credit, will it work
    online?": an offer leaned to, with a question after it, waits for the answer; it is asked about, not
    taken. "I'll take the credit. Can I use it online?" takes it."""
    asking = [index * 1000 for index, clause in enumerate(clauses) if clause.question and "why" not in clause.words]
    if not asking:
        return
    found.acts = [
        (at, Act.of("ask_about", act.target) if _leaned_to(clauses, at, act) and at < max(asking) else act)
        for at, act in found.acts
    ]


def _leaned_to(clauses: list[Clause], at: int, act: Act) -> bool:
    clause = _clause_at(clauses, at)
    return act.kind == "choose" and bool(act.target) and clause is not None and not _LEANING.isdisjoint(clause.words)


_LEANING = frozenset({"sounds", "think", "probably", "maybe", "perhaps", "leaning", "might", "guess", "tempted"})
"""Words that lean to an offer without taking it: "the exchange sounds better", "I think the credit"."""


def weighed_choice(clauses: list[Clause], found: Found) -> None:
    """ "Hmm, what about the exchange, can I swap for a different brand?": an offer brought up with "what
    about" and then asked about in a question is weighed, not taken; taking it is said plainly ("the
    exchange then, please")."""
    weighing = set()
    for at, act in found.acts:
        clause = _clause_at(clauses, at)
        if act.kind == "ask_about" and clause is not None and _what_about(clause.words):
            weighing.add(act.target)
    if not weighing:
        return
    kept = []
    for at, act in found.acts:
        clause = _clause_at(clauses, at)
        asked = clause is not None and clause.question and "please" not in clause.words
        if not (act.kind == "choose" and act.target in weighing and asked):
            kept.append((at, act))
    found.acts = kept


def _clause_at(clauses: list[Clause], at: int) -> Clause | None:
    index = at // 1000
    return clauses[index] if 0 <= index < len(clauses) else None


def _what_about(words: Sequence[str]) -> bool:
    return tuple(_past_openers(words)[:2]) in (("what", "about"), ("how", "about"))


def _past_openers(words: Sequence[str]) -> Sequence[str]:
    """``words`` after those that only open a question ("hmm, what about…", "ok so what now")."""
    start = 0
    while start < len(words) - 1 and words[start] in _OPENERS:
        start += 1
    return words[start:]


_OPENERS = frozenset(
    {"hmm", "hm", "um", "erm", "ok", "okay", "so", "and", "well", "right", "great", "thanks", "cool", "alright",
     "then"}
)  # fmt: skip


def _asks_price(clause: Clause) -> bool:
    """ "How much is it?", "what does it cost?": a question whose answer may change the choice."""
    words = clause.words
    if not clause.question:
        return False
    return not _PRICE.isdisjoint(words) or any(
        a == "how" and b == "much" for a, b in zip(words, words[1:], strict=False)
    )


_PRICE = frozenset({"cost", "costs", "price", "priced"})


def status_of_chosen(clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found) -> None:
    """After a choice, "how long will the replacement take?" asks about what was chosen, named by one of
    its names, not about where a refund has got to."""
    if context.chosen_offer is None:
        return
    offers = (context.chosen_offer, *context.offered)
    for index, clause in enumerate(clauses):
        if clause.question and any(m.offer == context.chosen for m in find_mentions(clause.words, offers, lexicon)):
            found.drop("ask_status")
            found.add(index * 1000, Act.of("ask_about", context.chosen))
            return


def new_one_taken(clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found) -> None:
    """After a choice, "how long will the new one take?" asks about what was chosen (an exchange sends a
    new one too), not about another offer that "new one" also names, unless that offer's own name is said."""
    if context.chosen is None:
        return
    others = tuple(offer for offer in context.offered if offer.id != context.chosen)
    for index, clause in enumerate(clauses):
        if not clause.question:
            continue
        asked = [at for at, act in found.acts if act.kind == "ask_about" and at // 1000 == index]
        if not asked or any(act.target == context.chosen for _, act in found.acts if act.kind == "ask_about"):
            continue
        mentions = find_mentions(clause.words, others, lexicon)
        if mentions and all(" ".join(clause.words[m.start : m.end]) in _ANY_NEW_ONE for m in mentions):
            found.acts = [(at, act) for at, act in found.acts if not (act.kind == "ask_about" and at in asked)]
            found.add(index * 1000, Act.of("ask_about", context.chosen))


_ANY_NEW_ONE = frozenset({"new one", "new ones", "another one", "new pair", "new set", "the new one", "a new one"})
"""Names of a replacement that fit whatever sends the customer another item."""


def about_what_was_done(
    clauses: list[Clause], context: Context, found: Found, also: frozenset[str] = frozenset()
) -> None:
    """After a request was granted, "how long will it take?" or "will I get an email?" asks how it goes
    from here: a question about its status, not a new message to puzzle over. ``also`` are other kinds of
    act the message may have besides (the complaint of a message in capitals)."""
    if context.state != "follow_up" or context.chosen is not None:
        return
    for index, clause in enumerate(clauses):
        if _asks_what_next(clause.words) and not found.kinds() - {"thank", "affirm", "unknown", *also}:
            found.add(index * 1000 + 6, Act.of("ask_status"))  # "what happens now?" once it is under way
            return
        if not clause.question or (
            _WHAT_HAPPENS_NEXT.isdisjoint(clause.words) and not asks_if_settled(set(clause.words))
        ):
            continue
        if tuple(clause.words[:2]) in _ASKING_TO_HAVE:
            return  # "can I get them in a 32 leg?" asks for something, not after what was done
        if not _SENDING_IT_BACK.isdisjoint(clause.words) and "money" not in clause.words:
            continue  # "do I pay for sending it back?": how to return the item, not how the refund goes
        if "ask_policy" in found.kinds():
            if not _how_long_this_takes(clause.words):
                return  # a question about the rules, asked after the grant
            found.drop("ask_policy")  # how long this one takes, not how long refunds take in general
        if context.focus is not None and context.focus != context.chosen:
            found.add(index * 1000, Act.of("ask_about", context.focus))  # the offer just described, not the grant
            return
        found.add(index * 1000 + 6, Act.of("ask_status"))
        return


def _how_long_this_takes(words: Sequence[str]) -> bool:
    """ "How long will it take?", "how many days until I see it?": the wait for what was just done."""
    if "long" in words and not _TAKES.isdisjoint(words):
        return True
    return any(
        words[at : at + 2] in (["many", "days"], ["many", "weeks"]) and not _UNTIL.isdisjoint(words[at + 2 : at + 5])
        for at in range(len(words))
    )


_UNTIL = frozenset({"until", "till", "til", "before", "take", "takes"})


def _asks_what_next(words: Sequence[str]) -> bool:
    """ "What happens now?", "so what next", "what do I do now?", "what are the next steps?"."""
    rest = tuple(_past_openers(words))
    if rest[:2] in (("what", "now"), ("what", "next"), ("whats", "next"), ("next", "steps")):
        return len(rest) <= 3
    if rest[:2] == ("what", "happens"):
        return len(rest) == 2 or rest[2] in _NOW
    if rest[:4] in (("what", "do", "i", "do"), ("what", "should", "i", "do"), ("what", "do", "i", "need")):
        return "now" in rest or "next" in rest or rest[4:6] == ("to", "do")
    return "next" in rest and "steps" in rest and rest[:1] == ("what",)


_NOW = frozenset({"now", "next", "then"})
_TAKES = frozenset({"take", "takes", "taking"})
_ASKING_TO_HAVE = frozenset((verb, person) for verb in ("can", "could", "may") for person in ("i", "we"))


_SENDING_IT_BACK = frozenset({"sending", "send", "post", "posting", "postage", "returning", "ship", "shipping"})
"""Words of the customer sending the item back, which a question about the refund under way does not have."""
_WHAT_HAPPENS_NEXT = SETTLED_WORDS | frozenset(
    """long when email emails confirmation confirm money card bank account arrive arrives take takes receive
    get days soon quickly notified notification back catch received receives""".split()
)
