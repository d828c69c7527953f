Feature: Compensation, only where the policy allows it, and never twice
  When the customer turns the alternatives down, the agent offers a goodwill gesture, but only to
  customers the policy names as eligible (here: gold and platinum members, and customers who have
  been upset), and only once in a conversation.

  Background:
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago

  Scenario: A gold member who turns down the alternatives is offered compensation
    Given the customer is a "gold" member
    When the customer says "I want a refund"
    And the customer turns the offer down
    Then the agent offers compensation
    And the agent says "a 15% discount on your next order"
    And the quick replies are "Yes, please" and "No, thanks"

  Scenario: A customer who is not eligible is not offered compensation
    Given the customer is a "bronze" member
    When the customer says "I want a refund"
    And the customer turns the offer down
    Then the agent does not offer compensation
    And the conversation is closed with outcome "declined"

  Scenario: A customer who has been upset becomes eligible
    When the customer says "I want a refund"
    And the customer says "This is absolutely ridiculous, I'm furious"
    Then the message reads as angry
    When the customer says "no thanks"
    Then the agent offers compensation

  Scenario: Rejection, then compensation accepted: it is issued with a reference and followed up
    Given the customer is a "platinum" member
    When the customer says "I want a refund"
    And the customer says "no thanks"
    And the customer agrees
    Then compensation is issued
    And the agent says "reference GW-"
    And a follow-up is scheduled in 24 hours
    And the conversation is in "follow_up"

  Scenario: Compensation turned down ends the conversation without a second offer
    Given the customer is a "gold" member
    When the customer says "I want a refund"
    And the customer says "no thanks"
    And the customer says "no thanks"
    Then the agent does not offer compensation
    And the conversation is closed with outcome "declined"
    And no compensation has been issued

  Scenario: Asking "why?" while compensation is on the table does not repeat the offer as new
    Given the customer is a "gold" member
    When the customer says "I want a refund"
    And the customer turns the offer down
    And the customer says "why not?"
    Then the agent explains the reason more simply
    And the transitions taken were "why" and "resume_compensation"
    And the agent does not offer compensation
    And the agent says "would you like a 15% discount on your next order?"

  Scenario: Insisting while compensation is on the table keeps the same offer
    Given the customer is a "gold" member
    When the customer says "I want a refund"
    And the customer turns the offer down
    And the customer says "I still want a refund"
    Then the transitions taken were "hold_position"
    And the agent says "a 15% discount on your next order"

  Scenario: An unclear answer to the offer gets the question again, with buttons
    Given the customer is a "gold" member
    When the customer says "I want a refund"
    And the customer turns the offer down
    And the customer says "hmm"
    Then the transitions taken were "unclear"
    And the quick replies are "Yes, please" and "No, thanks"

  Scenario: A customer who says goodbye while the offer is open is let go kindly
    Given the customer is a "gold" member
    When the customer says "I want a refund"
    And the customer turns the offer down
    And the customer says "ok, thanks for your help, bye"
    Then the agent ends the chat
    And no compensation has been issued

  Scenario: A scornful question about the discount is heard before it is answered
    Given the customer is a "gold" member
    When the customer says "I want a refund"
    And the customer turns the offer down
    And the customer says "a discount? seriously? that's it?"
    Then the agent says "15% discount"
    And the agent acknowledges the customer's frustration
    When the customer says "can I use it on sale items?"
    Then the message is read as "ask_about:compensation"
    And the agent does not say "30 days"

  Scenario: Questions about the goodwill offer past what the agent knows are told so, not only asked again
    Given the customer is a "gold" member
    When the customer says "I want a refund"
    And the customer says "neither"
    And the customer says "how much is the discount?"
    And the customer says "does it expire?"
    And the customer says "can I use it on sale items?"
    Then the reply matches /(all I know about it|all I can tell you about it)/
    And the conversation is in "compensation"

  Rule: Something for the trouble asked for beside the requests is answered once they are done

    Scenario: "Also can I get a discount code for the hassle?" beside two requests is told honestly, once
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Hey! I'd like to cancel A-2002 (not shipped yet) and return A-3003 which I got 10 days ago, it's the wrong colour. Also can I get a discount code for the hassle?"
      Then the transition "no_goodwill" was taken
      And the agent says "I've cancelled it"
      And the agent says "I've started a full refund for order A-3003"
      And the agent says "isn't something I can give here"
      And the agent says "anything else" only once
      And no compensation has been issued

    Scenario: "A refund plus something for the trouble" in one breath is answered on both
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "my order A-9797 came with the wrong item AND it was late. I want a refund plus something for the trouble"
      Then the agent says "I've started a full refund for order"
      And the transition "grant_goodwill" was taken

    Scenario: "I want a full refund and compensation" in one clause is answered on both
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "i want a full refund AND compensation"
      Then the agent says "I've started your refund"
      And the transition "no_goodwill" was taken
      And the agent says "anything else" only once

    Scenario: A gold member asking for something for the trouble beside a request gets the goodwill offer
      Given the customer is a "gold" member
      And it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "please cancel A-2002, it hasn't shipped. and could I have a little something for the inconvenience?"
      Then the transition "grant_goodwill" was taken
      And compensation is issued
      And the agent says "15% discount"

  Rule: An alternative turned down before may still be taken once the goodwill offer is made

    Scenario: "What's the exchange then?" and "ok do the exchange" after the goodwill offer take the exchange
      Given the customer is a "gold" member
      When the customer says "I want a refund"
      And the customer says "no thanks, neither"
      Then the conversation is in "compensation"
      When the customer says "what's the exchange then? can I swap for something completely different?"
      Then the reply matches /(Would you like the exchange after all|Shall I set up the exchange)/
      And no compensation has been issued
      When the customer says "ok do the exchange"
      Then the alternative "Exchange" is applied
      And no compensation has been issued

    Scenario: "Ok I'll take the store credit then" after asking for something for the trouble takes the credit
      Given the customer is a "gold" member
      When the customer says "I want a refund"
      And the customer says "what about something for the trouble?"
      Then the conversation is in "compensation"
      When the customer says "ok I'll take the store credit then"
      Then the alternative "Store credit" is applied
      And no compensation has been issued

    Scenario: A bare yes to the goodwill offer made before the offers were turned down takes the goodwill offer
      Given the customer is a "gold" member
      When the customer says "I want a refund"
      And the customer says "what about something for the trouble?"
      And the customer says "ok"
      Then compensation is issued

  Rule: Something for "all this" is asked for the trouble, not the order's money again

    Scenario: "And I want compensation for all this" after a lost order is refunded gets the goodwill gesture
      When the customer says "I'm so angry. third time contacting you. A-2222 never came. I want my money back NOW"
      Then the request is approved
      When the customer says "and I want compensation for all this"
      Then the agent does not say "That's done already"
      And the transitions taken were "grant_goodwill"
      And the agent says "goodwill gesture"

    Scenario: "Compensation for this order" is the order's money
      When the customer says "A-2222 never came, I want my money back"
      And the customer says "I want compensation for this order"
      Then the message is read as "request:refund"

  Rule: Something for the trouble asked for before anything else is out of reach here, and a colleague is offered

    Scenario: "I want compensation" for a late order is offered a colleague, not asked what the customer wants
      When the customer says "I am VERY unhappy. Second time my order (A-7010) has arrived late. Bought 12 days ago, arrived yesterday. I want compensation"
      Then the agent says "colleague"
      And the agent does not say "what you'd like to do"

  Scenario Outline: A gold member asking for "<message>" instead of the offers gets the goodwill offer
    Given the customer is a "gold" member
    When the customer says "I want a refund"
    And the customer says "<message>"
    Then the agent offers compensation
    And the agent says "a 15% discount on your next order"

    Examples:
      | message                                                           |
      | that's a shame. is there a loyalty discount I could have instead? |
      | could I have a member discount instead?                           |
      | ok I'll take the discount                                         |

  Scenario Outline: A gold member telling of a discount already used is not given the goodwill offer
    Given the customer is a "gold" member
    When the customer says "<message>"
    Then the agent does not offer compensation
    And the agent does not say "15% discount"

    Examples:
      | message                                                                                                           |
      | I want a refund for A-8001, bought 10 days ago. I used my loyalty discount on it, will I get the full price back? |
      | cancel A-8004, I ordered it with the gold member discount by mistake, it's not been dispatched                    |

  Scenario: "Ok I'll take the discount" with no goodwill offer due is told so, and the offers stay
    Given the customer is a "bronze" member
    When the customer says "I want a refund"
    And the customer says "ok I'll take the discount"
    Then no alternative is applied
    And the agent does not offer compensation
    And the reply matches /goodwill gesture isn't something I can/
    And the conversation is in "offering_alternatives"
    And the agent offers "store credit"

  Scenario: An upset customer asking "anything else you can do for the trouble?" gets the goodwill offer
    When the customer says "This is the third time I've contacted you about order A-7171!! It never arrived, ordered 3 weeks ago. Absolutely disgusted."
    And the customer says "is there anything else you can do for the trouble?"
    Then the agent offers compensation

  Scenario: The goodwill offer asked for and turned down leaves the alternatives open
    When the customer says "I want a refund"
    And the customer says "this is absolutely disgraceful, I'm furious with you lot"
    And the customer says "anything else you can do for the trouble?"
    Then the agent offers compensation
    When the customer says "no"
    Then the conversation is in "offering_alternatives"
    And the agent offers "store credit" and "exchange"

  Scenario: "No thanks, bye" to the goodwill offer asked for closes the chat
    When the customer says "I want a refund"
    And the customer says "this is absolutely disgraceful, I'm furious with you lot"
    And the customer says "anything else you can do for the trouble?"
    And the customer says "no thanks, bye"
    Then the conversation is closed
