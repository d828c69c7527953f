"""How a message is cut into clauses: at full stops and question marks, not at a decimal point."""

from __future__ import annotations

import pytest

from flow.understanding._text import fold
from flow.understanding.clauses import clauses_of
from flow.understanding.english.lexicon import ENGLISH


def _clauses(text: str) -> list[list[str]]:
    return [clause.words for clause in clauses_of(fold(text), ENGLISH)]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("why did you take £9.99 off me?? I cancelled weeks ago", 2),
        ("I paid 49.99 for it. It broke after 2.5 weeks.", 2),
        ("it broke.Then it caught fire", 2),
    ],
)
def test_a_point_between_digits_ends_no_clause(text: str, count: int) -> None:
    assert len(_clauses(text)) == count


def test_an_amount_stays_one_word_beside_the_words_around_it() -> None:
    first = _clauses("you charged me £12.50 twice")[0]

    assert first[:3] == ["you", "charged", "me"]
    assert first[-1] == "twice"
    assert len(first) == 5
