"""``tactful understand``: read customer messages on stdin, write what was understood as JSON lines."""

from __future__ import annotations

import json
import sys
from typing import Any

from flow.cli.app import app


def _message_text(line: str, number: int) -> tuple[str | None, dict[str, Any]]:
    """The text to read from one input line, or an error object; JSON lines may carry an ``id`` to echo."""
    if not line.lstrip().startswith("{"):
        return line, {}
    try:
        document = json.loads(line)
    except json.JSONDecodeError as error:
        return None, {
            "error": f"line {number}: not valid JSON ({error.msg} at column {error.colno}); "
            'send {"text": "..."} or plain text'
        }
    text = document.get("text") if isinstance(document, dict) else None
    if not isinstance(text, str):
        return None, {"error": f'line {number}: a JSON line needs a "text" string, as in {{"text": "refund please"}}'}
    echoed = {"id": document["id"]} if "id" in document else {}
    return text, echoed


@app.command("understand")
def understand_command() -> None:
    """Read one customer message a line (plain text or {"text": ...}) and print its signals as JSON lines.

    Each output line has intent, confidence, sentiment, abusive, threat and slots. A line that is
    malformed JSON gets {"error": ...} instead, and the following lines are still read.
    """
    from flow.understanding import Understander

    understander = Understander()
    for number, raw in enumerate(sys.stdin, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        text, extra = _message_text(line, number)
        if text is None:
            print(json.dumps(extra), flush=True)
            continue
        signals = understander.understand(text).model_dump()
        signals["confidence"] = round(signals["confidence"], 4)
        print(json.dumps({**extra, **signals}, ensure_ascii=False), flush=True)
