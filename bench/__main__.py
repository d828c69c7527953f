"""Run the benchmarks and print one summary: ``python -m bench [name ...] [--quick]``.

Each benchmark runs in a fresh interpreter (``python -m bench.<name>``), so one cannot warm caches
or fill memory for the next; each prints its own tables and writes ``bench/results/<name>.json``.
Then the figures of every results file present, whether measured now or in an earlier run, go into
one table, also written to ``bench/results/summary.json`` when anything ran. The exit status is 1
when a benchmark that was asked for failed to run, whatever the figures say: the figures are a
report, not a gate.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.report import (
    RESULTS,
    ROOT,
    Figure,
    figure_from_json,
    format_ratio,
    format_value,
    machine,
    markdown,
    table,
    verdict,
)


@dataclass(frozen=True, slots=True)
class Benchmark:
    """One benchmark module and how to read its results file into figures."""

    name: str
    summary: str
    quick: tuple[str, ...]
    figures: Callable[[dict[str, Any]], list[Figure]]

    @property
    def module(self) -> Path:
        """The module's file."""
        return ROOT / "bench" / f"{self.name}.py"

    @property
    def results(self) -> Path:
        """The results file the module writes."""
        return RESULTS / f"{self.name}.json"


def shared_figures(data: dict[str, Any]) -> list[Figure]:
    """Figures written in this suite's own format (``bench.report.write_results``)."""
    return [figure_from_json(entry) for entry in data.get("figures", [])]


UNDERSTAND_LIMIT_US = 40.0


def understanding_figures(data: dict[str, Any]) -> list[Figure]:
    """``bench/understanding.py``'s figures with the targets it declares: intent macro-F1 on the held-out
    split (and per source held out), act micro-F1 and fact accuracy on the labelled table, and the speed
    of one understanding step against vaderSentiment + better_profanity. A results file from before
    the benchmark wrote figures gives the speed on the development utterances alone.
    """
    if "figures" in data:
        return shared_figures(data)
    speed = data.get("speed")
    if not isinstance(speed, dict) or "understand_median_us" not in speed:
        return []
    reference = speed.get("vader_polarity_scores_median_us", 0.0) + speed.get("better_profanity_median_us", 0.0)
    return [
        Figure(
            "understanding one message, development utterances",
            "µs",
            speed["understand_median_us"],
            "lower",
            UNDERSTAND_LIMIT_US,
            reference or None,
            "vaderSentiment + better_profanity",
            note=f"median over {speed.get('messages', '?')} utterances",
        )
    ]


