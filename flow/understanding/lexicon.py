"""The words of one language that reading acts and facts needs, behind one interface.

The act and fact readers (:mod:`flow.understanding._acts`, :mod:`flow.understanding._facts`) are
written once; what they look for comes from a :class:`Lexicon`. A new language is a new lexicon
module (phrases, number and month words, a date grammar, its threat and insult detectors), not a
rewrite of the readers. English is :data:`flow.understanding.english.lexicon.ENGLISH`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from flow.errors import PolicyError
from flow.understanding.phrases import PhraseSet

if TYPE_CHECKING:
    from flow.understanding.english.dates import When

WordCheck = Callable[[Sequence[str], str], bool]
MessageCheck = Callable[[Sequence[Sequence[str]]], bool]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything language-specific about reading acts and facts.

    Phrases are written in the canonical form of :func:`flow.understanding._text.canonical_tokens`
    (lower case, no apostrophes, shorthand spelled out), except that numbers keep their digits.

    ``keeping`` after ``deciding`` is a customer keeping the item ("I'll hang on to it"), which drops the
    request, unless a word of ``keeping_for_now`` follows ("until the new one comes"); ``imperatives``
    are the commands that choose an offer ("do the exchange"); ``holding_off`` is waiting rather than
    taking up the offer of a person ("I'll give it a few more days"); ``taking_time`` asks for time to decide
    or to find something ("let me think about it", "hang on, let me find it"); ``confusion`` after a refusal
    asks for the reason again ("I still don't get it"); ``unsuited_after`` turns "wrong colour"
    into the customer's taste ("for my kitchen"); ``money_subjects`` make a "hasn't arrived" about money
    already asked for ("my refund hasn't arrived"), not about the order; ``who_died`` tells a bereavement
    ("person") from a thing that died ("thing"); ``anger_cues``, ``own_mistakes`` and ``apologies`` correct
    the sentiment (:mod:`flow.understanding._mood`), and ``own_mistakes`` also tell a wrong choice from a wrong item.
    ``comparison_cues`` make a question that names no offer ask about every offer ("which is quicker?");
    ``supposing`` words before a condition make it a case supposed, not a fact ("what if it breaks?").
    ``key_words`` are the words a misspelling of which is put right before acts are read ("cancelp");
    ``familiar_words`` (filled in by :func:`with_familiar_words`) are never taken for misspellings, nor
    are ``lookalikes``, words of their own one letter away from a key word ("slipped", not "shipped").
    ``bot_questions`` ask whether the agent is a person or a program ("are you a bot?");
    ``retractions`` take back a request for a person made earlier in the same message ("can I talk to a
    person? actually no, never mind"); ``carrying_on`` goes on with the agent instead of the person asked for
    ("let's just continue", "we can carry on"); ``no_need`` turn down a colleague the agent offered, however politely
    ("ok, thanks anyway", "never mind then"); ``not_knowing`` says the customer cannot give the fact asked for
    ("I don't know the order number"). ``purchase_words`` ("bought", "ordered") make a date beside each
    of several order numbers its purchase date. ``praised_service`` is praise of the service ("great
    service as always"), ironic when it answers a refusal and does not take up an offer; ``content`` is
    contentment said with a no ("can't complain", "no issues at all"). ``anger_emoji``
    complain without words ("😡😡", "😢"). ``corrections`` put right what the customer just said ("2 weeks ago,
    actually no, 5 weeks"): the later value counts, and the request is not dropped. ``unwanted`` says the
    customer no longer wants the item ("I don't need it anymore"): after a refusal, it presses for the
    request in hand, as ``unused`` does ("it's still in the box with the tags on", "it was a gift").
    ``variants`` are the sizes and colours an item comes in; one just after a word of ``variant_leads`` ("in
    blue", "for a large") names the offer whose names hold a word of ``variant_kinds`` ("another size") when
    it is asked for: after a choice form or a word of ``variant_verbs`` ("swap it for a large"), in a
    question, or with a switch word after it; only a word of ``variant_after`` may follow it ("a large
    please", not "a large order").
    ``possibility_questions`` ask, before anything is on offer, what can be done ("what are my options?");
    ``indifference`` leaves the choice between several offers to the agent ("I don't mind which", "up to you");
    ``only_one`` asks for one of several orders named, without saying which ("A-1111 and A-1112, cancel one");
    ``return_costs`` ask what sending an item back costs ("who pays postage?"): a question about the rules,
    unless an offer is on the table, whose details may answer it;
    ``emoji_words`` read an emoji that answers as the words it stands for ("👍" as "great", "👎" as "no");
    ``number_words`` are numbers in words, read as a number fact asked for ("eight", "none", "twenty one");
    ``function_words`` are the little words of any sentence ("it", "on", "the"), which say nothing by themselves;
    ``more_options`` ask, while something is on offer, what else there is ("what else?", "any other options?"),
    or after a request was granted or an alternative taken, what could replace it ("what are my options?");
    ``charged_another_amount`` tells an amount charged against the one it should have been ("charged £15
    instead of £10"), the condition ``overcharged``; ``refunded_short`` tells a refund already made that fell
    short ("it was meant to be £45 but I only got £30"), which is asked after; ``bought_by_another`` tells
    that someone else bought the order ("my aunt bought it for me", "it was a gift"), so details the customer
    cannot give may be had from them; ``looking_into`` asks the
    agent to have something checked ("can you chase it up?"); ``fact_names`` are the words that name a fact
    of each kind ("order number" for ``order_id``), so "I don't have the order number" before it is asked
    says it cannot be given; ``looking_into`` also takes up the
    offer of a colleague who can check it, as "so what now?" to that offer does. ``sign_offs`` end a
    message before the name it is signed with ("Kind regards, Margaret"), and ``not_names`` are words that
    follow "my name is" without being a name ("my name is on the order"); ``go_ahead`` asks the agent to
    go ahead with what it has just done ("can you do it then?"); ``call_time`` reads the day and time a
    callback is asked for, as ``day|HH:MM`` ("tomorrow at 3pm" is ``tomorrow|15:00``); ``buying_later``
    speaks of a purchase still to be made ("before I order", "if I buy a dress"), so a request named beside
    it asks about the rules; ``only_asking`` says the customer is only asking for now ("just asking", "before
    I decide"), so a request named in a question beside it asks about the rules too; ``went_ahead_unasked``
    says, once a request was started, that the customer had not asked for it yet ("I was just asking", "I
    didn't say go ahead"), which takes it back.
    """

    code: str
    question_starts: frozenset[str]
    clause_breaks: frozenset[str]
    fillers: frozenset[str]
    yes: PhraseSet
    no: PhraseSet
    reject_all: PhraseSet
    negators: frozenset[str]
    negative_after: PhraseSet
    contrast: frozenset[str]
    choice_forms: PhraseSet
    about_forms: PhraseSet
    ordinals: Mapping[str, int]
    ordinal_nouns: frozenset[str]
    option_words: frozenset[str]
    option_numbers: Mapping[str, int]
    deictic: PhraseSet
    callback_words: tuple[str, ...]
    pronouns: frozenset[str]
    thanks: PhraseSet
    not_thanks: PhraseSet
    goodbye: PhraseSet
    done: PhraseSet
    request_cues: Mapping[str, PhraseSet]
    weak_request_cues: Mapping[str, PhraseSet]
    status_cues: PhraseSet
    status_subjects: PhraseSet
    policy_cues: PhraseSet
    wondering: frozenset[str]
    cancel_request_cues: PhraseSet
    comparison_cues: PhraseSet
    keeping: PhraseSet
    deciding: PhraseSet
    keeping_for_now: frozenset[str]
    switch_words: frozenset[str]
    imperatives: PhraseSet
    complaint_cues: PhraseSet
    exclamations: PhraseSet
    insult_cues: frozenset[str]
    insist_cues: PhraseSet
    person_cues: PhraseSet
    no_person_cues: PhraseSet
    holding_off: PhraseSet
    taking_time: PhraseSet
    confusion: PhraseSet
    conditions: Mapping[str, PhraseSet]
    circumstances: Mapping[str, PhraseSet]
    condition_denials: PhraseSet
    supposing: frozenset[str]
    unsuited_after: PhraseSet
    money_subjects: PhraseSet
    sent_something_else: MessageCheck
    who_died: Callable[[Sequence[Sequence[str]]], str | None]
    anger_cues: PhraseSet
    own_mistakes: PhraseSet
    apologies: PhraseSet
    irony_markers: PhraseSet
    strong_irony: PhraseSet
    praised_service: PhraseSet
    content: PhraseSet
    irony_emoji: frozenset[str]
    anger_emoji: frozenset[str]
    corrections: PhraseSet
    praise: frozenset[str]
    irony_openers: frozenset[str]
    negative_cues: PhraseSet
    asks_why: WordCheck
    threatens: Callable[[str], bool]
    why_cues: PhraseSet
    insists: WordCheck
    stopwords: frozenset[str]
    read_dates: Callable[..., Sequence[When]]
    date_hints: frozenset[str]
    key_words: tuple[str, ...] = ()
    bot_questions: PhraseSet = PhraseSet(())
    retractions: PhraseSet = PhraseSet(())
    carrying_on: PhraseSet = PhraseSet(())
    no_need: PhraseSet = PhraseSet(())
    not_knowing: PhraseSet = PhraseSet(())
    purchase_words: frozenset[str] = frozenset()
    familiar_words: frozenset[str] = frozenset()
    lookalikes: frozenset[str] = frozenset()
    unwanted: PhraseSet = PhraseSet(())
    unused: PhraseSet = PhraseSet(())
    variants: PhraseSet = PhraseSet(())
    variant_kinds: frozenset[str] = frozenset()
    variant_leads: frozenset[str] = frozenset()
    variant_after: frozenset[str] = frozenset()
    variant_verbs: frozenset[str] = frozenset()
    possibility_questions: PhraseSet = PhraseSet(())
    indifference: PhraseSet = PhraseSet(())
    only_one: PhraseSet = PhraseSet(())
    return_costs: PhraseSet = PhraseSet(())
    emoji_words: Mapping[str, str] = dataclasses.field(default_factory=dict)
    number_words: Mapping[str, int] = dataclasses.field(default_factory=dict)
    function_words: frozenset[str] = frozenset()
    more_options: PhraseSet = PhraseSet(())
    looking_into: PhraseSet = PhraseSet(())
    charged_another_amount: MessageCheck = dataclasses.field(default=lambda clauses: False)
    refunded_short: MessageCheck = dataclasses.field(default=lambda clauses: False)
    bought_by_another: MessageCheck = dataclasses.field(default=lambda clauses: False)
    fact_names: Mapping[str, PhraseSet] = dataclasses.field(default_factory=dict)
    go_ahead: PhraseSet = PhraseSet(())
    buying_later: PhraseSet = PhraseSet(())
    only_asking: PhraseSet = PhraseSet(())
    went_ahead_unasked: PhraseSet = PhraseSet(())
    call_time: Callable[[str], str] = dataclasses.field(default=lambda folded: "")
    sign_offs: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()


