"""Politeness rules checked after every turn of every scenario, whatever the scenario asserts.

Like sismic's property statecharts, a monitor watches the run rather than one step: each is a rule in
plain words and a check over the conversation so far that returns the violation, or ``None``. The
plugin runs :data:`DEFAULT_MONITORS`; a project adds its own by overriding the
``tactful_monitors`` fixture::

    @pytest.fixture
    def tactful_monitors():
        return [*DEFAULT_MONITORS, Monitor("never mentions a competitor", no_competitor)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from flow.models import ApproveRequest, Handoff, IssueCompensation, ScheduleFollowUp, Turn
from flow.policy import Policy
from flow.templates import GAP
from flow.testing.record import Exchange
from flow.tone import lint
from states import SPECS

_MISSING = re.compile(r"\bNone\b|\{\{|\}\}|\{%|%\}")

Check = Callable[[Sequence[Exchange], Policy], str | None]


@dataclass(frozen=True, slots=True)
class Monitor:
    """A rule every conversation must keep, and the check that finds a violation."""

    rule: str
    check: Check


def _turns(history: Sequence[Exchange]) -> list[tuple[Exchange, Turn]]:
    return [(exchange, exchange.turn) for exchange in history if exchange.turn is not None]


def _latest_texts(history: Sequence[Exchange]) -> list[tuple[str, str]]:
    """Every text the latest turn has the customer read, now or later: its messages and follow-ups."""
    turns = _turns(history)
    if not turns:
        return []
    exchange, turn = turns[-1]
    if turn.person is not None:
        return []  # a person's own words: the agent's rules are not theirs to keep
    texts = [(f"reply {exchange.number}", message) for message in turn.messages]
    texts += [
        (f"the follow-up scheduled in reply {exchange.number}", a.text)
        for a in turn.actions
        if isinstance(a, ScheduleFollowUp)
    ]
    return texts


def tone_is_clean(history: Sequence[Exchange], policy: Policy) -> str | None:
    """Every message of the latest reply, and any follow-up it schedules, passes the tone lint."""
    for where, text in _latest_texts(history):
        problems = lint(text, banned=policy.tone.banned_phrases, min_reading_ease=policy.tone.min_reading_ease)
        if problems:
            return f"{where} has {'; '.join(problems)} in: {text!r}"
    return None


def no_missing_values(history: Sequence[Exchange], policy: Policy) -> str | None:
    """No text shows the customer a blank where a value should be: ``None``, template braces, or a gap
    a missing value left next to punctuation ("Hi , it's Sam")."""
    for where, text in _latest_texts(history):
        found = _MISSING.search(text)
        if found:
            return f"{where} shows {found.group(0)!r} in: {text!r}"
        gap = GAP.search(text)
        if gap:
            return f"{where} has a gap where a value is missing ({gap.group(0)!r}) in: {text!r}"
    return None


def compensation_at_most_once(history: Sequence[Exchange], policy: Policy) -> str | None:
    """Compensation is offered at most once and issued at most once in a conversation."""
    offers = [e.number for e, turn in _turns(history) if "offer_compensation" in turn.transitions]
    issued = [e.number for e, turn in _turns(history) for a in turn.actions if isinstance(a, IssueCompensation)]
    if len(offers) > 1:
        return f"compensation was offered in replies {', '.join(map(str, offers))}"
    if len(issued) > 1:
        return f"compensation was issued in replies {', '.join(map(str, issued))}"
    return None


def no_approval_after_refusal(history: Sequence[Exchange], policy: Policy) -> str | None:
    """Once the agent has declined a request, it never approves that request, unless the customer told it
    something that changes the decision (a faulty item after a change-of-mind refusal, a purchase date put
    right after an alternative was taken)."""
    declined: dict[str, int] = {}
    for exchange, turn in _turns(history):
        changed = (
            turn.signals is not None and bool(turn.signals.facts) and not _DECIDED_AGAIN.isdisjoint(turn.transitions)
        )
        # An approval after the turn moved on to another request ("the exchange, and a refund for my other
        # order") is about that one.
        changed = changed or not _ANOTHER_REQUEST.isdisjoint(turn.transitions)
        for action in turn.actions:
            at = declined.get(action.request, declined.get("*")) if isinstance(action, ApproveRequest) else None
            if at is not None and not changed:
                return f"reply {exchange.number} approved the request that reply {at} declined"
        for name, status in turn.decided.items():
            if status in ("declined", "declined_closed"):
                declined.setdefault(name, exchange.number)
        if "decline" in turn.transitions and not turn.decided:
            declined.setdefault("*", exchange.number)
    return None


_ANOTHER_REQUEST = frozenset({"accept_and_continue", "next_request", "new_request", "approve_and_continue"})
_DECIDED_AGAIN = frozenset({"reconsider", "undo_approval"})
"""Transitions that decide a request again on a fact the customer put right."""


def closed_stays_silent(history: Sequence[Exchange], policy: Policy) -> str | None:
    """After the conversation closes, the agent answers no message; only the scheduled follow-up reopens it."""
    closed_at: int | None = None
    for exchange, turn in _turns(history):
        if closed_at is not None and not exchange.follow_up:
            return f"reply {exchange.number} came after the conversation closed in reply {closed_at}"
        closed_at = exchange.number if turn.state == "closed" else None
    return None


def every_turn_speaks(history: Sequence[Exchange], policy: Policy) -> str | None:
    """Every reply has some text for the customer, except where the flow keeps quiet while a person talks."""
    for exchange, turn in _turns(history):
        quiet = bool(turn.transitions) and all(
            t in SPECS[s].silent for t, s in zip(turn.transitions, turn.states_entered, strict=True)
        )
        if not turn.text.strip() and not quiet:
            return f"reply {exchange.number} has no text"
    return None


_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_GREETING = re.compile(
    r"^(?:hi|hello|hey|good (?:morning|afternoon|evening)|thanks for getting in touch|thank you for)\b", re.I
)
_WELCOME = re.compile(r"\byou(?:'re| are) (?:very |most )?welcome\b(?! to)", re.I)
_ANYTHING_ELSE = re.compile(r"\banything else\b", re.I)
MAX_REFUSAL_WORDS = 70
"""The most words the first full refusal (reason, apology and alternatives) may take."""
MAX_REPLY_WORDS = 110
"""The most words any one reply may take."""
MAX_ASIDE_WORDS = 40
"""The most words the answer to a question asked beside the request ("and when will my other refund
arrive?") may add to the first full refusal."""


def _sentences(text: str) -> list[str]:
    return [" ".join(s.split()).lower() for s in _SENTENCE.findall(text) if len(s.split()) >= 2]


def no_sentence_twice(history: Sequence[Exchange], policy: Policy) -> str | None:
    """The agent never says the same sentence twice in one conversation."""
    seen: dict[str, int] = {}
    for exchange, turn in _turns(history):
        for sentence in _sentences(turn.text):
            if sentence in seen and seen[sentence] != exchange.number:
                return f"reply {exchange.number} repeats {sentence!r} from reply {seen[sentence]}"
            if sentence in seen:
                return f"reply {exchange.number} says {sentence!r} twice"
            seen[sentence] = exchange.number
    return None


def welcome_only_after_thanks(history: Sequence[Exchange], policy: Policy) -> str | None:
    """The agent says "you're welcome" only when the customer has just thanked it."""
    for exchange, turn in _turns(history):
        if _WELCOME.search(turn.text) and not (turn.signals is not None and turn.signals.has("thank")):
            return f"reply {exchange.number} says you're welcome, but the customer did not thank: {turn.text!r}"
    return None


def greeting_first(history: Sequence[Exchange], policy: Policy) -> str | None:
    """The first thing the agent says is a greeting."""
    turns = _turns(history)
    if not turns:
        return None
    exchange, turn = turns[0]
    if not _GREETING.search(turn.text.lstrip()):
        return f"reply {exchange.number} does not open with a greeting: {turn.text[:80]!r}"
    return None


def no_after_anything_else_closes(history: Sequence[Exchange], policy: Policy) -> str | None:
    """A "no" to "is there anything else?" closes the conversation warmly, never hands it over."""
    turns = _turns(history)
    for (_, asked), (exchange, answer) in zip(turns, turns[1:], strict=False):
        if not _ANYTHING_ELSE.search(asked.text) or answer.signals is None:
            continue
        kinds = {a.kind for a in answer.signals.acts if not a.negated}
        done = kinds and kinds <= {"goodbye", "thank", "deny"} and kinds & {"goodbye", "deny"}
        if done and answer.state != "closed":
            return f"reply {exchange.number} did not close after the customer had nothing else: {answer.state}"
        if done and any(isinstance(a, Handoff) for a in answer.actions):
            return f"reply {exchange.number} handed over although the customer had nothing else"
    return None


def replies_stay_short(history: Sequence[Exchange], policy: Policy) -> str | None:
    """The first full refusal stays within 70 words, and no reply runs past 110.

    The refusal is counted from its reason on: a reply that first settles another request (an approved
    refund before a declined cancellation) says that first, and those words are not the refusal's. A
    question the customer asked beside the request is answered in the refusal, and may add up to 40 words.
    """
    refused = False
    for exchange, turn in _turns(history):
        words = len(turn.text.split())
        if not refused and "decline" in turn.transitions:
            refused = True
            refusal = len(" ".join(_refusal_paragraphs(turn)).split())
            asked_beside = turn.signals is not None and "aside" in turn.signals.slots
            most = MAX_REFUSAL_WORDS + (MAX_ASIDE_WORDS if asked_beside else 0)
            if refusal > most:
                return f"reply {exchange.number}, the first refusal, has {refusal} words (at most {most})"
        if words > MAX_REPLY_WORDS:
            return f"reply {exchange.number} has {words} words (at most {MAX_REPLY_WORDS})"
    return None


def _refusal_paragraphs(turn: Turn) -> list[str]:
    """The paragraphs of ``turn`` from the refusal's reason on."""
    paragraphs = turn.text.split("\n\n")
    before = turn.transitions.index("decline")
    spoken = sum(
        1
        for transition, state in zip(turn.transitions[:before], turn.states_entered[:before], strict=False)
        if SPECS[state].key_for(transition)
    )
    return paragraphs[spoken:] if spoken < len(paragraphs) else paragraphs


DEFAULT_MONITORS: tuple[Monitor, ...] = (
    Monitor("no agent text fails the tone lint", tone_is_clean),
    Monitor("compensation is offered at most once", compensation_at_most_once),
    Monitor("after a refusal the agent never says it complied", no_approval_after_refusal),
    Monitor("a closed conversation never speaks again", closed_stays_silent),
    Monitor("every reply has text", every_turn_speaks),
    Monitor("no text shows a missing value", no_missing_values),
    Monitor("no sentence is said twice", no_sentence_twice),
    Monitor("you're welcome only after thanks", welcome_only_after_thanks),
    Monitor("the agent greets first", greeting_first),
    Monitor("no to anything else closes warmly", no_after_anything_else_closes),
    Monitor("replies stay short", replies_stay_short),
)
"""The rules the plugin checks after every turn unless a project overrides ``tactful_monitors``."""


def first_violation(
    monitors: Sequence[Monitor], history: Sequence[Exchange], policy: Policy
) -> tuple[Monitor, str] | None:
    """The first rule the conversation breaks, with what broke it."""
    for monitor in monitors:
        problem = monitor.check(history, policy)
        if problem is not None:
            return monitor, problem
    return None
