"""What the semantic steps check: did the reply really thank, explain, apologize, offer, ask?

Each check is a pure function of the turn, the conversation snapshot and the policy that returns
what is missing, or ``None`` when the reply does what the step says. They look at both the states
the turn went through and the words the customer read, so a reply cannot pass by landing in the
right state with the wrong text, nor by using the right words in the wrong place. Expected words
come from the policy itself (its reason, alternatives and offer), rendered with the conversation's
facts, so the checks follow the policy rather than a copy of it.
"""

from __future__ import annotations

import re
from typing import Any

from flow.models import Conversation, Span, Turn
from flow.policy import Alternative, Policy
from flow.rules import Rules
from flow.templates import TemplateBook, sample_context
from flow.testing.world import normalize
from flow.wording import sentences_of, span_phrase

THANKS = re.compile(r"\b(thanks|thank you|appreciate|grateful)\b", re.IGNORECASE)
APOLOGY = re.compile(r"\b(sorry|apologi[sz]e|apologies)\b", re.IGNORECASE)
ACKNOWLEDGING = re.compile(r"\b(i understand|i see|i hear|i can hear|sorry to hear|i know)\b", re.IGNORECASE)
FRUSTRATION = re.compile(r"\b(frustrat\w*|upset\w*|sorry)\b", re.IGNORECASE)


_COMPILED: dict[int, tuple[Policy, TemplateBook, Rules]] = {}


def _compiled(policy: Policy) -> tuple[TemplateBook, Rules]:
    entry = _COMPILED.get(id(policy))
    if entry is None or entry[0] is not policy:
        entry = _COMPILED[id(policy)] = (policy, TemplateBook(policy), Rules(policy))
    return entry[1], entry[2]


def render_policy_text(policy: Policy, path: str, facts: dict[str, Any]) -> str:
    """The policy's words at ``path`` (``requests.refund.declines[0].reason``) with these facts filled in."""
    context = sample_context(policy)
    context.update(dict.fromkeys(policy.facts))
    context.update(facts)
    return _compiled(policy)[0].render(path, context)


GREETING = re.compile(r"^(?:hi|hello|hey|good (?:morning|afternoon|evening))\b", re.IGNORECASE)
"""A reply that opens with a greeting."""


def contains(text: str, wanted: str) -> bool:
    """Whether ``wanted`` appears in ``text``, ignoring case, spacing and curly quotes."""
    return normalize(wanted) in normalize(text)


def _request(conversation: Conversation, policy: Policy) -> str | None:
    """The request a reply is about: the one in hand, or the last one on the agenda."""
    name = conversation.request or (conversation.agenda[-1].name if conversation.agenda else None)
    return name if name in policy.requests else None


def _facts(conversation: Conversation, request: str) -> dict[str, Any]:
    """The facts of ``request``: the conversation's, and the request's own."""
    item = next((i for i in reversed(conversation.agenda) if i.name == request), None)
    if item is None or item is conversation.current:
        return dict(conversation.facts)
    return {**conversation.facts, **item.facts}


def thanks(turn: Turn, *, first: bool = False) -> str | None:
    """The reply thanks the customer (in its first message, when ``first``)."""
    where = turn.messages[:1] if first else turn.messages
    if any(THANKS.search(message) for message in where):
        return None
    return "the first message does not thank the customer" if first else "the reply never thanks the customer"


def acknowledges(turn: Turn, conversation: Conversation, policy: Policy) -> str | None:
    """The reply shows the concern was heard: it names the request, or says it understands."""
    request = _request(conversation, policy)
    if request is not None and contains(turn.text, policy.requests[request].title):
        return None
    if ACKNOWLEDGING.search(turn.text):
        return None
    named = f"neither names the request ({policy.requests[request].title!r}) nor" if request else "does not"
    return f"the reply {named} say it understands"


def explains_reason(turn: Turn, conversation: Conversation, policy: Policy, *, clearer: bool = False) -> str | None:
    """The reply went through ``explaining`` and gives the policy's reason (or clearer reason) for the decision."""
    transition = "why" if clearer else "decline"
    if transition not in turn.transitions or "explaining" not in turn.states_entered:
        return f"the reply did not explain (transitions: {', '.join(turn.transitions)})"
    request = _request(conversation, policy)
    if request is None:
        return "the conversation has no request to explain"
    facts = _facts(conversation, request)
    rule = _compiled(policy)[1].declining_rule(request, facts)
    if rule is None:
        return f"no rule of the policy declines {request!r} with these facts"
    declined = policy.requests[request].declines[rule]
    key = "clearer_reason" if clearer and declined.clearer_reason else "reason"
    spoken = {name: span_phrase(value) if isinstance(value, Span) else value for name, value in facts.items()}
    reason = render_policy_text(policy, f"requests.{request}.declines[{rule}].{key}", spoken)
    if not contains(turn.text, reason):
        return f"the reply does not give the policy's {key.replace('_', ' ')}: {reason!r}"
    return None


