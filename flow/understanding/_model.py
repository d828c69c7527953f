"""The linear intent model: word, word-pair and in-word character n-gram features, softmax output.

Every feature of a message has the same value, ``1 / sqrt(number of words)``, so a word's
contribution (its own weight plus its character n-grams) is one fixed vector: it is summed once per
word and cached, and scoring a message adds a handful of short vectors.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

from flow.understanding._text import NUMBER

WEIGHTS_PATH = Path(__file__).with_name("intent_weights.json")
CHAR_NGRAM_SIZES = (3, 4, 5)
START, END = "<s>", "</s>"
NEGATION_SCOPE = 3
NEGATORS = frozenset(
    """not no never dont doesnt didnt isnt arent wasnt werent cant cannot wont wouldnt shouldnt couldnt
    aint nothing none nor neither without hardly""".split()
)
_CACHE_LIMIT = 50_000

Vector = tuple[float, ...]


def char_ngrams(word: str) -> list[str]:
    """The character n-grams of ``word`` with boundary marks, as feature names."""
    if word == NUMBER:
        return []
    marked = f"<{word}>"
    return [
        "c:" + marked[start : start + size]
        for size in CHAR_NGRAM_SIZES
        for start in range(len(marked) - size + 1)
    ]


def word_features(word: str) -> list[str]:
    """The feature names one word contributes on its own."""
    return ["w:" + word, *char_ngrams(word)]


def pair_features(words: Sequence[str]) -> list[str]:
    """The feature names of adjacent word pairs, with start and end marks."""
    marked = [START, *words, END]
    return [f"b:{first} {second}" for first, second in zip(marked, marked[1:], strict=False)]


def negated_features(words: Sequence[str]) -> list[str]:
    """The words within a few places after a negation, marked so that "not true" differs from "true"."""
    names: list[str] = []
    remaining = 0
    for word in words:
        if word in NEGATORS:
            remaining = NEGATION_SCOPE
        elif remaining:
            names.append("n:" + word)
            remaining -= 1
    return names


def context_features(words: Sequence[str]) -> list[str]:
    """The features that depend on a word's neighbours rather than the word alone."""
    return pair_features(words) + negated_features(words)


def message_features(words: Sequence[str]) -> list[str]:
    """Every feature name of a message (all share the value ``feature_scale(len(words))``)."""
    names = [name for word in words for name in word_features(word)]
    names.extend(context_features(words))
    return names


def feature_scale(word_count: int) -> float:
    """The value each feature of a message with ``word_count`` words has."""
    return 1.0 / math.sqrt(max(word_count, 1))


def softmax(scores: Iterable[float]) -> list[float]:
    """Probabilities from raw class scores."""
    values = list(scores)
    top = max(values)
    exps = [math.exp(value - top) for value in values]
    total = sum(exps)
    return [value / total for value in exps]


class IntentModel:
    """Scores a message's canonical words against each intent class."""

    def __init__(self, classes: Sequence[str], bias: Sequence[float], weights: dict[str, Vector]) -> None:
        self.classes = tuple(classes)
        self.bias = tuple(bias)
        self.weights = weights
        self._word_vectors: dict[str, Vector | None] = {}

    @classmethod
    def load(cls, path: Path = WEIGHTS_PATH) -> IntentModel:
        """Read weights written by ``python -m flow.understanding.train``."""
        document = json.loads(path.read_text(encoding="utf-8"))
        scale = float(document["scale"])
        weights = {name: tuple(v * scale for v in row) for name, row in document["weights"].items()}
        return cls(document["classes"], [v * scale for v in document["bias"]], weights)

    def to_document(self, *, digits: int = 3) -> dict[str, object]:
        """The weights as a compact JSON-ready document (integers times ``scale``)."""
        factor = 10**digits
        return {
            "classes": list(self.classes),
            "scale": 1 / factor,
            "bias": [round(v * factor) for v in self.bias],
            "weights": {
                name: [round(v * factor) for v in row]
                for name, row in sorted(self.weights.items())
                if any(round(v * factor) for v in row)
            },
        }

    def probabilities(self, words: Sequence[str]) -> list[float]:
        """The probability of each class in ``classes`` for a message's canonical words."""
        vectors = [vector for word in words if (vector := self._word_vector(word)) is not None]
        weights = self.weights
        for name in context_features(words):
            vector = weights.get(name)
            if vector is not None:
                vectors.append(vector)
        if not vectors:
            return softmax(self.bias)
        scale = feature_scale(len(words))
        return softmax(b + scale * sum(column) for b, column in zip(self.bias, zip(*vectors), strict=True))

    def _word_vector(self, word: str) -> Vector | None:
        try:
            return self._word_vectors[word]
        except KeyError:
            pass
        weights = self.weights
        found = [vector for name in word_features(word) if (vector := weights.get(name)) is not None]
        vector = tuple(sum(column) for column in zip(*found)) if found else None
        if len(self._word_vectors) >= _CACHE_LIMIT:
            self._word_vectors.clear()
        self._word_vectors[word] = vector
        return vector
