"""Benchmark of the understanding step: intent quality, abuse and threat checks, and speed.

Run ``python bench/understanding.py`` from the repository root. It prints per-label precision,
recall and F1 with macro-F1 on the held-out part of the development utterances (and on the training
part, labelled as such), the commonest confusions, the abuse check against the "abusive" label and
against extra phrasings, the threat and negation phrasings, and the median time per message next to
``vaderSentiment`` and ``better_profanity`` measured in the same run. The figures are written to
``bench/results/understanding.json``.
"""

from __future__ import annotations

import json
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from flow.understanding import Understander, is_abusive, is_threat  # noqa: E402
from flow.understanding.dataset import ABUSIVE_LABEL, Utterance, load_split  # noqa: E402
from flow.understanding.metrics import Report, binary_scores, classification_report  # noqa: E402

RESULTS = REPO / "bench" / "results" / "understanding.json"
SPEED_ROUNDS = 5
PROFANITY_SAMPLE = 60

ABUSE_CASES: list[tuple[str, bool]] = [
    ("f*ck this company", True),
    ("what a load of sh1t", True),
    ("f u c k you", True),
    ("you're an idiot", True),
    ("useless idiot", True),
    ("you are completely useless", True),
    ("stupid bot", True),
    ("shut up and refund me", True),
    ("FUUUCK OFF", True),
    ("you absolute m0ron", True),
    ("a**hole", True),
    ("screw you guys", True),
    ("I live in Scunthorpe", False),
    ("first class delivery please", False),
    ("can the assistant help me", False),
    ("the cocktail glasses arrived broken", False),
    ("useless service", False),
    ("your website is useless", False),
    ("this policy is stupid", False),
    ("I feel like an idiot for ordering this", False),
    ("I'm not happy with the service", False),
    ("please assess my claim", False),
]
THREAT_CASES: list[tuple[str, bool]] = [
    ("I'll see you in court", True),
    ("my solicitor will hear about this", True),
    ("I'm filing a chargeback with my bank", True),
    ("reporting you to trading standards", True),
    ("going to the ombudsman", True),
    ("expect a one star review on trustpilot", True),
    ("I'll post this all over social media", True),
    ("if you don't refund me I will sue", True),
    ("I'm not going to sue", False),
    ("I don't want to take legal action", False),
    ("no need for lawyers, just fix it", False),
    ("I won't be leaving a bad review", False),
    ("press the button to continue", False),
    ("the staff were courteous", False),
]
INTENT_CASES: list[tuple[str, str]] = [
    ("no need to transfer me", "reject"),
    ("I don't want to speak to a manager", "reject"),
    ("please don't cancel it", "reject"),
    ("I don't want to cancel, I'd rather get a refund", "request_refund"),
    ("i dont know how to cancel my plan", "request_cancel"),
    ("I still want my money back", "insist"),
    ("just refund me", "insist"),
    ("why not?", "ask_why"),
    ("how come?", "ask_why"),
    ("I bought it 3 weeks ago", "provide_info"),
    ("it's A-1001", "provide_info"),
    ("nope", "reject"),
    ("sure", "accept"),
    ("ok fine", "accept"),
    ("cheers", "thank_close"),
    ("zxqv blorp", "unknown"),
]


def _intent_report(understander: Understander, utterances: Sequence[Utterance]) -> Report:
    rows = [u for u in utterances if u.label != ABUSIVE_LABEL]
    return classification_report([u.label for u in rows], [understander.understand(u.text).intent for u in rows])


def _print_report(title: str, report: Report) -> None:
    print(f"\n{title}")
    print(f"  {'label':16} {'precision':>9} {'recall':>7} {'f1':>6} {'n':>5}")
    for label, scores in report.per_label.items():
        print(f"  {label:16} {scores.precision:9.3f} {scores.recall:7.3f} {scores.f1:6.3f} {scores.support:5d}")
    print(f"  macro-F1 {report.macro_f1:.4f}   accuracy {report.accuracy:.4f}")


def _confusions(report: Report, limit: int = 8) -> list[dict[str, object]]:
    wrong = sorted(((n, g, p) for (g, p), n in report.confusion.items() if g != p), reverse=True)[:limit]
    return [{"gold": g, "predicted": p, "count": n} for n, g, p in wrong]


def _report_json(report: Report) -> dict[str, object]:
    return {
        "macro_f1": round(report.macro_f1, 4),
        "accuracy": round(report.accuracy, 4),
        "per_label": {
            label: {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "n": s.support,
            }
            for label, s in report.per_label.items()
        },
        "top_confusions": _confusions(report),
    }


def _median_microseconds(function: Callable[[str], object], texts: Sequence[str], rounds: int) -> float:
    """The median time per message of the quickest of ``rounds`` passes (other load on the machine only adds)."""
    clock = time.perf_counter_ns
    medians: list[float] = []
    for _ in range(rounds):
        timings: list[int] = []
        for text in texts:
            start = clock()
            function(text)
            timings.append(clock() - start)
        medians.append(statistics.median(timings) / 1000)
    return min(medians)


