"""Intent rules for what a word-count model cannot learn from the data: short replies, insisting,
asking why, questions about the rules, giving facts, requests the customer negates or states inside a
complaint, signing off with a "no", and which way a yes/no answer leans.

Every pattern reads the canonical form from ``_text`` (lowercase, no apostrophes, shorthand spelled
out, digits as ``#``), so "dont", "don't" and "do not" are written once or twice, not five times.
"""

from __future__ import annotations

from collections.abc import Sequence

from flow.textmatch import TextPattern
from flow.understanding._text import canonical_tokens
from flow.vocabulary import Intent

SHORT_REPLY_CONFIDENCE = 0.95
RULE_CONFIDENCE = 0.85

_SHORT_REPLIES_TEXT = {
    "accept": """yes | yes please | ya | ya sure | ya ok | yes ok | yes sure | yes thanks | yes thank you |
        sure | sure thing | ok | ok fine | ok then | ok sure | ok yes | ok great | ok good | ok go ahead |
        ok do it | ok deal | fine | fine then | fine by me | alright | alright then | all right | sounds good |
        sounds great | that works | that works for me | works for me | deal | go ahead | do it | please do |
        perfect | great | good | agreed | i agree | absolutely | of course | definitely | certainly |
        lets do it | lets do that | i accept | i will take it | ill take it | that is fine | thats fine |
        thats ok | that is ok | fair enough | yes why not | sure why not | ok why not | go for it""",
    "reject": """no | no thanks | no thank you | no please | no way | not really | not interested | never |
        no sorry | no i dont | i dont think so | i dont want that | i dont want it | no i dont want that |
        no deal | not at all | absolutely not | definitely not | certainly not | of course not | no chance |
        i decline | i refuse | i will pass | ill pass | pass | rather not | id rather not | not good enough |
        that doesnt work | that doesnt work for me | thats not ok | not ok | no good | neither | none |
        no that is not ok | no its fine | no im good | im good | no need""",
    "thank_close": """thanks | thank you | thanks a lot | thank you so much | thank you very much | thanks so much |
        cheers | cheers mate | cheers thanks | many thanks | bye | bye bye | goodbye | good bye | see you |
        see you later | thanks bye | thank you bye | ok thanks | ok thank you | ok thanks bye | ok bye |
        great thanks | perfect thanks | thats all | that is all | thats all thanks | thats it | thats it thanks |
        nothing else | nothing else thanks | have a good day | have a nice day | appreciate it | take care |
        ta | cya | later | thanks again | got it thanks | thanks for your help | thank you for your help""",
    "ask_why": """why | why not then | how come | how so | why is that | whys that | why so | but why | reason |
        whats the reason | what is the reason | why though | why exactly | on what grounds | explain |
        explain why | why cant i | why not | and why""",
    "insist": """i insist | insist | i still want it | still | i still want a refund | i still want my refund |
        please just do it | just do it | come on | i really insist""",
    "ask_human": """human | agent | person | manager | supervisor | operator | representative | real person |
        human please | agent please | manager please | a human | a person | live agent | human being""",
}
SHORT_REPLIES: dict[str, Intent] = {
    phrase.strip(): intent  # type: ignore[misc]
    for intent, phrases in _SHORT_REPLIES_TEXT.items()
    for phrase in phrases.split("|")
}
_TRAILING_FILLER = frozenset({"please", "then", "mate", "thanks"})

_ASK_WHY = TextPattern(
    r"(?:^|\b(?:but|so|and|ok|hmm|well|wait|sorry|really|then|seriously|still|yes|yeah|right) )(?:why|how come)\b"
    r"|\b(?:why (?:not|cant|cannot|wont|couldnt|wouldnt|is that|is it|isnt|arent|do i|do you|does|did|would|should|"
    r"are you|was|were|on earth|the hell|exactly|though)"
    r"|(?:tell|explain to|show) me why|explain why|know why|understand why|see why|the reason (?:why|for)"
    r"|(?:whats|what is|what was|give me|tell me|whats the) (?:the |a |your )?(?:reason|reasoning|justification)"
    r"|on what (?:grounds|basis)|for what reason|how come|what do you mean)\b"
)
_NOT_ASKING_WHY = TextPattern(r"\b(?:thats|that is|which is|this is|thats exactly) why\b|^why thank")

