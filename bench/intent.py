"""Intent on the development utterances: the held-out split, and each source held out in turn.

Intent is read two ways: ``Signals.intent``, the main act of a message read with no context, and the
intent model with its rules alone (its reading before acts are read; what ``intent_weights.bin`` is
held to). Printed by ``bench/understanding.py``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from flow.understanding import Understander, extract_slots
from flow.understanding._text import canonical_tokens
from flow.understanding.dataset import ABUSIVE_LABEL, Utterance
from flow.understanding.metrics import Report, classification_report
from flow.understanding.train import TrainingSettings, source_models

SOURCE_EPOCHS = 10
"""Epochs per leave-one-source-out model: on the stratified split 5, 10 and 30 epochs score within 0.01."""


def model_intent(understander: Understander, text: str) -> str:
    """The intent the model and its rules give ``text``, before acts are read: what the weights are held to."""
    signals = understander.understand(text)
    hostile = signals.abusive or signals.threat
    return understander.intent(
        canonical_tokens(text), extract_slots(text), hostile=hostile, sentiment=signals.sentiment
    )[0]


def intent_reports(understander: Understander, utterances: Sequence[Utterance]) -> tuple[Report, Report]:
    """Macro-F1 reports of ``Signals.intent`` and of the model's own reading, without the abuse-only label."""
    rows = [u for u in utterances if u.label != ABUSIVE_LABEL]
    gold = [u.label for u in rows]
    signals = classification_report(gold, [understander.understand(u.text).intent for u in rows])
    model = classification_report(gold, [model_intent(understander, u.text) for u in rows])
    return signals, model


def short_source(source: str) -> str:
    """``clinc`` for ``clinc/oos-eval@828f809:data/data_full.json[train]``."""
    return source.split("/")[0].split("@")[0] or "(no source)"


def by_source() -> dict[str, object]:
    """Leave-one-source-out: train without each source (and with the phrasings), score on that source."""
    began = time.perf_counter()
    found: dict[str, object] = {}
    print(f"\nIntent, leave one source out (a model trained per source, {SOURCE_EPOCHS} epochs)")
    print(f"  {'held-out source':20} {'n':>5}  {'Signals.intent':>14}  {'model alone':>11}  labels")
    for fold, model in source_models(TrainingSettings(epochs=SOURCE_EPOCHS)):
        signals, alone = intent_reports(Understander(model=model), fold.held_out)
        name = short_source(fold.source)
        labels = sorted(signals.per_label)
        scores = f"{signals.macro_f1:14.4f}  {alone.macro_f1:11.4f}"
        print(f"  {name:20} {len(fold.held_out):5d}  {scores}  {', '.join(labels)}")
        found[name] = {
            "source": fold.source,
            "messages": len(fold.held_out),
            "trained_on": len(fold.train),
            "labels": labels,
            "signals_intent": report_json(signals),
            "model_alone": report_json(alone),
        }
    seconds = time.perf_counter() - began
    print(f"  took {seconds:.1f} s ({len(found)} models trained)")
    return {"epochs": SOURCE_EPOCHS, "seconds": round(seconds, 1), "sources": found}


def print_report(title: str, report: Report) -> None:
    """Per-label precision, recall and F1, macro-F1 and accuracy, and the commonest confusions."""
    print(f"\n{title}")
    print(f"  {'label':16} {'precision':>9} {'recall':>7} {'f1':>6} {'n':>5}")
    for label, scores in report.per_label.items():
        print(f"  {label:16} {scores.precision:9.3f} {scores.recall:7.3f} {scores.f1:6.3f} {scores.support:5d}")
    print(f"  macro-F1 {report.macro_f1:.4f}   accuracy {report.accuracy:.4f}")
    print(
        "  commonest confusions:", ", ".join(f"{c['gold']}→{c['predicted']} ×{c['count']}" for c in confusions(report))
    )


def confusions(report: Report, limit: int = 8) -> list[dict[str, object]]:
    """The commonest wrong readings, most frequent first."""
    wrong = sorted(((n, g, p) for (g, p), n in report.confusion.items() if g != p), reverse=True)[:limit]
    return [{"gold": g, "predicted": p, "count": n} for n, g, p in wrong]


def report_json(report: Report) -> dict[str, object]:
    """A report as it goes into the results file."""
    return {
        "macro_f1": round(report.macro_f1, 4),
        "accuracy": round(report.accuracy, 4),
        "per_label": {
            label: {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "n": s.support,
            }
            for label, s in report.per_label.items()
        },
        "top_confusions": confusions(report),
    }
