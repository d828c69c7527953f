Feature: Listening first
  Before saying anything about the decision, the agent thanks the customer, shows it has understood
  what they are asking for, and gathers the facts the decision needs. It never decides on a guess.

  Background:
    Given the policy "retail"

  Scenario: The agent thanks the customer and acknowledges the request before anything else
    Given the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    Then the agent thanks the customer first
    And the agent acknowledges the concern
    And the agent says "a refund"

  Scenario: A greeting without a request gets a welcome and a question, not a decision
    When the customer opens the chat
    Then the agent thanks the customer
    And the agent says "How can I help today?"
    And the conversation is in "listening"

  Scenario: The agent asks for the order number before deciding on a refund
    When the customer says "I want a refund"
    Then the agent thanks the customer first
    And the agent acknowledges the concern
    And the agent asks for the "order number"
    And the request is still undecided

  Scenario: The agent gathers every missing fact, one question at a time, then decides
    When the customer says "I want a refund"
    Then the agent asks for the "order number"
    When the customer says "It's A-1001"
    Then the fact "order_id" is now "A-1001"
    And the agent asks for the "days since purchase"
    When the customer says "about 40 days ago"
    Then the fact "days_since_purchase" is now "40"
    And the agent explains the reason

  Scenario: An order number given with the request is not asked for again
    When the customer says "I want a refund for order A-1001"
    Then the agent asks for the "days since purchase"
    And the agent does not say "order number"

  Scenario: A yes-or-no question comes with Yes and No buttons
    Given the fact "order_id" is "B-2002"
    When the customer says "I want to cancel my order"
    Then the agent asks for the "already dispatched"
    And the quick replies are "Yes" and "No"
    When the customer clicks "Yes"
    Then the request is declined
    And the agent says "has already left our warehouse"

  Scenario: When the request is unclear, the agent asks what the customer needs
    When the customer says "Hi, I need some help"
    Then the agent asks what the customer needs
    And the quick replies are "A refund" and "A cancellation"
    When the customer clicks "A cancellation"
    Then the agent asks for the "order number"

  Scenario: A complaint without a request is met with sympathy and a question
    When the customer says "The parcel arrived completely soaked"
    Then the agent says "sorry"
    And the agent asks what the customer needs

  Scenario: A customer who says goodbye before asking anything is let go
    When the customer opens the chat
    And the customer says "Actually it's fine now, thanks, bye"
    Then the agent ends the chat
    And the conversation is closed with outcome "customer closed"

  Scenario: A message that does several things is read as all of them, and the choice counts
    Given the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "Credit is fine, thanks a lot"
    Then the message's acts are "choose:store_credit" and "thank"
    And the alternative "Store credit" is applied
    And a follow-up is scheduled in 24 hours

  Scenario: A person ruled out in so many words is not called, and the rest of the message is heard
    Given the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "no need for a manager, just swap it"
    Then the message's acts are "not ask_human" and "choose:exchange"
    And the agent does not hand over to a person
    And the alternative "Exchange" is applied

  Scenario: Facts said before the request are read and kept
    When the customer says "I bought it 3 weeks ago and it arrived broken, order A-1001"
    Then the message's acts are "provide:order_id", "provide:days_since_purchase" and "provide:condition"
    And the fact "order_id" is now "A-1001"
    And the fact "days_since_purchase" is now "21"

  Scenario: Asking for something the agent does not do is told so, not "tell me more"
    When the customer says "hello, I want to change the delivery address for A-8109"
    Then the agent says "from here"
    And the agent does not say "tell me a little more"

  Scenario: Asking a second time for something the agent does not do is offered a colleague, and a yes hands over
    When the customer says "Hi there, I got an email saying my order A-3344 was cancelled but I didn't cancel it??"
    Then the agent says "from here"
    When the customer says "i want it reinstated"
    Then the message is not read as "request:refund"
    And the agent says "a colleague"
    When the customer says "yes"
    Then the conversation waits for a person

  Scenario: "No, a refund then" to the colleague offered for something the agent does not do looks at the refund
    When the customer says "can I change the delivery address on A-1234?"
    And the customer says "can you update my phone number then?"
    Then the agent says "a colleague"
    When the customer says "no, a refund then"
    Then the agent asks for the "days since purchase"
    And the agent does not say "if you find it"

  Scenario: "My sister bought me the same one. Can I send mine back?" asks for the refund, not the exchange
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "Quick question about order A-6767 - I bought a vase on 14/11 and it turns out my sister bought me the same one. Can I send mine back?"
    Then the message is not read as "choose:exchange"
    And the agent says "I've started your refund"
    And the agent does not say "exchange"

  Scenario Outline: "<message>" tells of a return the customer is making, which asks for the refund
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "<message>"
    Then the message is read as "request:refund", "provide:order_id" and "provide:days_since_purchase"
    And the agent says "Order A-4040 was bought 50 days ago"

    Examples:
      | message                                                   |
      | I mean for a return I'm doing, A-4040, bought 50 days ago |
      | it's for a return, A-4040, bought 50 days ago             |

  Scenario: "And when he opened it, the hinge was snapped" tells what happened, and asks nothing beside it
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "I ordered a kettle (A-3210) on the 5th of November as a gift for my dad, and when he opened it last weekend the lid hinge was snapped. I'd prefer my money back if that's possible"
    Then the request is approved
    And the agent does not say "other question"

  Scenario Outline: "<message>" asks for the opposite of a cancellation, not for one
    When the customer says "<message>"
    Then the message is not read as "request:cancel"
    And the conversation is in "listening"

    Examples:
      | message                                    |
      | can you restore my cancelled order A-3345? |
      | please reinstate my cancelled order        |
      | i want my cancelled order back             |

  Scenario: A customer who wants to make a complaint is offered a colleague who takes it
    When the customer says "how can I make a consumer complaint against your company?"
    Then the agent says "complaint"
    And the quick replies are "Yes, a colleague please" and "No"
    When the customer says "yes please"
    Then the agent hands over to a person with reason "asked_for_person"

  Scenario Outline: A complaint to make beside a request is offered to a colleague once the request is settled
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "<message>"
    Then the request is approved
    And the reply matches /(also wanted to make a complaint|As for your complaint)/
    And the agent does not say "anything else"
    And the quick replies are "Yes, a colleague please" and "No"
    When the customer says "yes please"
    Then the agent hands over to a person with reason "asked_for_person"

    Examples:
      | message                                                                                             |
      | refund A-1001 bought 5 days ago, and I want to make a complaint about your courier, he was so rude  |
      | I want to cancel A-2002, not shipped. Also I want to complain about your website, it keeps crashing |

  Scenario: "I ain't happy with your service, make a claim" is a complaint to file with a colleague
    When the customer says "I ain't happy with your service, make a claim"
    Then the agent says "complaint"
    And the quick replies are "Yes, a colleague please" and "No"

  Scenario: A "reclamation" to lodge is a complaint to file too
    When the customer says "where can I lodge a reclamation against your business ?"
    Then the agent says "complaint"
    And the agent does not say "tell me a little more"

  Scenario: "Show me in what situations I can ask for my money back" asks about the rules
    When the customer says "show me in what situations can I ask for my money back"
    Then the message is read as "ask_policy"
    And the agent says "within 30 days"
    And the agent does not say "order number"

  Scenario: Telling what went wrong after the offer of a colleague keeps the offer open
    When the customer says "I want to complain"
    And the customer says "about the delivery man, he was rude"
    Then the agent says "colleague"
    And the agent does not say "What would you like me to do"

  Rule: A request made in frustration is met with a word of sympathy before the question

    Scenario Outline: "<message>" is told sorry before being asked for the order number
      When the customer says "<message>"
      Then the message is read as "request:refund" and "complain"
      And the reply matches /I'm sorry (this has been frustrating|about all this)/
      And the agent asks for the "order_id"

      Examples:
        | message                                                      |
        | I want a refund! This is the third time I'm contacting you!! |
        | I want a refund. I have emailed twice and nobody replied     |
        | I want a refund, this is ridiculous                          |

  Rule: A customer who tells it bit by bit is followed, not handed over

    Scenario: "Hi", "i have a problem", "with my order", then the order number
      When the customer says "hi"
      And the customer says "i have a problem"
      Then the agent does not say "not sure what you need"
      And the agent says "what's"
      When the customer says "with my order"
      And the customer says "its A-2222"
      Then the conversation is in "listening"
      And the agent does not say "passing this to a colleague"

    Scenario: An order number given after the colleague offered for a status check still takes the colleague
      When the customer says "where's my refund for A-7373? you said 5 days"
      Then the agent says "colleague"

  Scenario: An upset complaint after the offer of a colleague is apologised for once
    When the customer says "yes hello I would like to make a complaint"
    And the customer says "your delivery driver was extremely rude to me"
    Then the agent says "sorry" only once
    And the agent says "colleague"

  Scenario: Not being able to afford an order any more is asking to cancel it
    When the customer says "I can't afford it anymore, order A-1234"
    Then the message is read as "request:cancel", "provide:order_id" and "provide:circumstance"
    And the agent asks for the "dispatched"

  Scenario: Not wanting a working item any more is a return, and "what are my options?" is answered with the decision
    When the customer says "I placed an order (A-1301) about ten days ago for a blender. It works but it's much louder than I expected and I don't really want it. What are my options?"
    Then the message is read as "request:refund", "provide:order_id" and "provide:days_since_purchase"
    And the request is approved
    And the agent does not say "from here"

  Scenario: "Why do you need that?" while a fact is asked for is answered before the question comes again
    When the customer says "refund please"
    And the customer says "why do you need that?"
    Then the agent says "your order number"
    And the agent does not say "One more time"
    And the agent does not say "didn't catch that"
    And the agent does not say "Sorry, I still need this"

  Scenario Outline: "<message>" to a date asked more exactly is answered, not handed to a colleague
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "I'd like to return my order A-4567 from last month, don't like it"
    And the customer says "<message>"
    Then the agent asks for the "days since purchase"
    And the agent does not say "colleague"

    Examples:
      | message                         |
      | why not? it's unworn with tags  |
      | why do you need that?           |

  Scenario: Asking for the request again while the agent waits for a fact is heard, and the question comes again
    When the customer says "my lamp A-3030 arrived smashed"
    Then the agent asks for the "days since purchase"
    When the customer says "I'd prefer my money back to be honest"
    Then the reply matches /look at a refund/
    And the agent does not say "still need"
    And the agent says "when did you buy it?"

  Scenario: "I'd like to return it" while the order number is asked says the return again, not something else
    When the customer says "so i ordered a coat, it came today but it's way too small"
    Then the agent asks for the "order number"
    When the customer says "I'd like to return it"
    Then the message is read as "request:refund"
    And the reply matches /look at a refund/
    And the agent does not say "isn't something I can help with"
    And the agent says "could you tell me your order number?"

  Scenario: A replacement asked for by name is called the replacement while its details are gathered
    When the customer says "my headphones broke after a week. order A-2468. i'd like a new pair please"
    Then the agent asks for the "days since purchase"
    When the customer says "and will I get tracking?"
    Then the reply matches /If the replacement is still what you'd like|If you'd still like the replacement/
    And the agent does not say "refund"

  Scenario: "No idea" to the date after a rough one gets the hint before a colleague is offered
    When the customer says "my headphones broke after a week. order A-2468. i'd like a new pair please"
    And the customer says "no idea"
    Then the agent says "A rough idea is enough"
    And the agent does not say "colleague"
    And the quick reply "Yes, a colleague please" is not offered
    When the customer says "still no idea, sorry"
    Then the agent says "a colleague can look into it with you"

  Scenario: "Where can I see my order number?" while the date is asked asks for no cancellation
    When the customer says "refund please for A-1234"
    Then the agent asks for the "days since purchase"
    When the customer says "where can I see my order number?"
    Then the message is not read as "request:cancel"
    And the agent does not say "cancellation"
    And the agent says "when did you buy it?"

  Scenario: A story of boots that are too tight is a return, and "the exchange sounds good" asks for it
    Given it is 2026-12-04 11:00 in the policy's time zone
    When the customer says "Hi, I ordered boots (order A-7272) about 5 weeks ago as a gift but they're too tight. Is there anything you can do?"
    Then the agent offers "store credit" and "exchange"
    When the customer says "The exchange sounds good. Can I get them a size bigger?"
    Then the agent says "You choose the size"
    When the customer says "yes please"
    Then the alternative "Exchange" is applied

  Scenario: A message that is only "return" asks to send something back
    Given the customer "Dana" bought order "A-1001" 12 days ago
    When the customer says "return"
    Then the request "refund" is decided as "approved"

  Scenario: An order given right after a question about refunds goes on with a refund
    When the customer says "how long do refunds take?"
    And the customer says "I want one for A-1001, bought 2 days ago"
    Then the request "refund" is decided as "approved"

  Scenario: An order given right after a question about cancelling goes on with a cancellation
    When the customer says "is it possible to cancel an order after it's been shipped?"
    And the customer says "ok, mine is A-2020"
    Then the agent says "Has your order been dispatched yet?"

  Rule: A customer who only says they have a question is invited to ask it

    Scenario: "I have a question about my order" is invited, not sent to the buttons
      When the customer says "hi"
      And the customer says "I have a question about my order"
      Then the reply matches /(go ahead|what's your question|What would you like to ask)/
      And the agent does not say "pick one"
      And the agent does not say "options below"
      When the customer says "can I still return it if I bought it 5 weeks ago?"
      Then the agent asks for the "order_id"

    Scenario: "Can you help me with something?" is invited, and the request that follows is taken
      When the customer says "hello"
      And the customer says "can you help me with something?"
      Then the reply matches /(go ahead|what's your question|What would you like to ask)/
      And the agent does not say "not something I can help with"
      When the customer says "I want to cancel order A-1001"
      Then the agent asks for the "dispatched"

    Scenario: A greeting alone is not taken for a question announced
      When the customer says "hello?"
      Then the agent does not say "go ahead"
      And the agent says "refund"

    Scenario: "I need help with a return" asks to send something back
      When the customer says "hi I need help with a return"
      Then the message is read as "request:refund"
      And the agent asks for the "order_id"

  Rule: A question about the rules asked beside the request is answered while the facts are gathered

    Scenario Outline: How long a refund takes, asked beside the refund as "<message>", is answered while the date is asked
      When the customer says "<message>"
      Then the agent asks for the "days_since_purchase"
      And the reply matches /(To answer|As for) your other question: A refund reaches your card within 5 working days/

      Examples:
        | message                                                                   |
        | I'd like a refund on A-6060 and I also want to know how long refunds take |
        | refund A-6060 please, and how long do refunds take?                       |
        | I want my money back for A-6060. How long does a refund take?             |
        | can I get a refund for A-6060, also wondering how long it takes to come through |

    Scenario Outline: "<lead-in> what's your returns policy" after a cancellation is answered beside it
      When the customer says "hi can you cancel A-3000? <lead-in> what's your returns policy for sale items"
      Then the agent asks for the "dispatched"
      And the agent says "within 30 days of buying them"

      Examples:
        | lead-in      |
        | oh and also  |
        | and also     |
        | oh btw       |

  Rule: Pressing for the request once while a rough date is narrowed down gets the question again

    Scenario Outline: "<pressing>" after "broke after 2 months" is asked the date again, then offered a colleague
      When the customer says "my washing machine broke after 2 months, order A-5656, it leaks everywhere"
      And the customer says "<pressing>"
      Then the agent asks for the "days_since_purchase"
      And the agent does not say "colleague"
      When the customer says "I just want a refund"
      Then the agent says "colleague"

      Examples:
        | pressing                              |
        | can't you just give me my money back? |
        | no I just want a refund honestly      |

  Rule: An order someone else bought is one they can look up

    Scenario Outline: "<message>" gets the hint, and that the buyer can look it up
      When the customer says "I'd like to return a jumper"
      And the customer says "<message>"
      Then the conversation is in "listening"
      And the agent says "confirmation email"
      And the reply matches /(someone else bought it|bought for you|person who bought it)/

      Examples:
        | message                                                 |
        | I don't have the order number, my aunt bought it for me |
        | no idea, it was a gift                                  |
        | not sure, my husband ordered it                         |

    Scenario: "I don't have the number, I bought it with a gift card" is no order bought by someone else
      When the customer says "I'd like to return a jumper"
      And the customer says "I don't have the order number, I paid with a gift card"
      Then the agent does not say "someone else bought it"
      And the agent does not say "bought for you"

  Rule: An offer asked for once the order number cannot be found needs that number too

    Scenario: "Can I get store credit then?" after a colleague is offered for the missing number offers the colleague again
      When the customer says "I need to return a gift, I don't have the order number, it was bought 2 weeks ago"
      And the customer says "I don't have it, it was a gift"
      Then the agent says "a colleague"
      When the customer says "can I get store credit then?"
      Then the reply matches /(same details|needs the same)/
      And the quick reply "Yes, a colleague please" is offered
      And the agent does not say "Could you tell me your order number?"

    Scenario: Turning the colleague down and asking for store credit is not asked the number again
      When the customer says "I want a refund"
      And the customer says "I don't have the order number"
      And the customer says "it was a gift, no idea"
      And the customer says "no thanks. can I have store credit instead?"
      Then the reply matches /(same details|needs the same)/
      And the agent says "send them here"
      And the agent does not say "Could you tell me your order number?"

  Rule: The time allowed, asked beside a request, is the time allowed for that request

    Scenario: "How long do I have?" beside a return is answered with the return window
      When the customer says "I want to return order A-2222, how long do I have?"
      Then the agent says "You can return most items within 30 days"
      And the agent does not say "reaches your card"
      And the agent asks for the "days since purchase"

    Scenario: "Is there a deadline?" beside a cancellation is answered with the rule for cancelling
      When the customer says "I want to cancel my order A-1234. is there a deadline?"
      Then the agent says "Orders can be cancelled until they leave our warehouse"
      And the agent does not say "within 30 days"

  Rule: Asking what can be done, before anything is on offer, is answered from the rules

    Scenario: "What can you do?" about a faulty item gets the rule for faulty items and the question again
      When the customer says "the zip on my jacket broke, order A-7001"
      And the customer says "what can you do?"
      Then the message is read as "ask_policy"
      And the agent says "If something is faulty"
      And the agent does not say "You can return most items within 30 days"
      And the agent says "when did you buy it"

    Scenario: "What can you do?" about a return gets the rule for returns, not how long the money takes
      When the customer says "I'd like to send back the boots, order A-8181"
      And the customer says "what can you do?"
      Then the agent says "You can return most items within 30 days"
      And the agent does not say "reaches your card"
      And the agent says "when did you buy it"

    Scenario: "What are my options?" about a cancellation gets the rule for cancelling
      When the customer says "cancel my order please"
      And the customer says "what are my options?"
      Then the agent says "Orders can be cancelled until they leave our warehouse"
      And the agent says "order number"

    Scenario: "What can you help with?" before any request gets the rules and the question
      When the customer says "hi"
      And the customer says "what can you help with?"
      Then the message is read as "ask_policy"
      And the agent says "within 30 days"
      And the agent does not say "didn't quite catch"

    Scenario: "Ok thanks" after a question about the rules is answered asks for nothing
      When the customer says "Can I return something I bought in store?"
      And the customer says "ok thanks"
      Then the message is not read as "request:refund"
      And the agent does not say "order number"

  Rule: An alternative named with a shrug of words is still asked for

    Scenario: "Replacement I guess" while the date is asked asks for the replacement
      When the customer says "my kettle A-2727 stopped working"
      Then the agent asks for the "days since purchase"
      When the customer says "replacement I guess"
      Then the message is read as "choose:replacement"
      And the agent says "replacement"

    Scenario: A trouble told with a rough date is heard before the closer date is asked for
      Given it is 2026-03-20 10:00 in the policy's time zone
      When the customer says "my husband ordered a coffee machine last month (A-1122) and it's already leaking"
      Then the request is still undecided
      And the reply matches /I'm sorry (about|to hear) that/

    Scenario: "What about a replacement then, how long does that take?" asks about the replacement, not the rules
      When the customer says "my toaster A-3131 broke"
      Then the agent asks for the "days since purchase"
      When the customer says "ok what about a replacement then, how long does that take?"
      Then the message is read as "ask_about:replacement"
      And the agent says "as soon as we have the faulty one back"
      And the agent does not say "Orders can be cancelled"

    Scenario: "Can you send me a new jug or a new blender?" with a fault asks for the replacement
      When the customer says "Hi. Ordered a blender (A-2020) 6 days ago. It arrived today with a cracked jug. Can you send me a new jug or a new blender?"
      Then the alternative "Replacement" is applied
      And the agent does not say "I've started"

  Rule: A name the customer gives is used

    Scenario: A first message signed "Kind regards, Margaret" is greeted by name
      When the customer says "Good afternoon. Please cancel order A-1122, it has not yet been dispatched. Kind regards, Margaret"
      Then the message gives the fact "customer_name" as "Margaret"
      And the reply matches /(Hi|Hello) Margaret/
      And the request is approved

    Scenario: "My name is dana" is read, and "my name is on the order" is not a name
      When the customer says "hi my name is dana, I'd like a refund"
      Then the message gives the fact "customer_name" as "Dana"
      When the customer says "my name is on the order A-3030"
      Then the message gives no fact "customer_name"

    Scenario Outline: "<message>" introduces <name>, who is greeted by name
      When the customer says "<message>"
      Then the message gives the fact "customer_name" as "<name>"
      And the reply matches /(Hi|Hello) <name>/

      Examples:
        | message                                              | name  |
        | Hi, I'm Priya. I want to return a lamp, order A-4646 | Priya |
        | hello I am John and I want a refund                  | John  |

    Scenario Outline: "<message>" introduces nobody
      When the customer says "<message>"
      Then the message gives no fact "customer_name"

      Examples:
        | message                            |
        | I'm Sorry but I want a refund      |
        | Hi, I'm Writing about my order     |
        | I'm Happy with it, just a question |

    Scenario: "Thanks, Sam" thanks the agent and names nobody
      When the customer says "I want to cancel A-1133"
      And the customer says "Thanks, Sam"
      Then the message gives no fact "customer_name"

  Rule: A boundary set while listening still moves the request on

    Scenario: An insult with a request gets the boundary and the next question
      When the customer says "you are a useless bot. refund A-2002 you idiot"
      Then the agent sets a boundary
      And the agent asks for the "days since purchase"
      When the customer says "last week"
      Then the request is approved

    Scenario: An insult with nothing asked gets the boundary and a question about what is needed
      When the customer says "You are a useless bunch of idiots"
      Then the agent sets a boundary
      And the reply matches /(What can I help you with today|Is there something I can help you with)\?/

  Rule: Something the agent cannot do, asked for while a question waits, is said to be out of reach

    Scenario: An address change asked for in the middle of a cancellation is not taken as going on with it
      When the customer says "Hi I'd like to cancel my order please"
      And the customer says "A-6060"
      And the customer says "actually wait, can I just change the delivery address instead?"
      Then the conversation is in "listening"
      And the reply matches /(something I can help with|outside what I can help with)/
      And the reply matches /(still like|still want|still what you'd like)/
      And the agent asks for the "dispatched"

  Rule: A customer who says sorry is told it is all right, not apologised to

    Scenario: An insult with everything needed gets the boundary and the answer; sorry after it is told it is all right
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want a refund you absolute morons, A-4567, 5 days ago"
      Then the agent sets a boundary
      And the request is approved
      When the customer says "sorry, I'm just stressed"
      Then the reply matches /(all right|No need to apologise|No problem)/
      And the agent does not say "I'm sorry"

    Scenario Outline: "<message>" while a fact is still needed asks for it again kindly
      When the customer says "I want a refund you absolute morons"
      And the customer says "<message>"
      Then the reply matches /(all right|No need to apologise|Don't worry)/
      And the agent does not say "Sorry, I still need this"
      And the agent says "order number"

      Examples:
        | message                            |
        | sorry, I didn't mean to be rude    |
        | sorry, I know it's not your fault  |

  Rule: A question about the rules is answered with the sentence of the summary that answers it

    Scenario Outline: "<question>" gets "<answer>"
      When the customer says "<question>"
      Then the agent says "<answer>"

      Examples:
        | question                                 | answer                                     |
        | Do you do refunds on sale items?         | You can return most items within 30 days   |
        | can I return clearance stuff?            | You can return most items within 30 days   |
        | how long do I have to return something?  | You can return most items within 30 days   |
        | what if my item arrives damaged?         | If something is faulty                     |

    Scenario Outline: "<question>" gets one sentence, not the whole summary
      When the customer says "<question>"
      Then the message is read as "ask_policy"
      And the agent does not say "Orders can be cancelled until"
      And the agent does not say "sorry"

      Examples:
        | question                                 |
        | how long do I have to return something?  |
        | what if my item arrives damaged?         |

    Scenario: A follow-on question about faulty items gets the sentence about faulty items
      When the customer says "Hello, can you tell me your returns policy?"
      And the customer says "and for faulty items?"
      Then the agent says "If something is faulty"
      And the agent does not say "You can return most items"

    Scenario Outline: "<message>" after the rules were told is a follow-on question, not a request or irony
      When the customer says "Hi! Quick one - can I return something I bought in the sale? Haven't ordered yet, just checking"
      And the customer says "<message>"
      Then the message is read as "ask_policy"
      And the message is not read as ironic
      And the agent says "If something is faulty"
      And the agent does not say "order number"

      Examples:
        | message                        |
        | great, and if it's faulty?     |
        | ok thanks, and if it's broken? |
        | ok and what if it's faulty?    |
        | ok what if it breaks?          |

    Scenario Outline: "<message>" asks two questions and gets an answer to each
      When the customer says "<message>"
      Then the message is read as "ask_policy"
      And the agent says "A refund reaches your card within 5 working days"
      And the agent says "print the free returns label"
      And the agent does not say "Orders can be cancelled"

      Examples:
        | message                                                     |
        | hi, how long do refunds take? and is return postage free?   |
        | how long does a refund take and do you pay return postage? |

    Scenario: A refund asked for beside two questions answers the one its reply does not
      When the customer says "refund A-5151 please, bought it yesterday. how long does a refund take and do you pay return postage?"
      Then the request is approved
      And the agent says "within 5 working days"
      And the agent says "print the free returns label"

    Scenario: "Thanks, that's all I needed" after the rules were told is welcomed, not thanked for news
      When the customer says "Hello! Could you tell me what your return policy is for sale items?"
      And the customer says "thanks, that's all I needed"
      Then the conversation is closed
      And the agent says "You're welcome"
      And the agent does not say "letting us know"

    Scenario Outline: "<question>", about a purchase still to come, gets the rules, not a request
      When the customer says "<question>"
      Then the message is read as "ask_policy"
      And the agent says "<answer>"
      And the agent does not say "order number"

      Examples:
        | question                                                                                 | answer                                   |
        | Hi Sam, quick question before I order: if I buy a dress and it doesn't fit, can I return it? | You can return most items within 30 days |
        | I'm thinking of buying a sofa, can I return it if it does not fit?                       | You can return most items within 30 days |
        | if I order today can I cancel it tomorrow?                                               | Orders can be cancelled until            |
        | quick question before I buy: if a jacket doesn't fit, can I exchange it for free?        | You can return most items within 30 days |
        | before I buy, can I swap it for another size if it doesn't fit?                          | You can return most items within 30 days |

    Scenario: "And if I bought something 2 months ago?" after the rules still dates the purchase
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Can you explain your refund policy to me please?"
      And the customer says "ok and if I bought something 2 months ago?"
      Then the message gives the fact "days_since_purchase" as "61"

    Scenario: "And who pays postage?" after the rules is told about the free label
      When the customer says "I'm thinking of buying a sofa, can I return it if it does not fit?"
      And the customer says "and who pays postage?"
      Then the agent says "free returns label"
      And the agent does not say "If something is faulty"

    Scenario: A follow-on question the rules say nothing more about is told so, not met with silence
      When the customer says "Can you tell me what your returns policy is for electronics?"
      And the customer says "and if it's been opened?"
      Then the reply matches /(all our rules say|everything our rules say)/
      And the agent does not say "You can return most items"

  Rule: Something the agent cannot do, asked for at the start, is met with the offer of a colleague

    Scenario Outline: "<message>" gets the offer of a colleague, and a yes hands over
      When the customer says "<message>"
      Then the agent says "colleague"
      When the customer says "yes please"
      Then the conversation is in "escalated"

      Examples:
        | message                                                   |
        | I want all my personal data deleted under GDPR            |
        | when will my order A-1357 arrive? I ordered it a week ago |
        | can I change the delivery address on my order?            |
        | Please stop emailing me                                   |
        | I want to unsubscribe from your marketing emails          |
        | I just want the price difference back for A-7171          |

  Scenario: A problem told again, after being asked what to do, is met with the offer of a colleague
    When the customer says "Got a gift card as a present but the website won't accept it"
    Then the agent does not say "colleague"
    When the customer says "it says invalid code"
    Then the agent says "colleague"
    And the conversation is in "listening"

  Scenario: "That's not fair" to the offer of a colleague for the price difference is not told how refunds go
    When the customer says "I bought a dress on 3 November and today it's on sale for £50. Can I get the difference back? A-7171"
    Then the agent says "colleague"
    When the customer says "that's not fair"
    Then the agent does not say "within 5 working days"
    And the agent says "colleague"

  Scenario: A second question the agent cannot answer is met with a colleague again, not the repair ladder
    When the customer says "hi can you tell me what time you close today"
    And the customer says "and are you open on sunday?"
    Then the agent says "colleague"
    And the agent does not say "Let me make it easier"
    And the agent does not say "still not sure what you need"

  Scenario: Leading up to what happened, after being asked what to do, is not met with a colleague
    When the customer says "hey!"
    And the customer says "so I ordered some stuff"
    Then the agent does not say "colleague"
    When the customer says "A-8989"
    And the customer says "it's the wrong colour"
    Then the request is approved

  Rule: Not being sure of a date, said while the order number is asked, is not being without the number

    Scenario: "Not sure, I bought it last week I think" keeps the date and asks for the order number
      When the customer says "I want a refund"
      And the customer says "not sure, I bought it last week I think"
      Then the message is not read as "not provide:order_id"
      And the agent does not say "Order numbers are a letter, a dash and four digits"
      And the agent says "order number"

  Scenario: "Quick question, do you do price matching?" is the question itself, not a question to come
    When the customer says "hi, quick question, do you do price matching?"
    Then the agent does not say "what would you like to know"
    And the agent does not say "what's your question"
    And the agent says "colleague"

  Scenario: "Ok never mind, can I cancel A-9999 then?" to the offer of a colleague goes on with the cancellation
    When the customer says "do you do price matching?"
    And the customer says "ok never mind, can I cancel order A-9999 then?"
    Then the agent does not hand over to a person
    And the agent asks for the "dispatched"

  Scenario Outline: "<later>" when the order number cannot be found turns the colleague down, and is heard
    When the customer says "I'd like to return an item please"
    And the customer says "I don't have it with me, it's my wife's order"
    And the customer says "she's not here right now"
    Then the agent says "colleague"
    When the customer says "<later>"
    Then the agent does not hand over to a person
    And the conversation is in "listening"

    Examples:
      | later                                  |
      | ok I'll get her to message you later   |
      | ok I'll come back later with it        |

  Scenario: "Ok fine, never mind then" to the offer of a colleague lets the request go, and hands nothing over
    When the customer says "Hi I want to cancel my order please"
    And the customer says "I don't have the number on me"
    And the customer says "can you look it up by my email?"
    Then the agent says "colleague"
    When the customer says "ok fine, nevermind then"
    Then the agent does not hand over to a person
    And the conversation is in "listening"

  Rule: A customer only asking for now is answered, and nothing is started until they ask

    Scenario Outline: "<message>" answers the rules and starts nothing
      When the customer says "<message>"
      Then the reply decides no request
      And no alternative is applied
      And the conversation is in "listening"

      Examples:
        | message                                                                                                                |
        | just a question before I decide - if I returned A-7001 (bought 10 days ago), would I get the delivery charge back too? |
        | if i send back A-7102 (bought 5 days ago) can i get credit instead of money back? just asking for now                  |
        | I might want to return A-7101, bought a week ago. How does it work?                                                    |
        | I'm thinking about cancelling A-7002, but not sure yet. what happens if it's already been sent?                        |
        | hi, not sure if I want a refund or an exchange yet for A-7005, bought 2 weeks ago. what's the difference?              |

    Scenario: Asked to go ahead after the answer, the refund is started
      When the customer says "just a question before I decide - if I returned A-7001 (bought 10 days ago), would I get the delivery charge back too?"
      Then the agent says "delivery charge included"
      When the customer says "ok please go ahead and refund it"
      Then the request is approved
