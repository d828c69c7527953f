"""The policy schema: a company's rules, words and limits for declining requests, as pydantic models."""

from __future__ import annotations

from datetime import time
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from flow.conditions import Condition
from flow.textmatch import pattern_problem
from flow.vocabulary import Intent, StateName

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FactKind = Literal["text", "name", "order_id", "days", "number", "yes_no", "email", "condition", "circumstance"]
FactSource = Literal["host", "customer"]
NUMERIC_KINDS: frozenset[str] = frozenset({"days", "number"})
Variants = list[str]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FactSpec(_Section):
    """What one fact is: its kind, who may state it, its bounds, and how to ask for it.

    ``source: host`` facts come only from the host application (server to server, or signed with
    the facts key): the agent never asks for them and never reads them from what the customer
    writes. ``source: customer`` facts may be asked and read from messages, and any action decided
    on them lists them as unverified.
    """

    kind: FactKind = "text"
    source: FactSource = "customer"
    min: float | None = Field(default=None, allow_inf_nan=False)
    max: float | None = Field(default=None, allow_inf_nan=False)
    allow_unsigned: bool = False
    ask: str | None = None
    pattern: str | None = None
    label: str | None = None
    hint: str | None = None
    means_yes: list[str] = Field(default_factory=list)
    means_no: list[str] = Field(default_factory=list)

    @field_validator("pattern")
    @classmethod
    def _runs_on_re2(cls, pattern: str | None) -> str | None:
        problem = None if pattern is None else pattern_problem(pattern)
        if problem is not None:
            raise ValueError(f"pattern is not a valid regular expression for RE2: {problem}")
        return pattern

    @model_validator(mode="after")
    def _consistent(self) -> FactSpec:
        bounded = self.min is not None or self.max is not None
        if bounded and self.kind not in NUMERIC_KINDS:
            raise ValueError(f"min and max bound number and days facts only, not {self.kind} facts")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min:g} must not be above max {self.max:g}")
        if self.source == "host" and self.ask is not None:
            raise ValueError("a host fact is never asked of the customer; remove ask, or make its source customer")
        if self.source == "host" and self.allow_unsigned:
            raise ValueError("a host fact comes only from the host, so it cannot allow_unsigned")
        return self

    def within_bounds(self, number: float) -> bool:
        """Whether ``number`` lies within this fact's ``min`` and ``max``."""
        return (self.min is None or number >= self.min) and (self.max is None or number <= self.max)


class DeclineRule(_Section):
    """When ``when`` holds, the request is declined and ``reason`` says why.

    Asked why again, the agent gives ``clearer_reason``; asked a third time, ``rationale``: why the
    rule exists at all.
    """

    when: Condition
    reason: str = Field(min_length=1)
    clearer_reason: str | None = None
    rationale: str | None = None


_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our"})


class Alternative(_Section):
    """Something the agent can offer instead of what was asked.

    ``title`` labels its button; ``name`` is what it is called in a sentence ("your exchange is all set",
    lower-cased title when not given); ``text`` offers it in a sentence, ``details`` answers questions
    about it ("how does the exchange work?"), ``synonyms`` are other words customers use for it. The
    lower-cased title only reads well for a plain noun phrase: a title with other capitals (a brand,
    an acronym), punctuation or first-person words needs its own ``name``.
    """

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=1, max_length=40)
    name: str | None = Field(default=None, min_length=1, max_length=60)
    text: str = Field(min_length=1)
    details: str | None = None
    synonyms: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _named_when_the_title_will_not_do(self) -> Alternative:
        if self.name is not None:
            return self
        title = self.title.strip()
        words = set("".join(c if c.isalpha() or c == "'" else " " for c in title).lower().split())
        punctuated = any(not (c.isalnum() or c.isspace() or c in "'-") for c in title)
        if title[1:] != title[1:].lower() or punctuated or words & _FIRST_PERSON:
            raise ValueError(
                f"the title {title!r} does not read well inside a sentence; add a name for it, "
                f"as the agent would say it after 'your' (e.g. name: {title.lower()!r})"
            )
        return self


ExceptionAction = Literal["approve", "offer", "review"]


