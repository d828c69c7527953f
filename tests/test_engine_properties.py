"""Properties of the engine under any sequence of customer messages, quick replies and clock moves.

A hypothesis state machine plays a customer who types anything at all (any Unicode, nothing, 100 KB,
control characters, emoji, other languages, real phrases), clicks offered and made-up quick replies,
and lets time pass in and out of office hours. The real understanding step reads every message.
After every step the rules below must hold; a failure prints the shortest sequence that breaks one.
"""

from __future__ import annotations

import copy
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from flow import Conversation, ConversationClosed, Engine, InvalidMessage, Policy, TactfulError, Turn, load_policy
from flow.loading import validate_policy
from flow.models import IssueCompensation
from flow.testing.clock import ScenarioClock
from flow.tone import lint
from flow.understanding import Understander

RETAIL = load_policy("retail")
UNDERSTANDER = Understander()
"""One real understanding step for every example, so its weights load once."""

FACTS: list[dict[str, Any]] = [
    {},
    {"customer_name": "Dana", "order_id": "A-1001", "days_since_purchase": 45},
    {"customer_name": "Dana", "order_id": "A-1001", "days_since_purchase": 10},
    {"customer_name": "Priya", "order_id": "B-5521", "days_since_purchase": 52, "loyalty_tier": "gold"},
    {"customer_name": "Alex", "order_id": "C-7788", "dispatched": True},
    {"customer_name": "Alex", "order_id": "C-7788", "dispatched": False},
    {"customer_name": "Sam"},
]
"""What the host may know: nothing, a late refund, an allowed one, a loyal customer, a dispatched order…"""

PHRASES: list[str] = [
    "I want a refund",
    "I'd like a refund for my order please",
    "Can I get my money back?",
    "I want to cancel my order",
    "Please cancel order A-1001",
    "why?",
    "Why not? That makes no sense",
    "What is your refund policy?",
    "I still want my money back",
    "I don't care, refund me",
    "Let me speak to a manager",
    "Can I talk to a real person please",
    "yes",
    "yes please, store credit is fine",
    "An exchange would be great",
    "no",
    "No thanks, I don't want any of that",
    "thanks, bye",
    "Thank you for your help",
    "This is a disgrace, worst service ever",
    "I am absolutely furious about this",
    "you useless idiot",
    "I'll see you in court",
    "I'm going to report you to trading standards",
    "it's A-1001",
    "order B-5521",
    "about 10 days ago",
    "45 days ago",
    "It was dispatched yesterday",
    "It hasn't been sent yet",
    "my email is dana@example.com and my card is 4111 1111 1111 1111",
    "call me on +44 20 7946 0958",
    "hello",
    "hmm",
    "ok",
    "Quiero un reembolso, por favor",
    "Je voudrais être remboursé",
    "Ich möchte mein Geld zurück",
    "返金してください",
    "أريد استرداد أموالي",
    "😡😡😡",
    "👍",
    "I want a refund 🙏",
    "REFUND NOW",
    "<script>alert(1)</script>",
    "{{ 7 * 7 }} {% for x in range(3) %}x{% endfor %}",
    "{{ ''.__class__.__mro__ }}",
    "Robert'); DROP TABLE conversations;--",
]
"""Messages real customers send, and a few that try to break things."""

REFUSED: list[str] = [
    "",
    " ",
    "\t\n  \r\n",
    "\x00",
    "hello\x07there",
    "\x1b[31mred\x1b[0m",
    "\ud800",
    "half a pair \udfff",
    "a" * 100_000,
    "🙂" * 25_000,
    "x" * 2_001,
]
"""Empty, blank, control characters, lone surrogates, 100 KB, just over the limit: each must be refused."""

ODD: list[str] = [
    *REFUSED,
    "\u200b",
    "e\u0301" * 10,
    "\u202eevil",
    "\ufeffhello",
    "x" * 2_000,
    "\U0001f3f3\ufe0f\u200d\U0001f308",
]
"""The refused ones plus oddities that are text all the same: invisible, combining, RTL, at the limit."""

KNOWN_PAYLOADS = ["accept", "reject", "thank_close", "alternative:store_credit", "alternative:exchange",
                  "alternative:free_return", "alternative:nonexistent", "request:refund", "request:cancel",
                  "request:nothing", "", " ", "ACCEPT", "alternative:", "x" * 300]  # fmt: skip
