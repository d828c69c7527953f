"""The linear intent model: word, word-pair and in-word character n-gram features, softmax output.

Every feature of a message has the same value, ``1 / sqrt(number of words)``, so a word's
contribution (its own weight plus its character n-grams) is one fixed vector: it is summed once per
word and cached, and scoring a message adds one vector per word, word pair and negated word.
"""

from __future__ import annotations

import json
import math
import struct
import sys
from array import array
from collections.abc import Mapping, Sequence
from pathlib import Path

from flow.understanding._text import NUMBER

WEIGHTS_PATH = Path(__file__).with_name("intent_weights.bin")
WEIGHTS_MAGIC = b"tactful intent weights 1"
LANE_TYPES = ("h", "i", "q")
"""Integer array types a weights file may store its weights in; the narrowest that fits is used."""
CHAR_NGRAM_SIZES = (3, 4, 5)
START, END = "<s>", "</s>"
NEGATION_SCOPE = 3
NEGATORS = frozenset(
    """not no never dont doesnt didnt isnt arent wasnt werent cant cannot wont wouldnt shouldnt couldnt
    aint nothing none nor neither without hardly""".split()
)
_CACHE_LIMIT = 50_000
LANE_BITS = 64
LANE_OFFSET = 1 << 62
_SIGN_FILL = bytes(0xFF if value & 0x80 else 0 for value in range(256))
_FLIP_HIGH_BIT = bytes(value ^ 0x80 for value in range(256))


def char_ngrams(word: str) -> list[str]:
    """The character n-grams of ``word`` with boundary marks, as feature names."""
    if word == NUMBER:
        return []
    marked = f"<{word}>"
    return ["c:" + marked[start : start + size] for size in CHAR_NGRAM_SIZES for start in range(len(marked) - size + 1)]


def word_features(word: str) -> list[str]:
    """The feature names one word contributes on its own."""
    return ["w:" + word, *char_ngrams(word)]


def pair_features(words: Sequence[str]) -> list[str]:
    """The feature names of the first and the last word with the message's start and end marks."""
    if not words:
        return [f"b:{START} {END}"]
    return [f"b:{START} {words[0]}", f"b:{words[-1]} {END}"]


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
    names = pair_features(words)
    if not NEGATORS.isdisjoint(words):
        names.extend(negated_features(words))
    return names


def message_features(words: Sequence[str]) -> list[str]:
    """Every feature name of a message (all share the value ``feature_scale(len(words))``)."""
    names = [name for word in words for name in word_features(word)]
    names.extend(context_features(words))
    return names


def feature_scale(word_count: int) -> float:
    """The value each feature of a message with ``word_count`` words has."""
    return 1.0 / math.sqrt(max(word_count, 1))


def _packed_rows(names: Sequence[str], lanes: bytes, lane_bytes: int) -> dict[str, int]:
    """Each name's row of little-endian signed ``lane_bytes``-byte integers as one packed integer.

    Without a Python loop over the lanes: every lane is widened to 8 bytes with its sign and its top
    bit flipped, which adds ``2**63`` to it, so that a row's bytes read as one unsigned integer: the
    packed row plus ``2**63`` in every lane.
    """
    count = len(lanes) // lane_bytes
    raw = bytearray(8 * count)
    for byte in range(lane_bytes):
        raw[byte::8] = lanes[byte::lane_bytes]
    sign = lanes[lane_bytes - 1 :: lane_bytes].translate(_SIGN_FILL)
    for byte in range(lane_bytes, 8):
        raw[byte::8] = sign
    raw[7::8] = raw[7::8].translate(_FLIP_HIGH_BIT)
    width = count // len(names) if names else 0
    row = 8 * width
    biased = sum(1 << (LANE_BITS * lane + LANE_BITS - 1) for lane in range(width))
    view = memoryview(raw)
    return {name: int.from_bytes(view[i * row : (i + 1) * row], "little") - biased for i, name in enumerate(names)}


def _fits(values: Sequence[int], size: int) -> bool:
    limit = 1 << (8 * size - 1)
    return all(-limit <= value < limit for value in values)


def softmax(scores: Sequence[float]) -> list[float]:
    """Probabilities from raw class scores."""
    top = max(scores)
    exp = math.exp
    exps = [exp(value - top) for value in scores]
    total = sum(exps)
    return [value / total for value in exps]


