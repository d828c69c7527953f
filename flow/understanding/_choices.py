"""Choosing, turning down and asking about what is on offer, clause by clause.

Each thing the clause names (:mod:`flow.understanding._offers`) is chosen, turned down (a negation
before it, "rather X than Y", "keep your X", "X is no good") or asked about (a question that is not
really a request: "how does the exchange work?" asks, "can I have the exchange?" chooses). A pronoun in
a later question ("can I use it on sale items?") asks about the last thing named. When nothing is
named anywhere in the message, a bare yes or no answers what is on offer: one thing, or several
(an ambiguous choice, or a refusal of all). After a choice was made (in follow-up), only naming another
offer switches to it; a bare yes or no answers the agent's question instead.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from flow.models import Act
from flow.understanding._found import Found, dismayed, first, has, only, starts_with
from flow.understanding._offers import (
    Mention,
    by_variant,
    find_mentions,
    in_compounds,
    named_mentions,
    other_one,
    said_of_it,
    stopped,
    takes_it_after_all,
    told_of_before,
)
from flow.understanding._request_cues import speaks_of_another_order
from flow.understanding._text import NUMBER
from flow.understanding.asides import asks_if_settled
from flow.understanding.clauses import Clause, opens_with_wh
from flow.understanding.context import Context, Offer
from flow.understanding.lexicon import Lexicon

_SOFTENERS = frozenset({"just", "please", "maybe", "perhaps", "actually", "possibly", "kindly", "then", "so"})
_COORDINATION = frozenset({"or", "and", "nor", "a", "an", "the", "any", "either", "your", "that", "this"})
_DETERMINERS = frozenset({"the", "a", "an", "my", "that", "this", "some", "your"})
_REFERRING = frozenset({"it", "that", "this", "they", "them", "one", "its"})
_BOTH_OF_THEM = frozenset({"them", "both", "those", "these", "two", "options"})
_TIME_WORDS = frozenset(
    """morning afternoon evening tonight tomorrow am pm oclock noon midday lunchtime monday tuesday wednesday thursday
    friday saturday anytime""".split()
)
_TOPIC_WORDS = (
    _SOFTENERS
    | _COORDINATION
    | _DETERMINERS
    | frozenset(
        {
            "thing",
            "option",
            "bit",
            "idea",
            "offer",
            "about",
            "what",
            "and",
            "um",
            "umm",
            "hmm",
            "er",
            "erm",
            "ok",
            "okay",
            "with",
            "for",
            "if",
            "regarding",
            "re",
        }
    )
)
"""Words around an offer named as the topic of the question that follows: "um, the voucher thing"."""
_WONT = frozenset({"isnt", "wont", "doesnt", "not", "aint"})
_USE = frozenset({"help", "helpful", "work", "works", "use", "good", "do", "going"})
"""After an offer, "isn't going to help", "won't work", "is no good" turn it down."""


def _too_dear(after: Sequence[str]) -> bool:
    """ "(the off-peak plan) is still too expensive", "is unaffordable", "is more than I can afford"."""
    if "unaffordable" in after:
        return True
    while after[:1] and after[0] in _OFFER_NOUNS:
        after = after[1:]  # "(the cheaper) plan is still too expensive"
    if not _WONT.isdisjoint(after[:2]):
        return False  # "isn't too expensive, is it?"
    if after[:1] not in (["is"], ["would"], ["still"], ["seems"], ["sounds"], ["looks"], ["will"], ["s"]):
        return False  # "the cheaper plan, as the full one is too expensive": said of another thing
    return any(a == "too" and b in _DEAR for a, b in zip(after, after[1:], strict=False)) or (
        "afford" in after and not _CANT_OR_MORE.isdisjoint(after)
    )


def _cannot_afford(before: Sequence[str]) -> bool:
    """ "I can't afford any plan right now, even (a cheaper one)": what cannot be afforded reaches the offer,
    with no turn to taking it ("I can't afford the full one, so the cheaper plan")."""
    if "afford" not in before:
        return False
    at = len(before) - 1 - before[::-1].index("afford")
    return not _CANT.isdisjoint(before[max(0, at - 2) : at]) and _TAKING_INSTEAD.isdisjoint(before[at + 1 :])


_OFFER_NOUNS = frozenset({"plan", "one", "option", "membership", "thing", "deal", "idea"})
_DEAR = frozenset({"expensive", "costly", "dear", "pricey", "much"})
_CANT = frozenset({"cant", "cannot", "not", "couldnt", "dont"})
_CANT_OR_MORE = _CANT | {"than"}
"""Words with "afford" that say an offer costs too much ("can't afford", "more than I can afford")."""
_TAKING_INSTEAD = frozenset({"so", "but", "take", "ill", "then", "instead", "please", "happy", "fine", "ok"})


_ADDING = frozenset({"and", "also", "plus"})
"""Words opening a question that add it to the choice before: "the exchange, and how soon will it ship?"."""
CALLBACK = "callback"
_RESIGNED = frozenset({"fine", "ok", "okay", "alright", "whatever", "well", "then", "oh", "so", "right"})
"""Words of a customer giving in: "fine, I'll take the exchange"."""
_COMPARING = frozenset({"difference", "differences", "compare", "compared", "comparison", "versus", "vs"})
_WHICH_ASKS = frozenset(
    {
        "better",
        "best",
        "quicker",
        "quickest",
        "faster",
        "fastest",
        "sooner",
        "easier",
        "recommend",
        "suggest",
        "prefer",
        "should",
        "cheaper",
        "simpler",
        "worth",
    }
)
_THANKS = frozenset({"thanks", "thank", "thx", "ty", "cheers", "ta"})
_STRONG_YES = frozenset({"yes", "yeah", "yep", "yup", "please", "sure", "definitely", "perfect", "great", "go", "do"})
_WEAK_YES = frozenset({"ok", "okay", "alright", "fine", "right", "cool", "sure", "then", "well"})
"""Words that agree with what is on offer only when nothing else is said: "ok, thanks, bye" is leaving."""
_ASKING_TO_DO = frozenset(
    {("can", "i"), ("could", "i"), ("can", "we"), ("could", "we"), ("can", "you"), ("could", "you"), ("may", "i")}
)
"""A question that asks to do the very thing on offer ("can I swap it?") chooses it."""


def read_choices(
    clauses: list[Clause],
    context: Context,
    lexicon: Lexicon,
    found: Found,
    *,
    irony: bool,
    abusive: bool,
    known: Callable[[str], bool] | None = None,
) -> list[list[Mention]]:
    """Add the choices, refusals and questions about offers; return the mentions found in each clause."""
    if not context.offered:
        return [[] for _ in clauses]
    acknowledging = acknowledges(clauses, context, lexicon)
    mentioned = [find_mentions(c.words, context.offered, lexicon, focus=context.focus, known=known) for c in clauses]
    if context.chosen_offer is not None:
        mentioned = [
            _not_the_chosen(c.words, ms, context.chosen_offer) for c, ms in zip(clauses, mentioned, strict=True)
        ]
    named = {m.offer for ms in mentioned for m in ms if m.offer}
    for index, clause in enumerate(clauses):
        extra = other_one(clause.words, context.offered, named)
        if extra is not None and not mentioned[index]:
            mentioned[index].append(extra)
    last: str | None = None
    topic: tuple[int, str | None] | None = None
    ironic_until = _last_ironic(clauses, lexicon) if irony else -1
    mocked: str | None = None
    for index, (clause, mentions) in enumerate(zip(clauses, mentioned, strict=True)):
        position = index * 1000
        if irony and index <= ironic_until:
            mocked = next((m.offer for m in mentions if m.offer), mocked)
        elif mocked is not None and all(m.how == "pointing" for m in mentions) and _takes_it(clause.words, lexicon):
            # "Oh, credit on my account, how generous. Fine, I'll take it": mocked, and taken all the same
            found.drop("ask_about")
            found.add(position, Act.of("choose", mocked))
            continue
        if mentions and clause.words[0] == "if" and not clause.question:
            continue
        if (
            mentions
            and supposes(clause.words)
            and (clause.words[0] != "if" or clause.question)
            and lexicon.negators.isdisjoint(clause.words)
        ):
            # "and if I choose the exchange, can I swap it for a sale item?": supposed, to ask about it
            for mention in mentions:
                if mention.offer is not None:
                    found.add(position + mention.start, Act.of("ask_about", mention.offer))
                    last = mention.offer
            continue
        if mentions and context.chosen is not None and _on_a_fallback(clauses, index, lexicon):
            continue  # "if you can't do a different size, I'd rather have store credit": only should it fail
        if mentions and context.state == "follow_up" and speaks_of_another_order(clause.words):
            continue  # "can I return another order, B-7654?": a request for that order, not the free return
        if mentions:
            mentions = _without_second_best(clause.words, mentions, [m for ms in mentioned[:index] for m in ms])
            weighing = _weighed(clause.words, mentions)
            if (
                weighing
                and _either_will_do(clauses, index, lexicon)
                and lexicon.negators.isdisjoint(clause.words[: mentions[0].start])
            ):
                # "I'd like it fixed or replaced", "repair or replace, whichever": either, the agent asks which
                named_offers = tuple(dict.fromkeys(m.offer for m in mentions if m.offer))
                found.add(position + mentions[0].start, Act.of("choose", candidates=named_offers))
                continue
            for mention in mentions:
                if context.state == "follow_up" and said_of_it(clause.words, mention):
                    continue  # "the new one is too big now", once it was set up: what came, not an offer taken
                if _buys_it_elsewhere(clause.words, mention):
                    continue  # "I'll just buy a new one elsewhere": the customer's own, not the replacement
                if (
                    not clause.question
                    and told_of_before(clause.words, mention)
                    and not any(takes_it_after_all(later.words) for later in clauses[index:])
                ):
                    # "my neighbour got a new one from you", "the last one seems to have got lost"; but "my sister
                    # got store credit and loved it, so I'll go with that" takes it all the same
                    continue
                if mention.how == "position" and index and not _ARRIVING.isdisjoint(clauses[index - 1].words):
                    continue  # "it's arrived now! the first one": the parcel that came, not the first offer
                if _thinks_it_over(clause.words[: mention.start]) and not clause.question:
                    continue  # "bye for now, I'll think about the downgrade": weighed, not taken
                act = _offer_act(clause, mention, context, lexicon, abusive=abusive)
                if (
                    act.kind == "choose"
                    and clause.words[:1] == ["even"]
                    and len(clause.words) <= mention.end + 1
                    and index
                    and _cannot_afford(clauses[index - 1].words)
                ):
                    act = Act.of("reject", mention.offer)  # "I can't afford any plan now, even a cheaper one"
                if act.kind == "choose" and (
                    weighing
                    or topic_of_question(clauses, index, mentions, lexicon)
                    or (topic == (index, mention.offer) and not _asks_to_have(clause.words, lexicon))
                    or (clause.question and _plans_on(clause.words[mention.end :]))
                    or (clause.question and _goes_back(clause.words, mention))
                ):
                    act = Act.of("ask_about", mention.offer)
                    topic = (index + 1, mention.offer)
                if act.kind == "choose" and irony and not _settles(clauses, index, mention, ironic_until, lexicon):
                    continue
                found.add(position + mention.start, act)
                last = mention.offer or last
            continue
        pointed = last if last is not None else _still_about(clause, context, lexicon)
        if (
            len(context.offered) > 1
            and not _BOTH_OF_THEM.isdisjoint(clause.words)
            and _compares(clause.words, lexicon)
            and not any(mentioned)
        ):
            found.add(position, Act.of("ask_about", "all"))  # "what's the difference between them?"
            continue
        if pointed is not None and clause.question and not _REFERRING.isdisjoint(clause.words):
            if _asks_to_have(clause.words, lexicon):
                found.add(position, Act.of("choose", pointed))
            elif not lexicon.asks_why(clause.words, " ".join(clause.words)) and not has(lexicon.why_cues, clause.words):
                found.add(position, Act.of("ask_about", pointed))
                mentioned[index].append(Mention(pointed, 0, 0, "pointing"))
            continue
        detailed = _in_details(clause, context, lexicon) if clause.question and not any(mentioned) else None
        if detailed is not None:
            found.add(position, Act.of("ask_about", detailed))
            if detailed != "all":
                mentioned[index].append(Mention(detailed, 0, 0, "details"))
            continue
        if context.state == "offering_alternatives" and not any(mentioned) and _waits_it_out(clause, lexicon):
            found.add(position + 9, refusal(context))  # "I'll wait a bit longer then": neither, for now
            continue
        if not (any(mentioned) or irony or context.yes_takes_offer) and _compares_the_offers(clause, context, lexicon):
            found.add(position, Act.of("ask_about", "all"))  # "what's the difference?" with offers made beside a grant
            continue
        if any(mentioned) or irony or not context.yes_takes_offer:
            continue
        if _weakly_agrees(clause.words, lexicon) and (
            _leaving(clauses, lexicon)
            or _mulls(clauses[index + 1 :], lexicon)
            or _asks_for_person(clauses[index + 1 :], lexicon)
        ):
            continue
        if set(clause.words) <= _SEEING and any(later.question for later in clauses[index + 1 :]):
            continue  # "oh ok. can I just not accept the delivery?": heard, and asking, not taking
        if index and _looked_in_vain(clauses[index - 1].words, clause.words):
            continue
        _bare_answer(clause, position, context, lexicon, found, acknowledging=acknowledging)
    _named_then_refused(clauses, mentioned, lexicon, found)
    _still_weighing(clauses, found)
    _split_between(clauses, found)
    _all_refused(context, found)
    _settle_pointing(found)
    return mentioned


def _named_then_refused(clauses: list[Clause], mentioned: list[list[Mention]], lexicon: Lexicon, found: Found) -> None:
    """ "Store credit. No thanks.", "store credit? no thanks": an offer named, then turned down in the next
    clause, is refused, not chosen nor asked about."""
    for index in range(1, len(clauses)):
        words = clauses[index].words
        if mentioned[index] or not only(lexicon.no, words, lexicon) or dismayed(words):
            continue
        if has(lexicon.corrections, words) or any(mentioned[index + 1 :]):
            continue  # "credit please. actually no, make it the exchange": a change of mind, not a refusal
        before = (index - 1) * 1000
        offers = {m.offer for m in mentioned[index - 1] if m.offer}
        if len(offers) != 1:
            continue
        offer = offers.pop()
        chose = [
            (at, act) for at, act in found.acts if act.kind in ("choose", "ask_about") and before <= at < before + 1000
        ]
        if chose:
            found.acts = [(at, act) for at, act in found.acts if (at, act) not in chose]
            found.add(before, Act.of("reject", offer))


def _split_between(clauses: list[Clause], found: Found) -> None:
    """ "Can I get half credit and half exchange?": one of them is set up, so which is asked, not the last
    one named taken."""
    chosen = [(at, act) for at, act in found.acts if act.kind == "choose" and act.target]
    targets = tuple(dict.fromkeys(act.target for _, act in chosen if act.target))
    if len(targets) < 2:
        return
    if all(_ONE_OF_EACH.isdisjoint(clause.words) for clause in clauses) and not _joined(clauses, chosen):
        return
    found.acts = [(at, act) for at, act in found.acts if (at, act) not in chosen]
    found.add(chosen[0][0], Act.of("choose", candidates=targets))


def _still_weighing(clauses: list[Clause], found: Found) -> None:
    """ "Is the exchange any better? Can I swap for a totally different item?": an offer asked about in one
    question, and asked after in the next without a word of taking it, is still being weighed."""
    asked = {(at // 1000, act.target) for at, act in found.acts if act.kind == "ask_about" and act.target}
    for at, act in list(found.acts):
        index = at // 1000
        if act.kind != "choose" or act.target is None or not clauses[index].question:
            continue
        words = clauses[index].words
        if "please" in words or not _TAKING.isdisjoint(words):
            continue
        if any(target == act.target and other < index for other, target in asked):
            found.acts = [(a, b) for a, b in found.acts if (a, b) != (at, act)]
            found.add(at, Act.of("ask_about", act.target))


def _joined(clauses: list[Clause], chosen: list[tuple[int, Act]]) -> bool:
    """ "Can I get the exchange and also some store credit?": two offers taken in one clause joined by "and",
    not one put right by the other ("credit, no wait, the exchange")."""
    spots = sorted(chosen, key=lambda found_at: found_at[0])
    for (first_at, _), (second_at, _) in itertools.pairwise(spots):
        if first_at // 1000 != second_at // 1000:
            continue
        between = clauses[first_at // 1000].words[first_at % 1000 : second_at % 1000]
        if not _JOINING.isdisjoint(between) and _TAKING_BACK.isdisjoint(between):
            return True
    return False


def asks_for_each(words: Sequence[str]) -> bool:
    """ "The exchange and also some credit", "credit as well as the exchange": more than one offer at once."""
    pairs = set(zip(words, words[1:], strict=False))
    return ("and", "also") in pairs or ("as", "well") in pairs or "plus" in words


_JOINING = frozenset({"and", "plus", "also", "well"})
_TAKING_BACK = frozenset({"no", "not", "actually", "wait", "instead", "rather", "or", "sorry"})
_ONE_OF_EACH = frozenset({"half", "halves", "split", "mix", "both", "partly"})
"""Words that ask for some of each of two offers, which cannot both be set up."""


def supposes(words: Sequence[str]) -> bool:
    """ "What if I don't want either?", "and if I choose the exchange", "what happens if I cancel during the
    pause": a clause that supposes, so what it names is weighed, not taken; not a polite "if possible"."""
    start = 0
    while start < len(words) - 1 and start < 3 and words[start] in _SUPPOSING_OPENERS:
        start += 1
    opening = words[start : start + 3]
    if opening[:2] == ["what", "if"] or opening == ["what", "happens", "if"]:
        return True
    return opening[:1] == ["if"] and words[start + 1 : start + 2] not in _POLITE_IFS


