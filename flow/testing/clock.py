"""The clock a scenario controls: a fixed moment in the policy's time zone that only steps move."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flow.policy import WEEKDAYS, Policy

DEFAULT_DAY = date(2026, 3, 3)
"""Scenarios start on Tuesday 3 March 2026 unless a step says otherwise."""
DEFAULT_TIME = time(10, 0)
"""…at 10:00 in the policy's time zone."""
DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def parse_clock(text: str) -> time:
    """``"20:30"`` → ``time(20, 30)``; raise ``ValueError`` with the expected form otherwise."""
    hours, _, minutes = text.partition(":")
    try:
        return time(int(hours), int(minutes))
    except ValueError:
        raise ValueError(f"{text!r} is not a time of day; write it as HH:MM, like 09:30 or 20:30") from None


class ScenarioClock:
    """Now, as the scenario says: a local date and time in the policy's zone, moved only on purpose.

    Until a policy is chosen the zone is UTC; choosing a policy keeps the local date and time and
    moves them into the policy's zone, so ``Given it is 20:30 in the policy's time zone`` means the
    same whichever order the Given steps come in.
    """

    def __init__(self) -> None:
        self._local = datetime.combine(DEFAULT_DAY, DEFAULT_TIME)
        self._zone: ZoneInfo | None = None
        self._offset = timedelta(0)

    @property
    def zone(self) -> ZoneInfo:
        """The zone local times are read in: the policy's, or UTC before a policy is chosen."""
        return self._zone or ZoneInfo("UTC")

    def use_policy(self, policy: Policy) -> None:
        """Read local times in ``policy``'s time zone from now on."""
        self._zone = policy.zone

    def now(self) -> datetime:
        """The current moment, timezone-aware in UTC (what the engine's clock returns)."""
        return (self._local.replace(tzinfo=self.zone) + self._offset).astimezone(UTC)

    def local(self) -> datetime:
        """The current moment in the scenario's zone."""
        return self.now().astimezone(self.zone)

    def set_time(self, clock: time) -> None:
        """Keep the day, change the time of day."""
        self._settle()
        self._local = datetime.combine(self._local.date(), clock)

    def set_day(self, day_name: str, clock: time) -> None:
        """Move to the given weekday of the scenario's week (Monday to Sunday) at ``clock``."""
        self._settle()
        monday = self._local.date() - timedelta(days=self._local.weekday())
        self._local = datetime.combine(monday + timedelta(days=DAY_NAMES.index(day_name.lower())), clock)

    def set_date(self, when: date, clock: time) -> None:
        """Move to an exact local date and time."""
        self._settle()
        self._local = datetime.combine(when, clock)

    def advance(self, delta: timedelta) -> None:
        """Let time pass (real elapsed time: across a clock change, local hours shift)."""
        self._offset += delta

    def move_out_of_hours(self, policy: Policy) -> None:
        """Move forward to the next moment when nobody is there to take over (usually closing time)."""
        self._find(policy, wanted=False)

    def move_into_hours(self, policy: Policy) -> None:
        """Move forward to the next moment when a person can take over (now, if they already can)."""
        self._find(policy, wanted=True)

    def _find(self, policy: Policy, *, wanted: bool) -> None:
        handoff = policy.escalation.handoff
        open_days = {WEEKDAYS.index(day) for day in handoff.hours.days}
        self._settle()
        start = self._local.replace(minute=0 if self._local.minute < 30 else 30, second=0, microsecond=0)
        for step in range(8 * 48):
            candidate = start + timedelta(minutes=30 * step)
            is_open = (
                handoff.available
                and candidate.weekday() in open_days
                and handoff.hours.start <= candidate.time() < handoff.hours.end
            )
            if is_open == wanted:
                self._local = max(candidate, self._local)
                return
        state = "open" if wanted else "closed"
        raise ValueError(f"the policy's team is never {state}; check escalation.handoff in the policy")

    def _settle(self) -> None:
        if self._offset:
            self._local = self.local().replace(tzinfo=None)
            self._offset = timedelta(0)
