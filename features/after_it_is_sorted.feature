Feature: After the request is sorted
  Once the agent has done what it can, the customer may ask for the same thing again, or write
  something the agent cannot read. A request already granted is confirmed rather than started twice;
  a message the agent cannot read is never answered as if it were a thank-you, and after a few the
  agent offers a colleague.

  Background:
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 10 days ago
    When the customer says "I'd like a refund please"
    Then the request is approved

  Scenario: Asking again for a refund already started is told it is under way
    When the customer says "so why can't I just get my money back?"
    Then the agent says "A-1001"
    And the reply matches /already/
    And the conversation is in "follow_up"
    And the transitions taken were "already_done"

  Scenario: A message the agent cannot read is said to be unclear, with what it can help with
    When the customer says "purple monkey dishwasher"
    Then the reply matches /(didn't quite catch|make sure I get this right)/
    And the agent says "a refund, or a cancellation"
    And the conversation is in "follow_up"

  Scenario: After several unreadable messages the agent offers a colleague, and then hands over
    When the customer says "purple monkey dishwasher"
    And the customer says "zxcv"
    And the customer says "qwerty uiop"
    Then the agent says "colleague"
    When the customer says "blorp"
    And the customer says "fnord"
    Then the agent hands over to a person with reason "unclear"
