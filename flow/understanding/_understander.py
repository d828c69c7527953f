"""The understanding step: one customer message in, its ``Signals`` out."""

from __future__ import annotations

import dataclasses
import threading
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from flow.errors import InvalidMessage
from flow.models import Act
from flow.textmatch import policy_pattern
from flow.understanding import _rules
from flow.understanding._abuse import read_abuse
from flow.understanding._acts import (
    OTHER_ASKS,
    RETURNING,
    ModelReading,
    Tone,
    asks_beyond_requests,
    asks_what_the_agent_does,
    chases_in_irony,
    goes_ahead,
    read_acts,
    supposed_refusal,
    wants_a_cancelled_order,
)
from flow.understanding._arrival import turned_up
from flow.understanding._choices import asks_for_each, takes_it_in, wants_all
from flow.understanding._facts import NEVER_ARRIVED, gave_the_wrong_number, moves_nearby, read_facts
from flow.understanding._found import cue_at, first, has, only
from flow.understanding._goodwill import asks_for_goodwill
from flow.understanding._granted import as_welcome, welcomed_grant
from flow.understanding._irony import is_ironic
from flow.understanding._mood import OWNING_UP, corrected_sentiment
from flow.understanding._offers import find_mentions, variant_asked
from flow.understanding._request_cues import OTHER_ORDER, adds_more, another_order_said, looks_like_order_number
from flow.understanding._revisions import charged_again
from flow.understanding._slots import extract_slots
from flow.understanding._spelling import correct_spelling
from flow.understanding._text import NUMBER, STRETCHED, fold, once, plain_tokens
from flow.understanding._threat import read_threat
from flow.understanding.clauses import Clause, plain_clauses
from flow.understanding.context import FIRST_MESSAGE, Context, Offer
from flow.understanding.languages import other_language, says_yes
from flow.understanding.lexicon import Lexicon, lexicon_for
from flow.understanding.main_act import main_intent
from flow.understanding.phrases import PhraseSet

_UNKNOWN = Act.of("unknown")
_REQUEST_INTENTS = ("request_refund", "request_cancel")
_TOGETHER = frozenset({"them", "both", "all", "each", "they", "neither", "none"})
"""Words that make a fact said once about several orders hold for each: "bought them 3 days ago"."""

if TYPE_CHECKING:
    from collections.abc import Sequence

    from flow.models import FactValue, Signals
    from flow.understanding._model import IntentModel
    from flow.understanding._sentiment import VaderCompound
    from flow.vocabulary import Intent

UNKNOWN_BELOW = 0.4
"""The model's best intent must reach this probability, or the message is ``unknown``."""
NEGATIVE_SENTIMENT = -0.4
"""An unclear message (or one that only turns something down) at or below this VADER score is a complaint."""

# How sure each rule is when it decides instead of the model.
FACTS_CONFIDENCE = 0.9
"""A message that only states facts (an order id, how long ago)."""
FACTS_WITH_UNCLEAR_INTENT_CONFIDENCE = 0.6
"""An unclear message that carries an order id, email or phone."""
NEGATED_REQUEST_CONFIDENCE = 0.7
"""A message that only turns a request down ("please don't cancel it"): a refusal."""
STATED_REQUEST_CONFIDENCE = 0.6
"""The least for a request stated in so many words inside a complaint ("I want a refund, this is awful")."""
SIGN_OFF_CONFIDENCE = 0.7
"""The least for a "no" that ends the chat ("no, that's all, thanks"): a goodbye, not a refusal."""
YES_NO_CONFIDENCE = 0.6
"""The least for a yes/no answer whose words lean the other way than the model."""
POLICY_QUESTION_CONFIDENCE = 0.6
"""The least for a question about the rules that the model read as a request."""
HOSTILE_CONFIDENCE = 0.6
"""The least for a threat or insult that the model read as thanks, agreement or nothing: a complaint."""
NEGATIVE_UNCLEAR_CONFIDENCE = 0.5
"""A clearly negative message with no clear request: a complaint."""

# "Why can't I talk to a person?" asks for a person when the model is this sure of it.
_CLEARLY = 0.7
_LIKELY = 0.5
_NOT_HOSTILE = frozenset({"thank_close", "accept", "unknown"})
_FACT_SLOTS = frozenset({"order_id", "email", "phone"})
_REQUESTS = frozenset({"request_refund", "request_cancel", "ask_human"})
_GROWTH = 3
"""How many times its own length a message may grow to when its characters are put in their plain forms."""
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
"""Dashes other than "-" that phones and word processors type in an order number ("T\u20135521")."""


def _plain_dashes(text: str) -> str:
    """``text`` with each dash of :data:`_DASHES` between a letter or digit and a digit made a "-"."""
    if _DASHES.isdisjoint(text):
        return text
    chars = list(text)
    for at in range(1, len(chars) - 1):
        if chars[at] in _DASHES and chars[at - 1].isalnum() and chars[at + 1].isdigit():
            chars[at] = "-"
    return "".join(chars)


_WARM = 0.05
"""Sentiment above which a message reads warmly enough for the model's thanks to be taken."""


