Feature: Offering alternatives
  A refusal is never the end of the road: the agent says what it can do instead, framed positively
  ("what I can do is…"), as buttons the customer can click. A company chooses whether its agent
  offers every alternative at once or one at a time.

  Scenario: A refund past the 30-day window is declined, with alternatives, and one is taken
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    Then the agent thanks the customer first
    And the agent acknowledges the concern
    And the agent explains the reason
    And the agent apologizes
    And the agent offers "store credit" and "exchange"
    And the conversation is in "offering_alternatives"
    When the customer clicks "Store credit"
    Then the alternative "Store credit" is applied
    And a follow-up is scheduled in 24 hours

  Scenario: All the alternatives are offered at once, as buttons
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    Then the agent offers "store credit" and "exchange"
    And the agent says "what I can do"
    And the quick replies are "Store credit", "Exchange" and "No, thanks"

  Scenario: A refusal with alternatives accepted ends in the alternative being arranged
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer clicks "Exchange"
    Then the alternative "Exchange" is applied
    And the agent says "Your exchange is all set for order A-1001"
    And the conversation is in "follow_up"

  Scenario Outline: The customer can take an alternative in their own words
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "<choice>"
    Then the alternative "<alternative>" is applied

    Examples:
      | choice                           | alternative  |
      | I'll take the store credit       | Store credit |
      | the voucher please               | Store credit |
      | an exchange would be great       | Exchange     |
      | Can I swap it for a larger size? | Exchange     |

  Scenario: A customer who wants none of the alternatives is let go politely
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "no thanks"
    Then the agent does not offer compensation
    And the conversation is closed with outcome "declined"
    And the agent says "get in touch again"
    And the reply passes the tone lint

  Scenario: Insisting on the original request gets the answer held, kindly, with the alternatives again
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "I still want a refund"
    Then the transitions taken were "hold_position"
    And the agent says "I'm sorry"
    And the agent offers "store credit" and "exchange"
    And the agent does not hand over to a person

  Scenario: An unclear answer to the offer gets the offer again, with the buttons
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "hmm"
    Then the transitions taken were "unclear"
    And the agent offers "store credit" and "exchange"
    And the agent says "The buttons below work too"

  Scenario: One at a time: the first alternative alone
    Given the policy file "policies/one_at_a_time.yaml"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    Then the agent offers "store credit"
    And the agent does not offer "exchange"
    And the quick replies are "Store credit" and "No, thanks"

  Scenario: One at a time: saying no brings the next alternative
    Given the policy file "policies/one_at_a_time.yaml"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "no thanks"
    Then the transitions taken were "next_alternative"
    And the agent offers "exchange"
    And the agent says "an exchange for another size, colour or item"
    When the customer clicks "Exchange"
    Then the alternative "Exchange" is applied

  Scenario: One at a time: the next alternative asked for by name before its turn is set up
    Given the policy file "policies/one_at_a_time.yaml"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "can I have an exchange instead?"
    Then the alternative "Exchange" is applied
    And the agent says "exchange"
    And the agent does not say "didn't quite catch"

  Scenario Outline: "<question>" once the last alternative is back on offer asks, and closes nothing
    Given the policy file "policies/one_at_a_time.yaml"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "what else?"
    And the customer says "no, not the exchange either"
    And the customer says "<question>"
    Then the conversation is in "offering_alternatives"
    And the conversation is still open

    Examples:
      | question              |
      | so nothing then?      |
      | so I get nothing?     |

  Scenario: One at a time: "I don't mind" to the one offer takes it
    Given the policy file "policies/one_at_a_time.yaml"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "I don't mind which"
    Then the alternative "Store credit" is applied

  Scenario: One at a time: when every alternative is turned down, the conversation closes kindly
    Given the policy file "policies/one_at_a_time.yaml"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer turns the offer down
    And the customer turns the offer down
    Then the conversation is closed with outcome "declined"
    And no compensation has been issued

  Scenario: A customer who says goodbye while thinking about the offer is let go kindly
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "ok, thanks for your help, bye"
    Then the agent ends the chat
    And the reply passes the tone lint

  Scenario: With one alternative left, the agent does not ask "which"
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "I don't want store credit"
    And the customer says "why?"
    And the customer says "why though?"
    Then the agent does not say "which you'd like"

  Rule: What was ruled out stays out, until the customer asks for it after all

    Scenario: One at a time: an alternative ruled out with the request is never offered
      Given the policy file "policies/one_at_a_time.yaml"
      And the customer "Dana" bought order "A-1001" 50 days ago
      When the customer says "I want my money back - and don't offer me vouchers"
      Then the agent offers "exchange"
      When the customer says "no"
      Then the agent does not offer "store credit"
      And the conversation is closed with outcome "declined"

    Scenario: One at a time: the credit ruled out and then asked for after all is set up
      Given the policy file "policies/one_at_a_time.yaml"
      And the customer "Dana" bought order "A-1001" 50 days ago
      When the customer says "I want my money back - and no vouchers"
      And the customer says "ok fine, I'll take the store credit after all"
      Then the alternative "Store credit" is applied
      And the agent does not say "exchange is all set"

    Scenario: Offered together: a yes beside the name of the alternative ruled out takes that one
      Given the policy "retail"
      And the customer "Dana" bought order "A-1001" 50 days ago
      When the customer says "refund please, and no store credit"
      Then the agent offers "exchange"
      When the customer says "ok fine, I'll take the store credit after all"
      Then the alternative "Store credit" is applied

    Scenario: Everything ruled out before it was offered is offered all the same, and says so
      Given the policy "retail"
      And the customer "Dana" bought order "A-1001" 50 days ago
      When the customer says "Refund please. Don't give me credit or an exchange, I just want my money."
      Then the agent offers "store credit"
      And the agent offers "exchange"
      And the reply matches /(not what you're after|you'd rather not)/

    Scenario: With something left to offer, the offer does not say it is unwanted
      Given the policy "retail"
      And the customer "Dana" bought order "A-1001" 50 days ago
      When the customer says "refund please, and no store credit"
      Then the agent offers "exchange"
      And the reply does not match /(not what you're after|you'd rather not)/

    Scenario: A yes beside an alternative the request cannot have does not take what is on offer
      Given the policy "retail"
      And the customer "Dana" bought order "A-1001" 50 days ago
      When the customer says "I want a refund"
      And the customer says "ok, a repair then"
      Then no alternative is applied

  Rule: "What else is there?" is answered with what else there is

    Scenario: One at a time: "what else is there?" offers the next alternative beside the first
      Given the policy file "policies/one_at_a_time.yaml"
      And the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "hmm what else is there"
      Then the transitions taken were "offer_more"
      And the agent offers "exchange"
      When the customer says "the credit then"
      Then the alternative "Store credit" is applied

    Scenario: One at a time: "what's the exchange?" before it is offered brings it forward
      Given the policy file "policies/one_at_a_time.yaml"
      And the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "what's the exchange?"
      Then the transitions taken were "offer_more"
      And the agent offers "exchange"
      And the agent does not say "make sure I get this right"

    Scenario: One at a time: "any other options?" with nothing left says so
      Given the policy file "policies/one_at_a_time.yaml"
      And the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "no"
      And the customer says "any other options?"
      Then the agent says "nothing else I can offer"
      And the agent does not say "didn't quite catch"

    Scenario: Offered together: "anything else?" goes over what is on offer
      Given the policy "retail"
      And the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "anything else?"
      Then the message is read as "ask_about:all"
      And the agent does not say "didn't quite catch"

  Scenario: One at a time: an alternative named before its turn, with another request waiting, is set up before moving on
    Given the policy file "policies/one_at_a_time.yaml"
    And it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "cancel A-1302 and refund A-1303 bought 3 days ago"
    And the customer says "yes shipped"
    And the customer says "the credit"
    Then the alternative "Store credit" is applied
    And the agent does not say "discount"
    And the agent says "Order A-1303 is within our 30-day window"

  Rule: An offer taken for somewhere other than the order's address is set up, and the address left to a colleague

    Scenario Outline: "<message>" sets up the new parcel and says a colleague changes the address
      Given the policy "retail"
      And it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "my parcel says delivered but I never got it. A-4321. I've checked with neighbours"
      And the customer says "<message>"
      Then the alternative "Send it again" is applied
      And the reply matches /(colleague can change it|colleague has to arrange)/

      Examples:
        | message                                              |
        | can you send a new one to my mum's address instead?  |
        | send it again but to my work address please          |

    Scenario: An offer taken for the order's own address says nothing of other addresses
      Given the policy "retail"
      And it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "my parcel says delivered but I never got it. A-4321"
      And the customer says "send it again please, same address is fine"
      Then the alternative "Send it again" is applied
      And the agent does not say "address"

    Scenario Outline: "<message>" once an order is sorted is a change of address a colleague makes
      Given the policy "retail"
      When the customer says "Hello, I need to cancel order A-5252. I placed it this morning by accident"
      And the customer says "no it hasn't shipped"
      And the customer says "<message>"
      Then the reply matches /(change where an order is delivered|Changing where an order goes)/
      And the agent does not say "frustrating"
      And the agent does not say "answer"
      And the quick reply "Yes, a colleague please" is offered

      Examples:
        | message                                                    |
        | wait actually, can you change the delivery address instead? |
        | can you update my address please?                           |

    Scenario: "Send it again but update my address" sets up the new parcel and leaves the address to a colleague
      Given the policy "retail"
      And it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "my parcel A-1212 never came"
      And the customer says "can you send it again but update my address to 5 Elm Road?"
      Then the alternative "Send it again" is applied
      And the reply matches /(colleague can change it|colleague has to arrange)/

  Scenario: "How long does it take?" of an offer whose one sentence of details says so is told it again
    Given the policy "retail"
    And the customer "Dana" bought order "A-1818" 60 days ago
    When the customer says "my kettle A-1818 is broken, can I get a refund?"
    And the customer says "is the repair free?"
    Then the agent says "within 14 days"
    When the customer says "how long does it take?"
    Then the agent says "As I mentioned, you send it to us"
    And the agent does not say "all I know"
