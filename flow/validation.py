"""Every problem with a policy in one pass: schema, cross-references, templates, tone and the flow graph.

Pydantic stops at the schema: a policy with a misspelt key never reaches the template checks, so a
support lead would fix mistakes in rounds. Here the schema errors are reported, the parts they are
in are set aside (an invalid entry removed, a missing top-level setting given a stand-in), and the
rest of the policy is validated and checked as usual. Paths are always those of the file as written.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from flow.suggest import did_you_mean

_ROUNDS = 6
_REQUIRED = frozenset({"requests"})
"""Top-level settings without which nothing else can be checked."""
_STAND_INS: dict[str, Any] = {
    "name": "policy",
    "company": "the company",
    "agent_name": "the agent",
    "follow_up": {"text": "Are you happy with how it was sorted out?"},
}
"""Values for required top-level settings that are missing or invalid, so the rest can be checked."""
_CONSEQUENCES = frozenset({"missing", "too_short"})
"""Errors that setting a part aside causes by itself: not reported from later rounds."""
_PYDANTIC_STEP = re.compile(
    r"^(<\w+>|\[key\]|(function-\w+|tagged-union|union|chain|model|lax-or-strict|literal)\[.*\])$"
)
"""Location parts that name a pydantic validation step or a union tag, not a key of the YAML file."""


def yaml_path(loc: Iterable[int | str]) -> str:
    """Render a pydantic error location as a YAML path: ``requests.refund.alternatives[1].text``."""
    out = ""
    for part in _keys(loc):
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


def _keys(loc: Iterable[int | str]) -> tuple[int | str, ...]:
    return tuple(part for part in loc if isinstance(part, int) or not _PYDANTIC_STEP.match(part))


def _message(error: Mapping[str, Any], model: type[BaseModel]) -> str:
    loc = _keys(error["loc"])
    if error["type"] == "extra_forbidden":
        known = _fields_at(model, loc[:-1])
        hint = did_you_mean(str(loc[-1]), known) if known else ""
        return f"unknown key{hint or '; remove it or check its spelling'}"
    text = str(error["msg"]).removeprefix("Value error, ")
    text = text[:1].lower() + text[1:]
    expected = (error.get("ctx") or {}).get("expected")
    if error["type"] == "literal_error" and isinstance(expected, str) and isinstance(error.get("input"), str):
        text += did_you_mean(error["input"], re.findall(r"'([^']*)'", expected))
    return text


def _fields_at(model: type[BaseModel], loc: Sequence[int | str]) -> list[str]:
    """The field names of the model found at ``loc`` under ``model``, or ``[]`` when it is not one model."""
    current: Any = model
    for part in loc:
        current = _strip(current)
        origin = get_origin(current)
        if origin is dict and len(get_args(current)) == 2:
            current = get_args(current)[1]
        elif origin in (list, tuple) and get_args(current):
            current = get_args(current)[0]
        elif _is_model(current) and isinstance(part, str) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return []
    current = _strip(current)
    return list(current.model_fields) if _is_model(current) else []


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _strip(annotation: Any) -> Any:
    """``X`` for ``X | None`` and ``Annotated[X, ...]``; anything else as it is."""
    while True:
        if hasattr(annotation, "__metadata__"):
            annotation = get_args(annotation)[0]
            continue
        if get_origin(annotation) is Union or type(annotation).__name__ == "UnionType":
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) == 1:
                annotation = args[0]
                continue
        return annotation


def _shifted(prefix: str, removed: int) -> Callable[[re.Match[str]], str]:
    """A substitution that moves ``prefix[i]`` back to ``prefix[i + 1]`` for ``i`` at or past ``removed``."""

    def shift(match: re.Match[str]) -> str:
        index = int(match[1])
        return f"{prefix}[{index + (index >= removed)}]"

    return shift


@dataclass
class _Pruned:
    """The policy data with invalid parts set aside, and how to map paths back to the file as written."""

    data: Any
    removed: list[tuple[str, int]] = field(default_factory=list)

    def original(self, text: str) -> str:
        """``text`` with list indexes shifted back to where they were before elements were removed."""
        for prefix, index in reversed(self.removed):
            text = re.compile(re.escape(prefix) + r"\[(\d+)\]").sub(_shifted(prefix, index), text)
        return text

    def set_aside(self, loc: tuple[int | str, ...], kind: str) -> bool:
        """Remove the part at ``loc`` (or the entry holding a missing field); ``False`` when nothing can be."""
        target = loc[:-1] if kind == "missing" and len(loc) > 1 else loc
        while target:
            parent = self._at(target[:-1])
            last = target[-1]
            if isinstance(parent, list) and isinstance(last, int) and last < len(parent):
                del parent[last]
                self.removed.append((yaml_path(target[:-1]), last))
                return True
            if isinstance(parent, dict) and (last in parent or len(target) == 1):
                if len(target) > 1:
                    del parent[last]
                    return True
                if last in _STAND_INS:
                    parent[last] = copy.deepcopy(_STAND_INS[last])
                    return True
                if last in _REQUIRED or last not in parent:
                    return False
                del parent[last]
                return True
            target = target[:-1]
        return False

    def _at(self, loc: Sequence[int | str]) -> Any:
        node = self.data
        for part in loc:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return None
        return node


def schema_problems(data: Mapping[str, Any], model: type[BaseModel]) -> tuple[Any, _Pruned, list[str]]:
    """Validate ``data`` as ``model``, setting invalid parts aside until the rest validates.

    Returns the validated model (``None`` when too much is wrong to go on), the pruned data with its
    path mapping, and the schema problems, each with its YAML path in the file as written.
    """
    pruned = _Pruned(copy.deepcopy(dict(data)))
    problems: list[str] = []
    for round_number in range(_ROUNDS):
        try:
            return model.model_validate(pruned.data), pruned, problems
        except ValidationError as e:
            errors = e.errors()
        said: set[tuple[int | str, ...]] = set()
        for error in errors:
            loc = _keys(error["loc"])
            if (round_number and error["type"] in _CONSEQUENCES) or (error["type"] == "literal_error" and loc in said):
                continue  # a consequence of setting a part aside, or another branch of the same choice
            said.add(loc)
            problems.append(pruned.original(f"{yaml_path(loc)}: {_message(error, model)}"))
        progress = False
        done: set[tuple[int | str, ...]] = set()
        for error in sorted(errors, key=_removal_order):
            loc = _keys(error["loc"])
            if any(loc[:i] in done for i in range(len(loc) + 1)):
                continue
            if pruned.set_aside(loc, error["type"]):
                progress = True
                done.add(loc[:-1] if error["type"] == "missing" and len(loc) > 1 else loc)
        if not progress:
            break
    return None, pruned, problems


def _removal_order(error: Mapping[str, Any]) -> tuple[Any, ...]:
    """Deepest and last list elements first, so removing one does not shift the others still to remove."""
    loc = _keys(error["loc"])
    return tuple((0, -part) if isinstance(part, int) else (1, part) for part in loc)
