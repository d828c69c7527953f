"""Messages written in another language than the conversation's are told so, not misread."""

from __future__ import annotations

import pytest

from flow.understanding import Understander
from flow.understanding._text import fold, plain_tokens
from flow.understanding.languages import ONLY_ENGLISH, other_language

UNDERSTANDER = Understander()


def language_of(text: str) -> str | None:
    return other_language(plain_tokens(fold(text)))


@pytest.mark.parametrize(
    ("text", "language"),
    [("Hola, quiero cancelar mi pedido por favor", "es"), ("no entiendo", "es"),
     ("Je voudrais annuler ma commande, merci", "fr"), ("Ich möchte meine Bestellung zurückgeben, bitte", "de"),
     ("Vorrei un rimborso per il mio ordine", "it"), ("Quero cancelar o meu pedido, obrigado", "pt"),
     ("Ik wil mijn bestelling annuleren", "nl"), ("do you speak Spanish?", "es"), ("parlez-vous français ?", "fr")],
)  # fmt: skip
def test_a_message_in_another_language_is_recognised(text: str, language: str) -> None:
    assert language_of(text) == language
    signals = UNDERSTANDER.understand(text)
    assert signals.language == language
    assert [str(act) for act in signals.acts] == ["unknown"]
    assert language in ONLY_ENGLISH


@pytest.mark.parametrize(
    "text",
    ["gracias!", "merci", "hola", "I want a refund, gracias", "the item is non refundable?", "nada",
     "I'd like to return my order please", "per the policy I should get my money back", "no",
     "I bought it in Las Vegas, can I return it here?", "my name is Pedro and I want to cancel"],
)  # fmt: skip
def test_english_with_a_foreign_word_or_two_stays_english(text: str) -> None:
    assert language_of(text) is None
    assert UNDERSTANDER.understand(text).language is None
