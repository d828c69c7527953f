"""Turns per second over Rasa's socket.io channel, against tactful's own WebSocket channel in the same run.

    python -m bench.socketio [--seconds 6] [--rounds 3] [--warmup 1] [--clients 32] [--store URL]

One ``tactful serve`` process (one uvicorn worker, SQLite by default) serves both channels. The load
comes from this process: ``--clients`` customers at once, each replaying a whole conversation — ask
for a refund, ask why, take store credit, say thanks — and starting again when it closes. Both
channels are driven through the same minimal client (asyncio ``websockets``), so the figure is the
server's: on the WebSocket every customer message is one frame and its turn one frame back; on
socket.io every message is a ``user_uttered`` event and its turn one ``bot_uttered`` per paragraph,
as Rasa does. A socket.io conversation starts with rasa-webchat's ``/get_started`` message, a
WebSocket one with ``POST /v1/conversations``; only the four messages count as turns.

The channels are loaded in alternating rounds; throughput is the median of the rounds, with the
server's CPU time per turn beside it. Writes ``bench/results/socketio.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect

from bench.http import Server, cpu_seconds, running, tactful_command
from bench.report import Figure, figures_table, median, table, write_results
from bench.services import free_port

FACTS = {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45}
SCRIPT = ["I'd like a refund for my order", "why?", "alternative:store_credit", "thank_close"]
SHARE_OF_WEBSOCKET = 0.8


class WebSocketCustomer:
    """A customer on tactful's WebSocket: one frame per message, one frame back."""

    def __init__(self, server: Server, http: httpx.AsyncClient) -> None:
        self.server = server
        self.http = http

    async def conversation(self, count: list[int], stop_at: float) -> None:
        started = (await self.http.post("/v1/conversations", json={"facts": FACTS})).json()
        url = self.server.url.replace("http", "ws") + f"/v1/conversations/{started['id']}/ws?token={started['token']}"
        async with connect(url) as socket:
            json.loads(await socket.recv())
            for number, text in enumerate(SCRIPT):
                key = "quick_reply" if ":" in text or text == "thank_close" else "text"
                await socket.send(json.dumps({key: text, "id": number}))
                frame = json.loads(await socket.recv())
                if frame["type"] != "turn":
                    raise RuntimeError(f"the WebSocket answered {frame}")
                if time.monotonic() < stop_at:
                    count[0] += 1


class SocketIOCustomer:
    """A customer on the socket.io channel, as rasa-webchat talks to it over a WebSocket transport."""

    def __init__(self, server: Server, paragraphs: list[int]) -> None:
        self.server = server
        self.paragraphs = paragraphs

    async def conversation(self, count: list[int], stop_at: float) -> None:
        url = self.server.url.replace("http", "ws") + "/socket.io/?EIO=4&transport=websocket"
        async with connect(url) as socket:
            await socket.recv()  # the Engine.IO open packet
            await socket.send("40")
            await _event(socket, None)  # the namespace is joined
            await socket.send('42["session_request",{"session_id":null}]')
            session_id = (await _event(socket, "session_confirm"))[1]
            await self._say(socket, "/get_started", session_id, custom={"facts": FACTS})
            for number, text in enumerate(SCRIPT):
                await self._say(socket, text, session_id, expect=self.paragraphs[number])
                if time.monotonic() < stop_at:
                    count[0] += 1

    async def _say(
        self, socket: ClientConnection, text: str, session_id: str, *, custom: Any = None, expect: int = 1
    ) -> None:
        payload = {"message": text, "session_id": session_id, "customData": custom}
        await socket.send("42" + json.dumps(["user_uttered", payload]))
        for _ in range(expect):
            await _event(socket, "bot_uttered")


async def _event(socket: ClientConnection, name: str | None) -> list[Any]:
    """The next socket.io event called ``name`` (or the namespace connect for ``None``), answering pings."""
    while True:
        packet = await socket.recv()
        assert isinstance(packet, str)
        if packet == "2":
            await socket.send("3")
            continue
        if name is None and packet.startswith("40"):
            return []
        if packet.startswith("42"):
            event: list[Any] = json.loads(packet[2:])
            if event[0] == name:
                return event
            if event[0] == "tactful_error":
                raise RuntimeError(f"the socket.io channel answered {event}")


async def paragraphs_per_turn(server: Server) -> list[int]:
    """How many messages each turn of the script comes as on socket.io (one per paragraph, at least one)."""
    async with httpx.AsyncClient(base_url=server.url) as http:
        started = (await http.post("/v1/conversations", json={"facts": FACTS})).json()
        counts = []
        for text in SCRIPT:
            key = "quick_reply" if ":" in text or text == "thank_close" else "text"
            turn = (
                await http.post(
                    f"/v1/conversations/{started['id']}/messages",
                    json={key: text},
                    headers={"Authorization": f"Bearer {started['token']}"},
                )
            ).json()
            counts.append(max(1, len(turn["messages"])))
        return counts