class Understander:
    """Reads customer messages: intent and confidence, sentiment, abuse, threats and slots.

    Pure and deterministic: the same text always gives the same ``Signals``. One instance may be
    shared by many threads. The intent weights and the sentiment lexicon load on first use.
    """

    def __init__(self, *, model: IntentModel | None = None, sentiment: VaderCompound | None = None) -> None:
        self._given = (model, sentiment)
        self._parts: _Parts | None = None
        self._lexicons: dict[str, Lexicon] = {}
        self._lock = threading.Lock()

    def understand(self, text: str, context: Context | None = None) -> Signals:
        """The signals in one customer message, read in ``context`` (the first message of a conversation
        about nothing in particular when ``None``); anything but a ``str`` raises ``InvalidMessage``.
        """
        if not isinstance(text, str):
            raise InvalidMessage(f"a message must be text, not {type(text).__name__}; send a str")
        parts = self._parts or self._load()
        context = context or FIRST_MESSAGE
        lexicon = self._lexicon(context.language)
        if not text.isascii():
            # Full-width letters and digits ("Ａ－１２３４"), ligatures and the like read as their plain forms.
            # A few characters stand for many ("ﷺ" is 18 letters): a message of them is cut back to a length
            # like its own, so that it costs what a message of its size does.
            text = unicodedata.normalize("NFKC", text)[: _GROWTH * len(text)]
            text = _plain_dashes(text)
            text = _emoji_as_words(text, lexicon)
        folded = fold(text)
        # Worked out once here rather than by each reader: letters stretched for emphasis cut back, and
        # whether there is a digit (a canonical word with one is NUMBER).
        stretched = STRETCHED.search(folded) is not None
        plain = STRETCHED.sub(once, folded) if stretched else folded
        words = plain_tokens(plain)
        digits = NUMBER in words
        slots = extract_slots(text, digits=digits)
        abusive, profanity = read_abuse(text, folded, words, digits=digits, stretched=stretched)
        threat_read = read_threat(text, words, folded)
        threat = threat_read is True
        clauses = plain_clauses(plain, lexicon)
        correct_spelling(clauses, lexicon)
        clause_words = [clause.words for clause in clauses]
        sentiment = corrected_sentiment(parts.sentiment(text), words, clause_words, lexicon, parts.sentiment.lexicon)
        intent, confidence = self.intent(words, slots, hostile=abusive or threat, sentiment=sentiment)
        if intent not in _REQUEST_INTENTS:
            named = _rules.explicit_request(words, " ".join(words))
            if named is not None:
                slots["requested"] = named
        facts = read_facts(text, folded, clause_words, context, lexicon, slots, digits=digits)
        if (
            context.days_told is not None
            and context.question == "satisfaction"
            and any(charged_again(clause) for clause in clause_words)
        ):
            # "I was still charged this month", "charged again today" once the day of purchase is known: a new
            # charge, which dates no purchase
            for spec in context.facts:
                if spec.kind == "days":
                    facts.facts.pop(spec.name, None)
        if context.request is None and lexicon.buying_later.may_hold(words) and _buying_later(clause_words, lexicon):
            # "if I order today, can I cancel tomorrow?": the day of a purchase still to come dates nothing
            for spec in context.facts:
                if spec.kind == "days" and not any(
                    f.kind == "order_id" and f.name in facts.facts for f in context.facts
                ):
                    facts.facts.pop(spec.name, None)
        if context.asked is not None and context.choices and context.asked not in facts.facts:
            picked = _picked_by_place(clause_words, context.choices)
            if picked is not None:
                facts.facts[context.asked] = picked  # "the second one" to "A-7373 or A-7374?"
        order_name = next((f.name for f in context.facts if f.kind == "order_id"), None)
        if context.things and order_name and order_name not in facts.facts:
            meant = _order_of_thing(clause_words, context.things)
            if meant is not None:
                facts.facts[order_name] = meant  # "can I get the trainers in a 9 instead?": the trainers' order
        if digits and order_name:
            things = _things_of_orders(text, clauses, context, lexicon)
            if things and not any(c.isspace() or c == ":" for order in things for c in order):
                slots["order_things"] = " ".join(f"{order}:{thing}" for order, thing in things.items())
        if context.asked is None and len(context.choices) > 1 and order_name and order_name not in facts.facts:
            picked = _picked_by_place(clause_words, context.choices)
            if picked is not None:
                facts.facts[order_name] = picked  # "cancel the second one" after naming two orders
                slots["picked"] = order_name
        irony = is_ironic(text, clause_words, lexicon, after_refusal=_after_refusal(context))
        asides: list[str] = []
        also_wished: list[str] = []
        second_best: list[str] = []
        acts = read_acts(
            clauses,
            context,
            lexicon,
            facts=[*facts.facts, *facts.malformed, *facts.vague],
            model=ModelReading(intent, confidence),
            tone=Tone(
                abusive=abusive,
                threat=threat,
                no_threat=threat_read is False,
                irony=irony,
                shouting=_shouting(text),
                fuming=not text.isascii() and any(emoji in text for emoji in lexicon.anger_emoji),
                warm=sentiment > _WARM,
            ),
            known=parts.model.knows,
            asides=asides,
            also_wished=also_wished,
            second_best=second_best,
            order_told=_told_order(facts.facts, context),
        )
        if asides:
            slots["aside"] = asides[0]
        if (
            context.state == "listening"
            and context.focus in {wish.id for wish in context.wishes}
            and not context.offered
            and any(a.kind == "affirm" and not a.negated for a in acts)
            and not any(a.kind in ("choose", "request", "goodbye") for a in acts)
            and goes_ahead(clauses)
        ):
            # "how does an exchange work?" … "yes please, my order is C-7720": the yes wants what was described
            acts = [Act.of("choose", context.focus) if a.kind == "affirm" else a for a in acts]
        if context.state == "offering_alternatives" and _turns_one_down_and_leaves(acts):
            # "no thanks, bye" right after asking about the pause: leaving, so nothing on offer is wanted
            acts = [Act.of("reject", "all") if a.kind == "reject" else a for a in acts]
        if _unwanted_after_it_came(acts, clause_words, lexicon):
            # "got B-1919 yesterday but I don't want it anymore": too late to cancel, so it is sent back
            acts = [Act.of("request", "refund") if a.kind == "request" and a.target == "cancel" else a for a in acts]
        condition = next((f.name for f in context.facts if f.kind == "condition"), None)
        if (
            condition is not None
            and facts.facts.get(condition) == NEVER_ARRIVED
            and any(a.kind == "request" and a.target == "cancel" and not a.negated for a in acts)
            and _not_due_yet(clause_words)
        ):
            # "can I cancel A-6060? it hasn't arrived yet": an order still on its way, to stop, not one lost
            del facts.facts[condition]
            acts = [a for a in acts if not (a.kind == "provide" and a.target == condition)]
        if context.request is None and not context.offered and any(asks_what_the_agent_does(c) for c in clause_words):
            slots["what_it_does"] = "yes"  # "what can you do?": answered from the rules, else by what it handles
        if all(a.kind in _ONLY_SAID for a in acts) and any(_asks_after_the_other(c) for c in clauses):
            slots["the_other"] = "yes"  # "thanks, and the mug?": the other thing told of, waiting its turn
            acts = [a for a in acts if a.kind != "complain"] or [_UNKNOWN]
        if not any(a.kind in ("request", "choose") for a in acts) and (
            any(asks_beyond_requests(clause, lexicon) for clause in clause_words)
            or wants_a_cancelled_order(clause_words)
            or (
                context.state == "listening"
                and not context.offered
                and context.request is None
                and any(asks_for_goodwill(clause) for clause in clause_words)
            )
        ):
            slots["beyond"] = "yes"  # "I just want the price difference back": asked for, but no request makes it
        if context.granted is not None and welcomed_grant(clauses, context, lexicon, facts.facts):
            acts = as_welcome(acts, clauses, context, facts.facts)
            intent = "thank_close"
        call_me = context.state == "escalated" and not context.callback_asked and _asks_for_a_call(words, lexicon)
        if call_me:
            slots["call_me"] = "yes"  # "can you call me instead?" while waiting for a person
        if (context.callback_asked or call_me) and (asked_for := lexicon.call_time(folded)):
            slots["call_at"] = asked_for  # "tomorrow at 3pm": when the customer would like the call
        if context.state == "follow_up" and any(
            has(lexicon.go_ahead, clause) or (not context.offered and only(lexicon.indifference, clause, lexicon))
            for clause in clause_words
        ):
            slots["go_ahead"] = "yes"  # "great, can you do it then?", "whatever is quickest" once it is done
        elif context.state == "follow_up" and _names_the_chosen_again(clause_words, context, lexicon):
            slots["go_ahead"] = "yes"  # "ok fine, exchange" once the exchange is arranged
        if (
            any(a.kind == "request" and a.target == "cancel" for a in acts)
            and any(_part_of_an_order(clause) for clause in clause_words)
            # "A-1111 and A-1112 … could I cancel one of them?": one whole order of the two
            and len({w for clause in clause_words for w in clause if looks_like_order_number(w)}) < 2
        ):
            # "can I cancel just one item from A-4545?": only whole orders are cancelled here, so it is asked of
            # a colleague rather than the whole order cancelled
            acts = [a if not (a.kind == "request" and a.target == "cancel") else _CANCEL_PART for a in acts]
            intent = "unknown"
        if context.state in ("follow_up", "offering_alternatives") and any(
            asks_for_goodwill(clause) for clause in clause_words
        ):
            slots["goodwill"] = "yes"  # "any compensation for the hassle?" once it is put right
            if not any(_MONEY_BACK.intersection(clause) for clause in clause_words):
                # "no, just want compensation": the no is to what else there is, not to the goodwill asked for;
                # but "ok resend it please. and can I get a discount?" takes the offer named apart from it
                taken_apart = _named_apart_from_goodwill(clause_words, context, lexicon)
                acts = [
                    a
                    for a in acts
                    if (a.kind not in _READ_FOR_GOODWILL and a.kind not in _NO_MORE)
                    or (a.kind == "choose" and a.target in taken_apart)
                ] or [Act.of("unknown")]
                if any(a.kind == "choose" for a in acts):
                    acts = [a for a in acts if a.kind != "complain"]  # "the hassle" asked about, not a grudge
        elif any(a.kind == "request" for a in acts):
            # "cancel A-2002. Also a discount for the hassle?", "a full refund AND compensation": beside the request
            asking = [_goodwill_part(clause) for clause in clause_words if asks_for_goodwill(clause)]
            apart = len(clause_words) > 1 or any(len(part) < len(clause_words[0]) for part in asking)
            if asking and apart and not any(_MONEY_BACK.intersection(clause) for clause in asking):
                slots["goodwill"] = "yes"  # "cancel A-2002. Also can I get a discount for the hassle?": once done
        if (
            context.state == "offering_alternatives"
            and any(a.kind == "ask_about" and a.target == "all" for a in acts)
            and (
                any(has(lexicon.more_options, clause) for clause in clause_words)
                or any(supposed_refusal(clause, lexicon) for clause in clauses)
            )
        ):
            slots["more_options"] = "yes"  # "what else have you got?", "and if I don't want either?"
        if any(_new_address(c) for c in clause_words) or (
            any(a.kind == "choose" for a in acts) and any(_elsewhere(c) for c in clause_words)
        ):
            slots["other_address"] = "yes"  # "can you send a new one to my mum's address instead?"
        if any(_asks_for_an_apology(clause) for clause in clause_words):
            slots["apology"] = "yes"  # "I want an apology": the reply says sorry, whatever else it does
        offers = len(context.offered) + (context.chosen is not None and context.chosen not in context.offered_ids)
        if offers > 1 and (
            any(wants_all(clause) for clause in clause_words)
            or any(a.kind == "choose" and a.candidates for a in acts)
            and any(asks_for_each(clause) for clause in clause_words)
        ):
            slots["all_of_them"] = "yes"  # "can I have both?": one can be set up, so which is asked
            if sum(a.kind == "ask_about" for a in acts) > 1 and all(a.kind in _ABOUT_ALL for a in acts):
                acts = [Act.of("choose")]  # "could I do half credit, half exchange?": both at once, not a question
        elif offers > 1 and context.chosen is None and _one_then_another(clauses, acts, context, lexicon):
            slots["all_of_them"] = "yes"  # "can I pause now and downgrade later?": one can be set up, so which
            acts = [Act.of("choose")]
        if facts.facts and _puts_right(clause_words, lexicon):
            slots["correction"] = "yes"  # "wait, it's actually A-4445, sorry": puts right a fact given before
            if context.settled is not None and _one_not_another([w for c in clause_words for w in c]):
                # "it's A-1213 I want cancelled, not A-1212": the request settled, for the order meant
                acts = [a for a in acts if not (a.kind == "request" and a.target == context.settled)]
            if any(not _OWNING_UP_WORDS.isdisjoint(clause) for clause in clause_words):
                sentiment = max(sentiment, OWNING_UP)  # sorry for the slip, not upset
                slots["sorry"] = "yes"
        if facts.arrived:
            slots["arrived"] = " ".join(facts.arrived)  # "it came on Monday": bought then or before
        if facts.asked_about:
            slots["asks_fact"] = facts.asked_about[0]  # "can you tell me if A-4004 has shipped?"
        if context.asked is not None and all(a.kind == "unknown" for a in acts) and _shrugs(text):
            acts = [Act.of("provide", context.asked, negated=True)]  # 🤷 to a question: not known
        if irony and chases_in_irony(clauses, acts, lexicon):
            slots["chasing"] = "yes"  # "three weeks and still no refund, fantastic service": a refund chased
        if (
            clause_words
            and clause_words[0][:1]
            and clause_words[0][0] in _SAYING_SORRY
            and any(a.kind in ("choose", "provide", "affirm") for a in acts)
        ):
            sentiment = max(sentiment, OWNING_UP)  # "sorry, I'm just frustrated. ok, the exchange": calm again
            slots["sorry"] = "yes"
        if _only_sorry(clause_words):
            sentiment = max(sentiment, OWNING_UP)  # "sorry, I'm just stressed" says sorry, not that things are bad
            acts = [Act.of("unknown")]
            slots["sorry"] = "yes"  # "sorry!", "my bad, sorry for the back and forth": nothing to answer but that
        elif all(a.kind == "unknown" for a in acts) and takes_it_in(clauses, context, lexicon):
            slots["taken_in"] = "yes"  # "fair enough", "ah I see" to several offers: heard, none chosen yet
        elif all(a.kind == "unknown" for a in acts) and (
            _remarks(clauses, parts.model.knows, lexicon)
            or _gives_contact(slots, clause_words)
            or moves_nearby(clause_words, lexicon)
        ):
            slots["remark"] = "yes"
        if (
            context.question == "person"
            and context.request is None
            and context.state == "listening"
            and acts
            and all(a.kind in ("ask_why", "complain") for a in acts)
            and (any(a.kind == "ask_why" for a in acts) or any(_CHASED.intersection(c) for c in clause_words))
        ):
            # "what do you mean, I already sent it back" to the offer of a colleague to check a refund: still
            # chasing it, so the offer is made again rather than the customer asked what they want.
            acts = [Act.of("ask_status")]
        if (
            context.state == "follow_up"
            and context.chosen is not None
            and context.question != "satisfaction"
            and any(map(turned_up, clauses))
        ):
            slots["turned_up"] = "yes"  # "actually wait, it just arrived lol": the parcel said lost has come
        if also_wished:
            slots["also_wished"] = " ".join(also_wished)
        if second_best:
            slots["second_best"] = second_best[0]
        if lexicon.bought_by_another(clause_words):
            slots["bought_by_another"] = "yes"  # "my aunt bought it": details may be had from them
        with_variant = _offer_taken(acts, context)
        if with_variant is not None and (variant := variant_asked(clause_words, with_variant, lexicon)):
            slots["variant"] = variant  # "the exchange, in a large please": what to send, passed on with it
        requests = [a.target for a in acts if a.kind == "request" and a.target and not a.negated]
        if (
            not requests
            and context.state == "follow_up"
            and context.settled is not None
            and "order_id" in facts.facts
            and adds_more(words)
            and not (slots.get("correction") == "yes" and _one_not_another([w for c in clause_words for w in c]))
        ):
            # "oh and A-7006 too" once a refund is under way: the same request for another order
            acts = [*acts, Act.of("request", context.settled)]
            requests = [context.settled]
            if any(pair in _SAME_TIME for pair in zip(words, words[1:], strict=False)):
                slots["same_as_before"] = "yes"  # "same day": bought when the order settled before was
        if (
            len(requests) == 1
            and "order_id" in facts.facts
            and _only_other_order(clauses, facts.facts["order_id"], lexicon)
        ):
            # "I'd like to cancel, also when will my other order A-3007 arrive?": not the order to cancel.
            facts.facts.pop("order_id")
            acts = [a for a in acts if not (a.kind == "provide" and a.target == "order_id")]
        if not requests and context.request is None and any(a.kind == "ask_policy" for a in acts):
            topic = _topic(clauses, lexicon)
            if topic is not None:
                slots["topic"] = topic
        if (
            len(requests) == 1
            and len(context.handled) == 1
            and requests[0] not in context.handled
            and requests[0] in lexicon.request_cues
            and not any(has(lexicon.request_cues[requests[0]], clause) for clause in clause_words)
            and any(has(lexicon.weak_request_cues.get(requests[0], _NO_WEAK_CUES), c) for c in clause_words)
        ):
            # "it renewed 2 days ago and I can't afford it" to a policy that only refunds: told only why, which
            # asks for what the policy does
            wanted = next(iter(context.handled))
            acts = [Act.of("request", wanted) if a.kind == "request" and a.target == requests[0] else a for a in acts]
            requests = [wanted]
        if (
            context.handled
            and set(requests) - context.handled
            and set(requests) & context.handled
            and not _both_wanted(clauses, set(requests) - context.handled, lexicon)
        ):
            # "I meant to cancel. Refund please" to a policy that only refunds: the refund is what it can do
            acts = [a for a in acts if not (a.kind == "request" and a.target not in context.handled)]
            requests = [kind for kind in requests if kind in context.handled]
        if (
            requests == ["cancel", "refund"]
            and ({"cancel", "refund"} <= context.handled or not context.handled)
            and not any(a.kind == "cancel_request" for a in acts)
            and _orders_named(text, context) <= 1
            and _refund_of_it(clauses, lexicon)
        ):
            acts = [a for a in acts if not (a.kind == "request" and a.target == "refund")] or acts
            requests = ["cancel"]
        switched_at = _switched_to_another_order(clauses, requests, lexicon) if digits else None
        if switched_at is not None:
            # "Refund A-1111 please. Actually forget it, cancel A-2222 instead": what went before was the request
            # taken back, so only what is said from the new one on tells of its order
            later = [list(clause.words) for clause in clauses[switched_at:]]
            part = " . ".join(" ".join(w) for w in later)
            facts.facts = read_facts(part, part, later, context, lexicon).facts
            acts = [a for a in acts if a.kind != "provide" or a.target in facts.facts]
            order = next((value for value in facts.facts.values() if _is_order(value)), None)
            if order is not None and "order_id" in slots:
                slots["order_id"] = str(order)
            if not any(spec.kind == "days" and spec.name in facts.facts for spec in context.facts):
                slots.pop("days_ago", None)
            clauses, clause_words, text = clauses[switched_at:], later, part
        another = context.request is not None and bool(requests) and context.request not in requests
        per_request = (
            _facts_per_request(text, folded, clauses, acts, context, lexicon, slots)
            if len(requests) > 1 or another
            else {}
        )
        # One request naming several orders, or an answer about several ("A-3333 has shipped but A-4444 hasn't").
        per_order = _facts_per_order(text, clauses, context, lexicon, digits=digits) if len(set(requests)) <= 1 else ()
        if len(per_request) > 1:
            told = _facts_per_order(text, clauses, context, lexicon, digits=digits)
            order_name = next((f.name for f in context.facts if f.kind == "order_id"), None)
            if order_name is not None and len(told) > len(per_request):
                per_request, per_order = _orders_beside_requests(per_request, told, order_name)
        if len(per_order) > 1 and slots.get("aside", "").startswith("other:"):
            # "can I cancel Z-3016? also, can you add a discount code to my other order Z-3017?": the other
            # order is asked something of its own, so the request is not for it
            per_order = _not_asked_of(per_order, clauses, context, lexicon)
        if len(per_order) > 1:
            # "I also have A-6302 which arrived fine, I don't want anything done with that one"
            per_order = _not_left_alone(per_order, clause_words, context, lexicon)
        if (
            len(per_order) > 1
            and len(set(requests)) <= 1
            and slots.get("correction") == "yes"
            and _put_right_between(clause_words, _orders_listed(text, context), lexicon)
        ):
            order_name = next((f.name for f in context.facts if f.kind == "order_id"), None)
            if order_name is not None and order_name in per_order[-1]:
                # "Cancel A-5000. Wait no, not that one, A-5001": the order put right in the same breath
                facts.facts.update(per_order[-1])
                slots["order_id"] = str(per_order[-1][order_name])
                per_order = ()
        if len(per_order) > 1 and len(set(requests)) == 1:
            pointed = _order_by_place([_after_the_orders(clause_words, _orders_listed(text, context))], per_order)
            order_name = next((f.name for f in context.facts if f.kind == "order_id"), None)
            if pointed is not None and order_name is not None and order_name in pointed:
                # "A-1111 and A-2222: refund the last one please": the one pointed to, with what was said of it.
                facts.facts.update(pointed)
                slots["order_id"] = str(pointed[order_name])
                per_order = ()
        if len(per_order) > 1 and len(set(requests)) == 1:
            owner = _request_said_of(clauses, requests[0], _orders_listed(text, context), lexicon, len(per_order))
            order_name = next((f.name for f in context.facts if f.kind == "order_id"), None)
            if owner is not None and order_name is not None and order_name in per_order[owner]:
                # "A-1357 and A-2468. The first arrived damaged and the second I'd like to cancel": that one's
                slots["request_order"] = str(per_order[owner][order_name])
        if len(per_order) > 1 and len(requests) == 1 and any(has(lexicon.only_one, words) for words in clause_words):
            # "A-1111 and A-1112, can you cancel one?": which of them is not said, so none is taken.
            order_name = next((f.name for f in context.facts if f.kind == "order_id"), None)
            if order_name is not None:
                slots["which_order"] = " ".join(str(each.get(order_name)) for each in per_order)
                slots.pop("order_id", None)
                facts.facts.pop(order_name, None)
                acts = [a for a in acts if not (a.kind == "provide" and a.target == order_name)]
                per_order = ()
        about_another = not requests and context.request is not None and any(_is_order(v) for v in facts.facts.values())
        by_trouble = about_another and _trouble_of_another_order(facts.facts, context)
        named_another = about_another and any(_another_order_by_name(clause) for clause in clause_words)
        if not per_order and (
            by_trouble or ((requests == [context.request] or named_another) and another_order_said(clause_words))
        ):
            # "I'd also like a refund on C-5070" while a refund is in hand: the facts are that order's own.
            per_order = (dict(facts.facts),)
        if not per_order and len(set(requests)) <= 1:
            # "refund A-1010, and my other order never arrived": that trouble is another order's, number unknown
            per_order = _trouble_of_an_unnamed_order(clauses, facts.facts, context, lexicon)
        other = _said_of_the_other(clauses, facts.facts, context) if not per_order else ""
        if other:
            slots["other_orders"] = other
        if slots.get("aside", "").startswith("other:") and _lost_order_asked(clauses, per_order, lexicon):
            slots.pop("aside")  # "where's my other order A-2020?": taken up as that order never come, not left
        wished = _wishes_by_order(clauses, (*per_request.values(), *per_order), context, lexicon)
        if wished:
            slots["order_wishes"] = wished
        language = other_language(words, context.language)
        if language is not None:
            # "Sí, por favor" to the offer of a colleague takes it; anything else is not read in English.
            yes = context.question == "person" and says_yes(folded)
            acts, per_request, per_order = [Act.of("ask_human") if yes else _UNKNOWN], {}, ()
            intent, confidence = ("ask_human", 1.0) if yes else ("unknown", 0.0)
        return parts.signals.made(
            intent=main_intent(acts, intent),
            confidence=confidence,
            sentiment=sentiment,
            abusive=abusive,
            threat=threat,
            irony=irony,
            profanity=profanity,
            slots=slots,
            acts=tuple(acts),
            facts=facts.facts,
            request_facts=per_request,
            order_facts=per_order,
            malformed=tuple(facts.malformed),
            language=language,
        )

    def _lexicon(self, language: str) -> Lexicon:
        lexicon = self._lexicons.get(language)
        if lexicon is None:
            lexicon = self._lexicons[language] = lexicon_for(language)
        return lexicon

    def sentiment(self, text: str) -> float:
        """VADER's compound score for ``text``, in [-1, 1], as ``vaderSentiment`` gives it. The ``sentiment`` of
        :meth:`understand` corrects it for anger and owning up in so many words (:mod:`flow.understanding._mood`)."""
        return (self._parts or self._load()).sentiment(text)

    def intent(
        self, words: Sequence[str], slots: dict[str, str], *, hostile: bool = False, sentiment: float = 0.0
    ) -> tuple[Intent, float]:
        """The intent of a message given its canonical words and slots, with a confidence in [0, 1].

        ``hostile`` says the message threatens or abuses: it is then never read as thanks or agreement.
        A clearly negative ``sentiment`` turns an otherwise unclear message into a complaint.
        """
        if words.count(NUMBER) == len(words):
            return ("provide_info", FACTS_CONFIDENCE) if slots else ("unknown", 0.0)
        short = _rules.short_reply(words)
        if short is not None:
            return short, _rules.SHORT_REPLY_CONFIDENCE
        model = (self._parts or self._load()).model
        probabilities = dict(zip(model.classes, model.probabilities(words), strict=True))
        joined = " ".join(words)
        if _rules.asks_why(words, joined) and probabilities["ask_human"] < _CLEARLY:
            return "ask_why", _rules.RULE_CONFIDENCE
        if _rules.insists(words, joined):
            return "insist", _rules.RULE_CONFIDENCE
        if _rules.asks_about_policy(words, joined) and probabilities["ask_policy"] < _LIKELY:
            top = max(probabilities, key=probabilities.__getitem__)
            if top in ("request_refund", "request_cancel", "unknown"):
                return "ask_policy", max(probabilities["ask_policy"] + probabilities[top], POLICY_QUESTION_CONFIDENCE)
        if slots and _rules.only_gives_facts(words, slots):
            return "provide_info", FACTS_CONFIDENCE
        has_facts = not _FACT_SLOTS.isdisjoint(slots)
        negated = _rules.negated_intents(words, joined)
        intent, confidence = _from_model(probabilities, negated, has_facts=has_facts)
        if intent == "complaint" or intent == "unknown":
            request = _rules.explicit_request(words, joined)
            if request is not None and request not in negated:
                return request, max(probabilities[request], STATED_REQUEST_CONFIDENCE)
        if intent == "reject" and _rules.signs_off(words, joined):
            return "thank_close", max(probabilities["thank_close"], SIGN_OFF_CONFIDENCE)
        if intent == "accept" or intent == "reject":
            leaning = _rules.agreement(words)
            if leaning:
                answer: Intent = "accept" if leaning > 0 else "reject"
                return answer, max(probabilities[answer], YES_NO_CONFIDENCE)
        if hostile and intent in _NOT_HOSTILE:
            return "complaint", max(probabilities["complaint"], HOSTILE_CONFIDENCE)
        unsure = intent == "unknown" or confidence < _LIKELY or (negated and intent == "reject")
        if unsure and sentiment <= NEGATIVE_SENTIMENT and intent not in _REQUESTS:
            return "complaint", max(probabilities["complaint"], NEGATIVE_UNCLEAR_CONFIDENCE)
        return intent, confidence

    def _load(self) -> _Parts:
        with self._lock:
            if self._parts is None:
                from flow.models import Signals
                from flow.understanding._model import IntentModel
                from flow.understanding._sentiment import VaderCompound

                model, sentiment = self._given
                self._parts = _Parts(model or IntentModel.load(), sentiment or VaderCompound(), Signals)
            return self._parts


