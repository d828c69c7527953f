"""Whether a message is written in another language than the conversation's.

A message in Spanish or German read with English phrases goes wrong in quiet ways: "no entiendo" reads
as a no to what is on offer. This check is a cheap one over the message's canonical words: a handful of
common words of each language that English does not use. A message with at least two of one language's
words and at least twice as many of them as common English words is in that language; so is a short
message made only of such words ("no entiendo"). Greetings and thanks alone ("gracias", "merci") are
not counted as another language, since English speakers use them too.

The words are in canonical form: lower case, accents and the letters they sit on dropped by the
tokenizer ("compré" is "compr"), so only words without accents are listed.
"""

from __future__ import annotations

from collections.abc import Sequence

_WORDS: dict[str, frozenset[str]] = {
    "es": frozenset(
        """quiero quisiera necesito mis pedido devolver devolucion reembolso cancelar compre hace semanas dias
        meses por favor gracias hola que los las una uno para del esta estoy tengo pero muy entiendo hablas
        habla ingles espanol dinero producto como donde cuando porque bien buenos buenas tardes senor
        puedo puede quiere cuanto todavia ayuda hablo ingl""".split()
    ),
    "fr": frozenset(
        """je voudrais veux mon mes commande remboursement annuler retourner achete elle est les des une
        avec dans pas merci bonjour vous nous qui parlez anglais francais argent jours semaines oui non tres
        mais ou et aide aidez peux pouvez acheter rembourser parle comprends""".split()
    ),
    "de": frozenset(
        """ich mochte meine mein bestellung stornieren zuruck erstattung geld bitte danke hallo und nicht ist
        das der ein eine mit fur habe haben wir sie sprechen englisch deutsch tagen wochen vor kann konnen
        wie warum wann aber auch noch hilfe gekauft zuruckgeben spreche verstehe""".split()
    ),
    "it": frozenset(
        """vorrei voglio mio mia ordine rimborso annullare restituire grazie ciao buongiorno non sono della
        che parla inglese italiano giorni settimane aiuto posso comprato parlo capisco""".split()
    ),
    "pt": frozenset(
        """quero gostaria meu minha pedido reembolso cancelar devolver obrigado obrigada ola voce nao para
        uma fala ingles portugues dias semanas atras ajuda posso comprei falo entendo""".split()
    ),
    "nl": frozenset(
        """ik wil mijn bestelling terugbetaling annuleren retourneren dank bedankt hallo niet een het voor
        spreekt engels dagen weken geleden hulp kan gekocht spreek begrijp""".split()
    ),
}
"""Common words of each language that English does not use (accented words left out)."""

_ENGLISH = frozenset(
    """i im ive id my the to and is it you your for of want wanted please order refund can could have has
    this that was with what how why not dont cant be do get would like its an on at just but so if we our
    they are thanks thank help ok yes bought item money back return cancel""".split()
)
"""Common English words: a message with enough of them is English whatever else it holds."""

_EITHER = frozenset("no a me si o y e".split())
"""Words that English shares with other languages."""

_COURTESY = frozenset("gracias merci danke grazie obrigado obrigada hola ciao bonjour hallo ola bedankt".split())
"""Greetings and thanks English speakers use too: alone, they are not another language."""

_FOREIGN = frozenset().union(*_WORDS.values())

_NAMES = {
    "spanish": "es", "espanol": "es", "french": "fr", "francais": "fr", "german": "de", "deutsch": "de",
    "italian": "it", "italiano": "it", "portuguese": "pt", "portugues": "pt", "dutch": "nl", "nederlands": "nl",
}  # fmt: skip
"""Languages a customer may ask for by name ("do you speak Spanish?")."""
_SPEAK = frozenset("speak speaks talk write chat habla hablas hablan parlez parles sprechen parla fala spreekt".split())

ONLY_ENGLISH = {
    "es": "Lo siento, solo puedo ayudar en inglés.",
    "fr": "Désolé, je ne peux vous aider qu'en anglais.",
    "de": "Entschuldigung, ich kann nur auf Englisch helfen.",
    "it": "Mi dispiace, posso aiutare solo in inglese.",
    "pt": "Desculpe, só posso ajudar em inglês.",
    "nl": "Sorry, ik kan alleen in het Engels helpen.",
}
"""Saying, in the customer's language, that the agent can only help in English."""


PASS_TO_A_PERSON = {
    "es": "¿Quiere que le pase con un compañero?",
    "fr": "Je peux vous passer un collègue, si vous le souhaitez.",
    "de": "Soll ich Sie an einen Kollegen weiterleiten?",
    "it": "Vuole che la passi a un collega?",
    "pt": "Quer que o passe a um colega?",
    "nl": "Zal ik u doorverbinden met een collega?",
}
"""Asking, in the customer's language, whether to pass them to a colleague."""

_YES_WORDS = frozenset("si oui ja sim claro vale certo bien bitte graag favor por plait vous sil ok okay yes".split())
_SAYING_YES = frozenset("si oui ja sim claro vale certo".split())


def says_yes(folded: str) -> bool:
    """Whether a message in another language (lower case, accents kept) is only a yes ("sí, por favor",
    "oui", "ja bitte")."""
    letters = "".join(c if c.isalpha() else " " for c in folded.replace("í", "i")).split()
    return bool(letters) and not _SAYING_YES.isdisjoint(letters) and all(word in _YES_WORDS for word in letters)


def other_language(words: Sequence[str], language: str = "en") -> str | None:
    """The code of the language ``words`` seem written in when it is not ``language``, else ``None``."""
    if language != "en":
        return None
    if not _SPEAK.isdisjoint(words):
        named = next((_NAMES[word] for word in words if word in _NAMES), None)
        if named is not None:
            return named
    if _FOREIGN.isdisjoint(words):
        return None
    english = sum(1 for word in words if word in _ENGLISH)
    best, hits = max(
        ((code, sum(1 for word in words if word in known)) for code, known in _WORDS.items()), key=lambda pair: pair[1]
    )
    if hits >= 2 and hits >= 2 * english:
        return best
    alone = all(word in _WORDS[best] or word in _EITHER for word in words if word.isalpha())
    if english == 0 and alone and not all(word in _COURTESY or word in _EITHER for word in words):
        return best
    return None
