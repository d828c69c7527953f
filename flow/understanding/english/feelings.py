"""English words for how a customer feels about what happened: anger, and owning up to a mistake.

VADER scores words one by one, so it misses anger said without angry-sounding words ("this is how you
treat me??", "beyond a joke") and counts owning up ("my own fault really", "sorry for wasting your
time") as anger. These phrases let :mod:`flow.understanding._mood` correct the score the flow sees.
Phrases are in canonical form (lower case, no apostrophes).
"""

from __future__ import annotations

from flow.understanding.phrases import PhraseSet


def _phrases(text: str) -> PhraseSet:
    return PhraseSet(line.strip() for line in text.replace("\n", "|").split("|"))


ANGER = _phrases("""
    fuming | livid | furious | seething | raging | incensed | outraged | outrageous | disgraceful | a disgrace |
    disgusted | disgusting | appalling | appalled | unacceptable | beyond a joke | an absolute joke |
    absolute joke | a complete joke | a total joke | joke of a company | how dare you | how dare | how you treat |
    how you lot treat | treat your customers | treating me like | treat me like | so angry | very angry |
    really angry | im angry | i am angry | extremely angry | absolutely angry | angry | pissed off | hacked off |
    sick and tired | worst company | worst service | worst customer service | absolutely ridiculous |
    utterly ridiculous | totally ridiculous | scandalous | a scandal | shambolic | an utter shambles |
    absolute shambles | im raging | makes my blood boil | blood is boiling | lost my temper | losing my temper |
    this is a joke | thats a joke | what a joke | its a joke | youre a joke | you are a joke | had enough of you |
    are a joke | is a joke | such a joke
""")
"""Anger in so many words, whatever VADER makes of them."""

OWN_MISTAKES = _phrases("""
    my fault | my own fault | all my fault | my mistake | my own mistake | my bad | my error | by mistake |
    by accident | accidentally | mistakenly | i ordered the wrong | i bought the wrong | i picked the wrong |
    i chose the wrong | i selected the wrong | i clicked the wrong | ordered the wrong | bought the wrong |
    picked the wrong | chose the wrong | measured wrong | measured it wrong | measured incorrectly |
    i misread | i misjudged | i should have checked | should have checked | i didnt check | silly me |
    user error | i messed up | i got it wrong | i made a mistake | made a mistake | my own doing |
    i should have measured | didnt read the description | didnt read the size | ordered wrong | bought wrong |
    picked wrong | chose wrong | ordered a wrong | selected wrong
""")
"""The customer owning up to their own mistake: not anger, and not the shop sending the wrong thing."""

APOLOGIES = _phrases("""
    sorry for | sorry to bother | sorry to trouble | sorry about that | sorry about this | sorry to be a pain |
    apologies for | my apologies | i apologise | i apologize | apologies | sorry for the hassle |
    sorry for the trouble | sorry for wasting | oops | whoops | oopsie | sorry wrong | sorry i meant | sorry meant |
    gave the wrong number | gave you the wrong number | typed the wrong | typo | i mistyped | mistyped |
    wrong number sorry
""")
"""The customer apologising to the agent, or for a slip of their own ("oops, wrong number")."""

CONTENT = _phrases("""
    no complaints | no complaint | cant complain | cannot complain | nothing to complain about | cant fault it |
    cant fault you | cant fault them | cant fault that | couldnt fault it | couldnt fault you | cannot fault it |
    cant fault anything | could not fault it | no problems at all | no issues at all | no problems here |
    no issues here | no problems whatsoever | not bad at all | couldnt be better | couldnt ask for more |
    cant ask for more | cant ask for better | nothing wrong with it | all fine no problems | no problems | no issues
""")
"""Contentment said with a no ("can't complain", "no issues at all"): all is well, neither a no nor a complaint."""