async def load(customer: Any, *, clients: int, seconds: float) -> int:
    """Turns answered in ``seconds`` by ``clients`` customers talking at once."""
    count = [0]
    stop_at = time.monotonic() + seconds

    async def talk() -> None:
        while time.monotonic() < stop_at:
            await customer.conversation(count, stop_at)

    await asyncio.gather(*(talk() for _ in range(clients)))
    return count[0]


async def measure(server: Server, *, clients: int, seconds: float, rounds: int, warmup: float) -> dict[str, Any]:
    """Alternating rounds on each channel: turns/s and server CPU per turn, median of the rounds."""
    paragraphs = await paragraphs_per_turn(server)
    async with httpx.AsyncClient(base_url=server.url, limits=httpx.Limits(max_connections=clients)) as http:
        channels = {"websocket": WebSocketCustomer(server, http), "socketio": SocketIOCustomer(server, paragraphs)}
        for customer in channels.values():
            await load(customer, clients=clients, seconds=warmup)
        runs: dict[str, list[tuple[float, float | None]]] = {name: [] for name in channels}
        for _ in range(rounds):
            for name, customer in channels.items():
                cpu_before = cpu_seconds(server.pid)
                turns = await load(customer, clients=clients, seconds=seconds / rounds)
                cpu_after = cpu_seconds(server.pid)
                cpu = None if cpu_before is None or cpu_after is None or not turns else (cpu_after - cpu_before) / turns
                runs[name].append((turns / (seconds / rounds), cpu))
    return {
        name: {
            "turns_per_second": median([r[0] for r in found]),
            "server_cpu_us_per_turn": median([r[1] * 1e6 for r in found if r[1] is not None]) if found[0][1] else None,
            "rounds": [r[0] for r in found],
        }
        for name, found in runs.items()
    } | {"paragraphs_per_turn": paragraphs}


def figures(results: dict[str, Any]) -> list[Figure]:
    """socket.io throughput and CPU per turn, each against the WebSocket channel's."""
    socketio, websocket = results["socketio"], results["websocket"]
    found = [
        Figure(
            "socket.io turns/s, one worker",
            "turns/s",
            socketio["turns_per_second"],
            "higher",
            None,
            websocket["turns_per_second"],
            "tactful's WebSocket channel",
            ratio_target=SHARE_OF_WEBSOCKET,
        )
    ]
    if socketio["server_cpu_us_per_turn"] and websocket["server_cpu_us_per_turn"]:
        found.append(
            Figure(
                "socket.io server CPU per turn",
                "µs",
                socketio["server_cpu_us_per_turn"],
                "lower",
                None,
                websocket["server_cpu_us_per_turn"],
                "tactful's WebSocket channel",
            )
        )
    return found


def main(argv: list[str] | None = None) -> int:
    """Load both channels of one server; print the figures and write the results."""
    parser = argparse.ArgumentParser(prog="python -m bench.socketio", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=6.0, help="measured seconds per channel, over all rounds")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds the seconds are split into")
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds of load on each channel before measuring")
    parser.add_argument("--clients", type=int, default=32, help="customers talking at once")
    parser.add_argument("--store", help="the server's store (default: a fresh SQLite file)")
    args = parser.parse_args(argv)
    options = {"clients": args.clients, "seconds": args.seconds, "rounds": args.rounds, "warmup": args.warmup}
    with tempfile.TemporaryDirectory(prefix="tactful-bench-socketio-") as temporary:
        workdir = Path(temporary)
        store = args.store or f"sqlite:///{workdir / 'bench.db'}"
        port = free_port()
        # Every customer comes from this one address: let each hold its WebSocket at once.
        command = [*tactful_command(store, port), "--max-websockets-per-client", str(args.clients + 8)]
        with running("tactful", command, port=port, cwd=workdir) as server:
            results = asyncio.run(measure(server, **options))

    rows = [
        (
            name,
            f"{results[name]['turns_per_second']:,.0f}",
            "—"
            if results[name]["server_cpu_us_per_turn"] is None
            else f"{results[name]['server_cpu_us_per_turn']:,.0f}",
            " ".join(f"{r:,.0f}" for r in results[name]["rounds"]),
        )
        for name in ("websocket", "socketio")
    ]
    print(
        table(
            f"Channels, one uvicorn worker, {args.clients} customers",
            ("channel", "turns/s", "CPU µs/turn", "rounds"),
            rows,
        )
    )
    found = figures(results)
    print(figures_table("socket.io figures", found))
    path = write_results("socketio", found, {"settings": options | {"store": args.store or "sqlite"}, "runs": results})
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