BENCHMARKS: tuple[Benchmark, ...] = (
    Benchmark(
        "engine",
        "one turn vs a hand-made minimal turn, starting vs a Machine per conversation, understanding",
        ("--quick",),
        shared_figures,
    ),
    Benchmark("memory", "memory per conversation, 100,000 held", ("--quick",), shared_figures),
    Benchmark("startup", "import flow and tactful chat's first reply", ("--quick",), shared_figures),
    Benchmark(
        "understanding",
        "intent, acts and facts on the labelled table, and the speed of understanding",
        (),
        understanding_figures,
    ),
    Benchmark("redaction", "redacting one stored message vs the regex redaction before", ("--quick",), shared_figures),
    Benchmark(
        "stores",
        "turns per second through the service on SQLite and Redis",
        ("--turns", "2000", "--rounds", "4", "--conversations", "50"),
        shared_figures,
    ),
    Benchmark(
        "http", "HTTP under 64 connections against bare FastAPI", ("--seconds", "2", "--warmup", "1"), shared_figures
    ),
    Benchmark(
        "adversarial",
        "the worst messages at 1,000 and 2,000 characters, and a normal client's turns meanwhile",
        ("--rounds", "1", "--turns", "5"),
        shared_figures,
    ),
    Benchmark(
        "socketio",
        "turns per second over socket.io against the WebSocket channel",
        ("--seconds", "3", "--warmup", "1"),
        shared_figures,
    ),
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one benchmark in this run."""

    status: str
    seconds: float | None = None


def run(benchmark: Benchmark, *, quick: bool) -> Outcome:
    """Run one benchmark in a fresh interpreter, its output going straight to this terminal."""
    if not benchmark.module.exists():
        return Outcome(f"not run: bench/{benchmark.name}.py is not there yet")
    command = [sys.executable, "-m", f"bench.{benchmark.name}", *(benchmark.quick if quick else ())]
    print(f"\n=== {benchmark.name}: {benchmark.summary}\n$ {' '.join(command[1:])}", flush=True)
    began = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, check=False)
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        return Outcome(f"failed: exit status {done.returncode}", seconds)
    return Outcome("ran", seconds)


SUMMARY_HEADERS = ("benchmark", "figure", "target", "measured", "baseline", "ratio", "met?", "measured at (UTC)")


def summarize(outcomes: dict[str, Outcome]) -> tuple[list[tuple[str, ...]], dict[str, Any]]:
    """The summary rows over every results file present, and the document for ``summary.json``."""
    rows: list[tuple[str, ...]] = []
    figures = []
    benchmarks: dict[str, Any] = {}
    for benchmark in BENCHMARKS:
        outcome = outcomes.get(benchmark.name)
        data = _read(benchmark.results)
        state = outcome.status if outcome else "not run this time"
        benchmarks[benchmark.name] = {
            "status": state,
            "seconds": None if outcome is None or outcome.seconds is None else round(outcome.seconds, 1),
            "results": benchmark.results.relative_to(ROOT).as_posix() if data else None,
            "measured_at": data.get("measured_at") if data else None,
        }
        if data is None:
            rows.append((benchmark.name, f"({state}; no results file)", "", "", "", "", "", ""))
            continue
        when = str(data.get("measured_at") or "unknown").replace("T", " ").removesuffix("+00:00")
        found = benchmark.figures(data)
        if not found:
            rows.append((benchmark.name, f"(see {benchmark.results.name})", "", "", "", "", "", when))
        for figure in found:
            baseline = "—" if figure.baseline is None else f"{format_value(figure.baseline, figure.unit)}"
            rows.append(
                (
                    benchmark.name,
                    figure.name,
                    figure.target,
                    format_value(figure.measured, figure.unit),
                    f"{baseline} ({figure.baseline_label})" if figure.baseline is not None else baseline,
                    format_ratio(figure),
                    verdict(figure.met),
                    when,
                )
            )
            figures.append({"benchmark": benchmark.name, "measured_at": data.get("measured_at"), **figure.to_json()})
    verdicts = [f["met"] for f in figures if f["met"] is not None]
    document = {
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "benchmarks": benchmarks,
        "figures": figures,
        "targets_met": sum(verdicts),
        "targets": len(verdicts),
    }
    return rows, document


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks asked for (all by default), then print and write the summary."""
    names = [b.name for b in BENCHMARKS]
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="name", help=f"benchmarks to run: {', '.join(names)}")
    parser.add_argument("--quick", action="store_true", help="smoke-run sizes: checks the suite, measures nothing")
    parser.add_argument("--summary", action="store_true", help="run nothing; print the summary of the results present")
    parser.add_argument("--markdown", action="store_true", help="print the summary as a Markdown table")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(names))
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(names)}")
    chosen = [] if args.summary else [b for b in BENCHMARKS if not args.names or b.name in args.names]
    began = time.perf_counter()
    outcomes = {benchmark.name: run(benchmark, quick=args.quick) for benchmark in chosen}
    rows, document = summarize(outcomes)
    document["seconds"] = round(time.perf_counter() - began, 1)
    print(markdown(SUMMARY_HEADERS, rows) if args.markdown else table("summary", SUMMARY_HEADERS, rows))
    print(f"\n{document['targets_met']} of {document['targets']} targets met; took {document['seconds']:.0f} s")
    for name, outcome in outcomes.items():
        if outcome.status != "ran":
            print(f"{name}: {outcome.status}")
    if outcomes:
        RESULTS.mkdir(parents=True, exist_ok=True)
        path = RESULTS / "summary.json"
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 1 if any(o.status.startswith("failed") for o in outcomes.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