_SUPPOSING_OPENERS = frozenset({"and", "so", "ok", "okay", "but", "hmm", "well", "right", "alright"})
_POLITE_IFS = (["possible"], ["you"], ["thats"], ["its"], ["ok"], ["okay"], ["poss"], ["not"], ["so"])
"""What follows "if" in a clause that asks politely ("if possible, can I have the exchange?") or falls back."""


def _weakly_agrees(words: Sequence[str], lexicon: Lexicon) -> bool:
    """Whether the words are only a weak yes and thanks: "ok thanks, that's all" is leaving, not agreeing."""
    rest = [
        w
        for w in words
        if w not in _WEAK_YES
        and w not in _TAKING_IN
        and w not in _TAKING_IN_TOO
        and w not in lexicon.praise
        and w not in lexicon.irony_openers
    ]
    return not rest or only(lexicon.thanks, rest, lexicon)


def _leaving(clauses: list[Clause], lexicon: Lexicon) -> bool:
    """Whether the message says goodbye: "ok, thanks, bye" is leaving, not agreeing."""
    return any(lexicon.goodbye.may_hold(c.words) and lexicon.goodbye.first(c.words) for c in clauses)


def _asks_for_person(clauses: Sequence[Clause], lexicon: Lexicon) -> bool:
    """ "Fine, put me through to someone": the yes gives in to asking for a person, it takes no offer."""
    return any(has(lexicon.person_cues, c.words) and not has(lexicon.no_person_cues, c.words) for c in clauses)


