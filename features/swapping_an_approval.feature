Feature: Swapping an approved request for one of its alternatives
  A request the policy allows is approved at once, but the customer may have wanted something else: a
  replacement rather than a refund for a faulty item, store credit rather than money back. Naming one
  of the request's alternatives for the same order undoes the approval and arranges it, and the host
  is told to do both. Another order's alternative starts a new request instead.

  Background:
    Given the policy "retail"

  Scenario: A faulty speaker refunded, and the customer would rather have a replacement
    Given it is 2026-12-04 11:00 in the policy's time zone
    When the customer says "the speaker I got from you crackles at high volume, order A-6262, purchased 4th november"
    Then the request is approved
    When the customer says "I'd rather have a replacement than a refund tbh"
    Then the transitions taken were "swap_approval"
    And the alternative "Replacement" is applied
    And the agent says "replacement"
    And a follow-up is scheduled in 24 hours

  Scenario Outline: "<message>" after a faulty lamp is refunded arranges a replacement instead
    When the customer says "the lamp doesn't work. A-1206. bought it yesterday"
    Then the request is approved
    When the customer says "<message>"
    Then the alternative "Replacement" is applied
    And the agent says "replacement"

    Examples:
      | message                                                         |
      | no actually forget the refund, can you just send a working bulb |
      | forget the refund, send me a new one                            |

  Scenario: A refund in the window changed to store credit
    When the customer says "refund for A-1300 bought 5 days ago"
    And the customer says "actually could I have store credit instead?"
    Then the alternative "Store credit" is applied
    And the conversation is in "follow_up"

  Scenario: "Does it expire?" beside taking store credit over a refund is answered from the credit
    When the customer says "refund for A-1300 bought 5 days ago"
    And the customer says "store credit is fine I guess. does it expire?"
    Then the alternative "Store credit" is applied
    And the agent says "for a whole year"
    When the customer says "can I use it online?"
    Then the agent says "As I mentioned, you can spend it online"
    And the agent does not say "The credit goes on your account"

  Scenario Outline: "<question>" without a question mark, after taking store credit, is answered from the credit
    When the customer says "refund for A-1300 bought 5 days ago"
    And the customer says "actually could I have store credit instead?"
    And the customer says "<question>"
    Then the agent says "for a whole year"
    And the agent does not say "Thanks for letting me know"

    Examples:
      | question                |
      | and does it expire      |
      | and can i use it online |

  Scenario Outline: "<remark>" after taking store credit is a remark, not a question about it
    When the customer says "refund for A-1300 bought 5 days ago"
    And the customer says "actually could I have store credit instead?"
    And the customer says "<remark>"
    Then the agent does not say "Good question"
    And the agent does not say "The credit goes on your account"

    Examples:
      | remark                              |
      | and would recommend you to friends  |
      | so does my mum, she loves your shop |

  Scenario: "The new one is too big now" after the exchange tells what came, and takes no other offer
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "I'd like to exchange A-6767 for a bigger size, bought a week ago"
    Then the alternative "Exchange" is applied
    When 1 day passes
    And the scheduled follow-up is delivered
    And the customer says "the new one is too big now lol"
    Then the message is not read as "choose:replacement"
    And no alternative is applied
    And the agent does not say "replacement"

  Scenario: The bare name of an alternative after an approval takes it
    When the customer says "my kettle A-1201 stopped working, bought it 3 days ago"
    And the customer says "a repair"
    Then the alternative "Repair" is applied

  Scenario: "Will I need to send the red one back?" after the blue one is sent asks how, and changes no colour
    When the customer says "i got the wrong item. ordered a blue mug got a red one. order A-7474"
    And the customer says "send me the blue one please"
    Then the alternative "Exchange" is applied
    When the customer says "will I need to send the red one back?"
    Then the agent does not say "Noted: red"
    And the agent says "returns label"

  Scenario Outline: "<message>" after the wrong colour is refunded sends the colour ordered instead
    When the customer says "my daughter ordered a dress for prom (A-1112) and it came in the wrong colour, she wanted emerald and got navy"
    And the customer says "<message>"
    Then the alternative "Exchange" is applied
    And the agent says "<colour>"

    Examples:
      | message                    | colour  |
      | ok yes please send emerald | emerald |
      | please send teal instead   | teal    |
      | can I have teal instead?   | teal    |
      | I'd rather have teal ones than my money back | teal |

  Scenario Outline: "<question>" after the wrong item is refunded is told how to send it back
    When the customer says "i got the wrong item. ordered a blue mug got a red one. order A-7474"
    And the customer says "<question>"
    Then the message is read as "ask_policy"
    And the agent says "returns label"
    And the agent does not say "done already"

    Examples:
      | question                              |
      | will I need to send the red one back? |
      | do I have to return the old one?      |

  Scenario: An alternative asked for another order starts a new request and keeps the approval
    When the customer says "refund A-1302 bought 5 days ago"
    And the customer says "thanks. can I also get store credit for order A-1303, bought 2 months ago?"
    Then the transitions taken were "new_request" and "grant_wish"
    And the agent does not say "Instead of a refund"

  Scenario: Thanks after an approval swaps nothing
    When the customer says "refund A-1304 bought 5 days ago"
    And the customer says "great, thanks"
    Then the conversation is closed with outcome "approved"

  Scenario: "Could I swap it for a medium instead of getting a refund?" swaps the approval
    Given the customer "Dana" bought order "A-1001" 12 days ago
    When the customer says "I'd like to return this, it's too small"
    Then the request is approved
    When the customer says "actually could I swap it for a medium instead of getting a refund?"
    Then the alternative "Exchange" is applied
    And the agent does not say "done already"

  Scenario: "Can you just send a new plate?" after a broken plate was refunded swaps the refund for a replacement
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "my order A-9901 arrived but one of the 3 plates is smashed"
    And the customer says "2 days ago"
    Then the request is approved
    When the customer says "can you just send a new plate?"
    Then the alternative "Replacement" is applied

  Rule: An alternative taken in place of a request the policy allows can be swapped for the request

    Scenario: "Money back is better" after a swap was arranged refunds instead
      Given the customer "Dana" bought order "A-1001" 12 days ago
      When the customer says "i ordered the wrong size trainers, can i swap them?"
      Then the alternative "Exchange" is applied
      When the customer says "actually money back is better thx"
      Then the transitions taken were "approve_instead"
      And the alternative "Exchange" is withdrawn
      And the request is approved
      And the agent does not say "has to stay the same"
      And the agent says "5 working days"

    Scenario: "Can I just get a refund instead?" after store credit asked for in the window
      When the customer says "store credit for order A-1310 please, bought 3 days ago"
      Then the alternative "Store credit" is applied
      When the customer says "hmm can I just get a refund instead?"
      Then the request is approved
      And the alternative "Store credit" is withdrawn

    Scenario: Past the window the request stays refused after an alternative is taken
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "the exchange then"
      And the customer says "can I have a refund instead?"
      Then the transitions taken were "hold_position"
      And the reply decides no request

    Scenario Outline: "<message>" after swapping a refund for an exchange goes back to the refund
      When the customer says "refund A-1234, bought it 19 days ago"
      And the customer says "actually can i get an exchange instead"
      Then the alternative "Exchange" is applied
      When the customer says "<message>"
      Then the alternative "Exchange" is withdrawn
      And the request is approved

      Examples:
        | message                                |
        | hmm no actually just the refund please |
        | on second thoughts go back to the refund |

  Rule: After an approval, a question about an alternative is answered, and a yes takes it

    Scenario: "If I go with the exchange, can I pick another dress?" is answered, then "do that" swaps
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "need to send back a dress, it doesn't fit"
      Then the request is approved
      When the customer says "hmm ok and if i go with the exchange can i pick a different dress entirely?"
      Then the transitions taken were "answer_about"
      And the agent says "You choose the size, colour or item"
      And the agent does not say "didn't follow"
      When the customer says "alright do that"
      Then the alternative "Exchange" is applied

    Scenario: A question about store credit after a refund, then keeping the refund
      When the customer says "refund for A-1320 please, bought 4 days ago"
      And the customer says "how does store credit work?"
      Then the agent says "The credit goes on your account"
      When the customer says "no thanks, the refund is fine"
      Then no alternative is applied

    Scenario: "Can I change the size instead?" after a refund swaps it for an exchange
      Given the customer "Dana" bought order "A-1001" 20 days ago
      When the customer says "I'd like a refund please"
      Then the request is approved
      When the customer says "wait, before that, can I change the size instead?"
      Then the alternative "Exchange" is applied
      And the agent does not say "can't help with that"

  Rule: A fact put right after an approval decides the request again

    Scenario: "Sorry, I meant 40 days ago" after a refund approved on 20 days takes the refund back
      When the customer says "I want a refund for A-5656. Bought it 20 days ago"
      Then the request is approved
      When the customer says "sorry I meant 40 days ago"
      Then the transitions taken were "undo_approval", "decline", "apologize" and "offer"
      And the agent explains the reason
      And the agent does not say "quite all right"
      And the agent offers "Store credit" and "Exchange"
      When the customer says "oh ok. credit then"
      Then the alternative "Store credit" is applied

    Scenario: A date put right that keeps the answer changes nothing
      When the customer says "I want a refund for A-5656. Bought it 20 days ago"
      And the customer says "sorry, it was 22 days ago"
      Then the conversation is in "follow_up"
      And the agent does not say "taken back"

    Scenario: What the host supplied is not put right by the customer
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "I want a refund"
      And the customer says "sorry I meant 40 days ago"
      Then the conversation is in "follow_up"
      And the agent does not say "taken back"

  Rule: Asked what else there is once a request was granted, the agent lists what could replace it

    Scenario Outline: After a refund is swapped for store credit, "what are my options?" lists only what <item> may have
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<first>"
      And the customer says "I'll take the store credit, please."
      And the customer says "what are my options?"
      Then the agent says "exchange"
      And the agent <repair> "repair"

      Examples:
        | item              | first                                         | repair       |
        | an unwanted item  | refund A-1212, changed my mind, bought 10 days ago | does not say |
        | a faulty item     | my kettle A-1212 is broken, bought 10 days ago | says         |

    Scenario: "What are my options?" after a refund is granted lists store credit and the exchange
      When the customer says "I want a refund for A-5151, changed my mind, bought it last week"
      Then the request is approved
      When the customer says "what are my options"
      Then the transitions taken were "answer_about"
      And the agent says "one of these instead"
      And the agent says "spend it online or in any of our shops"
      And the agent says "free returns label"
      And no alternative is applied
      When the customer says "the second one"
      Then the transitions taken were "swap_approval"
      And the alternative "Exchange" is applied

    Scenario: A yes to the list is asked which one, and the name then swaps the approval
      When the customer says "refund A-5152 please, bought it 4 days ago and I don't need it"
      And the customer says "what else can you offer?"
      And the customer says "yes"
      Then the transitions taken were "which_one"
      And the agent says "Which"
      And the agent says "store credit, or the exchange"
      And no alternative is applied
      When the customer says "credit please"
      Then the alternative "Store credit" is applied

    Scenario: "No, keep the refund" after the list leaves the approval as it was
      When the customer says "refund A-5153, bought 2 days ago"
      And the customer says "any other options?"
      And the customer says "no, keep the refund thanks"
      Then no alternative is applied
      And the conversation is in "follow_up"
      And the agent says "refund for order A-5153"
      And the agent does not say "switched"

    Scenario: "Is there anything else?" after a granted refund is no question about the options
      When the customer says "refund A-5154, bought 2 days ago"
      And the customer says "nope, I don't need anything else"
      Then the conversation is closed with outcome "approved"

  Rule: A request taken back after it was granted is withdrawn, with nothing in its place

    Scenario: "Wait, actually I still want it, don't cancel" withdraws the cancellation
      When the customer says "I want to cancel order A-2323"
      And the customer says "it has not been dispatched"
      Then the request is approved
      When the customer says "wait, actually I still want it, don't cancel"
      Then the approval of "cancel" is withdrawn
      And no alternative is applied
      And the agent says "A-2323"
      And the conversation is in "follow_up"
      When the customer says "thanks, bye"
      Then the conversation is closed with outcome "customer_closed"

    Scenario: "Oh nevermind, I'll keep it actually" after the cancellation withdraws it, and does not close
      When the customer says "I want to cancel order A-2323"
      And the customer says "it has not been dispatched"
      Then the request is approved
      When the customer says "oh nevermind I'll keep it actually"
      Then the approval of "cancel" is withdrawn
      And the conversation is in "follow_up"

    Scenario: "Sorry, I don't want the refund after all" withdraws the refund
      When the customer says "refund A-5656 please, bought it 3 days ago"
      Then the request is approved
      When the customer says "sorry, I don't want the refund after all, I'll keep it"
      Then the approval of "refund" is withdrawn
      And the agent does not say "Happy to help"

    Scenario: "No, I don't need a refund" to "anything else?" after a cancellation withdraws nothing
      When the customer says "I want to cancel order A-2323"
      And the customer says "it has not been dispatched"
      And the customer says "no, I don't need a refund, thanks"
      Then the conversation is closed with outcome "approved"

  Rule: The customer's own order, wanted instead of the refund for a wrong one, is the exchange

    Scenario: "I don't want their stuff, I want my own order" swaps the refund for the exchange
      When the customer says "I was sent someone else's order. A-8181"
      Then the request is approved
      When the customer says "I don't want their stuff, I want my own order"
      Then the alternative "Exchange" is applied
      And the agent does not say "can't cancel"

  Scenario Outline: "<message>" after a faulty item's refund wants the item itself
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "I received a damaged item and I'm really upset, I saved up for this. A-1122, bought 2 days ago"
    Then the request is approved
    When the customer says "<message>"
    Then the alternative "Replacement" is applied
    And the conversation is in "follow_up"

    Examples:
      | message                                   |
      | I don't want a refund, I want the item!   |
      | no I don't want my money, I need the product |
      | can I have a different one instead?       |

  Scenario: "Thank you, he'll be pleased" to the replacement described instead of the refund takes it
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "Hello, I'm contacting you on behalf of my elderly father. He bought a heater from you (order A-1357) about 3 weeks ago and it doesn't turn on."
    Then the request is approved
    When the customer says "can he get a replacement instead of a refund?"
    And the customer says "thank you, he'll be pleased"
    Then the alternative "Replacement" is applied
    And the conversation is in "follow_up"

  Scenario Outline: "<message>" welcomes an alternative after a refund, and swaps the refund for it
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "Oh great, another broken mug. Love that for me. Order C-4545, bought last Tuesday"
    Then the request is approved
    When the customer says "<message>"
    Then the transitions taken were "swap_approval"
    And the alternative "<alternative>" is applied

    Examples:
      | message                                  | alternative  |
      | Yeah a replacement would be grand        | Replacement  |
      | a replacement would suit me better       | Replacement  |
      | honestly store credit would be brilliant | Store credit |

  Rule: With two orders approved, a message that names one order changes that order's approval only

    Scenario Outline: "<message>" takes back the refund of the order it names
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I'd like a refund on A-3333 and A-4444, both bought last week"
      Then the request "refund" is decided as "approved"
      When the customer says "<message>"
      Then the approval of "refund" for order "<order>" is withdrawn
      And the agent says "for order <order>"
      And the conversation is in "follow_up"

      Examples:
        | message                                      | order  |
        | I don't want the refund for A-4444 after all | A-4444 |
        | actually don't refund A-4444, I'll keep it   | A-4444 |
        | sorry, I don't want the refund for A-3333    | A-3333 |

    Scenario: "Can I have store credit for A-3333 instead?" swaps the first order's refund and keeps the second
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I'd like a refund on A-3333 and A-4444, both bought last week"
      And the customer says "can I have store credit for A-3333 instead?"
      Then the transitions taken were "swap_approval"
      And the approval of "refund" for order "A-3333" is withdrawn
      And the alternative "Store credit" is applied
      And the agent says "store credit"
      And the agent says "A-3333" only once

  Scenario Outline: "<message>" after a refund was started takes it back
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "refund A-3333 please, bought it 5 days ago"
    Then the request is approved
    When the customer says "<message>"
    Then the approval of "refund" is withdrawn
    And no alternative is applied

    Examples:
      | message                                 |
      | please don't refund it                  |
      | actually I'll keep it, no refund needed |
      | actually no wait, I'll keep it          |
      | oh actually ill just keep it            |
      | I don't want a refund                   |

  Scenario: "I don't want a refund", then "I'd like an exchange instead", arranges the exchange for the order
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "you sent me the wrong colour. I ordered black headphones and got pink ones. A-7878, came on monday"
    Then the request is approved
    When the customer says "I don't want a refund"
    Then the approval of "refund" is withdrawn
    And the conversation is in "follow_up"
    When the customer says "I'd like an exchange instead"
    Then the transitions taken were "swap_approval"
    And the alternative "Exchange" is applied
    And the agent says "order A-7878"
    And the agent does not say "isn't something I can"

  Scenario: Asking for the exchange, then "I'll just get a refund", then back to the exchange, follows each change
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "I want to exchange A-6060 for a bigger size"
    And the customer says "sorry, changed my mind, I'll just get a refund"
    And the customer says "bought 10 days ago"
    Then the request is approved
    And no alternative is applied
    When the customer says "actually no, go back to the exchange, size L"
    Then the transitions taken were "swap_approval"
    And the alternative "Exchange" is applied
    And the conversation is in "follow_up"

  Rule: Keeping the item sent is not the exchange; asking to be sent the right one is

    Scenario: The wrong colour refunded, keeping it is asked about, then the right colour is asked for
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Hi I received the wrong colour, I ordered navy and got black. A-9292 last week"
      Then the request is approved
      When the customer says "can I just keep the black one and get a discount?"
      Then the message is not read as "ask_about:exchange"
      And the agent does not say "free returns label"
      When the customer says "ok then send me the navy one"
      Then the transitions taken were "swap_approval"
      And the alternative "Exchange" is applied

    Scenario: "Just send me what I ordered" after a wrong item is refunded swaps to the exchange
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "order A-4646 - you sent me the wrong item, I ordered a blue mug and got a green teapot"
      Then the request is approved
      When the customer says "can you just send me what I ordered?"
      Then the transitions taken were "swap_approval"
      And the alternative "Exchange" is applied

    Scenario: "I don't want a refund, I just want the green one" after a wrong colour swaps to the exchange
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "you sent me a blue one, I ordered green. A-9191"
      Then the request is approved
      When the customer says "i don't want a refund, i just want the green one"
      Then the transitions taken were "swap_approval"
      And the alternative "Exchange" is applied
      And the agent says "green"

    Scenario: "Repair please. How long will I be without them?" takes the repair and answers from its details
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Order A-9090, the headphones I bought on the 10th of November have a crackle in the left ear"
      Then the request is approved
      When the customer says "repair please. how long will I be without them?"
      Then the alternative "Repair" is applied
      And the agent says "within 14 days"
      And the agent does not say "can't answer"

  Rule: Asking why not an alternative asks for it

    Scenario: "Why can't I just get a replacement?" after a faulty item is refunded swaps to it
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "my blender's lid cracked, A-2323, got it 3 weeks ago"
      Then the request is approved
      When the customer says "why can't I just get a replacement?"
      Then the transitions taken were "swap_approval"
      And the alternative "Replacement" is applied

  Rule: Asking whether an alternative is possible, with the order named, asks for it

    Scenario: "Would it be possible to exchange my jeans for a bigger size?" with the order arranges it
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hello, hope you're well. I was wondering whether it would be possible to exchange a pair of jeans for a bigger size? order A-8585, bought on the 25th"
      Then the alternative "Exchange" is applied
      When the customer says "34 waist please"
      Then the agent says "34 waist"

    Scenario: "Age 10-11" once a child's jumper is being exchanged is noted as the size
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Can I exchange a jumper I bought for my son? It's too small. Order A-7200, bought 10 days ago"
      Then the alternative "Exchange" is applied
      When the customer says "age 10-11"
      Then the agent says "age 10-11"
      And the agent does not say "didn't quite catch"

    Scenario: "Is it too late to exchange?" with the order named asks for the exchange
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Hi! 😊 I got a jumper for Christmas last year but it's the wrong size, is it too late to exchange? A-4567"
      Then the alternative "Exchange" is applied
      And the agent does not say "frustrating"

    Scenario: "Oh ok, what can I do then?" after the exchange is described takes nothing
      When the customer says "how does the exchange work? my order is A-4568"
      And the customer says "oh ok, what can I do then?"
      Then the message is not read as "choose:exchange"
      And the agent does not say "other question"

    Scenario: "How does the exchange work?" with the order named still asks about it
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "how does the exchange work? order A-8585, bought on the 25th"
      Then no alternative is applied
      And the agent says "free returns label"

  Rule: Asking for a new one instead of a refund, before the refund is decided, names the replacement

    Scenario: "Can you send a new one instead of a refund?" for a smashed item is the replacement, not a mix-up
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "My order A-7878 arrived with the box crushed and the glass inside smashed. Delivered yesterday."
      Then the fact "condition" is now "faulty"
      When the customer says "can you send a new one instead of a refund?"
      Then the message gives no fact "condition"
      And the fact "condition" is now "faulty"
      And the agent says "the replacement instead"
      And the agent does not say "a refund for order A-7878 instead"
      When the customer says "3 weeks ago"
      Then the alternative "Replacement" is applied

  Rule: A change of mind later in the same message is what is done

    Scenario: "Refund A-4321 … actually hold on, can I swap it for a different colour instead?" arranges the exchange
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I'd like a refund for A-4321 please. It was bought 12 days ago. Actually hold on, can I swap it for a different colour instead?"
      Then the alternative "Exchange" is applied
      And the agent does not say "started your refund"
      When the customer says "blue please"
      Then the agent says "blue"


  Rule: Telling the agent to send the one named swaps the refund for it

    Scenario Outline: "<message>" after a wrong item was refunded swaps the refund for the exchange
      When the customer says "I got the wrong item"
      And the customer says "A-1403"
      Then the request is approved
      When the customer says "<message>"
      Then the message is read as "choose:exchange"
      And the alternative "Exchange" is applied

      Examples:
        | message              |
        | send the right one   |
        | just send me the right one please |
