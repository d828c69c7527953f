"""What the rubric reads from a transcript: the practices, and each turn as the customer and agent said it.

Everything here comes from what was said and done — the customer's words or button, the agent's words
and buttons, the actions — never from the engine's state or transition names or its own reading of the
customer (the rubric reads the customer's words again itself).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from flow.models import Counters, FactValue, Signals, Turn
from flow.policy import Escalation, Policy
from flow.rubric._policy import PolicyTexts
from flow.tone import lint

Practice = Literal[
    "thanked_first",
    "acknowledged_concern",
    "gathered_facts",
    "explained_before_refusing",
    "reason_given",
    "apologized",
    "offered_alternative",
    "choice_acted_on",
    "offered_compensation",
    "stayed_calm",
    "irony_not_thanked",
    "escalated_when_needed",
    "escalation_warranted",
    "scheduled_follow_up",
    "no_repetition",
    "closed_politely",
]
Status = Literal["passed", "not_applicable", "failed"]
Verdict = tuple[Status, Turn | None, str]

PRACTICES: dict[Practice, str] = {
    "thanked_first": "Thanked the customer first",
    "acknowledged_concern": "Acknowledged the concern",
    "gathered_facts": "Gathered the facts before deciding",
    "explained_before_refusing": "Explained clearly before refusing",
    "reason_given": "Gave the policy's reason",
    "apologized": "Apologized",
    "offered_alternative": "Offered an alternative",
    "choice_acted_on": "Acted on the customer's choice",
    "offered_compensation": "Offered compensation when eligible",
    "stayed_calm": "Stayed calm with an upset customer",
    "irony_not_thanked": "Thanked back only real thanks",
    "escalated_when_needed": "Escalated when it was needed",
    "escalation_warranted": "Escalated only when warranted",
    "scheduled_follow_up": "Scheduled a follow-up",
    "no_repetition": "Never said the same sentence twice",
    "closed_politely": "Closed politely",
}
"""Every practice the rubric checks, in the order a conversation shows them, with a readable title."""


def markers(joined: str) -> tuple[str, ...]:
    """Marker phrases written as one ``|``-separated string."""
    return tuple(joined.split("|"))


ACKNOWLEDGE = markers("i understand|i see |i hear|i know|sorry to hear|i've checked|looked into|look into")
REFUSE = markers(
    "can't refund|cannot refund|can't cancel|cannot cancel|can't do|cannot do|can't change|can't make an exception|"
    "can't offer|can't give|can't approve|can't accept|not able to|unable to|won't be able|no refund|not possible|"
    "nothing i can do|nothing we can do|we don't do|we do not do|i'm afraid"
)
APOLOGY = markers("sorry|apologi")
EMPATHY = markers("sorry|apologi|frustrat|understand|i hear|respectful|thank|appreciate|take care")
BOUNDARY = markers("respectful|respect|end our chat|end this chat|end the chat")
"""What an agent says to set a limit when a customer is abusive."""
POLITE_CLOSE = markers("thank|sorry|welcome|take care|have a good|have a lovely|glad|happy to|good news|appreciate")
THANKS_BACK = markers("you're welcome|you are welcome|you're very welcome|my pleasure|don't mention it")
"""What an agent says back to thanks ("you're welcome to..." is an invitation, not one of these)."""
PERSON = markers("colleague|a person|someone from our team|member of our team|manager|supervisor")
"""Words that bring a person into what the agent says."""
ANYTHING_ELSE = markers("anything else")
ASKS_REQUEST = markers("how can i help|what can i help|something i can help|what can i do for you")


@dataclass(frozen=True, slots=True)
class Moment:
    """One turn as the rubric reads it: what the customer said and meant, what the agent said and did.

    ``on_offer`` is what the agent had on offer when the customer wrote, ``offers`` what this reply puts
    on offer. ``tally`` counts the customer's messages, anger, insistence and unread messages in the
    current stretch (a delivered follow-up or a person's hand-back starts a new one), after this message.
    ``with_people`` says a person had already been brought in when the customer wrote.
    """

    turn: Turn
    said: str | None
    button: str | None
    signals: Signals | None
    text: str
    payloads: tuple[str, ...]
    fresh: bool
    check_in: bool
    on_offer: tuple[str, ...]
    offers: tuple[str, ...]
    person_offered: bool
    after_check_in: bool
    request: str | None
    refusal: str | None
    first_refusal: bool
    reason_given: bool
    review: bool
    facts: Mapping[str, FactValue]
    tally: Counters
    with_people: bool
    refused_open: bool

    @property
    def customer(self) -> bool:
        """Whether the customer wrote or pressed a button in this turn."""
        return self.signals is not None

    @property
    def by_person(self) -> bool:
        """Whether a person from the team wrote this turn's text."""
        return self.turn.person is not None

    @property
    def refuses(self) -> bool:
        """Whether the agent turns a request down in this turn."""
        return self.refusal is not None

    @property
    def rules_out_person(self) -> bool:
        """Whether the customer's message says they do not want a person ("no need for a manager")."""
        return self.signals is not None and any(a.kind == "ask_human" and a.negated for a in self.signals.acts)

    @property
    def asks_for_person(self) -> bool:
        """Whether the customer asks for a person, in words or with the button; a message that also rules
        one out ("no I don't need a person. fine, the exchange") does not."""
        return (self.acts("ask_human") or self.button == "person") and not self.rules_out_person

    def acts(self, *kinds: str) -> bool:
        """Whether the customer's message does any of ``kinds`` (not ruled out, as in "no need for a manager")."""
        return self.signals is not None and any(self.signals.has(kind) for kind in kinds)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Reading:
    """A transcript read once for every practice: its moments, the policy's words and the host's facts."""

    moments: Sequence[Moment]
    policy: Policy | None
    texts: PolicyTexts | None
    facts: Mapping[str, FactValue]

    @property
    def escalation(self) -> Escalation:
        """The policy's escalation limits (the defaults without a policy)."""
        return self.policy.escalation if self.policy else Escalation()

    @property
    def refusals(self) -> list[Moment]:
        """The turns where the agent first turns a request down."""
        return [m for m in self.moments if m.first_refusal]

    @property
    def first_refusal(self) -> Moment | None:
        """The first turn in which the agent turns a request down."""
        return next(iter(self.refusals), None)

    def lint(self, moment: Moment) -> list[str]:
        """The tone problems of the agent's text in ``moment``."""
        return lint(moment.turn.text, banned=self.policy.tone.banned_phrases if self.policy else ())

    def after(self, moment: Moment) -> list[Moment]:
        """``moment`` and every later one."""
        return [m for m in self.moments if m.turn.number >= moment.turn.number]