def with_familiar_words(lexicon: Lexicon) -> Lexicon:
    """``lexicon`` with ``familiar_words`` filled in: every word its phrases and word sets use, which the
    spelling check (:mod:`flow.understanding._spelling`) never takes for a misspelling."""
    words: set[str] = set(lexicon.key_words)
    for name in lexicon.__dataclass_fields__:
        value = getattr(lexicon, name)
        parts = value.values() if isinstance(value, Mapping) else (value,)
        for part in parts:
            if isinstance(part, PhraseSet):
                words.update(w for phrase in part.phrases for w in phrase.split())
            elif isinstance(part, frozenset):
                words.update(w for w in part if isinstance(w, str))
    return dataclasses.replace(lexicon, familiar_words=frozenset(words))


LANGUAGES = ("en",)
"""The languages tactful reads customer messages in."""


def language_of(locale: str) -> str:
    """The language part of a locale: ``en`` for ``en-GB``."""
    return locale.replace("_", "-").split("-")[0].lower()


def lexicon_for(locale: str) -> Lexicon:
    """The lexicon for a policy's ``locale`` (``en-GB``, ``en-US``, ``en``, ...).

    Raises :class:`~flow.errors.PolicyError` for a language tactful cannot read yet.
    """
    if language_of(locale) == "en":
        from flow.understanding.english.lexicon import ENGLISH

        return ENGLISH
    raise PolicyError("locale", [f"{locale!r}: customer messages can be read in {', '.join(LANGUAGES)} only"])


def day_first(locale: str) -> bool:
    """Whether numeric dates put the day first in ``locale`` (02/10 is 2 October in en-GB, 10 February in en-US)."""
    return locale.replace("_", "-").lower() not in ("en-us", "en-ph", "en-ca-us")