def _facts_per_request(
    text: str,
    folded: str,
    clauses: list[Clause],
    acts: list[Act],
    context: Context,
    lexicon: Lexicon,
    slots: dict[str, str],
) -> dict[str, dict[str, FactValue]]:
    """The facts stated with each of several requests: those from one request's words to the next's.

    "Cancel B-2001 and refund A-2002" gives the cancellation B-2001 and the refund A-2002, even in one
    clause; what comes before the first request's words goes with the first. One order number in the whole
    message is every request's: "cancel my order and refund it, A-5555" is about one order.
    """
    cues: list[tuple[int, int, str]] = []
    for index, clause in enumerate(clauses):
        for kind, phrases in lexicon.request_cues.items():
            if not phrases.may_hold(clause.words):
                continue
            for match in phrases.find(clause.words):
                if all(kind != seen for _, _, seen in cues):
                    cues.append((index, match.start, kind))
    asked = {act.target for act in acts if act.kind == "request" and act.target}
    for kind in asked - {seen for _, _, seen in cues}:
        # "cancel A-3030, return A-4040": a request read from a weaker cue is placed by that cue.
        weak = lexicon.weak_request_cues.get(kind)
        for index, clause in enumerate(clauses):
            at = cue_at(weak, clause.words) if weak is not None else None
            if at is None and kind == "refund":
                at = next((i for i, word in enumerate(clause.words) if word in RETURNING), None)
            if at is not None:
                cues.append((index, at, kind))
                break
    cues.sort()
    cues = _with_leading_orders(clauses, cues)
    per_request: dict[str, dict[str, FactValue]] = {}
    listed = _orders_listed(text, context)
    order_name = next((f.name for f in context.facts if f.kind == "order_id"), None)
    # "Return A-2222 and cancel A-3333. The first one I bought 5 days ago, the second hasn't shipped": a clause
    # that opens by pointing at one of the requests in order tells that request's facts.
    cue_orders = [next((w for w in clauses[ci].words[wi:] if looks_like_order_number(w)), None) for ci, wi, _ in cues]
    pointing = _pointing_clauses(clauses, len(cues), after=cues[-1][0] if cues else 0, orders=cue_orders)
    for n, (clause_index, word_index, kind) in enumerate(cues):
        begin = (0, 0) if n == 0 else (clause_index, word_index)
        end = (cues[n + 1][0], cues[n + 1][1]) if n + 1 < len(cues) else (len(clauses), 0)
        words = _between(clauses, begin, end, skip=pointing)
        words += [list(clauses[index].words) for index, at in pointing.items() if at == n]
        part = " . ".join(" ".join(w) for w in words)
        per_request[kind] = read_facts(part, part, words, context, lexicon).facts
        pointed = _order_by_place(_between(clauses, (clause_index, word_index), end), listed)
        if pointed is not None and order_name is not None:
            per_request[kind][order_name] = pointed  # "A-1111 and A-2222: cancel the first, return the second"
    for name in (f.name for f in context.facts if f.kind == "order_id"):
        orders = {str(facts[name]) for facts in per_request.values() if name in facts}
        if len(orders) == 1:
            for facts in per_request.values():
                facts.setdefault(name, next(iter(orders)))
    _share_what_others_cannot_use(per_request, context)
    return per_request


