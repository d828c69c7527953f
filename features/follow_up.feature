Feature: Following up
  Once something is agreed, the agent says what happens next and schedules a check-in with the
  customer after the delay the policy sets (here, 24 hours), in the customer's own terms.

  Background:
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago

  Scenario: Accepting an alternative schedules a follow-up with the right delay and words
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    Then a follow-up is scheduled in 24 hours
    And the follow-up says "Hi Dana, it's Sam from Northwind Goods"
    And the follow-up says "We spoke yesterday and set up your store credit for order A-1001"
    And the follow-up says "Are you happy with how it was sorted out?"
    And the agent says "I'll check back tomorrow"

  Scenario: The follow-up is due a day later, not before
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    Then the follow-up is not due yet
    When 23 hours pass
    Then the follow-up is not due yet
    When 1 hour passes
    Then the follow-up is due

  Scenario: A handover to a person is followed up too
    When the customer says "I want a refund"
    And the customer says "Can I speak to a manager?"
    Then a follow-up is scheduled in 24 hours

  Scenario: A customer who is happy with the outcome closes the conversation
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer says "yes, all good thanks"
    Then the agent ends the chat
    And no follow-up is scheduled

  Scenario Outline: A customer with nothing else to ask is let go, not handed over
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer says "<goodbye>"
    Then the agent does not hand over to a person
    And the agent ends the chat

    Examples:
      | goodbye                      |
      | thanks, that's all           |
      | nothing else, thanks         |
      | that's everything, thank you |
      | all good, thanks             |
      | no, that's all, thanks       |
      | No thanks, I'm all sorted    |
      | nope, that's it. cheers      |

  Scenario: The button to finish ends the conversation
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer clicks "That's all, thanks"
    Then the conversation is closed with outcome "alternative accepted"

  Scenario: A customer who says yes to the check-in question closes it too
    When the customer says "I want a refund"
    And the customer clicks "Exchange"
    And the customer clicks "That's all, thanks"
    And 24 hours pass
    And the scheduled follow-up is delivered
    And the customer says "yes"
    Then the transitions taken were "satisfied"
    And the conversation is closed

  Scenario Outline: At the check-in, contentment said with a no ("<answer>") closes happily, with no colleague
    When the customer says "I want a refund"
    And the customer clicks "Exchange"
    And the customer clicks "That's all, thanks"
    And 24 hours pass
    And the scheduled follow-up is delivered
    And the customer says "<answer>"
    Then the conversation is closed
    And the agent does not hand over to a person
    And the agent does not say "sorry"

    Examples:
      | answer                                  |
      | can't complain, the new one fits great  |
      | no complaints here!                     |
      | honestly couldn't fault it. cheers      |
      | all good, no issues at all              |

  Scenario: "No complaints, thanks" to "anything else?" is a goodbye
    When the customer says "I want a refund"
    And the customer clicks "Exchange"
    And the customer says "no complaints, thanks"
    Then the conversation is closed

  Scenario: A customer for whom it did not work out is handed to a person
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer clicks "That's all, thanks"
    And 24 hours pass
    And the scheduled follow-up is delivered
    And the customer says "it didn't work, I'm still unhappy"
    Then the agent hands over to a person with reason "unsatisfied"
    And the agent says "I'm sorry it hasn't worked out"

  Scenario: After the resolution, the agent stays open for anything else
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer says "hmm"
    Then the transitions taken were "unclear"
    And the agent says "anything else"

  Scenario: After the resolution, "why?" is still answered
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer says "why can't I get a refund?"
    Then the agent explains the reason more simply
    And the transitions taken were "why" and "resume_follow_up"

  Scenario: A day later the follow-up reopens the conversation, and a happy customer closes it
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer says "thanks, bye"
    Then the conversation is closed
    When 24 hours pass
    And the scheduled follow-up is delivered
    Then the agent says "Are you happy with how it was sorted out?"
    And the quick replies are "Yes, all sorted" and "No, not really"
    And the conversation is in "follow_up"
    When the customer clicks "Yes, all sorted"
    Then the conversation is closed

  Scenario: The follow-up reaches a customer still in the chat, for whom it did not work out
    When the customer says "I want a refund"
    And the customer clicks "Exchange"
    And 24 hours pass
    And the scheduled follow-up is delivered
    Then the transitions taken were "check_in"
    When the customer clicks "No, not really"
    Then the agent hands over to a person with reason "unsatisfied"

  Scenario: After a handover, the follow-up checks that the person sorted it out
    When the customer says "I want a refund"
    And the customer says "Can I speak to a manager?"
    And 24 hours pass
    And the scheduled follow-up is delivered
    Then the conversation is in "follow_up"
    And the follow-up is due

  Scenario: At the check-in, a problem told is a no, and goes to a person
    When the customer says "I want a refund"
    And the customer clicks "Exchange"
    And the customer clicks "That's all, thanks"
    And 24 hours pass
    And the scheduled follow-up is delivered
    And the customer says "the new one hasn't arrived yet"
    Then the agent hands over to a person with reason "unsatisfied"
    And the agent does not say "anything else"

  Scenario Outline: At the check-in, "<answer>" about what was sent goes to a person, and undoes nothing
    When the customer says "my kettle A-7001 stopped working, bought 2 months ago"
    And the customer says "replacement"
    And 24 hours pass
    And the scheduled follow-up is delivered
    And the customer says "<answer>"
    Then the agent hands over to a person with reason "unsatisfied"
    And the agent does not say "never reached you"

    Examples:
      | answer                                           |
      | honestly not really, the new one still hasn't arrived |
      | no, the replacement never arrived                |

  Scenario: "Sorry it's late, I was in hospital" once store credit is set up keeps the credit
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer says "sorry it's late by the way, I was in hospital"
    Then the agent does not say "never reached you"
    And the agent does not say "taken back"
    And the conversation is in "follow_up"

  Scenario Outline: At the check-in, "<answer>" after an exchange is a no, and goes to a person
    When the customer says "I want a refund"
    And the customer clicks "Exchange"
    And the customer clicks "That's all, thanks"
    And 24 hours pass
    And the scheduled follow-up is delivered
    And the customer says "<answer>"
    Then the message is read as "deny"
    And the agent hands over to a person with reason "unsatisfied"

    Examples:
      | answer                                  |
      | actually the new one is too small as well |
      | it still doesn't fit                    |

  Scenario: At the check-in, a shrug is not a yes
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer clicks "That's all, thanks"
    And 24 hours pass
    And the scheduled follow-up is delivered
    And the customer says "meh"
    Then the message is read as "deny"
    And the agent hands over to a person with reason "unsatisfied"


  Scenario: At the check-in, "not really, I'd rather have the credit" switches rather than hands over
    When the customer says "I want a refund"
    And the customer clicks "Exchange"
    And the customer clicks "That's all, thanks"
    And 24 hours pass
    And the scheduled follow-up is delivered
    And the customer says "not really, I changed my mind and want the credit instead"
    Then the alternative "Store credit" is applied in place of "Exchange"
    And the agent does not hand over to a person

  Scenario: At the check-in, "who is this?" is answered and the check-in question asked again
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer clicks "That's all, thanks"
    And 24 hours pass
    And the scheduled follow-up is delivered
    And the customer says "who is this?"
    Then the message is read as "ask_bot"
    And the agent says "Sam"
    And the agent does not say "The credit goes on your account"
    When the customer says "oh right. yes it's fine"
    Then the conversation is closed

  Scenario: At the check-in, credit not yet on the account is a problem for a person, not a question answered
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer clicks "That's all, thanks"
    And 24 hours pass
    And the scheduled follow-up is delivered
    Then the agent says "We spoke yesterday and set up your store credit for order A-1001"
    When the customer says "the credit isn't on my account"
    Then the agent hands over to a person with reason "unsatisfied"
    And the agent does not say "A refund reaches your card"

  Scenario: After a handover, the follow-up asks whether the colleague sorted it out
    When the customer says "I want a refund"
    And the customer says "Can I speak to a manager?"
    Then the follow-up says "I passed you to a colleague about a refund for order A-1001"
    And the follow-up says "Did they sort it out for you?"

  Scenario: After a handover about a parcel that never came, the follow-up names the order, not a cancellation
    When the customer says "my order never arrived, ordered 4 weeks ago"
    And the customer says "can I talk to someone"
    Then the follow-up says "I passed you to a colleague about order A-1001."
    When 24 hours pass
    And the scheduled follow-up is delivered
    Then the agent says "about order A-1001."
    And the agent does not say "cancellation"

  Scenario Outline: At the check-in, "<answer>" is a problem for a person, and what was set up stays
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer clicks "That's all, thanks"
    And 24 hours pass
    And the scheduled follow-up is delivered
    And the customer says "<answer>"
    Then the agent hands over to a person with reason "unsatisfied"
    And the agent does not say "cancelled"
    And the agent does not say "Glad I could help"

    Examples:
      | answer                                                  |
      | yes, but there's still no credit on my account          |
      | not really, I can't see the credit anywhere             |
      | yeah mostly, but the email never came through           |
      | yes but I was still charged this month                  |
      | didnt get the store credit                              |
      | never got the email about the credit                    |
      | I haven't had the credit yet                            |
      | actually I haven't had the email yet                    |
      | the email came but I still have no credit on my account |

  Scenario Outline: At the check-in, "<answer>" is still a yes, and closes the chat
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer clicks "That's all, thanks"
    And 24 hours pass
    And the scheduled follow-up is delivered
    And the customer says "<answer>"
    Then the conversation is closed
    And the agent does not hand over to a person

    Examples:
      | answer                                                               |
      | yes, and thankfully I wasn't charged again                           |
      | yes but I haven't had a chance to spend it yet                       |
      | all fine, haven't had any problems since                             |
      | yes all sorted, though I never got round to spending it              |
      | yes thanks, I didn't get why it took so long but it's fine           |
      | didn't get the email but the credit is showing on my account, thanks |
      | yes, the credit is there, didn't get an email but doesn't matter     |
      | yes the credit is on, but I didn't get an email                      |
      | Yes, I got the credit. I haven't had an email though.                |
      | yes all good, haven't had the email yet but I'm sure it'll come      |

  Rule: A remark the agent cannot act on is acknowledged, not called unclear

    Scenario: "They just sound bad, not broken" after the refund is started is taken in
      Given the customer "Dana" bought order "A-6161" 14 days ago
      When the customer says "I want my money back for the headphones"
      Then the request is approved
      When the customer says "they just sound bad, not broken"
      Then the agent does not say "didn't quite catch"
      And the agent does not say "make sure I get this right"
      And the agent says "anything else"

    Scenario: Noise is still said to be unclear
      Given the customer "Dana" bought order "A-6161" 14 days ago
      When the customer says "I want my money back for the headphones"
      And the customer says "asdkj qwe zzkx"
      Then the agent does not say "thank you"

  Rule: Whether the faulty item goes back, asked once a replacement is arranged, is answered from it

    Scenario Outline: "<question>" after the replacement is told how it goes
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "A-5656 arrived broken, bought 5 days ago, replacement please"
      And the customer says "<question>"
      Then the agent says "as soon as we have the faulty one back"
      And the agent does not say "outside what I can do"

      Examples:
        | question                                            |
        | Thank you. Will I need to return the dented shade?  |
        | do I have to return the faulty one?                 |

  Rule: Pleased with what was set up, at the check-in, is a yes

    Scenario Outline: "<answer>" at the check-in after a replacement closes the conversation
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "A-5656 arrived broken, bought 5 days ago, replacement please"
      And 24 hours pass
      And the scheduled follow-up is delivered
      And the customer says "<answer>"
      Then the conversation is closed
      And the agent does not say "done already"

      Examples:
        | answer                                |
        | yes all good, the new one works great |
        | the new one works great thanks        |

  Rule: What to print, once an exchange is arranged, is answered from the exchange

    Scenario: "Great! Do I need to print anything?" after the exchange is told about its label
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "I'd like to return a pair of jeans - order A-1111 - I bought them on the 15th of November but they're too long. Could I swap them for a shorter leg?"
      Then the alternative "Exchange" is applied
      When the customer says "great! do I need to print anything?"
      Then the agent says "returns label"
      And the agent does not say "outside what I can do"


    Scenario: "Should I keep the damaged one until the new one arrives?" is answered from the replacement
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "Good evening, I received a damaged lamp today, order A-2020. The shade is crushed. I ordered it on the 28th of November. I'd like a replacement, please."
      Then the alternative "Replacement" is applied
      When the customer says "Thank you. Should I keep the damaged one until the new one arrives?"
      Then the agent says "as soon as we have the faulty one back"

    Scenario: "Can you just send one plate?" beside a chipped one asks for the replacement
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hi, one of the plates in my set A-3030 arrived chipped. bought a week ago. can you just send one plate?"
      Then the alternative "Replacement" is applied

  Scenario: "Please stop messaging me" at the check-in closes the chat, and cancels nothing
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer clicks "That's all, thanks"
    And 24 hours pass
    And the scheduled follow-up is delivered
    And the customer says "please stop messaging me"
    Then the message is read as "goodbye"
    And the conversation is closed

  Scenario: "Haven't checked yet tbh" at the check-in is given time, not misread
    When the customer says "I want a refund"
    And the customer clicks "Store credit"
    And the customer clicks "That's all, thanks"
    And 24 hours pass
    And the scheduled follow-up is delivered
    And the customer says "haven't checked yet tbh"
    Then the message is read as "hold"
    And the agent does not say "catch that"
