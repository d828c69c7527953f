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


def test_a_question_of_what_the_customer_must_do_after_or_is_a_clause_of_its_own() -> None:
    clauses = clauses_of(fold("can i get the right size sent or do i have to send this one back first?"), ENGLISH)

    assert [clause.words[:3] for clause in clauses] == [["can", "i", "get"], ["do", "i", "have"]]
    assert all(clause.question for clause in clauses)


def test_a_choice_between_two_things_joined_by_or_stays_one_clause() -> None:
    assert len(_clauses("can I have a refund or store credit?")) == 1