def _share_what_others_cannot_use(per_request: dict[str, dict[str, FactValue]], context: Context) -> None:
    """ "Refund please, and cancel my plan too. It renewed yesterday": what is told beside a request the policy
    leaves to colleagues goes with the requests it handles too, which would otherwise ask for it again. An order
    number stays with its own request."""
    if not context.handled:
        return
    orders = {f.name for f in context.facts if f.kind == "order_id"}
    handled = [kind for kind in per_request if kind in context.handled]
    for kind in [kind for kind in per_request if kind not in context.handled]:
        for name, value in per_request[kind].items():
            for other in handled if name not in orders else ():
                per_request[other].setdefault(name, value)


def _switched_to_another_order(clauses: list[Clause], requests: list[str], lexicon: Lexicon) -> int | None:
    """The clause a request begins at when another request named before it was taken back for it, and an order
    is named from there on ("Refund A-1111. Actually no, cancel A-2222 instead"), or None."""
    if len(requests) != 1:
        return None
    kept_at = None
    other_before = False
    for index, clause in enumerate(clauses):
        for kind, phrases in lexicon.request_cues.items():
            if not phrases.may_hold(clause.words) or cue_at(phrases, clause.words) is None:
                continue
            if kind == requests[0]:
                kept_at = index if kept_at is None else kept_at
            elif kept_at is None:
                other_before = True
    if kept_at is None or not other_before:
        return None
    named_later = any(looks_like_order_number(w) for clause in clauses[kept_at:] for w in clause.words)
    named_before = any(looks_like_order_number(w) for clause in clauses[:kept_at] for w in clause.words)
    return kept_at if named_later and named_before else None


def _one_then_another(clauses: list[Clause], acts: Sequence[Act], context: Context, lexicon: Lexicon) -> bool:
    """ "Can I pause now and downgrade later?", "could I do the freeze and then off-peak after?": two offers
    asked for in one question, one after the other, of which one can be set up; not "downgrade please. then
    can I pause later?", which takes one and asks about the other."""
    if any(a.kind not in ("choose", "ask_about") for a in acts):
        return False
    for clause in clauses:
        if clause.question and not _ONE_AFTER.isdisjoint(clause.words):
            named = {m.offer for m in find_mentions(clause.words, context.offered, lexicon) if m.offer}
            if len(named) > 1:
                return True
    return False


_ONE_AFTER = frozenset({"then", "later", "afterwards", "after", "next"})


def _names_the_chosen_again(clause_words: list[list[str]], context: Context, lexicon: Lexicon) -> bool:
    """ "Ok fine, exchange", "the exchange yes": the offer already taken, named again with nothing else to it."""
    chosen = context.chosen_offer
    if chosen is None or len(clause_words) > _FEW_CLAUSES:
        return False
    named = False
    for clause in clause_words:
        mentions = [m for m in find_mentions(clause, (chosen,), lexicon) if m.offer == chosen.id]
        if mentions:
            named = True
            rest = [w for i, w in enumerate(clause) if not any(m.start <= i < m.end for m in mentions)]
        else:
            rest = list(clause)
        if not all(w in _GOING_AHEAD or w in lexicon.fillers for w in rest):
            return False
    return named


_FEW_CLAUSES = 3
_GOING_AHEAD = frozenset(
    "ok okay fine yes yeah yep please then the that one go with for me sure alright great thanks cheers".split()
)


def _asks_after_the_other(clause: Clause) -> bool:
    """ "And the mug?", "what about the other one?", "and my other order?": a short question after something
    told of besides what is in hand, named by a word or two."""
    words = clause.words
    start = 0
    while start < len(words) and words[start] in _LEADING_IN:
        start += 1
    rest = words[start:]
    if rest[:2] in (["what", "about"], ["how", "about"]):
        rest = rest[2:]
    elif not (clause.question and start and words[start - 1] == "and"):
        return False
    return 2 <= len(rest) <= _NAMED_BY and rest[0] in ("the", "my") and rest[-1] not in _NOT_A_THING


_ONLY_SAID = frozenset({"thank", "unknown", "complain", "affirm"})
_LEADING_IN = frozenset({"thanks", "thank", "you", "ok", "okay", "and", "so", "but", "cool", "great", "right", "oh"})
_NAMED_BY = 4
"""At most this many words name the other thing asked after ("the other order", "my broken mug")."""
_NOT_A_THING = frozenset(
    {"rest", "same", "refund", "money", "point", "problem", "issue", "complaint", "complaints", "apology"}
)


def _another_order_by_name(words: list[str]) -> bool:
    """ "My other order", "another order", "a different purchase": an order told apart from the one in hand
    by name, not "the other" answering for the second of two already in hand."""
    return any(
        word in OTHER_ORDER and not _ORDER_NOUNS.isdisjoint(words[i + 1 : i + 3]) for i, word in enumerate(words)
    )


_ORDER_NOUNS = frozenset({"order", "purchase", "parcel"})


def _part_of_an_order(words: list[str]) -> bool:
    """ "Just one item from my order", "one of the things in it", "part of my order": some of an order; not
    "one of my orders", a whole order of several."""
    for at, pair in enumerate(zip(words, words[1:], strict=False)):
        if pair in _ALWAYS_SOME:
            return True
        if pair in _SOME_OF_IT and _ORDER_WORDS.isdisjoint(words[at + 2 : at + 4]):
            return True
    return False


_CANCEL_PART = Act.of("request", "cancel_part")


"""A request no policy handles: cancelling some of an order, which a colleague can look at."""
_NO_WEAK_CUES = PhraseSet(())
_ALWAYS_SOME = frozenset({("part", "of"), ("item", "from"), ("items", "from"), ("thing", "from")})
_SOME_OF_IT = frozenset(
    {("one", "item"), ("one", "thing"), ("one", "product"), ("some", "items"), ("some", "things"), ("one", "of"),
     ("some", "of"), ("two", "items")}
)  # fmt: skip
_ORDER_WORDS = frozenset({"order", "orders", "purchase", "purchases"})
"""Words after "one of" that make it one whole order of several ("cancel one of my orders")."""


_READ_FOR_GOODWILL = frozenset({"insist", "request", "ask_about", "ask_policy", "choose"})
"""What the words of asking for something for the trouble may also be read as ("a refund", "can I get
something?" as a question about what was arranged), which they are not."""
_NO_MORE = frozenset({"deny", "goodbye"})
"""What "no" to "anything else?" reads as, which an ask for something for the trouble beside it takes back."""


def _goodwill_part(clause: list[str]) -> list[str]:
    """The part of a clause that asks for something for the trouble, after the request beside it: "a refund
    plus something for the trouble" asks "something for the trouble"."""
    joins = [at for at, word in enumerate(clause) if word in _PLUS]
    for at in reversed(joins):
        if asks_for_goodwill(clause[at + 1 :]):
            return clause[at + 1 :]
    return clause


_PLUS = frozenset({"plus", "and", "also", "aswell"})


_CHASED = frozenset({"refund", "refunded", "money", "back", "returned", "sent", "still", "waiting", "yet"})
"""Words of a complaint that still chases what a colleague was offered to check ("I sent it back weeks ago!"),
rather than one about the answer ("that's not fair")."""

_MONEY_BACK = frozenset({"refund", "refunded", "reimburse", "reimbursed", "back"})
"""Words that ask for the order's money back beside something for the trouble ("a refund and compensation")."""


def _asks_for_an_apology(words: list[str]) -> bool:
    """ "I want an apology", "I expect an apology", "you could at least say sorry", "I deserve an apology"."""
    if "apology" not in words and "apologise" not in words and "apologize" not in words and "sorry" not in words:
        return False
    if "sorry" in words:
        return any(pair in _SAY_SORRY for pair in zip(words, words[1:], strict=False))
    return not _WANTING_AN_APOLOGY.isdisjoint(words)


_SAY_SORRY = frozenset({("say", "sorry"), ("saying", "sorry"), ("said", "sorry")})
_WANTING_AN_APOLOGY = frozenset(
    {"want", "expect", "deserve", "owed", "owe", "demand", "least", "need", "would", "wheres", "where", "no"}
)


def _puts_right(clause_words: list[list[str]], lexicon: Lexicon) -> bool:
    """Whether a message that gives facts puts right one given before: "wait, it's actually A-4445",
    "sorry, it's A-3002", "it's A-3002 actually", "wrong number"."""
    every = [word for clause in clause_words for word in clause]
    return (
        any(has(lexicon.corrections, clause) for clause in clause_words)
        or has(lexicon.corrections, every)
        or any(clause[-1:] == ["actually"] for clause in clause_words)
        or gave_the_wrong_number(clause_words)
        or _one_not_another(every)
    )


def _not_asked_of(
    per_order: Sequence[dict[str, FactValue]], clauses: Sequence[Clause], context: Context, lexicon: Lexicon
) -> tuple[dict[str, FactValue], ...]:
    """The orders of ``per_order`` less those named only in a question that names no request and asks
    nothing about where an order is."""
    order_name = next((f.name for f in context.facts if f.kind == "order_id"), None)
    if order_name is None:
        return tuple(per_order)
    asked_of = {
        word.upper()
        for clause in clauses
        if clause.question
        and not any(has(cues, clause.words) for cues in lexicon.request_cues.values())
        and "where" not in clause.words  # "where's my other order A-2020?": a parcel not come, its own trouble
        and not has(lexicon.status_cues, clause.words)
        for word in clause.words
        if looks_like_order_number(word)
    }
    kept = tuple(each for each in per_order if str(each.get(order_name, "")).upper() not in asked_of)
    return kept if len(kept) > 1 else ()