def _mulls(clauses: Sequence[Clause], lexicon: Lexicon) -> bool:
    """ "Fine. I'll think about it": the yes only acknowledges; time is asked for before taking anything."""
    return any(has(lexicon.taking_time, c.words) and not c.question for c in clauses)


def _settle_pointing(found: Found) -> None:
    """ "The exchange sounds good, but can I get a different one instead of the same one?": a message
    that names one offer points at that one, so no "which one?" is asked; and "ok fine, what are my
    options?" asks what they are before taking any."""
    if "choose" not in found.kinds():
        return
    named = {act.target for _, act in found.acts if act.kind in ("choose", "ask_about") and act.target}
    asks_for_all = any(act.kind == "ask_about" and act.target == "all" for _, act in found.acts)
    if asks_for_all or len(named) == 1 and named != {"all"}:
        found.acts = [(p, a) for p, a in found.acts if not (a.kind == "choose" and a.target is None)]


def topic_of_question(clauses: list[Clause], index: int, mentions: list[Mention], lexicon: Lexicon) -> bool:
    """ "The voucher thing, how much is it worth?", "and the exchange - can I pick another colour?": offers
    named on their own, then a question about it, asks about it; "the credit, can I have that?" chooses it. A
    clause of fillers between them ("credit or exchange... hmm. which would you pick?") does not count."""
    after = index + 1
    while after < len(clauses) and not clauses[after].question and _only_fillers(clauses[after].words, lexicon):
        after += 1
    if after >= len(clauses) or not clauses[after].question or clauses[after].words[0] in _ADDING:
        return False
    words = clauses[index].words
    rest = [w for i, w in enumerate(words) if not any(m.start <= i < m.end for m in mentions)]
    if "please" in rest or not _only_fillers(rest, lexicon) or not _TAKING.isdisjoint(rest):
        return False  # "ok replacement. can you send it to my work address?" takes it, then asks
    if index and set(clauses[index - 1].words) <= _TAKING:
        return False  # "fine, store credit. how long is it valid for?"
    return not _asks_to_have(clauses[after].words, lexicon)


_TAKING = frozenset({"ok", "okay", "yes", "yeah", "yep", "fine", "sure", "alright", "then", "go"})


def _weighed(words: Sequence[str], mentions: list[Mention]) -> bool:
    """ "Credit or exchange, I can't decide": two offers joined by "or" are weighed, not both chosen."""
    spans = sorted((m.start, m.end) for m in mentions if m.offer)
    return any(
        words[end:start][:1] == ["or"] and set(words[end + 1 : start]) <= _DETERMINERS
        for (_, end), (start, _) in itertools.pairwise(spans)
    )


def _either_will_do(clauses: Sequence[Clause], index: int, lexicon: Lexicon) -> bool:
    """Whether offers weighed with "or" in ``clauses[index]`` are wanted either way: "I'd like it fixed or
    replaced", "credit or exchange, whichever", not "credit or exchange?" nor "credit or exchange, I can't
    decide"."""
    clause = clauses[index]
    if clause.question or not _UNDECIDED.isdisjoint(clause.words):
        return False
    if not _WANTING_EITHER.isdisjoint(clause.words):
        return True
    after = clauses[index + 1] if index + 1 < len(clauses) else None
    return (
        after is not None
        and not after.question
        and (_indifferent(after.words, lexicon) or set(after.words) <= _EITHER_WAY)
        and not _EITHER_WORDS.isdisjoint(after.words)
    )


_EITHER_WORDS = frozenset({"either", "whichever", "mind", "easy"})


_EITHER_WAY = frozenset(
    "either whichever one is fine ok okay good works will do really honestly i dont mind im easy".split()
)


_WANTING_EITHER = frozenset({"like", "want", "please", "pls", "whichever", "either", "happy", "prefer", "need"})
_UNDECIDED = frozenset({"decide", "sure", "which", "difference", "better", "best", "know", "dunno", "or?"})


def _waits_it_out(clause: Clause, lexicon: Lexicon) -> bool:
    """ "I'll wait a bit longer then", "I'll give it a few more days": waiting rather than taking anything on
    offer; not "I'll check back later" or "not yet", which ask for time."""
    if clause.question or not lexicon.holding_off.may_hold(clause.words):
        return False
    match = first(lexicon.holding_off, clause.words)
    return match is not None and match.phrase not in _ASKING_FOR_TIME and _DECIDING.isdisjoint(clause.words)


_DECIDING = frozenset({"decide", "deciding", "decision", "choose", "choosing", "think", "thinking", "mind"})
"""Words that make holding off a pause to decide ("let me hold off deciding"), not waiting instead."""


_ASKING_FOR_TIME = frozenset(
    {
        "not yet",
        "no rush",
        "ill check again",
        "ill check back",
        "ill check later",
        "ill try again",
        "ill get back to you",
    }
)


def _only_fillers(words: Sequence[str], lexicon: Lexicon) -> bool:
    return all(w in _TOPIC_WORDS or w in lexicon.fillers for w in words)


