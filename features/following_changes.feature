Feature: Following the customer when they change course
  Customers turn down one offer and not the other, change their mind about what they want, or ask
  for two things at once. The agent keeps up: it offers what is left, drops what the customer no
  longer wants, switches to the new request without asking again what it already knows, and deals
  with each request in turn.

  Background:
    Given the policy "retail"

  Rule: Turning one offer down brings the rest back, not the end of the conversation

    Scenario: No to the credit, and the exchange is still there
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "I don't want store credit"
      Then the message is read as "reject:store_credit"
      And the transitions taken were "reoffer_rest"
      And the agent offers "exchange"
      And the agent does not offer "store credit"
      And the quick replies are "Exchange" and "No, thanks"
      When the customer says "no, not that either"
      Then the conversation is closed with outcome "declined"

    Scenario: No to the exchange, then no to the credit: an eligible customer gets the goodwill offer
      Given the customer "Dana" bought order "A-1001" 45 days ago
      And the customer is a "gold" member
      When the customer says "I want a refund"
      And the customer says "not the exchange"
      Then the agent offers "store credit"
      And the agent does not offer compensation
      When the customer says "no"
      Then the agent offers compensation

    Scenario: A faulty item: no to the repair leaves the replacement
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund, it stopped working after a few weeks"
      And the customer says "I don't want a repair"
      Then the agent offers "replacement"
      And the quick replies are "Replacement" and "No, thanks"
      When the customer says "fine, a replacement"
      Then the alternative "Replacement" is applied

    Scenario: A dispatched order: no to the free return leaves the store credit
      Given the customer "Lee" ordered "B-2002", which has already been dispatched
      When the customer says "Please cancel my order"
      And the customer says "I'd rather not do the return"
      Then the agent offers "store credit"
      And the agent does not offer "free return"
      When the customer says "the credit then"
      Then the alternative "Store credit" is applied

    Scenario: Saying why one offer is no good still leaves the other on the table
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "Credit is no good to me, I never shop here"
      Then the message is read as "reject:store_credit"
      And the conversation is in "offering_alternatives"
      And the agent offers "exchange"

    Scenario Outline: "<message>" turns the repair down as too slow and keeps the replacement
      Given the customer "Dana" bought order "A-1001" 50 days ago
      When the customer says "my coffee machine A-1001 has started leaking water everywhere"
      And the customer says "<message>"
      Then the message is read as "reject:repair"
      And no alternative is applied
      And the agent offers "replacement"

      Examples:
        | message                                      |
        | A repair would take too long, I need coffee! |
        | the repair takes forever                     |

    Scenario: "A repair isn't possible" turns the repair down and keeps the replacement
      Given the customer "Dana" bought order "A-1001" 50 days ago
      When the customer says "I want a refund, it shrank after the first wash"
      And the customer says "a repair isn't possible for a jumper, what else?"
      Then the message is read as "reject:repair"
      And no alternative is applied
      And the quick replies are "Replacement" and "No, thanks"

    Scenario: An offer wanted less than the request, said while the agent still asks, is not offered
      When the customer says "My order A-5513 came today and the lamp inside is cracked"
      And the customer says "I'd prefer my money back rather than a new one"
      Then the message is read as "request:refund" and "reject:replacement"
      And the agent does not say "replacement"
      When the customer says "2 months ago"
      Then the agent offers "repair"
      And the agent does not offer "replacement"

    Scenario: An offer turned down early and then wanted after all is given
      When the customer says "I need a refund please, and I don't want store credit"
      And the customer says "A-2020"
      And the customer says "actually store credit is fine"
      And the customer says "40 days ago"
      Then the transitions taken were "grant_wish"
      And the agent says "store credit"

  Rule: A change of mind or a second request is followed

    Scenario: Switching from a refund to a cancellation while the offer is open
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "Actually, can you cancel my order instead? It has not been dispatched yet"
      Then the message is read as "cancel_request:refund", "request:cancel" and "provide:dispatched"
      And the transitions taken were "change_request" and "approve"
      And the agent says "a cancellation instead"
      And the cancellation is approved

    Scenario Outline: "<message>" after switching to another order's cancellation takes the first one up again
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "please refund A-6001, bought 40 days ago"
      And the customer says "hmm. actually, can you just cancel A-6002 instead, it hasn't shipped"
      Then the cancellation is approved
      When the customer says "<message>"
      Then the alternative "Exchange" is applied
      And the agent says "A-6001"
      And the agent does not say "When did you buy it"

      Examples:
        | message                                         |
        | ok the exchange then                            |
        | can I still get the exchange for the other one? |
        | and the exchange for A-6001 please              |

    Scenario: Changing the colour instead of cancelling is said to be about the exchange
      When the customer says "I'd like to cancel my order please, A-1004"
      And the customer says "oh wait, can I change the colour instead of cancelling?"
      Then the agent says "the exchange instead"
      And the agent does not say "a refund instead"

    Scenario: Switching to a cancellation while the goodwill offer is open
      Given the customer "Dana" bought order "A-1001" 45 days ago
      And the customer is a "gold" member
      When the customer says "I want a refund"
      And the customer turns the offer down
      And the customer says "Forget the refund, I would rather cancel my order, it has not shipped"
      Then the transition "compensation -> listening [change_request]" was taken
      And the cancellation is approved
      And no compensation has been issued

    Scenario: Switching before the agent has decided: what was given is not asked again
      When the customer says "I want a refund"
      Then the agent asks for the "order number"
      When the customer says "Actually, could you cancel it instead? It is order A-1001 and it has not been dispatched"
      Then the transition "listening -> listening [change_request]" was taken
      And the cancellation is approved
      And the agent does not say "order number?"

    Scenario: Taking back a request in the same breath keeps only the one wanted now
      Given the customer "Dana" bought order "A-1001" 12 days ago
      When the customer says "hi I want to cancel, actually no I want a refund"
      Then the request "refund" is decided as "approved"
      And the agent does not say "dispatched"
      And the agent does not say "cancellation"

    Scenario: "Actually no i want a refund" while the order number is asked switches the request
      When the customer says "hi i want to cancel"
      Then the agent asks for the "order number"
      When the customer says "actually no i want a refund"
      Then the transition "listening -> listening [change_request]" was taken
      And the agent does not say "then a refund"
      When the customer says "A-3333"
      And the customer says "a week ago"
      Then the request "refund" is decided as "approved"

    Scenario: "Sorry, I meant a refund" switches the request too
      When the customer says "cancel my order please"
      And the customer says "sorry I meant refund"
      Then the transition "listening -> listening [change_request]" was taken

    Scenario: "I want a refund too" adds the refund and keeps the cancellation
      When the customer says "cancel my order please"
      And the customer says "no wait i want a refund too"
      Then the agent does not say "instead"
      And the agent says "then a refund"

    Scenario: "Actually no, I want a refund" after a refusal presses the refund
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "actually no I want a refund"
      Then the message is read as "insist"
      And the conversation is still open

    Scenario: An order told only of its fault, beside a cancellation of another, gets what its fault calls for
      When the customer says "hi i bought a jacket 35 days ago (A-2222) and the zip broke, and also i want to cancel A-3333 which i ordered today"
      Then the agent offers "Replacement" and "Repair"
      And the agent does not say "For order A-2222, has your order been dispatched"
      When the customer says "repair is fine for the jacket"
      Then the alternative "Repair" is applied
      And the agent says "has your order been dispatched"
      When the customer says "no it hasn't shipped"
      Then the request "cancel" is decided as "approved"

    Scenario: Two requests in one message are both dealt with in one reply
      Given the fact "customer_name" is "Dana"
      When the customer says "please cancel order B-2001, it hasn't been dispatched yet, and also refund A-2002 which I bought 10 days ago"
      Then the transitions taken were "start", "approve_and_continue" and "approve"
      And the cancellation and the refund are both approved
      And the agent says "B-2001"
      And the agent says "A-2002"

    Scenario: "Great, thanks, both done?" after two requests were approved is told both were set up
      When the customer says "please cancel order B-2001, it hasn't been dispatched yet, and also refund A-2002 which I bought 10 days ago"
      And the customer says "great, thanks, both done?"
      Then the conversation is still open
      And the agent says "Yes, that's all done: I've set up a cancellation for order B-2001 and a refund for order A-2002."

    Scenario: A third order told of beside two requests gets the request its trouble calls for
      Given it is 2026-12-04 11:00 in the policy's time zone
      When the customer says "refund A-1008 bought yesterday and cancel A-1009 which hasn't shipped yet, oh and A-1010 arrived broken"
      Then the cancellation and the refund are both approved
      And the agent says "For order A-1010, when did you buy it?"
      And the agent does not say "frustrating"
      When the customer says "last week"
      Then the agent says "order A-1010"
      And the agent says "you're entitled to a full refund"

    Scenario: Two refunds in one message, one inside the window and one long past it
      Given the fact "customer_name" is "Dana"
      When the customer says "I need to return two orders. A-3107 I bought 9 days ago, and A-3108 back in September. Refunds for both please?"
      Then the transitions taken were "start", "approve_and_continue", "decline", "apologize" and "offer"
      And the agent says "A-3107"
      And the agent says "A-3108"
      When the customer says "for the older one, store credit is fine"
      Then the alternative "Store credit" is applied
      And the agent says "A-3108"

    Scenario: Orders named first and then again, each with its date, get each their own date
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want refunds for A-4040 and A-5050. A-4040 was bought 10 days ago and A-5050 about 2 months ago"
      Then the transitions taken were "start", "approve_and_continue", "decline", "apologize" and "offer"
      And the agent does not say "when did you buy it"
      When the customer says "ok credit for the second one"
      Then the alternative "Store credit" is applied
      And the agent says "A-5050"

    Scenario: Two orders pointed to as "first one" and "second one" each get their own date, and the options are asked for the second
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "i want a refund for order A-7878 and ALSO a refund for A-8989. first one bought 10 days ago and second one 2 months ago"
      Then the transitions taken were "start", "approve_and_continue", "decline", "apologize" and "offer"
      And the agent does not say "when did you buy it"
      When the customer says "ok what are the options for the second one"
      Then the message is read as "ask_about:all"
      And the agent says "The credit goes on your account"
      And the agent says "We email you a free returns label"
      When the customer says "store credit for that one"
      Then the alternative "Store credit" is applied
      And the agent says "A-8989"

    Scenario: A date said once about several orders holds for each of them
      Given the fact "customer_name" is "Dana"
      When the customer says "please refund A-1000 and A-2000, I bought them both 3 days ago"
      Then the transitions taken were "start", "approve_and_continue" and "approve"
      And the agent says "A-1000"
      And the agent says "A-2000"

    Scenario: Turning down everything for one request moves on to the next one
      Given the customer "Dana" bought order "A-1001" 45 days ago
      And the fact "dispatched" is "yes"
      When the customer says "I want a refund, and I also want to cancel my order"
      Then the request "refund" is decided as "declined"
      When the customer says "no thanks, neither"
      Then the transition "offering_alternatives -> listening [next_request]" was taken
      And the request "refund" is decided as "declined closed"
      And the request "cancel" is decided as "declined"
      And the agent says "already left our warehouse"
      And the agent offers "free return" and "store credit"

    Scenario: Taking an offer for one request moves on to the next one
      Given the customer "Dana" bought order "A-1001" 45 days ago
      And the fact "dispatched" is "yes"
      When the customer says "I want a refund, and I also want to cancel my order"
      And the customer says "the exchange please"
      Then the transition "offering_alternatives -> listening [accept_and_continue]" was taken
      And the alternative "Exchange" is applied
      And the request "cancel" is decided as "declined"
      And the agent offers "free return" and "store credit"

    Scenario: Taking the goodwill offer for one request moves on to the next one
      Given the customer "Dana" bought order "A-1001" 45 days ago
      And the fact "dispatched" is "yes"
      And the customer is a "gold" member
      When the customer says "I want a refund, and I also want to cancel my order"
      And the customer says "no thanks"
      And the customer says "yes please"
      Then the transition "compensation -> listening [accept_and_continue]" was taken
      And compensation is issued
      And the agent says "a 15% discount on your next order"
      And the request "cancel" is decided as "declined"
      And the agent offers "free return" and "store credit"

    Scenario: Turning the goodwill offer down moves on to the next request
      Given the customer "Dana" bought order "A-1001" 45 days ago
      And the fact "dispatched" is "yes"
      And the customer is a "gold" member
      When the customer says "I want a refund, and I also want to cancel my order"
      And the customer says "no thanks"
      And the customer says "thanks, that is kind"
      Then the transitions taken were "acknowledge"
      And the agent says "a 15% discount on your next order"
      When the customer says "no thank you"
      Then the transition "compensation -> listening [next_request]" was taken
      And no compensation has been issued
      And the agent offers "free return" and "store credit"

    Scenario: After a person hands back, the customer can still switch what they want
      Given the customer "Dana" bought order "A-1001" 10 days ago
      And it is within the policy's opening hours
      When the customer says "I want to cancel my order"
      And the customer says "Can I speak to a manager?"
      And a person named "Alex" takes over
      And the customer says "Also, I want to cancel my other order, B-2002"
      Then the agent says nothing
      When the person hands back
      And the customer says "Actually, scrap cancelling B-2002, I'd rather have a refund for it"
      Then the transition "follow_up -> listening [change_request]" was taken
      And the agent says "a refund instead"
      And the agent asks for the "days since purchase"

  Rule: "Can I change my mind about the exchange?" lets go of the exchange for what is named beside it

    Scenario: Changing one's mind about the exchange once it is set up switches to the credit, with no question left over
      When the customer says "refund for A-1818 please, bought 40 days ago"
      And the customer says "the exchange please"
      And the customer says "can i change my mind about the exchange? i'd rather have store credit"
      Then the alternative "store_credit" is applied
      And the agent does not say "other question"

    Scenario Outline: "<message>" as the first message takes the credit, not the exchange
      When the customer says "<message>"
      Then the alternative "store_credit" is applied
      And the agent does not say "your exchange"

      Examples:
        | message                                                                                            |
        | can i change my mind about the exchange? i'd rather have store credit. order A-1818, bought 40 days ago |
        | I've changed my mind about the exchange, store credit please. It's A-1818 from 40 days ago              |

  Rule: News told after an "ok" to the offers chooses nothing

    Scenario: "Ok she says the 12th of October" to the offers for a fault is no choice of either
      When the customer says "I want to return my headphones A-3131, I got them for my birthday in October and they've stopped charging"
      And the customer says "ok she says the 12th of October"
      Then no alternative is applied
      And the message is not read as "choose:?"

  Rule: A let-go said only on a condition keeps the request

    Scenario Outline: "<message>" asks whether it has shipped, and cancels when it has not
      When the customer says "<message>"
      Then the agent asks for the "dispatched"
      When the customer says "it's not shipped"
      Then the request is approved

      Examples:
        | message                                                                                            |
        | I want to cancel my order A-1616 because I found it cheaper elsewhere, but if it's already shipped I'll just keep it |
        | please cancel A-1616, unless it's gone out already, in which case I'll keep it                     |

  Rule: How an earlier refund is going, told beside a new request, is answered too

    Scenario: A refund not yet had for one order, told beside a swap for another, gets the refund's timing
      When the customer says "Hi! Quick one - I returned a dress last week (A-1212) and haven't had the refund yet, also the shoes from A-1313 are too small, can I swap them for a 7? bought them 10 days ago"
      Then the alternative "exchange" is applied
      And the agent says "A refund reaches your card within 5 working days"

  Rule: A purchase date put right after the approval decides again

    Scenario Outline: "<correction>" once the refund is started withdraws it and offers what is left
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund please for A-5656, bought on November 3rd"
      Then the request is approved
      When the customer says "<correction>"
      Then the agent offers "store credit" and "exchange"
      And the agent does not say "take all the time you need"

      Examples:
        | correction                                       |
        | hang on, sorry, it was october 3rd not november  |
        | sorry, it was the 3rd of October, not November   |

    Scenario Outline: "<correction>" after "the 2nd" puts the month right and withdraws the refund
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-7002, bought on the 2nd"
      Then the request is approved
      When the customer says "<correction>"
      Then the approval of "refund" is withdrawn
      And the agent offers "store credit" and "exchange"

      Examples:
        | correction             |
        | no, november           |
        | sorry I meant november |
        | november               |

  Rule: An offer taken beside asking for something for the trouble is set up

    Scenario: "Ok resend it please. And can I get a discount for the hassle?" sends the new parcel
      When the customer says "My parcel A-7781 never turned up, ordered it 2 weeks ago."
      And the customer says "ok resend it please. and while you're at it can I get a discount for the hassle?"
      Then the alternative "resend" is applied
      And the agent does not say "not what you hoped for"

  Rule: A customer can let a request go at any point, and then leave or ask for something else

    Scenario: Letting the request go while the agent is still asking about it
      Given the fact "customer_name" is "Dana"
      And the fact "order_id" is "A-1001"
      When the customer says "I want a refund"
      Then the agent asks for the "days since purchase"
      When the customer says "actually forget the refund, I'll keep it"
      Then the transition "listening -> listening [drop_request]" was taken
      And the agent says "anything else"
      And the agent does not say "when did you buy"
      When the customer says "no thank you"
      Then the conversation is closed
      And the agent does not say "glad I could help"

    Scenario Outline: Asking and letting go in the same message, "<message>", asks nothing about the order
      When the customer says "<message>"
      Then the transition "listening -> listening [drop_request]" was taken
      And the reply decides no request
      And the agent says "anything else"
      And the agent does not say "dispatched"
      And the reply does not match /about (a|the) (cancellation|refund)/
      When the customer says "no that's it"
      Then the conversation is closed

      Examples:
        | message                                                      |
        | Can I cancel A-8004? Actually no wait, I'll keep it. Sorry!  |
        | can I cancel A-8004? hmm, I'll just keep it actually         |
        | I want a refund for A-8004. actually no, scrap that          |

    Scenario: "Actually wait, can I change the delivery address instead?" after asking to cancel cancels nothing
      When the customer says "I want to cancel A-4040, it hasn't shipped. Actually wait, can I change the delivery address instead?"
      Then the reply decides no request
      And the reply matches /colleague (has to arrange|can send it)/
      And the reply does not match /other question/
      When the customer says "ok just cancel then"
      Then the agent says "so I've cancelled it"

    Scenario: A yes to changing the address after dropping a cancellation passes the customer to a colleague
      When the customer says "I need to cancel A-2020 before it ships. Actually no wait, can I just change the address instead?"
      Then the reply matches /pass you to one\?/
      When the customer says "yes please"
      Then the agent hands over to a person

    Scenario Outline: "<message>" gives the change of mind as the reason, and keeps the request
      When the customer says "<message>"
      Then the message is read as "request:refund"
      And the agent asks for the "order_id"

      Examples:
        | message                                                         |
        | hey, quick one, can i get a refund on the lamp? i changed my mind about it |
        | can I get a refund? I changed my mind                            |

    Scenario: "Actually no wait, I'll keep it" to whether the order has left is no answer, and cancels nothing
      When the customer says "Can I cancel A-8004?"
      Then the agent asks for the "dispatched"
      When the customer says "Actually no wait, I'll keep it. Sorry!"
      Then the message is read as "cancel_request:cancel"
      And the transition "listening -> listening [drop_request]" was taken
      And the agent says "anything else"
      And the agent does not say "cancelled"
      When the customer says "no that's it"
      Then the conversation is closed

    Scenario: Letting both go while the alternatives are on offer
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "I'd like to cancel my order... no wait, forget the cancellation and forget the refund"
      Then the transition "offering_alternatives -> listening [drop_request]" was taken
      And no alternative is applied
      And the agent says "anything else"
      And the agent does not say "store credit"
      When the customer says "no, that's all"
      Then the conversation is closed

    Scenario: Letting both go while the goodwill offer is open
      Given the customer "Dana" bought order "A-1001" 45 days ago
      And the customer is a "gold" member
      When the customer says "I want a refund"
      And the customer turns the offer down
      Then the agent says "15% discount"
      When the customer says "Could you cancel my order instead? Oh no wait, forget the cancellation, and the refund as well."
      Then the transition "compensation -> listening [drop_request]" was taken
      And no compensation has been issued
      And the agent says "anything else"
      When the customer says "no thanks, bye"
      Then the conversation is closed

    Scenario: A request left with a person can be let go once the agent is back
      Given the customer "Dana" bought order "A-1001" 10 days ago
      And it is within the policy's opening hours
      When the customer says "I want to cancel my order"
      And the customer says "Can I speak to a manager?"
      And a person named "Alex" takes over
      And the customer says "Also, I want to cancel my other order, B-2002"
      Then the agent says nothing
      When the person hands back
      And the customer says "Actually, forget cancelling B-2002, I will keep it"
      Then the transition "follow_up -> listening [drop_request]" was taken
      And the agent says "anything else"
      When the customer says "no thanks"
      Then the conversation is closed

    Scenario: One more request after the first is settled starts again from listening
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "I want a refund"
      Then the refund is approved
      When the customer says "one more thing, can you cancel my other order, C-5521?"
      Then the transition "follow_up -> listening [new_request]" was taken
      And the agent says "dispatched yet"
      And the agent does not say "hello"
      When the customer says "no it has not been dispatched"
      Then the agent says "C-5521"
      And the request "cancel" is decided as "approved"
      When the customer says "no that's all, thanks"
      Then the conversation is closed

    Scenario: The order number and facts given with a second request belong to it
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "I'll take the store credit, thanks. Also, can you cancel A-1403? it hasn't shipped"
      Then the alternative "Store credit" is applied
      And the request "cancel" is decided as "approved"
      And the agent says "A-1403"
      And the agent does not say "order number"

    Scenario: Asking again to cancel an order already cancelled is told it is done, not done twice
      Given the fact "customer_name" is "Ana"
      When the customer says "can you cancel order A-1002? It hasn't been sent."
      Then the request "cancel" is decided as "approved"
      When the customer says "cancel A-1002 please, it hasn't gone out"
      Then the transitions taken were "already_done"
      And the agent says "A-1002"

    Scenario: Another order of the same kind, named while offers are open, waits its turn with its own facts
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "Yes, I'd also like a refund on order C-5070, I bought it about 75 days back."
      Then the reply matches /a refund for order C-5070 (is )?next/
      And no alternative is applied
      When the customer says "credit please"
      Then the alternative "Store credit" is applied
      And the agent says "Next, a refund for order C-5070"
      And the agent says "Order C-5070 was bought 75 days ago"

    Scenario: Taking an offer and making a new request in one message moves on to the new one by name
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "I'll take the store credit, thanks. Also, can you cancel A-1403? it hasn't shipped"
      Then the agent says "Now, on to a cancellation"
      And the agent does not say "Now, on to a refund"

    Scenario: With two orders in the conversation, the question says which order it is about
      Given the fact "customer_name" is "Ruth"
      When the customer says "please cancel A-8807 and A-8808"
      Then the agent says "For order A-8807, has your order been dispatched yet?"
      When the customer says "no, not sent yet"
      Then the agent says "For order A-8808, has your order been dispatched yet?"


    Scenario: One answer about two orders gives each its own
      When the customer says "I need to cancel A-3333 and A-4444"
      And the customer says "A-3333 has shipped but A-4444 hasn't been sent yet"
      Then the agent offers "free return" and "store credit"
      When the customer says "the free return for A-3333 please"
      Then the alternative "Free return" is applied
      And the agent does not say "For order A-4444, has your order been dispatched yet?"
      And the request is approved

    Scenario: Taking back a drop by giving what the dropped request needed
      When the customer says "refund for A-5555 please"
      And the customer says "actually forget it"
      Then the transition "listening -> listening [drop_request]" was taken
      When the customer says "actually no wait, I do want it. bought 3 days ago"
      Then the request "refund" is decided as "approved"


  Rule: Two requests settled in one reply give the news once

    Scenario Outline: "<message>" cancels both, without "Good news" between them
      When the customer says "<message>"
      Then the agent says "Order <first> hasn't left our warehouse yet"
      And the agent says "Order <second> hasn't left our warehouse yet"
      And the reply does not match /Good news[^.]*\. Order <second>/
      And the conversation is in "follow_up"

      Examples:
        | message                                              | first  | second |
        | cancel A-1114 and A-1115 please, neither shipped     | A-1114 | A-1115 |
        | can u cancel A-1111 and A-2222? neither has shipped  | A-1111 | A-2222 |
        | please cancel A-3141 and A-5926, neither has shipped | A-3141 | A-5926 |

  Rule: An order number put right while a question is open answers nothing else

    Scenario: "No wait, wrong order, it's A-3002" to "has it been dispatched?" does not cancel anything yet
      When the customer says "I want to cancel my order"
      And the customer says "A-3001"
      And the customer says "no wait, wrong order, it's A-3002"
      Then the request is still undecided
      And the agent asks for the "dispatched"
      When the customer says "it hasn't shipped"
      Then the agent says "Order A-3002 hasn't left our warehouse yet"

    Scenario Outline: "<message>" puts the order right rather than adding a second request
      When the customer says "I want to cancel order A-3001"
      And the customer says "<message>"
      Then the request is still undecided
      And the agent does not say "then a cancellation"
      And the agent asks for the "dispatched"
      When the customer says "it hasn't shipped"
      Then the agent says "Order A-3002 hasn't left our warehouse yet"
      And the agent does not say "A-3001"

      Examples:
        | message                                         |
        | no wait, I want to cancel A-3002 not A-3001     |
        | sorry I meant cancel A-3002, not A-3001         |

    Scenario: "Sorry, it's A-3002 actually" puts the order right and is not apologised to
      When the customer says "cancel A-3001"
      And the customer says "sorry, it's A-3002 actually, and no it hasn't shipped"
      Then the agent says "Order A-3002 hasn't left our warehouse yet"
      And the agent does not say "A-3001"
      And the agent does not say "I'm sorry"

  Rule: Orders listed first and then pointed to by their place each get their own request

    Scenario: "A-1111 and A-2222, cancel the first and return the second" cancels one and refunds the other
      When the customer says "I bought two things, A-1111 and A-2222. I want to cancel the first and return the second, got it 5 days ago"
      Then the agent says "For order A-1111, has your order been dispatched yet?"
      And the agent does not say "exchange"
      When the customer says "A-1111 hasn't shipped"
      Then the agent says "Order A-1111 hasn't left our warehouse yet"
      And the agent says "Order A-2222 is within our 30-day window"

    Scenario Outline: "<message>" tells each order's facts by its number, so both are settled at once
      When the customer says "<message>"
      Then the agent says "Order A-5007 hasn't left our warehouse yet"
      And the agent says "Order A-5008 is within our 30-day window"
      And the agent does not say "has your order been dispatched"

      Examples:
        | message                                                                                |
        | cancel A-5007 and refund A-5008 pls. A-5007 isnt shipped, A-5008 i bought 12 days ago  |
        | refund A-5008 and cancel A-5007. A-5008 i bought 12 days ago. A-5007 hasn't shipped    |

    Scenario: "A-8005 I want to cancel (not dispatched) and A-8006 the zip broke after a week" takes up both orders
      When the customer says "A-8005 I want to cancel (not dispatched) and A-8006 the zip broke after a week"
      Then the agent says "Order A-8005 hasn't left our warehouse yet"
      And the agent says "For order A-8006"

    Scenario: "The first one arrived damaged and the second I'd like to cancel" keeps each to its own order
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Good morning. I placed two orders last week, A-1357 and A-2468. The first one arrived damaged (the handle snapped off a mug) and the second I'd like to cancel if it hasn't gone out yet. Thanks, Maria"
      Then the agent says "I've started one for order A-1357"
      And the agent says "For order A-2468, has your order been dispatched yet?"
      When the customer says "I don't think it's gone out, no email yet"
      Then the agent says "Order A-2468 hasn't left our warehouse yet"
      And the agent does not say "cancelled A-1357"

    Scenario: "The first I'd like to cancel and the second arrived broken" cancels one and refunds the other
      When the customer says "Two orders from last week, A-1357 and A-2468. The first I would like to cancel and the second arrived broken"
      Then the agent says "For order A-1357, has your order been dispatched yet?"
      When the customer says "no it has not shipped"
      Then the agent says "Order A-1357 hasn't left our warehouse yet"
      And the agent says "For order A-2468, when did you buy it?"

    Scenario: Under a policy that assumes nothing for a fault, only the order pointed to is cancelled
      Given the policy file "../docs/examples/retail-generous.yaml"
      When the customer says "I placed two orders last week, A-1357 and A-2468. The first one arrived damaged and the second I'd like to cancel if it hasn't gone out yet"
      And the customer says "I don't think it's gone out, no email yet"
      Then the agent says "Order A-2468 hasn't left our warehouse yet"
      And the agent does not say "Order A-1357 hasn't left"

    Scenario: "Refund the last one" of two orders refunds that one only
      When the customer says "A-1111 and A-2222: refund the last one please, bought a week ago"
      Then the message gives the fact "order_id" as "A-2222"
      And the request is approved
      And the agent does not say "A-1111"

  Rule: A return said of another order beside a cancellation is a refund for that order

    Scenario: "I want to cancel A-6677. Oh and I also want to return A-7788 which I got last Thursday"
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want to cancel A-6677. Oh and I also want to return A-7788 which I got last Thursday"
      Then the message is read as "request:cancel", "provide:order_id", "provide:days_since_purchase" and "request:refund"
      When the customer says "no it hasn't shipped"
      Then the agent says "Order A-6677 hasn't left our warehouse yet"
      And the agent says "Order A-7788 is within our 30-day window"
      And the agent does not say "has your order been dispatched"

  Rule: Trouble told of another order is that order's, whether its number is given or not

    Scenario: "And also where's my other order A-2020?" beside a return takes up that order as never come
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hiya, two things: I want to return the jeans from A-1010 (bought last week) and also where's my other order A-2020?"
      Then the agent says "Order A-1010 is within our 30-day window"
      And the agent says "I'm sorry order A-2020 hasn't reached you"
      And the agent does not say "never reached you. You shouldn't pay"
      And the agent does not say "can't answer your other question"

    Scenario: "Also my other parcel came broken" asks for that order's number, and the return stays plain
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund for A-1010 bought last week. also my other parcel came broken"
      Then the agent says "Order A-1010 is within our 30-day window"
      And the agent does not say "As the item is faulty"
      And the agent says "For your other order, could you tell me your order number?"
      When the customer says "A-3030, bought 3 days ago"
      Then the agent says "As the item is faulty"
      And the agent says "order A-3030"

    Scenario: "And where's my other order?" without its number asks for it, not refunds the first as lost
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund for A-1010 bought last week, and where's my other order?"
      Then the agent does not say "never reached you"
      And the agent says "For your other order, could you tell me your order number?"
      When the customer says "A-2020"
      Then the agent says "I'm sorry order A-2020 hasn't reached you"

  Rule: A choice and a request for another order in one message are both taken

    Scenario: The credit taken, and the other order cancelled next
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "fine, I'll take the credit. also can you cancel my other order A-3006?"
      Then the alternative "Store credit" is applied
      And the agent asks for the "dispatched"
      When the customer says "no, not yet"
      Then the request is approved

    Scenario: The exchange, and a refund for another order in the refund window
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "the exchange please, and a refund for my other order A-1111, bought a week ago"
      Then the alternative "Exchange" is applied
      And the request is approved

    Scenario: Two orders to refund, the first refused: the reply says the other comes next
      Given it is 2026-12-04 11:00 in the policy's time zone
      When the customer says "bought 2 things, order A-1010 on 1 nov and A-1011 on 30 nov. both need refunding"
      Then the agent offers "Store credit" and "Exchange"
      And the reply matches /look at a refund for order A-1011/
      When the customer says "the credit is fine"
      Then the alternative "Store credit" is applied
      And the request is approved

    Scenario: Dates said before each order number stay with their own order
      Given it is 2026-12-04 11:00 in the policy's time zone
      When the customer says "I bought a lamp 2 months ago (A-1001) and a chair last week (A-1002), I want refunds for both"
      Then the agent offers "Store credit" and "Exchange"
      And the agent says "Order A-1001 was bought 61 days ago"
      When the customer says "credit for the lamp please"
      Then the alternative "Store credit" is applied
      And the request is approved


  Rule: A request waiting its turn can be taken first

    Scenario: Asking about the other order while offers are open takes it up now, and comes back after
      When the customer says "two things: my order A-4123 hasn't arrived and I also want to cancel order A-4124"
      Then the agent offers "new parcel" and "full refund"
      When the customer says "what about A-4124?"
      Then the transition "offering_alternatives -> listening [change_request]" was taken
      And the reply matches /a cancellation for order A-4124 first.*back to order A-4123/
      And the agent says "For order A-4124, has your order been dispatched yet?"
      And no alternative is applied
      When the customer says "no, it hasn't shipped"
      Then the agent says "so I've cancelled it"
      And the agent offers "new parcel" and "full refund"
      When the customer says "the new parcel please"
      Then the alternative "Send it again" is applied

    Scenario Outline: "<message>" about the other thing told of takes it up now, by its order
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hi! two things: A-1212 never turned up, and A-1313 came but the handle has snapped off the mug"
      Then the agent offers "new parcel" and "full refund"
      When the customer says "<message>"
      Then the transition "offering_alternatives -> listening [change_request]" was taken
      And the reply matches /order A-1313 first.*back to order A-1212/
      And the agent does not say "a cancellation"
      And the agent does not say "frustrating"
      And the agent says "For order A-1313, when did you buy it?"

      When the customer says "bought it on the 25th of November"
      Then the reply matches /[Bb]ack to order A-1212/
      And the agent does not say "a cancellation"

      Examples:
        | message               |
        | thanks, and the mug?  |
        | what about the mug    |
        | and the other order?  |

    Scenario: Asking to do the second request first, while the first one's fact is being asked
      When the customer says "I want a refund for order A-4123 and to cancel A-4124"
      Then the agent says "For order A-4123, when did you buy it?"
      When the customer says "actually can we do the cancellation first?"
      Then the reply matches /a cancellation first.*back to a refund/
      And the agent does not say "then a refund"
      And the agent says "For order A-4124, has your order been dispatched yet?"
      When the customer says "yes, it's been sent"
      And the customer says "store credit is fine"
      Then the alternative "Store credit" is applied
      And the agent says "Now, on to a refund"
      And the agent says "For order A-4123, when did you buy it?"

    Scenario: Naming the order already in hand changes nothing
      When the customer says "I want a refund for order A-4123 and to cancel A-4124"
      And the customer says "A-4123 was bought 3 weeks ago"
      Then the request "refund" is decided as "approved"
      And the agent says "For order A-4124, has your order been dispatched yet?"

  Rule: A no that asks for the request again keeps the conversation open

    Scenario: "Actually no, can I just have the money?" after a replacement is set up is answered, not closed
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I bought a dress (A-2468) on the 1st of November and now the zip's broken. Can I get my money back or at least a new one?"
      Then the alternative "Replacement" is applied
      When the customer says "a new one is fine"
      Then the agent does not say "Go ahead, what can I do"
      When the customer says "actually no, can I just have the money?"
      Then the conversation is in "follow_up"
      And the agent says "refund"

  Rule: Leaving the choice to the agent once a refund is started is told it is under way

    Scenario: "Whatever is quickest" after the refund was started is told it is already under way
      When the customer says "refund A-5152 please, I bought it 2 days ago"
      Then the request is approved
      When the customer says "whatever is quickest"
      Then the reply matches /(already under way|done already)/
      And the agent does not say "didn't quite catch"

  Rule: After a refund is swapped for an alternative, the customer may still switch to another

    Scenario Outline: "<second>" after swapping the refund for "<first>" switches again
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I bought a sofa on the 3rd of last month, A-7171, and want to return it"
      Then the request is approved
      When the customer says "<first>"
      And the customer says "<second>"
      Then the alternative "<now>" is applied
      And the reply matches /(instead of|in place of) the/

      Examples:
        | first                         | second                        | now          |
        | ok fine, store credit I guess | no wait, an exchange actually | Exchange     |
        | an exchange please            | actually store credit please  | Store credit |

  Rule: "Yes, do that" once an offer is set up is told it is done, not asked what else

    Scenario Outline: "<message>" once the exchange is arranged is told it is done
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "exchange please"
      Then the alternative "Exchange" is applied
      When the customer says "<message>"
      Then the reply matches /(all set already|done already)/
      And the reply does not match /(what can I do for you|what else do you need|What else can I help you with)/

      Examples:
        | message           |
        | ok fine, exchange |
        | the exchange yes  |

    Scenario: "Yes do that" after switching to the store credit says it is all set
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund, it's too small"
      And the customer says "can I exchange it for a medium instead?"
      And the customer says "hmm actually store credit might be better. can I use it on sale items?"
      Then the alternative "Store credit" is applied
      And the agent says "sale items too"
      When the customer says "yes do that"
      Then the agent says "all set already"
      And the agent does not say "what else do you need"

    Scenario: "Great" after the answer about the replacement arranged is no request to arrange it again
      When the customer says "Morning. Bought headphones 3 weeks back, A-8080, left ear stopped working. Want a replacement not a refund."
      Then the alternative "Replacement" is applied
      When the customer says "thanks, when will it arrive?"
      And the customer says "great"
      Then the agent does not say "already"

    Scenario Outline: "<message>" once the replacement is arranged says it is done already
      When the customer says "my kettle A-7711 broke, I bought it last week"
      And the customer says "a replacement please"
      Then the alternative "Replacement" is applied
      When the customer says "<message>"
      Then the reply matches /(done|set) already/
      And the conversation is in "follow_up"

      Examples:
        | message           |
        | the new one then  |
        | a new one is fine |

  Rule: An order number put right after an approval moves the request to the order meant

    Scenario: "Wait, sorry, wrong order. It's A-7004" undoes the refund on A-7003 and decides A-7004
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want to return A-7003, bought 10 days ago"
      Then the request is approved
      When the customer says "wait, sorry, wrong order. it's A-7004"
      Then the message gives no fact "condition"
      And the reply matches /(stopped|taken back) what I started for the other order/
      And the agent says "Order A-7004 is within our 30-day window"

    Scenario Outline: "<correction>" moves the request to the order meant
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<request>"
      Then the request is approved
      When the customer says "<correction>"
      Then the approval of "<name>" is withdrawn
      And the reply matches /(stopped|taken back) what I started for the other order/
      And the request is approved

      Examples:
        | request                           | correction                                                               | name   |
        | refund Z-3006, bought 3 days ago  | wait sorry, order number is actually Z-3007 not Z-3006                   | refund |
        | cancel A-1212 please, not shipped | oops, wrong order! it's A-1213 i want cancelled, not A-1212. keep A-1212 | cancel |
        | refund A-6161, bought 2 weeks ago | sorry, I got the order number wrong, it's A-6162                         | refund |
        | refund A-6161, bought 2 weeks ago | that number was wrong, should have said A-6162                           | refund |

  Rule: Another order added once a request is settled gets the same request

    Scenario: "Oh and A-7006 too, same day" after a refund is granted refunds A-7006 on the same date
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-7005, 2 weeks ago"
      Then the request is approved
      When the customer says "oh and A-7006 too, same day"
      Then the agent says "Order A-7006 is within our 30-day window"

    Scenario: "Also A-7008 please" after a refund is granted asks when that one was bought
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-7007, 2 weeks ago"
      And the customer says "also A-7008 please"
      Then the agent asks for the "days since purchase"

  Rule: A question about an alternative asked for before anything is offered is about that alternative

    Scenario: "How long will the replacement take?" while the replacement is looked into is answered from its details
      When the customer says "I received a damaged item yesterday, order A-9201. The screen is cracked. I'd like a replacement, not a refund."
      And the customer says "thank you! how long will the replacement take?"
      Then the message is read as "thank" and "ask_about:replacement"
      And the agent says "We send you a new one"
      And the agent does not say "pass this to a colleague"

  Rule: Returning another order after an alternative was taken is a request for that order, not a switch

    Scenario: "Can I return another order, B-7654? Bought about 23 days back" after the store credit refunds B-7654
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want to cancel A-1001"
      And the customer says "it's shipped"
      And the customer says "store credit"
      Then the alternative "Store credit" is applied
      When the customer says "Actually yes, can I return another order, B-7654? Bought about 23 days back"
      Then no alternative is applied
      And the agent says "Order B-7654 is within our 30-day window"

  Rule: "Cancel the whole thing" once the order is cancelled is told it is done, and undoes nothing

    Scenario: "Ok then cancel the whole thing" after the cancellation keeps it
      When the customer says "Hello! Quick one: can I cancel my order A-1818?"
      And the customer says "it hasn't shipped"
      Then the request is approved
      When the customer says "ok then cancel the whole thing"
      Then the agent does not say "taken back"
      And the reply matches /(already under way|done already)/

  Rule: Cancelling part of an order is for a colleague; the whole order is cancelled only when asked for

    Scenario: "Can I cancel just part of my order?" is not a cancellation of all of it
      When the customer says "Hello! Quick one: can I cancel just part of my order A-1818?"
      Then the request is still undecided
      And the agent says "colleague"
      When the customer says "ok then cancel the whole thing"
      And the customer says "it hasn't shipped"
      Then the request is approved

    Scenario: "Cancel one of my orders" is a whole order
      When the customer says "cancel one of my orders please, A-4545"
      Then the agent asks for the "dispatched"

    Scenario: "I ordered the same lamp twice (A-1111 and A-1112), could I cancel one of them?" asks which order
      When the customer says "I think I made a mistake, I ordered two of the same lamp (A-1111 and A-1112) and I only need one, could I cancel one of them? They haven't shipped yet I think"
      Then the agent says "Which order would you like me to look at"
      And the request is still undecided
      When the customer says "it was A-1112 I wanted cancelled"
      Then the agent says "Order A-1112 hasn't left our warehouse yet, so I've cancelled it"
      And the agent does not say "A-1111"

    Scenario: "Can I cancel just one item from my order? It hasn't shipped" cancels nothing
      When the customer says "can I cancel just one item from my order A-4545? it hasn't shipped"
      Then the request is still undecided
      And the agent does not say "I've cancelled it"

  Rule: Asking for the request an arranged alternative already gives is told it is done, not done twice

    Scenario: "Yes please refund me" once a lost parcel's full refund is arranged refunds nothing more
      When the customer says "my order A-3232 hasn't come yet, it's been 2 weeks"
      And the customer says "ok can you just cancel it then"
      Then the alternative "Full refund" is applied
      When the customer says "yes please refund me"
      Then the reply decides no request
      And the reply matches /(done|set) already/

  Rule: Asking whether the postage comes back too is a question about the rules

    Scenario Outline: "<message>" once the refund is started is answered with the free returns label
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hi there!! so i ordered some curtains (A-2121) and they're the wrong length, can i send them back? got them last monday"
      Then the request is approved
      When the customer says "<message>"
      Then the agent says "free returns label"
      And the agent does not say "already under way"

      Examples:
        | message                                    |
        | ahh ok, and do i get the postage back too? |
        | will you refund the shipping cost?         |

  Rule: Why the item goes back, or a question of its own, told once it is settled, is not a no

    Scenario: "Sorry!" after changing back to the refund is told not to worry, and the chat stays open
      When the customer says "refund for A-5566 please, the vase inside is cracked, I bought it 3 days ago"
      And the customer says "a new one please"
      And the customer says "wait actually, the refund is better"
      And the customer says "sorry!"
      Then the conversation is in "follow_up"
      And the reply matches /(No problem at all|Don't worry at all|No need to apologise)/
      And the agent does not say "didn't quite catch"

    Scenario: "Sorry for the back and forth" while offers are open asks for nothing and offers them again
      Given the fact "condition" is "never_arrived"
      When the customer says "my parcel A-6602 never came"
      And the customer says "sorry for the back and forth"
      Then the message is not read as "request:refund"
      And the conversation is in "offering_alternatives"
      And the reply matches /(No problem at all|Don't worry at all)/

    Scenario Outline: "<message>" once a refund is started keeps the chat open
      When the customer says "refund A-5151 please, I bought it 2 weeks ago"
      Then the request is approved
      When the customer says "<message>"
      Then the conversation is in "follow_up"

      Examples:
        | message                       |
        | I don't have a printer        |
        | I haven't got the box anymore |

    Scenario: "No receipt though, is that a problem?" once a refund is started keeps the chat open
      When the customer says "I'd like a refund for A-1357, bought about a fortnight ago"
      Then the request is approved
      When the customer says "no receipt though, is that a problem?"
      Then the conversation is in "follow_up"
      And the agent does not say "Glad I could help"

    Scenario: "I just don't like it tbh" once a refund is started is its reason; the chat stays open
      When the customer says "refund for A-1235 please, I bought it last week"
      Then the request is approved
      When the customer says "I just don't like it tbh"
      Then the conversation is in "follow_up"
      And the agent says "anything else"

  Rule: A refund started for one order, welcomed while the agent asks about the next, is not asked for again

    Scenario: "Yes a refund is great" neither queues a second refund nor answers the question about the other order
      When the customer says "first my toaster A-1212 doesnt work anymore, i got it 3 weeks ago. second i want to cancel A-1313 which i ordered yesterday"
      Then the request is approved
      And the agent asks for the "dispatched"
      When the customer says "yes a refund is great"
      Then the message is read as "thank"
      And the conversation is in "listening"
      And the agent asks for the "dispatched"
      When the customer says "no it hasnt shipped"
      Then the agent says "I've cancelled it"
      And the agent does not say "started your refund"

    Scenario Outline: Asking for a refund of the other order as well is still a request
      When the customer says "first my toaster A-1212 doesnt work anymore, i got it 3 weeks ago. second i want to cancel A-1313 which i ordered yesterday"
      And the customer says "<message>"
      Then the message is read as "request:refund"

      Examples:
        | message                                  |
        | a refund would be great for that one too |
        | great, a refund on that one too please   |

  Rule: Trouble with another order, told while an offer is open, is a request of its own

    Scenario: "Also my other order A-3333 arrived broken, can I get a refund for it?" queues that refund
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "also my other order A-3333 arrived broken yesterday, can I get a refund for it?"
      Then the agent says "A-3333"
      And the agent does not say "we'll put it right"
      When the customer says "the credit for the first one then"
      Then the alternative "Store credit" is applied
      And the agent says "For order A-3333, when did you buy it?"

    Scenario: "Neither. Also my other order A-3333 arrived broken" turns the offers down and goes on to that order
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "neither. also my other order A-3333 arrived broken yesterday"
      Then the agent does not say "we'll put it right"
      And the agent says "For order A-3333, when did you buy it?"

  Rule: An alternative asked for with an order of its own is a request of its own

    Scenario: Cancel one order and exchange another: the exchange is not taken for a second cancellation
      When the customer says "cancel A-2323 and exchange A-2525"
      Then the agent says "then the exchange"
      And the agent asks for the "dispatched"
      When the customer says "no it hasn't shipped"
      Then the agent says "I've cancelled it"
      And the agent asks for the "days since purchase"
      When the customer says "3 weeks ago"
      Then the alternative "Exchange" is applied

    Scenario: Three requests in one message are each taken, with their own dates
      When the customer says "Can you cancel A-2323? And refund A-2424 which I bought a week ago? And I also want to exchange A-2525."
      Then the agent says "then a refund for order A-2424, and the exchange for order A-2525"
      When the customer says "A-2323 hasn't shipped"
      Then the agent says "I've cancelled it"
      And the agent says "Order A-2424 is within our 30-day window"
      And no alternative is applied
      And the agent asks for the "days since purchase"
      When the customer says "A-2525 was bought 3 weeks ago"
      Then the alternative "Exchange" is applied

  Rule: Asking for a charge back is not taking the offer of all the money

    Scenario: "Can you refund the delivery fee at least?" with a full refund on offer takes nothing
      When the customer says "my order A-6060 is late, it was meant to arrive on Monday"
      And the customer says "can you refund the delivery fee at least?"
      Then no alternative is applied
      And the conversation is in "offering_alternatives"

  Rule: An alternative turned down can still be taken, by the words that named it

    Scenario Outline: "<message>" after turning the return down takes the return
      When the customer says "Hi I want to cancel A-5656"
      And the customer says "it was shipped yesterday i think"
      And the customer says "no i don't want to return it, i just don't want it"
      And the customer says "<message>"
      Then the alternative "Free return" is applied
      And the agent does not say "Next, a refund"

      Examples:
        | message                     |
        | ok fine return then         |
        | actually I'll do the return |
        | ok the refund then          |

  Rule: A question after an offer is described is about that offer

    Scenario: "How long will it take to arrive?" after the exchange is offered in place of a refund asks about the exchange
      When the customer says "hey my order A-8080 came with the wrong colour, i ordered green and got blue, bought last week"
      And the customer says "what about an exchange?"
      And the customer says "how long will it take to arrive"
      Then the message is read as "ask_about:exchange"
      And the agent does not say "A cancelled order is never charged"

  Rule: A question asked before anything is known is answered while the agent asks for what it needs

    Scenario: Whether the refund covers delivery is answered beside the question for the order number
      When the customer says "hi, i'd like a refund but first, does the refund include the delivery charge?"
      Then the agent asks for the "order_id"
      And the agent says "delivery charge included"

  Rule: An order put right in the same message is the only order

    Scenario Outline: "<message>" cancels only the order put right
      When the customer says "<message>"
      And the customer says "no it hasnt shipped"
      Then the request is approved
      And the agent says "A-5001"
      And the agent does not say "A-5000"

      Examples:
        | message                                              |
        | Cancel A-5000 please. Wait no, not that one, A-5001  |
        | cancel A-5000, sorry I mean A-5001                   |
        | cancel A-5000 no wait A-5001                         |

    Scenario: Two orders listed with "actually" at the end are both cancelled
      When the customer says "cancel A-1111 and A-2222 actually"
      And the customer says "neither has shipped"
      Then the agent says "A-1111"
      And the agent says "A-2222"

  Rule: Which of two orders is picked by a button or by its place

    Scenario: "The second one" to "which order?" picks the second order offered
      When the customer says "I accidentally ordered two of the same jacket, A-7373 and A-7374. can you cancel one"
      Then the quick replies are "A-7373" and "A-7374"
      When the customer says "the second one"
      And the customer says "its not shipped"
      Then the request is approved
      And the agent says "A-7374"
      And the agent does not say "A-7373"

    Scenario: Clicking an order's button picks it
      When the customer says "I accidentally ordered two of the same jacket, A-7373 and A-7374. can you cancel one"
      And the customer clicks "A-7373"
      And the customer says "its not shipped"
      Then the request is approved
      And the agent says "A-7373"

  Rule: An order's item, named later without its number, means that order

    Scenario Outline: "<message>" after two orders were sorted swaps what the trainers' order was given
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I need to return the trainers from order A-4321 (wrong size) and also the jumper from A-4322 has a hole in it"
      And the customer says "both bought last week"
      Then the agent says "order A-4322"
      When the customer says "<message>"
      Then the message gives the fact "order_id" as "A-4321"
      And the agent says "Instead of a refund for order A-4321"
      And the agent does not say "order A-4322"

      Examples:
        | message                                  |
        | can I get the trainers in a 9 instead?   |
        | actually could I swap the trainer for a 9 |

    Scenario Outline: "<message>" after the trainers were swapped is the jumper's refund, already under way
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I need to return the trainers from order A-4321 (wrong size) and also the jumper from A-4322 has a hole in it"
      And the customer says "both bought last week"
      And the customer says "can I get the trainers in a 9 instead?"
      And the customer says "<message>"
      Then the message is not read as "insist"
      And the agent says "a refund for order A-4322 is under way"
      And the agent does not say "has to stay the same"

      Examples:
        | message                     |
        | and a refund for the jumper |
        | and a refund for A-4322     |

    Scenario: An item named for only one order is no pick between orders
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want to return the lamp, order A-1001"
      And the customer says "bought it last week"
      And the customer says "can I swap the lamp for a different one?"
      Then the message gives no fact "order_id"

    Scenario Outline: "<message>" while the other order's offer is open says the mug's refund is under way
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Hi, two things: the mug from A-3434 arrived smashed and also I never got A-3435 at all"
      And the customer says "the 1st of december for both"
      Then the agent says "order A-3434"
      And the conversation is in "offering_alternatives"
      When the customer says "<message>"
      Then the agent says "Order A-3434 is taken care of already: the refund is under way"
      And the agent says "For order A-3435"
      And the conversation is in "offering_alternatives"
      And no alternative is applied

      Examples:
        | message                   |
        | refund for the mug please |
        | what about the mug?       |
        | refund for A-3434 please  |

    Scenario: "A refund for the trainers" while the jumper's date is asked says the trainers' refund is under way
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "the trainers from A-4321 are too small and the jumper from A-4322 has a hole"
      And the customer says "10 days ago"
      Then the agent says "For order A-4322, when did you buy it?"
      When the customer says "a refund for the trainers please"
      Then the agent says "Order A-4321 is taken care of already: the refund is under way"
      And the agent says "for order A-4322, when did you buy it?"
      And the conversation is in "listening"

  Rule: Once a faulty item is sorted, a working one asked for swaps it, and a question about the swap keeps it

    Scenario Outline: "<message>" once a faulty item's refund is started swaps it for a replacement
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "great, another broken product from you lot. A-3939, the toaster. bought 10 days ago"
      Then the request is approved
      When the customer says "<message>"
      Then the alternative "Replacement" is applied
      And the reply matches /(replacement rather than a refund|Instead of a refund, I.ve arranged your replacement)/

      Examples:
        | message                                          |
        | no I don't want a refund I want one that works   |
        | I'd rather have a toaster that actually works    |

    Scenario Outline: "<question>" once a swap for a fault is arranged asks about it, and keeps the swap
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "the headphones (A-5656) only work in one ear. got them on the 25th of november. swap please"
      Then the alternative "Exchange" is applied
      When the customer says "<question>"
      Then the message is read as "ask_about:exchange"
      And the agent says "as soon as yours is on its way back"
      And the agent does not say "cancelled the exchange"

      Examples:
        | question                                                |
        | awesome, and do I need to send the old ones back first? |
        | and do I have to return the broken ones?                |
        | also, how do I send the old pair back?                  |

  Rule: Turning everything down and moving on to another order says the first is left there

    Scenario: "Neither. Also my other order arrived broken" leaves the first before the next
      When the customer says "refund A-1001 bought 45 days ago"
      And the customer says "Neither. Also my other order A-3333 arrived broken, bought 10 days ago"
      Then the reply matches /(leave that one there|we'll leave that one)/
      And the agent says "A-3333"

  Rule: Pressing for a cancellation once the order has left is heard as pressing

    Scenario Outline: "<message>" after a dispatched order's refusal keeps the answer and the offers
      When the customer says "I need to cancel A-3213, it was a duplicate order"
      And the customer says "it shipped this morning unfortunately"
      Then the request is declined
      When the customer says "<message>"
      Then the message is read as "insist"
      And the agent says "free return"
      And the agent does not say "can't help with that"

      Examples:
        | message                  |
        | can't you just stop it?  |
        | can't you just cancel it? |

  Rule: "Actually make that" another request switches to it

    Scenario: "Actually make that a cancellation" while the date is asked for a refund cancels instead
      When the customer says "refund for A-2468 please"
      And the customer says "actually make that a cancellation, it hasn't shipped yet"
      Then the cancellation is approved
      And the agent does not say "then a cancellation"

  Rule: A date said after a question's comma belongs to that question

    Scenario: "Oh and also can I get a refund on A-6666, bought 40 days ago?" asks no other question
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-5555 bought yesterday. oh and also can I get a refund on A-6666, bought 40 days ago?"
      Then the agent says "Order A-5555 is within our 30-day window"
      And the agent says "Order A-6666 was bought 40 days ago"
      And the agent does not say "other question"

  Rule: Undoing what was set up in so many words takes it back, and asks for nothing again

    Scenario Outline: "<message>" once the order is cancelled takes the cancellation back
      When the customer says "cancel A-1212 please"
      And the customer says "no not yet"
      Then the request is approved
      When the customer says "<message>"
      Then the approval of "cancel" is withdrawn
      And the agent does not say "done already"
      And the agent does not say "dispatched"

      Examples:
        | message                                                             |
        | hi again, sorry, can i undo the cancellation? i want it after all   |
        | i've changed my mind, please uncancel it                           |
        | can you reinstate my order please                                  |
        | can you undo that, i want the order after all                      |
        | i changed my mind, i want to keep the order                        |
        | sorry can you uncancel it? my husband says we need it after all    |

    Scenario Outline: "<message>" once a new parcel is set up for a lost order takes the new parcel back
      When the customer says "hello my order A-4680 hasnt come yet, I ordered it 3 weeks ago"
      And the customer says "ok a new one please"
      Then the alternative "Send it again" is applied
      When the customer says "<message>"
      Then the alternative "Send it again" is withdrawn

      Examples:
        | message                                    |
        | actually wait, it just arrived lol, sorry! |
        | oh it's just turned up! sorry              |
        | oh it's arrived now, sorry                 |

    Scenario: "Yes thanks, it just arrived" at the check-in after a new parcel keeps it
      When the customer says "hello my order A-4680 hasnt come yet, I ordered it 3 weeks ago"
      And the customer says "ok a new one please"
      And the customer clicks "That's all, thanks"
      And 24 hours pass
      And the scheduled follow-up is delivered
      And the customer says "yes thanks, it just arrived"
      Then the agent does not say "cancelled"

    Scenario: "The new one arrived, thanks" once a new parcel is set up keeps it
      When the customer says "hello my order A-4680 hasnt come yet, I ordered it 3 weeks ago"
      And the customer says "ok a new one please"
      And the customer says "the new one has arrived now, thanks"
      Then the agent does not say "cancelled"

    Scenario Outline: "<message>" takes the refund back
      Given the customer "Dana" bought order "A-1001" 12 days ago
      When the customer says "refund please"
      Then the request is approved
      When the customer says "<message>"
      Then the approval of "refund" is withdrawn
      And the agent does not say "done already"

      Examples:
        | message                                                  |
        | on second thoughts can you stop the refund, i'll keep it |
        | actually no need for the refund, I'll keep using it      |
        | actually no need to refund me                            |

    Scenario Outline: "<message>" once the exchange is set up withdraws it, and asks about no cancellation
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "ok exchange"
      Then the alternative "Exchange" is applied
      When the customer says "<message>"
      Then the alternative "Exchange" is withdrawn
      And the agent does not say "dispatched"
      And the agent does not say "done already"

      Examples:
        | message                                                             |
        | cancel the exchange please                                          |
        | hmm actually forget it, i'll keep it as it is. cancel the exchange  |

    Scenario Outline: "<message>" once a new parcel is set up stops it, and refunds nothing
      When the customer says "my parcel never turned up, A-2233"
      And the customer says "send it again please"
      Then the alternative "Send it again" is applied
      When the customer says "<message>"
      Then the alternative "Send it again" is withdrawn
      And the alternative "Full refund" is not applied

      Examples:
        | message                                                        |
        | it's arrived now! the first one. please don't send another     |
        | the parcel arrived after all, please cancel the new one        |

  Rule: What is wanted only should the arranged offer fail changes nothing yet

    Scenario Outline: "<message>" once the navy exchange is set up keeps the exchange
      When the customer says "Hi, order Z-3011, bought 2 weeks ago. I'd like to exchange it for a different colour please, the navy one"
      Then the alternative "Exchange" is applied
      When the customer says "<message>"
      Then the reply decides no request
      And the reply does not match /(taken back|cancelled) the exchange/

      Examples:
        | message                                                                     |
        | oh actually, is the navy one in stock? if not I'd rather just have a refund |
        | if they don't have navy, I'd rather have a refund                           |
        | if that's not possible I'd rather have a refund                             |

  Rule: What became of the thing sent is told of it, not another offer taken

    Scenario: "Will the replacement be the same model? the same one leaked" keeps the replacement
      When the customer says "my kettle leaks all over the counter. A-7004, bought it 6 weeks ago"
      And the customer says "replacement"
      Then the alternative "Replacement" is applied
      When the customer says "will the replacement be the same model? the same one leaked"
      Then the alternative "Repair" is not applied

  Rule: An order found to be dispatched after its cancellation takes the cancellation back

    Scenario: "I just checked and there's a tracking email, so it has gone" withdraws the cancellation
      When the customer says "I need to cancel my order A-2400"
      And the customer says "no"
      Then the request is approved
      When the customer says "oh wait, actually I just checked and there's a tracking email, so it has gone"
      Then the approval of "cancel" is withdrawn
      And the agent offers "free return" and "store credit"

  Rule: A purchase date put right after an alternative was taken grants the request when it now can be

    Scenario: "Sorry, I got the date wrong - it was 20 days ago" once the exchange is set up starts the refund
      When the customer says "I want a refund"
      And the customer says "A-1600"
      And the customer says "I bought it 45 days ago"
      And the customer says "exchange"
      Then the alternative "Exchange" is applied
      When the customer says "sorry, I got the date wrong - it was 20 days ago"
      Then the alternative "Exchange" is withdrawn
      And the request is approved

    Scenario: A date put right that still refuses keeps the exchange
      When the customer says "I want a refund"
      And the customer says "A-1600"
      And the customer says "I bought it 45 days ago"
      And the customer says "exchange"
      And the customer says "sorry, I got the date wrong - it was 50 days ago"
      Then the reply decides no request
      And the agent does not say "taken back"

  Rule: Another order asked something of its own in a question is not given the request

    Scenario: "Can I cancel Z-3016? … also, can you add a discount code to my other order Z-3017?" cancels Z-3016 only
      When the customer says "hi can i cancel Z-3016? it hasn't been dispatched. also, can you add a discount code to my other order Z-3017?"
      Then the request is approved
      And the agent does not say "Z-3017"
      When the customer says "no it hasn't"
      Then the reply decides no request

  Rule: The wrong item sent, the customer may have what they ordered in place of the refund

    Scenario Outline: "<message>" after the refund for a wrong item sets up the exchange
      When the customer says "hi my order came today and it's the wrong thing, A-1700"
      Then the request is approved
      When the customer says "<message>"
      Then the alternative "Exchange" is applied
      And the approval of "refund" is withdrawn

      Examples:
        | message                                              |
        | I'd rather have what I ordered than a refund         |
        | can I just get the one I ordered instead?            |
        | I'd rather have the lamp I ordered than a refund tbh |
        | actually can you just send the lamp I ordered        |
        | I'd rather you sent the right one                    |

    Scenario: "No I want a refund, not an exchange" once the refund is started keeps it under way
      When the customer says "I need to return a pair of jeans, order U-1204, I bought them 5 days ago. they're too long"
      Then the request is approved
      When the customer says "no i want a refund not an exchange"
      Then the reply matches /under way/
      And the agent does not say "taken back"

    Scenario: "A 12 please" after the refund for a dress in the wrong size asks whether to swap, and a yes swaps
      When the customer says "hi my order A-7006 came, the dress is lovely but it's the wrong size, i ordered a 12 and got a 10. bought 4 days ago"
      Then the request is approved
      When the customer says "a 12 please"
      Then the agent says "rather have the exchange"
      When the customer says "yes please"
      Then the alternative "Exchange" is applied

  Rule: A request started when the customer was only asking is taken back when they say so

    Scenario Outline: "<message>" once the refund is started takes it back
      When the customer says "Hello, order A-7012. I bought a mattress 20 days ago. Can I return it if its been slept on?"
      Then the request is approved
      When the customer says "<message>"
      Then the approval of "refund" is withdrawn
      And the agent does not say "done already"

      Examples:
        | message                                       |
        | wait i didnt say go ahead, i was just asking  |
        | oh i was just asking, i havent decided yet    |

  Rule: What is kept in so many words, asked about, or wanted only as a fallback is not taken back

    Scenario: "Don't cancel the exchange, I still want it" keeps the exchange
      When the customer says "refund for A-1009 please, bought 40 days ago"
      And the customer says "exchange please"
      And the customer says "don't cancel the exchange, i still want it, just wondering when the label comes"
      Then the agent does not say "is cancelled"
      And the agent does not say "has to stay the same"
      And the reply decides no request

    Scenario Outline: "<message>" once the refund is started keeps it
      When the customer says "refund A-9009 bought 4 days ago"
      Then the request is approved
      When the customer says "<message>"
      Then the agent does not say "taken back"
      And the agent does not say "stopped what I started"

      Examples:
        | message                                                              |
        | no I don't want to stop the refund, just tell me when it will arrive |
        | I was just asking if the refund includes postage                     |

    Scenario Outline: "<message>" once the new parcel is set up keeps it, with nothing started besides
      When the customer says "my parcel A-8004 never came"
      And the customer says "send another please"
      And the customer says "<message>"
      Then the reply decides no request
      And the agent does not say "cancelled the new parcel"

      Examples:
        | message                                                    |
        | if it doesn't come by friday I'd rather have my money back |

    Scenario: "If you can't do a different size, I'd rather have store credit" keeps the exchange
      When the customer says "refund A-8003 bought 40 days ago"
      And the customer says "exchange please"
      And the customer says "if you cant do a different size, I'd rather have store credit"
      Then the alternative "Store credit" is not applied
      And the agent does not say "cancelled the exchange"

  Rule: An order said to be fine or to be left alone gets no request

    Scenario Outline: "<message>" settles only the order asked about
      When the customer says "<message>"
      Then the agent says "Order A-6301 hasn't left our warehouse yet"
      And the agent does not say "A-6302"
      When the customer says "no it hasnt shipped"
      Then the reply decides no request

      Examples:
        | message                                                                                                           |
        | cancel A-6301 please not shipped. I also have A-6302 which arrived fine, I don't want anything done with that one |
        | cancel A-6301 please, it hasn't shipped. A-6302 is a different one I'm happy with                                 |

    Scenario: "Wrong order, I meant A-1301" moves the refund to the order meant, with nothing sent wrong
      When the customer says "refund for A-1300, bought 10 days ago"
      Then the request is approved
      When the customer says "wrong order, I meant A-1301"
      Then the approval of "refund" is withdrawn
      And the agent does not say "wrong item"
      And the agent says "Order A-1301 is within our 30-day window"

  Rule: A month in a question about something else once the refund is started changes nothing

    Scenario: "What's your returns address? and when is the next sale, january?" keeps the refund
      When the customer says "refund A-3106 please bought it 2 weeks ago"
      Then the request is approved
      When the customer says "what's your returns address? and when is the next sale, january?"
      Then the agent does not say "taken back"
      And the agent does not say "stopped what I started"

  Rule: Calling off the offer taken by the words of its request takes that offer back

    Scenario: "Oh it's just turned up! cancel the refund" once the full refund is set up for a lost parcel takes it back
      When the customer says "my order A-2006 never arrived"
      And the customer says "refund please"
      Then the alternative "Full refund" is applied
      When the customer says "oh it's just turned up! cancel the refund"
      Then the alternative "Full refund" is withdrawn

  Rule: A month put right after a refusal is a date to narrow, not a no to the offers

    Scenario: "No, November" after a refusal on "October" asks for a closer date
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-3005, bought it in october"
      Then the request is declined
      When the customer says "no, november"
      Then the conversation is in "listening"
      And the agent says "When did you buy it?"

  Rule: While a request is asked about, "undo that" lets it go, and thanks answer no question

    Scenario: "Oh wait can I undo that actually?" while the dispatch is asked lets the cancellation go
      When the customer says "Cancel A-3030 please, ordered it by mistake 10 mins ago"
      And the customer says "great thanks! oh wait can I undo that actually? my partner wants it"
      Then the transition "listening -> listening [drop_request]" was taken
      And the agent does not say "dispatched"

    Scenario: "Perfect, thank you" to "has your order been dispatched?" answers nothing
      When the customer says "Cancel A-3030 please"
      And the customer says "perfect, thank you"
      Then the reply decides no request
      And the agent does not say "already left our warehouse"

  Rule: An order put right or a request switched in the first message keeps only what is meant now

    Scenario Outline: "<message>" asks the refund for the order put right, and lets nothing go
      When the customer says "<message>"
      Then the request "refund" is decided as "approved"
      And the agent says "Order A-4445"
      And the agent does not say "A-4444"

      Examples:
        | message                                                            |
        | Can I return A-4444? bought it 10 days ago. no wait i meant A-4445 |
        | Refund for A-4444 please, sorry I mean A-4445, got it last week    |

    Scenario: A refund taken back for another order's cancellation asks only after that order
      When the customer says "Refund A-1111 please, bought 5 days ago. Actually forget it, cancel A-2222 instead"
      Then the request is still undecided
      And the agent asks for the "dispatched"
      And the agent does not say "A-1111"
      When the customer says "no it hasn't shipped"
      Then the cancellation is approved
      And the agent says "A-2222"
      And the agent does not say "A-1111"

    Scenario Outline: "<message>" takes the date put right and keeps the refund
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the request "refund" is decided as "<decision>"
      And the agent says "<said>"

      Examples:
        | message                                                                                            | decision | said         |
        | I want a refund for A-2468, I bought it on the 2nd of December, no wait, it was the 2nd of October | declined | 62 days ago  |
        | refund please for A-2468, bought it 3 days ago. no wait, it was 3 weeks ago actually               | approved | A-2468       |
        | refund for A-2468 please, got it yesterday. oh wait no, it was 40 days ago                         | declined | 40 days ago  |

    Scenario Outline: "<message>" lets the refund go, whatever the time said beside it
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want a refund for A-1234, bought 5 days ago"
      And the customer says "<message>"
      Then the approval of "refund" is withdrawn

      Examples:
        | message                                                                                         |
        | no wait, forget the refund, I've decided to keep it, it's only been 5 days and it's grown on me |

    Scenario: "Scratch that, I'll wait 2 weeks and see" in the first message asks for nothing
      When the customer says "I'd like a refund on A-1234, bought it 6 days ago. scratch that, I'll wait 2 weeks and see"
      Then the reply decides no request

  Rule: "Undo that" after swapping a refund started for an offer goes back to the refund

    Scenario Outline: "<message>" after swapping a refund started for store credit goes back to the refund
      Given the customer "Dana" bought order "A-8002" 12 days ago
      When the customer says "refund for A-8002 please"
      Then the request is approved
      When the customer says "can I have store credit instead?"
      Then the alternative "Store credit" is applied
      When the customer says "<message>"
      Then the alternative "Store credit" is withdrawn
      And the request is approved
      And the conversation is in "follow_up"

      Examples:
        | message                                            |
        | no, undo that please                               |
        | can you undo that?                                 |
        | actually can I undo that and just get the refund?  |

  Rule: An item told apart by its colour is not the colour wished for

    Scenario: "The blue one (A-1618) is too small and I want to return it" asks the refund, not an exchange
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Hi, I ordered two jumpers, A-1618 and A-1619, about 10 days ago. The blue one (A-1618) is too small and I want to return it, and A-1619 hasn't arrived yet."
      Then the agent says "Order A-1618 is within our 30-day window, so I've started your refund"
      And the agent does not say "exchange"
      And the agent offers "new parcel" and "full refund"

    Scenario: "The green one would suit me better for A-1822" is the colour wished for
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I have two orders A-1822 and A-1823 from 40 days ago. The green one would suit me better for A-1822, and A-1823 hasn't come."
      Then the agent says "exchange for order A-1822"
