"""Walking through a transcript turn by turn, reading each customer message again in what the agent had said.

The engine read each message in its own context; the rubric rebuilds that context from the agent's words
and buttons alone (what was on offer, which fact was asked for, whether a person was offered, whether a
follow-up was just delivered) and reads the customer's words with the understanding step itself, so
that it judges the conversation, not the engine's account of it.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from flow import payloads as buttons
from flow.errors import TactfulError
from flow.models import (
    ApplyAlternative,
    ApproveRequest,
    Close,
    Counters,
    FactValue,
    Handoff,
    IssueCompensation,
    ScheduleCallback,
    ScheduleFollowUp,
    Signals,
    Span,
    Turn,
)
from flow.policy import Escalation, Policy
from flow.reading import CALLBACK
from flow.rubric._policy import CALLBACK_WORDS, PolicyTexts, texts_of
from flow.rubric._reading import ANYTHING_ELSE, ASKS_REQUEST, PERSON, REFUSE, Moment, Reading
from flow.rubric._texts import has, plain, sentences
from flow.understanding.context import Context, Offer
from flow.vocabulary import Question, StateName

if TYPE_CHECKING:
    from flow.engine import Understander

SETTLING = (ApplyAlternative, IssueCompensation, ApproveRequest, Handoff, ScheduleCallback, Close)
"""Actions after which nothing is left on offer for the request in hand."""
ESCALATING = (Handoff, ScheduleCallback)


def read(
    turns: Sequence[Turn], policy: Policy | None, facts: Mapping[str, FactValue], understander: Understander | None
) -> Reading:
    """Read every turn of a transcript, in order, for the practices to judge."""
    if understander is None:
        from flow.understanding import default_understander

        understander = default_understander()
    walk = _Walk(texts_of(policy) if policy is not None else None, understander, dict(facts), policy)
    moments = [walk.step(turn, first=index == 0) for index, turn in enumerate(turns)]
    return Reading(moments, policy, walk.texts, facts)


@dataclass(slots=True)
class _Walk:
    """Where the conversation stood after the turns read so far, as its words show it."""

    texts: PolicyTexts | None
    understander: Understander
    known: dict[str, FactValue]
    policy: Policy | None
    on_offer: tuple[str, ...] = ()
    focus: str | None = None
    asked: str | None = None
    question: Question | None = None
    person_offered: bool = False
    after_check_in: bool = False
    request: str | None = None
    refused: set[str] = field(default_factory=set)
    refused_open: bool = False
    with_people: bool = False
    tally: Counters = field(default_factory=Counters)
    follow_ups: list[str] = field(default_factory=list)

    @property
    def escalation(self) -> Escalation:
        return self.policy.escalation if self.policy is not None else Escalation()

    def step(self, turn: Turn, *, first: bool) -> Moment:
        """Read one turn and move on past it."""
        text = plain(turn.text)
        customer = turn.customer_text is not None or turn.quick_reply is not None
        fresh = not customer and not first and turn.person is None
        check_in = fresh and (any(f in text for f in self.follow_ups) or self._says_follow_up(text))
        if fresh:
            self.tally = Counters()
            self.with_people = False
            self.on_offer = ()
        before = (self.on_offer, self.person_offered, self.after_check_in, self.with_people, self.refused_open)
        signals = self._hear(turn) if customer else None
        if signals is not None:
            self._follow_request(signals, turn.quick_reply)
            self._learn_facts(signals, turn.quick_reply)
            self._count(signals)
        payloads = tuple(reply.payload for reply in turn.quick_replies)
        refusal, reason = self._refusal(turn, text)
        first_refusal = refusal is not None and refusal not in self.refused
        if refusal is not None:
            self.refused.add(refusal)
            self.refused_open = self.refused_open or refusal == (self.request or "")
        offers = self._offers(text, payloads)
        moment = Moment(
            turn=turn,
            said=turn.customer_text,
            button=turn.quick_reply,
            signals=signals,
            text=text,
            payloads=payloads,
            fresh=fresh,
            check_in=check_in,
            on_offer=before[0],
            offers=offers,
            person_offered=before[1],
            after_check_in=before[2],
            request=self.request,
            refusal=refusal,
            first_refusal=first_refusal,
            reason_given=reason,
            review=self.texts is not None and self.texts.review_in(text) is not None,
            facts=dict(self.known),
            tally=replace(self.tally),
            with_people=before[3],
            refused_open=before[4],
        )
        self._after(turn, text, payloads, offers, check_in=check_in, fresh=fresh)
        return moment

    def _says_follow_up(self, text: str) -> bool:
        return self.texts is not None and self.texts.follow_up.said_in(text)

    def _hear(self, turn: Turn) -> Signals:
        if turn.quick_reply is not None:
            try:
                return buttons.signals_for(turn.quick_reply)
            except (KeyError, TactfulError):
                return Signals()
        return _reread(self.understander, turn.customer_text or "", self._context(turn))

    def _context(self, turn: Turn) -> Context:
        state: StateName = "listening"
        if self.on_offer == ("compensation",):
            state = "compensation"
        elif self.on_offer:
            state = "offering_alternatives"
        elif self.with_people:
            state = "escalated"
        elif self.question in ("anything_else", "satisfaction"):
            state = "follow_up"
        elif self.refused_open:
            state = "explaining"
        if self.texts is not None:
            return self.texts.reading.context(
                state=state,
                request=self.request,
                offered=self.on_offer,
                asked=self.asked,
                question=self.question,
                focus=self.focus,
                now=turn.at,
            )
        offered = tuple(Offer(o, (o.replace("_", " "),)) for o in self.on_offer)
        return Context(state=state, request=self.request, offered=offered, question=self.question, today=turn.at.date())

    def _request_named(self, kind: str | None) -> str | None:
        if self.texts is None:
            return kind
        return self.texts.reading.request_named(kind)

    def _follow_request(self, signals: Signals, button: str | None) -> None:
        before = self.request
        if button is not None and button.startswith(buttons.REQUEST):
            self.request = button.removeprefix(buttons.REQUEST)
        dropped = {a.target for a in signals.acts if a.kind == "cancel_request" and not a.negated}
        if self.request is not None and self._kind(self.request) in dropped:
            self.request = None
        asked = [a.target for a in signals.acts if a.kind == "request" and not a.negated and a.target]
        named = [name for name in map(self._request_named, asked) if name is not None]
        if named and self.request not in named:
            self.request = named[0]
        if self.request != before:
            self.refused_open = False

    def _kind(self, request: str) -> str:
        if self.texts is None:
            return request
        return self.texts.reading.kinds.get(request, request)

    def _learn_facts(self, signals: Signals, button: str | None) -> None:
        for values in (signals.facts, *signals.request_facts.values()):
            for name, value in values.items():
                known = self.known.get(name)
                if value is None or (isinstance(value, Span) and known is not None and not isinstance(known, Span)):
                    continue  # a rough value told ("after a few weeks") keeps an exact one known, as the engine does
                self.known[name] = value
        if button in (buttons.ACCEPT, buttons.REJECT) and self.asked is not None:
            self.known[self.asked] = button == buttons.ACCEPT

    def _count(self, signals: Signals) -> None:
        tally = self.tally
        tally.turns += 1
        tally.abuse_strikes += signals.abusive
        tally.anger += signals.sentiment <= self.escalation.anger_threshold or signals.irony
        tally.insistence += self.refused_open and signals.has("insist")
        tally.unclear = tally.unclear + 1 if all(a.kind == "unknown" for a in signals.acts) else 0

    def _refusal(self, turn: Turn, text: str) -> tuple[str | None, bool]:
        """Which request the agent turns down in ``turn`` ("" when it is not known), and whether it gives
        the policy's reason for it."""
        if turn.person is not None or not text:
            return None, False
        reason = self.texts.reason_in(text) if self.texts is not None else None
        if reason is not None:
            return reason.request, True
        approved = {a.request for a in turn.actions if isinstance(a, ApproveRequest)}
        if has(text, REFUSE) and (self.request is None or self.request not in approved):
            return self.request or "", False
        return None, False

    def _offers(self, text: str, payloads: tuple[str, ...]) -> tuple[str, ...]:
        if self.texts is not None:
            return self.texts.offered_in(text, payloads)
        found = [p.removeprefix(buttons.ALTERNATIVE) for p in payloads if p.startswith(buttons.ALTERNATIVE)]
        if has(text, CALLBACK_WORDS) and "?" in text:
            found.append(CALLBACK)
        return tuple(found)

    def _after(
        self, turn: Turn, text: str, payloads: tuple[str, ...], offers: tuple[str, ...], *, check_in: bool, fresh: bool
    ) -> None:
        """Where the conversation stands for the customer's next message."""
        settled = any(isinstance(a, SETTLING) for a in turn.actions)
        if settled:
            self.refused_open = False
        if any(isinstance(a, ESCALATING) for a in turn.actions):
            self.with_people = True
        self.follow_ups += [plain(a.text) for a in turn.actions if isinstance(a, ScheduleFollowUp)]
        self.asked = self.texts.asked_in(text) if self.texts is not None else None
        if offers:
            self.on_offer = offers
        elif settled or self.asked is not None or fresh or turn.person is not None:
            self.on_offer = ()
        self.focus = self.texts.described_in(text) if self.texts is not None else None
        self.person_offered = buttons.PERSON in payloads or any(
            has(sentence, PERSON) and sentence.endswith("?") for sentence in sentences(turn.text)
        )
        self.after_check_in = check_in
        self.question = None
        if self.person_offered:
            self.question = "person"
        elif check_in:
            self.question = "satisfaction"
        elif has(text, ANYTHING_ELSE):
            self.question = "anything_else"
        elif has(text, ASKS_REQUEST) and self.request is None:
            self.question = "request"


def _reread(understander: Understander, text: str, context: Context) -> Signals:
    """The customer's message read in ``context`` (simulated customers repeat themselves, so it is kept)."""
    return _kept_reading(cast("Hashable", understander), text, context)


@lru_cache(maxsize=8192)
def _kept_reading(understander: Hashable, text: str, context: Context) -> Signals:
    return cast("Understander", understander).understand(text, context)
