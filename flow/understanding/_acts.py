"""Reading a message as dialogue acts, clause by clause, in the context of the conversation.

A message is cut into clauses (:mod:`flow.understanding.clauses`). Each clause is read for what it
does: choosing, turning down or asking about something on offer (:mod:`flow.understanding._choices`);
asking for a request, dropping one or switching to another; asking why, about the rules or about an
earlier request; asking for a person (or saying none is needed); insisting; complaining; thanking;
saying goodbye; answering a yes/no question. Facts become ``provide`` acts. What the clause words
cannot settle, the intent model's reading of the whole message decides; a message with nothing
readable is ``unknown``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date

from flow.models import Act
from flow.understanding._checking import checks_the_no, gives_the_reason
from flow.understanding._choices import (
    CALLBACK,
    about_chosen,
    acknowledges,
    bare_choice,
    called_off,
    chosen_taken_back,
    customer_will,
    failing_that,
    read_choices,
    refusal,
    supposes,
    takes_it_in,
    wants_all,
)
from flow.understanding._drops import (
    DROPPING,
    UNDOING,
    correction_end,
    dropped_request,
    kept_as_it_is,
    leaves_it_as_it_was,
    mind_changed_beside_the_date,
    second_thoughts,
    undoes_it,
)
from flow.understanding._earlier import (
    asked_again,
    asks_after_earlier,
    asks_anew,
    befell_something_else,
    charged_all_the_same,
    reported,
    returned_and_waiting,
)
from flow.understanding._facts import ordinal_day
from flow.understanding._found import Found, cue_at, dismayed, first, has, only, starts_with
from flow.understanding._offers import Mention, find_mentions, named_mentions
from flow.understanding._request_cues import (
    ANYBODY,
    adds_more,
    another_order,
    another_order_named,
    another_order_said,
    looks_like_order_number,
    names_a_person,
    sends_back,
    speaks_of_another_order,
    too_late,
)
from flow.understanding._revisions import (
    about_what_was_done,
    leaning_with_a_question,
    meant_to_back_then,
    new_one_taken,
    not_satisfied,
    paused_choice,
    status_of_chosen,
    switched_request,
    weighed_choice,
)
from flow.understanding._text import NUMBER
from flow.understanding._wishes import WHY_NOT, options_instead, read_wishes
from flow.understanding.asides import (
    ASKS_BESIDE,
    ASKS_OFFER,
    ASKS_OTHER,
    ASKS_RULES,
    PAYMENT_PLACES,
    asks_what_returning_costs,
)
from flow.understanding.clauses import Clause, agrees_why_not, asks_indirectly
from flow.understanding.context import Context
from flow.understanding.lexicon import Lexicon
from flow.understanding.phrases import PhraseSet

_DECLINED_STATES = frozenset({"offering_alternatives", "compensation", "escalated", "explaining", "apologizing"})
_PERSON_VERBS = frozenset(
    """speak talk chat get want need see connect transfer put give escalate let pass through contact reach call
    ring phone have look deal check""".split()
)
_PERSON_WORDS = frozenset(
    """human person agent manager supervisor operator representative rep someone somebody colleague staff assistant
    advisor adviser senior anyone anybody""".split()
)
_VAGUE_PEOPLE = frozenset({"customer service", "customer services", "a person", "on the phone", "senior"})
_SERVICE = frozenset({"customer service", "customer services"})
_SERVICE_ALONE = frozenset({"customer", "service", "services", "please", "now", "then", "the", "your", "to"})
_BESIDE_FOLLOW_ON = frozenset({"unknown", "complain", "affirm", "thank"})
_ACKNOWLEDGING = frozenset({"ok", "okay", "alright", "fine", "right", "cool", "great", "thanks", "thank", "you"})
_NO_NEED = frozenset({
    ("no", "need"), ("dont", "need"), ("dont", "have"), ("no", "point"), ("dont", "get"), ("dont", "want"),
    ("not", "necessary"), ("forget", "the"), ("dont", "transfer"), ("dont", "escalate"), ("dont", "pass"),
    ("not", "asking"), ("not", "looking"), ("dont", "ask"), ("not", "after"), ("no", "point"),
    ("scrap", "the"), ("mind", "the"), ("skip", "the"), ("forget", "about"), ("longer", "need"),
})  # fmt: skip
_BESIDE_HOLD = frozenset({"hold", "thank"})
"""Asking for time is the whole message only beside thanks: "hang on, why not?" asks why."""
_PUT_OFF_BY_HOLD = frozenset({"reject", "deny", "cancel_request"})
"""Acts of a bare "no" that time asked to decide puts off ("actually no, let me think")."""
_PLEASED = frozenset({"nice", "one", "do", "that", "it", "thats", "sounds", "cool", "all", "sorted", "job", "done"})
_NO_CUES = PhraseSet(())
_ANY_ORDER = frozenset({("an", "order"), ("a", "order"), ("an", "item"), ("a", "parcel")})
_ANY_ORDERS = frozenset({"orders", "items", "parcels"})
_SUPPOSED = frozenset({"after", "once", "if", "when"})
_SHORT_ANSWER = 3
"""Words in a clause beyond which an "ok" that opens a question is not a yes to what the agent asked."""
_SPLITTING = frozenset({"half", "halves", "part", "partly", "partial", "split", "mix", "combination", "some"})
"""Words that ask for part of a request beside part of an offer ("half refund, half credit")."""
_SENDING_BACK = frozenset({"return", "returned", "returning", "returns", "back", "send", "sent"})
_AUXILIARIES = frozenset("will would do does did can could should shall is are am was may must".split())
"""Words that open a plain yes-or-no question ("will she need to do anything?")."""
_ABOUT_OFFERS = frozenset({"choose", "reject", "ask_about"})
"""Acts about what is on offer, beside which no other alternative is read as asked for."""
_REQUEST_NEGATORS = frozenset("not dont never no doesnt didnt wont".split())
"""Words that turn a request down ("I don't want a refund"); "I couldn't return it" still wants it."""
_RHETORICAL = (("why", "should", "i"), ("why", "would", "i"), ("why", "do", "i", "have"), ("why", "must", "i"))
_EXPLICIT_INSIST = frozenset({"insist", "insisting", "demand", "again", "said", "told", "still", "care", "exception"})
_PRESSING = (("just", "refund"), ("just", "cancel"), ("just", "give"))
MODEL_REQUEST = 0.6
"""How sure the intent model must be of a request, a policy question or a complaint to add it when the
clause words found no such act."""
MODEL_PERSON = 0.75
"""How sure the intent model must be that the customer asks for a person."""


@dataclass(slots=True)
class ModelReading:
    """What the intent model made of the whole message, for what the clause words leave open."""

    intent: str
    confidence: float


@dataclass(slots=True)
class Tone:
    """What was read across the whole message before the clauses: abuse, threats, irony, shouting, angry emoji,
    and whether it reads warmly (its sentiment above neutral)."""

    abusive: bool = False
    threat: bool = False
    no_threat: bool = False
    irony: bool = False
    shouting: bool = False
    fuming: bool = False
    warm: bool = False


_ASKING_FOR_SOMETHING = frozenset({"request", "choose", "cancel_request", "ask_policy", "ask_about", "insist"})


def _charged_twice(clauses: list[Clause]) -> bool:
    """ "I was charged twice this month", "you took two payments": a charge taken more than once."""
    words = [word for clause in clauses for word in clause.words]
    for at, word in enumerate(words):
        near = words[at + 1 : at + 4]
        if word in _CHARGED and not _MORE_THAN_ONCE.isdisjoint(near):
            return True  # "charged twice", "billed me double"
        if word in _MORE_THAN_ONCE and near[:1] in (["payments"], ["charges"], ["charged"]):
            return True  # "two payments", "double charged"
    return False


_MORE_THAN_ONCE = frozenset({"twice", "double", "two"})


def _charged_unwanted(clauses: list[Clause]) -> bool:
    """ "Why did you take £9.99 off me?", "you charged me again even though I cancelled": money taken that
    the customer did not expect, told with why, a cancellation, or "again"."""
    words = [word for clause in clauses for word in clause.words]
    if _UNEXPECTED.isdisjoint(words):
        return False
    for at, word in enumerate(words):
        if not _TO_COME.isdisjoint(words[max(0, at - 3) : at]):
            continue  # "will you charge me again?" asks about a charge to come
        if word in _TAKING_MONEY and not _FROM_THE_CUSTOMER.isdisjoint(words[at + 1 : at + 4]):
            return True
        if word in _CHARGED and words[at - 1 : at] in (["was"], ["been"], ["got"], ["being"]):
            return True
    return False


def _charge_wanted_back(clauses: list[Clause]) -> bool:
    """ "You charged me $120 for the renewal, I want it back", "took £50 off me, give it back": money taken, and
    "it" wanted back."""
    words = [word for clause in clauses for word in clause.words]
    if _TAKING_MONEY.isdisjoint(words) and _PAYMENTS.isdisjoint(words):
        return False
    return wants_it_back(words)


def wants_it_back(words: Sequence[str]) -> bool:
    """Whether ``words`` want "it" back ("I want it back", "can I have that back?", "give it back")."""
    return any(
        word == "back" and words[at - 1 : at] in _IT and not _WANTING.isdisjoint(words[max(0, at - 4) : at - 1])
        for at, word in enumerate(words)
    )


_IT = (["it"], ["that"], ["this"], ["them"], ["those"])
_WANTING = frozenset({"want", "wanna", "need", "like", "give", "get", "have", "can", "could", "pay"})
_PAYMENTS = frozenset({"payment", "payments", "renewal", "fee", "subscription"})
_TAKING_MONEY = frozenset(
    {"charged", "billed", "took", "taken", "debited", "charging", "billing", "taking", "take", "charge", "bill"}
)
_CHARGED = frozenset({"charged", "billed", "debited"})
_TO_COME = frozenset({"will", "gonna", "going", "be", "if"})
_FROM_THE_CUSTOMER = frozenset({"me", "my", "us", "our", "money", "payment", "payments", "off"})
_UNEXPECTED = frozenset(
    {"why", "cancelled", "canceled", "cancel", "again", "didnt", "never", "without", "still", "unsubscribed"}
)


def chases_in_irony(clauses: list[Clause], acts: Sequence[Act], lexicon: Lexicon) -> bool:
    """Whether an ironic complaint is about something still awaited ("fantastic service, three weeks and
    still no refund", "5 weeks for a refund, amazing service"): the complaint it is, which the agent
    answers as it would a question about how the refund is going."""
    if not any(act.kind == "complain" for act in acts) or any(act.kind in ("ask_status", "request") for act in acts):
        return False
    return any(
        (has(lexicon.status_cues, clause.words) and has(lexicon.status_subjects, clause.words))
        or waited_for(clause.words, lexicon)
        for clause in clauses
    )


def read_acts(
    clauses: list[Clause],
    context: Context,
    lexicon: Lexicon,
    *,
    facts: Sequence[str],
    model: ModelReading,
    tone: Tone,
    known: Callable[[str], bool] | None = None,
    asides: list[str] | None = None,
    also_wished: list[str] | None = None,
    second_best: list[str] | None = None,
    order_told: str | None = None,
) -> list[Act]:
    """The acts of one message, in the order they occur; ``known`` tells words spelt right. A question
    asked beside what the message does ("refund please, and will I get the postage back?") is added to
    ``asides`` (a question about the rules in its canonical words after :data:`ASKS_RULES`, any other as
    :data:`ASKS_OTHER`), so the reply can answer it too. The other alternatives the words of a wish also
    name go to ``also_wished``, and one wanted only should the request fail to ``second_best``."""
    found = Found()
    found.other_order = context.request is not None and (
        another_order_said([clause.words for clause in clauses])
        or (order_told is not None and context.order is not None and order_told != context.order)
    )
    mentioned = read_choices(clauses, context, lexicon, found, irony=tone.irony, abusive=tone.abusive, known=known)
    if CALLBACK in context.offered_ids and "choose" in found.kinds():
        _calling_back_themselves(clauses, found)
    _hold_choice(clauses, found)
    if context.wishes and not tone.irony and not found.kinds() & _ABOUT_OFFERS:
        read_wishes(clauses, context, lexicon, found)
    elif (
        context.wishes
        and not tone.irony
        and "choose" in found.kinds()
        and not any(m.offer for ms in mentioned for m in ms)
    ):
        _named_beside_yes(clauses, context, lexicon, found)
    # Thanks elsewhere in the message only tell how a clause answers a question the agent asked.
    thanked = context.question is not None and any(has(lexicon.thanks, clause.words) for clause in clauses)
    exclaimed: list[int] = []
    for index, clause in enumerate(clauses):
        position = index * 1000
        words = clause.words
        if tone.threat and lexicon.threatens(" ".join(words)):
            continue
        handled: set[str]
        if context.chosen is not None and index and failing_that(clauses[index - 1].words, lexicon):
            handled = set()  # "if they don't have navy, I'd rather have a refund": only should the exchange fail
        elif (
            clause.question and (context.offered or context.wishes) and supposes(words) and "ask_about" in found.kinds()
        ):
            handled = set()  # "what if I want to cancel during the pause?": supposed, to weigh the offer
        else:
            handled = _read_requests(clause, position, context, lexicon, found, mentioned[index])
        if has(lexicon.bot_questions, words) or len(words) == 1 and words[0] in ANYBODY:
            found.add(position + 8, Act.of("ask_bot"))
        else:
            _read_person(clause, position, lexicon, found, mentioned[index])
        if _insists(words, context, lexicon) or len(clauses) == 1 and _pleads(words, context):
            found.add(position + 1, Act.of("insist"))
        if _complains(clause, lexicon, abusive=tone.abusive) or clause.exclaimed:
            found.add(position + 2, Act.of("complain"))
        elif not handled and not tone.abusive and _exclaims(words, lexicon):
            exclaimed.append(position + 2)
        if not tone.irony and _thanks(words, lexicon):
            found.add(position + 3, Act.of("thank"))
        _read_answers(clause, position, context, lexicon, found, thanked=thanked, irony=tone.irony)
        if has(lexicon.taking_time, words) and not _unsure_when(words):
            found.add(position + 8, Act.of("hold"))
    if "hold" in found.kinds() and context.offered and _choice_taken_back(found):
        # "I'll take the credit. Actually no, let me think": the choice taken back
        found.acts = [(at, act) for at, act in found.acts if act.kind != "choose"]
    if "hold" in found.kinds() and context.offered and found.kinds() - _BESIDE_HOLD <= _PUT_OFF_BY_HOLD:
        # "neither really. I'll think about it", "I'll take the credit. Actually no, let me think": not now,
        # with time asked to decide, leaves the offers open
        found.acts = [
            (at, act)
            for at, act in found.acts
            if act.kind != "cancel_request" and (act.kind not in ("reject", "deny") or act.target not in (None, "all"))
        ]
    if found.kinds() - _BESIDE_HOLD:
        found.drop("hold")
    if context.question == "anything_else" and "goodbye" in found.kinds():
        _praise_before_question(clauses, lexicon, found)
    _take_back_person(clauses, lexicon, found)
    _let_go_on_a_condition(clauses, found)
    if context.state == "escalated" and ("request" in found.kinds() or (facts and not found.kinds() - {"thank"})):
        # "no actually I just want to cancel A-2468", "actually nevermind, i'll just tell you. the kettle broke"
        _no_person_after_all(clauses, lexicon, found)
    elif context.state == "escalated" and not found.kinds() - {"unknown", "deny", "thank"}:
        # "no actually it's fine, don't bother them", "actually nvm": the person is not wanted after all
        if all(_WAITING.isdisjoint(clause.words) for clause in clauses):
            _no_person_after_all(clauses, lexicon, found)
        elif any(_will_wait(clause) for clause in clauses):
            found.drop("deny")  # "no it's fine, I'll wait": the "no" waves off a worry, not the person
    elif context.state == "escalated" and found.kinds() & {"ask_about", "ask_policy"} and len(clauses) > 1:
        # "no wait it's fine, what was the cheaper plan again?": let go of the person, then asked of the agent
        told = [
            w
            for clause in clauses
            if not clause.question
            for at, w in enumerate(clause.words)
            if not (w == "wait" and _waits_for_nothing(clause.words, at))
        ]  # "no wait, it's fine", "oh wait no, forget that" let go; "scratch that, I'll wait" still waits
        retracted = any(has(lexicon.retractions, clause.words) for clause in clauses if not clause.question)
        if (_STILL_WAITING | _HOLDING_ON).isdisjoint(told) and retracted:
            found.add(-3, Act.of("ask_human", negated=True))
    if context.state == "escalated" and {"choose", "cancel_request"} <= found.kinds() and found.unnamed_drops:
        found.drop("cancel_request")  # "never mind, I'll take the store credit": the person let go, not the request
    if context.state == "escalated" and not context.offered and found.kinds() == {"ask_about"}:
        _doubts_it_will_be_done(clauses, found)
    if context.state == "offering_alternatives" and context.focus is None and found.kinds() == {"ask_policy"}:
        _how_long_of_the_offers(clauses, context, lexicon, found)
    if len(context.offered) > 1 and not found.kinds() - {"complain", "unknown", "affirm"}:
        _the_quicker_one(clauses, context, found)
    if context.asked not in facts:
        _cannot_give(clauses, context, lexicon, found, facts)
    if (
        context.request is None
        and context.state == "listening"
        and "refund" in context.handled
        and not found.kinds() & _ASKING_FOR_SOMETHING
        and all(f.kind != "condition" for f in context.facts)
        and (_charged_unwanted(clauses) or _charge_wanted_back(clauses))
    ):
        # "why did you take £9.99 off me? I cancelled weeks ago": a charge the customer wants back, where no
        # condition of the policy says what was wrong with it
        found.drop("ask_status")
        found.add(4, Act.of("request", "refund"))
    if (
        context.state in ("offering_alternatives", "follow_up")
        and context.handled
        and "refund" not in context.handled
        and all(f.kind != "condition" for f in context.facts)
        and not found.kinds() - {"ask_why", "complain", "unknown"}
        and (_charged_unwanted(clauses) or _charged_twice(clauses))
    ):
        # "why was I charged twice this month?" where the policy refunds nothing: the money wanted back, which a
        # colleague looks at, not a question about the answer given
        found.drop("ask_why")
        found.drop("unknown")
        found.add(4, Act.of("request", "refund"))
    if tone.irony or tone.shouting or tone.fuming:
        found.add(-1, Act.of("complain"))
    if tone.irony and "ask_status" in found.kinds() and not any(clause.question for clause in clauses):
        found.drop("ask_status")  # "fantastic service, three weeks and still no refund" is a complaint
    for name in facts:
        found.add(_FACTS_AT, Act.of("provide", name))
    if (
        "reject" in found.kinds()
        and not found.other_order
        and any(f.kind == "condition" and f.name in facts for f in context.facts)
    ):
        _no_then_what_is_wrong(clauses, lexicon, found)
    if (
        context.request is None
        and ("request" in found.kinds() or "choose" in found.kinds() and not context.offered)
        and "order_id" not in facts
        and any(has(lexicon.buying_later, clause.words) for clause in clauses)
    ):
        # "Before I order: if it doesn't fit, can I return it?", "… can I exchange it?": the rules for a
        # purchase still to come
        found.acts = [(at, act) for at, act in found.acts if act.kind not in ("request", "choose")]
        found.add(7, Act.of("ask_policy"))
    only_asking = (
        context.state == "listening"
        and context.request is None
        and any(clause.question or asks_indirectly(clause.words) for clause in clauses)
        and any(has(lexicon.only_asking, clause.words) for clause in clauses)
    )
    if only_asking and found.kinds() & {"request", "choose"}:
        # "just a question before I decide: if I returned A-7001, would I get the delivery back?": the rules,
        # which the customer asks after before asking for anything
        found.acts = [
            (at, Act.of("ask_about", act.target) if act.kind == "choose" else act)
            for at, act in found.acts
            if act.kind not in ("request", "reject")
        ]
        found.add(7, Act.of("ask_policy"))
    if (
        context.state == "listening"
        and context.request is None
        and "order_id" in facts
        and "ask_about" in found.kinds()
        and not found.kinds() & {"request", "choose"}
        and not only_asking
    ):
        _leave_asked_for_a_wish(clauses, context, found)
    if (
        "order_id" in facts
        and not only_asking
        and not found.kinds() & {"request", "choose"}
        and ("ask_policy" in found.kinds() or any(_returns_something(clause.words) for clause in clauses))
    ):
        _rules_for_this_order(clauses, lexicon, found)
    if facts and "hold" in found.kinds():
        found.drop("hold")
    if "days_since_purchase" in facts and "cancel_request" in found.kinds():
        mind_changed_beside_the_date(clauses, lexicon, found)
    if context.request is None and "cancel_request" in found.kinds():
        _let_go_for_another(found)
    if any(not lexicon.content.keys.isdisjoint(clause.words) for clause in clauses):
        _content_said(clauses, context, lexicon, found)
    second_thoughts(found)
    if "ask_status" in found.kinds() and "complain" not in found.kinds():
        _chased_after_a_long_wait(clauses, found)
    told_trouble = any(f.kind == "condition" and f.name in facts for f in context.facts)
    if "ask_status" in found.kinds() and told_trouble and not any(c.question for c in clauses):
        _fault_with_what_came(clauses, found)
    if not found.kinds() - _SHORT_REFUND_BESIDE and lexicon.refunded_short([clause.words for clause in clauses]):
        _short_refund_asked_after(found)
    if found.told and "request" not in found.kinds():
        asked_again(clauses, found)
        charged_all_the_same(clauses, found)
    if context.state == "listening" and context.request is None:
        returned_and_waiting(clauses, found)
    switched_request(clauses, lexicon, found)
    if "cancel_request" in found.kinds() and "choose" in found.kinds():
        # "forget that one": the request let go, not an offer pointed at
        dropping = {at // 1000 for at, act in found.acts if act.kind == "cancel_request"}
        found.acts = [
            (at, act)
            for at, act in found.acts
            if not (act.kind == "choose" and act.target is None and at // 1000 in dropping)
        ]
    if context.question == "satisfaction":
        not_satisfied(clauses, found, context.chosen)
    order_name = next((f.name for f in context.facts if f.kind == "order_id"), None)
    if found.unnamed_drops and (
        (context.asked is not None and context.asked in facts)
        or (context.request is not None and order_name in facts and "request" not in found.kinds())
        or _fact_put_right_at_drop(clauses, context, lexicon, found, facts)
    ):
        _correction_not_drop(clauses, lexicon, found)  # "no wait, wrong order, it's A-3002" puts the order right
    _settle_person(clauses, context, lexicon, found)
    if "choose" in found.kinds() and context.state == "offering_alternatives":
        leaning_with_a_question(clauses, found)
    if "choose" in found.kinds() and "ask_about" in found.kinds():
        paused_choice(clauses, lexicon, found)
        weighed_choice(clauses, found)
    if context.chosen is not None and context.state == "follow_up" and "ask_about" in found.kinds():
        new_one_taken(clauses, context, lexicon, found)
    if context.chosen is not None and "ask_status" in found.kinds():
        status_of_chosen(clauses, context, lexicon, found)
    elif context.state == "listening" and not context.offered and {"ask_about", "ask_status"} <= found.kinds():
        _about_the_wish_not_a_status(found)
    elif context.state == "follow_up" and {"ask_status", "ask_about"} <= found.kinds():
        found.drop("ask_about")  # "how long will the exchange take to arrive?" asks after what was done
    if not tone.irony and not found.kinds() - {"thank", "ask_policy", "affirm"}:
        options_instead(clauses, context, lexicon, found)
    in_hand = context.state == "follow_up" or (context.state == "listening" and context.request is not None)
    if in_hand and context.chosen is None and not found.kinds() - {"thank", "affirm", "provide"}:
        _collection_asked(clauses, found)
    if context.state == "follow_up" and context.chosen is not None and not found.kinds() - {"thank", "provide"}:
        for index, clause in enumerate(clauses):
            if clause.question and (not RETURNING.isdisjoint(clause.words) or sends_back(clause.words) is not None):
                # "will I need to return the broken one?" once a replacement is arranged: how that one goes
                found.add(index * 1000 + 7, Act.of("ask_about", context.chosen))
    if (in_hand or context.settled is not None) and not found.kinds() - {"thank", "affirm", "unknown"}:
        for index, clause in enumerate(clauses):
            if _asks_how_to_begin(clause.words):
                found.drop("unknown")
                found.add(index * 1000 + 7, Act.of("ask_policy"))  # "ok great, how do I start?": how it goes
    refunding = context.request == "refund" or (context.settled == "refund" and context.chosen is None)
    if refunding and not found.kinds() - {"thank", "affirm", "unknown"}:
        for index, clause in enumerate(clauses):
            if not _WISHING.isdisjoint(clause.words) and _where_the_money_goes(clause.words):
                found.drop("unknown")
                found.add(index * 1000 + 7, Act.of("ask_policy"))  # "I'd like it on a different card please"
                break
    if refunding and not found.kinds() - {"thank", "affirm"}:
        for index, clause in enumerate(clauses):
            if clause.question and tuple(clause.words[:3]) in _HOW_TO and not _SENDING_IT.isdisjoint(clause.words):
                found.add(index * 1000 + 7, Act.of("ask_policy"))  # "how do I send it?" while a return is asked for
    if context.focus is not None and context.focus in context.offered_ids and not found.kinds() - {"thank"}:
        _about_the_one_described(clauses, context.focus, found)
    told_again = context.chosen is not None and all(
        act.target == "condition" for _, act in found.acts if act.kind == "provide"
    )  # "should I keep the damaged one?" once the replacement is arranged: the damage told again, asked about
    if not found.kinds() - {"thank", "ask_policy", "affirm", "goodbye", "hold", *(("provide",) if told_again else ())}:
        about_chosen(clauses, context, lexicon, found)
    elif context.chosen is not None and not found.kinds() - {"thank", "ask_status"}:
        _status_of_chosen(clauses, context, lexicon, found)
    shouted = {"complain"} if tone.shouting and not (tone.irony or tone.fuming) else set()
    if not found.kinds() - {"thank", "ask_policy", "affirm", *shouted}:
        about_what_was_done(clauses, context, found, also=frozenset(shouted))  # "WHEN WILL I GET IT"
    if context.callback_asked and not found.kinds() - {"thank", "ask_policy"}:
        _when_they_call(clauses, found)
    if context.chosen is not None and context.state == "follow_up":
        _neither_after_all(clauses, lexicon, found)
        if any(act.kind == "choose" and act.target not in (None, context.chosen) for _, act in found.acts):
            found.drop("cancel_request")  # "no wait, an exchange actually": another offer, not nothing at all
        if "choose" not in found.kinds():
            chosen_taken_back(clauses, context, lexicon, found)
            _keeping_instead(clauses, context, lexicon, found)
            _taken_undone(clauses, context, found)
        if "insist" in found.kinds():
            _asks_how_it_goes(clauses, context.chosen, found)
        if "insist" in found.kinds() and any(_still_want_it(clause.words) for clause in clauses):
            # "don't cancel the exchange, I still want it": the offer taken, kept; nothing insisted on
            found.acts = [(at, act) for at, act in found.acts if act.kind not in ("insist", "cancel_request")]
            found.add(0, Act.of("choose", context.chosen))
    if context.offered and context.chosen is None and context.request is not None:
        _kept_instead_of_offers(clauses, context.request, found)
    if context.question == "anything_else":
        _acknowledged_before_asking(clauses, found)
    if clauses and not found.acts and _pleads(clauses[0].words, context):
        found.add(1, Act.of("insist"))  # "please, it's a gift I don't need": a plea with its reason
    if exclaimed and not found.acts and dismayed(clauses[0].words):
        found.add(exclaimed[0], Act.of("complain"))
    if not found.acts and context.state in _DECLINED_STATES and _only_disbelief(clauses):
        found.add(0, Act.of("complain"))  # "really?", "wow" to a refusal: dismay, not something to catch
    checks_the_no(clauses, context, found)
    gives_the_reason(clauses, context, found)
    if not (tone.abusive or tone.threat) and not (
        not found.kinds() - {"thank"} and takes_it_in(clauses, context, lexicon)
    ):
        # The model is heard only when the words settled nothing but thanks or a goodbye; not for "fair enough"
        # with several offers made, which takes the answer in and chooses none of them.
        if clauses and not found.kinds() - {"thank", "goodbye"}:
            # "I ordered the wrong size", "it still has the tags on": nothing the shop is blamed for
            owns_up = any(
                has(lexicon.own_mistakes, clause.words) or has(lexicon.unused, clause.words) for clause in clauses
            )
            supposing = any(
                clause.question and (supposes(clause.words) or _asks_to(clause.words)) for clause in clauses
            )
            person = any(names_a_person(clause.words, lexicon) for clause in clauses)
            answers = _answer_words(lexicon)
            answering = any(_answers_something(clause.words, answers) for clause in clauses)
            answering = answering and not any(_narrows(clause.words) for clause in clauses)
            if context.question == "anything_else":
                answering = answering and not any(
                    _why_it_goes_back(clause.words) or _lacks_something(clause.words) for clause in clauses
                )
            familiar = lexicon.familiar_words
            topic_only = all(
                _TOPIC_ONLY.issuperset(clause.words) or (familiar and familiar.isdisjoint(clause.words))
                for clause in clauses
            )
            _from_model(
                model,
                context,
                found,
                owns_up=owns_up,
                supposing=supposing,
                person=person,
                answering=answering,
                topic_only=topic_only,
                other_ask=any(
                    not _NO_MODEL_REQUEST.isdisjoint(clause.words)
                    or _asks_price_difference(clause.words)
                    or any(_describes_order(clause.words, at) for at in range(len(clause.words)))
                    or (context.chosen is not None and failing_that(clause.words, lexicon))
                    for clause in clauses
                ),
                plays_down=next(filter(None, (_played_down(clause.words) for clause in clauses)), None),
                disputes=any(_disputes_what_was_said(clause.words) for clause in clauses),
                plain_question=_plain_question(clauses),
                warm=tone.warm
                and not any(_tells_what_became_of_it(clause.words) for clause in clauses)
                and not (_opening(context) and _pasted_line(clauses) and not _says_thanks_or_bye(clauses, lexicon)),
                asks_back=any(_asks_yes_or_no(clause) for clause in clauses)
                or _heard_then_asked(clauses, context, lexicon),
                commands=any(_tells_to_do(clause.words) for clause in clauses),
                goes_along=context.question == "anything_else"
                and not _offered_a_switch(context)
                and all(_STRONG_YES.isdisjoint(clause.words) for clause in clauses),
                only_heard=not goes_ahead(clauses),
            )
        _late_yes(clauses, context, lexicon, found)
    if (
        exclaimed
        and not found.kinds() - {"thank", "goodbye", "provide"}
        and not (tone.warm and "thank" in found.kinds())
    ):
        found.add(exclaimed[0], Act.of("complain"))  # "omg thank you" is delight
    if found.acts and not found.kinds() - {"thank", "goodbye"}:
        _unread_question(clauses, found)
    if context.state == "listening" and context.request is None and not found.kinds() - _BESIDE_FOLLOW_ON:
        _follow_on_question(clauses, found)
    if (
        context.state == "listening"
        and context.question == "request"
        and context.request is None
        and context.settled is None
        and clauses
        and not found.kinds() - {"unknown", "deny", "affirm"}
        and any(first(lexicon.cancel_request_cues, clause.words) is not None for clause in clauses)
        and all(
            first(lexicon.cancel_request_cues, clause.words) is not None or set(clause.words) <= _ACKNOWLEDGING
            for clause in clauses
        )
    ):
        found.acts = [(0, Act.of("goodbye"))]  # "(ok,) never mind" with nothing asked for yet: leaving
    if context.question == "request" and context.request is None and found.kinds() == {"deny"}:
        _wants_nothing(clauses, found)
    if context.state == "listening" and not context.offered and not found.kinds() - {"unknown", "complain", "thank"}:
        _asks_what_can_be_done(clauses, lexicon, found, colleague_offered=context.question == "person")
    if context.state == "escalated" and found.kinds() <= {"ask_policy", "ask_why", "unknown", "accept", "affirm"}:
        _asks_about_the_wait(clauses, lexicon, found)
    if context.state in _DECLINED_STATES and found.kinds() <= {"complain", "unknown", "insist", "ask_policy"}:
        _what_if(clauses, found)
    if context.state in _DECLINED_STATES and found.kinds() <= {"complain", "unknown"}:
        _only_that_long(clauses, found)
    if context.offered and "reject" in found.kinds():
        _refusal_supposed(clauses, lexicon, found)
    if {"ask_about", "ask_policy"} <= found.kinds():
        _asked_about_what_was_named(clauses, found)
    if found.kinds() - {"thank"} == {"affirm"} and not _asks_on(clauses, found):
        if not _only_thanks(clauses):
            _yes_to_described(context, found)
        elif _yes_to_described_possible(context):
            found.drop("affirm")  # "cheers" after an alternative was described: thanks for it, nothing taken
    _goes_on_with_topic(context, lexicon, found)
    if context.settled is not None and "request" in found.kinds() and _money_already_back(clauses):
        kept = [(at, act) for at, act in found.acts if not (act.kind == "request" and act.target == context.settled)]
        if len(kept) < len(found.acts):
            found.acts = kept
            found.add(0, Act.of("affirm" if context.question == "satisfaction" else "thank"))
    if context.question is None and not context.offered and {"reject", "deny"} <= found.kinds():
        found.drop("deny")  # "don't give me store credit, I don't want it": the no is the one to the credit
    days = {f.name for f in context.facts if f.kind == "days"}
    if len(clauses) > 1 and facts and set(facts) <= days:
        _no_before_a_date(clauses, lexicon, found)
    if tone.abusive:
        found.add(-2, Act.of("abuse"))
    if tone.threat:
        found.add(-2, Act.of("threat"))
    elif tone.no_threat:
        found.add(-2, Act.of("threat", negated=True))
    if "ask_why" in found.kinds() and agrees_why_not([word for clause in clauses for word in clause.words]):
        found.drop("ask_why")  # "sure, why not", "why not, go on": a yes, not a question
    if (
        {"ask_why", "choose"} <= found.kinds()
        and not any(m.offer for ms in mentioned for m in ms)
        and not any(tuple(clause.words[:3]) in WHY_NOT for clause in clauses)
    ):
        found.drop("choose")  # "ok but why?": the "ok" takes nothing up
    contacted = (
        {i for i, c in enumerate(clauses) if _stops_the_messages(c.words)}
        if any("stop" in c.words for c in clauses)
        else set()
    )
    if contacted:
        # "please stop messaging me": no cancellation of an order, but of the messages
        found.acts = [(at, a) for at, a in found.acts if not (a.kind == "request" and at // 1000 in contacted)]
        if found.kinds() - {"goodbye", "thank", "complain"}:
            found.drop("goodbye")  # "stop messaging me, I want a refund": still asking for something
    if {"reject", "choose"} <= found.kinds():
        no_at = max(at for at, act in found.acts if act.kind == "reject")
        # "ok, no thanks", "fair enough, no thanks": the "ok" takes the answer in, the no turns the offers down
        found.acts = [(at, a) for at, a in found.acts if not (a.kind == "choose" and a.target is None and at < no_at)]
    if {"ask_why", "choose"} <= found.kinds():
        why_at = min(at for at, act in found.acts if act.kind == "ask_why") // 1000
        if any(act.kind == "choose" and act.target and at // 1000 > why_at for at, act in found.acts):
            found.drop("ask_why")  # "why are you asking me that, just refund me": what is wanted comes last
    if context.state == "offering_alternatives" and {"request", "choose"} <= found.kinds():
        # "ok the refund then" with the free return turned down before: that way of a refund, taken after all
        ways = {
            at // 1000
            for at, a in found.acts
            if a.kind == "choose"
            and a.target in context.ways_of_requests
            and not another_order(clauses[at // 1000].words)
        }
        found.acts = [(at, a) for at, a in found.acts if not (a.kind == "request" and at // 1000 in ways)]
    if context.state == "follow_up" and not found.kinds() - {"deny", "cancel_request", "complain", "unknown"}:
        _wants_the_thing_itself(clauses, context, lexicon, found)
    if context.request is None and not context.offered and {"ask_about", "request"} <= found.kinds():
        _asked_about_rather(clauses, lexicon, found)
    if asides is not None and context.state == "listening" and context.request is None:
        _question_beside_what_went_wrong(clauses, found, asides)
    acts = found.ordered()
    kinds = found.kinds()
    if (
        asides is not None
        and not asides
        and _moves_on(clauses, kinds, found, context, lexicon)
        and not (tone.abusive or tone.irony or tone.threat)
    ):
        aside = _aside_question(clauses, lexicon, found) or _status_told_beside(clauses, found)
        if aside is not None:
            asides.append(aside)
    elif asides is not None and context.state == "escalated" and kinds <= {"ask_policy", "ask_status", "thank"}:
        asides.extend(_while_waiting(clauses, found))
    elif (
        asides is not None and context.state == "escalated" and kinds <= {"ask_about", "ask_policy", "thank", "affirm"}
    ):
        asides.extend(_about_an_offer_while_waiting(clauses, found))
    if also_wished is not None:
        also_wished.extend(found.also_wished)
    if second_best is not None and found.second_best is not None:
        second_best.append(found.second_best)
    if "request" in kinds and "choose" in kinds:
        # "Yes, I'd also like a refund on C-5070": the yes goes with the new request, not with an offer, and
        # "can I return another order?" names no offer by its "return"; "I'll take the credit. also cancel my
        # other order" still takes the credit.
        elsewhere = {index for index, clause in enumerate(clauses) if speaks_of_another_order(clause.words)}
        kept = [
            (at, act)
            for at, act in sorted(found.acts, key=lambda found_at: found_at[0])
            if not (act.kind == "choose" and (act.target is None or at // 1000 in elsewhere))
        ]
        acts = [act for _, act in kept] or acts
    if context.chosen is not None and len(acts) > 1 and "choose" in kinds:
        acts = [act for act in acts if not (act.kind == "choose" and act.target == context.chosen)]
    return acts or [Act.of("unknown")]


def _the_quicker_one(clauses: list[Clause], context: Context, found: Found) -> None:
    """ "The quicker one then", "the fastest please": the one offer whose details say it comes at once, when
    exactly one does."""
    for index, clause in enumerate(clauses):
        words = clause.words
        if clause.question or _QUICKER.isdisjoint(words) or len(words) > _SHORT_CHOICE:
            continue
        at = next(i for i, word in enumerate(words) if word in _QUICKER)
        if words[at - 1 : at] != ["the"] and words[at + 1 : at + 2] != ["one"]:
            continue  # "whichever is quicker" leaves the choice to the agent, which asks which
        quick = [offer.id for offer in context.offered if not _AT_ONCE.isdisjoint(offer.details)]
        if len(quick) == 1:
            found.acts = [(at, a) for at, a in found.acts if a.kind not in ("complain", "unknown", "affirm")]
            found.add(index * 1000, Act.of("choose", quick[0]))
        return


_QUICKER = frozenset({"quicker", "quickest", "faster", "fastest", "sooner", "soonest"})
_AT_ONCE = frozenset({"straight", "immediately", "instantly", "today"})
"""Words in an offer's details that say it comes at once ("straight away", "today")."""
_SHORT_CHOICE = 6
"""At most this many words, a comparison names a choice ("the quicker one then please")."""


def _how_long_of_the_offers(clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found) -> None:
    """ "How long does it take?" with several offers open and none asked about: how long each takes, not the
    rule that refused the request."""
    if len(context.offered) < 2:
        return
    for clause in clauses:
        words = clause.words
        if not clause.question or "how" not in words[:2] or _HOW_LONG.isdisjoint(words[1:3]):
            continue
        if any(has(cues, words) for cues in lexicon.request_cues.values()):
            return  # "how long do refunds take?": the rules of a request
        found.acts = [(at, a) for at, a in found.acts if a.kind != "ask_policy"]
        found.add(7, Act.of("ask_about", "all"))
        return


_HOW_LONG = frozenset({"long", "quick", "quickly", "soon", "fast"})


def _doubts_it_will_be_done(clauses: list[Clause], found: Found) -> None:
    """ "How do I know it's been fixed?" while a colleague is awaited and nothing is offered: how the customer
    hears the outcome, not a question about the offer the word "fixed" names."""
    for index, clause in enumerate(clauses):
        words = clause.words
        if clause.question and tuple(words[:3]) in _DOUBTING and not _SURE_OF.isdisjoint(words[3:5]):
            found.acts = [(at, a) for at, a in found.acts if a.kind != "ask_about"]
            found.add(index * 1000 + 6, Act.of("ask_status"))
            return


def _asked_about_what_was_named(clauses: list[Clause], found: Found) -> None:
    """ "What about a replacement then, how long does that take?": the question that points back ("that",
    "it") asks about the alternative just named, not about the rules in general."""
    named = {act.target for _, act in found.acts if act.kind == "ask_about"}
    if len(named) != 1 or "all" in named:
        return
    asking = {at // 1000 for at, act in found.acts if act.kind == "ask_policy"}
    if all(not _POINTING_BACK.isdisjoint(clauses[index].words) for index in asking if index < len(clauses)):
        found.drop("ask_policy")


_POINTING_BACK = frozenset({"that", "it", "this", "they", "those"})


def _what_if(clauses: list[Clause], found: Found) -> None:
    """After a refusal, "what if it's never been worn?" or "even if it's unopened?" asks why the rule holds
    all the same: an ``ask_why``, answered with the fuller reason, not a complaint or a plea."""
    for clause in clauses:
        words = _past_fillers(clause.words)
        if words[:1] in (["but"], ["and"]):
            words = words[1:]
        if clause.question and tuple(words[:2]) in _WHAT_IF:
            kept = [
                (at, act) for at, act in found.acts if act.kind not in ("complain", "unknown", "insist", "ask_policy")
            ]
            found.acts = kept
            found.add(5, Act.of("ask_why"))
            return


_WHAT_IF = frozenset({("what", "if"), ("even", "if"), ("and", "if"), ("but", "if"), ("so", "if")})


def _only_that_long(clauses: list[Clause], found: Found) -> None:
    """After a refusal, "what, only 14 days?" or "30 days is nothing" holds the limit up in disbelief: an
    ``ask_why``, answered with the fuller reason, not a complaint left unanswered."""
    for clause in clauses:
        words = _past_fillers(clause.words)
        while words[:1] and words[0] in _DISBELIEF:
            words = words[1:]
        if words[:1] in (["only"], ["just"]):
            words = words[1:]
        if len(words) < 2 or not (words[0].isdigit() or words[0] == NUMBER) or words[1] not in _LIMIT_UNITS:
            continue
        rest = words[2:]
        if (clause.question and not rest) or tuple(rest[:2]) in _TOO_SHORT or tuple(rest[:3]) in _TOO_SHORT:
            found.acts = [(at, act) for at, act in found.acts if act.kind != "unknown"]
            found.add(5, Act.of("ask_why"))
            return


_DISBELIEF = frozenset({"what", "seriously", "wow", "really", "wait", "hang", "on", "sorry", "erm", "um", "so"})
_LIMIT_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months"})
_TOO_SHORT = frozenset(
    {("is", "nothing"), ("isnt", "long"), ("is", "not", "long"), ("is", "too", "short"), ("is", "so", "short"),
     ("isnt", "enough"), ("is", "not", "enough"), ("is", "ridiculous"), ("is", "a", "joke")}
)  # fmt: skip


def _while_waiting(clauses: list[Clause], found: Found) -> list[str]:
    """Waiting for a person, "how long do refunds usually take?" is a question about the rules the reply can
    answer while the customer waits, as it would one asked beside a request."""
    asked = {at // 1000 for at, act in found.acts if act.kind in ("ask_policy", "ask_status")}
    return [
        f"{ASKS_RULES} {' '.join(clauses[index].words)}"
        for index in sorted(asked)
        if index < len(clauses) and _THE_RULE_ITSELF.isdisjoint(clauses[index].words)
    ][:1]


def _about_an_offer_while_waiting(clauses: list[Clause], found: Found) -> list[str]:
    """Waiting for a person, "what would the exchange involve exactly?" asks about one offer still open,
    which its details answer while the customer waits."""
    asked = [(at, act.target) for at, act in found.acts if act.kind == "ask_about" and act.target not in (None, "all")]
    if len({target for _, target in asked}) != 1:
        return []
    at, target = asked[0]
    index = at // 1000
    return [f"{ASKS_OFFER}{target} {' '.join(clauses[index].words)}"] if index < len(clauses) else []


_THE_RULE_ITSELF = frozenset({"rule", "rules", "policy", "policies", "why"})
"""Words of a question about the rule that decided the request ("what's the rule then?"), which the
agent explains again rather than answering beside the wait."""


def _asks_about_the_wait(clauses: list[Clause], lexicon: Lexicon, found: Found) -> None:
    """Waiting for a person, "how long will that take?" or "when will someone be here?" asks about the wait,
    not about the rules: nothing is read, and the reply says where the customer stands in the queue. "How
    long do refunds take?" names what it asks about, and stays a question about the rules."""
    for clause in clauses:
        words = clause.words
        if any(has(cues, words) for cues in lexicon.request_cues.values()):
            continue
        pairs = set(zip(words, words[1:], strict=False))
        about_time = ("how", "long") in pairs or (("how", "much") in pairs and "longer" in words) or "when" in words
        if clause.question and about_time and "why" not in words:
            found.acts = [(at, act) for at, act in found.acts if act.kind not in ("ask_policy", "ask_why", "affirm")]
            if not found.acts:
                found.add(0, Act.of("unknown"))
            return


def _asks_on(clauses: list[Clause], found: Found) -> bool:
    """ "Oh ok, what can I do then?": a question after the yes, in which nothing was read, so the yes only
    heard what was said."""
    said = {at // 1000 for at, _ in found.acts}
    return any(clause.question and index not in said for index, clause in enumerate(clauses))


def _yes_to_described(context: Context, found: Found) -> None:
    """Before anything is offered, or after an approval, a yes just after the agent described an alternative
    asked about ("what's the free return?" ... "ok do that") asks for that alternative."""
    if _yes_to_described_possible(context):
        at = next(at for at, act in found.acts if act.kind == "affirm")
        found.drop("affirm")
        found.add(at, Act.of("choose", context.focus))


def _only_thanks(clauses: Sequence[Clause]) -> bool:
    """Whether the message is thanks and nothing else ("cheers", "thanks very much"), with no word of a yes."""
    words = [word for clause in clauses for word in clause.words]
    return bool(words) and all(word in _THANKS_ONLY for word in words) and not _THANKS_ONLY_EXTRA.issuperset(words)


_THANKS_ONLY_EXTRA = frozenset({"you", "so", "very", "much", "mate", "a", "lot", "again"})
_THANKS_ONLY = frozenset({"thanks", "thank", "thx", "ty", "cheers", "ta", "tah"}) | _THANKS_ONLY_EXTRA


def _yes_to_described_possible(context: Context) -> bool:
    """Whether the agent just described an alternative asked about, with nothing on offer, so a yes asks for it."""
    described = context.state == "listening" or (context.state == "follow_up" and context.chosen is None)
    return (
        described
        and not context.offered
        and context.asked is None
        and bool(context.focus)
        and any(offer.id == context.focus for offer in context.wishes)
    )


def _goes_on_with_topic(context: Context, lexicon: Lexicon, found: Found) -> None:
    """Just after a question about the rules of a kind of request ("how long do refunds take?"), a message
    that gives an order or says yes without naming a request ("I want one for A-1001, bought 2 days ago")
    makes that request."""
    topic = context.focus
    if context.state != "listening" or context.request is not None or context.offered or topic is None:
        return
    if topic not in lexicon.request_cues:
        return
    kinds = found.kinds()
    if "request" in kinds or "cancel_request" in kinds or not kinds & {"provide", "affirm"}:
        return
    if not kinds <= {"provide", "affirm", "thank", "unknown"}:
        return
    if "provide" not in kinds and "thank" in kinds:
        return  # "ok thanks" after the answer acknowledges it; it asks for nothing
    found.drop("affirm")
    found.drop("unknown")
    found.add(0, Act.of("request", topic))


def _asks_what_can_be_done(
    clauses: list[Clause], lexicon: Lexicon, found: Found, *, colleague_offered: bool = False
) -> None:
    """Before anything is on offer, "what can you do?", "what are my options?" or "how can you help?" asks what
    the rules allow, which the policy's summary answers. Once a colleague is offered, only a question about
    what the agent can do does ("so what can you help with?"); "so what now?" asks about that offer."""
    if any(
        has(lexicon.possibility_questions, clause.words)
        and not (colleague_offered and _ABOUT_THE_AGENT.isdisjoint(clause.words))
        for clause in clauses
    ):
        found.drop("unknown")
        found.add(7, Act.of("ask_policy"))


_ABOUT_THE_AGENT = frozenset({"you", "options", "option", "choices"})


def _no_then_what_is_wrong(clauses: list[Clause], lexicon: Lexicon, found: Found) -> None:
    """ "No, it never arrived": a bare no before saying what is wrong with the order answers the agent's
    understanding of it, not the offers, which stay open."""
    words = clauses[0].words if clauses else []
    bare_no_first = len(clauses) > 1 and only(lexicon.no, words, lexicon)
    no_then_more = len(clauses) == 1 and len(words) > 1 and words[0] in _PLAIN_NO  # "no it's not here"
    if not (bare_no_first or no_then_more):
        return
    if found.kinds() - {"reject", "provide", "complain"}:
        return
    if all(act.target == "all" for _, act in found.acts if act.kind == "reject"):
        found.drop("reject")


_PLAIN_NO = frozenset({"no", "nope", "nah", "nop"})


def _follow_on_question(clauses: list[Clause], found: Found) -> None:
    """Before any request, a short question that goes on from the last ("and for faulty stuff?", "what
    about sale items?", "and if it's broken?") asks about the rules."""
    if len(clauses) == 2 and len(clauses[0].words) <= 2 and _TAKING_IT_IN.issuperset(clauses[0].words):
        clauses = clauses[1:]  # "great, and if it's faulty?": the question, after a word taking the answer in
    if len(clauses) != 1:
        return
    clause = clauses[0]
    words = clause.words
    while len(words) > 2 and words[0] in _TAKING_IT_IN:
        words = words[1:]  # "ok and what if it's faulty?"
    going_on = tuple(words[:2]) in _GOING_ON or words[:1] == ["and"] and 1 < len(words) <= _SHORT_FOLLOW_ON
    if not clause.question or len(words) > _FOLLOW_ON_WORDS or not going_on:
        return
    if "my" in words or "me" in words:
        return  # "what about my order?" asks about the customer's own
    found.acts = []
    found.add(7, Act.of("ask_policy"))


_TAKING_IT_IN = frozenset(
    {"great", "ok", "thanks", "thank", "you", "cool", "perfect", "lovely", "brilliant", "nice", "right", "good",
     "fab", "awesome", "fine", "alright", "yes", "oh"}
)  # fmt: skip
_FOLLOW_ON_WORDS = 8
_SHORT_FOLLOW_ON = 4
"""At most this many words, "and" and a subject ("and faulty stuff?") go on from the question before."""
_GOING_ON = frozenset(
    {("and", "for"), ("and", "if"), ("and", "what"), ("what", "about"), ("how", "about"), ("and", "how"),
     ("what", "if"), ("and", "with"), ("and", "on"), ("and", "sale")}
)  # fmt: skip
"""The first two words of a question that goes on from the one before it."""


def _asks_what_it_gives(words: Sequence[str], cued: set[str], lexicon: Lexicon) -> bool:
    """ "Does the refund include the delivery charge?", "do I get the postage back too?": what the request
    covers, which the rules answer, beside asking for it."""
    starts = [cue_at(lexicon.request_cues[kind], words) or 0 for kind in cued if kind in lexicon.request_cues]
    return bool(starts) and (_asks_postage_back(words, starts) or _asks_what_it_covers(words, starts))


def _aside_question(clauses: list[Clause], lexicon: Lexicon, found: Found) -> str | None:
    """The words of a question asked beside what the message does: one nothing was read in, or one about
    the rules ("and how long do refunds take?"), in a message that also makes a request or a choice."""
    refund_asked = any(act.kind == "request" and act.target == "refund" for _, act in found.acts)
    for index, clause in enumerate(clauses):
        requested_here = any(at // 1000 == index and act.kind == "request" for at, act in found.acts)
        asks = clause.question or not _WISHING.isdisjoint(clause.words)
        if asks and (requested_here or refund_asked) and _where_the_money_goes(clause.words):
            # "can I get a refund to a different card?", "refund A-6667, and I'd like it on another card"
            return f"{ASKS_RULES} {' '.join(clause.words)}"
    if len(clauses) < 2:
        return None
    read = _kinds_by_clause(found)
    how_long_asked: str | None = None
    chosen = {act.target for _, act in found.acts if act.kind == "choose" and act.target}
    requested = {act.target for _, act in found.acts if act.kind in ("request", "insist") and act.target}
    for index, clause in enumerate(clauses):
        kinds = read.get(index, set())
        asked = {act.target for at, act in found.acts if at // 1000 == index and act.kind == "ask_about"}
        if clause.question and kinds == {"ask_about"} and len(asked) == 1 and (asked <= chosen or requested):
            # "The credit's fine. Oh, does it work on the website too?": taken, and asked about; "refund A-4321
            # please. And how does an exchange work?": asked about beside the request.
            return f"{ASKS_OFFER}{asked.pop()} {' '.join(clause.words)}"
        asking = not kinds or kinds <= {"ask_policy", "ask_status", "thank", "cancel_request"}
        if clause.question and index and "ask_status" in kinds and another_order_named(clause.words):
            return f"{ASKS_RULES} {' '.join(clause.words)}"  # "...and where's the refund for A-2222?"
        if index and _goes_on_asking(clause.words, clauses[index - 1], lexicon):
            continue  # "can I return it, bought 25 days ago but only received 5 days ago?": one question
        if (
            clause.question
            and len(clause.words) >= 3
            and asking
            and not _only_a_guess(clause.words, lexicon)
            and not (wants_all(clause.words) and "choose" in found.kinds())  # "can I get both?", read as a choice
            and not ("choose" in found.kinds() and lexicon.asks_why(clause.words, " ".join(clause.words)))
            and not names_a_person(clause.words, lexicon)
            and not _what_is_said(clause.words)
            and "english" not in clause.words  # "do you speak English?": the reply, in English, answers it
            and not _complains(clause, lexicon, abusive=False)  # "and this is how you treat me?": said, not asked
            and not _still_not(clause.words)  # "and they still haven't shipped??": told in disbelief, not asked
            and ("my", "mind") not in zip(clause.words, clause.words[1:], strict=False)  # "can I change my mind?"
        ):
            about_rules = bool(kinds & {"ask_policy", "ask_status"}) or (
                not chosen and asks_what_returning_costs(clause.words)
            )
            pairs = set(zip(clause.words, clause.words[1:], strict=False))
            if requested and not about_rules and ("it" in clause.words or "that" in clause.words):
                # "refund please, and does it cover delivery?": what the request asked for covers
                at = clause.words.index("it" if "it" in clause.words else "that")
                about_rules = _asks_what_it_covers(clause.words, [at])
                if not about_rules and len(requested) == 1 and ("how", "long") in pairs:
                    # "refund A-6060, also wondering how long it takes": how long the request asked for takes
                    said = [next(iter(requested)) if w in ("it", "that") else w for w in clause.words]
                    how_long_asked = how_long_asked or f"{ASKS_RULES} {' '.join(said)}"
                    continue
            cued = {
                kind
                for kind, each in (*lexicon.request_cues.items(), *lexicon.weak_request_cues.items())
                if first(each, clause.words) is not None
            }
            how_to = bool(cued & requested) and _asks_how(clause.words)
            about_rules = about_rules or how_to
            when_or_where = not _WHEN_OR_WHERE.isdisjoint(clause.words) or ("how", "long") in pairs
            if about_rules and cued & requested and ("how", "long") in pairs:
                # "refund A-6060, and how long do refunds take?": asked of the request, answered unless the
                # message asks something else the reply says less of
                how_long_asked = how_long_asked or f"{ASKS_RULES} {' '.join(clause.words)}"
                continue
            if (
                cued
                and (not about_rules or cued & requested)
                and not (about_rules and another_order(clause.words))
                and not how_to
                and not _asks_what_it_gives(clause.words, cued, lexicon)
            ):
                continue  # "It doesn't suit me. Is a refund possible?": the request, read in another clause
            if "refund" in requested and wants_it_back(clause.words):
                continue  # "you took a payment on the 15th, can I have it back?": the request itself
            if (
                not about_rules
                and not when_or_where
                and not (_ASIDE_REFERS.isdisjoint(clause.words) and not _pleads_for_it(clause.words))
                and len(set(clause.words) - _ANSWERED_ANYWAY - _ASIDE_REFERS - _ASIDE_FILLERS) <= 1
                and not (chosen and not _ASKED_OF_WHAT_IS_TAKEN.isdisjoint(clause.words))
            ) or _ANSWERED_ANYWAY.issuperset(clause.words):
                # "is that ok?", "can you help?": about the request itself, which the reply answers; not "can you
                # tell me if you have this in green?"
                continue
            if (
                about_rules
                and len(chosen) == 1
                and not requested
                and ("how", "long") in pairs
                and not _ASIDE_REFERS.isdisjoint(clause.words)
            ):
                # "can I swap it for a medium and how long does it take?": how long what was taken takes
                return f"{ASKS_BESIDE}{next(iter(chosen))} {' '.join(clause.words)}"
            if about_rules:
                return f"{ASKS_RULES} {' '.join(clause.words)}"
            if len(chosen) == 1:
                taken = next(iter(chosen))
                if _asks_to_have_it(clause.words, taken, lexicon):
                    continue  # "actually no, can I have the repair instead? I like this one": the choice itself
                # "I'll take the exchange. Do I have to pay for postage?": perhaps about what was taken.
                return f"{ASKS_BESIDE}{taken} {' '.join(clause.words)}"
            return ASKS_OTHER
    return how_long_asked


def _still_not(words: Sequence[str]) -> bool:
    """ "They still haven't shipped", "it's still not here": something not done yet, said with "still"."""
    if "still" not in words:
        return False
    after = words[words.index("still") + 1 : words.index("still") + 3]
    return not _NOT_YET.isdisjoint(after)


_NOT_YET = frozenset(
    {"havent", "hasnt", "not", "no", "nothing", "isnt", "arent", "didnt", "doesnt", "dont", "wasnt", "never"}
)


def _asks_to_have_it(words: Sequence[str], offer: str, lexicon: Lexicon) -> bool:
    """ "Can I have the repair instead?": a question that asks to have the offer it names."""
    match = lexicon.choice_forms.first(words) if lexicon.choice_forms.may_hold(words) else None
    return match is not None and not set(offer.split("_")).isdisjoint(words[match.end :])


def _asks_how(words: Sequence[str]) -> bool:
    """ "Also, how do I send it back?": how to go about the request asked for in another clause."""
    start = 1 if words[:1] and words[0] in _LEADING_ON else 0
    return tuple(words[start : start + 3]) in _HOW_TO and words[start] == "how"


_LEADING_ON = frozenset({"also", "and", "so", "oh", "plus", "then", "btw"})


def _what_is_said(words: Sequence[str]) -> bool:
    """ "What arrived is a completely different product": a statement that opens with "what"."""
    return words[0] == "what" and words[1] not in _AUXILIARIES and not _BEING.isdisjoint(words[2:4])


_BEING = frozenset({"is", "was", "are", "were"})
_WHEN_OR_WHERE = frozenset({"when", "where"})
_ASIDE_REFERS = frozenset({"that", "this", "it", "them", "these", "those", "thats", "its"})
_ASIDE_FILLERS = frozenset(
    {"and", "also", "tell", "if", "so", "oh", "then", "just", "ok", "really", "too", "as", "well"}
)
_PLEAS = frozenset({"chance", "chances", "possibility", "possible", "exception", "way", "anyway", "still"})
"""Words of a plea about the request in hand ("is there any chance?"), which the decision answers."""


def _pleads_for_it(words: Sequence[str]) -> bool:
    """ "Is there any chance?", "is there no way at all?": a plea about the request in hand, not a question
    of its own ("is there any way to get free delivery next time?" asks about something else)."""
    if _PLEAS.isdisjoint(words):
        return False
    return sum(1 for w in words if w not in _ANSWERED_ANYWAY and w not in _PLEAS and w not in _ASIDE_REFERS) <= 2


_ASKED_OF_WHAT_IS_TAKEN = frozenset(
    {"expire", "expires", "expiry", "valid", "cost", "costs", "free", "charge", "charged", "transferable"}
)
"""Words that ask what an offer just taken is like ("store credit's fine. does it expire?"), which the reply
taking it does not say."""
_ANSWERED_ANYWAY = frozenset(
    """a an the i is are am was be do does did can could would will you your we me my us please help okay ok
    possible fine alright need want from what how when get got an email emails confirmation confirm long take
    takes soon work works happen happens next now order number details info information know options option
    choices choice there anything else any""".split()
)
"""Words of a question that the agent's reply to the request answers anyway ("what do you need from me?",
"will I get an email?")."""


_FACTS_AT = 500
"""Where the facts a message gives are placed among its acts: in no clause of their own."""
_MOVING_ON = frozenset({"request", "choose", "insist"})


def _asked_about_rather(clauses: list[Clause], lexicon: Lexicon, found: Found) -> None:
    """ "How does an exchange work? I bought a jumper 3 weeks ago that's too small": an offer asked about, with
    only why the item goes back; the request worked out from that reason is not asked for, the question is."""
    asked = [a for _, a in found.acts if a.kind == "ask_about" and a.target not in (None, "all")]
    if not asked or not any(clause.question for clause in clauses):
        return
    requested = {a.target for _, a in found.acts if a.kind == "request" and a.target}
    for kind in requested:
        cues = lexicon.request_cues.get(kind)
        if cues is None or any(
            first(cues, clause.words) is not None
            or (kind == "refund" and sends_back(clause.words) is not None)
            or (kind == "refund" and not clause.question and not RETURNING.isdisjoint(clause.words))
            for clause in clauses
        ):
            return  # "refund please, and how does an exchange work?": asked for in so many words
    found.drop("request")


def _status_told_beside(clauses: list[Clause], found: Found) -> str | None:
    """ "I returned a dress last week and haven't had the refund yet, also can I swap the shoes?": how an
    earlier request is going, told rather than asked beside what the message asks for, is answered too."""
    if not found.kinds() & {"choose", "request"}:
        return None
    told = next((at // 1000 for at, act in found.acts if act.kind == "ask_status"), None)
    if told is None or told >= len(clauses) or not _CHARGING.isdisjoint(clauses[told].words):
        return None  # not "you still charged me 3 weeks ago", the charge the request is about
    return f"{ASKS_RULES} {' '.join(clauses[told].words)}"


_CHARGING = frozenset({"charged", "charge", "charging", "billed", "bill", "debited"})


def _question_beside_what_went_wrong(clauses: list[Clause], found: Found, asides: list[str]) -> None:
    """ "The mug arrived smashed, bought it yesterday. How long will a refund take?": told what went wrong,
    the customer asks how what is coming works. The request is had from what went wrong, and the question
    after it is answered beside it, not in its place."""
    if not _told_what_went_wrong(found):
        return
    if found.kinds() - {"provide", "complain", "thank", "ask_about", "ask_status"}:
        return
    asking = [(at, act) for at, act in found.acts if act.kind in ("ask_about", "ask_status")]
    if len(asking) != 1 or asking[0][0] < 1000 or not clauses[asking[0][0] // 1000].question:
        return  # a question first is the message's own: "do you do repairs? my kettle stopped working"
    at, act = asking[0]
    words = " ".join(clauses[at // 1000].words)
    found.drop(act.kind)
    asides.append(f"{ASKS_OFFER}{act.target} {words}" if act.kind == "ask_about" else f"{ASKS_RULES} {words}")


def _told_what_went_wrong(found: Found) -> bool:
    """Whether the message tells what went wrong with the order (gives the fact of kind ``condition``)."""
    return any(act.kind == "provide" and act.target == "condition" for _, act in found.acts)


def _moves_on(clauses: list[Clause], kinds: Collection[str], found: Found, context: Context, lexicon: Lexicon) -> bool:
    """Whether the message does something a question can be asked beside: a request, a choice, or, before
    any request, telling what went wrong with the order ("it arrived broken. also, do you price match?"),
    when no question asks the agent to act on it ("it never arrived. can you check?")."""
    if not _MOVING_ON.isdisjoint(kinds):
        return True
    if context.request is not None or not _told_what_went_wrong(found):
        return False
    if not any(clause.question and _opens_as_question(clause.words, lexicon) for clause in clauses):
        return False  # "tracking says it's been returned to sender??": told, not asked
    return not any(
        clause.question
        and (
            tuple(clause.words[:2]) in _ASKING_THE_AGENT
            or has(lexicon.status_cues, clause.words)
            or any(has(phrases, clause.words) for phrases in lexicon.conditions.values())
            or not lexicon.negators.isdisjoint(clause.words)
        )
        for clause in clauses
    )  # "where is my order?", "it says delivered but it's not here??" are how what went wrong was told


def _opens_as_question(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "Also, do you price match?", "how long does a repair take?": a clause that opens as a question
    does, past the words that lead into it."""
    rest = list(words)
    while rest and rest[0] in _LEAD_INTO_A_QUESTION:
        rest.pop(0)
    return bool(rest) and rest[0] in lexicon.question_starts


_LEAD_INTO_A_QUESTION = frozenset({"also", "and", "oh", "btw", "but", "so", "just", "quick", "question", "one", "more"})


_ASKING_THE_AGENT = frozenset((verb, "you") for verb in ("can", "could", "will", "would", "cant", "couldnt"))


def _kinds_by_clause(found: Found) -> dict[int, set[str]]:
    """The kinds of act read in each clause, by its index; facts, placed in no clause, are left out."""
    read: dict[int, set[str]] = {}
    for at, act in found.acts:
        if at >= 0 and at != _FACTS_AT:
            read.setdefault(at // 1000, set()).add(act.kind)
    return read


def _unread_question(clauses: list[Clause], found: Found) -> None:
    """Thanks beside a question nothing was read in ("thank you! also can I change my address?"): the
    question is marked unread, so the thanks do not end the conversation with it unanswered."""
    read = {at // 1000 for at, _ in found.acts if at >= 0}
    for index, clause in enumerate(clauses):
        if clause.question and len(clause.words) >= 3 and index not in read:
            found.add(index * 1000, Act.of("unknown"))
            return


def _unsure_when(words: Sequence[str]) -> bool:
    """ "I don't know when, maybe end of September?", "not sure exactly what day": unsure of a date, not asking
    for time to decide."""
    for at, word in enumerate(words[:-1]):
        if word not in ("know", "sure", "idea", "dunno", "idk"):
            continue
        after = words[at + 1 : at + 3]
        if after[0] in ("when", "exactly") or after[0] in ("what", "which") and after[1:] in (["day"], ["date"]):
            return True
    return False


_WAYS_OF_IT = frozenset({"store", "shop", "branch", "post", "posting", "office", "courier", "collect", "collection"})
"""Words of a question about the way a request already started is carried out, not asking for it again."""


def _cancels_what_was_taken(words: Sequence[str], context: Context, lexicon: Lexicon) -> bool:
    """ "Cancel the exchange", "please cancel the new one": the offer already taken is what is called off."""
    taken = context.chosen_offer
    return taken is not None and any(called_off(words, mention) for mention in named_mentions(words, (taken,), lexicon))


def _read_requests(
    clause: Clause, position: int, context: Context, lexicon: Lexicon, found: Found, mentions: list[Mention]
) -> set[str]:
    """Requests, dropped requests, why, status and policy questions in one clause; the kinds it settled."""
    words = clause.words
    handled: set[str] = set()
    request_words = _request_words(lexicon)
    # Weak cues are also looked for with order numbers read as "it" ("can I return A-1234?").
    referring = _ids_as_it(words)
    undoing = "undo" in words or (context.state == "follow_up" and not UNDOING.isdisjoint(words))
    if (
        request_words.isdisjoint(words)
        and ("it" not in request_words or request_words.isdisjoint(referring))
        and not undoing
    ):
        joined = " ".join(words)
        if not lexicon.asks_why(words, joined) and not (clause.question and _where_the_money_goes(words)):
            return handled  # "will it go to my paypal?" names no request, and asks where a refund goes
    else:
        joined = " ".join(words)
    restart = correction_end(words, lexicon)
    if restart:
        # "Actually no, I want a refund": what follows the words taking something back is read on its own.
        words = words[restart:]
        referring = _ids_as_it(words)
        joined = " ".join(words)
    # Where each request's cue starts, looked up once for the several uses below.
    cue_starts = {kind: cue_at(cues, words) for kind, cues in lexicon.request_cues.items()}
    named = [kind for kind, at in cue_starts.items() if at is not None]
    if any(befell_something_else(words, cue_starts[kind] or 0) for kind in named):
        found.negated = True
        named = [kind for kind in named if not befell_something_else(words, cue_starts[kind] or 0)]
    refused = context.state in _DECLINED_STATES
    if named and _asks_price_difference(words, refused=refused):
        found.negated = True  # "can I get the difference back?": a price adjustment, which no request makes
        # "I want to cancel and get the difference back": the cancellation asked for before it still stands
        money_at = next((at for at, word in enumerate(words) if word in ("difference", "back")), len(words))
        named = [kind for kind in named if kind == "cancel" and (cue_starts[kind] or 0) < money_at]
    if "cancel" in named and _about_mail_from_us(words):
        found.negated = True  # "unsubscribe me from your marketing emails": mail from the shop, no order
        named = [kind for kind in named if kind != "cancel"]
    if named and context.chosen is not None and failing_that(clause.words, lexicon):
        return handled  # "is the navy in stock? if not I'd rather have a refund": only if what was set up fails
    if named and _cancels_what_was_taken(clause.words, context, lexicon):
        named = []  # "cancel the exchange", "cancel the refund" of the full refund taken: the offer, not a request
    starts = [cue_starts[kind] or 0 for kind in named]
    if named and clause.question and (_asks_postage_back(words, starts) or _asks_what_it_covers(words, starts)):
        # "do I get the postage back too?", "will the refund include delivery?": what it covers, which the rules
        # answer
        found.add(position + 7, Act.of("ask_policy"))
        return {"ask_policy"}
    told = [kind for kind in named if reported(words, cue_starts[kind] or 0)]
    if told:
        found.reported = True
        found.told.extend((position, kind) for kind in told)
        named = [kind for kind in named if kind not in told]
    asked_before = next(
        (a.target for at, a in reversed(found.acts) if a.kind == "request" and not a.negated and at < position), None
    )
    drop = dropped_request(words, lexicon, context, asked_before)
    dropped = drop.kind
    # "I want a refund instead", "actually no I want a refund", "sorry I meant a refund": another request in place.
    corrected = bool(restart) or (
        starts_with(lexicon.corrections, _past_fillers(words)) and not meant_to_back_then(words)
    )
    adding = adds_more(words)
    switching = not lexicon.switch_words.isdisjoint(words) or (corrected and not adding)
    if not named and switching and context.request is not None:
        # "I mean I want to return it" while a cancellation is in hand: a weak cue puts the request right.
        for kind, cues in lexicon.weak_request_cues.items():
            at = cue_at(cues, referring) if kind != context.request else None
            if at is not None and not _negated_at(words, at):
                named = [kind]
                cue_starts[kind] = at
                break
    if dropped is not None:
        found.add(position, Act.of("cancel_request", dropped))
        if drop.unnamed_at is not None:
            found.unnamed_drops.append((position + drop.unnamed_at, drop.keeps))
        handled.add("cancel_request")
        if not switching:
            return handled
        named = [kind for kind in named if kind != dropped]
    confused = context.request is not None and has(lexicon.confusion, words)
    if (lexicon.asks_why(words, joined) or has(lexicon.why_cues, words) or confused) and not agrees_why_not(words):
        if any(tuple(words[: len(r)]) == r for r in _RHETORICAL):
            found.add(position + 2, Act.of("complain"))
        elif not mentions:
            found.add(position + 5, Act.of("ask_why"))
        handled.add("ask_why")
    if (
        clause.question
        and (context.settled is not None or context.chosen is not None)
        and tuple(words[:3]) in _DOUBTING
        and not _SURE_OF.isdisjoint(words[3:5])
    ):
        # "how do I know you'll actually refund it?" once it is started: what happens next, and how it is told
        found.add(position + 6, Act.of("ask_status"))
        handled.add("ask_status")
        return handled
    if (
        clause.question
        and tuple(_past_fillers(words)[:3]) in _HOW_TO
        and _asks_how_it_is_done(words, named, context, lexicon)
    ):
        # "How do I send a sofa back?" with the refund in hand or done asks how it is done, not for it again,
        # nor about an offer its words name ("label").
        found.acts = [(at, a) for at, a in found.acts if not (a.kind == "ask_about" and at // 1000 == position // 1000)]
        found.add(position + 7, Act.of("ask_policy"))
        handled.add("ask_policy")
        return handled
    # "I'd rather get a refund on my other order": a request for that order, whatever offer its words name.
    if mentions and not (
        (named and another_order(words)) or (context.state == "follow_up" and speaks_of_another_order(words))
    ):
        if context.request in named and not _SPLITTING.isdisjoint(words):
            # "Can I get half the refund and half credit?": part of the request, which takes no offer.
            found.acts = [
                (at, act) for at, act in found.acts if not (act.kind == "choose" and at // 1000 == position // 1000)
            ]
            found.add(position + 1, Act.of("insist"))
            return handled
        # "Can I have my money back instead of a repair?": the offer is turned down for the request in hand.
        if context.request in named and any(
            a.kind == "reject" and position <= at < position + 1000 for at, a in found.acts
        ):
            found.add(position + 1, Act.of("insist"))
        return handled
    after = bool(told) and asks_after_earlier(words)
    status = has(lexicon.status_cues, words) and (has(lexicon.status_subjects, words) or found.reported)
    waited = waited_for(words, lexicon)
    status = status or waited or _asks_again_where(clause, context, lexicon)
    if (status or after) and not any(asks_anew(words, cue_starts[kind] or 0) for kind in named):
        found.add(position + 6, Act.of("ask_status"))
        handled.add("ask_status")
        if waited and _waited_long(words):
            found.add(position + 2, Act.of("complain"))  # "I've been waiting 3 weeks for my refund!"
        return handled
    waiting = "wait" in words or "waiting" in words
    if clause.question and named and _in_general(words) and context.request is None:
        # "Can I cancel an order after it's shipped?": the rules for any order, not this one.
        found.add(position + 7, Act.of("ask_policy"))
        handled.add("ask_policy")
        return handled
    settled_refund = named == ["refund"] and context.state == "follow_up"  # "will the refund go to her card?"
    if clause.question and (not named or settled_refund) and _where_the_money_goes(words):
        found.add(position + 7, Act.of("ask_policy"))  # "can it go to my PayPal instead?": where a refund goes
        handled.add("ask_policy")
        return handled
    if _asks_price_difference(words, refused=refused) and "cancel" not in named:
        found.negated = True  # "can I keep it and get a partial refund?": no request makes part of the money back
        return handled
    rules_asked = has(lexicon.policy_cues, words) or (not context.offered and has(lexicon.return_costs, words))
    if rules_asked and (clause.question or not lexicon.wondering.isdisjoint(words)) and not waiting:
        own = _own_request(words, context, lexicon)
        if own is not None:
            found.add(position + 4, Act.of("request", own))
            handled.add("request")
            return handled
        found.add(position + 7, Act.of("ask_policy"))
        handled.add("ask_policy")
        return handled
    open_to_new = context.request is None or context.chosen is not None
    if (
        not named
        and open_to_new
        and "refund" in lexicon.request_cues
        and ("choose" not in found.kinds() or another_order_named(words[:3]))
    ):
        back = sends_back(words)  # beside an alternative asked for, how it is had: "send the 9, I'll send the 8 back"
        if back is not None and not _negated_at(words, back):
            named = ["refund"]
            cue_starts["refund"] = back
    if named and "refund" not in named and "refund" in lexicon.request_cues:
        # "cancel A-3030 and return A-4040": sending back another order asks for its refund too.
        back = sends_back(words)
        if back is None:
            back = next((i for i, w in enumerate(words) if w in RETURNING), None)
        first_named = min(cue_starts[kind] or 0 for kind in named)
        if (
            back is not None
            and (
                (
                    back > max(cue_starts[kind] or 0 for kind in named)
                    and another_order_named(words[back + 1 : back + 4])
                )
                # "return the lamp from A-1301 and cancel A-1302": the return comes first, with its own order
                or (
                    back < first_named
                    and any(_is_id(w) for w in words[back + 1 : first_named])
                    and any(_is_id(w) for w in words[first_named + 1 : first_named + 5])
                )
            )
        ):
            named = [*named, "refund"]
            cue_starts["refund"] = back
    if not named and open_to_new and tuple(w for w in words if w not in _PLEASE) in _BARE_RETURN:
        named = ["refund"] if "refund" in lexicon.request_cues else []
        cue_starts["refund"] = 0
    if (
        not named
        and open_to_new
        and (
            found.kinds().isdisjoint(("choose", "request"))
            or another_order_named(words[:3])
            or _weak_cue_of_an_order(words, referring, lexicon)
        )
    ):
        # A weak cue ("it's too long", "return it") beside an alternative asked for, or after a request the
        # message already made ("refund it please, don't need it anymore"), names no request of its own, unless
        # it is said of another order ("cancel A-3030, return A-4040").
        for kind, cues in lexicon.weak_request_cues.items():
            at = cue_at(cues, referring)
            if at is not None and _negated_at(words, at):
                found.negated = True
            elif at is not None and (context.chosen is None or speaks_of_another_order(words)):
                named = [kind]
                break
    elif not named and context.state == "listening" and not mentions and _said_again(context.request, lexicon):
        # "I'd like to return it" while the details of a return are asked for: the request in hand, said again.
        in_hand = str(context.request)
        at = cue_at(lexicon.weak_request_cues[in_hand], referring)
        if at is not None and not _negated_at(words, at) and not _SENDING_BACK.isdisjoint(words[at:]):
            named = [in_hand]
            cue_starts[in_hand] = at
    elif not named and context.request is not None and context.state in _DECLINED_STATES:
        # After a refusal, "I don't need it anymore" or "it's just too big" says again why the customer wants
        # the request in hand.
        at = cue_at(lexicon.unwanted, referring)
        if at is None and not mentions and "choose" not in found.kinds():
            reason = first(lexicon.weak_request_cues.get(context.request, _NO_CUES), referring)
            if reason is not None and _SENDING_BACK.isdisjoint(reason.phrase.split()):
                at = reason.start  # "it's just too big": why, not how
        if at is not None and context.state != "escalated" and not _negated_at(words, at):
            named = [context.request]
            cue_starts[context.request] = at
    for kind in named:
        at = cue_starts.get(kind)
        if at is None:
            at = cue_at(lexicon.weak_request_cues[kind], referring) or 0
        if not UNDOING.isdisjoint(words) or _describes_order(words, at):
            continue  # "can you restore my cancelled order?" wants the opposite of a cancellation
        if (
            clause.question
            and words[at - 1 : at] == ["no"]
            and context.request == kind
            and context.state in _DECLINED_STATES
        ):
            # "so no refund at all??": the refusal asked back in disbelief, the request still wanted
            found.add(position + 4, Act.of("insist"))
            handled.add("request")
            continue
        if _negated_at(words, at):
            found.negated = True
            if context.request == kind and dropped is None:
                found.add(position, Act.of("cancel_request", kind))
                handled.add("cancel_request")
            continue
        if "ask_why" in handled and context.request is not None:
            continue
        if (
            context.state == "follow_up"
            and context.settled == kind
            and clause.question
            and not _WAYS_OF_IT.isdisjoint(words)
        ):
            found.add(position + 7, Act.of("ask_policy"))  # "can I return it in store instead of posting?" once started
            handled.add("ask_policy")
            continue
        if (
            context.request == kind
            and (context.state in _DECLINED_STATES or context.chosen is not None)
            and not (another_order(words) or found.other_order)
        ):
            found.add(position + 4, Act.of("insist"))
            handled.add("request")
            continue
        if context.request is not None and context.request != kind and switching and dropped is None:
            found.add(position, Act.of("cancel_request", context.request))
        found.add(position + 4 + at, Act.of("request", kind))
        handled.add("request")
    return handled


def _weak_cue_of_an_order(words: Sequence[str], referring: Sequence[str], lexicon: Lexicon) -> bool:
    """Whether a weak cue is said of an order it names ("I also want to return A-7788"), so it asks for a
    request of its own beside the one the message made."""
    for cues in lexicon.weak_request_cues.values():
        found = first(cues, referring)
        if found is not None and any(_is_id(w) for w in words[found.start : found.end + 2]):
            return True
    return False


def _said_again(request: str | None, lexicon: Lexicon) -> bool:
    """Whether the request in hand has weak cues by which it may be said again ("I'd like to return it")."""
    return request is not None and request in lexicon.weak_request_cues


def _describes_order(words: Sequence[str], at: int) -> bool:
    """Whether the request's word at ``at`` only describes an order ("my cancelled order", "the refunded
    item"), which asks for nothing."""
    return (
        0 < at < len(words) - 1 and words[at] in _DONE_TO and words[at - 1] in _OWNING and words[at + 1] in _ORDER_NOUNS
    )


_DONE_TO = frozenset({"cancelled", "canceled", "refunded", "returned"})
_ORDER_NOUNS = frozenset({"order", "orders", "item", "items", "parcel", "purchase", "one", "booking"})


_REQUEST_WORDS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _choice_taken_back(found: Found) -> bool:
    """Whether a bare "no" after the offers chosen takes them back before time is asked to decide: "I'll take
    the credit. Actually no, let me think"."""
    chosen = [at for at, act in found.acts if act.kind == "choose"]
    held = [at for at, act in found.acts if act.kind == "hold"]
    if not chosen or not held or found.kinds() - _BESIDE_HOLD - _PUT_OFF_BY_HOLD - {"choose"}:
        return False
    return any(max(chosen) < at < min(held) for at, act in found.acts if act.kind in _PUT_OFF_BY_HOLD)


def _past_fillers(words: Sequence[str]) -> Sequence[str]:
    """``words`` after a greeting or "oh" that opens them ("oh actually no", "hmm sorry I meant")."""
    start = 0
    while start < len(words) and words[start] in _OPENING_FILLERS:
        start += 1
    return words[start:]


_OPENING_FILLERS = frozenset(
    {"oh", "hmm", "um", "umm", "erm", "ah", "ok", "okay", "so", "hi", "hello", "hey", "and", "also"}
)


def _about_the_wish_not_a_status(found: Found) -> None:
    """ "How long will the replacement take?" while the replacement asked for is looked into: a question
    about that alternative, not about where a refund has got to."""
    about = {at // 1000 for at, act in found.acts if act.kind == "ask_about"}
    found.acts = [(at, act) for at, act in found.acts if not (act.kind == "ask_status" and at // 1000 in about)]


def _about_the_one_described(clauses: list[Clause], focus: str, found: Found) -> None:
    """Right after an offer was described, a question that names nothing else asks about it: "do I have to
    pay for shipping?" after the exchange was explained."""
    for index, clause in enumerate(clauses):
        if clause.question and len(clause.words) >= 3 and _NOT_ABOUT_AN_OFFER.isdisjoint(clause.words):
            found.add(index * 1000, Act.of("ask_about", focus))
            return


_NOT_ABOUT_AN_OFFER = frozenset({"address", "password", "newsletter", "login", "bot", "human", "person", "robot"})


def _calling_back_themselves(clauses: list[Clause], found: Found) -> None:
    """ "No thanks, I'll call back on Monday" with a callback on offer: the customer will call, so the
    callback is turned down, not booked."""
    for at, act in list(found.acts):
        if act.kind == "choose" and act.target == CALLBACK and customer_will(clauses[at // 1000].words):
            found.acts = [(a, x) for a, x in found.acts if (a, x) != (at, act)]
            found.add(at, Act.of("reject", CALLBACK))


def _collection_asked(clauses: Sequence[Clause], found: Found) -> None:
    """ "Will you collect the damaged one?" with a request in hand: how the item goes back, which the rules
    answer."""
    for index, clause in enumerate(clauses):
        if clause.question and _asks_about_collection(clause.words):
            found.add(index * 1000 + 7, Act.of("ask_policy"))


def _asks_how_to_begin(words: Sequence[str]) -> bool:
    """ "How do I start?", "so how do I go about it?": how to get going with what is in hand, naming nothing."""
    start = next((i for i, w in enumerate(words) if w not in _LEADING_FILLERS), len(words))
    rest = words[start + 3 :]
    return (
        tuple(words[start : start + 3]) in _HOW_TO
        and bool(rest)
        and set(rest) <= _BEGINNING
        and (not {"start", "begin", "about"}.isdisjoint(rest))
    )


_LEADING_FILLERS = frozenset({"ok", "okay", "great", "so", "right", "and", "cool", "then", "perfect", "brilliant"})
_BEGINNING = frozenset({"start", "begin", "go", "about", "it", "this", "that", "then", "now", "the", "process"})


def _asks_about_collection(words: Sequence[str]) -> bool:
    """ "Will you pick it up or do I send it?", "will a courier collect it?": how the item goes back."""
    return not _COLLECTING.isdisjoint(words) or any(
        a == "pick" and "up" in words[i + 1 : i + 4] for i, a in enumerate(words)
    )


_COLLECTING = frozenset({"collect", "collected", "collection", "collecting"})
_SENDING_IT = frozenset({"send", "post", "ship", "return", "package", "pack", "wrap"})


def _asks_how_it_is_done(words: Sequence[str], named: list[str], context: Context, lexicon: Lexicon) -> bool:
    """Whether a "how do I …" question names the request in hand, or one already done, rather than asking
    for a new one ("how do I cancel my other order A-2222?")."""
    if not named and "refund" in lexicon.request_cues and (sends_back(words) is not None or _returns_it(words)):
        named = ["refund"]
    if context.request in named:
        return True
    return bool(named) and context.state == "follow_up" and not any(_is_id(w) for w in words)


def _returns_it(words: Sequence[str]) -> bool:
    """ "Do I have to return it?", "do I need to return them first?": the item sent back, in so many words."""
    return any(
        word == "return"
        and (
            words[at + 1 : at + 2] in _THE_ITEM_SENT
            or words[at + 1 : at + 2] in (["the"], ["my"])
            and not _ONE_OF_THEM.isdisjoint(words[at + 2 : at + 5])
        )
        for at, word in enumerate(words)
    )  # "do I have to return the old one?" too


_ONE_OF_THEM = frozenset({"one", "ones", "item", "items"})


_THE_ITEM_SENT = (["it"], ["them"], ["this"], ["that"], ["these"], ["those"])


_HOW_TO = frozenset(
    {("how", "do", "i"), ("how", "can", "i"), ("how", "should", "i"), ("how", "would", "i"), ("how", "do", "we"),
     ("how", "am", "i"), ("how", "will", "i"), ("do", "i", "need"), ("do", "i", "have"), ("should", "i", "send"),
     ("do", "i", "send"), ("should", "i", "post"), ("do", "i", "post"), ("can", "i", "send"), ("can", "i", "post"),
     ("will", "i", "need"), ("will", "i", "have"), ("do", "i", "return"), ("should", "i", "return")}
)  # fmt: skip
"""How a question about doing something the customer already asked for opens ("how do I send it back?",
"do I need to send them back in the box?")."""


def _request_words(lexicon: Lexicon) -> frozenset[str]:
    """Words one of which is in every clause that :func:`_read_requests` finds something in, besides a
    clause that asks why: a key word of each phrase it looks for, and the words that drop a request."""
    known = _REQUEST_WORDS.get(id(lexicon))
    if known is None or known[0] is not lexicon:
        phrase_sets = (
            *lexicon.request_cues.values(),
            *lexicon.weak_request_cues.values(),
            lexicon.cancel_request_cues,
            lexicon.keeping,
            lexicon.confusion,
            lexicon.why_cues,
            lexicon.status_cues,
            lexicon.policy_cues,
        )
        words = frozenset().union(DROPPING, *(phrases.keys for phrases in phrase_sets))
        known = _REQUEST_WORDS[id(lexicon)] = (lexicon, words)
    return known[1]


_BARE_NOS = frozenset({"no", "nope", "nah"})
_CONTACTING = frozenset({"messaging", "texting", "bothering", "contacting", "emailing", "calling", "spamming"})


def _only_disbelief(clauses: Sequence[Clause]) -> bool:
    """ "Really?", "wow", "oh wow really": nothing but a word of disbelief."""
    words = [word for clause in clauses for word in clause.words]
    return bool(words) and len(words) <= _SHORT_DISBELIEF and all(word in _DISBELIEF_ALONE for word in words)


_SHORT_DISBELIEF = 3
_DISBELIEF_ALONE = frozenset({"really", "wow", "oh", "seriously", "omg", "rly", "srsly", "wtf", "blimey"})


def asks_what_the_agent_does(words: Sequence[str]) -> bool:
    """ "What can you do?", "what can you help with?": what the agent handles; not "what can you do about it?",
    which asks what can be done for this trouble."""
    said = tuple(word for word in words if word not in _AROUND_WHAT_IT_DOES)
    return said in _WHAT_IT_DOES


_AROUND_WHAT_IT_DOES = frozenset({"hi", "hello", "hey", "so", "ok", "okay", "then", "exactly", "actually", "please"})
_WHAT_IT_DOES = frozenset(
    {("what", "can", "you", "do"), ("what", "can", "u", "do"), ("what", "can", "you", "do", "for", "me"),
     ("what", "do", "you", "do"), ("what", "are", "you", "able", "to", "do"), ("what", "can", "you", "actually", "do"),
     ("what", "can", "you", "help", "with"), ("what", "can", "you", "help", "me", "with"),
     ("what", "do", "you", "help", "with"), ("what", "are", "you", "able", "to", "help", "with"),
     ("whatever", "what", "can", "you", "do", "for", "me")}
)  # fmt: skip


def _waits_for_nothing(words: Sequence[str], at: int) -> bool:
    """Whether the "wait" at ``at`` is a pause, not a promise to wait: "no wait", "wait no", "oh wait"; not
    "I will wait no problem"."""
    before = words[at - 1] if at else ""
    after = words[at + 1 : at + 3]
    if before in ("no", "oh"):
        return True
    return after[:1] == ["no"] and after[1:2] not in (["problem"], ["rush"], ["worries"])


def _opening(context: Context) -> bool:
    """Whether the message opens the conversation: nothing asked, offered or settled yet."""
    return (
        context.state == "listening"
        and context.question is None
        and context.request is None
        and context.settled is None
        and not context.offered
    )


def _pasted_line(clauses: Sequence[Clause]) -> bool:
    """Whether the message holds a price ("1 x Wool Scarf (Grey) £24.00"), as a line pasted from an order does."""
    return any(word[:1] in _CURRENCIES and any(c.isdigit() for c in word) for c in clauses for word in c.words)


_CURRENCIES = frozenset("£$€")


def _says_thanks_or_bye(clauses: Sequence[Clause], lexicon: Lexicon) -> bool:
    """Whether any words of the message thank or say goodbye; without them, a first message ("1 x Wool Scarf
    (Grey) £24.00") closes nothing, whatever the model makes of it."""
    return any(has(lexicon.thanks, c.words) or has(lexicon.goodbye, c.words) for c in clauses)


def _stops_the_messages(words: Sequence[str]) -> bool:
    """ "Please stop messaging me", "stop sending me messages": the messages to stop, not an order ("stop sending
    it, it hasn't shipped")."""
    for at, word in enumerate(words[:-1]):
        if word != "stop":
            continue
        then = words[at + 1]
        if then in _CONTACTING or (then == "sending" and words[at + 2 : at + 3] in (["me"], ["us"])):
            return True
    return False


_AFTER_A_NO = frozenset({"actually", "wait", "sorry"})
_SUBJECTS = frozenset({"i", "we", "id", "ill", "im", "just"})


def _chased_after_a_long_wait(clauses: list[Clause], found: Found) -> None:
    """ "Why haven't I had my refund yet? It's been 2 weeks", "still no refund after 3 weeks!!": asked after
    with the wait told as too long, which is a complaint too, met with a sorry."""
    for index, clause in enumerate(clauses):
        words = clause.words
        not_yet = "yet" in words and not _NOT_HAD.isdisjoint(words)
        if _waited_long(words) or not_yet:
            found.add(index * 1000 + 2, Act.of("complain"))
            return


_NOT_HAD = frozenset({"havent", "hasnt", "not", "no", "never", "didnt"})


def _waited_long(words: Sequence[str]) -> bool:
    """Whether a wait is told as too long: "I've been waiting 3 weeks", "still waiting", "ages"."""
    return "still" in words or ("been" in words and not _LONG_WAITS.isdisjoint(words)) or "ages" in words


_LONG_WAITS = frozenset({"weeks", "months", "month", "fortnight"})


def waited_for(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "I've been waiting 10 days for my refund", "5 weeks for a refund, amazing service": what is waited for,
    after "for", is what the customer asks after, however long the wait said between."""
    for i, word in enumerate(words[:-2]):
        if word in _SPANS_OF_TIME and words[i + 1] == "for" and _how_long(words, i, lexicon):
            waited = [w for w in words[i + 2 :] if w not in _OWNING][:2]
            if has(lexicon.status_subjects, waited):
                return True
    if "waiting" not in words:
        return False
    at = words.index("waiting")
    rest = list(words[at + 1 : at + 8])
    if "for" not in rest:
        return False
    waited = [w for w in rest[rest.index("for") + 1 :] if w not in _OWNING][:2]
    return bool(waited) and has(lexicon.status_subjects, waited)


_OWNING = frozenset({"my", "the", "our", "your", "a", "an", "this", "that"})
_SPANS_OF_TIME = frozenset({"days", "weeks", "months", "week", "month", "fortnight", "ages", "forever"})


def _how_long(words: Sequence[str], at: int, lexicon: Lexicon) -> bool:
    """Whether the span of time at ``at`` says how long ("5 weeks", "a fortnight", "ages"), not when
    ("bought last week for a refund")."""
    if words[at] in ("ages", "forever"):
        return True
    before = words[at - 1] if at else ""
    return before.isdigit() or before in lexicon.number_words or before in _SOME_SPANS


_SOME_SPANS = frozenset({"a", "few", "several", "couple", "many", "of"})


def _negated_at(words: Sequence[str], at: int) -> bool:
    if _not_even(words, at):
        return False
    if at > 0 and words[at - 1] in ("no", "not"):
        return True
    near = words[max(0, at - 3) : at]
    wider = words[max(0, at - 5) : at]  # "instead of getting a refund"
    if "than" in near or any(a == "instead" and b == "of" for a, b in zip(wider, wider[1:], strict=False)):
        return True
    before = words[max(0, at - 4) : at]
    if any(a == "if" and b == "not" for a, b in zip(words[:at], words[1:at], strict=False)):
        before = [word for word in before if word != "not"]  # "if not I want to cancel": if it hasn't, then cancel
    lead = next((i for i, word in enumerate(words[:at]) if word not in _OPENING_FILLERS), 0)
    if (
        words[lead] in _BARE_NOS
        and at > lead + 1
        and words[lead + 1] in _SUBJECTS | _AFTER_A_NO
        and words.count(words[lead]) == 1
    ):
        # "no I want my money back", "hmm no actually just the refund please": a no, then the wish
        before = [word for word in before if word != words[lead]]
    if "still" in before or "only" in before or "why" in words[:at] or too_late(words[at:]):
        return False
    if "how" in before and "know" in words[max(0, at - 6) : at]:
        return False  # "I don't know how to cancel my order": asking how, which is asking for it
    if any(tuple(words[max(0, at - n) : at]) in _LET_ME for n in (2, 3)):
        return False  # "you won't let me cancel", "I'm not allowed to cancel": kept from it, still wanting it
    if any(pair in _ASKING_WHY_NOT for pair in zip(words[: at - 1], words[1:at], words[2 : at + 1], strict=False)):
        return False  # "can I not just have the refund?" presses for it
    return not _REQUEST_NEGATORS.isdisjoint(before) or _negated_in_a_list(words, at)


def _negated_in_a_list(words: Sequence[str], at: int) -> bool:
    """ "I don't want a new one or a refund": the last of things turned down together, the "not" before the
    first of them; not "I don't mind an exchange or a refund", which takes either."""
    listed = next((i for i in range(at - 1, max(-1, at - 3), -1) if words[i] in ("or", "nor")), None)
    if listed is None:
        return False
    before = words[max(0, listed - 6) : listed]
    return not _REQUEST_NEGATORS.isdisjoint(before) and _EITHER_WILL_DO.isdisjoint(before)


_EITHER_WILL_DO = frozenset({"mind", "care", "matter", "bothered", "fussed", "if", "whether", "sure"})


_ASKING_WHY_NOT = frozenset(
    (verb, person, "not") for verb in ("can", "could", "cant", "couldnt", "why") for person in ("i", "we", "you")
)
"""Openings that press for a request rather than take it back: "can I not just get a refund?"."""


_LET_ME = frozenset(
    {("let", "me"), ("letting", "me"), ("allow", "me", "to"), ("allowing", "me", "to"), ("allowed", "to"),
     ("able", "to"), ("let", "me", "get"), ("let", "us"), ("allow", "us", "to")}
)  # fmt: skip
"""The words between a "won't" and a request that keep the customer from it rather than take it back."""


def _in_general(words: Sequence[str]) -> bool:
    """ "An order after it's shipped", "items once they're opened": any order in a case supposed, not one."""
    if _SUPPOSED.isdisjoint(words):
        return False
    return not _ANY_ORDERS.isdisjoint(words) or any(pair in _ANY_ORDER for pair in zip(words, words[1:], strict=False))


def _played_down(words: Sequence[str]) -> str | None:
    """The word played down in "it's not that old", "not even that long ago", "it's not so bad", if any."""
    for i, word in enumerate(words):
        if word in _NOT_SO:
            rest = words[i + 1 : i + 4]
            if rest[:1] == ["even"]:
                rest = rest[1:]
            degree = bool(rest[:1]) and rest[0] in _DEGREE
            if degree:
                rest = rest[1:]
            if rest[:1] and rest[0] in _PLAYED_DOWN and (degree or rest[0] in _AGE):
                return rest[0]
    return None


_NOT_SO = frozenset({"not", "isnt", "arent", "wasnt", "werent", "hardly"})
_DEGREE = frozenset({"that", "so", "very", "too", "even", "really", "all", "particularly"})
_PLAYED_DOWN = frozenset("old long late far much many bad used worn ago expensive big serious".split())
_AGE = frozenset({"old", "long", "late", "ago"})


def _not_even(words: Sequence[str], at: int) -> bool:
    """ "Not even a partial refund?": asking for at least something, which still wants the request."""
    start = max(0, at - 5)
    for i in range(start, at - 1):
        if words[i] in ("not", "no") and words[i + 1] == "even":
            return _SMALL_AMOUNT.issuperset(words[i + 2 : at])
    return False


_SMALL_AMOUNT = frozenset("a an one some any partial small little part of the my".split())


def _pleads(words: Sequence[str], context: Context) -> bool:
    """A bare "please?" after a refusal asks the agent to think again."""
    return (
        context.state in _DECLINED_STATES
        and context.state != "escalated"
        and bool(words)
        and set(words) <= _PLEADING
        and "please" in words
    )


def _some_back(words: Sequence[str]) -> bool:
    """ "Get 50 back", "have 20 back": an amount of the money asked back."""
    return any(
        word.isdigit() and words[at + 1] == "back" and at > 0 and words[at - 1] in ("get", "have", "give", "me")
        for at, word in enumerate(words[:-1])
    )


_PLEADING = frozenset({"please", "oh", "come", "on", "just", "pretty"})


def _insists(words: Sequence[str], context: Context, lexicon: Lexicon) -> bool:
    if context.state in _DECLINED_STATES and _some_back(words):
        return True  # "can I get 50% back then?": part of the money, after a refusal, still presses for it
    if context.state in _DECLINED_STATES and context.request is not None and _only_over_by(words):
        return True  # "it's only 6 days over": pleads that the limit was only just missed
    if _not_just_now(words, lexicon):
        return False  # "she's not here right now": a circumstance, not a demand
    if not (lexicon.insists(words, " ".join(words)) or has(lexicon.insist_cues, words)):
        # After a refusal, "it's still in the box with the tags on" argues the item can be taken back.
        if context.state not in _DECLINED_STATES or context.state == "escalated" or not has(lexicon.unused, words):
            return False
        return not (has(lexicon.why_cues, words) or lexicon.asks_why(words, " ".join(words)))
    if context.request is not None or not _EXPLICIT_INSIST.isdisjoint(words):
        return True
    return any(pair in _PRESSING for pair in zip(words, words[1:], strict=False))


def _not_just_now(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "She's not here right now", "I can't right now": "right now" after a negation says what cannot be
    done at the moment, not that the customer wants it at once."""
    match = first(lexicon.insist_cues, words)
    return (
        match is not None
        and match.phrase in _AT_THE_MOMENT
        and not lexicon.negators.isdisjoint(words[: match.start])
        and not lexicon.insists(words, " ".join(words))
    )


_AT_THE_MOMENT = frozenset({"right now", "now", "at the moment"})


def _only_over_by(words: Sequence[str]) -> bool:
    """ "It's only 6 days over", "just 2 days late", "only a week past": a count of days or weeks said to be
    past the limit."""
    for at in range(len(words) - 2):
        count, unit, past = words[at : at + 3]
        if (count.isdigit() or count == NUMBER) and unit in _SHORT_UNITS and past in _PAST_THE_LIMIT:
            return True
    return False


_SHORT_UNITS = frozenset({"day", "days", "week", "weeks"})
_PAST_THE_LIMIT = frozenset({"over", "late", "past", "out", "after"})


def _read_person(clause: Clause, position: int, lexicon: Lexicon, found: Found, mentions: list[Mention]) -> None:
    words = clause.words
    if has(lexicon.no_person_cues, words):
        found.add(position + 8, Act.of("ask_human", negated=True))
        return
    match = first(lexicon.person_cues, words)
    if match is None or any(m.start <= match.start < max(m.end, m.start + 1) for m in mentions if m.offer == CALLBACK):
        return
    single = match.phrase in _PERSON_WORDS or match.phrase in _VAGUE_PEOPLE
    if single and len(words) > 3 and _PERSON_VERBS.isdisjoint(words) and "who" not in words:
        if not _suggests_talking(words[: match.start]):
            return
    if single and not clause.question and not _REPORTED_BY.isdisjoint(words[match.end : match.end + 6]):
        return  # "the person who gave it said early November": what someone told, not someone wanted
    after = words[match.end + 1 : match.end + 2] if words[match.end : match.end + 1] == ["who"] else []
    if (single or not _DID_SOMETHING.isdisjoint(after)) and not _DID_SOMETHING.isdisjoint(
        words[match.end : match.end + 1] + after
    ):
        # "a present someone gave me", "somebody used my card", "the person who bought it": someone who did
        # something, not one wanted
        return
    if single and not clause.question and not _SPOKEN_WITH.isdisjoint(words[max(0, match.start - 3) : match.start]):
        return  # "I was told by someone on the phone", "I spoke to someone yesterday": a contact had, not wanted
    if single and not clause.question and _waited_for_an_answer(words[: match.start]):
        found.add(position + 8, Act.of("complain"))
        return  # "I've been waiting 20 mins for someone to answer": the wait complained of, not a person asked for
    if match.phrase in _SERVICE and _PERSON_VERBS.isdisjoint(words) and not _SERVICE_ALONE.issuperset(words):
        return  # "amazing customer service": a verdict on it, not asking for it
    if clause.question and words[0] in _WILL and "call" in words[match.start :] and found.kinds() & {"choose"}:
        return  # "the replacement please. Will someone call him to arrange it?": how it goes, asked beside a choice
    if clause.question and words[0] in _WILL and not _DOING_FOR_THE_ORDER.isdisjoint(words[match.end : match.end + 2]):
        return  # "will someone collect it?", "does a courier come to pick it up?": how it goes, not a person wanted
    before = words[max(0, match.start - 6) : match.start + 1]
    negated = not _NO_NEED.isdisjoint(zip(before, before[1:], strict=False))
    found.add(position + 8, Act.of("ask_human", negated=negated))


_DID_SOMETHING = frozenset(
    {"gave", "bought", "sent", "ordered", "used", "took", "got", "left", "signed", "dropped", "stole", "posted",
     "delivered", "brought", "returned", "opened", "broke", "paid", "placed"}
)  # fmt: skip
"""Words after a person that make them someone who did something ("someone gave me"), not someone asked for."""


def _waited_for_an_answer(before: Sequence[str]) -> bool:
    """ "I've been waiting 20 mins for (someone)", "waited ages for (anyone)": a wait told of, up to now."""
    pairs = set(zip(before, before[1:], strict=False))
    return (("been", "waiting") in pairs or "waited" in before) and before[-1:] == ["for"]


def _suggests_talking(words: Sequence[str]) -> bool:
    """ "What about talking to someone?", "I'd rather try speaking with someone": talking put forward, not told
    of ("after speaking to someone in your shop", "I spent all morning talking to someone")."""
    return any(
        word in _TALKING and not _PUTTING_FORWARD.isdisjoint(words[max(0, at - 2) : at])
        for at, word in enumerate(words)
    )


_TALKING = frozenset({"talking", "speaking", "chatting"})
_PUTTING_FORWARD = frozenset(
    {"about", "try", "trying", "prefer", "rather", "mind", "suggest", "fancy", "consider", "help", "start"}
)
_SPOKEN_WITH = frozenset(
    {"told", "promised", "assured", "informed", "spoke", "talked", "chatted", "rang", "phoned", "emailed", "messaged"}
)
"""Words before a person that make them someone the customer was in touch with before ("told by someone")."""
_REPORTED_BY = frozenset({"said", "says", "told", "reckons", "thinks", "thought", "reckoned"})
"""Words after a person that make them someone the customer reports on, not someone asked for."""
_WILL = frozenset({"will", "would", "does", "do", "is"})
_DOUBTING = frozenset(
    {("how", "do", "i"), ("how", "can", "i"), ("how", "will", "i"), ("what", "guarantee", "is"), ("how", "do", "we")}
)
"""Openings of a question that doubts what was done will happen ("how do I know you'll refund it?")."""
_SURE_OF = frozenset({"know", "be", "trust", "tell", "check"})
_DOING_FOR_THE_ORDER = frozenset(
    {"collect", "collects", "pick", "picks", "come", "comes", "deliver", "delivers", "fetch", "bring", "fit", "install"}
)
"""What someone does with the order itself, asked about ("will someone collect it?"), not a person to talk to."""


def _named_beside_yes(clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found) -> None:
    """ "Ok fine, I'll take the store credit after all" with only the exchange on offer: the yes is to what
    the words name, not to what is on offer."""
    named = Found()
    read_wishes(clauses, context, lexicon, named)
    wished = [(at, act) for at, act in named.acts if act.kind == "choose"]
    if wished:
        found.drop("choose")
        for at, act in wished:
            found.add(at, act)


def _said_with_the_yes(clauses: list[Clause], index: int, yes_at: int) -> bool:
    """Whether clause ``index`` is the yes's own ("yes I want a refund") or the one right after it, said as the
    same answer ("yes please, a refund"), not as one more thing ("yes, and a refund too")."""
    if index == yes_at:
        return True
    return index == yes_at + 1 and _AS_WELL.isdisjoint(clauses[index].words)


_AS_WELL = frozenset({"and", "also", "too", "plus", "aswell", "well"})


def _settle_person(clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found) -> None:
    """A yes to the offer of a person asks for one, unless the message also says no person is needed,
    gives the fact that was missing ("ok, it hasn't shipped"), chooses something on offer ("no I don't need a
    person. fine, I'll have the exchange") or waits ("ok, I'll give it a few more days", which says no when it
    says nothing else). A no beside a choice turns the person down, not everything ("no. fine, the exchange").
    Talk of a call while a callback is on offer is about the callback, not a request for a person."""
    waits = None
    if context.question == "person":
        waits = next((i for i, clause in enumerate(clauses) if has(lexicon.holding_off, clause.words)), None)
    if found.yes_to_person is not None:
        declined = any(a.kind == "ask_human" and a.negated for _, a in found.acts) or (
            _STRONG_YES.isdisjoint(clauses[found.yes_to_person // 1000].words)
            and any(_colleague_not_needed(clause.words, lexicon) for clause in clauses)
        )  # "ah ok, cheers anyway": the "ok" takes the answer in, and the colleague is turned down
        answered = context.asked is not None and any(
            a.kind == "provide" and a.target == context.asked for _, a in found.acts
        )
        at = found.yes_to_person // 1000
        moved_on = "request" in found.kinds() and _STRONG_YES.isdisjoint(clauses[at].words)
        # "yes I want a refund" to "shall I pass you to a colleague? Or I can help with a refund": the refund
        moved_on = moved_on or any(
            a.kind == "request" and a.target in context.handled and _said_with_the_yes(clauses, p // 1000, at)
            for p, a in found.acts
        )
        let_go = "cancel_request" in found.kinds()  # "ok fine, never mind then": the "ok" gives up, not a yes
        # "ok whatever, what can you do for me?": the "ok" shrugs before asking what else there is.
        asks_else = _STRONG_YES.isdisjoint(clauses[at].words) and any(
            has(lexicon.possibility_questions, clause.words) and not _ABOUT_THE_AGENT.isdisjoint(clause.words)
            for clause in clauses
        )
        # "ok. and will someone collect it or do I drop it off?": the "ok" takes in the answer, then asks on.
        asks_else = asks_else or (
            _STRONG_YES.isdisjoint(clauses[at].words)
            and any(
                clause.question and len(clause.words) > _SHORT_ANSWER and not names_a_person(clause.words, lexicon)
                for clause in clauses[at + 1 :]
            )
        )
        # "ok thanks for your help", "ok cheers, bye": the "ok" takes the answer in and signs off
        signs_off = _STRONG_YES.isdisjoint(clauses[at].words) and (
            "goodbye" in found.kinds() or any(_thanks_for_the_help(clause.words) for clause in clauses)
        )
        if (
            not (declined or answered or moved_on or let_go or asks_else or signs_off)
            and waits is None
            and "choose" not in found.kinds()
        ):
            found.add(found.yes_to_person, Act.of("ask_human"))
    if context.question == "person" and waits is not None and not found.acts:
        found.add(waits * 1000 + 9, Act.of("deny"))
    if context.question == "person" and "choose" in found.kinds() and "deny" in found.kinds():
        at = min(p for p, a in found.acts if a.kind == "deny")
        found.drop("deny")
        if not any(a.kind == "ask_human" and a.negated for _, a in found.acts):
            found.add(at, Act.of("ask_human", negated=True))
    if context.offered and CALLBACK in context.offered_ids and any(a.target == CALLBACK for _, a in found.acts):
        found.acts = [(p, a) for p, a in found.acts if not (a.kind == "ask_human" and not a.negated)]


def _thanks_for_the_help(words: Sequence[str]) -> bool:
    """ "Thanks for your help", "thank you for helping", "appreciate the help": thanks for help already given."""
    return any(
        a in _THANKING and b == "for" and (c in _HELPING or d in _HELPING)
        for a, b, c, d in zip(words, words[1:], words[2:], [*words[3:], ""], strict=False)
    ) or any(a == "appreciate" and c in _HELPING for a, c in zip(words, words[2:], strict=False))


_THANKING = frozenset({"thanks", "thank", "thankyou", "cheers", "ta", "thx", "you"})
_HELPING = frozenset({"help", "helping", "time", "assistance"})

_STRONG_YES = frozenset({"yes", "yeah", "yep", "yup", "please", "sure", "definitely", "absolutely"})
"""Words of a yes to the offer of a person that a request beside it does not take back ("yes please, and I
also want a refund"), unlike "ok, never mind, can I cancel A-9999 then?"."""


def _complains(clause: Clause, lexicon: Lexicon, *, abusive: bool) -> bool:
    """Dissatisfaction in words. Insults that abuse people are abuse, not complaints about the service."""
    words = clause.words
    match = first(lexicon.complaint_cues, words)
    if match is None:
        return (_exclaimed_about(words, lexicon) or _holds_to_what_was_said(clause)) and not abusive
    if abusive and match.phrase in lexicon.insult_cues:
        return False
    if match.phrase.startswith("complain") and ("who" in words or "whom" in words):
        return False
    before = words[max(0, match.start - 2) : match.start]
    return not ("not" in before and match.phrase not in ("happy", "good enough", "acceptable", "impressed", "helpful"))


def _holds_to_what_was_said(clause: Clause) -> bool:
    """ "You said 5 days!!", "but you told me it would be here by Friday": what the shop said, held against it."""
    words = clause.words[1:] if clause.words[:1] == ["but"] else clause.words
    return not clause.question and tuple(words[:2]) in _YOU_SAID and len(words) > 2


_YOU_SAID = frozenset({("you", "said"), ("you", "told"), ("u", "said"), ("u", "told"), ("you", "promised")})


def _exclaims(words: Sequence[str], lexicon: Lexicon) -> bool:
    """An exclamation ("ugh", "omg", "bloody hell"), but not relief ("thank god", "thank christ")."""
    match = first(lexicon.exclamations, words) if lexicon.exclamations.may_hold(words) else None
    return match is not None and not (match.start > 0 and words[match.start - 1] == "thank")


def _exclaimed_about(words: Sequence[str], lexicon: Lexicon) -> bool:
    """Swearing at a thing ("this bloody thing", "that shit kettle") is a complaint about it."""
    match = first(lexicon.exclamations, words)
    return match is not None and match.start > 0 and words[match.start - 1] in ("this", "that", "these", "your")


def _thanks(words: Sequence[str], lexicon: Lexicon) -> bool:
    if not has(lexicon.thanks, words) or has(lexicon.not_thanks, words):
        return False
    refusing = words[0] in ("no", "nope", "nah", "not") and len(words) <= 5
    return not refusing


_FRANKNESS = frozenset({"honestly", "tbh", "frankly", "truthfully", "genuinely", "sadly", "unfortunately"})


def _past_frankness(words: Sequence[str]) -> Sequence[str]:
    """The words after a frank opener ("honestly no, I still want out"), which is no answer of its own."""
    at = 0
    while at < len(words) - 1 and words[at] in _FRANKNESS:
        at += 1
    if at and words[at + 1 : at + 2] and words[at + 1] in _NOTHING_WRONG:
        return words  # "honestly no problems, all good": nothing wrong, which is no "no"
    return words[at:]


_NOTHING_WRONG = frozenset(
    {"problem", "problems", "issue", "issues", "complaints", "worries", "trouble", "hassle", "idea", "clue"}
)


def _read_answers(
    clause: Clause, position: int, context: Context, lexicon: Lexicon, found: Found, *, thanked: bool, irony: bool
) -> None:
    """Goodbyes, and yes or no to a question the agent asked that is neither an offer nor a fact."""
    words = clause.words
    question = context.question
    goodbye = has(lexicon.goodbye, words) and not clause.question and not _goodbye_in(words, lexicon)
    if question is None or ((context.yes_takes_offer or context.asked) and question != "person"):
        if goodbye:
            found.add(position + 9, Act.of("goodbye"))
        elif not (context.yes_takes_offer or context.asked) and not clause.question:
            if only(lexicon.yes, words, lexicon):
                found.add(position + 9, Act.of("affirm"))
            elif only(lexicon.no, words, lexicon) and not dismayed(words):
                found.add(position + 9, Act.of("deny"))
        return
    if question == "anything_else":
        if only(lexicon.done, words, lexicon) or goodbye:
            found.add(position + 9, Act.of("goodbye"))
        elif _offered_a_switch(context) and (
            only(lexicon.yes, words, lexicon) or _praises(words, lexicon) or _glad(words, lexicon)
        ):
            found.add(position + 9, Act.of("affirm"))
        elif not thanked and not irony and _praises(words, lexicon):
            found.add(position + 9, Act.of("goodbye"))
        elif only(lexicon.yes, words, lexicon) and not thanked and not irony:
            found.add(position + 9, Act.of("affirm"))
        return
    if has(lexicon.taking_time, words) and not has(lexicon.done, words):
        return
    yes = only(lexicon.yes, words, lexicon) or (
        words[0] in ("yes", "ok", "mostly")
        and not only(lexicon.no, words[:1], lexicon)
        and not (words[0] == "ok" and clause.question and len(words) > _SHORT_ANSWER)
        and not (words[0] == "ok" and has(lexicon.cancel_request_cues, words[1:]))
    )  # "ok and can I cancel an order after it's shipped?" asks something new; "ok forget it" gives up
    frank = _past_frankness(words)
    no = (only(lexicon.no, frank, lexicon) or starts_with(lexicon.no, frank)) and not dismayed(words)
    if irony and yes:
        yes, no = False, True
    if question == "person" and _colleague_not_needed(words, lexicon):
        yes, no = False, True
    if question == "person" and yes and thanked and set(words) <= _ACKNOWLEDGING:
        return
    if question == "person" and not no and _asks_to_check(words, lexicon):
        yes = True  # "could you chase it please?" to "shall I pass this to a colleague to check?"
    if question == "person" and yes:
        if found.yes_to_person is None:
            found.yes_to_person = position + 9
    elif yes:
        found.add(position + 9, Act.of("affirm"))
    elif no:
        found.add(position + 9, Act.of("deny"))
        if goodbye and question != "satisfaction":
            found.add(position + 9, Act.of("goodbye"))  # "no that's all": nothing wanted, and leaving
    elif goodbye:
        found.add(position + 9, Act.of("goodbye"))


def _colleague_not_needed(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "Ok, thanks anyway", "never mind then", "nah it's fine": a colleague on offer turned down, even
    after an "ok"; not "yes, that's fine"."""
    return bool(words) and words[0] not in _STRONG_YES and has(lexicon.no_need, words)


def _asks_to_check(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "Could you chase it please?", "can you look into it", "please find out where it is": asking for what
    the colleague on offer would do; not "I'll check it myself" nor "don't chase it"."""
    match = first(lexicon.looking_into, words)
    if match is None:
        return False
    before = words[: match.start]
    return lexicon.negators.isdisjoint(before) and "myself" not in words and before[:1] != ["ill"]


def _own_request(words: Sequence[str], context: Context, lexicon: Lexicon) -> str | None:
    """ "Is it too late to return something I bought in September?": a question about the rules that is
    about the customer's own purchase, and says when or which, asks for the request itself, so the answer
    is the decision on it."""
    if context.request is not None or lexicon.purchase_words.isdisjoint(words) or _OWNERS.isdisjoint(words):
        return None
    if lexicon.date_hints.isdisjoint(words) and NUMBER not in words:
        return None
    referring = _ids_as_it(words)
    return next((kind for kind, cues in lexicon.weak_request_cues.items() if has(cues, referring)), None)


_OWNERS = frozenset({"i", "we", "my", "our"})


def _rules_for_this_order(clauses: list[Clause], lexicon: Lexicon, found: Found) -> None:
    """ "Are refunds possible for A-1234? I bought it 40 days ago": a question about the rules that names the
    customer's order asks for the request on it, so the answer is the decision, not the rules (the caller
    leaves it a question beside an alternative asked for: "can I get a bigger pair? how long do refunds
    take?")."""
    for index, clause in enumerate(clauses):
        for kind in lexicon.request_cues:
            cues = (lexicon.request_cues[kind], lexicon.weak_request_cues.get(kind))
            if any(c is not None and has(c, clause.words) for c in cues):
                found.drop("ask_policy")
                found.add(index * 1000, Act.of("request", kind))
                return
        if "refund" in lexicon.request_cues and _returns_something(clause.words):
            found.drop("ask_policy")  # "Can I return trainers I've worn once? ... order B-3030"
            found.add(index * 1000, Act.of("request", "refund"))
            return


def _leave_asked_for_a_wish(clauses: list[Clause], context: Context, found: Found) -> None:
    """ "Would it be possible to exchange my jeans for a bigger size? Order A-8585", "is it too late to
    exchange?": asking whether it may be had, with the order named, asks to have it; "how does the exchange
    work? A-8585" still asks about it."""
    wishes = {offer.id for offer in context.wishes}
    for at, act in list(found.acts):
        if act.kind != "ask_about" or act.target not in wishes:
            continue
        words = clauses[at // 1000].words if 0 <= at // 1000 < len(clauses) else []
        asks_leave = (
            "possible" in words
            or "able" in words
            or "still" in words
            or ("too", "late") in set(zip(words, words[1:], strict=False))
            or tuple(words[:2]) in _ASKING_LEAVE
        )  # "is it too late to exchange?", "can I still swap it?"
        if asks_leave and _HOW_OR_WHAT.isdisjoint(words):
            found.acts = [(p, a) for p, a in found.acts if a is not act]
            found.add(at, Act.of("choose", act.target))
            return


_HOW_OR_WHAT = frozenset({"how", "what", "whats", "which", "explain", "difference", "mean", "means", "work", "works"})


def _returns_something(words: Sequence[str]) -> bool:
    """ "can I return trainers", "I want to send these boots back": returning a thing the customer has."""
    return any(word in RETURNING and words[at - 1] in _WHO_RETURNS for at, word in enumerate(words) if at)


_WHO_RETURNS = frozenset({"i", "we", "to"})


def _ids_as_it(words: Sequence[str]) -> Sequence[str]:
    """The words with an order number read as "it": "can I return A-1234?" asks to return it."""
    # One string test rather than one per word: the words join into letters only when each is letters only.
    if "".join(words).isalpha() or not words:
        return words
    return ["it" if _is_id(word) else word for word in words]


def _is_id(word: str) -> bool:
    return any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


def _let_go_for_another(found: Found) -> None:
    """ "I want a refund. actually no, cancel it instead", "refund please. no wait, store credit": a request
    asked for and let go in the same message for something else named after it is replaced, not dropped; the
    other words ("actually no, I'll keep it") drop it."""
    for at, act in list(found.acts):
        if act.kind != "cancel_request":
            continue
        asked = any(a.kind == "request" and a.target == act.target and p < at for p, a in found.acts)
        instead = any(
            p > at and (a.kind == "choose" or (a.kind == "request" and a.target != act.target)) for p, a in found.acts
        )
        if asked and instead:
            found.acts = [(p, a) for p, a in found.acts if a is not act]


_TURNING_AWAY = frozenset(
    {"actually", "mind", "nevermind", "nvm", "second", "forget", "scrap", "no", "changed", "instead", "rather"}
)
"""Words that turn away from what was just set up ("actually never mind", "on second thoughts")."""


def _kept_instead_of_offers(clauses: list[Clause], request: str, found: Found) -> None:
    """ "Ok fine, I'll keep my membership as it is then" to the offers: none taken, and the request let go;
    the "ok fine" only takes the answer in."""
    if found.kinds() - {"choose", "affirm", "unknown", "thank"}:
        return
    if any(act.kind == "choose" and act.target is not None for _, act in found.acts):
        return
    if any(kept_as_it_is(clause.words) for clause in clauses if not clause.question):
        found.acts = [(at, act) for at, act in found.acts if act.kind not in ("choose", "affirm", "unknown")]
        found.add(0, Act.of("cancel_request", request))


def _taken_undone(clauses: list[Clause], context: Context, found: Found) -> None:
    """ "Can you undo that?" once an offer is taken: the offer taken back; when it was taken in place of a
    request the rules grant ("store credit instead" of the refund), the request is wanted back."""
    if context.chosen is None:
        return
    every = [word for clause in clauses for word in clause.words]
    kept = (
        not found.kinds() & {"choose", "ask_about", "request", "thank"}
        and not _TURNING_AWAY.isdisjoint(every)
        and any(kept_as_it_is(clause.words) for clause in clauses if not clause.question)
    )  # "actually never mind, I'll keep my membership as it is"; not "I'll keep it as it is then, thanks"
    if not (any(undoes_it(clause.words) for clause in clauses) or leaves_it_as_it_was(every) or kept):
        return
    found.acts = [
        (at, act)
        for at, act in found.acts
        if act.kind not in ("cancel_request", "goodbye", "deny", "ask_about", "hold")
    ]
    if context.instead_of_grant:
        found.add(0, Act.of("insist"))
    elif not any(act.kind == "reject" for _, act in found.acts):
        found.add(0, Act.of("reject", context.chosen))


def _fact_put_right_at_drop(
    clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found, facts: Collection[str]
) -> bool:
    """ "Can I return A-4444? no wait I meant A-4445", "bought it 3 days ago. no wait, it was 3 weeks ago": the
    words that take something back name another order or date, in their clause or the next, so they put a
    fact right rather than letting the request go."""
    order_told = any(f.kind == "order_id" and f.name in facts for f in context.facts)
    date_told = any(f.kind == "days" and f.name in facts for f in context.facts)
    today = context.today or _SOME_DAY
    for at, keeps in found.unnamed_drops:
        if keeps or _PUTTING_RIGHT.isdisjoint(clauses[at // 1000].words):
            continue  # "I've decided to keep it", "scratch that": letting go, whatever else is said
        for clause in clauses[at // 1000 : at // 1000 + 2]:
            if order_told and any(looks_like_order_number(word) for word in clause.words):
                return True
            dates = lexicon.read_dates(" ".join(clause.words), today, durations=True) if date_told else ()
            if any(when.anchor != "other" and when.shape != "elapsed" for when in dates):
                return True
    return False


_PUTTING_RIGHT = frozenset({"wait", "meant", "mean", "sorry", "oops", "actually", "typo", "correction", "wrong"})
"""Words of a take-back that stops to put something right ("no wait", "sorry I meant")."""


_SOME_DAY = date(2026, 1, 1)
"""A day to read dates against when only whether a clause gives one matters."""


def _correction_not_drop(clauses: list[Clause], lexicon: Lexicon, found: Found) -> None:
    """ "2 weeks ago. actually no, more like 5 weeks": "actually no" beside the fact asked for puts the fact
    right; it does not drop the request. "2 weeks ago. actually no, forget it" still drops it."""
    for clause in clauses:
        for match in lexicon.cancel_request_cues.find(clause.words):
            if match.phrase not in lexicon.corrections:
                return
    found.drop("cancel_request")


def _let_go_on_a_condition(clauses: list[Clause], found: Found) -> None:
    """ "Cancel A-1616, but if it's already shipped I'll just keep it", "unless it's gone out, in which case
    I'll keep it": the request is let go only if something turns out so, which the agent finds out first."""
    conditional = set()
    for index, clause in enumerate(clauses):
        opening = _past_fillers(clause.words)[:3]
        if opening[:1] in (["if"], ["unless"]):
            conditional.add(index)
        elif index - 1 in conditional and (
            opening[:1] in (["then"], ["otherwise"]) or opening == ["in", "which", "case"]
        ):
            conditional.add(index)
    if conditional:
        found.acts = [(at, a) for at, a in found.acts if not (a.kind == "cancel_request" and at // 1000 in conditional)]


def _take_back_person(clauses: list[Clause], lexicon: Lexicon, found: Found) -> None:
    """ "Can I talk to a person? actually no, never mind, I want to cancel": the request for a person is
    taken back by a retraction in a later clause, and the retraction's "no" answers nothing."""
    asked = [p for p, a in found.acts if a.kind == "ask_human" and not a.negated]
    if not asked:
        return
    taken_back = [
        i * 1000
        for i, clause in enumerate(clauses)
        if has(lexicon.retractions, clause.words)
        and not any(has(cues, clause.words) for cues in lexicon.request_cues.values())
    ]
    after = [p for p in taken_back if p > min(asked)]
    if after:
        found.acts = [
            (p, a)
            for p, a in found.acts
            if not (a.kind == "ask_human" and not a.negated and p < after[0])
            and not (a.kind == "deny" and p // 1000 * 1000 in after)
        ]


def _praise_before_question(clauses: list[Clause], lexicon: Lexicon, found: Found) -> None:
    """ "Great, and do I need the receipt?", "perfect, how long?": the praise acknowledges, and the question
    is what the message is for, so it is no goodbye."""
    asking = [
        index
        for index, clause in enumerate(clauses)
        if clause.question and not all(w in _PLEASED or w in lexicon.praise for w in clause.words)  # "do that"
    ]
    if not asking:
        return
    praised = {index for index, clause in enumerate(clauses) if _praises(clause.words, lexicon)}
    if not praised:
        return
    found.acts = [(at, act) for at, act in found.acts if not (act.kind == "goodbye" and at // 1000 in praised)]


_WAITING = frozenset({"wait", "waiting", "hold", "queue"})


def _will_wait(clause: Clause) -> bool:
    """ "I'll wait", "happy to hold", "I can wait": the customer saying they will keep waiting, not asking
    how long, and not refusing to ("I don't want to wait")."""
    words = clause.words
    if clause.question or not _NOT_WAITING.isdisjoint(words):
        return False
    at = next((i for i, word in enumerate(words) if word in _WAITING), None)
    if at is None:
        return False
    after = words[at + 1 : at + 4]
    if after[:1] == ["for"]:
        return after[1:2] in (["them"], ["him"], ["her"]) or not _PERSON_WORDS.isdisjoint(after)
    return not after or after[0] in _WAITING_ON  # not "I'll wait and see", "wait till tomorrow"


_WAITING_ON = frozenset({"thanks", "thank", "please", "then", "here", "on", "in", "patiently", "cheers", "ta"})
_NOT_WAITING = frozenset({"dont", "not", "wont", "cant", "never", "rather", "without", "instead", "how", "long"})


def _no_person_after_all(clauses: list[Clause], lexicon: Lexicon, found: Found) -> None:
    """While waiting for a person, "no actually it's fine, I just want to cancel A-2468": the retraction takes
    back the ask for a person, and the request is for the agent. A request alone ("it's about a refund") is
    what the person is wanted for."""
    if any(has(lexicon.retractions, clause.words) for clause in clauses):
        found.add(-3, Act.of("ask_human", negated=True))
    elif any(has(lexicon.carrying_on, c.words) for c in clauses) and all(
        _STILL_WAITING.isdisjoint(c.words) for c in clauses
    ):
        # "let's just continue"; not "let's continue, how long will they be?" or "I'll stick with you until
        # they arrive", which still wait
        found.add(-3, Act.of("ask_human", negated=True))


_HOLDING_ON = frozenset({"hold", "holding", "stay", "queue", "wait", "waiting", "hang", "hanging"})
"""Words by which a customer waiting for a person says they will keep waiting ("no it's ok, I'll hold")."""
_STILL_WAITING = frozenset({"how", "long", "until", "till", "when", "arrive", "arrives", "here", "wait", "waiting"})


def _cannot_give(
    clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found, facts: Sequence[str] = ()
) -> None:
    """ "I don't know the order number", "I can't remember when I bought it": the fact asked for cannot
    be given, which is no request and no complaint (the model often reads one). With another fact given
    ("I don't know exactly, sometime in early November" to the order number question), the not knowing is
    about that one, unless the words name the fact asked for."""
    if context.asked is None:
        _cannot_give_unasked(clauses, context, lexicon, found)
        return
    if context.asked not in facts and not found.kinds() - {"thank", "hold", "ask_policy", "unknown"}:
        if _asked_back(clauses, context, lexicon) or _asks_how_to_find(clauses, context, lexicon):
            # "has it shipped?", "is there any way to check?": the customer does not know, and asks how to
            found.drop("ask_policy")
            found.drop("unknown")
            found.add(5, Act.of("provide", context.asked, negated=True))
            return
    if found.kinds() - {"thank", "hold"}:
        return
    for index, clause in enumerate(clauses):
        if has(lexicon.not_knowing, clause.words):
            if facts and not _names_the_fact(clauses, context, lexicon) and _about_what_was_given(clauses, clause):
                return
            found.drop("hold")
            found.add(index * 1000 + 5, Act.of("provide", context.asked, negated=True))
            return


def _asked_back(clauses: list[Clause], context: Context, lexicon: Lexicon) -> bool:
    """Whether a yes-or-no question is put back to the agent ("has it shipped?", "can you tell me if it's
    been dispatched?", "hmm, was it dispatched yet?"): every clause asks, but for a sound of thinking, and one
    names the fact asked for."""
    spec = next((f for f in context.facts if f.name == context.asked), None)
    clauses = [clause for clause in clauses if not set(clause.words) <= _OPENING_FILLERS]
    if spec is None or spec.kind != "yes_no" or not clauses or not all(_asks(clause) for clause in clauses):
        return False
    if _names_the_fact(clauses, context, lexicon):
        return True
    said = f" {' '.join(word for clause in clauses for word in clause.words)} "
    return any(f" {phrase} " in said for phrase in spec.yes_phrases)  # "has it gone out yet"


def _asks_how_to_find(clauses: list[Clause], context: Context, lexicon: Lexicon) -> bool:
    """ "Is there any way to check?", "how would I know that?", "how do I check the date?": asking how to find
    the fact asked for, by no other words than those of finding out, or by naming the fact; not "how do I
    know if I'm eligible?" nor "where can I see my order number?" while the date is asked."""
    for clause in clauses:
        words = set(clause.words)
        if not _asks(clause) or _HOW_OR_WHERE.isdisjoint(words) or _FINDING.isdisjoint(words):
            continue
        if words <= _FINDING_OUT or _names_the_fact([clause], context, lexicon):
            return True
    return False


_HOW_OR_WHERE = frozenset({"how", "way", "where"})
_FINDING = frozenset({"check", "find", "know", "see", "look", "tell"})
_FINDING_OUT = (
    _HOW_OR_WHERE
    | _FINDING
    | frozenset(
        "is there any a an the to i you me can could would should do does will out that this it possible".split()
    )
)
"""The only words of a question that asks how to find out what was asked, naming nothing else."""


def _asks(clause: Clause) -> bool:
    return clause.question or (bool(clause.words) and clause.words[0] in _ASKING_BACK)


_ASKING_BACK = frozenset({"has", "have", "is", "did", "was", "can", "could", "do", "does", "you", "any", "tell"})
"""Words a question put back to the agent may open with, its question mark left off ("has it gone out")."""


def _about_what_was_given(clauses: list[Clause], unsure: Clause) -> bool:
    """Whether not knowing is said of the fact the message gives ("I don't know exactly, sometime in early
    November"), not of the one asked ("not sure tbh, I ordered it on Monday" to whether it was dispatched):
    a word of guessing, or the not knowing and the fact in one clause."""
    words = {word for clause in clauses for word in clause.words}
    return not _ROUGHLY.isdisjoint(words) or any(
        clause is unsure and len(clause.words) > _SHORT_UNSURE for clause in clauses
    )


_ROUGHLY = frozenset(
    {"exactly", "exact", "sometime", "around", "roughly", "approximately", "precisely", "maybe", "think", "about",
     "early", "late", "mid", "probably", "guess", "ish", "or", "when", "date", "day"}
)  # fmt: skip
_SHORT_UNSURE = 4


def _names_the_fact(clauses: list[Clause], context: Context, lexicon: Lexicon) -> bool:
    """Whether the message names the fact asked for: by the lexicon's words for its kind ("the order number"),
    or by a word of its own name ("I don't know if it's been dispatched")."""
    spec = next((f for f in context.facts if f.name == context.asked), None)
    if spec is None:
        return False
    names = lexicon.fact_names.get(spec.kind)
    own = frozenset(word for word in spec.name.split("_") if len(word) > 3)
    # "not sure if it's shipped": a one-word way of saying yes to it names it too
    own |= frozenset(phrase for phrase in spec.yes_phrases if " " not in phrase)
    return any((names is not None and has(names, c.words)) or not own.isdisjoint(c.words) for c in clauses)


def _cannot_give_unasked(clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found) -> None:
    """ "I need to return a gift, I don't have the order number": a fact the customer cannot give, said
    before it is asked for, by the words that name it; the agent then says where to find it instead of
    asking for it as if nothing was said."""
    for index, clause in enumerate(clauses):
        if not has(lexicon.not_knowing, clause.words):
            continue
        for spec in context.facts:
            names = lexicon.fact_names.get(spec.kind)
            if names is not None and has(names, clause.words):
                found.add(index * 1000 + 5, Act.of("provide", spec.name, negated=True))
                return


def _praises(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "Great", "perfect, do that", "nice one": pleased with what was done, which answers "anything else?"
    as "all good" does, not as a yes."""
    return not lexicon.praise.isdisjoint(words) and all(
        w in lexicon.praise or w in lexicon.fillers or w in _PLEASED for w in words
    )


def _short_refund_asked_after(found: Found) -> None:
    """ "My refund was meant to be £45 but I only got £30": the refund was made, short, so it is asked after
    rather than asked for again."""
    asked = [p for p, act in found.acts if act.kind == "request" and act.target == "refund"]
    if any(act.kind == "request" and act.target != "refund" for _, act in found.acts):
        return
    found.acts = [(p, act) for p, act in found.acts if not (act.kind == "request" or act.kind == "unknown")]
    if "ask_status" not in found.kinds():
        found.add(min(asked, default=0), Act.of("ask_status"))


_SHORT_REFUND_BESIDE = frozenset({"request", "provide", "complain", "thank", "unknown", "ask_status"})
"""What a message telling of a refund that fell short may do beside asking after it."""


_DATE_ALONE = 6
"""The most words a clause beside a bare "no" may have for it to be only a date put right."""


def _still_want_it(words: Sequence[str]) -> bool:
    """ "I still want it", "we still need them": what is already on its way, wanted still."""
    return any(
        word == "still"
        and words[at + 1 : at + 2] in (["want"], ["need"])
        and words[at + 2 : at + 3] in (["it"], ["them"])
        for at, word in enumerate(words)
    )


def _money_already_back(clauses: list[Clause]) -> bool:
    """ "The money came back already", "got my money back, thanks": the money told as returned, once a
    request is settled, which asks for nothing."""
    for clause in clauses:
        words = clause.words
        if clause.question or _MONEY_RETURNED.isdisjoint(words) or ("back" not in words and "through" not in words):
            continue
        if not _ARRIVED_MONEY.isdisjoint(words) and _WANTING_MONEY.isdisjoint(words):
            return True
    return False


_MONEY_RETURNED = frozenset({"money", "moneys", "refund", "refunds", "cash", "funds"})
_ARRIVED_MONEY = frozenset(
    {"came", "come", "got", "received", "arrived", "is", "its", "moneys", "was", "been", "had", "went", "already"}
)
"""Words that tell the money as already returned ("it came back", "the money is back")."""
_WANTING_MONEY = frozenset(
    {"want", "need", "like", "can", "could", "would", "please", "give", "when", "still", "not", "yet", "never"}
    | {"hasnt", "havent", "didnt", "isnt", "wasnt", "no", "wheres", "where"}
)
"""Words that still want the money, or say it has not come, which a told return does not have."""


def _content_said(clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found) -> None:
    """ "Can't complain", "no issues at all": all is well, said with a no that neither says no nor complains;
    to "is everything sorted?" it is a yes, to "anything else?" a no, and elsewhere a pleased remark."""
    said = {
        index: match.start
        for index, clause in enumerate(clauses)
        if (match := first(lexicon.content, clause.words)) is not None
    }
    if not said:
        return
    found.acts = [
        (at, act) for at, act in found.acts if not (at // 1000 in said and act.kind in ("deny", "complain", "unknown"))
    ]
    index = min(said)
    at = index * 1000 + said[index]
    if context.question == "satisfaction":
        found.add(at, Act.of("affirm"))
    elif context.question == "anything_else":
        found.add(at, Act.of("deny"))
    elif not found.acts:
        found.add(at, Act.of("thank"))


def _no_before_a_date(clauses: list[Clause], lexicon: Lexicon, found: Found) -> None:
    """ "No, November": a bare "no" before a date puts the date right; it turns nothing down and says no
    goodbye."""
    bare = {index for index, clause in enumerate(clauses) if only(lexicon.no, clause.words, lexicon)}
    if (
        bare
        and len(bare) < len(clauses)
        and all(len(clause.words) <= _DATE_ALONE for index, clause in enumerate(clauses) if index not in bare)
    ):
        found.acts = [
            (at, act)
            for at, act in found.acts
            if not (at // 1000 in bare and act.kind in ("reject", "deny", "goodbye"))
        ]


def _wants_the_thing_itself(clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found) -> None:
    """ "I don't want a refund, I want the item!" once a refund was started: the item itself, which the offer
    that sends a new one gives; not a no to "anything else?". Once the order is cancelled, wanting the order
    wants that one back ("can you undo that, I want the order after all")."""
    if context.settled == "cancel" and context.state == "follow_up":
        return
    offers = context.offered or context.wishes
    for index, clause in enumerate(clauses):
        words = clause.words
        wanted = next((at for at, word in enumerate(words) if word in _WANTING_IT), None)
        if wanted is None or not lexicon.negators.isdisjoint(words[max(0, wanted - 2) : wanted]):
            continue
        if _THE_THING.isdisjoint(words[wanted + 1 : wanted + 4]):
            continue
        mentions = [m for m in find_mentions(["a", "new", "one"], offers, lexicon) if m.offer]
        if mentions:
            found.acts = [(at, act) for at, act in found.acts if act.kind not in ("deny", "cancel_request", "unknown")]
            found.add(index * 1000, Act.of("choose", mentions[0].offer))
            return


_WANTING_IT = frozenset({"want", "need", "wanted", "needed"})
_THE_THING = frozenset({"item", "product", "thing", "order", "goods", "actual"})


def _only_a_guess(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "Maybe 3 or 4 weeks?", "about a month ago?": a rough answer with a rising tone, which asks nothing."""
    return all(word in _GUESSING or word.isdigit() or word in lexicon.date_hints for word in words)


_GUESSING = frozenset(
    "maybe perhaps about around roughly like or i think guess probably a an the few couple of back not sure "
    "exactly when weeks week mid early late start end beginning middle sometime in on towards ago days day months "
    "month bought ordered got purchased placed it them was last this could might may be".split()
)


def _where_the_money_goes(words: Sequence[str]) -> bool:
    """Whether a request asks where the money should go: "to a different card", "to my PayPal", "on my card or
    as credit"."""
    if "paypal" in words:
        return True
    if not _ACCOUNT_DETAILS.isdisjoint(words):
        return False  # "can I change my account email to jo@new.com?": the account's details, not the money
    if PAYMENT_PLACES.isdisjoint(words):
        return False
    # "will I get it back on my debit card or as credit?": one way or the other, asked
    return not _OTHER_THAN_USUAL.isdisjoint(words) or ("or" in words and not _AS_CREDIT.isdisjoint(words))


_AS_CREDIT = frozenset({"credit", "voucher", "vouchers", "points"})
_ACCOUNT_DETAILS = frozenset({"email", "password", "username", "login", "address", "name", "phone", "details"})


_WISHING = frozenset({"like", "want", "prefer", "rather", "wanna", "need"})
"""Words by which a wish where the money goes is said without a question ("I'd like it on another card")."""
_OTHER_THAN_USUAL = frozenset(
    {"different", "another", "other", "new", "old", "expired", "wifes", "husbands", "partners", "mums", "moms",
     "dads", "sons", "daughters", "friends", "boyfriends", "girlfriends", "parents", "mothers", "fathers",
     "brothers", "sisters", "her", "his", "their"}
)  # fmt: skip
"""Words before a card or account that make it another than the usual one ("my wife's card")."""


def _status_of_chosen(clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found) -> None:
    """ "How will I know when it's sent?" once the exchange is arranged asks about the exchange, which its
    details answer, not after a refund; "when will I get my money?" still asks after the money."""
    if any(has(lexicon.money_subjects, clause.words) for clause in clauses):
        return
    kept = found.acts
    found.acts = [(at, act) for at, act in found.acts if act.kind != "ask_status"]
    about_chosen(clauses, context, lexicon, found)
    if "ask_about" not in found.kinds():
        found.acts = kept


def _glad(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "He'll be pleased", "that would make me very happy": gladness at what was just described."""
    return not _GLAD.isdisjoint(words) and lexicon.negators.isdisjoint(words)


_GLAD = frozenset({"pleased", "happy", "delighted", "chuffed", "glad", "thrilled"})


def _offered_a_switch(context: Context) -> bool:
    """Whether the agent, after settling a request, just described another way ("would you rather have the
    exchange than a refund?"), so "yes thanks" or "lovely" takes it rather than ending the chat."""
    return context.state == "follow_up" and context.focus not in (None, context.chosen, context.settled)


def _goodbye_in(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "See you in court" is not a goodbye, nor is "that's all the info I have": nothing more to tell."""
    match = first(lexicon.goodbye, words)
    if match is None:
        return False
    after = words[match.end : match.end + 4]
    if not _TOLD.isdisjoint(after) and _WANTING_TO_KNOW.isdisjoint(words[match.start : match.end + 4]):
        return True  # not "that's all I wanted to know"
    return match.end < len(words) and words[match.end] in ("in", "at")


_TOLD = frozenset({"info", "information", "details", "know", "remember", "have", "got", "ive"})
_WANTING_TO_KNOW = frozenset({"wanted", "needed", "want", "need", "asked", "wondered"})


_MODEL_ACTS = {
    "request_refund": ("request", "refund"),
    "request_cancel": ("request", "cancel"),
    "ask_policy": ("ask_policy", None),
    "complaint": ("complain", None),
    "ask_why": ("ask_why", None),
    "insist": ("insist", None),
}


def _fault_with_what_came(clauses: list[Clause], found: Found) -> None:
    """ "I returned a faulty hairdryer and you sent me a replacement, but the replacement is also broken!": a
    fault told of what was sent, with no money waited for, is the trouble to put right, not a question of
    where something has got to."""
    if any(not _MONEY_WORDS.isdisjoint(clause.words) for clause in clauses):
        return
    found.drop("ask_status")


_MONEY_WORDS = frozenset(
    {"refund", "refunded", "refunds", "money", "paid", "charged", "credit", "cash", "reimbursed", "payment"}
)


def _wants_nothing(clauses: list[Clause], found: Found) -> None:
    """ "No thanks", "nothing, thanks" to "what can I help you with?" with nothing asked for: leaving; not
    "no refund thanks, just tell me when it will arrive", which asks something."""
    if any(clause.question or asks_indirectly(clause.words) for clause in clauses):
        found.acts = [(0, Act.of("unknown"))]  # what is asked is answered, or said to be beyond the agent
        return
    words = {word for clause in clauses for word in clause.words}
    if not _THANKS_OR_NOTHING.isdisjoint(words):
        found.acts = [(0, Act.of("goodbye"))]


_THANKS_OR_NOTHING = frozenset({"thanks", "thank", "thx", "ta", "cheers", "nothing", "fine", "ok", "okay"})


def _refusal_supposed(clauses: list[Clause], lexicon: Lexicon, found: Found) -> None:
    """ "And if I don't want credit or exchange?": turning the offers down, supposed in a question, asks what
    there is besides them; nothing is turned down yet."""
    for index, clause in enumerate(clauses):
        if not supposed_refusal(clause, lexicon):
            continue
        inside = [(at, act) for at, act in found.acts if act.kind == "reject" and at // 1000 == index]
        if inside:
            found.acts = [(at, act) for at, act in found.acts if (at, act) not in inside]
            found.add(inside[0][0], Act.of("ask_about", "all"))


def supposed_refusal(clause: Clause, lexicon: Lexicon) -> bool:
    """Whether a clause asks what happens if the customer says no ("and if I don't want either?")."""
    words = clause.words
    saying_no = not lexicon.negators.isdisjoint(words) or not _REFUSING.isdisjoint(words)
    return clause.question and supposes(words) and saying_no


_REFUSING = frozenset({"none", "refuse", "decline"})
"""Words of saying no that are not negators: "what if I refuse both?"."""


def _neither_after_all(clauses: list[Clause], lexicon: Lexicon, found: Found) -> None:
    """After a choice, "actually I don't want either" turns down what was chosen too, not only the rest."""
    for index, clause in enumerate(clauses):
        match = first(lexicon.reject_all, clause.words)
        if match is not None and not _EVERY_ONE.isdisjoint(match.phrase.split()):
            found.drop("deny")
            found.add(index * 1000 + match.start, Act.of("reject", "all"))
            return


_EVERY_ONE = frozenset({"either", "neither", "any", "none", "both"})


def _keeping_instead(clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found) -> None:
    """After a choice, "never mind, I'll keep it" or "forget it, I'll keep the jacket" keeps the item, so
    what was chosen in its place is taken back; a bare "forget it" answers "anything else?". Keeping what was
    chosen ("never mind, keep the pause") takes nothing back."""
    chosen = context.chosen
    if chosen is None:
        return
    taken = context.chosen_offer
    if taken is not None and any(
        _KEEPING_WORDS.intersection(clause.words) and named_mentions(clause.words, (taken,), lexicon)
        for clause in clauses
    ):
        return
    kept = [at for at, keeps in found.unnamed_drops if keeps]
    if not kept and "cancel_request" in found.kinds():
        kept = [index * 1000 for index, clause in enumerate(clauses) if _keeps_a_thing(clause.words)]
    if kept and not any(a.kind == "reject" for _, a in found.acts):
        found.drop("deny")
        found.add(kept[0], Act.of("reject", chosen))


_KEEPING_WORDS = frozenset({"keep", "stick", "leave", "stay", "stays"})
"""Words that keep what they name as it is ("keep the pause", "stick with the downgrade")."""


def _keeps_a_thing(words: Sequence[str]) -> bool:
    """ "I'll keep the jacket": keeping the thing named at the end of the clause."""
    if "keep" not in words:
        return False
    at = words.index("keep")
    return words[at + 1 : at + 2] in (["the"], ["my"]) and 1 <= len(words) - at - 2 <= 2


def _asks_how_it_goes(clauses: list[Clause], chosen: str, found: Found) -> None:
    """After a choice, "will I need to send the broken one back?" asks how what was chosen goes; it does not
    press for the request it replaced."""
    asking = {
        index for index, clause in enumerate(clauses) if clause.question and clause.words[0] in _ASKING_HOW_IT_GOES
    }
    pressed = [at for at, act in found.acts if act.kind == "insist"]
    if pressed and all(at // 1000 in asking for at in pressed):
        found.drop("insist")
        found.add(pressed[0], Act.of("ask_about", chosen))


_ASKING_HOW_IT_GOES = frozenset({"will", "do", "does", "should", "shall", "would", "is", "am", "must", "how"})


def _when_they_call(clauses: list[Clause], found: Found) -> None:
    """With a callback on offer, "how long will that take?" or "when are you back?" asks when it would be."""
    for index, clause in enumerate(clauses):
        if clause.question and not _WHEN_WORDS.isdisjoint(clause.words):
            found.drop("ask_policy")
            found.add(index * 1000, Act.of("ask_about", CALLBACK))
            return


_WHEN_WORDS = frozenset({"long", "when", "time", "open", "opens", "back", "soon", "hours", "tomorrow"})


def _goes_on_asking(words: Sequence[str], before: Clause, lexicon: Lexicon) -> bool:
    """Whether a clause only goes on with the question before it ("can I return it, bought 25 days ago but
    only received 5 days ago?"): asked with no words of a question of its own ("and how long does it
    take?" asks one), after a clause that asks, with its question mark or by how it opens."""
    at = 0
    while at < len(words) - 1 and words[at] in _LEADING_ON | _JOINING:
        at += 1  # "oh and also what's your returns policy": the question opens after the lead-in
    opening = words[at : at + 1]
    if (opening and opening[0] in lexicon.question_starts) or asks_indirectly(words):
        return False
    if before.question:
        return True
    # "oh and also can I get a refund on A-6666, bought 40 days ago?": the question mark ends the whole question
    start = 0
    while start < len(before.words) - 1 and before.words[start] in _LEADING_ON | _JOINING:
        start += 1
    return before.words[start : start + 1] != [] and before.words[start] in lexicon.question_starts


_JOINING = frozenset({"and", "but", "or", "so", "also", "plus"})


def _asks_again_where(clause: Clause, context: Context, lexicon: Lexicon) -> bool:
    """ "So where is it then?" once the agent told how a refund goes and offered a colleague to check: the
    same question about the refund or order asked about, not a new one."""
    asked_on = context.question == "person" and context.request is None and context.state == "listening"
    return asked_on and clause.question and has(lexicon.status_cues, clause.words)


def _asks_to(words: Sequence[str]) -> bool:
    """ "Can't I just refuse the delivery?", "could we split it?": asking leave to do something, which says
    neither yes nor no to what is on offer."""
    return tuple(words[:2]) in _ASKING_LEAVE


_ASKING_LEAVE = frozenset(
    (verb, person) for verb in ("can", "cant", "could", "couldnt", "may") for person in ("i", "we")
)


def _narrows(words: Sequence[str]) -> bool:
    """ "Just the shirt actually, not the trousers", "only the blue one": what a request covers, not a no."""
    return any(a in _ONLY and b in _THE_ONE for a, b in zip(words, words[1:], strict=False))


def _why_it_goes_back(words: Sequence[str]) -> bool:
    """ "I just don't like it tbh", "they didn't fit", "they just don't sound as good as I hoped": why the
    item goes back, told once it is settled, which is no answer to "anything else?"."""
    for a, b, c in zip(words, words[1:], words[2:], strict=False):
        if a in _NOT_VERB and b in _SUITING and c in _THE_ITEM:
            return True
    said_of_the_item = words[:1] and (words[0] in _ITEM_SUBJECTS or words[0] == "the" and len(words) > 2)
    return bool(said_of_the_item) and not _ITEM_NOT.isdisjoint(words[1:6])


_ITEM_SUBJECTS = frozenset({"it", "its", "they", "theyre", "these", "those", "this"})
_ITEM_NOT = frozenset({"not", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "never", "wont", "cant"})


def _lacks_something(words: Sequence[str]) -> bool:
    """ "I don't have a printer", "haven't got the box any more": something the customer lacks, told once the
    request is settled, which is no answer to "anything else?"."""
    for a, b, c in zip(words, words[1:], words[2:], strict=False):
        if a in _NOT_HAVING and b in ("have", "got", "own") and c in _SOME:
            return True
    return any(a in ("havent", "hasnt") and b == "got" for a, b in zip(words, words[1:], strict=False))


_NOT_HAVING = frozenset({"dont", "didnt", "havent", "not", "no", "longer"})
_SOME = frozenset({"a", "an", "the", "any", "my", "one", "it", "them"})

_NOT_VERB = frozenset({"dont", "doesnt", "didnt", "not", "never", "wont", "wasnt"})
_SUITING = frozenset({"like", "love", "fit", "suit", "need", "want", "match", "work", "look", "feel", "go"})
_THE_ITEM = frozenset({"it", "them", "the", "this", "that", "these", "those", "me", "right", "good", "great"})

_ONLY = frozenset({"just", "only"})
_THE_ONE = frozenset({"the", "one", "this", "that", "my"})


def _from_model(
    model: ModelReading,
    context: Context,
    found: Found,
    *,
    owns_up: bool,
    supposing: bool,
    person: bool,
    answering: bool,
    topic_only: bool = False,
    other_ask: bool = False,
    plays_down: str | None = None,
    plain_question: bool = False,
    warm: bool = True,
    asks_back: bool = False,
    commands: bool = False,
    goes_along: bool = False,
    disputes: bool = False,
    only_heard: bool = False,
) -> None:
    """What the intent model reads, for a message of some words that settled nothing but thanks or a goodbye
    (the caller makes sure). A customer
    owning up to a mistake ("my fault, I ordered the wrong size") is not complaining, whatever the model says;
    a question about what would happen (``supposing``) says no yes or no, and "can someone help me?" asks for
    help, not for a person, unless a person is named (``person``). A yes or a no to what is on offer is
    taken from the model only for a message with a word of the lexicon's answers in it (``answering``):
    "November" or "noted" is neither, whatever its letters look like. A message that only names what it is
    about, or has no word the lexicon knows (``topic_only``: "my order", "about my purchase", markup), asks
    for nothing yet; one that asks to change or track something (``other_ask``: "can I change my delivery
    address?") asks for none of the policy's requests, whatever the model makes of it. "It's not that bad"
    (``plays_down``, the word played down) is no answer to what is on offer, and "it's not that old" argues
    with a refusal. A plain yes-or-no question ("will she need to do anything?", ``plain_question``) is
    not a complaint, whatever the model makes of it. Thanks are taken from the model only from a message
    that reads ``warm`` and tells the agent to do nothing (``commands``: "ok send a new one then"): "you said
    that's allowed" is no thanks, whatever its shape. A message that asks a
    yes-or-no question of its own (``asks_back``: "no receipt though, is that a problem?") answers none, and
    one that only goes along with what was done (``goes_along``: "ok whatever, card is fine" to "anything
    else?") is no yes to having more to ask. "That's not what she said" (``disputes``) argues with a refusal;
    it turns nothing on offer down."""
    kinds = found.kinds()
    intent, confidence = model.intent, model.confidence
    if disputes and intent == "reject" and not kinds:
        if context.request is not None and context.state in _DECLINED_STATES:
            found.add(900, Act.of("insist"))
        return
    if (topic_only or other_ask) and intent.startswith("request_"):
        return
    if intent == "ask_human" and confidence >= MODEL_PERSON and person:
        found.add(900, Act.of("ask_human"))
        return
    if intent in _MODEL_ACTS and confidence >= MODEL_REQUEST:
        kind, target = _MODEL_ACTS[intent]
        if kind == "request" and (found.reported or found.negated):
            return
        if kind == "complain" and (context.asked or kinds or owns_up or plain_question):
            return
        if kind == "complain" and supposing and context.request is None:
            found.add(900, Act.of("ask_policy"))  # "what if my item arrives damaged?": what would happen
            return
        if kind == "request" and context.request == target and context.state in _DECLINED_STATES:
            found.add(900, Act.of("insist"))
        elif kind != "insist" or context.request is not None:
            found.add(900, Act.of(kind, target))  # type: ignore[arg-type]
        return
    if (
        kinds
        or confidence < MODEL_REQUEST
        or (supposing or asks_back or not answering)
        and intent in ("accept", "reject")
    ):
        return
    if intent == "reject" and plays_down is not None:
        arguing = plays_down in _AGE and context.request is not None and context.state in _DECLINED_STATES
        if arguing and context.state != "escalated":
            found.add(900, Act.of("insist"))
        return
    if intent == "thank_close" and warm and not commands:
        found.add(900, Act.of("thank"))
    elif intent in ("accept", "reject") and context.yes_takes_offer:
        found.add(900, bare_choice(context) if intent == "accept" else refusal(context))
    elif intent == "accept" and not only_heard and _described_before_any_offer(context):
        found.add(900, Act.of("choose", context.focus))  # "how long does a repair take?" … "ok do it"
    elif intent in ("accept", "reject") and context.question is not None:
        if intent == "accept" and goes_along:
            return  # "ok whatever, card is fine" goes along with what was done; it has nothing more to ask
        found.add(900, Act.of("affirm" if intent == "accept" else "deny"))


def goes_ahead(clauses: Sequence[Clause]) -> bool:
    """Whether a yes says to go ahead ("ok do it", "yes please", "sounds good"), not only that a description
    was heard ("ok", "ok good to know", "ok, I'll think about it")."""
    words = {word for clause in clauses for word in clause.words}
    if not _HOLDING_BACK.isdisjoint(words):
        return False
    pairs = {pair for clause in clauses for pair in zip(clause.words, clause.words[1:], strict=False)}
    return not _GOING_AHEAD.isdisjoint(words) or not _GOING_AHEAD_PAIRS.isdisjoint(pairs)


_GOING_AHEAD = frozenset({"yes", "yeah", "yep", "yup", "please", "pls", "sounds", "lets", "book", "arrange"})
_GOING_AHEAD_PAIRS = frozenset(
    {("do", "it"), ("do", "that"), ("go", "ahead"), ("go", "on"), ("i", "want"), ("ill", "take"), ("take", "it"),
     ("set", "up"), ("sort", "it")}
)  # fmt: skip
_HOLDING_BACK = frozenset({"think", "later", "maybe", "tomorrow", "consider", "wait", "first", "know", "not"})


def _described_before_any_offer(context: Context) -> bool:
    """Whether the agent's last reply described something the shop offers instead, asked about before
    anything was on offer, so that a yes next wants it."""
    return (
        context.state == "listening" and context.focus in {wish.id for wish in context.wishes} and not context.offered
    )


def _tells_what_became_of_it(words: Sequence[str]) -> bool:
    """ "It was approved on Monday", "they processed it last week": what became of something, told as a fact
    however pleased its words sound, which thanks no one."""
    return any(
        word in ("was", "were", "been", "they", "you") and words[at + 1 : at + 2] and words[at + 1] in _BECAME
        for at, word in enumerate(words)
    )


_BECAME = frozenset(
    {"approved", "processed", "issued", "refunded", "cancelled", "canceled", "sent", "dispatched", "shipped",
     "delivered", "confirmed", "accepted", "authorised", "authorized"}
)  # fmt: skip


def _tells_to_do(words: Sequence[str]) -> bool:
    """ "Ok send a new one then", "fine, just fix it": the agent told to do something, which is no thanks
    whatever its tone."""
    start = 0
    while start < len(words) - 1 and words[start] in _BEFORE_A_COMMAND:
        start += 1
    return words[start] in _DOING and start < len(words) - 1


_BEFORE_A_COMMAND = frozenset({"ok", "okay", "fine", "then", "so", "well", "right", "just", "please", "pls", "alright"})
_DOING = frozenset({"send", "give", "make", "change", "swap", "cancel", "refund", "replace", "ship", "post", "fix"})


def _disputes_what_was_said(words: Sequence[str]) -> bool:
    """ "That's not what she said", "I was never told that", "you promised": what someone said, disputed."""
    if _SAYING.isdisjoint(words):
        return False
    return not _DENYING.isdisjoint(words) or "promised" in words


_SAYING = frozenset({"said", "told", "promised", "agreed", "say", "tell"})
_DENYING = frozenset({"not", "never", "isnt", "wasnt", "didnt", "thats", "nobody", "no"})


_BARE_RETURN = frozenset({("return",), ("returns",), ("a", "return"), ("return", "it"), ("return", "them")})
"""A message that is only "return" (or "returns please") asks to send something back."""
_PLEASE = frozenset({"please", "pls", "plz", "hi", "hello", "hey"})

_TOPIC_ONLY = frozenset(
    """my the a an about it its this that regarding re question query order orders purchase purchases parcel
    package item items delivery product thing stuff one hi hello hey please help with can could would you u me
    i need some get pls plz""".split()
)
"""Words that only say what a message is about ("my order", "question about a purchase", "can you help me
with my order?")."""


RETURNING = frozenset({"return", "returning"})
"""Words that send an order back, which ask for its refund when said of another order."""


def _asks_yes_or_no(clause: Clause) -> bool:
    """Whether the clause asks a yes-or-no question of some words ("is that a problem?", "will that be ok?")."""
    words = clause.words
    return clause.question and len(words) >= _ASKS_BACK_WORDS and words[0] in _AUXILIARIES


_ASKS_BACK_WORDS = 3


def _plain_question(clauses: list[Clause]) -> bool:
    """Whether the message only asks something plainly ("will she need to do anything?", "ok, and what about
    the delivery charge?"), beside nothing but an acknowledgement."""
    asked = False
    for clause in clauses:
        words = [word for word in clause.words if word != "and"]
        while clause.question and len(words) > 1 and words[0] in _BEFORE_A_QUESTION:
            words = words[1:]  # "wait actually, can you change the address?"
        if not clause.question:
            if not set(words) <= _ACKNOWLEDGING | _BEFORE_A_QUESTION:
                return False
            continue
        if not words or not (
            words[0] in _AUXILIARIES
            or words[:2] in (["what", "about"], ["how", "about"])
            or (words[0] in _PLAIN_WH and words[1:2] and words[1] in _PLAIN_WH_VERBS)
        ):
            return False
        asked = True
    return asked


_BEFORE_A_QUESTION = _OPENING_FILLERS | {"wait", "actually", "well", "sorry", "also", "but", "right"}
"""Words a plain question may open with before what it asks ("wait actually, can you…?")."""
_PLAIN_WH = frozenset({"what", "whats", "when", "where", "which", "how"})
_PLAIN_WH_VERBS = frozenset({"are", "is", "s", "do", "does", "time", "hours", "much", "long", "can", "will", "would"})
"""How a plain question for information opens ("what are the off-peak hours?", "how much is it?"), unlike "what
kind of service is this?"."""


_BARE_OKS = _ACKNOWLEDGING - {"great", "thanks", "thank", "you"}
"""An acknowledgement that, alone, could be taken for a yes ("ok", "alright")."""


def _acknowledged_before_asking(clauses: list[Clause], found: Found) -> None:
    """ "Ok, and what about the broken leg?" to "anything else?": the "ok" acknowledges, the question is what
    else; it is no yes of its own. "Yes, one more thing: can I cancel C-9981?" still says yes."""
    asking = [index for index, clause in enumerate(clauses) if clause.question]
    if not asking:
        return
    found.acts = [
        (at, act)
        for at, act in found.acts
        if not (act.kind == "affirm" and at < asking[-1] * 1000 and set(clauses[at // 1000].words) <= _BARE_OKS)
    ]


def _hold_choice(clauses: list[Clause], found: Found) -> None:
    """ "Ok the credit. Actually wait, can I split it?": a choice held back by "actually wait" (or "hmm")
    before a question is not made yet; the question is answered first. "Oh wait, does it work online?"
    only adds a question to the choice."""
    for index, clause in enumerate(clauses):
        opening = set(clause.words[:3])
        if index == 0 or not ("actually" in opening and "wait" in opening or clause.words[:1] == ["hmm"]):
            continue
        if any(later.question for later in clauses[index:]):
            found.acts = [(at, act) for at, act in found.acts if not (act.kind == "choose" and at < index * 1000)]
        return


def _asks_price_difference(words: Sequence[str], *, refused: bool = False) -> bool:
    """ "Can you refund the difference?", "I want the price drop back", "can I keep it and get a partial
    refund?", "some money off instead?": money for a lower price, or part of it for keeping the item, not a
    refund. Once the refund was ``refused``, "not even a partial refund?" presses for it instead."""
    if _MONEY_BACK.isdisjoint(words):
        return False  # every way of asking names money, "price" or "money" among them
    money = {word for at, word in enumerate(words) if word in _MONEY_BACK and words[at - 1 : at] != ["store"]}
    if money and "difference" in words:
        return True  # not "what's the difference between that and store credit?", which compares offers
    if not refused and not _MONEY_BACK.isdisjoint(words) and not _PART_OF_IT.isdisjoint(words):
        return True
    return any(
        a == "price" and b in _PRICE_CHANGES or a == "money" and b == "off"
        for a, b in zip(words, words[1:], strict=False)
    )


_PART_OF_IT = frozenset({"partial", "partly", "half", "portion"})


def asks_beyond_requests(words: Sequence[str], lexicon: Lexicon) -> bool:
    """Whether a clause asks, in the words of a request, for what no request makes: the price difference,
    part of the money back, or an end to the shop's emails."""
    if _asks_price_difference(words):
        return True
    return first(lexicon.request_cues.get("cancel", _NO_CUES), words) is not None and _about_mail_from_us(words)


def wants_a_cancelled_order(clauses: Sequence[Sequence[str]]) -> bool:
    """ "You cancelled my order without telling me?? I still want it!": an order the shop cancelled, wanted
    back, which no request makes."""
    cancelled = wanting = False
    for words in clauses:
        for at, word in enumerate(words):
            if word in _CANCELLED and not _CANCELLED_BY.isdisjoint(words[max(0, at - 2) : at]):
                cancelled = True
            if word == "want" and (words[at - 1 : at] == ["still"] or words[at + 1 : at + 3] in _THE_ORDER):
                wanting = True
            if word in _REINSTATING:
                wanting = True
    return cancelled and wanting


_CANCELLED = frozenset({"cancelled", "canceled"})
_CANCELLED_BY = frozenset({"you", "was", "been", "got", "its", "guys", "they"})
_THE_ORDER = [["the", "order"], ["my", "order"], ["it", "back"], ["it", "reinstated"]]
_REINSTATING = frozenset({"reinstate", "reinstated", "uncancel", "restore", "restored"})


def _about_mail_from_us(words: Sequence[str]) -> bool:
    """ "Please stop emailing me", "unsubscribe me from the newsletter": the shop's mail is what is to stop,
    not an order, a subscription or a membership."""
    return not _MAIL_FROM_US.isdisjoint(words) and _WHAT_IS_CANCELLED.isdisjoint(words)


_MAIL_FROM_US = frozenset(
    {"newsletter", "newsletters", "marketing", "mailing", "spam", "promotional", "emailing", "emails", "email",
     "texts", "texting", "messages"}
)  # fmt: skip
_WHAT_IS_CANCELLED = frozenset(
    {"order", "orders", "subscription", "membership", "parcel", "delivery", "it", "them", "contract", "plan", "box"}
)


_MONEY_BACK = frozenset({"back", "refund", "refunded", "refunding", "pay", "paid", "price", "credit", "money"})


def _asks_postage_back(words: Sequence[str], cues: Sequence[int]) -> bool:
    """ "Do I get the postage back too?", "will you refund the shipping cost?": the postage is what the words
    of a refund are about, not the order."""
    for at in cues:
        near = words[max(0, at - 3) : at + 5]
        charged = not _POSTAGE_COSTS.isdisjoint(near) or any(
            a == "delivery" and b in _CHARGE_WORDS for a, b in zip(near, near[1:], strict=False)
        )
        if charged and not _MONEY_BACK.isdisjoint(words):
            return True
    return False


_CHARGE_WORDS = frozenset({"fee", "fees", "charge", "charges", "cost", "costs"})
"""Words after "delivery" that make it a charge: "refund the delivery fee" (not "the delivery never came")."""


def _asks_what_it_covers(words: Sequence[str], cues: Sequence[int]) -> bool:
    """ "Will the refund include the delivery charge?", "does a refund cover the gift wrap?": what the request
    covers, asked, not the request made again."""
    if words[:1] == ["and"]:
        words = words[1:]
        cues = [at - 1 for at in cues]
    if not words or words[0] not in _ASKING_WHETHER:
        return False  # "can I get a refund including the delivery?" asks for the refund
    return any(not _COVERING.isdisjoint(words[at + 1 : at + 4]) for at in cues)


_ASKING_WHETHER = frozenset({"will", "would", "does", "do", "did", "is", "should"})
_COVERING = frozenset({"include", "includes", "including", "cover", "covers", "covering"})
_POSTAGE_COSTS = frozenset({"postage", "shipping", "p&p", "pp"})
"""Words of what sending something costs, asked about ("do I get the postage back?")."""
_PRICE_CHANGES = frozenset({"match", "matching", "drop", "dropped", "adjustment", "difference", "reduction", "cut"})


OTHER_ASKS = frozenset("change update modify edit amend track tracking address".split())
"""Words of asks none of the usual requests answers ("change my delivery address", "track my parcel")."""
_NO_MODEL_REQUEST = (
    OTHER_ASKS
    | UNDOING
    | {
        "status",
        "check",
        "shipped",
        "dispatched",
        "discount",
        "coupon",
        "promo",
        "emailing",
        "newsletter",
        "marketing",
        "number",
    }
)
"""Words of a message the intent model is not trusted to read as a request: "order status please", "can you
check my order?" ask after an order, not to cancel it, and "a discount on my next order" asks for none of them."""


_ANSWERS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _answer_words(lexicon: Lexicon) -> frozenset[str]:
    """Every word of the lexicon's yes, no and "none of them" phrases but the little words any sentence has
    ("I posted it on the 20th" answers nothing), worked out once per lexicon."""
    known = _ANSWERS.get(id(lexicon))
    if known is None or known[0] is not lexicon:
        phrases = (*lexicon.yes.phrases, *lexicon.no.phrases, *lexicon.reject_all.phrases)
        words = frozenset(word for phrase in phrases for word in phrase.split()) - lexicon.function_words
        known = _ANSWERS[id(lexicon)] = (lexicon, words)
    return known[1]


def _answers_something(words: Sequence[str], answers: frozenset[str]) -> bool:
    """Whether a clause has a word of the answers, not counting a "no" that opens what it says there was
    none of ("no neighbours have it either", "no one was home"), an "either" that ends it, or words after
    one that reports speech ("she said it was fine"), which answer nothing."""
    reported_from = next((at for at, word in enumerate(words) if word in _REPORTING), len(words))
    for at, word in enumerate(words):
        if at > reported_from:
            return False  # "she said it was fine": what someone else said, not an answer
        if word not in answers or (word == "either" and 0 < at == len(words) - 1):
            continue
        if word != "no" or at + 2 >= len(words):
            return True
        after = words[at + 1]
        if after in answers or after in _GOES_ON_AFTER_NO or not after.isalpha():
            return True
    return False


_REPORTING = frozenset(
    {"said", "says", "told", "promised", "claimed", "reckoned", "reckons", "assured", "thinks", "remembers"}
)
"""Verbs after which an answer word is what someone said, not the customer's answer."""
_GOES_ON_AFTER_NO = frozenset(
    """i im ive id ill you youre we were they theyre it its that thats this these he she his her my your our
    their the a an to not just actually really please pls but and so because cos as then thanks thank thx ok
    okay sorry well honestly dont didnt doesnt cant wont isnt wasnt havent hasnt lol haha mate""".split()
)
"""Words that go on from a "no" that answers ("no I want a refund", "no thanks", "no it's broken")."""


def _late_yes(clauses: list[Clause], context: Context, lexicon: Lexicon, found: Found) -> None:
    """A message that does nothing else but opens with a yes ("ok 20 to 2 will do") answers the offer."""
    if found.kinds() - {"thank"} or not context.yes_takes_offer or context.question == "person":
        return
    if acknowledges(clauses, context, lexicon):
        return
    if _heard_then_asked(clauses, context, lexicon):
        return  # "ok but can I just refuse it at the door?": heard, and asking for something not on offer
    for index, clause in enumerate(clauses):
        if not clause.question and starts_with(lexicon.yes, clause.words) and not _tells_news(clause.words):
            found.add(index * 1000, bare_choice(context))
            return


def _heard_then_asked(clauses: list[Clause], context: Context, lexicon: Lexicon) -> bool:
    """ "Ok but can I just refuse it at the door?", "ok but when will it come" with two offers open: words that
    only take in what was said, then a question naming no offer, which asks rather than takes one."""
    for index, clause in enumerate(clauses):
        if set(clause.words) <= _HEARD and any(
            later.question
            and later.words[:1]
            and (later.words[0] in _ASKING_FOR_MORE or (len(context.offered) > 1 and later.words[0] in _WH_ASKED))
            and not named_mentions(later.words, context.offered, lexicon)
            for later in clauses[index + 1 :]
        ):
            return True
    return False


_HEARD = frozenset({"ok", "okay", "k", "hmm", "hm", "um", "umm", "erm", "right", "ah", "oh", "well", "alright", "so"})
"""Words that only take in what was said ("hmm ok"), before a question asking for something else."""
_ASKING_FOR_MORE = frozenset({"can", "could", "cant", "couldnt", "may", "is", "would"})
"""Openings of a question asking for something ("can you stop it with the courier?")."""
_WH_ASKED = frozenset({"when", "where", "how", "why", "what", "whats", "wheres", "hows"})
"""Openings of a question that, after "ok" with several offers open, asks rather than picks one."""


def _tells_news(words: Sequence[str]) -> bool:
    """ "Ok she says the 12th of October", "ok it was 3 weeks ago": the "ok" takes in what was said, and the
    rest tells something, so it answers no offer."""
    return not _REPORTING.isdisjoint(words) or "ago" in words or any(ordinal_day(word) for word in words)
