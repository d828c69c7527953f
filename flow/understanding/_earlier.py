"""Requests told as made before, and questions about them, as opposed to new requests.

"I asked for a refund last week", "is it cancelled?", "have you refunded me yet?" and "is the refund
done?" speak of a request already made: the flow answers with its status. "I want a refund because it
hasn't arrived" and "check if you can refund me" make a new one, though they speak of what has not
happened. The words are English; they move to the lexicon when a second language needs them.
"""

from __future__ import annotations

from collections.abc import Sequence

from flow.models import Act
from flow.understanding._found import Found
from flow.understanding.clauses import Clause

_PAST_FORMS = frozenset({"cancelled", "canceled", "refunded", "reimbursed", "processed"})
_WANTING = frozenset({"want", "need", "like", "get", "have", "please", "can", "could"})
_NEW = frozenset({"a", "an", "full", "you", "to", "can", "could", "please"})
"""Words right before a request's name that ask for it anew: "a refund", "can you refund", "to cancel"."""
_REPORTERS = frozenset(
    {"i", "ive", "you", "youve", "was", "been", "it", "its", "has", "have", "had", "already", "definitely", "got"}
)
_PASSIVE = frozenset({"got", "was", "were", "been", "is", "gets", "get", "getting"})
_ORDERED_THINGS = frozenset(
    "it order orders parcel package purchase item items refund payment delivery subscription booking".split()
)
"""What a request can be about: "my order got cancelled" speaks of the order, "the wedding got cancelled" of
something else."""
_NOT_SUBJECTS = frozenset(
    "to me we i can could please just want would like and should will need so then also or".split()
)
"""Words before "get refunded" that leave the customer as the one refunded: "I want to get refunded"."""
_PAST_REPORT = frozenset(
    "asked emailed requested applied called rang phoned wrote messaged contacted tried already earlier given promised "
    "issued approved processed".split()
)
_TOLD_AS_DONE = frozenset({"was", "is", "has", "had", "got", "been"})
"""Words after a request's name that tell what became of it: "the refund was approved"."""
_ARRIVED = frozenset({"came", "arrived", "landed", "cleared", "showed", "appeared", "reached", "received"})
"""Words after a request's name that say it has reached the customer: "the refund came through"."""
_RECEIVED = frozenset({"got", "received", "had", "gotten"})
_NOT_YET = frozenset({"never", "still", "hasnt", "didnt", "hasn't", "not"})
_ASKING_AFTER = frozenset({"did", "has", "have", "is", "was", "hasnt", "havent", "didnt", "isnt"})
"""Words that open a question about something done: "did you cancel it yet?"."""
_SETTLED = frozenset(
    {"done", "sorted", "through", "processed", "approved", "complete", "completed", "finished", "gone"}
)


def reported(words: Sequence[str], at: int) -> bool:
    """Whether the request named at word ``at`` is told as something done before ("I asked for a refund
    last week", "I cancelled it on Monday", "is it cancelled?", "have you refunded me yet?", "did you
    cancel it yet?", "is the refund done?"), not asked for anew."""
    if _came_to_nothing(words[at + 1 :]) and _SETTLED.isdisjoint(words):
        return False  # "I asked for a refund yesterday and got nowhere": still wanted, so asked for again
    if words[at] in _PAST_FORMS and at > 0 and words[at - 1] in _REPORTERS:
        wanting = _WANTING.intersection(words[max(0, at - 4) : at])
        return not wanting or (wanting == {"have"} and words[0] == "have")
    if asks_after_earlier(words) and ("yet" in words[at:] or not _SETTLED.isdisjoint(words[at + 1 : at + 3])):
        return True
    told = at + 1
    if told + 1 < len(words) and words[told] == "for" and any(c.isdigit() for c in words[told + 1]):
        told += 2  # "my refund for A-1919 was approved": the order named between
    after = words[told : told + 3]
    if after[:1] and after[0] in _TOLD_AS_DONE and not _SETTLED.isdisjoint(after[1:]):
        return True  # "my refund was approved but the money hasn't come"
    if after[:1] and after[0] in _ARRIVED:
        return True  # "the refund came through, thanks!", "refund received"
    if len(after) > 1 and after[0] in _NOT_YET and after[1] in _ARRIVED:
        return True  # "my refund for A-9292 never came": asked after, not asked for again
    if at > 1 and words[at - 1] in ("my", "the", "a") and words[at - 2] in _RECEIVED:
        return True  # "I got my refund, thanks", "I got a refund last week but it's not in my account"
    return not _PAST_REPORT.isdisjoint(words[max(0, at - 4) : at])


