"""What a customer asks for, or asks about, by the name of something the shop offers instead, before
anything is on offer or while other things are.

"I'd like to exchange my jacket for a bigger size", "can I swap it for another colour?", "store credit
for order A-6103 please": the customer names one of the policy's alternatives as what they want. Read
while nothing is on offer, or while something else is ("can I have store credit instead?" with a repair
on offer, which the engine answers). A clause that asks to have it chooses it; a question about it
("how does an exchange work?", "what is store credit?") asks about it, so it can be described. The engine leaves out of
:attr:`~flow.understanding.context.Context.wishes` the names that are also words for a request ("a refund",
"send it back"), which the request reader takes.
"""

from __future__ import annotations

from collections.abc import Sequence

from flow.models import Act
from flow.understanding._choices import TELLING, supposes, topic_of_question
from flow.understanding._drops import unwanted_request
from flow.understanding._found import Found, first, has
from flow.understanding._offers import Mention, by_variant, named_mentions, said_of_it, stopped
from flow.understanding._request_cues import looks_like_order_number
from flow.understanding.clauses import Clause
from flow.understanding.context import Context
from flow.understanding.lexicon import Lexicon

_ASKING_LEAVE = frozenset(
    (verb, person) for verb in ("can", "could", "may", "cant", "couldnt") for person in ("i", "we", "you")
)


def _second_best(clauses: list[Clause], index: int, mention: Mention, lexicon: Lexicon) -> bool:
    """Whether the offer named at ``mention`` in clause ``index`` is wanted only should a request asked for
    before it fail: "a refund or at least a pause", "refund if possible, otherwise a pause"."""
    words = clauses[index].words
    before = words[max(0, mention.start - 4) : mention.start]
    marked = any(pair in _OR_AT_LEAST for pair in zip(before, before[1:], strict=False))
    asked = words[: mention.start]
    if not marked and index > 0 and mention.start <= 2:
        last = clauses[index - 1].words
        marked = last[-2:] in (["if", "possible"], ["if", "not"]) or last[-3:] in _IF_IT_CAN_BE
        asked = last
    return marked and any(has(cues, asked) for cues in lexicon.request_cues.values())


_OR_AT_LEAST = frozenset({("at", "least"), ("or", "else"), ("or", "failing"), ("if", "not")})
"""Word pairs before an offer's name that make it second best ("a refund or at least a pause")."""
_IF_IT_CAN_BE = (["if", "you", "can"], ["if", "thats", "possible"], ["if", "its", "possible"], ["if", "you", "could"])
"""Endings of a request that make what follows second best ("a refund if you can, otherwise credit")."""


_BARE_SIZE = 3
"""The most words of a size said on its own ("a 12 please")."""


