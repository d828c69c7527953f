"""``tactful followups run``: deliver due follow-ups and callbacks to the host's webhook, or print them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated

import typer

from flow.cli.app import TactfulTyper, app
from flow.cli.options import parse_moment

if TYPE_CHECKING:
    from flow.engine import Engine
    from flow.stores.base import Store

EXIT_INVALID = 2
EXIT_SOME_FAILED = 1

followups_app = TactfulTyper(help="Deliver follow-ups and callbacks after the chat.")
app.add_typer(followups_app, name="followups")


class _Engines:
    """Engines built on first use for each policy a queued conversation ran under."""

    def __init__(self, policy_sources: list[str], *, at: datetime | None = None) -> None:
        from flow.loading import load_policy
        from flow.transcripts import PolicyBook

        self._book = PolicyBook(load_policy(source) for source in policy_sources)
        self._engines: dict[str, Engine | None] = {}
        self._clock = (lambda: at) if at is not None else None

    def __call__(self, name: str) -> Engine | None:
        if name not in self._engines:
            from flow.engine import Engine

            policy = self._book.get(name)
            self._engines[name] = None if policy is None else Engine(policy, clock=self._clock)
        return self._engines[name]


@contextmanager
def _closing(deliver: object) -> Iterator[None]:
    """Close the webhook's HTTP client when the worker stops."""
    try:
        yield
    finally:
        close = getattr(deliver, "close", None)
        if close is not None:
            close()


@followups_app.command("run")
def run(
    store: Annotated[
        str, typer.Option("--store", help="memory, sqlite:///PATH, redis://HOST:PORT/DB or postgresql://USER@HOST/DB.")
    ] = ("sqlite:///tactful.db"),
    webhook: Annotated[
        str | None, typer.Option("--webhook", help="POST each follow-up here as JSON; print them when left out.")
    ] = None,
    once: Annotated[bool, typer.Option("--once", help="Deliver everything that is due now, then stop.")] = False,
    lease_seconds: Annotated[
        float, typer.Option("--lease-seconds", min=1.0, help="How long a claimed job stays this worker's.")
    ] = 60.0,
    worker_id: Annotated[
        str | None, typer.Option("--worker-id", help="This worker's name in the queue (random when left out).")
    ] = None,
    policy: Annotated[
        list[str] | None,
        typer.Option("--policy", help="A policy YAML file for conversations not under a bundled policy; repeatable."),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds the whole webhook POST may take, answer included.")
    ] = 10.0,
    poll_seconds: Annotated[
        float, typer.Option("--poll-seconds", min=0.1, help="Pause between polls when nothing is due.")
    ] = 5.0,
    at: Annotated[
        str | None,
        typer.Option("--at", help="Act as if it were this ISO time: what is due by then is delivered (or listed)."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only list what is due, deliver nothing and change nothing.")
    ] = False,
) -> None:
    """Deliver follow-ups at least once, never two workers at a time, however many share the store.

    Each due job is leased to this worker, the check-in is recorded in the conversation (reopening
    it so the customer's answer is taken), and the message is POSTed with an Idempotency-Key header
    within the lease. A failed POST is retried later with exponential backoff, with the same key.
    """
    import signal
    import threading

    from flow.errors import TactfulError
    from flow.extras import require
    from flow.followups import FollowUpWorker, PrintDelivery, WebhookDelivery
    from flow.stores import open_store
    from flow.stores.existing import open_existing_store

    moment = parse_moment(at)
    if dry_run:
        try:
            with open_existing_store(store) as opened:
                _list_due(opened, moment or datetime.now(UTC))
        except TactfulError as e:
            typer.echo(f"tactful followups run: {e}", err=True)
            raise typer.Exit(EXIT_INVALID) from None
        return
    try:
        if webhook:
            require("server", what="tactful followups run --webhook")
        queue = open_store(store)
        engines = _Engines(policy or [], at=moment)
        deliver = WebhookDelivery(webhook, timeout=timeout) if webhook else PrintDelivery()
        worker = FollowUpWorker(
            queue,
            deliver,
            engines=engines,
            worker_id=worker_id,
            lease_seconds=lease_seconds,
            clock=(lambda: moment) if moment is not None else None,
        )
    except TactfulError as e:
        typer.echo(f"tactful followups run: {e}", err=True)
        raise typer.Exit(EXIT_INVALID) from None
    with queue, _closing(deliver):
        if once:
            try:
                report = worker.run_once()
            except TactfulError as e:
                typer.echo(f"tactful followups run: {e}", err=True)
                raise typer.Exit(EXIT_SOME_FAILED) from None
            typer.echo(
                f"{worker.worker_id}: delivered {report.delivered}, failed {report.failed}, skipped {report.skipped}",
                err=True,
            )
            raise typer.Exit(EXIT_SOME_FAILED if report.failed else 0)
        stop = threading.Event()
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, lambda *_: stop.set())
        typer.echo(f"{worker.worker_id}: delivering follow-ups from {store}; Ctrl-C stops", err=True)
        try:
            worker.run_forever(poll_seconds=poll_seconds, stop=stop)
        except KeyboardInterrupt:
            stop.set()


def _list_due(store: Store, moment: datetime) -> None:
    """Print each follow-up and callback due by ``moment``, one a line, changing nothing."""
    from flow.counting import counted
    from flow.models import ScheduleFollowUp

    due = sorted((job for job in store.pending_follow_ups() if job.due_at <= moment), key=lambda job: job.due_at)
    for job in due:
        action = job.action
        said = action.text if isinstance(action, ScheduleFollowUp) else f"call back ({action.reason})"
        typer.echo(f"{job.due_at:%Y-%m-%d %H:%M %Z}  {job.kind:<9}  {job.conversation_id}  {' '.join(said.split())}")
    typer.echo(f"{counted(len(due), 'job')} due by {moment:%Y-%m-%d %H:%M %Z}; nothing was delivered", err=True)
