"""The understanding step: one customer message in, its ``Signals`` out."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from flow.understanding import _rules
from flow.understanding._abuse import is_abusive
from flow.understanding._slots import extract_slots
from flow.understanding._text import canonical_tokens, fold
from flow.understanding._threat import is_threat

if TYPE_CHECKING:
    from collections.abc import Sequence

    from flow.models import Signals
    from flow.understanding._model import IntentModel
    from flow.understanding._sentiment import VaderCompound
    from flow.vocabulary import Intent

UNKNOWN_BELOW = 0.4
"""The model's best intent must reach this probability, or the message is ``unknown``."""
NEGATED_REQUEST_CONFIDENCE = 0.7
"""A message that only turns a request down ("please don't cancel it") is a refusal this sure."""
HOSTILE_CONFIDENCE = 0.6
"""A threat or insult without a clear request is read as a complaint at least this sure."""
_NOT_HOSTILE = frozenset({"thank_close", "accept", "unknown"})
FACTS_CONFIDENCE = 0.9
YES_NO_CONFIDENCE = 0.6
"""A yes/no answer whose words lean the other way than the model is at least this sure."""
_FACT_SLOTS = frozenset({"order_id", "email", "phone"})
FACTS_WITH_UNCLEAR_INTENT_CONFIDENCE = 0.6


class Understander:
    """Reads customer messages: intent and confidence, sentiment, abuse, threats and slots.

    Pure and deterministic: the same text always gives the same ``Signals``. One instance may be
    shared by many threads. The intent weights and the sentiment lexicon load on first use.
    """

    def __init__(self, *, model: IntentModel | None = None, sentiment: VaderCompound | None = None) -> None:
        self._model = model
        self._sentiment = sentiment
        self._lock = threading.Lock()

    def understand(self, text: str) -> Signals:
        """The signals in one customer message."""
        from flow.models import Signals

        folded = fold(text)
        words = canonical_tokens(text, folded)
        slots = extract_slots(text)
        abusive = is_abusive(text, folded, words)
        threat = is_threat(text, words, folded)
        intent, confidence = self.intent(words, slots, hostile=abusive or threat)
        return Signals(
            intent=intent,
            confidence=confidence,
            sentiment=self.sentiment(text),
            abusive=abusive,
            threat=threat,
            slots=slots,
        )

    def sentiment(self, text: str) -> float:
        """VADER's compound score for ``text``, in [-1, 1]."""
        scorer = self._sentiment
        if scorer is None:
            scorer = self._load()[1]
        return scorer(text)

    def intent(self, words: Sequence[str], slots: dict[str, str], *, hostile: bool = False) -> tuple[Intent, float]:
        """The intent of a message given its canonical words and slots, with a confidence in [0, 1].

        ``hostile`` says the message threatens or abuses: it is then never read as thanks or agreement.
        """
        if not words or all(word == "#" for word in words):
            return ("provide_info", FACTS_CONFIDENCE) if slots else ("unknown", 0.0)
        short = _rules.short_reply(words)
        if short is not None:
            return short, _rules.SHORT_REPLY_CONFIDENCE
        model = self._model or self._load()[0]
        probabilities = dict(zip(model.classes, model.probabilities(words), strict=True))
        joined = " ".join(words)
        if _rules.asks_why(words, joined) and probabilities.get("ask_human", 0.0) < 0.7:
            return "ask_why", _rules.RULE_CONFIDENCE
        if _rules.insists(words, joined):
            return "insist", _rules.RULE_CONFIDENCE
        if _rules.asks_about_policy(words, joined) and probabilities["ask_policy"] < 0.5:
            top = max(probabilities, key=probabilities.__getitem__)
            if top in ("request_refund", "request_cancel", "unknown"):
                return "ask_policy", max(probabilities["ask_policy"] + probabilities[top], YES_NO_CONFIDENCE)
        if slots and _rules.only_gives_facts(words, slots):
            return "provide_info", FACTS_CONFIDENCE
        has_facts = not _FACT_SLOTS.isdisjoint(slots)
        intent, confidence = _from_model(probabilities, _rules.negated_intents(words, joined), has_facts=has_facts)
        if intent in ("accept", "reject"):
            leaning = _rules.agreement(words)
            if leaning:
                answer: Intent = "accept" if leaning > 0 else "reject"
                return answer, max(probabilities[answer], YES_NO_CONFIDENCE)
        if hostile and intent in _NOT_HOSTILE:
            return "complaint", max(probabilities["complaint"], HOSTILE_CONFIDENCE)
        return intent, confidence

    def _load(self) -> tuple[IntentModel, VaderCompound]:
        with self._lock:
            if self._model is None:
                from flow.understanding._model import IntentModel

                self._model = IntentModel.load()
            if self._sentiment is None:
                from flow.understanding._sentiment import VaderCompound

                self._sentiment = VaderCompound()
            return self._model, self._sentiment


def _from_model(probabilities: dict[str, float], negated: set[Intent], *, has_facts: bool) -> tuple[Intent, float]:
    unknown = probabilities.get("unknown", 0.0)
    candidates = {name: p for name, p in probabilities.items() if name != "unknown" and name not in negated}
    best: Intent = max(candidates, key=candidates.__getitem__)  # type: ignore[arg-type]
    confidence = candidates[best]
    unclear = confidence < UNKNOWN_BELOW or unknown > confidence
    if negated and unclear:
        return "reject", NEGATED_REQUEST_CONFIDENCE
    if unclear:
        if has_facts:
            return "provide_info", FACTS_WITH_UNCLEAR_INTENT_CONFIDENCE
        return "unknown", confidence
    return best, confidence
