"""rasa-webchat 1.0.1 from the npm registry, unchanged, on a shop's page of another origin, in Chromium."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Dialog, Locator, Page, expect

from tests.plugins.host_keys import signed
from tests.plugins.live_server import LiveServer, start_live_server
from tests.plugins.server_processes import ServerPool, ServerProcess, redis_database
from tests.plugins.sticky_proxy import StickyProxy
from tests.plugins.web_pages import PageServer

pytestmark = pytest.mark.browser


def dana(name: str = "Dana") -> dict[str, object]:
    """The page's customData: the name unsigned, the facts that decide signed by the shop's server."""
    token = signed({"order_id": "A-1234", "days_since_purchase": 45})
    return {"facts": {"customer_name": name}, "facts_token": token}


@pytest.fixture(scope="module")
def server(shop_site: PageServer) -> Iterator[LiveServer]:
    """tactful, letting the shop's origin (and only it) in."""
    live = start_live_server(store_url="memory", rate_limit_per_second=0, cors_origins=(shop_site.url,))
    try:
        yield live
    finally:
        live.stop()


class Webchat:
    """rasa-webchat on the page, seen as the visitor sees it."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.bot = page.locator(".rw-response .rw-message-text")
        self.mine = page.locator(".rw-client")
        self.replies = page.locator(".rw-replies .rw-reply")
        self.input = page.locator(".rw-new-message")

    def type(self, text: str) -> None:
        self.input.fill(text)
        self.input.press("Enter")

    def bot_text(self) -> list[str]:
        return self.bot.all_inner_texts()

    def quick(self, title: str) -> Locator:
        return self.replies.filter(has_text=title)


def open_shop(page: Page, shop: PageServer, server: str, custom: object = None) -> Webchat:
    page.set_default_timeout(15_000)
    data = custom if custom is not None else dana()
    page.goto(f"{shop.url}/index.html?" + urlencode({"server": server, "custom": json.dumps(data)}))
    chat = Webchat(page)
    expect(chat.bot.first).to_be_visible()
    return chat


def test_a_whole_refusal_with_quick_replies(chromium_page: Page, shop_site: PageServer, server: LiveServer) -> None:
    chat = open_shop(chromium_page, shop_site, server.url)
    expect(chat.bot.first).to_contain_text("Dana")

    chat.type("I'd like a refund for my order")
    expect(chat.replies).to_have_text(["Store credit", "Exchange", "No, thanks"])
    refusal = chat.bot_text()
    chat.quick("Exchange").click()
    expect(chat.quick("That's all, thanks")).to_be_visible()
    chat.quick("That's all, thanks").click()
    expect(chat.bot.last).to_contain_text("Dana")

    assert any("30 days" in paragraph for paragraph in refusal)
    assert any("sorry" in paragraph.lower() for paragraph in refusal)
    assert any("exchange" in paragraph.lower() for paragraph in chat.bot_text())
    assert chat.mine.all_inner_texts() == ["I'd like a refund for my order", "Exchange", "That's all, thanks"]


def test_a_reload_keeps_the_conversation(chromium_page: Page, shop_site: PageServer, server: LiveServer) -> None:
    chat = open_shop(chromium_page, shop_site, server.url)
    chat.type("I'd like a refund for my order")
    expect(chat.replies).to_have_count(3)

    chromium_page.reload()
    expect(chat.replies).to_have_count(3)
    chat.quick("Store credit").click()

    expect(chat.bot.last).to_contain_text("store credit")


def test_markdown_links_and_image_beacons_are_shown_as_typed(
    chromium_page: Page, shop_site: PageServer, server: LiveServer
) -> None:
    beacon = f"{shop_site.url}/beacon.png?from=name"
    name = f"[x](javascript:alert(1)) ![]({beacon})"
    message = f"[click](javascript:alert(2)) ![]({shop_site.url}/beacon.png?from=message) I want a refund"
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    chromium_page.on("dialog", dismiss)
    chat = open_shop(chromium_page, shop_site, server.url, custom=dana(name))
    expect(chat.bot.first).to_contain_text(name)
    chat.type(message)
    expect(chat.mine.last).to_have_text(message)
    expect(chat.bot.last).not_to_have_text(chat.bot.first.inner_text())
    chromium_page.locator(".rw-conversation-container a").evaluate_all("links => links.forEach(a => a.click())")

    assert chromium_page.locator(".rw-conversation-container img[src*='beacon']").count() == 0
    assert chromium_page.locator(".rw-conversation-container a[href^='javascript']").count() == 0
    assert not [path for path in shop_site.requested if path.startswith("/beacon.png")]
    assert dialogs == []


def test_another_origin_is_refused(
    chromium_page: Page, shop_site: PageServer, tmp_path_factory: pytest.TempPathFactory
) -> None:
    locked = start_live_server(store_url="memory", rate_limit_per_second=0, cors_origins=("https://only.example",))
    try:
        chromium_page.set_default_timeout(5_000)
        chromium_page.goto(f"{shop_site.url}/index.html?" + urlencode({"server": locked.url, "custom": "{}"}))
        chromium_page.wait_for_timeout(2_000)
        shown = chromium_page.locator(".rw-response").count()
    finally:
        locked.stop()

    assert shown == 0


@pytest.mark.redis
@pytest.mark.slow
def test_a_refusal_across_two_servers_behind_a_sticky_proxy(
    chromium_page: Page,
    shop_site: PageServer,
    tactful_servers: ServerPool,
    redis_url: str,
    sticky_proxy: type[StickyProxy],
) -> None:
    store = redis_database(redis_url, 6)
    args = ("--cors-origin", shop_site.url, "--no-access-log")
    first, second = tactful_servers.start(store, *args), tactful_servers.start(store, *args)
    proxy = sticky_proxy([_backend(first), _backend(second)]).start()

    chat = open_shop(chromium_page, shop_site, proxy.url)
    chat.type("I'd like a refund for my order")
    expect(chat.replies).to_have_text(["Store credit", "Exchange", "No, thanks"])
    chromium_page.reload()
    expect(chat.replies).to_have_count(3)
    chat.quick("Store credit").click()
    expect(chat.quick("That's all, thanks")).to_be_visible()
    chat.quick("That's all, thanks").click()
    expect(chat.bot.last).to_contain_text("Dana")

    assert proxy.new_connections[:2] == [0, 1]
    assert any("store credit" in paragraph.lower() for paragraph in chat.bot_text())
    assert chat.mine.all_inner_texts() == ["I'd like a refund for my order", "Store credit", "That's all, thanks"]


def _backend(server: ServerProcess) -> tuple[str, int]:
    return "127.0.0.1", server.port
