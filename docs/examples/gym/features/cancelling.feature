Feature: Cancelling a membership
  Background:
    Given the policy file "policies/gym.yaml"

  Scenario: A member mid-contract is offered a freeze
    Given the fact "months_left" is "4"
    When the customer says "I want to cancel my membership"
    Then the agent thanks the customer first
    And the agent explains the reason
    And the agent apologizes
    And the agent offers "freeze" and "off-peak plan"
    When the customer clicks "Freeze"
    Then the alternative "Freeze" is applied
    And the agent says "membership freeze"
    And a follow-up is scheduled in 48 hours

  Scenario: A long-standing member who wants neither gets a free session
    Given the fact "months_left" is "4"
    And the fact "years_member" is "3"
    When the conversation goes like this:
      | Customer                       | Agent                                  | State                 |
      | I want to cancel my membership | so I can't cancel it early             | offering_alternatives |
      | [No, thanks]                   | a free session with a personal trainer | compensation          |
      | [Yes, please]                  | reference PT-                          | follow_up             |
    Then compensation is issued

  Scenario: A member out of contract is simply let go
    Given the fact "months_left" is "0"
    When the customer says "please cancel my gym membership"
    Then the request is approved
    And the agent does not apologize
