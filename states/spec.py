"""What a state module declares: what the agent says there, and whether it waits for the customer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from flow.vocabulary import StateName

Buttons = Literal["none", "alternatives", "yes_no", "callback", "done", "requests", "satisfaction", "repair", "switch"]


@dataclass(frozen=True, slots=True)
class StateSpec:
    """One conversation state as data.

    ``says`` maps the name of the transition that entered the state to the template key the agent
    says; ``"*"`` is the key for any other transition, and an empty key says nothing (a step that only
    passes the message on). ``templates`` holds the default variants of each
    key; a policy may override any key. ``waits`` tells whether the state waits for the customer or
    chains on within the same turn.
    """

    name: StateName
    summary: str
    waits: bool
    says: Mapping[str, str]
    templates: Mapping[str, tuple[str, ...]]
    buttons: Mapping[str, Buttons] = field(default_factory=dict)
    silent: frozenset[str] = frozenset()
    """Transitions into this state after which the agent says nothing at all."""

    def key_for(self, transition: str) -> str:
        """The template key the agent says when ``transition`` enters this state."""
        key = self.says.get(transition)
        return self.says["*"] if key is None else key

    def buttons_for(self, transition: str) -> Buttons:
        """Which quick replies go with the text said after ``transition``."""
        return self.buttons.get(transition) or self.buttons.get("*") or "none"
