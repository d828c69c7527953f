"""Given steps: the policy, the facts the host application knows, the time, and what was said before.

Given steps set the scene and are never asserted; what they say happened is simply made true.
"""

from __future__ import annotations

import datetime

from flow.testing.catalog import given
from flow.testing.clock import parse_clock
from flow.testing.world import ConversationUnderTest

SECTION = "Setting the scene"


@given('the policy "{source:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, source: str) -> None:
    """Run the scenario under a bundled policy, or a policy file (a path works here too).

    Example: Given the policy "retail"
    """
    tactful_conversation.use_policy(source)


@given('the policy file "{path:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, path: str) -> None:
    """Run the scenario under your own policy YAML, found relative to the feature file, then the rootdir.

    Example: Given the policy file "policies/gym.yaml"
    """
    tactful_conversation.use_policy(path)


@given('the fact "{name:Text}" is "{value:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, name: str, value: str) -> None:
    """A fact the host application knows, converted to the kind the policy declares (number, yes/no…).

    Example: Given the fact "loyalty_tier" is "gold"
    """
    tactful_conversation.set_fact(name, value)


@given("the facts:", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, datatable: list[list[str]]) -> None:
    """Several facts at once, from a table with a ``fact`` and a ``value`` column.

    Example:
    Given the facts:
      | fact                | value  |
      | order_id            | A-1001 |
      | days_since_purchase | 45     |
    """
    header, *rows = datatable
    if [cell.strip().lower() for cell in header] != ["fact", "value"]:
        tactful_conversation.fail("a table whose header is | fact | value |", f"the header {header}")
    for name, value in rows:
        tactful_conversation.set_fact(name.strip(), value.strip())


@given("it is {clock:Clock} in the policy's time zone", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, clock: str) -> None:
    """Set the time of day (the day stays Tuesday 3 March 2026 unless another step moves it).

    Example: Given it is 20:30 in the policy's time zone
    """
    tactful_conversation.clock.set_time(parse_clock(clock))


@given("it is {day:Day} {clock:Clock} in the policy's time zone", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, day: str, clock: str) -> None:
    """Set the weekday and time (within the week of Monday 2 March 2026).

    Example: Given it is Sunday 10:00 in the policy's time zone
    """
    tactful_conversation.clock.set_day(day, parse_clock(clock))


@given("it is {date:Date} {clock:Clock} in the policy's time zone", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, date: str, clock: str) -> None:
    """Set an exact date and time.

    Example: Given it is 2026-12-24 17:30 in the policy's time zone
    """
    try:
        when = datetime.date.fromisoformat(date)
    except ValueError:
        tactful_conversation.fail("a date written YYYY-MM-DD", repr(date))
    tactful_conversation.clock.set_date(when, parse_clock(clock))


@given("it is outside the policy's opening hours", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """Move forward to the next moment nobody is there to take over (the policy's closing time, usually).

    Example: Given it is outside the policy's opening hours
    """
    tactful_conversation.clock.move_out_of_hours(tactful_conversation.policy)


@given("it is within the policy's opening hours", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """Move forward to the next moment a person can take over (stays put if one already can).

    Example: Given it is within the policy's opening hours
    """
    tactful_conversation.clock.move_into_hours(tactful_conversation.policy)


@given('the customer has said "{text:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, text: str) -> None:
    """Earlier in the conversation the customer said this (the reply is kept, not checked).

    Example: Given the customer has said "I want a refund for my jacket"
    """
    tactful_conversation.say(text)


@given('the customer has clicked "{title:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, title: str) -> None:
    """Earlier in the conversation the customer clicked this quick reply.

    Example: Given the customer has clicked "No, thanks"
    """
    tactful_conversation.click(title)
