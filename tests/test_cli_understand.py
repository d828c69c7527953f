"""``tactful understand``: messages on stdin, one JSON line of signals out for each."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import flow.cli.commands_understand  # noqa: F401  (registers the command on the app)
from flow.cli.app import app

runner = CliRunner()


def _run(stdin: str) -> tuple[int, list[dict[str, object]]]:
    result = runner.invoke(app, ["understand"], input=stdin)
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines()]


def test_plain_text_and_json_lines_each_get_their_signals() -> None:
    code, lines = _run('please cancel my subscription\n{"text": "you useless idiot, I will sue"}\n')
    assert code == 0
    assert [line["intent"] for line in lines] == ["request_cancel", "complaint"]
    assert lines[1]["abusive"] is True
    assert lines[1]["threat"] is True
    assert set(lines[0]) == {
        "intent", "confidence", "sentiment", "abusive", "profanity", "threat", "irony", "slots", "acts", "facts",
        "request_facts", "order_facts", "malformed", "language",
    }  # fmt: skip
    assert lines[0]["acts"] == [{"kind": "request", "target": "cancel"}]
    assert {"kind": "abuse"} in lines[1]["acts"]


def test_a_context_reads_the_answer_to_what_was_on_offer() -> None:
    context = (
        '"context": {"state": "offering_alternatives", "request": "refund", "offered": ["store_credit", "exchange"]}'
    )
    code, lines = _run(f'{{"text": "credit is fine, thanks a lot", {context}}}\n{{"text": "yes please", {context}}}\n')
    assert code == 0
    assert lines[0]["acts"] == [{"kind": "choose", "target": "store_credit"}, {"kind": "thank"}]
    assert lines[1]["acts"] == [{"kind": "choose", "candidates": ["store_credit", "exchange"]}]


def test_dates_are_read_against_the_given_time_in_the_policys_zone() -> None:
    result = runner.invoke(app, ["understand", "--at", "2026-11-24T11:30Z"], input="I ordered it on 2 October\n")
    assert json.loads(result.stdout)["facts"] == {"days_since_purchase": 53}


def test_a_context_with_unknown_fields_gets_an_error_line() -> None:
    code, lines = _run('{"text": "yes", "context": {"mood": "good"}}\n')
    assert code == 0
    assert "context" in str(lines[0]["error"])


def test_slots_and_sentiment_are_in_the_output() -> None:
    _, [line] = _run("I'm really unhappy, order A-1001 arrived broken 3 days ago\n")
    assert line["slots"] == {"order_id": "A-1001", "days_ago": "3"}
    assert isinstance(line["sentiment"], float)
    assert line["sentiment"] < 0


def test_a_malformed_json_line_gets_an_error_line_and_the_rest_is_still_read() -> None:
    code, lines = _run('{"text": "refund me\n{"message": "hi"}\nthanks, bye\n')
    assert code == 0
    assert "line 1: not valid JSON" in str(lines[0]["error"])
    assert 'line 2: a JSON line needs a "text" string' in str(lines[1]["error"])
    assert lines[2]["intent"] == "thank_close"


def test_an_id_on_a_json_line_is_echoed_and_blank_lines_are_skipped() -> None:
    code, lines = _run('\n{"id": 7, "text": "why?"}\n\n')
    assert code == 0
    assert len(lines) == 1
    assert (lines[0]["id"], lines[0]["intent"]) == (7, "ask_why")
