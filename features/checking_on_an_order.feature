Feature: Checking on something already under way
  A customer who asks how an earlier request is going hears what the policy says about it and is
  offered a colleague who can check, unless the request was sorted in this same chat and there is
  nothing yet to check. Giving the details to check is a yes; thanks alone, with nothing else open,
  ends the chat politely.

  Background:
    Given the policy "retail"

  Scenario: An order number in answer to the offer of a colleague hands over with it
    When the customer says "where's my refund? you said it'd be 5 days"
    Then the agent says "within 5 working days"
    When the customer says "A-1010"
    Then the agent hands over to a person with reason "asked_for_person"
    And the handoff summary mentions "A-1010"

  Scenario: Details told in answer to the offer of a colleague are thanked for, not met with "of course"
    When the customer says "I returned my boots 3 weeks ago and still no refund. Order A-8003."
    And the customer says "I sent them back on the 10th of November"
    Then the agent hands over to a person with reason "asked_for_person"
    And the agent says "Thank you"
    And the agent does not say "Of course"

  Scenario: Thanks after the answer, with nothing else open, ends the chat
    When the customer says "has my refund gone through yet?"
    And the customer says "ok thanks"
    Then the conversation is closed
    And the agent does not hand over to a person

  Scenario: A yes to the offer hands over
    When the customer says "any update on my refund?"
    And the customer says "yes please"
    Then the agent hands over to a person

  Scenario: "My refund is taking ages" asks after it rather than for a new refund
    When the customer says "my refund is taking ages, order A-9702"
    Then the message is read as "ask_status", "complain" and "provide:order_id"
    And the agent says "sorry"
    And the agent says "within 5 working days"
    And the agent does not say "When did you buy it"

  Scenario: Asking the agent to chase it, after the offer of a colleague, hands over
    When the customer says "I sent the parcel back 10 days ago and the refund still isn't there"
    And the customer says "could you chase it up please?"
    Then the agent hands over to a person
    And the agent does not say "what you'd like to do"

  Scenario: "Ok so what now?" to the offer of a colleague takes it, rather than getting the whole policy
    When the customer says "My refund for A-9393 still hasn't arrived, it's been 2 weeks"
    And the customer says "ok so what now"
    Then the agent hands over to a person
    And the agent does not say "Here's how it works"

  Scenario: "No, don't chase it" to the offer of a colleague hands nothing over
    When the customer says "any update on my refund?"
    And the customer says "no don't chase it, I'll wait"
    Then the agent does not hand over to a person

  Scenario: Asking after an order's status is no request to cancel it
    When the customer says "order status please"
    Then the message is not read as "request:cancel"
    And the agent does not say "about a cancellation"

  Scenario: Asking when the money arrives, just after the refund was started, offers no check
    Given the customer "Ola" bought order "A-1732" 7 days ago
    When the customer says "my vase arrived cracked, I'd like a refund"
    Then the request is approved
    When the customer says "how long until I see the money?"
    Then the agent says "within 5 working days"
    And the agent does not say "colleague"
    And the quick replies are "That's all, thanks"
    When the customer says "yes"
    Then the agent does not hand over to a person

  Scenario Outline: "<message>" asks after the refund with a long wait, and is told sorry first
    When the customer says "<message>"
    Then the message is not read as "request:refund"
    And the reply matches /^(Hi|Hello).*\n\nI'm sorry (you're still waiting|it's taking so long)/
    And the agent says "within 5 working days"

    Examples:
      | message                                                                          |
      | why haven't I had my refund yet? it's been 2 weeks since you approved it. A-1357 |
      | still no refund after 3 weeks!! A-1357                                           |

  Scenario: A return sent weeks ago with still no refund is a question about it, not a new request
    When the customer says "I returned my shoes 3 weeks ago and still no refund"
    Then the message is read as "ask_status" and "complain"
    And the agent says "within 5 working days"
    And the agent says "colleague"
    And the agent does not say "What would you like me to do?"

  Scenario: A refund that has not come through is no parcel that never arrived
    When the customer says "no sign of my refund and it's been 2 weeks"
    Then the message is not read as "provide:condition"
    And the message gives no fact "condition"
    And the agent does not say "hasn't reached you"

  Scenario Outline: "<message>" is a refund that never came, not a parcel
    When the customer says "<message>"
    Then the message gives no fact "condition"
    And the agent says "within 5 working days"
    And the agent does not say "hasn't reached you"

    Examples:
      | message                                                                        |
      | I was promised a refund by your colleague on the phone and it never came      |
      | you said you'd send me the money last week, it still hasn't arrived            |

  Scenario: "Cancel A-1111 and also where's my refund for A-2222?" asks after the refund, and asks for no new one
    When the customer says "hiya, two things: I need to cancel A-1111 and also where's my refund for A-2222?"
    Then the message is read as "request:cancel", "ask_status" and "provide:order_id"
    And the message is not read as "request:refund"
    And the agent says "within 5 working days"
    And the agent says "dispatched"

  Scenario: A refund asked after, third beside two requests each settled, is still answered
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "Hi, three things: 1) I need to cancel A-1010 (not shipped yet), 2) A-2020 arrived with a cracked screen, bought 5 days ago, and 3) where is my refund for A-3030?"
    Then the agent says "I've cancelled it"
    And the agent says "I've started one for order A-2020"
    And the agent says "other question"
    And the agent says "you get an email when we send it"

  Scenario: "My refund was approved but I haven't got the money" asks after it, and asks for no new refund
    When the customer says "hi, I'm a bit confused, I got an email saying my refund was approved but I haven't got the money yet. order A-9701"
    Then the message is not read as "request:refund"
    And the agent does not say "When did you buy it"

  Scenario: "So where is it then?" after the answer about a refund asks the same again, and a yes hands over
    When the customer says "my refund for A-3434 still hasn't come through, it's been 2 weeks since you said it was approved"
    Then the agent says "within 5 working days"
    When the customer says "so where is it then?"
    Then the message is read as "ask_status"
    And the agent says "colleague"
    And the agent does not say "outside what I can do"
    When the customer says "yes"
    Then the conversation waits for a person

  Scenario Outline: "<message>" asks after the charge, not for a cancellation
    When the customer says "<message>"
    Then the message is not read as "request:cancel"
    And the agent says "A cancelled order is never charged"

    Examples:
      | message                                       |
      | I was charged for my cancelled order          |
      | i cancelled my order but you still charged me |

  Scenario: "And when will my other refund for A-2002 arrive?" beside a new request is answered too
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "refund for A-2001 please, bought 40 days ago, and also when will my other refund for A-2002 arrive?"
    Then the conversation is in "offering_alternatives"
    And the agent says "within 5 working days of being approved"

  Scenario Outline: "<then>" after asking after a refund for one order cancels the order it names
      When the customer says "<first>"
      And the customer says "<then>"
      And the customer says "not yet dispatched"
      Then the request is approved
      And the agent says "Order A-3737 hasn't left our warehouse"
      And the agent does not say "A-3636"

      Examples:
        | first                                                                      | then                                                          |
        | hi, i returned some boots last week, order A-3636. when do i get my money? | ok thanks. also, i have another order A-3737 i want to cancel |
        | where's my refund for A-3636                                               | no thanks. can i cancel A-3737 please                         |

  Scenario Outline: "<message>" is a refund chased in irony: answered, with a colleague offered to check
    When the customer says "<message>"
    Then the message is read as ironic
    And the agent says "within 5 working days"
    And the reply matches /I'm sorry (you're still waiting|it's taking so long)/
    And the agent does not say "what you'd like to do"
    When the customer says "yes please"
    Then the conversation waits for a person

    Examples:
      | message                                             |
      | wow, 5 weeks for a refund, amazing service 👏 A-1212 |
      | fantastic service, three weeks and still no refund  |

  Scenario: "No that's fine" to the colleague offered with a refund's status asks the waiting question again, cancelling nothing
    When the customer says "I want to cancel A-1600"
    And the customer says "actually wait, first can you tell me about my refund for A-1601? it's been a week"
    Then the message is not read as "request:refund"
    And the agent says "within 5 working days"
    When the customer says "no that's fine"
    Then the reply decides no request
    And the agent asks for the "dispatched"
    When the customer says "no"
    Then the request is approved
    And the agent says "Order A-1600 hasn't left our warehouse yet"

  Scenario: "No" to the colleague offered when the customer cannot tell if it shipped cancels nothing
    When the customer says "cancel A-1700 please"
    And the customer says "i dont know"
    And the customer says "no idea sorry"
    Then the agent says "colleague"
    When the customer says "no"
    Then the reply decides no request
    And the conversation is in "listening"

  Scenario: "My refund for A-1919 was approved last week but I still haven't received it" asks after it, and starts no refund
    When the customer says "My refund for A-1919 was approved last week but I still haven't received it"
    Then the message is not read as "request:refund"
    And the reply decides no request
    And the agent says "within 5 working days"

  Scenario Outline: "<message>" asks after a refund given before, and starts no new one
    When the customer says "<message>"
    Then the message is not read as "request:refund"
    And the reply decides no request
    And the agent says "within 5 working days"

    Examples:
      | message                                                            |
      | I got a refund for A-7007 last week but it's not in my account yet |
      | I was given a refund last week but it's not in my account yet      |

  Scenario Outline: "<message>" asks after the refund, and neither refunds an order as lost nor asks what to do
    When the customer says "<message>"
    Then the message is read as "ask_status"
    And the reply decides no request
    And the agent does not say "never reached you"
    And the agent says "within 5 working days"

    Examples:
      | message                                                  |
      | my refund never came                                     |
      | I asked for a refund last week and it never came through |

  Scenario: "Trying to get through for ages, my refund for A-9292 never came" is a chase for a person
    When the customer says "I've been trying to get through to someone for ages. my refund for A-9292 never came"
    Then the agent hands over to a person
    And the agent does not say "never reached you"
    And the agent does not say "I've started a full refund"

  Scenario: "It was approved on Monday" to the offer of a colleague is a detail for them, not a goodbye
    When the customer says "I got a refund for A-7007 last week but it's not in my account yet"
    And the customer says "it was approved on Monday"
    Then the message is not read as "thank"
    And the agent hands over to a person with reason "asked_for_person"
    And the agent says "Thank you"

  Scenario: "The trainers I bought last week for a refund" asks for a refund; "last week" is when, not a wait
    When the customer says "Hey, I'd like to return the trainers I bought last week for a refund, they're too narrow"
    Then the message is read as "request:refund" and "provide:days_since_purchase"
    And the message is not read as "ask_status"

  Rule: A long wait told with the question is met with a sorry, and "how long to wait" asks after it

    Scenario: "I have been waiting 3 weeks for my refund!! Where is it??" gets a sorry before the answer
      When the customer says "I have been waiting 3 weeks for my refund for A-4545!! You said 5 days. Where is it??"
      Then the message is read as "complain", "ask_status" and "provide:order_id"
      And the agent says "I'm sorry"
      And the agent says "within 5 working days"

    Scenario: "How long do I have to wait for my refund?" asks after it, not for a new one
      When the customer says "how long do I have to wait for my refund?"
      Then the message is read as "ask_status"
      And the agent does not say "order number"

  Rule: How long the money takes, asked after a cancellation, is no new request

    Scenario Outline: "<message>" after a cancellation is answered, not asked for the day of purchase
      When the customer says "Can you cancel my order? A-1212, I found it cheaper elsewhere"
      And the customer says "no its not been sent yet"
      Then the request is approved
      When the customer says "<message>"
      Then the message is read as "ask_status"
      And the agent does not say "When did you buy it"

      Examples:
        | message                          |
        | oh nice, how long for the money? |
        | how long for my refund           |

  Rule: Money that has not landed, once the refund is started, asks after it

    Scenario Outline: "<message>" after the refund was started is told how long a refund takes
      When the customer says "refund for A-1300 bought 5 days ago"
      Then the request is approved
      When the customer says "<message>"
      Then the message is not read as "request:refund"
      And the agent says "within 5 working days"
      And the agent does not say "That's done already"

      Examples:
        | message                          |
        | the money still hasn't landed    |
        | my refund hasn't come in         |

  Rule: A refund turned down earlier is asked after, not asked for again

    Scenario Outline: "<message>" offers a colleague who can check, and asks for no purchase date
      When the customer says "<message>"
      Then the message is read as "ask_status", "ask_why" and "provide:order_id"
      And the agent does not say "When did you buy it"
      And the agent says "colleague"

      Examples:
        | message                                              |
        | why does it say my refund was rejected?? order A-3031 |
        | you rejected my refund for A-3031, why               |

    Scenario: "Got a refund email but it says £0.00??" asks after the refund, not for a new one
      When the customer says "got a refund email for A-3031 but it says £0.00??"
      Then the message is read as "ask_status" and "provide:order_id"
      And the agent does not say "When did you buy it"
      And the agent says "colleague"

  Rule: Still chasing after the offer of a colleague is offered the colleague again

    Scenario: "What do you mean, I already sent it back" is not asked what the customer wants
      When the customer says "hello i returned my item 2 weeks ago and still no refund, order A-8181"
      Then the agent says "Would you like me to pass this to a colleague to check?"
      When the customer says "what do you mean, i already sent it back"
      Then the agent does not say "What would you like me to do?"
      And the reply matches /colleague/
      When the customer says "yes please"
      Then the agent hands over to a person

  Rule: Asking after one's own exchange is a status question, not a new exchange

    Scenario Outline: "<message>" asks where it has got to
      When the customer says "Hi, it's Priya again. I spoke to you yesterday about my exchange for A-4444"
      And the customer says "<message>"
      Then the message is read as "ask_status"
      And the agent does not say "arrange the exchange"
      And the agent says "colleague"

      Examples:
        | message                                   |
        | can you check if my exchange has been sent |
        | has my exchange been sent yet?            |

  Scenario Outline: "<message>" asks for the money for a parcel that never came
    When the customer says "<message>"
    Then the message gives the fact "condition" as "never_arrived"

    Examples:
      | message                                  |
      | I want a refund, it never arrived        |
      | refund please, it never came. A-1234     |
      | I want my money back, it never turned up |

  Scenario Outline: "<message>" asks after a refund that fell short, not for a new one
    When the customer says "<message>"
    Then the message is read as "ask_status" and "provide:order_id"
    And the agent says "colleague"
    And the agent does not say "When did you buy it"

    Examples:
      | message                                                         |
      | hi my refund for A-7171 was meant to be £45 but I only got £30 |
      | you only refunded me £20 of the £35 I paid for A-1234           |
      | I got a partial refund for A-1234, where's the rest?            |
      | my refund for A-1234 came up short by £5                        |
      | my refund for A-2525 came through but it was only half          |

  Scenario: The amounts of a refund that fell short, told next, start no new refund
    When the customer says "Hello, I returned my order A-5858 two weeks ago and got the refund, but it's £10 less than I paid"
    And the customer says "I paid £60 and got £50 back"
    Then the message is read as "ask_status"
    And the agent does not say "I've started your refund"
    And the agent does not say "As I mentioned"
    And the reply matches /can't see more than that from here/
    And the agent says "colleague"

  Scenario: "It still hasn't come through" after asking after a refund is the money, not the parcel
    When the customer says "hey so I returned my order A-6802 but you guys only refunded half of it"
    And the customer says "it still hasn't come through"
    Then the message gives no fact "condition"
    And the agent does not offer "Send it again"

  Scenario Outline: "<message>" asks after a return sent back, which the rules on refunds answer
    When the customer says "<message>"
    Then the message is read as "ask_status" and "provide:order_id"
    And the agent says "of the parcel reaching us"

    Examples:
      | message                                                                             |
      | Can you confirm whether you received my return for A-5566? Sent it back on the 20th |
      | have you got my parcel back yet? order A-5567                                       |

  Scenario: "No I don't want a colleague, I want my money" while a refund is chased starts no new refund
    Given it is 2026-12-03 11:00 in the policy's time zone
    When the customer says "great, just great. my refund STILL isn't here. A-1112"
    And the customer says "yes please"
    Then the agent hands over to a person
    When the customer says "no I don't want a colleague, I want my money"
    Then the conversation is in "escalated"
    And the agent does not say "I've started your refund"
    And the reply matches /you'd like a refund/

  Scenario: "My refund was approved but it's been 10 working days and nothing" asks after it
    When the customer says "my refund for A-6161 was approved but it's been 10 working days and nothing"
    Then the message is read as "provide:order_id" and "ask_status"
    And the agent says "colleague"


  Scenario Outline: "<message>" to the offers for a parcel not come wants the parcel, and asks when it comes
    When the customer says "my parcel A-1212 never came"
    And the customer says "<message>"
    Then the message is not read as "choose"
    And no alternative is applied
    And the conversation is in "offering_alternatives"
    And the agent says "other question"
    And the agent does not say "Which one shall I set up"

    Examples:
      | message                                             |
      | no I still want it, just tell me when it's coming   |
      | I still want it, when will it come?                 |
      | just tell me where it is, I still want it           |

  Scenario: "When will the money go back?" while a cancellation is asked about is answered for it, and the question goes on
    When the customer says "Hello, I want to cancel A-7011, I ordered it an hour ago."
    And the customer says "thanks. and can you tell me when the money will go back?"
    Then the agent says "A cancelled order is never charged"
    And the agent does not say "colleague"
    And the agent says "dispatched"
    When the customer says "no"
    Then the request is approved

  Scenario: "Can I return it in store instead of posting?" once the refund is started is answered from the rules
    When the customer says "refund A-5018 bought 10 days ago"
    Then the request is approved
    When the customer says "can i return it in store instead of posting?"
    Then the agent says "post office"
    And the agent does not say "done already"

  Scenario: "What do you mean free return, I have to pay postage?" asks about the free return
    When the customer says "A-8008 cancel pls"
    And the customer says "it shipped yesterday but i dont want it anymore"
    And the customer says "what do you mean free return, i have to pay postage?"
    Then the message is read as "ask_about:free_return"
    And the agent says "print the label"

  Rule: An order sent only just now is on its way, not lost, and asking after it is no request

    Scenario Outline: "<answer>" to whether the order has left declines the cancellation, as the order is on its way
      When the customer says "I want to cancel order A-7890, I ordered it by mistake"
      And the customer says "<answer>"
      Then the message gives no fact "condition"
      And the request is declined
      And the agent does not say "never arrived"

      Examples:
        | answer                                               |
        | it was dispatched yesterday, hasn't arrived yet      |
        | yeah it shipped this morning, not here yet obviously |
        | it's been dispatched but it's not arrived yet        |
        | it's been sent but hasn't arrived yet                |
        | dispatched, not arrived yet                          |

    Scenario: "It has been dispatched but it's not arrived yet, can I cancel it?" declines the cancellation
      When the customer says "hi my order A-8029 has been dispatched but it's not arrived yet, can i cancel it?"
      Then the message gives no fact "condition"
      And the request is declined
      And the agent does not say "never arrived"

    Scenario Outline: "<answer>" to whether the order has left is an order lost, sent long ago or astray
      When the customer says "I want to cancel order A-7890"
      And the customer says "<answer>"
      Then the message gives the fact "condition" as "never_arrived"

      Examples:
        | answer                                                     |
        | it's been sent but still hasn't arrived yet                |
        | it was shipped 2 weeks ago and hasn't arrived yet          |
        | it was shipped to the wrong address and hasn't arrived yet |

    Scenario: "Only been 2 days, just checking it's coming" offers no new parcel or refund
      When the customer says "hi, my order hasnt arrived yet, its only been 2 days. A-2580. just checking its coming?"
      Then the message gives no fact "condition"
      And the agent does not say "new parcel"
      And the agent does not say "full refund"

    Scenario: "No refund thanks, just tell me when it will arrive" asks something, and does not end the chat
      When the customer says "my order A-3456 is late, ordered 10 days ago"
      And the customer says "no refund thanks, just tell me when it will arrive"
      Then the conversation is in "listening"
      And the quick reply "Yes, a colleague please" is offered

    Scenario: "I don't want a new one or a refund" asks for neither
      When the customer says "my order A-3456 is late, ordered 10 days ago"
      And the customer says "I don't want a new one or a refund, I just want the one I ordered to turn up"
      Then the reply decides no request
      And the conversation is in "listening"

  Rule: Pressing for what was already set up is told it is in hand, not refused

    Scenario Outline: "<message>" once the full refund for a parcel that never came is arranged is told it is in hand
      When the customer says "my order A-3434 never arrived"
      And the customer says "can i cancel it then"
      Then the alternative "Full refund" is applied
      When the customer says "<message>"
      Then the reply matches /(in hand|taken care of)/
      And the agent does not say "can't change the answer"
      And the agent does not say "has to stay the same"

      Examples:
        | message         |
        | yes cancel it   |
        | just cancel it! |

    Scenario Outline: "<message>" presses for the refund while naming the offer taken, and hears the answer stands
      When the customer says "I want a refund for A-9102, bought 40 days ago"
      And the customer says "store credit please"
      And the customer says "<message>"
      Then the agent does not say "in hand"
      And the agent does not say "taken care of"

      Examples:
        | message                                                    |
        | I know I took the store credit but I still want my refund  |

  Rule: Taking in the offers, then asking, takes none of them

    Scenario: "Ok but when will it come" with two offers open asks, taking neither
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "my order A-3434 hasnt come yet, ordered 3 weeks ago"
      And the customer says "ok but when will it come"
      Then no alternative is applied
      And the reply does not match /(Glad to|Happy to|Which one shall I set up|Which would you like)/
      And the agent does not say "didn't quite catch"
      And the reply matches /(not something I can help with|can.t help with that one) from here/
