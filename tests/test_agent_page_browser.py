"""A person takes over on the agent page while the customer watches it live in the bundled widget, in Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.plugins.live_server import LiveServer, start_live_server
from tests.plugins.people import AGENT_KEYS, ALEX_KEY, always_open_policy
from tests.test_widget_browser import Widget, open_demo

pytestmark = pytest.mark.browser
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "images" / "agent-page.png"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    policy = always_open_policy(tmp_path_factory.mktemp("policy"))
    live = start_live_server(
        policy_file=policy, store_url="memory", rate_limit_per_second=0, agent_keys=AGENT_KEYS, demo=True
    )
    try:
        yield live
    finally:
        live.stop()


@pytest.fixture
def agent_page(chromium: Browser) -> Iterator[Page]:
    """A second browser, the person's, with its own cookies."""
    context = chromium.new_context(viewport={"width": 1200, "height": 760})
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    try:
        yield opened
    finally:
        context.close()


def sign_in(page: Page, server: LiveServer, key: str = ALEX_KEY) -> None:
    page.goto(f"{server.url}/agent")
    page.get_by_label("Your agent key").fill(key)
    page.get_by_role("button", name="Sign in").click()


def handed_over(page: Page, server: LiveServer) -> Widget:
    widget = open_demo(page, server)
    widget.type("I'd like a refund for my order")
    expect(widget.quick_replies).to_have_count(3)
    widget.type("I want to speak to a manager")
    expect(widget.notice).to_have_attribute("data-state", "escalated")
    return widget


def test_a_person_takes_over_answers_and_hands_back_live(
    chromium_page: Page, agent_page: Page, server: LiveServer, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    widget = handed_over(chromium_page, server)
    sign_in(agent_page, server)

    waiting = agent_page.locator("#waiting button")
    expect(waiting.filter(has_text="Dana")).to_have_count(1)
    waiting.filter(has_text="Dana").first.click()
    expect(agent_page.locator("#summary-text")).to_contain_text("Dana contacted Northwind Goods about a refund")
    agent_page.get_by_role("button", name="Take over").click()
    expect(widget.log.locator(".bubble.agent .text").last).to_have_text("You're now chatting with Alex from our team.")
    expect(widget.notice).to_have_attribute("data-state", "with_person")

    agent_page.get_by_label("Your reply to the customer").fill("Hi Dana, I'm Alex. <b>I can help</b> with this.")
    agent_page.get_by_role("button", name="Send").click()
    person = widget.log.locator(".bubble.person")
    expect(person.locator(".text")).to_have_text(["Hi Dana, I'm Alex. <b>I can help</b> with this."])
    expect(person.locator(".name")).to_have_text(["Alex"])

    widget.type("Thank you, Alex!")
    expect(agent_page.locator("#transcript .line.customer").last).to_have_text("CustomerThank you, Alex!")
    target = SCREENSHOT if request.config.getoption("--update-screenshots") else tmp_path / "agent-page.png"
    agent_page.screenshot(path=str(target))
    agent_page.get_by_role("button", name="Hand back to the agent").click()

    expect(widget.log.locator(".bubble.agent .text").last).to_contain_text("I'm back with you now")
    expect(widget.quick_replies).to_have_text(["That's all, thanks"])
    expect(agent_page.locator("#active button")).to_have_count(0)
    assert widget.root.locator("b").count() == 0


def test_the_agent_page_needs_the_right_key(agent_page: Page, server: LiveServer) -> None:
    sign_in(agent_page, server, key="not the right key at all")

    expect(agent_page.get_by_role("alert")).to_have_text("That key is not right. Check it and try again.")
    assert agent_page.locator("#waiting").count() == 0


def test_a_person_can_close_the_conversation(chromium_page: Page, agent_page: Page, server: LiveServer) -> None:
    widget = handed_over(chromium_page, server)
    sign_in(agent_page, server)
    agent_page.locator("#waiting button").filter(has_text="Dana").first.click()
    agent_page.get_by_role("button", name="Take over").click()
    expect(widget.notice).to_have_attribute("data-state", "with_person")

    agent_page.get_by_role("button", name="Close the conversation").click()

    expect(widget.notice).to_contain_text("This conversation has ended.")
    expect(widget.input).to_be_disabled()
