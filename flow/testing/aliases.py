"""Domain phrasings: the way support teams talk, as thin aliases of the generic steps.

An alias only renames: it expands to one or more generic steps, which do all the checking. The
aliases here assume the fact names of tactful's example policies (``customer_name``, ``order_id``,
``days_since_purchase``, ``dispatched``, ``loyalty_tier``); declare your own with
:func:`flow.testing.catalog.alias` in a plugin or ``conftest.py`` module.
"""

from __future__ import annotations

from flow.testing.catalog import alias

SECTION = "Support-team phrasings (aliases)"

alias(
    "given",
    'the customer "{name:Text}" bought order "{order:Text}" {days:d} days ago',
    'the fact "customer_name" is "{name}"',
    'the fact "order_id" is "{order}"',
    'the fact "days_since_purchase" is "{days}"',
    section=SECTION,
    doc="Who the customer is, and what they bought when.",
    example='Given the customer "Dana" bought order "A-1001" 45 days ago',
)
alias(
    "given",
    'the customer "{name:Text}" ordered "{order:Text}", which has already been dispatched',
    'the fact "customer_name" is "{name}"',
    'the fact "order_id" is "{order}"',
    'the fact "dispatched" is "yes"',
    section=SECTION,
    doc="An order already on its way.",
    example='Given the customer "Lee" ordered "B-2002", which has already been dispatched',
)
alias(
    "given",
    'the customer "{name:Text}" ordered "{order:Text}", which has not been dispatched yet',
    'the fact "customer_name" is "{name}"',
    'the fact "order_id" is "{order}"',
    'the fact "dispatched" is "no"',
    section=SECTION,
    doc="An order still in the warehouse.",
    example='Given the customer "Lee" ordered "B-2002", which has not been dispatched yet',
)
alias(
    "given",
    'the customer is a "{tier:Text}" member',
    'the fact "loyalty_tier" is "{tier}"',
    section=SECTION,
    doc="The customer's loyalty tier.",
    example='Given the customer is a "gold" member',
)
alias(
    "given",
    "nobody is available to take over",
    "it is outside the policy's opening hours",
    section=SECTION,
    doc="Out of hours: nobody can take the conversation over now.",
    example="Given nobody is available to take over",
)
alias(
    "when",
    'the customer accepts "{title:Text}"',
    'the customer clicks "{title}"',
    section=SECTION,
    doc="The customer takes an offer by clicking its button.",
    example='When the customer accepts "Store credit"',
)
alias(
    "when",
    "the customer turns the offer down",
    'the customer clicks "reject"',
    section=SECTION,
    doc="The customer clicks the button that says no to what is on offer.",
    example="When the customer turns the offer down",
)
alias(
    "when",
    "the customer agrees",
    'the customer clicks "accept"',
    section=SECTION,
    doc="The customer clicks the button that says yes.",
    example="When the customer agrees",
)
alias(
    "then",
    "the agent declines politely",
    "the request is declined",
    "the reply passes the tone lint",
    section=SECTION,
    doc="The request is declined, and every message of the reply passes the tone lint.",
    example="Then the agent declines politely",
)
alias(
    "then",
    "the agent hands over to a person because the customer asked for one",
    'the agent hands over to a person with reason "asked_for_person"',
    section=SECTION,
    doc="A handoff because the customer asked for a person or a manager.",
    example="Then the agent hands over to a person because the customer asked for one",
)
alias(
    "then",
    "the agent hands over to a person because the customer is angry",
    'the agent hands over to a person with reason "anger"',
    section=SECTION,
    doc="A handoff because the customer has been angry too often.",
    example="Then the agent hands over to a person because the customer is angry",
)
alias(
    "then",
    "the agent hands over to a person because the customer keeps insisting",
    'the agent hands over to a person with reason "insistence"',
    section=SECTION,
    doc="A handoff because the customer insisted beyond the policy's limit.",
    example="Then the agent hands over to a person because the customer keeps insisting",
)
alias(
    "then",
    "the agent hands over to a person because the customer threatened to take it further",
    'the agent hands over to a person with reason "threat"',
    section=SECTION,
    doc="A handoff because the customer mentioned legal action, a regulator or the press.",
    example="Then the agent hands over to a person because the customer threatened to take it further",
)
alias(
    "then",
    "the agent ends the chat",
    "the conversation is closed",
    section=SECTION,
    doc="The conversation is over.",
    example="Then the agent ends the chat",
)
alias(
    "then",
    "the agent ends the chat after repeated abuse",
    'the conversation is closed with outcome "closed_after_abuse"',
    section=SECTION,
    doc="The conversation closes because the customer stayed abusive.",
    example="Then the agent ends the chat after repeated abuse",
)
alias(
    "then",
    "the agent says it will check in {hours:Number} hours later",
    "a follow-up is scheduled in {hours} hours",
    section=SECTION,
    doc="A follow-up is scheduled.",
    example="Then the agent says it will check in 24 hours later",
)
alias(
    "then",
    "the cancellation is approved and the refund declined",
    'the request "cancel" is decided as "approved"',
    'the request "refund" is decided as "declined"',
    section=SECTION,
    doc="One reply settles two requests: the cancellation goes ahead, the refund does not.",
    example="Then the cancellation is approved and the refund declined",
)
alias(
    "then",
    "the cancellation and the refund are both approved",
    'the request "cancel" is decided as "approved"',
    'the request "refund" is decided as "approved"',
    section=SECTION,
    doc="One reply approves both requests the customer made.",
    example="Then the cancellation and the refund are both approved",
)
alias(
    "then",
    "the refund is approved",
    'the request "refund" is decided as "approved"',
    section=SECTION,
    doc="The reply approves the refund.",
    example="Then the refund is approved",
)
alias(
    "then",
    "the cancellation is approved",
    'the request "cancel" is decided as "approved"',
    section=SECTION,
    doc="The reply approves the cancellation.",
    example="Then the cancellation is approved",
)
alias(
    "then",
    "the refund goes to a person for review",
    'the request "refund" is decided as "escalated"',
    'the agent hands over to a person with reason "exception"',
    section=SECTION,
    doc="The customer's circumstances may earn an exception, which only a person can make.",
    example="Then the refund goes to a person for review",
)
alias(
    "then",
    "the agent takes it as a thank-you only",
    'the message is read as "thank"',
    section=SECTION,
    doc="The customer only said thank you: nothing chosen, nothing turned down, no goodbye.",
    example="Then the agent takes it as a thank-you only",
)
