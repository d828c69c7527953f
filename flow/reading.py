"""What the engine tells the understanding step about a policy and a conversation, and back.

Built once per policy: the things that can be on offer and the words that name them, the facts a
customer may state, and which request each kind of request is. :meth:`PolicyReading.context` then
describes one moment of a conversation for reading the next message.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flow.models import Span
from flow.policy import Policy
from flow.understanding.clauses import words_of
from flow.understanding.context import Context, FactField, Offer
from flow.understanding.lexicon import day_first, language_of, lexicon_for
from flow.vocabulary import Question, StateName

COMPENSATION = "compensation"
"""The id under which the policy's goodwill offer is on offer."""
CALLBACK = "callback"
"""The id under which a callback is on offer out of hours."""
_REQUEST_KIND_PREFIX = "request_"


def in_sizes_or_colours(policy: Policy) -> frozenset[str]:
    """The alternatives of ``policy`` whose names speak of a size or colour ("another size", "different
    colour"), for which the customer may tell which they would like; worked out once per policy."""
    known = _SIZED.get(id(policy))
    if known is None or known[0] is not policy:
        known = _SIZED[id(policy)] = (policy, _named_by_size_or_colour(policy))
    return known[1]


_SIZED: dict[int, tuple[Policy, frozenset[str]]] = {}


def _named_by_size_or_colour(policy: Policy) -> frozenset[str]:
    lexicon = lexicon_for(policy.locale)
    kinds = lexicon.variant_kinds
    return frozenset(
        alternative.id
        for request in policy.requests.values()
        for alternative in request.every_alternative()
        if any(
            not kinds.isdisjoint(words_of(name, lexicon))
            for name in (alternative.title, alternative.name or "", *alternative.synonyms)
        )
    )


def values_named(policy: Policy, fact: str) -> frozenset[str]:
    """The values any rule of ``policy`` compares fact ``fact`` with (``{fact: condition, op: in, value:
    [faulty, unsafe]}`` names both)."""
    named: set[str] = set()
    stack: list[Any] = [policy.model_dump()]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("fact") == fact and "value" in node:
                value = node["value"]
                named.update(str(v) for v in (value if isinstance(value, list | tuple) else [value]))
            stack.extend(node.values())
        elif isinstance(node, list | tuple):
            stack.extend(node)
    return frozenset(named)


