Feature: A person takes over
  When the agent hands a conversation to a person, someone from the team can answer the customer in
  the same conversation. While they do, the agent stays quiet; the customer's messages are kept for
  the person. When they are done, the person hands back: the agent picks up where things stood, or
  says goodbye. If nobody is free within the policy's wait, the customer is offered a callback.

  Background:
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago
    And it is within the policy's opening hours
    And the customer has said "I want a refund"

  Scenario: A handed-over conversation waits for a person
    When the customer says "Can I speak to a manager?"
    Then the agent hands over to a person because the customer asked for one
    And the conversation waits for a person

  Scenario: A person takes over, and the agent stays quiet while they talk
    When the customer says "Can I speak to a manager?"
    And a person named "Alex" takes over
    Then the conversation is in "with_person"
    And the agent says "You're now chatting with Alex from our team."
    When the customer says "Hello? Is anyone there?"
    Then the agent says nothing
    When the person writes "Hi Dana, I'm Alex. I can see your order, and I'm sorting this out now."
    Then the customer reads "I can see your order" from "Alex"
    And the conversation is in "with_person"

  Scenario: The person hands back, and the agent picks up at the follow-up
    When the customer says "Can I speak to a manager?"
    And a person named "Alex" takes over
    And the person writes "I've refunded your order as a one-off."
    And the person hands back
    Then the conversation is in "follow_up"
    And the agent says "I'm back with you now. Is there anything else I can help with?"
    And the quick replies are "That's all, thanks"
    When the customer clicks "That's all, thanks"
    Then the conversation is closed

  Scenario: The person hands back for the agent to say goodbye
    When the customer says "Can I speak to a manager?"
    And a person named "Alex" takes over
    And the person hands back to close
    Then the conversation is closed
    And the agent says "Thanks for talking with us, Dana"

  Scenario: The person closes the conversation themselves
    When the customer says "Can I speak to a manager?"
    And a person named "Alex" takes over
    And the person writes "All done. Have a lovely evening, Dana."
    And the person closes the conversation
    Then the conversation is closed
    And the agent says nothing

  Scenario: Nobody is free within the wait, so the customer is offered a callback
    When the customer says "Can I speak to a manager?"
    And nobody takes over within the wait
    Then the agent offers a callback
    And the agent says "nobody has been able to join yet"
    When the customer clicks "Yes, call me back"
    Then the conversation is closed
