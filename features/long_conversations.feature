Feature: Conversations that go round in circles
  When the agent cannot read what the customer needs, it asks again in other words, then shows the
  buttons of what it can do, then offers a colleague; a customer it still cannot understand is handed
  to a person. After the policy's maximum number of messages without a resolution, a person takes over
  too, rather than keep the customer going round in circles.

  Background:
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago

  Scenario: Messages the agent cannot read get a new question, then buttons, then the offer of a person
    When the customer says "hmm"
    Then the agent asks what the customer needs
    When the customer says "hmm"
    Then the quick replies are "A refund" and "A cancellation"
    When the customer says "hmm"
    Then the agent says "colleague"
    And the quick replies are "Yes, a colleague please" and "No"
    When the customer says "yes please"
    Then the agent hands over to a person with reason "asked for person"

  Scenario: A customer the agent still cannot understand is handed to a person
    When the customer says "I want a refund"
    And the customer says "hmm" 4 times
    Then the agent does not hand over to a person
    When the customer says "hmm"
    Then the agent hands over to a person with reason "unclear"
    And the agent says "I'm sorry I haven't been able to follow"

  Scenario: After the policy's last message without a resolution, a person takes over
    Given the policy file "policies/short_chats.yaml"
    When the customer says "I want a refund"
    And the customer says "why?"
    And the customer says "but why though"
    Then the agent does not hand over to a person
    When the customer says "I really don't know what to choose"
    Then the agent hands over to a person with reason "turn limit"
    And the agent says "I don't want to keep you going round in circles"

  Scenario: The limit counts after the goodwill offer too
    Given the policy file "policies/short_chats.yaml"
    And the customer is a "gold" member
    When the customer says "I want a refund"
    And the customer turns the offer down
    And the customer says "what is the discount exactly?"
    Then the agent does not hand over to a person
    When the customer says "I'm still thinking"
    Then the agent hands over to a person with reason "turn limit"