def _not_left_alone(
    per_order: Sequence[dict[str, FactValue]],
    clause_words: Sequence[Sequence[str]],
    context: Context,
    lexicon: Lexicon,
) -> tuple[dict[str, FactValue], ...]:
    """The orders of ``per_order`` less those the customer says are fine or to be left alone, in a clause
    that names them and no request, or the one after ("A-6302 arrived fine", "A-4401 is one I'm happy
    with")."""
    order_name = next((f.name for f in context.facts if f.kind == "order_id"), None)
    if order_name is None:
        return tuple(per_order)
    left: set[str] = set()
    for index, words in enumerate(clause_words):
        said = [*words, *(clause_words[index + 1] if index + 1 < len(clause_words) else ())]
        if _LEFT_ALONE.isdisjoint(said) and not _nothing_done(said):
            continue
        if any(has(cues, words) for cues in lexicon.request_cues.values()):
            continue  # "cancel A-1111 and A-2222 please, that would be fine": both asked for
        left |= {word.upper() for word in words if looks_like_order_number(word)}
    kept = tuple(each for each in per_order if str(each.get(order_name, "")).upper() not in left)
    return kept if len(kept) > 1 else ()


def _nothing_done(words: Sequence[str]) -> bool:
    """ "I don't want anything done with that one", "leave that one": nothing wanted for an order."""
    return any(words[i : i + 3] == ["want", "anything", "done"] for i in range(len(words)))


_LEFT_ALONE = frozenset({"fine", "happy", "alone", "perfect"})


def _one_not_another(words: Sequence[str]) -> bool:
    """ "It's Z-3007 not Z-3006", "A-1213 I want cancelled, not A-1212": one order number in place of another."""
    return any(
        word == "not" and looks_like_order_number(after) and any(looks_like_order_number(w) for w in words[:at])
        for at, (word, after) in enumerate(zip(words, words[1:], strict=False))
    )


_OWNING_UP_WORDS = frozenset({"sorry", "oops", "whoops", "apologies", "bad", "mistake"})
"""Words of a correction that say sorry for the slip ("sorry, it's A-3002", "my bad, 15 days")."""


def _orders_listed(text: str, context: Context) -> list[str]:
    """The order numbers of a message, in the order told, each once."""
    spec = next((f for f in context.facts if f.kind == "order_id" and f.pattern), None)
    if spec is None or not any(c.isdigit() for c in text):
        return []
    return list(dict.fromkeys(str(m.group(0)).upper() for m in policy_pattern(spec.pattern or "").finditer(text)))


_Listed = TypeVar("_Listed")


def _put_right_between(clause_words: list[list[str]], listed: list[str], lexicon: Lexicon) -> bool:
    """Whether the words between the first order number and the last take the first back ("A-5000. Wait no,
    not that one, A-5001", "A-5000, sorry I mean A-5001"), rather than list both ("A-1111 and A-2222")."""
    words = [word for each in clause_words for word in each]
    places = [at for at, word in enumerate(words) if word.upper() in listed]
    if len(places) < 2:
        return False
    between = words[places[0] + 1 : places[-1]]
    return has(lexicon.corrections, between) or not _TAKING_BACK.isdisjoint(between)


_TAKING_BACK = frozenset({"not", "mean", "meant", "sorry", "oops", "wrong", "no"})
"""Words between two order numbers that take the first one back."""


def _after_the_orders(clause_words: list[list[str]], listed: list[str]) -> list[str]:
    """The words of a message after the last order number it lists."""
    words = [word for each in clause_words for word in each]
    last = max((at for at, word in enumerate(words) if word.upper() in listed), default=-1)
    return words[last + 1 :]


def _picked_by_place(clause_words: list[list[str]], choices: Sequence[str]) -> str | None:
    """The one of the values the agent offered that a short answer points to by place: "the second one",
    "first please", "the last one"."""
    words = [word for each in clause_words for word in each]
    if not words or len(words) > _SHORT_ANSWER:
        return None
    places = [_PLACES[word] for word in words if word in _PLACES]
    if len(places) != 1:
        return None
    place = places[0]
    return choices[place] if place < len(choices) else None  # "the last one" is place -1


_SHORT_ANSWER = 6
"""The most words of an answer that picks one of the values offered by its place."""


def _order_by_place(spans: list[list[str]], listed: Sequence[_Listed]) -> _Listed | None:
    """The one of the orders listed that words after a request point to by place ("cancel the first", "return
    the second one", "refund the last order"), when the words name no order of their own."""
    if len(listed) < 2:
        return None
    words = [word for span in spans for word in span]
    if any(word.upper() in listed for word in words):
        return None
    for at, word in enumerate(words[2:], start=2):
        place = _PLACES.get(word)
        if place is None or words[at - 1] not in ("the", "my") or words[at - 2] not in _DONE_TO_AN_ORDER:
            continue  # "the first bought 10 days ago" says when, and picks out no order
        if place < len(listed):
            return listed[place]  # "the last order" is place -1
    return None


_DONE_TO_AN_ORDER = frozenset(
    {"cancel", "refund", "return", "exchange", "swap", "replace", "change", "stop", "send", "keep", "about", "for",
     "with", "on"}
)  # fmt: skip
"""Words just before "the first" or "the second" that make it the order a request is for ("cancel the first")."""


def _topic(clauses: list[Clause], lexicon: Lexicon) -> str | None:
    """The kind of request a question about the rules is about ("how long do refunds take?": refund), which
    an answer that follows may go on with ("I want one for A-1001")."""
    for cues in (lexicon.request_cues, lexicon.weak_request_cues):
        for kind, phrases in cues.items():
            if any(phrases.may_hold(clause.words) and phrases.first(clause.words) for clause in clauses):
                return kind
    return None


def _orders_beside_requests(
    per_request: dict[str, dict[str, FactValue]], told: tuple[dict[str, FactValue], ...], order_name: str
) -> tuple[dict[str, dict[str, FactValue]], tuple[dict[str, FactValue], ...]]:
    """Several requests, and more orders than requests ("refund A-1008 and cancel A-1009, oh and A-1010
    arrived broken"): each request keeps the facts said with its own order, and the orders no request
    names are told apart with theirs, for the engine to work out what the customer wants for them."""
    by_order = {entry.get(order_name): entry for entry in told}
    kept: dict[str, dict[str, FactValue]] = {}
    for kind, facts in per_request.items():
        entry = by_order.get(facts.get(order_name))
        kept[kind] = dict(entry) if entry is not None else facts
    taken = {facts.get(order_name) for facts in per_request.values()}
    return kept, tuple(entry for entry in told if entry.get(order_name) not in taken)


def _both_wanted(clauses: list[Clause], unhandled: set[str], lexicon: Lexicon) -> bool:
    """Whether a request the policy does not handle is asked for beside one it does, in one breath: "I want
    to cancel my membership and get a refund for last month", not "I meant to cancel. Refund please"."""
    for clause in clauses:
        words = clause.words
        if _TOLD_OF_BEFORE.intersection(zip(words, words[1:], strict=False)):
            continue
        if any(
            (cues := lexicon.request_cues.get(kind)) is not None and cues.may_hold(words) and cues.first(words)
            for kind in unhandled
        ) and any(word in _AS_WELL for word in words):
            return True
    return False


_TOLD_OF_BEFORE = frozenset(
    {("meant", "to"), ("forgot", "to"), ("tried", "to"), ("wanted", "to"), ("should", "have"), ("had", "to")}
)
_AS_WELL = frozenset({"and", "also", "plus", "too"})


def _refund_of_it(clauses: list[Clause], lexicon: Lexicon) -> bool:
    """Whether the refund asked for names nothing of its own: "cancel it and refund me", not "cancel my
    order and refund the rug that came damaged"."""
    cues = lexicon.request_cues["refund"]
    for clause in clauses:
        match = cues.first(clause.words) if cues.may_hold(clause.words) else None
        if match is not None:
            return _ANOTHER.isdisjoint(clause.words) and all(
                word in _OF_IT or not word.isalpha() for word in clause.words[match.end :]
            )
    return False


_OF_IT = frozenset(
    "it me my money back please thanks thank you for that this the order a full then of course straight away"
    " asap".split()
)
_ANOTHER = frozenset({"also", "too", "other", "another", "separate", "second", "well"})


def _orders_named(text: str, context: Context) -> int:
    """How many different order numbers a message gives. "Cancel my order and refund me, A-5555" names one,
    so the refund is what the cancellation brings, not a second request."""
    spec = next((f for f in context.facts if f.kind == "order_id" and f.pattern), None)
    if spec is None:
        return 0
    return len({str(m.group(0)).upper() for m in policy_pattern(spec.pattern or "").finditer(text)})


def _unwanted_after_it_came(acts: Sequence[Act], clauses: Sequence[Sequence[str]], lexicon: Lexicon) -> bool:
    """Whether a cancellation was read only from the order no longer being wanted, of an order the message says
    has come ("it arrived 2 days ago, I just don't want it anymore"), where a refund is what it asks for."""
    if "refund" not in lexicon.request_cues or not any(
        a.kind == "request" and a.target == "cancel" and not a.negated for a in acts
    ):
        return False
    strong = lexicon.request_cues["cancel"]
    if any(has(strong, clause) for clause in clauses):
        return False
    return any(has(lexicon.unwanted, clause) for clause in clauses) and any(map(_already_came, clauses))


def _already_came(words: Sequence[str]) -> bool:
    """Whether the words say the order has come ("got it yesterday", "it arrived on Monday"), not that it has
    not ("it hasn't arrived")."""
    return any(word in _CAME and _NOT_CAME.isdisjoint(words[max(0, at - 2) : at]) for at, word in enumerate(words))


_CAME = frozenset({"got", "arrived", "came", "received", "delivered"})
_NOT_CAME = frozenset({"not", "hasnt", "havent", "didnt", "never", "still", "yet", "isnt", "wasnt"})


def _turns_one_down_and_leaves(acts: Sequence[Act]) -> bool:
    """Whether a message turns one offer down and says goodbye, and does nothing else."""
    kinds = [a.kind for a in acts]
    return (
        "goodbye" in kinds
        and "reject" in kinds
        and set(kinds) <= {"reject", "goodbye", "thank"}
        and all(a.target != "all" for a in acts if a.kind == "reject")
    )


def _not_due_yet(clauses: Sequence[Sequence[str]]) -> bool:
    """Whether an order not come is only not come yet ("it hasn't arrived yet"), with no word of it being late
    or long awaited ("it still hasn't come", "it was due on Monday")."""
    words = {word for clause in clauses for word in clause}
    if "yet" not in words or not _OVERDUE_WORDS.isdisjoint(words):
        return False
    return not any(word.isdigit() for word in words)  # "it's been 12 days", "you said 3 to 5 days"


_OVERDUE_WORDS = frozenset(
    "still late supposed should meant lost ages overdue expected promised due waiting waited weeks week month "
    "months never days been said told even".split()
)


_SPARING = frozenset({"keep", "keeping", "except", "leave", "leaving", "not"})
"""Words before an order number that leave it out of the request: "cancel A-1 but keep A-2"."""


def _lost_order_asked(clauses: list[Clause], per_order: tuple[dict[str, FactValue], ...], lexicon: Lexicon) -> bool:
    """Whether a question asks where one of several orders is ("and where's my other order A-2020?"), which
    reads as that order never having come."""
    lost = lexicon.conditions.get(NEVER_ARRIVED)
    if lost is None or len(per_order) < 2:
        return False
    orders = {str(value).lower() for facts in per_order[1:] for value in facts.values() if _is_order(value)}
    return any(
        clause.question
        and has(lost, clause.words)
        and (not orders.isdisjoint(clause.words) or not _OTHER_ORDER.isdisjoint(clause.words))
        for clause in clauses
    )