class PolicyException(_Section):
    """A circumstance in which the ordinary rules give way: when ``when`` holds, ``then`` applies.

    ``approve`` grants the request; ``offer`` declines it but offers ``alternatives`` of its own (a
    repair or replacement for a faulty item); ``review`` hands the conversation to a person who can
    make an exception. ``say`` is what the agent tells the customer about it; asked why, the agent gives
    ``clearer_reason``, then ``rationale``, as for a decline rule (without them, it has nothing more to say
    than ``say``).
    """

    when: Condition
    then: ExceptionAction
    say: str = Field(min_length=1)
    clearer_reason: str | None = None
    rationale: str | None = None
    alternatives: list[Alternative] = Field(default_factory=list)

    @model_validator(mode="after")
    def _offers_something(self) -> PolicyException:
        if self.then == "offer" and not self.alternatives:
            raise ValueError("an exception that offers needs alternatives to offer")
        if self.then != "offer" and self.alternatives:
            raise ValueError(f"alternatives are only offered when then is offer, not {self.then}")
        return self


class RequestPolicy(_Section):
    """One kind of request a customer makes, and the rules that decide it."""

    title: str = Field(min_length=1)
    intents: list[Intent] = Field(min_length=1)
    needs: list[str] = Field(default_factory=list)
    exceptions: list[PolicyException] = Field(default_factory=list)
    declines: list[DeclineRule] = Field(default_factory=list)
    approved: str = Field(min_length=1)
    alternatives: list[Alternative] = Field(default_factory=list)
    assumed_when: Condition | None = None
    """When a customer states facts that match this (an order that never arrived) without saying what
    they want, the agent takes them to mean this request."""
    covers: dict[str, str] = Field(default_factory=dict)
    """Other requests that this one, once approved, leaves nothing to do for on the same order, each with
    what the agent says when the customer asks for it after ("refund" once a cancellation is approved: "A
    cancelled order is never charged, so there's nothing to refund.")."""

    @field_validator("alternatives")
    @classmethod
    def _unique_ids(cls, alternatives: list[Alternative]) -> list[Alternative]:
        ids = [a.id for a in alternatives]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"alternative ids must be unique; repeated: {', '.join(duplicates)}")
        return alternatives

    def every_alternative(self) -> list[Alternative]:
        """The request's alternatives, then those its exceptions offer, each id once."""
        seen: dict[str, Alternative] = {a.id: a for a in self.alternatives}
        for exception in self.exceptions:
            for alternative in exception.alternatives:
                seen.setdefault(alternative.id, alternative)
        return list(seen.values())


class StatusRoute(_Section):
    """What the agent says when a customer asks how an earlier request is going, and whether a person
    then checks it (the agent cannot look it up itself)."""

    say: str = Field(min_length=1)
    handoff: bool = True


class Compensation(_Section):
    """A goodwill offer for customers who are eligible, made at most once a conversation."""

    eligible_when: Condition
    title: str = Field(min_length=1, max_length=40)
    offer: str = Field(min_length=1)
    synonyms: list[str] = Field(default_factory=list)
    reference_prefix: str = Field(default="GW", pattern=r"^[A-Z]{1,6}$")


class Hours(_Section):
    """When people are there to take a handed-over conversation, in the policy's time zone."""

    start: time = time(9, 0)
    end: time = time(18, 0)
    days: list[Weekday] = Field(default_factory=lambda: list(WEEKDAYS[:5]))

    @model_validator(mode="after")
    def _ordered(self) -> Hours:
        if self.end <= self.start:
            raise ValueError(f"end {self.end:%H:%M} must be after start {self.start:%H:%M}")
        return self


class Handoff(_Section):
    """Whether and when a person can take over, and what happens out of hours."""

    available: bool = True
    hours: Hours = Field(default_factory=Hours)
    callback: bool = True
    wait_minutes: float = Field(default=5, gt=0, le=24 * 60)


class Escalation(_Section):
    """The guards' limits: when the conversation goes to a person, or ends."""

    max_insistence: int = Field(default=2, ge=0)
    anger_threshold: float = Field(default=-0.5, ge=-1.0, le=0.0)
    max_anger: int = Field(default=2, ge=1)
    abuse_strikes: int = Field(default=2, ge=1)
    handoff: Handoff = Field(default_factory=Handoff)


class FollowUp(_Section):
    """When and how the agent checks back after a resolution."""

    delay_hours: float = Field(default=24, gt=0, le=24 * 30)
    text: str = Field(min_length=1)


class Tone(_Section):
    """Extra words the tone lint rejects, and the readability floor for agent text."""

    banned_phrases: list[str] = Field(default_factory=list)
    min_reading_ease: float = Field(default=60.0, ge=0, le=100)


