"""Redaction of one stored customer message, against the regex redaction it replaced, in the same run.

    python -m bench.redaction [--rounds 15] [--quick]

Redaction runs on every customer message a policy with ``redact_personal_data`` stores, so its cost
is paid once a turn. Three sets of messages are timed, each in rounds that take the current
redaction (``flow/redaction.py``) and the baseline (``bench/redaction_regex.py``, the regex
redaction as it was) in turn, so that load from elsewhere falls on both alike:

- the development utterances (``shared/data/utterances_dev.jsonl``): ordinary customer messages;
- messages carrying personal data in the shapes both should catch, and in the shapes only the
  current one catches (other separators, Unicode digits, non-ASCII addresses);
- one message of 2,000 characters (the default ``max_message_chars``) dense with digit groups, the
  slowest shape for both.

The figure is the median cost per message; the table also shows how many of the personal-data
shapes each redacts, and, when the ``phonenumbers`` package happens to be installed, what its
phone matcher alone costs on the utterances (it is not a dependency: the reason is this figure).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence

from bench.redaction_regex import redact as regex_redact
from bench.report import Figure, figures_table, median, table, write_results
from flow.redaction import redact
from flow.understanding.dataset import DatasetMissing, load_utterances

LIMIT_US = 20.0
"""The cost per ordinary message the current redaction should stay under."""

PERSONAL = [
    "card 4111 1111 1111 1111 was charged twice",
    "call me on +44 20 7946 0958 or write to jane.doe@example.co.uk",
    "my visa 4012888888881881, order A-1234",
    "(555) 123-4567 after six, or ring 555-0123",
    "card 4111.1111.1111.1111 please",
    "4111  1111  1111  1111",
    "４１１１ １１１１ １１１１ １１１１",
    "card ٤١١١١١١١١١١١١١١١",
    "write to josé.garcía@ejemplo.es today",
    "用户@例子.广告",
    "jane@example.com- thanks",
    "ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ",
    "call +٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨",
    "020  7946  0958",
]
"""Messages with personal data: the first four in shapes both redactions catch, the rest in new shapes."""
DENSE = ("order 12 of 2025-05-01, qty 3 at 4.99, ref 555 0123; " * 40)[:2000]


def per_message(redactor: Callable[[str], str], messages: Sequence[str]) -> float:
    """Seconds per message for one pass over ``messages``."""
    started = time.perf_counter()
    for message in messages:
        redactor(message)
    return (time.perf_counter() - started) / len(messages)


def rounds(sets: dict[str, Sequence[str]], redactors: dict[str, Callable[[str], str]], count: int) -> dict[str, float]:
    """Median microseconds per message for each (set, redactor), the redactors taking turns in each round."""
    seen: dict[str, list[float]] = {}
    for _ in range(count):
        for set_name, messages in sets.items():
            for name, redactor in redactors.items():
                seen.setdefault(f"{set_name}|{name}", []).append(per_message(redactor, messages))
    return {key: median(values) * 1e6 for key, values in seen.items()}


def phone_matcher() -> Callable[[str], str] | None:
    """The ``phonenumbers`` matcher as a redactor of phones only, if the package is installed."""
    try:
        import phonenumbers
    except ImportError:
        return None

    def match(text: str) -> str:
        for _ in phonenumbers.PhoneNumberMatcher(text, "GB"):
            pass
        return text

    return match


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the tables and write ``bench/results/redaction.json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="rounds over every set (at least 5)")
    parser.add_argument("--quick", action="store_true", help="3 rounds: a smoke run, not a measurement")
    args = parser.parse_args(argv)
    count = 3 if args.quick else max(5, args.rounds)
    try:
        utterances = [u.text for u in load_utterances()]
    except DatasetMissing:
        utterances = PERSONAL[:4] + ["I'd like a refund for order A-1234 please", "this is ridiculous"]
    sets = {"utterances": utterances, "personal data": PERSONAL, "2,000 dense characters": [DENSE]}
    redactors: dict[str, Callable[[str], str]] = {"current": redact, "regex before": regex_redact}
    measured = rounds(sets, redactors, count)
    matcher = phone_matcher()
    reference = rounds({"utterances": utterances}, {"phonenumbers": matcher}, count) if matcher else {}

    figures = [
        Figure(
            "redacting one stored message, development utterances",
            "µs",
            measured["utterances|current"],
            "lower",
            LIMIT_US,
            measured["utterances|regex before"],
            "regex redaction before",
            note=f"median of {count} rounds over {len(utterances)} messages",
        ),
        Figure(
            "redacting one message with personal data",
            "µs",
            measured["personal data|current"],
            "lower",
            None,
            measured["personal data|regex before"],
            "regex redaction before",
            note=f"{len(PERSONAL)} messages, most in shapes only the current redaction catches",
        ),
        Figure(
            "redacting 2,000 characters dense with digits",
            "µs",
            measured["2,000 dense characters|current"],
            "lower",
            None,
            measured["2,000 dense characters|regex before"],
            "regex redaction before",
        ),
    ]
    print(figures_table(f"redaction: medians of {count} rounds", figures))
    caught = {name: sum(f(m) != m for m in PERSONAL) for name, f in redactors.items()}
    rows = [(name, f"{caught[name]} of {len(PERSONAL)}") for name in redactors]
    print(table("redaction: personal-data messages changed", ("redaction", "messages"), rows))
    if reference:
        rows = [("phonenumbers.PhoneNumberMatcher, phones only", f"{reference['utterances|phonenumbers']:.1f}")]
        print(table("redaction: a library's phone matcher on the utterances", ("reference", "µs per message"), rows))
    details = {
        "rounds": count,
        "medians_us": {key: round(value, 2) for key, value in (measured | reference).items()},
        "personal_data_messages_changed": caught,
        "messages": {name: len(messages) for name, messages in sets.items()},
    }
    print(f"\nwrote {write_results('redaction', figures, details)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