def _trouble_of_an_unnamed_order(
    clauses: list[Clause], facts: dict[str, FactValue], context: Context, lexicon: Lexicon
) -> tuple[dict[str, FactValue], ...]:
    """The facts of the order named, and the trouble told of another order whose number is not given ("refund
    A-1010, and where's my other order?"), each as its own; empty when the trouble is the named order's."""
    condition = next((f.name for f in context.facts if f.kind == "condition"), None)
    order_name = next((f.name for f in context.facts if f.kind == "order_id"), None)
    value = facts.get(condition or "")
    if condition is None or order_name is None or order_name not in facts or not isinstance(value, str):
        return ()
    phrases = lexicon.conditions.get(value)
    order = str(facts[order_name]).lower()
    for clause in clauses:
        words = clause.words
        if order in words or phrases is None or not has(phrases, words):
            continue
        if any(a in _OTHER_ORDER and b in _ORDERS for a, b in zip(words, words[1:], strict=False)):
            return {k: v for k, v in facts.items() if k != condition}, {condition: value}
    return ()


_ORDERS = frozenset({"order", "orders", "parcel", "package", "delivery"})
_OTHER_ORDER = frozenset({"other", "another"})
"""Words before an order number that say it is not the order named before ("my other order A-2020")."""


def _asks_after(clause: Clause, lexicon: Lexicon) -> bool:
    """A question about where something for an order has got to ("can you tell me when my refund for A-5050
    will come?"), or an ask none of the requests answers ("the address is wrong on A-8181, can you change
    it?"): its order is not one the request is for."""
    words = clause.words
    asks_nothing = all(first(cues, words) is None for cues in lexicon.request_cues.values())
    lost = lexicon.conditions.get(NEVER_ARRIVED)
    if lost is not None and has(lost, words):
        return False  # "and where's my other order A-2020?": that order never came, a trouble of its own
    if clause.question and has(lexicon.status_cues, words):
        # "where is A-2222?": the order itself is what the question is about
        return has(lexicon.status_subjects, words) or asks_nothing
    return asks_nothing and not OTHER_ASKS.isdisjoint(words)


def _facts_per_order(
    text: str, clauses: list[Clause], context: Context, lexicon: Lexicon, *, digits: bool
) -> tuple[dict[str, FactValue], ...]:
    """The facts stated with each of several orders one request names: "A-3107 I bought on the 15th, and
    A-3108 back in September, can I get refunds for both?" gives each order its own date. What comes
    before the first order number goes with the first; a date beside an order number in a message about
    buying is its purchase date."""
    # ``digits`` tells of the digits 0-9; only a text with other characters can hold other digits.
    if not (digits or (not text.isascii() and any(c.isdigit() for c in text))):
        return ()
    spec = next((f for f in context.facts if f.kind == "order_id" and f.pattern), None)
    if spec is None:
        return ()
    clauses = _split_at_places(clauses)
    orders = list(dict.fromkeys(str(m.group(0)).upper() for m in policy_pattern(spec.pattern or "").finditer(text)))
    if len(orders) < 2:
        return ()
    places: list[tuple[int, int]] = []
    again: list[tuple[int, int]] = []
    for order in orders:
        lowered = order.lower()
        found = [(c, w) for c, clause in enumerate(clauses) for w, word in enumerate(clause.words) if word == lowered]
        if not found:
            return ()
        places.append(found[0])
        again.append(found[-1])
    if again != places and again == sorted(again) and min(again) > max(places):
        # "refunds for A-4040 and A-5050. A-4040 was bought 10 days ago and A-5050 about 2 months ago": the
        # orders named again, in turn, each with its own facts
        places = again
    kept = [
        n
        for n, (c, w) in enumerate(places)
        if not _SPARING.isdisjoint(clauses[c].words[max(0, w - 4) : w]) or _asks_after(clauses[c], lexicon)
    ]
    if kept:
        orders = [order for n, order in enumerate(orders) if n not in kept]
        places = [place for n, place in enumerate(places) if n not in kept]
        if len(orders) < 2:
            return ()
    for n in range(1, len(places)):
        c, w = places[n]
        if c > places[n - 1][0] and not _OTHER_ORDER.isdisjoint(clauses[c].words[:w]):
            places[n] = (c, 0)  # "and where's my other order A-2020?": the words before it speak for it
    days = next((f.name for f in context.facts if f.kind == "days"), None)
    bought = any(not lexicon.purchase_words.isdisjoint(clause.words) for clause in clauses)
    reading = dataclasses.replace(context, asked=days) if bought and days is not None else context

    # "the trainers from A-1010 and the hoodie from A-2020. trainers 10 days ago, hoodie 2 months ago": a
    # clause that names one order's item, and no order, speaks for that order.
    items = _items_of_orders(clauses, places, lexicon)
    owned = _clauses_by_item(clauses, places, items)
    # "A-1357 and A-2468. The first one arrived damaged and the second I'd like to cancel": a clause after
    # the orders that opens by pointing at one of them by its place speaks for that order.
    for index, place in _pointing_clauses(clauses, len(orders), after=places[-1][0]).items():
        owned.setdefault(index, place)

    def read_words(words: list[list[str]]) -> dict[str, FactValue]:
        part = " . ".join(" ".join(w) for w in words)
        return {k: v for k, v in read_facts(part, part, words, reading, lexicon).facts.items() if k != spec.name}

    def read_part(begin: tuple[int, int], end: tuple[int, int]) -> dict[str, FactValue]:
        return read_words(_between(clauses, begin, end, skip=owned.keys()))

    begins = _begins_of_orders(clauses, places, read_part)
    ends = [*begins[1:], (len(clauses), 0)]
    per_order = [
        {spec.name: order, **read_part((0, 0) if n == 0 else begins[n], ends[n])} for n, order in enumerate(orders)
    ]
    if days is not None and days not in per_order[-1] and days in read_part((places[0][0], 0), places[0]):
        # "a lamp 2 months ago (A-1001) and a chair last week (A-1002)": each order's facts come before it.
        starts = [(0, 0), *((c, w + 1) for c, w in places[:-1])]
        per_order = [{spec.name: order, **read_part(starts[n], places[n])} for n, order in enumerate(orders)]
    for index, owner in owned.items():
        per_order[owner].update(read_words([list(clauses[index].words)]))
    for owner, part in _parts_by_item(clauses, places, items):
        per_order[owner].update(read_words([part]))
    opening = clauses[: places[0][0]]
    if days is not None and any(not _SEVERAL.isdisjoint(clause.words) for clause in opening):
        # "I bought a couple of things last week. The mug (A-1414)…": the date said first is every order's.
        said = read_part((0, 0), (places[0][0], 0)).get(days)
        if said is not None:
            for facts in per_order:
                facts.setdefault(days, said)
    if any(_speaks_of_all(clause.words) for clause in clauses):
        for name in {name for facts in per_order for name in facts}:
            values = [facts[name] for facts in per_order if name in facts]
            if len(values) == 1:
                for facts in per_order:
                    facts.setdefault(name, values[0])
    else:
        parts = [[w for words in _between(clauses, places[n], ends[n]) for w in words][1:] for n in range(len(orders))]
        _elliptic_answers(per_order, parts, [f.name for f in context.facts if f.kind == "yes_no"])
    return tuple(per_order)


_JOINING = frozenset({"and", "but", "also", "plus", "while", "whereas", "then"})
"""Words that go on from what was said of one order to the next: "A-3434 arrived smashed and I never got
A-3435"."""


def _begins_of_orders(
    clauses: list[Clause],
    places: list[tuple[int, int]],
    read_part: Callable[[tuple[int, int], tuple[int, int]], dict[str, FactValue]],
) -> list[tuple[int, int]]:
    """Where the words of each order begin: at its number, or back where the words before it that tell
    of it start. "The mug from A-3434 arrived smashed and I never got A-3435": the first order has a
    condition of its own, so "I never got" is the second's."""
    begins = list(places)
    for n in range(1, len(places)):
        c, w = places[n]
        low = places[n - 1][1] + 1 if c == places[n - 1][0] else 0
        words = clauses[c].words
        start = next((at for at in range(w - 1, low - 1, -1) if words[at] in _JOINING), low if low == 0 else w)
        if start >= w:
            continue
        before = read_part((c, start), (c, w + 1))
        if before and not before.keys() - read_part(begins[n - 1] if n > 1 else (0, 0), (c, start)).keys():
            begins[n] = (c, start)
    return begins


def _speaks_of_all(words: Sequence[str]) -> bool:
    """Whether a clause says something of every order at once ("bought them 3 days ago"), which "never got
    it at all" does not."""
    return any(word in _TOGETHER and not (word == "all" and n and words[n - 1] == "at") for n, word in enumerate(words))


def _wishes_by_order(
    clauses: list[Clause], per_order: tuple[dict[str, FactValue], ...], context: Context, lexicon: Lexicon
) -> str:
    """ "Return A-5151, and swap A-5252 for a bigger size": the alternatives asked for by name in the clause
    of one of several orders, as ``order:alternative`` pairs ("A-5252:exchange"); empty when none is. A
    name goes with the nearer of the orders named around it in its clause, else with the order named last."""
    if len(per_order) < 2 or context.offered or not context.wishes:
        return ""
    orders = {str(value).lower(): str(value) for facts in per_order for value in facts.values() if _is_order(value)}
    last: str | None = None
    wished: dict[str, str] = {}
    for clause in clauses:
        places = [(i, orders[word]) for i, word in enumerate(clause.words) if word in orders]
        for mention in find_mentions(clause.words, context.wishes, lexicon):
            if mention.offer is None or mention.how in ("position", "pointing"):
                continue  # with nothing on offer, "the second" points to an order, not an alternative
            if mention.how == "variant" and _tells_the_item_apart(clause.words, mention.start, mention.end):
                continue  # "the blue one (A-1618) is too small": which item, not the colour wished for
            # The nearer of the orders named around it: "exchange A-5252", "A-5252 swapped for a bigger size".
            after = next(((i - mention.end, order) for i, order in places if i >= mention.end), None)
            before = next(((mention.start - i, order) for i, order in reversed(places) if i < mention.start), None)
            nearest = min((p for p in (after, before) if p is not None), default=None, key=lambda p: p[0])
            owner = nearest[1] if nearest is not None else last
            if owner is not None:
                wished.setdefault(owner, mention.offer)
        if places:
            last = places[-1][1]
    return " ".join(f"{order}:{offer}" for order, offer in wished.items())


def _tells_the_item_apart(words: Sequence[str], start: int, end: int) -> bool:
    """Whether a colour or size opening a clause tells which item is meant ("the blue one (A-1618) is too
    small", "the green one arrived broken") rather than what is wished for ("the green one would suit me
    better")."""
    if words[max(0, start - 1) : start] not in ([], ["the"]):
        return False
    after = words[end : end + 2]
    rest = after[1:] if after[:1] == ["one"] else after
    return bool(rest) and (looks_like_order_number(rest[0]) or rest[0] in _TOLD_OF_THE_ITEM)


_TOLD_OF_THE_ITEM = frozenset(
    {"is", "was", "arrived", "came", "has", "doesnt", "didnt", "isnt", "wasnt", "fits", "broke"}
)


def _is_order(value: FactValue) -> bool:
    return isinstance(value, str) and any(c.isdigit() for c in value) and any(c.isalpha() for c in value)