def asked_again(clauses: Sequence[Clause], found: Found) -> None:
    """A request told as asked for before, and in a later clause as having come to nothing ("I asked for a
    refund last week but never heard back"), is asked for again."""
    for at, kind in found.told:
        if not _SETTLED.isdisjoint(clauses[at // 1000].words):
            continue  # "my refund was approved but no one told me when": after the money, not asked again
        if any(_came_to_nothing(clause.words) for clause in clauses[at // 1000 + 1 :]):
            found.add(at + 4, Act.of("request", kind))


def charged_all_the_same(clauses: Sequence[Clause], found: Found) -> None:
    """An order told as cancelled, and in another clause as charged ("my card was charged but the order
    was cancelled"), asks after the money, as "I got charged for an order I cancelled" does."""
    if "ask_status" in found.kinds():
        return
    for at, kind in found.told:
        if kind == "cancel" and any(not _CHARGED.isdisjoint(c.words) for c in clauses):
            found.add(at + 6, Act.of("ask_status"))
            return


_CHARGED = frozenset({"charged", "debited", "billed", "charge", "payment", "taken"})


def returned_and_waiting(clauses: Sequence[Clause], found: Found) -> None:
    """ "I returned a coat last week but haven't heard anything", "sent it back ages ago, still no refund": a
    return made before, with nothing since, asks after its refund rather than for a new one."""
    if "ask_status" in found.kinds():
        return
    for index, clause in enumerate(clauses):
        if not _sent_back_before(clause.words):
            continue
        if any(_no_word_since(later.words) for later in clauses[index:]):
            found.acts = [(p, a) for p, a in found.acts if not (a.kind == "request" and a.target == "refund")]
            found.add(index * 1000 + 6, Act.of("ask_status"))
        return


def _sent_back_before(words: Sequence[str]) -> bool:
    """ "I returned a coat", "we sent them back", "I posted it back on Monday": something sent back, told as
    done."""
    for at, word in enumerate(words):
        if not at or words[at - 1] not in _SENDERS:
            continue
        if word == "returned" or (word in _SENT and "back" in words[at + 1 : at + 4]):
            return True
    return False


_SENDERS = frozenset({"i", "we", "already", "ive", "weve"})
_SENT = frozenset({"sent", "posted", "shipped", "mailed"})


def _no_word_since(words: Sequence[str]) -> bool:
    """ "but haven't heard anything", "nothing yet", "still no refund", "no news": nothing since."""
    if _came_to_nothing(words):
        return True
    pairs = set(zip(words, words[1:], strict=False))
    return bool(pairs & _NOTHING_SINCE)


_NOTHING_SINCE = frozenset(
    {("havent", "heard"), ("not", "heard"), ("nothing", "yet"), ("still", "no"), ("no", "news"), ("no", "refund"),
     ("still", "nothing"), ("still", "waiting"), ("no", "sign"), ("no", "word"), ("no", "update"),
     ("nothing", "back")}
)  # fmt: skip


def _came_to_nothing(after: Sequence[str]) -> bool:
    """Whether the words after an earlier ask say it came to nothing: "and got nowhere", "but nobody
    replied", "and was ignored", "never heard back"."""
    if not _CAME_TO_NOTHING.isdisjoint(after):
        return True
    pairs = set(zip(after, after[1:], strict=False))
    return bool(pairs & _NOTHING_CAME)


_CAME_TO_NOTHING = frozenset({"nowhere", "ignored", "nobody", "noone"})
_NOTHING_CAME = frozenset(
    {("no", "reply"), ("no", "response"), ("no", "answer"), ("heard", "nothing"), ("never", "heard"),
     ("nothing", "happened"), ("no", "one")}
)  # fmt: skip


def befell_something_else(words: Sequence[str], at: int) -> bool:
    """Whether the request word at ``at`` tells what happened to something other than an order ("the
    wedding got cancelled", "my flight was cancelled"), which asks for nothing."""
    if words[at] not in _PAST_FORMS or at < 2 or words[at - 1] not in _PASSIVE:
        return False
    subject = words[at - 2]
    if subject in _ORDERED_THINGS or subject in _REPORTERS or subject in _NOT_SUBJECTS:
        return False
    return not subject[:1].isdigit()


def asks_after_earlier(words: Sequence[str]) -> bool:
    """Whether the clause opens as a question about something done ("did ...", "has ...", "is ...")."""
    return bool(words) and words[0] in _ASKING_AFTER


def asks_anew(words: Sequence[str], at: int) -> bool:
    """Whether the request named at word ``at`` is asked for anew ("I want a refund because it hasn't
    arrived", "check if you can refund me"), though the clause speaks of what has not happened; "has
    my refund gone through?" and "have you refunded me yet?" ask about one already made."""
    if at == 0 or words[at] in _PAST_FORMS or words[at - 1] not in _NEW:
        return False
    return not _WANTING.isdisjoint(words[max(0, at - 5) : at])
