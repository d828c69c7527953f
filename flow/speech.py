"""Turning the transitions of one turn into what the agent says and the buttons it shows.

One paragraph for each state entered, greeting first; a calm word for an upset customer after the
greeting; nothing asked that the same turn answers or overtakes. No sentence is said twice in one
conversation: the agent remembers short hashes of what it said, and where a template's variant would
repeat a sentence it takes another variant.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from flow import payloads
from flow.answers import (
    WHERE_MONEY_GOES,
    answer_in,
    answering_sentence,
    answers_topic,
    asks_where_money_goes,
    speaks_of,
)
from flow.graph import ESCALATING
from flow.guards import (
    ASKS_PERSON,
    asks_of_an_unsaid_charge,
    files_complaint,
    listed_instead,
    switchable,
    wants_to_complain,
)
from flow.inline import inline
from flow.models import QuickReply
from flow.policy import Policy
from flow.rules import Rules
from flow.run import Run, Step, current_item
from flow.speech_context import (
    FOLLOW_UP,
    ContextBuilder,
    SharedContexts,
    offers_colleague_for_fact,
    person_refused,
    status_check,
    unanswered,
)
from flow.templates import TemplateBook
from flow.understanding.asides import ASKS_RULES, aside_question
from flow.wording import led_in_hashes, sentence_hashes, sentences_of, without_said
from states import SPECS

__all__ = ["FOLLOW_UP", "Speaker", "sentence_hashes"]

_FRESH_TRIES = 6
_PLAIN_ANSWER_MARGIN = 0.15
"""How much more negative than the anger threshold a plain answer ("no, I don't want credit") must read
before the reply opens with a calm word: its "no" and "don't" pull the score down without upset."""
_RESUMING = frozenset({"answer_policy", "answer_status", "answer_bot", "describe_alternative", "empathize"})
"""Transitions that answer a question and then pick the conversation up again (see ``Speaker._resume``)."""


def _complaint_beside(run: Run) -> bool:
    """Whether the message asked for a request, settled in this reply, and to make a complaint beside it
    ("refund A-1001, and I want to complain about your courier"), which a colleague takes."""
    return run.state == "follow_up" and run.signals.has("request") and wants_to_complain(run)


def _one_closing_question(paragraphs: list[str]) -> None:
    """Leave "anything else?" to the last paragraph of a reply that ends by asking something: a paragraph
    before it that closes with it too ("…I've cancelled it. Is there anything else you need?", then the answer
    to a goodwill ask) drops its own."""
    if len(paragraphs) < 2 or not paragraphs[-1].rstrip().endswith("?"):
        return
    for index, paragraph in enumerate(paragraphs[:-1]):
        if not paragraph.endswith("?") or "anything else" not in paragraph.lower():
            continue
        sentences = sentences_of(paragraph)
        if len(sentences) > 1 and "anything else" in sentences[-1].lower() and sentences[-1].endswith("?"):
            paragraphs[index] = paragraph[: paragraph.rstrip().rfind(sentences[-1])].rstrip()


def _sets_boundary_listening(step: Step) -> bool:
    """Whether the step sets a boundary before a request is decided: the reply goes on to what the request
    still needs ("...keep things respectful. When did you buy it?"), or asks what the customer needs."""
    return step.transition == "abuse_boundary" and step.state == "listening"


_ANSWERING = frozenset({*_RESUMING, "answer_about", "answer_chosen", "not_on_offer", "why"})
"""Transitions whose reply answers a question: a question asked beside it is not answered again."""
_NO_ASIDE_STATES = frozenset({"escalated", "closed", "with_person"})

_NOTHING: dict[str, Any] = {}
_GREETING_READS = frozenset(
    {"company", "agent_name", "customer_name", "request", "request_named", "wished", "continues", "apologized"}
)
"""What a greeting may read and still be remembered: the policy's constants, the request in hand, and what a
conversation opened without a message cannot have (a wish, a request named, another paragraph)."""
_REMEMBERED_GREETINGS = 256
_NAMED = "\ue000"
"""Stands for the customer's name in a greeting remembered for any name: a character no text has."""
_Greeting = tuple[str, tuple[QuickReply, ...], Any]


@dataclass(slots=True)
class _Greetings:
    """Greetings remembered for one template book: the words said by key, and the facts each greeting
    template reads (``None`` for one never remembered)."""

    book: TemplateBook | None
    said: dict[tuple[Any, ...], _Greeting] = field(default_factory=dict)
    reads: dict[str, tuple[str, ...] | None] = field(default_factory=dict)


