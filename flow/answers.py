"""Which sentence of an offer's details answers the customer's question about it.

"Does the credit expire?" is answered by the sentence that says how long the credit lasts, not by the one
that says where it goes. A question is matched to sentences by the topics it raises (how long something
lasts, how quickly it happens, what it costs, where it can be used, what can be chosen, how it works) and
by the words it shares with a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flow.understanding.asides import PAYMENT_PLACES, asks_what_returning_costs
from flow.understanding.clauses import opens_plain_question
from flow.wording import sentences_of


@dataclass(frozen=True, slots=True)
class Topic:
    """Words in a question that raise a topic, and words in a sentence that answer it."""

    asked_by: frozenset[str]
    answered_by: frozenset[str]


def _topic(asked_by: str, answered_by: str) -> Topic:
    return Topic(frozenset(asked_by.split()), frozenset(answered_by.split()))


TOPICS: tuple[Topic, ...] = (
    _topic(
        "expire expires expiry expiring valid validity last lasts deadline until forever limit long run runs late",
        "year years month months valid until expire expires whole forever days",
    ),
    _topic(
        "long quick quickly fast soon when wait waiting speed days arrive arrives immediately take takes",
        "straight away soon immediately days day hours working quick quickly as arrives reaches",
    ),
    _topic(
        "cost costs pay paying price charge charges charged fee fees free postage shipping",
        "free cost costs nothing pay postage charge paid prepaid",
    ),
    _topic("much money amount worth", "amount full"),
    _topic(
        "where online shop shops store stores spend use using website app anything sale",
        "online shops shop spend anything store stores",
    ),
    _topic(
        "choose pick colour color size model different another swap instead which",
        "choose size colour item pick another",
    ),
    _topic(
        "refund refunded refunds reimburse reimbursed card bank account paypal",
        "card account bank",
    ),
    _topic(
        "how work works process happen happens return send post label collect collected collection pickup courier "
        "start begin steps",
        "label email send post returns back",
    ),
    _topic("first before beforehand", "soon once before after"),
    _topic("faulty broken damaged defective cracked smashed covered warranty guarantee", "faulty"),
    _topic("again breaks break broke fails fail stops dies", "too doesnt fix money"),
    _topic("sale clearance discounted returnable eligible allowed accept accepted", "most items"),
)

_OWN_SUBJECTS = frozenset(
    {"address", "postcode", "abroad", "overseas", "international", "wrapping", "wrapped", "receipt", "invoice",
     "locker", "neighbour", "neighbor", "instalments", "installments", "klarna", "transferable", "transfer",
     "transferred", "cash", "split", "combine", "combined", "cheaper", "pricier", "dearer", "price", "prices",
     "guarantee", "guaranteed", "promise", "tomorrow", "christmas", "expensive", "printer", "loan",
     "meanwhile", "courtesy"}
)  # fmt: skip
"""Subjects a question is about that only a sentence naming them answers: without one, none does."""
_WAYS = frozenset({"post", "posting", "label", "courier", "shop", "store", "collect", "collection", "drop"})
"""Words of how something goes back, which a question about whether it may go back does not have."""
_DELIVERY_PAID = frozenset({"delivery", "postage", "shipping", "carriage", "p&p"})
_COSTS = frozenset({"cost", "costs", "charge", "charges", "fee", "fees", "paid", "included", "include", "includes"})
_COLLECTING = frozenset({"collect", "collected", "collection", "collecting", "pickup"})
_IGNORED = frozenset(
    """a an the i it its is are was be do does did can could would will to of for on in at my me you your we our
    this that and or if so what how when where which who about with any there have has get got ok okay please
    thanks thank cheers just something anything stuff thing things""".split()
)


def answering_sentence(details: str, question: str, named: Sequence[str] = (), about: str | None = None) -> str | None:
    """The sentence of ``details`` that best answers ``question``, or ``None`` when no sentence answers it
    better than another (or ``details`` is a single sentence). Words of ``named`` (the offer's own names)
    count for nothing: every sentence is about the offer. ``about`` is the request in hand, whose own time
    allowed "is there a deadline?" asks ("cancel": until the order leaves the warehouse)."""
    sentences = sentences_of(details)
    if len(sentences) < 2:
        return None
    words = _past_openers(_words(question))
    asked = set(words)
    if any(a == "good" and b == "for" for a, b in zip(words, words[1:], strict=False)):
        asked.add("valid")  # "how long is it good for?"
    money_back = "back" in asked and (
        "money" in asked or bool(_GETTING_IT_BACK & set(zip(words, words[1:], words[2:], strict=False)))
    )
    if money_back and _SENDING.isdisjoint(asked):
        # "how do I get my money back?", "when will the money be back?", "how long until I get it back?": about
        # the refund, not a price
        asked -= {"money", "back"}
        asked |= {"refund", "refunded"}
    if any(a == "do" and b == "with" for a, b in zip(words, words[1:], strict=False)) or "keep" in asked:
        asked |= {"return", "send"}  # "what do I do with it?", "can I keep it?": how to send it back
    if words[:1] == ["how"] and not {"return", "returns"}.isdisjoint(asked) and "long" not in asked:
        asked |= {"returns", "label"}  # "how can I return it?": how it goes back, not whether it may
    elif _asks_time_allowed(asked) and about is not None and about not in _TIME_ALLOWED_WORDS:
        asked = (asked - _TIME_ALLOWED_WORDS - {"how"}) | {about, "until"}  # "is there a deadline?" to cancel
    elif _asks_time_allowed(asked):
        # "how long do I have (to return it)?": the time allowed, not how soon something comes or how it goes back
        asked = (asked - _TIME_ALLOWED_WORDS - {"how"}) | {"most", "items", "within"}
    elif _asks_whether_you_refund(words):
        asked -= {"refund", "refunds", "refunded"}  # "do u do refunds on earrings?": whether they may go back
        asked |= {"return", "most", "items", "within", "days"}
    elif (
        "return" in asked and not {"can", "could"}.isdisjoint(asked) and "how" not in asked and asked.isdisjoint(_WAYS)
    ):
        asked |= {"most", "items", "within", "days"}  # "if I can return shoes I've worn": whether it may go back
    if "back" in asked and not _SENDING.isdisjoint(asked):
        asked -= {"back", *_SENDING}
        asked |= {"return", "returns", "label"}  # "how do I send the old one back?" asks how to return it
    delivery_back = (
        "back" in asked
        and not _DELIVERY_PAID.isdisjoint(asked)
        and not _COSTS.isdisjoint(asked)
        and _SENDING.isdisjoint(asked)
    )  # "if I return something, do I get the delivery charge back?": whether the refund includes it
    if asks_what_returning_costs(asked) and not delivery_back:
        asked |= {"free", "label", "returns"}  # "do I have to pay for the postage?": what the label costs
    elif not _DELIVERY_PAID.isdisjoint(asked) and not _COSTS.isdisjoint(asked) and _SENDING.isdisjoint(asked):
        asked -= {"back"}  # "would I get the delivery cost back too?": whether the refund includes it
        asked |= {"delivery", "charge", "included"}
    if not {"first", "beforehand"}.isdisjoint(asked):
        asked |= {"before"}  # "do I have to send it back first?": what has to happen before what
    if not _COLLECTING.isdisjoint(asked):
        asked -= _FAULTY  # "will you collect the damaged one?": how it goes back, whatever is wrong with it
    elif not _FAULTY.isdisjoint(asked):
        asked.add("faulty")  # "what if it's broken?"
    if not speaks_of(details, question):
        return None  # "can you send it to my work address?": no sentence speaks of an address
    ignored = _IGNORED | {word for name in named for word in _words(name)}
    topics = [(topic, len(topic.asked_by & asked)) for topic in TOPICS if not topic.asked_by.isdisjoint(asked)]
    content = asked - ignored
    scores = [_score(sentence, topics, content) for sentence in sentences]
    best = max(scores)
    if best == 0 or scores.count(best) > 1:
        return None
    return sentences[scores.index(best)]


def _asks_time_allowed(asked: set[str]) -> bool:
    """Whether a question asks only how long the customer is allowed: "how long do I have?", "how many days
    have I got left?", "is there a deadline?", "what's the time limit?"."""
    if asked - _IGNORED - _TIME_ALLOWED_WORDS:
        return False
    having = not {"have", "got"}.isdisjoint(asked) and ("long" in asked or {"many", "days"} <= asked)
    return having or "deadline" in asked or {"time", "limit"} <= asked or "cutoff" in asked


_TIME_ALLOWED_WORDS = frozenset(
    "long many days have got left still deadline time limit cutoff cut off what whats s return returns refund refunds "
    "send back".split()
)


def answers_to_each(details: str, text: str) -> str | None:
    """The sentences of ``details`` that answer the several questions of ``text``, one each, in the order
    asked ("how long do refunds take? and is return postage free?"); ``None`` unless two or more questions
    are each answered by a sentence of their own."""
    found = [answering_sentence(details, question) for question in questions_of(text)]
    answers = [sentence for sentence in dict.fromkeys(found) if sentence is not None]
    return " ".join(answers) if len(answers) > 1 else None


def questions_of(text: str) -> list[str]:
    """The questions ``text`` asks, one by one: split at each question mark, and at "and" before another
    question ("how long does it take and do you pay postage?"); statements between them are left out."""
    questions: list[str] = []
    for part in text.split("?")[:-1]:
        words = _past_openers(_words(part.replace("!", ".").rsplit(". ", 1)[-1]))
        start = 0
        for at in range(1, len(words) - 2):
            if words[at] == "and" and opens_plain_question(words, at + 1):
                questions.append(" ".join(words[start:at]))
                start = at + 1
        questions.append(" ".join(words[start:]))
    found = []
    for question in questions:
        words = question.split()
        opening = next((at for at in range(min(3, len(words))) if opens_plain_question(words, at)), None)
        if opening is not None:
            found.append(" ".join(words[opening:]))  # "hi, how long do refunds take?": the question itself
    return found


def answer_sharing_words(details: str, question: str) -> str | None:
    """The sentence of ``details`` that answers ``question`` (see :func:`answering_sentence`) and shares a word
    of its own with it ("is it safe to keep using it?" of "please stop using it"): for words written to tell
    the customer something rather than to answer questions, a topic alone is too little to go on."""
    asked = {_root(word) for word in set(_words(question)) - _IGNORED}
    sharing = [sentence for sentence in sentences_of(details) if not asked.isdisjoint(map(_root, _words(sentence)))]
    found = answering_sentence(details, question)
    if found in sharing:
        return found
    return sharing[0] if len(sharing) == 1 else None


def _root(word: str) -> str:
    """A word without its ending, so "use", "using" and "used" are one word."""
    for ending in ("ing", "ed", "es", "s", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    return word


def answers_topic(sentence: str, question: str) -> bool:
    """Whether ``sentence`` answers the kind of thing ``question`` asks ("how long will I be without it?" of
    "we repair it and post it back within 14 days"): for details of one sentence, which
    :func:`answering_sentence` cannot choose between."""
    asked = set(_past_openers(_words(question)))
    said = set(_words(sentence))
    return any(not topic.asked_by.isdisjoint(asked) and not topic.answered_by.isdisjoint(said) for topic in TOPICS)


def answer_in(details: str, question: str, named: Sequence[str] = ()) -> str | None:
    """The sentence of ``details`` that answers ``question`` (see :func:`answering_sentence`), or, for details
    of one sentence, that sentence when it answers the kind of thing asked (:func:`answers_topic`)."""
    found = answering_sentence(details, question, named)
    if found is None and len(sentences_of(details)) == 1 and answers_topic(details, question):
        return " ".join(details.split())
    return found


def _asks_whether_you_refund(words: list[str]) -> bool:
    """ "Do you do refunds on earrings?", "do you refund sale items?", "do you give refunds?": whether the
    shop takes things back, not how a refund is paid."""
    for at in range(len(words) - 2):
        if words[at] == "do" and words[at + 1] in ("you", "u") and not _REFUNDS.isdisjoint(words[at + 2 : at + 5]):
            about_money = not _CHARGING.isdisjoint(words) or not PAYMENT_PLACES.isdisjoint(words)
            return "long" not in words and "when" not in words and not about_money
    return False


_REFUNDS = frozenset({"refund", "refunds", "returns"})
_CHARGING = frozenset({"charge", "charges", "charging", "cost", "costs", "pay", "fee", "fees"})


def speaks_of(details: str, question: str) -> bool:
    """Whether ``details`` speak of what ``question`` is about, so far as a subject that only a sentence
    naming it answers tells ("can you send it to my work address?" of details that name no address)."""
    subjects = set(_words(question)) & _OWN_SUBJECTS
    return not subjects or not subjects.isdisjoint(_words(details))


def asks_where_money_goes(question: str) -> bool:
    """Whether ``question`` asks where a refund goes ("can it go to my PayPal?", "to a different card?"), which
    a policy may say with the status of a refund rather than in its summary."""
    words = _words(question)
    return not PAYMENT_PLACES.isdisjoint(words) and _NOT_ABOUT_MONEY.isdisjoint(words)


_NOT_ABOUT_MONEY = frozenset({"credit", "voucher", "email", "password", "login", "address", "gift", "loyalty"})
WHERE_MONEY_GOES = "which card, bank or account does a refund go to"
"""The question "can it go to my PayPal?" and its like are answered as."""


def first_sentence_about(details: str, subject: str) -> str | None:
    """The first sentence of ``details`` that names ``subject`` ("refund", "never arrived") or a longer form
    of its words ("cancel" in "cancelled"): a policy's summary leads with its rule for a thing, so the first
    sentence that names it says what can be done."""
    if not _words(subject):
        return None
    return next((sentence for sentence in sentences_of(details) if names_subject(sentence, subject)), None)


def names_subject(text: str, subject: str) -> bool:
    """Whether ``text`` names every word of ``subject``, or a longer form of it ("cancellation" names
    "cancel")."""
    stems = {word[:_STEM] for word in _words(text)}
    return all(word[:_STEM] in stems for word in _words(subject))


def _past_openers(words: list[str]) -> list[str]:
    """The words of a question after those that only open it ("wait, actually, how long…"): "wait" there
    asks nothing about waiting."""
    start = 0
    while start < len(words) - 1 and words[start] in _OPENERS:
        start += 1
    return words[start:]


_GETTING_IT_BACK = frozenset({("get", "it", "back"), ("have", "it", "back"), ("see", "it", "back")})
_FAULTY = frozenset({"broken", "broke", "damaged", "defective", "faulty", "cracked", "smashed"})
"""Words for something wrong with the item, which a policy's sentences say as "faulty"."""
_SENDING = frozenset({"send", "sending", "post", "posting", "ship", "mail"})
"""Words that, with "back", ask how to return something rather than about what is sent out."""
_OPENERS = frozenset({"wait", "actually", "oh", "hmm", "ok", "okay", "so", "and", "but", "sorry", "also", "um"})


def _score(sentence: str, topics: Sequence[tuple[Topic, int]], content: set[str]) -> int:
    """Two points for each word of the question that raises a topic the sentence answers, one for each
    other word the two share."""
    words = set(_words(sentence))
    by_topic = sum(2 * cues for topic, cues in topics if not topic.answered_by.isdisjoint(words))
    stems = {word[:_STEM] for word in words if len(word) >= _STEM}
    shared = len(
        {
            word
            for word in content
            if word in words or word.rstrip("s") in words or (len(word) >= _STEM and word[:_STEM] in stems)
        }
    )
    return by_topic + shared


_STEM = 5
"""Letters two longer words must share at the start to count as one ("cancel" and "cancelled")."""


def _words(text: str) -> list[str]:
    """The lower-case words and numbers of ``text`` (a percent sign stays with its number); an email or web
    address counts for nothing ("jo@new.com" says no "new")."""
    plain = " ".join(token for token in text.lower().split() if not _an_address(token))
    return "".join(c if c.isalnum() or c == "%" else " " for c in plain).split()


def _an_address(token: str) -> bool:
    """Whether a token is an email or web address ("jo@new.com", "www.shop.co.uk")."""
    bare = token.rstrip(".,!?;:)")
    return "@" in bare or "://" in bare or bare.startswith("www.") or bare.endswith(_DOMAIN_ENDINGS)


_DOMAIN_ENDINGS = (".com", ".org", ".net", ".io", ".uk")
