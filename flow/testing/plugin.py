"""The pytest plugin that tactful installs: the conversation steps, their fixtures, and coverage.

Installed through the ``pytest11`` entry point, so a project only writes ``.feature`` files and a
test module calling ``scenarios(...)``. It provides:

* every step of :mod:`flow.testing` (pytest-bdd finds steps defined in plugins);
* ``tactful_conversation``, the conversation under test, one per scenario;
* ``tactful_understander`` (session) and ``tactful_monitors``, to override in a ``conftest.py``;
* the ini option ``tactful_policy``, the policy of scenarios that choose none;
* ``--tactful-coverage`` and ``--tactful-coverage-json PATH``, the transitions the scenarios took.

A Then step that comes before any When step fails: Then checks what happened after a When.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

import pytest

from flow.engine import Understander
from flow.testing.catalog import STEP_MODULES, WORLD
from flow.testing.coverage import CoverageRecorder, write_json, write_report
from flow.testing.monitors import DEFAULT_MONITORS, Monitor
from flow.testing.record import ConversationAssertionError
from flow.testing.runtime import SharedUnderstander
from flow.testing.world import ConversationUnderTest

pytest_plugins = list(STEP_MODULES)

_SCENARIO = pytest.StashKey[tuple[str, str]]()
_STEP = pytest.StashKey[str]()
_WHEN_SEEN = pytest.StashKey[bool]()
_RECORDER = pytest.StashKey[CoverageRecorder]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--tactful-coverage``, ``--tactful-coverage-json`` and the ``tactful_policy`` ini option."""
    group = parser.getgroup("tactful", "tactful conversation scenarios")
    group.addoption(
        "--tactful-coverage",
        action="store_true",
        help="At the end, print which transitions and guards of each policy the scenarios took.",
    )
    group.addoption(
        "--tactful-coverage-json",
        metavar="PATH",
        default=None,
        help="Write the transition coverage of each policy to PATH as JSON.",
    )
    parser.addini("tactful_policy", "Policy (bundled name or YAML path) for scenarios that choose none.", default="")


def pytest_configure(config: pytest.Config) -> None:
    """Start recording transitions when coverage was asked for."""
    if config.getoption("--tactful-coverage") or config.getoption("--tactful-coverage-json"):
        config.stash[_RECORDER] = CoverageRecorder()


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    """Remember which scenario runs, for its conversation id and for finding policy files."""
    request.node.stash[_SCENARIO] = (str(feature.filename), str(scenario.name))
    request.node.stash[_WHEN_SEEN] = False


def pytest_bdd_before_step(
    request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any, step_func: Callable[..., Any]
) -> None:
    """Remember the running step for failure messages; refuse a tactful Then step before any When."""
    node = request.node
    where = _relative(Path(feature.filename), request.config.rootpath)
    node.stash[_STEP] = f"{step.keyword} {step.name}  ({where}:{step.line_number})"
    if step.type == "when":
        node.stash[_WHEN_SEEN] = True
    elif step.type == "then" and not node.stash.get(_WHEN_SEEN, False) and _uses_world(step_func):
        raise ConversationAssertionError(
            f"Step: {node.stash[_STEP]}\n"
            f"A Then step checks what happened after a When step, but scenario {scenario.name!r} has no When "
            'step before it. Add one first, for example: When the customer says "I want a refund"'
        )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    """Report a failed conversation step with its own message only: the conversation says it all."""
    outcome = yield
    report = outcome.get_result()
    excinfo = call.excinfo
    short = item.config.getoption("tbstyle", "auto") in ("auto", "short")
    if report.failed and excinfo is not None and excinfo.errisinstance(ConversationAssertionError) and short:
        report.longrepr = f"{item.nodeid}\n\n{excinfo.value}"


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def _uses_world(step_func: Callable[..., Any]) -> bool:
    try:
        return WORLD in inspect.signature(step_func).parameters
    except (TypeError, ValueError):  # pragma: no cover
        return False


@pytest.fixture(scope="session")
def tactful_understander() -> Understander:
    """The understanding step scenarios use: tactful's default, loaded on the first free-text message."""
    return SharedUnderstander()


@pytest.fixture
def tactful_monitors() -> list[Monitor]:
    """The politeness rules checked after every turn (override to add your own)."""
    return list(DEFAULT_MONITORS)


@pytest.fixture
def tactful_conversation(
    request: pytest.FixtureRequest, tactful_understander: Understander, tactful_monitors: list[Monitor]
) -> ConversationUnderTest:
    """The conversation the scenario drives, set up by Given steps and checked by Then steps."""
    node = request.node
    feature, scenario = node.stash.get(_SCENARIO, ("", node.name))
    config = request.config
    search = [Path(feature).parent] if feature else []
    search.append(config.rootpath)
    recorder = config.stash.get(_RECORDER, None)
    default = str(config.getini("tactful_policy") or "") or None
    return ConversationUnderTest(
        understander=tactful_understander,
        monitors=tactful_monitors,
        observers=[recorder] if recorder is not None else [],
        scenario=scenario,
        search=search,
        default_policy=default,
        current_step=lambda: node.stash.get(_STEP, None),
    )


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """Print and write the transition coverage, when it was asked for."""
    recorder = config.stash.get(_RECORDER, None)
    if recorder is None:
        return
    if config.getoption("--tactful-coverage"):
        write_report(recorder, terminalreporter.write_line)
    path = config.getoption("--tactful-coverage-json")
    if path:
        write_json(recorder, Path(path))
        terminalreporter.write_line(f"tactful coverage written to {path}")