"""The context of a template that reads no value: never written to."""


_REMEMBERED_HASHES = 1024
"""How many texts' sentence hashes a speaker remembers across turns before it forgets them all."""


class _Hashes(dict[str, list[int]]):
    """The sentence hashes of the texts one turn rendered: each is hashed to pick a fresh variant, and
    again to remember what was said, so the second time is a lookup. Texts hashed in earlier turns (most
    paragraphs are said alike in many conversations) are looked up in ``known``."""

    __slots__ = ("known",)

    def __init__(self, known: dict[str, list[int]]) -> None:
        super().__init__()
        self.known = known

    def __missing__(self, text: str) -> list[int]:
        known = self.known
        hashes = known.get(text)
        if hashes is None:
            if len(known) >= _REMEMBERED_HASHES:
                known.clear()
            hashes = known[text] = sentence_hashes(text)
        self[text] = hashes
        return hashes


class Speaker:
    """Renders a turn: one paragraph for each state entered, then the quick replies of the last one."""

    def __init__(self, policy: Policy, rules: Rules, *, book: TemplateBook | None = None) -> None:
        self._policy = policy
        self._rules = rules
        self._book = book or TemplateBook(policy)
        self._reads: tuple[TemplateBook | None, dict[str, bool]] = (None, {})
        self._alternatives = {name: tuple(request.every_alternative()) for name, request in policy.requests.items()}
        self._hashes: dict[str, list[int]] = {}
        self._greetings = _Greetings(None)
        status = policy.status.say if policy.status is not None else ""
        said = [policy.summary or "", status]
        self._known_answers = " ".join(" ".join(text.split()) for text in said if text and "{" not in text)
        """What the policy says in so many words, for a question asked beside the message's request."""
        self._status_answer = sentences_of(" ".join(status.split()))[0] if status and "{" not in status else None
        """The first sentence of the policy's status answer, for "and when will my refund come?" asked beside."""

    @property
    def _contexts(self) -> ContextBuilder:
        builder: ContextBuilder | None = getattr(self, "_builder", None)
        if builder is None or builder.book is not self._book:
            builder = ContextBuilder(self._policy, self._rules, self._book)
            self._builder = builder
        return builder

    def _reads_context(self, path: str) -> bool:
        """Whether any variant of the template at ``path`` reads a value (most button labels read none)."""
        book, reads = self._reads
        if book is not self._book:
            reads = {}
            self._reads = (self._book, reads)
        found = reads.get(path)
        if found is None:
            # A book that cannot tell (the frozen benchmark baseline's compiles on use) is taken to read values.
            every = getattr(self._book, "every_variable", None)
            found = reads[path] = every is None or bool(every(path))
        return bool(found)

    def follow_up_text(self, run: Run) -> str:
        """The text the customer receives when the follow-up is delivered."""
        return self._contexts.follow_up_text(run)

    def say(self, run: Run) -> tuple[str, list[QuickReply]]:
        """The agent's text for the turn, paragraphs separated by blank lines, and its quick replies."""
        if not run.text and not run.said and len(run.steps) == 1 and run.steps[0].transition == "start":
            return self._greeting(run)
        return self._say(run)

    def _greeting(self, run: Run) -> tuple[str, list[QuickReply]]:
        """The greeting of a conversation opened without a message. It reads only the policy's constants, the
        request in hand and the facts its words name, so it is worked out once for each of those and the
        variant the conversation's seed picks, and remembered; a plain customer name is put into the words
        remembered for any name (what is said is the same, only sooner)."""
        path = self._path(run.steps[0])
        facts = self._greeting_facts(path) if path is not None else None
        if path is None or facts is None:
            return self._say(run)
        name = run.facts.get("customer_name")
        shown = inline(name) if isinstance(name, str) else None
        named = shown is not None and _plain_name(shown)
        item = current_item(run)
        key = (
            path,
            self._book.variant_index(path, f"{run.conversation_id}:{run.turn}"),
            tuple(_NAMED if named and fact == "customer_name" else run.facts.get(fact) for fact in facts),
            None if item is None else (item.name, item.wish),
            run.request,
            run.pending_fact,
            run.state,
        )
        greetings = self._remembered().said
        found = greetings.get(key)
        if found is None:
            said_before = run.said
            if named:
                run.facts["customer_name"] = _NAMED
            try:
                text, buttons = self._say(run)
            finally:
                if named:
                    run.facts["customer_name"] = name
            run.said = said_before
            found = (text, tuple(buttons), run.question)
            if any(_NAMED in b.title or _NAMED in b.payload for b in buttons):
                return self._say(run)
            if len(greetings) >= _REMEMBERED_GREETINGS:
                greetings.clear()
            greetings[key] = found
        text = found[0].replace(_NAMED, shown) if named and shown is not None else found[0]
        run.question = found[2]
        hashed = _Hashes(self._hashes)
        run.said = [*run.said, *(h for part in text.split("\n\n") for h in hashed[part] if h not in run.said)]
        return text, list(found[1])

    def _greeting_facts(self, path: str) -> tuple[str, ...] | None:
        """The facts the greeting at ``path`` reads, in a fixed order; ``None`` when it reads anything else
        that could change from one conversation to the next (the time, what was said), so it is never
        remembered."""
        reads = self._remembered().reads
        if path not in reads:
            every = getattr(self._book, "every_variable", None)
            used: frozenset[str] = every(path) if every is not None else frozenset({"?"})
            known = frozenset(self._policy.facts)
            pure = used <= _GREETING_READS | known
            reads[path] = tuple(sorted((used & known) | {"customer_name"})) if pure else None
        return reads[path]

    def _remembered(self) -> _Greetings:
        """The greetings remembered for the template book in use (a new book starts afresh)."""
        if self._greetings.book is not self._book:
            self._greetings = _Greetings(self._book)
        return self._greetings

    def _say(self, run: Run) -> tuple[str, list[QuickReply]]:
        seed = f"{run.conversation_id}:{run.turn}"
        said = set(run.said)
        hashed = _Hashes(self._hashes)
        shared = SharedContexts()
        paragraphs: list[str] = []
        steps = [step for step in run.steps if step.transition not in SPECS[step.state].silent]
        if run.steps and not steps:
            return "", []
        calm = self._calm(run)
        apologized = calm
        reason_said_before = False
        soothed = ""
        for index, step in enumerate(steps):
            path = self._path(step)
            if path is None or self._offers_person_instead(run, step) or (apologized and step.state == "apologizing"):
                continue
            if reason_said_before and step.state == "apologizing":
                continue
            soothing = ""
            if index == 0 and calm:
                soothing = self._fresh(run, "templates.common.calm", step, seed, said, hashed, shared, continues=True)
            elif index == 0 and self._boundary_first(run):
                # "you're useless, refund A-1501, bought 40 days ago": decided, after the boundary
                soothing = self._fresh(
                    run, "templates.common.boundary", step, seed, said, hashed, shared, continues=True
                )
            text = self._fresh(
                run,
                path,
                step,
                seed,
                said,
                hashed,
                shared,
                continues=index + 1 < len(steps),
                apologized=apologized,
                said_already=bool(paragraphs),
            )
            if text:
                paragraphs.append(text)
                apologized = apologized or _says_sorry(text)
            elif step.state == "explaining" and paragraphs:
                # Back to a request explained earlier in the conversation (another one was taken first): the
                # reason and the apology are not said again, only where the conversation picks up.
                reason_said_before = True
                back = self._fresh(run, "templates.common.back_to", step, seed, said, hashed, shared, continues=True)
                if back:
                    paragraphs.append(back)
            if soothing:
                paragraphs.insert(0 if step.transition != "start" else 1, soothing)
                soothed = soothing
        if steps and not any(paragraph.strip() for paragraph in paragraphs):
            # Everything this reply would say was said before: saying it again beats saying nothing.
            for step in reversed(steps):
                path = self._path(step)
                if path is not None:
                    paragraphs.append(self._fresh(run, path, step, seed, set(), hashed, shared, continues=False))
                    break
        if soothed and _says_sorry(soothed) and any(_says_sorry(p) for p in paragraphs if p is not soothed):
            # The policy's own words say sorry further on ("I'm sorry we sent the wrong item"): once is enough.
            paragraphs.remove(soothed)
        aside = run.signals.slots.get("aside")
        handover = self._contexts.handover_answer(run) if _waiting(run, steps) and paragraphs else None
        if handover is not None and not _already_said(handover, paragraphs):
            paragraphs[-1] = f"{handover} {paragraphs[-1]}"  # "is it safe to keep using it?" while a person comes
        elif aside is not None and paragraphs:
            self._answer_aside(run, aside, steps, paragraphs, seed)
        if paragraphs and _dropped_for_another_address(run):
            # "cancel it. actually no, can you change the address instead?": a colleague is what is left to offer
            paragraphs[-1] = _without_anything_else(paragraphs[-1])
            paragraphs.append(self._book.render("templates.common.other_address_offer", {}, seed=seed))
        elif "other_address" in run.signals.slots and paragraphs and run.state != "escalated" and not _unclear(steps):
            self._say_beside(run, "templates.common.other_address", steps, paragraphs, seed)
        beside = self._request_beyond(run)
        if beside is not None and paragraphs and run.state not in _NO_ASIDE_STATES and not _unclear(steps):
            # "cancel my membership and refund last month" where only cancelling is this policy's: the refund is
            # said to be a colleague's, not silently left
            self._say_beside(run, "templates.common.request_beside", steps, paragraphs, seed, beside_request=beside)
        if paragraphs and _complaint_beside(run):
            # "refund A-1001, and I want to complain about your courier": the request settled, then the complaint
            paragraphs.append(self._book.render("templates.common.complaint_beside", {}, seed=seed))
        _one_closing_question(paragraphs)
        # What the agent asks is judged by what was said before this reply.
        run.question = self._question(run)
        said_now = (h for p in paragraphs for h in (*hashed[p], *led_in_hashes(p)))
        run.said = [*run.said, *(h for h in dict.fromkeys(said_now) if h not in run.said)]
        last = steps[-1] if steps else None
        parts = (part.strip() for paragraph in paragraphs for part in paragraph.split("\n\n"))
        return "\n\n".join(part for part in parts if part), self._buttons(
            run, _Later(self._contexts, run, last, shared), seed
        )

    def _answer_aside(self, run: Run, aside: str, steps: list[Step], paragraphs: list[str], seed: str) -> None:
        """Answer a question the customer asked beside what the message did ("refund please, and how long
        will it take?") in the last paragraph, before the agent's own question: with the sentence of the
        policy's summary or status that answers it, or by saying it cannot be answered here. Not when the
        reply already answers a question, or a person is taking over; while the customer waits for one, a
        question about the rules is answered before the waiting reply."""
        waiting = _waiting(run, steps)
        if (run.state in _NO_ASIDE_STATES and not waiting) or any(step.transition in _ANSWERING for step in steps):
            return
        found = self._aside_answer(run, aside)
        if found is None and aside.startswith(ASKS_RULES) and not asks_of_an_unsaid_charge(run, self._rules):
            return  # a question about the rules that no sentence answers is left to the reply itself
        if found is None and (_unclear(steps) or run.state == "listening") and unanswered(run, self._rules):
            return  # the reply already says what it cannot help with, and offers a colleague for it
        if found is None and "other_address" in run.signals.slots:
            return  # "can I change the address instead?" is answered by what is said of other addresses
        # "where's my refund for A-3030?" asks after another order, which what the reply says of this one
        # does not answer
        another_order = run.signals.has("ask_status") and any(c.isdigit() for c in aside)
        if found is not None and not another_order and _already_said(found, paragraphs):
            return  # "how long will a refund take?" beside a refund started "within 5 working days"
        if found is not None and another_order:
            found = _without_brackets(found)  # said beside what was done for this order: the gist is enough
        path = "templates.escalated.aside" if waiting else "templates.common.aside"
        context = self._contexts.context(run, self._book.variables(path, seed=seed), steps[-1] if steps else None)
        context["aside_answer"] = found
        text = self._book.render(path, context, seed=seed)
        if not text:
            return
        if waiting:
            paragraphs[-1] = f"{text} {paragraphs[-1]}"  # the answer first, then where the customer stands
            return
        paragraphs[-1] = _before_the_question(paragraphs[-1], text)

    def _say_beside(
        self, run: Run, path: str, steps: list[Step], paragraphs: list[str], seed: str, **told: str
    ) -> None:
        """Add what ``path`` says to the last paragraph, before the agent's own question: what the reply cannot
        do of what the message also asked ("send it to my mum's address")."""
        context = self._contexts.context(run, self._book.variables(path, seed=seed), steps[-1] if steps else None)
        context.update(told)
        text = self._book.render(path, context, seed=seed)
        if text:
            paragraphs[-1] = _before_the_question(paragraphs[-1], text)

    def _request_beyond(self, run: Run) -> str | None:
        """The kind of request the message asks for beside one the policy handles, or beside an offer taken,
        when the policy handles no request of that kind ("refund" in "cancel my membership and refund last
        month" to a gym that only cancels; "cancel" in "ok the pause, and cancel auto-renew please")."""
        requests = [act.target for act in run.signals.acts if act.kind == "request" and act.target and not act.negated]
        policy = self._rules.policy
        handled = [kind for kind in requests if policy.request_for(f"request_{kind}") is not None]
        chose = any(act.kind == "choose" and not act.negated for act in run.signals.acts)
        return next((kind for kind in requests if kind not in handled), None) if handled or chose else None

    def _aside_answer(self, run: Run, aside: str) -> str | None:
        """The sentence that answers an aside question: from the details of the offer it asks about (as the
        request it was taken for words them), or from what the policy says of its rules; ``None`` when
        nothing the policy says answers it."""
        read = aside_question(aside)
        if read is None:
            return None
        if read.offer is None:
            if run.signals.has("ask_status") and self._status_answer:
                return self._status_answer  # "and where's my other refund?": what the policy says of that
            if not self._known_answers:
                return None
            question = WHERE_MONEY_GOES if asks_where_money_goes(read.words) else read.words
            return answering_sentence(self._known_answers, question, about=run.request)
        item = current_item(run) or (run.agenda[-1] if run.agenda else None)
        own = self._alternatives[item.name] if item is not None else ()
        every = (a for each in (own, *self._alternatives.values()) for a in each)
        alternative = next((a for a in every if a.id == read.offer), None)
        if alternative is None:
            return None
        if run.state == "offering_alternatives" and item is not None and read.offer not in item.offered:
            # "how does store credit work? my kettle stopped working 3 months ago": a repair is what is offered
            called = alternative.name or alternative.title.lower()
            return f"I'm afraid the {called} isn't one of the options here."
        details = alternative.details
        if not details:
            # "for how long can I freeze?" of "a free freeze of up to three months": its words are all there is
            if answers_topic(alternative.text, read.words):
                return f"It's {alternative.text}."
            return f"All I can tell you here is that it's {alternative.text}." if read.surely else None
        found = answer_in(details, read.words)  # "how long will I be without them?" of a repair "within 14 days"
        return found or (" ".join(details.split()) if read.surely and speaks_of(details, read.words) else None)

    def _offers_person_instead(self, run: Run, step: Step) -> bool:
        """After the third "why?", the offer of a person ends the reply; the offer on the table waits."""
        return step.transition.startswith("resume_") and run.counters.clarifications >= ASKS_PERSON

    def _path(self, step: Step) -> str | None:
        spec = SPECS[step.state]
        key = spec.key_for(step.transition)
        if not key:
            return None
        area = step.state if key in spec.templates else "common"
        return f"templates.{area}.{key}"

    def _boundary_first(self, run: Run) -> bool:
        """Whether an abusive message was answered on its merits rather than by the boundary alone, so the
        reply opens with the boundary."""
        taken = {step.transition for step in run.steps}
        return run.signals.abusive and not taken & {"abuse_boundary", "abuse_close"} and run.state != "closed"

    def _calm(self, run: Run) -> bool:
        """Whether the reply opens with a calm word: the message is upset, not merely a firm "no" to an offer,
        or asks for an apology."""
        upset = self._policy.escalation.anger_threshold
        if "apology" in run.signals.slots and not run.signals.abusive and run.state != "closed":
            return not {step.transition for step in run.steps} & {*ESCALATING, "empathize"}  # "I want an apology"
        if run.signals.sentiment > upset:
            return False  # the margin below only lowers the bar, so most messages are settled here
        names = {step.transition for step in run.steps}
        if _answers_only(run) and not (run.signals.has("complain") or run.signals.irony or run.signals.profanity):
            upset -= _PLAIN_ANSWER_MARGIN
        return (
            run.signals.sentiment <= upset
            and not run.signals.abusive
            and not names & ESCALATING
            and "empathize" not in names
            and run.state != "closed"
        )

    def _fresh(
        self,
        run: Run,
        path: str,
        step: Step,
        seed: str,
        said: set[int],
        hashed: _Hashes,
        shared: SharedContexts,
        *,
        continues: bool,
        apologized: bool = False,
        said_already: bool = False,
    ) -> str:
        """The first variant of ``path`` (in this turn's order) whose sentences were not said before; when
        every variant repeats something, the one that repeats least, without the statements already made.

        ``apologized`` tells the template that the reply already opens with a calm word, so it need not
        say sorry a second time. A paragraph that would only repeat is left out when another paragraph of
        the reply comes before it (``said_already``) or after it (``continues``).
        """
        best: tuple[str, int] | None = None
        for variant_seed in self._seeds(path, seed):
            needed = self._book.variables(path, seed=variant_seed)
            if step.transition in _RESUMING or _sets_boundary_listening(step):
                # The sentence that picks the conversation up reads the outer context (the offer on the table).
                needed = needed | {"resume"}
            context = self._contexts.context(run, needed, step, shared=shared)
            context["continues"] = continues
            context["said_already"] = said_already
            context["apologized"] = apologized
            if "resume" in needed:
                context["resume"] = self._resume(run, step, context, variant_seed, shared, said)
            text = self._book.render(path, context, seed=variant_seed)
            hashes = hashed[text]
            repeated = len(said.intersection(hashes))
            if not repeated:
                said.update(hashes)
                return text
            if best is None or repeated < best[1]:
                best = (text, repeated)
        text = without_said(best[0], said, keep_whole=not (continues or said_already)) if best is not None else ""
        if path.endswith(".about") and text and _only_asks(text):
            # Every sentence of the answer was said before: say so, rather than only asking again.
            nothing = self._fresh(
                run, "templates.common.nothing_more", step, seed, said, hashed, shared, continues=True
            )
            text = f"{nothing} {text}" if nothing else text
        said.update(hashed[text])
        return text

    def _seeds(self, path: str, seed: str) -> Iterator[str]:
        """The seeds to try for ``path``: the turn's own first, then one for each other variant."""
        yield seed
        each = getattr(self._book, "variant_seeds", None)
        if each is None:
            # A book that cannot list its variants (the frozen benchmark baseline) is tried with other seeds.
            yield from (f"{seed}/{attempt}" for attempt in range(1, _FRESH_TRIES))
        else:
            yield from each(path, seed)[1:]

    def _resume(
        self, run: Run, step: Step, context: dict[str, Any], seed: str, shared: SharedContexts, said: set[int]
    ) -> str | None:
        """The sentence that picks the conversation up again after answering a question, in words not said
        before when the policy has some."""
        if step.transition not in _RESUMING and not _sets_boundary_listening(step):
            return None
        key = {
            "offering_alternatives": "resume_offer",
            "compensation": "resume_compensation",
            "follow_up": "resume_satisfaction"
            if run.question == "satisfaction" and not run.signals.has("affirm")  # "yes thanks. and when…?"
            else "resume_follow_up",
            "escalated": "resume_waiting",
        }.get(step.state)
        if key is None:
            key = "resume_fact" if run.pending_fact else ("resume_request" if run.request is None else None)
            if key == "resume_fact" and _sets_boundary_listening(step):
                key = "next_fact"  # nothing was answered first: the question is asked, not come back to
        if key is None:
            return None
        path = f"templates.common.{key}"
        first = ""
        for variant_seed in self._seeds(path, seed):
            needed = self._book.variables(path, seed=variant_seed)
            if needed - set(context) or "offered" in needed:
                inner = self._contexts.context(run, needed, step, shared=shared)
            else:
                inner = context
            text = self._book.render(path, inner, seed=variant_seed)
            if not said.intersection(sentence_hashes(text)):
                return text
            first = first or text
        return first

    def _question(self, run: Run) -> Any:
        if not run.steps:
            return run.question
        last = run.steps[-1]
        if last.transition in ("unclear", "ask_request") and person_refused(run):
            return "anything_else"
        if last.transition in ("unclear", "ask_request") and (
            run.counters.unclear >= ASKS_PERSON
            or (last.state == "listening" and files_complaint(run))
            or (
                (last.state == "listening" or last.state == "follow_up" and run.signals.language is None)
                and run.counters.unclear <= 2
                and unanswered(run, self._rules)
            )
            or (run.signals.language is not None and run.counters.unclear > 1)
        ):
            return "person"
        if last.transition == "refer_request":
            return "person"
        if last.transition == "empathize" and last.state == "follow_up" and files_complaint(run):
            return "person"  # "I also want to complain about your courier", once the request is settled
        if _complaint_beside(run):
            return "person"
        if any(step.transition == "why" for step in run.steps) and run.counters.clarifications >= ASKS_PERSON:
            return "person"
        if last.transition == "answer_status" and status_check(run, self._policy):
            return "person"
        if last.transition == "ask_fact" and offers_colleague_for_fact(run, self._policy):
            return "person"
        if last.transition == "drop_request":
            return "person" if _dropped_for_another_address(run) else "anything_else"
        if last.state == "follow_up":
            # A side question answered at the check-in ("who is this?") leaves the check-in's question open.
            kept = run.question == "satisfaction" and last.transition in _RESUMING
            return "satisfaction" if last.transition == "check_in" or kept else "anything_else"
        if last.state == "listening" and run.request is None and run.pending_fact is None:
            return "request"
        return None

    def _buttons(self, run: Run, later: _Later, seed: str) -> list[QuickReply]:
        if not run.steps or run.state == "closed":
            return []
        last = run.steps[-1]
        kind: str = SPECS[last.state].buttons_for(last.transition)

        def label(key: str) -> str:
            path = f"templates.common.{key}"
            # A label that no variant reads anything into needs no context worked out for it.
            context = later.context if self._reads_context(path) else _NOTHING
            return self._book.render(path, context, seed=seed)

        if run.question == "person":
            return [
                payloads.button(label("button_person"), payloads.PERSON),
                payloads.button(label("button_no"), payloads.REJECT),
            ]
        named = run.signals.slots.get("which_order")
        pending = self._policy.facts.get(run.pending_fact or "")
        if named and run.state == "listening" and pending is not None and pending.kind == "order_id":
            # "Which order would you like me to look at: A-7373 or A-7374?": each one a button.
            return [payloads.button(order, f"{payloads.FACT}{run.pending_fact}={order}") for order in named.split()]
        if kind == "repair":
            kind = {"listening": "requests", "compensation": "yes_no"}.get(last.state, "alternatives")
        item = current_item(run)
        if kind == "alternatives" and item is not None:
            on_offer = [o for o in item.offered if o not in item.rejected]
            offered = [
                payloads.button(a.title, payloads.ALTERNATIVE + a.id)
                for a in self._alternatives[item.name]
                if a.id in on_offer
            ]
            return [*offered, payloads.button(label("button_reject"), payloads.REJECT)] if offered else []
        if kind == "yes_no":
            if last.state == "listening":
                pending = self._policy.facts.get(run.pending_fact or "")
                if pending is None or pending.kind != "yes_no":
                    return []
                return [
                    payloads.button(label("button_yes"), payloads.ACCEPT),
                    payloads.button(label("button_no"), payloads.REJECT),
                ]
            return [
                payloads.button(label("button_accept"), payloads.ACCEPT),
                payloads.button(label("button_reject"), payloads.REJECT),
            ]
        if kind == "callback" and self._contexts.offer_callback(run):
            return [
                payloads.button(label("button_callback"), payloads.ACCEPT),
                payloads.button(label("button_reject"), payloads.REJECT),
            ]
        if kind == "satisfaction":
            return [
                payloads.button(label("button_satisfied"), payloads.ACCEPT),
                payloads.button(label("button_unsatisfied"), payloads.REJECT),
            ]
        if kind == "switch":
            # "Would you rather have one of these than a refund?": each one a button, and done with it all.
            open_ = switchable(run.agenda) or listed_instead(run.agenda, run.focus, self._policy)
            every = (a for each in self._alternatives.values() for a in each)
            titles = {a.id: a.title for a in every if a.id in open_}
            switches = [
                payloads.button(titles[offer], payloads.ALTERNATIVE + offer) for offer in open_ if offer in titles
            ]
            return [*switches, payloads.button(label("button_done"), payloads.DONE)]
        if kind in ("done", "switch"):
            return [payloads.button(label("button_done"), payloads.DONE)]
        if kind == "requests" and run.request is None:
            return [
                payloads.button(r.title[:1].upper() + r.title[1:], payloads.REQUEST + n)
                for n, r in self._policy.requests.items()
            ]
        return []


