"""Options and parsing shared by several ``tactful`` commands."""

from __future__ import annotations

from datetime import UTC, datetime

import typer

POLICY_HELP = "A policy YAML file, or the name of a bundled policy (e.g. retail)."


def parse_facts(pairs: list[str]) -> dict[str, str]:
    """``["order_id=A-1001", "days_since_purchase=45"]`` → a dict; a pair without ``=`` is a usage error."""
    facts: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise typer.BadParameter(f"{pair!r} is not key=value, e.g. order_id=A-1001", param_hint="--fact")
        facts[name.strip()] = value.strip()
    return facts


def parse_moment(
    value: str | None, *, option: str = "--at", example: str = "2026-11-26T20:30+00:00"
) -> datetime | None:
    """An ISO 8601 date or time given to ``option``; naive times are taken as UTC."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date or time like {example}", param_hint=option) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def error_line(error: Exception) -> str:
    """An error as one line: a pydantic validation error becomes ``field: what is wrong; ...``."""
    errors = getattr(error, "errors", None)
    if callable(errors) and type(error).__name__ == "ValidationError":
        parts = []
        for found in errors():
            where = ".".join(str(part) for part in found["loc"])
            message = str(found["msg"]).removeprefix("Value error, ")
            parts.append(f"{where}: {message}" if where else message)
        return "; ".join(parts)
    return " ".join(str(error).split())
