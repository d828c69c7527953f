"""The examples in the README and the guides run, so they cannot drift from the code."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_examples_in_the_document_run(document: Path) -> None:
    result = doctest.testfile(str(document), module_relative=False, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0


def test_the_transition_reference_is_up_to_date() -> None:
    from flow.transitions_doc import render

    written = (Path(__file__).parents[1] / "docs" / "transitions.md").read_text(encoding="utf-8")
    assert written == render(), "docs/transitions.md is stale: run python -m flow.transitions_doc > docs/transitions.md"