def about_chosen(clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found) -> None:
    """After a choice, a question that names nothing else asks about what was chosen: "will I get an
    email?", "how long will it take to arrive?", "how long does it take?" (not the rules of refunds)."""
    if context.chosen is None:
        return
    if context.chosen_offer is not None and not found.kinds() - {"affirm", "thank", "hold"}:
        for index, clause in enumerate(clauses):
            if by_variant(clause.words, (context.chosen_offer,), lexicon, taken=True):
                # "Yes please, a large" once the exchange is arranged: how the size is chosen is the answer;
                # "wait no, make that a large" takes no time to think.
                found.drop("affirm")
                found.drop("hold")
                found.add(index * 1000, Act.of("ask_about", context.chosen))
                return
            if _content_with(clause, context.chosen_offer, lexicon):
                if context.question == "satisfaction":
                    return  # "yes all good, the new one works great" when asked at the check-in: satisfied
                # "a new one is fine" once the replacement is arranged: pleased with it, not asking for more
                found.drop("affirm")
                found.add(index * 1000, Act.of("choose", context.chosen))
                return
    # Beside "cool" or "perfect", only a question of some words asks ("perfect, do that" does not), or one
    # opening with a question word ("fine, how long?").
    acknowledged = not _ACKNOWLEDGING.isdisjoint(found.kinds())
    for index, clause in enumerate(clauses):
        short = len(clause.words) < 3 and not opens_with_wh(clause.words)
        if only(lexicon.yes, clause.words, lexicon) or (acknowledged and short):
            continue
        if clause.question and _asks_if_done(clause.words):
            found.drop("ask_about")
            found.add(index * 1000, Act.of("ask_status"))  # "did it go through?" once the freeze is set up
            return
        if (
            clause.question
            and _still_about(clause, context, lexicon, context.chosen) is not None
            and not _about_something_else(clause, context.chosen_offer, lexicon)
        ):
            found.drop("ask_policy")
            # "Cool, and can I use it on sale items?": a word or two before the question only acknowledge.
            found.acts = [
                (at, act)
                for at, act in found.acts
                if not (act.kind in _ACKNOWLEDGING and at < index * 1000 and len(clauses[at // 1000].words) <= 2)
            ]
            found.add(index * 1000, Act.of("ask_about", context.chosen))
            return


def _content_with(clause: Clause, offer: Offer, lexicon: Lexicon) -> bool:
    """ "A new one is fine", "the replacement sounds good": the offer named, not asked about or turned down."""
    words = clause.words
    if clause.question or not lexicon.negators.isdisjoint(words):
        return False
    if lexicon.praise.isdisjoint(words) and _CONTENT.isdisjoint(words):
        return False
    return any(m.offer == offer.id and not called_off(words, m) for m in find_mentions(words, (offer,), lexicon))


_CONTENT = frozenset({"fine", "good", "ok", "okay", "grand", "works", "then", "please", "pls"})
"""Plain words of being content with something, or of settling on it ("a new one is fine", "the new one
then"), beside the lexicon's praise."""
_ACKNOWLEDGING = frozenset({"affirm", "goodbye"})
_ELSEWHERE = frozenset({"address", "password", "newsletter", "subscription", "login"})
"""Words of a question about something other than what was offered ("can I change my delivery address?")."""


def _still_about(clause: Clause, context: Context, lexicon: Lexicon, offer: str | None = None) -> str | None:
    """The offer a follow-up question is about (by default the one the agent just described, which its "it"
    points at: "and can I use it online?"), unless the question is about a person, a request, the rules
    or the reason instead."""
    offer = offer or context.focus
    words = clause.words
    if offer is None or has(lexicon.person_cues, words) or not _ELSEWHERE.isdisjoint(words):
        return None
    if _REFERRING.isdisjoint(words) and has(lexicon.policy_cues, words):
        return None
    if lexicon.asks_why(words, " ".join(words)):
        return None
    if any(has(cues, words) for cues in lexicon.request_cues.values()):
        return None
    return offer


_VAGUE = frozenset("anything something everything nothing able there where whole".split())

_AFTER_A_CHOICE = frozenset(
    """long take takes taking arrive arrives arriving come comes coming email emails confirm confirmation soon
    days weeks time happen happens next sorted done ready know need anything work works start started send sent
    back return returned post label receive received expect cost costs free quick quickly fast tracking number
    reference order parcel delivery print printed printing printer keep keeping until meantime damaged broken
    faulty old""".split()
)
"""Words of any question about how something arranged goes from here ("how long will it take to arrive?")."""


def _about_something_else(clause: Clause, offer: Offer | None, lexicon: Lexicon) -> bool:
    """ "Will the driver be spoken to?" after a replacement was arranged: a question that neither points at
    what was chosen ("it", "that") nor names anything its words or details speak of, beyond how things go
    from here, is about something else. An offer the policy says nothing more of is asked about whatever the
    question, so a colleague can be offered to tell more."""
    if offer is None or not offer.details or not _REFERRING.isdisjoint(clause.words):
        return False
    words = {w for w in clause.words if len(w) >= 4 and w not in lexicon.stopwords and w not in _VAGUE}
    words -= in_compounds(clause.words)  # "can I pay with a credit card?" speaks of no offer's credit
    words -= _AFTER_A_CHOICE
    words -= _done_without(clause.words)
    if not words:
        return False
    known = offer.details | offer.description | {word for name in offer.words for word in name.split()}
    stems = {word[:5] for word in known if len(word) >= 5}
    return not any(w in known or w.removesuffix("s") in known or w[:5] in stems for w in words)


def _done_without(words: Sequence[str]) -> set[str]:
    """ "How long will I be without my sofa?": the item itself, which the customer goes without while what
    was arranged runs its course, and the word that says so."""
    if "without" not in words:
        return set()
    at = words.index("without")
    return {"without", *words[at + 1 : at + 4]}


def _not_the_chosen(words: Sequence[str], mentions: list[Mention], chosen: Offer) -> list[Mention]:
    """The mentions of other offers, leaving out words that name what was chosen: after a replacement was
    arranged, "will the replacement be the same model?" is about it, though the exchange is also called
    a replacement."""
    return [m for m in mentions if m.how != "name" or " ".join(words[m.start : m.end]) not in chosen.words]


def _in_details(clause: Clause, context: Context, lexicon: Lexicon) -> str | None:
    """ "Do I pay for postage?": a question that names no offer asks about the one whose details speak of
    what it asks (the offer just described, when several do, or else all of those on offer)."""
    if context.chosen is not None or has(lexicon.complaint_cues, clause.words):
        return None
    words = {w for w in clause.words if len(w) >= 4 and w not in lexicon.stopwords and w not in _VAGUE}
    words -= in_compounds(clause.words)  # "can I pay with a credit card?" speaks of no offer's credit
    words |= {w[:-1] for w in words if w.endswith("s")}
    owners = [offer.id for offer in context.offered if not words.isdisjoint(offer.details)]
    if not owners:
        return None
    # "Do I need to send it back?" when the details of several offers speak of sending it back: all of them.
    owner = context.focus if context.focus in owners else owners[0] if len(owners) == 1 else "all"
    return owner if _still_about(clause, context, lexicon, owner) is not None else None


def _asks_to_have(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "Can I have that?", "could I get it please": asking for the thing just named, and nothing more."""
    form = first(lexicon.choice_forms, words)
    if form is None or form.start > 0:
        return False
    return all(w in _REFERRING or w in lexicon.fillers for w in words[form.end :])


def _last_ironic(clauses: list[Clause], lexicon: Lexicon) -> int:
    """The index of the last clause that praises (ironically, since the message is ironic)."""
    last = -1
    for index, clause in enumerate(clauses):
        words = clause.words
        if (
            not lexicon.praise.isdisjoint(words)
            or has(lexicon.irony_markers, words)
            or has(lexicon.strong_irony, words)
        ):
            last = index
    return last


def _takes_it(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "Fine, I'll take it", "whatever, I'll have that then": a resigned choice of the thing just named."""
    kept = [w for w in words if w not in _SOFTENERS and w not in _RESIGNED]
    form = lexicon.choice_forms.first(kept) if lexicon.choice_forms.may_hold(kept) else None
    if form is None or form.start > 1:
        return False
    rest = [w for w in kept[form.end :] if w not in ("then", "please", "i", "guess", "suppose")]
    return rest in (["it"], ["that"], ["them"], ["that", "one"], ["one"])


def _settles(clauses: list[Clause], index: int, mention: Mention, ironic_until: int, lexicon: Lexicon) -> bool:
    """After the irony, a resigned choice still chooses: "oh great, another voucher. fine, I'll take the
    exchange", "wonderful. whatever, exchange then". The offer named inside the irony is not chosen."""
    if index <= ironic_until:
        return False
    words = clauses[index].words
    head = [w for w in words[: mention.start] if w not in _SOFTENERS and w not in _RESIGNED]
    if not head:
        previous = clauses[index - 1].words if index else []
        return bool(words[:1]) and words[0] in _RESIGNED or bool(previous) and set(previous) <= _RESIGNED
    form = lexicon.choice_forms.first(head) if lexicon.choice_forms.may_hold(head) else None
    return (form is not None and form.end >= len(head) - 1) or _commands(head, lexicon)


def _past_hesitation(words: Sequence[str]) -> Sequence[str]:
    """The words after a hesitation that opens them ("hmm neither really suits me")."""
    start = 0
    while start < len(words) - 1 and words[start] in _HESITATIONS:
        start += 1
    return words[start:]


_HESITATIONS = frozenset(
    {"hmm", "hm", "hmmm", "um", "umm", "uh", "erm", "er", "well", "so", "nah", "no", "nope", "honestly"}
)


def _no_longer(words: Sequence[str]) -> bool:
    """ "I don't want it anymore": about the item the customer no longer wants, not the offer."""
    return "anymore" in words or any(a == "any" and b == "more" for a, b in zip(words, words[1:], strict=False))


def _bare_answer(
    clause: Clause, position: int, context: Context, lexicon: Lexicon, found: Found, *, acknowledging: bool
) -> None:
    words = clause.words
    if context.question == "person":
        return
    if len(context.offered) > 1 and not context.callback_asked and wants_all(words):
        # "can I have both?": one of them is what can be set up, so which is asked
        found.add(position, Act.of("choose", candidates=context.offered_ids))
    elif context.offered and not context.callback_asked and _indifferent(words, lexicon):
        # "I don't mind which", "up to you": the agent picks, the first of the policy's offers unless one was
        # just described.
        found.add(position, Act.of("choose", context.focus or context.offered[0].id))
    elif not (clause.question and not _NOTHING.isdisjoint(words)) and (  # "so nothing then?" asks, not refuses
        starts_with(lexicon.reject_all, _past_hesitation(words))
        or (only(lexicon.no, words, lexicon) and not dismayed(words) and not _no_longer(words))
    ):
        every = len(context.offered) > 1 and not context.callback_asked and not _EVERY_ONE.isdisjoint(words)
        # "neither" to "would the off-peak plan suit you?" turns down both, not only the one asked about
        found.add(position, Act.of("reject", "all") if every else refusal(context))
    elif (has(lexicon.more_options, words) or has(lexicon.possibility_questions, words)) and not context.callback_asked:
        # "what else is there?", "so what are you going to do about it?": everything that can be offered
        found.add(position, Act.of("ask_about", "all"))
    elif clause.question or words[0] == "whichever":
        # "whichever is quicker" leaves the choice to a comparison the customer has not seen yet
        if len(context.offered) > 1 and _compares(words, lexicon):
            found.add(position, Act.of("ask_about", "all"))
        return
    elif (only(lexicon.yes, words, lexicon) and not acknowledging) or _points_and_chooses(words, lexicon):
        found.add(position, bare_choice(context))
    elif CALLBACK in context.offered_ids and _names_a_time(words, lexicon):
        found.add(position, Act.of("choose", CALLBACK))


def _looked_in_vain(before: Sequence[str], words: Sequence[str]) -> bool:
    """ "I checked with the neighbours, nothing": what came of looking for something, not a no to the offers."""
    return set(words) <= _NOTHING_FOUND and not _NOTHING.isdisjoint(words) and not _LOOKED.isdisjoint(before)


_NOTHING = frozenset({"nothing", "none", "nada", "zilch", "nobody", "noone"})
_NOTHING_FOUND = _NOTHING | {"still", "yet", "so", "far", "there", "at", "all", "just", "again"}
_LOOKED = frozenset(
    {"checked", "check", "looked", "look", "asked", "ask", "searched", "tried", "rang", "called", "phoned", "emailed"}
    | {"contacted", "spoke", "went", "waited", "refreshed", "tracked", "neighbours", "neighbors", "everywhere"}
)


def wants_all(words: Sequence[str]) -> bool:
    """ "Can I have both?", "could I get both of them", "I want all of them": every offer at once; not
    "that's all" or "neither"."""
    pairs = set(zip(words, words[1:], strict=False))
    if _splits(words, pairs):
        return True  # "half credit half exchange", "can I split it between the two?"
    if "both" not in words and ("all", "of") not in pairs and ("all", "three") not in pairs:
        return False
    if not _NOT_ALL.isdisjoint(words):
        return False
    return not _HAVING_ALL.isdisjoint(words) or len(words) <= _SHORT_ALL


def _splits(words: Sequence[str], pairs: set[tuple[str, str]]) -> bool:
    """ "Half credit, half exchange", "part refund part credit", "split it between them", "a bit of both"."""
    return (
        words.count("half") >= 2
        or words.count("part") >= 2
        or ("split", "it") in pairs
        or ("split", "between") in pairs
        or ("bit", "of") in pairs
        and "both" in words
        or ("mix", "of") in pairs
    )


_NOT_ALL = frozenset(
    {"neither", "none", "not", "dont", "nor", "difference", "between", "compare", "which", "no", "nope", "nah"}
)
_HAVING_ALL = frozenset({"have", "get", "take", "want", "do"})
_SHORT_ALL = 3
"""The most words of a bare "both please" or "all of them"."""


def _indifferent(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "Honestly, I don't mind which", "either is fine really": the choice left to the agent."""
    if not lexicon.indifference.may_hold(words):
        return False
    return only(lexicon.indifference, [w for w in words if w not in _FRANKLY], lexicon)


_FRANKLY = frozenset({"honestly", "really", "tbh", "genuinely", "truly", "well", "oh", "ok", "okay", "fine", "so"})


def _asks_if_done(words: Sequence[str]) -> bool:
    """ "Did it go through?", "is it done?", "did it work?", "has the freeze gone through?": whether what was set
    up is done."""
    return len(words) <= _SHORT_DONE_QUESTION and asks_if_settled(set(words)) and "how" not in words


_SHORT_DONE_QUESTION = 6


def acknowledges(clauses: Sequence[Clause], context: Context, lexicon: Lexicon) -> bool:
    """ "ok, thank you for explaining" with one thing on offer, or "i see, lovely, thanks" (nothing but pleased
    words and thanks) with several: thanks for the words, not yet a yes to what is on offer."""
    if not context.offered:
        return False
    words = {word for clause in clauses for word in clause.words}
    if _praises_what_was_said(words, lexicon):
        return True
    if not _STRONG_YES.isdisjoint(words):
        return False
    if _THANKS.isdisjoint(words) or takes_it_in(clauses, context, lexicon):
        return takes_it_in(clauses, context, lexicon)
    return len(context.offered) == 1 or all(
        w in _THANKS or w in _SEEING or w in lexicon.praise or w in lexicon.fillers for w in words
    )


def _praises_what_was_said(words: set[str], lexicon: Lexicon) -> bool:
    """ "Oh brilliant, that's really helpful to know, thank you": praise for what the agent told, and nothing
    else; thanks for the answer, not a yes to the offer it was about."""
    return not _PRAISED_INFORMATION.isdisjoint(words) and all(
        w in _PRAISED_INFORMATION
        or w in _PRAISING_TOO
        or w in _THANKS
        or w in _SEEING
        or w in lexicon.praise
        or w in lexicon.fillers
        for w in words
    )


_PRAISED_INFORMATION = frozenset({"helpful", "useful", "know", "info", "information", "explaining", "handy"})
"""Words that praise what the agent told ("that's helpful to know"), not what it offers."""
_PRAISING_TOO = frozenset(
    {"that", "thats", "its", "is", "was", "really", "actually", "very", "so", "good", "to", "the", "for", "quite"}
    | {"great", "perfect", "super", "much", "all", "thank", "thanks", "you", "a", "lot", "lots", "youve", "been"}
    | {"have", "fair", "enough", "makes", "sense", "understood"}
)


def takes_it_in(clauses: Sequence[Clause], context: Context, lexicon: Lexicon) -> bool:
    """ "Fair enough", "ah I see", "understood", "that makes sense" with several things on offer: the answer
    taken in, not yet a yes to any of them."""
    if len(context.offered) < 2 or context.state != "offering_alternatives" or any(c.question for c in clauses):
        return False
    words = {word for clause in clauses for word in clause.words}
    core = (
        not _TAKING_IN.isdisjoint(words) or words <= {"got", "it", "ok", "okay", "ah", "oh", "right"} and "got" in words
    )
    return core and all(
        w in _TAKING_IN or w in _SEEING or w in _TAKING_IN_TOO or w in _THANKS or w in lexicon.fillers for w in words
    )


_TAKING_IN = frozenset({"fair", "understood", "understand", "sense", "see", "noted", "explaining", "figures", "gotcha"})
_TAKING_IN_TOO = frozenset({"enough", "that", "thats", "makes", "make", "got", "it", "i", "get", "for", "ok", "okay"})


_SEEING = frozenset(
    {"i", "see", "ok", "okay", "right", "ah", "oh", "you", "very", "much", "so", "hmm", "hm", "um", "umm", "erm",
     "well"}
)  # fmt: skip


def _compares_the_offers(clause: Clause, context: Context, lexicon: Lexicon) -> bool:
    """Whether the clause asks which of several offers made is better or how they differ."""
    made = len(context.offered) + (context.chosen_offer is not None and context.chosen_offer not in context.offered)
    return clause.question and made > 1 and _compares(clause.words, lexicon)


def _compares(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "what's the difference?", "which is quicker?", "which would you recommend?", "how do they compare?":
    weighing up the offers; not "do I get the difference as cash or credit?", which is money owed."""
    if "difference" in words and (_money_difference(words) or _makes_a_difference(words)):
        return False
    if not _COMPARING.isdisjoint(words) or ("which" in words and not _WHICH_ASKS.isdisjoint(words)):
        return True
    return has(lexicon.comparison_cues, words)


def _makes_a_difference(words: Sequence[str]) -> bool:
    """ "Surely a day doesn't make a difference?": pleading that something hardly matters, not comparing."""
    at = words.index("difference")
    if "which" in words or "between" in words:
        return False  # "does it make a difference which one I pick?" compares
    return not {"make", "makes", "making", "made"}.isdisjoint(words[max(0, at - 3) : at])


def _money_difference(words: Sequence[str]) -> bool:
    """ "Do I get the difference back?", "is the difference paid as cash?": the difference in price, owed."""
    if "between" in words:
        return False
    at = words.index("difference")
    return not _MONEY_MOVES.isdisjoint([*words[max(0, at - 3) : at], *words[at + 1 : at + 4]])


_MONEY_MOVES = frozenset(
    {"get", "pay", "paid", "refund", "refunded", "back", "credited", "owed", "charged", "cash", "credit", "money"}
)


def _points_and_chooses(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "that one please", "I'll take that", "go with that one": pointing at what is on offer."""
    match = lexicon.deictic.first(words) if lexicon.deictic.may_hold(words) else None
    if match is None:
        return False
    if all(w in lexicon.fillers or match.start <= i < match.end for i, w in enumerate(words)):
        return match.phrase not in lexicon.pronouns or len(words) <= 2
    if any(w not in lexicon.fillers for w in words[match.end :]):
        return False
    head = [w for w in words[: match.start] if w not in _SOFTENERS]
    if "still" in head and match.phrase in lexicon.pronouns:
        return False  # "I still want it": the thing first asked about, not what is on offer
    form = lexicon.choice_forms.first(head) if lexicon.choice_forms.may_hold(head) else None
    return form is not None and form.end == len(head)


def _names_a_time(words: Sequence[str], lexicon: Lexicon) -> bool:
    """A time to call: "tomorrow morning", "at 3", "20 to 2", "half past ten"; not a time the customer will do
    something themselves ("I'll wait till Monday", "I'll ring back on Monday")."""
    if any(w in lexicon.negators for w in words) or customer_will(words):
        return False
    if not _TIME_WORDS.isdisjoint(words):
        return True
    if any(w[-2:] in ("am", "pm") and w[:-2].isdigit() for w in words):
        return True  # "3pm"
    return any(
        (w.isdigit() or w == NUMBER)
        and ((i and words[i - 1] in ("at", "to", "past", "after", "before")) or words[i + 1 : i + 2] == ["to"])
        for i, w in enumerate(words)
    )


def _plans_on(after: Sequence[str]) -> bool:
    """Whether the words after an offer in a question go on to a plan with it ("… for 2 months then cancel?",
    "… and still get a refund later?"), rather than end the choice ("do the exchange then")."""
    return any(word in _THEN and after[at + 1 :] for at, word in enumerate(after))


_THEN = frozenset({"then", "afterwards", "after", "later", "still"})


_SENDING_IT = frozenset({"send", "sent", "post", "posted", "ship", "return", "bring"})
"""Words of sending something back, which "back" after them does not undo ("send it back")."""


def _goes_back(words: Sequence[str], mention: Mention) -> bool:
    """ "Can I switch back to the full plan later?": undoing the offer, asked about, not taking it."""
    return "back" in words[mention.start + 1 : mention.start + 3] and words[mention.start] not in _SENDING_IT


def customer_will(words: Sequence[str]) -> bool:
    """ "I'll wait till Monday", "I'll call back", "I will contact you then": what the customer will do."""
    for i, word in enumerate(words):
        if word == "ill" or (word == "will" and i and words[i - 1] == "i"):
            if not _DOING_MYSELF.isdisjoint(words[i + 1 : i + 3]):
                return True
    return False


_DOING_MYSELF = frozenset(
    {"wait", "call", "ring", "phone", "contact", "come", "message", "try", "get", "email", "write", "check", "pop"}
)


_EVERY_ONE = frozenset({"either", "neither", "none", "both"})
"""Words of a refusal that speak of every offer, whichever one was just asked about."""


def refusal(context: Context) -> Act:
    """A refusal of what is on offer: the thing just described and asked about ("Would you like the store
    credit?" "no"), the one thing, or all of them; while waiting for a person, the callback."""
    if context.callback_asked:
        return Act.of("reject", CALLBACK)
    if context.focus is not None and context.focus in context.offered_ids:
        return Act.of("reject", context.focus)
    target = context.offered[0].id if len(context.offered) == 1 else "all"
    return Act.of("reject", target)


def bare_choice(context: Context) -> Act:
    """A yes to what is on offer: the thing just described, the one thing, or an ambiguous choice; while
    waiting for a person, the callback."""
    if context.callback_asked:
        return Act.of("choose", CALLBACK)
    if context.focus is not None:
        return Act.of("choose", context.focus)
    if context.state == "compensation" and context.offered:
        return Act.of("choose", context.offered[0].id)  # the goodwill offer, just made
    if len(context.offered) == 1:
        return Act.of("choose", context.offered[0].id)
    return Act.of("choose", candidates=context.offered_ids)


def _what_is_meant_by(words: Sequence[str], mention: Mention) -> bool:
    """ "What do you mean free return?", "what do you mean by store credit": what the offer named is."""
    before = [w for w in words[: mention.start] if w not in ("by", "a", "an", "the", "this", "that")]
    return before[-3:] == ["do", "you", "mean"] or before[-2:] == ["u", "mean"]


def _offer_act(clause: Clause, mention: Mention, context: Context, lexicon: Lexicon, *, abusive: bool) -> Act:
    words = clause.words
    if mention.offer is None:
        return Act.of("choose", candidates=context.offered_ids)
    if abusive or _refused(words, mention, lexicon) or words[0] in ("nor", "neither"):
        return Act.of("reject", mention.offer)
    if words[0] == "or" and mention.start <= _ELLIPSIS and len(words) <= mention.end + 1 and "please" not in words:
        return Act.of("ask_about", mention.offer)  # "or the off-peak": perhaps "nor", perhaps "then?": asked
    if _asks(clause, mention, lexicon) and not _chooses(words, mention, lexicon):
        if lexicon.asks_why(words, " ".join(words)) and not _what_is_meant_by(words, mention):
            return Act.of("ask_why")
        return Act.of("ask_about", mention.offer)
    if context.state == "follow_up" and _as_well(words, mention):
        return Act.of("ask_about", mention.offer)  # "can I also downgrade?" beside what is done: asked, not swapped
    return Act.of("choose", mention.offer)


def _as_well(words: Sequence[str], mention: Mention) -> bool:
    """Whether the offer is asked for on top of what was done ("can I also downgrade?", "the pause as well")."""
    return "also" in words[max(0, mention.start - 3) : mention.start] or words[mention.end : mention.end + 2] in (
        ["too"],
        ["as", "well"],
    )


def _thinks_it_over(before: Sequence[str]) -> bool:
    """Whether the words before an offer's name say the customer will think it over ("I'll think about the
    downgrade", "let me consider the pause"), which takes nothing yet."""
    near = before[-4:]
    pairs = set(zip(near, near[1:], strict=False))
    return not _CONSIDERING.isdisjoint(near) or not _THINKING_ABOUT.isdisjoint(pairs)


_CONSIDERING = frozenset({"consider", "considering", "mull", "ponder"})
_THINKING_ABOUT = frozenset(
    {("think", "about"), ("thinking", "about"), ("think", "over"), ("sleep", "on"), ("think", "on")}
)


_ELLIPSIS = 2
"""The most words between "or" and an offer's name in "or the off-peak", a clause that only names it."""


def chosen_taken_back(clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found) -> None:
    """After a choice, "actually I don't want the exchange after all" turns down what was chosen: it is
    not on offer any more, so only its name tells."""
    chosen = context.chosen_offer
    if chosen is None:
        return
    for index, clause in enumerate(clauses):
        if _on_a_fallback(clauses, index, lexicon):
            continue  # "if you can't do a different size, I'd rather have store credit": only should it fail
        for mention in named_mentions(clause.words, (chosen,)):
            keeping = clause.words[max(0, mention.start - 2) : mention.start] in (["keep", "the"], ["keep", "my"])
            if not keeping and _refused(clause.words, mention, lexicon) and not says_missing(clause.words):
                found.drop("deny")
                found.add(index * 1000 + mention.start, Act.of("reject", chosen.id))
                return


def says_missing(words: Sequence[str]) -> bool:
    """ "There's still no credit on my account", "I can't see the credit anywhere", "the label never came": a
    thing set up that has not shown up, which is no refusal of it."""
    if NOT_YET_THERE.isdisjoint(words):
        return False
    shown = not _SHOWING_UP.isdisjoint(words) or ("account" in words and _WANTING_IT.isdisjoint(words))
    pairs = list(zip(words, words[1:], strict=False))
    not_had = any(pair in _NOT_HAD and _a_thing_set_up(words[at + 2 : at + 6]) for at, pair in enumerate(pairs))
    return shown or ("still", "no") in pairs or not_had


def _a_thing_set_up(after: Sequence[str]) -> bool:
    """Whether the words after "didn't get" or "never had" name a thing set up ("the store credit", "the freeze
    email", "it"), not "a chance to spend it", "round to it" or "any problems"."""
    if not after or not _NO_CHANCE.isdisjoint(after[:3]):
        return False
    return after[0] in ("it", "them") or not SET_UP_THINGS.isdisjoint(after)


_NOT_HAD = frozenset(
    (no, had)
    for no in ("didnt", "never", "havent", "hasnt", "not", "yet")
    for had in ("get", "got", "gotten", "had", "receive", "recieved", "recieve")
)
"""Word pairs by which something set up has not reached the customer ("I didn't get the credit", "never got
the label"): not "I don't get the credit", said of understanding or wanting it."""
_NO_CHANCE = frozenset(
    {"chance", "time", "opportunity", "look", "go", "moment", "round", "around", "need", "why", "how", "what"}
)
"""Words after those pairs that make it the customer's own doing ("I haven't had a chance to spend it", "didn't
get round to it") or not about receiving ("I didn't get why")."""
NOTICES = frozenset({"email", "emails", "confirmation", "link", "tracking"})
"""What tells a customer of something set up, rather than being it ("I didn't get the email")."""
SET_UP_THINGS = (
    frozenset(
        "credit refund money voucher code label parcel replacement exchange pause freeze downgrade plan payment "
        "repair discount".split()
    )
    | NOTICES
)
"""Things set up for a customer, or word of them, whose not having come is a problem to look into."""


NOT_YET_THERE = frozenset(
    "not no never dont doesnt didnt isnt arent wasnt werent cant cannot wont hasnt havent still".split()
)
"""Words that say something is not so, or not yet ("still no credit", "it hasn't come")."""
_SHOWING_UP = frozenset(
    "see seen appeared appear showing show shows showed came come arrived arrive received through anywhere".split()
)
_WANTING_IT = frozenset({"want", "need", "like", "rather", "prefer"})


def called_off(words: Sequence[str], mention: Mention) -> bool:
    """ "Cancel the exchange", "please stop the new parcel": the offer named is called off (not "don't
    cancel the exchange")."""
    before = words[max(0, mention.start - 3) : mention.start]
    at = next((i for i, word in enumerate(before) if word in _CALLING_OFF), None)
    if at is None:
        return False
    start = max(0, mention.start - 3) + at
    return _NOT_DOING.isdisjoint(words[max(0, start - 2) : start])


def failing_that(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "If not, …", "if they don't have it …", "failing that …": what is wanted only should something else
    fail."""
    if words[:2] == ["failing", "that"]:
        return True
    return words[:1] == ["if"] and not lexicon.negators.isdisjoint(words[1:4])


def _without_second_best(words: Sequence[str], mentions: list[Mention], earlier: list[Mention]) -> list[Mention]:
    """``mentions`` less an offer named, after another in this clause or an ``earlier`` one, as second best ("a
    replacement or at least a repair", "a replacement please, or else a repair"): the first is the one taken."""
    kept: list[Mention] = []
    for mention in mentions:
        before = words[max(0, mention.start - 3) : mention.start]
        second = any(pair in _SECOND_BEST for pair in zip(before, before[1:], strict=False))
        if second and any(other.offer not in (None, mention.offer) for other in (*earlier, *kept)):
            continue
        kept.append(mention)
    return kept


_SECOND_BEST = frozenset({("at", "least"), ("or", "else"), ("if", "not"), ("or", "failing")})
"""Word pairs before an offer named after another that make it second best ("… or at least a repair")."""


def _on_a_fallback(clauses: list[Clause], index: int, lexicon: Lexicon) -> bool:
    """Whether clause ``index`` says what is wanted only should something fail: it opens on the condition,
    or follows a clause that does ("if you can't do a different size, I'd rather have store credit")."""
    return failing_that(clauses[index].words, lexicon) or (
        index > 0 and failing_that(clauses[index - 1].words, lexicon)
    )


_CALLING_OFF = frozenset({"cancel", "stop", "undo", "forget", "scrap", "ditch"})
_NOT_DOING = frozenset({"dont", "not", "never", "no", "wont", "doesnt"})
_ARRIVING = frozenset({"arrived", "came", "turned", "showed", "delivered", "here"})


def _refused(words: Sequence[str], mention: Mention, lexicon: Lexicon) -> bool:
    if called_off(words, mention):
        return True
    if stopped(words, mention):
        return True  # "stop sending it please, it hasn't shipped": the sending called off, not a wish for it
    if not _CALLING_OFF.isdisjoint(words[max(0, mention.start - 3) : mention.start]):
        return False  # "don't cancel the exchange": kept
    near = words[max(0, mention.start - 2) : mention.start]
    if near and near[-1] in lexicon.contrast or " ".join(near) in ("instead of", "keep your", "keep the"):
        return True
    before = words[max(0, mention.start - 3) : mention.start]
    pairs = set(zip(before, before[1:], strict=False))
    if ("rather", "than") in pairs or ("instead", "of") in pairs:
        return True
    if "than" in before[-2:] and "rather" in words[: mention.start]:
        return True
    if (
        not _POINTLESS.isdisjoint(pairs)
        and not _DISMISSING.isdisjoint(words[: mention.start])
        and "if" not in words[mention.end :]
    ):
        return True  # "what's the point of a freeze?", not "... of a replacement if it breaks again?"
    after = words[mention.end : mention.end + 4]
    supposed = "if" in words[max(0, mention.start - 3) : mention.start]  # "and if the repair doesn't work?"
    if not _WONT.isdisjoint(after[:2]) and not _USE.isdisjoint(after) and not supposed:
        return True
    dear = _too_dear(words[mention.end : mention.end + 8])
    if not supposed and (dear or _cannot_afford(words[max(0, mention.start - 8) : mention.start])):
        return True  # "the cheaper plan is still too expensive", "I can't afford any plan, even a cheaper one"
    start = mention.start
    while start > 0 and words[start - 1] in _COORDINATION:
        start -= 1
    head = words[max(0, start - 5) : start]
    if "able" in head and not supposed:
        able = len(head) - 1 - head[::-1].index("able")
        if not (lexicon.negators | _WOULD_NOT).isdisjoint(head[max(0, able - 3) : able]):
            return True  # "she won't be able to use a freeze", "I wouldn't be able to use the off-peak"
    first = max(0, start - 4)
    before = words[first:start]
    negated = any(
        w in lexicon.negators
        and not _not_negating(w, words[first + i + 1 : first + i + 2])
        and not (w == "no" and not _ASKING_AFTER_NO.isdisjoint(before[i + 1 :]))  # "no then can you pause it?"
        for i, w in enumerate(before)
    )
    if negated and "mind" not in before and "sure" not in before:
        return True
    return not supposed and has(lexicon.negative_after, words[mention.end :])


_WOULD_NOT = frozenset({"wouldnt", "couldnt", "shouldnt", "wont"})
_ASKING_AFTER_NO = frozenset({"then", "can", "could", "would", "will", "maybe", "just"})
"""Words after a "no" that ask for the offer named next, so the "no" answers something else."""


def _not_negating(negator: str, after: Sequence[str]) -> bool:
    """Whether a negator, by the word after it, turns nothing down: "no wait, the exchange", "no I want a
    refund", or a question that asks for it ("can't I just get a new pair?", "couldn't you replace it?")."""
    if not after:
        return False
    if negator == "no":
        return after[0] in _PAUSES or after[0] in _SAYS_WHAT_INSTEAD
    return negator in _ASKING_AUXILIARIES and after[0] in _ASKED_OF


_ASKING_AUXILIARIES = {"cant": "can", "couldnt": "could", "wont": "will", "wouldnt": "would", "cannot": "can"}
"""Negated auxiliaries that open a question asking for something, and the words they ask as."""
_ASKED_OF = frozenset({"i", "you", "we", "u", "ya"})
_POINTLESS = frozenset({("point", "of"), ("point", "in"), ("use", "of"), ("good", "is"), ("use", "is")})
_DISMISSING = frozenset({"what", "whats", "no"})
"""A question that asks what an offer is good for, asked to dismiss it: "what's the point of a freeze?"."""

_PAUSES = frozenset({"wait", "sorry", "actually", "hang", "hold", "hmm", "um"})
"""Words after which "no" takes back what the customer was saying, not the offer: "no wait, the exchange"."""
_SAYS_WHAT_INSTEAD = frozenset({"i", "id", "ill", "ive", "im", "we", "wed", "just", "give", "send"})
"""Words after which "no" turns down something else and goes on to what is wanted: "no I want a refund"."""


def _asks(clause: Clause, mention: Mention, lexicon: Lexicon) -> bool:
    words = clause.words
    if clause.question or (words[0] in lexicon.question_starts and words[0] != "if" and len(words) > 2):
        return words[:2] != ["what", "a"]
    head = words[: mention.start]
    return bool(head) and lexicon.about_forms.may_hold(head) and lexicon.about_forms.first(head) is not None


_BEFORE_WH = frozenset({"for", "in", "by", "until", "till", "from", "to", "at"})
"""Words a question may put before its "how" or "when" ("for how long…?", "by when…?")."""


def _chooses(words: Sequence[str], mention: Mention, lexicon: Lexicon) -> bool:
    """A question that is really a choice: "can I just get the credit?", "could you do the exchange please?"."""
    head = [w for w in words[: mention.start] if w not in _SOFTENERS]
    asking = head[1:] if head[:1] and head[0] in _BEFORE_WH else head
    if asking[:1] and asking[0] in _WH_WORDS and head[:2] != ["how", "about"]:
        return False  # "how long can I freeze for?", "for how long can I freeze?" ask about it
    if head[:2] == ["how", "about"] and head[2:3] in (["i"], ["we"], ["you"]):
        return True  # "how about I just pause it for now?" proposes doing it
    if not _TELLING_OR_ASKING.isdisjoint(head) and not _WH_WORDS.isdisjoint(head[1:]):
        return False  # "could you tell me what the basic plan includes?" asks about it
    if len(head) > 1 and head[0] in _ASKING_AUXILIARIES and head[1] in _ASKED_OF:
        head[0] = _ASKING_AUXILIARIES[head[0]]  # "can't I just get a new pair?" asks as "can I" does
    if "difference" in words[mention.end :]:
        return False  # "can I exchange for something cheaper and get the difference back?" asks about its terms
    if lexicon.choice_forms.may_hold(head) and lexicon.choice_forms.first(head) is not None:
        return True
    if tuple(head[-2:]) in _ASKING_TO_DO:
        return True
    tail = words[mention.end :]
    if _commands(head, lexicon) and all(w in lexicon.fillers or w in _SOFTENERS for w in tail):
        return True
    if (
        mention.offer == CALLBACK
        and (_names_a_time(tail, lexicon) or words[0] in _ASKING_FOR_IT)
        and _CALL_ME & set(zip(words, words[1:], strict=False))
    ):
        return True  # "can someone call me at 3pm tomorrow?", "could you ring me?" ask for the call
    return bool(tail) and tail[-1] == "please" and len(tail) <= 2


def _buys_it_elsewhere(words: Sequence[str], mention: Mention) -> bool:
    """Whether the customer says they will get the thing themselves ("I'll just buy a new one elsewhere", "I
    bought a new one myself"), which names an offer without taking it."""
    before = words[max(0, mention.start - 3) : mention.start]
    return not _BUYING.isdisjoint(before) and (
        not _GOT_ELSEWHERE.isdisjoint(words[mention.end :])
        or not _SELF.isdisjoint(words[max(0, mention.start - 5) : mention.start])
    )


_BUYING = frozenset({"buy", "buying", "bought", "order", "ordering", "ordered", "purchase", "purchased"})
_GOT_ELSEWHERE = frozenset({"elsewhere", "somewhere", "myself", "locally", "amazon"})
_SELF = frozenset({"ill", "im", "ive", "well", "weve"})


_WH_WORDS = frozenset({"how", "what", "whats", "when", "where", "which", "who", "why"})
TELLING = frozenset({"tell", "explain", "know", "wondering", "wonder", "curious", "clarify"})
"""Words that ask to be told something ("could you tell me what…?"), not to have it done."""
_TELLING_OR_ASKING = TELLING | {"ask"}

_CALL_ME = frozenset({("call", "me"), ("ring", "me"), ("phone", "me"), ("call", "us"), ("ring", "us")})
_ASKING_FOR_IT = frozenset({"can", "could", "will", "would"})
"""Asking to be called, not asking about the call: "can you ring me at 10?", not "would the call be before 6?"."""


def _commands(head: Sequence[str], lexicon: Lexicon) -> bool:
    """ "do the exchange", "go for the credit", "sort me out with a voucher": a command that names the offer
    and says nothing else."""
    core = [w for w in head if w not in _DETERMINERS]
    if not core or not lexicon.imperatives.may_occur(core[:1]):
        return False
    command = lexicon.imperatives.at(core, 0)
    return command is not None and command.end == len(core)


def _all_refused(context: Context, found: Found) -> None:
    """Turning down every offer one by one is turning them all down."""
    if len(context.offered) < 2 or "reject" not in found.kinds():
        return
    refused = {act.target for _, act in found.acts if act.kind == "reject"}
    chosen = {act.target for _, act in found.acts if act.kind == "choose"}
    if set(context.offered_ids) <= refused and not chosen:
        position = min(pos for pos, act in found.acts if act.kind == "reject")
        found.acts = [(pos, act) for pos, act in found.acts if act.kind != "reject"]
        found.add(position, Act.of("reject", "all"))
