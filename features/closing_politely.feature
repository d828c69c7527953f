Feature: Closing politely when the customer has nothing else
  "Is there anything else?" invites a no, and a no is the end of a good conversation: the agent says a
  warm goodbye and closes. It never hands a finished conversation to a person, never asks another
  question, and only says "you're welcome" to a customer who said thank you.

  Background:
    Given the policy "retail"

  Rule: "No" to "anything else?" closes warmly

    Scenario: No thank you, after an approved refund
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "I want a refund"
      Then the agent says "Is there anything else I can help with?"
      When the customer says "no thank you"
      Then the conversation is closed with outcome "approved"
      And the agent does not hand over to a person
      And the reply asks nothing
      And the agent says "Dana"

    Scenario: Nope, after taking the store credit
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "credit please"
      And the customer says "nope"
      Then the conversation is closed with outcome "alternative accepted"
      And the reply asks nothing
      And the agent does not say "you're welcome"

    Scenario: Nope, all sorted, after taking the goodwill discount
      Given the customer "Dana" bought order "A-1001" 45 days ago
      And the customer is a "gold" member
      When the customer says "I want a refund"
      And the customer says "no thanks"
      And the customer says "yes please"
      And the customer says "nope, all sorted"
      Then the conversation is closed with outcome "compensation accepted"
      And no follow-up is scheduled
      And the reply asks nothing

    Scenario: No, that was all, after a person has sorted it out
      Given the customer "Dana" bought order "A-1001" 45 days ago
      And it is within the policy's opening hours
      When the customer says "I want a refund"
      And the customer says "Can I speak to a manager?"
      And a person named "Alex" takes over
      And the person hands back
      And the customer says "no, that was all"
      Then the conversation is closed
      And the agent does not hand over to a person
      And the reply asks nothing

    Scenario: A plain no, after a cancellation
      Given the customer "Lee" ordered "B-2002", which has not been dispatched yet
      When the customer says "Please cancel my order"
      And the customer says "no"
      Then the conversation is closed with outcome "approved"
      And the agent says "Lee"
      And the agent does not say "you're welcome"

    Scenario: No thanks, after a question about the rules was answered
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "I want a refund"
      And the customer says "What is your returns policy, out of interest?"
      Then the agent says "anything else"
      When the customer says "no thanks"
      Then the conversation is closed
      And the reply asks nothing

    Scenario: "Nah all good" is a no too, and a thank-you with it is welcomed
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "exchange please"
      And the customer says "nah all good, thank you"
      Then the conversation is closed
      And the message is read as "goodbye" and "thank"

    Scenario: "Great" after the refund is started closes warmly, without "you're welcome"
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "I want a refund"
      And the customer says "great"
      Then the conversation is closed with outcome "approved"
      And the reply asks nothing
      And the agent does not say "you're welcome"

    Scenario: "Perfect, do that" after the exchange is set up is pleased, not another request
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "exchange please"
      And the customer says "perfect, do that"
      Then the conversation is closed with outcome "alternative accepted"
      And the agent does not say "what can I do for you"

    Scenario: "Great, do it" after the refund is started is pleased, not a yes to something else
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "I want a refund"
      And the customer says "great, do it"
      Then the conversation is closed with outcome "approved"
      And the agent does not say "what else"

    Scenario: Leaving before anything is settled is not thanked for the help
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "bye"
      Then the conversation is closed
      And the agent does not say "Glad I could help"
      And the agent does not say "pleasure to help"
      And the agent says "pick this up again"

    Scenario Outline: "<never mind>" before asking for anything closes politely
      When the customer says "hi"
      And the customer says "<never mind>"
      Then the conversation is closed
      And the agent says "pick this up again"
      And the agent does not say "what you'd like to do"

      Examples:
        | never mind            |
        | nvm                   |
        | actually never mind   |
        | never mind, forget it |
        | ok forget it          |
        | ok, forget it         |

  Rule: Confirming what the agent said answers "anything else?" with neither a yes nor a no

    Scenario Outline: "<message>" once the refund is started is heard, and nothing more is asked for
      When the customer says "refund A-9191 please, I bought it 3 weeks ago"
      Then the request is approved
      When the customer says "<message>"
      Then the conversation is in "follow_up"
      And the agent does not say "what can I do for you"
      And the agent does not say "what else do you need"

      Examples:
        | message            |
        | yes that's right   |
        | yep that's correct |

  Rule: Unhappy words after the resolution are not a goodbye

    Scenario: Saying they are not happy gets sympathy, and the door stays open
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "credit please"
      And the customer says "I am not happy about this at all"
      Then the transition "follow_up -> follow_up [empathize]" was taken
      And the agent says "sorry"
      And the conversation is still open
      And the agent does not hand over to a person

  Rule: Praise with nothing wanted is thanked for, and "no, that's all" lets the customer go

    Scenario: Praise for a parcel that came early is thanked for, and "no that's all" closes
      When the customer says "great service as always, thank you so much! my parcel A-5959 arrived a day early and it's perfect"
      Then the agent says "Thank you, that's"
      And the conversation is still open
      When the customer says "no thats all"
      Then the conversation is closed

  Rule: A customer who leaves before the request is decided is let go warmly

    Scenario: Going to find the order number and saying goodbye closes the chat
      When the customer says "I want to return a gift, I don't have the order number"
      And the customer says "ok I'll ask my friend for it. bye"
      Then the conversation is closed with outcome "customer_closed"
      And the agent does not say "colleague"

    Scenario Outline: "<message>" as the first message is let go without a second thanks for getting in touch
      When the customer says "<message>"
      Then the conversation is closed with outcome "customer_closed"
      And the agent says "<answer>"
      And the reply does not match /getting in touch.*getting in touch/

      Examples:
        | message                                                            | answer      |
        | never mind, bye                                                    | That's fine |
        | Just wanted to say the replacement arrived and it's great, thanks! | Thank you   |

    Scenario: A goodbye that comes with the fact asked for carries on
      When the customer says "cancel my order"
      And the customer says "A-3001, thanks, bye"
      Then the conversation is still open
      And the agent asks for the "dispatched"

    Scenario: An angry message after the hint is not answered with "no problem"
      When the customer says "I want a refund"
      And the customer says "I don't have it"
      And the customer says "THIS IS RIDICULOUS"
      Then the agent says "sorry"
      And the agent does not say "No problem"

  Rule: "No thanks" to what the agent can help with, with nothing asked for, is leaving

    Scenario: "I'll keep it then" and "no thanks" closes politely rather than shows the options
      When the customer says "I got the wrong colour but honestly I like it, can I keep it and get a discount? A-3939"
      And the customer says "ok fair enough, I'll keep it then"
      And the customer says "no thanks"
      Then the conversation is closed

    Scenario Outline: "<message>" after asking about one offer is leaving, not a no to that offer alone
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund"
      And the customer says "how does the store credit work?"
      And the customer says "<message>"
      Then the conversation is closed
      And the agent does not say "exchange"

      Examples:
        | message              |
        | no thanks, bye       |
        | no thanks then. bye  |


  Rule: Turning down a colleague offered for what the agent cannot do is an answer, not a muddle

    Scenario Outline: "<no thanks>" to a colleague for a question the agent cannot answer closes politely
      When the customer says "do you price match if I find it cheaper somewhere else?"
      Then the agent says "colleague"
      When the customer says "<no thanks>"
      Then the conversation is closed
      And the agent does not hand over to a person
      And the agent does not say "good to hear"
      And the agent does not say "lovely to hear"

      Examples:
        | no thanks                  |
        | ok thanks anyway           |
        | no worries, thanks anyway  |
        | no that's ok, thanks       |
        | ah ok, cheers anyway       |

    Scenario Outline: "<no>" to the colleague is asked what else, and a plain no then closes
      When the customer says "can you tell me if you'll have the blue one back in stock?"
      Then the agent says "colleague"
      When the customer says "<no>"
      Then the conversation is in "listening"
      And the agent does not hand over to a person
      And the reply matches /anything else|something else/
      And the agent does not say "choose one of the options"
      And the agent does not say "still not sure"
      When the customer says "no"
      Then the conversation is closed

      Examples:
        | no                 |
        | nah it's fine      |
        | ok never mind then |
        | it doesn't matter  |

    Scenario: "Yes that's fine" to the colleague still hands over
      When the customer says "do you price match if I find it cheaper somewhere else?"
      And the customer says "yes that's fine"
      Then the agent hands over to a person

  Rule: Saying there is nothing more to tell is no goodbye

    Scenario Outline: "<message>" to the offers keeps the offers open
      When the customer says "my order A-2302 never arrived"
      And the customer says "<message>"
      Then the conversation is in "offering_alternatives"
      And the agent offers "new parcel" and "full refund"

      Examples:
        | message                        |
        | thats all the info i have      |
        | that's everything i know sorry |
        | that's all I've got            |

  Rule: Asking for the case to be closed is a goodbye

    Scenario: "The refund came through fine. You can close my case." closes politely
      When the customer says "the refund came through fine. You can close my case."
      Then the conversation is closed

  Rule: A short "ya" at the check-in is a yes

    Scenario: "ya" to "are you happy with how it was sorted out?" closes warmly
      Given the customer "Dana" bought order "A-8005" 45 days ago
      When the customer says "refund please"
      And the customer says "the exchange please"
      And 24 hours pass
      And the scheduled follow-up is delivered
      And the customer says "ya"
      Then the conversation is closed

    Scenario: "Ok great, that's all I wanted to know" after a question about the rules still leaves
      When the customer says "how long have I got to send something back if I change my mind?"
      And the customer says "ok great, that's all I wanted to know"
      Then the conversation is closed
