"""The data tactful passes around: what a message means, a conversation snapshot, and a turn."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from flow import sharing
from flow.vocabulary import ActKind, EscalationReason, Intent, Outcome, Question, RequestStatus, StateName


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """An amount known only roughly: somewhere from ``low`` to ``high``, both included.

    "Last month" is a span of days; ``high`` is ``None`` when there is no upper bound ("over a month").
    """

    low: int = Field(ge=0)
    high: int | None = None

    def __str__(self) -> str:
        return f"{self.low}-{self.high}" if self.high is not None else f"{self.low}+"


FactValue = str | int | float | bool | Span | None
UNVERIFIED = (
    "Facts the decision used that only the customer stated (in a message, or unsigned from the page); "
    "check them before carrying the action out."
)
DETAILS = (
    "What the customer asked for with the alternative, in words a person can act on: the size or colour "
    'for an exchange ("a large", "size 9", "navy").'
)
REQUEST_FACTS = (
    "The facts of the request the action is about (its order number, when it was bought, what was wrong), "
    "so two requests of one conversation can be told apart."
)


class Act(_Frozen):
    """One thing a customer message does, with what it is about.

    ``target`` names what the act is about: an alternative, ``compensation`` or ``callback`` for
    choose / reject / ask_about (``all`` for a refusal of everything on offer), a request for request /
    cancel_request, a fact for provide. A choice that cannot be settled has no target and the
    ``candidates`` it could be. ``negated`` marks an act the customer explicitly rules out ("no need
    for a manager").
    """

    kind: ActKind
    target: str | None = None
    negated: bool = False
    candidates: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        """A choice between several things on offer that the message does not settle."""
        return self.kind == "choose" and self.target is None and len(self.candidates) > 1

    @classmethod
    def of(
        cls, kind: ActKind, target: str | None = None, *, negated: bool = False, candidates: tuple[str, ...] = ()
    ) -> Act:
        """An act built from values already known to be valid (the understanding step's own), without
        validating them again: what ``model_construct`` gives, built directly (its walk over every field's
        aliases and defaults costs more than the act)."""
        act = cls.__new__(cls)
        object.__setattr__(
            act, "__dict__", {"kind": kind, "target": target, "negated": negated, "candidates": candidates}
        )
        object.__setattr__(act, "__pydantic_fields_set__", {"kind", "target", "negated", "candidates"})
        object.__setattr__(act, "__pydantic_extra__", None)
        object.__setattr__(act, "__pydantic_private__", None)
        return act

    def __str__(self) -> str:
        label = self.kind if self.target is None else f"{self.kind}:{self.target}"
        if self.ambiguous:
            label = f"{self.kind}:?"
        return f"not {label}" if self.negated else label


class Signals(_Frozen):
    """What understanding found in one customer message.

    ``acts`` are what the message does, read in the conversation's context; ``intent`` is one label for
    the whole message in the older one-intent-per-message vocabulary, kept for hosts that read it: the
    intent model's reading, or the main act's when the model has none. ``facts`` are the
    policy's facts the message states, ``malformed`` the facts it gives in a form the policy does not
    accept. When a message makes several requests, ``request_facts`` holds the facts stated with each,
    by kind of request ("cancel order B-2001 and refund A-2002"); when one request names several orders,
    ``order_facts`` holds the facts stated with each order, in order ("refunds for A-3107, bought last
    week, and A-3108, bought in September"); beside several kinds of request, it holds the orders no request
    names, with what was said of each ("..., oh and A-1010 arrived broken"). ``abusive`` is abuse aimed at people;
    ``profanity`` any swearing, aimed or not. ``language`` is the code of the language the message seems
    written in (``es``, ``de``) when it is not the conversation's; its acts are then only ``unknown``.
    """

    intent: Intent = "unknown"
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    sentiment: float = Field(default=0.0, ge=-1.0, le=1.0)
    abusive: bool = False
    threat: bool = False
    irony: bool = False
    profanity: bool = False
    slots: dict[str, str] = Field(default_factory=dict)
    acts: tuple[Act, ...] = ()
    facts: dict[str, FactValue] = Field(default_factory=dict)
    request_facts: dict[str, dict[str, FactValue]] = Field(default_factory=dict)
    order_facts: tuple[dict[str, FactValue], ...] = ()
    malformed: tuple[str, ...] = ()
    language: str | None = None

    @model_validator(mode="after")
    def _acts_from_intent(self) -> Signals:
        # Signals written with the older vocabulary (one intent and its slots) carry the same meaning as acts.
        if not self.acts:
            object.__setattr__(self, "acts", acts_for_intent(self.intent, self.slots, self.abusive, self.threat))
        return self

    @classmethod
    def made(cls, **values: Any) -> Signals:
        """Signals from values the understanding step made and typed itself, unvalidated: what
        ``model_construct`` gives. ``values`` must name every field, in the order they are declared."""
        signals = cls.__new__(cls)
        object.__setattr__(signals, "__dict__", values)
        object.__setattr__(signals, "__pydantic_fields_set__", set(values))
        object.__setattr__(signals, "__pydantic_extra__", None)
        object.__setattr__(signals, "__pydantic_private__", None)
        return signals

    def has(self, kind: ActKind, target: str | None = None) -> bool:
        """Whether the message does ``kind`` (about ``target``, when given), not negated."""
        for act in self.acts:
            if act.kind == kind and not act.negated and (target is None or act.target == target):
                return True
        return False

    def first(self, kind: ActKind) -> Act | None:
        """The message's first act of ``kind`` that is not negated."""
        return next((a for a in self.acts if a.kind == kind and not a.negated), None)


_INTENT_ACTS: dict[str, tuple[Act, ...]] = {
    "request_refund": (Act(kind="request", target="refund"),),
    "request_cancel": (Act(kind="request", target="cancel"),),
    "ask_policy": (Act(kind="ask_policy"),),
    "ask_human": (Act(kind="ask_human"),),
    "complaint": (Act(kind="complain"),),
    "accept": (Act(kind="affirm"),),
    "reject": (Act(kind="deny"),),
    "thank_close": (Act(kind="thank"), Act(kind="goodbye")),
    "insist": (Act(kind="insist"),),
    "ask_why": (Act(kind="ask_why"),),
    "unknown": (Act(kind="unknown"),),
}


def acts_for_intent(
    intent: str, slots: Mapping[str, str], abusive: bool = False, threat: bool = False
) -> tuple[Act, ...]:
    """The acts an intent and its slots stand for, when nothing read the message as acts."""
    acts = list(_INTENT_ACTS.get(intent, ()))
    if intent == "provide_info" or (intent == "unknown" and slots):
        acts = [Act(kind="provide", target=name) for name in slots if name not in ("requested", "date")]
    if "alternative" in slots:
        acts = [Act(kind="choose", target=slots["alternative"])]
    if abusive:
        acts.append(Act(kind="abuse"))
    if threat:
        acts.append(Act(kind="threat"))
    return tuple(acts) or (Act(kind="unknown"),)


class QuickReply(_Frozen):
    """A button the widget shows; clicking it sends ``payload`` back as the next message."""

    title: str
    payload: str


class Handoff(_Frozen):
    """Hand the conversation to a person, with what they need to pick it up."""

    type: Literal["handoff"] = "handoff"
    reason: EscalationReason
    summary: str
    unverified: list[str] = Field(default_factory=list, description=UNVERIFIED)


class WithdrawHandoff(_Frozen):
    """The customer took up an offer while waiting for a person, so the handoff made for ``reason`` is no
    longer needed: take the conversation out of the people's queue."""

    type: Literal["withdraw_handoff"] = "withdraw_handoff"
    reason: EscalationReason


class ScheduleFollowUp(_Frozen):
    """Contact the customer again at ``at`` with ``text``."""

    type: Literal["schedule_follow_up"] = "schedule_follow_up"
    at: datetime
    delay_hours: float
    text: str


class ScheduleCallback(_Frozen):
    """A person calls the customer back when the team is next available."""

    type: Literal["schedule_callback"] = "schedule_callback"
    at: datetime
    reason: EscalationReason


class IssueCompensation(_Frozen):
    """Give the customer the goodwill offer they accepted."""

    type: Literal["issue_compensation"] = "issue_compensation"
    reference: str
    offer: str
    unverified: list[str] = Field(default_factory=list, description=UNVERIFIED)


class ApproveRequest(_Frozen):
    """Carry out a request that the policy allows."""

    type: Literal["approve_request"] = "approve_request"
    request: str
    facts: dict[str, FactValue] = Field(default_factory=dict, description=REQUEST_FACTS)
    unverified: list[str] = Field(default_factory=list, description=UNVERIFIED)


class ApplyAlternative(_Frozen):
    """Carry out the alternative the customer accepted.

    ``replaces`` names the alternative accepted earlier in the conversation that this one takes the
    place of, when the customer changed their mind: undo that one.
    """

    type: Literal["apply_alternative"] = "apply_alternative"
    alternative: str
    title: str
    replaces: str | None = None
    details: str | None = Field(default=None, description=DETAILS)
    facts: dict[str, FactValue] = Field(default_factory=dict, description=REQUEST_FACTS)
    unverified: list[str] = Field(default_factory=list, description=UNVERIFIED)


class AmendAlternative(_Frozen):
    """Add what the customer asked for with the alternative already applied in this conversation, told
    after it was set up ("M please" once the exchange is arranged)."""

    type: Literal["amend_alternative"] = "amend_alternative"
    alternative: str
    title: str
    details: str = Field(description=DETAILS)
    facts: dict[str, FactValue] = Field(default_factory=dict, description=REQUEST_FACTS)


class WithdrawApproval(_Frozen):
    """Undo a request approved earlier in the conversation: the customer chose one of its alternatives in
    its place ("I'd rather have a replacement than a refund"); an ``apply_alternative`` follows."""

    type: Literal["withdraw_approval"] = "withdraw_approval"
    request: str
    facts: dict[str, FactValue] = Field(default_factory=dict, description=REQUEST_FACTS)


class WithdrawAlternative(_Frozen):
    """Undo the alternative the customer accepted earlier in the conversation and then took back, wanting
    nothing in its place."""

    type: Literal["withdraw_alternative"] = "withdraw_alternative"
    alternative: str
    title: str
    facts: dict[str, FactValue] = Field(default_factory=dict, description=REQUEST_FACTS)


class Close(_Frozen):
    """The conversation ended with ``outcome``."""

    type: Literal["close"] = "close"
    outcome: Outcome


Action = Annotated[
    Handoff
    | WithdrawHandoff
    | ScheduleFollowUp
    | ScheduleCallback
    | IssueCompensation
    | ApproveRequest
    | ApplyAlternative
    | AmendAlternative
    | WithdrawApproval
    | WithdrawAlternative
    | Close,
    Field(discriminator="type"),
]


@dataclass(slots=True)
class Counters:
    """How the conversation has gone so far; the guards read these. ``unanswered`` counts the messages in a
    row that leave the fact asked for unanswered ("a refund please", again and again, to "when did you buy
    it?"), so the agent helps with it, and then offers a colleague, rather than ask the same thing again.

    A slotted dataclass rather than a model: every live conversation holds one, so it is kept small.
    """

    turns: int = 0
    insistence: int = 0
    anger: int = 0
    abuse_strikes: int = 0
    alternatives_offered: int = 0
    compensation_offered: bool = False
    clarifications: int = 0
    unclear: int = 0
    unanswered: int = 0


@dataclass(slots=True)
class AgendaItem:
    """One request the customer made, and how it stands.

    ``facts`` are the facts about this request (the order it concerns, when it was bought, what was
    wrong); ``offered`` the alternatives offered for it, ``rejected`` those the customer turned down,
    ``chosen`` the one accepted, ``wish`` the alternative the customer asked for by name before anything
    was offered ("I'd like to exchange it"), ``assumed`` whether the policy worked the request out from the
    trouble told ("my parcel never came") rather than the customer asking for it, ``thing`` what the customer
    called the order's item beside other orders ("the trainers from A-4321"). A slotted dataclass, like
    :class:`Counters`, to keep snapshots small.
    """

    name: str
    status: RequestStatus = "open"
    facts: dict[str, FactValue] = field(default_factory=dict)
    offered: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()
    chosen: str | None = None
    wish: str | None = None
    assumed: bool = False
    thing: str | None = None

    @property
    def settled(self) -> bool:
        """Whether the request needs nothing more: decided and resolved, dropped or handed over."""
        return self.status not in ("open", "declined")


SCHEMA_VERSION = 2
"""The version of the :class:`Conversation` snapshot's layout; stored snapshots of older versions are
migrated when read.

1. The first layout (snapshots without ``schema_version``): one ``request``.
2. An agenda of requests, what the agent said and asked; a person can take over (``waiting_since``,
   ``person``, ``callback_offered``).
"""


class Conversation(BaseModel):
    """A snapshot of one conversation: plain data, no machine inside, one JSON document.

    ``agenda`` holds every request the customer made, in order; the current one is the first that is
    not settled. ``facts`` are the facts as they stand for the current request (the conversation's own,
    such as the customer's name, and the current request's). ``said`` remembers, as short hashes, the
    sentences the agent has said, so that none is said twice. ``customer_stated`` keeps, by fact, the
    values only the customer stated (in a message, or unsigned from a page): a decision that reads one
    of them lists that fact as unverified.
    """

    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION
    id: str
    policy: str
    policy_version: str
    state: StateName = "listening"
    agenda: list[AgendaItem] = Field(default_factory=list)
    facts: dict[str, FactValue] = Field(default_factory=dict)
    customer_stated: dict[str, list[FactValue]] = Field(default_factory=dict)
    pending_fact: str | None = None
    counters: Counters = Field(default_factory=Counters)
    resume_state: StateName | None = None
    quick_replies: list[str] = Field(default_factory=list)
    question: Question | None = None
    focus: str | None = None
    escalation_reason: EscalationReason | None = None
    outcome: Outcome | None = None
    said: list[int] = Field(default_factory=list)
    waiting_since: datetime | None = None
    person: str | None = None
    callback_offered: bool = False
    version: int = 0
    started_at: datetime
    updated_at: datetime

    @model_validator(mode="before")
    @classmethod
    def _migrate(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("schema_version", 1) < SCHEMA_VERSION:
            return migrate_snapshot(data)
        return data

    @model_validator(mode="after")
    def _compact(self, info: ValidationInfo) -> Conversation:
        if info.context is not STARTING:
            compact(self)
        return self

    @property
    def request(self) -> str | None:
        """The name of the request being handled now: the first one on the agenda not yet settled."""
        item = self.current
        return item.name if item is not None else None

    @property
    def current(self) -> AgendaItem | None:
        """The agenda item being handled now."""
        for item in self.agenda:
            if not item.settled:
                return item
        return None

    @property
    def closed(self) -> bool:
        """Whether the conversation has ended and takes no more messages."""
        return self.state == "closed"

    @property
    def at_the_desk(self) -> bool:
        """Whether people should see it: waiting for a person after a handoff, or with one now."""
        return self.state == "with_person" or (self.state == "escalated" and self.waiting_since is not None)


_EVERY_FIELD: set[str] = set(Conversation.model_fields)
"""The names of every field of a snapshot: the one set of fields set that complete snapshots share."""

_FIELD_KEYS = sharing.key_table(Conversation.model_fields)
"""The keys table that the field dicts of complete snapshots share."""


STARTING: dict[str, bool] = {"starting": True}
"""The validation context of a snapshot the engine is about to fill in and compact itself."""


def compact(conversation: Conversation) -> None:
    """Let ``conversation``, just validated, share what every live snapshot would otherwise hold a copy of.

    A snapshot read from JSON or made by the engine has every field set, and pydantic keeps the names of
    the fields set in a set of its own per model (over 2 KB for a snapshot's fields): a complete snapshot
    shares one. Pydantic only ever adds field names to that set, which leaves it unchanged, and copies it
    before changing a copy's. Its field dict shares its keys with every other snapshot's
    (:func:`flow.sharing.field_dict`); names from the policy's vocabulary are interned, and short values
    and the hashes of what was said are shared (:mod:`flow.sharing`). Nothing changes value.
    """
    if conversation.__pydantic_fields_set__ == _EVERY_FIELD:
        object.__setattr__(conversation, "__pydantic_fields_set__", _EVERY_FIELD)
    values = conversation.__dict__
    if values.keys() == _FIELD_KEYS.keys():
        values = sharing.field_dict(values, _FIELD_KEYS)
        object.__setattr__(conversation, "__dict__", values)
    _share_values(values)


def _share_values(values: dict[str, Any]) -> None:
    """Replace the names and values a snapshot's fields hold by equal ones other snapshots share."""
    name = sharing.name
    values["policy"] = name(values["policy"])
    values["policy_version"] = name(values["policy_version"])
    values["facts"] = _shared_facts(values["facts"])
    for item in values["agenda"]:
        item.name = name(item.name)
        item.facts = _shared_facts(item.facts)
        item.offered = sharing.names(item.offered)
        item.rejected = sharing.names(item.rejected)
        if item.chosen is not None:
            item.chosen = name(item.chosen)
        if item.wish is not None:
            item.wish = name(item.wish)
    stated = values["customer_stated"]
    if stated:
        text = sharing.text
        values["customer_stated"] = {name(fact): [text(v) for v in facts] for fact, facts in stated.items()}
    for fact in ("pending_fact", "focus"):
        if values[fact] is not None:
            values[fact] = name(values[fact])
    replies = values["quick_replies"]
    for index, payload in enumerate(replies):
        replies[index] = name(payload)
    sharing.numbers(values["said"])


def _shared_facts(facts: dict[str, FactValue]) -> dict[str, FactValue]:
    if not facts:
        return facts
    name, text = sharing.name, sharing.text
    return {name(fact): text(value) if type(value) is str else value for fact, value in facts.items()}


def successor(conversation: Conversation, update: Mapping[str, Any]) -> Conversation:
    """``conversation.model_copy(update=update)``, made without copying the set of fields set that complete
    snapshots share (pydantic's copy makes one), and sharing the keys of the field dict when ``conversation``
    does. The quick-reply payloads are interned and the hashes of what was said shared."""
    if conversation.__pydantic_extra__ is not None or conversation.__pydantic_private__ is not None:
        copied = conversation.model_copy(update=update)
        compact(copied)
        return copied
    cls = type(conversation)
    made = cls.__new__(cls)
    values = conversation.__dict__.copy()
    values.update(update)
    fields_set = conversation.__pydantic_fields_set__
    object.__setattr__(made, "__dict__", values)
    object.__setattr__(made, "__pydantic_extra__", None)
    object.__setattr__(
        made, "__pydantic_fields_set__", fields_set if fields_set is _EVERY_FIELD else fields_set | update.keys()
    )
    object.__setattr__(made, "__pydantic_private__", None)
    replies = values["quick_replies"]
    for index, payload in enumerate(replies):
        replies[index] = sharing.name(payload)
    if "said" in update:
        # A list of exactly its length (one built by appending has room to spare), holding shared hashes; those
        # said before were shared when the snapshot they come from was made.
        said, before = list(values["said"]), conversation.said
        values["said"] = sharing.numbers(said, len(before) if said[: len(before)] == before else 0)
    return made


def migrate_snapshot(data: Mapping[str, Any]) -> dict[str, Any]:
    """A stored snapshot of an older layout, brought to :data:`SCHEMA_VERSION`.

    From 1: the one ``request`` becomes a one-item agenda, decided as far as the conversation went, with
    the alternatives on offer read from the quick replies that offered them; an escalated conversation
    was handed over and is waiting since its last update, so people see it.
    """
    migrated = dict(data)
    request = migrated.pop("request", None)
    if request is not None and not migrated.get("agenda"):
        item: dict[str, Any] = {"name": request, "status": _status_from(migrated.get("outcome"), migrated.get("state"))}
        if migrated.get("state") == "offering_alternatives":
            item["offered"] = [
                reply.removeprefix("alternative:")
                for reply in migrated.get("quick_replies") or ()
                if isinstance(reply, str) and reply.startswith("alternative:")
            ]
        migrated["agenda"] = [item]
    if migrated.get("state") == "escalated" and migrated.get("waiting_since") is None:
        migrated["waiting_since"] = migrated.get("updated_at")
    migrated["schema_version"] = SCHEMA_VERSION
    return migrated


_SETTLED_BY_OUTCOME: dict[str, RequestStatus] = {
    "approved": "approved",
    "alternative_accepted": "alternative_accepted",
    "compensation_accepted": "compensation_accepted",
    "declined": "declined_closed",
    "escalated": "escalated",
    "callback_scheduled": "escalated",
}


def _status_from(outcome: object, state: object) -> RequestStatus:
    if isinstance(outcome, str) and outcome in _SETTLED_BY_OUTCOME:
        return _SETTLED_BY_OUTCOME[outcome]
    return "declined" if state in ("offering_alternatives", "compensation", "explaining", "apologizing") else "open"


class Turn(BaseModel):
    """What one customer message produced: the reply and why it was chosen.

    ``decided`` says how each request the turn decided or resolved now stands, by name (one declined
    and another approved in the same reply, say).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    conversation_id: str
    number: int
    at: datetime
    customer_text: str | None = None
    quick_reply: str | None = None
    signals: Signals | None = None
    transitions: list[str] = Field(default_factory=list)
    states_entered: list[StateName] = Field(default_factory=list)
    state: StateName
    text: str
    quick_replies: list[QuickReply] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    decided: dict[str, RequestStatus] = Field(default_factory=dict)
    person: str | None = None
    """The display name of the person who wrote ``text``; ``None`` when the agent's flow wrote it."""

    @classmethod
    def made(cls, **values: Any) -> Turn:
        """A turn from values the engine made and typed itself, unvalidated: what ``model_construct`` gives.

        ``values`` must name every field but ``person`` (which stays ``None``). Built directly, as
        ``model_construct`` would build it, without its walk over every field's aliases and defaults,
        which costs more than the rest of making a turn's record.
        """
        turn = cls.__new__(cls)
        object.__setattr__(turn, "__dict__", {**values, "person": None})
        object.__setattr__(turn, "__pydantic_fields_set__", set(values))
        object.__setattr__(turn, "__pydantic_extra__", None)
        object.__setattr__(turn, "__pydantic_private__", None)
        return turn

    @property
    def messages(self) -> list[str]:
        """The reply split at blank lines, as chat channels send it."""
        return [part for part in self.text.split("\n\n") if part.strip()]
