"""Start-up: ``import flow``, and the time until ``tactful chat`` first answers, against ``python -c pass``.

    python -m bench.startup [--runs 9] [--quick]

Every figure is a median over fresh subprocesses, run in rounds that take each command in turn so that
load from elsewhere falls on all alike. ``import flow`` is timed inside the subprocess, around the
import statement alone; the wall time of ``python -c "import flow"`` is shown next to it. ``tactful
chat`` gets one customer message on standard input, then end of input; its figure is the time from
starting the process until the first agent reply has been written to standard output (the panel's
closing border), and the whole run until the process exits is shown too. One run of each is made first
and thrown away, so that bytecode caches are warm as on any machine after the first start.

Also checks what those two paths import: none of the modules that belong elsewhere (the readability
checker, plotting, the HTTP server, Redis, the reference profanity filter) may be loaded on them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.report import Figure, figures_table, median, table, write_results

IMPORT_LIMIT_MS = 150.0
CHAT_LIMIT_MS = 300.0
MESSAGE = "Hi, I'd like a refund for order A-1234 please, I bought it 45 days ago\n"
REPLY_DONE = "╰".encode()
NOT_ON_SERVING_PATH = (
    "textstat",
    "matplotlib",
    "fastapi",
    "uvicorn",
    "starlette",
    "redis",
    "better_profanity",
    "vaderSentiment",
    "numpy",
    "nltk",
    "pytest",
)
_IMPORT_LINE = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)")
_TIMED_IMPORT = "import time\nstarted = time.perf_counter()\nimport flow\nprint(time.perf_counter() - started)\n"
_STAGES = """
import json, time
marks = [("began", time.perf_counter())]
import flow
marks.append(("import flow", time.perf_counter()))
policy = flow.load_policy("retail")
marks.append(("load_policy('retail'): YAML, validation, template checks", time.perf_counter()))
engine = flow.Engine(policy)
marks.append(("Engine(policy): templates compiled, Machine built", time.perf_counter()))
engine.understand("hello")
marks.append(("first understanding: intent weights and lexicon loaded", time.perf_counter()))
conversation, turn = engine.start(message={message!r})
marks.append(("first start with a message", time.perf_counter()))
engine.reply(conversation, "why not?")
marks.append(("second message", time.perf_counter()))
print(json.dumps({{name: at - marks[n][1] for n, (name, at) in enumerate(marks[1:])}}))
"""


_CACHE = Path(tempfile.gettempdir()) / "tactful-bench-pycache"


def _environment() -> dict[str, str]:
    # Bytecode caches go to a folder of their own, so the warm-up run warms them even where the
    # environment asks Python not to write them next to the sources.
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONPYCACHEPREFIX": str(_CACHE)}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def tactful_command() -> list[str]:
    """How to run the ``tactful`` console script of this environment."""
    script = Path(sys.executable).parent / "tactful"
    if script.exists():
        return [sys.executable, str(script)]
    return [sys.executable, "-c", "from flow.cli import app; app()"]


def wall(command: Sequence[str]) -> float:
    """Seconds from starting ``command`` until it exits."""
    began = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=_environment())
    return time.perf_counter() - began


def timed_import() -> float:
    """Seconds ``import flow`` takes in a fresh interpreter, timed inside it."""
    done = subprocess.run(
        [sys.executable, "-c", _TIMED_IMPORT], check=True, capture_output=True, text=True, env=_environment()
    )
    return float(done.stdout.strip())


def chat_first_reply() -> tuple[float, float]:
    """Seconds until ``tactful chat`` has written its first reply, and until it exits."""
    began = time.perf_counter()
    chat = subprocess.Popen(
        [*tactful_command(), "chat"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=_environment(),
    )
    assert chat.stdin is not None
    assert chat.stdout is not None
    chat.stdin.write(MESSAGE.encode())
    chat.stdin.close()
    seen = b""
    first = None
    while chunk := os.read(chat.stdout.fileno(), 65536):
        seen += chunk
        if first is None and REPLY_DONE in seen:
            first = time.perf_counter() - began
    chat.wait()
    finished = time.perf_counter() - began
    if first is None or chat.returncode != 0:
        raise RuntimeError(f"tactful chat exited {chat.returncode} without a reply:\n{seen.decode(errors='replace')}")
    return first, finished


def stages() -> dict[str, float]:
    """Seconds for each step between an empty interpreter and the second reply, in one fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", _STAGES.format(message=MESSAGE.strip())],
        check=True,
        capture_output=True,
        text=True,
        env=_environment(),
    )
    return {name: float(value) for name, value in json.loads(done.stdout).items()}


