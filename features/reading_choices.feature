Feature: Reading what the customer chooses
  Customers answer an offer the way people talk: a choice wrapped in thanks and a goodbye, a word
  that is close enough, "the second one", a question before deciding. The agent reads everything a
  message does, and lets the part that matters win: a choice outweighs the thanks around it, and a
  question about an offer is never taken as a yes.

  Background:
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago

  Rule: When one message does several things, the right one wins

    Scenario: A choice with thanks is a choice, not a goodbye
      When the customer says "I want a refund"
      And the customer says "Credit is fine, thanks a lot"
      Then the message is read as "choose:store_credit" and "thank"
      And the alternative "Store credit" is applied
      And the conversation is in "follow_up"
      And the agent does not say "you're welcome"

    Scenario: A choice followed by a goodbye is set up before the customer goes
      When the customer says "I want a refund"
      And the customer says "Store credit sounds good, thank you so much, goodbye"
      Then the message is read as "choose:store_credit", "thank" and "goodbye"
      And the alternative "Store credit" is applied
      And a follow-up is scheduled in 24 hours

    Scenario: Thanks that come before the choice do not hide it
      When the customer says "I want a refund"
      And the customer says "Thanks, I will go with the exchange"
      Then the message is read as "thank" and "choose:exchange"
      And the alternative "Exchange" is applied

    Scenario: Turning one offer down and taking the other in the same breath
      When the customer says "I want a refund"
      And the customer says "I don't want credit, but an exchange would be fine, thanks"
      Then the message is read as "reject:store_credit", "choose:exchange" and "thank"
      And the alternative "Exchange" is applied
      And the alternative "Store credit" is not applied

    Scenario: "No thanks, bye" turns the offer down; the thanks in it is only polite
      When the customer says "I want a refund"
      And the customer says "No thanks, bye"
      Then the message is read as "reject:all" and "goodbye"
      And the conversation is closed with outcome "declined"
      And the agent does not say "you're welcome"

    Scenario: A yes with a goodbye, while two things are on offer, gets a question, not a close
      When the customer says "I want a refund"
      And the customer says "That works, thanks. Bye!"
      Then the message is read as "choose:?", "thank" and "goodbye"
      And the transitions taken were "which_one"
      And the agent says "the store credit, or the exchange?"
      And the conversation is still open

    Scenario: Taking the goodwill offer with thanks and a goodbye takes it
      Given the customer is a "gold" member
      When the customer says "I want a refund"
      And the customer turns the offer down
      And the customer says "Yes please, thanks so much, bye"
      Then the message is read as "choose:compensation", "thank" and "goodbye"
      And compensation is issued

    Scenario: A complaint and a request in the first message: the request is answered
      When the customer says "What the hell, I want a refund"
      Then the message is read as "complain" and "request:refund"
      And the agent acknowledges the customer's frustration
      And the agent explains the reason

  Rule: Choices come in the customer's own words

    Scenario: A misspelt synonym still names the offer
      When the customer says "I want a refund"
      And the customer says "the vouchr please"
      Then the message is read as "choose:store_credit"
      And the alternative "Store credit" is applied

    Scenario: "The second one" is the second offer, in the order the agent said them
      When the customer says "I want a refund"
      And the customer says "the second one"
      Then the message is read as "choose:exchange"
      And the alternative "Exchange" is applied

    Scenario: Ruling one offer out and naming another takes the one named
      When the customer says "I want a refund"
      And the customer says "not the swap — credit please"
      Then the message is read as "reject:exchange" and "choose:store_credit"
      And the alternative "Store credit" is applied

    Scenario: "Yes please" with two offers open gets asked which one, and the answer settles it
      When the customer says "I want a refund"
      And the customer says "yes please"
      Then the message is read as "choose:?"
      And no alternative is applied
      And the agent says "the store credit, or the exchange?"
      And the quick replies are "Store credit", "Exchange" and "No, thanks"
      When the customer says "the first one"
      Then the alternative "Store credit" is applied

    Scenario: "Yes please" with one offer left takes that one
      When the customer says "I want a refund"
      And the customer says "not the exchange"
      And the customer says "yes please"
      Then the message is read as "choose:store_credit"
      And the alternative "Store credit" is applied

    Scenario: A typo in the name of the offer is forgiven
      When the customer says "I want a refund"
      And the customer says "exhcange"
      Then the alternative "Exchange" is applied

    Scenario: Another word for the same offer
      When the customer says "I want a refund"
      And the customer says "gift card is fine"
      Then the message is read as "choose:store_credit"
      And the alternative "Store credit" is applied

    Scenario: "The first option" when a faulty item gets a replacement or a repair
      When the customer says "I want a refund, it stopped working after a few weeks"
      And the customer says "the first option"
      Then the alternative "Replacement" is applied

  Rule: A question about an offer is not choosing it

    Scenario: Asking how the exchange works gets the details; choosing comes after
      When the customer says "I want a refund"
      And the customer says "How does the exchange work, who pays the postage?"
      Then the message is read as "ask_about:exchange"
      And no alternative is applied
      And the agent says "postage costs you nothing"
      And the agent says "Would you like the exchange?"
      When the customer says "ok, the exchange then"
      Then the alternative "Exchange" is applied

    Scenario Outline: "<question>" asks about the offer, with "can I" inside a question word
      When the customer says "I want a refund"
      And the customer says "<question>"
      Then the message is read as "ask_about:<offer>"
      And no alternative is applied

      Examples:
        | question                                | offer        |
        | when can I get the exchange?            | exchange     |
        | how soon can I have the exchange?       | exchange     |
        | how long can I use the store credit for? | store_credit |

    Scenario: A question that names no offer is about the one whose details answer it
      When the customer says "I want a refund"
      And the customer says "would I have to pay the postage?"
      Then the message is read as "ask_about:exchange"
      And no alternative is applied
      And the agent says "postage costs you nothing"

    Scenario: After a choice, a question that names no offer is about the choice
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want to cancel my order"
      And the customer says "yes it's been dispatched"
      And the customer says "the free return please"
      And the customer says "will I have to pay anything?"
      Then the message is read as "ask_about:free_return"

    Scenario: One offer named beside "the same one" is asked about, and "do it" then takes it
      When the customer says "I want a refund"
      And the customer says "the exchange sounds good but can I get a different model instead of the same one?"
      Then the message's acts are "ask_about:exchange"
      And the agent says "You choose the size, colour or item"
      When the customer says "ok great do it"
      Then the alternative "Exchange" is applied

    Scenario: Asking what most people pick compares the offers
      When the customer says "I want a refund"
      And the customer says "I don't know, what do most people pick?"
      Then the message is read as "ask_about:all"
      And the agent says "Store credit:"
      And the agent says "Exchange:"

    Scenario: Asked which to pick after both were described, the agent leaves the choice with the customer
      When the customer says "I want a refund"
      And the customer says "what's better, credit or exchange?"
      And the customer says "which one would you pick?"
      Then the agent says "the choice is yours"
      And the agent does not say "Those are both of the options"
      And the agent says "the store credit, or the exchange?"

    Scenario: Asking where the credit can be spent keeps both offers open
      When the customer says "I want a refund"
      And the customer says "Can I use the credit in your shops?"
      Then the message is read as "ask_about:store_credit"
      And the agent says "in any of our shops"
      And the quick replies are "Store credit", "Exchange" and "No, thanks"
      And the reply decides no request

    Scenario: "Is the exchange free?" is a question, not a yes
      When the customer says "I want a refund"
      And the customer says "is the exchange free?"
      Then the message is not read as "choose"
      And the transitions taken were "answer_about"
      And no alternative is applied

    Scenario: Asking how long a repair takes
      When the customer says "I want a refund, it stopped working after a few weeks"
      And the customer says "how long does a repair take?"
      Then the message is read as "ask_about:repair"
      And the agent says "within 14 days"
      And the conversation is in "offering_alternatives"

    Scenario: Asking what the goodwill discount is does not accept it
      Given the customer is a "gold" member
      When the customer says "I want a refund"
      And the customer turns the offer down
      And the customer says "what is the discount exactly?"
      Then the message is read as "ask_about:compensation"
      And the agent says "a 15% discount on your next order"
      And no compensation has been issued
      And the conversation is in "compensation"

    Scenario: Asking how a free return works, after a cancellation is declined
      Given the customer "Lee" ordered "B-2002", which has already been dispatched
      When the customer says "Please cancel my order"
      And the customer says "how does the free return work?"
      Then the message is read as "ask_about:free_return"
      And the agent says "drop it at any post office"
      And the quick replies are "Free return", "Store credit" and "No, thanks"
      When the customer says "ok do that"
      Then the alternative "Free return" is applied

    Scenario: "The refund please" after a shipped order's cancellation is declined takes the free return
      Given the customer "Lee" ordered "B-2002", which has already been dispatched
      When the customer says "Please cancel my order, my son ordered it without asking"
      And the customer says "the refund please"
      Then the message is read as "choose:free_return"
      And the alternative "Free return" is applied
      And the agent does not say "I'll look at a refund next"

    Scenario: "Yes cancel" to a new parcel or a full refund for a parcel that never came takes the refund
      When the customer says "my order A-7171 was supposed to come on tuesday and it's now friday, where is it?? i want to cancel"
      Then the agent offers "Send it again" and "Full refund"
      When the customer says "yes cancel"
      Then the alternative "Full refund" is applied
      And the agent does not say "has to stay the same"

    Scenario: "Oh ok. Can I just not accept the delivery?" acknowledges and asks; it takes nothing
      Given the customer "Lee" ordered "B-2002", which has already been dispatched
      When the customer says "Please cancel my order"
      And the customer says "oh ok. can I just not accept the delivery?"
      Then no alternative is applied
      And the message is not read as "choose"
      And the agent does not say "Happy to"

    Scenario: "A new kettle please" to a replacement or a repair takes the replacement
      Given it is 2026-12-04 11:00 in the policy's time zone
      When the customer says "my kettle broke, bought it 4 months ago, A-7979"
      Then the agent offers "Replacement" and "Repair"
      When the customer says "a new kettle please"
      Then the alternative "Replacement" is applied

    Scenario: Naming the voucher and then asking what it is worth asks about it
      When the customer says "I want a refund"
      And the customer says "um, the voucher thing, how much is it worth?"
      Then the message is read as "ask_about:store_credit"
      And no alternative is applied
      When the customer says "and can I use it online?"
      Then the message is read as "ask_about:store_credit"
      And no alternative is applied
      When the customer says "the credit, can I have that?"
      Then the alternative "Store credit" is applied

    Scenario: The exchange, then a question about colours, is still a question
      When the customer says "I want a refund"
      And the customer says "hmm ok, and the exchange - can I pick a different colour?"
      Then the message is read as "ask_about:exchange"
      And no alternative is applied
      And the conversation is in "offering_alternatives"

    Scenario: "Is the exchange any better? Can I swap for a totally different item?" still weighs the exchange
      When the customer says "I want a refund"
      And the customer says "is the exchange any better? can I swap for a totally different item?"
      Then the message is read as "ask_about:exchange"
      And no alternative is applied

  Rule: An offer asked about beside the request is the one "it" means next

    Scenario: "And how does store credit work?" beside the refund, then "ok I'll take it", takes the credit
      When the customer says "I want a refund please. and how does store credit work?"
      Then the request is declined
      And the agent says "You can spend it online"
      When the customer says "ok I'll take it"
      Then the alternative "Store credit" is applied

  Rule: A word of an offer's name that begins the name of something else names no offer

    Scenario Outline: "<message>" while the offers are open asks about none of them
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the message is not read as "ask_about:store_credit"
      And the message is not read as "ask_about:exchange"
      And the message is not read as "choose:store_credit"
      And the conversation is in "offering_alternatives"

      Examples:
        | message                             |
        | can I pay with a credit card?       |
        | do you sell replacement bulbs?      |
        | what's the exchange rate for euros? |
        | can I get a replacement cover?      |

    Scenario Outline: "<message>" asks what the exchange covers, which a compound name would have hidden
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund for A-1001"
      And the customer says "<message>"
      Then the message is read as "ask_about:exchange"
      And the agent says "You choose the size, colour or item"

      Examples:
        | message                                               |
        | and does the exchange cover a different product entirely? |
        | what does the exchange cover?                         |

  Rule: Weighing the offers is not choosing them

    Scenario: "The exchange sounds better, but can I pick something cheaper?" is answered before anything is set up
      When the customer says "I want a refund"
      And the customer says "the exchange sounds better, but can I pick something cheaper?"
      Then the message is read as "ask_about:exchange"
      And no alternative is applied
      When the customer says "ok fine, exchange"
      Then the alternative "Exchange" is applied

    Scenario Outline: "<message>" is told it is one or the other, and asked which
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then no alternative is applied
      And the reply matches /(one or the other|one of them)/
      And the agent says "store credit, or the exchange"

      Examples:
        | message            |
        | can I have both?   |
        | I want all of them |
        | could I do half credit half exchange? |
        | can I split it between the two?       |

    Scenario: Naming both offers and asking which to pick chooses neither
      When the customer says "I want a refund"
      And the customer says "credit or exchange... hmm. which would you pick?"
      Then the message is read as "ask_about:store_credit" and "ask_about:exchange"
      And no alternative is applied
      And the conversation is in "offering_alternatives"

    Scenario: "Credit or exchange, I can't decide" asks about both
      When the customer says "I want a refund"
      And the customer says "credit or exchange, I can't decide"
      Then the message is not read as "choose:exchange"
      And no alternative is applied
      And the agent says "store credit"
      And the agent says "exchange"

    Scenario: A grudging "ok fine" before asking what the options are takes nothing
      When the customer says "I want a refund"
      And the customer says "ok fine what are my options"
      Then the message is read as "ask_about:all"
      And no alternative is applied

    Scenario: Asking leave to do something else is not a refusal of the offers
      Given the customer "Lee" ordered "B-2002", which has already been dispatched
      When the customer says "I'd like to cancel my order"
      And the customer says "can't I just refuse the delivery?"
      Then the message is not read as "reject:all"
      And the conversation is in "offering_alternatives"

    Scenario Outline: "<message>" takes in the refusal and asks for something else, taking no offer
      Given the customer "Lee" ordered "B-2002", which has already been dispatched
      When the customer says "I'd like to cancel my order"
      And the customer says "<message>"
      Then no alternative is applied
      And the agent does not say "Which one shall I set up"
      And the agent does not say "do you mean"
      And the conversation is in "offering_alternatives"

      Examples:
        | message                                           |
        | Hmm ok, can you stop it with the courier?         |
        | ok but can i just refuse it at the door instead?  |

    Scenario Outline: "<message>" asks for the offer it names, and turns none down
      When the customer says "<opening>"
      And the customer says "<message>"
      Then the message is not read as "reject:store_credit"
      And the message is not read as "reject:resend"

      Examples:
        | opening                                        | message                                                 |
        | I want a refund for A-5028, bought 40 days ago | can you just drop the store credit on my account please |
        | my order A-5029 never arrived                  | can you drop a new one in the post for me?              |

    Scenario Outline: "<message>" takes the first offer named, the second only its fallback
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "my kettle A-2201 started leaking, bought it on the 2nd of November"
      And the customer says "<message>"
      Then the alternative "Replacement" is applied

      Examples:
        | message                                           |
        | yeah can i get a replacement or at least a repair |
        | a replacement please, or else a repair            |

  Rule: After a choice, the customer can change it and ask about it

    Scenario: "Hmm actually, what's the difference again?" after a choice compares, and changes nothing
      When the customer says "I want a refund"
      And the customer says "exchange"
      And the customer says "wait no, store credit"
      And the customer says "hmm actually, what's the difference again?"
      Then the message is read as "ask_about:all"
      And the agent does not say "not something I can answer"
      And the conversation is in "follow_up"

    Scenario: "Can I change that to credit?" swaps the exchange for the credit
      When the customer says "I want a refund"
      And the customer says "ok then the exchange"
      And the customer says "actually wait, can I change that to credit?"
      Then the alternative "Store credit" is applied in place of "Exchange"

    Scenario: "How long does it take?" after choosing a repair asks about the repair
      When the customer says "my kettle from order A-2209 stopped working, I bought it 2 months ago"
      And the customer says "repair please"
      And the customer says "how long does it take?"
      Then the message is read as "ask_about:repair"
      And the agent says "14 days"
      And the agent does not say "law"

    Scenario: "Actually no, can I have the repair instead? I like this one" swaps, with no other question
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Bought a dress for a wedding (A-2345) on 28 Oct, wore it once, zip broke. Can I get a refund or at least a new zip?"
      And the customer says "ok the replacement is fine"
      And the customer says "actually no, can I have the repair instead? I like this one"
      Then the alternative "Repair" is applied in place of "Replacement"
      And the agent does not say "other question"

    Scenario: "Just send another one" takes the new parcel
      When the customer says "my parcel A-2210 never showed up, can you cancel it"
      And the customer says "just send another one"
      Then the alternative "Send it again" is applied

  Rule: "What about" an offer, however it is typed, asks about it

    Scenario: "wat about a voucher" is described, not arranged
      When the customer says "I want a refund"
      And the customer says "wat about a voucher"
      Then the message is read as "ask_about:store_credit"
      And no alternative is applied
      And the agent says "for a whole year"


  Rule: Turning offers down and asking about them in everyday words

    Scenario: "Both sound bad" turns both down; it takes neither
      When the customer says "I want a refund"
      And the customer says "store credit and the exchange both sound bad"
      Then no alternative is applied
      And the message is not read as "choose:exchange"

    Scenario: An alternative ruled out with the request is not offered, and is no question
      When the customer says "refund please. don't give me store credit, I don't want it"
      Then the message is read as "request:refund" and "reject:store_credit"
      And the agent offers "exchange"
      And the agent does not say "store credit"
      And the agent does not say "other question"

    Scenario: "No vouchers please" with the request leaves the exchange on offer
      When the customer says "refund for A-1001 please, no vouchers"
      Then the agent offers "exchange"
      And the agent does not say "store credit"

    Scenario: Saying up front that neither alternative is wanted takes neither
      When the customer says "I want a refund for order A-1001 and I don't want store credit or an exchange"
      Then no alternative is applied
      And the agent offers "store credit" and "exchange"

    Scenario: "Hmm neither really suits me tbh" turns both down
      When the customer says "I want a refund"
      And the customer says "hmm neither really suits me tbh"
      Then the message is read as "reject:all"

    Scenario: "What were my options again?" lists them
      When the customer says "I want a refund"
      And the customer says "ok whatever, what were my options again?"
      Then the message is read as "ask_about:all"
      And the agent says "Exchange:"

    Scenario: "What's your name?" is answered, not called something the agent cannot help with
      When the customer says "I want a refund"
      And the customer says "what's your name?"
      Then the message is read as "ask_bot"
      And the agent says "Sam"

    Scenario: "Wait, actually, how long is the credit good for?" is answered with how long
      When the customer says "I want a refund"
      And the customer says "what's the difference?"
      And the customer says "the credit then"
      And the customer says "wait actually how long is the credit good for?"
      Then the agent says "for a whole year"

    Scenario: Thanks with a question the agent cannot answer does not end the conversation
      When the customer says "I want a refund"
      And the customer says "credit please"
      And the customer says "thank you!! also can I change my delivery address for another order?"
      Then the conversation is still open
      And the reply matches /(can't help with that one|not something I can help with) from here/

  Rule: Asking for part of the request is not a choice

    Scenario: "Can I get half the refund and half credit?" takes no credit
      When the customer says "I want a refund"
      And the customer says "can I get half the refund and half credit?"
      Then no alternative is applied
      And the message is read as "insist"
      And the conversation is in "offering_alternatives"

    Scenario: "I'd prefer not to wait for a repair, can you just send new ones?" takes the replacement
      When the customer says "Good morning! I purchased a pair of trainers from you around six weeks ago and they've started to come apart at the sole. I'd like a refund please."
      Then the agent offers "Replacement" and "Repair"
      When the customer says "I'd prefer not to wait for a repair, can you just send new ones?"
      Then the alternative "Replacement" is applied

  Rule: A question about how it goes beside a choice is not a call for a person

    Scenario: "The replacement please. Will someone call him to arrange it?" takes the replacement
      Given the customer "Dana" bought order "A-3456" 35 days ago
      And the fact "condition" is "faulty"
      When the customer says "my dad's heater stopped working"
      And the customer says "thank you, the replacement please. Will someone call him to arrange it?"
      Then the alternative "Replacement" is applied
      And the agent does not hand over to a person

    Scenario: "Can someone call me instead?" still asks for a person
      When the customer says "I want a refund"
      And the customer says "can someone call me instead"
      Then the message is read as "ask_human"

  Rule: Leaving the choice to the agent

    Scenario: "I don't mind which" takes the first offer, and does not turn both down
      When the customer says "I want a refund"
      And the customer says "I don't mind which"
      Then the alternative "Store credit" is applied
      And the conversation is still open
      And the agent does not say "sorry I couldn't do more"

    Scenario: "Honestly, up to you" for a lost parcel sends it again
      Given the fact "condition" is "never_arrived"
      When the customer says "my parcel never came"
      And the customer says "honestly, up to you"
      Then the alternative "Send it again" is applied

    Scenario: "Whichever is quicker" compares the offers before anything is taken
      When the customer says "I want a refund"
      And the customer says "whichever is quicker"
      Then no alternative is applied
      And the agent says "Would you like the store credit, or the exchange?"

    Scenario: "I don't want either" still turns both down
      When the customer says "I want a refund"
      And the customer says "I don't want either"
      Then no alternative is applied

  Rule: An offer dismissed as pointless is turned down, and thanks with "that's all" is leaving

    Scenario: "What's the point of store credit?" turns the credit down and keeps the exchange
      When the customer says "I want a refund"
      And the customer says "what's the point of store credit, I'll never shop here again after this"
      Then the message is read as "reject:store_credit" and "complain"
      And no alternative is applied
      And the agent offers "exchange"
      And the agent does not say "No problem"
      And the agent does not say "Shall I go ahead with the store credit"

    Scenario: "What good is a voucher to me" turns the credit down too
      When the customer says "I want a refund"
      And the customer says "what good is a voucher to me"
      Then the message is read as "reject:store_credit"

    Scenario: "Ok thanks, that's all" to the offers ends the chat and takes nothing
      When the customer says "I want a refund"
      And the customer says "ok thanks, that's all"
      Then no alternative is applied
      And the agent does not say "Just to check, do you mean"
      And the conversation is closed

    Scenario: "Want a replacement" without an "I" asks for the replacement
      Given the fact "condition" is "faulty"
      When the customer says "it stopped working, want a replacement"
      Then the message is read as "provide:condition" and "choose:replacement"

    Scenario: "Size L" for a coat that is too small asks for the exchange
      When the customer says "I want a refund, the coat is too small"
      And the customer says "size L"
      Then the message is read as "choose:exchange"
      And the alternative "Exchange" is applied

  Rule: "Actually wait" before a question holds a choice back

    Scenario: "Ok the credit. Actually wait, can I split it?" answers first and applies nothing
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "ok the credit. actually wait, can I split it? half credit half exchange?"
      Then no alternative is applied
      And the conversation is in "offering_alternatives"

  Rule: A no to the one offer just described turns down only that one

    Scenario: "No, I don't want that" after the store credit is described still offers the exchange
      When the customer says "I want a refund for A-1001, I don't like it"
      And the customer says "what is the store credit?"
      And the customer says "no, I don't want that"
      Then the message is read as "reject:store_credit"
      And the agent says "exchange"
      And the conversation is in "offering_alternatives"
      When the customer says "no"
      Then no alternative is applied
      And the agent does not say "Would the exchange"

  Rule: A question right after an offer was described asks about that offer

    Scenario: "Do I have to pay for shipping?" after the exchange is described is answered from its details
      When the customer says "I want a refund for A-1001, I don't like it"
      And the customer says "what would the exchange involve?"
      And the customer says "do I have to pay for shipping?"
      Then the message is read as "ask_about:exchange"
      And the agent says "postage costs you nothing"
      And no alternative is applied

  Rule: An offer named and then turned down in the next breath is refused

    Scenario Outline: "<message>" turns the store credit down and sets nothing up
      When the customer says "I want a refund for A-1001, I don't like it"
      And the customer says "<message>"
      Then the message is read as "reject:store_credit"
      And no alternative is applied
      And the agent says "exchange"

      Examples:
        | message                             |
        | yeah right, store credit. no thanks |
        | store credit? no thanks             |

  Rule: Half of one offer and half of another is asked which, not the last one named taken

    Scenario: "Can I get half credit and half exchange?" asks which one to set up
      When the customer says "I want a refund for A-1001, I don't like it"
      And the customer says "can I get half credit and half exchange?"
      Then no alternative is applied
      And the reply matches /(Which would you like|Which would you prefer|do you mean the store credit, or the exchange)/

    Scenario Outline: "<message>" asks for two at once, and hears it is one or the other
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the message is read as "choose:?"
      And no alternative is applied
      And the reply matches /(one or the other|only set up one of them|one of them)/

      Examples:
        | message                                              |
        | can I get the exchange and also some store credit?   |
        | store credit as well as the exchange please          |

  Rule: What came of looking, or why the item goes back, is not a no

    Scenario: "No it's not here" after the offers for a parcel due yesterday keeps them open
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "my order A-5555 was supposed to be here yesterday"
      Then the agent offers "Send it again" and "Full refund"
      And the message gives no fact "days_since_purchase"
      When the customer says "no it's not here"
      Then the conversation is in "offering_alternatives"

    Scenario: "I checked with the neighbours, nothing" after a lost parcel's offers asks again, it turns nothing down
      Given the fact "condition" is "never_arrived"
      When the customer says "my parcel never came"
      And the customer says "i checked with the neighbours, nothing"
      Then no alternative is applied
      And the conversation is in "offering_alternatives"
      And the agent does not say "couldn't do more"
      When the customer says "a refund please"
      Then the alternative "Full refund" is applied

    Scenario: "No, nothing thanks" after a lost parcel's offers still turns them down
      Given the fact "condition" is "never_arrived"
      When the customer says "my parcel never came"
      And the customer says "no, nothing thanks"
      Then the conversation is closed

    Scenario: "Fine, store credit. How long is it valid for?" takes the credit and answers
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Need to return a jacket, order A-6612, it's too big. Got it on the 20th Oct"
      Then the conversation is in "offering_alternatives"
      When the customer says "fine, store credit. how long is it valid for?"
      Then the alternative "Store credit" is applied
      And the agent says "for a whole year"

  Rule: An offer brought up with "what about" and asked about is weighed, not taken

    Scenario: "What about the exchange, can I swap for a different brand?" is answered, and the exchange waits
      When the customer says "I want a refund"
      And the customer says "hmm, what about the exchange, can I swap for a different brand?"
      Then the message is read as "ask_about:exchange"
      And no alternative is applied
      When the customer says "ok let's do the exchange"
      Then the alternative "Exchange" is applied

  Rule: Of two offers with neither named, "the other one" is the one said second

    Scenario: "Definitely not the other one" turns the exchange down and keeps the credit
      When the customer says "I want a refund"
      And the customer says "definitely not the other one"
      Then the message is read as "reject:exchange"
      And the conversation is in "offering_alternatives"
      And the agent offers "store credit"

  Rule: Asking what else there is, with everything on offer, is told these are the options

    Scenario Outline: "<message>" hears that the options described are all there is
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the reply matches /(These are the options|these are what I have)/
      And the agent says "Store credit"
      And the agent says "Exchange"
      And no alternative is applied

      Examples:
        | message                              |
        | hmm neither. what else have you got  |
        | what other options are there?        |
        | and if I don't want credit or exchange? |
        | what happens if I don't want the credit? |

    Scenario: A question about one option is not told it is all there is
      When the customer says "I want a refund"
      And the customer says "how does the exchange work?"
      Then the agent does not say "These are the options"

  Rule: Two offers joined by "or" are weighed, or left to the agent

    Scenario Outline: "<message>" wants either, so the agent asks which
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the message is read as "choose:?"
      And the transitions taken were "which_one"
      And no alternative is applied

      Examples:
        | message                              |
        | I'd like the credit or the exchange  |
        | credit or exchange, whichever        |
        | exchange or credit please            |
        | store credit or a swap, I don't mind |

    Scenario Outline: "<message>" weighs the two, and each is described
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the message is read as "ask_about:store_credit" and "ask_about:exchange"
      And no alternative is applied

      Examples:
        | message                              |
        | credit or exchange?                  |
        | credit or exchange, I can't decide   |

  Rule: Waiting it out takes nothing on offer

    Scenario Outline: "<message>" to the offers for a parcel that has not come closes politely
      When the customer says "my parcel A-5151 still hasn't arrived, it was due on Monday"
      Then the agent offers "Send it again" and "Full refund"
      When the customer says "<message>"
      Then no alternative is applied
      And the conversation is closed
      And the agent does not say "Would you like"

      Examples:
        | message                                |
        | I'll wait a bit longer then            |
        | ok I'll give it a few more days        |
        | thanks, I'll wait and see              |

    Scenario Outline: "<message>" to two offers takes neither and asks no question about them
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then no alternative is applied
      And the conversation is in "offering_alternatives"
      And the agent does not say "do you mean"

      Examples:
        | message                       |
        | fine. I'll think about it     |
        | ok, let me have a think       |

  Rule: A colour or size wanted names the exchange

    Scenario: "I still want navy please" after a wrong colour arranges the exchange in navy
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "my order A-6060 came with the wrong colour, I ordered navy and got black. I still want navy please"
      Then the alternative "Exchange" is applied
      And the agent says "navy"

  Rule: Going without the item while what was arranged runs its course is a question about that

    Scenario Outline: "<question>" after the repair is arranged is answered from the repair
      When the customer says "the leg of my sofa A-1001 is wobbly, what are my options?"
      And the customer says "repair"
      And the customer says "<question>"
      Then the message is read as "ask_about:repair"
      And the agent says "within 14 days"
      And the agent does not say "put it more simply"

      Examples:
        | question                                  |
        | how long will I be without a sofa?        |
        | how long will I be without my sofa then?  |

  Rule: A thing of an offer's name told of as had before is not a choice

    Scenario Outline: "<message>" to the offers chooses nothing
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then no alternative is applied
      And the conversation is in "offering_alternatives"

      Examples:
        | message                                          |
        | the last one I exchanged took ages               |
        | my sister got store credit from you and hated it |

    Scenario: "The last one seems to have got lost" about a parcel that never came chooses nothing
      When the customer says "my parcel A-9300 never came, I ordered it on the 20th"
      And the customer says "the last one seems to have got lost"
      Then no alternative is applied

    Scenario: "My neighbour got a new one from you and it was fine" while a replacement is offered chooses nothing
      When the customer says "the kettle I bought has stopped heating, order A-5057, bought 50 days ago"
      And the customer says "my neighbour got a new one from you and it was fine"
      Then no alternative is applied

    Scenario Outline: "<message>" still takes the offer named
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the alternative "<offer>" is applied

      Examples:
        | message                                                                | offer        |
        | the exchange seems like the better option, yes                         | Exchange     |
        | my sister got store credit from you and loved it, so I'll go with that | Store credit |
        | I've had store credit before. Fine, I'll take it                       | Store credit |

  Rule: Taking a refusal in is not choosing an offer

    Scenario Outline: "<words>" to two offers chooses neither
      When the customer says "I want a refund"
      And the customer says "<words>"
      Then no alternative is applied
      And the agent does not say "which"
      And the agent says "understanding"

      Examples:
        | words                                   |
        | fair enough                             |
        | right, understood                       |

    Scenario: "Ah ok fair enough, thanks for explaining" is thanks, not a yes
      When the customer says "I want a refund"
      And the customer says "ah ok fair enough, thanks for explaining"
      Then the message is read as "thank"
      And no alternative is applied
      And the agent does not say "which"

    Scenario: "Oh right. Bit harsh" is heard as disappointment, not a yes
      When the customer says "I want a refund"
      And the customer says "oh right. bit harsh"
      Then the message is read as "complain"
      And no alternative is applied

    Scenario: "No I'll keep it, thanks anyway" lets the refund go
      When the customer says "I want a refund"
      And the customer says "no I'll keep it, thanks anyway"
      Then the message is read as "cancel_request:refund" and "thank"
      And no alternative is applied

  Rule: A question about an offer, with only why the item goes back, asks for nothing yet

    Scenario: "How does an exchange work? I bought a jumper that's too small" starts no refund
      When the customer says "hi, how does an exchange work with you guys? I bought a jumper 3 weeks ago that's too small"
      Then the message is not read as "request:refund"
      And the agent says "returns label"
      And the agent does not say "started your refund"

    Scenario: "Refund please, and how does an exchange work?" still asks for the refund
      When the customer says "refund please, and how does an exchange work?"
      Then the message is read as "request:refund" and "ask_about:exchange"

    Scenario: "Why are you asking me that, just refund me" takes the refund
      When the customer says "A-5050 arrived but the box was empty!! bought it last week"
      And the customer says "why are you asking me that, just refund me"
      Then the alternative "Full refund" is applied
      And the agent does not say "other question"

    Scenario Outline: "<words>" turns both offers down
      When the customer says "I want a refund"
      And the customer says "<words>"
      Then the message is read as "reject:all"

      Examples:
        | words                  |
        | ok, no thanks          |
        | fair enough, no thanks |

    Scenario: "How does an exchange work? I'd like to return it, too small" still asks for the refund
      When the customer says "how does an exchange work? I'd like to return it, too small"
      Then the message is read as "ask_about:exchange" and "request:refund"

    Scenario Outline: "<words>" after a refusal presses for the refund, and keeps the chat open
      Given the customer "Dana" bought order "A-1003" 45 days ago
      When the customer says "I want a refund for A-1003"
      And the customer says "<words>"
      Then the message is read as "insist"
      And the conversation is in "offering_alternatives"

      Examples:
        | words                 |
        | so no refund at all?? |
        | so no refund then?    |

    Scenario: "Is it done?" once the store credit is set up is told it is done, without what refunds take
      When the customer says "I want a refund"
      And the customer says "store credit"
      And the customer says "is it done?"
      Then the agent says "that's done"
      And the agent does not say "5 working days"