def _import_milliseconds(module: str, *, after: str) -> float:
    """The quickest of five fresh imports of ``module``, timed after ``after`` is already imported."""
    code = f"import time, {after}; s = time.perf_counter(); import {module}; print(time.perf_counter() - s)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True).stdout)
        for _ in range(5)
    ]
    return min(runs) * 1000


def _check_cases(title: str, cases: Sequence[tuple[str, object]], check: Callable[[str], object]) -> dict[str, object]:
    failures = [(text, expected, check(text)) for text, expected in cases if check(text) != expected]
    print(f"\n{title}: {len(cases) - len(failures)}/{len(cases)} as expected")
    for text, expected, found in failures:
        print(f"  {text!r}: expected {expected}, got {found}")
    return {"cases": len(cases), "as_expected": len(cases) - len(failures)}


def main() -> None:
    """Run every measurement, print it, and write ``bench/results/understanding.json``."""
    split = load_split()
    understander = Understander()
    started = time.perf_counter()
    understander.understand("warm up: load the weights and the lexicon")
    first_use_ms = (time.perf_counter() - started) * 1000

    held_out = _intent_report(understander, split.held_out)
    training = _intent_report(understander, split.train)
    _print_report("Intent on the HELD-OUT part (never used for training or tuning)", held_out)
    print(
        "  commonest confusions:",
        ", ".join(f"{c['gold']}→{c['predicted']} ×{c['count']}" for c in _confusions(held_out)),
    )
    _print_report("Intent on the TRAINING part (the model has seen these lines)", training)

    results: dict[str, object] = {"held_out": _report_json(held_out), "training_part": _report_json(training)}
    abuse: dict[str, object] = {}
    for name, rows in (("held_out", split.held_out), ("all_dev", split.train + split.held_out)):
        scores = binary_scores([u.label == ABUSIVE_LABEL for u in rows], [is_abusive(u.text) for u in rows])
        abuse[name] = {
            "precision": round(scores.precision, 4),
            "recall": round(scores.recall, 4),
            "positives": scores.support,
        }
        found = f"precision {scores.precision:.3f} recall {scores.recall:.3f} (n={scores.support})"
        print(f"\nabuse vs the 'abusive' label ({name}): {found}")
    abuse["extra_phrasings"] = _check_cases("abuse phrasings", ABUSE_CASES, is_abusive)
    results["abuse"] = abuse
    results["threat_phrasings"] = _check_cases("threat phrasings", THREAT_CASES, is_threat)
    results["intent_phrasings"] = _check_cases(
        "negation and rule phrasings", INTENT_CASES, lambda text: understander.understand(text).intent
    )

    results["speed"] = _speed(understander, [u.text for u in split.train + split.held_out], first_use_ms)
    results["machine"] = {"python": platform.python_version(), "processor": platform.machine()}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(REPO)}")


def _speed(understander: Understander, texts: list[str], first_use_ms: float) -> dict[str, object]:
    from better_profanity import profanity
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    reference = SentimentIntensityAnalyzer()
    profanity.load_censor_words()
    ours = _median_microseconds(understander.understand, texts, SPEED_ROUNDS)
    sentiment = _median_microseconds(understander.sentiment, texts, SPEED_ROUNDS)
    abuse = _median_microseconds(is_abusive, texts, SPEED_ROUNDS)
    vader = _median_microseconds(reference.polarity_scores, texts, SPEED_ROUNDS)
    sample = texts[:: max(1, len(texts) // PROFANITY_SAMPLE)][:PROFANITY_SAMPLE]
    censor = _median_microseconds(profanity.contains_profanity, sample, 1)
    imports = _import_milliseconds("flow.understanding", after="flow")
    package = _import_milliseconds("flow", after="time")
    speed: dict[str, object] = {
        "messages": len(texts),
        "understand_median_us": round(ours, 2),
        "our_sentiment_median_us": round(sentiment, 2),
        "our_abuse_check_median_us": round(abuse, 2),
        "vader_polarity_scores_median_us": round(vader, 2),
        "better_profanity_median_us": round(censor, 2),
        "vader_over_our_sentiment": round(vader / sentiment, 1),
        "vader_over_whole_understanding": round(vader / ours, 2),
        "better_profanity_over_our_abuse_check": round(censor / abuse, 0),
        "import_flow_understanding_after_flow_ms": round(imports, 2),
        "import_flow_package_ms": round(package, 1),
        "first_use_load_ms": round(first_use_ms, 1),
    }
    print(f"\nspeed (median per message over {len(texts)} messages, quickest of {SPEED_ROUNDS} passes)")
    print(f"  understand(): {ours:.1f} µs   (budget 40 µs)")
    print(f"  our sentiment: {sentiment:.1f} µs vs vaderSentiment {vader:.1f} µs  → {vader / sentiment:.1f}× faster")
    print(f"  our abuse check: {abuse:.1f} µs vs better_profanity {censor:.0f} µs → {censor / abuse:.0f}× faster")
    print(f"  vaderSentiment alone / whole understand(): {vader / ours:.2f}")
    print(f"  import flow.understanding: {imports:.1f} ms on top of the flow package ({package:.0f} ms, the engine)")
    print(f"  first use (weights + lexicon): {first_use_ms:.0f} ms")
    return speed


if __name__ == "__main__":
    main()
