"""Load a policy from a YAML file, a bundled name, or a mapping, reporting every problem with its YAML path."""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from flow.conditions import facts_named
from flow.errors import PolicyError
from flow.expansion import expansion_problems
from flow.policy import Policy
from flow.suggest import did_you_mean
from flow.validation import schema_problems, yaml_path

__all__ = ["bundled_policies", "find_problems", "load_policy", "read_policy_data", "validate_policy", "yaml_path"]

BUNDLED_SUFFIX = ".yaml"


def bundled_policies() -> list[str]:
    """Names of the example policies that ship with tactful."""
    folder = resources.files("flow") / "policies"
    return sorted(p.name.removesuffix(BUNDLED_SUFFIX) for p in folder.iterdir() if p.name.endswith(BUNDLED_SUFFIX))


def _parse_yaml(text: str) -> Any:
    """``yaml.safe_load``, with libyaml's parser when PyYAML was built with it (several times faster)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def read_policy_data(source: str | Path) -> tuple[str, Any]:
    """The name to report and the parsed YAML of a policy file or bundled policy; :class:`PolicyError` if unreadable."""
    return _read(source)


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


def _unknown_fact(where: str, fact: str, declared: set[str]) -> str:
    return f"{where}: unknown fact {fact!r}{did_you_mean(fact, declared) or '; declare it under facts'}"


def _cross_checks(policy: Policy) -> list[str]:
    problems: list[str] = []
    declared = set(policy.facts)
    for name, request in policy.requests.items():
        for i, fact in enumerate(request.needs):
            if fact not in declared:
                problems.append(_unknown_fact(f"requests.{name}.needs[{i}]", fact, declared))
        for i, rule in enumerate(request.declines):
            for fact in sorted(facts_named(rule.when) - declared):
                problems.append(_unknown_fact(f"requests.{name}.declines[{i}].when", fact, declared))
        if request.assumed_when is not None:
            for fact in sorted(facts_named(request.assumed_when) - declared):
                problems.append(_unknown_fact(f"requests.{name}.assumed_when", fact, declared))
        for other in request.covers:
            if other not in policy.requests or other == name:
                known = set(policy.requests) - {name}
                hint = did_you_mean(other, known) or f"; it names another request ({', '.join(sorted(known))})"
                problems.append(f"requests.{name}.covers.{other}: not another request of this policy{hint}")
    if policy.compensation is not None:
        for fact in sorted(facts_named(policy.compensation.eligible_when) - declared):
            problems.append(_unknown_fact("compensation.eligible_when", fact, declared))
    for fact, spec in policy.facts.items():
        if spec.kind == "order_id" and spec.pattern is None:
            problems.append(f"facts.{fact}.pattern: an order_id fact needs a pattern, e.g. '[A-Z]-\\d{{4}}'")
    needed = {fact for request in policy.requests.values() for fact in request.needs}
    for fact in sorted(needed & declared):
        if policy.facts[fact].source == "customer" and policy.facts[fact].ask is None:
            problems.append(f"facts.{fact}.ask: a customer fact that a request needs must say how to ask for it")
    return problems


def find_problems(
    data: Any, *, templates: bool = True, readability: bool = False, graph: bool = False
) -> tuple[Policy | None, list[str]]:
    """Every problem with already-parsed policy data, in one list, each with its YAML path.

    Schema problems are found first; the parts they are in are set aside so that cross-references,
    ``templates`` (variables, tone, blanks left by unknown optional facts), ``readability`` and the
    flow ``graph`` are still checked on the rest. Returns the policy when there is no problem.
    """
    if not isinstance(data, Mapping):
        return None, [f"(top level): expected a mapping of policy settings, found {type(data).__name__}"]
    expanded = expansion_problems(data)
    if expanded:
        # Measured before anything copies or walks the data: its expansion is the problem.
        return None, expanded
    policy, pruned, problems = schema_problems(data, Policy)
    if policy is not None:
        later = _cross_checks(policy)
        if templates:
            from flow.templates import check_templates

            later += check_templates(policy, readability=readability)
        if graph and not problems:
            # Only on the policy as written: a part set aside could make a state look unreachable.
            from flow.machine import check_graph, live_edges

            later += [f"flow: {problem}" for problem in check_graph(policy, live_edges(policy))]
        problems += [pruned.original(problem) for problem in later]
    unique = list(dict.fromkeys(problems))
    return (policy if not unique else None), unique


def validate_policy(data: Any, *, source: str = "<policy>") -> Policy:
    """Validate parsed policy data (schema and cross-references); raise :class:`PolicyError` listing every problem."""
    policy, problems = find_problems(data, templates=False)
    if policy is None:
        raise PolicyError(source, problems)
    return policy


def load_policy(source: str | Path | Mapping[str, Any]) -> Policy:
    """Load a policy from a YAML file path, a bundled policy name (``"retail"``), or a mapping.

    Raises :class:`~flow.errors.PolicyError` with one line per problem, each naming its YAML path:
    schema, cross-references and templates (unknown variables, tone, blanks) are all checked in one
    pass, so a policy that loads can be served.
    """
    if isinstance(source, Mapping):
        name, data = "<mapping>", source
    else:
        name, data = _read(source)
    policy, problems = find_problems(data)
    if policy is None:
        raise PolicyError(name, problems)
    return policy