def read_wishes(clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found) -> None:
    """Add a ``choose`` act for an alternative the customer asks to have while nothing is on offer, or an
    ``ask_about`` act for one they ask a question about. The other alternatives the words of a choice also
    name ("send a new one" names "a new one") go to ``found.also_wished``, for the engine to weigh."""
    for index, clause in enumerate(clauses):
        words = clause.words
        asked_about = False
        mentions = named_mentions(words, context.wishes, lexicon)
        if not mentions and context.state == "follow_up" and context.settled is not None and len(words) <= _BARE_SIZE:
            # "a 12 please" once a refund is under way for the wrong size sent: the size wanted instead
            mentions = by_variant(words, context.wishes, lexicon, taken=True)
        if mentions and clause.question and supposes(words):
            # "what if I want to cancel during the pause?", "if I take the pause, could I switch later?": a wish
            # supposed, asked about, and what the question goes on to is asked about too
            found.add(index * 1000 + mentions[0].start, Act.of("ask_about", mentions[0].offer or "all"))
            return
        for mention in mentions:
            if mention.offer is None or _done_before(words, mention.start) or _swapped_for(words, mention, mentions):
                continue
            if stopped(words, mention):
                continue  # "stop sending it please, it hasn't shipped": the sending called off, not asked for
            if context.state == "follow_up" and said_of_it(words, mention):
                continue  # "the new one is too big": what the thing sent is like, not one asked for
            if mention.how == "variant" and not _KEEPING.isdisjoint(words[max(0, mention.start - 3) : mention.start]):
                continue  # "can I keep the black one and get a discount?": the one they have, not one wanted
            if _paid_with(words, mention, lexicon):
                continue  # "can I return items bought with a gift card?": how it was paid for, not what is wanted
            if (
                _way_of_granted(mention.offer, context)
                and (clause.question or _asks_for(clause, mention, lexicon))
                and _ANOTHER.isdisjoint(words)
            ):
                found.add(index * 1000 + mention.start, Act.of("ask_policy"))
                return
            if _asks_after_its_own(words, mention):
                # "has my exchange been sent yet?": one arranged before, asked after, not asked for again
                found.add(index * 1000 + mention.start, Act.of("ask_status"))
                return
            if _displaced(words, mention.start):
                found.add(index * 1000 + mention.start, Act.of("reject", mention.offer))
                continue
            if (
                _asks_for(clause, mention, lexicon)
                and _only_a_size(words, mention, context, lexicon)
                and not _lets_go_of_settled(clauses, context, lexicon)
            ):
                # "A large, please" once a refund is started: whether to swap it is asked, not done
                found.add(index * 1000 + mention.start, Act.of("ask_about", mention.offer))
                return
            if topic_of_question(clauses, index, mentions, lexicon):
                # "the returns label, where do I get it?": named, then asked about
                found.add(index * 1000 + mention.start, Act.of("ask_about", mention.offer))
                asked_about = True
                continue
            if _second_best(clauses, index, mention, lexicon):
                found.second_best = mention.offer  # "a refund if possible, otherwise a pause": should it be refused
                continue
            if (
                context.state == "follow_up"
                and context.settled is not None
                and "also" in words[max(0, mention.start - 3) : mention.start]
                and clause.question
                and not any(looks_like_order_number(word) for word in words)
            ):
                # "can I also downgrade?" once the refund is started: asked on top of it, not in its place
                found.add(index * 1000 + mention.start, Act.of("ask_about", mention.offer))
                asked_about = True
                continue
            if _asks_for(clause, mention, lexicon) or _why_not_have(words, mention):
                found.add(index * 1000 + mention.start, Act.of("choose", mention.offer))
                others = tuple(offer for offer in context.wishes if offer.id != mention.offer)
                inside = named_mentions(words[mention.start : mention.end], others, lexicon)
                found.also_wished = [m.offer for m in inside if m.offer is not None]
                return
            if asked_about or _asks_about(clause, mention, lexicon):
                # "what's the difference between store credit and an exchange?" asks about both
                found.add(index * 1000 + mention.start, Act.of("ask_about", mention.offer))
                asked_about = True
                continue
            if _turned_down(clause, mention, lexicon) or _refused_next(clauses, index):
                found.add(index * 1000 + mention.start, Act.of("reject", mention.offer))
        if asked_about:
            return
    if not found.kinds() & {"choose", "ask_about", "reject"}:
        _change_for_the_fit(clauses, context, lexicon, found)


def _refused_next(clauses: list[Clause], index: int) -> bool:
    """ "Before you offer me a freeze, I don't want one": the offer named, then refused in the next clause by
    a word that points back to it."""
    if index + 1 >= len(clauses):
        return False
    words = [w for w in clauses[index + 1].words if w not in _LINKING]
    return len(words) <= _SHORT_REFUSAL and tuple(words[:3]) in _DONT_WANT and words[3:4] in _POINTING_BACK


_LINKING = frozenset({"and", "but", "so", "just", "really", "honestly"})
_SHORT_REFUSAL = 5
_DONT_WANT = frozenset({("i", "dont", "want"), ("i", "dont", "need"), ("im", "not", "interested")})
_POINTING_BACK: tuple[list[str], ...] = (["one"], ["it"], ["that"], ["them"], ["any"], [])


def _paid_with(words: Sequence[str], mention: Mention, lexicon: Lexicon) -> bool:
    """ "Bought with a gift card", "paid using store credit": the name of an offer as the way the order
    was paid for."""
    before = words[max(0, mention.start - 3) : mention.start]
    return not _PAYING_WITH.isdisjoint(before) and (
        not lexicon.purchase_words.isdisjoint(words[: mention.start]) or not _PAID.isdisjoint(words[: mention.start])
    )


_PAYING_WITH = frozenset({"with", "using", "by", "via"})
_PAID = frozenset({"paid", "pay", "paying", "used", "spent"})


def _why_not_have(words: Sequence[str], mention: Mention) -> bool:
    """ "Why can't I just get a replacement?": asking why not is asking to have it."""
    lead = tuple(words[:3])
    return lead in WHY_NOT and not _HAVING.isdisjoint(words[3 : mention.start])


WHY_NOT = frozenset({("why", "cant", "i"), ("why", "cant", "we"), ("why", "couldnt", "i"), ("why", "cant", "you")})
"""How a clause opens that asks why not, which asks to have what it names ("why can't I just get one?")."""
_HAVING = frozenset({"get", "have", "getting", "having", "send", "give"})


