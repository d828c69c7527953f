Feature: Reading facts and requests the way people give them
  People say "I bought it on 2 February" or "last month", not a number of days; they give the order
  number before saying what they want, or tuck everything into one long message; they ask for a
  refund as a question, a "why", or at the end of a complaint. The agent takes each fact from
  wherever it is, works dates out with the policy's own clock, narrows a rough period only when the
  decision depends on it, and never asks for what it was already told. A question about an earlier
  refund is not a new request.

  Background:
    Given the policy "retail"
    And the fact "customer_name" is "Dana"

  Rule: Facts are read the way people give them

    Scenario: A date in words is counted back from today, in the policy's time zone
      When the customer says "I want a refund, I bought it on 2 February"
      Then the message gives the fact "days_since_purchase" as "29"
      And the agent asks for the "order number"
      And the agent does not say "when did you buy it"
      When the customer says "A-1001"
      Then the request is approved

    Scenario: The same date a season later is counted from that day
      Given it is 2026-12-24 17:30 in the policy's time zone
      And the fact "order_id" is "A-1001"
      When the customer says "I want a refund, I bought it on 20 November"
      Then the fact "days_since_purchase" is now "34"
      And the agent explains the reason
      And the agent says "34 days ago"

    Scenario: A length of time said on its own, beside the request, is how long ago it was bought
      When the customer says "refund please, A-1001, 40 days"
      Then the message gives the fact "days_since_purchase" as "40"
      And the agent explains the reason
      And the agent does not say "when did you buy it"

    Scenario: Black Friday is the last one, counted back from today
      Given the fact "order_id" is "A-1001"
      When the customer says "can I get a refund? I bought it on Black Friday"
      Then the message gives the fact "days_since_purchase" as "95"
      And the agent explains the reason
      And the agent does not say "4 days"

    Scenario: "I couldn't return it in time" still asks for the return
      When the customer says "I was in hospital for a month so I couldn't return A-1001 in time, I bought it 45 days ago"
      Then the message is read as "provide:order_id", "provide:days_since_purchase", "provide:circumstance" and "request:refund"
      And the agent hands over to a person
      And the agent says "feeling better"

    Scenario: Something else that got cancelled asks for nothing; sending it back does
      When the customer says "I ordered a dress for a wedding (order A-1001) about 5 weeks ago, but the wedding got cancelled and I never wore it. Any chance I could send it back and get my money back?"
      Then the message is read as "provide:order_id", "provide:days_since_purchase" and "request:refund"
      And the agent explains the reason
      And the agent does not say "dispatched"

    Scenario: Wanting to return one thing from an order is a return
      When the customer says "quick one: I bought 3 things in one order (A-1001) 3 weeks ago and want to return just one of them"
      Then the message is read as "provide:order_id", "provide:days_since_purchase" and "request:refund"
      And the request is approved

    Scenario: "This Monday" is the Monday of this week, once it has passed
      Given it is 2026-11-24 11:30 in the policy's time zone
      And the fact "order_id" is "A-1001"
      When the customer says "I want to get refunded, I bought it this Monday"
      Then the message gives the fact "days_since_purchase" as "1"
      And the request is approved

    Scenario: "It hasn't gone out yet" answers whether it was dispatched
      When the customer says "About the speaker I ordered, A-1001. Is it possible to cancel it? It hasn't gone out yet."
      Then the message gives the fact "dispatched" as "false"
      And the request is approved

    Scenario: "A month or so ago" is a month, give or take
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "hi team, its about the lamp i bought a month or so ago, I'd like a refund"
      Then the fact "days_since_purchase" is now known roughly, from 25 to 38

    Scenario: "Return order" followed by its number is a return
      When the customer says "Hi! I'd like to return order A-1001, I bought it 40 days ago but it's still in the box"
      Then the message is read as "request:refund", "provide:order_id" and "provide:days_since_purchase"
      And the agent explains the reason

    Scenario: "I got it on" a date gives the purchase date; "I got an email on" a date does not
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "refund for A-3030 please, I got it on the 2nd of November"
      Then the message gives the fact "days_since_purchase" as "22"
      And the agent does not say "When did you buy it?"
      When the customer says "I want to cancel A-5050"
      And the customer says "I got an email on Monday saying it shipped"
      Then the message gives no fact "days_since_purchase"
      And the message gives the fact "dispatched" as "true"

    Scenario: Part of a month is a span of that part, whoever writes it how
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "I ordered a lamp (A-1357) back in mid-October, can I send it back for my money?"
      Then the fact "days_since_purchase" is now known roughly, from 35 to 44
      And the agent explains the reason
      When the customer says "I also want to cancel A-2020, I ordered it at the end of October"
      Then the fact "days_since_purchase" is now known roughly, from 24 to 34

    Scenario: An order number set off by commas does not hide what the date is about
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "I purchased a coffee machine, order A-1500, on the 3rd of October and it has stopped heating"
      Then the message gives the fact "days_since_purchase" as "52"
      And the agent does not say "When did you buy it?"

    Scenario: Asking if it is too late to return something bought in September asks for the refund itself
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "hiya, is it too late to return something I bought in september?"
      Then the message is read as "request:refund" and "provide:days_since_purchase"
      And the agent asks for the "order number"
      When the customer says "A-1600"
      Then the request is declined
      And the agent says "30 days"

    Scenario: Asking to return an order by its number is a refund request
      When the customer says "can I still return A-1234 that I ordered 5 weeks ago?"
      Then the message's acts are "request:refund", "provide:order_id" and "provide:days_since_purchase"
      And the request is declined

    Scenario: A general question about the rules stays a question
      When the customer says "how long do I have to return something I bought?"
      Then the message is read as "ask_policy"
      And the message is not read as "request"

    Scenario: A date put right in the same message counts as put right, and keeps the request
      Given the fact "order_id" is "A-5005"
      When the customer says "I want a refund"
      And the customer says "2 weeks ago. actually no, it was more like 5 weeks ago"
      Then the message gives the fact "days_since_purchase" as "35"
      And the message is not read as "cancel_request"
      And the agent explains the reason

    Scenario: A date followed by "forget it" still drops the request
      Given the fact "order_id" is "A-5005"
      When the customer says "I want a refund"
      And the customer says "2 weeks ago. actually no, forget it"
      Then the transition "drop_request" was taken

    Scenario: Asking whether the order has shipped tells nothing, and not knowing gets a hint
      When the customer says "I want to cancel order A-1122. Actually wait, can you tell me if it's been shipped?"
      Then the message gives no fact "dispatched"
      And the agent says "Has your order been dispatched yet?"
      When the customer says "I don't know, that's why I'm asking you"
      Then the message is read as "not provide:dispatched"
      And the agent says "tracking link"
      When the customer says "no, I haven't had that email"
      Then the request is approved

    Scenario: "Last Friday" is a day of this week's calendar
      When the customer says "I want a refund for A-1001, I bought it last Friday"
      Then the message gives the fact "days_since_purchase" as "4"
      And the request is approved

    Scenario: "Last month" across the 30-day line is narrowed before deciding
      Given it is 2026-03-20 10:00 in the policy's time zone
      When the customer says "I want a refund for A-1001, I bought it last month"
      Then the fact "days_since_purchase" is now known roughly, from 20 to 47
      And the request is still undecided
      And the agent says "narrow it down"
      When the customer says "on the 25th"
      Then the fact "days_since_purchase" is now "23"
      And the request is approved

    Scenario: "Last month" that is all inside the window needs no narrowing
      When the customer says "I want a refund for A-1001, I bought it last month"
      Then the fact "days_since_purchase" is now known roughly, from 3 to 30
      And the request is approved

    Scenario: Every fact in a long message is taken, and nothing is asked twice
      When the customer says:
        """
        Good morning. My order A-1001 was a birthday present for my husband, we got it around
        6 weeks ago, he never wore it and the tags are still on. Could I have a refund?
        """
      Then the message gives the fact "order_id" as "A-1001"
      And the message gives the fact "days_since_purchase" as "42"
      And the agent explains the reason
      And the agent does not say "order number?"

    Scenario: A long story with a broken item: only the missing date is asked for
      When the customer says:
        """
        Hello! Long story short, the lamp I ordered (A-1001) turned up with a cracked base, and I have
        been too busy with work to deal with it until now. Could I get a refund please?
        """
      Then the message gives the fact "condition" as "faulty"
      And the agent asks for the "days since purchase"
      And the agent does not say "order number"
      When the customer says "I bought it 10 days ago"
      Then the request is approved
      And the agent says "As the item is faulty"

    Scenario Outline: "<message>" names damage by what it left, which makes the item faulty
      When the customer says "<message>"
      Then the message gives the fact "condition" as "faulty"

      Examples:
        | message                                                                  |
        | I bought a sofa on the 3rd of November and it's arrived with a massive rip |
        | there's a big tear on the arm of the chair                                |
        | the shirt came with a stain on the front                                  |

    Scenario Outline: "<message>" says the order never came
      When the customer says "<message>"
      Then the message gives the fact "condition" as "never_arrived"

      Examples:
        | message                                                                            |
        | Great, just great. Ordered a present on the 28th and it STILL isn't here. A-4848   |
        | still haven't got it, ordered 2 weeks ago                                          |

    Scenario: "I still haven't received my refund" chases the refund, and says no order went missing
      When the customer says "I still haven't received my refund"
      Then the message gives no fact "condition"

    Scenario: "Return A-2233, I think I bought it early last month? maybe mid November" asks nothing beside the date
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "return A-2233, I think I bought it early last month? maybe mid November"
      Then the agent does not say "other question"
      And the agent says "When did you buy it?"

    Scenario: A toaster that burns everything is faulty
      When the customer says "hi. bought a toaster (A-7272) on the 1st of November. it burns everything. i want my money back"
      Then the message gives the fact "condition" as "faulty"

    Scenario: A tear of joy is no damage
      When the customer says "a tear came to my eye when I opened it, it's lovely"
      Then the message gives no fact "condition"

    Scenario: The order number and the date come first, the request after
      When the customer says "Order A-1001"
      And the customer says "I bought it 12 days ago"
      Then the agent asks what the customer needs
      When the customer says "I would like a refund"
      Then the request is approved
      And the agent does not say "order number?"

    Scenario: Both facts in a first hello, then the request
      When the customer says "Hi, my order number is A-1001 and I got it 3 days ago."
      Then the message is read as "provide:order_id" and "provide:days_since_purchase"
      When the customer says "Can I get a refund?"
      Then the request is approved

    Scenario: "It arrived broken" after the window: a repair or a replacement, by UK rules
      Given the fact "order_id" is "A-1001"
      And the fact "days_since_purchase" is "45"
      When the customer says "I want a refund, it arrived broken"
      Then the message gives the fact "condition" as "faulty"
      And the agent says "As the item is faulty, we'll put it right"
      And the agent offers "replacement" and "repair"
      And the agent does not offer "store credit"

    Scenario: "It never came" is refunded whatever the date
      Given the fact "days_since_purchase" is "45"
      When the customer says "I want my money back for A-1001, it never came"
      Then the message gives the fact "condition" as "never_arrived"
      And the request is approved
      And the agent says "never reached you"

    Scenario: The wrong item sent is refunded, with a free label for it
      Given the fact "order_id" is "A-1001"
      And the fact "days_since_purchase" is "45"
      When the customer says "They sent me the wrong item. Can I return it for a refund?"
      Then the message gives the fact "condition" as "wrong_item"
      And the refund is approved
      And the agent says "free returns label"

    Scenario Outline: "<answer>" to "has it been dispatched?" says it has, whatever word comes first
      When the customer says "cancel A-5000"
      And the customer says "<answer>"
      Then the request is declined
      And the agent offers "free return" and "store credit"

      Examples:
        | answer                                   |
        | nope, it's been sent                     |
        | no it's already been sent                |
        | it's been sent already                   |
        | it's already gone I think                |
        | there's a tracking email, so it has gone |

    Scenario Outline: "<answer>" to "has it been dispatched?" says it has not
      When the customer says "cancel A-4747"
      And the customer says "<answer>"
      Then the request is approved

      Examples:
        | answer                                                            |
        | i have no emails about it apart from the order confirmation       |
        | not sure, i only got the order confirmation email                 |

    Scenario: "No it can't have shipped yet surely" says it has not
      When the customer says "Can I cancel order A-4545? I placed it 20 minutes ago by mistake"
      And the customer says "no it can't have shipped yet surely"
      Then the request is approved

    Scenario Outline: "<date>" for a purchase is read as the days of the month named after them
      When the customer says "hi refund A-7004 please"
      And the customer says "<date>"
      Then the request is declined
      And the agent offers "store credit" and "exchange"

      Examples:
        | date                                                  |
        | I think I bought it around the 10th or 11th of october |
        | the 10th or 11th october                              |
        | somewhere between the 8th and the 12th of October     |

    Scenario Outline: "<date>" names the year, so a month now past is a year ago
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hi, I want a refund on A-5104, I bought it <date>"
      Then the request is declined
      And the agent offers "store credit" and "exchange"

      Examples:
        | date                              |
        | on 1st December last year         |
        | on the 25th of November last year |
        | in December last year             |
        | last December                     |
        | December 2nd, last year           |

    Scenario: "The 1st of November this year" is this year's
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-5104 please, bought on the 1st of November this year"
      Then the message gives the fact "days_since_purchase" as "32"

    Scenario Outline: "<date>" in shorthand is a day
      When the customer says "refund A-1234 please, bought it <date>"
      Then the request is approved

      Examples:
        | date |
        | yday |
        | yest |

    Scenario Outline: "<told>" says the order has been dispatched
      When the customer says "cancel A-8003 please. <told>"
      Then the request is declined
      And the agent does not say "Has your order been dispatched yet?"

      Examples:
        | told                                             |
        | It's with Royal Mail already I think.            |
        | I got an email saying it's with DPD              |
        | I had a text from Evri this morning about it     |

    Scenario: "I'd prefer repair to a replacement" for a fault past 30 days arranges the repair
      When the customer says "hi, my headphones A-4545 arrived with one side not working. bought 3 months ago. I'd prefer repair to a replacement tbh"
      Then the alternative "repair" is applied
      And the alternative "replacement" is not applied

  Rule: Requests come in other forms, and a question about an earlier refund is not a new one

    Scenario: "Just wanted to check the refund is going through" asks after it
      When the customer says "Thank you so much for your help earlier! Just wanted to check the refund for A-8484 is going through"
      Then the message is read as "thank", "ask_status" and "provide:order_id"
      And the agent says "within 5 working days"
      When the customer says "ok great thanks"
      Then the conversation is closed

    Scenario: More told of the damage while a rough date is narrowed is asked the date again
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I need to return a damaged item. A-1313. I received it 3 days ago."
      Then the agent says "the day you ordered it"
      When the customer says "the handle snapped off"
      Then the agent does not say "colleague"
      And the agent says "when did you buy it"

    Scenario: The day of an occasion the item was for dates no purchase
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I ordered this blender for my mum's birthday which was last weekend and the jug was cracked. The order number is A-3456 and I bought it about 10 days ago. I'd like my money back please"
      Then the message gives the fact "days_since_purchase" as "10"

    Scenario: A rough date asked again is not told a rough one will do
      When the customer says "refund pls A-2345 broke after 2 days"
      And the customer says "ok"
      Then the agent says "when did you buy it"
      And the agent does not say "Roughly"

    Scenario: A date something is needed by dates no purchase
      When the customer says "my fridge arrived with a huge dent in the door, order A-7373"
      Then the message gives the fact "condition" as "faulty"
      When the customer says "I'd like a replacement but I need it before Christmas, is that possible?"
      Then the message gives no fact "days_since_purchase"
      And the agent says "when did you buy it"

    Scenario Outline: "<message>" asks after the refund of a return made before
      When the customer says "<message>"
      Then the message is not read as "request:refund"
      And the agent says "for a return, of the parcel reaching us"
      And the agent does not say "When did you buy it"

      Examples:
        | message                                                                                         |
        | Hi, I've got a refund question. I returned a coat last week (A-9012) but haven't heard anything |
        | I sent the boots back 2 weeks ago and still no refund. A-4455                                   |

    Scenario: "I returned it, can I get a refund?" still asks for the refund
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I returned it but it was the wrong size, can I get a refund? A-3434 bought 5 days ago"
      Then the request is approved

    Scenario: A refund asked for as a question is a refund request
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "Is it possible to get my money back for this order?"
      Then the message is read as "request:refund"
      And the agent explains the reason
      And the agent offers "store credit" and "exchange"

    Scenario: "Why can't I just get a refund?" asks for the refund too
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "Why can't I just get a refund for this?"
      Then the message is read as "ask_why" and "request:refund"
      And the agent explains the reason
      And the agent says "30 days"

    Scenario: A complaint that ends in a demand is answered as a request
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I've been waiting ages, the coat is the wrong colour, and frankly I just want my money back."
      Then the message is read as "provide:condition" and "request:refund"
      And the refund is approved

    Scenario: "Any chance you could cancel it?" is a cancellation request
      Given the fact "order_id" is "B-2002"
      When the customer says "any chance you could cancel the order?"
      Then the message is read as "request:cancel"
      And the agent asks for the "already dispatched"
      When the customer says "it has not shipped yet"
      Then the cancellation is approved

    Scenario: Asking where an earlier refund is does not start a new refund
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "Where is the refund you promised me last week?"
      Then the message is read as "ask_status"
      And the agent does not say "We can refund orders for 30 days"
      And the reply decides no request
      And the agent says "within 5 working days"
      And the quick replies are "Yes, a colleague please" and "No"
      When the customer says "ok, thanks"
      Then the conversation is closed with outcome "customer closed"

    Scenario: Asking when a refund will arrive is answered, and a colleague is offered to check it
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "Could you tell me when my refund will come through?"
      Then the transitions taken were "start" and "answer_status"
      And the agent says "colleague"
      When the customer clicks "Yes, a colleague please"
      Then the agent hands over to a person because the customer asked for one

    Scenario: A status question after a new refund was sorted is still only a question
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "credit please"
      And the customer says "when will my refund for the other order arrive?"
      Then the message is read as "ask_status"
      And the transitions taken were "answer_status"
      And the agent says "colleague"
      And the reply decides no request
      And the conversation is in "follow_up"

    Scenario: "How would I know?" to the dispatch question is not knowing, and gets the hint
      When the customer says "I ordered A-1616 the day before yesterday and want to cancel it"
      And the customer says "how would I know?"
      Then the message is read as "not provide:dispatched"
      And the agent says "tracking link"

    Scenario Outline: "It has not yet been dispatched" is not dispatched
      When the customer says "<message>"
      Then the message gives the fact "dispatched" as "False"
      And the request is approved

      Examples:
        | message                                                                                                    |
        | Good afternoon. I am writing to request the cancellation of order A-1122. I believe it has not yet been dispatched. |
        | cancel A-1123 please, it still hasn't been shipped                                                         |
        | please cancel A-1124, I don't think it has been dispatched                                                 |
        | can u cancel my order A-1125 its not shipped                                                               |
        | can u cancle my ordr A-1126 its not shiped                                                                 |

    Scenario Outline: "<answer>" to whether the order has left is not dispatched, and the cancellation goes ahead
      When the customer says "I'd like to cancel order A-2602 please"
      And the customer says "<answer>"
      Then the message gives the fact "dispatched" as "False"
      And the request is approved

      Examples:
        | answer                                                                        |
        | no it's not gone, I'm still waiting for a tracking number                     |
        | I don't think so, no tracking number yet                                      |
        | the money's already gone out of my account but I've had no tracking email yet |

    Scenario Outline: "<answer>" to whether the order has left is still dispatched
      When the customer says "I'd like to cancel order A-3006 please"
      And the customer says "<answer>"
      Then the message gives the fact "dispatched" as "True"
      And the request is declined

      Examples:
        | answer                                                                           |
        | it's not gone missing, I just don't want it any more. It's with the courier now. |
        | My account page says it went out yesterday                                       |
        | I was waiting for a tracking number and it came this morning                     |

    Scenario Outline: "<message>" counts the days in tens and units
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund for A-3102 please"
      And the customer says "<message>"
      Then the message gives the fact "days_since_purchase" as "<days>"

      Examples:
        | message                                | days |
        | bought it forty-five days ago          | 45   |
        | bought on the twenty first of November | 12   |
        | November the twenty second             | 11   |
        | thirty five days ago                   | 35   |
        | twenty-nine days ago                   | 29   |
        | thirty one days back                   | 31   |

    Scenario: "I haven't had any email" after the hint about the tracking email is not dispatched
      When the customer says "hello I want to cancel my order A-4680 because I found it cheaper elsewhere"
      And the customer says "I don't know, how do I check?"
      Then the agent says "tracking link"
      When the customer says "I haven't had any email"
      Then the message gives the fact "dispatched" as "False"
      And the request is approved

    Scenario: A parcel "stuck in transit" for two weeks has not arrived
      When the customer says "my order A-8989 has been stuck in transit for 2 weeks"
      Then the message gives the fact "condition" as "never_arrived"
      And the agent says "hasn't reached you"
      And the agent offers "Send it again" and "Full refund"

    Scenario Outline: A parcel marked delivered that cannot be found has not arrived
      When the customer says "<message>"
      Then the message gives the fact "condition" as "never_arrived"
      And the agent offers "Send it again" and "Full refund"

      Examples:
        | message                                                                      |
        | oh brilliant, my parcel is delivered but it's nowhere to be seen. A-9090    |
        | A-9091 says it was delivered, I can't find the parcel anywhere               |
        | no parcel was left on my doorstep, order A-9092                              |

    Scenario: Tracking that has not moved for days is a parcel that has not arrived
      When the customer says "the tracking for A-8990 hasn't updated in 10 days"
      Then the message gives the fact "condition" as "never_arrived"

    Scenario: "My order is late" is an order that has not arrived
      When the customer says "My order is late!! A-5656. Ordered 10 days ago and it said 3-5 days delivery"
      Then the message gives the fact "condition" as "never_arrived"
      And the agent does not say "What would you like me to do"

    Scenario Outline: "<message>" is an order that has not arrived, met with sympathy and the offers
      When the customer says "<message>"
      Then the message gives the fact "condition" as "never_arrived"
      And the agent says "hasn't reached you"
      And the agent does not say "What can I help you with"

      Examples:
        | message                                                          |
        | Wonderful, my next day delivery has taken a week so far. A-5151   |
        | my order A-5151 is taking forever to arrive                       |

    Scenario Outline: "<message>" tells of harm to the box only, which is no fault
      When the customer says "<message>"
      Then the message gives no fact "condition"
      And the agent does not say "As the item is faulty"

      Examples:
        | message                                                                         |
        | need a refund, A-3030, bought yesterday, also the box was damaged but the item is fine |
        | the box arrived damaged but the item itself is ok, order A-3030                 |
        | refund A-3030 bought yesterday. Also the box was a bit dented but that's fine    |
        | refund A-3030 bought yesterday, the packaging was torn, doesn't matter           |

    Scenario: Harm to the box waved off beside a broken item is still a fault
      When the customer says "the box was dented and the lamp is broken. it's fine, I just want a refund"
      Then the message gives the fact "condition" as "faulty"

    Scenario: A parcel whose contents came soaked is faulty
      When the customer says "your courier left my parcel in the rain and everything inside is soaked. A-4545"
      Then the message gives the fact "condition" as "faulty"

    Scenario: Running late with the return is no parcel that never came
      When the customer says "I'm running late with the return for A-5657"
      Then the message gives no fact "condition"

    Scenario: A question about something other than the new parcel is one the agent cannot answer
      When the customer says "hello, my parcel A-8006 was supposed to arrive last week but it hasn't come"
      And the customer says "send it again please"
      And the customer says "thanks, will the driver be spoken to?"
      Then the message is not read as "ask_about:resend"
      And the reply matches /(can't help with that one|not something I can help with|outside what I can do) from here/
      And the conversation is still open

    Scenario: "Will I get a tracking number?" after a new parcel is arranged is a question about it
      When the customer says "hello, my parcel A-8005 was supposed to arrive last week but it hasn't come"
      And the customer says "send it again please"
      And the customer says "will I get a tracking number?"
      Then the message gives no fact "dispatched"
      And the message is read as "ask_about:resend"
      And the agent says "tracked delivery"

    Scenario: A missing part is a fault
      When the customer says "my order A-9103 came with a missing part"
      Then the message gives the fact "condition" as "faulty"

  Rule: Order numbers and dates typed loosely are still read

    Scenario: "Order no is A 4411", with a space for the dash, is order A-4411
      When the customer says "hiya, wanted to ask abt returning my boots? order no is A 4411, got them around the 10th nov"
      Then the message gives the fact "order_id" as "A-4411"
      And the agent does not say "a letter, a dash and four digits"

    Scenario Outline: "<message>", its characters typed apart, is order A-7777
      When the customer says "<message>"
      Then the message gives the fact "order_id" as "A-7777"
      And the agent does not say "Could you tell me your order number?"

      Examples:
        | message                                                     |
        | I'd like to cancel my order please, the number is A 7 7 7 7 |
        | cancel order A 77 77                                        |

    Scenario: "A 7 7 7 7" to the order number question is order A-7777
      When the customer says "I want to cancel my order"
      And the customer says "A 7 7 7 7"
      Then the message gives the fact "order_id" as "A-7777"

    Scenario: "i want my mony back for A-2020 i bougth it 2 wekks ago", typed in a hurry, is a refund in the window
      When the customer says "i want my mony back for A-2020 i bougth it 2 wekks ago"
      Then the message is read as "request:refund", "provide:order_id" and "provide:days_since_purchase"
      And the message gives the fact "days_since_purchase" as "14"
      And the request is approved

    Scenario: "Purple monkey dishwasher" is still not read as anything
      When the customer says "purple monkey dishwasher"
      Then the message is read as "unknown"

    Scenario: A lone number is still not taken for an order number
      When the customer says "I paid 4411 pounds and want a refund"
      Then the message gives no fact "order_id"

    Scenario: An order number typed without its dash is read in the policy's form
      When the customer says "REFUND NOW. ORDER A2203. 50 DAYS."
      Then the message gives the fact "order_id" as "A-2203"
      And the message gives the fact "days_since_purchase" as "50"
      And the agent explains the reason
      And the agent does not say "letter, a dash"

    Scenario: A length of time right after an order number is how long ago it was bought
      When the customer says "refund a-2204 6 weeks"
      Then the message gives the fact "order_id" as "A-2204"
      And the message gives the fact "days_since_purchase" as "42"

    Scenario: An order number of the wrong length still gets the hint
      When the customer says "refund A22051 please"
      Then the message gives no fact "order_id"
      And the agent says "letter, a dash and four digits"

    Scenario: Something bought for a birthday is dated by the time that follows
      When the customer says "I bought these trainers for my son's birthday, order A-5102, around 5 weeks ago, and he already has them. Can I get my money back?"
      Then the message gives the fact "days_since_purchase" as "35"
      And the agent explains the reason
      And the agent does not say "When did you buy it"

    Scenario Outline: "<message>" dates the occasion it was bought for, not the buying
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the message gives the fact "days_since_purchase" as "<days>"
      And the request is approved
      And the agent does not say "days ago"

      Examples:
        | message                                                                                                    | days |
        | Hi, I bought a jumper 10 days ago as a christmas present for my dad, order W-1212, but he has one. Can I return it? | 10   |
        | refund Y-5656 please, bought it a couple of weeks ago for my sister's birthday on the 1st                  | 14   |
        | I ordered a suit for a wedding on the 12th of december, 6 days ago, and it's off. Refund A-1234 please      | 6    |
        | refund A-4321, I bought the tent 3 weeks ago for our holiday in January                                    | 21   |
        | I bought a cake stand 5 days ago for the 19th, order A-1001, need to return it                              | 5    |

    Scenario Outline: "<message>" says when the occasion is, and asks when it was bought
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the message gives no fact "days_since_purchase"
      And the agent says "When did you buy it"

      Examples:
        | message                                                                                            |
        | I want a refund for X-3434, I bought a dress for a wedding on the 12th of december but the wedding's off |
        | refund A-2020 please, I bought it for christmas but she doesn't like it                            |
        | I ordered A-5151 as a christmas gift but he doesn't want it, can I send it back?                   |
        | can I return A-3131? bought it for my mum's birthday on friday but she already has one             |

    Scenario Outline: "<correction>" after a date read wrongly replaces it and decides again
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-2222 please, bought on the 10th of december"
      Then the agent explains the reason
      When the customer says "<correction>"
      Then the request is approved
      And the agent does not say "358 days"

      Examples:
        | correction                                   |
        | what do you mean? I only bought it last week |
        | no, I bought it last week                    |
        | I only bought it last week!                  |
        | that's not right, it was 5 days ago          |

    Scenario Outline: "<message>" counts back from the day it names, not from today
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the message gives the fact "days_since_purchase" as "<days>"

      Examples:
        | message                                                                                                 | days |
        | refund for order X-1357 please. It arrived on the 30th of October, I'd ordered it about a week before that | 41   |
        | refund A-1111 please, it came on the 30th, I ordered it a week before                                   | 10   |
        | refund A-1111 please, I bought it two weeks before the 20th of november                                 | 27   |
        | refund A-1111 please, I bought it 3 days before black friday                                            | 9    |
        | refund A-1111 please, I bought it yesterday week                                                        | 8    |
        | refund A-1111 please, I bought it a week yesterday                                                      | 8    |
        | refund A-1111 please, I bought it a week last Monday                                                    | 10   |
        | refund A-1111 please, I bought it a fortnight ago last Tuesday                                          | 16   |
        | refund A-1111 please, I bought it a week on Friday                                                      | 6-13 |
        | refund A-1111 please, I bought it the day before yesterday                                              | 2    |

    Scenario Outline: "<message>" counts back from a day not known, so the agent asks
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the message gives no fact "days_since_purchase"
      And the agent says "When did you buy it"

      Examples:
        | message                                                         |
        | refund A-1111 please, I ordered it about a week before it arrived |
        | refund A-1111 please, I bought it 2 weeks before my birthday      |

    Scenario: A date put right with "I meant" replaces the one given before
      When the customer says "refund A-4112 please, bought 10 days ago"
      And the customer says "oops I meant 40 days ago"
      Then the message gives the fact "days_since_purchase" as "40"

  Rule: What went wrong is heard however it is told

    Scenario Outline: "<message>", in chat shorthand, tells a fault
      When the customer says "<message>"
      Then the message gives the fact "condition" as "faulty"

      Examples:
        | message                                        |
        | my phne charger dosnt work A-8787              |
        | the kettle i ordrd last wk dosnt work properly |

    Scenario Outline: "<message>" tells a fault, so a repair or replacement is offered after 30 days
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the message gives the fact "condition" as "faulty"
      And the agent offers "Replacement" and "Repair"

      Examples:
        | message                                                                                                             |
        | I'd like to return my headphones, order A-3700. I bought them 5 weeks ago but only opened them yesterday and they don't work |
        | my son's football boots (A-3700) split at the seam after 2 games. bought 5 weeks ago                                  |
        | the vase from A-1500 arrived in about a hundred pieces, I only unpacked it now, bought it 5 weeks ago                 |

    Scenario: "Thanks so much for sending me a size 6 when I ordered a 10" is a wrong item
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "wow thanks so much for sending me a size 6 when I ordered a 10. really helpful. A-3939, last week"
      Then the message gives the fact "condition" as "wrong_item"
      And the agent says "sorry we sent the wrong item"

    Scenario Outline: "<message>" is no fault
      When the customer says "<message>"
      Then the message gives no fact "condition"

      Examples:
        | message                                     |
        | I don't work weekends, can you call monday? |
        | the discount codes don't work               |

    Scenario Outline: "<message>" owns up to choosing wrong: no wrong item, so the date is asked
      When the customer says "<message>"
      Then the message gives no fact "condition"
      And the agent asks for the "days since purchase"
      And the agent does not say "sorry we sent the wrong item"

      Examples:
        | message                                                              |
        | ordered trainers in the wrong size, i'd like a refund please. A-5050 |
        | bought a jumper in the wrong colour, can I return it? A-5050         |

    Scenario Outline: "<message>" is the shop sending something other than what was chosen
      When the customer says "<message>"
      Then the message gives the fact "condition" as "wrong_item"

      Examples:
        | message                                                     |
        | I ordered a blue lamp but you sent the wrong colour, A-5050 |
        | i ordered a size 8 and got the wrong size, A-5050           |
        | I ordered one that came the wrong size, A-5050              |
        | I ordered a lamp its the wrong colour A-5050                |
        | ordered a size 9 trainer wrong size delivered A-5050        |

    Scenario: What was ordered and what came, in plain words, is a wrong item
      When the customer says "I need help with my order"
      And the customer says "i ordered a blue one and got red"
      Then the message gives the fact "condition" as "wrong_item"

    Scenario: "My order is wrong" is a wrong item, met with sympathy before the next question
      When the customer says "my order is wrong"
      Then the message gives the fact "condition" as "wrong_item"
      And the agent asks for the "order_id"
      And the agent says "sorry"
      And the agent does not say "Got it"

    Scenario: An approval that starts with an apology is not announced as good news
      When the customer says "my order is wrong"
      And the customer says "A-3103"
      Then the request is approved
      And the agent says "sorry we sent the wrong item"
      And the agent does not say "Good news"

    Scenario: A parcel stolen from the doorstep never reached the customer
      When the customer says "my package was stolen from my doorstep, A-5108"
      Then the message gives the fact "condition" as "never_arrived"
      And the agent offers "Send it again" and "Full refund"

    Scenario: A stolen card is not a stolen parcel
      When the customer says "my card was stolen so I need to cancel"
      Then the message gives no fact "condition"

    Scenario: A date set apart beside an order number is when it was bought
      When the customer says "I bought a gift card by mistake, can I get a refund on it? A-7102, yesterday"
      Then the message gives the fact "days_since_purchase" as "1"
      And the request is approved

    Scenario: Something that needs fixing is faulty
      When the customer says "the coffee machine needs fixing, A-7105"
      Then the message gives the fact "condition" as "faulty"

    Scenario Outline: "<message>" is a fault
      When the customer says "<message>"
      Then the message gives the fact "condition" as "faulty"

      Examples:
        | message                                           |
        | the headphones only work in one ear               |
        | my speaker won't pair with anything               |
        | the colour ran the first time I washed it         |
        | it only charges to half                           |
        | my watch has stopped                              |
        | the lid doesn't close properly                    |
        | the drawer won't open                             |
        | the zip is stuck                                  |
        | the headphones have a crackle in the left ear     |
        | the sound is distorted                            |
        | it's just stopped, two months after I bought it   |

    Scenario: "A different size to the one on the box" is a wrong item
      When the customer says "The shoes I ordered (A-8181) are a different size to the one on the box"
      Then the message gives the fact "condition" as "wrong_item"

    Scenario: "Can I return items bought with a gift card?" asks for a refund, not for store credit
      When the customer says "Can I return items bought with a gift card? A-7171, 12 days ago"
      Then the message is not read as "choose:store_credit"
      And no alternative is applied

    Scenario: "The tracking has stopped" is no fault with the item
      When the customer says "the tracking has stopped"
      Then the message gives the fact "condition" as "never_arrived"

    Scenario Outline: "<message>" is no fault with an item
      When the customer says "<message>"
      Then the message gives no fact "condition"

      Examples:
        | message                        |
        | your website won't open        |
        | the shop doesn't open till 9   |
        | it only arrived yesterday      |

    Scenario Outline: "<message>" is part of the order not come, which what is missing sent again puts right
      When the customer says "<message>"
      Then the message gives the fact "condition" as "items_missing"
      And the agent says "part of order A-5151 didn't reach you"
      And the agent does not say "faulty"
      And the agent does not say "when did you buy"
      When the customer says "can you send the missing one?"
      Then the alternative "Send what's missing" is applied
      And the conversation is in "follow_up"

      Examples:
        | message                                                                     |
        | I ordered two things on A-5151 and only one came                            |
        | some items are missing from my order A-5151                                 |
        | the mug wasn't in the parcel, A-5151, everything else came                  |
        | A-5151 arrived but you forgot to include the second shirt                   |
        | I ordered a lamp and a rug in A-5151 but only the lamp came                 |
        | only the lamp arrived on A-5151, the rug is missing                         |
        | only 2 of the 3 turned up, order A-5151                                     |
        | my order A-5151 came but only the lamp, the rug is missing                  |
        | the box only had one of the two cushions I ordered, A-5151                  |
        | A-5151 came yesterday but the box only had 2 of the 3 mugs                  |
        | order A-5151: one of the two was missing                                    |
        | order A-5151 arrived but the rug is missing                                 |
        | A-5151 came today, the lamp was there but the rug wasn't                    |
        | the rug is missing from order A-5151                                        |
        | my package A-5151 was missing one of the items                              |
        | hi, half my order is missing. A-5151, the box only had the mug              |
        | only got 2 of the 4 chairs i ordered, A-5151                                |
        | part of my order A-5151 never came                                          |
        | my order A-5151 arrived minus the rug                                       |
        | a couple of items never arrived from order A-5151                           |
        | 2 of my items never came, order A-5151                                      |
        | everything came except the rug, order A-5151                                |
        | my order A-5151 arrived with only 2 of the 3 items                          |
        | got my order A-5151 yesterday but everythign came except the blue cushion?? |
        | got everything apart from the lamp on A-5151                                |
        | A-5151 came, all of it was there except for the cushions                    |

    Scenario Outline: "<message>" says everything came, so nothing is missing
      When the customer says "<message>"
      Then the message gives the fact "condition" as "<condition>"

      Examples:
        | message                                              | condition |
        | everything arrived but the rug is torn, A-5151       | faulty    |
        | I got everything, but the lamp is broken, A-5151     | faulty    |

    Scenario Outline: "<message>" names no item left out
      When the customer says "<message>"
      Then the message gives no fact "condition"

      Examples:
        | message                                                  |
        | everything came on A-5151, but the delivery guy was rude |
        | all of it arrived but the rug smells awful, A-5151       |
        | everything arrived except the invoice, order A-5151      |
        | the table A-5151 arrived with only 2 of the 4 legs       |

    Scenario: "Refund please, and if it turns up I'll just send it back" takes the refund, not a new parcel
      When the customer says "my parcel A-4949 never arrived"
      And the customer says "refund please, and if it turns up I'll just send it back"
      Then the alternative "Full refund" is applied

    Scenario: "No it's fine, I'll wait another day for it" to the offers for a lost parcel sets nothing up
      When the customer says "my parcel A-4949 never arrived"
      And the customer says "no it's fine, I'll wait another day for it"
      Then no alternative is applied

    Scenario: "I just want the lamp I bought refunded" after a refusal sets up no exchange
      When the customer says "I want a refund for A-1001"
      And the customer says "45 days ago"
      And the customer says "I just want the lamp I bought refunded"
      Then no alternative is applied

    Scenario: "Send them please" for cushions that never came takes the new parcel
      When the customer says "some cushions never arrived, A-4949"
      And the customer says "send them please"
      Then the alternative "Send it again" is applied

    Scenario Outline: "<choice>" takes what is missing sent again
      When the customer says "only got 2 of the 4 chairs i ordered, A-5151"
      And the customer says "<choice>"
      Then the alternative "Send what's missing" is applied

      Examples:
        | choice                     |
        | send them please           |
        | can you send the other two |
        | please post the rest       |
        | send it please             |
        | just send it               |
        | can u just post it         |

    Scenario: "I'd like my money back for the rest" takes the refund of what is missing
      When the customer says "only half my order arrived, A-5151"
      And the customer says "I'd like my money back for the rest"
      Then the alternative "Refund what's missing" is applied

    Scenario Outline: "<answer>" to when it was bought is no number of days
      When the customer says "refund for order #A1234"
      And the customer says "<answer>"
      Then the message gives no fact "days_since_purchase"
      And the request is still undecided
      And the agent does not say "1234 days"

      Examples:
        | answer                   |
        | A 1234                   |
        | it was £45               |
        | I paid 30 quid for it    |

    Scenario Outline: "<message>" is a part missing from the item itself, a fault
      When the customer says "<message>"
      Then the message gives the fact "condition" as "faulty"

      Examples:
        | message                                          |
        | A-5151 arrived but the charger is missing        |
        | the parcel was missing the charger, A-5151       |
        | the sofa came yesterday but the legs are missing |

    Scenario Outline: "<message>" is a parcel that never came
      When the customer says "<message>"
      Then the message gives the fact "condition" as "never_arrived"

      Examples:
        | message                                                |
        | my parcel was missing, A-5151                          |
        | the package is missing, where is A-5151                |
        | I ordered some cushions and they never arrived, A-5151 |
        | I ordered two chairs and they never arrived A-5151     |

    Scenario Outline: "<message>" tells of no order lost or part missing
      When the customer says "<message>"
      Then the message gives no fact "condition"

      Examples:
        | message                                                           |
        | I've sent 2 of the 3 items back, when do I get my refund? A-5151  |
        | my order was missing from my account, I can't see A-5151 anywhere |

    Scenario Outline: "<message>" came empty
      When the customer says "<message>"
      Then the message gives the fact "condition" as "arrived_empty"

      Examples:
        | message                                                         |
        | the package was missing its contents, just an empty box, A-5151 |
        | parcel came today completely empty?? order A-5151               |
        | order A-5151 arrived this morning totally empty                 |

    Scenario: A part missing from the item itself is a fault, which a replacement puts right
      When the customer says "order A-5151 came but the lamp shade is missing"
      Then the message gives the fact "condition" as "faulty"
      When the customer says "12 days ago"
      And the customer says "can you send the missing one?"
      Then the conversation is in "follow_up"
      And the agent says "replacement"

    Scenario: Items missing read by a policy that names only faults are a fault
      Given the policy file "docs/examples/retail-generous.yaml"
      When the customer says "I ordered two things on A-5151 and only one came"
      Then the message gives the fact "condition" as "faulty"

    Scenario Outline: "<message>" is still an order that never came
      When the customer says "<message>"
      Then the message gives the fact "condition" as "never_arrived"

      Examples:
        | message                                                                                     |
        | just checking in about order A-1234, it never arrived and I ordered it 3 weeks ago          |
        | my parcel A-1234 never arrived, ordered a month ago. I sent an email yesterday and no reply |

    Scenario: An empty parcel read by a policy that names only orders never come is an order never come
      Given the policy file "docs/examples/retail-generous.yaml"
      When the customer says "my order A-1188 arrived but the box was empty"
      Then the message gives the fact "condition" as "never_arrived"

    Scenario: "I got it back last week" once a repair is arranged dates no purchase, and takes nothing back
      When the customer says "my kettle A-5057 stopped working, bought 50 days ago"
      And the customer says "repair please"
      And the customer says "I got it back last week and it works"
      Then the message gives no fact "days_since_purchase"
      And the agent does not say "taken back"

    Scenario: "I got lost on your website" is no parcel lost
      When the customer says "I got lost on your website trying to find the returns page, I want to return A-1234, bought 10 days ago"
      Then the message gives no fact "condition"
      And the request is approved

    Scenario Outline: "<message>" is an ordinary fault, not one back after the shop's remedy
      When the customer says "<message>"
      Then the message gives the fact "condition" as "faulty"

      Examples:
        | message                                                                                   |
        | My headphones A-6001 have stopped working. I replaced the batteries too and still nothing |
        | My toaster A-6002 is faulty. I bought a new one last month for my mum and that's fine too |

    Scenario: "My parcel is missing" is still a parcel that never came
      When the customer says "my parcel is missing"
      Then the message gives the fact "condition" as "never_arrived"

    Scenario: "Is that covered?" about a fault is answered with the rule for faulty items
      When the customer says "my jumper A-1234 shrank after one wash, bought 2 weeks ago"
      And the customer says "is that covered?"
      Then the message is read as "ask_policy"
      And the agent says "If something is faulty"
      And the agent does not say "can't help with that"

    Scenario: A discount code that does not work is not a faulty item
      When the customer says "my voucher code doesn't work"
      Then the message gives no fact "condition"

    Scenario: "No idea" to the dispatch question is not a no, and gets the hint
      When the customer says "I want to cancel A-1303"
      And the customer says "no idea"
      Then the message gives no fact "dispatched"
      And the agent says "tracking link"
      And the request is still undecided

    Scenario: A question about the rules that names the customer's order is decided on the order
      When the customer says "are refunds possible for A-1234? I bought it 40 days ago"
      Then the message is read as "request:refund", "provide:order_id" and "provide:days_since_purchase"
      And the request is declined

    Scenario: Having had it 5 weeks while travelling for work is being away, which is noted
      When the customer says "The dress (A-1304) doesn't fit and I've had it 5 weeks because I was travelling. Please can I have a refund?"
      Then the message gives the fact "circumstance" as "away"
      And the request is declined

    Scenario: When the item was returned is not when it was bought
      When the customer says "I returned the item weeks ago and still nothing. Order A-1403."
      Then the message gives no fact "days_since_purchase"
      And the message is read as "ask_status", "complain" and "provide:order_id"

    Scenario: "Ok" after the dispatch hint takes it in, and says neither yes nor no
      When the customer says "please cancel A-1602 asap"
      And the customer says "I don't know, I ordered it this morning"
      And the customer says "ok"
      Then the message gives no fact "dispatched"
      And the request is still undecided
      When the customer says "no email yet"
      Then the request is approved

    Scenario: "Ok, it hasn't shipped" to the offer of a colleague answers the question, not the offer
      When the customer says "cancel my order A-4111 please"
      And the customer says "I don't know if it's been sent"
      And the customer says "how do I check?"
      And the customer says "ok, it hasn't shipped"
      Then the message gives the fact "dispatched" as "false"
      And the agent does not hand over to a person
      And the request is approved

    Scenario Outline: "<message>" is a parcel that came empty, said so, and a new parcel can be sent
      When the customer says "<message>"
      Then the message gives the fact "condition" as "arrived_empty"
      And the agent says "came with nothing in it"
      And the agent does not say "never arrived"
      And the agent offers "Send it again" and "Full refund"

      Examples:
        | message                                                           |
        | Hey! Quick q: my order A-1188 arrived but the box was empty?!     |
        | the box for A-1188 arrived completely empty, bought it 5 days ago |
        | my parcel A-1188 came but there was nothing inside                |

    Scenario: An empty parcel with a refund asked for is refunded in full, and said so
      When the customer says "my parcel A-1188 came empty, I want a refund"
      Then the request is approved
      And the agent says "came with nothing in it"

    Scenario: "Neither has shipped" says both orders are still here, and "isn't working" is faulty
      When the customer says "Hello, I would like to cancel order A-5050 and A-5051 please"
      And the customer says "neither has shipped"
      Then the message gives the fact "dispatched" as "False"
      And the request is approved
      When the customer says "also the motor on my blender A-5052 isn't working, bought it 2 weeks ago"
      Then the message gives the fact "condition" as "faulty"

  Rule: Waiting for an order that has not come is an order that never arrived

    Scenario: "Ordered 2 weeks ago, still waiting!!" gets the lost parcel's offers, and "send it again" takes one
      When the customer says "Oh wonderful, another company that can't deliver. A-6262, ordered 2 weeks ago, still waiting!!"
      Then the message gives the fact "condition" as "never_arrived"
      And the agent offers "Send it again" and "Full refund"
      When the customer says "send it again I guess"
      Then the alternative "Send it again" is applied

    Scenario: "Your website said 2 day delivery and it's been 6 days" is an order that never came
      When the customer says "your website said 2 day delivery and its been 6 days. A-9999"
      Then the message gives the fact "condition" as "never_arrived"
      And the agent says "I'm sorry order A-9999 hasn't reached you"
      And the agent offers "Send it again" and "Full refund"

    Scenario Outline: "<message>" asks where the order is, which is the question the offers answer
      When the customer says "<message>"
      Then the message gives the fact "condition" as "never_arrived"
      And the agent offers "Send it again" and "Full refund"
      And the agent does not say "other question"

      Examples:
        | message                                                                                                 |
        | yo wheres my stuff A-8899 ordered 3 days ago                                                            |
        | where is my order A-8899? ordered 3 days ago                                                            |
        | my parcel says delivered but it's not here?? order A-8899                                               |
        | my order A-8899 was supposed to be delivered yesterday but tracking says it's been returned to sender?? |
        | my express delivery A-8899 has been stuck in a depot for 5 days                                         |
        | my order A-8899 is stuck in customs                                                                     |

    Scenario: "How does the credit work when it hasn't arrived yet?" after a dispatched order is a question
      When the customer says "I'd like to cancel A-3579"
      And the customer says "yes it's been dispatched"
      And the customer says "hmm ok what about the store credit, how does that work when it hasn't arrived yet?"
      Then the message gives no fact "condition"
      And the agent says "as soon as the parcel reaches you"
      And the agent does not say "never arrived"
      When the customer says "ok do the credit"
      Then the alternative "Store credit" is applied

    Scenario: "Meant to arrive on Monday, it came Wednesday" came, so it did not never arrive
      When the customer says "my order A-4004 was meant to arrive on Monday for a party, it came Wednesday. party's over. I want my money back"
      Then the message gives no fact "condition"
      And the agent does not say "never reached you"

    Scenario: "The parcel came 3 days late" came, so it did not never arrive
      When the customer says "can you refund my delivery fee? the parcel came 3 days late. A-1414"
      Then the message gives no fact "condition"
      And the agent does not say "never reached you"

    Scenario: "Still waiting for my refund" asks after a refund, not after a parcel
      When the customer says "still waiting for my refund on A-1234"
      Then the message gives no fact "condition"

    Scenario: "Still waiting for a reply" is not about the order
      When the customer says "I'm still waiting for a reply from your team about A-1234"
      Then the message gives no fact "condition"

    Scenario Outline: "<message>" asks to stop an order still on its way, not about a lost one
      When the customer says "<message>"
      Then the message gives no fact "condition"
      And the agent asks for the "dispatched"
      When the customer says "no, no tracking email yet"
      Then the request "cancel" is decided as "approved"

      Examples:
        | message                                                 |
        | I want to cancel B-5150, it hasn't arrived yet          |
        | can I cancel B-5150? it's not here yet, ordered Tuesday |
        | can I cancel B-5150 if it hasn't left yet? not arrived  |

    Scenario Outline: "<message>" is still an order that never arrived, however "yet" is said
      When the customer says "<message>"
      Then the message gives the fact "condition" as "never_arrived"
      And the agent offers "Send it again" and "Full refund"

      Examples:
        | message                                                               |
        | cancel B-5153 please, it hasn't arrived yet and it's been 12 days     |
        | cancel B-5153, it hasn't arrived yet even though you said 3 to 5 days |

    Scenario: "The sole came out on the 29th" dates the fault, not the buying told before it
      When the customer says "refund for B-5154, I bought it in September and the sole came out on the 29th"
      Then the agent does not say "within our 30-day window"

    Scenario: "The payment came out on the 1st" does not outweigh when it was bought
      When the customer says "refund for B-5156, bought it 6 weeks ago, the payment came out on the 1st"
      Then the message gives the fact "days_since_purchase" as "42"

    Scenario: "Whoever makes these should be ashamed" is a complaint, not a request for a person
      When the customer says "my kettle B-5155 broke after 2 weeks, whoever makes these should be ashamed"
      Then the conversation is in "listening"
      And the agent does not hand over to a person

    Scenario: "Got it yesterday but I don't want it anymore" is a return, as it is too late to cancel
      When the customer says "got B-5152 yesterday but I don't want it anymore, changed my mind. bought 6 days ago"
      Then the message is not read as "request:cancel"
      And the request "refund" is decided as "approved"
      And the agent does not say "dispatched"

    Scenario: "Cancel it, it still hasn't come and it was due last week" is an order that never arrived
      When the customer says "I want to cancel B-5151, it still hasn't arrived, it was due last week"
      Then the message gives the fact "condition" as "never_arrived"
      And the agent offers "Send it again" and "Full refund"

  Rule: A fact put right in a later message replaces the one the customer gave

    Scenario: "Wait, it's actually A-4445, sorry" refunds order A-4445, not A-4444
      When the customer says "refund please"
      And the customer says "A-4444"
      And the customer says "wait, it's actually A-4445, sorry"
      And the customer says "3 weeks ago"
      Then the request is approved
      And the agent says "Order A-4445"
      And the agent does not say "A-4444"

    Scenario: "Sorry, I meant 2 weeks ago" after a refusal puts the date right, and the refund follows
      When the customer says "refund please"
      And the customer says "A-4444"
      And the customer says "6 weeks ago"
      Then the request is declined
      When the customer says "sorry I meant 2 weeks ago"
      Then the request is approved

    Scenario Outline: "<date>" on its own after a refusal on another date <outcome>
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-4749, bought 50 days ago"
      Then the request is declined
      When the customer says "<date>"
      Then the conversation is in "<state>"

      Examples:
        | date  | state                 | outcome                             |
        | 25/11 | follow_up             | puts the date right, and refunds it |
        | 31/10 | offering_alternatives | changes nothing                     |

    Scenario: What the host supplied is not put right by the customer
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "refund please"
      And the customer says "sorry it was actually 5 days ago"
      Then the agent does not say "started your refund"
      And the conversation is in "offering_alternatives"

  Rule: One of several orders, not said which, is asked about

    Scenario: "Cancel the second one" after naming two orders cancels the second
      When the customer says "hi sorry to bother you, I think I ordered the same thing twice by accident, A-1111 and A-1112"
      And the customer says "yes cancel the second one please"
      And the customer says "no neither has shipped"
      Then the cancellation is approved
      And the agent says "A-1112"
      And the agent does not say "A-1111"

    Scenario: "A-1111 and A-1112, can you cancel one?" asks which, and cancels only that one
      When the customer says "I ordered the same thing twice by mistake, A-1111 and A-1112, can you cancel one?"
      Then the agent says "Which order would you like me to look at: A-1111, or A-1112?"
      When the customer says "A-1112"
      And the customer says "not shipped"
      Then the request is approved
      And the agent says "Order A-1112"
      And the agent does not say "A-1111"
      And the conversation is in "follow_up"

    Scenario: "Cancel A-2222 and A-3333" still cancels both
      When the customer says "cancel A-2222 and A-3333 please, neither has shipped"
      Then the agent says "Order A-2222"
      And the agent says "Order A-3333"

  Rule: A season is a span of days

    Scenario: "In the summer" is past a 30-day window, so the answer comes without another question
      When the customer says "refund for A-1000"
      And the customer says "in the summer"
      Then the fact "days_since_purchase" is now known roughly, from 184 to 275
      And the agent explains the reason
      And the agent does not say "when did you buy it"

  Rule: A letter is read as a letter

    Scenario: "Order A-2580, which I made on the 25th" asks nothing the agent cannot answer
      When the customer says "Dear Sir or Madam, I am writing to request a refund for my recent purchase, order reference A-2580, which I made on the 25th of February. Yours faithfully, Margaret"
      Then the request is approved
      And the agent does not say "can't answer"

    Scenario: "I ordered wrong thing" is the customer's own mistake, so the swap waits for the date
      When the customer says "omg pls help i ordered wrong thing lol A-9988 can i swap"
      Then the message is read as "choose:exchange" and "provide:order_id"
      And the agent asks for the "days_since_purchase"

  Rule: An order the customer never placed goes to the payments team

    Scenario Outline: "<message>" is an order never placed, which a person checks
      When the customer says "<message>"
      Then the message gives the fact "condition" as "unauthorised"
      And the agent hands over to a person
      And the agent says "Our payments team needs to look at order A-3344"
      And the agent does not say "wrong item"

      Examples:
        | message                                                   |
        | my order A-3344 was charged but I never placed it          |
        | I don't recognise this charge, order A-3344                |
        | someone used my card for order A-3344, it wasn't me        |
        | my daughter ordered A-3344 on my card without permission   |
        | my son bought A-3344 on my account without asking          |

    Scenario: "Without permission" from someone other than the card holder is no order never placed
      When the customer says "can I return A-3344 without permission from my manager?"
      Then the message gives no fact "condition"

    Scenario: "I didn't order anything" to what the agent can do is no wrong item
      When the customer says "my order A-3344 was charged"
      And the customer says "no I didn't order anything"
      Then the message gives the fact "condition" as "unauthorised"
      And the agent does not say "free returns label"

    Scenario: A cancellation of an order placed without permission is still a cancellation
      When the customer says "my son ordered A-9911 on my card without my permission, can I cancel it?"
      Then the agent asks for the "dispatched"

  Rule: Charged for an order already cancelled asks after the money

    Scenario: "I got charged for an order I cancelled!!" is answered with how cancellations are charged
      When the customer says "I got charged for an order I cancelled!! A-8181"
      Then the message is read as "complain", "ask_status" and "provide:order_id"
      And the agent says "A cancelled order is never charged"
      And the agent does not say "what you'd like to do"

    Scenario: "My card was charged but the order was cancelled" asks after the money too
      When the customer says "my card was charged but the order was cancelled, A-5005"
      Then the message is read as "ask_status" and "provide:order_id"
      And the agent says "A cancelled order is never charged"

  Rule: A shipping label only created is an order not yet dispatched

    Scenario: "The tracking link says label created" cancels the order
      When the customer says "Hi there, I'd like to cancel order A-2200 please. Reason: ordered the wrong colour"
      And the customer says "I'm not sure, how can I tell?"
      And the customer says "the tracking link says label created"
      Then the request is approved
      And the agent does not say "colleague"

  Rule: An order that has come was dispatched, and how to send it back is a question

    Scenario: "Well it's here now" answers whether a cancelled order was dispatched
      When the customer says "Brilliant, my next day delivery has taken 9 days. Order A-1357. Cancel it."
      And the customer says "well it's here now obviously, but I don't want it anymore"
      Then the message gives the fact "dispatched" as "true"
      And the agent offers "Free return" and "Store credit"
      When the customer says "fine, free return"
      Then the alternative "Free return" is applied

    Scenario: "It arrived broken" says nothing of dispatch
      When the customer says "it arrived broken"
      Then the message gives no fact "dispatched"

    Scenario: "How do I send a sofa back?" after the refund is approved is answered with how
      When the customer says "I want to return my sofa A-5678, it's too big for the room. I bought it 3 weeks ago."
      Then the request is approved
      When the customer says "how do I send a sofa back with a label?? it's huge"
      Then the message is read as "ask_policy"
      And the agent says "print the free returns label"
      And the agent does not say "done already"

  Rule: A hope is not an answer

    Scenario: "Hopefully it hasn't gone out yet?" still asks whether it has been dispatched
      When the customer says "I chose the wrong colour on order A-9900. I only ordered it yesterday so hopefully it hasn't gone out yet? Could you cancel it?"
      Then the message gives no fact "dispatched"
      And the agent says "dispatched"
      When the customer says "no tracking email yet"
      Then the request is approved

  Rule: A tracking email answers whether an order has been dispatched

    Scenario: "I have a tracking email" after the hint says it has been dispatched
      Given the customer "Dana" bought order "A-1001" 1 days ago
      When the customer says "I need to cancel an order I made this morning, A-1001"
      And the customer says "I'm not sure, how can I check?"
      Then the agent says "tracking link"
      When the customer says "ok I have a tracking email"
      Then the agent offers "Free return" and "Store credit"
      And the agent does not say "a colleague can look into it"

    Scenario Outline: "<answer>" to the dispatch question is not sure, and gets the hint
      When the customer says "cancel A-1234"
      And the customer says "<answer>"
      Then the message gives no fact "dispatched"
      And the agent says "tracking link"
      And the agent does not say "I still need this"

      Examples:
        | answer              |
        | I think so          |
        | not that I know of  |

    Scenario Outline: "<answer>" to the dispatch question says it has not gone
      When the customer says "Hi! Can I cancel order A-3333? I ordered it 20 mins ago"
      And the customer says "<answer>"
      Then the message gives the fact "dispatched" as "false"
      And the cancellation is approved

      Examples:
        | answer                                                    |
        | I don't think so, I only just ordered it                  |
        | don't believe so                                          |
        | not yet I don't think                                     |
        | not yet                                                   |
        | it's not shipped yet so could you cancel it               |
        | it hasn't been dispatched and I might not need it anymore |
        | ok it hasn't                                              |
        | it has not                                                |

    Scenario: "Not sure if it's shipped, I ordered 20 minutes ago" is unsure of the dispatch, and gets the hint
      When the customer says "Hi I ordered something by mistake, A-3333, can I cancel?"
      And the customer says "not sure if it's shipped, I ordered 20 minutes ago"
      Then the message gives no fact "dispatched"
      And the agent says "tracking link"

    Scenario Outline: "<answer>" says only that it may have gone, and gets the hint
      When the customer says "Hi I ordered something by mistake, A-3333, can I cancel?"
      And the customer says "<answer>"
      Then the message gives no fact "dispatched"
      And the agent says "tracking link"
      And the agent does not say "already left our warehouse"

      Examples:
        | answer                                                |
        | hmm not sure, I think it might have shipped yesterday |
        | not sure, maybe it's gone out already                 |

    Scenario: "Not sure tbh, I ordered it on Monday" is unsure of the dispatch, and keeps the date
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "cancel A-1234"
      And the customer says "not sure tbh, I ordered it on monday"
      Then the message gives no fact "dispatched"
      And the fact "days_since_purchase" is now "3"
      And the agent says "tracking link"
      And the agent does not say "I still need this"

    Scenario: "I got a text saying it's coming tomorrow" says it has been dispatched
      When the customer says "cancel A-1234"
      And the customer says "I got a text saying it's coming tomorrow"
      Then the message gives the fact "dispatched" as "true"

    Scenario: "I haven't had a tracking email" says it has not
      Given the customer "Dana" bought order "A-1001" 1 days ago
      When the customer says "cancel A-1001 please"
      And the customer says "I haven't had a tracking email"
      Then the request is approved

  Rule: An order asked about as "my other order" is not the one a request is for

    Scenario: "Cancel, and when will my other order arrive?" does not cancel the other order
      When the customer says "Hi I placed an order 2 days ago and I'd like to cancel, also can you tell me when my other order A-3007 will arrive?"
      Then the agent asks for the "order_id"
      And the agent does not say "A-3007"
      When the customer says "A-3006, and no it hasn't shipped"
      Then the request is approved
      And the agent says "A-3006"

  Rule: Trouble told of another order by its number is that order's, not the one in hand

    Scenario: "Forget that one, can you check where A-3333 is? it hasn't arrived" after a refusal
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-1111, bought 40 days ago"
      And the customer says "actually forget that one, can you check where A-3333 is? it hasn't arrived"
      Then the agent does not say "refund for order A-1111"
      And the agent says "Now let's look at order A-3333"
      And the agent says "I'm sorry order A-3333 hasn't reached you"
      And the agent offers "Send it again" and "Full refund"
      When the customer says "the new parcel please"
      Then the alternative "Send it again" is applied

    Scenario: "What about my other order A-6666? It's been 3 weeks and nothing" once a refund is started
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-5555 bought 5 days ago"
      And the customer says "and what about my other order A-6666? it's been 3 weeks and nothing"
      Then the message gives the fact "condition" as "never_arrived"
      And the agent says "I'm sorry order A-6666 hasn't reached you"
      When the customer says "new parcel"
      Then the alternative "Send it again" is applied

    Scenario: "Bought it 2 weeks ago and nothing wrong with it" tells of no parcel that never came
      When the customer says "bought it 2 weeks ago and nothing wrong with it"
      Then the message gives no fact "condition"

  Rule: "The week before last" is the calendar week before last week

    Scenario: "It was the week before last" is 12 to 18 days ago on a Friday, inside the window
      Given it is 2026-12-04 11:00 in the policy's time zone
      When the customer says "refund for A-1112"
      And the customer says "it was the week before last"
      Then the request is approved

    Scenario Outline: "<answer>" is that weekend
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund for A-1112"
      And the customer says "<answer>"
      Then the message gives the fact "days_since_purchase" as "<days>"

      Examples:
        | answer                          | days   |
        | the weekend before last         | 11-12  |
        | I ordered it over the weekend   | 4-5    |

  Rule: A day of this month or last month is that day

    Scenario: "The 3rd of last month" is more than 30 days ago at the start of December
      Given it is 2026-12-04 11:00 in the policy's time zone
      When the customer says "i bought a coat on the 3rd of last month, order A-9090, want to send it back"
      Then the message gives the fact "days_since_purchase" as "31"
      And the agent explains the reason
      And the agent does not say "within our 30-day window"

    Scenario: "The 1st of this month" is inside the window
      Given it is 2026-12-04 11:00 in the policy's time zone
      When the customer says "refund for A-9090 please, I ordered it on the 1st of this month"
      Then the message gives the fact "days_since_purchase" as "3"
      And the request is approved

  Rule: A yes-or-no fact is answered only by an answer

    Scenario: "Ok, is that it? Do I need to do anything?" does not say the order was dispatched
      When the customer says "I want to cancel my order and get a refund. order A-9393, ordered this morning"
      And the customer says "ok is that it? do I need to do anything?"
      Then the message gives no fact "dispatched"
      And the agent does not say "already left our warehouse"
      And the agent says "dispatched"
      When the customer says "no, it hasn't gone out"
      Then the request is approved

    Scenario: "Just cancel it!!" while asked about dispatch is still no answer
      When the customer says "cancel A-9393 please"
      And the customer says "just do it please, is that so hard?"
      Then the message gives no fact "dispatched"
      And the agent does not say "can't cancel it"

  Rule: A reason given beside a request is not another request

    Scenario: "Refund it, I don't need it anymore" asks for the refund alone
      When the customer says "Can you refund order A-2323? Bought 2 days ago, don't need it anymore"
      Then the message is read as "request:refund", "provide:order_id" and "provide:days_since_purchase"
      And the request is approved
      And the agent does not say "dispatched"

    Scenario: "Cancel it, I can't afford it now" is the cancellation alone
      When the customer says "please cancel A-2323, I can't afford it anymore"
      Then the message is read as "request:cancel", "provide:order_id" and "provide:circumstance"

  Rule: Being charged twice is heard in the words people use

    Scenario Outline: "<message>" is a charge to put right, whatever else it says
      When the customer says "<message>"
      Then the message gives the fact "condition" as "<condition>"

      Examples:
        | message                                                            | condition     |
        | you charged me twice by mistake, A-6161                            | charged_twice |
        | you charged me £12.50 twice for order A-6161                       | charged_twice |
        | they took 40 quid twice off my card, A-6161                        | charged_twice |
        | my discount code didn't work at checkout, can I get the 10% back?  | overcharged   |

    Scenario: "Your website took my money twice" goes to the payments team
      When the customer says "Your website took my money twice for the same order!!! A-1212"
      Then the message gives the fact "condition" as "charged_twice"
      And the agent says "charged twice"
      And the conversation waits for a person

    Scenario: "I paid for it twice" waits for the order number, then goes to the payments team
      When the customer says "I think I paid for it twice"
      Then the message gives the fact "condition" as "charged_twice"
      When the customer says "A-3434"
      Then the agent says "refund the extra charge"

  Rule: More ways of telling when and what

    Scenario: "4 weeks and 5 days ago" is 33 days, past the 30-day window
      When the customer says "refund for A-2001 please, I bought it 4 weeks and 5 days ago"
      Then the message gives the fact "days_since_purchase" as "33"
      And the agent says "33 days ago"
      And the agent offers "Store credit" and "Exchange"

    Scenario Outline: "<message>" dates the buying in the first message
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the message gives the fact "days_since_purchase" as "<days>"
      And the agent does not say "When did you buy it?"

      Examples:
        | message                                         | days |
        | refund for A-3002. it was the 1st of November   | 32   |
        | refund for A-3002, I think it was Nov 4th       | 29   |

    Scenario: "It's stopped turning on" is a fault, and a replacement is offered past 30 days
      When the customer says "I bought a TV 3 months ago and it's stopped turning on. A-1900"
      Then the message gives the fact "condition" as "faulty"
      And the agent offers "replacement" and "repair"
      When the customer says "replace it"
      Then the alternative "Replacement" is applied

    Scenario: "The trainers I got off you on the 1st" dates the purchase beside asking for the money back
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I'd like my money back for the trainers I got off you on the 1st, order A-1010"
      Then the message gives the fact "days_since_purchase" as "2"
      And the request is approved

    Scenario: "Around the 10th" after "in October" is the 10th of October, even with nothing asked
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hi, I bought a coffee machine from you in October and it has started leaking. order A-7171"
      Then the agent offers "Replacement" and "Repair"
      When the customer says "around the 10th"
      Then the message gives the fact "days_since_purchase" as "54"
      And the agent does not say "entitled to a full refund"

    Scenario: "Got em saturday" dates the purchase in the first message
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "yo. need to send these jeans back, A-3141. too tight round the waist. got em saturday"
      Then the message gives the fact "days_since_purchase" as "5"
      And the request is approved

    Scenario: "On the second" is the 2nd of this month
      Given it is 2026-12-04 11:00 in the policy's time zone
      When the customer says "refund for A-1001"
      And the customer says "on the second"
      Then the message gives the fact "days_since_purchase" as "2"
      And the request is approved

    Scenario: "The beginning of the month" is inside the window
      Given it is 2026-12-04 11:00 in the policy's time zone
      When the customer says "refund for A-1001"
      And the customer says "beginning of the month"
      Then the request is approved

    Scenario: "I posted it on 20 November" is no answer of no
      When the customer says "Hello, I returned a jumper 2 weeks ago and still haven't got my refund. A-6677"
      Then the agent says "Shall I pass it on?"
      When the customer says "I posted it on the 20th of November"
      Then the message is not read as "deny"
      And the conversation waits for a person

    Scenario: "About a month ago, maybe a bit more" is a month or longer, so the agent asks for the date
      Given it is 2026-12-04 11:00 in the policy's time zone
      When the customer says "refund for A-5151 please"
      And the customer says "about a month ago, maybe a bit more"
      Then the message gives the fact "days_since_purchase" as "30+"
      And the agent says "when did you buy it"
      And the request is still undecided

    Scenario: An email given when a colleague is offered for a missing order number is a yes
      When the customer says "I'd like a refund please"
      And the customer says "erm I don't have the order number to hand"
      And the customer says "can I give you my email instead?"
      Then the agent says "a colleague"
      When the customer says "jo@example.com"
      Then the conversation waits for a person

  Rule: An order asked after beside a request is not one the request is for

    Scenario: "Cancel A-5151, and when will my refund for A-5050 come?" cancels one order and answers the other
      When the customer says "cancel order A-5151 please, and can you tell me when my refund for A-5050 will come?"
      Then the message is read as "request:cancel", "provide:order_id" and "ask_status"
      And the agent says "within 5 working days"
      And the agent does not say "A-5050"
      When the customer says "no it hasn't shipped"
      Then the request is approved
      And the agent does not say "when did you buy it"

  Rule: A different length or fit is the exchange

    Scenario: "Too short, I want a different length" asks for the exchange, not a refund
      When the customer says "The jeans I bought (A-4141) are too short. I got them 10 days ago. I want a different length"
      Then the message is read as "choose:exchange", "provide:order_id" and "provide:days_since_purchase"
      And the alternative "Exchange" is applied

    Scenario: "Too long. Can I get them shorter?" asks for the exchange, not a refund
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hey. so the jeans i ordered are too long. can i get them shorter? lol. A-1919, last tuesday"
      Then the alternative "Exchange" is applied
      And the agent says "a shorter one"
      And the agent does not say "started your refund"

    Scenario: "Can I get them in a longer leg?" after a refund is granted is not asked after the refund
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "I want a refund"
      And the customer says "can I get them in a longer leg?"
      Then the message is not read as "ask_status"
      And the agent does not say "A refund reaches your card"

  Rule: The date of buying outweighs the date of getting it

    Scenario: "An item I bought 25 days ago but only received 5 days ago" is refunded, with no wrong item and no other question
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Can I return an item I bought 25 days ago but only received 5 days ago? A-8181"
      Then the message gives no fact "condition"
      And the request is approved
      And the agent does not say "wrong item"
      And the agent does not say "other question"

    Scenario: "Got it 3 days ago but ordered 5 weeks ago" is 35 days since the purchase
      Given it is 2026-12-04 11:00 in the policy's time zone
      When the customer says "order A-7878 came late and the birthday's passed. I want to send it back, got it 3 days ago but ordered 5 weeks ago"
      Then the message gives the fact "days_since_purchase" as "35"
      And the agent explains the reason

  Rule: Waiting for the order is an order that never came; waiting for a reply dates nothing

    Scenario: "I've been waiting 3 weeks for my order and nothing" gets the offers for a lost parcel
      When the customer says "this is ridiculous, i've been waiting 3 weeks for my order A-4646 and nothing"
      Then the message gives the fact "condition" as "never_arrived"
      And the agent offers "Send it again" and "Full refund"

    Scenario: "I've been waiting 2 weeks for a reply" is not when it was bought
      When the customer says "I've been waiting 2 weeks for a reply"
      Then the message gives no fact "days_since_purchase"

  Rule: Another ask about another order leaves that order out of the request

    Scenario: "Cancel A-8080, and the address is wrong on A-8181" cancels A-8080 alone
      When the customer says "hi, can you cancel A-8080? also the delivery address is wrong on A-8181, can you change it?"
      Then the agent does not say "A-8181"
      When the customer says "no not dispatched"
      Then the request is approved
      And the agent does not say "A-8181"

  Rule: Just now, hours and minutes ago are today, and "can you stop it?" asks to cancel

    Scenario: "I ordered it 2 hours ago" is today
      When the customer says "refund for A-1001 please"
      And the customer says "I ordered it 2 hours ago"
      Then the message gives the fact "days_since_purchase" as "0"
      And the request is approved

    Scenario: "Can you stop it?" about an order made by mistake asks to cancel it
      When the customer says "Help!!! I ordered the wrong thing by mistake, A-1616, just now. Can you stop it?"
      Then the message is read as "provide:order_id", "provide:days_since_purchase" and "request:cancel"
      And the message gives the fact "days_since_purchase" as "0"
      And the agent says "dispatched"

  Rule: "...but the other hasn't" answers for the other order too

    Scenario: "A-7373 has shipped but A-7474 hasn't" decides both cancellations
      When the customer says "cancel A-7373 and A-7474 please"
      And the customer says "A-7373 has shipped but A-7474 hasn't"
      Then the agent offers "Free return" and "Store credit"
      When the customer says "credit for the first"
      Then the alternative "Store credit" is applied
      And the agent does not say "has your order been dispatched"
      And the agent says "A-7474"

    Scenario: "A-7373 hasn't shipped but A-7474 has" holds the other way round
      When the customer says "cancel A-7373 and A-7474 please"
      And the customer says "A-7373 has not shipped but A-7474 has"
      Then the agent says "A-7474 has already left our warehouse"

    Scenario: "A-7373 has shipped, the other hasn't" answers for the other order too
      When the customer says "cancel A-7373 and A-7474 please"
      And the customer says "A-7373 has shipped, the other hasn't"
      Then the agent offers "Free return" and "Store credit"
      When the customer says "free return"
      Then the alternative "Free return" is applied
      And the request "cancel" is decided as "approved"
      And the agent does not say "has your order been dispatched"

  Rule: Waiting some days for a refund asks after it

    Scenario: "Two emails saying my refund is processed but no money yet" asks after it, and details given pass it on
      Given it is within the policy's opening hours
      When the customer says "Hiya, I've had two emails saying my refund is processed but no money yet. A-3579"
      Then the message is read as "ask_status", "complain" and "provide:order_id"
      When the customer says "it was about a week ago"
      Then the agent hands over to a person
      And the agent says "Thank you. I'm passing this to a colleague now"

    Scenario: Someone else's order: what to do with it, and "will you send mine?"
      When the customer says "I received someone else's order! The name on the box isn't mine. A-4680"
      And the customer says "what do I do with their stuff?"
      Then the agent says "print the free returns label"
      When the customer says "ok and will you send mine?"
      Then the message is read as "ask_about:exchange"

    Scenario: "I've been waiting 10 days for my refund" is answered with where refunds get to
      When the customer says "I've been waiting 10 days for my refund"
      Then the message is read as "ask_status"
      And the agent says "within 5 working days"
      And the agent does not say "When did you buy it"

  Rule: A date said after the request is settled puts right the date it was settled on

    Scenario: "The 1st of January" after a refund granted for "the 1st" takes the refund back
      When the customer says "refund for A-1001 please, got it on the 1st"
      Then the request is approved
      When the customer says "the 1st of January"
      Then the message gives the fact "days_since_purchase" as "61"
      And the agent says "changes"
      And the agent offers "Store credit" and "Exchange"

    Scenario: "No wait, the 20th of December, not February" reads the date meant, not the one taken back
      When the customer says "can I get a refund for A-1001? I think I ordered it around the 20th"
      Then the request is approved
      When the customer says "no wait, it was the 20th of december, not february"
      Then the message gives the fact "days_since_purchase" as "73"
      And the agent offers "Store credit" and "Exchange"

    Scenario: "It was the 5th of January actually" is a date too
      When the customer says "refund A-1001, bought it 3 days ago"
      And the customer says "it was the 5th of january actually"
      Then the message gives the fact "days_since_purchase" as "57"

    Scenario: "Two Saturdays ago" is the Saturday before last
      When the customer says "want to send back A-1001, ordered two saturdays ago"
      Then the message gives the fact "days_since_purchase" as "10"
      And the request is approved

  Rule: Something else said when a closer date is asked is no sign the customer cannot give one

    Scenario: "It was for my daughter" to the question for a closer date is asked again, not handed over
      Given it is 2026-03-20 10:00 in the policy's time zone
      When the customer says "I want a refund for A-1001, I bought it last month"
      Then the request is still undecided
      When the customer says "it was for my daughter"
      Then the agent does not say "colleague"
      And the agent says "when did you buy it?"

    Scenario: A shrug to the question for a closer date is not knowing, and a colleague is offered
      Given it is 2026-03-20 10:00 in the policy's time zone
      When the customer says "I want a refund for A-1001, I bought it last month"
      And the customer says "🤷"
      Then the message is read as "not provide:days_since_purchase"
      And the agent does not say "A rough idea is enough"
      And the agent says "colleague"

    Scenario: "No idea" after a date that only bounds the purchase still gets the hint first
      When the customer says "refund please, A-1234, it broke after a week"
      And the customer says "no idea"
      Then the agent says "A rough idea is enough"

    Scenario: "I can't remember" after "about a month ago" was asked to be narrowed offers a colleague
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund for A-9005, it was about a month ago"
      And the customer says "I'm not sure, about a month"
      And the customer says "honestly I don't know, I can't remember"
      Then the agent does not say "A rough idea is enough"
      And the agent says "colleague"

    Scenario: Told where to find an order number the customer does not have, another fact given instead brings the colleague
      When the customer says "hiya my daughter bought me a scarf as a present, I'd like to swap it for a different colour"
      And the customer says "I don't have the order number, it was a gift"
      Then the agent says "confirmation email"
      When the customer says "she bought it a couple of weeks ago I think"
      Then the agent says "colleague"
      And the agent does not say "could you tell me your order number"
      When the customer says "yes please"
      Then the agent hands over to a person

    Scenario: A name the host supplied stands when the customer signs with another
      When the customer says "please cancel A-1122, it hasn't been dispatched. Kind regards, Margaret"
      Then the agent says "Dana"
      And the agent does not say "Margaret"

  Rule: Several orders in one message each get what their own words ask for

    Scenario Outline: Dates told by item before the orders are named by item go to their own orders
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the agent says "Order A-1010 is within our 30-day window"
      And the agent says "Order A-2020 was bought 62 days ago"

      Examples:
        | message                                                                                                                   |
        | I bought trainers on the 20th and sandals on the 2nd of October. Both orders: A-1010 trainers, A-2020 sandals. I want refunds for both |
        | I bought sandals on the 2nd of October and trainers on the 20th. A-1010 trainers, A-2020 sandals. refunds please          |

    Scenario: An order told with its details but no trouble, beside one whose trouble asks for a refund, is returned too
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I bought 2 things, a mug A-1111 (broken) bought 3 days ago and a plate A-2222 I just don't like, bought 2 months ago"
      Then the agent says "I've started one for order A-1111"
      And the agent says "Order A-2222 was bought 61 days ago"
      When the customer says "store credit for the plate then"
      Then the alternative "Store credit" is applied

    Scenario: An order told beside another with nothing about it but that it is fine is left alone
      When the customer says "my parcel A-1000 never arrived, and A-2000 came fine"
      Then the agent says "A-1000"
      And the agent does not say "A-2000"

    Scenario: "A-6868 I want to return … and A-6969 I want to cancel" gives each request the order said before it
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hello, i need help with two orders. A-6868 i want to return (bought 35 days ago, unworn) and A-6969 i want to cancel"
      Then the agent says "Order A-6868 was bought 35 days ago"
      When the customer says "A-6969 hasn't shipped"
      Then the reply matches /noted for a cancellation/
      When the customer says "store credit for the first one"
      Then the agent says "Order A-6969 hasn't left our warehouse yet, so I've cancelled it"
      And the agent does not say "Order A-6868 hasn't left"

    Scenario: "Can I have it in L?" while the dispatch is asked says nothing of the dispatch
      When the customer says "cancel A-4545"
      And the customer says "can I have it in L?"
      Then the message gives no fact "dispatched"

    Scenario Outline: "<facts>" after two requests gives each its own facts by place
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want to return A-2222 and also cancel A-3333. <facts>"
      Then the agent says "Order A-2222 is within our 30-day window"
      And the agent says "Order A-3333 hasn't left our warehouse yet"

      Examples:
        | facts                                                      |
        | the first one I bought 5 days ago, the second hasn't shipped |
        | The second hasn't shipped. The first was bought 5 days ago   |

    Scenario Outline: "<message>" is an order later than promised, which never came
      When the customer says "<message>"
      Then the message gives the fact "condition" as "never_arrived"

      Examples:
        | message                                                   |
        | Wonderful service, my parcel is only 3 weeks late. A-5555 |
        | A-5555 is 2 weeks overdue                                 |
        | my order is a week late                                   |

    Scenario: "My return is 5 days late" tells of no parcel that never came
      When the customer says "my return is 5 days late"
      Then the message gives no fact "condition"

    Scenario: An exchange asked for and taken back for a refund in the same message is the refund
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I'd like to exchange A-7777 for a bigger size, bought 3 days ago. Actually wait, can I just get a refund?"
      Then the message is not read as "choose:exchange"
      And the request is approved
      And the agent says "I've started your refund"

    Scenario: "A-6161 never arrived and A-6262 came broken" offers for the lost parcel, then refunds the broken one
      Given it is 2026-03-20 10:00 in the policy's time zone
      When the customer says "I need help with 2 orders. A-6161 never arrived and A-6262 came broken. Both bought 3 weeks ago"
      Then the agent says "A-6161 hasn't reached you"
      And the agent offers "Send it again" and "Full refund"
      When the customer says "new parcel for the first one please"
      Then the alternative "Send it again" is applied
      And the request "refund" is decided as "approved"
      And the agent says "A-6262"

    Scenario: "Refund A-5151 and exchange A-5252" refunds one and exchanges the other
      When the customer says "refund A-5151 and exchange A-5252, both bought last week"
      Then the request "refund" is decided as "approved"
      And the alternative "Exchange" is applied
      And the agent says "A-5252"
      And the reply matches /exchange (is arranged )?for order A-5252/

    Scenario: "Exchange A-5151 and refund A-5252" arranges the exchange first, then the refund
      When the customer says "exchange A-5151 and refund A-5252 please"
      And the customer says "both bought last week"
      Then the transitions taken were "grant_wish_and_continue" and "approve"
      And the alternative "Exchange" is applied
      And the reply matches /exchange (is arranged )?for order A-5151/

  Rule: Several orders told of at once are each named before the first is looked at

    Scenario: Two orders' troubles are named in the order they will be looked at, and the sorry comes once
      When the customer says "A-6161 came broken and A-6262 never arrived"
      Then the reply matches /order A-6161( first)?, then order A-6262/
      And the agent says "sorry" only once
      And the agent asks for the "days_since_purchase"

    Scenario: An order whose trouble is told beside another's cancellation is named by its number, not as a cancellation
      When the customer says "I want to cancel order A-7006, and A-7007 never arrived"
      Then the reply matches /a cancellation for order A-7006( first)?, then order A-7007/
      And the agent does not say "a cancellation for order A-7007"
      When the customer says "no"
      Then the agent says "Order A-7006 hasn't left our warehouse yet"
      And the agent says "order A-7007 hasn't reached you"

    Scenario: An offer made first for one order says the other order comes after
      When the customer says "A-6161 never arrived and A-6262 came broken"
      Then the reply matches /(After that,|Then) I'll look at order A-6262/

  Rule: An order number put right is no date, and "I mean I want to return it" puts the request right

    Scenario: "Wait, wrong number, it's A-4445" is thanked for, not met with sorry for the frustration
      When the customer says "cancel A-4444"
      And the customer says "wait, wrong number, it's A-4445"
      Then the agent does not say "frustrating"
      And the agent asks for the "dispatched"

    Scenario: "Sorry wrong number, it's A-1243" while the date is asked takes the number, not 1243 days
      When the customer says "refund for A-1234 please"
      And the customer says "sorry wrong number, it's A-1243"
      Then the message gives no fact "days_since_purchase"
      And the agent says "when did you buy it"
      And the agent does not say "1243 days"

    Scenario: "Oh wait, I mean I want to return it" while the dispatch is asked switches to a refund
      When the customer says "I want to cancel A-2345"
      And the customer says "oh wait, I mean I want to return it, it arrived yesterday"
      Then the message is read as "provide:dispatched", "provide:days_since_purchase", "cancel_request:cancel" and "request:refund"
      And the agent says "refund"
      And the agent asks for the "days since purchase"

    Scenario: "The trainers from A-1010 and the hoodie from A-2020. trainers 10 days ago, hoodie 2 months ago"
      When the customer says "i'd like to send back the trainers from A-1010 and the hoodie from A-2020. trainers bought 10 days ago, hoodie 2 months ago"
      Then the agent says "Order A-1010 is within our 30-day window"
      And the agent says "Order A-2020 was bought 59 days ago"
      And the agent offers "Store credit" and "Exchange"

    Scenario: "Refund A-1010 and A-2020, the first bought 10 days ago" dates the first order only
      When the customer says "refund A-1010 and A-2020, the first bought 10 days ago"
      Then the request "refund" is decided as "approved"
      And the agent says "For order A-2020, when did you buy it?"

    Scenario: "I ordered the wrong size by mistake, A-6767, yesterday" dates the order
      When the customer says "i ordered the wrong size by mistake, A-6767, yesterday. can i swap it?"
      Then the message gives the fact "days_since_purchase" as "1"
      And the agent does not say "When did you buy it"

    Scenario Outline: "<message>" says it was bought at least that long ago
      When the customer says "<message>"
      Then the message gives the fact "days_since_purchase" as "<days>"

      Examples:
        | message                                             | days |
        | my kettle broke after 3 weeks, A-3131               | 21+  |
        | the headphones stopped working after a week, A-3131 | 7+   |
        | these boots only lasted about 6 weeks, A-3131       | 42+  |

    Scenario: "They only lasted 6 weeks" is past the 30 days without asking when
      When the customer says "these boots only lasted 6 weeks, A-3131, I want a refund"
      Then the request "refund" is decided as "declined"
      And the agent does not say "When did you buy it"

    Scenario Outline: A part missing, "<message>", is a fault with the item
      When the customer says "<message>"
      Then the message gives the fact "condition" as "faulty"

      Examples:
        | message                                          |
        | my order came without the charger! A-3434        |
        | the box arrived but the remote was missing       |
        | the instructions weren't in the box              |

    Scenario: "My parcel is missing" is a parcel that never came, not a part missing
      When the customer says "my parcel is missing, A-3434"
      Then the message gives the fact "condition" as "never_arrived"

    Scenario: "It arrived after 3 weeks" does not date the purchase
      When the customer says "order A-3131 arrived after 3 weeks and it's broken"
      Then the message gives no fact "days_since_purchase"

    Scenario: "I've had it for about 2 months" is how long ago it was bought
      When the customer says "Hi, I want to return a faulty toaster, A-3131. I've had it for about 2 months."
      Then the message gives the fact "days_since_purchase" as "59"
      And the agent does not say "When did you buy it"

    Scenario Outline: "<message>" dates the purchase from the day it was had since
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the message gives the fact "days_since_purchase" as "<days>"
      And the agent does not say "When did you buy it"

      Examples:
        | message                                                                             | days  |
        | I need to return a coffee machine A-1357, it leaks. I've had it since mid-September | 74-83 |
        | my kettle A-1357 stopped working, I've owned it since October                       | 33-63 |

    Scenario: "I bought a couple of things last week. The mug (A-1414) arrived chipped and the plate (A-1515) never showed up"
      Given it is 2026-03-20 10:00 in the policy's time zone
      When the customer says "Hey, I bought a couple of things last week. The mug (A-1414) arrived chipped and the plate (A-1515) never showed up"
      Then the agent says "I've started one for order A-1414"
      And the agent says "A-1515 hasn't reached you"
      And the agent offers "Send it again" and "Full refund"

    Scenario: "On the 31st" after a month without one is the last month that has it
      When the customer says "I'd like a refund on A-1001 please"
      And the customer says "I bought it on the 31st"
      Then the message gives the fact "days_since_purchase" as "31"
      And the agent says "Order A-1001 was bought 31 days ago"

  Rule: A date put right in the same message, a day inside a rough time, and days past the limit

    Scenario: "Bought it 2 weeks ago. Wait no, 5 weeks ago" is read as 5 weeks, and the refund is declined
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund for A-5151 pls"
      And the customer says "bought it 2 weeks ago. wait no, 5 weeks ago"
      Then the message gives the fact "days_since_purchase" as "35"
      And the request is declined

    Scenario Outline: "<message>" puts the date right with a length alone, and the refund is declined
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the message gives the fact "days_since_purchase" as "42"
      And the request is declined

      Examples:
        | message                                                                                   |
        | I want a refund for A-3030, bought 3 weeks ago. Actually wait, I think it was more like 6 weeks |
        | refund for A-3030, I bought it 3 weeks ago, sorry I mean 6 weeks                           |

    Scenario: A month that straddles a limit is asked for a closer date, without "roughly is fine"
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hello, my washing machine (A-6677) has stopped spinning. I bought it in June. What can you do?"
      Then the agent says "narrow it down"
      And the agent asks for the "days_since_purchase"
      And the agent does not say "Roughly"

    Scenario: "Last month, on the 10th I think" is the 10th of last month
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Hello, I got a blender last month (A-3131), on the 10th I think, and the lid cracked the first time I used it."
      Then the message gives the fact "days_since_purchase" as "23"
      And the agent does not say "narrow it down"

    Scenario Outline: "<message>" counts the days past the limit
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the message gives the fact "days_since_purchase" as "<days>"

      Examples:
        | message                                                                         | days |
        | hey, I'd like to return a dress, it's 3 days past the 30 days, surely you can make an exception? | 33   |
        | refund A-1212 please, it's 2 days over the 30 day limit                         | 32   |
        | I bought it a week past the 30-day window, can I still return it?               | 37   |

    Scenario: A wish while a closer date is asked is heard before the date is asked again
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Hello, I got a kettle 5 or 7 months ago (A-3131), and it stopped working."
      Then the reply matches /(narrow it down|more exact|closer date)/
      When the customer says "the repair please"
      Then the agent says "arrange the repair"
      And the agent says "when did you buy it"
      And the conversation is in "listening"

    Scenario Outline: A wish the rough date gives whichever day it was is granted without narrowing the date
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<first>"
      Then the reply matches /(narrow it down|more exact|closer date)/
      When the customer says "<wish>"
      Then the alternative "<alternative>" is applied
      And the agent does not say "when did you buy it"

      Examples:
        | first                                                                                        | wish            | alternative |
        | Hello, I got a blender sometime last month (A-3131), and the lid cracked the first time I used it. | the replacement | Replacement |
        | I bought a toaster at the start of last month and it's stopped working. Order C-2020.        | the repair please | Repair    |

    Scenario: A wish asked for with a rough date that gives it either way is granted at once
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I bought a toaster at the start of last month and it's stopped working. Order C-2020. Can I get it repaired?"
      Then the alternative "Repair" is applied
      And the conversation is in "follow_up"

  Rule: A yes-or-no answer given the other way later puts the first one right

    Scenario: "It only says processing on my account" after "it's shipped" cancels the order after all
      When the customer says "cancel A-1111 please"
      And the customer says "it's shipped"
      Then the request is declined
      When the customer says "what? it only says 'processing' on my account"
      Then the agent says "so I've cancelled it"

  Rule: A part of the item that broke is no illness

    Scenario: "What about the broken leg?" of a sofa is the item's fault, not the customer's illness
      When the customer says "Hello, I ordered a sofa (A-7777) 3 weeks ago. It arrived today but one of the legs is broken."
      And the customer says "what about the broken leg?"
      Then the message gives no fact "circumstance"

  Rule: A delivery date given for the purchase date is thanked for and asked about plainly

    Scenario Outline: "<answer>" to when it was bought says why the day of buying is still needed
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "my toaster A-4432 is broken, refund please"
      And the customer says "<answer>"
      Then the reply matches /(that's when it arrived|That's when it came|That's the delivery date)/
      And the reply matches /(the day you bought it|the day it was bought|the day you ordered it)/
      And the agent does not say "closer date"

      Examples:
        | answer                                   |
        | it came on monday                        |
        | delivered 3 weeks ago                    |
        | it arrived 40 days ago, stopped working yesterday |

    Scenario: "Bought it last week" is the day of buying, not a delivery date
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "my toaster A-4432 is broken, refund please"
      And the customer says "bought it about 5 weeks ago"
      Then the agent does not say "when it arrived"

    Scenario Outline: "<message>" told before anything is asked is heard as a delivery date
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the reply matches /(that's when it arrived|That's when it came|That's the delivery date)/
      And the agent asks for the "days since purchase"

      Examples:
        | message                                                                                    |
        | The sofa I ordered (A-2525) arrived with a tear in the fabric. Delivered 3 days ago.        |
        | my kettle A-6002 leaks, I received it on the 2nd of November. I'd like a replacement please |
        | I received my order A-1234 yesterday, I want to return it, doesnt fit                       |
        | i got my order A-5555 today but the box was crushed and the vase inside is smashed          |
        | got the parcel on monday, A-3131, the lamp inside is broken                                 |

    Scenario: A delivery date told unasked that is already past the time allowed settles the refund
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want to return A-2525, it was delivered 40 days ago"
      Then the agent declines politely
      And the agent says "more than 40 days ago"

    Scenario Outline: "<message>" is the day it was due or sent back, not the day it came
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the message gives no fact "days_since_purchase"

      Examples:
        | message                                                   |
        | my parcel A-1414 is late, it was supposed to arrive friday |
        | it was due to be delivered on monday                       |
        | i sent it back on the 20th of november                     |

    Scenario: A question asked while a closer date is still wanted comes back to the date
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "My sofa A-2525 arrived with a tear in the fabric. Delivered 3 days ago."
      And the customer says "I'd like a replacement, not a refund"
      And the customer says "how long will it take?"
      Then the agent says "We send you a new one as soon as we have the faulty one back"
      And the agent does not say "You can return most items"
      And the agent says "when did you buy it?"

    Scenario: The money asked for instead of a new one, while the date is asked, asks the date again
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "my kettle arrived yesterday with a crack down the side, order A-5021. what can you do"
      And the customer says "can I have the money back instead of a new one? I don't trust it anymore"
      Then the message is read as "request:refund" and "reject:replacement"
      And the agent does not say "colleague"
      And the agent asks for the "days since purchase"
      When the customer says "how long till I see it?"
      Then the agent says "A refund reaches your card within 5 working days"
      And the agent does not say "You can return most items"
      And the agent asks for the "days since purchase"

    Scenario: "Will you collect the damaged one?" while the date is asked is how it goes back
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "My sofa A-2525 arrived with a tear in the fabric, I'd like a replacement"
      And the customer says "ok, and will you collect the damaged one?"
      Then the message is read as "provide:condition" and "ask_policy"
      And the agent says "print the free returns label"
      And the agent does not say "colleague"
      And the agent says "when did you buy it?"

  Rule: A date given while the order number is asked is no order number typed wrong

    Scenario Outline: "<answer>" is not answered with how order numbers look
      When the customer says "hi, I'd like to return something"
      And the customer says "<answer>"
      Then the agent does not say "a letter, a dash and four digits"
      And the reply matches /tell me your order number\?/

      Examples:
        | answer                      |
        | it arrived on 28 November   |
        | it came on the 28th         |

  Rule: An order asked after by its number beside a request is not one the request is for

    Scenario: "I want to cancel A-1111. Also where is A-2222?" cancels one order only
      When the customer says "I want to cancel A-1111. Also where is A-2222?"
      Then the agent does not say "cancellation for order A-2222"
      And the agent says "other question"
      When the customer says "no it hasn't shipped"
      Then the request is approved
      And the agent does not say "A-2222"

  Rule: Money back for a charge is a refund

    Scenario Outline: "<message>" asks for a refund
      When the customer says "<message>"
      Then the message is read as "request:refund" and "provide:order_id"

      Examples:
        | message                                                                      |
        | the next day delivery took 9 days. Order A-1919. I want my delivery fee back |
        | can I have the postage back for A-1919? it came a week late                  |

  Rule: How to send a return is answered while its facts are still gathered

    Scenario Outline: "<question>" while the order number is asked is answered with how returns are sent
      When the customer says "hi, I'd like to return something"
      And the customer says "<question>"
      Then the message is read as "ask_policy"
      And the agent says "print the free returns label"
      And the reply matches /tell me your order number\?/

      Examples:
        | question                      |
        | great, how do I send it?      |
        | how should I post them?       |

  Rule: Being kept from a request is asking for it

    Scenario Outline: "<message>" asks to cancel
      When the customer says "<message>"
      Then the agent says "about a cancellation"
      And the agent asks for the "dispatched"

      Examples:
        | message                                                   |
        | the app won't let me cancel my order A-1234               |
        | why am I not allowed to cancel A-1234?                    |
        | I wasn't able to cancel A-1234 on the website              |

  Rule: Days past a limit date nothing, and a day got for an occasion is the day it was got

    Scenario: "It's only a few days over!" asked when it was bought grants nothing
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want to return a pair of trainers, A-1357"
      And the customer says "oh come on, it's only a few days over!"
      Then the message gives no fact "days_since_purchase"
      And the agent does not say "within our 30-day window"
      And the conversation is in "listening"

    Scenario: "I got them for my birthday on the 20th of October" dates them
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want to return a pair of trainers, A-1357"
      And the customer says "I got them for my birthday on the 20th of october"
      Then the message gives the fact "days_since_purchase" as "44"

  Rule: "Could be more" after a rough time makes it that long or longer, and a date looked up puts right the one settled

    Scenario Outline: "<answer>" is <days> days or more, and a closer date is asked
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-1212"
      And the customer says "<answer>"
      Then the message gives the fact "days_since_purchase" as "<days>+"
      And the conversation is in "listening"

      Examples:
        | answer                                         | days |
        | I don't know, maybe a month ago? could be more | 30   |
        | 3 weeks ago - might be longer                  | 21   |

    Scenario: "A month ago, could be more expensive now" is a month ago
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-1212"
      And the customer says "a month ago, could be more expensive now"
      Then the message gives the fact "days_since_purchase" as "30"

    Scenario: "About a month ago", on the edge of the 30 days, is asked to be narrowed down
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-1212"
      And the customer says "about a month ago"
      Then the request is still undecided
      And the reply matches /(narrow it down|closer date|more exact)/
      When the customer says "just checked, it was 2 November"
      Then the message gives the fact "days_since_purchase" as "31"
      And the agent offers "Store credit" and "Exchange"

    Scenario Outline: "<lookup>" after a refund granted for "a month ago" puts the date right
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-1212"
      And the customer says "a month ago"
      Then the request is approved
      When the customer says "<lookup>"
      Then the message gives the fact "days_since_purchase" as "31"
      And the agent offers "Store credit" and "Exchange"

      Examples:
        | lookup                                     |
        | I'll check my email... it says 2 November  |
        | just checked, it was 2 November            |
        | my receipt says 2 November                 |

  Rule: A request asked for before that came to nothing is asked for again

    Scenario Outline: "<message>" asks for the refund
      When the customer says "<message>"
      Then the agent says "about a refund"

      Examples:
        | message                                                                  |
        | Thanks for nothing. I asked for a refund on A-1001 yesterday and got nowhere |
        | I asked for a refund last week but never heard back                      |

    Scenario: "My refund was approved but no one told me when it comes" asks for no new refund
      When the customer says "my refund was approved but no one told me when it comes"
      Then the agent does not say "about a refund"

  Rule: A date typed with slips is still read

    Scenario Outline: "<message>" is a refund within the window
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the request is approved

      Examples:
        | message                                                                   |
        | helo i wnat to retrun my shose they are to smal A-2222 bougt last weke    |
        | refund A-2223 pls, boght it 2 wekes ago                                   |

    Scenario: "I ordered it more than a minth back" is more than a month
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-2224 please"
      And the customer says "I ordered it more than a minth back"
      Then the message gives the fact "days_since_purchase" as "31+"

  Rule: A return named first, with its own order, beside a cancellation of another is a request too

    Scenario: "Return the lamp from A-1301 (bought 10 days ago) and cancel A-1302" refunds one and cancels the other
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hi, two things: I want to return the lamp from A-1301 (bought 10 days ago) and cancel A-1302"
      Then the agent says "Order A-1301 is within our 30-day window"
      And the agent does not say "cancellation for order A-1301"
      When the customer says "no it hasn't shipped"
      Then the agent says "Order A-1302 hasn't left our warehouse yet"

  Rule: "It's late" after naming the order is an order that never arrived

    Scenario: "My order" then "it's late" asks for the order number, and a date after the offers is only noted
      When the customer says "hello I need help"
      And the customer says "my order"
      And the customer says "it's late"
      Then the message gives the fact "condition" as "never_arrived"
      And the agent asks for the "order number"
      When the customer says "A-1401"
      Then the agent offers "Send it again" and "Full refund"
      When the customer says "last week I ordered it"
      Then the agent does not say "doesn't change"
      And the agent does not say "afraid"

  Rule: A date after a hedge is still a date

    Scenario Outline: "<when>" is that week of the month
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-8102"
      And the customer says "<when>"
      Then the message gives the fact "days_since_purchase" as "<days>"

      Examples:
        | when                                | days  |
        | the first week of November          | 26-32 |
        | I bought it the last week of October | 33-42 |
        | second week of october              | 50-56 |

    Scenario: "Not sure, early October I think" after a refusal for "sometime in October" is noted, not waited for
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund A-8102"
      And the customer says "I don't remember, sometime in October maybe"
      Then the request is declined
      When the customer says "not sure, early October I think"
      Then the message gives the fact "days_since_purchase" as "54-63"
      And the agent does not say "No rush"

    Scenario Outline: "<message>" after a refusal for "in October" narrows the date, and is noted
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "my mum bought a blanket from you, order A-2929, in october and it's too scratchy for her. could she return it?"
      Then the request is declined
      When the customer says "<message>"
      Then the message gives the fact "days_since_purchase" as "<span>"
      And the agent does not say "didn't quite catch"

      Examples:
        | message              | span  |
        | mid october          | 44-53 |
        | she says mid-october | 44-53 |
        | end of october       | 33-43 |

  Rule: Two counts of time said as a choice or a range are a range, not the larger one

    Scenario Outline: "<message>" is kept as <span> days
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "refund please for A-5050"
      And the customer says "<message>"
      Then the message gives the fact "days_since_purchase" as "<span>"

      Examples:
        | message                               | span  |
        | I'm not sure, maybe 25 or 35 days ago | 25-35 |
        | 25-35 days ago                        | 25-35 |
        | between 25 and 35 days ago            | 25-35 |
        | 3 or 4 weeks ago                      | 21-28 |
        | 20 or so days ago                     | 16-25 |
        | not sure, maybe 25 days or maybe 35   | 25-35 |
        | 3 weeks or perhaps 4 weeks ago        | 21-28 |
        | just over a month ago                 | 31-38 |
        | slightly over 2 weeks ago             | 15-18 |

    Scenario: "Only just over a month" for a fault bought in early November offers the repair or replacement
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I bought a coffee machine in early november and it already leaks. A-4242. I'd like a refund."
      And the customer says "but it's only just over a month, it's faulty!"
      Then the agent offers "Replacement" and "Repair"
      When the customer says "ok replacement then"
      Then the alternative "Replacement" is applied

    Scenario: A range across the 30-day line is asked about again, then decided
      When the customer says "refund please for A-5050"
      And the customer says "I'm not sure, maybe 25 or 35 days ago?"
      Then the request is still undecided
      And the agent says "when did you buy it?"
      When the customer says "probably closer to 35 to be honest"
      Then the agent offers "store credit"

  Rule: A date far into a long first message is still the day of buying

    Scenario Outline: "<message>" gives the day of buying
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the message gives the fact "days_since_purchase" as "31"
      And the agent does not say "When did you buy it"

      Examples:
        | message                                                                                                                       |
        | So I ordered a set of pans for my daughter's wedding present, order A-8642, on the 2nd of November and I don't need them now |
        | I ordered pans as a wedding present on the 2nd of November, can I return them?                                              |

    Scenario: A date of the occasion, not of buying, is not the day of buying
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I went to a wedding on the 2nd of November and ordered a dress, can I return it?"
      Then the message gives no fact "days_since_purchase"

  Rule: An order that came late is not an order that never came

    Scenario: "It only arrived 20 days ago because your courier lost it" is no lost parcel
      When the customer says "i want my money back for A-4242 its been 35 days but it only arrived 20 days ago because your courier lost it for 2 weeks"
      Then the message gives no fact "condition"
      And the agent does not say "never reached you"

    Scenario: "Your courier lost it" alone is still a parcel that never came
      When the customer says "the courier lost it, A-4242"
      Then the message gives the fact "condition" as "never_arrived"

  Rule: Not remembering the number, said with the request, is helped at once

    Scenario: "I can't remember the number" with a cancellation gets where to find it
      When the customer says "hi, I want to cancel my order but I can't remember the number. it was the blue sofa"
      Then the agent says "confirmation email"

  Rule: An amount charged on top of the price is an overcharge

    Scenario Outline: "<message>" is charged more than the right amount
      When the customer says "<message>"
      Then the message gives the fact "condition" as "overcharged"

      Examples:
        | message                                                          |
        | I got charged £20 more than the price on the website for A-9191 |
        | you billed me an extra £5 for A-9191                             |
        | you took £10 too much from my card, A-9191                       |
        | i've been charged £50 but the item was £40, A-9191               |
        | I was charged £30, the price on the website was £25, A-9191      |

    Scenario: Two amounts that share out one charge are no overcharge
      When the customer says "charged £50 for two items, £25 each, A-9191"
      Then the message gives no fact "condition"

    Scenario: Paying more by choice is no overcharge
      When the customer says "I paid £20 more to get it faster, A-9191"
      Then the message gives no fact "condition"

  Rule: A day set apart beside the order number is the day of buying

    Scenario Outline: "<answer>" to the order number question gives both
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Is it possible to get a refund on an item I bought on sale?"
      And the customer says "<answer>"
      Then the message gives the fact "days_since_purchase" as "3"
      And the agent does not say "When did you buy it"

      Examples:
        | answer              |
        | A-7878, last Monday |
        | A-7878, on Monday   |

  Rule: "They're the wrong size" says they do not fit; a wrong size sent is the shop's mistake

    Scenario: "They're the wrong size" asks for the day of purchase like any return
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Hi, could you refund me for the jeans on A-7878? They're the wrong size."
      Then the message gives no fact "condition"
      And the agent says "When did you buy it"
      And the agent does not say "we sent the wrong item"

    Scenario Outline: "<message>" is the shop's mistake
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the message gives the fact "condition" as "wrong_item"

      Examples:
        | message                                       |
        | you sent the wrong size, A-7878               |
        | I got the wrong size, I ordered a 10          |
        | it's the wrong colour, I ordered blue         |

  Rule: An item that does not match its description is faulty, and a remark after "but" asks nothing

    Scenario: A formal letter about an item unlike its description is read as faulty, with no question in it
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says:
        """
        Dear Sir/Madam,

        I am writing regarding order A-8181 which I received on 25 November. Unfortunately the item does not
        match the description on your website (it was listed as solid oak but is clearly veneer). I would like
        to return it for a full refund.

        Kind regards,
        Margaret Hughes
        """
      Then the message gives the fact "condition" as "faulty"
      And the agent does not say "other question"
      And the agent says "When did you buy it"

    Scenario Outline: "<message>" is a faulty item
      When the customer says "<message>"
      Then the message gives the fact "condition" as "faulty"

      Examples:
        | message                                           |
        | the lamp A-1234 doesn't match the description     |
        | it's not as advertised, the colour is totally off |
        | my order A-4040 came today but it's missing the charger |
        | the desk arrived with parts missing               |

  Rule: A bare day of the month that is today's is today or a month ago, narrowed only when that decides

    Scenario: "Bought it on the 3rd", said on the 3rd of December, is the 3rd of December or of November
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want to return something, order A-4455"
      And the customer says "bought it on the 3rd"
      Then the message gives the fact "days_since_purchase" as "0-30"
      And the request is approved

    Scenario: "Bought it on the 3rd, today" is today
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want to return something, order A-4455"
      And the customer says "bought it today, on the 3rd"
      Then the message gives the fact "days_since_purchase" as "0"

  Rule: A closer time said after a rough one narrows it, and a guess with a question mark asks nothing

    Scenario: "A few weeks back ... maybe 3 or 4 weeks?" is 3 to 4 weeks, inside the window
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I was wondering if I could return a dress I bought a few weeks back, it's A-1717. Not sure exactly when, maybe 3 or 4 weeks?"
      Then the message gives the fact "days_since_purchase" as "21-28"
      And the request is approved
      And the agent does not say "other question"

  Rule: A date the customer cannot give, said before it is asked, gets the hint; what someone said is no ask for a person

    Scenario: "A present someone gave me, no receipt" gets the hint for the order number, not a person at once
      When the customer says "I want to return a present someone gave me, no receipt, not sure where it's from"
      Then the message is not read as "ask_human"
      And the agent does not hand over to a person
      And the agent says "confirmation email"

    Scenario: "It was a gift so I don't know when it was bought" is told a rough idea is enough
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I'd like to return my order A-3434. It was a gift so I don't know when it was bought"
      Then the agent says "A rough idea is enough"
      When the customer says "the person who gave it said early november"
      Then the message is not read as "ask_human"
      And the agent does not hand over to a person

  Rule: A date beside an order number in brackets, or given unsure before anything is asked for, is still read

    Scenario: "The lamp I bought (A-5151, 10 days ago) arrived with a cracked base" was bought 10 days ago
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Hey! Quick one: the lamp I bought (A-5151, 10 days ago) arrived with a cracked base, and also I'd like to cancel A-5152 which I ordered yesterday"
      Then the agent says "you bought it 10 days ago"
      And the agent does not say "narrow it down"
      And the agent says "For order A-5152, has your order been dispatched yet?"

    Scenario: "Do you sell replacement bulbs?" beside a refund is not answered from the replacement
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I need to return a lamp (A-3434, 10 days ago) and I'd also like to know if you sell replacement bulbs"
      Then the request is approved
      And the agent does not say "faulty one back"
      And the agent says "other question"

    Scenario: A date after an order number that follows a question is still the day of buying
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I need to return a dress, it doesn't fit. also can I use a discount code on my next order? A-4343, 5 days ago"
      Then the message gives the fact "days_since_purchase" as "5"
      And the request is approved

    Scenario: "Maybe mid October?" inside a long message is a guess at the date, not another question
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hey so basically i bought a coat in october, cant remember exactly when, maybe mid october? and the zip is already broken, order A-4224. could i get a refund or maybe a repair?"
      Then the agent does not say "other question"
      And the alternative "Repair" is applied

    Scenario: "Maybe early November?", said before asking for anything, is kept and asked about more closely
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "my husband bought me a toaster for my birthday and it's rubbish, it burns everything. no idea when he bought it"
      And the customer says "maybe early november?"
      Then the message gives the fact "days_since_purchase" as "23-32"
      And the agent does not say "from here"
      And the agent does not say "colleague"
      When the customer says "refund please"
      Then the agent does not say "colleague"
      And the agent says "when did you buy it?"
      When the customer says "A-4321"
      Then the reply matches /(more exact|closer date|narrow it down)/

  Rule: Faults are read in the words customers use for them, and a plea a day late is a refund asked for

    Scenario Outline: "<message>" after the refusal is a fault
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the message gives the fact "condition" as "faulty"

      Examples:
        | message                                                        |
        | i bought a tv 5 months ago and the screen has lines on it now  |
        | the zip has completely come off                                |
        | there are lines across the screen                              |

    Scenario: "Is there really no way? it's only one day over" asks for the refund and hears the rule
      When the customer says "hey, bought a dress 31 days ago, X-1014, is there really no way? it's only one day over"
      Then the request is declined
      And the agent offers "store credit" and "exchange"

    Scenario Outline: "<remark>" dates nothing of the order
      When the customer says "i want a refund for A-4321"
      And the customer says "<remark>"
      Then the message gives no fact "days_since_purchase"
      And the agent says "when did you buy it"

      Examples:
        | remark                                                         |
        | btw your website is really slow today, took me ages to log in |
        | it's my birthday today lol                                     |

    Scenario: "3 weeks ago on the website" still dates the order
      When the customer says "i want a refund for A-4321"
      And the customer says "3 weeks ago on the website"
      Then the message gives the fact "days_since_purchase" as "21"

    Scenario: "Bought it 3 weeks ago. No actually 5 weeks ago" is read as 5 weeks
      When the customer says "refund for A-3131, bought it 3 weeks ago. no actually 5 weeks ago"
      Then the message gives the fact "days_since_purchase" as "35"
      And the request is declined

    Scenario Outline: "<message>" is a danger, not a fault to wait on
      When the customer says "<message>"
      Then the message gives the fact "condition" as "unsafe"

      Examples:
        | message                                                      |
        | X-2221 my toaster sparks when I use it                       |
        | X-2224 the kettle keeps tripping the electrics and smoking   |

    Scenario Outline: "<message>" is a fault
      When the customer says "<message>"
      Then the message gives the fact "condition" as "faulty"

      Examples:
        | message                                                                      |
        | the sofa cushions from C-6161 are ripping at the seams                       |
        | the fabric is tearing after 5 weeks, order C-6161                            |
        | Q-5051 I ordered it 40 days ago but it only got delivered yesterday and it's broken |

    Scenario: "I quit smoking" is no danger
      When the customer says "I quit smoking so I don't need the ashtray, A-1234 refund please"
      Then the message gives no fact "condition"

    Scenario: "It won't have gone yet" tells the order is not dispatched
      When the customer says "N-2727 cancel please, I only ordered it an hour ago, it won't have gone yet"
      Then the message gives the fact "dispatched" as "False"
      And the cancellation is approved

    Scenario: "Approved on Monday but nothing's in my account yet" asks how the refund is going
      When the customer says "Hiya, a refund for G-5151 was approved on Monday but nothing's in my account yet, what's going on?"
      Then the message is read as "provide:order_id" and "ask_status" and "complain"
      And the agent says "5 working days"

    Scenario Outline: "<answer>" dates the purchase, whatever it was bought with
      When the customer says "I want a refund for order A-1234"
      And the customer says "<answer>"
      Then the message gives the fact "days_since_purchase" as "<days>"

      Examples:
        | answer                                       | days |
        | 6 weeks ago with my phone                    | 42   |
        | about 5 weeks ago when your website was down | 35   |

    Scenario Outline: "<message>" is no danger and no fault
      When the customer says "<message>"
      Then the message gives no fact "condition"

      Examples:
        | message                                                                     |
        | order A-1234, this new phone case is smoking hot, love it but want to return it |
        | order A-1234, my husband is smoking in the garden and hates the chair       |
        | I want to return order A-1234, the sleeves are falling off my shoulders, it's too big |
        | I want to return order A-1234, my dog is tearing it apart                   |

    Scenario: "Bought it 5 weeks ago, no sorry 2" is read as 2 weeks
      When the customer says "refund for A-3131"
      And the customer says "bought it 5 weeks ago, no sorry 2"
      Then the message gives the fact "days_since_purchase" as "14"
      And the request is approved

    Scenario: "Actually no don't bother, it was bought 10 days ago" while a person is coming settles the refund
      When the customer says "Z-4545 can I talk to a real person please, I want a refund"
      Then the conversation is in "escalated"
      When the customer says "actually no don't bother, it was bought 10 days ago"
      Then the request is approved

    Scenario Outline: "<answer>" still dates the purchase
      When the customer says "I want a refund for order A-1234"
      And the customer says "<answer>"
      Then the message gives the fact "days_since_purchase" as "1"

      Examples:
        | answer                  |
        | phone charger yesterday |
        | the app yesterday       |

    Scenario: "I haven't used it yet" to the date question is no wait
      When the customer says "I want a refund for A-1234"
      And the customer says "I haven't used it yet"
      Then the message is not read as "hold"

    Scenario: "Stop sending it please, it hasn't shipped" still asks to cancel
      When the customer says "I want to cancel A-1234"
      And the customer says "stop sending it please, it hasn't shipped"
      Then the cancellation is approved

    Scenario: "Bought it 3 weeks ago, sorry no receipt, paid 40" keeps the 3 weeks
      When the customer says "refund A-1001 please. bought it 3 weeks ago, sorry no receipt, paid 40"
      Then the message gives the fact "days_since_purchase" as "21"

  Scenario Outline: "<message>" gives how long the item has been had, bound and all
    When the customer says "<message>"
    Then the refund is approved
    And the agent does not say "between 0"
    And the message is not read as "ask_status"

    Examples:
      | message                                                          |
      | had it less than a month and it's broken, refund A-4411          |
      | I've had it for less than 2 weeks and it's broken, refund A-4411 |
      | had it under 3 weeks and the handle snapped, refund A-4411       |

  Scenario Outline: An order number typed with another kind of dash ("<message>") is read as the order number
    When the customer says "<message>"
    Then the message gives the fact "order_id" as "<order>"
    And the agent does not say "check that number"

    Examples:
      | message                                   | order  |
      | please cancel order T–5521, placed today  | T-5521 |
      | refund A‑1234, bought it 3 days ago       | A-1234 |
      | my order B−7788 hasn't shipped, cancel it | B-7788 |

  Scenario Outline: "<message>", a repair or replacement asked for by name of a fault past six months, goes to a colleague
    Given it is within the policy's opening hours
    And it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "<message>"
    Then the agent hands over to a person
    And the agent does not say "30 days"
    And the agent does not offer "Store credit"

    Examples:
      | message                                                                                  |
      | my washing machine stopped working, order P-3737, I bought it in march. I'd like it repaired |
      | the heater I bought in april (R-1919) has stopped working. can you send me a replacement?  |
      | S-2929 my coat's zip broke, bought it in february, could I swap it for a new one?           |

  Scenario Outline: "<message>" tells of part of the order missing, and is offered what is missing
    When the customer says "<message>"
    Then the agent offers "Send what's missing" and "Refund what's missing"

    Examples:
      | message                                                                        |
      | order L-4040 came yesterday but only 2 of the 3 glasses were in the box          |
      | order L-4040 - one of the glasses was missing from the box                       |

  Scenario: "Yes please send it" after being offered what is missing sends it
    When the customer says "order L-4040 came yesterday but only 2 of the 3 glasses were in the box"
    And the customer says "yes please send it"
    Then the alternative "Send what's missing" is applied

  Scenario Outline: "<message>" tells of a fault in so many words
    When the customer says "<message>"
    Then the message gives the fact "condition" as "faulty"

    Examples:
      | message                                                      |
      | my order V-7070 turned up with a massive crack down the side |
      | the mirror from L-4040 came with a huge crack across it      |

  Scenario Outline: "<pushback>" after a refusal presses with the days over, and changes no date
    When the customer says "need a refund on P-2020, bought it on the 28th of October"
    And the customer says "oh come on, it's only a few days over"
    And the customer says "<pushback>"
    Then the agent does not say "within our 30-day window"
    And the conversation is in "offering_alternatives"

    Examples:
      | pushback          |
      | seriously? 5 days |
      | ugh. 6 days       |
      | seriously? a week |

  Scenario: "How long does the cancellation take to show?" once cancelled is told what a cancellation means, not how refunds go
    When the customer says "I'd like to cancel F-5050 please, it's not been sent yet"
    And the customer says "brilliant, thank you! how long does the cancellation take to show?"
    Then the agent says "never charged"
    And the agent does not say "refund reaches your card"

  Scenario: "Bought it last week as a gift for her birthday on Sunday" is not narrowed to Sunday
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "my order K-7766 arrived today but the mug is chipped. bought it last week as a gift for my mum's birthday on sunday"
    Then the fact "days_since_purchase" is now known roughly, from 4 to 10
