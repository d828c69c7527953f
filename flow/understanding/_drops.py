"""Dropping a request, and taking back a choice, in the words of one message.

"Forget the refund" drops the refund; "scrap that", "never mind" and "I'll keep it" drop the request in
hand without naming it. Said after a choice in the same message, such words take the choice back
instead ("exchange please - actually no, scrap that, the credit"); said with a refusal of what is on
offer, they are that refusal ("no thanks, I'll leave it").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from flow.understanding._found import Found, cue_at, first, has
from flow.understanding._offers import named_mentions
from flow.understanding.clauses import Clause
from flow.understanding.context import Context
from flow.understanding.lexicon import Lexicon

DROPPING = frozenset({"forget", "scrap", "scratch", "drop", "ignore", "undo", "reverse"})
"""Words that drop the request named after them ("forget the refund", "undo the cancellation")."""
UNDOING = frozenset({"reinstate", "reinstated", "restore", "restored", "uncancel", "uncancelled", "reactivate"})
"""Words of asking to undo what was done to an order, the opposite of a cancellation."""
_KEEP_SOFTENERS = frozenset({"just", "actually", "probably", "simply", "then", "now", "definitely", "think"})


class Drop(NamedTuple):
    """The request a clause drops; where the words that drop it start when they do not name the request
    ("scrap that", "I'll keep it"), and whether they keep the item."""

    kind: str | None
    unnamed_at: int | None = None
    keeps: bool = False


def dropped_request(words: Sequence[str], lexicon: Lexicon, context: Context, asked_before: str | None = None) -> Drop:
    """The request a clause drops ("scrap that", "forget the refund", "I'll keep it"), if it drops one;
    ``asked_before`` is a request an earlier clause of the same message asked for ("can I cancel A-8004?
    actually no wait, I'll keep it"), which words naming no request drop when none is in hand."""
    match = first(lexicon.cancel_request_cues, words)
    in_hand = {kind for kind in (context.request, context.settled) if kind is not None}
    own = context.request or asked_before
    if match is None:
        for i in range(len(words) - 1 if not DROPPING.isdisjoint(words) else 0):
            if words[i] in DROPPING and words[i + 1] in ("the", "my", "about"):
                for kind, cues in lexicon.request_cues.items():
                    at = cue_at(cues, words[i + 1 : i + 5])
                    if at is not None:
                        return Drop(kind)
        if context.state == "follow_up" and context.settled is not None:
            if context.chosen is None and _only_was_asking(words, lexicon):
                return Drop(context.settled)  # "oh I was just asking" once the refund was started takes it back
            if context.settled == "cancel" and _order_wanted_back(words):
                return Drop("cancel")  # "please uncancel it", "I want to keep the order" once it is cancelled
            if undoes_it(words) and context.chosen is None:
                return Drop(context.settled)  # "can you undo that?" once the request is settled
        if context.request is not None and context.chosen is None and undoes_it(words):
            return Drop(context.request, 0)  # "oh wait can I undo that?" while the cancellation is asked about
        if own is not None and context.request is None and _something_else_instead(words, lexicon, context):
            return Drop(own, 0)  # "cancel A-4040. actually wait, can I change the address instead?"
        kept = own or (context.settled if context.state == "follow_up" and context.chosen is None else None)
        if context.chosen is not None and not _PLANS.isdisjoint(words):
            kept = None  # "yes, I'll keep the plan" once the off-peak plan is taken: the plan taken is kept
        if kept is not None and _keeps(words, lexicon):
            return Drop(kept, 0, keeps=True)  # "actually I'll keep it" once the refund is started takes it back
        return Drop(_no_longer_wanted(words, lexicon, context))
    if _mind_changed_about_the_item(words, match.start, match.end) or _describes_the_item(words, match.start):
        return Drop(None)  # "it's not faulty, I just changed my mind": why it goes back, not letting it go
    if context.request is None and asked_before is not None and _why_it_goes_back(words, match.start, match.end):
        return Drop(None)  # "can I get a refund on the lamp? I changed my mind about it": the reason, told after
    said = words[match.start : match.start + 1]
    if any(kind in lexicon.request_cues and has(lexicon.request_cues[kind], said) for kind in in_hand):
        return Drop(None)  # "cancel the whole thing" with a cancellation in hand: the whole order, not the request
    if not in_hand and any(has(cues, said) for cues in lexicon.request_cues.values()):
        return Drop(None)  # "ok then cancel the whole thing" with nothing in hand asks for the cancellation
    for each in lexicon.cancel_request_cues.find(words):
        # "on second thoughts can you stop the refund": the request named by this or a later cue, unless
        # denied ("I don't want to stop the refund")
        if each.start < match.start or not lexicon.negators.isdisjoint(words[max(0, each.start - 3) : each.start]):
            continue
        after = words[each.end : each.end + 4]
        for kind, cues in lexicon.request_cues.items():
            if cue_at(cues, after) is not None or cue_at(cues, words[each.start : each.end]) is not None:
                return Drop(kind)
    keeps = _keeps(words, lexicon)
    if own is None and keeps and context.state == "follow_up" and context.chosen is None:
        own = context.settled  # "oh nevermind, I'll keep it" once the cancellation is done takes it back
    return Drop(own, match.start, keeps=keeps)


def _order_wanted_back(words: Sequence[str]) -> bool:
    """ "Please uncancel it", "reinstate my order", "I want to keep the order", "we need it after all": the
    order cancelled is wanted after all."""
    if not UNDOING.isdisjoint(words):
        return True
    pairs = set(zip(words, words[1:], strict=False))
    wanted = bool({("keep", "the"), ("keep", "my"), ("want", "the"), ("want", "my")} & pairs) and "order" in words
    triples = set(zip(words, words[1:], words[2:], strict=False))
    cancelling = bool(triples & _WANTING_TO_CANCEL)  # "I'll need to cancel after all": the cancellation wanted
    return wanted or (("after", "all") in pairs and not {"want", "need"}.isdisjoint(words) and not cancelling)


_WANTING_TO_CANCEL = frozenset(
    (wanting, "to", cancel) for wanting in ("want", "need", "have") for cancel in ("cancel", "quit", "leave", "stop")
)


def undoes_it(words: Sequence[str]) -> bool:
    """ "Can you undo that?", "undo it please": what was just done, taken back; not "no need to undo that",
    "I hope I don't have to undo it" or "is it possible to undo that later?"."""
    for at, word in enumerate(words):
        if word != "undo" or words[at + 1 : at + 2] not in (["that"], ["it"], ["this"]):
            continue
        before = list(words[max(0, at - 4) : at])
        if "wait" in before and before[before.index("wait") - 1 : before.index("wait")] == ["no"]:
            before.remove("no")  # "no wait, undo that": the no takes back what was done
        if not _NOT_UNDOING.isdisjoint(before) or not _SOMEDAY.isdisjoint(words):
            return False
        return True
    return False


def leaves_it_as_it_was(words: Sequence[str]) -> bool:
    """ "Actually no, I don't want anything, just leave it as it is", "I've changed my mind, I don't want
    anything": a turn back, then everything left as it was before anything was set up; not "no that's all,
    leave it as is" or "actually I don't need anything more", said content."""
    pairs = set(zip(words, words[1:], strict=False))
    turned = bool(pairs & _TURNING_BACK) or ("changed", "my") in pairs or ("second", "thoughts") in pairs
    if not _CONTENT.isdisjoint(words) or not (turned or ("no", "actually") in pairs):
        return False
    for at, word in enumerate(words):
        if word == "leave" and words[at + 1 : at + 2] in (["it"], ["everything"], ["things"]):
            rest = words[at + 2 : at + 5]
            if rest[:1] in (["as"], ["how"]) and rest[1:3] in (["it", "was"], ["they", "were"]):
                return True  # "leave things how they were": as before anything was set up
        if turned and words[at : at + 3] == ["dont", "want", "anything"] and words[at + 3 : at + 4] not in _MORE:
            return True
    return False


def kept_as_it_is(words: Sequence[str]) -> bool:
    """ "I'll just keep my membership as it is", "I'd rather keep things the way they were": the customer
    keeping what they have as it was before anything was set up; not "keep my address as it is", which
    keeps one detail of what was set up."""
    for at, word in enumerate(words):
        if word != "keep" or _KEEPER.isdisjoint(words[max(0, at - 2) : at]):
            continue
        rest = words[at + 1 : at + 7]
        whole = rest[1:2] if rest[:1] == ["my"] else rest[:1]
        if not whole or whole[0] not in _WHOLE_THING:
            continue
        after = rest[2:5] if rest[:1] == ["my"] else rest[1:4]
        if after in (["as", "it", "is"], ["as", "it", "was"], ["how", "it", "is"], ["how", "it", "was"]) or after[
            :2
        ] in (["as", "is"], ["the", "way"], ["as", "before"], ["as", "normal"]):
            return True
    return False


_KEEPER = frozenset({"ill", "just", "id", "rather", "to", "gonna", "will"})
"""Words before "keep" that make the customer the one keeping ("I'll just keep", "I'd rather keep")."""
_WHOLE_THING = frozenset(
    {"it", "everything", "things", "membership", "plan", "subscription", "contract", "account", "order"}
)


_TURNING_BACK = frozenset({("actually", "no"), ("no", "wait"), ("wait", "no"), ("on", "second")})
"""Word pairs of a firm turn back ("actually no, …"), unlike "no, actually …", often a no to "anything else?"."""
_CONTENT = frozenset(
    {"happy", "perfect", "great", "fine", "good", "thanks", "thank", "sorted", "lovely", "helpful", "grand", "ta"}
    | {"cheers", "brilliant", "appreciated", "appreciate", "now"}
)
_MORE = (["else"], ["more"], ["further"], ["extra"])
_NOT_UNDOING = frozenset({"dont", "not", "no", "cant", "cannot", "never", "hope", "wont", "possible", "need"})
_SOMEDAY = frozenset({"later", "if", "whether", "future", "ever", "final"})


def _only_was_asking(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "I was just asking", "I didn't say go ahead": the request started was not asked for yet; not "I was
    just asking if the refund includes postage", which asks something."""
    match = first(lexicon.went_ahead_unasked, words)
    return match is not None and _ASKING_ON.isdisjoint(words[match.end : match.end + 1])


_ASKING_ON = frozenset({"if", "whether", "about", "how", "when", "what", "where", "why", "because", "cos"})


def _something_else_instead(words: Sequence[str], lexicon: Lexicon, context: Context) -> bool:
    """ "Actually wait, can I change the delivery address instead?": after asking for something, a question
    that asks in its place for something no request or offer names."""
    if "instead" not in words or words[0] not in _ASKING_FOR:
        return False
    cues = (*lexicon.request_cues.values(), *lexicon.weak_request_cues.values())
    if any(cue_at(each, words) is not None for each in cues):
        return False
    return not named_mentions(words, context.wishes, lexicon)


_ASKING_FOR = frozenset({"can", "could", "may", "would", "id", "i"})


def _mind_changed_about_the_item(words: Sequence[str], start: int, end: int) -> bool:
    """ "I just changed my mind", "because I changed my mind": a change of mind given as the reason for the
    return, not one about the request."""
    if "mind" not in words[start:end]:
        return False
    return not _GIVING_A_REASON.isdisjoint(words[max(0, start - 3) : start])


def _why_it_goes_back(words: Sequence[str], start: int, end: int) -> bool:
    """Whether a change of mind told just after asking ("… I changed my mind about it") is the reason for the
    request rather than taking it back ("… actually no, I've changed my mind")."""
    return "mind" in words[start:end] and _TAKING_BACK.isdisjoint(words[:start])


_TAKING_BACK = frozenset({"actually", "wait", "no", "hmm", "hold", "scratch", "sorry", "oh", "nah"})


def _describes_the_item(words: Sequence[str], start: int) -> bool:
    """ "a lamp that I no longer want": the words describe the item, which is why it goes back, not the
    request let go."""
    head = words[max(0, start - 2) : start]
    return "longer" in words[start : start + 3] and not _RELATIVE.isdisjoint(head)


_RELATIVE = frozenset({"that", "which", "cos", "because", "since", "as"})


def mind_changed_beside_the_date(clauses: Sequence[Clause], lexicon: Lexicon, found: Found) -> None:
    """ "Bought them 3 days ago, changed my mind": a bare change of mind told with the day of purchase is why
    the item goes back, not the request let go; "changed my mind, I don't want the refund" still drops it."""
    for index, clause in enumerate(clauses):
        words = clause.words
        match = first(lexicon.cancel_request_cues, words)
        if match is None or "mind" not in words[match.start : match.end]:
            continue
        rest = [w for w in words[: match.start] + words[match.end :] if w not in _ONLY_THE_PURCHASE]
        if any(not any(ch.isdigit() for ch in w) for w in rest):
            return
        found.acts = [(at, act) for at, act in found.acts if not (act.kind == "cancel_request" and at // 1000 == index)]
        found.unnamed_drops = [(at, keeps) for at, keeps in found.unnamed_drops if at // 1000 != index]


_ONLY_THE_PURCHASE = frozenset(
    "i ive i've have had just so and but then well yeah yes basically bought ordered got them it this these "
    "ago days day weeks week a an the one two three four five six seven eight nine ten few couple of last on "
    "about around roughly yesterday today morning afternoon evening weekend month months fortnight back in at "
    "from monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
"""Words a change of mind may stand beside and still be only the reason for a return with its date."""


_GIVING_A_REASON = frozenset({"just", "simply", "only", "because", "cos", "coz", "cause", "as", "since", "merely"})


def _no_longer_wanted(words: Sequence[str], lexicon: Lexicon, context: Context) -> str | None:
    """The request named as not wanted after all: "sorry, I don't want a refund after all", "we don't need
    the cancellation any more", or "I don't want a refund" just after the refund was started. Otherwise,
    without "after all" or "any more", "I don't want a refund" may only answer "anything else?"."""
    pairs = set(zip(words, words[1:], strict=False))
    if {("after", "all"), ("any", "more")} & pairs or "anymore" in words:
        return unwanted_request(words, lexicon)
    started = context.settled if context.state == "follow_up" and context.chosen is None else None
    if started is not None and unwanted_request(words, lexicon) == started:
        return started
    return None


def unwanted_request(words: Sequence[str], lexicon: Lexicon) -> str | None:
    """The request a clause says is not wanted ("I don't want a refund"), whatever it answers."""
    for i, word in enumerate(words):
        if word in _WANTING_NOT and lexicon.negators.intersection(words[max(0, i - 2) : i]) - _ANSWERING_NO:
            for kind, cues in lexicon.request_cues.items():
                if cue_at(cues, words[i + 1 : i + 5]) is not None:
                    return kind
    return None


_WANTING_NOT = frozenset({"want", "need"})
_ANSWERING_NO = frozenset({"no", "nope", "nah"})
"""A "no" that answers before "I want a refund" ("no I want a refund not an exchange"), not negating it."""


def correction_end(words: Sequence[str], lexicon: Lexicon) -> int:
    """Where a clause that takes back what was just said goes on to what is wanted now ("actually no I want
    a refund", "forget it, just cancel it"): the end of the words taking it back, else 0."""
    match = first(lexicon.cancel_request_cues, words)
    if match is None or _WANTING.isdisjoint(words[match.end : match.end + 3]):
        return 0
    if words[match.end - 1 : match.end + 1] == ["no", "need"]:
        return 0  # "actually no need for a refund": the "no" goes with "need", turning the refund down
    return match.end


_WANTING = frozenset("want wanted like need prefer rather have get give take do make go just".split())
"""Words after "actually no" that go on to what is wanted now, rather than name what is dropped ("actually
no, not the refund")."""


_PLANS = frozenset({"plan", "subscription", "account", "membership"})


def _keeps(words: Sequence[str], lexicon: Lexicon) -> bool:
    """The customer deciding to keep the item ("I'll hang on to it after all", "we'll just keep them"), which
    drops the request; not "I don't want to keep it", "can I keep it?" or "I'll keep it until the new one comes"."""
    match = first(lexicon.keeping, words)
    if match is None or (match.end < len(words) and words[match.end] in lexicon.keeping_for_now):
        return False
    head = [w for w in words[: match.start] if w not in _KEEP_SOFTENERS]
    while head and head[0] in _ANSWERING_NO:
        head = head[1:]  # "no, I'll keep it": the no answers, the keeping is decided
    decided = lexicon.deciding.find(head)
    return bool(decided) and decided[-1].end == len(head) and lexicon.negators.isdisjoint(head)


def second_thoughts(found: Found) -> None:
    """A drop that names no request, said after a choice in the same message, takes the choice back:
    "exchange please - actually no, scrap that, the credit makes more sense" chooses the credit and
    keeps the request. A drop that turns something on offer down ("no thanks, I'll leave it") is that
    refusal only; keeping the item ("no thanks, I'll just keep it") still drops the request."""
    for at, keeps in found.unnamed_drops:
        chose_before = any(a.kind == "choose" and p < at for p, a in found.acts)
        refused = any(a.kind == "reject" for _, a in found.acts)
        if chose_before:
            found.acts = [(p, a) for p, a in found.acts if not (a.kind == "choose" and p < at)]
        if (chose_before or refused) and not keeps:
            found.drop("cancel_request")
        clause = at // 1000
        dropped = {a.target for p, a in found.acts if a.kind == "cancel_request" and p // 1000 == clause}
        wanted_after_all = any(
            p // 1000 > clause and (a.kind == "insist" or (a.kind == "request" and a.target in dropped))
            for p, a in found.acts
        )
        if wanted_after_all and not keeps:
            # "actually no, can I just have the money?": the no is to what was said or set up, and the same
            # request is asked for again, not dropped
            found.acts = [
                (p, a) for p, a in found.acts if not (p // 1000 == clause and a.kind in ("cancel_request", "goodbye"))
            ]
