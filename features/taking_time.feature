Feature: Giving the customer time
  A customer who needs a moment, to find an order number, to think an offer over or to ask someone at
  home, is given it: the agent says there is no rush and waits, with the offer still open. Asking for
  time is not a complaint, not a refusal and not a message the agent failed to understand.

  Background:
    Given the policy "retail"

  Rule: Asking for time gets time, and nothing else changes

    Scenario: Checking with a partner before choosing keeps both offers open
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "let me check with my partner first"
      Then the message is read as "hold"
      And the transitions taken were "give_time"
      And the agent does not say "sorry"
      And the quick replies are "Store credit", "Exchange" and "No, thanks"
      When the customer says "ok we'll take the store credit"
      Then the alternative "Store credit" is applied

    Scenario Outline: "<message>" to the offers is time asked for, not a no to them
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the message is read as "hold"
      And the conversation is in "offering_alternatives"
      And the quick replies are "Store credit", "Exchange" and "No, thanks"
      When the customer says "actually, the credit please"
      Then the alternative "Store credit" is applied

      Examples:
        | message                                          |
        | hmm neither really. I'll think about it          |
        | no thanks, I'll have a think                     |
        | actually no, let me think                        |
        | I'll take the credit. Actually no, let me think  |
        | the exchange. hmm no wait, let me think about it |

    Scenario Outline: "<message>" without the order number to hand is given time, not a colleague
      When the customer says "i want to return a coat"
      And the customer says "i dont have the order number on me right now"
      And the customer says "<message>"
      Then the message is read as "hold"
      And the transitions taken were "give_time"
      And the agent does not say "colleague"
      When the customer says "A-1234"
      Then the agent asks for the "days since purchase"

      Examples:
        | message                                 |
        | can i come back later?                  |
        | ok i'll check and get back to you       |
        | I'll look for it later                  |
        | I can ask her                           |
        | I'll have a look                        |
        | I can check my emails                   |

    Scenario: Looking for the order number is not a wrong answer
      Given the fact "customer_name" is "Dana"
      When the customer says "I want a refund"
      And the customer says "hang on, let me find it"
      Then the transitions taken were "give_time"
      And the agent does not say "order number"
      When the customer says "found it, A-1001"
      And the customer says "about three weeks ago"
      Then the request is approved

    Scenario: Sleeping on the goodwill discount leaves it on offer
      Given the customer "Dana" bought order "A-1001" 45 days ago
      And the customer is a "gold" member
      When the customer says "I want a refund"
      And the customer turns the offer down
      And the customer says "I'll sleep on it"
      Then the transitions taken were "give_time"
      And no compensation has been issued
      And the conversation is in "compensation"

    Scenario: Asking for a moment and then why is a question, not a pause
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "hold on, why not?"
      Then the message is read as "ask_why"
      And the agent says "30 days"

    Scenario: Two pauses in a row are answered in different words
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "give me a minute"
      And the customer says "sorry, still thinking, one sec"
      Then the transitions taken were "give_time"
      And the conversation is in "offering_alternatives"
