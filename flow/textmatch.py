"""Regular expressions for text that customers write, on an engine that cannot backtrack.

Every pattern tactful applies to customer text (understanding, slots, facts, redaction, a policy's
``pattern``) is a :class:`TextPattern`. It runs on RE2 (the ``google-re2`` package), which matches in
time linear in the length of the text whatever the pattern, so no message can stall a worker. Write
a new one at module level; it compiles on first use, so importing a module that declares many
stays cheap::

    >>> ORDER = TextPattern(r"\\border (?:number )?#?([a-z]-\\d{4})\\b", ignore_case=True)
    >>> ORDER.search("It's Order number A-1234, thanks").group(1)
    'A-1234'
    >>> [m.group() for m in TextPattern(r"\\d+").finditer("2 weeks and 3 days")]
    ['2', '3']

RE2 reads Python's syntax with these differences (https://github.com/google/re2/wiki/Syntax):

- no lookarounds (``(?=``, ``(?!``, ``(?<=``, ``(?<!``) and no backreferences (``\\1``): match the
  neighbouring character outside a group and pass ``core=1`` to ``finditer`` or ``sub``
  (``(?:^|[^0-9])([0-9]{4})(?:[^0-9]|$)`` stands for ``(?<![0-9])[0-9]{4}(?![0-9])``), check it
  in Python, or spell a repetition out (``a{3,}|b{3,}|…`` for ``([a-z])\\1{2,}``);
- ``\\d``, ``\\w``, ``\\s`` and ``\\b`` are ASCII: put :data:`WORD` or :data:`SPACE` in a class
  (``[{WORD}.+-]``) where letters of every script or every kind of space must match, as they do
  with ``re``, and ``\\p{Nd}`` for digits of every script;
- ``\\z`` (not ``\\Z``) is the end of the text, and ``$`` does not match before a final newline.

A search costs about a microsecond, as with ``re``; each match ``finditer``, ``findall`` or ``sub``
finds costs about as much again, so to split a message into words, ``str.translate`` and
``str.split`` are faster (``flow.understanding._text``).

:func:`pattern_problem` says why RE2 refuses a pattern (for validating policies), and
:func:`registered_patterns` lists every pattern declared in the package, so a test can check them all.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any, Protocol

WORD = r"\p{L}\p{N}_"
"""What ``re``'s ``\\w`` matches (letters and digits of every script, and ``_``), to put inside ``[...]``."""
SPACE = r"\s\x0b\x1c-\x1f\x85\pZ"
"""What ``re``'s ``\\s`` matches (every Unicode space and line break), to put inside ``[...]``."""

Spans = list[tuple[int, int]]
"""Where the whole match and each group start and end; ``(-1, -1)`` for a group that took no part."""
Step = Callable[[str, bytes, int], Spans | None]
"""Runs a compiled pattern on UTF-8 bytes from a byte offset: ``step("search" | "match" | "fullmatch", data, pos)``."""

_REGISTRY: list[TextPattern] = []
# RE2 reads UTF-8, which a lone surrogate (possible in a Python str) cannot be encoded to.
_SURROGATES = dict.fromkeys(range(0xD800, 0xE000), "\ufffd")


class TextMatch(Protocol):
    """A match found by a :class:`TextPattern`: the part of ``re.Match`` that tactful uses."""

    def group(self, group: int = 0, /) -> str | Any:
        """The text a group matched; ``None`` when it took no part."""

    def groups(self, default: Any = None) -> tuple[str | Any, ...]:
        """The text of every group, ``default`` for those that took no part."""

    def start(self, group: int = 0) -> int:
        """Where a group's text begins."""

    def end(self, group: int = 0) -> int:
        """Where a group's text ends."""

    def span(self, group: int = 0) -> tuple[int, int]:
        """``(start, end)`` of a group."""


