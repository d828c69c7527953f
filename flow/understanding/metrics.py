"""Precision, recall, F1 and confusion counts for labelled predictions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LabelScores:
    """How one label fared."""

    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class Report:
    """Per-label scores, their macro average and the confusion counts ``(gold, predicted) -> n``."""

    per_label: dict[str, LabelScores]
    macro_f1: float
    accuracy: float
    confusion: dict[tuple[str, str], int]


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def binary_scores(gold: Sequence[bool], predicted: Sequence[bool]) -> LabelScores:
    """Precision and recall of the ``True`` class."""
    pairs = list(zip(gold, predicted, strict=True))
    true_positive = sum(1 for g, p in pairs if g and p)
    precision = _ratio(true_positive, sum(1 for _, p in pairs if p))
    recall = _ratio(true_positive, sum(1 for g, _ in pairs if g))
    return LabelScores(precision, recall, _f1(precision, recall), sum(1 for g in gold if g))


def classification_report(gold: Sequence[str], predicted: Sequence[str]) -> Report:
    """Scores for every gold label; the macro-F1 averages over the gold labels only."""
    confusion = Counter(zip(gold, predicted, strict=True))
    per_label: dict[str, LabelScores] = {}
    for label in sorted(set(gold)):
        true_positive = confusion[(label, label)]
        predicted_count = sum(1 for p in predicted if p == label)
        support = sum(1 for g in gold if g == label)
        precision = _ratio(true_positive, predicted_count)
        recall = _ratio(true_positive, support)
        per_label[label] = LabelScores(precision, recall, _f1(precision, recall), support)
    macro = sum(s.f1 for s in per_label.values()) / len(per_label) if per_label else 0.0
    accuracy = _ratio(sum(1 for g, p in zip(gold, predicted, strict=True) if g == p), len(gold))
    return Report(per_label, macro, accuracy, dict(confusion))