"""Quick-reply payloads a client might send whether or not they are on offer."""

messages = st.one_of(
    st.sampled_from(PHRASES),
    st.sampled_from(ODD),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=60).map(lambda s: f"I want a refund {s}"),
    st.lists(st.sampled_from(PHRASES), min_size=2, max_size=4).map(" ".join),
)


class ConversationMachine(RuleBasedStateMachine):
    """One customer after another talking to one engine; the rules are checked after every step."""

    policy: Policy = RETAIL

    def __init__(self) -> None:
        super().__init__()
        self.clock = ScenarioClock()
        self.clock.use_policy(self.policy)
        self.engine = Engine(self.policy, clock=self.clock.now, understander=UNDERSTANDER)
        self.states = set(self.engine.machine.states)
        self.conversation: Conversation | None = None
        self.turns: list[Turn] = []

    @initialize(facts=st.sampled_from(FACTS), first=st.none() | messages)
    def start(self, facts: dict[str, Any], first: str | None) -> None:
        self.open(facts, first)

    def open(self, facts: dict[str, Any], first: str | None) -> None:
        try:
            conversation, turn = self.engine.start(facts=facts, message=first)
        except InvalidMessage:
            conversation, turn = self.engine.start(facts=facts)
        assert conversation.version == 1
        assert turn.number == 1
        self.conversation, self.turns = conversation, [turn]

    @rule(text=messages)
    def say(self, text: str) -> None:
        self.attempt(text=text)

    @rule(data=st.data())
    def click_an_offered_quick_reply(self, data: st.DataObject) -> None:
        assert self.conversation is not None
        offered = self.conversation.quick_replies
        if not offered:
            self.attempt(quick_reply="accept")
            return
        self.attempt(quick_reply=data.draw(st.sampled_from(offered), label="payload"))

    @rule(payload=st.sampled_from(KNOWN_PAYLOADS) | st.text(max_size=40))
    def click_any_payload(self, payload: str) -> None:
        self.attempt(quick_reply=payload)

    @rule(text=st.sampled_from(PHRASES), payload=st.sampled_from(KNOWN_PAYLOADS))
    def send_text_and_payload_together(self, text: str, payload: str) -> None:
        self.attempt(text=text, quick_reply=payload, expect_refusal=True)

    @rule(hours=st.integers(min_value=0, max_value=72), minutes=st.integers(min_value=0, max_value=59))
    def let_time_pass(self, hours: int, minutes: int) -> None:
        self.clock.advance(timedelta(hours=hours, minutes=minutes))

    @rule()
    def move_out_of_hours(self) -> None:
        self.clock.move_out_of_hours(self.policy)

    @rule()
    def move_into_hours(self) -> None:
        self.clock.move_into_hours(self.policy)

    @precondition(lambda self: self.conversation is not None and self.conversation.closed)
    @rule(facts=st.sampled_from(FACTS), first=st.none() | st.sampled_from(PHRASES))
    def next_customer(self, facts: dict[str, Any], first: str | None) -> None:
        self.open(facts, first)

    def attempt(self, *, text: str | None = None, quick_reply: str | None = None, expect_refusal: bool = False) -> None:
        """Send one message; a refusal must be a documented error that changed nothing."""
        before = self.conversation
        assert before is not None
        kept = copy.deepcopy(before)
        dumped = before.model_dump_json()
        refused: TactfulError | None = None
        try:
            after, turn = self.engine.reply(before, text, quick_reply=quick_reply)
        except TactfulError as error:
            refused = error
        if refused is not None:
            assert str(refused)
            assert before.model_dump_json() == dumped, "a refused message changed the snapshot it was given"
            assert before == kept
            expected = ConversationClosed if before.closed else InvalidMessage
            assert isinstance(refused, expected), refused
            return
        assert not expect_refusal, "a message with both text and a quick reply was accepted"
        assert before.model_dump_json() == dumped, "reply() changed the snapshot it was given"
        assert not before.closed, "a closed conversation accepted a message"
        assert after.id == before.id
        assert after.version == before.version + 1
        assert turn.number == after.version
        assert turn.conversation_id == after.id
        self.conversation = after
        self.turns.append(turn)

    @invariant()
    def state_is_one_of_the_policys(self) -> None:
        if self.conversation is not None:
            assert self.conversation.state in self.states
            assert set(self.turns[-1].states_entered) <= self.states

    @invariant()
    def every_agent_text_is_polite(self) -> None:
        if not self.turns:
            return
        turn = self.turns[-1]
        assert turn.text.strip(), "the agent said nothing"
        assert turn.messages
        for message in turn.messages:
            problems = lint(
                message,
                banned=self.policy.tone.banned_phrases,
                min_reading_ease=self.policy.tone.min_reading_ease,
            )
            assert not problems, f"{problems} in {message!r}"

    @invariant()
    def compensation_is_offered_at_most_once(self) -> None:
        offers = [t.number for t in self.turns if "offer_compensation" in t.transitions]
        issued = [t.number for t in self.turns for a in t.actions if isinstance(a, IssueCompensation)]
        assert len(offers) <= 1, f"compensation offered in turns {offers}"
        assert len(issued) <= 1, f"compensation issued in turns {issued}"
        if offers and self.conversation is not None:
            assert self.conversation.counters.compensation_offered

    @invariant()
    def the_turn_limit_ends_the_conversation(self) -> None:
        if self.conversation is None:
            return
        if self.conversation.counters.turns >= self.policy.max_turns:
            assert self.conversation.state in ("closed", "escalated"), (
                f"{self.conversation.counters.turns} customer messages and still {self.conversation.state}"
            )

    @invariant()
    def versions_count_the_turns(self) -> None:
        if self.conversation is None:
            return
        assert [t.number for t in self.turns] == list(range(1, len(self.turns) + 1))
        assert self.conversation.version == len(self.turns)

    @invariant()
    def snapshots_and_turns_round_trip_through_json(self) -> None:
        if self.conversation is None:
            return
        assert Conversation.model_validate_json(self.conversation.model_dump_json()) == self.conversation
        last = self.turns[-1]
        assert Turn.model_validate_json(last.model_dump_json()) == last


