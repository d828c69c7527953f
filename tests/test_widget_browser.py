"""The ``<tactful-chat>`` widget in real headless Chromium against a real server."""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Dialog, Locator, Page, WebSocketRoute, expect

from tests.plugins.live_server import LiveServer, start_live_server

pytestmark = pytest.mark.browser

XSS = "<img src=x onerror=alert(1)>"
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "images" / "widget.png"


class Widget:
    """The chat widget on a page, seen the way a visitor sees it."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.root = page.locator("tactful-chat")
        self.log = self.root.locator('[role="log"]')
        self.input = self.root.locator("textarea")
        self.quick_replies = self.root.locator(".quick button")
        self.notice = self.root.locator(".notice")

    def agent_bubbles(self) -> Locator:
        return self.log.locator(".bubble.agent .text")

    def customer_bubbles(self) -> Locator:
        return self.log.locator(".bubble.customer .text")

    def type(self, text: str) -> None:
        self.input.fill(text)
        self.input.press("Enter")

    def wait_for_agent_bubbles(self, count: int) -> None:
        expect(self.agent_bubbles()).to_have_count(count, timeout=10_000)


def open_demo(page: Page, server: LiveServer) -> Widget:
    page.set_default_timeout(10_000)
    page.goto(f"{server.url}/")
    widget = Widget(page)
    expect(widget.agent_bubbles().first).to_contain_text("Dana")
    return widget


def record_dialogs(page: Page) -> list[str]:
    seen: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return seen


def test_a_refusal_conversation_with_quick_replies(chromium_page: Page, live_server: LiveServer) -> None:
    widget = open_demo(chromium_page, live_server)

    widget.type("I'd like a refund for my order")
    expect(widget.quick_replies).to_have_text(["Store credit", "Exchange", "No, thanks"])
    refusal = widget.agent_bubbles().all_text_contents()[1:]
    widget.quick_replies.filter(has_text="Exchange").click()
    expect(widget.quick_replies).to_have_text(["That's all, thanks"])
    widget.quick_replies.first.click()

    expect(widget.notice).to_be_visible()
    expect(widget.notice).to_contain_text("This conversation has ended.")
    expect(widget.input).to_be_disabled()
    assert len(refusal) >= 3
    assert any("30 days" in paragraph for paragraph in refusal)
    assert all("\n\n" not in paragraph for paragraph in refusal)
    assert widget.customer_bubbles().all_text_contents() == [
        "I'd like a refund for my order",
        "Exchange",
        "That's all, thanks",
    ]
    assert widget.log.get_attribute("aria-live") == "polite"


def test_an_escalation_is_announced(chromium_page: Page, live_server: LiveServer) -> None:
    widget = open_demo(chromium_page, live_server)
    expect(widget.notice).to_be_hidden()

    widget.type("I want a refund for my order")
    expect(widget.quick_replies.first).to_be_visible()
    widget.type("I want to speak to a manager")

    expect(widget.notice).to_be_visible()
    expect(widget.notice).to_have_attribute("data-state", "escalated")
    expect(widget.notice).to_contain_text("passed to a member of our team")
    expect(widget.input).to_be_enabled()


def test_html_in_a_customer_message_is_shown_as_text(chromium_page: Page, live_server: LiveServer) -> None:
    dialogs = record_dialogs(chromium_page)
    widget = open_demo(chromium_page, live_server)

    widget.type(XSS)
    widget.wait_for_agent_bubbles(2)

    assert widget.customer_bubbles().all_text_contents() == [XSS]
    assert widget.root.locator("img").count() == 0
    assert dialogs == []


def test_html_in_a_fact_echoed_by_the_agent_is_shown_as_text(chromium_page: Page, live_server: LiveServer) -> None:
    dialogs = record_dialogs(chromium_page)
    widget = open_demo(chromium_page, live_server)

    widget.root.evaluate(
        "(chat, name) => { chat.removeAttribute('facts-token');"
        " chat.setAttribute('facts', JSON.stringify({customer_name: name})); }",
        XSS,
    )

    expect(widget.agent_bubbles().first).to_contain_text(XSS)
    assert widget.root.locator("img").count() == 0
    assert dialogs == []


def test_a_reload_continues_the_conversation(chromium_page: Page, live_server: LiveServer) -> None:
    widget = open_demo(chromium_page, live_server)
    widget.type("I'd like a refund for my order")
    expect(widget.quick_replies).to_have_count(3)
    before = widget.log.locator(".bubble").all_text_contents()

    chromium_page.reload()

    expect(widget.quick_replies).to_have_count(3)
    assert widget.log.locator(".bubble").all_text_contents() == before
    widget.quick_replies.filter(has_text="Store credit").click()
    expect(widget.quick_replies).to_have_text(["That's all, thanks"])


def test_everything_works_from_the_keyboard(chromium_page: Page, live_server: LiveServer) -> None:
    widget = open_demo(chromium_page, live_server)
    keyboard = chromium_page.keyboard

    widget.input.focus()
    keyboard.type("I'd like a refund for my order")
    keyboard.press("Enter")
    expect(widget.quick_replies).to_have_count(3)
    widget.quick_replies.first.focus()
    keyboard.press("ArrowRight")
    focused = widget.root.evaluate("chat => chat.shadowRoot.activeElement.textContent")
    keyboard.press("Enter")

    assert focused == "Exchange"
    expect(widget.customer_bubbles().last).to_have_text("Exchange")
    expect(widget.quick_replies).to_have_text(["That's all, thanks"])
    assert widget.root.evaluate("chat => chat.shadowRoot.activeElement.tagName") == "TEXTAREA"


def test_the_demo_examples_send_their_text(chromium_page: Page, live_server: LiveServer) -> None:
    widget = open_demo(chromium_page, live_server)

    chromium_page.get_by_role("button", name="I'd like a refund for my order").click()

    expect(widget.customer_bubbles()).to_have_text(["I'd like a refund for my order"])
    expect(widget.quick_replies).to_have_count(3)


def test_each_demo_preset_is_signed_by_the_server(chromium_page: Page, live_server: LiveServer) -> None:
    widget = open_demo(chromium_page, live_server)

    chromium_page.get_by_text("Loyal gold customer, bought 52 days ago").click()

    expect(widget.agent_bubbles().first).to_contain_text("Priya")
    token = widget.root.get_attribute("facts-token") or ""
    assert token.count(".") == 2
    assert widget.root.get_attribute("facts") is None
    widget.type("I'd like a refund for my order")
    expect(widget.quick_replies).to_have_text(["Store credit", "Exchange", "No, thanks"])


def test_without_the_demo_the_page_vouches_for_nothing_and_the_agent_asks(chromium_page: Page) -> None:
    server = start_live_server(store_url="memory", rate_limit_per_second=0)
    try:
        chromium_page.set_default_timeout(10_000)
        chromium_page.goto(f"{server.url}/")
        widget = Widget(chromium_page)
        expect(widget.agent_bubbles().first).to_contain_text("Northwind Goods")
        expect(widget.agent_bubbles().first).not_to_contain_text("Dana")
        expect(chromium_page.locator("#no-presets")).to_be_visible()
        expect(chromium_page.locator(".preset")).to_have_count(0)
        assert widget.root.get_attribute("facts-token") is None

        widget.type("I'd like a refund for my order")

        expect(widget.agent_bubbles().last).to_contain_text("order number")
    finally:
        server.stop()


def test_messages_go_over_http_when_websockets_are_blocked(chromium_page: Page, live_server: LiveServer) -> None:
    chromium_page.add_init_script("window.WebSocket = class { constructor() { throw new Error('blocked'); } };")
    sent: list[Any] = []
    chromium_page.on("request", lambda r: sent.append(r.url) if r.method == "POST" else None)
    widget = open_demo(chromium_page, live_server)

    widget.type("I'd like a refund for my order")

    expect(widget.quick_replies).to_have_count(3)
    assert any(url.endswith("/messages") for url in sent)


def test_the_websocket_reconnects_after_a_drop(chromium_page: Page, live_server: LiveServer) -> None:
    attempts: list[str] = []

    def first_refused(socket: WebSocketRoute) -> None:
        attempts.append(socket.url)
        if len(attempts) == 1:
            socket.close(code=1011, reason="restarting")
        else:
            socket.connect_to_server()

    chromium_page.route_web_socket(re.compile(r".*/ws$"), first_refused)
    posted: list[str] = []
    chromium_page.on("request", lambda r: posted.append(r.url) if r.method == "POST" else None)
    widget = open_demo(chromium_page, live_server)

    expect(widget.root).to_have_attribute("connected", "")
    widget.type("I'd like a refund for my order")

    expect(widget.quick_replies).to_have_count(3)
    assert len(attempts) == 2
    assert not any(url.endswith("/messages") for url in posted)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_demo_page_screenshot(
    chromium_page: Page, live_server: LiveServer, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    widget = open_demo(chromium_page, live_server)
    widget.root.evaluate("chat => chat.setAttribute('typing-delay', '0')")
    widget.type("I'd like a refund for my order")
    expect(widget.quick_replies).to_have_count(3)
    chromium_page.wait_for_function(
        "() => { const log = document.querySelector('tactful-chat').shadowRoot.querySelector('.log');"
        " return log.scrollHeight - log.scrollTop - log.clientHeight < 2; }"
    )
    target = SCREENSHOT if request.config.getoption("--update-screenshots") else tmp_path / "widget.png"

    chromium_page.screenshot(path=str(target), full_page=True)

    width, height = _png_size(target.read_bytes())
    assert width == 1200
    assert height >= 820
