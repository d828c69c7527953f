"""How understanding is measured: the labelled table's floors, and folds by source of the development set."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.acts import contexts, load_table, score
from flow.understanding.dataset import Utterance, load_utterances, source_folds
from flow.understanding.train import TrainingSettings, leave_one_source_out

ACTS_FLOOR = 0.90
FACTS_FLOOR = 0.95


def test_the_table_is_read_at_its_floors() -> None:
    rows = load_table()
    assert len(rows) >= 300
    found = score(rows)
    assert found.micro_f1 >= ACTS_FLOOR
    assert found.fact_accuracy() >= FACTS_FLOOR


def test_the_part_written_before_acts_were_read_is_read_at_its_floor() -> None:
    rows = load_table(["part1"])
    assert len(rows) >= 100
    assert {row.part for row in rows} == {"part1"}
    assert score(rows).micro_f1 >= ACTS_FLOOR


def test_each_row_is_read_in_the_context_it_was_labelled_in() -> None:
    rows = [row for row in load_table() if row.context.get("offered")][:5]
    for row, context in zip(rows, contexts(rows), strict=True):
        assert [offer.id for offer in context.offered] == row.context["offered"]
        assert context.state == row.context["state"]
        assert context.today is not None


def test_the_development_lines_say_where_they_came_from() -> None:
    sources = {u.source for u in load_utterances()}
    assert len(sources) >= 2
    assert "" not in sources


def test_each_source_is_held_out_once_and_trained_on_otherwise() -> None:
    utterances = [
        Utterance("refund me", "request_refund", "a"),
        Utterance("cancel it", "request_cancel", "b"),
        Utterance("money back please", "request_refund", "a"),
        Utterance("thanks", "thank_close", "c"),
    ]
    folds = source_folds(utterances)
    assert [fold.source for fold in folds] == ["a", "b", "c"]
    for fold in folds:
        assert all(u.source == fold.source for u in fold.held_out)
        assert all(u.source != fold.source for u in fold.train)
        assert len(fold.train) + len(fold.held_out) == len(utterances)


def test_leave_one_source_out_scores_every_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "utterances.jsonl"
    lines = [
        ('"I want a refund"', "request_refund", "shop"),
        ('"please cancel my order"', "request_cancel", "shop"),
        ('"refund my money"', "request_refund", "bank"),
        ('"cancel the plan"', "request_cancel", "bank"),
    ]
    data.write_text(
        "".join(f'{{"text": {text}, "label": "{label}", "source": "{source}"}}\n' for text, label, source in lines),
        encoding="utf-8",
    )
    monkeypatch.setenv("TACTFUL_UTTERANCES", str(data))
    scores = leave_one_source_out(TrainingSettings(epochs=5))
    assert set(scores) == {"bank", "shop"}
    assert all(0.0 <= value <= 1.0 for value in scores.values())
    printed = capsys.readouterr().out
    assert "n=   2  bank" in printed
    assert "n=   2  shop" in printed
