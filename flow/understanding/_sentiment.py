"""VADER's compound sentiment score, computed the way ``vaderSentiment`` 3.3.2 does, only faster.

The reference analyzer re-lowercases the whole message and rebuilds lists for every word it looks
at; here each message is split and lowercased once, messages without a lexicon word return at once,
and emoji translation only runs on non-ASCII text (every emoji in the lexicon is non-ASCII). The
rules, including their quirks (the ``but`` rescaling that matches sentiments by value, the
``so``/``this`` boost at distance three), are kept exactly, so the result equals
``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]``. The lexicon files are read from
the installed ``vaderSentiment`` package.
"""

from __future__ import annotations

import importlib.util
import math
import string
from pathlib import Path

B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74

NEGATE = frozenset(
    """aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't didn't
    doesn't dont hadnt hasnt havent isnt mightnt mustnt neither don't hadn't hasn't haven't isn't
    mightn't mustn't neednt needn't never none nope nor not nothing nowhere oughtnt shant shouldnt
    uhuh wasnt werent oughtn't shan't shouldn't uh-uh wasn't weren't without wont wouldnt won't
    wouldn't rarely seldom despite""".split()
)

_BOOSTERS_UP = """absolutely amazingly awfully completely considerable considerably decidedly deeply
effing enormous enormously entirely especially exceptional exceptionally extreme extremely
fabulously flipping flippin frackin fracking fricking frickin frigging friggin fully fuckin fucking
fuggin fugging greatly hella highly hugely incredible incredibly intensely major majorly more most
particularly purely quite really remarkably so substantially thoroughly total totally tremendous
tremendously uber unbelievably unusually utter utterly very""".split()
_BOOSTERS_DOWN = """almost barely hardly kinda kindof kind-of less little marginal marginally occasional
occasionally partly scarce scarcely slight slightly somewhat sorta sortof sort-of""".split()
BOOSTERS: dict[str, float] = {
    **dict.fromkeys(_BOOSTERS_UP, B_INCR),
    **dict.fromkeys(_BOOSTERS_DOWN, B_DECR),
    "just enough": B_DECR,
    "kind of": B_DECR,
    "sort of": B_DECR,
}

SPECIAL_CASES: dict[str, float] = {
    "the shit": 3,
    "the bomb": 3,
    "bad ass": 1.5,
    "badass": 1.5,
    "bus stop": 0.0,
    "yeah right": -2,
    "kiss of death": -1.5,
    "to die for": 3,
    "beating heart": 3.5,
}

_IDIOM_WORDS = frozenset(word for key in (*SPECIAL_CASES, *BOOSTERS) if " " in key for word in key.split())
"""Every word of an idiom or booster of several words: a word with none of them around it is in none."""
ITEM_WORDS = frozenset({"worn", "loose", "gift"})
"""Words VADER scores that, said of an item in a shop, tell how it is, not how the customer feels ("I've
worn it twice", "it's a bit loose", "it was a gift")."""

_PUNCTUATION = string.punctuation


def _vader_dir() -> Path:
    spec = importlib.util.find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("vaderSentiment is not installed; install tactful's dependencies")
    return Path(next(iter(spec.submodule_search_locations)))


def _read_table(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        content = handle.read()
    return [line.strip().split("\t")[0:2] for line in content.rstrip("\n").split("\n") if line]


def _is_negation(word: str) -> bool:
    return word in NEGATE or "n't" in word


class VaderCompound:
    """Callable that maps a text to VADER's compound score in [-1, 1], rounded to 4 places as VADER does."""

    def __init__(self, directory: Path | None = None) -> None:
        folder = directory or _vader_dir()
        self.lexicon: dict[str, float] = {
            word: float(measure)
            for word, measure in _read_table(folder / "vader_lexicon.txt")
            if word not in ITEM_WORDS
        }
        self.emojis: dict[str, str] = {row[0]: row[1] for row in _read_table(folder / "emoji_utf8_lexicon.txt")}

    def __call__(self, text: str) -> float:
        if not text.isascii():
            text = self._describe_emojis(text)
        # Punctuation is stripped unless it leaves two characters or fewer (VADER keeps ":)" and "ok!").
        words = [token if len(stripped := token.strip(_PUNCTUATION)) <= 2 else stripped for token in text.split()]
        lowered = [word.lower() for word in words]
        if self.lexicon.keys().isdisjoint(lowered):
            return 0.0
        sentiments = self._sentiments(words, lowered)
        if "but" in lowered:
            _rescale_around_but(lowered, sentiments)
        total = float(sum(sentiments))
        emphasis = _punctuation_emphasis(text)
        if total > 0:
            total += emphasis
        elif total < 0:
            total -= emphasis
        return round(_normalize(total), 4)

    def _describe_emojis(self, text: str) -> str:
        pieces: list[str] = []
        previous_space = True
        emojis = self.emojis
        for char in text:
            description = emojis.get(char)
            if description is not None:
                if not previous_space:
                    pieces.append(" ")
                pieces.append(description)
                previous_space = False
            else:
                pieces.append(char)
                previous_space = char == " "
        return "".join(pieces).strip()

    def _sentiments(self, words: list[str], lowered: list[str]) -> list[float]:
        lexicon = self.lexicon
        count = len(words)
        capitals = sum(map(str.isupper, words))
        cap_differential = 0 < count - capitals < count
        sentiments: list[float] = []
        for i, low in enumerate(lowered):
            if low in BOOSTERS or low not in lexicon:
                sentiments.append(0)
                continue
            if i < count - 1 and low == "kind" and lowered[i + 1] == "of":
                sentiments.append(0)
                continue
            sentiments.append(self._valence(words, lowered, i, cap_differential))
        return sentiments

    def _valence(self, words: list[str], lowered: list[str], i: int, cap_differential: bool) -> float:
        lexicon = self.lexicon
        low = lowered[i]
        valence = lexicon[low]
        if low == "no" and i != len(words) - 1 and lowered[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lowered[i - 1] == "no")
            or (i > 1 and lowered[i - 2] == "no")
            or (i > 2 and lowered[i - 3] == "no" and lowered[i - 1] in ("or", "nor"))
        ):
            valence = lexicon[low] * N_SCALAR
        if cap_differential and words[i].isupper():
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start in range(3):
            before = i - (start + 1)
            if i > start and lowered[before] not in lexicon:
                scalar = _booster_scalar(words[before], lowered[before], valence, cap_differential)
                if start == 1 and scalar != 0:
                    scalar = scalar * 0.95
                if start == 2 and scalar != 0:
                    scalar = scalar * 0.9
                valence = valence + scalar
                valence = _negation_check(valence, lowered, start, i)
                if start == 2:
                    valence = _special_idioms_check(valence, lowered, i)
        return _least_check(valence, lowered, i)