class TextPattern:
    """A regular expression applied to customer text, compiled by RE2 on first use.

    ``ignore_case`` is ``re.IGNORECASE``. Offsets are in characters, as with ``re``. ``register=False``
    keeps a pattern made at run time (a policy's) out of :func:`registered_patterns`.
    """

    __slots__ = ("_groups", "_step", "ignore_case", "source")

    def __init__(self, source: str, *, ignore_case: bool = False, register: bool = True) -> None:
        self.source = source
        self.ignore_case = ignore_case
        self._step: Step | None = None
        self._groups = 0
        if register:
            _REGISTRY.append(self)

    def __repr__(self) -> str:
        flags = ", ignore_case=True" if self.ignore_case else ""
        return f"TextPattern({self.source!r}{flags})"

    def compile(self) -> None:
        """Compile now rather than on first use; raises ``re2.error`` for a pattern RE2 cannot run."""
        if self._step is None:
            self._step, self._groups = _program(self.source, self.ignore_case)

    def search(self, text: str, pos: int = 0) -> TextMatch | None:
        """The first match anywhere in ``text`` from ``pos`` on."""
        step = self._step
        if step is not None and pos == 0 and text.isascii():
            # Most messages are ASCII: they need no conversion between bytes and characters.
            spans = step("search", text.encode("ascii"), 0)
            return None if spans is None else _Found(text, spans)
        return self._first("search", text, pos)

    def match(self, text: str) -> TextMatch | None:
        """A match that starts at the beginning of ``text``."""
        return self._first("match", text, 0)

    def fullmatch(self, text: str) -> TextMatch | None:
        """A match of the whole of ``text``."""
        return self._first("fullmatch", text, 0)

    def finditer(self, text: str, *, core: int = 0) -> Iterator[TextMatch]:
        """Every match, left to right, not overlapping.

        With ``core``, each search resumes where that group ends rather than where the whole match
        does: what the pattern matched around the group (a neighbouring character standing in for a
        lookaround) may then be matched again by the next match, as a lookaround's would.
        """
        self.compile()
        assert self._step is not None
        return _scan(self._step, _encodable(text), core)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where every match starts and ends, left to right, not overlapping: the spans of ``finditer``,
        found without a match object for each (to cut a text into tokens, which makes many)."""
        self.compile()
        step = self._step
        assert step is not None
        text = _encodable(text)
        if not text.isascii():
            return [found.span() for found in _scan(step, text, 0)]
        data = text.encode("ascii")
        found: list[tuple[int, int]] = []
        pos = 0
        while pos <= len(data):
            spans = step("search", data, pos)
            if spans is None:
                break
            start, end = spans[0]
            found.append((start, end))
            pos = end if end > start else start + 1
        return found

    def findall(self, text: str) -> list[Any]:
        """Every match as ``re.findall`` gives it: the text, the one group, or a tuple of groups."""
        found = self.finditer(text)
        if self._groups == 0:
            return [match.group() for match in found]
        if self._groups == 1:
            return [match.group(1) or "" for match in found]
        return [match.groups("") for match in found]

    def sub(self, replacement: str | Callable[[TextMatch], str], text: str, *, core: int = 0) -> str:
        """``text`` with every match (or only its group ``core``) replaced.

        A string replacement is inserted as it is; a function gets each match and returns its replacement.
        """
        text = _encodable(text)
        pieces: list[str] = []
        done = 0
        for found in self.finditer(text, core=core):
            start, end = found.span(core)
            pieces.append(text[done:start])
            pieces.append(replacement(found) if callable(replacement) else replacement)
            done = end
        if not pieces:
            return text
        pieces.append(text[done:])
        return "".join(pieces)

    def _first(self, kind: str, text: str, pos: int) -> TextMatch | None:
        step = self._step
        if step is None:
            self.compile()
            step = self._step
            assert step is not None
        text = _encodable(text)
        pos = min(max(pos, 0), len(text))
        if text.isascii():
            spans = step(kind, text.encode("ascii"), pos)
            return None if spans is None else _Found(text, spans)
        data = text.encode("utf-8")
        spans = step(kind, data, len(text[:pos].encode("utf-8")))
        if spans is None:
            return None
        chars = _characters(data, (0, 0), {offset for span in spans for offset in span})
        return _Found(text, [(chars[start], chars[end]) if start >= 0 else (start, end) for start, end in spans])


def pattern_problem(source: str) -> str | None:
    """Why RE2 cannot run ``source``, in RE2's words with a hint, or ``None`` if it can."""
    import re2

    try:
        _program(source, False)
    except re2.error as e:
        detail = e.args[0] if e.args else ""
        reason = detail.decode("utf-8", "replace") if isinstance(detail, bytes) else str(detail)
        if "perl operator" in reason or "escape sequence" in reason:
            reason += (
                " (RE2 has no lookarounds such as (?=…) or (?<!…) and no backreferences such as \\1;"
                " match the neighbouring characters instead, or drop the condition)"
            )
        return reason
    return None


