"""A request granted earlier, welcomed while the agent is on to the next one.

"My toaster is broken, and cancel A-1313": the agent starts the refund for the toaster and asks whether
A-1313 has shipped. "Yes a refund is great" welcomes the refund: it neither asks for another one nor
answers the question about the other order with its "yes".
"""

from __future__ import annotations

from collections.abc import Mapping

from flow.models import Act, FactValue
from flow.understanding._found import has
from flow.understanding.clauses import Clause
from flow.understanding.context import Context
from flow.understanding.lexicon import Lexicon

_ASKING = frozenset(
    {"would", "could", "please", "want", "wanted", "need", "like", "can", "also", "too", "instead", "get", "have",
     "another", "other", "again"}
)  # fmt: skip
"""Words that make a clause naming the granted request ask for it ("a refund would be great too")."""


def welcomed_grant(clauses: list[Clause], context: Context, lexicon: Lexicon, facts: Mapping[str, FactValue]) -> bool:
    """Whether the message only welcomes the request granted earlier (:attr:`Context.granted`): every
    clause naming it praises or thanks, asks nothing and names no order."""
    granted = context.granted
    if granted is None or granted == context.request:
        return False
    if any(spec.kind == "order_id" and spec.name in facts for spec in context.facts):
        return False
    cues = [c for c in (lexicon.request_cues.get(granted), lexicon.weak_request_cues.get(granted)) if c is not None]
    welcoming = False
    for clause in clauses:
        words = clause.words
        if not any(has(c, words) for c in cues):
            continue
        pleased = not lexicon.praise.isdisjoint(words) or has(lexicon.thanks, words)
        if clause.question or not pleased or not _ASKING.isdisjoint(words) or not lexicon.negators.isdisjoint(words):
            return False
        welcoming = True
    return welcoming


def as_welcome(acts: list[Act], clauses: list[Clause], context: Context, facts: dict[str, FactValue]) -> list[Act]:
    """The acts of a message that welcomes the granted request: thanks, without the request, and without the
    yes that belonged to the welcome when the whole message is one clause."""
    kept = [a for a in acts if not (a.kind == "request" and a.target == context.granted) and a.kind != "affirm"]
    asked = next((spec for spec in context.facts if spec.name == context.asked), None)
    if len(clauses) == 1 and asked is not None and asked.kind == "yes_no":
        facts.pop(asked.name, None)
        kept = [a for a in kept if not (a.kind == "provide" and a.target == asked.name)]
    if not any(a.kind == "thank" for a in kept):
        kept.append(Act.of("thank"))
    return kept
