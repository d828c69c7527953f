"""Follow-up delivery: due jobs reach the host once, reopen the conversation, and survive failures and crashes."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from contextlib import closing
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

import flow.cli.commands_followups  # noqa: F401  (registers ``followups run``)
from flow import Conversation, Engine, Policy
from flow.cli.app import app
from flow.errors import UnknownConversation
from flow.followups import (
    Backoff,
    FollowUpMessage,
    FollowUpWorker,
    PrintDelivery,
    WebhookDelivery,
    WorkerSettingsError,
)
from flow.service import ConversationService, Started
from flow.stores import FollowUpJob, MemoryStore, SqliteStore, Store
from tests.plugins.engines import DANA, IN_HOURS, OUT_OF_HOURS, Scripted

DUE = IN_HOURS + timedelta(hours=24, minutes=1)
SATISFACTION = "Are you happy with how it was sorted out?"


class Clock:
    """A clock the test moves by hand, shared by the engine and the worker."""

    def __init__(self, now: datetime = IN_HOURS) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def engine(retail: Policy, scripted: Scripted, clock: Clock) -> Engine:
    return Engine(retail, clock=clock, understander=scripted)


@pytest.fixture
def chats(store: Store, engine: Engine, clock: Clock) -> dict[str, Started]:
    """Conversations that left follow-ups and a callback in the queue, and one closed after abuse."""
    service = ConversationService(engine, store)

    def start() -> Started:
        return service.start(facts=DANA, message="I want a refund")

    closed, still_open, handed_over, abusive = start(), start(), start(), start()
    service.reply(closed.conversation.id, token=closed.token, quick_reply="alternative:store_credit")
    service.reply(closed.conversation.id, token=closed.token, text="thanks, bye")
    service.reply(still_open.conversation.id, token=still_open.token, quick_reply="alternative:exchange")
    service.reply(handed_over.conversation.id, token=handed_over.token, text="get me a manager")
    for text in ("get me a manager", "you useless idiot", "you useless idiot"):
        service.reply(abusive.conversation.id, token=abusive.token, text=text)
    clock.now = OUT_OF_HOURS
    callback = start()
    service.reply(callback.conversation.id, token=callback.token, text="get me a manager")
    service.reply(callback.conversation.id, token=callback.token, text="yes")
    clock.now = IN_HOURS
    return {
        "closed": closed,
        "open": still_open,
        "handed_over": handed_over,
        "abusive": abusive,
        "callback": callback,
    }


def worker(store: Store, engine: Engine, clock: Clock, **options: object) -> tuple[FollowUpWorker, io.StringIO]:
    out = io.StringIO()
    options.setdefault("deliver", PrintDelivery(out))
    return FollowUpWorker(store, engines={"retail": engine}, clock=clock, **options), out  # type: ignore[arg-type]


def check_ins(store: Store, conversation_id: str) -> int:
    return sum(t.transitions == ["check_in"] for t in store.transcript(conversation_id))


def test_nothing_is_delivered_before_it_is_due(store: Store, chats: dict[str, Started], engine: Engine) -> None:
    clock = Clock(IN_HOURS + timedelta(hours=3))
    run, out = worker(store, engine, clock)

    assert run.run_once().claimed == 0
    assert out.getvalue() == ""
    assert len(store.pending_follow_ups()) == 5


def test_due_follow_ups_are_delivered_and_reopen_the_conversation(
    store: Store, chats: dict[str, Started], engine: Engine, clock: Clock
) -> None:
    clock.now = DUE
    run, out = worker(store, engine, clock)

    report = run.run_once()

    assert (report.delivered, report.failed, report.skipped) == (4, 0, 1)
    messages = {m.conversation_id: m for m in map(FollowUpMessage.model_validate_json, out.getvalue().splitlines())}
    follow_up = messages[chats["closed"].conversation.id]
    assert follow_up.kind == "follow_up"
    assert SATISFACTION in (follow_up.text or "")
    assert follow_up.text is not None
    assert follow_up.text.startswith("Hi Dana, it's Sam from Northwind Goods.")
    assert [q.payload for q in follow_up.quick_replies] == ["accept", "reject"]
    callback = messages[chats["callback"].conversation.id]
    assert (callback.kind, callback.reason, callback.text) == ("callback", "asked_for_person", None)
    reopened = store.load(chats["closed"].conversation.id)
    assert (reopened.state, reopened.quick_replies) == ("follow_up", ["accept", "reject"])
    assert store.load(chats["handed_over"].conversation.id).state == "follow_up"
    assert store.load(chats["callback"].conversation.id).state == "closed"
    assert chats["abusive"].conversation.id not in messages
    assert store.load(chats["abusive"].conversation.id).state == "closed"
    assert check_ins(store, chats["abusive"].conversation.id) == 0
    assert store.pending_follow_ups() == []


def test_a_follow_up_left_by_a_handoff_taken_back_is_skipped(store: Store, retail: Policy, clock: Clock) -> None:
    engine = Engine(retail, clock=clock)
    service = ConversationService(engine, store)
    chat = service.start(facts=DANA, message="I want a refund")
    service.reply(chat.conversation.id, token=chat.token, text="get me a manager")
    service.reply(chat.conversation.id, token=chat.token, text="actually I don't need anyone after all")
    service.reply(chat.conversation.id, token=chat.token, text="thanks, bye")
    assert store.load(chat.conversation.id).state == "closed"
    assert len(store.pending_follow_ups()) == 1
    clock.now = DUE
    run, out = worker(store, engine, clock)

    report = run.run_once()

    assert (report.delivered, report.skipped) == (0, 1)
    assert out.getvalue() == ""
    assert store.load(chat.conversation.id).state == "closed"
    assert check_ins(store, chat.conversation.id) == 0
    assert store.pending_follow_ups() == []


def test_the_customers_answer_to_a_follow_up_is_taken(
    store: Store, chats: dict[str, Started], engine: Engine, clock: Clock
) -> None:
    clock.now = DUE
    worker(store, engine, clock)[0].run_once()
    service = ConversationService(engine, store)
    happy, unhappy = chats["closed"], chats["open"]

    closed, goodbye = service.reply(happy.conversation.id, token=happy.token, quick_reply="accept")
    escalated, handoff = service.reply(unhappy.conversation.id, token=unhappy.token, quick_reply="reject")

    assert (closed.state, closed.outcome) == ("closed", "alternative_accepted")
    assert goodbye.transitions == ["satisfied"]
    assert (escalated.state, escalated.escalation_reason) == ("escalated", "unsatisfied")
    assert [a.type for a in handoff.actions] == ["handoff", "schedule_follow_up"]


def test_a_webhook_gets_json_with_an_idempotency_key(
    store: Store, chats: dict[str, Started], engine: Engine, clock: Clock
) -> None:
    received: list[httpx.Request] = []

    def host(request: httpx.Request) -> httpx.Response:
        received.append(request)
        return httpx.Response(204)

    clock.now = DUE
    client = httpx.AsyncClient(transport=httpx.MockTransport(host))
    with closing(WebhookDelivery("https://host.example/follow-ups", client=client)) as deliver:
        run, _ = worker(store, engine, clock, deliver=deliver)

        assert run.run_once().delivered == 4
    bodies = [json.loads(r.content) for r in received]
    assert {r.url.path for r in received} == {"/follow-ups"}
    assert [r.headers["Idempotency-Key"] for r in received] == [b["id"] for b in bodies]
    assert {b["kind"] for b in bodies} == {"follow_up", "callback"}
    assert set(bodies[0]) == {"id", "conversation_id", "kind", "text", "due_at", "attempt", "quick_replies", "reason"}


def test_a_failed_delivery_is_retried_with_exponential_backoff_and_recorded_once(engine: Engine, clock: Clock) -> None:
    store = MemoryStore()
    service = ConversationService(engine, store)
    chat = service.start(facts=DANA, message="I want a refund")
    service.reply(chat.conversation.id, token=chat.token, quick_reply="alternative:store_credit")
    answers = iter([503, 500, 200])
    client = httpx.AsyncClient(transport=httpx.MockTransport(lambda request: httpx.Response(next(answers))))
    deliver = WebhookDelivery("https://host.example/", client=client)
    run, _ = worker(store, engine, clock, deliver=deliver, backoff=Backoff(30, 3600))

    clock.now = DUE
    assert run.run_once().failed == 1
    assert store.pending_follow_ups()[0].due_at == DUE + timedelta(seconds=30)
    clock.now = DUE + timedelta(seconds=29)
    assert run.run_once().claimed == 0
    clock.now = DUE + timedelta(seconds=31)
    assert run.run_once().failed == 1
    assert store.pending_follow_ups()[0].due_at == clock.now + timedelta(seconds=60)
    clock.now += timedelta(seconds=61)
    assert run.run_once().delivered == 1
    deliver.close()

    assert store.pending_follow_ups() == []
    assert check_ins(store, chat.conversation.id) == 1


def test_two_workers_deliver_each_follow_up_exactly_once(
    store: Store, engine: Engine, clock: Clock, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    service = ConversationService(engine, store)
    ids = []
    for _ in range(24):
        chat = service.start(facts=DANA, message="I want a refund")
        service.reply(chat.conversation.id, token=chat.token, quick_reply="alternative:exchange")
        ids.append(chat.conversation.id)
    delivered: list[str] = []
    lock = threading.Lock()

    class Recording:
        timeout = 0.0

        def __call__(self, message: FollowUpMessage) -> None:
            with lock:
                delivered.append(message.id)

    clock.now = DUE
    workers = [
        FollowUpWorker(store, Recording(), engines={"retail": engine}, clock=clock, worker_id=name)
        for name in ("left", "right")
    ]
    start = threading.Barrier(2)

    def drain(one: FollowUpWorker) -> None:
        start.wait()
        while one.run_once().claimed:
            pass

    threads = [threading.Thread(target=drain, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(delivered) == 24
    assert Counter(delivered).most_common(1)[0][1] == 1
    assert [check_ins(store, cid) for cid in ids] == [1] * 24
    assert store.pending_follow_ups() == []


def test_jobs_claimed_by_a_worker_that_died_are_delivered_once_its_lease_runs_out(
    store: Store, chats: dict[str, Started], engine: Engine, clock: Clock
) -> None:
    clock.now = DUE
    store.claim_follow_ups(DUE, worker="crashed", lease_seconds=120, limit=10)
    run, out = worker(store, engine, clock)

    assert run.run_once().claimed == 0
    clock.now = DUE + timedelta(seconds=121)
    report = run.run_once()

    assert (report.delivered, report.skipped) == (4, 1)
    assert len(out.getvalue().splitlines()) == 4
    assert check_ins(store, chats["closed"].conversation.id) == 1


def test_a_network_error_counts_as_a_failed_delivery(
    store: Store, chats: dict[str, Started], engine: Engine, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    clock.now = DUE
    client = httpx.AsyncClient(transport=httpx.MockTransport(unreachable))
    with closing(WebhookDelivery("https://host.example/hook", client=client)) as deliver:
        run, _ = worker(store, engine, clock, deliver=deliver)
        report = run.run_once()

    assert (report.delivered, report.failed) == (0, 4)
    assert "ConnectError from https://host.example/hook" in caplog.text
    assert {job.due_at for job in store.pending_follow_ups()} >= {DUE + timedelta(seconds=30)}


def test_jobs_the_lease_cannot_cover_are_given_back_untouched(
    store: Store, chats: dict[str, Started], engine: Engine
) -> None:
    class Stalled:
        """A clock that moves on 60 seconds each time a job is claimed, like a store that answers slowly."""

        def __init__(self) -> None:
            self.now = DUE
            self.claims = 0

        def __call__(self) -> datetime:
            return self.now + timedelta(seconds=60 * self.claims)

    class Patient:
        timeout = 50.0

        def __init__(self) -> None:
            self.sent: list[str] = []

        def __call__(self, message: FollowUpMessage) -> None:
            self.sent.append(message.id)

    clock = Stalled()
    original_claim = store.claim_follow_ups

    def slow_claim(now: datetime, **options: Any) -> list[FollowUpJob]:
        claimed = original_claim(now, **options)
        clock.claims += 1
        return claimed

    store.claim_follow_ups = slow_claim  # type: ignore[method-assign]
    deliver = Patient()
    run = FollowUpWorker(store, deliver, engines={"retail": engine}, clock=clock, lease_seconds=100)

    report = run.run_once()

    assert (report.delivered, report.failed, deliver.sent) == (0, 5, [])
    given_back = [job for job in store.pending_follow_ups() if job.worker is None]
    assert len(given_back) == 5
    assert all(check_ins(store, job.conversation_id) == 0 for job in given_back if job.kind == "follow_up")


def test_a_follow_up_for_a_conversation_that_is_gone_is_dropped(engine: Engine, clock: Clock) -> None:
    class Forgetful(MemoryStore):
        """A store whose conversations expire, as Redis keys with a time to live do."""

        def load(self, conversation_id: str) -> Conversation:
            raise UnknownConversation(conversation_id)

        def find_turn(self, conversation_id: str, message_id: str) -> None:
            return None

    store = Forgetful()
    service = ConversationService(engine, MemoryStore())
    chat = service.start(facts=DANA, message="I want a refund")
    conversation, turn = service.reply(chat.conversation.id, token=chat.token, quick_reply="alternative:exchange")
    store.create(conversation.model_copy(update={"version": 1}), turn.model_copy(update={"number": 1}), token_digest="")
    clock.now = DUE

    report = worker(store, engine, clock)[0].run_once()

    assert (report.delivered, report.skipped) == (0, 1)
    assert store.pending_follow_ups() == []


def test_run_forever_delivers_until_stopped(
    store: Store, chats: dict[str, Started], engine: Engine, clock: Clock
) -> None:
    clock.now = DUE
    delivered = threading.Event()
    sent: list[str] = []

    class Signalling:
        timeout = 0.0

        def __call__(self, message: FollowUpMessage) -> None:
            sent.append(message.id)
            if len(sent) == 4:
                delivered.set()

    stop = threading.Event()
    run = FollowUpWorker(store, Signalling(), engines={"retail": engine}, clock=clock)
    thread = threading.Thread(target=run.run_forever, kwargs={"poll_seconds": 0.01, "stop": stop})
    thread.start()
    assert delivered.wait(30)
    stop.set()
    thread.join(30)

    assert not thread.is_alive()
    assert len(sent) == 4
    assert store.pending_follow_ups() == []


@pytest.mark.parametrize("lease_seconds", [5, 11])
def test_a_lease_no_longer_than_the_delivery_timeout_and_its_margin_is_refused(lease_seconds: float) -> None:
    with (
        closing(WebhookDelivery("https://host.example/", timeout=10)) as deliver,
        pytest.raises(
            WorkerSettingsError, match=f"a lease of {lease_seconds}s is not longer than the delivery timeout"
        ),
    ):
        FollowUpWorker(MemoryStore(), deliver, engines={}, lease_seconds=lease_seconds)


def test_a_follow_up_for_a_policy_without_an_engine_waits_for_one(
    store: Store, chats: dict[str, Started], engine: Engine, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    clock.now = DUE
    run = FollowUpWorker(store, PrintDelivery(io.StringIO()), engines={}, clock=clock)

    report = run.run_once()

    assert (report.delivered, report.failed, report.skipped) == (1, 3, 1)
    assert "no engine for policy 'retail'; pass --policy" in caplog.text
    assert len(store.pending_follow_ups()) == 3


def test_the_command_refuses_a_store_it_cannot_open() -> None:
    result = CliRunner().invoke(app, ["followups", "run", "--store", "ftp://queue", "--once"])

    assert result.exit_code == 2
    assert "cannot open a store from 'ftp://queue'" in result.output


def test_the_command_prints_due_follow_ups_once(tmp_path: Path, retail: Policy, scripted: Scripted) -> None:
    path = tmp_path / "tactful.db"
    long_ago = datetime.now(UTC) - timedelta(days=3)
    with SqliteStore(path) as store:
        service = ConversationService(Engine(retail, clock=lambda: long_ago, understander=scripted), store)
        chat = service.start(facts=DANA, message="I want a refund")
        service.reply(chat.conversation.id, token=chat.token, quick_reply="alternative:exchange")
    args = ["followups", "run", "--store", f"sqlite:///{path}", "--once", "--worker-id", "cron"]

    first = CliRunner().invoke(app, args)
    second = CliRunner().invoke(app, args)

    assert first.exit_code == 0, first.output
    (line,) = first.stdout.splitlines()
    assert json.loads(line)["conversation_id"] == chat.conversation.id
    assert "cron: delivered 1, failed 0, skipped 0" in first.stderr
    assert second.stdout == ""
    assert "cron: delivered 0, failed 0, skipped 0" in second.stderr


class _Host:
    """A webhook host that never answers its first request, as if a worker died while posting it."""

    def __init__(self) -> None:
        self.received: list[str] = []
        self.answered: list[str] = []
        self.first_arrived = threading.Event()
        self.release = threading.Event()
        host = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                key = self.headers["Idempotency-Key"]
                self.rfile.read(int(self.headers["Content-Length"]))
                host.received.append(key)
                if len(host.received) == 1:
                    host.first_arrived.set()
                    host.release.wait(30)
                    return
                self.send_response(204)
                self.end_headers()
                host.answered.append(key)

            def log_message(self, format: str, *args: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/follow-ups"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def test_a_worker_killed_mid_delivery_leaves_the_job_to_another_one(
    tmp_path: Path, retail: Policy, scripted: Scripted
) -> None:
    path = tmp_path / "tactful.db"
    started = datetime.now(UTC) - timedelta(days=2)
    with SqliteStore(path) as store:
        service = ConversationService(Engine(retail, clock=lambda: started, understander=scripted), store)
        ids = []
        for _ in range(3):
            chat = service.start(facts=DANA, message="I want a refund")
            service.reply(chat.conversation.id, token=chat.token, quick_reply="alternative:exchange")
            ids.append(chat.conversation.id)
    host = _Host()
    log = (tmp_path / "doomed.log").open("wb")
    try:
        doomed = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import flow.cli.commands_followups; from flow.cli.app import app; app()",
                *("followups", "run", "--store", f"sqlite:///{path}", "--webhook", host.url, "--once"),
                *("--lease-seconds", "60", "--timeout", "20", "--worker-id", "doomed"),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        assert host.first_arrived.wait(60), (tmp_path / "doomed.log").read_text()
        os.kill(doomed.pid, signal.SIGKILL)
        doomed.wait(timeout=30)

        with SqliteStore(path) as store:
            # It held a lease on the job it was delivering only; the others wait unclaimed.
            assert sorted(str(job.worker) for job in store.pending_follow_ups()) == ["None", "None", "doomed"]
            later = Clock(datetime.now(UTC) + timedelta(seconds=61))
            with closing(WebhookDelivery(host.url, timeout=5)) as deliver:
                survivor = FollowUpWorker(
                    store,
                    deliver,
                    engines={"retail": Engine(retail, clock=later, understander=scripted)},
                    clock=later,
                )
                report = survivor.run_once()

            assert report.delivered == 3
            assert store.pending_follow_ups() == []
            assert [check_ins(store, cid) for cid in ids] == [1, 1, 1]
        assert sorted(host.answered) == sorted(set(host.received))
        assert Counter(host.received).most_common(1)[0] == (host.received[0], 2)
        assert len(host.received) == 4
    finally:
        log.close()
        host.stop()