@functools.lru_cache(maxsize=256)
def policy_pattern(source: str) -> TextPattern:
    """A policy's ``pattern``, compiled once and matched case-insensitively."""
    return TextPattern(source, ignore_case=True, register=False)


def registered_patterns() -> tuple[TextPattern, ...]:
    """Every pattern declared in modules imported so far."""
    return tuple(_REGISTRY)


class _Found:
    """A match with its spans in characters."""

    __slots__ = ("_spans", "_text")

    def __init__(self, text: str, spans: Spans) -> None:
        self._text = text
        self._spans = spans

    def __repr__(self) -> str:
        return f"<TextMatch span={self._spans[0]} match={self.group()!r}>"

    def group(self, group: int = 0, /) -> str | Any:
        start, end = self._spans[group]
        return None if start < 0 else self._text[start:end]

    def groups(self, default: Any = None) -> tuple[str | Any, ...]:
        return tuple(default if start < 0 else self._text[start:end] for start, end in self._spans[1:])

    def start(self, group: int = 0) -> int:
        return self._spans[group][0]

    def end(self, group: int = 0) -> int:
        return self._spans[group][1]

    def span(self, group: int = 0) -> tuple[int, int]:
        return self._spans[group]


def _program(source: str, ignore_case: bool) -> tuple[Step, int]:
    import re2

    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.log_errors = False
    compiled = re2.compile(source, options)
    groups: int = compiled.groups
    binding = getattr(compiled, "_regexp", None)
    if binding is not None and hasattr(binding, "Match"):
        return _binding_step(binding.Match, re2._re2.RE2.Anchor), groups
    return _public_step(compiled, groups), groups


def _binding_step(match: Callable[..., Spans], anchor: Any) -> Step:
    # RE2's own Match, one call per search: the re2 module's search() adds a generator, a second
    # encoding of the text and a match object around it, which costs more than the search itself.
    anchors = {"search": anchor.UNANCHORED, "match": anchor.ANCHOR_START, "fullmatch": anchor.ANCHOR_BOTH}

    def step(kind: str, data: bytes, pos: int) -> Spans | None:
        spans = match(anchors[kind], data, pos, len(data))
        return None if spans[0][0] < 0 else spans

    return step


def _public_step(compiled: Any, groups: int) -> Step:
    # For an re2 release whose compiled pattern does not expose RE2's Match.
    def step(kind: str, data: bytes, pos: int) -> Spans | None:
        found = getattr(compiled, kind)(data, pos)
        return None if found is None else [found.span(group) for group in range(groups + 1)]

    return step


def _scan(step: Step, text: str, core: int) -> Iterator[TextMatch]:
    # The text is encoded once and searched from byte offsets: searching a str from an offset would
    # encode it again each time, which over many matches is quadratic.
    data = text.encode("utf-8")
    ascii_only = len(data) == len(text)
    known = (0, 0)  # a byte offset already converted, and its character offset
    pos = 0
    while pos <= len(data):
        spans = step("search", data, pos)
        if spans is None:
            return
        start = spans[0][0]
        resume = spans[core][1] if spans[core][0] >= 0 else spans[0][1]
        if resume <= start:
            resume = start + 1
            while resume < len(data) and 0x80 <= data[resume] < 0xC0:
                resume += 1
        if not ascii_only:
            chars = _characters(data, known, {offset for span in spans for offset in span} | {resume})
            spans = [(chars[a], chars[b]) if a >= 0 else (a, b) for a, b in spans]
            known = (resume, chars[resume])
        yield _Found(text, spans)
        pos = resume


def _characters(data: bytes, known: tuple[int, int], offsets: set[int]) -> dict[int, int]:
    """Character offsets of byte ``offsets`` (all at or after ``known``'s) in UTF-8 ``data``."""
    byte, char = known
    chars: dict[int, int] = {}
    for offset in sorted(o for o in offsets if o >= 0):
        char += len(data[byte:offset].decode("utf-8", "replace"))
        byte = offset
        chars[offset] = char
    return chars


def _encodable(text: str) -> str:
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.translate(_SURROGATES)
    return text