def _swapped_for(words: Sequence[str], mention: Mention, mentions: Sequence[Mention]) -> bool:
    """ "Can I swap my refund for store credit?": the word of swapping names the exchange, but what is
    wanted is the other alternative it is swapped for."""
    if _preferred(words, mention):
        return False  # "I'd prefer a repair to a replacement": the first is the one wanted
    return any(
        later.offer not in (None, mention.offer)
        and later.start >= mention.end
        and not _SWAPPED_INTO.isdisjoint(words[mention.end : later.start])
        for later in mentions
    )


_SWAPPED_INTO = frozenset({"for", "to", "into"})


def _asks_after_its_own(words: Sequence[str], mention: Mention) -> bool:
    """ "Has my exchange been sent?", "can you check if my replacement has shipped?", "where's my store
    credit?": the customer's own, arranged before, and where it has got to."""
    if mention.start == 0 or words[mention.start - 1] not in ("my", "our"):
        return False
    return not _GOT_TO.isdisjoint(words)


_GOT_TO = frozenset(
    {"sent", "shipped", "dispatched", "arrived", "arrive", "processed", "where", "wheres", "yet", "status", "track",
     "tracking", "update", "received", "through"}
)  # fmt: skip
"""Words of asking where something already arranged has got to."""


def _only_a_size(words: Sequence[str], mention: Mention, context: Context, lexicon: Lexicon) -> bool:
    """Whether the clause names an alternative only by a size or colour ("a large please"), with no word of
    changing or swapping, after the request was granted or before anything was asked for: too little to
    undo the request on, or to set the alternative up on."""
    bare = all(
        word in lexicon.variant_after or word in lexicon.variant_leads
        for word in (*words[: mention.start], *words[mention.end :])
    )
    undecided = (context.state == "follow_up" and context.settled is not None and context.chosen is None) or (
        context.state == "listening" and context.request is None and bare
    )
    return (
        mention.how == "variant"
        and undecided
        and lexicon.variant_verbs.isdisjoint(words)
        and lexicon.switch_words.isdisjoint(words)
        and "send" not in words[: mention.start + 1]  # "ok then send me the navy one" asks to have it
    )


def _lets_go_of_settled(clauses: list[Clause], context: Context, lexicon: Lexicon) -> bool:
    """ "I don't want a refund, I just want the green one": the request granted is let go in the same
    message, so the size or colour named is what the customer wants instead."""
    return context.settled is not None and any(
        unwanted_request(clause.words, lexicon) == context.settled for clause in clauses
    )


def _change_for_the_fit(clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found) -> None:
    """ "I ordered the wrong size, can I change it?", "... is it too late to change?": changing "it", or
    changing alone, with the size or colour said to be wrong in the message, asks for the one offer of
    another size or colour."""
    if not any(_wrong_fit(clause.words, lexicon) for clause in clauses):
        return
    owners = [
        offer.id
        for offer in context.wishes
        if any(not lexicon.variant_kinds.isdisjoint(w.split()) for w in offer.words)
    ]
    if len(owners) != 1:
        return
    for index, clause in enumerate(clauses):
        words = clause.words
        for at, word in enumerate(words):
            changed = words[at + 1 : at + 2]
            if (
                word in lexicon.variant_verbs
                and (not changed or changed[0] in _IT)
                and not _negated(words, at, lexicon)
            ):
                if clause.question or "please" in words or not _WANTING.isdisjoint(words[:at]):
                    found.add(index * 1000 + at, Act.of("choose", owners[0]))
                    return


