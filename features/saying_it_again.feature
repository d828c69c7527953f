Feature: Saying a fact again
  Customers repeat themselves: they give the order number again after the answer, or say once more
  that the parcel never came. The agent has it already, so it says so and keeps what it offered open,
  instead of weighing the fact again as if it were news or taking a "no" in front of it for a no to
  the offers.

  Background:
    Given the policy "retail"

  Scenario: "No, it never arrived" after the offers for a lost parcel keeps them open
    Given the fact "condition" is "never_arrived"
    When the customer says "my parcel A-5555 never came"
    And the customer says "no, it never arrived"
    Then the message is not read as "reject:all"
    And the agent does not offer compensation
    And the agent does not say "doesn't change"
    And the agent says "a full refund to your card"

  Scenario: "No it never came", without a comma, is read the same way
    Given the fact "condition" is "never_arrived"
    When the customer says "my parcel A-5555 never came"
    And the customer says "no it never came"
    Then the message is read as "provide:condition"
    And the agent does not offer compensation

  Scenario: The order number said again after a refusal gets the offers, not "that doesn't change the answer"
    Given the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "it's A-1001"
    Then the agent does not say "doesn't change"
    And the agent says "store credit"

  Scenario: A new detail that changes nothing is still said to change nothing
    Given the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "I bought it about 6 weeks ago"
    Then the agent says "doesn't change"
    And the agent does not say "I have that"

  Scenario Outline: A fact said again as pushback, "<message>", is met with understanding, not "noted"
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "Bought a lamp on the 2nd of Oct, A-1919, it flickers. Want a refund."
    Then the agent offers "Replacement" and "Repair"
    When the customer says "<message>"
    Then the agent does not say "noted"
    And the reply matches /(I hear you|I understand), and I'm sorry/
    And the reply matches /(take that into account|part of what I looked at)/
    And the conversation is in "offering_alternatives"

    Examples:
      | message             |
      | What?? It's faulty! |
      | it's faulty though  |
      | but it's broken     |

  Scenario: Taking an offer with "fine" after pushing back is met with understanding, not "Great"
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "Bought a lamp on the 2nd of Oct, A-1919, it flickers. Want a refund."
    And the customer says "but it's faulty!"
    And the customer says "ugh fine, the repair"
    Then the alternative "Repair" is applied
    And the reply matches /I'm sorry it (isn't|'s not) what you (wanted|hoped for)/
    And the agent does not say "Great"

  Scenario Outline: Taking an offer after a groan, "<message>", is met with understanding, not "Great"
    When the customer says "I'd like to cancel my order A-3636"
    And the customer says "it shipped yesterday"
    And the customer says "<message>"
    Then the alternative "Free return" is applied
    And the agent does not say "Great"

    Examples:
      | message                  |
      | ugh. ok free return then |
      | sigh, the free return    |

  Scenario: A groan beside a request it grants is not taken for reluctance
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "ugh my kettle broke, A-1234, bought 2 days ago"
    Then the request is approved
    And the agent does not say "isn't what you wanted"

  Scenario: A shrug at what the customer then changes their mind from is not taken for reluctance
    When the customer says "my order A-5151 is taking forever to arrive"
    And the customer says "I'll wait I suppose. Actually no, just refund me"
    Then the alternative "Full refund" is applied
    And the agent does not say "not what you hoped for"


  Scenario: A bare "fine" while the agent waits for a fact is no frustration
    When the customer says "refund please"
    And the customer says "fine"
    Then the agent does not say "frustrating"
    And the agent says "order number"
