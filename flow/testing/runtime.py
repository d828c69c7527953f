"""Policies and engines shared by every scenario of a test run, each loaded or built only once.

Building an engine compiles every template of its policy, which takes a noticeable fraction of a
second, so scenarios share one engine per policy and understanding step. Each engine reads the time
from a :class:`ClockSlot` that the scenario about to call it fills in first; test runs call engines
from one thread, so the slot always holds the calling scenario's clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from flow.engine import Engine, Understander
from flow.loading import load_policy
from flow.models import Signals
from flow.policy import Policy

Now = Callable[[], datetime]


class ClockSlot:
    """The clock an engine reads: whichever scenario clock was put in last."""

    def __init__(self) -> None:
        self.read: Now = lambda: datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.read()


@dataclass(frozen=True, slots=True)
class LoadedPolicy:
    """A policy and where it came from (``bundled:retail`` or a resolved file path)."""

    policy: Policy
    source: str

    @property
    def key(self) -> str:
        """How coverage and reports name this policy: ``retail (bundled:retail)``."""
        return f"{self.policy.name} ({self.source})"


if TYPE_CHECKING:
    from flow.understanding.context import Context


class SharedUnderstander:
    """tactful's default understanding step, created on the first message that needs it.

    Scenarios that only click quick replies never load the intent model.
    """

    def __init__(self) -> None:
        self._inner: Understander | None = None

    def understand(self, text: str, context: Context | None = None) -> Signals:
        """The signals in one message, from :class:`flow.understanding.Understander`."""
        if self._inner is None:
            from flow.understanding import Understander as Default

            self._inner = Default()
        return self._inner.understand(text, context)


_POLICIES: dict[tuple[str, int, int], LoadedPolicy] = {}
_ENGINES: dict[tuple[int, int], tuple[Engine, ClockSlot]] = {}


def resolve_policy(source: str, *, search: list[Path]) -> LoadedPolicy:
    """Load ``source``: a file path (tried relative to each folder of ``search``) or a bundled name."""
    candidates = [Path(source)] if Path(source).is_absolute() else [folder / source for folder in search]
    for candidate in candidates:
        if candidate.is_file():
            resolved = candidate.resolve()
            stat = resolved.stat()
            key = (str(resolved), stat.st_mtime_ns, stat.st_size)
            if key not in _POLICIES:
                _POLICIES[key] = LoadedPolicy(load_policy(resolved), str(resolved))
            return _POLICIES[key]
    if Path(source).suffix:
        tried = "\n".join(f"  - {candidate}" for candidate in candidates)
        raise FileNotFoundError(f"no policy file {source!r}; looked for:\n{tried}")
    key = (f"bundled:{source}", 0, 0)
    if key not in _POLICIES:
        _POLICIES[key] = LoadedPolicy(load_policy(source), f"bundled:{source}")
    return _POLICIES[key]


def engine_for(loaded: LoadedPolicy, understander: Understander) -> tuple[Engine, ClockSlot]:
    """The engine every scenario shares for this policy and understanding step, and its clock slot."""
    # policies stay cached for the whole run, so their ids are stable keys
    key = (id(loaded.policy), id(understander))
    if key not in _ENGINES:
        slot = ClockSlot()
        _ENGINES[key] = (Engine(loaded.policy, clock=slot, understander=understander), slot)
    return _ENGINES[key]
