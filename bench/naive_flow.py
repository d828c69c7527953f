"""Run the frozen naive flow of :mod:`bench.naive` on today's guards, effects and speech, unchanged.

The naive flow was written before conversations kept an agenda of requests; its model lacks the fields
the flow's guards and speech now read. :func:`naive_engine` gives each naive conversation those fields
with their defaults from :class:`flow.run.Run`, without editing ``bench/naive.py``: the baseline keeps
everything that makes it naive (a ``transitions`` Machine built per conversation, vaderSentiment and
better_profanity for every message, templates parsed with plain Jinja2 on every render, a validated
snapshot per turn) and does the same work of deciding and speaking as the engine.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from typing import Any

from bench import naive
from flow.policy import Policy
from flow.run import Run

_RUN_FIELDS = tuple(dataclasses.fields(Run))


class CurrentNaiveConversation(naive.NaiveConversation):
    """A naive conversation with every field of today's run, at its default."""

    def __init__(self, conversation_id: str, policy: Policy, facts: dict[str, Any], now: datetime) -> None:
        super().__init__(conversation_id, policy, facts, now)
        for field in _RUN_FIELDS:
            if hasattr(self, field.name):
                continue
            if field.default is not dataclasses.MISSING:
                setattr(self, field.name, field.default)
            elif field.default_factory is not dataclasses.MISSING:
                setattr(self, field.name, field.default_factory())


def naive_engine(policy: Policy, *, clock: Callable[[], datetime]) -> naive.NaiveEngine:
    """The naive flow for ``policy``, its conversations made with :class:`CurrentNaiveConversation`."""
    naive.NaiveConversation = CurrentNaiveConversation  # type: ignore[misc]
    return naive.NaiveEngine(policy, clock=clock)
