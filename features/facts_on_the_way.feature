Feature: Facts given while alternatives are on offer
  A customer may add a detail after the answer ("it's been about six weeks"). When it does not change
  what the policy says, the agent thanks them, says so plainly, and keeps the offer open; it never
  answers a clear message with "I didn't catch that".

  Background:
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 48 days ago
    When the customer says "I'd like a refund"
    Then the request is declined

  Scenario: A detail that changes nothing is acknowledged and the offer stays open
    When the customer says "it's been about six weeks"
    Then the transitions taken were "noted_facts"
    And the reply matches /(doesn't|does not) change/
    And the agent does not say "didn't quite catch"
    And the conversation is in "offering_alternatives"

  Scenario: After the detail, a choice is applied as usual
    When the customer says "I bought it about six weeks ago"
    And the customer says "ok, store credit then"
    Then the alternative "Store credit" is applied

  Scenario: A detail after a faulty item's offer of a repair or replacement changes nothing either
    When the customer says "it shrank after one wash"
    Then the agent offers "replacement" and "repair"
    When the customer says "I bought it about seven weeks ago"
    Then the transitions taken were "noted_facts"
    And the quick replies are "Replacement", "Repair" and "No, thanks"
