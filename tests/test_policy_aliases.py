"""YAML aliases: reusing a part of a policy is fine; multiplying it past a limit, or into itself, is refused."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from flow import PolicyError, load_policy
from flow.cli import app

RETAIL_FILE = Path(__file__).parents[1] / "flow" / "policies" / "retail.yaml"
RETAIL_TEXT = RETAIL_FILE.read_text(encoding="utf-8")
DAYS_RULE = "      - when: {fact: days_since_purchase, op: gt, value: 30}\n"
runner = CliRunner()


def with_rule(when: str) -> str:
    """The bundled policy with the condition of the refund's first rule replaced."""
    assert DAYS_RULE in RETAIL_TEXT
    return RETAIL_TEXT.replace(DAYS_RULE, f"      - when: {when}\n", 1)


def nine_way(levels: int) -> str:
    """A condition nested ``levels`` deep, each level an ``any`` of nine aliases of the level below.

    Written out it is small; expanded, it is 9**levels comparisons.
    """
    condition = "&c0 {fact: days_since_purchase, op: gt, value: 30}"
    for i in range(1, levels + 1):
        condition = f"&c{i} {{any: [{condition}, {', '.join([f'*c{i - 1}'] * 8)}]}}"
    return condition


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.timeout(20)
def test_a_condition_multiplied_by_aliases_is_refused_at_its_path(tmp_path: Path) -> None:
    text = with_rule(f"{{all: [{nine_way(9)}]}}")

    with pytest.raises(PolicyError, match=r"requests\.refund\.declines\[0\]\.when\.all\[0\]\.any\[0\]: .*YAML aliases"):
        load_policy(write(tmp_path, text))


@pytest.mark.timeout(20)
def test_validate_refuses_it_and_exits_2(tmp_path: Path) -> None:
    path = write(tmp_path, with_rule(f"{{all: [{nine_way(9)}]}}"))

    result = runner.invoke(app, ["validate", str(path)])

    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "requests.refund.declines[0].when.all[0].any[0]:" in result.output
    assert "YAML aliases" in result.output


def test_an_alias_inside_what_it_names_is_refused(tmp_path: Path) -> None:
    text = with_rule("&loop {all: [{fact: days_since_purchase, op: gt, value: 30}, *loop]}")

    with pytest.raises(PolicyError, match=r"requests\.refund\.declines\[0\]\.when\.all\[1\]: .*contains itself"):
        load_policy(write(tmp_path, text))


@pytest.mark.timeout(20)
def test_a_mapping_that_shares_its_parts_is_measured_the_same_way() -> None:
    condition: dict[str, Any] = {"fact": "days_since_purchase", "op": "gt", "value": 30}
    for _ in range(9):
        condition = {"any": [condition] * 9}
    data = yaml.safe_load(RETAIL_TEXT)
    data["requests"]["refund"]["declines"][0]["when"] = condition

    with pytest.raises(
        PolicyError, match=r"requests\.refund\.declines\[0\]\.when\.any\[0\]: .*expands to [\d,]+ values"
    ):
        load_policy(data)


def test_reusing_a_part_a_few_times_still_loads(tmp_path: Path) -> None:
    data = yaml.safe_load(RETAIL_TEXT)
    shared = data["requests"]["refund"]["alternatives"][0]
    data["requests"]["cancel"]["alternatives"][1] = shared
    text = yaml.safe_dump(data)
    assert "&id" in text
    assert "*id" in text

    policy = load_policy(write(tmp_path, text))

    assert policy.requests["cancel"].alternatives[1] == policy.requests["refund"].alternatives[0]
    assert load_policy(copy.deepcopy(data)) == policy


def test_many_aliases_of_a_modest_part_are_refused_where_they_add_up(tmp_path: Path) -> None:
    words = "[" + ", ".join(f"word{i}" for i in range(1000)) + "]"
    text = RETAIL_TEXT.replace(
        'banned_phrases: ["no refunds", "non-refundable"]',
        f"banned_phrases: [&words {words}, {', '.join(['*words'] * 59)}]",
    )

    with pytest.raises(PolicyError, match=r"tone\.banned_phrases: expands to 60,061 values through YAML aliases"):
        load_policy(write(tmp_path, text))