_INSIST = TextPattern(
    r"\b(?:i (?:still|really|just) (?:want|need|expect|demand|would like)|still (?:want|need|expect|demand)"
    r"|insist|insisting|just (?:refund|cancel|give|send|process|pay|return|credit|issue|do it|sort it)"
    r"|(?:dont|do not) care|(?:i|ive) (?:already )?said (?:that )?i (?:want|need)"
    r"|(?:you|youre|you are) not listening|(?:as|like) i (?:already )?(?:said|told|asked|mentioned)"
    r"|i (?:already|have already|ve already) (?:said|told|asked|explained)|ive already (?:said|told|asked)"
    r"|^(?:just |please |please just |just please |ok |so )?(?:approve|authori[sz]e|override)"
    r" (?:it|this|that|(?:the|my) (?:refund|cancellation|request|order))\b"
    r"|what i (?:originally |actually |really )?(?:asked|came|contacted you|wrote in) (?:here )?(?:for|about)"
    r"|^(?:now|asap|now please|right now|straight away|immediately|today)$"
    r"|(?:only|just|barely) (?:one|a|1|two|2|a couple of|a few|three|3) (?:days?|weeks?) (?:over|late|out|past|after)"
    r"|at least (?:give|offer|do|send|refund)|(?:give|offer) me (?:a|some) (?:discount|compensation|gesture)"
    r"|regardless|not taking no|wont take no|(?:do it|refund me|cancel it) anyway|one more time"
    r"|im not (?:leaving|going anywhere|giving up)|keep asking|asked (?:you )?(?:\w+ )?times"
    r"|i want (?:my|the|a) (?:money|refund)(?: back)? (?:now|today|right now|immediately))\b"
    r"|^no (?:i (?:just )?(?:want|need) (?:my|a|the) (?:refund|money)|just (?:refund|cancel|give)"
    r"|give me|refund|cancel)\b"
)

_WHY_HINTS = frozenset("why come reason reasoning justification grounds basis mean".split())
_INSIST_HINTS = frozenset(
    """still really just insist insisting care said told asked already regardless taking take anyway more
    leaving going giving keep times now today immediately no listening approve authorise authorize override
    what asap straight only barely least give offer""".split()
)
_NEGATION_HINTS = frozenset("no not dont never wont didnt doesnt keep keeping".split())

_PERSON = (
    r"(?:transfer|escalate|speak|talk|chat|connect|manager|human|agent|person|supervisor|someone|anyone"
    r"|somebody|representative|rep|operator|people)"
)
_NEGATED_HUMAN = TextPattern(
    rf"\b(?:no need|dont need|do not need|not necessary|no reason)(?: \w+){{0,3}}? {_PERSON}"
    r"|\b(?:dont|do not|never|wont|will not|didnt|did not) (?:want|need|wish|like|ask|asking|asked|have)"
    rf"(?: to)?(?: \w+){{0,3}}? {_PERSON}"
    rf"|\b(?:dont|do not|no|never) (?:transfer|escalate|connect|put me through|pass me)"
    rf"|\bno (?:manager|human|agent|person|supervisor|operator|representative)s?\b"
    rf"|\bnot (?:asking|looking|trying) (?:for|to)(?: \w+){{0,2}}? {_PERSON}"
)
_NEGATORS = r"(?:dont|do not|doesnt|does not|never|wont|will not|please dont|no need to|not going to|not)"
_NEGATED_CANCEL = TextPattern(
    rf"\b{_NEGATORS} (?:want to |need to |wish to |mean to |plan to |intend to |going to |like to )?"
    r"(?:cancel|cancell?ing|cancellation|terminate|close|delete|end|stop|unsubscribe)\b"
    r"|\bnot (?:asking|looking|trying) (?:for|to)(?: \w+){0,2}? (?:cancel|cancellation|terminate|close)"
    r"|\b(?:keep|keeping) (?:my|the|our) (?:subscription|order|account|membership|plan|booking)\b"
)
_NEGATED_REFUND = TextPattern(
    rf"\b{_NEGATORS} (?:want|need|wish|expect|ask for|asking for|looking for|after)(?: a| my| the| any| your)?"
    r" (?:refund|money back|reimbursement|compensation)"
    r"|\bnot (?:asking|looking|trying) (?:for|to)(?: \w+){0,2}? (?:refund|money|reimburs\w*)"
)
# A negated "not" right before "cancel" would also catch trouble reports ("I could not cancel it online").
_TROUBLE = TextPattern(r"\b(?:could|can|cant|couldnt|was|am|is|do|does|did) not (?:cancel|close|end|stop)")
NEGATION_VETOES: dict[Intent, TextPattern] = {
    "ask_human": _NEGATED_HUMAN,
    "request_cancel": _NEGATED_CANCEL,
    "request_refund": _NEGATED_REFUND,
}

_ASKS_FOR_REFUND = TextPattern(
    r"\b(?:(?:i (?:want|need|would like|demand)|id like|give me|can i (?:get|have)|could i (?:get|have)"
    r"|im asking for|i am asking for)(?: a| my| the| full| a full)? (?:refund|money back|reimbursement)"
    r"|(?:refund|reimburse) me|(?:want|need) my money back)\b"
)
_ASKS_TO_CANCEL = TextPattern(
    r"\b(?:(?:i (?:want|need|would like) to|id like to|please|just)(?: \w+)? cancel"
    r"|cancel (?:my|the|this) (?:order|subscription|account|membership|plan|booking|contract))\b"
)
_REQUEST_HINTS = frozenset("refund money reimbursement reimburse cancel".split())
EXPLICIT_REQUESTS: dict[Intent, TextPattern] = {
    "request_refund": _ASKS_FOR_REFUND,
    "request_cancel": _ASKS_TO_CANCEL,
}