class _Later:
    """The context the buttons are labelled with, worked out only when a turn shows buttons."""

    __slots__ = ("_builder", "_context", "_run", "_shared", "_step")

    _NEEDED = frozenset({"callback", "in_hours", "offered", "offer_callback"})

    def __init__(self, builder: ContextBuilder, run: Run, step: Step | None, shared: SharedContexts) -> None:
        self._builder = builder
        self._run = run
        self._step = step
        self._shared = shared
        self._context: dict[str, Any] | None = None

    @property
    def context(self) -> dict[str, Any]:
        """The context of the turn's last step."""
        if self._context is None:
            self._context = self._builder.context(self._run, self._NEEDED, self._step, shared=self._shared)
        return self._context


def _plain_name(name: str) -> bool:
    """Whether ``name`` can be put into a remembered greeting as it is: words of letters only, with single
    spaces or hyphens between (a name with digits or marks is rendered with the greeting itself)."""
    return all(part.isalpha() for part in name.replace("-", " ").split(" "))


def _says_sorry(text: str) -> bool:
    """Whether agent text already apologises, so the reply need not say sorry again."""
    lowered = text.lower()
    return "sorry" in lowered or "apologi" in lowered


def _only_asks(text: str) -> bool:
    """Whether ``text`` is nothing but questions ("So, would you like it?")."""
    marked = " ".join(text.split()).replace(". ", ".\n").replace("! ", "!\n").replace("? ", "?\n")
    return all(sentence.endswith("?") for sentence in marked.split("\n") if sentence)


