"""What a simulated customer does with one message, and what a good reader would find in it.

A :class:`Move` names the phrase it is written from (or the button it clicks) and the acts it means,
as act labels (``choose:store_credit``, ``reject:all``, ``provide:order_id``, a kind alone for any
target) or the flags ``irony``, ``abusive`` and ``threat``. :func:`read_as_meant` checks the real
understanding step's signals against them; that is how the simulator finds the messages the agent
misread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flow.models import Signals

FLAGS = {"irony": "complain", "abusive": "abuse", "threat": "threat"}
"""Labels that a flag of the signals satisfies, and the act kind that satisfies them too."""


@dataclass(frozen=True, slots=True)
class Move:
    """One customer message: the phrase or button, what it is about, and what it means."""

    kind: str
    symbol: str = ""
    click: str | None = None
    target: str | None = None
    other: str | None = None
    meant: tuple[str, ...] = ()
    progress: bool = False
    """Whether a good agent moves the conversation on after it (answers the choice, takes the fact)."""
    tags: frozenset[str] = field(default_factory=frozenset)
    """What else shaped the text: ``fixed`` (a corrected order number), ``exact`` (a precise date)."""
    words: Move | None = None
    """For a click, the typed message that says the same, for when the button is no longer on offer."""

    @property
    def typed(self) -> bool:
        """Whether the customer typed the message (rather than clicking a button)."""
        return self.click is None


def typed(
    kind: str,
    symbol: str,
    *meant: str,
    target: str | None = None,
    other: str | None = None,
    progress: bool = False,
    tags: frozenset[str] = frozenset(),
) -> Move:
    """A typed message written from ``symbol``."""
    return Move(kind, symbol, None, target, other, tuple(meant), progress, tags)


def clicked(kind: str, payload: str, *, words: Move, target: str | None = None) -> Move:
    """A click on the quick reply ``payload`` (buttons are never misread); ``words`` is what the customer
    types instead when the button is gone."""
    return Move(kind, "", payload, target, None, (), progress=True, words=words.words or words)


def read_as_meant(move: Move, signals: Signals) -> bool | None:
    """Whether ``signals`` hold one of the acts ``move`` means; ``None`` when it means nothing in particular."""
    if not move.meant:
        return None
    for label in move.meant:
        if label in FLAGS:
            if getattr(signals, label):
                return True
            label = FLAGS[label]
        kind, _, target = label.partition(":")
        for act in signals.acts:
            if act.negated or act.kind != kind:
                continue
            if not target or act.target == target or (act.target is None and target in act.candidates):
                return True
    return False


def unread(signals: Signals) -> bool:
    """Whether the understanding step found nothing at all in the message."""
    return all(act.kind == "unknown" for act in signals.acts) and not (signals.facts or signals.malformed)
