"""Pages of another origin for browser tests: rasa-webchat from the npm registry, embedded as a shop would."""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.plugins.live_server import free_port

ROOT = Path(__file__).resolve().parents[2]
RASA_WEBCHAT = ROOT / ".cache" / "web" / "rasa-webchat-1.0.1" / "lib" / "index.js"
FETCH = ROOT / "scripts" / "fetch-rasa-webchat"

SHOP_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Northwind Goods</title></head>
<body>
<h1>Northwind Goods</h1>
<div id="webchat"></div>
<script src="/rasa-webchat.js"></script>
<script>
  const options = new URLSearchParams(window.location.search);
  WebChat.default({
    initPayload: "/get_started",
    customData: JSON.parse(options.get("custom") || "{}"),
    socketUrl: options.get("server"),
    socketPath: "/socket.io/",
    title: "Northwind Goods",
    embedded: true,
    showMessageDate: false,
    customMessageDelay: () => 0,
    params: { storage: "session" },
  }, null);
</script>
</body>
</html>
"""


@dataclass
class PageServer:
    """A static site on its own port (so its own origin), remembering every path asked of it."""

    url: str
    folder: Path
    requested: list[str] = field(default_factory=list)
    server: Any = None

    def stop(self) -> None:
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()


class _Handler(SimpleHTTPRequestHandler):
    site: PageServer

    def log_message(self, format: str, *args: Any) -> None:
        self.site.requested.append(self.path)


def serve_folder(folder: Path) -> PageServer:
    """Serve ``folder`` on a free port of 127.0.0.1 until ``stop``."""
    port = free_port()
    site = PageServer(url=f"http://127.0.0.1:{port}", folder=folder)
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(folder)))
    site.server = server
    threading.Thread(target=server.serve_forever, name=f"pages-{port}", daemon=True).start()
    return site


def rasa_webchat_bundle() -> Path:
    """rasa-webchat 1.0.1's bundle, fetched from the npm registry by the project's script when missing."""
    if not RASA_WEBCHAT.exists():
        result = subprocess.run([str(FETCH)], capture_output=True, text=True, check=False, timeout=300)
        if result.returncode != 0:
            pytest.fail(f"could not fetch rasa-webchat with {FETCH}:\n{result.stdout}{result.stderr}")
    return RASA_WEBCHAT


@pytest.fixture(scope="session")
def shop_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PageServer]:
    """A shop's site on its own origin, with rasa-webchat (unchanged) embedded in ``/index.html``."""
    folder = tmp_path_factory.mktemp("shop")
    shutil.copyfile(rasa_webchat_bundle(), folder / "rasa-webchat.js")
    (folder / "index.html").write_text(SHOP_PAGE, encoding="utf-8")
    (folder / "beacon.png").write_bytes(b"")
    site = serve_folder(folder)
    try:
        yield site
    finally:
        site.stop()
