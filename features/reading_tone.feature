Feature: Reading the tone of a message
  "Oh brilliant, thanks for nothing" is not a thank-you, and the agent never answers it as one: it
  hears the frustration under the words. Swearing is frustration too, and is met with patience; only
  insults aimed at people are abuse, which gets a calm boundary.

  Background:
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago

  Rule: Irony is never thanked

    Scenario: "Thanks for nothing" after a refusal is met with sympathy, not a welcome
      When the customer says "I want a refund"
      And the customer says "Oh brilliant, thanks for nothing"
      Then the message is read as ironic
      And the message is not read as "thank"
      And the transitions taken were "empathize"
      And the agent does not say "you're welcome"
      And the agent does not say "my pleasure"
      And the agent acknowledges the customer's frustration
      And the quick replies are "Store credit", "Exchange" and "No, thanks"

    Scenario: "Great, just great. Thanks a bunch." does not close the conversation
      When the customer says "I want a refund"
      And the customer says "Great, just great. Thanks a bunch."
      Then the message is read as ironic
      And the message is read as "complain"
      And the conversation is still open
      And the agent says "sorry"

    Scenario: Irony while the goodwill offer is open keeps the offer, kindly
      Given the customer is a "gold" member
      When the customer says "I want a refund"
      And the customer turns the offer down
      And the customer says "oh wonderful, thanks a million for nothing"
      Then the message is read as ironic
      And the agent does not say "you're welcome"
      And the agent says "a 15% discount on your next order"
      And no compensation has been issued

    Scenario: "Cheers for absolutely nothing" is not a goodbye
      When the customer says "I want a refund"
      And the customer says "Yeah, cheers for absolutely nothing"
      Then the message is read as ironic
      And the message is not read as "goodbye"
      And the conversation is in "offering_alternatives"

    Scenario: Ironic thanks with a demand gets the answer held, and no thanks back
      When the customer says "I want a refund"
      And the customer says "Thanks for nothing. I want my money back"
      Then the message is read as "complain" and "insist"
      And the transitions taken were "hold_position"
      And the agent does not say "you're welcome"
      And the agent does not say "thank you"

    Scenario: An ironic customer counts as upset, so the goodwill offer is made
      When the customer says "I want a refund"
      And the customer says "Oh brilliant, thanks for nothing"
      And the customer says "no thanks"
      Then the agent offers compensation

    Scenario: Irony again and again is handed to a person, as anger is
      When the customer says "I want a refund"
      And the customer says "Oh brilliant, thanks for nothing"
      And the customer says "Great, just great. Thanks a bunch."
      Then the agent hands over to a person because the customer is angry

    Scenario: "You're joking, right?" is disbelief, not a yes
      When the customer says "I want a refund"
      And the customer says "you're joking right"
      Then the message is read as "complain"
      And no alternative is applied
      And the agent says "sorry"

    Scenario: Praise of the service right after a refusal is irony, not thanks
      When the customer says "I want a refund"
      And the customer says "wow, great service as always"
      Then the message is read as ironic
      And the message's acts are "complain"
      And the transitions taken were "empathize"
      And the agent does not say "glad"

    Scenario: Praise of the service with a choice after a refusal still takes the offer
      When the customer says "I want a refund"
      And the customer says "really helpful. whatever, I'll take the exchange"
      Then the message is read as ironic
      And the alternative "Exchange" is applied

    Scenario: Thanks for an answer about an offer is sincere
      When the customer says "I want a refund"
      And the customer says "can I spend the credit online?"
      And the customer says "that's really helpful, thanks"
      Then the message is not read as ironic
      And the message is read as "thank"

    Scenario: Angry faces alone are heard as frustration
      When the customer says "😡😡😡"
      Then the message's acts are "complain"
      And the agent says "sorry"

    Scenario Outline: "<message>" to the offers is heard as sarcasm, and closes nothing
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the message is read as ironic
      And the conversation is in "offering_alternatives"
      And no alternative is applied

      Examples:
        | message                                                   |
        | cool cool cool. so I'm paying for something I don't want  |
        | nice nice. so I'm stuck with it then                      |

    Scenario: "Cool cool cool" said in irony to "anything else?" is no goodbye
      Given the customer "Dana" bought order "A-1001" 10 days ago
      When the customer says "I want a refund"
      Then the request is approved
      When the customer says "cool cool cool. so I'm paying for something I don't want"
      Then the conversation is in "follow_up"
      And the agent does not say "Take care"

    Scenario Outline: "<message>" thanks for a harm, so it is sarcasm and closes nothing
      When the customer says "<message>"
      Then the message is not read as "thank"
      And the conversation is in "listening"
      And the agent does not say "you're welcome"

      Examples:
        | message                                                                 |
        | Wow, thanks Northwind for charging me full price. Really appreciate it. |
        | Thank you so much for billing me for something I never got.             |
        | thanks for wasting my whole afternoon                                   |

  Rule: Swearing is frustration; abuse is insults aimed at people

    Scenario: "Bloody ridiculous" is frustration, met with an apology and the offer again
      When the customer says "I want a refund"
      And the customer says "this is bloody ridiculous"
      Then the message is not flagged as abusive
      And the message reads as angry
      And the agent does not set a boundary
      And the agent acknowledges the customer's frustration
      And the agent offers "store credit" and "exchange"

    Scenario: A swear word about the situation is not a reason to lecture the customer
      When the customer says "I want a refund"
      And the customer says "damn it, that is so annoying"
      Then the message is flagged as swearing
      And the message is not flagged as abusive
      And the agent does not say "respectful"

    Scenario: A choice made with a swear word is still a choice
      When the customer says "I want a refund"
      And the customer says "for fuck sake. fine, the credit"
      Then the message is flagged as swearing
      And the message is not flagged as abusive
      And the alternative "Store credit" is applied

    Scenario: Swearing on the way to a choice is met with understanding first
      When the customer says "I want a refund"
      And the customer says "bloody hell, ok the exchange"
      Then the message is not flagged as abusive
      And the agent acknowledges the customer's frustration
      And the alternative "Exchange" is applied

    Scenario: Calling the agent an idiot is abuse, and gets a calm boundary
      When the customer says "I want a refund"
      And the customer says "you are a useless idiot"
      Then the message is flagged as abusive
      And the agent sets a boundary
      And the agent stays calm

    Scenario: Customers calling themselves names are not abusive
      When the customer says "I ordered the wrong size like an idiot. can I swap it for a medium?"
      Then the message is not flagged as abusive
      And the agent does not set a boundary
      And the alternative "Exchange" is applied
      When the customer says "what an idiot I am, can you make it a large instead"
      Then the message is not flagged as abusive
      And the agent does not set a boundary

    Scenario: "Your staff are idiots" is still abuse when the customer goes on about themselves
      When the customer says "I want a refund"
      And the customer says "your staff are idiots, I ordered a medium"
      Then the message is flagged as abusive

    Scenario: "Are you stupid or something?" is aimed at a person, so it is abuse
      When the customer says "I want a refund"
      And the customer says "are you stupid or something?"
      Then the message is read as "abuse"
      And the agent sets a boundary
      And the conversation is in "offering_alternatives"

    Scenario: "Shut up you stupid bot" gets the boundary, and a second insult ends the chat
      When the customer says "I want a refund"
      And the customer says "shut up you stupid bot"
      Then the agent sets a boundary
      When the customer says "you are a useless idiot"
      Then the agent ends the chat after repeated abuse

    Scenario Outline: "<message>" judges what happened in a sentence of its own, and is no abuse
      When the customer says "<message>"
      Then the agent does not say "respectful"
      And the message is not read as "abuse"

      Examples:
        | message                                                                                          |
        | Order A-6004 never arrived. This is the third time this has happened with you lot. Absolutely pathetic. |
        | I've waited three weeks for you guys. Useless.                                                   |

    Scenario Outline: "<message>" is a worry about a parcel, not an insult, and the chat goes on
      When the customer says "my parcel A-9300 never came, I ordered it on the 20th"
      And the customer says "<message>"
      Then the message is not flagged as abusive
      And the agent does not say "respectful"

      Examples:
        | message                                                   |
        | I'm worried a new one will get lost again                 |
        | please don't let it get lost this time, ok send a new one |
        | resend it so it can get lost again?                       |

    Scenario Outline: "<message>" is still abuse
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the message is flagged as abusive

      Examples:
        | message                          |
        | oh just get lost you useless bot |
        | well you can get lost then       |
        | tell your manager to get lost    |
        | no. get lost                     |

  Rule: Pressing for the request and sarcasm in new words

    Scenario: "Can I get 50% back then?" after a refusal presses for the refund
      When the customer says "I want a refund"
      And the customer says "ok can I get 50% back then?"
      Then the message is read as "insist"
      And the agent does not say "didn't follow"

    Scenario: Taking the credit with a threat of a bad review hands over with the credit noted
      When the customer says "I want a refund"
      And the customer says "I'll take the credit but I'm leaving a bad review"
      Then the agent hands over to a person with reason "threat"
      And the agent says "you'd like the store credit"

    Scenario: "Oh great, store credit, exactly what I always wanted" takes no store credit
      When the customer says "Oh great, store credit, exactly what I always wanted. Refund please."
      Then the message is read as ironic
      And the alternative "Store credit" is not applied
      And the agent explains the reason

    Scenario: "So that's it? You're not going to help me?" presses for the refund
      When the customer says "I want a refund"
      And the customer says "so that's it? you're not going to help me?"
      Then the message is read as "insist"
      And the agent does not say "didn't quite catch"
      And the agent says "store credit"

    Scenario: "It was a gift for my mum" after a refusal presses for the refund, it is not unreadable
      When the customer says "I want a refund"
      And the customer says "it was a gift for my mum"
      Then the message is read as "insist"
      And the agent does not say "tap one of the options"
      And the agent says "store credit"

    Scenario: "So you can't do anything?" presses for the refund, and the answer stays
      When the customer says "I want a refund"
      And the customer says "so you can't do anything?"
      Then the message is read as "insist"
      And the transitions taken were "hold_position"
      And the agent does not say "no answer for"

    Scenario: "It's one day over, come on" presses for the refund
      Given the customer "Dana" bought order "A-1002" 31 days ago
      When the customer says "I want a refund for A-1002"
      And the customer says "it's one day over, come on"
      Then the message is read as "insist"
      And the agent does not say "didn't quite catch"

    Scenario: "So I'm stuck with a jacket I hate. Thanks a lot." is sarcasm, not thanks
      When the customer says "I want a refund"
      And the customer says "Great, so I'm stuck with a jacket I hate. Thanks a lot."
      Then the message is read as ironic
      And the agent does not say "Glad to"
      And no alternative is applied

    Scenario: "Please, it's a gift I don't need" presses for the refund, with its reason
      When the customer says "I want a refund"
      And the customer says "please, it's a gift I don't need"
      Then the message is read as "insist"
      And the transitions taken were "hold_position"

    Scenario: "Not even a partial refund?" presses for the refund; it does not end the chat
      When the customer says "I want a refund, the left earbud stopped working"
      Then the agent offers "Replacement" and "Repair"
      When the customer says "oh really? not even a partial refund?"
      Then the message is read as "insist"
      And the conversation is in "offering_alternatives"
      And the agent says "a free repair"
      When the customer says "ok the repair then"
      Then the alternative "Repair" is applied

    Scenario: "It's not even that old" argues with the refusal; it turns nothing down
      When the customer says "I want a refund"
      And the customer says "it's not even that old"
      Then the message is read as "insist"
      And the transitions taken were "hold_position"
      And the conversation is in "offering_alternatives"

    Scenario: "Seriously? It's 45 days old, not 45 years" is heard as upset, not misread
      When the customer says "I want a refund"
      And the customer says "seriously? it's 45 days old not 45 years"
      Then the message is read as "complain" and "provide:days_since_purchase"
      And the transitions taken were "empathize"
      And the agent does not say "didn't quite catch"

    Scenario: "It's still in the box with the tags on" argues for the refund, and the answer stays
      When the customer says "I want a refund"
      And the customer says "it's still in the box with tags on"
      Then the message is read as "insist"
      And the transitions taken were "hold_position"
      And the agent does not say "get this right"

    Scenario: "It's just too big" after a refusal says again why, and the answer stays
      When the customer says "hello I was wondering if you could help me get a refund for a dress I bought last month"
      And the customer says "it's just too big"
      Then the message is read as "insist"
      And the agent does not say "didn't quite catch"
      When the customer says "ok then an exchange for a smaller size please"
      Then the alternative "Exchange" is applied

    Scenario: "Not interested in the credit" is a polite no, not anger
      When the customer says "I want a refund"
      And the customer says "Not interested in the credit, thanks"
      Then the message is not read as "complain"
      And the transitions taken were "reoffer_rest"
      And the agent does not say "frustrat"

  Scenario: "Are you deaf?" after the answer is frustration, met with an apology, not "I didn't catch that"
    When the customer says "REFUND NOW"
    And the customer says "are you deaf"
    Then the message is read as "complain"
    And the agent does not say "didn't quite catch"
    And the agent says "sorry"

  Scenario: "Amazing customer service" said in irony is a complaint, not a request for customer service
    When the customer says "REFUND NOW"
    And the customer says "wow. amazing customer service. really."
    Then the message is not read as "ask_human"
    And the agent does not say "Of course. I'm passing this to a colleague"

  Rule: Scoffing is heard as scoffing

    Scenario: "Yeah right" to a refusal scoffs; it chooses nothing
      When the customer says "I want a refund"
      And the customer says "yeah right, like I'll ever shop here again"
      Then the message is read as "complain"
      And no alternative is applied
      When the customer says "yeah right, the credit then"
      Then the alternative "Store credit" is applied

    Scenario: "How can it be shipped already?" asks why the cancellation was refused
      Given the customer "Dana" bought order "A-1001" 1 days ago
      And the fact "dispatched" is "yes"
      When the customer says "cancel my order please"
      And the customer says "i ordered it 20 minutes ago how can it be shipped already"
      Then the agent does not say "I've noted that"
      And the agent says "Once an order is on its way"

    Scenario: A crying face after a refusal is heard as disappointment
      When the customer says "I want a refund"
      And the customer says "😢"
      Then the message is read as "complain"
      And the agent does not say "didn't quite catch"

    Scenario: Taking an offer while saying one is unhappy is met with understanding, not "great"
      When the customer says "I want a refund"
      And the customer says "I'll take the credit but I'm not happy about it"
      Then the alternative "Store credit" is applied
      And the agent does not say "Great,"
      And the reply matches /(sorry it's not what you hoped for|sorry it isn't what you wanted)/

    Scenario Outline: Taking an offer with "<message>" is met with understanding, not "great"
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the alternative "<offer>" is applied
      And the agent does not say "Great,"
      And the reply matches /(sorry it's not what you hoped for|sorry it isn't what you wanted)/

      Examples:
        | message                           | offer        |
        | I'll take the credit if I have to | Store credit |
        | fine whatever, the exchange       | Exchange     |
        | ok whatever, store credit then    | Store credit |
        | whatever, I'll take the credit    | Store credit |

  Rule: Praise beside what went wrong with the order is irony

    Scenario: "Fantastic service as always. A-3002 arrived smashed." gets sympathy, not "Good news"
      Given the customer "Dana" bought order "A-3002" 5 days ago
      When the customer says "Fantastic service as always. A-3002 arrived smashed."
      Then the message is read as ironic
      And the request is approved
      And the agent does not say "Good news"

  Rule: Praise with heavy thanks, or praise said twice, answering a refusal is irony

    Scenario Outline: "<message>" after a refusal is met with sympathy, and no offer is taken
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the message is read as ironic
      And no alternative is applied
      And the agent does not say "Which would you like"
      And the agent does not say "do you mean"

      Examples:
        | message                   |
        | oh great, thanks a lot    |
        | fantastic, rly fantastic  |
        | wow great policy, really customer friendly |
        | lovely customer service, thanks a lot      |
        | wow, brilliant policy you have there       |

    Scenario: "Oh perfect, so I'm just out of pocket then?" to the lost parcel's offers is irony, not a choice
      When the customer says "my parcel A-7171 says delivered but it's not here"
      And the customer says "oh perfect, so I'm just out of pocket then?"
      Then the message is read as ironic
      And no alternative is applied
      And the agent does not say "Of course"
      And the agent does not say "do you mean"

  Rule: Praise closing a message that restates the refusal is irony

    Scenario Outline: "<message>" after a refusal presses for the request, and no offer is taken
      Given the customer "Dana" bought order "A-1001" 45 days ago
      When the customer says "I want a refund for A-1001"
      And the customer says "<message>"
      Then the message is read as ironic
      And the message is read as "complain" and "insist"
      And no alternative is applied
      And the agent does not say "Happy to"
      And the agent does not say "Which would you like"

      Examples:
        | message                                                      |
        | so you're telling me I can't get my money back? brilliant    |
        | so you are telling me I cannot get my money back? brilliant  |
        | so no refund then? lovely                                    |

  Scenario: "She's not here right now" says when, and presses for nothing
    Given the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"
    And the customer says "I'd have to ask my wife, she's not here right now"
    Then the message is not read as "insist"

  Rule: A fee given back is no chargeback

    Scenario Outline: "<message>" asks for a fee back and threatens nothing
      When the customer says "<message>"
      Then the message is not read as "threat"

      Examples:
        | message                                      |
        | will I get the delivery charge back as well? |
        | can I have the postage charge back too       |

    Scenario: "I'll do a charge back with my bank" is still a threat
      When the customer says "I'll do a charge back with my bank"
      Then the message is read as "threat"

  Rule: Where the money goes is no threat to go to the bank

    Scenario Outline: "<message>" asks where the refund goes and threatens nothing
      When the customer says "<message>"
      Then the message is not read as "threat"
      And the agent does not hand over to a person

      Examples:
        | message                                                              |
        | refund A-1304, bought 3 weeks ago. will the money go to my card or hers? |
        | will the refund go to my bank account?                               |

    Scenario: "I'll go to my bank" is still a threat
      When the customer says "sort out my refund now or I'll go to my bank"
      Then the message is read as "threat"

  Rule: A question that is a complaint is not an aside to answer

    Scenario: "… and this is how you treat me?" beside the request is not told it cannot be answered
      When the customer says "I'm not happy. I've been a loyal customer for 10 years and this is how you treat me? A-3333 refund, bought 6 weeks ago"
      Then the agent does not say "other question"
      And the agent offers "Store credit" and "Exchange"


  Rule: What the shop said, held against it, is a complaint

    Scenario Outline: "<message>" while a late refund is looked at is heard as a complaint, not thanked
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "my refund for A-1919 still hasn't come through, it's been 2 weeks"
      And the customer says "<message>"
      Then the message is read as "complain"
      And the agent does not say "Thank you"

      Examples:
        | message                                     |
        | you said 5 days!!                           |
        | but you said five working days              |
        | you told me it would only take 5 days!      |

    Scenario: "You said 5 days?" asks back, and is no complaint
      Given it is 2026-12-03 11:00 in the policy's time zone
      When the customer says "my refund for A-1919 still hasn't come through, it's been 2 weeks"
      And the customer says "you said 5 days?"
      Then the message is not read as "complain"


  Rule: "I'll" typed without its apostrophe is no sour word

    Scenario: "No its fine ill leave it" to a colleague offered is not soothed as anger
      When the customer says "I need to cancel A-2020 before it ships. Actually no wait, can I just change the address instead?"
      And the customer says "no its fine ill leave it"
      Then the agent does not say "frustrat"
      And the agent does not hand over to a person


  Rule: Praise beside a refusal taken in good part is sincere

    Scenario Outline: "<message>" after a refusal is thanked, not soothed
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the message is not read as ironic
      And the agent does not say "sorry"
      And the agent does not offer compensation

      Examples:
        | message                                               |
        | ok fair enough, you've been really helpful, thanks    |
        | thanks for explaining, you've been very helpful        |
        | no worries, you've been really helpful                 |

    Scenario Outline: "<message>" after a refusal is still heard as frustration
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the message is read as ironic

      Examples:
        | message                                                      |
        | wow, really helpful, thanks a lot                             |
        | so I get nothing? brilliant                                   |
        | fair enough, but I still got nothing. great service as always |


  Rule: Scoffing at a refusal is heard as frustration, never as a yes or a thank-you

    Scenario Outline: "<message>" after a refusal is met with sympathy, and takes nothing
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the message is not read as "thank"
      And the message is not read as "choose"
      And the reply matches /(sorry|hear you|frustrat)/
      And no alternative is applied
      And the agent does not say "welcome"
      And the agent does not say "pleasure"

      Examples:
        | message                                                |
        | you're having a laugh                                  |
        | well thanks a lot                                      |
        | gee thanks                                             |
        | wow ok. brilliant. really brilliant.                   |
        | so I just lose my money? wow, great                    |

    Scenario: "Oh super. Let me think about it" after a refusal asks for time, and takes nothing
      When the customer says "I want a refund"
      And the customer says "oh super. let me think about it"
      Then no alternative is applied
      And the agent does not say "Which"


  Rule: Asking whether there is really nothing presses for the request

    Scenario Outline: "<message>" after a refusal is told the answer stands, with the offers still open
      When the customer says "I want a refund"
      And the customer says "<message>"
      Then the message is read as "insist"
      And the agent does not say "can't help with that one"

      Examples:
        | message                  |
        | is there really nothing? |
        | is that really it?       |
        | so nothing at all?       |

    Scenario Outline: "<message>" thanks for making things hard, which is sarcasm
      When the customer says "<message>"
      Then the message is read as ironic

      Examples:
        | message                                                                      |
        | Thank you SO much for making it impossible to cancel online. Refund A-1001    |
        | thanks for making it so hard to get my money back                            |

    Scenario Outline: "<message>" opens with praise set apart, then bad news, which is sarcasm
      When the customer says "<message>"
      Then the message is read as ironic

      Examples:
        | message                                                                  |
        | Wow, amazing, you sent the wrong size and now won't refund it. A-1001     |
        | Oh, brilliant, it's broken again                                          |