class ShortConversationMachine(ConversationMachine):
    """The same customer against a policy that allows only three customer messages."""

    policy = validate_policy({**RETAIL.model_dump(mode="json", by_alias=True), "max_turns": 3})


TestRetailConversations = ConversationMachine.TestCase
TestShortConversations = ShortConversationMachine.TestCase


def test_the_turn_limit_is_reached_by_a_customer_who_never_settles() -> None:
    """Without hypothesis: a customer who keeps going round gets a person, not an endless loop: one the
    agent cannot read is handed over well before the turn limit."""
    clock = ScenarioClock()
    clock.use_policy(RETAIL)
    engine = Engine(RETAIL, clock=clock.now, understander=UNDERSTANDER)
    conversation, _ = engine.start(facts={"customer_name": "Sam"})
    for _ in range(RETAIL.max_turns):
        if conversation.state in ("closed", "escalated"):
            break
        conversation, _ = engine.reply(conversation, "hmm")
    assert conversation.state == "escalated"
    assert conversation.escalation_reason == "unclear"
    assert conversation.counters.turns < RETAIL.max_turns


def test_an_abusive_message_at_the_turn_limit_still_ends_the_conversation() -> None:
    """The shortest case the state machine found: the third message of three is abusive."""
    engine = Engine(ShortConversationMachine.policy, understander=UNDERSTANDER)
    conversation, _ = engine.start(facts={})
    for text in ("Please cancel order A-1001", "What is your refund policy?", "you useless idiot"):
        conversation, turn = engine.reply(conversation, text)
    assert conversation.counters.turns == ShortConversationMachine.policy.max_turns
    assert conversation.state in ("closed", "escalated"), turn.transitions


@pytest.mark.parametrize("text", REFUSED, ids=lambda text: repr(text[:12]))
def test_odd_messages_are_refused_with_a_reason_and_change_nothing(text: str) -> None:
    engine = Engine(RETAIL, understander=UNDERSTANDER)
    conversation, _ = engine.start(facts={"customer_name": "Sam"})
    before = conversation.model_dump_json()
    with pytest.raises(InvalidMessage, match="message not accepted: .+"):
        engine.reply(conversation, text)
    assert conversation.model_dump_json() == before
