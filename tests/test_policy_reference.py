"""The policy reference documents every key the schema accepts, so it cannot drift."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from flow.policy import Compensation, Escalation, FactSpec, FollowUp, Handoff, Policy, RequestPolicy, Tone
from flow.templates import CONTEXT_VARIABLES

REFERENCE = (Path(__file__).parents[1] / "docs" / "policy.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "model",
    [Policy, FactSpec, RequestPolicy, Compensation, Escalation, Handoff, FollowUp, Tone],
    ids=lambda m: m.__name__,
)
def test_every_key_is_documented(model: type[BaseModel]) -> None:
    forms = ("`{}`", ".{}`", "`{}[", "`{}.")
    missing = [name for name in model.model_fields if not any(f.format(name) in REFERENCE for f in forms)]
    assert missing == []


def test_every_template_variable_is_documented() -> None:
    missing = [name for name in sorted(CONTEXT_VARIABLES) if name not in REFERENCE]
    assert missing == []
