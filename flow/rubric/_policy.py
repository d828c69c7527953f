"""What a policy says, as the rubric looks for it in agent text: reasons, offers, questions for facts.

Built once per policy and kept (a simulation scores thousands of conversations under one policy).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from flow.policy import Alternative, Policy
from flow.reading import CALLBACK, COMPENSATION, PolicyReading
from flow.rubric._texts import Wording, has, plain
from flow.rules import Rules

CALLBACK_WORDS = ("callback", "call you back", "ring you back", "ring you when", "call you when")
"""What an agent says when it offers to have a person call the customer back."""


@dataclass(frozen=True, slots=True)
class Offered:
    """Something a policy lets the agent offer, and the words that show it was offered or described."""

    id: str
    offer: Wording
    details: Wording | None


@dataclass(frozen=True, slots=True)
class Reason:
    """A reason the policy gives for a refusal, and the request it belongs to."""

    request: str
    wording: Wording


class PolicyTexts:
    """One policy's words, ready to be found in what the agent said."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.rules = Rules(policy)
        self.reading = PolicyReading(policy)
        self.reasons: list[Reason] = []
        self.reviews: list[Reason] = []
        self.alternatives: dict[str, list[str]] = {}
        offers: dict[str, Offered] = {}
        for name, request in policy.requests.items():
            for rule in request.declines:
                for text in (rule.reason, rule.clearer_reason, rule.rationale):
                    if text:
                        self.reasons.append(Reason(name, Wording(text)))
            for exception in request.exceptions:
                if exception.then == "offer":
                    self.reasons.append(Reason(name, Wording(exception.say)))
                elif exception.then == "review":
                    self.reviews.append(Reason(name, Wording(exception.say)))
            self.alternatives[name] = [a.id for a in request.every_alternative()]
            for alternative in request.every_alternative():
                offers.setdefault(alternative.id, _offered(alternative))
        if policy.compensation is not None:
            comp = policy.compensation
            offers[COMPENSATION] = Offered(COMPENSATION, Wording(comp.offer), None)
        self.offers = offers
        self.titles = {name: plain(request.title) for name, request in policy.requests.items()}
        self.asks = {
            name: tuple(Wording(text) for text in (spec.ask, spec.hint) if text)
            for name, spec in policy.facts.items()
            if spec.ask or spec.hint
        }
        self.follow_up = Wording(policy.follow_up.text)

    def reason_in(self, text: str) -> Reason | None:
        """The policy reason the plain agent ``text`` gives, if it gives one."""
        return next((reason for reason in self.reasons if reason.wording.said_in(text)), None)

    def review_in(self, text: str) -> Reason | None:
        """The exception the plain ``text`` sends to a person's review, if it says one."""
        return next((reason for reason in self.reviews if reason.wording.said_in(text)), None)

    def offered_in(self, text: str, payloads: tuple[str, ...]) -> tuple[str, ...]:
        """What the agent puts on offer in one message: alternatives shown as buttons or in words, the
        goodwill offer, or a callback."""
        found = [p.removeprefix("alternative:") for p in payloads if p.startswith("alternative:")]
        for offer in self.offers.values():
            if offer.id not in found and offer.offer.said_in(text):
                found.append(offer.id)
        if has(text, CALLBACK_WORDS) and "?" in text:
            found.append(CALLBACK)
        return tuple(found)

    def described_in(self, text: str) -> str | None:
        """The alternative whose details the plain ``text`` gives ("how does the exchange work?")."""
        return next((o.id for o in self.offers.values() if o.details is not None and o.details.said_in(text)), None)

    def asked_in(self, text: str) -> str | None:
        """The fact the plain ``text`` asks the customer for."""
        return next((name for name, asks in self.asks.items() if any(a.said_in(text) for a in asks)), None)


def _offered(alternative: Alternative) -> Offered:
    details = Wording(alternative.details) if alternative.details else None
    return Offered(alternative.id, Wording(alternative.text), details)


_KEPT: dict[int, tuple[Policy, PolicyTexts]] = {}
_KEPT_LOCK = threading.Lock()
_KEEP_AT_MOST = 32


def texts_of(policy: Policy) -> PolicyTexts:
    """The :class:`PolicyTexts` of ``policy``, built on first use and kept for the next conversation."""
    kept = _KEPT.get(id(policy))
    if kept is not None and kept[0] is policy:
        return kept[1]
    texts = PolicyTexts(policy)
    with _KEPT_LOCK:
        if len(_KEPT) >= _KEEP_AT_MOST:
            _KEPT.clear()
        _KEPT[id(policy)] = (policy, texts)
    return texts
