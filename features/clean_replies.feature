Feature: Replies without glitches
  Small slips make an agent sound careless: a first reply that does not greet, a question the same
  reply has already overtaken, a sentence said twice, a refusal that runs on, "you're welcome" when
  nobody said thank you. These scenarios hold the agent to the details.

  Background:
    Given the policy "retail"
    And the fact "customer_name" is "Dana"

  Rule: The first words are a greeting, whatever the first message is

    Scenario: An angry first message still gets a greeting first
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "This is a joke, I have been waiting for weeks. I want my money back"
      Then the reply opens with a greeting
      And the agent explains the reason

    Scenario: A first message that is only a question about a refund gets a greeting first
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "Could you tell me when my refund will come through?"
      Then the reply opens with a greeting
      And the agent says "within 5 working days"

    Scenario: A first message with insults gets a greeting, then the boundary
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "you useless idiots, refund me now"
      Then the reply opens with a greeting
      And the agent sets a boundary

    Scenario: A first message the agent cannot read gets a greeting and a question
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "hmm"
      Then the reply opens with a greeting
      And the agent asks what the customer needs

    Scenario: A first message with two requests gets one greeting, not two
      Given the customer "Dana" bought order "A-1001" 45 days ago
      And the fact "dispatched" is "yes"
      When the customer says "I want a refund, and I also want to cancel my order"
      Then the reply opens with a greeting
      And the agent says "thank" only once

  Rule: Nothing asked or promised that the same reply takes back

    Scenario: A goodbye after the offers are turned down promises no check-in and asks nothing
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "no thanks"
      Then the conversation is closed with outcome "declined"
      And no follow-up is scheduled
      And the agent does not say "check back"
      And the reply asks nothing

    Scenario: The promise to check back tomorrow is kept with a follow-up a day later
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer clicks "Exchange"
      Then the reply matches /(check back|check in with you) tomorrow/
      And a follow-up is scheduled in 24 hours

    Scenario: An approval asks "anything else?" once, at the end
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "I want a refund"
      Then the agent says "anything else" only once
      And the reply matches /anything else[^.?]*\?$/

    Scenario: A handover says who comes next and asks nothing more
      Given the customer "Dana" bought order "A-1001" 45 days ago
      And it is within the policy's opening hours
      When the customer says "I want a refund"
      And the customer says "Can I speak to a manager?"
      Then the agent hands over to a person
      And the reply asks nothing
      And the agent does not say "anything else"

    Scenario: The chat ended after repeated abuse asks nothing
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "you are a useless idiot"
      And the customer says "shut up you stupid bot"
      Then the agent ends the chat after repeated abuse
      And the reply asks nothing

  Rule: No sentence twice, and no "you're welcome" without thanks

    Scenario: Insisting after "why?" does not get the reason again, word for word
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "why?"
      And the customer says "I still want a refund"
      Then the transitions taken were "hold_position"
      And the agent does not say "We can refund orders for 30 days after purchase"
      And the agent does not say "Our refund window is 30 days from the day you buy"

    Scenario: Two unclear answers in a row are worded differently
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "hmm"
      And the customer says "erm"
      Then the transitions taken were "unclear"
      And the quick replies are "Store credit", "Exchange" and "No, thanks"

    Scenario: A choice without thanks gets no "you're welcome"
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "credit please"
      Then the agent does not say "you're welcome"
      And the alternative "Store credit" is applied

    Scenario: A goodbye without thanks gets no "you're welcome"
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "exchange please"
      And the customer says "no, that's it"
      Then the agent does not say "you're welcome"
      And the conversation is closed

    Scenario: Thanks while thinking it over give the customer time, and the offer is not said the same way again
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "thanks, let me think"
      Then the transitions taken were "give_time"
      And the agent does not say "Would one of these work?"

  Rule: The first refusal is short

    Scenario: A refund refusal, with its reason, apology and offers, stays within 70 words
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      Then the agent declines politely
      And the reply has at most 70 words

    Scenario: A cancellation refusal stays within 70 words
      Given the customer "Lee" ordered "B-2002", which has already been dispatched
      When the customer says "I'd like to cancel my order"
      Then the agent declines politely
      And the reply has at most 70 words

    Scenario: A refusal after the facts were gathered is just as short
      When the customer says "I want a refund"
      And the customer says "B-2002"
      And the customer says "it was 45 days ago"
      Then the agent declines politely
      And the reply has at most 70 words

    Scenario: A refusal to an upset customer acknowledges the feeling and still stays short
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "This is absolutely ridiculous, I'm furious, I want a refund"
      Then the agent acknowledges the customer's frustration
      And the agent declines politely
      And the reply has at most 70 words

  Rule: Counts agree with their nouns

    Scenario: A faulty item bought yesterday was bought "1 day ago", not "1 days ago"
      When the customer says "I want to return this, it's damaged: A-3000"
      And the customer says "bought it yesterday"
      Then the request is approved
      And the agent says "you bought it 1 day ago"
      And the agent does not say "1 days"

    Scenario: Bought today is said as today
      When the customer says "I want to return this, it's damaged: A-3000"
      And the customer says "bought it today"
      Then the agent says "you bought it today"
      And the agent does not say "0 days"

  Rule: An upset first message about the shop's own slip gets one apology, in the policy's words

    Scenario: A wrong colour told in a sour message is apologised for once
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "hi there!! my order A-5656 arrived today but it's the wrong colour, I asked for green and got blue. bought it on monday"
      Then the agent says "sorry" only once
      And the agent says "I'm sorry we sent the wrong item"

  Rule: Owning up to a slip of one's own is not upset

    Scenario Outline: "<message>" is thanked, not soothed
      When the customer says "refund A-1234 please"
      And the customer says "<message>"
      Then the agent does not say "frustrat"
      And the agent says "when did you buy it?"

      Examples:
        | message                                |
        | oops sorry wrong number, it's A-1243   |
        | whoops, typo, I meant A-1243           |

  Rule: A bare greeting is asked what the customer needs, not to say "a little more"

    Scenario Outline: "<message>" as the first message
      When the customer says "<message>"
      Then the agent does not say "a little more"
      And the agent says "a refund, or a cancellation"

      Examples:
        | message      |
        | hi           |
        | good morning |
        | A-1234       |
