"""One-pass validation: every problem in one list, with a suggestion, and blanks left by unknown facts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from flow.cli import app
from flow.testing.monitors import no_missing_values
from flow.testing.record import Exchange
from tactful import Engine, PolicyError, load_policy

RETAIL = Path(__file__).parents[1] / "flow" / "policies" / "retail.yaml"
runner = CliRunner()


def retail_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(RETAIL.read_text(encoding="utf-8"))
    return data


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def five_mistakes() -> dict[str, Any]:
    data = retail_data()
    del data["requests"]["refund"]["alternatives"][1]["text"]  # schema: a missing field
    data["requests"]["cancel"]["colour"] = "blue"  # schema: an unknown key
    data["escalation"]["max_anger"] = "often"  # schema: a wrong type
    data["follow_up"]["text"] = "Hi, it's {{ agent_nam }} again."  # template: an unknown variable
    data["templates"] = {"apologizing": {"apology": ["I'm sorry. You should have asked sooner."]}}  # tone
    return data


def test_validate_lists_schema_template_and_tone_problems_together(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(write(tmp_path, five_mistakes()))])

    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert "requests.refund.alternatives[1].text: field required" in lines
    assert "requests.cancel.colour: unknown key; remove it or check its spelling" in lines
    assert any(line.startswith("escalation.max_anger: input should be a valid integer") for line in lines)
    assert "follow_up.text: unknown variable agent_nam; did you mean 'agent_name'?" in lines
    assert "templates.apologizing.apology: harsh or defensive phrase 'you should have'" in lines
    assert lines[-1].endswith(": 5 problems")


def test_loading_raises_one_error_with_every_problem(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="has 5 problems; fix them") as caught:
        load_policy(write(tmp_path, five_mistakes()))
    assert len(caught.value.problems) == 5


def test_one_problem_is_worded_in_the_singular(tmp_path: Path) -> None:
    data = retail_data()
    data["requests"]["cancel"]["colour"] = "blue"
    with pytest.raises(PolicyError, match=r"has 1 problem; fix it and load it again"):
        load_policy(write(tmp_path, data))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["requests"]["refund"]["alternatives"][0].update(titel="x"), "did you mean 'title'?"),
        (lambda d: d["facts"]["order_id"].update(knd="text"), "facts.order_id.knd: unknown key; did you mean 'kind'?"),
        (lambda d: d.update(escalaton={}), "escalaton: unknown key; did you mean 'escalation'?"),
        (
            lambda d: d["requests"]["refund"]["declines"][0]["when"].update(fact="days_since_purchse"),
            "unknown fact 'days_since_purchse'; did you mean 'days_since_purchase'?",
        ),
        (
            lambda d: d["requests"]["refund"]["needs"].append("ordr_id"),
            "requests.refund.needs[2]: unknown fact 'ordr_id'; did you mean 'order_id'?",
        ),
        (
            lambda d: d["follow_up"].update(text="Hi {{ custmer_name }}."),
            "follow_up.text: unknown variable custmer_name; did you mean 'customer_name'?",
        ),
        (
            lambda d: d.update(templates={"closed": {"goodby": "Bye."}}),
            "templates.closed.goodby: unknown template key; did you mean 'goodbye'?",
        ),
        (
            lambda d: d["facts"]["dispatched"].update(kind="yes_or_no"),
            "did you mean 'yes_no'?",
        ),
    ],
    ids=["key", "nested key", "top-level key", "fact in a rule", "fact in needs", "variable", "template key", "choice"],
)
def test_a_misspelling_gets_a_close_match(tmp_path: Path, change: Any, expected: str) -> None:
    data = retail_data()
    change(data)
    with pytest.raises(PolicyError) as caught:
        load_policy(write(tmp_path, data))
    assert any(expected in problem for problem in caught.value.problems), caught.value.problems


def test_paths_stay_those_of_the_file_when_an_earlier_entry_is_set_aside(tmp_path: Path) -> None:
    data = retail_data()
    del data["requests"]["refund"]["alternatives"][0]["title"]
    data["requests"]["refund"]["alternatives"][1]["text"] = "an exchange, you should have asked"
    with pytest.raises(PolicyError) as caught:
        load_policy(write(tmp_path, data))
    assert caught.value.problems == [
        "requests.refund.alternatives[0].title: field required",
        "requests.refund.alternatives[1].text: harsh or defensive phrase 'you should have'",
    ]


def test_a_template_that_leaves_a_gap_without_an_optional_fact_is_reported(tmp_path: Path) -> None:
    data = retail_data()
    data["follow_up"]["text"] = "Hi {{ customer_name }}, it's {{ agent_name }}. Are you happy with how it went?"
    with pytest.raises(PolicyError) as caught:
        load_policy(write(tmp_path, data))
    assert caught.value.problems == [
        'follow_up.text: with customer_name unknown it reads "Hi , it\'s Sam. Are you happy with..."; '
        "put the words around it inside {% if customer_name %}...{% endif %}"
    ]


def test_an_optional_fact_inside_its_own_condition_is_fine(tmp_path: Path) -> None:
    data = retail_data()
    data["follow_up"]["text"] = "Hi{% if customer_name %} {{ customer_name }}{% endif %}, are you happy with it?"
    data["facts"]["loyalty_tier"]["label"] = "tier"
    data["templates"] = {
        "closed": {"goodbye": "Take care{% if loyalty_tier %} ({{ loyalty_tier }} member){% endif %}."}
    }
    assert load_policy(write(tmp_path, data)).follow_up.text.startswith("Hi{% if")


def test_a_fact_that_a_request_needs_is_not_optional(tmp_path: Path) -> None:
    data = retail_data()
    data["requests"]["refund"]["approved"] = "Order {{ order_id }}, refunded. Done."
    assert "order_id" in load_policy(write(tmp_path, data)).requests["refund"].needs


def test_the_monitor_catches_a_gap_in_a_reply() -> None:
    policy = load_policy("retail")
    engine = Engine(policy)
    _, turn = engine.start(facts={"order_id": "A-1001", "days_since_purchase": 45}, message="I want a refund")
    gapped = turn.model_copy(update={"text": "Hi , thanks for waiting.", "messages": ["Hi , thanks for waiting."]})
    found = no_missing_values([Exchange(1, turn.at, None, said="hi", turn=gapped)], policy)
    assert found is not None
    assert "gap where a value is missing" in found
    assert no_missing_values([Exchange(1, turn.at, None, said="hi", turn=turn)], policy) is None


def gym(alternative: dict[str, Any]) -> dict[str, Any]:
    data = retail_data()
    data["requests"]["refund"]["alternatives"][0] = {"id": "freeze", "text": "a three-month freeze", **alternative}
    return data


def test_an_alternative_is_named_in_sentences_and_titled_on_buttons(tmp_path: Path) -> None:
    policy = load_policy(write(tmp_path, gym({"title": "Freeze", "name": "membership freeze"})))
    engine = Engine(policy)
    conversation, turn = engine.start(
        facts={"order_id": "A-1001", "days_since_purchase": 45}, message="I want a refund", conversation_id="c-7"
    )
    assert "Freeze" in [reply.title for reply in turn.quick_replies]
    _, turn = engine.reply(conversation, quick_reply="alternative:freeze")
    assert "membership freeze" in turn.text
    assert "Freeze" not in turn.text


def test_a_plain_title_is_said_in_lower_case(tmp_path: Path) -> None:
    engine = Engine(load_policy(write(tmp_path, gym({"title": "Off-peak plan"}))))
    conversation, _ = engine.start(
        facts={"order_id": "A-1001", "days_since_purchase": 45}, message="I want a refund", conversation_id="c-8"
    )
    _, turn = engine.reply(conversation, quick_reply="alternative:freeze")
    assert "off-peak plan" in turn.text
    assert "Off-peak plan" not in turn.text


@pytest.mark.parametrize("title", ["Keep my plan", "Upgrade to Pro", "Freeze it!"])
def test_a_title_that_does_not_read_well_in_a_sentence_needs_a_name(tmp_path: Path, title: str) -> None:
    with pytest.raises(PolicyError, match=r"requests\.refund\.alternatives\[0\]: the title .* add a name"):
        load_policy(write(tmp_path, gym({"title": title})))
