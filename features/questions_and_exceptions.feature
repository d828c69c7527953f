Feature: Questions on the way, and the facts that change the answer
  Customers ask how the rules work, what an offer involves, or where an earlier refund has got to;
  the agent answers and picks up where the conversation was. Some things change the answer itself:
  a faulty item is put right under UK consumer rules even after the 30-day change-of-mind window, an
  order that never arrived is refunded, a double charge goes to a person to check, and a stay in
  hospital or a bereavement goes to a person who can make an exception.

  Background:
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago

  Rule: Questions are answered, and the conversation goes on from where it was

    Scenario Outline: "<question>" while the dispatch of a cancellation is asked is answered from the return
      When the customer says "I want to cancel A-2468"
      And the customer says "<question>"
      Then the agent says "print the label we email you"
      And the agent says "dispatched yet?"

      Examples:
        | question                                |
        | the return label, where do I get it?    |
        | and the returns label, how do I get it? |

    Scenario: A question about the rules, before any request, gets the rules in brief
      When the customer says "What's your returns policy?"
      Then the transitions taken were "start" and "answer_policy"
      And the agent says "within 30 days of buying them"
      And the agent says "a repair or replacement within six months"
      And the quick replies are "A refund" and "A cancellation"
      When the customer says "ok thanks, bye"
      Then the conversation is closed

    Scenario: "Why is your returns window only 30 days?" before any request gets the rule and why it is the rule
      When the customer says "Why is your returns window only 30 days? Other shops give you 60"
      Then the agent says "within 30 days of buying them"
      And the agent says "We check every return and sell it again as new"
      When the customer says "I want to return something from 5 weeks ago, A-4545"
      And the customer says "why?"
      And the customer says "and why again?"
      Then the agent says "colleague"
      And the agent does not say "thinking behind it"

    Scenario: "Why do you charge for returns?" before any request is answered from the rules
      When the customer says "Why do you charge for returns?"
      Then the transitions taken were "start" and "answer_policy"
      And the agent says "free returns label"

    Scenario: A "why" the rules do not answer asks what the customer would like
      When the customer says "why are your prices so high"
      Then the agent does not say "within 30 days of buying them"
      And the agent says "refund"

    Scenario: A question about the rules after a refund is approved
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "I want a refund"
      And the customer says "What is your returns policy, out of interest?"
      Then the transition "follow_up -> follow_up [answer_policy]" was taken
      And the agent says "Orders can be cancelled until they leave our warehouse"
      And the conversation is in "follow_up"

    Scenario: A question about the rules while the shop looks at a hospital stay, then a person reviews it
      When the customer says "I want a refund"
      Given the fact "circumstance" is "illness"
      When the customer says "What is your returns policy?"
      Then the transition "offering_alternatives -> offering_alternatives [answer_policy]" was taken
      And the agent says "within 30 days of buying them"
      When the customer says "ok"
      Then the transition "offering_alternatives -> escalated [review_exception]" was taken
      And the refund goes to a person for review

    Scenario: A question about the rules while the goodwill offer is open keeps the offer open
      Given the customer is a "gold" member
      When the customer says "I want a refund"
      And the customer turns the offer down
      Given the fact "circumstance" is "illness"
      When the customer says "What is your returns policy?"
      Then the transition "compensation -> compensation [answer_policy]" was taken
      And the agent says "a repair or replacement within six months"
      And the agent says "a 15% discount on your next order"
      And no compensation has been issued

    Scenario: "Would the exchange cost me anything?" is answered about the exchange
      When the customer says "I want a refund"
      And the customer says "Would the exchange cost me anything?"
      Then the agent says "postage costs you nothing"
      And the agent says "Would you like the exchange?"
      And no alternative is applied

    Scenario: Asking after another refund while the offer is open
      When the customer says "I want a refund"
      And the customer says "By the way, has my refund for the other order gone through?"
      Then the transition "offering_alternatives -> offering_alternatives [answer_status]" was taken
      And the agent says "within 5 working days of being approved"
      And the conversation is in "offering_alternatives"
      And the reply decides no request

    Scenario: Asking after an earlier refund while the goodwill offer is open
      Given the customer is a "gold" member
      When the customer says "I want a refund"
      And the customer turns the offer down
      And the customer says "has my earlier refund gone through yet?"
      Then the transition "compensation -> compensation [answer_status]" was taken
      And the agent says "colleague"
      And no compensation has been issued

  Rule: A faulty item, a lost parcel or hard circumstances change the answer

    Scenario: Faulty within 30 days: a full refund, straight away
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "the zip broke the first time I used it, I want my money back"
      Then the refund is approved
      And the agent says "you're entitled to a full refund"
      And the agent does not offer "store credit"

    Scenario: Faulty after 30 days: a repair or a replacement first, and a refund if that fails
      When the customer says "I want a refund, it stopped working after a few weeks"
      Then the agent says "After 30 days, we first offer a repair or a replacement"
      And the agent says "you can have a refund"
      And the agent offers "replacement" and "repair"
      And the reply has at most 70 words

    Scenario Outline: "<message>" is a parcel that never came, whatever the tracking says
      When the customer says "<message>"
      Then the agent offers "new parcel" and "full refund"
      And the agent does not say "what you'd like to do"
      When the customer says "can you send it again but to my work address instead?"
      Then the alternative "resend" is applied
      And the agent does not say "can't cancel"

      Examples:
        | message                                                                                  |
        | order A-7000: the tracking says delivered on Monday but there was nothing at my door     |
        | A-7000 says delivered yesterday but nothing came                                         |
        | hi, tracking shows delivered on the 1st but it wasn't at my door, A-7000                 |

    Scenario Outline: "<message>" is a danger to people, sent to the safety team
      When the customer says "<message>"
      Then the agent says "stop using it"
      And the agent hands over to a person

      Examples:
        | message                                                                                                  |
        | my kids toy from A-7007 broke on day one, the battery compartment got really hot and melted a bit. bought 2 days ago |
        | the charger I got from A-7007 started melting last night                                                 |
        | order A-7007, the scooter battery is swelling                                                            |

    Scenario Outline: "<message>" is a refund asked for, and a bereavement goes to a person who can make an exception
      When the customer says "<message>"
      Then the refund goes to a person for review
      And the agent says "sorry for your loss"

      Examples:
        | message                                                                                              |
        | My mum passed away last month and I couldn't return her order in time. order A-1001                 |
        | my dad died in october so I wasn't able to return the coat he bought, A-1001                         |

    Scenario: A store credit that should go to the customer, "not the person who bought it", is no ask for a person
      When the customer says "hi, a refund on A-7008, please. It was a gift I received, I'm not sure when it was bought"
      And the customer says "ok store credit is fine, can it go to me and not the person who bought it?"
      Then the agent does not hand over to a person

    Scenario: Faulty after six months: a person looks at whether it lasted as long as it should
      Given the customer "Dana" bought order "A-1001" 200 days ago
      When the customer says "I want a refund, it is faulty"
      Then the refund goes to a person for review
      And the agent says "more than six months ago"
      And the agent does not say "30 days after purchase"

    Scenario: Not faulty after six months: the change-of-mind answer and its offers
      Given the customer "Dana" bought order "A-1001" 200 days ago
      When the customer says "I want a refund"
      Then the agent explains the reason
      And the agent offers "store credit" and "exchange"
      And the agent does not offer "repair"

    Scenario: "So nothing at all?" after a refusal says the answer again
      Given the customer "Dana" bought order "A-1001" 200 days ago
      When the customer says "I want a refund"
      And the customer says "so nothing at all?"
      Then the message is read as "insist"
      And the conversation is in "offering_alternatives"

    Scenario: "It arrived broken", said after the refusal, changes the answer
      When the customer says "I want a refund"
      And the customer says "Oh wait, it arrived broken actually"
      Then the transition "offering_alternatives -> listening [reconsider]" was taken
      And the agent says "As the item is faulty"
      And the agent offers "replacement" and "repair"
      And the agent does not offer "store credit"

    Scenario: "It never arrived", said while the goodwill offer is open, gets a refund instead
      Given the customer is a "gold" member
      When the customer says "I want a refund"
      And the customer says "no thanks"
      And the customer says "I should say it never arrived in the first place"
      Then the transition "compensation -> listening [reconsider]" was taken
      And the refund is approved
      And the agent says "never reached you"
      And no compensation has been issued

    Scenario: "It never arrived", said at the check-in a day later, is looked at again
      Given it is within the policy's opening hours
      And the fact "dispatched" is "yes"
      When the customer says "I want to cancel my order, and I also want a refund"
      And the customer says "the free return please"
      Then the alternative "Free return" is applied
      When the customer says "ok, thanks, bye"
      Then the conversation is closed
      When 25 hours pass
      And the scheduled follow-up is delivered
      And the customer says "Actually, it never arrived"
      Then the transition "follow_up -> listening [reconsider]" was taken
      And the refund is approved
      And the agent says "never reached you"

    Scenario: A stay in hospital in the first message goes to a person who can make an exception
      When the customer says "I was in hospital so I could not return it in time, I want a refund"
      Then the message gives the fact "circumstance" as "illness"
      And the transition "listening -> escalated [review_exception]" was taken
      And the refund goes to a person for review
      And the agent does not say "We can refund orders for 30 days"

    Scenario: A stay in hospital told for an order still inside the window is refunded at once, with a word of sympathy
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "refund please, I was in hospital"
      Then the refund is approved
      And the agent does not hand over to a person
      And the agent says "sorry"

    Scenario: A sorry comes before the replacement asked for with a fault, not "of course"
      Given the customer "Dana" bought order "A-1001" 3 days ago
      When the customer says "the jumper I ordered has a hole in it. I'd like a replacement please"
      Then the alternative "Replacement" is applied
      And the agent says "sorry"
      And the agent does not say "Of course"

    Scenario: A sorry comes before the refund of a faulty item, not "good news"
      Given the customer "Dana" bought order "A-1001" 14 days ago
      When the customer says "my kettle has started leaking"
      Then the refund is approved
      And the agent says "sorry"
      And the agent does not say "Good news"

    Scenario: A stay in hospital beside an exchange asked for by name gets the exchange, not a person
      When the customer says "I was in hospital so I couldn't sort it sooner. can I exchange it for a bigger size?"
      Then the message gives the fact "circumstance" as "illness"
      And the alternative "Exchange" is applied
      And the conversation is in "follow_up"

    Scenario: A bereavement, told after the refusal, goes to a person with the summary
      Given it is within the policy's opening hours
      When the customer says "I want a refund"
      And the customer says "my father passed away last month, that is why I could not return it"
      Then the message gives the fact "circumstance" as "bereavement"
      And the transitions taken were "reconsider" and "review_exception"
      And the agent says "can look at making an exception for you"
      And the conversation waits for a person

    Scenario: A death told with a request before its facts is met with sorrow for the loss
      When the customer says "Hello. My husband passed away last month and I need to cancel the order he placed, A-3030"
      Then the message gives the fact "circumstance" as "bereavement"
      And the agent says "I'm so sorry for your loss."
      And the agent does not say "sorry about that"
      And the agent says "dispatched"

    Scenario: A hospital letter sent through the returns form goes to a person
      When the customer says "I want a refund"
      Given the fact "circumstance" is "illness"
      When the customer says "I have sent the letter through the returns form"
      Then the transitions taken were "review_exception"
      And the refund goes to a person for review

    Scenario: Being charged twice goes to a person who can check the payment
      When the customer says "I was charged twice for order A-1001"
      Then the message gives the fact "condition" as "charged_twice"
      And the transitions taken were "start" and "review_exception"
      And the agent says "charged twice"
      And the agent does not say "30 days"
      And the refund goes to a person for review

    Scenario: Charged one amount instead of another goes to a person, not a refund for a wrong item
      When the customer says "hi, I ordered a phone case on the 1st but got charged £15 instead of £10. Order A-7788"
      Then the message gives the fact "condition" as "overcharged"
      And the agent says "refund the difference"
      And the agent does not say "wrong item"
      And the refund goes to a person for review

    Scenario: An amount with pence against another is an overcharge too
      When the customer says "you billed me 49.99 not 39.99 for A-7789"
      Then the message gives the fact "condition" as "overcharged"

    Scenario Outline: "<message>" sets what was charged against what it should have been
      When the customer says "<message>"
      Then the message gives the fact "condition" as "overcharged"
      And the refund goes to a person for review

      Examples:
        | message                                                                              |
        | I'm so angry. You've charged me £50 but it should have been £40. A-5454              |
        | you charged me £29.99 for A-5455, the advertised price was £19.99                    |
        | A-5456: I paid 35 but it was supposed to be 25                                       |
        | I was charged £89.99 for A-2929 but I used a 10% code, it should have been about £81 |
        | I was charged £50 but the jumper was £40 in the sale, A-8080                         |
        | they took £25 off my card and the lamp was only £20, A-8081                          |

    Scenario: A delivery charge told beside the amount charged is no overcharge
      When the customer says "I was charged £50 for A-8082, the delivery was £5"
      Then the message gives no fact "condition"

    Scenario: A delivery charge on free delivery is an overcharge
      When the customer says "I was charged for delivery on A-7790 even though it was meant to be free"
      Then the message gives the fact "condition" as "overcharged"
      And the refund goes to a person for review

    Scenario: A size sent instead of another is still the wrong item
      When the customer says "got a large instead of a medium, order A-7791, bought 3 days ago"
      Then the message gives the fact "condition" as "wrong_item"

    Scenario: A disability that made returning hard goes to a person who can make an exception
      When the customer says "I want a refund"
      And the customer says "I'm disabled and couldn't get to the post office"
      Then the message gives the fact "circumstance" as "disability"
      And the transitions taken were "reconsider" and "review_exception"
      And the agent says "hard to get it back to us"
      And the agent does not say "unwell"
      And the conversation waits for a person

    Scenario: Being away is heard, and does not change the answer
      When the customer says "I want a refund"
      And the customer says "I was abroad for work for 6 weeks"
      Then the message gives the fact "circumstance" as "away"
      And the reply matches /(Thanks for telling me|I've noted that)/
      And the agent does not hand over to a person
      And the agent offers "store credit" and "exchange"

    Scenario Outline: Being short of money, "<message>", is heard, and does not change the answer
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the message gives the fact "circumstance" as "hardship"
      And the reply matches /(sorry to hear that|that sounds hard)/
      And the agent does not hand over to a person
      And the agent offers "store credit" and "exchange"

      Examples:
        | message                                     |
        | I lost my job last month                    |
        | I've been made redundant and money is tight |
        | I got laid off last week                    |

    Scenario: Asked why a parcel that never came cannot be cancelled, the agent explains, then why the rule exists
      Given the fact "dispatched" is "true"
      When the customer says "my parcel never arrived, I want to cancel it"
      And the customer says "but why not cancel?"
      Then the agent says "with the courier"
      When the customer says "why though?"
      Then the agent says "without the parcel or your money"

    Scenario: Pressing about a parcel that never came is not told the answer on a cancellation stands
      When the customer says "my parcel never showed up, order A-4412"
      Then the agent offers "new parcel" and "full refund"
      When the customer says "it was meant to come on the 20th"
      Then the agent does not say "cancellation"
      And the agent offers "new parcel" and "full refund"

    Scenario: "What's going on??" about a parcel that never came is met with a sorry, not "I can't help"
      When the customer says "my parcel never showed up, order A-4412"
      And the customer says "what's going on??"
      Then the agent does not say "can't help with that"
      And the agent says "sorry"
      And the agent offers "new parcel" and "full refund"

    Scenario: "So what are you going to do about it?" with offers open sets them out again
      When the customer says "my parcel never showed up, order A-4412"
      And the customer says "so what are you going to do about it?"
      Then the agent says "new parcel"
      And the agent does not say "not something I can help with"


  Rule: A fault back after a repair or a replacement gets the money back

    Scenario Outline: "<message>" within six months is refunded
      Given the customer "Dana" bought order "A-1001" 60 days ago
      When the customer says "<message>"
      Then the message gives the fact "condition" as "faulty_again"
      And the request is approved
      And the agent says "gone wrong again"

      Examples:
        | message                                                                                                            |
        | I returned a faulty hairdryer and you sent me a replacement, but the replacement is also broken!                   |
        | you repaired my kettle but the repair didn't fix it, it's still not working                                        |
        | my kettle stopped heating. It's the replacement you sent me after the first one broke, and now this one's gone too |
        | my coffee machine was repaired by you last month and it's leaking again                                            |

    Scenario: "I already had a new one last time and that broke too" while the repair is offered gets the money back
      Given the customer "Dana" bought order "A-1001" 60 days ago
      When the customer says "my kettle has stopped heating"
      Then the agent offers "replacement" and "repair"
      When the customer says "I already had a new one last time and that broke too"
      Then the message gives the fact "condition" as "faulty_again"
      And the request is approved

    Scenario: A fault back after a repair, more than six months on, goes to a colleague
      Given the customer "Dana" bought order "A-1001" 200 days ago
      When the customer says "the new one you sent is broken again"
      Then the agent hands over to a person
      And the agent says "gone wrong again"

    Scenario: "The lid doesn't work either" beside another fault is one fault, not one come back
      When the customer says "the handle snapped, and the lid doesn't work either"
      Then the message gives the fact "condition" as "faulty"

  Rule: A question asked beside a request is answered too, or honestly left

    Scenario Outline: A question about an alternative beside a refund that is approved, "<question>", is answered too
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "refund A-1001 please. <question>"
      Then the request is approved
      And the reply matches /(To answer|As for) your other question: <answer>/

      Examples:
        | question                          | answer                |
        | And how does an exchange work?    | We email you a free returns label |
        | Does store credit expire?         | You can spend it online |

    Scenario: "Thanks for charging me twice" is a double charge, told in sarcasm, and goes to the payments team
      When the customer says "Wow, thanks for charging me twice for A-1001. Brilliant."
      Then the agent hands over to a person
      And the agent says "charged twice"

    Scenario: "Is there a restocking fee?" beside a return that is approved is honestly left, not ignored
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "A-1001, I want to return it. is there a restocking fee?"
      Then the request is approved
      And the reply matches /can't answer (your other question )?from here/

    Scenario: "On my debit card or as credit?" beside a return is answered by where the refund goes
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "I want to return A-1001 — will I get the money back on my debit card or as credit?"
      Then the request is approved
      And the agent says "back on your card"
      And the agent does not say "The credit goes on your account"

    Scenario: "How long does it take?" beside an exchange asked for is answered from the exchange
      Given the customer "Dana" bought order "A-1001" 3 days ago
      When the customer says "I ordered the wrong size - can I swap it for a medium and how long does it take?"
      Then the alternative "Exchange" is applied
      And the agent says "as soon as yours is on its way back"
      And the agent does not say "A refund reaches your card"

    Scenario: "Doesn't match the curtains" beside a return is a reason, not a question left unanswered
      When the customer says "want to return it, doesn't match the curtains"
      Then the agent offers "Store credit" and "Exchange"
      And the agent does not say "other question"

    Scenario: Where the refund for another order has got to, asked beside a return, is answered too
      When the customer says "Hi, two things: can I return the mug from A-1111 (bought 40 days ago), and where's the refund for A-2222 you promised last week?"
      Then the agent offers "store credit" and "exchange"
      And the agent says "within 5 working days of being approved"

    Scenario: "I want to cancel, and how long do refunds take?" gets both
      Given the customer "Dana" bought order "A-1001" 1 days ago
      When the customer says "I want to cancel A-1001, and how long do refunds take?"
      Then the agent asks for the "dispatched"
      And the agent says "within 5 working days"
      And the reply matches /other question: A refund reaches your card.* Has your order been dispatched yet\?/

    Scenario: A question the agent cannot answer beside an approved refund is not passed over in silence
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "refund for A-1001 please. do I need the original packaging?"
      Then the request is approved
      And the reply matches /can't answer (your other question|from here)/

    Scenario: "Is that ok?" after a request is about the request, and needs no answer of its own
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "I'd like a refund, is that ok?"
      Then the request is approved
      And the agent does not say "other question"

    Scenario: Taking the credit and asking where it can be spent gets both
      When the customer says "I want a refund"
      And the customer says "the credit's fine. oh wait, does it work on the website too?"
      Then the alternative "Store credit" is applied
      And the agent says "You can spend it online"

    Scenario: Taking the exchange and asking about postage is answered from the exchange
      When the customer says "I want a refund"
      And the customer says "I'll take the exchange. do I have to pay for postage?"
      Then the alternative "Exchange" is applied
      And the agent says "postage costs you nothing"

    Scenario: A postage question beside taking a free return gets the sentence about the label
      Given the customer "Dana" bought order "A-1002" 2 days ago
      When the customer says "please cancel A-1002"
      And the customer says "yes it's been dispatched"
      And the customer says "fine I'll send it back when it arrives. will I have to pay postage?"
      Then the alternative "Free return" is applied
      And the agent says "print the label we email you"
      And the agent does not say "We refund you in full"

    Scenario: "Can I pick a different item?" beside an exchange is not a wrong item
      When the customer says "I want a refund"
      And the customer says "exchange please, and can I pick a different item?"
      Then the alternative "Exchange" is applied
      And the agent does not say "wrong item"

    Scenario: A person asked for and taken back beside a choice is no question left unanswered
      When the customer says "I want a refund"
      And the customer says "can I speak to a human? actually no it's fine, I'll take the exchange"
      Then the alternative "Exchange" is applied
      And the agent does not say "other question"

    Scenario: Whether the refund covers delivery, asked in the first message, is answered at once
      When the customer says "hi, i'd like a refund but first, does the refund include the delivery charge?"
      Then the agent offers "store credit" and "exchange"
      And the agent says "delivery charge included"

    Scenario: "And does it cover delivery?" beside a refund is answered with the refund
      Given the customer "Dana" bought order "A-1001" 5 days ago
      When the customer says "I want a refund for A-1001, and does it cover delivery?"
      Then the request is approved
      And the agent says "delivery charge included"

  Rule: A question about one rule gets that rule; a question about the rules gets them all

    Scenario: "Is it too late to return something from 5 weeks ago?" hears the time allowed
      When the customer says "is it too late to return something from 5 weeks ago?"
      Then the agent says "within 30 days of buying them"

    Scenario: "Do you refund delivery charges?" gets the sentence about delivery
      When the customer says "do you refund delivery charges?"
      Then the agent says "for a full refund, delivery charge included"
      And the agent does not say "print the free returns label"

    Scenario: "Can I cancel an order after it's shipped?" gets the sentence about cancelling
      Given the customer "Dana" bought order "A-1001" 1 days ago
      When the customer says "can I cancel an order after it's shipped?"
      Then the agent says "Orders can be cancelled until they leave our warehouse"
      And the agent does not say "print the free returns label"
      And the agent does not say "order number"

    Scenario: "What's your returns policy?" gets the whole summary
      When the customer says "what's your returns policy?"
      Then the agent says "within 30 days of buying them"
      And the agent says "print the free returns label"

    Scenario: "Ok, and can I cancel an order after it's shipped?" after a colleague is offered is a new question
      Given it is within the policy's opening hours
      When the customer says "how long does a refund take to come through?"
      Then the agent says "Shall I pass it on?"
      When the customer says "ok and can I cancel an order after it's shipped?"
      Then the agent does not hand over to a person
      And the agent says "Orders can be cancelled until they leave our warehouse"

    Scenario Outline: "<message>" asks whether it may go back, and is answered from the rules
      When the customer says "<message>"
      Then the message is read as "ask_policy"
      And the agent says "You can return most items within 30 days"

      Examples:
        | message                                                   |
        | I just want to know if I can return shoes I've worn once  |
        | I'd like to know whether I can return a lamp I've used    |

    Scenario Outline: "<message>" after the rules goes on with them
      When the customer says "what's your returns policy?"
      And the customer says "<message>"
      Then the message is read as "ask_policy"
      And the agent says "If something is faulty"
      And the agent does not say "can't help with that"

      Examples:
        | message               |
        | and for faulty stuff? |
        | and faulty stuff?     |
        | and broken items?     |

    Scenario: An order number given again after an empty box names no request the customer never asked for
      Given the customer "Dana" bought order "A-3402" 20 days ago
      When the customer says "my order came but the box was empty!!"
      And the customer says "A-3402"
      Then the agent does not say "on a cancellation"

  Rule: A question about when the money comes back is about the refund

    Scenario: "How long do refunds take?" gets the sentence on refunds, after the rules too
      When the customer says "What's your returns policy?"
      And the customer says "and how long do refunds take?"
      Then the agent says "A refund reaches your card within 5 working days"
      And the agent does not say "You can return most items"

    Scenario: "How long do I have?" still gets every time the rules allow
      When the customer says "how long do I have?"
      Then the agent says "within 30 days of buying them"
      And the agent says "within six months"

    Scenario: "I want to cancel A-1001. Also when will the money be back?" is answered with how refunds reach the card
      When the customer says "I want to cancel A-1001. Also when will the money be back?"
      Then the agent says "A refund reaches your card"
      And the agent does not say "You can return most items within 30 days"

  Rule: "Is there any way to…" about something else is a question of its own, not a plea

    Scenario: "Is there any way to get free delivery next time?" beside a refund is honestly left
      Given the customer "Dana" bought order "A-4004" 21 days ago
      When the customer says "refund for A-4004 please. Also, is there any way to get free delivery next time?"
      Then the request is approved
      And the agent says "can't answer"

  Rule: What sending something back costs, asked beside a request, is answered from the rules

    Scenario Outline: "<question>" beside a return is answered with the free label
      Given the customer "Dana" bought order "A-7004" 14 days ago
      When the customer says "return A-7004 please. <question>"
      Then the request is approved
      And the agent says "free returns label"

      Examples:
        | question                            |
        | wait, is the return free?           |
        | do I have to pay for the postage?   |

    Scenario: "If I return something, do I get the delivery charge back?" hears the delivery charge is included
      When the customer says "Hi, a quick question - if I return something, do I get the delivery charge back?"
      Then the agent says "delivery charge included"
      And the agent does not say "print the free returns label"

  Rule: A circumstance told with the request is acknowledged even when it does not change the answer

    Scenario: "I was on holiday so couldn't send it back in time" is thanked for before the offers
      When the customer says "I'd like a refund. I was on holiday so couldn't send it back in time"
      Then the message gives the fact "circumstance" as "away"
      And the reply matches /(Thank you for telling me what happened|Thanks for explaining|I understand what happened)/
      And the agent offers "Store credit" and "Exchange"

  Rule: Not being able to get to the post office is a reason a person looks at

    Scenario: "He can't get to the post office" after a refusal goes to a person who can make an exception
      When the customer says "I want a refund"
      And the customer says "he can't get to the post office, he's 89"
      Then the message gives the fact "circumstance" as "disability"
      And the refund goes to a person for review

  Rule: A refund asked for once the order is cancelled before it left is told there is nothing to refund

    Scenario Outline: "<message>" after the cancellation is approved starts no refund
      When the customer says "I want to cancel my order"
      And the customer says "no it hasn't shipped"
      And the customer says "<message>"
      Then the conversation is in "follow_up"
      And the agent says "Order A-1001 was cancelled before it left us"
      And the agent says "won't be charged and there's nothing to refund"
      And the reply decides no request

      Examples:
        | message                               |
        | refund                                |
        | actually can I get a refund instead   |
        | can I have my money back then?        |

    Scenario: A refund for another order after a cancellation is a request of its own
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want to cancel A-1313"
      And the customer says "no"
      And the customer says "can I get a refund on my other order A-2020? bought 3 days ago"
      Then the agent says "Order A-2020 is within our 30-day window"

    Scenario: "Yes please refund" to the dispatch question is what the cancellation gives, not a second request
      When the customer says "My son ordered this on my card without asking. Order A-9911, 3 days ago. Can I cancel it?"
      And the customer says "yes please refund"
      Then the agent offers "Free return" and "Store credit"
      And the agent does not say "After that"
      When the customer says "the return please"
      Then the conversation is in "follow_up"
      And the agent does not say "order number"

    Scenario: "No I said refund, not cancel" while the dispatch is asked switches to the refund
      When the customer says "cancel my order"
      And the customer says "no I said refund, not cancel"
      Then the agent says "let's look at a refund instead"
      And the agent explains the reason

  Rule: How to get going with a request in hand is how it goes

    Scenario Outline: "<question>" once the refund is started is told how to send it back
      Given the customer "Dana" bought order "A-1001" 5 days ago
      When the customer says "I'd like a refund please"
      And the customer says "<question>"
      Then the message is read as "ask_policy"
      And the agent says "print the free returns label"

      Examples:
        | question                  |
        | ok great, how do i start  |
        | so how do I go about it?  |

  Rule: A question the agent cannot answer is said so, even after a remark it took in

    Scenario: "Can you do anything to speed it up?" after a remark is not called misunderstood
      When the customer says "hello my parcel A-1414 is late. it was supposed to arrive friday"
      And the customer says "it's a birthday present for tomorrow"
      And the customer says "can you do anything to speed it up?"
      Then the reply matches /(not something I can help with|can't help with that one)/
      And the agent does not say "didn't follow"
      And the agent does not say "Let me make it easier"

  Rule: A fee the policy never speaks of is no question its reasons or rules answer

    Scenario Outline: "<question>" while the alternatives are open is said to be beyond the agent, not answered with the reason
      When the customer says "I want a refund"
      And the customer says "<question>"
      Then the reply matches /(not something I can help with|can't help with that one)/
      And the agent does not say "refund window is 30 days"
      And the agent does not say "return most items within 30 days"
      And the agent offers "Store credit" and "Exchange"

      Examples:
        | question                    |
        | what's the fee?             |
        | is there a restocking fee?  |

    Scenario: "Is there a restocking fee?" once a refund is started is said to be beyond the agent
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "I want a refund"
      And the customer says "is there a restocking fee?"
      Then the reply matches /(not something I can help with|can't help with that one|outside what I can do)/
      And the agent does not say "return most items"

    Scenario: A fee the policy does speak of is answered from its rules
      Given the policy file "policies/restocking_fee.yaml"
      When the customer says "is there a restocking fee?"
      Then the agent says "A restocking fee of 10% is taken from the refund"
      And the reply does not match /(not something I can help with|can't help with that one)/

  Rule: A price difference the offer's details never mention is honestly left

    Scenario: "Can I exchange it for something cheaper and get the difference back?" is not answered with how the exchange goes
      When the customer says "I want a refund"
      And the customer says "is the exchange free?"
      And the customer says "and can I exchange it for something cheaper and get the difference back?"
      Then the agent says "I can't answer that from here"
      And the agent does not say "As I mentioned"
      And the conversation is in "offering_alternatives"
