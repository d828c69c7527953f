"""The support lead's report: rendered from a seeded store, checked for its content, and looked at in Chromium."""

from __future__ import annotations

import base64
import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from markupsafe import escape
from playwright.sync_api import Page
from typer.testing import CliRunner

import flow.cli.commands_report  # noqa: F401  (registers ``report``)
from flow import Engine, Policy, Signals
from flow.cli.app import app
from flow.report import build_report, gather, write_report
from flow.rubric import PRACTICES
from flow.service import ConversationService
from flow.simulate import simulate
from flow.stores import SqliteStore
from flow.transcripts import read_records, record
from tests.plugins.engines import DANA, IN_HOURS, Scripted

HOSTILE = "<script>alert('x')</script> get me a manager"
NOW = IN_HOURS + timedelta(hours=2)
SCREENSHOT = Path(__file__).parents[1] / "docs" / "images" / "report.png"


@pytest.fixture
def seeded(tmp_path: Path, retail: Policy, scripted: Scripted) -> Path:
    """A SQLite store with one conversation of each kind the report counts."""
    scripted.script[HOSTILE] = Signals(intent="ask_human", confidence=0.9, sentiment=-0.3)
    path = tmp_path / "tactful.db"
    moment = [IN_HOURS]
    with SqliteStore(path) as store:
        service = ConversationService(Engine(retail, clock=lambda: moment[0], understander=scripted), store)

        def chat(*replies: str, facts: dict[str, object] = DANA, quick: bool = False) -> None:
            started = service.start(facts=facts, message="I want a refund")
            for reply in replies:
                kind = "quick_reply" if quick else "text"
                service.reply(started.conversation.id, token=started.token, **{kind: reply})

        chat(facts={**DANA, "days_since_purchase": 10})
        chat("alternative:store_credit", quick=True)
        chat("get me a manager")
        chat(HOSTILE)
        chat("you useless idiot", "you useless idiot")
        chat()
        moment[0] = NOW - timedelta(minutes=5)
        chat()
    return path


def row(html: str, label: str) -> str:
    found = re.search(rf"<tr><td>{re.escape(label)}</td><td class=\"num\">([\d,]+)</td>", html)
    assert found, f"no row for {label!r}"
    return found.group(1)


