"""A follow-up delivery always ends inside its lease, so no other worker repeats it while it runs.

Real webhook hosts answer slowly or trickle their answer a byte at a time; the workers share one
SQLite store and run on the real clock, as ``tactful followups run`` does.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

import flow.cli.commands_followups  # noqa: F401  (registers ``followups run``)
from flow import Engine, Policy
from flow.cli.app import app
from flow.errors import StoreUnavailable
from flow.followups import Backoff, DeliveryFailed, FollowUpMessage, FollowUpWorker, PrintDelivery, WebhookDelivery
from flow.models import Conversation, Turn
from flow.service import ConversationService
from flow.stores import FollowUpJob, MemoryStore, SqliteStore
from tests.plugins.engines import DANA, IN_HOURS, Scripted

TIMEOUT = 2.0
LEASE = 5.0
SLACK = 1.5


@dataclass
class Post:
    """One POST the host received: its key, when it arrived, and when the host stopped answering it."""

    key: str
    arrived: float
    ended: float = 0.0


Answer = Callable[[BaseHTTPRequestHandler], None]


class Host:
    """A webhook host on a free port that answers every POST with ``answer``."""

    def __init__(self, answer: Answer) -> None:
        self.posts: list[Post] = []
        host = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers["Content-Length"]))
                post = Post(self.headers["Idempotency-Key"], time.monotonic())
                host.posts.append(post)
                try:
                    answer(self)
                except OSError:
                    pass  # the worker hung up
                post.ended = time.monotonic()

            def log_message(self, format: str, *args: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/follow-ups"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def keys(self) -> Counter[str]:
        """How often each job reached the host."""
        return Counter(post.key for post in self.posts)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def trickle(seconds: float) -> Answer:
    """Send a whole response a byte at a time over ``seconds``: every read gets a byte long before a read timeout."""
    response = b"HTTP/1.1 204 No Content\r\nX-Padding: " + b"." * 40 + b"\r\nConnection: close\r\n\r\n"

    def answer(handler: BaseHTTPRequestHandler) -> None:
        for byte in response:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(seconds / len(response))
        handler.close_connection = True

    return answer


def after(seconds: float) -> Answer:
    """Answer 204 after ``seconds``."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        handler.send_response(204)
        handler.end_headers()

    return answer


@pytest.fixture
def host_with() -> Iterator[Callable[[Answer], Host]]:
    hosts: list[Host] = []

    def start(answer: Answer) -> Host:
        hosts.append(Host(answer))
        return hosts[-1]

    yield start
    for host in hosts:
        host.stop()


def due_follow_ups(path: Path, retail: Policy, scripted: Scripted, count: int) -> list[str]:
    """``count`` conversations whose follow-ups fell due a day ago, in a SQLite store at ``path``."""
    started = datetime.now(UTC) - timedelta(days=2)
    with SqliteStore(path) as store:
        service = ConversationService(Engine(retail, clock=lambda: started, understander=scripted), store)
        ids = []
        for _ in range(count):
            chat = service.start(facts=DANA, message="I want a refund")
            service.reply(chat.conversation.id, token=chat.token, quick_reply="alternative:exchange")
            ids.append(chat.conversation.id)
    return ids


def a_message() -> FollowUpMessage:
    return FollowUpMessage(id="c1/2/1", conversation_id="c1", kind="follow_up", text="Hi", due_at=IN_HOURS, attempt=1)


def test_a_trickling_answer_is_cut_off_at_the_total_deadline(host_with: Callable[[Answer], Host]) -> None:
    host = host_with(trickle(6.0))

    with closing(WebhookDelivery(host.url, timeout=TIMEOUT)) as deliver:
        began = time.monotonic()
        with pytest.raises(DeliveryFailed, match=rf"no complete answer from {host.url} within 2 s"):
            deliver(a_message())
        waited = time.monotonic() - began

    assert waited < TIMEOUT + SLACK


def test_two_workers_never_deliver_a_job_twice_while_a_webhook_trickles(
    tmp_path: Path, retail: Policy, scripted: Scripted, host_with: Callable[[Answer], Host]
) -> None:
    path = tmp_path / "tactful.db"
    due_follow_ups(path, retail, scripted, 2)
    host = host_with(trickle(6.0))
    stop_at = time.monotonic() + 9.0
    passes: list[float] = []

    def work(name: str) -> None:
        with SqliteStore(path) as store, closing(WebhookDelivery(host.url, timeout=TIMEOUT)) as deliver:
            worker = FollowUpWorker(
                store, deliver, engines={"retail": Engine(retail)}, worker_id=name, lease_seconds=LEASE
            )
            while time.monotonic() < stop_at:
                began = time.monotonic()
                if worker.run_once().claimed:
                    passes.append(time.monotonic() - began)
                time.sleep(0.1)

    workers = [threading.Thread(target=work, args=(name,)) for name in ("left", "right")]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join(timeout=60)

    assert sorted(host.keys.values()) == [1, 1]
    assert all(post.ended - post.arrived < TIMEOUT + SLACK for post in host.posts)
    with SqliteStore(path) as store:
        pending = store.pending_follow_ups()
    assert [(job.worker, job.attempts) for job in pending] == [(None, 1), (None, 1)]
    assert all(job.due_at > datetime.now(UTC) + timedelta(seconds=15) for job in pending)


