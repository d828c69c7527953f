"""No customer message can stall a worker: customer text is matched in time linear in its length.

A regular expression that backtracks can spend seconds on one crafted message well under the length
limit while holding the GIL, so every other conversation and ``/healthz`` wait with it. The attacks
here run in a child process or against a ``tactful serve`` process, each under a generous bound, so
that a regression fails the test instead of hanging the suite; the bounds are not speed targets
(``bench/adversarial.py`` measures the speed).
"""

from __future__ import annotations

import ast
import doctest
import importlib
import json
import pkgutil
import re
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import re2
from websockets.sync.client import connect

import flow
from flow import textmatch
from flow.redaction import redact
from flow.textmatch import TextPattern, pattern_problem, registered_patterns
from flow.understanding import extract_slots, is_abusive
from tests.plugins.host_keys import HOST
from tests.plugins.server_processes import ServerPool, ServerProcess

BOUND_SECONDS = 30.0
"""Far above what any message takes (milliseconds), far below what the backtracking took (8 s to minutes)."""
FACTS = {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45}


def order_number_attack(length: int) -> str:
    """An order-number cue, a run of spaces, a run of digits and a trailing underscore: ``length`` characters."""
    cue = "order"
    spaces = length // 2
    return cue + " " * spaces + "1" * (length - len(cue) - spaces - 1) + "_"