def test_the_report_counts_outcomes_escalations_and_phrasings(seeded: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    with SqliteStore(seeded) as store:
        data = write_report(store, out, now=NOW)
    html = out.read_text()

    assert data.conversations == 7
    assert row(html, "Approved (policy allowed it)") == "1"
    assert row(html, "Alternative accepted") == "1"
    assert row(html, "Escalated to a person") == "2"
    assert row(html, "Closed after abuse") == "1"
    assert row(html, "Abandoned (open and idle)") == "1"
    assert row(html, "In progress") == "1"
    assert row(html, "Asked for a person") == "2"
    assert re.search(r"“get me a manager”</td><td>Asked for a person</td><td class=\"num\">1</td>", html)
    assert '<code>escalate_request</code></td><td>escalated</td><td class="num">2</td>' in html
    assert "7 of 7 conversations followed every practice that applied" in html


def test_text_is_escaped_and_the_page_needs_nothing_else(seeded: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    with SqliteStore(seeded) as store:
        write_report(store, out, now=NOW, title="<b>Refunds</b> & returns")
    html = out.read_text()

    assert "<h1>&lt;b&gt;Refunds&lt;/b&gt; &amp; returns</h1>" in html
    assert "“script alert &#39;x&#39; script get me a manager”" in html
    assert "<script" not in html
    assert "<b>" not in html
    assert not re.search(r"""(src|href)=["']https?:""", html)
    images = re.findall(r'<img class="chart" src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert len(images) == 5
    assert all(base64.b64decode(image).decode().lstrip().startswith("<?xml") for image in images)


def test_the_report_lists_the_messages_the_agent_could_not_read(retail: Policy, scripted: Scripted) -> None:
    engine = Engine(retail, clock=lambda: IN_HOURS, understander=scripted)
    conversation, first = engine.start(facts=DANA, message="I want a refund")
    turns = [first]
    for text in ("Hmm, no idea", "HMM no idea!", "??", "yes"):
        conversation, turn = engine.reply(conversation, text)
        turns.append(turn)

    html, data = build_report([record(conversation, turns, retail)], now=NOW)

    assert data.unread == {"hmm no idea": 2, "??": 1}
    assert "In 3 of 5 typed customer messages the agent could read nothing at all" in html
    assert '“hmm no idea”</td><td class="num">2</td>' in html


def test_an_open_conversation_counts_as_abandoned_only_once_idle(seeded: Path) -> None:
    with SqliteStore(seeded) as store:
        records = list(read_records(store))

    soon = gather(records, now=NOW, idle_after=timedelta(hours=3))
    later = gather(records, now=NOW + timedelta(days=1), idle_after=timedelta(hours=3))

    assert (soon.outcomes["abandoned"], soon.outcomes["in_progress"]) == (0, 2)
    assert (later.outcomes["abandoned"], later.outcomes["in_progress"]) == (2, 0)


def test_an_empty_store_still_makes_a_page(tmp_path: Path) -> None:
    html, data = build_report([], now=NOW)

    assert data.conversations == 0
    assert "No conversation was escalated." in html
    assert html.count('<img class="chart"') == 5


def test_the_rubric_lists_every_practice_and_what_each_missed_one_got_wrong(retail: Policy) -> None:
    engine = Engine(retail, clock=lambda: IN_HOURS)
    conversation, first = engine.start(facts=DANA, message="I want a refund")
    conversation, asked = engine.reply(conversation, "get me a manager")
    ignored = asked.model_copy(update={"actions": [], "text": "Would store credit or an exchange work for you?"})

    html, data = build_report([record(conversation, [first, ignored], retail)], now=NOW)

    assert all(f"<tr><td>{escape(title)}</td>" in html for title in PRACTICES.values())
    assert data.full_marks == 0
    missed = "Escalated when it was needed (turn 2: the customer asked for a person, and nobody was brought in)"
    assert f"<td>{missed}</td>" in html


def test_the_command_writes_the_report(seeded: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"

    result = CliRunner().invoke(app, ["report", "--store", f"sqlite:///{seeded}", "--out", str(out)])

    assert result.exit_code == 0, result.output
    assert f"wrote {out}: 7 conversations, mean rubric score 1.00" in result.stdout
    assert "How our refusals went" in out.read_text()


def test_the_command_refuses_a_store_it_cannot_open(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", "--store", "mysql://db", "--out", str(tmp_path / "r.html")])

    assert result.exit_code == 2
    assert "cannot open a store from 'mysql://db'" in result.output
    assert not (tmp_path / "r.html").exists()


@pytest.mark.browser
def test_the_report_renders_in_chromium_with_every_chart(chromium_page: Page, retail: Policy, tmp_path: Path) -> None:
    result = simulate(retail, conversations=1000, seed=1, keep=True)
    records = [record(p.conversation, p.turns, retail) for p in result.played]
    html, _ = build_report(records, now=max(p.conversation.updated_at for p in result.played))
    page_file = tmp_path / "report.html"
    page_file.write_text(html, encoding="utf-8")
    errors: list[str] = []
    chromium_page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    chromium_page.on("pageerror", lambda error: errors.append(str(error)))
    chromium_page.set_viewport_size({"width": 1280, "height": 900})

    chromium_page.goto(page_file.as_uri(), wait_until="load")

    charts = chromium_page.eval_on_selector_all(
        "img.chart", "images => images.map(i => [i.complete, i.naturalWidth, i.getBoundingClientRect().height])"
    )
    assert len(charts) == 5
    assert all(complete and width > 0 and height > 100 for complete, width, height in charts)
    size = chromium_page.evaluate("[document.body.scrollWidth, document.body.scrollHeight]")
    assert size[0] <= 1280
    assert size[1] > 2000
    assert errors == []
    shot = SCREENSHOT if os.environ.get("TACTFUL_UPDATE_SCREENSHOTS") else tmp_path / "report.png"
    chromium_page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 50_000
