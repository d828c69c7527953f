"""The terminal chat behind ``tactful chat``: rich output, quick replies by number, Ctrl-D to leave."""

from __future__ import annotations

from datetime import datetime

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.prompt import Prompt

from flow.engine import Engine
from flow.errors import ConversationClosed, InvalidMessage, TactfulError
from flow.loading import load_policy
from flow.messages import clean_facts
from flow.models import Conversation, Turn

EXIT_INVALID = 2


def _show(console: Console, turn: Turn, engine: Engine, *, show_signals: bool) -> None:
    console.print(
        Panel(
            escape(turn.text),
            title=f"[bold]{escape(engine.policy.agent_name)}[/]",
            subtitle=f"[dim]{turn.state}[/]",
            title_align="left",
            subtitle_align="right",
            border_style="green" if turn.state != "escalated" else "yellow",
        )
    )
    if show_signals and turn.signals is not None:
        s = turn.signals
        console.print(
            f"[dim]understood: {s.intent} ({s.confidence:.2f}), sentiment {s.sentiment:+.2f}"
            f"{', abusive' if s.abusive else ''}{', threat' if s.threat else ''}[/]"
        )
    for action in turn.actions:
        console.print(f"[dim]action: {escape(action.type)}[/]")
    for number, reply in enumerate(turn.quick_replies, start=1):
        console.print(f"  [bold cyan]{number}[/] {escape(reply.title)}")


def _answer(engine: Engine, conversation: Conversation, turn: Turn, line: str) -> tuple[Conversation, Turn]:
    if line.isdigit() and 1 <= int(line) <= len(turn.quick_replies):
        return engine.reply(conversation, quick_reply=turn.quick_replies[int(line) - 1].payload)
    return engine.reply(conversation, line)


def run_chat(policy: str, facts: dict[str, str], moment: datetime | None, *, show_signals: bool = False) -> int:
    """Run the chat until the conversation closes or the input ends; return the exit code.

    ``facts`` are checked against the policy before the first message: a fact it does not declare,
    or a value it refuses, ends the chat at once with exit status 2.
    """
    console = Console(highlight=False)
    try:
        engine = Engine(load_policy(policy), clock=(lambda: moment) if moment else None)
        clean_facts(facts, engine.policy)
    except TactfulError as e:
        console.print(f"[red]{escape(str(e))}[/]")
        return EXIT_INVALID
    console.print(f"[dim]Chatting with {escape(engine.policy.company)} ({engine.policy.name}). Ctrl-D to leave.[/]")
    conversation: Conversation | None = None
    turn: Turn | None = None
    while True:
        try:
            line = Prompt.ask("[bold]you[/]", console=console).strip()
        except (EOFError, KeyboardInterrupt):
            console.print()
            return 0
        try:
            if conversation is None or turn is None:
                conversation, turn = engine.start(facts=facts, message=line)
            else:
                conversation, turn = _answer(engine, conversation, turn, line)
        except InvalidMessage as e:
            console.print(f"[yellow]{escape(e.reason)}[/]")
            continue
        except ConversationClosed:
            return 0
        except TactfulError as e:
            console.print(f"[red]{escape(str(e))}[/]")
            return EXIT_INVALID
        _show(console, turn, engine, show_signals=show_signals)
        if conversation.closed:
            console.print("[dim]The conversation is closed.[/]")
            return 0
