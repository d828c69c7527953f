"""The support lead's report: one self-contained HTML page about how refusals went.

It shows outcomes (and why conversations escalated), the flow with how many conversations took each
transition, sentiment across turns, rubric scores, the customer phrasings that most often led to an
escalation, and conversation lengths. Charts are SVG drawn by matplotlib and embedded as ``data:``
images, so the page needs nothing else to display.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flow.report.data import ReportData, gather
from flow.report.render import render
from flow.stores.base import Store
from flow.transcripts import ConversationRecord, PolicyBook, read_records

__all__ = ["ReportData", "build_report", "gather", "render", "write_report"]

DEFAULT_TITLE = "How our refusals went"


def build_report(
    records: Iterable[ConversationRecord],
    *,
    now: datetime | None = None,
    title: str = DEFAULT_TITLE,
    idle_after: timedelta = timedelta(minutes=30),
    anger_threshold: float = -0.5,
) -> tuple[str, ReportData]:
    """The report's HTML for ``records``, and the counts it shows.

    ``now`` is the moment open conversations are judged at (the real time when not given); the page
    always says it was generated at the real time.
    """
    generated_at = datetime.now(UTC)
    data = gather(records, now=now or generated_at, idle_after=idle_after, generated_at=generated_at)
    return render(data, title=title, anger_threshold=anger_threshold), data


def write_report(
    store: Store,
    out: Path,
    *,
    since: datetime | None = None,
    policies: PolicyBook | None = None,
    now: datetime | None = None,
    title: str = DEFAULT_TITLE,
    idle_after: timedelta = timedelta(minutes=30),
) -> ReportData:
    """Write the report of every conversation in ``store`` (updated since ``since``) to ``out``."""
    html, data = build_report(
        read_records(store, since=since, policies=policies), now=now, title=title, idle_after=idle_after
    )
    out.write_text(html, encoding="utf-8")
    return data