def imported_modules(command: Sequence[str], stdin: str = "") -> dict[str, tuple[int, int, int]]:
    """Each module ``command`` imports: its own and cumulative microseconds, and its nesting depth."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *command],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
        env=_environment(),
    )
    modules = {}
    for line in done.stderr.splitlines():
        found = _IMPORT_LINE.match(line)
        if found:
            own, cumulative, indent, name = found.groups()
            modules[name] = (int(own), int(cumulative), len(indent) // 2)
    return modules


def unwanted(modules: dict[str, tuple[int, int, int]]) -> list[str]:
    """The modules on a serving path that belong elsewhere."""
    return sorted(name for name in modules if name.split(".")[0] in NOT_ON_SERVING_PATH)


def heaviest(modules: dict[str, tuple[int, int, int]], top: int = 10) -> list[tuple[str, float]]:
    """Milliseconds of import time by package (their modules' own times summed), flow's modules apart."""
    costs: dict[str, float] = {}
    for name, (own, _, _) in modules.items():
        group = name if name.startswith("flow.") else name.split(".")[0]
        costs[group] = costs.get(group, 0.0) + own / 1000
    return sorted(costs.items(), key=lambda item: -item[1])[:top]


def _rounds(runs: int, measurements: dict[str, Callable[[], Any]]) -> dict[str, list[Any]]:
    for measure in measurements.values():
        measure()
    seen: dict[str, list[Any]] = {name: [] for name in measurements}
    for _ in range(runs):
        for name, measure in measurements.items():
            seen[name].append(measure())
    return seen


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the tables and write ``bench/results/startup.json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="fresh processes per command (at least 7)")
    parser.add_argument("--quick", action="store_true", help="3 runs: a smoke run, not a measurement")
    args = parser.parse_args(argv)
    runs = 3 if args.quick else max(7, args.runs)
    seen = _rounds(
        runs,
        {
            "python -c pass": lambda: wall([sys.executable, "-c", "pass"]),
            'python -c "import flow"': lambda: wall([sys.executable, "-c", "import flow"]),
            "import flow, timed inside": timed_import,
            "tactful chat": chat_first_reply,
            "stages": stages,
        },
    )
    ms = {name: median(values) * 1000 for name, values in seen.items() if name not in ("tactful chat", "stages")}
    first_reply = median([first for first, _ in seen["tactful chat"]]) * 1000
    whole_chat = median([whole for _, whole in seen["tactful chat"]]) * 1000
    stage_ms = {name: median([run[name] for run in seen["stages"]]) * 1000 for name in seen["stages"][0]}
    empty = ms["python -c pass"]
    import_modules = imported_modules(["-c", "import flow"])
    chat_modules = imported_modules([*tactful_command()[1:], "chat"], stdin=MESSAGE)
    figures = [
        Figure(
            "import flow",
            "ms",
            ms["import flow, timed inside"],
            "lower",
            IMPORT_LIMIT_MS,
            empty,
            "python -c pass",
            note=f"timed around the import inside a fresh interpreter; median of {runs}",
            yardstick=True,
        ),
        Figure(
            "tactful chat: first reply",
            "ms",
            first_reply,
            "lower",
            CHAT_LIMIT_MS,
            empty,
            "python -c pass",
            note=f"process start until the first agent reply is on stdout; median of {runs}",
            yardstick=True,
        ),
    ]
    print(figures_table("startup: headline figures", figures))
    rows = [(name, f"{value:,.1f}", f"{value - empty:+,.1f}") for name, value in ms.items()]
    rows += [
        ("tactful chat, first reply on stdout", f"{first_reply:,.1f}", f"{first_reply - empty:+,.1f}"),
        ("tactful chat, whole run of one message", f"{whole_chat:,.1f}", f"{whole_chat - empty:+,.1f}"),
    ]
    print(table(f"startup: medians of {runs} fresh processes", ("command", "ms", "vs python -c pass"), rows))
    print(table("startup: one process, step by step", ("step", "ms"), [(k, f"{v:,.1f}") for k, v in stage_ms.items()]))
    found = {"import flow": unwanted(import_modules), "tactful chat": unwanted(chat_modules)}
    print(
        table(
            "startup: modules that must stay off these paths",
            ("path", "imported"),
            [(path, ", ".join(names) or "none") for path, names in found.items()],
        )
    )
    heavy = {"import flow": heaviest(import_modules), "tactful chat": heaviest(chat_modules)}
    for path, costs in heavy.items():
        title = f"startup: heaviest imports of {path} (-X importtime, own time by package)"
        print(table(title, ("package or module", "ms"), _ms_rows(costs)))
    details = {
        "runs": runs,
        "medians_ms": {**{k: round(v, 1) for k, v in ms.items()}, "tactful chat, whole run": round(whole_chat, 1)},
        "samples_ms": {
            name: [round(v * 1000, 1) for v in values]
            for name, values in seen.items()
            if name not in ("stages", "tactful chat")
        }
        | {"tactful chat": [[round(a * 1000, 1), round(b * 1000, 1)] for a, b in seen["tactful chat"]]},
        "stages_ms": {k: round(v, 1) for k, v in stage_ms.items()},
        "unwanted_modules": found,
        "heaviest_imports_ms": {path: dict(costs) for path, costs in heavy.items()},
        "modules_imported": {"import flow": len(import_modules), "tactful chat": len(chat_modules)},
    }
    print(f"\nwrote {write_results('startup', figures, details)}")
    return 0 if not any(found.values()) else 1


def _ms_rows(costs: list[tuple[str, float]]) -> list[tuple[str, str]]:
    return [(name, f"{value:,.1f}") for name, value in costs]


if __name__ == "__main__":
    raise SystemExit(main())
