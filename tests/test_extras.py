"""Each use installs what it needs: a missing extra is named, and the engine alone installs light."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def without(modules: list[str], code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter where ``modules`` cannot be imported, as if not installed."""
    hide = "import sys; " + "; ".join(f"sys.modules[{m!r}] = None" for m in modules) + "; "
    return subprocess.run([sys.executable, "-c", hide + code], capture_output=True, text=True, cwd=ROOT)


CLI = "from flow.cli import main; sys.exit(main({args!r}))"


@pytest.mark.parametrize(
    ("hidden", "args", "extra"),
    [
        (["fastapi"], ["serve"], "server"),
        (["matplotlib"], ["report", "--out", "r.html"], "report"),
        (["matplotlib"], ["simulate", "retail", "-n", "5", "--report", "r.html"], "report"),
        (["pytest_bdd"], ["scenarios", "retail", "--out", "generated"], "testing"),
        (["redis"], ["transcripts", "export", "--store", "redis://127.0.0.1:1/0"], "redis"),
        (["httpx"], ["followups", "run", "--once", "--webhook", "http://127.0.0.1:1/"], "server"),
    ],
    ids=["serve", "report", "simulate --report", "scenarios", "redis store", "webhook"],
)
def test_a_command_needing_a_missing_extra_says_which_to_install(
    hidden: list[str], args: list[str], extra: str
) -> None:
    result = without(hidden, CLI.format(args=args))
    assert result.returncode == 2, result.stderr
    assert f"pip install 'tactful[{extra}]'" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_public_name_needing_a_missing_extra_says_which_to_install() -> None:
    result = without(["fastapi"], "import tactful; tactful.create_app")
    assert "tactful.create_app needs the 'server' extra" in result.stderr
    assert "pip install 'tactful[server]'" in result.stderr


def test_the_pytest_entry_point_registers_nothing_without_pytest_bdd() -> None:
    result = without(["pytest_bdd"], "import tactful.pytest_plugin as p; print(p.pytest_plugins)")
    assert result.stdout.strip() == "[]", result.stderr
    with_it = subprocess.run(
        [sys.executable, "-c", "import tactful.pytest_plugin as p; print(p.pytest_plugins)"],
        capture_output=True,
        text=True,
    )
    assert with_it.stdout.strip() == "['flow.testing.plugin']"


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_fresh_clone_installs_with_plain_pip_and_the_engine_alone_has_no_web_server(tmp_path: Path) -> None:
    clone = tmp_path / "tactful"
    subprocess.run(["git", "clone", "--quiet", "--no-local", str(ROOT), str(clone)], check=True)
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(clone)], capture_output=True, text=True, env=env
    )
    assert install.returncode == 0, install.stderr[-3000:]

    version = subprocess.run([str(tmp_path / "venv" / "bin" / "tactful"), "--version"], capture_output=True, text=True)
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("tactful ")

    probe = (
        "import importlib.util, sys, tactful\n"
        "engine = tactful.Engine(tactful.load_policy('retail'))\n"
        "conversation, turn = engine.start(facts={'order_id': 'A-1001', 'days_since_purchase': 45}, "
        "message='I want a refund')\n"
        "print(turn.state)\n"
        "print(sorted(m for m in ('fastapi', 'uvicorn', 'redis', 'matplotlib', 'pytest_bdd', 'httpx') "
        "if importlib.util.find_spec(m) is not None))\n"
        "print(tactful.__file__)\n"
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    used = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, cwd=outside, env=env)
    assert used.returncode == 0, used.stderr
    state, installed, location = used.stdout.splitlines()
    assert state == "offering_alternatives"
    assert installed == "[]"
    assert "site-packages" in location

    serve = subprocess.run([str(tmp_path / "venv" / "bin" / "tactful"), "serve"], capture_output=True, text=True)
    assert serve.returncode == 2
    assert "pip install 'tactful[server]'" in serve.stderr
    shutil.rmtree(tmp_path / "venv")


def test_the_step_library_api_without_pytest_bdd_says_which_extra_to_install() -> None:
    result = without(["pytest_bdd"], "import tactful.testing")
    assert "tactful.testing needs the 'testing' extra" in result.stderr
