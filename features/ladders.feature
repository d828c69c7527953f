Feature: Saying it another way
  Asked "why?" again, the agent never repeats itself: first the reason, then a clearer one, then why
  the rule exists, and then the offer of a colleague. When it cannot read a message, it asks in other
  words, then shows buttons, then offers a colleague, and after five unread messages hands over. An
  order number in the wrong form gets a hint of what it looks like.

  Background:
    Given the policy "retail"
    And the fact "customer_name" is "Dana"

  Rule: Each rung of a ladder says something new

    Scenario: Why, and why again: the reason, a clearer reason, then the reason for the rule
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "why?"
      Then the agent explains the reason more simply
      And the agent says "Our refund window is 30 days from the day you buy"
      When the customer says "but why though?"
      Then the agent says "We check every return and sell it again as new"
      And the agent does not say "Our refund window is 30 days"
      And the agent offers "store credit" and "exchange"

    Scenario: "I still don't get it" after the reasons climbs the ladder rather than ending the chat
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "why not?"
      And the customer says "but why is the rule like that"
      And the customer says "still don't get it"
      Then the message is read as "ask_why"
      And the agent says "colleague"
      And the conversation is still open

    Scenario: A third "why" gets the offer of a colleague, and a yes gets one
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "why?"
      And the customer says "but why though?"
      And the customer says "but why?"
      Then the agent says "a colleague can look at it with you"
      And the agent does not hand over to a person
      When the customer says "yes please"
      Then the agent hands over to a person because the customer asked for one

    Scenario: The ladder for a cancellation after dispatch has its own words
      Given the customer "Lee" ordered "B-2002", which has already been dispatched
      When the customer says "please cancel my order"
      And the customer says "why?"
      Then the agent says "out of our hands"
      When the customer says "why though?"
      Then the agent says "we can't call it back"
      And the agent offers "free return" and "store credit"

    Scenario: Three messages the agent cannot read get three different answers
      When the customer says "hmm"
      Then the agent asks what the customer needs
      When the customer says "hmm"
      Then the agent does not say "Could you tell me a little more"
      And the quick replies are "A refund" and "A cancellation"
      When the customer says "asdf"
      Then the agent says "colleague"
      And the quick replies are "Yes, a colleague please" and "No"

    Scenario: Yes and no with nothing asked for climb the ladder too, up to the offer of a colleague
      When the customer says "hello"
      And the customer says "no"
      Then the agent asks what the customer needs
      When the customer says "ok fine"
      Then the quick replies are "A refund" and "A cancellation"
      When the customer says "no I don't want that"
      Then the agent says "colleague"
      And the quick replies are "Yes, a colleague please" and "No"

    Scenario: After five unread messages, the agent hands over rather than ask again
      When the customer says "hmm"
      And the customer says "hmm"
      And the customer says "asdf"
      And the customer says "qwerty"
      Then the agent does not hand over to a person
      When the customer says "zzz"
      Then the transition "listening -> escalated [escalate_unclear]" was taken
      And the agent hands over to a person with reason "unclear"
      And the agent says "I'm sorry I haven't been able to follow"

    Scenario: The repair ladder while the goodwill offer is open ends with a person too
      Given the customer "Dana" bought order "A-1001" 45 days ago
      And the customer is a "gold" member
      When the customer says "I want a refund"
      And the customer turns the offer down
      And the customer says "hmm"
      Then the transitions taken were "unclear"
      And the quick replies are "Yes, please" and "No, thanks"
      When the customer says "hmm"
      And the customer says "asdf"
      Then the agent says "colleague"
      When the customer says "qwerty"
      And the customer says "zzz"
      Then the transition "compensation -> escalated [escalate_unclear]" was taken
      And no compensation has been issued

  Rule: An order number in the wrong form gets a hint

    Scenario: A number too short gets a hint of the right form, and the right one is taken
      When the customer says "I want a refund"
      And the customer says "B-77"
      Then the agent says "a letter, a dash and four digits, like A-1234"
      And the agent says "confirmation email"
      When the customer says "sorry it is B-7701"
      Then the fact "order_id" is now "B-7701"
      And the agent asks for the "days since purchase"

    Scenario: Not knowing whether it has shipped gets the hint and what to do with it
      When the customer says "I want to cancel order A-5050"
      And the customer says "not sure if it's shipped"
      Then the agent says "tracking link"
      And the agent says "let me know what you find"

    Scenario: Digits alone get the same hint
      When the customer says "I want a refund"
      And the customer says "my order number is 1001"
      Then the agent says "a letter, a dash and four digits"
      And the request is still undecided

    Scenario: "I don't have the order number" in the first message is told where to find it
      When the customer says "I need to return a gift my aunt bought me, I don't have the order number but it's under her name"
      Then the agent says "confirmation email"
      And the agent does not say "Could you tell me your order number"
      When the customer says "i really don't know the order number"
      Then the agent says "colleague"

    Scenario Outline: "<message>" is told where to find the order number, not asked for it
      When the customer says "<message>"
      Then the agent says "confirmation email"
      And the agent does not say "Could you tell me your order number"
      And the agent does not say "frustrating"

      Examples:
        | message                                                        |
        | I need to cancel an order but I've forgotten the order number  |
        | I want to return a lamp, I deleted the confirmation email      |

    Scenario: How long ago, said while the order number is asked, is no order number in the wrong form
      When the customer says "I want a refund"
      And the customer says "it was bought about 2 weeks ago"
      Then the agent does not say "a letter, a dash and four digits"
      And the agent says "order number?"

  Scenario: A date that cannot be narrowed down gets the offer of a colleague, not the question again
    Given it is 2026-11-24 11:30 in the policy's time zone
    And the fact "order_id" is "A-1001"
    When the customer says "I'd like a refund"
    And the customer says "A month or so ago I think."
    Then the reply matches /(narrow it down|more exact|closer date)/
    When the customer says "I want a refund."
    Then the agent says "colleague"
    When the customer says "yes please"
    Then the agent hands over to a person


  Rule: An answer the fact cannot hold gets the hint, not thanks

    Scenario: "9999 days ago" to when it was bought is asked to be checked, with the hint
      When the customer says "I want a refund for A-2803"
      And the customer says "9999 days ago"
      Then the agent says "A rough idea is enough"
      And the agent does not say "Thank you"
      When the customer says "about 3 weeks ago"
      Then the request is approved

    Scenario Outline: "<answer>" to a fact with no hint of its own says how far back the agent can go
      Given the policy file "../tests/data/policies/subscription.yaml"
      When the customer says "I want a refund"
      And the customer says "<answer>"
      Then the request is still undecided
      And the agent says "within 800 days"
      And the agent does not say "Thank"
      When the customer says "oh sorry, it was 10 days ago"
      Then the request is approved

      Examples:
        | answer                                              |
        | 3 years ago                                         |
        | renewed 5 years ago, been a customer since forever  |
        | about 30 months ago                                 |

  Rule: A question put back to the agent, or how to find the fact out, gets the hint

    Scenario Outline: "<question>" to whether the order has left says the agent cannot see it, then gives the hint
      When the customer says "I want to cancel order A-5050"
      And the customer says "<question>"
      Then the message is read as "not provide:dispatched"
      And the reply matches /(can't see that from here|can't check that from here|not something I can see here)/
      And the agent says "tracking link"
      And the agent does not say "can't help with"
      When the customer says "no tracking email yet"
      Then the request is approved

      Examples:
        | question                                 |
        | has it shipped?                          |
        | can you tell me if it has shipped?       |
        | you tell me, has it been dispatched?     |
        | has it gone out yet                      |
        | oh wait has it shipped already?          |
        | hmm, was it dispatched yet?              |

    Scenario Outline: "<answer>" after the hint about the tracking email says the order has left
      When the customer says "i want to cancel order A-3131"
      And the customer says "how would I know"
      Then the agent says "tracking link"
      When the customer says "<answer>"
      Then the message gives the fact "dispatched" as "true"
      And the message gives no fact "days_since_purchase"
      And the agent does not say "colleague"

      Examples:
        | answer                                     |
        | ok well the tracking email came yesterday  |
        | the tracking link arrived this morning     |
        | they sent me tracking on Monday            |

    Scenario Outline: "<question>" asks how to find the fact out, and gets the hint without "I can't see"
      When the customer says "<opening>"
      And the customer says "<question>"
      Then the agent says "<hint>"
      And the reply does not match /can't (see|check) that/

      Examples:
        | opening                         | question                           | hint                 |
        | I want to cancel order A-5050   | is there any way to check?         | tracking link        |
        | I want a refund                 | where do I find the order number?  | confirmation email   |
        | I want a refund for A-5050      | how would I know that?             | A rough idea         |

    Scenario: "How do I know if I'm eligible?" while the date is asked is a question about the rules, not not knowing the date
      When the customer says "I want a refund for A-5050"
      And the customer says "how do I know if I'm eligible?"
      Then the message is read as "ask_policy"

    Scenario: "Can you tell me if it's shipped? If not I want to cancel" asks for the cancellation
      When the customer says "Can you tell me if A-9005 has shipped? if not I want to cancel"
      Then the message is read as "provide:order_id" and "request:cancel"
      And the agent asks for the "dispatched"

  Rule: A fact without a hint that the customer cannot give brings the offer of a colleague at once

    Scenario: "Not sure if it's shipped", with no hint to give, is met with a colleague, not the question again
      Given the policy file "../docs/examples/retail-generous.yaml"
      When the customer says "I want to cancel A-5555"
      And the customer says "not sure if it's shipped"
      Then the agent does not say "I still need this"
      And the agent says "colleague"
      When the customer says "yes please"
      Then the conversation is in "escalated"

  Rule: A fact asked for again and again with no answer gets its hint, then the offer of a colleague

    Scenario: "Can you look it up by my name?" after the hint hears that only the number will do
      When the customer says "hello i need to cancel my order"
      And the customer says "i dont know the order number"
      Then the agent says "confirmation email"
      When the customer says "can you look it up by my name? it's Sarah Jones"
      Then the reply matches /(no other way for me|can't check it any other way)/
      And the agent says "colleague"
      And the agent does not say "No problem"

    Scenario: Three messages that give no order number: asked again, the hint, then a colleague
      When the customer says "please cancel my subscription"
      And the customer says "the monthly box"
      Then the agent says "order number"
      When the customer says "no thanks"
      Then the agent says "Order numbers are a letter, a dash and four digits"
      And the agent does not say "check that number"
      When the customer says "it's a subscription"
      Then the agent says "colleague"
      When the customer says "yes"
      Then the conversation is in "escalated"

    Scenario: A dispatch question met with nothing gets the tracking hint, then a colleague
      When the customer says "cancel A-1111"
      And the customer says "erm"
      And the customer says "what"
      Then the agent says "tracking link"
      When the customer says "hmm"
      Then the agent says "colleague"

  Scenario: "Sorry, I don't get why" when asked for a fact is told why it is needed
    When the customer says "I'd like to return it and get the money back on my card, A-1001"
    And the customer says "Sorry, I don't get why."
    Then the reply matches /(I need it to check|so I can look up|I ask so I can check)/

  Scenario: Asking for the refund again and again instead of the date gets help, then a colleague
    When the customer says "Please can I have a refund for the blender, order A-2405, it's defective"
    And the customer says "who decided that?"
    And the customer says "my money back for the blender"
    Then the agent says "A rough idea is enough"
    And the agent does not say "send it again"
    When the customer says "money back please"
    Then the agent says "colleague"

  Rule: Another request asked for instead of a closer date is no sign the customer cannot give it

    Scenario: "Actually can I just have a refund instead" while a closer date is asked gets the question for the refund
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Hi, the headphones I got from you last month have one side not working. Order B-4411. Can you replace them?"
      Then the agent says "closer date"
      When the customer says "actually can I just have a refund instead"
      Then the agent says "refund"
      And the agent says "when did you buy it?"
      And the agent does not say "colleague"
