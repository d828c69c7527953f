Feature: Explaining the decision clearly, and saying sorry
  When the answer is no, the agent gives the real reason in plain words, with the customer's own
  details, no jargon and nothing defensive. It apologizes for the inconvenience, answers "why?" at
  any point, and then carries on where it was. A request the policy allows is simply approved.

  Background:
    Given the policy "retail"

  Scenario: The reason is clear, specific to the order, and jargon-free
    Given the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    Then the agent explains the reason
    And the agent says "Order A-1001 was bought 45 days ago"
    And the reply passes the tone lint
    And the agent does not say "per our policy"
    And the agent does not say "non-refundable"

  Scenario: The agent apologizes for the inconvenience after giving the reason
    Given the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "Can I get my money back?"
    Then the reply went through "explaining", "apologizing" and "offering_alternatives"
    And the agent apologizes
    And the agent declines politely

  Scenario: A cancellation after dispatch is declined with its own reason
    Given the customer "Lee" ordered "B-2002", which has already been dispatched
    When the customer says "Please cancel my order"
    Then the agent explains the reason
    And the agent says "has already left our warehouse"
    And the agent apologizes
    And the agent offers "free return" and "store credit"

  Scenario: Asking "why?" mid-flow gets a simpler explanation, then the offer again
    Given the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "why not?"
    Then the agent explains the reason more simply
    And the agent says "the item may already have been used or worn"
    And the conversation is in "offering_alternatives"
    And the agent offers "store credit" and "exchange"
    And the transitions taken were "why" and "resume_offer"

  Scenario: Asking about the policy is answered the same way
    Given the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "what's your refund policy?"
    Then the agent explains the reason more simply
    And the conversation is in "offering_alternatives"

  Scenario Outline: The same order always gets the same answer, however the refund is asked for
    Given the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "<request>"
    Then the message is understood as "request_refund"
    And the request is declined
    And the agent explains the reason
    And the agent offers "store credit" and "exchange"

    Examples:
      | request                                     |
      | I want a refund                             |
      | Can I get my money back?                    |
      | refund pls                                  |
      | I'd like to return this and get a refund    |
      | Please give me my money back for this order |
      | How do I get a refund on this?              |
      | I was hoping to get a refund                |

  Scenario Outline: An order inside the window is refunded, however the refund is asked for
    Given the customer "Dana" bought order "A-1001" 10 days ago
    When the customer says "<request>"
    Then the request is approved
    And the agent does not apologize
    And the agent says "anything else"
    When the customer says "no, that's all"
    Then the conversation is closed with outcome "approved"

    Examples:
      | request                                     |
      | I want a refund                             |
      | Can I get my money back?                    |
      | refund pls                                  |
      | Please give me my money back for this order |

  Scenario: A refund the policy allows is approved straight away, with what happens next
    Given the customer "Dana" bought order "A-1001" 10 days ago
    When the customer says "I'd like a refund please"
    Then the request is approved
    And the agent says "I've started your refund"
    And the agent says "within 5 working days"
    And the agent does not apologize
    And the conversation is still open
    When the customer says "that's everything, thank you"
    Then the conversation is closed with outcome "approved"

  Scenario: A cancellation before dispatch is approved
    Given the customer "Lee" ordered "B-2002", which has not been dispatched yet
    When the customer says "I need to cancel my order"
    Then the request is approved
    And the agent says "I've cancelled it"
    When the customer clicks "That's all, thanks"
    Then the conversation is closed with outcome "approved"

  Scenario: "What does that have to do with anything?" asks for the reason again
    Given the customer "Dana" bought order "A-1001" 60 days ago
    When the customer says "why can't I get a refund? I have the receipt"
    And the customer says "what does that have to do with anything"
    Then the message is read as "ask_why"
    And the agent does not say "make sure I get this right"
    And the agent says "can't resell it"

  Scenario Outline: "What if it's never been worn?" after a refusal asks why, and gets the fuller reason
    Given the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "<message>"
    Then the message is read as "ask_why"
    And the agent explains the reason more simply
    And the agent does not say "why you're unhappy"

    Examples:
      | message                                |
      | what if it's never been worn?          |
      | even if it's unworn?                   |
      | but what if I send it back unopened?   |

  Scenario Outline: "<message>" holds the limit up in disbelief, and gets the fuller reason
    Given the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "<message>"
    Then the message is read as "ask_why"
    And the agent explains the reason more simply
    And the message gives no fact "days_since_purchase"
    And the conversation is in "offering_alternatives"

    Examples:
      | message                        |
      | what, only 30 days?            |
      | only 30 days?? who reads that  |
      | just 30 days?                  |
      | 30 days is nothing             |

  Scenario Outline: "<message>" after a refusal puts the date right
    When the customer says "I want a refund for A-1001"
    And the customer says "45 days ago"
    And the customer says "<message>"
    Then the request is approved

    Examples:
      | message                          |
      | it's only been 20 days?          |
      | hang on, it's only been 25 days? |

  Scenario: On a subscription, "seriously? 14 days?" after a refusal is no date, so nothing is refunded
    Given the policy file "../tests/data/policies/subscription.yaml"
    When the customer says "hey can i get a refund? renewed beginning of november"
    Then the agent says "so I can't refund it"
    When the customer says "seriously? 14 days? thats ridiculous"
    Then the message gives no fact "days_since_renewal"
    And the agent does not say "refunded it in full"
    And the conversation is in "offering_alternatives"

  Rule: Checking that the answer is no says it again, and keeps what is on offer

    Scenario Outline: "<message>" after a refusal neither turns the offers down nor lets the request go
      When the customer says "Refund A-1111 please, I bought it 50 days ago"
      And the customer says "<message>"
      Then the message is read as "insist"
      And the conversation is in "offering_alternatives"
      And the agent offers "store credit"
      And the agent offers "exchange"

      Examples:
        | message                  |
        | so that's a no then?     |
        | is that a no?            |
        | so you won't refund me?  |
        | so no refund then?       |
        | you can't refund it then |

    Scenario: A plain "no" after that still turns the offers down
      When the customer says "Refund A-1111 please, I bought it 50 days ago"
      And the customer says "so that's a no then?"
      And the customer says "no"
      Then the conversation is closed with outcome "declined"

  Rule: The reason for the request, told after the refusal, presses for it

    Scenario Outline: "<message>" after a refusal keeps the offers open
      When the customer says "Refund A-1111 please, I bought it 50 days ago"
      And the customer says "<message>"
      Then the message is read as "insist"
      And the conversation is in "offering_alternatives"
      And the agent offers "store credit"

      Examples:
        | message                                   |
        | it's not faulty, I just changed my mind   |
        | because I changed my mind                 |
        | it just doesn't suit me                   |

  Rule: A plea about the request, asked beside it, is answered by the decision, not called another question

    Scenario: "Just one day over, surely that's ok?" gets the answer with no "other question"
      When the customer says "Hi, I want to return a coat. It's A-1234 and I bought it 31 days ago. Just one day over, surely that's ok?"
      Then the agent explains the reason
      And the agent does not say "other question"

  Rule: A question about one thing the rules answer, asked after the refusal, gets that answer, not the reason

    Scenario: "And will I get the postage back?" after a refusal is answered from the rules
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hi I want to return my jacket A-1010 bought 50 days ago"
      And the customer says "and will I get the postage back?"
      Then the agent does not say "let me put it more simply"
      And the agent does not say "Our refund window is"
      And the agent says "free returns label"
      And the conversation is in "offering_alternatives"

    Scenario: "What's your policy?" after a refusal still gets the reason
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-1010 bought 50 days ago"
      And the customer says "what's your policy?"
      Then the agent says "Our refund window is 30 days"

  Rule: A faulty item's remedy doubted, or the money pressed for, is answered and the remedies stay open

    Scenario Outline: "<question>" about a faulty coat's remedies is answered, and closes nothing
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I saved up for this coat and it fell apart after one wear. A-3213. Bought it 40 days ago."
      And the customer says "<question>"
      Then the agent says "you get your money back"
      And the conversation is in "offering_alternatives"

      Examples:
        | question                                              |
        | what's the point of a replacement if it breaks again? |
        | and if the repair doesn't work?                       |

    Scenario: "I don't want a repair, I want my money back" is told the refund cannot be had yet
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I saved up for this coat and it fell apart after one wear. A-3213. Bought it 40 days ago."
      And the customer says "I don't want a repair, I want my money back"
      Then the reply matches /can't change the answer on a refund|a refund isn't something I can do here|I can't do a refund/
      And the agent offers "replacement"

  Rule: A clearer reason answers a "why?" without "of course", which answers a request

    Scenario Outline: "<why>" after a refusal gets the clearer reason without "of course"
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<request>"
      And the customer says "<why>"
      Then the agent says "Our refund window is 30 days"
      And the agent does not say "Of course, let me"

      Examples:
        | request                                                    | why                             |
        | approve a full refund for order A-1111 bought 400 days ago | why not? I'm telling you to     |
        | refund for order A-2222 please, bought 45 days ago         | why not?                        |
        | I want my money back for A-3333, I got it 2 months ago     | but why??                       |
        | can I return A-4444? bought it 35 days ago                 | why can't I?                    |
