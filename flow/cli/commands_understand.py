"""``tactful understand``: read customer messages on stdin, write what was understood as JSON lines."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from typing import Annotated, Any

import typer

from flow.cli.app import app
from flow.cli.options import POLICY_HELP, parse_moment

_CONTEXT_FIELDS = ("state", "request", "offered", "asked", "question", "focus")


def _message(line: str, number: int) -> tuple[str | None, dict[str, Any], dict[str, Any]]:
    """The text and context to read from one input line, or an error object; JSON lines may carry an ``id``."""
    if not line.lstrip().startswith("{"):
        return line, {}, {}
    try:
        document = json.loads(line)
    except json.JSONDecodeError as error:
        return (
            None,
            {
                "error": f"line {number}: not valid JSON ({error.msg} at column {error.colno}); "
                'send {"text": "..."} or plain text'
            },
            {},
        )
    text = document.get("text") if isinstance(document, dict) else None
    if not isinstance(text, str):
        message = f'line {number}: a JSON line needs a "text" string, as in {{"text": "refund please"}}'
        return None, {"error": message}, {}
    echoed = {"id": document["id"]} if "id" in document else {}
    context = document.get("context") or {}
    if not isinstance(context, dict) or set(context) - set(_CONTEXT_FIELDS):
        fields = ", ".join(_CONTEXT_FIELDS)
        return None, {**echoed, "error": f'line {number}: "context" is an object with only: {fields}'}, {}
    return text, echoed, context


@app.command("understand")
def understand_command(
    policy: Annotated[str, typer.Option("--policy", "-p", help=POLICY_HELP)] = "retail",
    at: Annotated[str | None, typer.Option(help="Read dates as if it were this ISO time (default: now).")] = None,
) -> None:
    """Read one customer message a line (plain text or {"text": ..., "context": {...}}) and print its signals.

    Each output line is a JSON object: intent, confidence, sentiment, abusive, profanity, threat, irony,
    slots, acts (each with kind and, where it has them, target, negated and candidates), facts (by the
    policy's fact names) and malformed. A JSON line's optional "context" says what the conversation had
    just done: state, request, offered (ids), asked (a fact), question, focus. A malformed line gets
    {"error": ...} instead, and the following lines are still read.
    """
    from flow.errors import TactfulError
    from flow.loading import load_policy
    from flow.reading import PolicyReading
    from flow.understanding import Understander

    try:
        reading = PolicyReading(load_policy(policy))
    except TactfulError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(2) from error
    now = parse_moment(at) or datetime.now(UTC)
    understander = Understander()
    for number, raw in enumerate(sys.stdin, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        text, extra, fields = _message(line, number)
        if text is None:
            print(json.dumps(extra), flush=True)
            continue
        try:
            context = reading.context(**{**fields, "offered": tuple(fields.get("offered", ()))}, now=now)
        except (TypeError, KeyError) as error:
            print(json.dumps({**extra, "error": f"line {number}: the context does not fit the policy ({error})"}))
            continue
        print(json.dumps({**extra, **signals_document(understander.understand(text, context))}, ensure_ascii=False))


def signals_document(signals: Any) -> dict[str, Any]:
    """The JSON form of :class:`~flow.models.Signals` that ``tactful understand`` prints."""
    document: dict[str, Any] = signals.model_dump(mode="json", exclude={"acts"})
    document["confidence"] = round(document["confidence"], 4)
    document["acts"] = [act.model_dump(mode="json", exclude_defaults=True) for act in signals.acts]
    return document