_SIGNING_OFF = TextPattern(
    r"\b(?:thats (?:all|it|everything)|that is (?:all|it|everything)|all sorted|all set|nothing else|"
    r"cheers|bye|goodbye|have a (?:good|nice|great|lovely) (?:day|one|evening|night|weekend)|take care)\b"
)
_SIGN_OFF_HINTS = frozenset("thats that all sorted set nothing cheers bye goodbye have take everything it".split())

_QUESTION_STARTS = frozenset("what whats how is are am do does can could when where which will would if".split())
_POLICY_TERMS = TextPattern(
    r"\b(?:eligible|entitled|qualify|policy|policies|rules|terms|conditions|deadline|window|time limit"
    r"|how long|how many days|how much time|fee|fees|warranty|guarantee|what happens if|allowed|refundable"
    r"|do you (?:offer|give|do|allow|accept) (?:refunds|returns|exchanges|cancellations))\b"
)

_AGREEING = frozenset("yes true correct right accurate affirmative agree exactly sure ok fine good".split())
_DISAGREEING = frozenset("false wrong incorrect untrue inaccurate negative disagree".split())
_FLIPPING = frozenset("not never dont doesnt isnt arent wasnt werent aint hardly".split())

_INFO_WORDS = frozenset(
    """# its it is was my the order number no id reference ref purchase i bought purchased ordered got
    received placed made on ago about around roughly approximately like email mail address phone mobile
    here heres this that a an and days day weeks week month months year years yesterday today last back
    sure ok yes so just only over almost nearly more than less exactly delivered arrived came shipped
    you can reach me at contact call item thing product package parcel one two three four five six seven
    eight nine ten couple few of in with for from under name account booking confirmation code tracking
    invoice hi hello please thanks thank sorry also oh well er um ah hey there""".split()
)


def short_reply(words: Sequence[str]) -> Intent | None:
    """The intent of a whole message that is one of the short replies customers type."""
    if len(words) > 8:
        return None
    intent = SHORT_REPLIES.get(" ".join(words))
    if intent is None and len(words) > 1:
        if words[-1] in _TRAILING_FILLER:
            intent = SHORT_REPLIES.get(" ".join(words[:-1]))
        elif len(words) > 2 and words[-2] == "thank" and words[-1] == "you":
            intent = SHORT_REPLIES.get(" ".join(words[:-2]))
    return intent


def asks_why(words: Sequence[str], joined: str) -> bool:
    """Whether the customer asks for the reason behind what they were told."""
    if _WHY_HINTS.isdisjoint(words):
        return False
    return _ASK_WHY.search(joined) is not None and _NOT_ASKING_WHY.search(joined) is None


def insists(words: Sequence[str], joined: str) -> bool:
    """Whether the customer repeats or presses a demand."""
    if _INSIST_HINTS.isdisjoint(words):
        return False
    return _INSIST.search(joined) is not None


def negated_intents(words: Sequence[str], joined: str) -> set[Intent]:
    """The request intents the customer explicitly says they do not want."""
    found: set[Intent] = set()
    if _NEGATION_HINTS.isdisjoint(words):
        return found
    for intent, pattern in NEGATION_VETOES.items():
        match = pattern.search(joined)
        if match and not (intent == "request_cancel" and _TROUBLE.search(joined)):
            found.add(intent)
    return found


def asks_about_policy(words: Sequence[str], joined: str) -> bool:
    """Whether a question asks about the rules (eligibility, deadlines, fees) rather than making a request."""
    return words[0] in _QUESTION_STARTS and _POLICY_TERMS.search(joined) is not None


def explicit_request(words: Sequence[str], joined: str) -> Intent | None:
    """The request a message makes in so many words ("I want a refund"), whatever else it says."""
    if _REQUEST_HINTS.isdisjoint(words):
        return None
    return next((intent for intent, pattern in EXPLICIT_REQUESTS.items() if pattern.search(joined)), None)


def signs_off(words: Sequence[str], joined: str) -> bool:
    """Whether the customer says they are done ("no, that's all, thanks", "nope, all sorted, cheers")."""
    return not _SIGN_OFF_HINTS.isdisjoint(words) and _SIGNING_OFF.search(joined) is not None


def agreement(words: Sequence[str]) -> int:
    """Above zero when a yes/no answer leans to yes ("that's right"), below when it leans to no ("not true").

    A negation flips the next yes/no word ("not true"); a bare "no" always counts as no.
    """
    score = 0
    flip = False
    for word in words:
        if word in _FLIPPING:
            flip = True
        elif word == "no":
            score -= 1
            flip = False
        elif word in _AGREEING or word in _DISAGREEING:
            polarity = 1 if word in _AGREEING else -1
            score += -polarity if flip else polarity
            flip = False
    return score


def only_gives_facts(words: Sequence[str], slots: dict[str, str]) -> bool:
    """Whether every word is part of stating a fact (an id, an address, how long ago) rather than a request."""
    slot_words = {word for value in slots.values() for word in canonical_tokens(value)}
    return all(word in _INFO_WORDS or word in slot_words for word in words)
