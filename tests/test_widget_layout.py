"""The widget on small screens and as a launcher bubble, measured in headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.plugins.host_keys import signed
from tests.plugins.live_server import LiveServer

pytestmark = pytest.mark.browser

SCREENS = [(320, 640), (390, 844), (768, 1024)]

OUTSIDE = """
() => {
  const chat = document.querySelector('tactful-chat');
  const width = document.documentElement.clientWidth, height = window.innerHeight;
  const log = chat.shadowRoot.querySelector('.log').getBoundingClientRect();
  const outside = [];
  for (const element of chat.shadowRoot.querySelectorAll('*')) {
    if (['STYLE', 'TEMPLATE'].includes(element.tagName) || element.closest('.sr-only')) continue;
    const box = element.getBoundingClientRect();
    if (!element.getClientRects().length || box.width === 0 || box.height === 0) continue;
    const inLog = element.closest('.log') && element.className !== 'log';
    const [left, right, top, bottom] = inLog ? [log.left, log.right, -Infinity, Infinity] : [0, width, 0, height];
    if (box.left < left - 0.5 || box.right > right + 0.5 || box.top < top - 0.5 || box.bottom > bottom + 0.5) {
      outside.push(`${element.tagName}.${element.className}: ${Math.round(box.left)}..${Math.round(box.right)}`
        + ` x ${Math.round(box.top)}..${Math.round(box.bottom)} in ${width}x${height}`);
    }
  }
  return outside;
}
"""


@pytest.fixture(params=SCREENS, ids=lambda size: f"{size[0]}px")
def phone_page(request: pytest.FixtureRequest, chromium: Browser) -> Iterator[Page]:
    """A tab the size of a small screen: 320, 390 and 768 px wide."""
    width, height = request.param
    context = chromium.new_context(viewport={"width": width, "height": height}, is_mobile=width < 700)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        yield page
    finally:
        context.close()


def page_width(page: Page) -> dict[str, Any]:
    """The page's scroll width, the window's inner width, and the screen's (which a phone zooms out to fit)."""
    measured: dict[str, Any] = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    measured["screen"] = page.viewport_size["width"] if page.viewport_size else None
    return measured


def fits(widths: dict[str, Any]) -> bool:
    return bool(widths["scroll"] <= widths["inner"] == widths["screen"])


def test_the_demo_page_fits_the_screen(phone_page: Page, live_server: LiveServer) -> None:
    phone_page.goto(f"{live_server.url}/")
    chat = phone_page.locator("tactful-chat")
    expect(chat.locator(".bubble.agent .text").first).to_contain_text("Dana")
    chat.locator("textarea").fill("I'd like a refund for my order, it's a wedding dress I never wore")
    chat.locator("textarea").press("Enter")
    expect(chat.locator(".quick button")).to_have_count(3)

    widths = page_width(phone_page)
    assert fits(widths), widths
    chat.evaluate("chat => chat.scrollIntoView({block: 'end'})")
    assert phone_page.evaluate(OUTSIDE) == []


LAUNCHER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A shop</title><script src="/widget.js" defer></script></head>
<body style="margin:0;font:16px system-ui">
<h1 style="margin:16px">Winter coats</h1><p style="margin:16px">Our coats keep you warm.</p>
<tactful-chat launcher heading="Northwind Goods · Support" typing-delay="0"
  facts='{{"customer_name": "Dana"}}' facts-token="{token}"></tactful-chat>
</body></html>"""


SHOP = LAUNCHER_PAGE.format(
    token=signed({"order_id": "A-1234", "days_since_purchase": 45}, expires_in=timedelta(hours=1))
)
"""The shop's page as the shop's server renders it: the deciding facts signed with the facts key."""


def open_shop(page: Page, server: LiveServer) -> list[str]:
    """The launcher on a shop's page served from the tactful server's origin; returns the POSTs made."""
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.route(f"{server.url}/shop", lambda route: route.fulfill(body=SHOP, content_type="text/html"))
    page.goto(f"{server.url}/shop")
    return posts


def test_the_launcher_opens_the_chat_and_fits_the_screen(phone_page: Page, live_server: LiveServer) -> None:
    posts = open_shop(phone_page, live_server)
    chat = phone_page.locator("tactful-chat")
    launcher = chat.locator(".launcher")
    expect(launcher).to_be_visible()
    expect(launcher).to_have_attribute("aria-expanded", "false")
    expect(chat.locator(".chat")).to_be_hidden()
    assert posts == []
    assert phone_page.evaluate(OUTSIDE) == []

    launcher.click()

    expect(chat.locator(".bubble.agent .text").first).to_contain_text("Dana")
    expect(chat.locator("textarea")).to_be_focused()
    chat.locator("textarea").fill("I'd like a refund for my order")
    chat.locator("textarea").press("Enter")
    expect(chat.locator(".quick button")).to_have_count(3)
    assert len([url for url in posts if url.endswith("/v1/conversations")]) == 1
    widths = page_width(phone_page)
    assert fits(widths), widths
    assert phone_page.evaluate(OUTSIDE) == []


def test_the_launcher_closes_and_keeps_the_conversation(chromium_page: Page, live_server: LiveServer) -> None:
    open_shop(chromium_page, live_server)
    chat = chromium_page.locator("tactful-chat")
    chat.locator(".launcher").click()
    expect(chat.locator(".bubble.agent")).not_to_have_count(0)
    before = chat.locator(".bubble").count()

    chat.locator("textarea").press("Escape")
    expect(chat.locator(".chat")).to_be_hidden()
    expect(chat.locator(".launcher")).to_be_focused()
    expect(chat.locator(".launcher")).to_have_attribute("aria-expanded", "false")

    chat.locator(".launcher").click()
    expect(chat.locator(".chat")).to_be_visible()
    assert chat.locator(".bubble").count() == before
    chat.locator(".close").click()
    expect(chat.locator(".chat")).to_be_hidden()
