Feature: Changes of mind after a choice
  Customers sometimes choose one alternative and, a moment later, prefer another. Until the
  conversation ends, naming another alternative that was offered switches to it: the host is told to
  carry out the new one in place of the first, and the customer hears that it has been changed. A
  question about another alternative is answered, and a yes then switches.

  Background:
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"

  Scenario: Switching to the exchange straight after taking store credit
    When the customer says "store credit please"
    And the customer says "actually, make it the exchange"
    Then the alternative "Exchange" is applied in place of "Store credit"
    And the agent says "exchange"
    And the agent says "store credit"
    And the conversation is in "follow_up"

  Scenario: Asking to swap is a switch, not a question
    When the customer clicks "Exchange"
    And the customer says "hmm could I switch to the voucher instead?"
    Then the alternative "Store credit" is applied in place of "Exchange"

  Scenario: A question about the other alternative is answered, and a yes switches
    When the customer says "the exchange"
    And the customer says "how long would the store credit last?"
    Then the agent says "for a whole year"
    And the agent says "instead of the exchange"
    When the customer says "oh ok, yes please"
    Then the alternative "Store credit" is applied in place of "Exchange"

  Scenario: A question about the other alternative answered with a no keeps the first choice
    When the customer says "the exchange"
    And the customer says "does store credit expire?"
    And the customer says "no, I'll stick with the exchange"
    Then the choice is kept
    And the conversation is in "follow_up"

  Scenario: A no to "anything else?" after a switch ends the chat warmly
    When the customer says "store credit"
    And the customer says "sorry, changed my mind, I'd rather have the exchange"
    And the customer says "no that's everything, thanks"
    Then the agent ends the chat
    And the conversation is closed with outcome "alternative accepted"

  Scenario: A question about what was chosen is answered from its details, with no switch
    When the customer says "the exchange please"
    And the customer says "will I get an email?"
    Then the message is read as "ask_about:exchange"
    And the transitions taken were "answer_chosen"
    And the agent says "free returns label"
    And no alternative is applied

  Scenario: Asking how long the chosen credit takes, then saying that's all, closes warmly
    When the customer says "store credit please"
    And the customer says "how long will it take to show up?"
    Then the transitions taken were "answer_chosen"
    And the agent says "straight away"
    And the agent does not say "sorry"
    When the customer says "no that's all"
    Then the conversation is closed with outcome "alternative accepted"

  Scenario: "Fine, how long?" after a choice asks about it, not "anything else?"
    When the customer says "ok the exchange then"
    And the customer says "fine, how long?"
    Then the message is read as "ask_about:exchange"
    And the agent says "as soon as yours is on its way back"
    And the agent does not say "What else can I help you with"

  Scenario: "What else is there?" after a choice describes the other offer, and a yes switches to it
    When the customer says "store credit please"
    And the customer says "hmm what else is there?"
    Then the transitions taken were "answer_about"
    And the agent says "free returns label"
    And the reply matches /(instead of|keep) the store credit/
    And the agent does not say "sale items too"
    When the customer says "yes please"
    Then the transitions taken were "change_choice"
    And the alternative "Exchange" is applied

  Scenario: "Wait, no" after a choice holds the chat open, and the switch follows
    When the customer says "the credit please"
    And the customer says "wait no"
    Then the transitions taken were "give_time"
    And the conversation is still open
    When the customer says "I meant the exchange"
    Then the alternative "Exchange" is applied in place of "Store credit"

  Scenario: "No wait, I want the exchange instead" switches; the "no" takes nothing back
    When the customer says "the credit please"
    And the customer says "no wait I want the exchange instead"
    Then the alternative "Exchange" is applied in place of "Store credit"

  Scenario: Asking for the refund again after taking the credit is answered, and the credit stays
    When the customer says "credit"
    Then the alternative "Store credit" is applied
    When the customer says "hmm, actually can I have a refund instead?"
    Then the transitions taken were "hold_position"
    And the agent says "store credit"
    And the agent does not say "Let me know if there's anything else"


  Scenario: Taking back an accepted alternative, wanting nothing instead, undoes it
    When the customer says "credit"
    And the customer says "never mind, I don't want the credit after all"
    Then the transitions taken were "withdraw_choice"
    And the alternative "Store credit" is withdrawn
    And the agent says "cancelled"
    And the conversation is in "follow_up"

  Scenario: "Actually I don't want either" after switching takes back the switch too
    When the customer says "exchange"
    And the customer says "actually I'd rather have credit"
    And the customer says "no actually I don't want either"
    Then the message is read as "reject:all"
    And the alternative "Store credit" is withdrawn

  Scenario: "Forget it, I'll keep the jacket" after the exchange takes the exchange back
    When the customer says "the exchange please"
    And the customer says "actually no, forget it, I'll keep the jacket"
    Then the alternative "Exchange" is withdrawn
    And the conversation is in "follow_up"

  Scenario: Asking whether the old one goes back is about what was chosen, not pressing for a refund
    When the customer says "the exchange please"
    And the customer says "do I have to send the old one back?"
    Then the message is read as "ask_about:exchange"
    And the agent says "free returns label"
    And the agent does not say "answer on a refund"

  Scenario Outline: "<question>" once the exchange is arranged asks about the exchange, not a refund
    When the customer says "the exchange please"
    And the customer says "<question>"
    Then the message is read as "ask_about:exchange"
    And the agent says "as soon as yours is on its way back"
    And the agent does not say "within 5 working days"

    Examples:
      | question                        |
      | how will I know when it's sent  |
      | when will you send it?          |

  Scenario Outline: "<size>" on its own once the exchange is taken is the size to send
    When the customer says "the exchange please"
    And the customer says "<size>"
    Then the alternative "Exchange" is passed on with "<noted>"
    And the agent says "<noted>"

    Examples:
      | size        | noted   |
      | a 12 please | size 12 |
      | an 8 thanks | size 8  |

  Scenario Outline: "<told>" once the exchange is taken is the colour or size to send
    When the customer says "the exchange please"
    And the customer says "<told>"
    Then the alternative "Exchange" is passed on with "<noted>"
    And the agent says "<noted>"
    And the agent does not say "Thanks for letting me know"

    Examples:
      | told                                      | noted   |
      | it should be the blue one not the red one | blue    |
      | it was meant to be a large                | a large |
      | they're supposed to be black              | black   |

  Scenario: "A 12 please" to the offers takes the exchange in a 12
    When the customer says "a 12 please"
    Then the alternative "Exchange" is applied
    And the agent says "size 12"

  Scenario: "Wait no, make that a large" after a medium was noted for the exchange notes the large
    When the customer says "the exchange please"
    And the customer says "a medium please"
    And the customer says "wait no, make that a large"
    Then the alternative "Exchange" is passed on with "a large"
    And the agent says "a large"
    And the agent does not say "whenever you're ready"

  Rule: "Undo that" once an offer is taken takes the offer back, and a request given up for it comes back

    Scenario: "Can you undo that?" after taking the credit on a refused refund cancels the credit
      When the customer says "store credit please"
      And the customer says "can you undo that?"
      Then the alternative "Store credit" is withdrawn
      And the conversation is in "follow_up"

    Scenario Outline: "<message>" after taking the credit takes it back
      When the customer says "store credit please"
      And the customer says "<message>"
      Then the alternative "Store credit" is withdrawn
      And the conversation is in "follow_up"

      Examples:
        | message                                                   |
        | no wait undo that, i dont want anything                   |
        | hmm actually forget the credit                            |
        | actually no, i dont want anything, just leave it as it is |
        | actually I changed my mind, I don't want anything         |
        | no actually, leave things how they were                   |

    Scenario Outline: "<message>" after taking the credit closes the chat with the credit in place
      When the customer says "store credit please"
      And the customer says "<message>"
      Then the conversation is closed
      And the agent does not say "cancelled"

      Examples:
        | message                                                       |
        | no, I don't want anything else thanks                         |
        | no thanks i dont want anything                                |
        | actually that's everything, I don't need anything, thanks     |
        | no that's all, leave it as is                                 |
        | actually no, just leave it as it is                           |
        | no actually, I dont want anything, you've been really helpful |
        | no actually, leave it how it is, ta                           |
        | actually no I don't need anything more                        |

    Scenario Outline: "<then>" after the credit is taken back switches to the exchange
      When the customer says "store credit please"
      And the customer says "<undo>"
      Then the alternative "Store credit" is withdrawn
      When the customer says "<then>"
      Then the alternative "Exchange" is applied
      And the agent does not say "can't set up"

      Examples:
        | undo               | then                                   |
        | can you undo that? | the exchange then                      |
        | forget the credit  | actually can i do the exchange instead |

    Scenario: Asking about another offer once the credit is taken back does not offer to keep the credit
      When the customer says "store credit please"
      And the customer says "can you undo that?"
      And the customer says "hmm ok whats the exchange then"
      Then the agent does not say "keep the store credit"
      And the agent does not say "not something I can help with"
      And the agent says "We email you a free returns label"

    Scenario Outline: "<message>" after taking the credit keeps it
      When the customer says "store credit please"
      And the customer says "<message>"
      Then the agent does not say "cancelled"

      Examples:
        | message                                         |
        | no need to undo that, thanks                    |
        | is it possible to undo that later if I need to? |
        | you can't undo that can you, it's final?        |
