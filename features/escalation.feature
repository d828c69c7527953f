Feature: Handing over to a person
  Some conversations need a person: when the customer asks for one, keeps insisting, stays angry,
  or talks about taking it further. The agent hands over with a summary so the customer never has
  to repeat themselves. When nobody is working, it offers a callback instead.

  Background:
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago

  Scenario Outline: Asking for a person or a manager, in any words, gets a person
    When the customer says "I want a refund"
    And the customer says "<request>"
    Then the message is understood as "ask_human"
    And the agent hands over to a person because the customer asked for one
    And the agent says "They'll see our conversation, so you won't need to repeat anything"

    Examples:
      | request                                |
      | Can I speak to a manager?              |
      | I want to talk to a real person        |
      | Put me through to a human, please      |
      | Let me speak to someone in charge      |
      | Is there a supervisor I can talk to?   |
      | I'd like to speak to an agent          |
      | Get me your manager                    |
      | I need to talk to someone, not a bot   |
      | Transfer me to customer service please |
      | Can I talk to a human being?           |
      | Could you get your boss on the line?   |
      | ok what about talking to someone then  |
      | how about speaking with someone        |

  Scenario Outline: Saying a person is not needed does not hand the conversation over
    When the customer says "I want a refund"
    And the customer says "<not a request>"
    Then the agent does not hand over to a person

    Examples:
      | not a request                                                 |
      | no need to get a manager                                      |
      | I don't want to talk to a person                              |
      | I don't need a human, just tell me my options                 |
      | You don't need to pass me to anyone                           |
      | there's no need to escalate this                              |
      | I'm not asking for a supervisor                               |
      | I was talking to someone about it yesterday                   |
      | after speaking to someone in your shop, they said it was fine |
      | I've spent all morning talking to someone at the courier      |

  Scenario: Asking for a person straight away, in hours, gets a person straight away
    When the customer says "Can I speak to a manager?"
    Then the agent hands over to a person because the customer asked for one
    And the handoff summary mentions "Dana"

  Scenario: "How long will that take?" while waiting for a person is about the wait, not the rules
    Given it is within the policy's opening hours
    When the customer says "I want a refund"
    And the customer says "Can I speak to a manager?"
    And the customer says "how long will that take?"
    Then the transitions taken were "waiting"
    And the agent does not say "refund window"
    And the conversation is in "escalated"

  Scenario: The summary tells the person everything they need
    When the customer says "I want a refund"
    And the customer says "Can I speak to a manager?"
    Then the handoff summary mentions "about a refund for order A-1001"
    And the handoff summary mentions "days_since_purchase=45"
    And the handoff summary mentions "Offered: Store credit, Exchange"
    And the handoff summary mentions "the customer asked for a person"

  Scenario: A customer who keeps insisting is handed to a person after the policy's limit
    When the customer says "I want a refund"
    And the customer says "I still want a refund"
    And the customer says "I want my money back"
    Then the agent does not hand over to a person
    When the customer says "please just refund it"
    Then the agent hands over to a person because the customer keeps insisting
    And the agent says "I understand this really matters to you"

  Scenario: A customer who stays angry is handed to a person
    When the customer says "I want a refund"
    And the customer says "This is absolutely ridiculous, I'm furious"
    Then the agent does not hand over to a person
    When the customer says "This is the worst service I've ever had"
    Then the agent hands over to a person because the customer is angry
    And the agent says "I can hear how frustrating this is"

  Scenario: A customer who is angry from the very start is handed to a person
    When the customer says "This is the worst service I've ever had"
    Then the agent acknowledges the customer's frustration
    And the agent does not hand over to a person
    When the customer says "This is absolutely ridiculous, I'm furious"
    Then the agent hands over to a person because the customer is angry

  Scenario Outline: While the goodwill offer is on the table, <what> goes to a person
    Given the customer is a "gold" member
    When the customer says "I want a refund"
    And the customer turns the offer down
    And the customer says "<message>" <times> times
    Then the agent hands over to a person with reason "<reason>"

    Examples:
      | what                | message                                 | times | reason           |
      | a threat            | I'll post about this on twitter         | 1     | threat           |
      | asking for a person | Can I speak to a manager?               | 1     | asked for person |
      | staying angry       | This is the worst service I've ever had | 2     | anger            |
      | insisting           | I still want a refund                   | 3     | insistence       |

  Scenario Outline: After the problem is sorted, <what> still goes to a person
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer says "<message>" <times> times
    Then the agent hands over to a person with reason "<reason>"

    Examples:
      | what                | message                        | times | reason           |
      | a threat            | I'm going to take you to court | 1     | threat           |
      | asking for a person | I'd like to speak to an agent  | 1     | asked for person |

  Scenario: A customer who was upset before the resolution and is upset again goes to a person
    When the customer says "I want a refund"
    And the customer says "This is absolutely ridiculous, I'm furious"
    And the customer clicks "Store credit"
    And the customer says "This is the worst service I've ever had"
    Then the agent hands over to a person because the customer is angry

  Scenario Outline: Talk of taking it further goes to a person at once
    When the customer says "I want a refund"
    And the customer says "<threat>"
    Then the message is flagged as a threat
    And the agent hands over to a person because the customer threatened to take it further
    And the agent says "I want a colleague to look at it with you"

    Examples:
      | threat                                       |
      | I'm going to take you to court               |
      | I'll post about this on twitter              |
      | I'll contact my bank for a chargeback        |
      | I will report you to the ombudsman           |
      | I'm going to report you to trading standards |

  Scenario: A threat in the very first message goes to a person at once
    When the customer says "Refund me or I'm going to take you to court"
    Then the agent hands over to a person because the customer threatened to take it further

  Scenario: Asking for a manager out of hours gets a callback offer instead of a handoff
    Given it is 20:30 in the policy's time zone
    When the customer says "I want a refund"
    And the customer says "I want to talk to a manager"
    Then the agent offers a callback
    And the agent says "Our team is available 09:00 to 18:00, Monday to Saturday"
    And the quick replies are "Yes, call me back" and "No, thanks"

  Scenario: Out of hours, the callback is booked for when the team is back
    Given it is 20:30 in the policy's time zone
    When the customer says "I want a refund"
    And the customer says "I want to talk to a manager"
    And the customer clicks "Yes, call me back"
    Then a callback is booked for "Wednesday 09:00"
    And the agent says "a colleague will call you tomorrow at 09:00"
    And the conversation is closed with outcome "callback scheduled"

  Scenario: Out of hours, "how long will that take?" is told when the team is back
    Given it is 20:30 in the policy's time zone
    When the customer says "I want a refund"
    And the customer says "I want to talk to a manager"
    And the customer says "how long will that take?"
    Then the message is read as "ask_about:callback"
    And the agent says "tomorrow at 09:00"
    And the agent offers a callback
    When the customer says "ok"
    Then a callback is booked for "Wednesday 09:00"

  Scenario: On Sunday, the callback waits for Monday morning
    Given it is Sunday 10:00 in the policy's time zone
    When the customer says "I want a refund"
    And the customer says "let me speak to a human"
    And the customer says "yes please"
    Then a callback is booked for "Monday 09:00"

  Scenario: Out of hours, "can someone call me at 3pm?" books the callback for 3pm
    Given it is 20:30 in the policy's time zone
    When the customer says "I want a refund"
    And the customer says "I want to talk to a manager"
    And the customer says "can someone call me at 3pm?"
    Then a callback is booked for "Wednesday 15:00"
    And the agent says "a colleague will call you tomorrow at 15:00"

  Scenario: Out of hours, "yes, on Thursday at 10:30" books the callback for then
    Given it is 20:30 in the policy's time zone
    When the customer says "I want a refund"
    And the customer says "I want to talk to a manager"
    And the customer says "yes, on thursday at 10:30"
    Then a callback is booked for "Thursday 10:30"

  Scenario: Out of hours, a callback asked for when nobody is there is booked for the first time someone is
    Given it is 20:30 in the policy's time zone
    When the customer says "I want a refund"
    And the customer says "I want to talk to a manager"
    And the customer says "yes, call me at 8pm tomorrow"
    Then a callback is booked for "Wednesday 09:00"
    And the agent says "isn't there at the time you asked"

  Scenario: Out of hours, a customer may turn the callback down
    Given it is outside the policy's opening hours
    When the customer says "I want a refund"
    And the customer says "Can I speak to a manager?"
    And the customer says "no thanks"
    Then the conversation is closed with outcome "escalated"
    And the reply matches /take care|have a good day/

  Scenario: While waiting for a person, the customer is kept informed
    When the customer says "I want a refund"
    And the customer says "Can I speak to a manager?"
    And the customer says "hello?"
    Then the transitions taken were "waiting"
    And the agent says "colleague"

  Scenario: While waiting for a person, "why?" is still answered
    When the customer says "I want a refund"
    And the customer says "Can I speak to a manager?"
    And the customer says "why can't I get a refund?"
    Then the agent explains the reason more simply
    And the transitions taken were "why" and "resume_escalated"

  Scenario: While waiting for a person, the customer may say goodbye
    When the customer says "I want a refund"
    And the customer says "Can I speak to a manager?"
    And the customer says "ok thanks, bye"
    Then the agent ends the chat

  Rule: A person asked for in frustration is handed over with a word of sympathy, not thanks

    Scenario: "Third time I'm contacting you … I want a manager NOW" is not thanked
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "this is the third time I'm contacting you about A-5678. nobody helps. I want a manager NOW"
      Then the conversation waits for a person
      And the agent says "sorry"
      And the agent does not say "Thank you. I'm passing"

  Rule: A wait complained of is no person asked for

    Scenario: "I've been waiting 20 mins for someone to answer" with a cancellation answers the cancellation
      When the customer says "ive been waiting 20 mins for someone to answer this chat. I want to cancel A-5454 its been dispatched but I dont want it anymore"
      Then the agent does not hand over to a person
      And the message gives no fact "days_since_purchase"
      And the conversation is in "offering_alternatives"
      And the agent offers "free return"

  Rule: Taking up an offer while waiting for a person withdraws the handoff

    Scenario: "No, forget it, I'll take the credit" while waiting sets the credit up, and nobody needs to join
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "I want a refund"
      And the customer says "can I speak to your manager?"
      Then the conversation waits for a person
      When the customer says "fine, no, forget it, I'll take the credit"
      Then the transitions taken were "withdraw_handoff" and "accept_alternative"
      And the alternative "Store credit" is applied
      And the agent says "don't need to join"
      And the conversation is in "follow_up"

    Scenario: Saying no person is needed after all while offers are open puts them again
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "I want a refund"
      And the customer says "get me a supervisor"
      Then the conversation waits for a person
      When the customer says "actually I don't need anyone after all"
      Then the transitions taken were "withdraw_handoff" and "acknowledge"
      And the agent says "don't need to join"
      And the agent offers "Store credit" and "Exchange"
      And the conversation is in "offering_alternatives"

    Scenario: "No don't worry, store credit then" while waiting takes the store credit, calmly
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "I want a refund"
      And the customer says "fine, I want to speak to a manager"
      Then the conversation waits for a person
      When the customer says "no don't worry, store credit then"
      Then the alternative "Store credit" is applied
      And the reply matches /(don't need to join|no need to pick this up)/
      And the agent does not say "frustrating"

    Scenario Outline: "<message>" while waiting for a person takes the ask back and puts the offers again
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "refund please"
      And the customer says "I want to speak to a manager"
      Then the conversation waits for a person
      When the customer says "<message>"
      Then the agent says "don't need to join"
      And the agent offers "Store credit" and "Exchange"
      And the conversation is in "offering_alternatives"

      Examples:
        | message                             |
        | ok let's just continue then         |
        | we can carry on, I'll stay with you |

    Scenario Outline: "<message>" while waiting for a person takes the ask back and answers the question
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "refund please"
      And the customer says "I want to speak to a manager"
      Then the conversation waits for a person
      When the customer says "<message>"
      Then the agent says "don't need to join"
      And the agent says "for a whole year"
      And the conversation is in "offering_alternatives"

      Examples:
        | message                                                 |
        | no actually forget it, whats the store credit valid for |
        | no wait its fine, how long is the store credit valid?   |

    Scenario Outline: "<message>" while waiting for a person still waits
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "refund please"
      And the customer says "I want to speak to a manager"
      And the customer says "<message>"
      Then the conversation waits for a person
      And the agent does not say "don't need to join"

      Examples:
        | message                                                    |
        | lets continue, how long will they be?                      |
        | fine, I'll stick with you until they arrive                |
        | no it's ok I'll hold, how long is the store credit valid?  |
        | never mind, I'll hang on. what was the store credit again? |
        | scratch that, I'll wait, but how does the exchange work?   |

    Scenario: "Actually no don't worry" after asking for a person takes the ask back
      When the customer says "can i talk to a real person please"
      And the customer says "actually no don't worry, I just want to know about returns"
      Then the agent says "don't need to join"
      And the conversation is in "listening"

    Scenario: No manager needed, just the refund: the handoff is withdrawn and the answer stays
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "I want a refund"
      And the customer says "let me talk to your manager"
      And the customer says "forget the manager, I just want my refund"
      Then the transitions taken were "withdraw_handoff" and "hold_position"
      And the agent does not say "make sure I get this right"
      And no alternative is applied

    Scenario Outline: "<no>" while waiting for the person asked for puts the offers again
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "I want a refund"
      And the customer says "could I speak to a manager please"
      Then the conversation waits for a person
      When the customer says "<no>"
      Then the agent says "don't need to join"
      And the agent offers "Store credit" and "Exchange"
      And the agent does not say "make sure I get this right"
      And the conversation is in "offering_alternatives"

      Examples:
        | no                                            |
        | actually no it's fine                         |
        | no sorry, never mind                          |
        | actually no, what were my options again?      |

    Scenario: With nothing on offer, saying no person is needed keeps the handoff
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "I'm going to take you to court over this"
      And the customer says "fine, I don't need a manager"
      Then the conversation waits for a person

    Scenario: Handed over for anger, taking the exchange sets it up and does not hand over again
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "I want a refund"
      And the customer says "oh brilliant, thanks a bunch"
      And the customer says "great, so I'm stuck with a dress I hate"
      Then the conversation waits for a person
      When the customer says "fine, the exchange, if I must"
      Then the alternative "Exchange" is applied
      And the conversation is in "follow_up"
      And the agent does not say "passing this to a colleague"

    Scenario: A bare "ok" while waiting takes up nothing
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "I want a refund"
      And the customer says "can I speak to your manager?"
      And the customer says "ok"
      Then the conversation waits for a person
      And no alternative is applied

    Scenario: A handoff after a threat stays, whatever is taken up
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "I want a refund"
      And the customer says "I'm going to take you to court"
      And the customer says "actually I'll just take the credit"
      Then the conversation waits for a person
      And no alternative is applied

    Scenario Outline: Out of hours, "<message>" to the offer of a callback books it
      Given it is 20:30 in the policy's time zone
      When the customer says "I want to speak to a human"
      Then the agent offers a callback
      When the customer says "<message>"
      Then the message is read as "choose:callback"
      And the agent says "I've booked a callback"

      Examples:
        | message                                                |
        | can someone call me instead? my number is 07700 900123 |
        | could you ring me?                                     |

    Scenario: Out of hours, taking up an offer instead of the callback sets it up
      Given it is 20:30 in the policy's time zone
      When the customer says "I want a refund"
      And the customer says "can I speak to a manager?"
      Then the agent offers a callback
      When the customer says "no, forget it, I'll take the credit"
      Then the transitions taken were "withdraw_handoff" and "accept_alternative"
      And the alternative "Store credit" is applied
      And the agent says "callback"
      And the conversation is in "follow_up"

  Scenario: "How long do I have to wait?" while waiting for a person is about the wait, not the rules
    Given it is within the policy's opening hours
    When the customer says "I want a refund"
    And the customer says "manager please"
    And the customer says "how long do I have to wait?"
    Then the transitions taken were "waiting"
    And the agent does not say "refund window"
    And the agent says "colleague"


  Scenario: "Ok can someone check?" asks for a person, not which offer
    Given it is within the policy's opening hours
    When the customer says "I want a refund"
    And the customer says "That's not acceptable. Your website says 60 days."
    And the customer says "ok can someone check"
    Then the agent hands over to a person
    And the agent does not say "Which one shall I set up"

  Scenario: "Then I'll take it up with my bank" is a chargeback threat, handed to a person
    Given it is within the policy's opening hours
    When the customer says "I want a refund"
    And the customer says "then I'll take it up with my bank"
    Then the agent hands over to a person with reason "threat"

  Scenario Outline: "<message>" is a chargeback threat too, handed to a person
    Given it is within the policy's opening hours
    When the customer says "<message>"
    Then the agent hands over to a person with reason "threat"

    Examples:
      | message                                                  |
      | refund A-1001 bought 40 days ago or I'm calling my bank  |
      | I want a refund or I'm phoning my credit card company    |
      | fine, I'm disputing it with my bank then                 |

  Scenario: "The refund is going to my card, right?" asks where the money goes, and threatens nothing
    Given it is within the policy's opening hours
    And the customer "Dana" bought order "A-1001" 10 days ago
    When the customer says "I want a refund"
    And the customer says "the refund is going to my card right?"
    Then the message is not flagged as a threat
    And the agent does not hand over to a person

  Rule: While waiting, a question about an offer still open is answered from its details

    Scenario: "What would the exchange involve?" while waiting for a person gets the exchange's details
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "I want a refund"
      And the customer says "could I speak to a manager please"
      Then the conversation waits for a person
      When the customer says "what would the exchange involve exactly, do I have to pay postage both ways?"
      Then the agent says "free returns label"
      And the conversation waits for a person

  Rule: A person asked for with nothing in hand can be unasked

    Scenario: "No, it's fine, I just want to cancel" while waiting takes the conversation back
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "can I talk to a real person please"
      Then the conversation waits for a person
      When the customer says "no actually it's fine, I just want to cancel A-2468"
      Then the transitions taken were "take_back_handoff" and "ask_fact"
      And the agent says "don't need to join"
      And the agent says "dispatched"
      When the customer says "no it hasn't gone yet"
      Then the request is approved

    Scenario: "Actually I don't need a person" asks what the customer would like
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "can I speak to someone"
      And the customer says "actually I don't need a person"
      Then the conversation is in "listening"
      And the agent says "what you'd like to do"

    Scenario: A request waiting with the person is decided once the person is not needed
      Given it is 2026-11-24 11:30 in the policy's time zone
      And the customer "Dana" bought order "A-1001" 3 days ago
      When the customer says "refund please. also I want a manager"
      Then the conversation waits for a person
      When the customer says "no need for a manager actually"
      Then the request is approved
      And the agent says "don't need to join"

    Scenario: "Can you cancel it then?" after a colleague was taken up for something else takes it back
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "hi could i change the delivery address on my order A-1616?"
      And the customer says "it hasn't shipped yet"
      Then the conversation waits for a person
      When the customer says "ok can you cancel it then and I'll reorder"
      Then the request is approved
      And the agent says "colleague"
      And the agent does not say "passing this to a colleague"

    Scenario: A bare "no" while waiting for the person asked for takes the conversation back
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "I want to speak to a person"
      And the customer says "no"
      Then the conversation is in "listening"
      And the agent says "don't need to join"

    Scenario: Asking again for the person keeps the handoff
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "get me a human"
      And the customer says "I want a refund, but I still want to talk to a person"
      Then the conversation waits for a person

    Scenario: What the person is wanted for, told while waiting, keeps the handoff
      Given it is 2026-11-24 11:30 in the policy's time zone
      When the customer says "Can I speak to a manager about order A-1313"
      And the customer says "it's about a refund, bought 2 months ago"
      Then the conversation waits for a person
      And the agent does not say "can't refund"

  Rule: Waiting in opening hours, a customer who asks to be called has a callback booked

    Scenario: "Can you call me instead?" while waiting books a callback for as soon as someone is free
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want a refund"
      And the customer says "can I speak to someone"
      Then the agent hands over to a person
      When the customer says "can you call me instead?"
      Then a callback is booked for "Thursday 11:00"
      And the agent says "as soon as one is free"
      And the conversation is closed with outcome "callback scheduled"

    Scenario: "Could someone ring me back tomorrow at 10?" while waiting books it then
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want to talk to a person about my order"
      And the customer says "could someone ring me back tomorrow at 10?"
      Then a callback is booked for "Friday 10:00"
      And the agent says "tomorrow at 10:00"

    Scenario Outline: "<message>" while waiting books a callback, and does not take the ask for a person back
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Can someone call me? I've been trying to sort a refund for ages"
      Then the agent hands over to a person
      When the customer says "<message>"
      Then a callback is booked for "Thursday 11:00"
      And the agent does not say "don't need to join"

      Examples:
        | message                       |
        | no, I'd prefer a call         |
        | I'd rather have a call please |
        | a call instead would be great |

    Scenario: "Actually nevermind, I'll just tell you" with what went wrong takes the conversation back
      When the customer says "I want to speak to a real human please"
      Then the agent hands over to a person
      When the customer says "actually nevermind, i'll just tell you. the kettle I got (A-3321) stopped working, bought it in july"
      Then the conversation is in "offering_alternatives"
      And the agent offers "replacement" and "repair"

    Scenario: What went wrong, told while waiting without taking the ask back, leaves the handoff as it is
      When the customer says "I want to speak to a real human please"
      And the customer says "the kettle I got (A-3321) stopped working, bought it in july"
      Then the conversation is in "escalated"

    Scenario: "Please don't call me, I'll wait" keeps the customer waiting
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want to talk to a person about my order"
      And the customer says "please don't call me, I'll wait"
      Then the conversation is in "escalated"
      And the agent does not say "booked a callback"

  Rule: What went wrong, told while waiting, is met with sympathy and passed on

    Scenario: An order number given while waiting is thanked for and passed on
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "i want a person"
      Then the conversation waits for a person
      When the customer says "my order is A-1234"
      Then the agent says "passed that on to my colleague"

    Scenario Outline: "<message>" while waiting for a person is heard before the wait is explained
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I need to speak to someone about a refund, it's complicated"
      Then the conversation waits for a person
      When the customer says "<message>"
      Then the agent says "<sympathy>"
      And the agent says "passed it on to my colleague"
      And the agent does not say "still here"

      Examples:
        | message                                                                                                                      | sympathy                     |
        | the item was a gift and the person who bought it has passed away, I just want to return it. A-2323, bought about 6 weeks ago | I'm so sorry for your loss.  |
        | it arrived broken                                                                                                            | I'm sorry to hear that.      |

  Rule: A question about the rules while waiting is answered, and the wait stays

    Scenario Outline: "<question>" while waiting for a person is answered from the rules
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want a refund"
      And the customer says "let me speak to a human"
      Then the conversation waits for a person
      When the customer says "<question>"
      Then the agent says "within 5 working days"
      And the conversation waits for a person
      And the agent does not say "30 days from the day you buy"

      Examples:
        | question                                   |
        | how long do refunds usually take?          |
        | how long will the refund take?             |

    Scenario: "How do I know it's been fixed?" while a double charge waits for a person is not about a repair
      When the customer says "I was charged twice for the same order"
      And the customer says "A-7777"
      Then the conversation waits for a person
      When the customer says "how do I know it's been fixed?"
      Then the message is read as "ask_status"
      And the agent does not say "repair"
      And the conversation waits for a person

    Scenario: "How long will that take?" while waiting asks about the wait, not the rules
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I want a refund"
      And the customer says "let me speak to a human"
      And the customer says "how long will that take?"
      Then the agent does not say "within 5 working days"
      And the conversation waits for a person

  Rule: A question that what was said on handing over answers is answered from it while waiting

    Scenario Outline: "<question>" after an unsafe item is handed over gets the safety advice again
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "the blender I got from you (A-8181) smells like burning when I use it. bought it 2 weeks ago"
      Then the conversation waits for a person
      When the customer says "<question>"
      Then the agent says "As I mentioned, please stop using it"
      And the agent does not say "We send you a new one"
      And the conversation waits for a person

      Examples:
        | question                                             |
        | is it safe to keep using it?                         |
        | can I still use it for now?                          |
        | is it safe to keep using it till the new one comes?  |

    Scenario: "How long will it take?" after an unsafe item is handed over is not met with the safety advice
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "the blender I got from you (A-8181) smells like burning when I use it. bought it 2 weeks ago"
      And the customer says "how long will it take?"
      Then the agent does not say "stop using it"
      And the conversation waits for a person

  Rule: A person asked for first, then not needed, leaves the agent to do what it would have done

    Scenario: "Actually never mind, can you just do the refund?" while waiting takes the conversation back
      Given it is within the policy's opening hours
      When the customer says "I want to talk to a person"
      And the customer says "it's about a refund for A-1111"
      And the customer says "actually never mind, can you just do the refund?"
      Then the reply matches /(don't need to join|no need to pick this up)/
      And the agent explains the reason
      And the agent does not say "They won't be long"

    Scenario: Trouble told while waiting is put right once the person is not needed
      Given it is within the policy's opening hours
      And the customer "Dana" bought order "A-3003" 5 days ago
      When the customer says "can I talk to someone about my order A-3003 please"
      And the customer says "it arrived damaged"
      And the customer says "oh great, thanks, no need for the person then"
      Then the request is approved
      And the agent says "faulty"
      And the agent does not say "what you'd like to do"

    Scenario: "Never mind, I'll take the store credit" while waiting sets the credit up
      Given it is within the policy's opening hours
      When the customer says "i need a human"
      And the customer says "its about a refund"
      And the customer says "never mind, i'll take the store credit"
      Then the alternative "Store credit" is applied
      And the conversation is in "follow_up"

    Scenario Outline: "<message>" while waiting brings the offers back
      Given it is within the policy's opening hours
      And the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I'd like a refund"
      And the customer says "let me speak to a real person please"
      Then the agent hands over to a person
      When the customer says "<message>"
      Then the conversation is in "offering_alternatives"
      And the reply matches /(don't need to join|no need to pick this up)/

      Examples:
        | message                                                |
        | no actually it's fine, don't bother them               |
        | actually nvm                                           |
        | no it's fine, I'll just wait for the parcel to turn up |
        | actually no, I'll wait and see if it arrives tomorrow  |

    Scenario: "Ok never mind, I'll wait" keeps the customer waiting
      Given it is within the policy's opening hours
      And the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I'd like a refund"
      And the customer says "let me speak to a real person please"
      And the customer says "ok never mind, I'll wait"
      Then the conversation is in "escalated"

    Scenario Outline: "<message>" keeps the customer waiting, calmly
      Given it is within the policy's opening hours
      And the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I'd like a refund"
      And the customer says "this is ridiculous, get me a manager"
      And the customer says "<message>"
      Then the conversation is in "escalated"
      And the agent does not say "don't need to join"
      And the agent does not say "I hear you"

      Examples:
        | message                 |
        | no it's fine, I'll wait |
        | no thanks, I'll hold    |
        | no it's ok I'll hold    |

    Scenario: A complaint while waiting for a colleague is heard, not only queued
      Given the customer "Dana" bought order "A-9999" 240 days ago
      When the customer says "my blender A-9999 stopped working"
      Then the agent hands over to a person
      When the customer says "that's rubbish, it should last longer than that"
      Then the agent says "I hear you"
      And the conversation is in "escalated"

  Rule: A request made while waiting for a person is passed on to them

    Scenario: "I want my money back then" while waiting is noted for the colleague
      Given it is within the policy's opening hours
      When the customer says "I want to speak to a manager"
      And the customer says "I want my money back then"
      Then the conversation is in "escalated"
      And the reply matches /(you'd like a refund)/

  Rule: A person asked for with an order number is met with "of course", not thanks for the number

    Scenario: "I want to speak to a manager about A-2403" is not thanked for the order number
      Given it is within the policy's opening hours
      When the customer says "I want to speak to a manager about A-2403"
      Then the agent hands over to a person
      And the agent says "Of course"
      And the agent does not say "Thank you."

  Rule: Refusing a colleague the agent cannot take the conversation back from is told why one still decides

    Scenario: "No I don't want a colleague, I want my money back" for a fault past six months is told a person has to decide
      Given it is within the policy's opening hours
      And the customer "Dana" bought order "A-1001" 240 days ago
      When the customer says "my TV has stopped working"
      Then the agent hands over to a person
      When the customer says "no I don't want a colleague, I want my money back"
      Then the conversation is in "escalated"
      And the reply matches /(needs a colleague to decide|needs a colleague to look at|has to decide|needs a person to decide)/
      And the reply matches /(you'd like a refund)/

  Rule: A customer who will call back themselves turns the callback down

    Scenario Outline: "<answer>" to the callback offer books nothing
      Given it is outside the policy's opening hours
      When the customer says "can i talk to a manager about my order A-2222"
      And the customer says "<answer>"
      Then the agent does not say "I've booked a callback"
      And the agent does not say "will call you"

      Examples:
        | answer                              |
        | not now, I'll wait till monday      |
        | no thanks, I'll call back on monday |

  Rule: Asked whether it is a bot with a person asked for, the agent says what it is as it hands over

    Scenario: "Is this a bot? I want a real person" hears it is a virtual assistant, and gets a person
      Given it is within the policy's opening hours
      When the customer says "is this a bot? I want a real person"
      Then the agent hands over to a person
      And the agent says "virtual assistant, not a person"

  Scenario: "Oh wait no, forget that, what were the options again?" lets the person go and lists the options
    When the customer says "I want a refund"
    And the customer says "can I talk to a manager"
    Then the conversation is in "escalated"
    When the customer says "oh wait no, forget that, what were the options again?"
    Then the message is read as "not ask_human" and "ask_about:all"
    And the agent says "don't need to join"
    And the agent says "Store credit"