def _elliptic_answers(per_order: list[dict[str, FactValue]], parts: list[list[str]], names: list[str]) -> None:
    """ "A-7373 has shipped but A-7474 hasn't", "A-7373 hasn't shipped but A-7474 has": a yes-or-no fact said of
    one order, and only "hasn't" or "has" of another, holds for that one the other way when one of the two is
    negated, and the same way when both are or neither is ("... and A-7474 has too")."""
    for name in names:
        told = [(n, value) for n, facts in enumerate(per_order) if isinstance(value := facts.get(name), bool)]
        if len(told) != 1 or sum(name in facts for facts in per_order) != 1:
            continue
        source, value = told[0]
        for n, facts in enumerate(per_order):
            if name not in facts and _elliptic(parts[n]):
                facts[name] = _answered_alike(value, parts[source], parts[n])


def _said_of_the_other(clauses: list[Clause], facts: dict[str, FactValue], context: Context) -> str:
    """ "A-3030 has shipped, the other hasn't": a yes-or-no fact said of the order named, and only "hasn't"
    or "has too" of "the other", as ``name:yes`` or ``name:no`` for the orders not named; empty otherwise."""
    if not any(f.kind == "order_id" and f.name in facts for f in context.facts):
        return ""
    told = [
        (f.name, value) for f in context.facts if f.kind == "yes_no" and isinstance(value := facts.get(f.name), bool)
    ]
    if len(told) != 1:
        return ""
    name, value = told[0]
    for index, clause in enumerate(clauses):
        words = clause.words
        if "other" not in words and "others" not in words:
            continue
        if not _elliptic(words):
            continue
        source = next((c.words for c in clauses[:index] if any(_is_order(w) for w in c.words)), clauses[0].words)
        return f"{name}:{'yes' if _answered_alike(value, source, words) else 'no'}"
    return ""


def _elliptic(words: Sequence[str]) -> bool:
    """Whether the words end in only "hasn't", "has too" or the like: the answer said again, shortened."""
    tail = list(words[-2:])
    return bool(tail) and (tail[-1] in _ELLIPTIC or tuple(tail) in _ELLIPTIC_PAIRS)


def _answered_alike(value: bool, said: Sequence[str], shortened: Sequence[str]) -> bool:
    """The answer a shortened "hasn't" or "has too" gives, from ``value`` said in full: the other way when one
    of the two is negated, the same way when both are or neither is."""
    return value if _NEGATING.isdisjoint(shortened) == _NEGATING.isdisjoint(said) else not value


_NEGATING = frozenset({"not", "hasnt", "havent", "isnt", "wasnt", "didnt", "never", "either"})
_ELLIPTIC = frozenset({"hasnt", "havent", "isnt", "wasnt", "didnt", "not", "too", "also", "has", "have", "was", "did"})
_ELLIPTIC_PAIRS = frozenset({("not", "yet"), ("hasnt", "yet"), ("isnt", "yet"), ("hasnt", "either")})


_SEVERAL = frozenset({"things", "items", "orders", "bits", "purchases"})
"""Words of an opening clause that speaks of several orders at once: "I bought a few things last week"."""


def _clauses_by_item(clauses: list[Clause], places: list[tuple[int, int]], items: dict[str, int]) -> dict[int, int]:
    """The clauses, named by index, that name no order but the item of exactly one ("hoodie 2 months ago"),
    or point at one by its place ("the first bought 10 days ago"), mapped to that order's index in
    ``places``; ``items`` are the orders' items (see :func:`_items_of_orders`)."""
    owned: dict[int, int] = {}
    ordered = {c for c, _ in places}
    for index, clause in enumerate(clauses):
        words = clause.words
        owners = {items[word] for word in words if word in items} if len(set(items.values())) > 1 else set()
        pairs = set(zip(words, words[1:], strict=False))
        owners |= {len(places) - 1 if n < 0 else n for pair, n in _POINTING.items() if pair in pairs}
        if index not in ordered and len(owners) == 1 and owners <= set(range(len(places))):
            owned[index] = owners.pop()
    return owned


def _items_of_orders(clauses: list[Clause], places: list[tuple[int, int]], lexicon: Lexicon) -> dict[str, int]:
    """Each order's item, by the index of its order in ``places``: the word before "from", "in" or "on" and the
    order ("the trainers from A-1010"), just before it ("the hoodie A-2020"), or just after it ("A-1010
    trainers")."""
    items: dict[str, int] = {}
    for n, (c, w) in enumerate(places):
        words = clauses[c].words
        at = w - 1
        while at >= 0 and words[at] in _NAMING_AN_ORDER:
            at -= 1  # "the trainers from order A-4321"
        at = at - 1 if at >= 0 and words[at] in _ITEM_LINKS else at
        for word in (words[at] if at >= 0 else "", words[w + 1] if w + 1 < len(words) else ""):
            if word.isalpha() and word not in lexicon.stopwords and word not in _NOT_ITEMS:
                items.setdefault(word, n)
                break
    return items


def _told_order(facts: Mapping[str, FactValue], context: Context) -> str | None:
    """The order number the message gives, if any."""
    name = next((f.name for f in context.facts if f.kind == "order_id"), None)
    told = facts.get(name) if name is not None else None
    return told.upper() if isinstance(told, str) else None


def _order_of_thing(clauses: Sequence[Sequence[str]], things: Sequence[tuple[str, str]]) -> str | None:
    """The one order whose item the message names ("the trainers", "that jumper"), of those told apart."""
    words = {word for clause in clauses for word in clause}
    named = {order for order, thing in things if not words.isdisjoint({thing, f"{thing}s", thing.removesuffix("s")})}
    return named.pop() if len(named) == 1 else None


def _things_of_orders(text: str, clauses: list[Clause], context: Context, lexicon: Lexicon) -> dict[str, str]:
    """What the customer calls each of several orders a message names, by order number ("the trainers from
    A-4321 and the jumper from A-4322": ``{"A-4321": "trainers", "A-4322": "jumper"}``), so that a later
    message naming only the thing is about that order; empty unless the message names two or more orders
    ("the mug from A-3434 arrived smashed and I never got A-3435" gives ``{"A-3434": "mug"}``)."""
    orders = _orders_listed(text, context)
    if len(orders) < 2:
        return {}
    places = []
    for order in orders:
        lowered = order.lower()
        found = next(
            ((c, w) for c, cl in enumerate(clauses) for w, word in enumerate(cl.words) if word == lowered), None
        )
        if found is None:
            return {}
        places.append(found)
    things = {}
    for order, (c, w) in zip(orders, places, strict=True):
        thing = _thing_named_at(clauses[c].words, w, lexicon)
        if thing is not None:
            things[order] = thing
    return things if len(set(things.values())) == len(things) else {}


def _thing_named_at(words: Sequence[str], at: int, lexicon: Lexicon) -> str | None:
    """The item named with a determiner beside the order number at ``at``: before it ("the trainers from
    order A-4321", "my lamp A-1001") or just after it ("A-2020 the sandals broke"); not "A-1010 arrived"."""
    before = at - 1
    while before >= 0 and words[before] in _NAMING_AN_ORDER:
        before -= 1
    before = before - 1 if before >= 0 and words[before] in _ITEM_LINKS else before
    for word, determiner in ((before, before - 1), (at + 2, at + 1)):
        if 0 <= determiner < word < len(words) and words[determiner] in _DETERMINERS:
            found = words[word]
            if found.isalpha() and found not in lexicon.stopwords and found not in _NOT_ITEMS:
                return found
    return None


_DETERMINERS = frozenset({"the", "my", "a", "an", "this", "that", "these", "those", "his", "her", "our"})


def _parts_by_item(
    clauses: list[Clause], places: list[tuple[int, int]], items: dict[str, int]
) -> list[tuple[int, list[str]]]:
    """The parts of a clause that names no order but the items of several, split at "and", each naming one
    order's item, with that order's index: "I bought trainers on the 20th and sandals on the 2nd of
    October", before "A-1010 trainers, A-2020 sandals"."""
    if len(set(items.values())) < 2:
        return []
    ordered = {c for c, _ in places}
    found: list[tuple[int, list[str]]] = []
    for index, clause in enumerate(clauses):
        if index in ordered or len({items[w] for w in clause.words if w in items}) < 2:
            continue
        part: list[str] = []
        for word in [*clause.words, "and"]:
            if word != "and":
                part.append(word)
                continue
            owners = {items[w] for w in part if w in items}
            if len(owners) == 1:
                found.append((owners.pop(), part))
            part = []
    return found


_POINTING = {("the", "first"): 0, ("the", "second"): 1, ("the", "former"): 0, ("the", "latter"): -1}
"""Words that point at one of the orders named, by its place: "the first bought 10 days ago"."""
_ITEM_LINKS = frozenset({"from", "in", "on", "of"})
_NAMING_AN_ORDER = frozenset({"order", "number", "no", "ref", "reference"})
_NOT_ITEMS = frozenset({"order", "orders", "number", "and", "for", "with", "refund", "cancel", "return", "back"})


def _trouble_of_another_order(facts: Mapping[str, FactValue], context: Context) -> bool:
    """Whether the message tells what went wrong with an order other than the one in hand ("can you check
    where A-3333 is? it hasn't arrived" while A-1111 is refused)."""
    if context.order is None:
        return False
    told = [value for value in facts.values() if _is_order(value)]
    trouble = any(f.kind == "condition" and f.name in facts for f in context.facts)
    return trouble and len(told) == 1 and str(told[0]).upper() != context.order.upper()


_ABOUT_ALL = frozenset({"ask_about", "affirm", "thank"})


