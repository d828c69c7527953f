"""The labelled utterances that train and measure intent detection, and their fixed split.

The held-out part is chosen once, by label and with a fixed seed, so the training script never sees
it and the benchmark always measures the same lines. :func:`source_folds` splits the same lines by
the corpus they came from instead, to measure how the model does on a kind of writing it never saw.
"""

from __future__ import annotations

import json
import os
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from flow.errors import TactfulError

DATA_ENV = "TACTFUL_UTTERANCES"
HELD_OUT_FRACTION = 0.3
SPLIT_SEED = 1357
ABUSIVE_LABEL = "abusive"


class DatasetMissing(TactfulError):
    """The labelled utterance file could not be found or read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"no labelled utterances at {path}; set {DATA_ENV} to the path of utterances_dev.jsonl")


@dataclass(frozen=True, slots=True)
class Utterance:
    """One labelled customer message."""

    text: str
    label: str
    source: str = ""
    """Where the line came from (``repo@commit:path`` for the development utterances), or ``""``."""


@dataclass(frozen=True, slots=True)
class Split:
    """The training part and the held-out part of the labelled utterances."""

    train: list[Utterance]
    held_out: list[Utterance]


def default_data_path() -> Path:
    """Where the development utterances live: ``$TACTFUL_UTTERANCES`` or ``shared/data`` beside the repo."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    repo_root = Path(__file__).resolve().parents[2]
    return repo_root.parent / "shared" / "data" / "utterances_dev.jsonl"


def load_utterances(path: Path | None = None) -> list[Utterance]:
    """Read a JSON-lines file of ``{"text": ..., "label": ...}`` objects, in file order."""
    source = path or default_data_path()
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DatasetMissing(source) from error
    rows = (json.loads(line) for line in lines if line.strip())
    return [Utterance(text=row["text"], label=row["label"], source=row.get("source", "")) for row in rows]


def split_utterances(
    utterances: list[Utterance], *, fraction: float = HELD_OUT_FRACTION, seed: int = SPLIT_SEED
) -> Split:
    """Hold out ``fraction`` of each label, chosen by a seeded shuffle; file order is kept within parts."""
    by_label: dict[str, list[int]] = defaultdict(list)
    for index, utterance in enumerate(utterances):
        by_label[utterance.label].append(index)
    rng = random.Random(seed)
    held: set[int] = set()
    for label in sorted(by_label):
        indices = by_label[label]
        rng.shuffle(indices)
        held.update(indices[: round(len(indices) * fraction)])
    train = [u for i, u in enumerate(utterances) if i not in held]
    held_out = [u for i, u in enumerate(utterances) if i in held]
    return Split(train=train, held_out=held_out)


def load_split(path: Path | None = None) -> Split:
    """The fixed training / held-out split of the development utterances."""
    return split_utterances(load_utterances(path))


@dataclass(frozen=True, slots=True)
class SourceFold:
    """Every utterance of one ``source`` held out, the utterances of all the other sources to train on."""

    source: str
    train: list[Utterance]
    held_out: list[Utterance]


def source_folds(utterances: list[Utterance]) -> list[SourceFold]:
    """One fold per source, in order of the sources' names; file order is kept within parts."""
    sources = sorted({u.source for u in utterances})
    return [
        SourceFold(
            source,
            [u for u in utterances if u.source != source],
            [u for u in utterances if u.source == source],
        )
        for source in sources
    ]
