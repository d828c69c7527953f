"""What every benchmark reports: figures against targets and baselines, tables, the machine, JSON files."""

from __future__ import annotations

import cProfile
import json
import os
import platform
import pstats
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).parent / "results"

Better = Literal["lower", "higher"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One headline figure: what was measured, its target, and the baseline timed in the same run.

    ``ratio`` is "how much better than the baseline": baseline / measured when lower is better (times
    faster, times smaller), measured / baseline when higher is better (share of the baseline's
    throughput). When the baseline is a yardstick rather than a competitor (``yardstick``: an empty
    interpreter's start), the ratio is measured / baseline, read "times the baseline". ``met`` is
    ``None`` when the figure has no target of its own.
    """

    name: str
    unit: str
    measured: float
    better: Better
    limit: float | None
    baseline: float | None = None
    baseline_label: str = ""
    ratio_target: float | None = None
    note: str = ""
    yardstick: bool = False

    @property
    def ratio(self) -> float | None:
        """How many times better than the baseline (see the class docstring)."""
        if self.baseline is None or not self.measured or not self.baseline:
            return None
        if self.better == "lower" and not self.yardstick:
            return self.baseline / self.measured
        return self.measured / self.baseline

    @property
    def met(self) -> bool | None:
        """Whether the figure meets its limit and, when it has one, its ratio target."""
        checks: list[bool] = []
        if self.limit is not None:
            checks.append(self.measured <= self.limit if self.better == "lower" else self.measured >= self.limit)
        if self.ratio_target is not None:
            ratio = self.ratio
            checks.append(ratio is not None and ratio >= self.ratio_target)
        return all(checks) if checks else None

    @property
    def target(self) -> str:
        """The target in words: ``≤ 100 µs, ≥ 50× faster``."""
        parts = []
        if self.limit is not None:
            parts.append(f"{'≤' if self.better == 'lower' else '≥'} {format_value(self.limit, self.unit)}")
        if self.ratio_target is not None:
            parts.append(f"≥ {self.ratio_target:g}× {ratio_word(self)}")
        return ", ".join(parts) or "—"

    def to_json(self) -> dict[str, Any]:
        """The figure with its derived ratio, target and verdict, for the results files."""
        return {**asdict(self), "ratio": _rounded(self.ratio), "target": self.target, "met": self.met}


def ratio_word(figure: Figure) -> str:
    """What a figure's ratio means: ``faster``, ``smaller``, ``of baseline`` or ``the baseline``."""
    if figure.yardstick:
        return "the baseline"
    if figure.better == "higher":
        return "of baseline"
    return "smaller" if figure.unit in ("B", "KiB", "MiB") else "faster"


_OPPOSITE = {"faster": "slower", "smaller": "larger"}


def format_ratio(figure: Figure) -> str:
    """``58.2× faster``, ``0.43× of baseline`` or ``—``."""
    ratio = figure.ratio
    if ratio is None:
        return "—"
    word = ratio_word(figure)
    if ratio < 1 and word in _OPPOSITE:
        return f"{1 / ratio:.3g}× {_OPPOSITE[word]}"
    return f"{ratio:.3g}× {word}"


def format_value(value: float | None, unit: str) -> str:
    """A value with its unit, rounded for reading: ``41.3 µs``, ``1.62 KiB``, ``5,120 turns/s``."""
    if value is None:
        return "—"
    if unit in ("turns/s", "req/s"):
        return f"{value:,.0f} {unit}"
    if unit == "B" and value >= 1024:
        return f"{value / 1024:,.2f} KiB"
    return f"{value:,.3g} {unit}" if value < 1000 else f"{value:,.0f} {unit}"


def figure_from_json(data: dict[str, Any]) -> Figure:
    """A figure read back from a results file."""
    fields: dict[str, Any] = {name: data.get(name) for name in Figure.__dataclass_fields__}
    fields.update(
        baseline_label=fields["baseline_label"] or "",
        note=fields["note"] or "",
        yardstick=bool(fields["yardstick"]),
    )
    return Figure(**fields)


def table(title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table with a title, columns padded to their widest cell."""
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(str(h)), *(len(row[i]) for row in cells)) if cells else len(h) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(value.ljust(width) for value, width in zip(values, widths, strict=True)).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([f"\n{title}", line(list(headers)), rule, *(line(row) for row in cells)])


def markdown(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """The same table in Markdown, for the performance notes."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def figures_table(title: str, figures: Sequence[Figure]) -> str:
    """The standard table of headline figures: figure, target, measured, baseline, ratio, met?"""
    rows = [
        (
            f.name,
            f.target,
            format_value(f.measured, f.unit),
            f"{format_value(f.baseline, f.unit)} ({f.baseline_label})" if f.baseline is not None else "—",
            format_ratio(f),
            verdict(f.met),
        )
        for f in figures
    ]
    return table(title, ("figure", "target", "measured", "baseline", "ratio", "met?"), rows)


def verdict(met: bool | None) -> str:
    """``yes``, ``NO`` or ``—`` for a figure without a target."""
    return "—" if met is None else ("yes" if met else "NO")


def cpu_model() -> str:
    """The CPU model named in ``/proc/cpuinfo``, or the platform's processor name."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> dict[str, Any]:
    """The machine a result was measured on, with its load at the time."""
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu_model(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }


def write_results(name: str, figures: Sequence[Figure], details: dict[str, Any]) -> Path:
    """Write ``bench/results/<name>.json``: the figures, the details and the machine."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    document = {
        "benchmark": name,
        "command": " ".join(["python -m", f"bench.{name}", *sys.argv[1:]]),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "figures": [figure.to_json() for figure in figures],
        **details,
    }
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def per_call(run: Callable[[int], float], *, calls: int, rounds: int) -> list[float]:
    """Seconds per call in each round, where ``run(calls)`` returns the seconds that many calls took."""
    return [run(calls) / calls for _ in range(rounds)]


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which ``share`` of ``values`` fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def median(values: Sequence[float]) -> float:
    """The median, named here so every benchmark reads the same."""
    return statistics.median(values)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def profile(work: Callable[[], object], *, repeats: int, turns: int, top: int = 15) -> dict[str, Any]:
    """Run ``work`` ``repeats`` times under cProfile: where the time goes, three ways.

    ``functions``: the top functions by own time; ``areas``: own time summed by module or package;
    ``tactful``: tactful's own functions by cumulative time (the call tree to act on). Shares are of
    the whole profiled time; ``per_turn`` divides call counts by the ``turns`` the work did in all,
    so "3.0 per turn" reads as three calls for every customer message.
    """
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeats):
        work()
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in stats.values()) or 1.0
    functions = []
    areas: dict[str, float] = {}
    for (filename, line, name), (_, calls, own, cumulative, _) in stats.items():
        where = _where(filename)
        areas[where] = areas.get(where, 0.0) + own
        functions.append(
            {
                "function": f"{where}:{line}({name})" if line else name,
                "own_share": round(own / total, 4),
                "cumulative_share": round(cumulative / total, 4),
                "per_turn": round(calls / turns, 2),
            }
        )
    by_area = sorted(({"area": a, "own_share": round(t / total, 4)} for a, t in areas.items()), key=_share)
    ours = [f for f in functions if str(f["function"]).startswith(("flow/", "states/"))]
    ours.sort(key=lambda f: f["cumulative_share"], reverse=True)
    functions.sort(key=lambda f: f["own_share"], reverse=True)
    return {"functions": functions[:top], "areas": by_area[:top], "tactful": ours[:top]}