def _answers_only(run: Run) -> bool:
    """The message only answers what is on offer or asked (choices, refusals, yes and no, facts), or asks
    for something plainly: what went wrong with an order reads negative without the customer being upset."""
    acts = run.signals.acts
    return bool(acts) and all(a.kind in _PLAIN_KINDS for a in acts)


_PLAIN_KINDS = frozenset({"choose", "reject", "affirm", "deny", "provide", "thank", "request"})


def _dropped_for_another_address(run: Run) -> bool:
    """Whether the customer dropped their request for a change of address, which only a colleague makes."""
    return bool(run.steps) and run.steps[-1].transition == "drop_request" and "other_address" in run.signals.slots


def _without_anything_else(paragraph: str) -> str:
    """``paragraph`` without a closing "is there anything else…?", for a reply that asks something else."""
    sentences = sentences_of(paragraph)
    if len(sentences) > 1 and "anything else" in sentences[-1].lower() and sentences[-1].endswith("?"):
        cut = paragraph.rstrip().rfind(sentences[-1])
        return paragraph[:cut].rstrip() if cut > 0 else paragraph
    return paragraph


def _before_the_question(paragraph: str, text: str) -> str:
    """``paragraph`` with ``text`` said before the first question the agent asks in it, or at its end."""
    sentences = sentences_of(paragraph)
    asking = next((i for i, sentence in enumerate(sentences) if sentence.endswith("?")), None)
    if asking is None:
        return f"{paragraph} {text}"
    return " ".join([*sentences[:asking], text, *sentences[asking:]])


