Feature: Checking on something already under way
  A customer who asks how an earlier request is going hears what the policy says about it and is
  offered a colleague who can check. Giving the details to check is a yes; thanks alone, with
  nothing else open, ends the chat politely.

  Background:
    Given the policy "retail"

  Scenario: An order number in answer to the offer of a colleague hands over with it
    When the customer says "where's my refund? you said it'd be 5 days"
    Then the agent says "within 5 working days"
    When the customer says "A-1010"
    Then the agent hands over to a person with reason "asked_for_person"
    And the handoff summary mentions "A-1010"

  Scenario: Thanks after the answer, with nothing else open, ends the chat
    When the customer says "has my refund gone through yet?"
    And the customer says "ok thanks"
    Then the conversation is closed
    And the agent does not hand over to a person

  Scenario: A yes to the offer hands over
    When the customer says "any update on my refund?"
    And the customer says "yes please"
    Then the agent hands over to a person
