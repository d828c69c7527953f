"""Prometheus metrics for one app: turns, outcomes, escalations by reason and turn latency."""

from __future__ import annotations

from typing import Literal

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest

from flow.models import Close, Conversation, Turn

Channel = Literal["http", "websocket", "rasa", "socketio"]

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


class ServerMetrics:
    """The counters and histogram one app exposes at ``/metrics``, in a registry of its own."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.turns = Counter(
            "tactful_turns",
            "Customer messages answered (and conversations started), by policy and channel.",
            ["policy", "channel"],
            registry=self.registry,
        )
        self.outcomes = Counter(
            "tactful_outcomes",
            "Conversations that ended, by policy and outcome.",
            ["policy", "outcome"],
            registry=self.registry,
        )
        self.escalations = Counter(
            "tactful_escalations",
            "Turns that escalated a conversation to a person, by policy and reason.",
            ["policy", "reason"],
            registry=self.registry,
        )
        self.turn_seconds = Histogram(
            "tactful_turn_seconds",
            "Time to load, run and save one turn, by channel.",
            ["channel"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self._children: dict[tuple[str, Channel], tuple[Counter, Histogram]] = {}

    def record(self, conversation: Conversation, turn: Turn, *, seconds: float, channel: Channel) -> None:
        """Count one turn and what it led to."""
        policy = conversation.policy
        turns, latency = self._per_turn(policy, channel)
        turns.inc()
        latency.observe(seconds)
        for action in turn.actions:
            if isinstance(action, Close):
                self.outcomes.labels(policy=policy, outcome=action.outcome).inc()
        if "escalated" in turn.states_entered:
            reason = conversation.escalation_reason or "unknown"
            self.escalations.labels(policy=policy, reason=reason).inc()

    def _per_turn(self, policy: str, channel: Channel) -> tuple[Counter, Histogram]:
        # Looking a labelled child up takes a lock and builds a key; every turn needs the same two.
        key = (policy, channel)
        found = self._children.get(key)
        if found is None:
            found = self.turns.labels(policy=policy, channel=channel), self.turn_seconds.labels(channel=channel)
            self._children[key] = found
        return found

    def render(self) -> bytes:
        """The metrics in Prometheus text format."""
        return generate_latest(self.registry)
