"""Filling the report's HTML template (Jinja2 with autoescape) from the counted data and the charts."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, StrictUndefined, Template

from flow.counting import counted, plural
from flow.report import charts
from flow.report.data import OUTCOME_LABELS, REASON_LABELS, ReportData
from flow.report.flowmap import flow_diagram, transition_rows
from flow.rubric import PRACTICES

TEMPLATE = "report.html.j2"
_KEPT = ("alternative_accepted", "compensation_accepted", "approved")


@dataclass(frozen=True, slots=True)
class CountRow:
    """A labelled count and its share of all conversations."""

    label: str
    count: int
    share: float


@dataclass(frozen=True, slots=True)
class PracticeRow:
    """How many conversations followed, missed, or had no use for one practice."""

    title: str
    passed: int
    failed: int
    not_applicable: int


@dataclass(frozen=True, slots=True)
class PhraseRow:
    """A customer message that led to an escalation, why, and how often."""

    text: str
    reason: str
    count: int


@dataclass(frozen=True, slots=True)
class UnreadRow:
    """A customer message the agent could not read, and how often it was written."""

    text: str
    count: int


@dataclass(frozen=True, slots=True)
class TurnStats:
    """Customer messages per conversation."""

    mean: float
    median: float
    longest: int


@cache
def _template() -> Template:
    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(
        thousands=lambda n: f"{n:,}",
        counted=counted,
        plural=plural,
        percent=lambda x: f"{x:.0%}",
        day=lambda moment: f"{moment:%d %b %Y}",
        moment=lambda moment: f"{moment:%d %b %Y, %H:%M %Z}".strip(),
    )
    source = resources.files("flow.report").joinpath(TEMPLATE).read_text(encoding="utf-8")
    return env.from_string(source)


def render(data: ReportData, *, title: str, anger_threshold: float = -0.5, top_phrases: int = 10) -> str:
    """The whole report page as one self-contained HTML document."""
    total = data.conversations or 1
    context: dict[str, Any] = {
        "title": title,
        "data": data,
        "idle_minutes": round(data.idle_after.total_seconds() / 60),
        "kept_customers": sum(data.outcomes[o] for o in _KEPT) / total,
        "escalation_rate": data.escalated / total,
        "outcomes": [
            CountRow(label, data.outcomes[key], data.outcomes[key] / total)
            for key, label in OUTCOME_LABELS.items()
            if data.outcomes[key]
        ],
        "reasons": [
            CountRow(REASON_LABELS.get(reason, reason), count, count / total)
            for reason, count in data.escalation_reasons.most_common()
        ],
        "transitions": transition_rows(data),
        "practices": [
            PracticeRow(
                title,
                data.rubric[practice]["passed"],
                data.rubric[practice]["failed"],
                data.rubric[practice]["not_applicable"],
            )
            for practice, title in PRACTICES.items()
        ],
        "phrases": [
            PhraseRow(text, REASON_LABELS.get(reason, reason), count)
            for (text, reason), count in data.escalation_phrases.most_common(top_phrases)
        ],
        "unread": [UnreadRow(text, count) for text, count in data.unread.most_common(top_phrases)],
        "unread_total": sum(data.unread.values()),
        "turns": TurnStats(
            mean=statistics.fmean(data.messages) if data.messages else 0.0,
            median=statistics.median(data.messages) if data.messages else 0,
            longest=max(data.messages, default=0),
        ),
        "charts": {
            "outcomes": charts.data_uri(charts.outcomes_chart(data)),
            "flow": charts.data_uri(flow_diagram(data)),
            "sentiment": charts.data_uri(
                charts.sentiment_chart(data.sentiment_curve(), anger_threshold=anger_threshold)
            ),
            "rubric": charts.data_uri(charts.rubric_chart(data)),
            "turns": charts.data_uri(charts.turns_chart(data.messages)),
        },
    }
    return _template().render(context)
