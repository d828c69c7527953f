"""English words that compare what is on offer: "what's the difference?", "which is quicker?".

A question with one of these phrases that names no offer asks about every offer at once. Phrases are in
canonical form (lower case, no apostrophes).
"""

from __future__ import annotations

from flow.understanding.phrases import PhraseSet


def _phrases(text: str) -> PhraseSet:
    return PhraseSet(line.strip() for line in text.replace("\n", "|").split("|"))


COMPARISONS = _phrases("""
    difference | differences | differ | compare | compared | comparison | versus | vs | which is | which one |
    which ones | which of | which would | which should | which do | which does | which will | which option |
    whats better | what is better | whats best | what is best | whats quicker | whats faster | whats cheaper |
    pros and cons | better option | best option | recommend | suggest | what would you do | what would you pick |
    what would you choose | which works out | which gets | which makes | quicker | faster | cheaper | sooner |
    quickest | fastest | cheapest | soonest | easiest | simplest | least hassle | less hassle | easier | simpler |
    whats the quickest | whats the fastest | whats the easiest | in my position | in my shoes | if you were me |
    what are my options | what options | what are the options | what options are there | what options do i have |
    what else can you do | what else can you offer | what else is there | what else do you have | what can you do |
    what can you offer | what choices | what are my choices | what are the choices | remind me of the options |
    what were the options | what was the other one | what was the other option | most people | most customers |
    what do people | what do others | what do other people | more popular | most popular | which is popular |
    what would you go for | which would you go for | what do you think | which is more | what now | now what |
    what happens now | what next | where does that leave me | what can i do | what are my options now |
    what were my options | what were my choices | my options again | the options again | what happens then |
    what happens next | what happens after that | what do i do now | what do i do then | what should i do now |
    tell me the options | tell me my options | what the options are | what my options are | list the options
""")
"""Comparing the offers, asking which to pick, or asking what they are again."""
