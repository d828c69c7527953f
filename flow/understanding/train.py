"""Train the intent model and write ``intent_weights.bin`` next to this file.

Run ``python -m flow.understanding.train``; ``--cross-validate`` reports k-fold macro-F1 on the
training part instead of writing weights, and ``--leave-one-source-out`` trains once per source of the
development utterances without that source and scores the model on it. Only the training part of the
development utterances is read (see ``dataset.py``), plus the phrasings in ``phrasings.txt``. Training
is plain multinomial logistic regression by stochastic gradient descent with a seeded shuffle, so the
same data gives the same weights.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from flow.understanding._model import WEIGHTS_PATH, IntentModel, feature_scale, message_features, softmax
from flow.understanding._text import canonical_tokens
from flow.understanding.dataset import ABUSIVE_LABEL, SourceFold, Utterance, load_split, load_utterances, source_folds
from flow.understanding.metrics import classification_report

PHRASINGS_PATH = Path(__file__).with_name("phrasings.txt")
MODEL_CLASSES = (
    "request_refund",
    "request_cancel",
    "ask_policy",
    "ask_human",
    "complaint",
    "accept",
    "reject",
    "thank_close",
    "unknown",
)


@dataclass(frozen=True, slots=True)
class TrainingSettings:
    """How long and how hard to train."""

    epochs: int = 30
    learning_rate: float = 0.4
    decay: float = 0.1
    l2: float = 1e-4
    seed: int = 7


def load_phrasings(path: Path = PHRASINGS_PATH) -> list[Utterance]:
    """The hand-written phrasings: one message a line under ``## label`` headers; ``#`` lines are notes."""
    label = ""
    phrasings: list[Utterance] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            label = line[3:].strip()
        elif line.strip() and not line.startswith("# "):
            phrasings.append(Utterance(text=line.strip(), label=label))
    return phrasings


def training_examples() -> list[Utterance]:
    """The training part of the development utterances (without the abuse-only label) and the phrasings."""
    split = load_split()
    return [u for u in split.train if u.label != ABUSIVE_LABEL] + load_phrasings()


def source_models(settings: TrainingSettings) -> Iterator[tuple[SourceFold, IntentModel]]:
    """For each source of the development utterances, a model trained on all the others and the phrasings.

    The folds leave out the abuse-only label on both sides, as training and the benchmark do.
    """
    usable = [u for u in load_utterances() if u.label != ABUSIVE_LABEL]
    phrasings = load_phrasings()
    for fold in source_folds(usable):
        yield fold, train([*fold.train, *phrasings], settings)


def train(examples: Sequence[Utterance], settings: TrainingSettings = TrainingSettings()) -> IntentModel:
    """Fit a softmax regression over ``message_features`` and return the model."""
    classes = MODEL_CLASSES
    index = {name: i for i, name in enumerate(classes)}
    feature_ids: dict[str, int] = {}
    encoded: list[tuple[list[int], float, int]] = []
    for example in examples:
        words = canonical_tokens(example.text)
        ids = [feature_ids.setdefault(name, len(feature_ids)) for name in message_features(words)]
        encoded.append((ids, feature_scale(len(words)), index[example.label]))
    width = len(classes)
    weights = [[0.0] * width for _ in feature_ids]
    bias = [0.0] * width
    rng = random.Random(settings.seed)
    order = list(range(len(encoded)))
    for epoch in range(settings.epochs):
        rng.shuffle(order)
        rate = settings.learning_rate / (1 + settings.decay * epoch)
        shrink = 1 - rate * settings.l2
        for position in order:
            ids, scale, target = encoded[position]
            scores = list(bias)
            for feature in ids:
                row = weights[feature]
                scores = [s + scale * w for s, w in zip(scores, row, strict=True)]
            gradient = softmax(scores)
            gradient[target] -= 1.0
            step = [rate * g for g in gradient]
            bias = [b - s for b, s in zip(bias, step, strict=True)]
            scaled = [scale * s for s in step]
            for feature in ids:
                row = weights[feature]
                weights[feature] = [shrink * w - s for w, s in zip(row, scaled, strict=True)]
    names = list(feature_ids)
    return IntentModel.from_floats(classes, bias, {names[i]: row for i, row in enumerate(weights)})


def predict(model: IntentModel, text: str) -> str:
    """The most likely model class for ``text``."""
    probabilities = model.probabilities(canonical_tokens(text))
    return model.classes[probabilities.index(max(probabilities))]


def cross_validate(examples: Sequence[Utterance], folds: int, settings: TrainingSettings) -> float:
    """Macro-F1 over ``folds`` seeded folds of ``examples``; prints the pooled report."""
    shuffled = list(examples)
    random.Random(settings.seed).shuffle(shuffled)
    gold: list[str] = []
    predicted: list[str] = []
    for fold in range(folds):
        held = shuffled[fold::folds]
        rest = [u for i, u in enumerate(shuffled) if i % folds != fold]
        model = train(rest, settings)
        gold.extend(u.label for u in held)
        predicted.extend(predict(model, u.text) for u in held)
    report = classification_report(gold, predicted)
    for label, scores in report.per_label.items():
        print(f"{label:16} p={scores.precision:.3f} r={scores.recall:.3f} f1={scores.f1:.3f} n={scores.support}")
    print(f"macro-F1 {report.macro_f1:.4f}")
    return report.macro_f1


def leave_one_source_out(settings: TrainingSettings) -> dict[str, float]:
    """The model's macro-F1 on each source when trained without it (over the labels that source has)."""
    scores: dict[str, float] = {}
    for fold, model in source_models(settings):
        report = classification_report(
            [u.label for u in fold.held_out], [predict(model, u.text) for u in fold.held_out]
        )
        scores[fold.source] = report.macro_f1
        print(f"{report.macro_f1:.4f}  n={len(fold.held_out):4d}  {fold.source}")
    return scores


def main(argv: Sequence[str] | None = None) -> None:
    """Command-line entry: train and write the weights, or cross-validate."""
    defaults = TrainingSettings()
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cross-validate", type=int, metavar="FOLDS", default=0)
    parser.add_argument(
        "--leave-one-source-out", action="store_true", help="score each source with a model trained without it"
    )
    parser.add_argument("--epochs", type=int, default=defaults.epochs)
    parser.add_argument("--learning-rate", type=float, default=defaults.learning_rate)
    parser.add_argument("--l2", type=float, default=defaults.l2)
    parser.add_argument("--output", type=Path, default=WEIGHTS_PATH)
    arguments = parser.parse_args(argv)
    settings = TrainingSettings(epochs=arguments.epochs, learning_rate=arguments.learning_rate, l2=arguments.l2)
    if arguments.leave_one_source_out:
        leave_one_source_out(settings)
        return
    examples = training_examples()
    if arguments.cross_validate:
        cross_validate(examples, arguments.cross_validate, settings)
        return
    model = train(examples, settings)
    model.save(arguments.output)
    print(f"wrote {len(model.weights)} features for {len(model.classes)} classes to {arguments.output}")


if __name__ == "__main__":
    main()
