"""Load a policy from a YAML file, a bundled name, or a mapping, reporting every problem with its YAML path."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from flow.conditions import facts_named
from flow.errors import PolicyError
from flow.expansion import expansion_problems
from flow.policy import Policy

BUNDLED_SUFFIX = ".yaml"
_PYDANTIC_STEP = re.compile(r"^(<\w+>|(function-\w+|tagged-union|union|chain|model|lax-or-strict)\[.*\])$")
"""Location parts that name a pydantic validation step or a union tag, not a key of the YAML file."""


def bundled_policies() -> list[str]:
    """Names of the example policies that ship with tactful."""
    folder = resources.files("flow") / "policies"
    return sorted(p.name.removesuffix(BUNDLED_SUFFIX) for p in folder.iterdir() if p.name.endswith(BUNDLED_SUFFIX))


def yaml_path(loc: Iterable[int | str]) -> str:
    """Render a pydantic error location as a YAML path: ``requests.refund.alternatives[1].text``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PYDANTIC_STEP.match(part):
            continue
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


def _message(error: Mapping[str, Any]) -> str:
    text = str(error["msg"])
    text = text.removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        return "unknown key; remove it or check its spelling"
    return text[:1].lower() + text[1:]


def _parse_yaml(text: str) -> Any:
    """``yaml.safe_load``, with libyaml's parser when PyYAML was built with it (several times faster)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _read(source: str | Path) -> tuple[str, Any]:
    text_source = str(source)
    path = Path(text_source)
    if not path.suffix and not path.exists():
        bundled = resources.files("flow") / "policies" / f"{text_source}{BUNDLED_SUFFIX}"
        if not bundled.is_file():
            known = ", ".join(bundled_policies())
            raise PolicyError(
                text_source, [f"no policy file or bundled policy named {text_source!r}; bundled: {known}"]
            )
        return f"bundled:{text_source}", _parse_yaml(bundled.read_text(encoding="utf-8"))
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise PolicyError(text_source, ["file not found; check the path"]) from e
    except (OSError, UnicodeDecodeError) as e:
        raise PolicyError(text_source, [f"cannot read the file: {e}"]) from e
    try:
        return text_source, _parse_yaml(raw)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(e, "problem", None) or str(e)
        raise PolicyError(text_source, [f"{where}not valid YAML: {problem}"]) from e


def _cross_checks(policy: Policy) -> list[str]:
    problems: list[str] = []
    declared = set(policy.facts)
    for name, request in policy.requests.items():
        for i, fact in enumerate(request.needs):
            if fact not in declared:
                problems.append(f"requests.{name}.needs[{i}]: unknown fact {fact!r}; declare it under facts")
        for i, rule in enumerate(request.declines):
            for fact in sorted(facts_named(rule.when) - declared):
                problems.append(f"requests.{name}.declines[{i}].when: unknown fact {fact!r}; declare it under facts")
    if policy.compensation is not None:
        for fact in sorted(facts_named(policy.compensation.eligible_when) - declared):
            problems.append(f"compensation.eligible_when: unknown fact {fact!r}; declare it under facts")
    for fact, spec in policy.facts.items():
        if spec.kind == "order_id" and spec.pattern is None:
            problems.append(f"facts.{fact}.pattern: an order_id fact needs a pattern, e.g. '[A-Z]-\\d{{4}}'")
    needed = {fact for request in policy.requests.values() for fact in request.needs}
    for fact in sorted(needed & declared):
        if policy.facts[fact].source == "customer" and policy.facts[fact].ask is None:
            problems.append(f"facts.{fact}.ask: a customer fact that a request needs must say how to ask for it")
    return problems


def validate_policy(data: Any, *, source: str = "<policy>") -> Policy:
    """Validate already-parsed policy data; raise :class:`PolicyError` listing every problem."""
    if not isinstance(data, Mapping):
        raise PolicyError(source, [f"(top level): expected a mapping of policy settings, found {type(data).__name__}"])
    expanded = expansion_problems(data)
    if expanded:
        raise PolicyError(source, expanded)
    try:
        policy = Policy.model_validate(data)
    except ValidationError as e:
        problems = [f"{yaml_path(err['loc'])}: {_message(err)}" for err in e.errors()]
        raise PolicyError(source, problems) from e
    problems = _cross_checks(policy)
    if problems:
        raise PolicyError(source, problems)
    return policy


def load_policy(source: str | Path | Mapping[str, Any]) -> Policy:
    """Load a policy from a YAML file path, a bundled policy name (``"retail"``), or a mapping.

    Raises :class:`~flow.errors.PolicyError` with one line per problem, each naming its YAML path.
    Templates are checked too (unknown variables, tone), so a policy that loads can be served.
    """
    from flow.templates import check_templates

    if isinstance(source, Mapping):
        name, data = "<mapping>", source
    else:
        name, data = _read(source)
    policy = validate_policy(data, source=name)
    problems = check_templates(policy)
    if problems:
        raise PolicyError(name, problems)
    return policy