def _wrong_fit(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "The wrong size", "too small", "doesn't fit": the size or colour is not right."""
    pairs = set(zip(words, words[1:], strict=False))
    if any(a == "wrong" and b in lexicon.variant_kinds for a, b in pairs):
        return True
    return any(a == "too" and b in _FITS for a, b in pairs) or bool(_NOT_FITTING & pairs)


_IT = frozenset({"it", "them", "this", "that", "these", "those"})
_FITS = frozenset({"small", "big", "large", "tight", "loose", "long", "short", "baggy"})
_NOT_FITTING = frozenset({("doesnt", "fit"), ("dont", "fit"), ("didnt", "fit"), ("not", "fit")})


def _done_before(words: Sequence[str], start: int) -> bool:
    """ "You set up an exchange for me yesterday", "I took the store credit last week": an alternative told
    of as arranged before, not asked for now."""
    before = words[max(0, start - 4) : start]
    if "rather" in words[max(0, start - 6) : start]:
        return False  # "I'd rather you sent the right one": wanted, not told of
    return any(a in _WHO and b in _DONE for a, b in zip(before, before[1:], strict=False))


_WHO = frozenset({"you", "i", "we", "they", "someone", "somebody"})
_DONE = frozenset(
    {"set", "arranged", "gave", "sent", "organised", "organized", "processed", "approved", "did", "put", "took",
     "chose", "picked", "got", "received", "accepted", "agreed", "booked", "had"}
)  # fmt: skip


def _way_of_granted(offer_id: str, context: Context) -> bool:
    """Whether, with a request just granted, the alternative named is a way of doing a request (the free
    return, which ends in a refund): "will you send me a returns label?" then asks how things go from here,
    not for something in place of what was granted."""
    granted = context.state == "follow_up" and context.chosen is None and not context.offered
    return granted and offer_id in context.ways_of_requests


_ANOTHER = frozenset({"another", "other", "same", "second", "different"})
"""Words that take a question past the request granted ("can I use the same label for another order?")."""


def options_instead(clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found) -> None:
    """After a request was granted, or an alternative taken, "what are my options?" or "what else could you
    do?" asks what the customer could have instead of it: an ``ask_about`` act for all of them. "Anything
    else" stays the answer to the agent's own question ("no, not anything else")."""
    granted = context.chosen is None and not context.offered and bool(context.wishes)
    taken = context.chosen is not None and bool(context.offered)
    if context.state != "follow_up" or not (granted or taken):
        return
    for index, clause in enumerate(clauses):
        if has(lexicon.more_options, clause.words) and "anything" not in clause.words:
            found.add(index * 1000, Act.of("ask_about", "all"))
            return


_WHAT_OR_HOW = frozenset({"what", "whats", "how", "when", "where", "which"})
"""A question asking to be told ("can you tell me what…?") asks about what it names."""


def _asks_for(clause: Clause, mention: Mention, lexicon: Lexicon) -> bool:
    """ "I'd like to swap it", "can I get store credit?", "exchange please"; not "how does an exchange work?",
    "I don't want credit" or "what is store credit?"."""
    words = clause.words
    if _negated(words, mention.start, lexicon):
        return False
    if words[0] in _QUESTION_WORDS or "how" in words[: mention.start]:
        return False
    if not TELLING.isdisjoint(words[: mention.start]) and not _WHAT_OR_HOW.isdisjoint(words[1 : mention.start]):
        return False  # "could you tell me what the basic plan includes?" asks about it
    if not _USING.isdisjoint(words[: mention.start]):
        return False  # "can I use the same label for another order?" asks about it
    if all(word in _BARE or word in _GIVING for word in words[: mention.start]) and all(
        word in _TOLD or word in lexicon.praise for word in words[mention.end :]
    ):
        return True  # "a replacement", "send the right one", "just give me the credit then"
    if _preferred(words, mention):
        return True  # "I'd prefer a repair", "I'd rather have the credit"
    if mention.how == "variant" and not _SENDING_FOR.isdisjoint(words[max(0, mention.start - 2) : mention.start]):
        return True  # "size 8, need 9", "if you send a 9"
    if (
        mention.how == "variant"
        and all(word in _BARE for word in words[: mention.start])
        and _against_the_old(words[mention.end :])
    ):
        return True  # "a 9 instead of an 8", "size L not M": the one wanted, then the one had
    verbs = lexicon.variant_verbs
    if _told_to_change(words[: mention.start], verbs) or (
        words[mention.start] in verbs and _told_to_change(words[: mention.start + 1], verbs)
    ):
        return True
    if "please" in words or any(
        pair in _ASKING_LEAVE for pair in zip(words[: mention.start], words[1 : mention.start], strict=False)
    ):
        return True
    form = first(lexicon.choice_forms, words)
    return form is not None and form.start < mention.start


def _against_the_old(after: Sequence[str]) -> bool:
    """Whether the words after a size or colour set it against the one had: "instead of an 8", "one not
    the red"."""
    if after[:1] in (["one"], ["ones"]):
        after = after[1:]
    return after[:1] in (["instead"], ["rather"], ["not"])


_SENDING_FOR = frozenset({"need", "send"})
_KEEPING = frozenset({"keep", "keeping"})
"""Words before a size or colour that ask to have it: "need a 10", "send the blue"."""


def _displaced(words: Sequence[str], start: int) -> bool:
    """Whether the name is what something else is wanted in place of: "my money back rather than a new
    one", "a refund instead of a replacement", "I'd rather have a refund than a repair", "can I change my
    mind about the exchange?"."""
    before = words[max(0, start - 3) : start]
    pairs = set(zip(before, before[1:], strict=False))
    if ("rather", "than") in pairs or ("instead", "of") in pairs or ("mind", "about") in pairs:
        return True
    if "to" in before[-2:] and not _PREFERRING.isdisjoint(words[: max(0, start - 2)]):
        return True  # "I'd prefer a repair to a replacement"
    return "than" in before and not _PREFERRING.isdisjoint(words[:start])


_PREFERRING = frozenset({"rather", "prefer", "preferably", "sooner"})


def _preferred(words: Sequence[str], mention: Mention) -> bool:
    """Whether a word of preferring comes just before the name: "I'd prefer a repair"."""
    return not _PREFERRING.isdisjoint(words[max(0, mention.start - 3) : mention.start])


def _turned_down(clause: Clause, mention: Mention, lexicon: Lexicon) -> bool:
    """ "Don't give me store credit", "I don't want an exchange", "no vouchers please": an alternative ruled
    out before it is offered."""
    words = clause.words
    if clause.question or not _negated(words, mention.start, lexicon):
        return False
    return not _WANTING.isdisjoint(words[: mention.start]) or words[mention.start - 1 : mention.start] == ["no"]


_WANTING = frozenset({"want", "need", "give", "offer", "send", "interested", "fobbed", "take", "accept"})


def _asks_about(clause: Clause, mention: Mention, lexicon: Lexicon) -> bool:
    """ "How does an exchange work?", "what's store credit?", "do you do repairs?"; not "why no exchange?"
    nor a question with a negation before the name ("can't I get a refund, not credit?")."""
    words = clause.words
    if not (clause.question or words[0] in _QUESTION_WORDS or words[0] in _DOING):
        return False
    if _negated(words, mention.start, lexicon):
        return False
    return not lexicon.asks_why(words, " ".join(words))


def _negated(words: Sequence[str], start: int, lexicon: Lexicon) -> bool:
    """Whether a negation governs the name starting at ``start``: just before it, or before a list it ends
    ("I don't want store credit or an exchange")."""
    if not lexicon.negators.isdisjoint(words[max(0, start - 4) : start]):
        return True
    listed = not _LISTING.isdisjoint(words[max(0, start - 3) : start])
    return listed and not lexicon.negators.isdisjoint(words[max(0, start - 10) : start])


_LISTING = frozenset({"or", "nor"})


_BARE = frozenset(
    {"a", "an", "the", "ok", "okay", "um", "hmm", "erm", "just", "actually", "fine", "alright", "sure", "yes", "yeah",
     "i", "guess", "suppose", "reckon", "honestly", "oh", "maybe", "think", "then", "so", "well"}
)  # fmt: skip
"""Words that may stand before an alternative's name in a message that is only the name: "a replacement",
"I guess a replacement"."""
_GIVING = frozenset({"send", "give", "ship", "post", "me", "us", "just", "please", "pls"})
"""Words of telling the agent to hand over what the name says, before it: "send the right one"."""
_TOLD = frozenset(
    {"it", "them", "then", "please", "pls", "instead", "for", "me", "now", "thanks", "sounds", "good", "great",
     "fine", "perfect", "works", "would", "be", "is", "nice", "ideal", "lovely", "best", "i", "guess", "suppose",
     "reckon", "actually", "rather", "better", "preferably", "ideally", "grand", "suit", "suits", "do",
     "absolutely", "definitely", "really", "so", "very", "much", "more", "ok", "okay", "alright", "cool"}
)  # fmt: skip
"""Words that may follow the name in a message that only tells the agent to do it, or welcomes it: "freeze
it then", "the exchange sounds good", "a replacement would suit me better"; words of praise do too."""
_LEADING = frozenset({"sure", "yes", "yeah", "yep", "ok", "okay", "so", "then", "just", "please", "actually", "um",
                      "hmm", "erm", "fine", "alright"})  # fmt: skip
_CHANGED = frozenset({"it", "them", "this", "that", "these", "those", "one", "ones", "mine", "please", "just"})


def _told_to_change(before: Sequence[str], verbs: frozenset[str]) -> bool:
    """ "swap them for a large", "sure, just change it to blue": an order to change the item (a verb of
    ``verbs``), with nothing before the verb but a yes, and nothing after it but the thing changed."""
    at = 0
    while at < len(before) and before[at] in _LEADING:
        at += 1
    return at < len(before) and before[at] in verbs and all(word in _CHANGED for word in before[at + 1 :])


_DOING = frozenset({"do", "can", "could", "would"})
_USING = frozenset({"use", "reuse", "spend", "keep", "print"})
_QUESTION_WORDS = frozenset({"what", "whats", "how", "hows", "why", "when", "where", "which", "who", "is", "does"})