class PolicyReading:
    """One policy's words for the understanding step, and the way back from acts to its requests."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.lexicon = lexicon_for(policy.locale)
        self._language = language_of(policy.locale)
        self._day_first = day_first(policy.locale)
        self.offers = self._offers(policy)
        alternatives = {a.id: a for r in policy.requests.values() for a in r.every_alternative()}
        own_names = {
            " ".join(self._words(name)): a.id
            for a in alternatives.values()
            for name in (a.title, a.name or "", a.id.replace("_", " "))
            if name
        }
        wishes = (self._wish(self.offers[offer_id], own_names) for offer_id in alternatives)
        self.wishes = tuple(offer for offer in wishes if offer.words)
        self.ways_of_requests = frozenset(
            offer.id for offer in self.wishes if any(self._asks_for_a_request(w) for w in self.offers[offer.id].words)
        )
        self.in_sizes_or_colours = in_sizes_or_colours(policy)
        """The alternatives that come in a size or colour the customer may tell ("an exchange for another size")."""
        self.request_facts = policy.request_facts()
        self.facts = tuple(
            FactField(
                name,
                spec.kind,
                spec.pattern,
                tuple(" ".join(self._words(p)) for p in spec.means_yes),
                tuple(" ".join(self._words(p)) for p in spec.means_no),
                values_named(policy, name) if spec.kind == "condition" else frozenset(),
            )
            for name, spec in policy.facts.items()
            if getattr(spec, "source", "customer") != "host"
        )
        self.kinds: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for name, request in policy.requests.items():
            for intent in request.intents:
                if intent.startswith(_REQUEST_KIND_PREFIX):
                    kind = intent.removeprefix(_REQUEST_KIND_PREFIX)
                    self.kinds.setdefault(name, kind)
                    self.names.setdefault(kind, name)
        self.handled = frozenset(self.names)

    def _offers(self, policy: Policy) -> dict[str, Offer]:
        names: dict[str, list[str]] = {}
        described: dict[str, set[str]] = {}
        details: dict[str, set[str]] = {}
        for request in policy.requests.values():
            for alternative in request.every_alternative():
                names.setdefault(alternative.id, []).extend(
                    [
                        alternative.title,
                        getattr(alternative, "name", None) or "",
                        *alternative.synonyms,
                        *_proper_names(alternative.text),
                    ]
                )
                described.setdefault(alternative.id, set()).update(self._words(alternative.text))
                details.setdefault(alternative.id, set()).update(self._words(alternative.details or ""))
        if policy.compensation is not None:
            names[COMPENSATION] = [policy.compensation.title, *policy.compensation.synonyms]
            described[COMPENSATION] = set(self._words(policy.compensation.offer))
        names[CALLBACK] = list(self.lexicon.callback_words)
        offers = {}
        for offer_id, written in names.items():
            spoken = tuple(dict.fromkeys(" ".join(self._words(w)) for w in written if w))
            offers[offer_id] = Offer(
                offer_id,
                tuple(w for w in spoken if w),
                frozenset(described.get(offer_id, ())),
                frozenset(details.get(offer_id, ())),
            )
        return offers

    def _wish(self, offer: Offer, names: dict[str, str]) -> Offer:
        """``offer`` named only by the words that ask for it and not for a request ("free return" and "label",
        not "return" or "send it back", which ask for a refund), nor by another offer's own name (the exchange
        is not "a replacement" when a replacement is an alternative of its own)."""
        words = tuple(w for w in offer.words if names.get(w, offer.id) == offer.id and not self._asks_for_a_request(w))
        return Offer(offer.id, words, offer.description, offer.details)

    def _asks_for_a_request(self, words: str) -> bool:
        """Whether an offer's name also asks for a request ("send it back", "refund")."""
        cues = (*self.lexicon.request_cues.values(), *self.lexicon.weak_request_cues.values())
        return words in frozenset().union(*(c.keys for c in cues)) or any(c.find(words.split()) for c in cues)

    def _words(self, text: str) -> list[str]:
        return words_of(text, self.lexicon)

    def context(
        self,
        *,
        state: StateName = "listening",
        request: str | None = None,
        offered: tuple[str, ...] = (),
        asked: str | None = None,
        rough: Span | None = None,
        question: Question | None = None,
        focus: str | None = None,
        chosen: str | None = None,
        now: datetime | None = None,
        settled: str | None = None,
        granted: str | None = None,
        turned_down: tuple[str, ...] = (),
        choices: tuple[str, ...] = (),
        order: str | None = None,
        things: tuple[tuple[str, str], ...] = (),
        days_told: int | None = None,
        instead_of_grant: bool = False,
    ) -> Context:
        """The context for reading the next message: ``request``, ``settled`` and ``granted`` are the policy's
        request names; ``turned_down`` the alternatives of the request in hand the customer turned down, which
        its names as an offer still name ("ok fine, I'll return it then" after "I don't want to return it");
        ``choices`` the values offered for the fact asked for; ``order`` the order number of the request in hand;
        ``things`` each order number with what the customer called its item, for orders told apart;
        ``days_told`` the days since purchase the request last settled was decided on; ``instead_of_grant``
        whether the offer taken was taken in place of a request the rules grant."""
        return Context(
            state=state,
            request=self.kinds.get(request or ""),
            offered=tuple(self.offers[o] for o in offered if o in self.offers),
            asked=asked,
            rough=(rough.low, rough.high) if rough is not None else None,
            question=question,
            focus=focus,
            chosen=chosen,
            chosen_offer=self.offers.get(chosen or ""),
            wishes=self._wishes_in(state, offered, turned_down),
            ways_of_requests=self.ways_of_requests,
            today=now.astimezone(self.policy.zone).date() if now is not None else None,
            day_first=self._day_first,
            language=self._language,
            facts=self.facts,
            settled=self.kinds.get(settled or "") if settled else None,
            granted=self.kinds.get(granted or "") if granted else None,
            choices=choices,
            order=order,
            things=things,
            handled=self.handled,
            days_told=days_told,
            instead_of_grant=instead_of_grant,
        )

    def _wishes_in(
        self, state: StateName, offered: tuple[str, ...], turned_down: tuple[str, ...] = ()
    ) -> tuple[Offer, ...]:
        """The alternatives a customer may ask for by name: all of them while nothing is on offer, and the ones
        not on offer while some are ("can I have store credit instead?" with a repair on offer), those turned
        down by every name they had on offer."""
        if not offered or (state == "escalated" and set(offered) <= {CALLBACK}):
            # Waiting for a person with nothing of the policy's on offer, "I'll just take the store credit"
            # names one as in listening.
            return self.wishes if state in ("listening", "follow_up", "escalated") else ()
        if state == "compensation":
            # "ok, do the exchange then" with the goodwill offer made: an alternative turned down, come back to
            return tuple(self.offers[offer.id] for offer in self.wishes if offer.id in turned_down)
        if state != "offering_alternatives":
            return ()
        return tuple(
            self.offers[offer.id] if offer.id in turned_down else offer
            for offer in self.wishes
            if offer.id not in offered
        )

    def request_named(self, kind: str | None) -> str | None:
        """The policy's request for a kind of request (``refund`` -> the request whose intents ask for one)."""
        return self.names.get(kind or "")


def _proper_names(text: str) -> list[str]:
    """The names written with a capital inside an offer's text ("a switch to the Basic plan": "Basic"),
    which customers use alone ("could I go to basic instead?")."""
    words = text.replace(",", " ").replace(".", " ").split()
    return [word for word in words[1:] if word[:1].isupper() and word[1:].islower() and len(word) > 2]
