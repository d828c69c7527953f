Feature: Asking for an alternative straight away
  Many customers do not ask for a refund and wait to be offered something else: they say what they
  want from the start ("I'd like to exchange this for a bigger size", "store credit for my order,
  please", "can you send it again?"). The agent takes that as the request it belongs to, gathers what
  it needs, and arranges what was asked for when the policy allows it, without refusing something the
  customer never asked for. When the policy cannot give it, the usual answer and alternatives follow.

  Background:
    Given the policy "retail"
    And the fact "customer_name" is "Kim"

  Scenario: An exchange asked for with everything needed is arranged at once
    When the customer says "I'd like to exchange my jacket for a bigger size, order A-6101, bought 2 weeks ago"
    Then the message is read as "choose:exchange", "provide:order_id" and "provide:days_since_purchase"
    And the agent says "about the exchange"
    And the alternative "Exchange" is applied
    And the conversation is in "follow_up"
    And the agent does not say "refund"
    And a follow-up is scheduled in 24 hours

  Scenario: Store credit asked for after the refund window is arranged without a refusal
    When the customer says "I'd like store credit for order A-6103 please, bought 40 days ago"
    Then the alternative "Store credit" is applied
    And the agent does not apologize
    And the agent does not say "can't"

  Scenario: A swap asked for before the order number is set up once the facts are in
    When the customer says "hi, can I swap a jumper for a smaller size?"
    Then the agent asks for the "order_id"
    And the agent says "exchange"
    When the customer says "A-6201"
    And the customer says "about 3 weeks ago"
    Then the alternative "Exchange" is applied

  Scenario: Changing from a refund to store credit while the agent is still asking
    When the customer says "refund please"
    And the customer says "A-6202"
    And the customer says "actually can I just have store credit instead?"
    Then the agent says "when did you buy it"
    And the agent says "store credit"
    When the customer says "45 days ago"
    Then the alternative "Store credit" is applied
    And the agent does not say "We can refund orders for 30 days"

  Scenario: A parcel that never came is sent again when that is what the customer asks
    When the customer says "my parcel A-6204 never arrived, can you send it again?"
    Then the alternative "Send it again" is applied
    And the agent does not say "cancellation"

  Scenario Outline: "<message>" after a lost parcel's offers takes the new parcel, not a replacement it cannot have
    When the customer says "wheres my stuff?? A-9999 ordered 3 wks ago"
    And the customer says "<message>"
    Then the alternative "Send it again" is applied
    And the agent does not say "isn't one of the options"

    Examples:
      | message            |
      | new one pls        |
      | another one please |

  Scenario: "A new one please" about a broken kettle still asks for the replacement
    When the customer says "my kettle A-1818 is broken"
    And the customer says "a new one please"
    Then the message is read as "choose:replacement"

  Scenario: "Can I get my £ back?" asks for a refund, not a question beside it
    When the customer says "can i get my £ back for A-1212 bought 50 days ago. its broken"
    Then the message is read as "request:refund", "provide:order_id", "provide:days_since_purchase" and "provide:condition"
    And the agent does not say "other question"

  Scenario: What the policy cannot give gets the usual answer and what it can
    When the customer says "can I get store credit? my toaster A-6203 stopped working, I bought it 2 months ago"
    Then no alternative is applied
    And the agent offers "Replacement" and "Repair"

  Scenario: Asking how an exchange works is not asking for one
    When the customer says "how does an exchange work?"
    Then the message is not read as "choose:exchange"
    And no alternative is applied

  Scenario: A refund asked for in words that name an alternative stays a refund
    When the customer says "I'd like a full refund for A-6208, bought 10 days ago"
    Then the message is not read as "choose:full_refund"
    And the request is approved

  Scenario: The customer can still switch after what they asked for was arranged
    When the customer says "I want to swap my order A-6205 for a different colour, I bought it 10 days ago"
    And the customer says "actually I'd rather have credit"
    Then the alternative "Store credit" is applied in place of "Exchange"

  Scenario: A shorter pair is an exchange
    When the customer says "Hi! The trousers I got (A-7101) are too long. I'd like a shorter pair please"
    Then the message is read as "choose:exchange" and "provide:order_id"
    And the agent asks for the "days_since_purchase"

  Scenario: A replacement for a faulty item inside the refund window is what is arranged
    When the customer says "can I get a replacement for A-1107? it arrived broken, bought it 5 days ago"
    Then the message is read as "choose:replacement", "provide:order_id", "provide:days_since_purchase" and "provide:condition"
    And the alternative "Replacement" is applied
    And the agent does not say "refund"

  Scenario: Once a request is settled, an alternative asked for another order starts a new one
    When the customer says "refund A-1108 bought 5 days ago"
    And the customer says "thanks. can I also get a replacement for order A-1109, it broke, bought 3 months ago?"
    Then the transitions taken were "new_request" and "grant_wish"
    And the alternative "Replacement" is applied

  Scenario: After a request is settled, naming an alternative for the same order starts nothing new
    When the customer says "refund A-1111 bought 5 days ago"
    And the customer says "thanks, I'll spend it on store credit"
    Then no alternative is applied
    And the agent does not say "arranged"

  Scenario: The right one in place of a wrong item is an exchange
    When the customer says "I received the wrong colour, A-1110, can you send the right one?"
    Then the alternative "Exchange" is applied

  Scenario: "A new one" for a broken item is the replacement, noted while the date is asked
    When the customer says "hi, my order A-1401 came today but the box was crushed and the vase inside is smashed"
    And the customer says "I'd prefer a new one if possible"
    Then the message is read as "choose:replacement"
    And the agent says "replacement"
    When the customer says "I bought it 2 months ago"
    Then the alternative "Replacement" is applied

  Scenario: A question about an exchange before anything is offered is answered from its details
    When the customer says "hi there, how does an exchange work with you guys?"
    Then the message is read as "ask_about:exchange"
    And the transition "describe_alternative" was taken
    And the agent says "free returns label"
    And the agent does not say "can't help"
    And the conversation is in "listening"

  Scenario: What store credit is, asked while the order number is awaited, then the question again
    When the customer says "refund please"
    And the customer says "sorry, what is store credit exactly?"
    Then the agent says "on your account straight away"
    And the agent says "your order number?"
    When the customer says "A-6301, about 7 weeks ago"
    Then the agent offers "Store credit" and "Exchange"

  Scenario: Asking whether repairs are done, with a fault told, gets the answer and the next question
    When the customer says "do you do repairs? my kettle stopped working"
    Then the transition "describe_alternative" was taken
    And the agent says "repair it and post it back"
    And the agent asks for the "order_id"
    When the customer says "A-6302, I bought it 3 months ago"
    Then the agent offers "Replacement" and "Repair"

  Scenario: A question about another way first, then a fault the refund covers, asks which is wanted
    When the customer says "do you do exchanges? also my blender A-6305 leaks, I bought it 2 weeks ago"
    Then the agent says "We email you a free returns label"
    And the agent says "a refund"
    And the reply decides no request
    When the customer says "the refund please"
    Then the request "refund" is decided as "approved"

  Scenario: A question about an alternative this fault cannot have, asked first, is answered honestly
    When the customer says "how does store credit work? my kettle A-6306 stopped working, I bought it 3 months ago"
    Then the agent offers "Replacement" and "Repair"
    And the reply matches /[Tt]he store credit isn't (one of the options here|something I can offer)/
    And the agent does not say "for a whole year"

  Scenario: After the answer, asking for the exchange arranges it
    When the customer says "what's involved in an exchange?"
    And the customer says "ok, I'd like to exchange order A-6303 then, bought it 10 days ago"
    Then the alternative "Exchange" is applied

  Scenario: A question and a request in one message is taken as the request
    When the customer says "refund for A-6304 please, bought it 6 weeks ago. how does the credit work?"
    Then the conversation is in "offering_alternatives"
    And the agent offers "Store credit" and "Exchange"

  Scenario: A yes after an alternative was described asks for it
    Given the customer "Dana" bought order "A-1001" 61 days ago
    When the customer says "how does an exchange work?"
    Then the agent says "We email you a free returns label"
    When the customer says "sounds good, yes please"
    Then the message is read as "choose:exchange"
    And the alternative "Exchange" is applied

  Scenario Outline: "<reply>" after a repair was described, with only a rough date, arranges the repair
    When the customer says "my boots A-6310 split along the seam, got them about a month ago"
    And the customer says "how long does a repair take?"
    Then the agent says "within 14 days"
    When the customer says "<reply>"
    Then the message is read as "choose:repair"
    And the alternative "Repair" is applied

    Examples:
      | reply              |
      | ok do it           |
      | yeah go on then    |
      | yes please do that |

  Scenario: "Yes please" with the order and date after an exchange was described arranges the exchange
    When the customer says "how does an exchange work?"
    And the customer says "yes please, my order is A-6312, bought 40 days ago, wrong size"
    Then the alternative "Exchange" is applied
    And the agent does not say "refund"

  Scenario: A plain "ok" after an exchange was described is heard, and the date still asked
    When the customer says "I'd like to send back a jumper, A-6311"
    And the customer says "how does an exchange work?"
    And the customer says "ok"
    Then the message is not read as "choose"
    And the agent says "when did you buy it?"
    And no alternative is applied

  Scenario: "Can I get a new pair?" for something faulty asks for a replacement
    Given the customer "Dana" bought order "A-1001" 20 days ago
    When the customer says "hey the headphones i got r broken, left side doesnt work. can i get a new pair"
    Then the alternative "Replacement" is applied
    And the agent does not say "started one for order"

  Rule: An alternative this request cannot have is named as such, and what can be had is offered again

    Scenario: Store credit asked for while a repair is on offer gets an honest no and the offers
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "refund please, the kettle leaks"
      Then the agent offers "Replacement" and "Repair"
      When the customer says "can I just have store credit instead?"
      Then the transitions taken were "not_on_offer"
      And the reply matches /the store credit isn't (something I can offer|one of the options)/
      And no alternative is applied
      And the agent offers "Replacement" and "Repair"
      When the customer says "fine, the replacement"
      Then the alternative "Replacement" is applied

    Scenario: Asking what a repair is while credit and an exchange are on offer
      Given the customer "Dana" bought order "A-1001" 61 days ago
      When the customer says "I want a refund"
      And the customer says "what about a repair?"
      Then the message is read as "ask_about:repair"
      And the agent does not say "didn't quite catch"
      And the agent offers "Store credit" and "Exchange"

    Scenario: An alternative on offer is still chosen by name
      Given the customer "Dana" bought order "A-1001" 61 days ago
      When the customer says "I want a refund"
      And the customer says "can I get store credit?"
      Then the alternative "Store credit" is applied

  Rule: Saying an item is not right for the customer asks to send it back

    Scenario: "It's just not for me" with a plea past the window gets the refusal and the alternatives
      Given the customer "Dana" bought order "A-1001" 33 days ago
      When the customer says "So I bought a coat 33 days ago and it's just not for me. I know it's a few days past 30 but is there any chance?"
      Then the agent offers "Store credit" and "Exchange"
      And the agent does not say "not something I can help with"

    Scenario: "The dress doesn't suit me" inside the window is refunded
      When the customer says "hi, the dress doesn't suit me. order A-2020, got it last week"
      Then the request is approved

  Rule: Two alternatives asked about before anything is offered are both described

    Scenario: "What's the difference between store credit and an exchange?" describes each under its name
      When the customer says "what's the difference between store credit and an exchange?"
      Then the message is read as "ask_about:store_credit" and "ask_about:exchange"
      And the agent says "Store credit: The credit goes on your account"
      And the agent says "Exchange: We email you a free returns label"
      And no alternative is applied

  Rule: What the customer told decides which alternative a wish means

    Scenario: "The mug came chipped, can you send a new one?" asks for a replacement, not a new parcel
      Given the customer "Dana" bought order "A-1001" 20 days ago
      When the customer says "hi there, the mug I ordered came chipped. can you send a new one?"
      Then the alternative "Replacement" is applied
      And the agent does not say "dispatched"

    Scenario: "My parcel never came, can you send a new one?" still asks for it again
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "my parcel never came, can you send a new one?"
      Then the alternative "Send it again" is applied

    Scenario: "Can I just get another copy sent?" while the date is asked, of a ruined book, is the replacement
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hello, my order A-1010 arrived yesterday but the box was soaking wet and the book inside is ruined"
      And the customer says "can I just get another copy sent?"
      Then the agent says "replacement"
      When the customer says "how soon would it get here?"
      Then the message is read as "ask_policy"
      And the agent says "as soon as we have the faulty one back"
      And the agent says "when did you buy it?"
      When the customer says "I bought it on the 20th of November"
      Then the alternative "Replacement" is applied
      And the agent does not say "refund"

    Scenario: "Can I get the right size sent out or do I have to send this one back first?" arranges it and answers
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "i ordered a sofa cover (A-2468) 3 weeks ago and it came yesterday but its the wrong size, can i get the right size sent out or do i have to send this one back first??"
      Then the alternative "Exchange" is applied
      And the agent says "as soon as yours is on its way back to us"

  Rule: Saying what one will do oneself, or the colour wanted, is read as meant

    Scenario: "Cancel the repair, I'll just buy a new one elsewhere" withdraws the repair and sets up nothing
      When the customer says "my kettle A-6320 stopped working, I bought it 2 months ago"
      And the customer says "repair"
      And the customer says "actually can you cancel the repair? I'll just buy a new one elsewhere"
      Then the message is not read as "choose"
      And the agent says "The repair is cancelled"
      And the alternative "Replacement" is not applied

    Scenario: "I'd like navy please, not a refund" for the wrong colour sent is the exchange in navy
      When the customer says "P-6321 wrong colour, I ordered navy and got black. bought on Sunday. I'd like navy please, not a refund"
      Then the alternative "Exchange" is applied
      And the agent does not say "started a full refund"

  Rule: A size or colour asked for is the exchange

    Scenario: "Will the replacement be the same model?" asks about the replacement, not the exchange
      When the customer says "Good afternoon. I bought a kettle 3 weeks ago, order A-2222. The switch no longer clicks off. I would like a replacement please."
      Then the alternative "Replacement" is applied
      When the customer says "Thank you. Will the replacement be the same model?"
      Then the message is not read as "ask_about:exchange"
      And the agent says "We send you a new one"
      And the agent does not say "Would you like the exchange"
      When the customer says "That's fine. Goodbye."
      Then no alternative is applied
      And the conversation is closed

    Scenario: "Can I get a bigger pair? Also how long do refunds take?" arranges the exchange and answers the question
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hi, ordered trainers (A-6060) last tuesday, they're too small. can i get a bigger pair? also how long do refunds take normally?"
      Then the alternative "Exchange" is applied
      And the agent says "within 5 working days"
      And the agent does not say "started your refund"

    Scenario: "Actually can I get it in a 12 instead?" once the refund is started swaps it for the exchange
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Hi I want to return a dress. It doesn't fit. Order A-6969, got it 2 days ago"
      Then the request is approved
      When the customer says "Actually can I get it in a 12 instead?"
      Then the alternative "Exchange" is applied
      And the agent does not say "within 5 working days of being approved"

    Scenario: "Swap it for a medium" after a wrong size was told arranges the exchange
      When the customer says "I ordered the wrong size, order A-7781"
      And the customer says "3 weeks ago"
      And the customer says "sure, swap them for a medium"
      Then the alternative "Exchange" is applied

    Scenario: "Can I get it in a large instead?" after a refusal takes the exchange
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "can I get it in a large instead?"
      Then the message is read as "choose:exchange"
      And the alternative "Exchange" is applied

    Scenario: A question whether it comes in navy asks about the exchange
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "does it come in navy?"
      Then the message is read as "ask_about:exchange"
      And no alternative is applied

    Scenario: "Yes please, a large" after the exchange is arranged passes the size on with it
      When the customer says "I need to return a jumper, A-1500, it's too small. Got it 2 weeks ago. Can I get a bigger one?"
      Then the alternative "Exchange" is applied
      When the customer says "yes please, a large"
      Then the alternative "Exchange" is passed on with "a large"
      And the agent says "a large"
      And the agent does not say "what else do you need"
      And the conversation is in "follow_up"

    Scenario: "Medium please" on its own after the exchange is arranged passes the size on with it
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "the exchange"
      And the customer says "Medium please"
      Then the alternative "Exchange" is passed on with "size medium"
      And the agent says "size medium"
      And the agent does not say "didn't quite catch"
      And the agent does not say "Good question"

    Scenario Outline: A size or colour told after the exchange is arranged is passed on, in words the reply repeats
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "exchange please"
      And the customer says "<told>"
      Then the alternative "Exchange" is passed on with "<passed on>"
      And the agent says "<passed on>"
      And the conversation is in "follow_up"

      Examples:
        | told                        | passed on |
        | M please                    | size M    |
        | size 10 please              | size 10   |
        | can I have it in navy?      | navy      |
        | XL if you have it           | size XL   |
        | send the 9                  | size 9    |

    Scenario Outline: A size asked for while taking the exchange goes with it
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "<taken>"
      Then the alternative "Exchange" is passed on with "<passed on>"
      And the agent says "<passed on>"

      Examples:
        | taken                                                  | passed on |
        | ok I'll take the exchange, can I get it in a large?    | a large   |
        | can I swap it for a medium?                            | a medium  |
        | the exchange for a size 12 please                      | size 12   |

    Scenario: "A large, please" with nothing asked for yet asks before setting anything up
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "hi"
      And the customer says "A large, please."
      Then no alternative is applied
      And the message is read as "ask_about:exchange"

    Scenario: A size only told of after the exchange is arranged passes nothing on
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "exchange please"
      And the customer says "thanks, the one I got was too small"
      Then nothing is passed on with the alternative taken
      And the agent does not say "noted"

    Scenario: "How long will the new one take?" after the exchange asks about the exchange
      Given the customer "Dana" bought order "A-4848" 14 days ago
      When the customer says "I ordered a jumper in the wrong size, can I swap it?"
      And the customer says "medium please"
      And the customer says "how long will the new one take?"
      Then the message is read as "ask_about:exchange"
      And the agent does not say "switch you to the replacement"
      When the customer says "perfect"
      Then the conversation is closed

    Scenario: "Navy" on its own to the offers takes the exchange
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "navy"
      Then the alternative "Exchange" is applied

    Scenario: A size only told of chooses nothing
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "I ordered a medium and it came up tiny"
      Then the message is not read as "choose:exchange"
      And no alternative is applied

    Scenario: The size of something else is not a size asked for
      When the customer says "I want a refund for a large order, A-6205"
      Then the message is not read as "choose:exchange"
      And the agent asks for the "days_since_purchase"

  Rule: The alternative asked for is named once in the greeting, not again before the first question

    Scenario: A freeze asked for at the start is greeted, then the question follows
      Given the policy file "../docs/examples/gym/features/policies/gym.yaml"
      When the customer says "can I pause my membership for a bit?"
      Then the agent says "about the membership freeze"
      And the agent asks for the "months left on the contract"
      And the reply does not match /(arrange the membership freeze|membership freeze is possible|look into the membership freeze)/
      When the customer says "about 8 months left"
      Then the alternative "Freeze" is applied

    Scenario: Asked for later in the conversation, the alternative is still acknowledged before the question
      When the customer says "hi, it's about my order A-1234"
      And the customer says "can I exchange it for a bigger size?"
      Then the reply matches /(arrange the exchange|whether the exchange is possible|look into the exchange)/

  Rule: Changing "it" when the size or colour is wrong asks for the exchange

    Scenario Outline: "<message>" asks for the exchange
      When the customer says "<message>"
      Then the message is read as "choose:exchange"

      Examples:
        | message                                                    |
        | I ordered the wrong size, can I change it?                 |
        | these are too small, I'd like to change them please        |
        | they don't fit, can I change them?                         |
        | i ordered the wrong size by mistake, is it too late to change? |
        | it's too small, can I swap?                                |

    Scenario Outline: A shoe size needed, "<message>", asks for the exchange
      When the customer says "I ordered the wrong size shoes, A-1212, 5 days ago"
      And the customer says "<message>"
      Then the message is read as "choose:exchange"
      And the message is not read as "request:refund"
      And the alternative "Exchange" is applied

      Examples:
        | message                                      |
        | size 8 need 9                                |
        | can you send the 9 and I'll send the 8 back? |
        | I'll send them back if you send a 10         |
        | I need a 9 instead                           |
        | a 9 instead of 8                             |
        | I need a 9 not an 8                          |
        | a size 9 rather than the 8                   |

    Scenario Outline: The size wanted set against the one had, "<message>", passes on the one wanted
      When the customer says "I ordered the wrong size, A-1212, 5 days ago"
      And the customer says "<message>"
      Then the alternative "Exchange" is applied
      And the agent says "<wanted>"
      And the agent does not say "<had>"

      Examples:
        | message                        | wanted | had    |
        | a 10 instead of an 8           | 10     | size 8 |
        | size L not M                   | size L | size M |
        | the blue one instead of the red | blue  | red    |

    Scenario: Sending the item back with nothing else asked for is still a return
      When the customer says "I ordered the wrong size shoes, A-1212, 5 days ago"
      And the customer says "I'll just send them back"
      Then the message is read as "request:refund"

    Scenario: Changing it with nothing said of the fit is not taken for the exchange
      When the customer says "can I change it?"
      Then the message is not read as "choose:exchange"

  Rule: An alternative told of as arranged before is not asked for again

    Scenario: "You set up an exchange yesterday but I'd rather have the store credit" asks for the credit
      When the customer says "Hi, you set up an exchange for me yesterday on A-1001 but I'd rather have the store credit now. Is that ok?"
      Then the message is read as "provide:order_id" and "choose:store_credit"
      And the agent says "about the store credit"

  Rule: "Send another" of an item that came damaged asks for its replacement

    Scenario: "Can you send another mug?" for a chipped mug is the replacement, not a new parcel
      When the customer says "my mug arrived chipped, A-1111. can you send another mug?"
      Then the agent says "about the replacement"
      And the agent does not say "dispatched"

    Scenario Outline: A formal "<wish>" is asked for, not refunded over
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I am writing regarding order A-6789. The vase arrived with a crack along its base. I purchased it on 20 November. <wish>"
      Then the alternative "Replacement" is applied
      And the agent does not say "started one"

      Examples:
        | wish                                                               |
        | I would appreciate a replacement rather than a refund, if possible. |
        | I'd be grateful for a replacement.                                 |
        | I was hoping for a replacement.                                    |

  Rule: An alternative asked for that the request cannot have is said to be out of reach as the others are offered

    Scenario: "Replacement please" for an order past the window, with nothing wrong with it, hears it cannot be had
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "A-6464, bought on 1 Nov"
      And the customer says "replacement please"
      Then the reply matches /(replacement isn't something I can offer|replacement isn't one of the options)/
      And the agent offers "Store credit" and "Exchange"


  Rule: An alternative named only should the request fail is set up only when it is refused

    Scenario Outline: "<message>" within the window starts the refund and sets up nothing else
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the request is approved
      And no alternative is applied

      Examples:
        | message                                                                       |
        | refund for A-1234 if possible, otherwise store credit. bought 10 days ago     |
        | I want a refund or at least an exchange, A-1234, 10 days ago                  |
        | can I get a refund on A-1234? or else store credit. bought it 10 days ago     |

    Scenario Outline: "<message>" past the window says why, then sets up the <title> asked for in its place
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the alternative "<title>" is applied
      And the agent says "so I can't refund it"

      Examples:
        | message                                                                       | title        |
        | refund for A-1234 if possible, otherwise store credit. bought 40 days ago     | Store credit |
        | I want a refund or at least an exchange, A-1234, 40 days ago                  | Exchange     |

    Scenario Outline: On a subscription, "<message>" gives the refund when it is due, else the pause
      Given the policy file "../tests/data/policies/subscription.yaml"
      When the customer says "<message>"
      Then the agent says "<said>"

      Examples:
        | message                                                      | said                   |
        | refund if possible otherwise pause. renewed 3 days ago       | refunded it in full    |
        | can i get a refund or at least pause my account. 5 days ago  | refunded it in full    |
        | can i get a refund or at least pause my account. 20 days ago | your pause is arranged |

  Rule: On a subscription, questions the rules do not answer are not answered with a rule that does not fit

    Scenario: "Why was I charged twice this month?" refunds nothing by itself
      Given the policy file "../tests/data/policies/subscription.yaml"
      When the customer says "why was I charged twice this month?"
      Then the request is still undecided

    Scenario: "I've been charged twice this year" is not refused as a late refund
      Given the policy file "../tests/data/policies/subscription.yaml"
      When the customer says "I've been charged twice this year"
      And the customer says "it renewed 30 days ago"
      Then the agent does not say "so I can't refund it"

    Scenario: "Can I change my account email to jo@new.com?" is out of reach, not answered about the card
      Given the policy file "../tests/data/policies/subscription.yaml"
      When the customer says "refund please, renewed 20 days ago"
      And the customer says "can I change my account email to jo@new.com?"
      Then the agent does not say "card you paid with"
      And the conversation is in "offering_alternatives"
