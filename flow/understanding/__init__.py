"""Understanding customer messages: text in, ``Signals`` (intent, sentiment, abuse, threat, slots) out.

Importing this package is cheap; the intent weights and the sentiment lexicon load on first use.

>>> signals = understand("I still want my money back for order A-1001")
>>> signals.intent, signals.slots
('insist', {'order_id': 'A-1001'})
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from flow.understanding._abuse import is_abusive
from flow.understanding._rules import explicit_request
from flow.understanding._slots import extract_slots
from flow.understanding._text import canonical_tokens
from flow.understanding._threat import is_threat
from flow.understanding._understander import Understander

if TYPE_CHECKING:
    from flow.models import Signals
    from flow.vocabulary import Intent

__all__ = ["Understander", "extract_slots", "is_abusive", "is_threat", "named_request", "understand"]

_default: Understander | None = None
_default_lock = threading.Lock()


def default_understander() -> Understander:
    """The shared ``Understander`` that ``understand`` uses, created on first call."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Understander()
    return _default


def named_request(text: str) -> Intent | None:
    """The request a message names in so many words, whatever its intent: "just give me a refund" (an
    ``insist``) names ``request_refund``. Lets a flow act on an insistence that opens a conversation.
    """
    words = canonical_tokens(text)
    return explicit_request(words, " ".join(words))


def understand(text: str) -> Signals:
    """The signals in one customer message, read by the shared default ``Understander``."""
    return default_understander().understand(text)