def test_an_answer_just_past_the_deadline_is_retried_later_with_the_same_key(
    tmp_path: Path, retail: Policy, scripted: Scripted, host_with: Callable[[Answer], Host]
) -> None:
    path = tmp_path / "tactful.db"
    due_follow_ups(path, retail, scripted, 1)
    late, quick = host_with(after(TIMEOUT + 0.5)), host_with(after(0.0))

    with SqliteStore(path) as store:
        for host in (late, quick):
            with closing(WebhookDelivery(host.url, timeout=TIMEOUT)) as deliver:
                worker = FollowUpWorker(
                    store, deliver, engines={"retail": Engine(retail)}, backoff=Backoff(1.0, 1.0), lease_seconds=LEASE
                )
                if host is quick:
                    time.sleep(1.1)
                reports = worker.run_once()
        pending = store.pending_follow_ups()

    assert reports.delivered == 1
    assert pending == []
    assert list(late.keys) == list(quick.keys)
    assert late.posts[0].ended < quick.posts[0].arrived


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


class SlowCheckIn(MemoryStore):
    """A store whose save of a check-in takes a minute of the worker's clock, as a stalled store would."""

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self.clock = clock

    def save(
        self, conversation: Conversation, turn: Turn, *, expected_version: int, message_id: str | None = None
    ) -> None:
        super().save(conversation, turn, expected_version=expected_version, message_id=message_id)
        if message_id is not None and message_id.startswith("follow-up:"):
            self.clock.now += timedelta(seconds=60)


class Recording:
    timeout = 50.0

    def __init__(self) -> None:
        self.sent: list[str] = []

    def __call__(self, message: FollowUpMessage) -> None:
        self.sent.append(message.id)


def test_a_worker_whose_lease_ran_out_while_saving_the_check_in_does_not_deliver(
    retail: Policy, scripted: Scripted
) -> None:
    clock = Clock()
    store = SlowCheckIn(clock)
    engine = Engine(retail, clock=lambda: clock.now - timedelta(days=2), understander=scripted)
    service = ConversationService(engine, store)
    chat = service.start(facts=DANA, message="I want a refund")
    service.reply(chat.conversation.id, token=chat.token, quick_reply="alternative:exchange")
    stalled, later = Recording(), Recording()
    engines = {"retail": Engine(retail, clock=clock, understander=scripted)}

    first = FollowUpWorker(store, stalled, engines=engines, clock=clock, lease_seconds=100, worker_id="stalled")
    report = first.run_once()
    given_back = store.pending_follow_ups()
    second = FollowUpWorker(store, later, engines=engines, clock=clock, lease_seconds=100, worker_id="later")
    clock.now += timedelta(seconds=1)
    delivered = second.run_once()

    assert (report.delivered, report.failed, stalled.sent) == (0, 1, [])
    assert [job.worker for job in given_back] == [None]
    assert delivered.delivered == 1
    assert len(later.sent) == 1
    assert sum(t.transitions == ["check_in"] for t in store.transcript(chat.conversation.id)) == 1
    assert store.pending_follow_ups() == []


def test_once_delivers_everything_that_is_due(tmp_path: Path, retail: Policy, scripted: Scripted) -> None:
    path = tmp_path / "tactful.db"
    ids = due_follow_ups(path, retail, scripted, 25)

    result = CliRunner().invoke(
        app, ["followups", "run", "--store", f"sqlite:///{path}", "--once", "--worker-id", "cron"]
    )

    assert result.exit_code == 0, result.output
    assert sorted(FollowUpMessage.model_validate_json(line).conversation_id for line in result.stdout.splitlines()) == (
        sorted(ids)
    )
    assert "cron: delivered 25, failed 0, skipped 0" in result.stderr


class Outage(MemoryStore):
    """A store that cannot answer the first claims, as when Redis restarts."""

    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures

    def claim_follow_ups(
        self, now: datetime, *, worker: str, lease_seconds: float, limit: int = 10
    ) -> list[FollowUpJob]:
        if self.failures:
            self.failures -= 1
            raise StoreUnavailable("test", "the store is restarting")
        return super().claim_follow_ups(now, worker=worker, lease_seconds=lease_seconds, limit=limit)


def test_a_long_running_worker_outlives_a_store_outage(caplog: pytest.LogCaptureFixture) -> None:
    store = Outage(failures=2)
    stop = threading.Event()
    worker = FollowUpWorker(store, PrintDelivery(), engines={})
    crashed: list[Exception] = []

    def run() -> None:
        try:
            worker.run_forever(poll_seconds=0.01, stop=stop)
        except Exception as error:
            crashed.append(error)

    thread = threading.Thread(target=run)

    thread.start()
    deadline = time.monotonic() + 10
    while store.failures and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.05)
    stop.set()
    thread.join(timeout=10)

    assert not thread.is_alive()
    assert crashed == []
    assert store.failures == 0
    assert "the store is restarting" in caplog.text
