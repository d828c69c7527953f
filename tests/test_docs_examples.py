"""The example project of docs/testing.md runs as the guide says, and each scenario is collected once."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tactful import load_policy

GYM = Path(__file__).parents[1] / "docs" / "examples" / "gym"


def pytest_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        capture_output=True,
        text=True,
        cwd=folder,
    )


def test_the_gym_policy_loads_and_names_its_alternatives() -> None:
    policy = load_policy(GYM / "features" / "policies" / "gym.yaml")
    assert [(a.title, a.name) for a in policy.requests["cancel"].alternatives] == [
        ("Freeze", "membership freeze"),
        ("Off-peak plan", None),  # said as the title in lower case
    ]


@pytest.mark.slow
def test_the_guide_setup_runs_written_and_generated_scenarios_once_each(tmp_path: Path) -> None:
    project = tmp_path / "gym"
    shutil.copytree(GYM, project)
    written = pytest_in(project)
    assert written.returncode == 0, written.stdout[-3000:]
    assert "3 passed" in written.stdout

    generated = subprocess.run(
        [sys.executable, "-m", "tactful", "scenarios", "features/policies/gym.yaml", "--out", "generated"],
        capture_output=True,
        text=True,
        cwd=project,
    )
    assert generated.returncode == 0, generated.stderr
    count = int(re.search(r"wrote (\d+) scenarios", generated.stdout).group(1))  # type: ignore[union-attr]

    collected = pytest_in(project, "--collect-only")
    names = [line for line in collected.stdout.splitlines() if "::" in line]
    assert len(names) == count + 3
    assert len(set(names)) == len(names)
    run = pytest_in(project)
    assert run.returncode == 0, run.stdout[-3000:]
    assert f"{count + 3} passed" in run.stdout