def _without_brackets(sentence: str) -> str:
    """``sentence`` without what it says in brackets: "A refund reaches your card within 5 working days of being
    approved (for a return, of the parcel reaching us)" without the part about returns."""
    kept: list[str] = []
    depth = 0
    for char in sentence:
        depth += char == "("
        if depth == 0:
            kept.append(char)
        depth -= char == ")" and depth > 0
    return " ".join("".join(kept).replace(" ,", ",").split())


def _unclear(steps: list[Step]) -> bool:
    """Whether the reply is the one for a message not understood, which words a change of address itself."""
    return bool(steps) and steps[-1].transition == "unclear"


def _waiting(run: Run, steps: list[Step]) -> bool:
    """Whether the reply only tells a customer waiting for a person where they stand."""
    return run.state == "escalated" and [step.transition for step in steps] == ["waiting"]


def _already_said(answer: str, paragraphs: list[str]) -> bool:
    """Whether the reply already says what an answer would: four words of it in a row, as in "within 5
    working days" said by both, not only short common ones ("is on its way")."""
    shared = _runs_of_four(" ".join(paragraphs)) & _runs_of_four(answer)
    return any(any(len(word) > _SHORT_WORD or any(c.isdigit() for c in word) for word in run) for run in shared)


_SHORT_WORD = 4
"""Runs of only words this short ("is on its way") are too common to show an answer was said."""


def _runs_of_four(text: str) -> set[tuple[str, ...]]:
    words = [word.strip(".,;:!?()\"'").lower() for word in text.split()]
    return set(zip(words, words[1:], words[2:], words[3:], strict=False))
