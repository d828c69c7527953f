Feature: Reading a gym member the way they talk
  Another business, the gym of the testing guide, declines early cancellations of a fixed-term
  membership and offers a freeze or a cheaper plan. Members count what is left of a contract in
  years as often as in months, and ask what an offer costs before they take it.

  Background:
    Given the policy file "../docs/examples/gym/features/policies/gym.yaml"

  Rule: A count of months said in years, or beside other numbers, is read as months

    Scenario Outline: "<answer>" to how many months are left is <months> months
      When the customer says "cancel my membership please"
      And the customer says "<answer>"
      Then the message gives the fact "months_left" as "<months>"

      Examples:
        | answer                                           | months |
        | about half a year left I think                   | 6      |
        | a year and a half                                | 18     |
        | 1 year and 3 months                              | 15     |
        | I've been a member for 2 years, 5 months left    | 5      |
        | eight                                            | 8      |
        | I've been a member 4 years and 8 months are left | 8      |
        | 1 year and 3 months left                         | 15     |
        | two years and 3 months to go                     | 27     |

    Scenario: "I've been a member 5 years" to how many months are left is no count of months
      When the customer says "cancel my membership please"
      And the customer says "I've been a member 5 years, surely that counts for something"
      Then the message gives the fact "years_member" as "5"
      And the message gives no fact "months_left"
      And the request is still undecided
      And the agent asks for the "months_left"

    Scenario Outline: "<answer>" to how many months are left is what it costs, no count of months
      When the customer says "cancel my membership please"
      And the customer says "<answer>"
      Then the message gives no fact "months_left"
      And the request is still undecided

      Examples:
        | answer                                      |
        | i pay 45 a month, not sure how long is left |
        | it's £30 a month, no idea how long is left  |

  Rule: The months a contract still has are worked out from its length and the months gone, or when it ends

    Scenario Outline: "<message>" leaves <months> months to run
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "<message>"
      Then the message gives the fact "months_left" as "<months>"
      And the agent says "<months> months to run"

      Examples:
        | message                                                               | months |
        | how much is it to cancel early? I'm 4 months into a 12 month contract | 8      |
        | cancel please. signed a 2 year contract 5 months ago                  | 19     |
        | i want to cancel my 12-month membership, i'm 3 months in              | 9      |
        | cancel my membership, 3 months left on my 12 month contract           | 3      |
        | cancel please, my contract ends in June                               | 6      |
        | cancel, contract runs until March 2027                                | 3      |
        | cancel please, 2 more months                                          | 2      |
        | cancel, there's a year left                                           | 12     |
        | cancel please, i signed up for 12 months in june                      | 6      |
        | cancel please, i signed up in june for 12 months                      | 6      |
        | i want to cancel, i joined in march on a 12 month contract            | 3      |
        | cancel, i joined for 12 months back in september                      | 9      |

  Rule: "Or the off-peak" after turning the freeze down sets nothing up

    Scenario Outline: "<message>" after "no I don't want a freeze" <outcome>
      Given the fact "months_left" is "2"
      When the customer says "cancel my membership"
      And the customer says "no I don't want a freeze"
      And the customer says "<message>"
      Then no alternative is applied
      And the message is read as "<act>"

      Examples:
        | message          | act                | outcome                 |
        | or the off peak  | ask_about:off_peak | asks about the plan     |
        | nor the off peak | reject:off_peak    | turns the plan down too |

  Rule: A fact given with a shrug takes nothing grudgingly

    Scenario: "0 months left I guess" is cancelled with good news, not with sorry
      When the customer says "hello, my membership renews next week and I don't want it to"
      And the customer says "it's a rolling monthly one, so 0 months left I guess"
      Then the request is approved
      And the agent does not say "sorry"

  Rule: A member who asks for a freeze by name gets the freeze, whatever the reason

    Scenario: "Can I pause my membership while I'm recovering from knee surgery?" looks into the freeze
      When the customer says "Hey! quick q - can I pause my membership while I'm recovering from knee surgery?"
      Then the conversation is in "listening"
      And the agent does not say "end a contract early"
      When the customer says "about 8"
      Then the alternative "Freeze" is applied

  Rule: An offer's price asked with its name is a question, and a no to one offer described turns down only that one

    Scenario: "The cheaper plan, how much is it?" asks about the plan and sets nothing up
      Given the fact "months_left" is "8"
      When the customer says "I need to quit the gym, I can't afford it anymore"
      And the customer says "the cheaper plan, how much is it?"
      Then the message is read as "ask_about:off_peak"
      And no alternative is applied
      And the conversation is in "offering_alternatives"

    Scenario: "No, that's still too much" after the plan is described offers the freeze still on the table
      Given the fact "months_left" is "8"
      When the customer says "I need to quit the gym, I can't afford it anymore"
      And the customer says "the cheaper plan, how much is it?"
      And the customer says "no that's still too much"
      Then the message is read as "reject:off_peak"
      And the agent says "free freeze"
      And the conversation is in "offering_alternatives"

  Rule: A resigned yes beside asking for a person takes no offer

    Scenario Outline: "<message>" with one offer left goes to a person and takes nothing
      Given the fact "months_left" is "7"
      When the customer says "I need to cancel, I can't afford the gym anymore"
      And the customer says "no I don't want to freeze, I need it gone"
      And the customer says "<message>"
      Then the message is read as "ask_human"
      And no alternative is applied
      And the agent does not say "off-peak plan"
      And the conversation waits for a person

      Examples:
        | message                          |
        | fine, put me through to someone  |
        | ok. let me talk to a manager     |

    Scenario: "Fine, I'll take it" with one offer left still takes it
      Given the fact "months_left" is "7"
      When the customer says "I need to cancel, I can't afford the gym anymore"
      And the customer says "no I don't want to freeze, I need it gone"
      And the customer says "fine, I'll take it"
      Then the alternative "off_peak" is applied

  Rule: How long an offer lasts, asked while a person is coming, is answered from the offer's own words

    Scenario: "For how long can I freeze?" after an illness went to a colleague asks about the freeze
      When the customer says "how do I cancel"
      And the customer says "8 months are left"
      And the customer says "can I freeze it instead? I'm having surgery"
      Then the conversation waits for a person
      When the customer says "for how long can I freeze?"
      Then the message is read as "ask_about:freeze"
      And the agent says "It's a free freeze of up to three months."
      And the conversation waits for a person

    Scenario: "Thanks, that'd be great. How does the freeze work?" while a person is coming is told what it is
      When the customer says "I've had a baby and honestly can't get to the gym. Can I cancel? 9 months left"
      Then the conversation waits for a person
      When the customer says "oh thanks that'd be great actually. how does the freeze work?"
      Then the agent says "a free freeze of up to three months"
      And the conversation waits for a person

  Rule: A member moving away, or too ill to train, goes to a colleague who can end the contract early

    Scenario Outline: "<message>" is passed to a colleague, not offered a freeze
      When the customer says "<message>"
      Then the message gives the fact "circumstance" as "<circumstance>"
      And the conversation is in "escalated"
      And the agent does not say "free freeze"

      Examples:
        | message                                                                                      | circumstance |
        | hi I want to cancel my membership, I've got 4 months left but I'm moving to Spain in January | moving       |
        | cancel my membership please, 6 months left, we are relocating for my husband's job           | moving       |
        | I want out of my contract, 7 months left. we're moving to a new country in February         | moving       |
        | cancel please, 2 months left, moving countries next month                                    | moving       |
        | I need to stop my membership, I'm pregnant and my doctor said no gym for now                 | illness      |
        | I need to cancel, 5 months left, I've just had surgery and can't train                       | illness      |
        | I want to cancel, I have a heart condition and can't train anymore                           | illness      |
        | cancel please, my doctor said no more lifting after my back injury                           | illness      |
        | hey, can I cancel? I've hurt my knee and can't train for a while                             | illness      |
        | I need to cancel, 3 months left, I've pulled a muscle                                        | illness      |
        | I need to stop my gym membership. I've been diagnosed with a back injury                     | illness      |
        | I need to cancel my gym, I've broken my leg                                                  | illness      |
        | hi i fractured my ankle skiing and cant use the gym, can i cancel? 8 months left            | illness      |
        | cancel please, I'm on crutches for the next 3 months                                         | illness      |

    Scenario: "Thank you. How long will it take them?" while a person is coming is not told the exception again
      When the customer says "I need to cancel my gym, I've broken my leg"
      And the customer says "about 6 months left"
      And the customer says "thank you. how long will it take them?"
      Then the agent does not say "As I mentioned"
      And the conversation waits for a person

    Scenario Outline: "<message>" before asking for anything is met with <words>
      When the customer says "<message>"
      Then the agent says "<words>"
      And the agent says "cancellation"

      Examples:
        | message                                                  | words                      |
        | my mum passed away last week, she had a membership here   | I'm so sorry for your loss |
        | I've been diagnosed with a back injury, no gym for months | sorry                      |

    Scenario: A trip away told beside a freeze asked for is news, met with no "sorry"
      When the customer says "can I pause my membership instead of cancelling? going travelling for 2 months"
      Then the agent does not say "sorry"
      And the agent says "How many months are left on your contract?"

    Scenario: "I'm moving my session to next week" is no move
      When the customer says "I'm moving my session to next week"
      Then the message gives no fact "circumstance"

    Scenario: "My gym buddy moved away" is someone else's move, so the contract is not passed on for it
      When the customer says "I want out of my contract, my gym buddy moved away and I hate going alone"
      Then the message gives no fact "circumstance"
      And the agent asks for the "months_left"

    Scenario: "My family is moving abroad and I'm going with them" is the member's move too
      When the customer says "cancel please, my family is moving abroad and I'm going with them"
      Then the message gives the fact "circumstance" as "moving"

  Rule: A doctor's word against exercise is a medical reason

    Scenario Outline: "<message>" goes to a colleague who can end the contract early
      When the customer says "<message>"
      Then the message gives the fact "circumstance" as "illness"
      And the conversation is in "escalated"

      Examples:
        | message                                                                    |
        | I need to cancel my membership, my doctor says no exercise for 6 months    |
        | cancel please, I've been told not to exercise after my knee op             |

  Rule: The cheaper plan is named the way members write it

    Scenario Outline: "<message>" after the refusal takes the off-peak plan
      When the customer says "I want to cancel, I've got 8 months left on my contract"
      And the customer says "<message>"
      Then the alternative "Off-peak plan" is applied

      Examples:
        | message          |
        | off-peak please  |
        | I'll go off-peak |

    Scenario: "The off-peak plan sounds ok" while the months are asked is noted before the question
      When the customer says "I'd like to cancel, honestly the gym is always too crowded in the evenings"
      And the customer says "the off-peak plan sounds ok, what hours is it?"
      Then the message is read as "choose:off_peak"
      And the agent says "off-peak plan"
      And the agent asks for the "months_left"

  Rule: Travelling is no trouble to be sorry for

    Scenario: "Can I freeze my membership? I'm travelling" asks the question without "I'm sorry"
      When the customer says "can I freeze my membership for 4 months? I'm travelling"
      Then the agent does not say "sorry"
      And the agent asks for the "months left on the contract"

  Rule: The months still to run are read however they are put

    Scenario Outline: "<message>" tells the months left, so they are not asked
      When the customer says "<message>"
      Then the message gives the fact "months_left" as "<months>"
      And the agent does not say "How many months are left"

      Examples:
        | message                                                                          | months |
        | Can I freeze my membership instead of cancelling? Contract runs another 5 months | 5      |
        | cancel please, my contract ends in 4 months                                      | 4      |
        | I want to cancel, still 6 months on my contract                                  | 6      |
        | please cancel, the contract runs out in 3 months                                 | 3      |

    Scenario Outline: "<answer>" to how many months are left is worked out from the month it names
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "cancel membership pls"
      And the customer says "<answer>"
      Then the message gives the fact "months_left" as "<months>"

      Examples:
        | answer                                           | months |
        | no clue, I signed a 12 month contract last March | 3      |
        | its up in may i think                            | 5      |
        | my contract is over in june                      | 6      |

    Scenario Outline: "<message>" names a month for something else, so the months left are still asked
      When the customer says "<message>"
      Then the message gives no fact "months_left"
      And the agent says "How many months are left"

      Examples:
        | message                                    |
        | Prices go up in March, cancel please       |
        | The fee goes up in May so I want to cancel |

    Scenario: "No idea, it's a 12 month contract" gives how long the contract is, not how long is left
      When the customer says "cancel membership pls"
      And the customer says "no idea how many months, its a 12 month contract"
      Then the message gives no fact "months_left"

  Rule: Proposing to take an offer takes it

    Scenario: "How about I just pause it for now?" after the refusal arranges the freeze
      When the customer says "I want to cancel, 3 months left on my contract"
      And the customer says "how about I just pause it for now?"
      Then the alternative "Freeze" is applied

  Rule: Hard times told again are met with sympathy, not a note

    Scenario: "That doesn't help, I have no income" after the offers is met with sympathy
      When the customer says "I've lost my job and can't pay for the gym anymore, please cancel"
      And the customer says "about 7 months"
      And the customer says "that doesn't help, I have no income"
      Then the reply matches /(things are hard|things are so hard)/
      And the agent does not say "I have that noted"
      And the conversation is in "offering_alternatives"

    Scenario Outline: "<message>" turns the cheaper plan down, and sets nothing up
      When the customer says "cancel my membership please"
      And the customer says "4"
      And the customer says "<message>"
      Then no alternative is applied
      And the conversation is in "offering_alternatives"
      And the agent offers "freeze"
      And the agent does not offer "off-peak"

      Examples:
        | message                                                 |
        | the cheaper plan is still too expensive for me honestly |
        | I can't afford any plan right now, even a cheaper one   |
        | the off peak is still more than I can afford            |

    Scenario Outline: "<message>" takes the cheaper plan because the full one costs too much
      When the customer says "cancel my membership please"
      And the customer says "4"
      And the customer says "<message>"
      Then the alternative "Off-peak plan" is applied

      Examples:
        | message                                                           |
        | I can't afford the full membership so the cheaper plan please     |
        | I'll take the cheaper plan as I can't afford the full one         |
        | ok the off peak plan then as the full membership is too expensive |

    Scenario Outline: "<message>" tells of no illness, so the answer stays
      Given the fact "months_left" is "6"
      When the customer says "cancel my membership please"
      And the customer says "<message>"
      Then the message gives no fact "circumstance"
      And the agent does not hand over to a person

      Examples:
        | message                                                     |
        | what counts as a medical reason?                            |
        | what counts as a doctor's note for that                     |
        | new job with long hours so I won't be able to train anymore |

    Scenario: "Ok fine, I'll keep my membership as it is then" to the offers takes none, and lets the cancellation go
      Given the fact "months_left" is "4"
      When the customer says "cancel my membership please"
      And the customer says "ok fine, I'll keep my membership as it is then"
      Then no alternative is applied
      And the agent does not say "Which"

    Scenario: "I'll keep my membership as it is then, thanks for your help" after the freeze keeps the freeze
      Given the fact "months_left" is "4"
      When the customer says "cancel my membership please"
      And the customer says "freeze please"
      And the customer says "I'll keep my membership as it is then, thanks for your help"
      Then the agent does not say "cancelled"

    Scenario: "Can you keep my payment date as it is when the freeze ends?" asks, and keeps the freeze
      Given the fact "months_left" is "4"
      When the customer says "cancel my membership please"
      And the customer says "freeze"
      And the customer says "can you keep my payment date as it is when the freeze ends?"
      Then the agent does not say "cancelled"

  Rule: An alternative offered before can still be taken while the goodwill offer is open

    Scenario: "Ok I'll freeze then" after asking about the free session arranges the freeze
      When the customer says "I want to cancel, I've been a member for 5 years and I have 2 months left"
      And the customer says "what about the free session thing?"
      Then the agent offers compensation
      When the customer says "ok I'll freeze then"
      Then the alternative "Freeze" is applied
      And no compensation has been issued

    Scenario: A bare yes to the free session takes it
      When the customer says "I want to cancel, I've been a member for 5 years and I have 2 months left"
      And the customer says "what about the free session thing?"
      And the customer says "ok"
      Then compensation is issued

  Rule: "Neither" turns down every offer, whichever one was just asked about

    Scenario Outline: "<answer>" after asking what the off-peak plan costs turns down both offers
      When the customer says "cancel my membership please"
      And the customer says "idk maybe 8 months?"
      And the customer says "how much is the off peak one"
      And the customer says "<answer>"
      Then the message is read as "reject:all"

      Examples:
        | answer       |
        | neither      |
        | nah neither  |
        | none of them |

    Scenario: "No" after asking what the off-peak plan costs turns down the off-peak plan
      When the customer says "cancel my membership please"
      And the customer says "idk maybe 8 months?"
      And the customer says "how much is the off peak one"
      And the customer says "no"
      Then the message is read as "reject:off_peak"

  Rule: A contract said to be over has no months left, and what the agent needs is answered by asking it

    Scenario Outline: "<message>" cancels the membership with nothing left to run
      When the customer says "<message>"
      Then the message gives the fact "months_left" as "0"
      And the request is approved

      Examples:
        | message                                                            |
        | cancel pls. contract ended in october but you're still charging me |
        | cancel please, I'm out of contract                                 |
        | cancel please, my contract finished last month                     |

    Scenario: "My contract isn't over till June" still has months to run
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "cancel please, my contract isn't over till june"
      Then the message gives the fact "months_left" as "6"

    Scenario: "Thank you. Do you need anything from me?" while the months are asked is answered by asking them
      When the customer says "Hello, I've not been able to use the gym for a while and I need to cancel my membership please"
      And the customer says "thank you. do you need anything from me?"
      Then the agent does not say "help with"
      And the agent says "how many months are left"

    Scenario: "Is my contract over? if so cancel it" asks, so the months are asked
      When the customer says "is my contract over? if so cancel it"
      Then the message gives no fact "months_left"

  Rule: "Hold on" and "hold off" ask the agent to wait; only "a hold" or "put it on hold" asks for the freeze

    Scenario Outline: "<message>" to the offers sets nothing up
      When the customer says "cancel please, 4 months left"
      And the customer says "<message>"
      Then no alternative is applied
      And the conversation is in "offering_alternatives"

      Examples:
        | message                                                   |
        | hold on, is the off-peak plan cheaper every month?        |
        | hmm, let me hold off deciding                             |
        | hold up, what does the freeze do?                         |

    Scenario: "Hmm hold on" with a question about the plan taken does not swap it for the freeze
      When the customer says "cancel please, 4 months left"
      And the customer says "off-peak"
      And the customer says "hmm hold on, does off-peak still include classes?"
      Then no alternative is applied
      And the agent does not say "freeze"

    Scenario: "Can I put it on hold?" still asks about the freeze
      When the customer says "cancel please, 4 months left"
      And the customer says "can I put it on hold?"
      Then the message is read as "ask_about:freeze"

    Scenario Outline: "<message>" names what is to be held, and sets up the freeze
      When the customer says "cancel please, 4 months left"
      And the customer says "<message>"
      Then the alternative "Freeze" is applied

      Examples:
        | message                                                  |
        | ok just hold off the membership until summer             |
        | could you hold off my payments for 2 months instead?     |
        | can you hold on to my membership till I'm back in March? |

  Rule: Taking back the offer taken leaves the membership as it was

    Scenario Outline: "<message>" after taking the freeze takes the freeze back
      When the customer says "cancel my membership"
      And the customer says "6"
      And the customer says "freeze"
      And the customer says "<message>"
      Then the alternative "Freeze" is withdrawn

      Examples:
        | message                                                    |
        | actually no, i dont want anything, just leave it as it is  |
        | hmm actually forget the freeze, ill just keep paying       |
        | actually never mind, I'll just keep my membership as it is |
        | I'd rather keep things the way they were                   |

  Rule: A bereavement goes to a colleague who looks at the membership

    Scenario: "My husband passed away, I need to cancel his membership" is met with sympathy and a colleague
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hi, my husband passed away and i need to cancel his membership"
      Then the agent says "sorry for your loss"
      And the agent hands over to a person
      And the agent does not say "freeze"

    Scenario Outline: "<message>" tells of an injury, which a colleague looks at
      Given the fact "months_left" is "6"
      When the customer says "<message>"
      Then the message gives the fact "circumstance" as "illness"
      And the agent hands over to a person

      Examples:
        | message                                                                         |
        | cancel my membership please, I tore my ACL and won't be able to train for months |
        | I need to cancel, torn ligament in my knee                                       |

    Scenario: "Yes, it's a medical thing, I have a doctor's note" after the offers tells of illness, and takes no offer
      Given the fact "months_left" is "6"
      When the customer says "cancel my membership please"
      And the customer says "yes its a medical thing, I have a doctors note"
      Then the message gives the fact "circumstance" as "illness"
      And no alternative is applied
      And the agent hands over to a person

  Rule: A second request the gym does not handle is said to be one for a colleague

    Scenario: "Also I want my joining fee back" after the offers says a colleague can help with it
      When the customer says "cancel my membership"
      And the customer says "4"
      And the customer says "also i want my joining fee back"
      Then the agent says "colleague"
      And the agent does not say "noted"
      And the conversation is in "offering_alternatives"

    Scenario: "Before you offer me a freeze, I don't want one" leaves the freeze out of the offers
      Given the fact "months_left" is "4"
      When the customer says "cancel. and before you offer me a freeze, I don't want one"
      Then the agent offers "off-peak plan"
      And the agent does not offer "freeze"
      When the customer says "what else have you got"
      Then the agent says "nothing else"
      And the agent does not say "This is what I can offer"

    Scenario Outline: "<message>" after the offers is a charge for a colleague, not a question about the answer
      When the customer says "cancel my membership"
      And the customer says "4"
      And the customer says "<message>"
      Then the agent says "colleague"
      And the agent does not say "fixed term"
      And the conversation is in "offering_alternatives"

      Examples:
        | message                             |
        | why was I charged twice this month? |
        | why did you take two payments?      |

    Scenario: "Why does it take two weeks?" after the offers asks for no money back
      When the customer says "cancel my membership"
      And the customer says "4"
      And the customer says "why does it take two weeks?"
      Then the message is not read as "request:refund"

    Scenario Outline: "<question>" asks what would happen, and sets nothing up
      When the customer says "cancel my membership"
      And the customer says "6"
      And the customer says "<question>"
      Then no alternative is applied

      Examples:
        | question                                               |
        | if you switch me to off-peak do I lose the pool?       |
        | if you put me on a freeze, when does it end?           |
        | can you switch me to off peak if it includes the pool? |

    Scenario: "Can I get both? Freeze now and then off-peak after" asks which, and invents no other question
      When the customer says "cancel membership. 4 months left"
      And the customer says "can I get both? freeze now and then off-peak after"
      Then no alternative is applied
      And the agent says "one of them"
      And the agent does not say "other question"

    Scenario: "What can you do?" with no summary of the rules is told what the agent handles
      When the customer says "hi what can you do?"
      Then the agent says "assistant"
      And the agent says "cancellation"
      And the agent does not say "from here"

    Scenario: "What does that mean?" after the refusal gets the clearer reason
      When the customer says "cancel please, 8 months left"
      And the customer says "what does that mean"
      Then the message is read as "ask_why"
      And the agent says "fixed term"

    Scenario Outline: "<word>" alone to the refusal is dismay, not a message to catch again
      When the customer says "cancel please, 8 months left"
      And the customer says "<word>"
      Then the message is read as "complain"
      And the agent does not say "catch that"

      Examples:
        | word    |
        | really? |
        | wow     |

    Scenario: "I had surgery ... can I get out of it?" asks to cancel, and the illness goes to a colleague
      When the customer says "sorry to bother you. I had surgery last week on my knee and my physio says no gym till march. I've got 9 months left. Can I get out of it?"
      Then the message is read as "request:cancel" and "provide:months_left" and "provide:circumstance"
      And the agent says "end a contract early"

    Scenario: "A job in another city, and no gym of yours there" is a move
      When the customer says "I need to cancel, I got a job in another city 200km away and there's no gym of yours there. 6 months left"
      Then the message gives the fact "circumstance" as "moving"
      And the agent says "your move"

    Scenario: "She won't be able to use a freeze" turns the freeze down
      When the customer says "cancel please, 7 months left"
      And the customer says "She won't be able to use a freeze, she's not going to get better."
      Then the message is read as "reject:freeze"
      And no alternative is applied

    Scenario Outline: "<question>" once the freeze is set up is told it is done
      When the customer says "cancel please, 4 months left"
      And the customer says "freeze"
      And the customer says "<question>"
      Then the message is read as "ask_status"
      And the agent says "that's done"

      Examples:
        | question                     |
        | did it go through?           |
        | has the freeze gone through? |