def _booster_scalar(word: str, low: str, valence: float, cap_differential: bool) -> float:
    scalar = BOOSTERS.get(low)
    if scalar is None:
        return 0.0
    if valence < 0:
        scalar *= -1
    if cap_differential and word.isupper():
        scalar = scalar + C_INCR if valence > 0 else scalar - C_INCR
    return scalar


def _negation_check(valence: float, lowered: list[str], start: int, i: int) -> float:
    if start == 0:
        if _is_negation(lowered[i - 1]):
            valence = valence * N_SCALAR
    elif start == 1:
        if lowered[i - 2] == "never" and lowered[i - 1] in ("so", "this"):
            valence = valence * 1.25
        elif lowered[i - 2] == "without" and lowered[i - 1] == "doubt":
            pass
        elif _is_negation(lowered[i - 2]):
            valence = valence * N_SCALAR
    else:
        # VADER's operator precedence: "so"/"this" right before the word boosts on its own.
        if (lowered[i - 3] == "never" and lowered[i - 2] in ("so", "this")) or lowered[i - 1] in ("so", "this"):
            valence = valence * 1.25
        elif lowered[i - 3] == "without" and (lowered[i - 2] == "doubt" or lowered[i - 1] == "doubt"):
            pass
        elif _is_negation(lowered[i - 3]):
            valence = valence * N_SCALAR
    return valence


def _special_idioms_check(valence: float, lowered: list[str], i: int) -> float:
    # Called for i >= 3 only, so the n-grams below are all inside this window of words.
    if _IDIOM_WORDS.isdisjoint(lowered[i - 3 : i + 3]):
        return valence
    one_zero = f"{lowered[i - 1]} {lowered[i]}"
    two_one_zero = f"{lowered[i - 2]} {lowered[i - 1]} {lowered[i]}"
    two_one = f"{lowered[i - 2]} {lowered[i - 1]}"
    three_two_one = f"{lowered[i - 3]} {lowered[i - 2]} {lowered[i - 1]}"
    three_two = f"{lowered[i - 3]} {lowered[i - 2]}"
    for sequence in (one_zero, two_one_zero, two_one, three_two_one, three_two):
        if sequence in SPECIAL_CASES:
            valence = SPECIAL_CASES[sequence]
            break
    if len(lowered) - 1 > i:
        zero_one = f"{lowered[i]} {lowered[i + 1]}"
        if zero_one in SPECIAL_CASES:
            valence = SPECIAL_CASES[zero_one]
    if len(lowered) - 1 > i + 1:
        zero_one_two = f"{lowered[i]} {lowered[i + 1]} {lowered[i + 2]}"
        if zero_one_two in SPECIAL_CASES:
            valence = SPECIAL_CASES[zero_one_two]
    for n_gram in (three_two_one, three_two, two_one):
        if n_gram in BOOSTERS:
            valence = valence + BOOSTERS[n_gram]
    return valence


def _least_check(valence: float, lowered: list[str], i: int) -> float:
    if i > 0 and lowered[i - 1] == "least":
        if i > 1:
            if lowered[i - 2] not in ("at", "very"):
                valence = valence * N_SCALAR
        else:
            valence = valence * N_SCALAR
    return valence


def _rescale_around_but(lowered: list[str], sentiments: list[float]) -> None:
    # VADER finds each sentiment's position by value, so equal values earlier in the list are the
    # ones rescaled; kept as is so the scores match the reference analyzer.
    but_index = lowered.index("but")
    for sentiment in sentiments:
        position = sentiments.index(sentiment)
        if position < but_index:
            sentiments.pop(position)
            sentiments.insert(position, sentiment * 0.5)
        elif position > but_index:
            sentiments.pop(position)
            sentiments.insert(position, sentiment * 1.5)


def _punctuation_emphasis(text: str) -> float:
    exclamations = min(text.count("!"), 4) * 0.292
    questions = text.count("?")
    if questions > 1:
        return exclamations + (questions * 0.18 if questions <= 3 else 0.96)
    return exclamations + 0


def _normalize(score: float, alpha: float = 15) -> float:
    normalized = score / math.sqrt((score * score) + alpha)
    return max(-1.0, min(1.0, normalized))
