Feature: Weighing up the alternatives
  A customer offered more than one alternative often asks how they differ before choosing. The agent
  answers with what each one means, names each, and leaves the choice to the customer: a yes to a
  comparison is not a choice, so the agent asks which one.

  Background:
    Given the policy "retail"
    And the customer "Dana" bought order "A-1001" 45 days ago
    When the customer says "I want a refund"

  Scenario: Asking for the difference gets each alternative described
    When the customer says "what's the difference between the two?"
    Then the agent says "Store credit: The credit goes on your account straight away"
    And the agent says "Exchange: We email you a free returns label"
    And the conversation is in "offering_alternatives"

  Scenario: Asking whether an exchange for something cheaper refunds the difference is no choice yet
    When the customer says "can I exchange for something cheaper and get the difference back?"
    Then the message is read as "ask_about:exchange"
    And no alternative is applied
    And the conversation is in "offering_alternatives"

  Scenario: Asking which is quicker is a comparison, not a choice
    When the customer says "which one is quicker?"
    Then the agent says "straight away"
    And the agent says "as soon as yours is on its way back"
    When the customer says "ok yes"
    Then the agent says "the store credit, or the exchange"
    And the conversation is in "offering_alternatives"

  Scenario Outline: "<message>" is a comparison too, not a yes
    When the customer says "<message>"
    Then the message is read as "ask_about:all"
    And the agent says "straight away"
    And the agent does not say "do you mean"

    Examples:
      | message                          |
      | ok, what's the quickest option?  |
      | what's the easiest?              |
      | what would you do if you were me? |

  Scenario: "How long does it take?" after the comparison gets how long each takes, not the refund rule
    When the customer says "which one is quicker?"
    And the customer says "how long does it take?"
    Then the agent says "As I mentioned"
    And the agent says "Store credit: The credit goes on your account straight away"
    And the agent says "Exchange: You choose the size"
    And the agent does not say "refund window"
    And the conversation is in "offering_alternatives"

  Scenario: "How long will that take" to two offers, none asked about, describes both
    When the customer says "how long will that take"
    Then the message is read as "ask_about:all"
    And the agent says "straight away"
    And the agent says "as soon as yours is on its way back"
    And the agent does not say "refund window"

  Scenario: "Can you guarantee it'll arrive tomorrow?" is honestly not promised
    When the customer says "can you guarantee the exchange will arrive tomorrow?"
    Then the agent says "I can't answer that from here"
    And the conversation is in "offering_alternatives"

  Scenario: "What if the new one is more expensive?" is honestly not answered from details that never say
    When the customer says "if I do the exchange can I get a different item altogether?"
    And the customer says "what if the new one is more expensive?"
    Then the agent says "I can't answer that from here"
    And the agent does not say "all I know"

  Scenario: "Do I have to decide now?" is told there is no rush, and the offers stay open
    When the customer says "do I have to decide now?"
    Then the agent does not say "can't help with that"
    And the reply matches /take (all )?the time you need|take your time/
    And the conversation is in "offering_alternatives"

  Scenario: "A blue one please" after the exchange is arranged notes blue, without "a"
    When the customer says "exchange then I guess"
    And the customer says "a blue one please"
    Then the agent says "blue"
    And the agent does not say "a blue for"

  Scenario Outline: "<message>" after asking which is quicker takes the one that comes at once
    When the customer says "which one is quicker?"
    And the customer says "<message>"
    Then the alternative "Store credit" is applied

    Examples:
      | message              |
      | the quicker one then |
      | quicker one pls      |

  Scenario: "Whichever is quicker" leaves the choice to the agent, which asks which
    When the customer says "which one is quicker?"
    And the customer says "yeah ok whichever is quicker"
    Then no alternative is applied
    And the agent says "the store credit, or the exchange"

  Scenario: "If I went for the exchange, would I have to pay to send it back?" is about the exchange, and "let's do that" takes it
    When the customer says "If I went for the exchange, would I have to pay to send the coat back?"
    Then the message is read as "ask_about:exchange"
    And the agent says "postage costs you nothing"
    When the customer says "ok, let's do that"
    Then the alternative "Exchange" is applied

  Scenario: A choice after the comparison is applied
    When the customer says "hmm which would you recommend?"
    And the customer says "the credit then"
    Then the alternative "Store credit" is applied

  Scenario: Naming both alternatives in one question compares them
    When the customer says "is the exchange faster than the store credit?"
    Then the agent says "Store credit:"
    And the agent says "Exchange:"

  Scenario: Asking about the same alternative again answers from what was said, once, then points back
    When the customer says "does the store credit expire?"
    Then the agent says "for a whole year"
    When the customer says "can I use the credit in your shops?"
    Then the agent says "As I mentioned, you can spend it online or in any of our shops"
    And the agent does not say "The credit goes on your account"
    When the customer says "so I can spend it in a shop then?"
    Then the agent says "in my message above"
    And the agent does not say "for a whole year"

  Scenario: A question the comparison did not answer is not answered with a sentence said already
    When the customer says "what's the difference between the two?"
    And the customer says "is the credit transferable to my sister?"
    Then the agent does not say "The credit goes on your account"
    And the agent says "I can't answer that from here"
    And the agent says "a colleague can tell you more about the store credit"

  Scenario: A question the details never speak of, asked before they are given, is honestly left with them
    When the customer says "is the credit transferable? it's for my sister"
    Then the agent says "I can't answer that from here"
    And the agent says "the credit goes on your account"

  Scenario: A question after the comparison is answered by the sentence that answers it
    When the customer says "what's the difference between the two?"
    And the customer says "does the credit run out?"
    Then the agent says "As I mentioned, you can spend it"
    And the agent says "for a whole year"
    And the agent does not say "The credit goes on your account"

  Scenario: A question that names no alternative asks about the one whose details answer it
    When the customer says "do I have to pay for postage?"
    Then the agent says "postage costs you nothing"
    And the conversation is in "offering_alternatives"

  Scenario: A question about the rules on faulty items is not a report of a fault
    When the customer says "what's your refund policy?"
    And the customer says "and what's the policy on faulty things?"
    Then the agent says "If something is faulty"
    And the conversation is in "offering_alternatives"
    When the customer says "ok the exchange"
    Then the alternative "Exchange" is applied

  Scenario: "Ok so what happens then?" asks what each offer means, and chooses nothing
    When the customer says "ok so what happens then"
    Then the message is read as "ask_about:all"
    And no alternative is applied
    And the agent does not say "do you mean"
    And the agent says "The credit goes on your account"

  Scenario: A question about an offer that nothing the policy says answers is said to be one
    When the customer says "can the exchange go to my work address?"
    Then the agent says "I can't answer that from here"
    And the agent does not say "I've told you all I know"
    And the conversation is in "offering_alternatives"

  Scenario: "Ok, the exchange. Can you send it to my work address?" takes the exchange, and leaves the address to a colleague
    When the customer says "ok the exchange. can you send it to my work address instead?"
    Then the alternative "Exchange" is applied
    And the reply matches /(colleague can change it|colleague has to arrange)/
    And the reply does not match /other question/

  Scenario Outline: "<comparison>" after asking about the exchange compares both, not the exchange alone
    When the customer says "how does the exchange work?"
    And the customer says "<comparison>"
    Then the agent says "Store credit: The credit goes on your account straight away"
    And the agent does not say "told you all I know"
    And no alternative is applied

    Examples:
      | comparison                         |
      | whats the difference between them? |
      | how do the two compare?            |
      | which of those is better?          |

  Scenario: A question the repair's details say nothing of is said to be one the agent cannot answer
    Given the customer "Dana" bought order "A-1001" 60 days ago
    When the customer says "it stopped working"
    And the customer says "how does the repair work?"
    And the customer says "will I get a loan one meanwhile?"
    Then the agent says "can't answer that from here"

  Scenario: Thanks after a question about one offer keeps that offer the question
    When the customer says "store credit is fine. how much would that be?"
    And the customer says "cheers"
    Then the reply matches /store credit/
    And the agent does not say "exchange"
    When the customer says "yes"
    Then the alternative "Store credit" is applied

  Scenario Outline: "<thanks>" after a question about an offer thanks for the answer, and takes nothing
    When the customer says "does the store credit work on sale items?"
    And the customer says "<thanks>"
    Then no alternative is applied
    And the reply matches /the store credit/
    And the conversation is in "offering_alternatives"

    Examples:
      | thanks                                                  |
      | oh brilliant, that's really helpful to know, thank you  |
      | ok that's actually really useful, thanks                |
      | great, good to know. thanks for explaining              |

  Scenario Outline: "<question>" supposes an offer to ask about it, and takes nothing
    When the customer says "<question>"
    Then no alternative is applied
    And the conversation is in "offering_alternatives"

    Examples:
      | question                                                              |
      | ok. and if I choose the exchange, can I swap for something from the sale? |
      | and if I go for the store credit, can I spend it in the shops?        |
      | what if I take the exchange and the new size doesn't fit either?      |
