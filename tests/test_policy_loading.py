"""Loading policies: the bundled one, and every kind of mistake a policy writer makes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from flow import Engine, FlowDefinitionError, PolicyError, bundled_policies, load_policy

RETAIL = Path(__file__).parents[1] / "flow" / "policies" / "retail.yaml"


def retail_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(RETAIL.read_text(encoding="utf-8"))
    return data


def write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_the_bundled_policy_loads_by_name_and_by_path() -> None:
    assert "retail" in bundled_policies()
    by_name = load_policy("retail")
    assert by_name == load_policy(RETAIL)
    assert by_name.requests["refund"].alternatives[0].id == "store_credit"
    assert by_name.escalation.handoff.hours.start.hour == 9


def test_every_problem_is_listed_with_its_yaml_path(tmp_path: Path) -> None:
    data = retail_data()
    del data["requests"]["refund"]["alternatives"][1]["text"]
    data["escalation"]["max_anger"] = "often"
    data["requests"]["cancel"]["colour"] = "blue"
    with pytest.raises(PolicyError) as caught:
        load_policy(write(tmp_path, data))
    problems = caught.value.problems
    assert "requests.refund.alternatives[1].text: field required" in problems
    assert any(p.startswith("escalation.max_anger: input should be a valid integer") for p in problems)
    assert "requests.cancel.colour: unknown key; remove it or check its spelling" in problems
    assert "has 3 problems" in str(caught.value)


def test_conditions_are_checked_with_their_paths(tmp_path: Path) -> None:
    data = retail_data()
    data["requests"]["refund"]["declines"][0]["when"] = {
        "all": [{"fact": "days_since_purchase", "op": ">", "value": "x"}]
    }
    with pytest.raises(PolicyError, match=r"requests\.refund\.declines\[0\]\.when\.all\[0\]: op gt needs a number"):
        load_policy(write(tmp_path, data))


def test_facts_must_be_declared(tmp_path: Path) -> None:
    data = retail_data()
    data["requests"]["refund"]["needs"].append("receipt")
    with pytest.raises(
        PolicyError, match=r"requests\.refund\.needs\[2\]: unknown fact 'receipt'; declare it under facts"
    ):
        load_policy(write(tmp_path, data))


def test_a_request_covers_only_other_requests_of_the_policy(tmp_path: Path) -> None:
    data = retail_data()
    data["requests"]["cancel"]["covers"] = {"refnd": "Nothing to refund."}
    with pytest.raises(
        PolicyError, match=r"requests\.cancel\.covers\.refnd: not another request of this policy; did you mean 'refund'"
    ):
        load_policy(write(tmp_path, data))


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "name: retail\nrequests: [\n  - oops: {\n")
    with pytest.raises(PolicyError, match=r"line \d+, column \d+: not valid YAML"):
        load_policy(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", "expected a mapping of policy settings, found NoneType"), ("- a\n- b\n", "found list")],
    ids=["empty-file", "a-list"],
)
def test_a_file_that_is_not_a_mapping_is_refused(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(PolicyError, match=expected):
        load_policy(write(tmp_path, text))


def test_missing_files_and_unknown_names_say_what_exists(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="file not found"):
        load_policy(tmp_path / "nope.yaml")
    with pytest.raises(PolicyError, match="no policy file or bundled policy named 'airline'; bundled: retail"):
        load_policy("airline")


def test_a_template_with_an_unknown_variable_is_refused(tmp_path: Path) -> None:
    data = retail_data()
    data["templates"] = {"apologizing": {"apology": "Sorry, {{ cusotmer_name }}."}}
    with pytest.raises(PolicyError, match=r"templates\.apologizing\.apology: unknown variable cusotmer_name"):
        load_policy(write(tmp_path, data))


def test_an_unknown_template_key_lists_the_known_ones(tmp_path: Path) -> None:
    data = retail_data()
    data["templates"] = {"apologizing": {"sorry": "Sorry."}}
    with pytest.raises(PolicyError, match=r"templates\.apologizing\.sorry: unknown template key; known keys: apology"):
        load_policy(write(tmp_path, data))


def test_template_injection_is_refused_at_load(tmp_path: Path) -> None:
    data = retail_data()
    data["templates"] = {"apologizing": {"apology": "Sorry {{ request.__class__.__mro__ }}."}}
    with pytest.raises(PolicyError, match=r"templates\.apologizing\.apology: template does not render"):
        load_policy(write(tmp_path, data))


@pytest.mark.parametrize(
    ("apology", "problem"),
    [
        ("Sorry, but you should have read the terms.", "harsh or defensive phrase 'you should have'"),
        ("We are SORRY about this.", "shouting in capitals: SORRY"),
        ("Sorry!! Really!!", "repeated punctuation"),
        ("As per our policy, nothing changes.", "jargon phrase 'as per'"),
        ("Sorry, this order is non-refundable.", "banned phrase 'non-refundable'"),
    ],
    ids=["blame", "shouting", "exclamations", "jargon", "policy-banned"],
)
def test_the_tone_lint_refuses_harsh_templates(tmp_path: Path, apology: str, problem: str) -> None:
    data = retail_data()
    data["templates"] = {"apologizing": {"apology": [apology]}}
    with pytest.raises(PolicyError) as caught:
        load_policy(write(tmp_path, data))
    assert any(problem in p for p in caught.value.problems), caught.value.problems


def test_a_policy_without_a_goodwill_offer_closes_politely_once_everything_is_turned_down(tmp_path: Path) -> None:
    data = retail_data()
    del data["compensation"]
    engine = Engine(load_policy(write(tmp_path, data)))
    facts = {"customer_name": "Dana", "order_id": "A-1001", "days_since_purchase": 45, "loyalty_tier": "gold"}
    conversation, turn = engine.start(facts=facts, message="I want a refund")
    assert turn.state == "offering_alternatives"
    conversation, turn = engine.reply(conversation, "no thanks, neither")
    assert turn.state == "closed"
    assert conversation.outcome == "declined"
    assert not any(action.type == "issue_compensation" for action in turn.actions)
    assert "discount" not in turn.text.lower()


def test_a_policy_without_alternatives_cannot_reach_the_offers(tmp_path: Path) -> None:
    data = retail_data()
    for request in data["requests"].values():
        request.pop("alternatives", None)
        request.pop("exceptions", None)
    policy = load_policy(write(tmp_path, data))
    with pytest.raises(FlowDefinitionError, match="state 'offering_alternatives' is unreachable from 'listening'"):
        Engine(policy)


def test_policies_can_also_be_given_as_mappings() -> None:
    assert load_policy(retail_data()).name == "retail"


def test_an_alternative_that_gives_another_request_is_told_apart_from_one_that_does_not() -> None:
    policy = load_policy("retail")
    assert policy.gives_request("cancel", "full_refund", "refund")
    assert not policy.gives_request("cancel", "store_credit", "refund")
    assert not policy.gives_request("cancel", "full_refund", "cancel")
    assert not policy.gives_request("cancel", "no_such_offer", "refund")
    assert not policy.gives_request("cancel", "full_refund", "no_such_request")


def test_without_a_rationale_the_why_ladder_goes_from_the_clearer_reason_to_a_person(tmp_path: Path) -> None:
    data = retail_data()
    del data["requests"]["refund"]["declines"][0]["rationale"]
    engine = Engine(load_policy(write(tmp_path, data)))
    facts = {"customer_name": "Dana", "order_id": "A-1001", "days_since_purchase": 45}
    conversation, _ = engine.start(facts=facts, message="I want a refund")
    replies = []
    for _ in range(5):
        conversation, turn = engine.reply(conversation, "but why?")
        replies.append(turn.text)
    assert all(reply.strip() for reply in replies), replies
    assert "colleague" in replies[1]
    assert not any(reply.startswith("Here's the thinking behind it.") and len(reply) < 60 for reply in replies)