def apologizes(turn: Turn) -> str | None:
    """The reply went through ``apologizing`` and says sorry."""
    if "apologizing" not in turn.states_entered:
        return f"the reply did not go through apologizing (states: {', '.join(turn.states_entered)})"
    if not APOLOGY.search(turn.text):
        return "the reply never says sorry"
    return None


def find_alternative(conversation: Conversation, policy: Policy, name: str) -> Alternative | None:
    """The alternative of the conversation's request called ``name``: by title or id first, then by a
    synonym, looking at what is on offer now before the rest (an exception's own alternatives included)."""
    request = _request(conversation, policy)
    pool = (
        policy.requests[request].every_alternative()
        if request
        else [a for r in policy.requests.values() for a in r.every_alternative()]
    )
    offered = set(conversation.current.offered) if conversation.current is not None else set()
    pool = sorted(pool, key=lambda alternative: alternative.id not in offered)
    wanted = normalize(name)
    for alternative in pool:
        if wanted in {normalize(n) for n in (alternative.title, alternative.id, alternative.id.replace("_", " "))}:
            return alternative
    for alternative in pool:
        if wanted in {normalize(n) for n in alternative.synonyms}:
            return alternative
    return None


def _path_of(policy: Policy, request: str | None, alternative: str) -> str:
    """Where the policy declares an alternative's text: with the request, or with one of its exceptions."""
    for name, spec in policy.requests.items():
        if request not in (None, name):
            continue
        for index, found in enumerate(spec.alternatives):
            if found.id == alternative:
                return f"requests.{name}.alternatives[{index}].text"
        for number, exception in enumerate(spec.exceptions):
            for index, found in enumerate(exception.alternatives):
                if found.id == alternative:
                    return f"requests.{name}.exceptions[{number}].alternatives[{index}].text"
    raise LookupError(f"no alternative {alternative!r} in the policy")


def offers_alternative(turn: Turn, conversation: Conversation, policy: Policy, name: str) -> str | None:
    """The reply offers the alternative ``name``: a quick reply for it, and words that describe it."""
    alternative = find_alternative(conversation, policy, name)
    if alternative is None:
        return f"the policy has no alternative called {name!r} for this request"
    if not any(q.payload == f"alternative:{alternative.id}" for q in turn.quick_replies):
        return f"there is no quick reply for {alternative.title!r}"
    text = render_policy_text(
        policy, _path_of(policy, _request(conversation, policy), alternative.id), conversation.facts
    )
    if not contains(turn.text, text) and not contains(turn.text, alternative.title):
        return f"the reply does not describe {alternative.title!r} ({text!r})"
    return None


def offers_compensation(turn: Turn, conversation: Conversation, policy: Policy) -> str | None:
    """The reply went into ``compensation`` with the policy's offer in words and yes/no buttons."""
    if policy.compensation is None:
        return "the policy has no compensation"
    if "offer_compensation" not in turn.transitions:
        return f"the reply did not offer compensation (transitions: {', '.join(turn.transitions)})"
    offer = render_policy_text(policy, "compensation.offer", conversation.facts)
    if not contains(turn.text, offer):
        return f"the reply does not state the offer {offer!r}"
    if not {q.payload for q in turn.quick_replies} >= {"accept", "reject"}:
        return "the reply has no buttons to accept or refuse the offer"
    return None


def asks_for_fact(turn: Turn, conversation: Conversation, policy: Policy, fact: str) -> str | None:
    """The reply asks for ``fact`` (its name or label) with the policy's question, or with its first sentence
    when asking for a closer value ("When did you buy it?" without "roughly is fine")."""
    found = next(
        (
            name
            for name, spec in policy.facts.items()
            if normalize(fact) in {normalize(name), normalize(spec.label or "")}
        ),
        None,
    )
    if found is None:
        return f"the policy declares no fact called {fact!r}"
    if conversation.pending_fact != found:
        asked = conversation.pending_fact or "nothing"
        return f"the agent is waiting for {asked}, not {found}"
    question = policy.facts[found].ask or ""
    narrowing = isinstance(conversation.facts.get(found), Span) and bool(question)
    if not contains(turn.text, question) and not (narrowing and contains(turn.text, sentences_of(question)[0])):
        return f"the reply does not ask the policy's question {question!r}"
    return None
