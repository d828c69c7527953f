Feature: Documenting every conversation
  Every turn is recorded: what the customer wrote or clicked, the states the agent went through, what
  it said and what it asked the host application to do. A whole conversation can be written down as
  a script, and read back as the record of what happened.

  Background:
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago

  Scenario: The transcript documents every turn, in order
    When the customer says "I want a refund"
    And the customer says "why not?"
    And the customer clicks "Store credit"
    And the customer says "thanks, bye"
    Then the transcript records every turn
    And the conversation is closed with outcome "alternative accepted"

  Scenario: A whole conversation, written as a script
    When the conversation goes like this:
      """
      Customer: I want a refund
      Agent [offering_alternatives]: We can refund orders for 30 days after purchase.
      Agent: /store credit .* or an exchange/
      Customer: why not?
      Agent: Our refund window is 30 days from the day you buy.
      Customer: [Store credit]
      Agent [follow_up]: Your store credit is all set for order A-1001
      Customer: thanks, bye
      Agent [closed]: Dana
      """
    Then the transcript records every turn

  Scenario: A whole conversation, written as a table
    Given the customer is a "gold" member
    When the conversation goes like this:
      | Customer        | Agent                             | State                 |
      | I want a refund | I can't refund it                 | offering_alternatives |
      | [No, thanks]    | a 15% discount on your next order | compensation          |
      | yes please      | reference GW-                     | follow_up             |
    Then compensation is issued
    And a follow-up is scheduled in 24 hours

  Scenario: An empty message is refused and changes nothing
    When the customer says "I want a refund"
    And the customer tries to say "   "
    Then the message is refused because "the message is empty"
    When the customer clicks "Exchange"
    Then the alternative "Exchange" is applied

  Scenario: A button that is not on offer is refused
    When the customer says "I want a refund"
    And the widget sends the quick reply "accept"
    Then the message is refused because "is not on offer now"
    And the conversation is in "offering_alternatives"