def _with_leading_orders(clauses: list[Clause], cues: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "A-6868 I want to return, and A-6969 I want to cancel": when the first request's order is said before
    its words, each later request starts at the order said just before its words, not after them."""
    if len(cues) < 2 or _order_before(clauses, cues[0][0], cues[0][1], 0) is None:
        return cues
    moved = [cues[0]]
    for clause_index, word_index, kind in cues[1:]:
        last = moved[-1]
        floor = last[1] + 1 if last[0] == clause_index else 0
        at = _order_before(clauses, clause_index, word_index, floor)
        moved.append((clause_index, at if at is not None else word_index, kind))
    return moved


def _order_before(clauses: list[Clause], clause_index: int, word_index: int, floor: int) -> int | None:
    """Where an order number said within a few words before ``word_index`` of a clause starts (not before
    ``floor``)."""
    words = clauses[clause_index].words
    for at in range(word_index - 1, max(floor, word_index - _LEAD_WORDS) - 1, -1):
        if _is_order(words[at]) and "-" in words[at]:
            return at
    return None


_LEAD_WORDS = 6
"""How far before a request's words its order number may be said ("A-6969 I want to cancel")."""


def _request_said_of(
    clauses: list[Clause], kind: str, listed: Sequence[str], lexicon: Lexicon, count: int
) -> int | None:
    """The place of the one order the words of a request are said of, in a clause after the orders that
    opens by pointing at it ("... and the second I'd like to cancel"), if they are."""
    cues = lexicon.request_cues.get(kind)
    if cues is None or not listed:
        return None
    clauses = _split_at_places(clauses)
    last = max(
        (index for index, clause in enumerate(clauses) for word in clause.words if word.upper() in listed), default=-1
    )
    pointing = _pointing_clauses(clauses, count, after=last)
    places = {place for index, place in pointing.items() if first(cues, clauses[index].words) is not None}
    return places.pop() if len(places) == 1 else None


def _split_at_places(clauses: list[Clause]) -> list[Clause]:
    """``clauses`` with each cut where it goes on to another order by its place ("the first one arrived
    damaged and the second I'd like to cancel"), so each part speaks for its own."""
    parts: list[Clause] = []
    for clause in clauses:
        words = clause.words
        start = 0
        for at in range(1, len(words) - 2):
            pointed = (words[at + 1] == "the" and words[at + 2] in _PLACES) or (
                words[at + 1] in _PLACES and words[at + 2] in ("one", "order")
            )  # "and the second ...", "and second one ..."
            if words[at] in _LINKS and pointed:
                parts.append(Clause(words[start:at], clause.question, clause.exclaimed))
                start = at
        parts.append(Clause(words[start:], clause.question, clause.exclaimed) if start else clause)
    return parts


def _pointing_clauses(
    clauses: list[Clause], count: int, *, after: int, orders: Sequence[str | None] = ()
) -> dict[int, int]:
    """The clauses after clause ``after`` that open by pointing at one of ``count`` requests by its place
    ("the first one I bought 5 days ago", "the second hasn't shipped") or by the order number named with it
    (``orders``, one per request: "A-5007 isn't shipped"), each with that request's place."""
    if count < 2:
        return {}
    pointing: dict[int, int] = {}
    for index in range(after + 1, len(clauses)):
        words = list(clauses[index].words)
        while words and words[0] in _LINKS:
            words = words[1:]
        if words[:1] == ["the"]:
            words = words[1:]
        place = _PLACES.get(words[0]) if words else None
        if place is None and words and words[0] in orders and orders.count(words[0]) == 1:
            place = orders.index(words[0])
        if place is None and words[:1] == ["other"] and len(pointing) == 1:
            place = 1 - next(iter(pointing.values()))
        if place is not None and (place if place >= 0 else count + place) < count:
            pointing[index] = place if place >= 0 else count + place
    return pointing if len(pointing) >= 1 else {}


_LINKS = frozenset({"and", "but", "while", "whereas", "so", "then", "also"})
_PLACES = {"first": 0, "1st": 0, "former": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "latter": -1, "last": -1}
"""Words that point at one of several orders, requests or values by its place ("the last one": -1)."""


def _between(
    clauses: list[Clause], begin: tuple[int, int], end: tuple[int, int], skip: Collection[int] = ()
) -> list[list[str]]:
    """The words of ``clauses`` from position ``begin`` up to ``end`` (clause, word), clause by clause, but
    for the clauses ``skip`` names."""
    spans: list[list[str]] = []
    for index in range(begin[0], min(end[0] + 1, len(clauses))):
        if index in skip:
            continue
        words = clauses[index].words
        first = begin[1] if index == begin[0] else 0
        last = end[1] if index == end[0] else len(words)
        if words[first:last]:
            spans.append(list(words[first:last]))
    return spans


def _shouting(text: str) -> bool:
    """A message of several words written in capitals."""
    if text.lower() == text:
        return False
    capitals = sum(map(str.isupper, text))
    # Eight letters or more, four in five of them capitals: seven capitals at least.
    if capitals < 7:
        return False
    letters = sum(map(str.isalpha, text))
    return letters >= 8 and " " in text.strip() and capitals >= 0.8 * letters


class _Parts(NamedTuple):
    model: IntentModel
    sentiment: VaderCompound
    signals: type[Signals]


def _from_model(probabilities: dict[str, float], negated: set[Intent], *, has_facts: bool) -> tuple[Intent, float]:
    best: Intent = "unknown"
    confidence = 0.0
    for name, probability in probabilities.items():
        if probability > confidence and name != "unknown" and name not in negated:
            best, confidence = name, probability  # type: ignore[assignment]
    unclear = confidence < UNKNOWN_BELOW or probabilities.get("unknown", 0.0) > confidence
    if negated and unclear:
        return "reject", NEGATED_REQUEST_CONFIDENCE
    if unclear:
        if has_facts:
            return "provide_info", FACTS_WITH_UNCLEAR_INTENT_CONFIDENCE
        return "unknown", confidence
    return best, confidence


def _emoji_as_words(text: str, lexicon: Lexicon) -> str:
    """``text`` with each emoji that answers written as the words it stands for: "👍" is "great"."""
    for emoji, words in lexicon.emoji_words.items():
        if emoji in text:
            text = text.replace(emoji, f" {words} ")
    return text


def _remarks(clauses: list[Clause], knows: Callable[[str], bool], lexicon: Lexicon) -> bool:
    """Whether a message nothing was read in is still a plain remark: a statement of a few words that reads
    as a sentence (it has a little word such as "they" or "just") and is mostly words people write ("they
    just sound bad, not broken"), rather than a question or noise ("purple monkey dishwasher")."""
    words = [word for clause in clauses for word in clause.words]
    if len(words) < _REMARK_WORDS or any(clause.question for clause in clauses):
        return False
    if lexicon.stopwords.isdisjoint(words) and lexicon.fillers.isdisjoint(words):
        return False
    return sum(1 for word in words if knows(word)) >= _REMARK_KNOWN * len(words)


_REMARK_WORDS = 3
_REMARK_KNOWN = 0.5


def _elsewhere(words: Sequence[str]) -> bool:
    """Whether the words ask for the order to go to another address than its own ("to my mum's address",
    "a different address", "send it to my work")."""
    for at, word in enumerate(words):
        if word == "address" and not _OTHER_PLACES.isdisjoint(words[max(0, at - 3) : at]):
            return "not" not in words[max(0, at - 5) : at]
        if word == "to" and words[at + 1 : at + 2] == ["my"] and words[at + 2 : at + 3] in (["work"], ["office"]):
            return True
    return False


def _new_address(words: Sequence[str]) -> bool:
    """Whether the words ask for the order's address to be changed ("can you change the delivery address?",
    "update my address")."""
    for at, word in enumerate(words):
        if word == "address" and not _CHANGING.isdisjoint(words[max(0, at - 3) : at]):
            return "not" not in words[max(0, at - 5) : at]
    return False


_CHANGING = frozenset({"change", "changing", "update", "updating", "amend", "edit", "correct", "fix", "switch"})
"""Words before "address" that ask for it to be changed ("update my address")."""

_OTHER_PLACES = frozenset(
    {"different", "another", "new", "other", "work", "office", "mums", "moms", "dads", "parents", "friends",
     "sisters", "brothers", "daughters", "sons", "partners", "wifes", "husbands", "neighbours", "neighbors",
     "grandmas", "nans", "mothers", "fathers", "girlfriends", "boyfriends", "business"}
)  # fmt: skip


def _gives_contact(slots: dict[str, str], clauses: Sequence[Sequence[str]]) -> bool:
    """ "My email is sam@example.com", "you can reach me on 07700 900123": a way to reach the customer, told
    in a short statement that asks nothing."""
    words = sum(len(clause) for clause in clauses)
    return ("email" in slots or "phone" in slots) and words <= _CONTACT_WORDS


_CONTACT_WORDS = 10


def _only_other_order(clauses: list[Clause], order: object, lexicon: Lexicon) -> bool:
    """Whether the order number is said only as "my other order" in a clause of its own that asks for
    nothing, beside a request in another clause that names no order."""
    named = str(order).lower()
    holding = [clause.words for clause in clauses if named in clause.words]
    if len(holding) != 1 or len(clauses) < 2:
        return False
    words = holding[0]
    if any(first(cues, words) is not None for cues in lexicon.request_cues.values()):
        return False
    at = words.index(named)
    if any(not _POINTING_BACK.isdisjoint(c.words) for c in clauses if c.words is not words):
        return False  # "my other order A-3333 arrived broken, can I get a refund for it?": the request is for it
    return not OTHER_ORDER.isdisjoint(words[max(0, at - 3) : at])


_POINTING_BACK = frozenset({"it", "that", "them", "this"})


def _after_refusal(context: Context) -> bool:
    """Whether the agent's last message turned the customer down: offers are open and none was just described."""
    return context.state in _AFTER_REFUSAL and context.focus is None


_AFTER_REFUSAL = frozenset({"offering_alternatives", "compensation", "explaining", "apologizing"})


_SAME_TIME = frozenset({("same", "day"), ("same", "time"), ("same", "date"), ("bought", "together"),
                        ("ordered", "together")})  # fmt: skip


def _asks_for_a_call(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "Can you call me instead?", "could someone ring me back tomorrow?": a call asked for, not turned down
    ("please don't call me")."""
    joined = f" {' '.join(words)} "
    # "no, I'd prefer a call": before a call preferred, the "no" is to chatting, not to the call
    for phrases, reach, ignored in ((_CALL_ME, 2, frozenset()), (_CALL_PREFERRED, 3, frozenset({"no"}))):
        for phrase in phrases:
            at = joined.find(f" {phrase} ")
            if at >= 0:
                before = set(joined[:at].split()[-reach:]) - ignored
                return lexicon.negators.isdisjoint(before) and "no" not in before
    return False


_CALL_ME = ("call me", "ring me", "phone me", "callback", "call back", "give me a call", "a phone call", "ring back")
_CALL_PREFERRED = (
    "prefer a call",
    "rather have a call",
    "rather a call",
    "want a call",
    "like a call",
    "a call instead",
)


def _named_apart_from_goodwill(
    clause_words: Sequence[Sequence[str]], context: Context, lexicon: Lexicon
) -> frozenset[str]:
    """The offers named in clauses that do not ask for something for the trouble ("ok resend it please. and
    can I get a discount for the hassle?": the resend)."""
    return frozenset(
        mention.offer
        for clause in clause_words
        if not asks_for_goodwill(clause)
        for mention in find_mentions(clause, context.offered, lexicon)
        if mention.offer is not None
    )


def _offer_taken(acts: Sequence[Act], context: Context) -> Offer | None:
    """The offer this message takes, or the one taken before that a size or colour may still be told for."""
    for act in acts:
        if act.kind == "choose" and not act.negated:
            offer = next((offer for offer in (*context.offered, *context.wishes) if offer.id == act.target), None)
            if offer is not None:
                return offer
    if context.state == "follow_up" and context.chosen_offer is not None:
        return context.chosen_offer
    return None


def _only_sorry(clauses: Sequence[Sequence[str]]) -> bool:
    """Whether the message only says sorry ("sorry!", "oops my bad", "sorry for the back and forth")."""
    if sum(map(len, clauses)) > _SORRY_WORDS:
        return False
    words = [word for clause in clauses for word in clause]
    if not words:
        return False
    if _SAYING_SORRY.isdisjoint(words) and ("my", "bad") not in zip(words, words[1:], strict=False):
        return False
    return all(word in _SAYING_SORRY or word in _AROUND_SORRY for word in words)


_SORRY_WORDS = 10
_SAYING_SORRY = frozenset({"sorry", "soz", "sry", "apologies", "apologise", "apologize", "oops", "whoops"})
_AROUND_SORRY = frozenset(
    """i im am so very really about that this for the my bad all confusion mistake mix up mixup back and
    forth again hassle trouble muddle oh ok okay lol haha there just stressed tired long day week rough been
    having didnt did not mean to be rude snap snappy harsh was out of line lost temper know its it your you
    fault a bit frustrated upset annoyed angry fed up""".split()
)
"""Words that go with a sorry in a message that only says it, with the customer's own state or slip ("sorry,
I'm just stressed", "sorry, I didn't mean to be rude", "sorry, I know it's not your fault")."""


def _shrugs(text: str) -> bool:
    """Whether the message is only a shrug: 🤷 (with any skin tone or gender), or ¯\\_(ツ)_/¯."""
    return not any(c.isalnum() and c != "\u30c4" for c in text) and ("\U0001f937" in text or "\u30c4" in text)


def _buying_later(clause_words: list[list[str]], lexicon: Lexicon) -> bool:
    """Whether the message speaks of a purchase still to be made ("before I order", "if I buy one")."""
    return any(has(lexicon.buying_later, clause) for clause in clause_words)