def run_bounded(code: str, *, seconds: float = BOUND_SECONDS) -> Any:
    """Run ``code`` in a fresh interpreter and return the JSON it prints; fail if it takes over ``seconds``."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=seconds, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"still matching after {seconds:.0f} s: a pattern backtracks on this text")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_order_number_attack_is_understood_in_bounded_time() -> None:
    code = (
        "import json; from flow.understanding import understand; "
        f"s = understand({order_number_attack(2000)!r}); print(json.dumps(s.slots))"
    )

    assert run_bounded(code) == {}


def test_a_long_run_of_address_characters_is_read_in_bounded_time() -> None:
    text = "a" * 99_999 + "@"
    code = (
        "import json; from flow.understanding import understand; from flow.facts import read_fact; "
        "from flow.policy import FactSpec; "
        f"t = {text!r}; s = understand(t); "
        "print(json.dumps([s.slots, read_fact(FactSpec(kind='email'), t, s)]))"
    )

    assert run_bounded(code) == [{}, None]


def test_a_policy_pattern_that_could_backtrack_reads_an_answer_in_bounded_time() -> None:
    answer = "a" * 40 + "!"
    code = (
        "import json; from flow.understanding import understand; from flow.facts import read_fact; "
        "from flow.policy import FactSpec; "
        f"spec = FactSpec(kind='order_id', pattern='^(a+)+$'); t = {answer!r}; "
        "print(json.dumps([read_fact(spec, t, understand(t)), read_fact(spec, 'aaaa', understand('aaaa'))]))"
    )

    assert run_bounded(code) == [None, "AAAA"]


def _http(server: ServerProcess, text: str) -> str:
    started = httpx.post(f"{server.url}/v1/conversations", json={"facts": FACTS}, headers=HOST, timeout=BOUND_SECONDS)
    chat = started.json()
    reply = httpx.post(
        f"{server.url}/v1/conversations/{chat['id']}/messages",
        json={"text": text},
        headers={"Authorization": f"Bearer {chat['token']}"},
        timeout=BOUND_SECONDS,
    )
    assert reply.status_code == 200, reply.text
    turn: dict[str, Any] = reply.json()
    return str(turn["text"])


def _websocket(server: ServerProcess, text: str) -> str:
    body = {"facts": FACTS}
    started = httpx.post(f"{server.url}/v1/conversations", json=body, headers=HOST, timeout=BOUND_SECONDS).json()
    url = server.url.replace("http://", "ws://") + f"/v1/conversations/{started['id']}/ws?token={started['token']}"
    with connect(url, open_timeout=BOUND_SECONDS) as socket:
        assert json.loads(socket.recv(timeout=BOUND_SECONDS))["type"] == "ready"
        socket.send(json.dumps({"text": text}))
        frame = json.loads(socket.recv(timeout=BOUND_SECONDS))
    assert frame["type"] == "turn", frame
    return str(frame["turn"]["text"])


def _rasa(server: ServerProcess, text: str) -> str:
    sender = f"widget-{uuid.uuid4().hex}"
    webhook = f"{server.url}/webhooks/rest/webhook"
    httpx.post(webhook, json={"sender": sender, "message": "hello"}, timeout=BOUND_SECONDS)
    reply = httpx.post(webhook, json={"sender": sender, "message": text}, timeout=BOUND_SECONDS)
    assert reply.status_code == 200, reply.text
    return " ".join(str(message["text"]) for message in reply.json())


CHANNELS: dict[str, Callable[[ServerProcess, str], str]] = {"http": _http, "websocket": _websocket, "rasa": _rasa}


@pytest.mark.parametrize("channel", list(CHANNELS))
def test_the_attack_over_a_channel_leaves_every_other_client_served(tactful_servers: ServerPool, channel: str) -> None:
    server = tactful_servers.start("memory")
    attack = order_number_attack(2000)
    answered: list[str] = []
    attacker = threading.Thread(target=lambda: answered.append(CHANNELS[channel](server, attack)), daemon=True)

    attacker.start()
    health = httpx.get(f"{server.url}/healthz", timeout=BOUND_SECONDS)
    other = _http(server, "I want a refund for my order")
    attacker.join(timeout=BOUND_SECONDS)

    assert health.status_code == 200
    assert other
    assert len(answered) == 1, "the attacking message got no answer"
    assert answered[0].strip()


# Modules that use Python's re on text no customer wrote: agent text and templates, the policy file's
# error paths, and the step library's patterns over agent replies.
NOT_CUSTOMER_TEXT = {
    "flow/loading.py",
    "flow/templates.py",
    "flow/testing/catalog.py",
    "flow/testing/checks.py",
    "flow/testing/monitors.py",
    "flow/testing/steps_reply.py",
    "flow/testing/transcript.py",
    "flow/tone.py",
    "flow/validation.py",
}
ROOT = Path(__file__).parents[1]


def import_every_module() -> None:
    for module in pkgutil.walk_packages(flow.__path__, "flow."):
        importlib.import_module(module.name)


def test_every_pattern_in_the_package_runs_on_re2() -> None:
    import_every_module()
    patterns = registered_patterns()
    refused = {pattern.source: pattern_problem(pattern.source) for pattern in patterns}

    assert len(patterns) >= 30
    assert {source: problem for source, problem in refused.items() if problem} == {}
    for pattern in patterns:
        pattern.compile()


def test_only_modules_that_never_see_customer_text_use_pythons_re() -> None:
    using_re = set()
    for path in sorted((ROOT / "flow").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        if "re" in imported:
            using_re.add(path.relative_to(ROOT).as_posix())

    assert using_re <= NOT_CUSTOMER_TEXT, "match customer text with flow.textmatch.TextPattern, not re"


def test_the_wrappers_examples_run() -> None:
    result = doctest.testmod(textmatch, verbose=False)

    assert (result.attempted, result.failed) == (3, 0)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("a@b.com,c@d.org", "[email],[email]"),
        ("4111111111111111,5555555555554444", "[card],[card]"),
        ("555-123-4567,020 7946 0958", "[phone],[phone]"),
        ("write to jane@example.com-support", "write to [email]-support"),
        ("x.jane@example.com", "[email]"),
        ("ré@example.com", "[email]"),
        ("card 12 4111111111111111", "card 12 [card]"),
    ],
)
def test_redaction_finds_what_its_lookarounds_found(text: str, kept: str) -> None:
    assert redact(text) == kept


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("it's AB12C or 12345", {"order_id": "AB12C"}),
        ("it's ABCDE or 12345", {"order_id": "12345"}),
        ("paid 1234 dollars for 56789", {"order_id": "56789"}),
        ("paid 3.14159 and 7777", {"order_id": "7777"}),
        ("the 1234a5 and 4321", {"order_id": "4321"}),
        ("call me on +44 20 7946 0958", {"phone": "+442079460958"}),
        ("x+4420794609 58", {}),
    ],
)
def test_slots_keep_what_their_lookarounds_meant(text: str, slots: dict[str, str]) -> None:
    assert extract_slots(text) == slots


@pytest.mark.parametrize(
    ("text", "abusive"),
    [("f u c k, s h i t", True), ("a b c d e", False), ("f.u.c.kk", False), ("fuuuuck off", True)],
)
def test_spaced_and_stretched_swearing_is_still_revealed(text: str, abusive: bool) -> None:
    assert is_abusive(text) is abusive


def test_offsets_are_in_characters_whatever_the_script() -> None:
    digits = TextPattern(r"(?:^|[^0-9])([0-9]+)", register=False)

    assert [m.span(1) for m in digits.finditer("é1 ü22 😀333", core=1)] == [(1, 2), (4, 6), (8, 11)]
    assert digits.sub("#", "é1 ü22 😀333", core=1) == "é# ü# 😀#"
    assert digits.search("日本 42").group(1) == "42"


def test_a_lone_surrogate_is_matched_instead_of_crashing() -> None:
    words = TextPattern(r"[a-z]+", register=False)

    assert words.findall("ab\ud800cd") == ["ab", "cd"]
    assert words.search("\udfff x").span() == (2, 3)


@pytest.mark.parametrize("text", ["on 12/03/2026, the 3rd!", "é1 ü22 😀333 x", "ab\ud800cd 7", "", "..."])
def test_spans_are_where_finditer_finds_its_matches(text: str) -> None:
    tokens = TextPattern(r"\d+(?:st|nd|rd|th)?|[a-z]+|[.,;!?]", register=False)
    anything = TextPattern(r"x*", register=False)

    for pattern in (tokens, anything):
        assert pattern.spans(text) == [m.span() for m in pattern.finditer(text)]
    assert tokens.spans("on 12/03, the 3rd") == [(0, 2), (3, 5), (6, 8), (8, 9), (10, 13), (14, 17)]


def test_the_public_re2_api_gives_the_same_matches_as_the_fast_path() -> None:
    import_every_module()
    texts = ["order #A-1234, call +44 20 7946 0958", "ré@exämple.com f u c k 4111 1111 1111 1111", "", "aaa bbb"]
    for pattern in registered_patterns():
        compiled = re2.compile(pattern.source, options=_options(pattern))
        public = TextPattern(pattern.source, ignore_case=pattern.ignore_case, register=False)
        public._step, public._groups = textmatch._public_step(compiled, compiled.groups), compiled.groups
        for text in texts:
            fast = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in public.finditer(text)] == fast, pattern
            assert (public.match(text) is None) == (pattern.match(text) is None), pattern


def _options(pattern: TextPattern) -> re2.Options:
    options = re2.Options()
    options.case_sensitive = not pattern.ignore_case
    return options


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        (r"(?<![A-Z])[A-Z]-\d{4}", r"invalid perl operator: \(\?<! \(RE2 has no lookarounds"),
        (r"([A-Z])\1", r"invalid escape sequence: \\1 \(RE2 has no lookarounds"),
        (r"[A-Z", r"missing \]"),
    ],
)
def test_a_pattern_re2_cannot_run_is_explained(pattern: str, problem: str) -> None:
    with pytest.raises(re2.error):
        TextPattern(pattern, register=False).compile()
    assert re.search(problem, pattern_problem(pattern) or "")
