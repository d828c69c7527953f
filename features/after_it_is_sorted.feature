Feature: After the request is sorted
  Once the agent has done what it can, the customer may ask for the same thing again, or write
  something the agent cannot read. A request already granted is confirmed rather than started twice;
  a message the agent cannot read is never answered as if it were a thank-you, and after a few the
  agent offers a colleague. A question it has no answer for is said to be one, with a colleague offered
  to look into it.

  Background:
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 10 days ago
    When the customer says "I'd like a refund please"
    Then the request is approved

  Scenario: Asking again for a refund already started is told it is under way
    When the customer says "so why can't I just get my money back?"
    Then the agent says "A-1001"
    And the reply matches /already/
    And the conversation is in "follow_up"
    And the transitions taken were "already_done"

  Scenario: A message the agent cannot read is said to be unclear, with what it can help with
    When the customer says "purple monkey dishwasher"
    Then the reply matches /(didn't quite catch|make sure I get this right)/
    And the agent says "a refund, or a cancellation"
    And the conversation is in "follow_up"

  Scenario: After several unreadable messages the agent offers a colleague, and then hands over
    When the customer says "purple monkey dishwasher"
    And the customer says "zxcv"
    And the customer says "qwerty uiop"
    Then the agent says "colleague"
    When the customer says "blorp"
    And the customer says "fnord"
    Then the agent hands over to a person with reason "unclear"

  Scenario: Questions about how a granted refund goes from here are answered, once each
    When the customer says "how long will it take?"
    Then the message is read as "ask_status"
    And the agent says "within 5 working days"
    And the agent does not say "colleague"
    When the customer says "will I get an email?"
    Then the agent says "As I mentioned, a refund reaches your card"
    When the customer says "and when will the money arrive?"
    Then the agent does not say "within 5 working days"
    And the agent says "everything I can tell you"

  Scenario: "Cool" to "anything else?" is a goodbye, not a yes
    When the customer says "cool"
    Then the conversation is closed

  Scenario: A question the agent has no answer for is said to be one, and a colleague is offered for it
    When the customer says "do you sell gift wrapping?"
    Then the reply matches /(not something I can answer|can't answer that one) from here/
    And the agent does not say "didn't quite catch"
    And the quick reply "Yes, a colleague please" is offered
    And the conversation is in "follow_up"
    When the customer says "yes please"
    Then the agent hands over to a person

  Scenario: "Is that a problem?" about the item after the refund is one the agent cannot answer, and "no" leaves it
    When the customer says "wait I've just realised I wore them outside, is that a problem?"
    Then the reply matches /(not something I can answer|can't answer that one) from here/
    And the agent does not say "I can help with a refund"
    When the customer says "no it's fine"
    Then the agent does not hand over to a person
    And the conversation is in "follow_up"

  Scenario: "How do I send it back?" is answered, not taken for asking again
    When the customer says "how do I send it back?"
    Then the message is read as "ask_policy"
    And the agent says "returns label"
    And the agent does not say "done already"

  Scenario: "Thanks, how do I send it?" after the refund is started is told how to send it back
    When the customer says "thanks, how do I send it?"
    Then the message is read as "thank" and "ask_policy"
    And the agent says "returns label"
    And the agent does not say "can't help with that"

  Scenario: "Did it go through ok?" after the refund is started is told it is done, with what refunds take
    When the customer says "did it go through ok?"
    Then the agent says "Yes, that's done"
    And the agent says "A refund reaches your card"
    And the agent does not say "A cancelled order is never charged"
    And the agent does not say "can't answer"

  Scenario: "How long will it take?" after the refund is started gets how long, not what a cancellation costs
    When the customer says "how long will it take?"
    Then the agent says "within 5 working days"
    And the agent does not say "A cancelled order is never charged"

  Scenario: "Can you tell me if A-4004 has shipped?" once the refund is started gets how to tell
    When the customer says "oh and can you tell me if A-4004 has shipped?"
    Then the message gives no fact "dispatched"
    And the reply matches /can't see that from here|not something I can see here|can't check that from here/
    And the agent says "tracking link"
    And the conversation is in "follow_up"

  Scenario Outline: "<message>" asks where it has got to
    When the customer says "<message>"
    Then the message is read as "ask_status"
    And the agent does not say "done already"
    And the agent says "within 5 working days"

    Examples:
      | message                          |
      | How long does the refund take?   |
      | what date will the money be back |
      | what day will I have my money    |


  Scenario: "Cool, and can I use it on sale items?" asks about what was chosen, not the rules
    When the customer says "actually can I get store credit instead of the refund?"
    Then the alternative "Store credit" is applied
    When the customer says "cool, and can I use it on sale items?"
    Then the message is read as "ask_about:store_credit"
    And the agent says "sale items too"
    And the agent does not say "You can return most items"

  Scenario: A question without its question mark that the agent cannot answer is said to be one
    When the customer says "can i keep the box it came in"
    Then the reply matches /(can't answer that one|not something I can answer) from here/
    And the agent does not say "didn't quite catch"

  Scenario: "Will she need to do anything?" is a question, not a complaint
    When the customer says "will she need to do anything?"
    Then the message is not read as "complain"
    And the agent does not say "I'm sorry"
    And the conversation is in "follow_up"

  Scenario: "Great, and the receipt?" to "anything else?" is a question, not a goodbye
    When the customer says "great, and the receipt?"
    Then the conversation is still open

  Scenario: "Perfect, how long?" to "anything else?" is answered with how long
    When the customer says "perfect, how long?"
    Then the conversation is still open
    And the agent says "within 5 working days"

  Scenario: A bare "ok" to "anything else?" is neither a yes nor a goodbye
    When the customer says "how long will it take?"
    And the customer says "ok"
    Then the conversation is still open
    And the agent does not say "What else can I help you with"
    And the agent does not say "what else do you need"
    And the agent does not say "Go ahead, what can I do for you"

  Scenario Outline: A resigned "<answer>" once the refund is started is heard as an ok, not a puzzle
    When the customer says "<answer>"
    Then the message is read as "affirm"
    And the conversation is still open
    And the agent does not say "make sure I get this right"
    And the agent does not say "didn't quite follow"

    Examples:
      | answer            |
      | ok whatever       |
      | fine whatever     |
      | ok, card is fine  |

  Scenario Outline: "<question>" after how to send it back was told says it again, not only "happy to explain"
    When the customer says "do I have to pay for postage?"
    And the customer says "<question>"
    Then the agent says "As I mentioned, to send something back, print the free returns label"
    And the reply does not match /Happy to explain\. (Anything|Is there)/

    Examples:
      | question                      |
      | and how do I get the label?   |
      | how do I send it back again?  |

  Scenario Outline: "<mocking>" mocks a replacement, and sets none up
    When the customer says "<mocking>"
    Then the message is read as ironic
    And the message is not read as "choose:replacement"
    And the agent does not say "you'll have the replacement"

    Examples:
      | mocking                                                        |
      | yeah sure, a replacement, because the first one went so well   |
      | a replacement? since that went so well last time               |

  Scenario: "Will you pick it up or do I send it?" is told how to send it back
    When the customer says "will you pick it up or do I send it?"
    Then the message is read as "ask_policy"
    And the agent says "print the free returns label"
    And the agent does not say "can't help with that"

  Scenario: "Will a courier collect it?" is told how to send it back, not the whole policy
    When the customer says "will a courier collect it?"
    Then the agent says "print the free returns label"
    And the agent does not say "Orders can be cancelled"

  Scenario: "Can I use the same label for another order?" is a question the agent cannot answer, not a choice
    When the customer says "Thanks! Can I use the same label for another order?"
    Then the message is not read as "choose:free_return"
    And the reply matches /(can't help with that one|not something I can help with|outside what I can do) from here/
    And the conversation is still open

  Scenario: "How will I get the money back?" is told where the refund goes, not how to post a parcel
    When the customer says "great, how will I get the money back?"
    Then the agent says "reaches your card"
    And the agent does not say "post office"

  Scenario: "Can't you just give me a discount and I'll keep it?" is said to be out of reach, not passed over
    When the customer says "can't you just give me a discount and I'll keep it?"
    Then the reply matches /(can't help with that one|not something I can help with|outside what I can do) from here/
    And the conversation is still open

  Scenario: "Great, can you do it then?" after the refund is started is told it is under way, not let go
    When the customer says "great can u do it then"
    Then the agent says "under way"
    And the conversation is still open

  Scenario: "Will you send a label?" after a refund is granted is told how to send it back
    When the customer says "and will you send a label?"
    Then the message is read as "ask_policy"
    And the agent says "print the free returns label"
    And the agent does not say "can't help with that one"

  Scenario: "Ok, and what about the delivery charge?" to "anything else?" is a question, not a yes
    When the customer says "ok, and what about the delivery charge?"
    Then the message is not read as "affirm"
    And the agent does not say "what can I do for you"
    And the agent does not say "frustrating"

  Scenario: "What's the catch?" after the refund is started is told how it goes from here
    When the customer says "what's the catch?"
    Then the message is read as "ask_status"
    And the agent says "within 5 working days"
    And the agent does not say "not something I can help with"

  Scenario: "Just the shirt actually, not the trousers" after the refund is started keeps the chat open
    When the customer says "just the shirt actually, not the trousers"
    Then the message is not read as "deny"
    And the conversation is in "follow_up"

  Rule: A question in capitals once it is sorted is still answered

    Scenario: "WHEN WILL I GET IT" after the refund is started is told when, without "taking so long"
      When the customer says "WHEN WILL I GET IT"
      Then the message is read as "ask_status" and "complain"
      And the agent says "within 5 working days"
      And the agent does not say "taking so long"
      And the agent does not say "still waiting"

  Rule: Trouble told once it is sorted is met with sorrow, not "happy to help"

    Scenario: "It just broke, the handle came off" after the refund is started gets a sorry
      When the customer says "it just broke, the handle came off"
      Then the agent says "sorry"
      And the agent does not say "Happy to help"
      And the conversation is in "follow_up"

    Scenario: "No, it hasn't shipped" once an exchange is arranged is thanked for, not "happy to help"
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I ordered the wrong size by mistake, A-5335, yesterday. Can I change it before it ships?"
      Then the alternative "Exchange" is applied
      When the customer says "no it hasn't shipped"
      Then the reply matches /(thanks for letting me know|thank you, noted|thanks for telling me)/
      And the agent does not say "Happy to help"

  Rule: "What happens now?" once a request is granted is told how it goes from here

    Scenario Outline: "<message>" after the refund is started gets what happens next
      When the customer says "<message>"
      Then the message is read as "ask_status"
      And the agent says "within 5 working days"
      And the reply does not match /(can't help|didn't catch|not something I can)/

      Examples:
        | message                     |
        | what happens now?           |
        | so what next                |
        | what do I do now?           |
        | ok what are the next steps? |

  Rule: Another item to return once one is sorted is a new request, and a question about what it covers is not

    Scenario: "I also have another item I want to return" asks for that item's order number
      When the customer says "I also have another item I want to return but I can't find the order number"
      Then the agent does not say "done already"
      And the agent says "Order numbers are a letter, a dash and four digits"

    Scenario: "I want to return another item too" is a refund for another order
      When the customer says "I want to return another item too"
      Then the message is read as "request:refund"
      And the agent asks for the "order number"
      When the customer says "A-4321"
      And the customer says "a week ago"
      Then the agent says "Order A-4321 is within our 30-day window"

    Scenario: "Will the refund include the delivery charge?" asks about the rules, not for the refund again
      When the customer says "will the refund include the delivery charge?"
      Then the message is read as "ask_policy"
      And the agent does not say "done already"

  Scenario Outline: "<answer>" to "would you rather have the exchange?" after a refund switches to it
    When the customer says "what about an exchange instead?"
    Then the agent says "exchange"
    When the customer says "<answer>"
    Then the alternative "Exchange" is applied
    And the conversation is still open

    Examples:
      | answer        |
      | yes thanks    |
      | lovely        |
      | great, thanks |

  Scenario: "Ok whatever, card is fine" to "anything else?" goes along, and is not asked what comes next
    When the customer says "ok whatever, card is fine"
    Then the reply does not match /(Go ahead, what can I do|what else do you need|What else can I help you with)/
    And the conversation is still open

  Scenario: "Yes there is" to "anything else?" is asked what it is
    When the customer says "yes there is"
    Then the reply matches /(Go ahead, what can I do|what else do you need|What else can I help you with)/

  Scenario Outline: "<message>" to "anything else?" goes along, and is answered as such
    When the customer says "<message>"
    Then the reply matches /(If anything else comes up|let me know if there's anything else|we're all done)/
    And the conversation is still open

    Examples:
      | message     |
      | fair enough |
      | that works  |

  Rule: Something for the trouble, asked for once it is sorted, is given when the policy allows it

    Scenario Outline: "<message>" without the goodwill offer due is told honestly
      When the customer says "<message>"
      Then the transitions taken were "no_goodwill"
      And the agent says "sorry"
      And the agent does not say "answer on a refund"
      And no compensation has been issued
      And the conversation is in "follow_up"

      Examples:
        | message                                          |
        | and i want some compensation for all the hassle  |
        | can i get a discount or something for the trouble? |
        | what about a goodwill gesture                    |
        | no, but I want compensation for the hassle       |
        | no I'll keep the stuff, just want compensation   |

    Scenario: A gold member asking for something for the trouble gets the goodwill offer on top
      Given the fact "loyalty_tier" is "gold"
      When the customer says "could I have a little something for the inconvenience?"
      Then the transitions taken were "grant_goodwill"
      And compensation is issued
      And the agent says "15% discount"
      And the conversation is in "follow_up"

    Scenario: The goodwill offer is given once
      Given the fact "loyalty_tier" is "gold"
      When the customer says "any compensation for the hassle?"
      And the customer says "any compensation for the hassle?"
      Then the transitions taken were "no_goodwill"
      And the agent says "from earlier"

    Scenario: Turning compensation down is not asking for it
      When the customer says "no thanks, I don't want compensation, that's all"
      Then the conversation is closed

  Rule: A size told once a refund is started asks before anything is swapped

    Scenario Outline: "<size>" after the refund asks whether to swap
      When the customer says "<size>"
      Then no alternative is applied
      And the reply matches /the exchange (instead of|than) a refund/

      Examples:
        | size                     |
        | A large, please.         |
        | large would be better    |
        | medium is better for me  |

    Scenario: "Could I swap it for a large instead?" swaps, with the size
      When the customer says "could I swap it for a large instead?"
      Then the alternative "Exchange" is passed on with "a large"
      And the agent says "a large"

  Rule: Why it goes back, told once the refund is started, is no "nothing else"

    Scenario Outline: "<message>" after the refund was started keeps the conversation open
      When the customer says "Hi, I'd like to return the dress from order A-7777. Bought 5 days ago"
      Then the request is approved
      When the customer says "<message>"
      Then the conversation is in "follow_up"

      Examples:
        | message                 |
        | it's just not my style  |
        | not really my taste tbh |
        | they just don't sound as good as I hoped |
        | the colour isn't what I expected         |

  Rule: How the item is kept, told once the refund is started, is no complaint

    Scenario: "It still has the tags on though" after the refund was started is thanked, not apologised for
      When the customer says "Can I return a coat I bought on the first Saturday of November? Order A-5050"
      Then the request is approved
      When the customer says "oh. it still has the tags on though"
      Then the message is not read as "complain"
      And the agent does not say "sorry"

  Rule: The options asked after once the refund is started are listed

    Scenario: "What's the difference between the two options?" after a refund lists what could be had instead
      When the customer says "Can I return a coat I bought on the first Saturday of November? Order A-5050"
      And the customer says "what's the difference between the two options?"
      Then the message is read as "ask_about:all"
      And the agent says "Store credit:"
      And the agent says "Exchange:"
      And the quick reply "Store credit" is offered

  Rule: Disbelief beside a request is no question left unanswered

    Scenario: "They still haven't shipped?? I want to cancel" cancels, and leaves no other question
      When the customer says "I ordered some trainers 3 weeks ago, A-8888, and they still haven't shipped?? I want to cancel"
      Then the request is approved
      And the agent does not say "other question"

  Rule: A second question the agent cannot answer is said so, not called misunderstood

    Scenario: "Can I drop it at a shop instead?" after "do I need the original box?" is honestly out of reach
      When the customer says "do I need the original box?"
      And the customer says "can I drop it at a shop instead of the post office?"
      Then the reply matches /(can't help with that one|not something I can help with|outside what I can do|can't answer that one|not something I can answer)/
      And the agent does not say "didn't follow"
      And the agent does not say "Let me make it easier"


  Scenario Outline: "<thanks>" after a question about the refund is answered ends the chat
    When the customer says "will i get the postage back"
    Then the agent says "returns label"
    When the customer says "<thanks>"
    Then the conversation is closed
    And the agent does not say "what can I do for you"

    Examples:
      | thanks              |
      | ok cool thanks      |
      | lovely, thank you   |
      | great stuff cheers  |

  Scenario Outline: "<question>" once the refund is started is told where the money goes
    When the customer says "<question>"
    Then the agent says "A refund reaches your card within 5 working days"
    And the agent does not say "can't help with that"

    Examples:
      | question                               |
      | can it go to my paypal instead?        |
      | will it go to my paypal?               |
      | thx!! can it go on my paypal?          |
      | can you send it to a different card?   |
      | I'd like it on a different card please |

  Scenario Outline: "<message>" asks for part of the money to keep the item, which no request does
    When the customer says "<message>"
    Then the message is not read as "ask_status"
    And the reply matches /(not something I can answer|can't answer that one) from here/
    And the agent does not say "already under way"
    And no alternative is applied

    Examples:
      | message                                                |
      | can I keep it and get a partial refund?                |
      | can I just keep the rug and get some money off instead? |
      | could I get half my money back and keep it             |

  Scenario Outline: "<message>" asks how the item goes back, which is answered
    When the customer says "<message>"
    Then the message is read as "ask_policy"
    And the agent says "returns label"
    And the agent does not say "under way"

    Examples:
      | message                             |
      | so do I need to send it back first? |
      | do I have to return it?             |

  Scenario: "Ok sounds good. Also do you have any discount codes?" is a question the agent cannot answer, not a yes
    When the customer says "ok sounds good. also do you have any discount codes?"
    Then the reply matches /(not something I can|can't help with that one|outside what I can do)/
    And the agent does not say "What else can I help you with"

  Scenario: "Yes please. What happens next?" is answered with what happens next
    When the customer says "yes please. what happens next?"
    Then the message is read as "affirm" and "ask_status"
    And the agent says "5 working days"


  Scenario: "Is it done?" once the refund was started is told yes, with what was set up
    When the customer says "is it done?"
    Then the message is read as "ask_status"
    And the agent says "Yes, that's done: I've set up a refund for order A-1001."

  Rule: Weighing up the offers made beside a refund is answered, not called beyond the agent

    Scenario: "What's the difference between them?" after the other options are listed
      When the customer says "ok what are my options then"
      Then the agent offers "Store credit" and "Exchange"
      When the customer says "what's the difference between them?"
      Then the message is read as "ask_about:all"
      And the agent does not say "can't answer"
      And the conversation is in "follow_up"

  Rule: The offers listed beside a refund are buttons too

    Scenario: Clicking an offer listed beside a refund switches to it
      When the customer says "ok what are my options then"
      And the customer clicks "Exchange"
      Then the alternative "Exchange" is applied
      And the approval of "refund" for order "A-1001" is withdrawn

  Rule: "Ok" and a new question, to the offer of a colleague, asks the question

    Scenario: "Ok. And will someone collect it?" is answered, not passed to a colleague
      When the customer says "Do I need to roll it up or can it be folded?"
      Then the agent says "colleague"
      When the customer says "ok. and will someone collect it or do I drop it off?"
      Then the conversation is in "follow_up"
      And the agent says "post office"

    Scenario: "Ok yes please" to the offer of a colleague still passes it on
      When the customer says "Do I need to roll it up or can it be folded?"
      And the customer says "ok yes please"
      Then the conversation is in "escalated"

    Scenario Outline: "<message>" to the offer of a colleague signs off, and passes nothing on
      When the customer says "Do I need to roll it up or can it be folded?"
      Then the agent says "colleague"
      When the customer says "<message>"
      Then the conversation is closed
      And the agent does not say "passing this to a colleague"

      Examples:
        | message                 |
        | ok thanks for your help |
        | ok cheers, bye          |

  Rule: Where the refund goes, asked once it is started, is answered

    Scenario: "Will the refund go to my wife's card?" is told where refunds go, not that it is under way
      When the customer says "Will the refund go to my wife's card? She paid"
      Then the message is read as "ask_policy"
      And the agent says "reaches your card"
      And the agent does not say "done already"


  Rule: A complaint to make, once the request is sorted, is offered to a colleague, not thanked away

    Scenario Outline: "<message>" offers a colleague to take the complaint
      When the customer says "<message>"
      Then the conversation is in "follow_up"
      And the agent says "complaint"
      And the quick reply "Yes, a colleague please" is offered
      When the customer says "yes please"
      Then the agent hands over to a person

      Examples:
        | message                                     |
        | I also want to complain about your courier  |
        | thanks, and the complaint?                  |

  Rule: What sending it back costs, asked once a refund is started, is answered from the rules

    Scenario Outline: "<question>" is told the returns label is free
      When the customer says "<question>"
      Then the message is read as "ask_policy"
      And the agent says "free returns label"
      And the agent does not say "colleague"
      And the agent does not say "within 5 working days of being approved"

      Examples:
        | question                                 |
        | who pays postage?                        |
        | who covers the cost of sending it back?  |
        | how much does it cost to send it back?   |
        | will I have to pay to send it back?      |

  Rule: "So that's a no?" after a grant is told it was a yes

    Scenario: "So that's a no then" once the refund is started is told it is under way, not let go
      When the customer says "so that's a no then"
      Then the conversation is in "follow_up"
      And the agent says "under way"

  Rule: Cancelling an order already being refunded is told there is nothing left to cancel

    Scenario: "Ok then cancel it" once the refund is started is told it is covered
      When the customer says "ok then cancel it"
      Then the agent says "nothing left to cancel"
      And the conversation is in "follow_up"
      And the agent does not say "dispatched"


  Scenario: "Can I just change the colour instead?" once an order is cancelled hears it cannot be set up now
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "I need to cancel A-3300 - it was a mistake, I meant to order a different colour"
    And the customer says "I haven't had a dispatch email"
    Then the agent says "I've cancelled it"
    When the customer says "actually can I just change the colour instead of cancelling?"
    Then the reply matches /(exchange isn't something I can set up here now|can't set up the exchange here now|exchange isn't something I can arrange here now)/

  Scenario Outline: "<question>" once the refund is started is told how to send it back, not how refunds go
    When the customer says "<question>"
    Then the agent says "free returns label"
    And the agent does not say "refund reaches your card"

    Examples:
      | question                                              |
      | what about the postage, do i pay for sending it back? |
      | do I have to pay to send it back?                     |