class IntentModel:
    """Scores a message's canonical words against each intent class.

    Weights are integers in units of ``unit``. For speed, a feature's weights for all classes are
    packed into one Python integer, class ``k`` in bits ``64k`` to ``64k + 63``: adding packed
    integers adds every class at once, exactly. Lanes may go negative while summing; adding
    ``LANE_OFFSET`` to every lane at the end makes each lane a plain unsigned 64-bit number that
    ``struct`` reads back in one call.
    """

    def __init__(
        self, classes: Sequence[str], bias: Sequence[float], weights: Mapping[str, Sequence[int]], *, unit: float
    ) -> None:
        packed = {
            name: sum(value << (LANE_BITS * lane) for lane, value in enumerate(row)) for name, row in weights.items()
        }
        self._set_up(classes, bias, packed, unit=unit)

    def _set_up(self, classes: Sequence[str], bias: Sequence[float], packed: Mapping[str, int], *, unit: float) -> None:
        self.classes = tuple(classes)
        self.bias = tuple(bias)
        self.unit = unit
        width = len(self.classes)
        self._offsets = sum(LANE_OFFSET << (LANE_BITS * lane) for lane in range(width))
        self._lanes = struct.Struct(f"<{width}Q")
        self._features = dict(packed)
        self._packed: dict[str, int] = {}
        self._pairs: dict[tuple[str, str], int] = {}
        self._negated: dict[str, int] = {}
        for name, vector in self._features.items():
            kind, _, key = name.partition(":")
            if kind == "b":
                first, _, second = key.partition(" ")
                self._pairs[(first, second)] = vector
            elif kind == "n":
                self._negated[key] = vector
            else:
                self._packed[name] = vector
        self._word_vectors: dict[str, int] = {}

    @classmethod
    def from_floats(
        cls, classes: Sequence[str], bias: Sequence[float], weights: dict[str, Sequence[float]], *, digits: int = 3
    ) -> IntentModel:
        """A model from trained float weights, rounded to ``digits`` decimal places; all-zero rows dropped."""
        factor = 10**digits
        rounded = {name: [round(v * factor) for v in row] for name, row in weights.items()}
        kept = {name: row for name, row in rounded.items() if any(row)}
        return cls(classes, [round(v * factor) / factor for v in bias], kept, unit=1 / factor)

    @property
    def weights(self) -> dict[str, tuple[int, ...]]:
        """Each feature's integer weight for every class, in the order of ``classes``."""
        size = self._lanes.size
        return {
            name: tuple(
                lane - LANE_OFFSET for lane in self._lanes.unpack((vector + self._offsets).to_bytes(size, "little"))
            )
            for name, vector in self._features.items()
        }

    @classmethod
    def load(cls, path: Path = WEIGHTS_PATH) -> IntentModel:
        """Read weights written by :meth:`save` (``python -m flow.understanding.train``)."""
        data = path.read_bytes()
        magic, _, rest = data.partition(b"\n")
        if magic != WEIGHTS_MAGIC:
            raise ValueError(f"{path} is not a tactful intent weights file (it starts {magic[:40]!r})")
        header_line, _, body = rest.partition(b"\n")
        header = json.loads(header_line)
        names = body[: header["names_bytes"]].decode("utf-8").split("\n")[:-1]
        lanes = body[header["names_bytes"] :]
        if len(names) != header["features"] or len(lanes) != len(names) * len(header["classes"]) * header["lane_bytes"]:
            raise ValueError(f"{path} is cut short or damaged; train again with python -m flow.understanding.train")
        packed = _packed_rows(names, lanes, header["lane_bytes"])
        model = cls.__new__(cls)
        model._set_up(header["classes"], header["bias"], packed, unit=float(header["unit"]))
        return model

    def save(self, path: Path) -> None:
        """Write the model: a header line, the feature names, then every weight as a little-endian integer."""
        weights = sorted(self.weights.items())
        values = [value for _, row in weights for value in row]
        typecode = next(code for code in LANE_TYPES if _fits(values, array(code).itemsize))
        lanes = array(typecode, values)
        if sys.byteorder != "little":
            lanes.byteswap()
        names = "".join(name + "\n" for name, _ in weights).encode("utf-8")
        header = {
            "classes": list(self.classes),
            "unit": self.unit,
            "bias": list(self.bias),
            "features": len(weights),
            "lane_bytes": lanes.itemsize,
            "names_bytes": len(names),
        }
        header_line = json.dumps(header, separators=(",", ":")).encode("utf-8")
        path.write_bytes(b"\n".join((WEIGHTS_MAGIC, header_line, names + lanes.tobytes())))

    def probabilities(self, words: Sequence[str]) -> list[float]:
        """The probability of each class in ``classes`` for a message's canonical words."""
        cache = self._word_vectors
        try:
            total = sum([cache[word] for word in words])
        except KeyError:
            total = sum([self._word_vector(word) for word in words])
        pairs = self._pairs
        if words:
            total += pairs.get((START, words[0]), 0) + pairs.get((words[-1], END), 0)
        if not NEGATORS.isdisjoint(words):
            total += sum(self._negated.get(name[2:], 0) for name in negated_features(words))
        factor = feature_scale(len(words)) * self.unit
        lanes = self._lanes.unpack((total + self._offsets).to_bytes(self._lanes.size, "little"))
        return softmax([b + factor * (lane - LANE_OFFSET) for b, lane in zip(self.bias, lanes, strict=True)])

    def knows(self, word: str) -> bool:
        """Whether ``word`` was seen in training (so it is spelt as people spell it)."""
        return "w:" + word in self._packed

    def _word_vector(self, word: str) -> int:
        vector = self._word_vectors.get(word)
        if vector is None:
            packed = self._packed
            vector = sum(packed.get(name, 0) for name in word_features(word))
            if len(self._word_vectors) >= _CACHE_LIMIT:
                self._word_vectors.clear()
            self._word_vectors[word] = vector
        return vector
