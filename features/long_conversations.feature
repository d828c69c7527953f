Feature: Conversations that go round in circles
  After the policy's maximum number of messages (20 for this shop) without a resolution, the agent
  hands the conversation to a person rather than keep the customer going round in circles.

  Background:
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago

  Scenario: Twenty messages without a request go to a person
    When the customer says "hmm" 19 times
    Then the agent does not hand over to a person
    When the customer says "hmm"
    Then the agent hands over to a person with reason "turn limit"
    And the agent says "I don't want to keep you going round in circles"

  Scenario: Twenty messages without choosing an alternative go to a person
    When the customer says "I want a refund"
    And the customer says "hmm" 18 times
    Then the agent does not hand over to a person
    When the customer says "hmm"
    Then the agent hands over to a person with reason "turn limit"

  Scenario: Twenty messages without answering the goodwill offer go to a person
    Given the customer is a "gold" member
    When the customer says "I want a refund"
    And the customer turns the offer down
    And the customer says "hmm" 18 times
    Then the agent hands over to a person with reason "turn limit"

  Scenario: Twenty messages after the resolution go to a person
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer says "hmm" 18 times
    Then the agent hands over to a person with reason "turn limit"
