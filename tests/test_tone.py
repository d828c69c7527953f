"""The tone lint, and every text the bundled policy can produce passing it."""

from __future__ import annotations

import pytest

from flow import load_policy
from flow.templates import check_templates
from flow.tone import lint


@pytest.mark.parametrize(
    "text",
    [
        "I'm sorry for the inconvenience, and I know this isn't the answer you were hoping for.",
        "What I can do is offer you store credit. Would that help?",
        "Our team is available 09:00 to 18:00, Monday to Friday. Would you like a callback?",
    ],
)
def test_calm_plain_text_passes(text: str) -> None:
    assert lint(text, min_reading_ease=50) == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Calm down, please.", "harsh or defensive phrase 'calm down'"),
        ("That's not our fault.", "harsh or defensive phrase 'not our fault'"),
        ("PLEASE READ THE TERMS.", "shouting in capitals"),
        ("No!! Never!", "repeated punctuation"),
        ("Pursuant to clause 4, the RMA is void.", "jargon phrase 'clause'"),
        ("", "the message is empty"),
    ],
)
def test_harsh_text_fails_with_a_reason(text: str, problem: str) -> None:
    assert any(problem in found for found in lint(text)), lint(text)


def test_acronyms_are_not_shouting() -> None:
    assert lint("Your refund includes VAT and arrives by SMS.") == []


def test_hard_to_read_text_fails_the_readability_floor() -> None:
    text = (
        "Notwithstanding organisational considerations, reimbursement eligibility determinations "
        "necessitate comprehensive documentation verification procedures."
    )
    assert any("hard to read" in p for p in lint(text, min_reading_ease=50))


def test_every_bundled_template_passes_the_full_lint() -> None:
    assert check_templates(load_policy("retail"), readability=True) == []