class _FactNames:
    """The fact names a policy's requests read, remembered with the requests they were read from.

    Equal to any other, so that remembering never changes whether two policies are equal.
    """

    __slots__ = ("names", "source")

    def __init__(self) -> None:
        self.source: object = None
        self.names: dict[str | None, frozenset[str]] = {}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _FactNames)

    __hash__ = None  # type: ignore[assignment]


class Policy(_Section):
    """A company's policy for declining requests, loaded from YAML by :func:`flow.load_policy`."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    version: str = "1"
    company: str = Field(min_length=1)
    agent_name: str = Field(min_length=1)
    locale: str = "en-GB"
    timezone: str = "UTC"
    offer_alternatives: Literal["together", "one_at_a_time"] = "together"
    max_turns: int = Field(default=20, ge=3, le=200)
    max_message_chars: int = Field(default=2000, ge=20, le=100_000)
    redact_personal_data: bool = True
    facts: dict[str, FactSpec] = Field(default_factory=dict)
    extra_facts: Literal["refuse", "allow"] = "refuse"
    summary: str | None = None
    status: StatusRoute | None = None
    requests: dict[str, RequestPolicy] = Field(min_length=1)
    compensation: Compensation | None = None
    escalation: Escalation = Field(default_factory=Escalation)
    follow_up: FollowUp
    tone: Tone = Field(default_factory=Tone)
    templates: dict[StateName | Literal["common"], dict[str, Variants]] = Field(default_factory=dict)
    # Fact names per request, worked out once: every turn asks for them several times.
    _fact_names: _FactNames = PrivateAttr(default_factory=lambda: _FactNames())

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, zone: str) -> str:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError) as e:
            raise ValueError(f"unknown time zone {zone!r}; use an IANA name like Europe/London") from e
        return zone

    @field_validator("templates", mode="before")
    @classmethod
    def _variants_as_lists(cls, templates: object) -> object:
        if not isinstance(templates, dict):
            return templates
        return {
            state: {key: [v] if isinstance(v, str) else v for key, v in keys.items()}
            if isinstance(keys, dict)
            else keys
            for state, keys in templates.items()
        }

    @property
    def zone(self) -> ZoneInfo:
        """The policy's time zone."""
        return ZoneInfo(self.timezone)

    def request_facts(self) -> frozenset[str]:
        """The facts that belong to one request rather than to the conversation: those a request needs or
        its rules and exceptions read (the order, when it was bought, what was wrong with it)."""
        known = self._known_fact_names()
        names = known.get(None)
        if names is None:
            names = known[None] = frozenset().union(*(self.facts_of(name) for name in self.requests))
        return names

    def facts_of(self, request: str) -> frozenset[str]:
        """The facts one kind of request needs or its rules and exceptions read."""
        known = self._known_fact_names()
        names = known.get(request)
        if names is None:
            names = known[request] = self._read_facts_of(request)
        return names

    def _known_fact_names(self) -> dict[str | None, frozenset[str]]:
        memo: _FactNames = self.__pydantic_private__["_fact_names"]  # type: ignore[index]  # skips __getattr__
        if memo.source is not self.requests:
            # A copy of the policy shares the memo; with other requests it works the names out afresh.
            memo.source, memo.names = self.requests, {}
        return memo.names

    def _read_facts_of(self, request: str) -> frozenset[str]:
        from flow.conditions import facts_named

        spec = self.requests[request]
        names: set[str] = set(spec.needs)
        for rule in spec.declines:
            names |= facts_named(rule.when)
        for exception in spec.exceptions:
            names |= facts_named(exception.when)
        if spec.assumed_when is not None:
            names |= facts_named(spec.assumed_when)
        return frozenset(names)

    def gives_request(self, request: str, alternative: str, other: str) -> bool:
        """Whether the alternative ``alternative`` of ``request`` is what a request for ``other`` asks for: a
        cancellation's full refund is a refund, so "refund me please" once it is arranged asks for it again."""
        if other == request or other not in self.requests:
            return False
        found = next((a for a in self.requests[request].every_alternative() if a.id == alternative), None)
        if found is None:
            return False
        asked = self.requests[other].title.lower().removeprefix("a ").removeprefix("an ").strip()
        names = (found.title.lower(), *(synonym.lower() for synonym in found.synonyms))
        return any(asked in name.split() or asked == name for name in names)

    def request_for(self, intent: str) -> str | None:
        """The request a customer intent asks for, if the policy handles it."""
        for name, request in self.requests.items():
            if intent in request.intents:
                return name
        return None
