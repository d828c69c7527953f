"""People at the desk for server tests: their keys, and a policy under which someone is always in."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import yaml

ALEX_KEY = "alex-key-0123456789abcdef"
SAM_KEY = "sam-key-0123456789abcdef"
AGENT_KEYS = {"Alex": ALEX_KEY, "Sam": SAM_KEY}
"""Two people who may take over: their display names and keys."""
ALEX = {"Authorization": f"Bearer {ALEX_KEY}"}
SAM = {"Authorization": f"Bearer {SAM_KEY}"}


def always_open_policy(folder: Path, *, wait_minutes: float = 5) -> Path:
    """The bundled policy with people in at any hour (so a handoff waits for one) and the given wait."""
    data = yaml.safe_load((resources.files("flow") / "policies" / "retail.yaml").read_text(encoding="utf-8"))
    handoff = data["escalation"]["handoff"]
    handoff["hours"] = {"start": "00:00", "end": "23:59:59", "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}
    handoff["wait_minutes"] = wait_minutes
    path = folder / f"always-open-{wait_minutes:g}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def always_open(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A policy file under which people are always in, waiting the default 5 minutes before a callback."""
    return always_open_policy(tmp_path_factory.mktemp("policies"))