def profile_tables(found: dict[str, Any]) -> str:
    """The profile as three tables (see :func:`profile`)."""
    headers = ("function", "own", "cumulative", "calls/turn")

    def rows(functions: list[dict[str, Any]]) -> list[tuple[str, ...]]:
        return [
            (f["function"], f"{f['own_share']:.1%}", f"{f['cumulative_share']:.1%}", f"{f['per_turn']:g}")
            for f in functions
        ]

    areas = [(a["area"], f"{a['own_share']:.1%}") for a in found["areas"]]
    return "".join(
        [
            table("profile: tactful's functions by cumulative time", headers, rows(found["tactful"])),
            table("profile: all functions by own time", headers, rows(found["functions"])),
            table("profile: own time by package or module", ("where", "own"), areas),
        ]
    )


def _share(area: dict[str, Any]) -> float:
    return -float(area["own_share"])


def _where(filename: str) -> str:
    """``flow/speech.py``, ``jinja2/runtime.py``, or ``builtins`` for C functions."""
    if filename.startswith(("~", "<")):
        return "builtins"
    path = Path(filename)
    parts = path.parts
    if "site-packages" in parts:
        return "/".join(parts[len(parts) - parts[::-1].index("site-packages") :])
    if path.is_relative_to(ROOT):
        return path.relative_to(ROOT).as_posix()
    return "/".join(parts[-2:])
