Feature: Leaving while waiting for a person
  A customer handed to a colleague may leave before anyone joins. The agent does not pretend the
  matter was sorted: it says the team has the conversation, so nothing needs explaining again.

  Background:
    Given the policy "retail"
    And it is within the policy's opening hours
    And the customer "Dana" bought order "A-1001" 45 days ago

  Scenario: A goodbye while waiting closes without claiming to have helped
    When the customer says "I want a refund"
    And the customer says "I want to speak to a manager"
    Then the agent hands over to a person
    When the customer says "actually I have to go, bye"
    Then the conversation is closed with outcome "escalated"
    And the agent says "won't need to explain it again"
    And the agent does not say "Glad I could help"

  Scenario: Thanks alone while waiting keep the customer in the queue
    When the customer says "can I talk to a real person please"
    And the customer says "thanks"
    Then the conversation waits for a person

  Scenario: Taking an offer while a person is coming for a threat is noted for the person
    When the customer says "I want a refund"
    And the customer says "I'm going to report you to trading standards"
    Then the agent hands over to a person
    When the customer says "fine, give me the exchange"
    Then the conversation waits for a person
    And the agent says "exchange"
    And no alternative is applied
