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

  Scenario: Twenty messages going round the offers go to a person
    Given the fact "dispatched" is "yes"
    And the customer is a "silver" member
    When the conversation goes like this:
      | Customer                                 | Agent                             | State                 |
      | I want a refund                          | I can't refund it                 | offering_alternatives |
      | yes please                               | the store credit, or the exchange | offering_alternatives |
      | How does the exchange work?              | free returns label                | offering_alternatives |
      | And how long does the store credit last? | for a whole year                  | offering_alternatives |
      | why not?                                 |                                   | offering_alternatives |
      | but why though                           | sell it again as new              | offering_alternatives |
      | I still don't get why                    |                                   | offering_alternatives |
      | I am not happy about this at all         |                                   | offering_alternatives |
      | where is my refund for my other order?   | within 5 working days             | offering_alternatives |
      | thanks                                   |                                   | offering_alternatives |
      | I still want a refund                    |                                   | offering_alternatives |
      | hmm                                      |                                   | offering_alternatives |
      | erm                                      |                                   | offering_alternatives |
      | this is a damn joke                      |                                   | offering_alternatives |
      | you people are useless                   | respectful                        | offering_alternatives |
      | thank you, that helps                    |                                   | offering_alternatives |
      | I really wanted my money back            |                                   | offering_alternatives |
      | right                                    |                                   | offering_alternatives |
      | okay...                                  |                                   | offering_alternatives |
    Then the agent does not hand over to a person
    When the customer says "I'm still thinking about it"
    Then the transition "offering_alternatives -> escalated [escalate_turn_limit]" was taken
    And the agent hands over to a person with reason "turn limit"
    And the agent says "I don't want to keep you going round in circles"

  Scenario: The limit counts while the goodwill offer is open
    Given the fact "dispatched" is "yes"
    And the customer is a "gold" member
    When the conversation goes like this:
      | Customer                                 | Agent                             | State                 |
      | I want a refund                          | I can't refund it                 | offering_alternatives |
      | yes please                               | the store credit, or the exchange | offering_alternatives |
      | How does the exchange work?              | free returns label                | offering_alternatives |
      | And how long does the store credit last? | for a whole year                  | offering_alternatives |
      | why not?                                 |                                   | offering_alternatives |
      | but why though                           | sell it again as new              | offering_alternatives |
      | I still don't get why                    |                                   | offering_alternatives |
      | I am not happy about this at all         |                                   | offering_alternatives |
      | where is my refund for my other order?   | within 5 working days             | offering_alternatives |
      | thanks                                   |                                   | offering_alternatives |
      | I still want a refund                    |                                   | offering_alternatives |
      | hmm                                      |                                   | offering_alternatives |
      | erm                                      |                                   | offering_alternatives |
      | you people are useless                   | respectful                        | offering_alternatives |
      | thank you, that helps                    |                                   | offering_alternatives |
      | I really wanted my money back            |                                   | offering_alternatives |
      | right                                    |                                   | offering_alternatives |
      | okay...                                  |                                   | offering_alternatives |
    Then the agent does not hand over to a person
    When the customer says "no thanks"
    Then the agent says "a 15% discount on your next order"
    And the agent does not hand over to a person
    When the customer says "hmm"
    Then the transition "compensation -> escalated [escalate_turn_limit]" was taken
    And the agent hands over to a person with reason "turn limit"
    And no compensation has been issued

  Scenario: The limit counts after an offer is taken
    Given the fact "dispatched" is "yes"
    And the customer is a "silver" member
    When the conversation goes like this:
      | Customer                                 | Agent                             | State                 |
      | I want a refund                          | I can't refund it                 | offering_alternatives |
      | yes please                               | the store credit, or the exchange | offering_alternatives |
      | How does the exchange work?              | free returns label                | offering_alternatives |
      | And how long does the store credit last? | for a whole year                  | offering_alternatives |
      | why not?                                 |                                   | offering_alternatives |
      | but why though                           | sell it again as new              | offering_alternatives |
      | I still don't get why                    |                                   | offering_alternatives |
      | I am not happy about this at all         |                                   | offering_alternatives |
      | where is my refund for my other order?   | within 5 working days             | offering_alternatives |
      | thanks                                   |                                   | offering_alternatives |
      | I still want a refund                    |                                   | offering_alternatives |
      | hmm                                      |                                   | offering_alternatives |
      | erm                                      |                                   | offering_alternatives |
      | you people are useless                   | respectful                        | offering_alternatives |
      | this is a damn joke                      |                                   | offering_alternatives |
      | I really wanted my money back            |                                   | offering_alternatives |
      | thank you, that helps                    |                                   | offering_alternatives |
      | right                                    |                                   | offering_alternatives |
    Then the agent does not hand over to a person
    When the customer says "store credit please"
    Then the alternative "Store credit" is applied
    And the agent says "anything else"
    When the customer says "hmm, one more thing"
    Then the transition "follow_up -> escalated [escalate_turn_limit]" was taken
    And the agent hands over to a person with reason "turn limit"

  Scenario: The limit counts while the agent gathers facts for a new request
    Given the fact "dispatched" is "yes"
    And the customer is a "silver" member
    When the conversation goes like this:
      | Customer                                 | Agent                             | State                 |
      | I want a refund                          | I can't refund it                 | offering_alternatives |
      | yes please                               | the store credit, or the exchange | offering_alternatives |
      | How does the exchange work?              | free returns label                | offering_alternatives |
      | And how long does the store credit last? | for a whole year                  | offering_alternatives |
      | why not?                                 |                                   | offering_alternatives |
      | but why though                           | sell it again as new              | offering_alternatives |
      | I still don't get why                    |                                   | offering_alternatives |
      | I am not happy about this at all         |                                   | offering_alternatives |
      | where is my refund for my other order?   | within 5 working days             | offering_alternatives |
      | thanks                                   |                                   | offering_alternatives |
      | I still want a refund                    |                                   | offering_alternatives |
      | hmm                                      |                                   | offering_alternatives |
      | erm                                      |                                   | offering_alternatives |
      | you people are useless                   | respectful                        | offering_alternatives |
      | thank you, that helps                    |                                   | offering_alternatives |
      | I really wanted my money back            |                                   | offering_alternatives |
      | right                                    |                                   | offering_alternatives |
      | okay...                                  |                                   | offering_alternatives |
    Then the agent does not hand over to a person
    When the customer says "Actually, could you cancel my other order instead, B-3003?"
    Then the agent says "a cancellation instead"
    And the agent says "dispatched yet"
    When the customer says "hmm"
    Then the transition "listening -> escalated [escalate_turn_limit]" was taken
    And the agent hands over to a person with reason "turn limit"
