"""The values a turn's templates read: the policy's words, the facts, and what each step was about.

A turn may speak of more than one request (one approved, the next looked at), so each paragraph gets
the context of the request its step was about. Only what a template reads is worked out: reasons,
offers and approvals are templates themselves, and most turns need few of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flow.answers import (
    WHERE_MONEY_GOES,
    answer_in,
    answer_sharing_words,
    answering_sentence,
    answers_to_each,
    answers_topic,
    asks_where_money_goes,
    first_sentence_about,
    names_subject,
    speaks_of,
)
from flow.guards import (
    EARLIER_ONES as _ELSEWHERE,
)
from flow.guards import (
    asks_of_an_unsaid_charge,
    files_complaint,
    handed_over,
    open_before_handoff,
    unhandled_request,
    unoffered,
)
from flow.inline import inline
from flow.models import AgendaItem, ScheduleCallback, Span
from flow.policy import Alternative, Policy, RequestPolicy
from flow.reading import CALLBACK
from flow.rules import Decision, Rules
from flow.run import Run, Step, current_item
from flow.templates import CONTEXT_VARIABLES, TemplateBook
from flow.understanding.asides import asks_if_settled
from flow.understanding.languages import ONLY_ENGLISH, PASS_TO_A_PERSON
from flow.wording import (
    GREETING_WORDS,
    delay_phrase,
    greets_only,
    human_list,
    moment_phrase,
    opening_hours,
    sentence_hashes,
    sentences_of,
    span_phrase,
)

FOLLOW_UP = "follow_up.text"
_RATIONALE_LEVEL = 2
"""The "why?" asked this many times before gets the reason behind the rule, when the policy gives one."""
_DECISION_WORDS = frozenset({"reason", "clearer_reason", "rationale", "exception", "exception_text", "reason_unsaid"})
_REASON_WORDS = _DECISION_WORDS - {"exception"}
"""The words that explain a decision, each a policy text rendered only for a context that reads it."""
_OFFER_WORDS = frozenset({"offered", "several", "choices"})
_DECISION_READS = _DECISION_WORDS | _OFFER_WORDS | {"approval", "details", "about", "chosen", "replaced", "resume"}
"""What a context takes from the decision on its request: one for a template that reads none of these leaves the
decision out. The policy's own words are rendered inside a context only where it reads them (a reason, the follow-up
text), or before the decision (the compensation offer); the sentence that resumes after an answer may be rendered
with the answer's context, hence ``resume``; buttons are labelled with a context that reads ``offered``."""


_COMPENSATION_READS = frozenset({"compensation", "resume"})
"""What has the compensation offer rendered into a context: the sentence that resumes may read it too."""

_MOVES_ON = frozenset({"next_request", "accept_and_continue", "approve_and_continue"})
"""Transitions that settle one request and move on to the next: their words name the next one."""

_PER_PARAGRAPH = frozenset({"compensation", "callback_when", "approval"})
"""What one paragraph's context may hold, before its reasons are said, that another's about the same request may not."""

_UPSET = -0.3
"""Sentiment at or below which a message reads as something having gone wrong, worth a "sorry"."""

_NOT_HARD = frozenset({"moving", "away", "promised"})
"""Circumstances that explain rather than call for sympathy: a move, a time away, a promise made."""

_ON_REQUEST = frozenset({"check", "status_text"})
"""Values worked out only for a template that reads them: each looks at what was said before, and only the
answer to a question about a request under way reads them."""


_FACT_ASKED = frozenset(
    {
        "given",
        "queued",
        "question",
        "question_inline",
        "asked_before",
        "narrowing",
        "arrived_only",
        "hint",
        "not_known",
        "asked_back",
        "colleague_declined",
        "offer_colleague",
    }
)
"""Whether a fact was just given, what waits behind the request, and how the fact still missing is asked for."""
_GROUPS: dict[str, frozenset[str]] = {
    "said": frozenset(
        {
            "complained",
            "thanked",
            "insisted",
            "affirmed",
            "remark",
            "said_sorry",
            "bot_asked",
            "person_refused",
            "someone_else_bought",
            "questioned",
            "acknowledged",
            "asked_for_all",
            "apology_asked",
            "turned_down",
            "told_only",
        }
    ),
    "in_hours": frozenset({"in_hours"}),
    "offer_callback": frozenset({"offer_callback"}),
    "check": frozenset({"check"}),
    "status_text": frozenset({"status_text"}),
    "unanswered": frozenset({"unanswered", "announced", "other_address"}),
    "fact_hint": frozenset({"fact_hint"}),
    "files_complaint": frozenset({"files_complaint"}),
    "trouble_told": frozenset({"trouble_told", "hard_times", "circumstance_told", "loss_told"}),
    "wished": frozenset({"wished"}),
    "variant": frozenset({"variant"}),
    "more_asked": frozenset({"more_asked"}),
    "covered": frozenset({"covered"}),
    "unoffered": frozenset({"unoffered"}),
    "only_refused": frozenset({"only_refused"}),
    "chosen_waiting": frozenset({"chosen_waiting"}),
    "wanted_waiting": frozenset({"wanted_waiting"}),
    "summary": frozenset({"summary", "rules_told"}),
    "request_named": frozenset({"request_named"}),
    "request_assumed": frozenset({"request_assumed"}),
    "order_put_right": frozenset({"order_put_right"}),
    "fact_put_right": frozenset({"fact_put_right"}),
    "second_best": frozenset({"second_best"}),
    "chosen_named": frozenset({"chosen_named"}),
    "repeated": frozenset({"repeated", "pressed"}),
    "asked_when": frozenset({"asked_when", "callback_when", "call_moved"}),
    "asking": _FACT_ASKED,
}
"""The values of a base worked out only for a context that reads them, in groups worked out together, each by
the variables that need it (``callback_when`` is said only when the customer asked when)."""


class SharedContexts:
    """What the paragraphs of one turn have in common, worked out once for each request they speak of:
    the context before what a template alone needs, and the decision on the request.

    Made for one rendering of a turn, while the working conversation holds still (saying a turn only
    records what was said and the question asked, which no context reads).
    """

    __slots__ = ("bases", "decisions", "filled", "on_request", "reasons")

    def __init__(self) -> None:
        self.bases: dict[int, dict[str, Any]] = {}
        self.filled: dict[int, set[str]] = {}
        self.decisions: dict[int, tuple[Decision, str | None, str | None]] = {}
        self.reasons: dict[int, dict[str, Any]] = {}
        self.on_request: dict[str, Any] = {}


class ContextBuilder:
    """Builds template contexts for one policy."""

    def __init__(self, policy: Policy, rules: Rules, book: TemplateBook) -> None:
        self._policy = policy
        self._rules = rules
        self.book = book
        self._request_facts = policy.request_facts()
        self._conditions = tuple(name for name, spec in policy.facts.items() if spec.kind == "condition")
        self._constants = self._constant_context()
        self._alternatives = {name: tuple(request.every_alternative()) for name, request in policy.requests.items()}
        self._standing = {name: [a.id for a in request.alternatives] for name, request in policy.requests.items()}
        self._alternative_paths = {name: _alternative_paths(name, request) for name, request in policy.requests.items()}
        self._turn_only: dict[tuple[str, int | None, int | None], bool] = {}
        inside = _read_inside(book, _ON_REQUEST | _REASON_WORDS)
        self._on_request = _ON_REQUEST - inside
        self._reasons_inside = _REASON_WORDS & inside
        self._always, self._resuming = _read_by_others(book)
        self._groups: dict[frozenset[str], frozenset[str]] = {}

    def _constant_context(self) -> dict[str, Any]:
        policy = self._policy
        context: dict[str, Any] = dict.fromkeys(CONTEXT_VARIABLES)
        context.update(dict.fromkeys(policy.facts))
        context.update(
            company=policy.company,
            agent_name=policy.agent_name,
            requests=human_list([r.title for r in policy.requests.values()]),
            several=False,
            continues=False,
            apologized=False,
            complained=False,
            replaced=None,
            noted_for=None,
            put_off=None,
            queued=None,
            given=False,
            trouble_told=False,
            loss_told=False,
            hard_times=False,
            wished=None,
            variant=None,
            more_asked=False,
            covered=None,
            request_named=False,
            request_assumed=False,
            asked_for_all=False,
            apology_asked=False,
            turned_down=False,
            order_put_right=False,
            fact_put_right=False,
            reason_unsaid=False,
            second_best=False,
            chosen_named=False,
            insisted=False,
            files_complaint=False,
            offered_anyway=False,
            asked_when=False,
            narrowing=False,
            arrived_only=False,
            thanked=False,
            exception=False,
            level=0,
            why_level=0,
            follow_up_when=delay_phrase(policy.follow_up.delay_hours),
            follow_up_hours=policy.follow_up.delay_hours,
            handoff_hours=opening_hours(policy.escalation.handoff.hours),
            callback=policy.escalation.handoff.callback,
            summary=policy.summary,
            status_text=policy.status.say if policy.status else None,
            check=policy.status.handoff if policy.status else False,
        )
        return context

    def follow_up_text(self, run: Run) -> str:
        """The text the customer receives when the follow-up is delivered: about the request this turn
        settled, by its plain title (the template names its order)."""
        needed = self.book.variables(FOLLOW_UP, seed=run.conversation_id)
        item = run.settled[-1] if run.settled else None
        step = Step("schedule_follow_up", run.state, item) if item is not None else None
        context = self.context(run, needed, step)
        if item is not None and context.get("request") is not None:
            context["request"] = self._policy.requests[item.name].title
            context = _named_for_follow_up(item, context)
        return self.book.render(FOLLOW_UP, context, seed=run.conversation_id)

    def context(
        self, run: Run, needed: frozenset[str], step: Step | None, *, shared: SharedContexts | None = None
    ) -> dict[str, Any]:
        """The context for one paragraph: the turn's, narrowed to the request ``step`` was about.

        ``shared`` keeps what the paragraphs of one turn have in common (see :class:`SharedContexts`).
        """
        policy = self._policy
        item = step.item if step is not None and step.item is not None else current_item(run)
        if step is not None and step.transition == "next_request":
            item = current_item(run) or item  # "Now let's look at order A-3333": the request taken up next
        if item is None and run.agenda:
            # the last request still standing: one let go ("forget cancelling it") is no reply's subject
            item = next((each for each in reversed(run.agenda) if each.status != "dropped"), run.agenda[-1])
        groups = self._groups.get(needed)
        if groups is None:
            groups = self._groups[needed] = self._groups_for(needed)
        if shared is None:
            context = self._base(run, item)
            if groups:
                self._fill(run, item, context, groups)
        else:
            base = shared.bases.get(id(item))
            if base is None:
                base = shared.bases[id(item)] = self._base(run, item)
                shared.filled[id(item)] = set()
            filled = shared.filled[id(item)]
            if not groups <= filled:
                self._fill(run, item, base, groups - filled)
                filled |= groups
            context = base.copy()
        if policy.compensation is not None and not needed.isdisjoint(_COMPENSATION_READS):
            context["compensation"] = self.book.render("compensation.offer", context)
        if "settled_before" in needed:
            # "cancel A-1111 and A-2222": the second approval is not news the way the first one was.
            before = run.steps[: run.steps.index(step)] if step is not None and step in run.steps else []
            context["settled_before"] = any(s.transition in _SETTLES_AND_GOES_ON for s in before)
        if "upset_before" in needed:
            # "I'm so angry right now…" then "last week": the approval that follows is no "good news" to them
            context["upset_before"] = run.counters.anger > 0
        if context.get("trouble_told") and step is not None and step.state == "listening" and _nothing_to_regret(run):
            context["trouble_told"] = False  # "I'm travelling" is thanked for later, not met with "I'm sorry"
        if context.get("wished") and step is not None and step.transition != "start" and _greeted(run):
            context["wished"] = None  # the greeting of this reply named it already
        if "callback_when" in needed and (run.outcome == "callback_scheduled" or context.get("asked_when")):
            booked = next((a.at for a in run.actions if isinstance(a, ScheduleCallback)), None)
            if booked is not None and booked <= run.now:
                context["callback_when"] = "as soon as one is free"
            else:
                context["callback_when"] = moment_phrase(booked or self._rules.next_opening(run.now), run.now)
        if not needed.isdisjoint(self._on_request):
            self._add_on_request(run, needed, context, shared)
        if item is not None and not needed.isdisjoint(_DECISION_READS):
            self._add_decision(run, item, context, needed, shared)
        if step is not None and step.transition in _MOVES_ON and (following := _moved_on_to(run, item)) is not None:
            context["request"] = self._title(run, following)
        if step is not None and step.transition == "describe_alternative":
            self._add_described(run, context)
        if step is not None and step.transition == "refer_request":
            context["beside_request"] = unhandled_request(run, self._policy)
        if "follow_up_text" in needed:
            inner = self.book.variables(FOLLOW_UP, seed=run.conversation_id)
            if inner - needed:
                context = self.context(run, needed | inner, step, shared=shared)
            told = _named_for_follow_up(item, context) if item is not None else context
            context["follow_up_text"] = self.book.render(FOLLOW_UP, told, seed=run.conversation_id)
        return context

    def _groups_for(self, needed: frozenset[str]) -> frozenset[str]:
        """The groups of base values (see :data:`_GROUPS`) a context that reads ``needed`` has worked out."""
        groups = {name for name, keys in _GROUPS.items() if name in self._always or not needed.isdisjoint(keys)}
        if "resume" in needed:
            groups |= self._resuming
        return frozenset(groups)

    def _add_described(self, run: Run, context: dict[str, Any]) -> None:
        """The alternative asked about before anything was offered, with what to say about it."""
        asked = [a.target for a in run.signals.acts if a.kind == "ask_about"]
        every: dict[str, Alternative] = {}
        for alternatives in self._alternatives.values():
            for alternative in alternatives:
                every.setdefault(alternative.id, alternative)  # as the first request that offers it words it
        compared = [every[target] for target in dict.fromkeys(asked) if target in every]
        if len(compared) > 1:
            # "What's the difference between store credit and an exchange?": each under its title.
            context["about"] = human_list([_in_sentence(a) for a in compared], conjunction="or the")
            context["details"] = " ".join(f"{a.title}: {_details(a)}" for a in compared)
        elif compared:
            context["about"] = _in_sentence(compared[0])
            context["details"] = _fresh_details(compared[0], set(run.said), run.text)
        item = current_item(run)
        context["also_possible"] = None
        if item is not None and compared and not context.get("resume"):
            decision = self._rules.decide(item.name, self._facts_for(run, item), wish=item.wish)
            if decision.verdict == "approve":
                # "do you do exchanges? the zip broke, bought 3 weeks ago": either is open, so which is asked
                context["also_possible"] = self._title(run, item)

    def _wished(self, run: Run, item: AgendaItem | None) -> str | None:
        """How the alternative the customer asked for by name in this message is said in a sentence ("send a
        new one" names the replacement too)."""
        named = {a.target for a in run.signals.acts} | set(run.signals.slots.get("also_wished", "").split())
        if item is None or item.wish not in named:
            return None
        found = self._wish_of(item)
        return _in_sentence(found) if found is not None else None

    def _wish_of(self, item: AgendaItem | None) -> Alternative | None:
        """The alternative the customer asked for before anything was offered, if any."""
        if item is None or item.wish is None:
            return None
        return _find(self._alternatives[item.name], item.wish)

    def _unoffered(self, run: Run) -> str | None:
        """How the alternative the customer asked for, that this request cannot have, is said in a sentence."""
        wanted = unoffered(run, self._rules)
        if wanted is None and run.state == "follow_up" and any(s.transition == "anything_else" for s in run.steps):
            # "can I just change the colour instead?" once the cancellation is done: nothing took it up
            known = self._rules.alternative_ids
            wanted = next(
                (a.target for a in run.signals.acts if a.kind == "choose" and not a.negated and a.target in known),
                None,
            )
        if wanted is None:
            return None
        found = next((a for each in self._alternatives.values() for a in each if a.id == wanted), None)
        return _in_sentence(found) if found is not None else None

    def _summary_answer(self, run: Run, item: AgendaItem | None) -> str | None:
        """The policy's summary as the answer to the question asked: the one sentence of it that answers a
        question about one thing ("can I cancel an order after it's shipped?", "how long do refunds take?"),
        the whole of it for a question about the rules in general ("what's your returns policy?"). A question
        that names nothing ("how long will it take?") beside an alternative the customer asked for is about
        that alternative."""
        summary = self._policy.summary
        if summary is None:
            return None
        lowered = run.text.lower()
        if any(words in lowered for words in _GENERAL_QUESTIONS):
            return summary
        each = answers_to_each(summary, run.text)
        if each is not None:
            return each  # "how long do refunds take? and is return postage free?": each answered
        status = self._policy.status.say if self._policy.status is not None else None
        if status and "{" not in status and asks_where_money_goes(run.text):
            # "can it go to my PayPal?": where a refund goes may be said with the status rather than the rules
            found = answering_sentence(f"{summary} {status}", WHERE_MONEY_GOES)
            if found is not None:
                return found
        if any(words in lowered for words in _WHEN_IT_COMES):
            wished = self._wished_details(item, run.text)
            if wished is not None:  # "how soon would it get here?" beside a replacement asked for: when that comes
                return _mentioned(wished) if set(sentence_hashes(wished)) <= set(run.said) else wished
        answer = answering_sentence(summary, run.text)
        if any(words in lowered for words in _HOW_LONG):
            said = set(lowered.replace("?", " ").split())
            # "how long do I have?" names nothing; "how long do I have to return it?" names the returns window
            if answer is None or (_TAKING.isdisjoint(said) and _RETURNING.isdisjoint(said)):
                wished = self._wished_details(item, run.text)
                if wished is None and item is not None and not _COMING.isdisjoint(said) and "have" not in said:
                    # "how long till I see it?" about a refund in hand: how quickly a refund comes
                    wished = answering_sentence(summary, f"{run.text} {item.name.replace('_', ' ')}")
                return wished or summary  # "how long do I have?": the window for each thing the summary names
            return answer  # "how long do refunds take?": the one sentence on how quickly a refund comes
        if answer is None:
            # "what can you do?" names nothing: the sentence about what the customer has told so far answers it.
            told = next((run.facts[name] for name in self._conditions if run.facts.get(name)), None) or run.request
            answer = first_sentence_about(summary, str(told).replace("_", " ")) if told else None
        if answer is not None and item is None and run.signals.has("ask_why"):
            behind = self._rationale_of(answer)
            if behind is not None:
                return f"{answer} {behind}"  # "why only 30 days?": the rule, and why it is the rule
        if answer is not None and set(sentence_hashes(answer)) <= set(run.said):
            return _mentioned(answer)  # "and how do I get the label?" after how to send it back was told
        return answer or summary

    def _rationale_of(self, sentence: str) -> str | None:
        """Why the rule a sentence of the summary states is the rule: the rationale of the first decline of the
        request that sentence speaks of, when the policy gives one in plain words."""
        lowered = sentence.lower()
        for name, request in self._policy.requests.items():
            said = name in lowered or request.title.lower().removeprefix("a ").removeprefix("an ") in lowered
            rationale = next((rule.rationale for rule in request.declines if rule.rationale), None)
            if said and rationale and "{" not in rationale:
                return " ".join(rationale.split())
        return None

    def _covered(self, run: Run, context: dict[str, Any]) -> str | None:
        """What the policy says of a request asked for that the one just approved leaves nothing to do for."""
        covered = getattr(run, "covered", None)
        approved = next((item for item in reversed(run.agenda) if item.status == "approved"), None)
        if covered is None or approved is None:
            return None
        return str(self.book.render(f"requests.{approved.name}.covers.{covered}", context))

    def _wished_details(self, item: AgendaItem | None, question: str) -> str | None:
        """The sentence of the details of the alternative asked for before anything was offered that answers
        ``question`` (its first sentence when none answers it better)."""
        found = self._wish_of(item)
        if found is None or not found.details:
            return None
        return answering_sentence(found.details, question) or sentences_of(found.details)[0]

    def _wanted_waiting(self, run: Run) -> str | None:
        """The title of a request of the policy the customer asks for while a person is coming ("I want my
        money back then": "a refund"), or one of its alternatives asked for by name when nothing was on offer
        ("a repair please": "the repair"), which the person will see."""
        if run.state != "escalated":
            return None
        for act in run.signals.acts:
            name = self._policy.request_for(f"request_{act.target}") if act.kind == "request" else None
            if name is not None and not act.negated:
                return self._policy.requests[name].title
        item = handed_over(run.agenda)
        if item is None or open_before_handoff(run):
            return None
        for act in run.signals.acts:
            found = _find(self._alternatives[item.name], act.target) if act.kind == "choose" and act.target else None
            if found is not None:
                return f"the {_in_sentence(found)}"
        return None

    def handover_answer(self, run: Run) -> str | None:
        """The sentence of what the policy said on handing the request to a person that answers what the
        customer asks while waiting ("is it safe to keep using it?": "please stop using it"), said once more;
        ``None`` when nothing is asked or nothing said then answers it."""
        item = handed_over(run.agenda)
        if run.state != "escalated" or item is None or not _asks_something(run):
            return None
        decision = self._rules.decide(item.name, self._facts_for(run, item), wish=item.wish)
        if decision.exception is None:
            return None
        said = self.book.render(f"requests.{item.name}.exceptions[{decision.exception}].say", self._base(run, item))
        found = answer_sharing_words(said, run.text)
        if found is None:
            return None
        return _mentioned(found) if set(sentence_hashes(found)) <= set(run.said) else found

    def _chosen_waiting(self, run: Run) -> str | None:
        """How the offer the customer took while a person is coming (and the handoff stays) is said in a
        sentence: the person will set it up."""
        item = handed_over(run.agenda)
        if run.state != "escalated" or item is None:
            return None
        open_offers = open_before_handoff(run)
        wanted = next((a.target for a in run.signals.acts if a.kind == "choose" and a.target in open_offers), None)
        found = _find(self._alternatives[item.name], wanted) if wanted is not None else None
        return _in_sentence(found) if found is not None else None

    def _base(self, run: Run, item: AgendaItem | None) -> dict[str, Any]:
        """What every paragraph about ``item`` reads the same way and is cheap to work out, whatever its
        template needs; the rest is added by :meth:`_fill` for the contexts that read it."""
        context = self._constants.copy()
        facts = self._facts_for(run, item)
        # Each fact as the agent's words put it (see _in_text), without a call for each.
        context.update(
            {
                k: " ".join(v.split()) if isinstance(v, str) else span_phrase(v) if isinstance(v, Span) else v
                for k, v in facts.items()
            }
        )
        context["customer_name"] = _in_text(facts.get("customer_name"))
        context["intent"] = run.signals.intent
        context["request"] = (
            self._title(run, item, as_wished=_called_as_wished(run, item)) if item is not None else None
        )
        context["compensation_reference"] = run.compensation_reference
        context["compensation_offered"] = run.counters.compensation_offered and run.compensation_reference is None
        context["person"] = run.person
        context["escalation_reason"] = run.escalation_reason
        context["first_message"] = any(step.transition == "start" for step in run.steps)
        context["level"] = run.counters.unclear
        context["other_language"] = ONLY_ENGLISH.get(run.signals.language or "")
        context["other_language_person"] = PASS_TO_A_PERSON.get(run.signals.language or "")
        context["why_level"] = run.counters.clarifications
        context["offered_anyway"] = getattr(run, "offered_anyway", False)
        noted = getattr(run, "noted_for", None)
        context["noted_for"] = self._title(run, noted, as_wished=True) if noted is not None else None
        put_off = getattr(run, "put_off", None)
        context["put_off"] = self._title(run, put_off, as_wished=True) if put_off is not None else None
        done = getattr(run, "done_for", None)
        context["done_for"] = self._done_already(done) if done is not None else None
        return context

    def _done_already(self, item: AgendaItem) -> str:
        """What was done for a request already settled, as a sentence: "Order A-3434 is taken care of
        already: the refund is under way." """
        chosen = _find(self._alternatives[item.name], item.chosen) if item.chosen is not None else None
        if chosen is not None:
            what = _in_sentence(chosen)
        else:
            what = self._policy.requests[item.name].title.removeprefix("a ").removeprefix("an ")
        return f"Order {inline(item.facts.get('order_id'))} is taken care of already: the {what} is under way."

    def _fill(self, run: Run, item: AgendaItem | None, context: dict[str, Any], groups: frozenset[str]) -> None:
        """Add the values of ``groups`` (see :data:`_GROUPS`) to a base about ``item``."""
        policy = self._policy
        if "said" in groups:
            said_kinds = {act.kind for act in run.signals.acts if not act.negated}
            # "wait, wrong number, it's A-4445": the customer putting their own slip right is not upset
            upset = run.signals.sentiment <= _UPSET and "correction" not in run.signals.slots
            context["complained"] = "complain" in said_kinds or upset or _reluctant(run)
            context["thanked"] = "thank" in said_kinds
            context["insisted"] = "insist" in said_kinds
            context["affirmed"] = "affirm" in said_kinds
            context["remark"] = "remark" in run.signals.slots
            context["said_sorry"] = "sorry" in run.signals.slots
            context["someone_else_bought"] = "bought_by_another" in run.signals.slots
            context["bot_asked"] = "ask_bot" in said_kinds
            context["person_refused"] = person_refused(run)
            context["asked_for_all"] = "all_of_them" in run.signals.slots
            context["apology_asked"] = "apology" in run.signals.slots
            # "no it hasn't shipped" once it is sorted: a fact told, nothing asked
            context["told_only"] = bool(run.signals.facts) and all(a.kind == "provide" for a in run.signals.acts)
            context["turned_down"] = any(
                act.kind == "reject" and act.target == "all" and not act.negated for act in run.signals.acts
            )
            words = _letter_words(run.text)
            context["questioned"] = "?" in run.text or (bool(words) and words[0] in _QUESTION_OPENERS)
            context["acknowledged"] = (
                "taken_in" in run.signals.slots
                or bool(words)
                and (
                    all(w in _ACKNOWLEDGING or w == "then" for w in words)
                    or _only_confirms(words)
                    or _goes_along(words)
                )
            )
        if "in_hours" in groups:
            context["in_hours"] = self._rules.in_hours(run.now)
        if "offer_callback" in groups:
            context["offer_callback"] = self.offer_callback(run)
        if "check" in groups and "check" not in self._on_request:
            context["check"] = status_check(run, policy)
        if "status_text" in groups and "status_text" not in self._on_request:
            context["status_text"] = self._status_text(run, policy.status.say if policy.status else "")
        if "unanswered" in groups:
            context["announced"] = _announces(run)
            context["unanswered"] = unanswered(run, self._rules)
            context["other_address"] = "other_address" in run.signals.slots
        if "files_complaint" in groups:
            context["files_complaint"] = files_complaint(run)
        if "fact_hint" in groups:
            asked = run.signals.slots.get("asks_fact")
            spec = policy.facts.get(asked or "")
            # "Can you tell me if A-4004 has shipped?" with no question of the agent's open: how to tell.
            context["fact_hint"] = spec.hint if spec is not None and run.pending_fact is None else None
        noted = getattr(run, "noted_for", None)
        given_here = bool(run.signals.facts) and noted is None
        if "trouble_told" in groups:
            told = {"condition", "circumstance"}.intersection(run.signals.facts)
            # The trouble of a request settled earlier in the same reply was answered there, not by a "sorry"
            # before the next request's question.
            context["trouble_told"] = (
                bool(told)
                and given_here
                and not any(told.intersection(settled.facts) for settled in run.settled if settled is not item)
            )
            news_only = run.signals.facts.get("circumstance") in _NOT_HARD and "condition" not in run.signals.facts
            context["hard_times"] = context["trouble_told"] and not news_only
            # "I'm having an operation next month": news about the customer, not something that went wrong
            context["circumstance_told"] = context["trouble_told"] and "condition" not in told
            context["loss_told"] = context["trouble_told"] and run.signals.facts.get("circumstance") == _LOSS
        if "wished" in groups:
            context["wished"] = self._wished(run, item)
        if "variant" in groups:
            context["variant"] = run.signals.slots.get("variant")
        if "more_asked" in groups:
            context["more_asked"] = run.signals.slots.get("more_options") == "yes"
        if "covered" in groups:
            context["covered"] = self._covered(run, context)
        if "unoffered" in groups:
            context["unoffered"] = self._unoffered(run)
        if "only_refused" in groups:
            # what was refused, or granted already: none of it is offered again in "I can help with …"
            handled = {item.name for item in run.agenda if item.offered or item.status in _REFUSED | _JUST_SORTED}
            context["only_refused"] = set(self._policy.requests) <= handled
        if "chosen_waiting" in groups:
            context["chosen_waiting"] = self._chosen_waiting(run)
        if "wanted_waiting" in groups:
            context["wanted_waiting"] = self._wanted_waiting(run)
        if "summary" in groups:
            context["summary"] = self._summary_answer(run, item)
            # "And if it's been opened?" after the rules were told: they say nothing more, and were all said.
            said = set(run.said)
            context["rules_told"] = (
                context["summary"] == self._policy.summary
                and bool(said)
                and said.issuperset(sentence_hashes(self._policy.summary or ""))
            )
        if "repeated" in groups:
            context["repeated"] = run.repeated
            context["pressed"] = run.repeated and _presses(run.text)
        if "order_put_right" in groups:
            context["order_put_right"] = (
                run.signals.slots.get("correction") == "yes" and "order_id" in run.signals.facts
            )
        if "fact_put_right" in groups:
            context["fact_put_right"] = _fact_put_right(run)
        if "second_best" in groups:
            # "a refund if possible, otherwise store credit": the refusal is said before what was asked in its place
            context["second_best"] = item is not None and run.signals.slots.get("second_best") == item.wish
        if "chosen_named" in groups:
            # "yes cancel it" once the full refund for a parcel that never came is arranged: what was set up
            context["chosen_named"] = item is not None and _names_chosen(run.text, self._alternatives[item.name], item)
        if "request_named" in groups:
            context["request_named"] = (
                item is not None
                and item.status != "dropped"
                and any(
                    a.kind == "request" and not a.negated and policy.request_for(f"request_{a.target}") == item.name
                    for a in run.signals.acts
                )
            )
        if "request_assumed" in groups:
            # "I want my money back" pressed for the request worked out from the trouble: asked for now.
            pressed = run.signals.has("insist") and policy.request_for(run.signals.intent or "") == getattr(
                item, "name", None
            )
            context["request_assumed"] = item is not None and item.assumed and not pressed
        if "asked_when" in groups:
            context["asked_when"] = any(a.kind == "ask_about" and a.target == CALLBACK for a in run.signals.acts)
            asked = run.signals.slots.get("call_at")
            context["call_moved"] = bool(asked) and self._rules.asked_call_time(asked or "", run.now) is None
        if "asking" in groups:
            self._add_asking(run, item, context, given_here)

    def _add_asking(self, run: Run, item: AgendaItem | None, context: dict[str, Any], given_here: bool) -> None:
        """Whether a fact was just given, the requests waiting behind ``item``, and how the fact still missing is
        asked for."""
        policy = self._policy
        before = getattr(run, "pending_before", None)
        context["given"] = given_here or (before is not None and before != run.pending_fact and not run.changed)
        context["queued"] = None if getattr(run, "put_off", None) is not None else self._queued(run, item)
        if context["queued"] or getattr(run, "put_off", None) is not None:
            context["given"] = False
        if run.pending_fact is not None:
            spec = policy.facts[run.pending_fact]
            ask = _for_order(spec.ask or "", run, item)
            named = run.signals.slots.get("which_order")
            if named and spec.kind == "order_id":
                # "A-1111 and A-1112, can you cancel one?": the question is which, not what the number is.
                ask = f"Which order would you like me to look at: {human_list(named.split(), conjunction='or')}?"
            context["question"] = ask
            context["question_inline"] = (ask or "")[:1].lower() + (ask or "")[1:]
            context["asked_before"] = (
                run.pending_fact == before and not run.signals.facts and not context["given"] and not context["queued"]
            )
            # The rough date just told, or told before another fact was asked for ("early November" … "A-4321"):
            # the question is now for a closer one.
            context["narrowing"] = isinstance(run.facts.get(run.pending_fact), Span) and (
                run.pending_fact in run.signals.facts or before != run.pending_fact or bool(context["given"])
            )  # "A-4321" given while the date is still rough: a closer one is asked for again
            if isinstance(run.facts.get(run.pending_fact), Span) and ask:
                # "When did you buy it?" alone: "roughly how many days ago is fine" is no way to ask for a closer
                # date, once a rough one is known.
                context["question"] = sentences_of(ask)[0]
                context["question_inline"] = context["question"][:1].lower() + context["question"][1:]
            arrived = run.signals.slots.get("arrived", "").split()
            context["arrived_only"] = context["narrowing"] and run.pending_fact in arrived
            unknown = any(a.kind == "provide" and a.negated and a.target == run.pending_fact for a in run.signals.acts)
            fresh_hint = spec.hint is not None and not set(sentence_hashes(spec.hint)) <= set(run.said)
            rough = run.facts.get(run.pending_fact)
            bounded = isinstance(rough, Span) and rough.high is not None
            unknown = unknown and fresh_hint and not bounded  # "about a month", then "no idea": a rough idea given
            # Asked again and again with no answer ("the monthly box", "hello?"): the hint, then a colleague.
            # A rough value already told ("last month") is no sign of being stuck: the hint says a rough idea will do.
            stuck = (
                context["asked_before"]
                and max(run.counters.unclear, run.counters.unanswered) >= STUCK_ON_A_FACT
                and fresh_hint
                and not isinstance(run.facts.get(run.pending_fact), Span)
            )
            malformed = run.pending_fact in run.signals.malformed
            beyond = getattr(run, "out_of_bounds", False)
            context["hint"] = spec.hint if malformed or unknown or stuck or beyond else None
            if beyond and not malformed and (spec.hint is None or set(sentence_hashes(spec.hint)) <= set(run.said)):
                context["hint"] = _beyond_bounds(spec.kind, spec.min, spec.max)
            if (stuck or beyond) and not malformed:
                context["level"] = max(context.get("level") or 0, STUCK_ON_A_FACT)  # help, not "send it again"
            context["not_known"] = unknown
            said = _letter_words(run.text)
            context["asked_back"] = (
                unknown
                and ("?" in run.text or bool(said) and said[0] in _QUESTION_OPENERS)
                and _HOW_TO_FIND_OUT.isdisjoint(said)
            )  # "has it shipped?", not "where do I find it?"
            # "No, a refund then": the no to a colleague comes with the request to look at instead.
            declined = _colleague_turned_down(run) and not run.signals.has("request")
            if declined and spec.kind == "yes_no":
                # "No that's fine" to a colleague offered beside the question still waiting: it is asked again.
                declined = context["asked_before"] = False
            context["colleague_declined"] = declined
            context["offer_colleague"] = offers_colleague_for_fact(run, policy) and not context["queued"]

    def offer_callback(self, run: Run) -> bool:
        """Whether the customer waiting for a person is offered a callback: the policy has callbacks, and it
        is out of hours or one was offered already."""
        return self._policy.escalation.handoff.callback and (run.callback_offered or not self._rules.in_hours(run.now))

    def _add_on_request(
        self, run: Run, needed: frozenset[str], context: dict[str, Any], shared: SharedContexts | None
    ) -> None:
        """The values of :data:`_ON_REQUEST` a template reads, worked out once a turn (none depends on the request)."""
        found = {} if shared is None else shared.on_request
        status = self._policy.status
        if "check" in needed and "check" in self._on_request:
            if "check" not in found:
                found["check"] = status_check(run, self._policy)
            context["check"] = found["check"]
        if "status_text" in needed and "status_text" in self._on_request:
            if "status_text" not in found:
                found["status_text"] = self._status_text(run, status.say if status else "")
            context["status_text"] = found["status_text"]

    def _status_text(self, run: Run, say: str) -> str:
        """What the policy says of a request under way, after what was done when the customer asks whether
        it is ("both done?", "is it sorted?")."""
        in_hand = _in_hand_unasked(run, self._policy)
        if in_hand is not None and set(sentence_hashes(in_hand)).isdisjoint(run.said):
            return in_hand
        named = self._settled_named(run, say)
        if named is not None:
            return named  # "how long does the cancellation take to show?" once it is cancelled
        answer = _status_answer(say, run, checked=status_check(run, self._policy))
        done = self._done_here(run)
        if not done:
            return answer
        if not say or not any(item.status == "approved" for item in run.agenda):
            return done  # "did it go through?" of the store credit: what was set up, not what refunds take
        # "Has it gone through?" of a cancellation: what the policy says of cancellations, not of refunds too.
        about = [first_sentence_about(say, item.name) for item in run.agenda if item.status == "approved"]
        fitting = list(dict.fromkeys(sentence for sentence in about if sentence))
        return f"{done} {' '.join(fitting) if fitting else answer}"

    def _settled_named(self, run: Run, say: str) -> str | None:
        """What the policy's status says of the one request just granted, when the message names that kind of
        request and it has not been said yet; ``None`` otherwise."""
        granted = [item.name for item in run.agenda if item.status == "approved"]
        if run.state != "follow_up" or len(set(granted)) != 1 or not say:
            return None
        if not names_subject(run.text, granted[0]):
            return None
        sentence = first_sentence_about(say, granted[0])
        if sentence is None or not set(sentence_hashes(sentence)).isdisjoint(run.said):
            return None
        return sentence

    def _done_here(self, run: Run) -> str | None:
        """ "Yes, that's all done: I've set up a cancellation for order A-1010 and a refund for order A-2020.",
        when the message asks whether what was just sorted is done; ``None`` otherwise."""
        asked = set(run.text.lower().replace("?", " ").replace(",", " ").split())
        if run.state != "follow_up" or not asks_if_settled(asked) or not asked.isdisjoint(_ELSEWHERE):
            return None  # "is my other refund done?" asks after one from before
        done = []
        for item in run.agenda:
            order = item.facts.get("order_id")
            thing: str | None
            if item.status == "approved":
                thing = self._policy.requests[item.name].title
            elif item.status == "alternative_accepted" and item.chosen is not None:
                chosen = _find(self._alternatives[item.name], item.chosen)
                thing = f"your {_in_sentence(chosen)}" if chosen is not None else None
            else:
                continue
            if thing:
                done.append(f"{thing} for order {inline(order)}" if order else thing)
        if not done:
            return None
        listed = " and ".join(done) if len(done) == 2 else human_list(done, conjunction="and")
        return f"Yes, that's {'all ' if len(done) > 1 else ''}done: I've set up {listed}."

    def _queued(self, run: Run, item: AgendaItem | None) -> str | None:
        """The other requests this message made, or the other orders whose trouble it told, waiting behind
        the one in hand ("then a refund", "then order A-6262")."""
        made = any(a.kind == "request" and not a.negated for a in run.signals.acts)
        if item is None or not (made or len(run.signals.order_facts) > 1):
            return None
        waiting = [i for i in run.agenda if i is not item and not i.settled]
        if not waiting:
            return None
        return human_list([self._title(run, i, as_wished=True) for i in waiting], conjunction="and")

    def _title(self, run: Run, item: AgendaItem, *, as_wished: bool = False) -> str:
        """The request's title, with its order when another request of the same kind is on the agenda
        ("a refund for order A-3108"); with ``as_wished``, the alternative asked for in its place, when one
        was ("the exchange for order A-5151")."""
        order = item.facts.get("order_id")
        if as_wished and item.assumed and item.wish is None and order is not None:
            return f"order {inline(order)}"  # worked out from the trouble told, which the request's title may not fit
        title = self._policy.requests[item.name].title
        wished = _find(self._alternatives[item.name], item.wish) if as_wished and item.wish is not None else None
        if wished is not None:
            title = f"the {_in_sentence(wished)}"
        if order is None or not any(other is not item and other.name == item.name for other in run.agenda):
            return title
        return f"{title} for order {inline(order)}"

    def _facts_for(self, run: Run, item: AgendaItem | None) -> dict[str, Any]:
        if item is None or item is current_item(run):
            return run.facts
        facts = {k: v for k, v in run.facts.items() if k not in self._request_facts}
        facts.update(item.facts)
        return facts

    def _add_decision(
        self,
        run: Run,
        item: AgendaItem,
        context: dict[str, Any],
        needed: frozenset[str],
        shared: SharedContexts | None,
    ) -> None:
        name = item.name
        found = None if shared is None else shared.decisions.get(id(item))
        if found is None:
            found = self._decision(run, item)
            if shared is not None:
                shared.decisions[id(item)] = found
        decision, chosen, replaced = found
        context["exception"] = decision.exception is not None
        if "approval" in needed:
            context["approval"] = self._approval(name, decision, context)
        if needed & _DECISION_WORDS:
            words = (
                (needed & _REASON_WORDS) | self._reasons_inside | ({"reason"} if "reason_unsaid" in needed else set())
            )
            reasons = None if shared is None else shared.reasons.get(id(item))
            if reasons is None:
                reasons = self._reasons(name, decision, context, words)
                if shared is not None and self._reads_turn_only(name, decision):
                    shared.reasons[id(item)] = reasons
            elif not words <= reasons.keys():
                reasons.update(self._reasons(name, decision, context, words - reasons.keys()))
            context.update(reasons)
            if "reason_unsaid" in needed:
                told = reasons.get("reason")
                context["reason_unsaid"] = bool(told) and not set(sentence_hashes(str(told))) <= set(run.said)
            rationale = reasons.get("rationale")
            if (
                context.get("why_level") == _RATIONALE_LEVEL
                and rationale
                and set(sentence_hashes(str(rationale))) <= set(run.said)
            ):
                context["why_level"] = _RATIONALE_LEVEL + 1  # the reason behind the rule was given already
        if needed & (_OFFER_WORDS | {"details", "about"}):
            self._add_offer(run, item, decision, context)
        if chosen is not None:
            context["chosen"] = chosen
        if replaced is not None:
            context["replaced"] = replaced

    def _decision(self, run: Run, item: AgendaItem) -> tuple[Decision, str | None, str | None]:
        """The decision on ``item``, and how the alternatives it chose and replaced are named in a sentence."""
        alternatives = self._alternatives[item.name]
        decision = self._rules.decide(item.name, self._facts_for(run, item), wish=item.wish)
        # An offer withdrawn in an earlier turn is no longer the customer's ("keep the exchange" is not offered).
        withdrawn = item.status == "declined_closed" and not any(a.type == "withdraw_alternative" for a in run.actions)
        chosen = (None if withdrawn else item.chosen) or run.chosen
        found = _find(alternatives, chosen) if chosen is not None else None
        replaced = _find(alternatives, run.replaced) if run.replaced is not None else None
        return (
            decision,
            _in_sentence(found) if found is not None else None,
            _in_sentence(replaced) if replaced is not None else None,
        )

    def _approval(self, name: str, decision: Decision, context: dict[str, Any]) -> str:
        if decision.exception is not None:
            return self.book.render(f"requests.{name}.exceptions[{decision.exception}].say", context)
        return self.book.render(f"requests.{name}.approved", context)

    def _reasons(self, name: str, decision: Decision, context: dict[str, Any], words: frozenset[str]) -> dict[str, Any]:
        """The words that explain ``decision``, to add to ``context``: at least those of ``words`` that it has
        (without a clearer reason or a rationale, the one before is said in its place). An exception's own words
        are its reason and its ``exception_text``."""
        if decision.exception is not None:
            base, first = f"requests.{name}.exceptions[{decision.exception}]", "say"
        elif decision.rule is not None:
            base, first = f"requests.{name}.declines[{decision.rule}]", "reason"
        else:
            return {}
        exception = decision.exception is not None
        has_clearer, has_rationale = self.book.has(f"{base}.clearer_reason"), self.book.has(f"{base}.rationale")
        needs_rationale = "rationale" in words
        needs_clearer = "clearer_reason" in words or (needs_rationale and not has_rationale)
        found: dict[str, Any] = {}
        if "reason" in words or (exception and "exception_text" in words) or (needs_clearer and not has_clearer):
            found["reason"] = self.book.render(f"{base}.{first}", context)
            if exception:
                found["exception_text"] = found["reason"]
        if needs_clearer:
            found["clearer_reason"] = (
                self.book.render(f"{base}.clearer_reason", context) if has_clearer else found["reason"]
            )
        if needs_rationale:
            found["rationale"] = (
                self.book.render(f"{base}.rationale", context) if has_rationale else found["clearer_reason"]
            )
            if not has_rationale and context.get("why_level") == _RATIONALE_LEVEL:
                found["why_level"] = _RATIONALE_LEVEL + 1  # no reason behind the rule to give: offer a person
        return found

    def _reads_turn_only(self, name: str, decision: Decision) -> bool:
        """Whether the words that explain ``decision`` read nothing one paragraph's context may hold and another's
        not, so every paragraph of a turn about the request says them alike."""
        key = (name, decision.exception, decision.rule)
        known = self._turn_only.get(key)
        if known is None:
            if decision.exception is not None:
                base = f"requests.{name}.exceptions[{decision.exception}]"
                paths = [p for p in (f"{base}.say", f"{base}.clearer_reason", f"{base}.rationale") if self.book.has(p)]
            elif decision.rule is not None:
                base = f"requests.{name}.declines[{decision.rule}]"
                paths = [
                    p for p in (f"{base}.reason", f"{base}.clearer_reason", f"{base}.rationale") if self.book.has(p)
                ]
            else:
                paths = []
            # A book that cannot tell (the frozen benchmark baseline's compiles on use) says them every time.
            every = getattr(self.book, "every_variable", None)
            known = every is not None and all(every(p).isdisjoint(_PER_PARAGRAPH) for p in paths)
            self._turn_only[key] = known
        return known

    def _add_offer(self, run: Run, item: AgendaItem, decision: Decision, context: dict[str, Any]) -> None:
        alternatives = self._alternatives[item.name]
        shown = run.offered or [offer for offer in item.offered if offer not in item.rejected]
        texts = [self._alternative_text(item.name, a, context) for a in alternatives if a.id in shown]
        context["offered"] = human_list(texts)
        context["several"] = len(texts) > 1
        context["choices"] = human_list([_in_sentence(a) for a in alternatives if a.id in shown], conjunction="or the")
        asked = run.focus
        if asked in shown and len(shown) > 1 and run.steps and run.steps[-1].transition == "acknowledge":
            # "cheers" after "shall I go ahead with the store credit?": that one is still what is asked
            context["offered"] = human_list([f"the {_in_sentence(a)}" for a in alternatives if a.id == asked])
        lead = ""
        if asked == "all":
            instead = self._instead(item, shown)
            if instead is not None:
                # "What are my options?" once the request was granted or an alternative taken: what could
                # replace it.
                shown = instead
                named = [_in_sentence(a) for a in alternatives if a.id in shown]
                context["choices"] = human_list(named, conjunction="or the")
                context["several"] = len(named) > 1
                lead = _INSTEAD_LEAD if len(named) > 1 else ""
            compared = [a for a in alternatives if a.id in shown]
            context["about"] = context["choices"]
            said = set(run.said)
            # Three or more are each put in their first sentence, so the list stays short enough to read.
            brief = len(compared) > 2
            described = [
                f"{a.title}: {sentences_of(_details(a))[0] if brief and _details(a) else _details(a)}" for a in compared
            ]
            if len(compared) == 1:
                # "What else is there?" with one thing left: it is all there is.
                only_one = compared[0]
                context["about"] = _in_sentence(only_one)
                if not set(sentence_hashes(_ONLY_ONE_LEFT)) <= said:
                    context["details"] = _ONLY_ONE_LEFT
                    context["more_asked"] = False  # it says there is nothing more, which no lead needs to say again
                else:
                    context["details"] = _fresh_details(only_one, said, run.text)
                return
            again = (
                _answers_again(compared, run.text, said)
                if all(set(sentence_hashes(text)) <= said for text in described)
                else None
            )
            if again is not None:
                context["details"] = again  # "how long does it take?" after both were described: each answer
            elif all(set(sentence_hashes(text)) <= said for text in described):
                count, either = (
                    ("both", ": either way, I'll set it up straight away")
                    if len(compared) == 2
                    else ("all of them", "")
                )
                context["details"] = (
                    f"I've told you all I know about {count} above, I'm afraid, and the choice is yours{either}.\n\n"
                )
            else:
                context["details"] = lead + "\n\n".join(described) + "\n\n"
            return
        about = _find(alternatives, asked) if asked else None
        if about is not None:
            context["about"] = _in_sentence(about)
            context["details"] = _fresh_details(about, set(run.said), run.text)

    def _instead(self, item: AgendaItem, shown: list[str]) -> list[str] | None:
        """What could replace ``item`` once it is settled: the policy's alternatives to a granted request, or
        the other offers beside the one taken; ``None`` while it is still on offer."""
        if not shown and item.status == "approved":
            return list(self._standing[item.name])
        if item.status == "alternative_accepted" and item.chosen in shown:
            return [offer for offer in shown if offer != item.chosen]
        return None

    def _alternative_text(self, name: str, alternative: Alternative, context: dict[str, Any]) -> str:
        path = self._alternative_paths[name].get(alternative.id)
        return alternative.text if path is None else self.book.render(path, context)


_ACKNOWLEDGES = frozenset({"thank", "affirm"})


_NO_SORRY = frozenset({None, "away", "moving"})
"""Circumstances told that call for no word of sympathy before a question (and no circumstance at all)."""


def _nothing_to_regret(run: Run) -> bool:
    """Whether all the message told of trouble is being away or moving ("I'm travelling"), with no condition."""
    facts = run.signals.facts
    return "condition" not in facts and facts.get("circumstance") in _NO_SORRY


STUCK_ON_A_FACT = 2
"""Messages in a row that answer nothing while a fact is asked for, after which the agent gives the fact's
hint, and then (or at once, for a fact without one) offers a colleague."""


def offers_colleague_for_fact(run: Run, policy: Policy) -> bool:
    """Whether the reply that asks for a fact offers a colleague instead: the same fact is still asked for
    (whatever else the message gave), no alternative was asked for, and the customer cannot give it (see
    :func:`colleague_for_fact`)."""
    return (
        getattr(run, "pending_before", None) == run.pending_fact
        # a wish is answered instead, unless a colleague was just offered for the fact it needs too
        and (not run.signals.has("choose") or run.question == "person")
        and colleague_for_fact(run, policy)
    )


def _colleague_turned_down(run: Run) -> bool:
    """Whether the message turns down the colleague the last reply offered ("no thanks", "I don't need a
    person")."""
    return run.question == "person" and (
        run.signals.has("deny") or any(a.kind == "ask_human" and a.negated for a in run.signals.acts)
    )


def colleague_for_fact(run: Run, policy: Policy) -> bool:
    """Whether the fact asked for is still missing after its hint was given (or, for a fact without a hint,
    the customer says they cannot tell), or is still known only roughly after the customer was asked to
    narrow it down: they cannot find it ("it was a gift, I don't have the number", "a month or so, I can't
    say closer"), so a colleague is offered rather than the question again."""
    spec = policy.facts.get(run.pending_fact or "")
    if spec is None or run.pending_fact in run.signals.facts or run.pending_fact in run.signals.malformed:
        return False
    if _colleague_turned_down(run):
        return False  # "no thanks" to the colleague offered: not offered again at once
    if run.signals.acts and all(act.kind in _ACKNOWLEDGES for act in run.signals.acts):
        return False  # "thank god, thank you" for the hint: the customer goes to look, they have not given up
    if _asks_anew(run) and not (run.question == "person" and run.signals.has("choose")):
        # "actually can I just have a refund instead": the new request asks for it afresh; but an offer asked
        # for once a colleague was offered for the missing fact ("can I get store credit then?") needs it too
        return False
    hint_given = spec.hint is None or set(sentence_hashes(spec.hint)) <= set(run.said)
    cannot = any(a.kind == "provide" and a.negated and a.target == run.pending_fact for a in run.signals.acts)
    rough = run.facts.get(run.pending_fact or "")
    if isinstance(rough, Span):
        if cannot and not hint_given and rough.high is None:
            # "no idea" to "when did you buy it?" after "it broke after a week": the hint comes first; after
            # "about a month ago" a rough idea was given already, so the hint that one will do is no help
            return False
        # "size L", "the handle snapped off", or "refund please" with the request named at last (or over the one
        # worked out): nothing of the date, so it is asked again, not given up on
        first_asked = run.request_before is None or run.named_now
        # "can't you just give me my money back?" the first time: pressing, not stuck
        pressed = run.signals.has("insist") and run.counters.unanswered <= 1
        # "why not?" the first time: asking why the date is needed, which is answered, not being stuck
        wondering = {act.kind for act in run.signals.acts} <= {"ask_why", "complain"} and run.counters.unanswered <= 1
        return not all(
            act.kind in ("unknown", "complain")
            or (act.kind == "ask_why" and wondering)
            or (act.kind == "request" and (first_asked or pressed))
            or act.kind == "insist"
            or (act.kind == "provide" and act.target != run.pending_fact)
            or (act.kind == "reject" and act.target not in (None, "all"))  # "… instead of a new one"
            for act in run.signals.acts
        )
    if spec.hint is None:
        # No hint to give first: "not sure if it's shipped" is the customer saying they cannot tell, and a
        # second message in a row that answers nothing says it too.
        return cannot or run.counters.unclear >= STUCK_ON_A_FACT
    return hint_given


_RETURNING = frozenset({"return", "returning", "returns"})


def _asks_anew(run: Run) -> bool:
    """Whether the message changed what is asked for ("actually can I just have a refund instead" of the
    replacement): the fact is then asked for the new request, not given up on."""
    item = current_item(run)
    if run.request_before is None or item is None:
        return False
    return (item.name, item.wish) != (run.request_before, run.wish_before)


def _for_order(ask: str, run: Run, item: AgendaItem | None) -> str:
    """The question for a fact, naming the order it is about when requests for other orders are in the
    conversation too: "For order A-8808, has your order been dispatched yet?", or, for the number of an order
    told of beside one already named, "For your other order, could you tell me your order number?"."""
    order = item.facts.get("order_id") if item is not None else None
    if order is None and item is not None and ask and run.pending_fact == "order_id":
        if any(i is not item and i.facts.get("order_id") is not None for i in run.agenda):
            return f"For your other order, {ask[:1].lower()}{ask[1:]}"  # after one order named already
        return ask
    if order is None or not ask:
        return ask
    others = {i.facts.get("order_id") for i in run.agenda if i is not item} - {None, order}
    if not others:
        return ask
    return f"For order {inline(order)}, {ask[:1].lower()}{ask[1:]}"


def _moved_on_to(run: Run, item: AgendaItem | None) -> AgendaItem | None:
    """The request the conversation moved on to after ``item``: the one in hand, or, when the same turn
    settled it too, the one after ``item``."""
    following = current_item(run)
    if following is not None or item is None or item not in run.agenda:
        return following
    later = run.agenda[run.agenda.index(item) + 1 :]
    return later[0] if later else None


_SETTLES_AND_GOES_ON = frozenset({"approve_and_continue", "grant_wish_and_continue", "accept_and_continue"})
"""Transitions that settle one request and go on to the next in the same reply."""


def _named_for_follow_up(item: AgendaItem, context: dict[str, Any]) -> dict[str, Any]:
    """The context of the follow-up message about ``item``: a request worked out from the trouble told ("it
    never came") is named by its order, which the request's title ("a cancellation") may not fit."""
    order = item.facts.get("order_id")
    if not item.assumed or order is None or context.get("chosen") or context.get("request") is None:
        return context
    return {**context, "request": f"order {inline(order)}", "order_id": None}


def _reluctant(run: Run) -> bool:
    """Whether the customer takes something grudgingly ("I'll take the credit if I have to", "credit I
    guess"), which a reply meets with understanding rather than "Great". A fact given with a shrug ("0 months
    left I guess") takes nothing."""
    if all(act.kind == "provide" for act in run.signals.acts):
        return False
    lowered = run.text.lower().replace("’", "'")
    for turn in _TURNS_OF_MIND:
        # "I'll wait I suppose. Actually no, just refund me": the shrug went with what was given up
        lowered = lowered.rpartition(turn)[2] or lowered
    words = lowered.replace(",", " ").replace(".", " ").replace("!", " ").split()
    sighed = False
    while words and words[0] in _SIGHS:
        sighed = sighed or words[0] in _GROANS
        words = words[1:]
    # "fine, the repair", "whatever, the credit", "ugh fine": taken with a shrug; a bare "fine" only answers;
    # "ugh. ok the free return then" takes an offer with a groan
    grudging = words[:1] in (["fine"], ["whatever"]) and (len(words) > 1 or sighed)
    grudging = grudging or (sighed and bool(words) and run.signals.has("choose"))
    return grudging or any(phrase in lowered for phrase in _RELUCTANT)


_TURNS_OF_MIND = ("actually", "on second thought", "no wait", "scratch that")
"""Words after which a message says what the customer settled on, whatever came before."""
_SIGHS = frozenset({"ok", "okay", "ugh", "oh", "well", "alright", "sigh", "urgh", "meh", "right"})
_GROANS = frozenset({"ugh", "urgh", "sigh", "meh"})
"""Words before "fine" in "ugh fine, the repair", "ok fine, credit then"."""


_RELUCTANT = (
    "if i have to", "if i must", "i suppose", "i guess", "if that's all", "if thats all", "no choice",
    "fine whatever", "fine, whatever", "ok whatever", "ok, whatever", "whatever then", "might as well",
    "only option", "i'll have to", "ill have to", "not like i have", "suppose so", "reluctantly", "grudgingly",
    "don't have a choice", "dont have a choice", "don't have much choice", "dont have much choice",
)  # fmt: skip
"""Words of a customer going along with something they did not want."""


_GENERAL_QUESTIONS = (
    "policy", "policies", "rules", "terms", "conditions", "how does it work", "how it works",
    "deadline", "time limit", "until when", "cases", "situations", "circumstances", "eligible", "entitled", "qualify",
)  # fmt: skip
"""Words of a question about the rules in general, answered with the whole summary."""
_HOW_LONG = ("how long", "how many days")
"""Words of a question about how long something lasts or takes, which more than one sentence of a summary may
answer: the whole summary answers it unless it asks how long one thing takes."""
_TAKING = frozenset({"take", "takes", "taking", "took"})
_COMING = frozenset({"till", "til", "until", "see", "get", "arrive", "arrives", "come", "comes", "reach", "reaches"})
"""Words of a question about how long until something reaches the customer ("how long till I see it?")."""
_LOSS = "bereavement"
"""The circumstance of someone's death, which a word of sympathy names as a loss."""
_WHEN_IT_COMES = ("how soon", "how quickly", "when would", "when could")
"""Words of a question about when something would come, which names nothing else it could be about."""


def _announces(run: Run) -> str:
    """What a message the agent read nothing in only announces: ``"problem"`` for a problem to tell ("I have
    a problem with my order"), ``"question"`` for something to ask or a topic ("I have a question about my
    order", "can you help me with something?", "my order"); empty for anything else."""
    if not all(act.kind == "unknown" for act in run.signals.acts):
        return ""
    rough = run.text.split()
    if len(rough) > _ANNOUNCING_WORDS:
        return ""
    words = "".join(c if c.isalpha() or c == "'" else " " for c in " ".join(rough).lower()).split()
    if len(words) > _ANNOUNCING_WORDS or GREETING_WORDS.issuperset(words):
        return ""
    if any(word in _PROBLEMS for word in words) and set(words) <= _TOPIC_WORDS | _PROBLEMS:
        return "problem"
    announcing = next((i for i, word in enumerate(words) if word in _ANNOUNCING), None)
    if announcing is not None and "?" in run.text and len(set(words[announcing + 1 :]) - _TOPIC_WORDS) > 1:
        return ""  # "quick question, do you do price matching?" asks it already
    if set(words) <= _TOPIC_WORDS or announcing is not None or "help" in words[:4]:
        return "question"
    return ""


_ANNOUNCING_WORDS = 10
_PROBLEMS = frozenset({"problem", "problems", "issue", "issues", "trouble", "wrong", "there's", "theres", "is", "bit",
                       "small", "big", "slight", "went", "gone"})  # fmt: skip
_ANNOUNCING = frozenset({"question", "questions", "query", "enquiry", "inquiry", "ask", "wondering", "wondered"})
_TOPIC_WORDS = frozenset(
    """my the a an about it its this that regarding re order orders purchase purchases parcel package item
    items delivery product thing something one hi hello hey please with i have got need quick""".split()
)


def _asked_about_nothing_open(run: Run) -> bool:
    """Whether a question about an offer came to the fallback after the request was settled: "can I use the
    same label for another order?" about a free return nobody offered is one the agent cannot answer."""
    fell_back = bool(run.steps) and run.steps[-1].transition == "anything_else"
    return fell_back and any(a.kind == "ask_about" for a in run.signals.acts)


def _presses(text: str) -> bool:
    """Whether a fact told again is said as pushing back ("What?? It's faulty!", "but it's broken", "it's
    faulty though"), not as a plain reminder."""
    if "!" in text or "?" in text:
        return True
    return not _PUSHING_BACK.isdisjoint(text.lower().replace(",", " ").replace(".", " ").split())


_PUSHING_BACK = frozenset({"but", "though", "still", "seriously", "honestly", "already", "told", "said"})


def _greeted(run: Run) -> bool:
    """Whether the reply opens with the greeting."""
    return bool(run.steps) and run.steps[0].transition == "start"


def person_refused(run: Run) -> bool:
    """Whether the customer says no to a person: waiting for one ("no I don't want a colleague, I want my
    money"), or to a colleague offered while nothing is asked for yet ("nah it's fine")."""
    if run.state == "escalated":
        return any(act.kind == "ask_human" and act.negated for act in run.signals.acts)
    kinds = {act.kind for act in run.signals.acts}
    return run.state == "listening" and run.question == "person" and run.request is None and kinds == {"deny"}


def unanswered(run: Run, rules: Rules) -> bool:
    """Whether the message asks for something the agent cannot do or answer here: a question or an ask it
    read nothing in but facts, a request the policy does not handle, a question about an offer nobody
    made, or one about the rules, or how a request goes, that the policy has no words for (no ``summary``,
    no ``status``, nothing said of the fee asked about)."""
    policy = rules.policy
    return (
        _unanswered(run)
        or "beyond" in run.signals.slots
        or any(
            a.kind == "request" and not a.negated and policy.request_for(f"request_{a.target}") is None
            for a in run.signals.acts
        )
        or _asked_about_nothing_open(run)
        or (policy.summary is None and any(a.kind == "ask_policy" for a in run.signals.acts))  # no rules to tell
        or (any(a.kind == "ask_policy" for a in run.signals.acts) and asks_of_an_unsaid_charge(run, rules))
        or (policy.status is None and any(a.kind == "ask_status" for a in run.signals.acts))
    )


def _unanswered(run: Run) -> bool:
    """Whether the customer asked a question, or asked for something, that the agent read nothing in but
    facts ("can I change the address on A-1234?", "I want to change the delivery address")."""
    lowered = run.text.lower()
    if len(lowered.split()) < 3 or any(word in lowered for word in _OPEN_ASKS):
        return False
    if run.state == "listening" and any(words in lowered for words in _WHAT_IS_NEEDED):
        return False  # "do you need anything from me?": the question the reply asks answers it
    if _tells_more_of_something_else(run):
        return True
    if (
        "?" not in lowered
        and not any(opening in lowered for opening in _ASKING)
        and not lowered.startswith(_QUESTIONS)
        and not _asked_after_taking_it_in(lowered)
    ):
        return False
    acts = run.signals.acts
    if (
        acts
        and all(act.kind == "provide" for act in acts)
        and len(lowered.split()) <= _SHORT_ANSWER
        and _QUESTION_OPENERS.isdisjoint(_letter_words(lowered))
        and not any(opening in lowered for opening in _ASKING)
    ):
        return False  # "maybe early November?", "A-4321?": an answer given unsure, which asks nothing
    # Once everything is settled, pressing ("can't you just give me a discount?") asks for what is not there.
    read = {"unknown", "provide", "thank", "insist"} if run.state == "follow_up" else {"unknown", "provide", "thank"}
    kinds = {act.kind for act in acts}
    if run.state == "follow_up" and _ends_with_a_question(lowered):
        # "ok sounds good. also do you have any discount codes?": the yes answers nothing that was asked
        return bool(kinds) and kinds <= read | {"affirm"}
    return kinds <= read and bool(kinds - {"thank"})


_SHORT_ANSWER = 8
"""The most words an answer given unsure ("maybe early November?") runs to."""


def _tells_more_of_something_else(run: Run) -> bool:
    """Asked what they would like done, the customer goes on about what went wrong without asking for
    anything the agent does ("the website won't take my gift card" ... "it says invalid code"): something
    beyond the agent, which a colleague may sort out."""
    if run.state != "listening" or run.request is not None or run.question != "request" or run.signals.facts:
        return False
    kinds = {act.kind for act in run.signals.acts}
    if not kinds or not kinds <= {"unknown", "complain"} or greets_only(run.text) or _announces(run):
        return False
    plain = run.text.replace("'", "").replace("\u2019", "")
    words = set("".join(c if c.isalpha() else " " for c in plain).split())
    return not _GOING_WRONG.isdisjoint(words)  # "so I ordered some stuff" leads up to it; "it says invalid" tells it


_GOING_WRONG = frozenset(
    {"wont", "doesnt", "didnt", "cant", "isnt", "not", "error", "errors", "invalid", "broken", "wrong", "failed",
     "fails", "failing", "declined", "rejected", "says", "keeps", "stuck", "nothing", "never", "expired", "blank",
     "crashes", "crashed"}
)  # fmt: skip
"""Words of telling more of what goes wrong ("it says invalid code", "it keeps giving an error")."""


def _ends_with_a_question(lowered: str) -> bool:
    """Whether the message ends with a sentence of its own that asks something ("ok great. and do you do
    gift cards?"), after one that does not."""
    sentences = [part.strip() for part in lowered.replace("!", ".").split(".") if part.strip()]
    if len(sentences) < 2 or "?" not in sentences[-1] or "?" in " ".join(sentences[:-1]):
        return False
    words = sentences[-1].split()
    while words and words[0].strip(",") in _LEADING_ASIDES:
        words = words[1:]
    opening = " ".join(words) + " "
    return len(words) >= 3 and (opening.startswith(_QUESTIONS + _ASKING_YOU) or words[0] in _QUESTION_WORDS)


_ASKING_YOU = ("can you ", "could you ", "would you ", "will you ")
"""Openings of a last sentence that asks the agent for something ("… could you lower the fees at all?")."""
_LEADING_ASIDES = frozenset({"also", "and", "oh", "btw", "but", "plus", "one", "more", "thing", "quick", "question"})
_QUESTION_WORDS = frozenset({"what", "when", "where", "how", "why", "which", "who", "whats", "what's"})


_OPEN_ASKS = ("help", "option", "what can i do", "what can you do", "choices")
_WHAT_IS_NEEDED = (
    "need from me", "need anything from me", "need anything else from me", "what do you need",
    "what else do you need", "what info do you need", "what information do you need", "what details do you need",
    "do you need anything", "anything you need from me",
)  # fmt: skip
"""Words of a question about what the agent needs from the customer, which asking for it answers."""
"""Words of a message that asks what can be done: the agent answers it by saying what it can do."""
_ASKING = (
    "i want to ", "i'd like to ", "id like to ", "i would like to ", "i need to ", "can you ", "could you ",
    "i want it ", "i want my ", "i need it ", "i need my ", "please can ", "please could ", "i want all ",
    "i want you to ", "i need you to ", "i'd like my ", "i would like my ", "please delete ", "please remove ",
    "please stop ", "stop emailing ", "stop sending ", "unsubscribe me ", "tell me when ", "tell me where ",
    "tell me if ", "tell me how ", "let me know when ", "let me know if ", "wondering ",
)  # fmt: skip
"""Openings of a request in so many words, which an unread message that has one was asking for."""


def _asked_after_taking_it_in(lowered: str) -> bool:
    """ "Ok but when will it come": a question opened after words that only take in what was said."""
    words = _letter_words(lowered)
    at = 0
    while at < len(words) - 1 and words[at] in _TAKING_IT_IN:
        at += 1
    return at > 0 and words[at] in _WH_OPENERS


_TAKING_IT_IN = frozenset({"ok", "okay", "but", "and", "so", "hmm", "right", "well", "oh", "alright", "fine"})
_WH_OPENERS = frozenset({"how", "what", "whats", "when", "where", "why", "who", "which"})
_QUESTIONS = ("can i ", "could i ", "may i ", "do i ", "should i ", "will i ", "would i ", "is it ", "is there ",
              "are you ", "do you ", "does it ", "how do ", "how can ", "what if ")  # fmt: skip
"""Openings of a question asked without its question mark ("can i keep the teapot")."""


def _status_answer(text: str, run: Run, *, checked: bool = False) -> str:
    """What the policy says about a request under way (only the sentence that answers a question about one
    thing, "how long will it take?"); asked again, the sentence of it that answers the question, said once
    more with "As I mentioned", then a pointer to what was said. Asked again when a
    colleague can check ("I paid £80 and got £40 back"), the agent says it cannot see more from here, as
    the offer of the colleague follows."""
    said = set(run.said)
    if said.isdisjoint(sentence_hashes(text)):
        # "how long will it take?": the sentence that answers it, not what the policy says of every request
        return answering_sentence(text, run.text) or text
    if checked and said.isdisjoint(sentence_hashes(_NOT_FROM_HERE)):
        return _NOT_FROM_HERE
    first = " ".join(text.split()).split(". ")[0].rstrip(".") + "."
    again = _said_again(text, run.text, said, fallback=first)
    return again or "That's everything I can tell you about it from here, I'm afraid."


_NOT_FROM_HERE = "Thanks for the details. I can't see more than that from here, I'm afraid."


def status_check(run: Run, policy: Policy) -> bool:
    """Whether a question about where a refund is gets the offer of a colleague to check it: when the
    policy says so, unless the conversation has just sorted a request, which there is nothing yet to check
    (a question about another or an earlier one still gets the offer)."""
    if policy.status is None or not policy.status.handoff:
        return False
    if not _ELSEWHERE.isdisjoint(run.text.lower().split()):
        return True
    if _in_hand_unasked(run, policy) is not None:
        return False  # "when will the money go back?" while the cancellation is still being asked about
    return not any(item.status in _JUST_SORTED for item in run.agenda)


def _in_hand_unasked(run: Run, policy: Policy) -> str | None:
    """The sentence of the policy's status text about the request still in hand, when it has one and the
    question names no other request: "when will the money go back?" of a cancellation not yet decided is
    answered by what the policy says of cancellations, not checked by a colleague."""
    item = current_item(run)
    if item is None or run.state != "listening" or policy.status is None or "{" in policy.status.say:
        return None
    named = {name for name in policy.requests if name != item.name and name in run.text.lower()}
    return None if named else first_sentence_about(policy.status.say, item.name)


_JUST_SORTED = frozenset({"approved", "alternative_accepted", "compensation_accepted"})


def _read_inside(book: TemplateBook, names: frozenset[str]) -> frozenset[str]:
    """Which of ``names`` a template rendered with another's context may read (a policy's own words, the
    sentence that resumes after an answer, a button's label): those are worked out for every context that
    could have them. Told from the sources, without compiling them; a book that cannot tell may read them all."""
    mentions = getattr(book, "mentions", None)
    if mentions is None:
        return names
    inside = [path for path in book.paths() if not path.startswith("templates.") or path.startswith(_INSIDE)]
    return frozenset(name for name in names if any(mentions(path, name) for path in inside))


_INSIDE = ("templates.common.resume_", "templates.common.button_")
"""The state templates rendered with the context of another template (besides the policy's own words)."""


def _read_by_others(book: TemplateBook) -> tuple[frozenset[str], frozenset[str]]:
    """The groups of base values (see :data:`_GROUPS`) worked out for every context, as a template rendered with
    another's context may read them (a policy's own words, a button's label), and those worked out for a context
    that resumes after an answer, as the sentence that resumes reads them. Told from the sources, without compiling
    them; a book that cannot tell has every group worked out for every context."""
    mentions = getattr(book, "mentions", None)
    if mentions is None:
        return frozenset(_GROUPS), frozenset()
    inside = [p for p in book.paths() if not p.startswith("templates.") or p.startswith("templates.common.button_")]
    resuming = [path for path in book.paths() if path.startswith("templates.common.resume_")]

    def read(paths: list[str]) -> frozenset[str]:
        return frozenset(
            group for group, keys in _GROUPS.items() if any(mentions(path, key) for path in paths for key in keys)
        )

    return read(inside), read(resuming)


def _alternative_paths(name: str, request: RequestPolicy) -> dict[str, str]:
    """The template of each alternative's words, by its id: the request's own first, then its exceptions'."""
    paths: dict[str, str] = {}
    for index, candidate in enumerate(request.alternatives):
        paths.setdefault(candidate.id, f"requests.{name}.alternatives[{index}].text")
    for e_index, exception in enumerate(request.exceptions):
        for a_index, candidate in enumerate(exception.alternatives):
            paths.setdefault(candidate.id, f"requests.{name}.exceptions[{e_index}].alternatives[{a_index}].text")
    return paths


def _in_text(value: Any) -> Any:
    """A fact's value as the agent's words put it: text on one line, a rough amount in words."""
    if isinstance(value, Span):
        return span_phrase(value)
    return inline(value)


_ONLY_ONE_LEFT = "There's nothing else I can offer here, I'm afraid."


_HOW_TO_FIND_OUT = frozenset({"how", "where", "way", "find", "look"})
"""Words of asking how to find a fact out, rather than asking the agent for it."""

_QUESTION_OPENERS = frozenset(
    {"how", "what", "whats", "when", "where", "why", "who", "which", "can", "could", "do", "does", "is", "are",
     "will", "would", "should", "may", "if", "and", "did", "has"}
)  # fmt: skip
"""Words that open a message asking something ("how long?", "can I use it online"), so that "Good question"
answers it; "a medium please" asks nothing."""

_ACKNOWLEDGING = frozenset({"ok", "okay", "k", "kk", "okey", "okie", "alright", "right", "fine", "hmm", "mm", "oh"})
"""A message of only these words (and "then") acknowledges what the agent said ("ok", "alright then"), which
is neither a yes nor a no to "is there anything else?"."""


def _goes_along(words: list[str]) -> bool:
    """Whether the words only go along with what was done ("ok fine whatever works", "fair enough", "that
    works", "ok, card is fine"): to "is there anything else?" that acknowledges, and asks nothing more."""
    lowered = [w.lower() for w in words]
    return not _GOING_ALONG.isdisjoint(lowered) and all(
        w in _GOING_ALONG or w in _ACKNOWLEDGING or w in _AROUND_CONFIRMING or w in _WHAT_WAS_DONE for w in lowered
    )


_GOING_ALONG = frozenset("whatever works fair enough suppose guess i so be cool sounds good fine".split())
_WHAT_WAS_DONE = frozenset("card refund money the my on to back".split())
"""Words naming what was done that going along may name too ("ok whatever, card is fine")."""


def _only_confirms(words: list[str]) -> bool:
    """Whether the words only confirm what the agent said ("yes that's right", "correct"): to "is there
    anything else?" that acknowledges, and asks nothing more."""
    return not _CONFIRMING.isdisjoint(words) and all(w in _CONFIRMING or w in _AROUND_CONFIRMING for w in words)


_CONFIRMING = frozenset({"right", "correct", "exactly", "precisely"})
_AROUND_CONFIRMING = frozenset("yes yeah yep yup ya that thats s is its it all quite absolutely spot on".split())


def _names_chosen(text: str, alternatives: Sequence[Alternative], item: AgendaItem) -> bool:
    """Whether ``text`` names, by its title or a synonym, the alternative ``item`` settled on."""
    chosen = _find(alternatives, item.chosen) if item.chosen is not None else None
    if chosen is None:
        return False
    words = _letter_words(text.lower())
    if not _STILL_WANTING.isdisjoint(words):
        return False  # "I know I took the store credit but I still want my refund": pressing for the request
    said = f" {' '.join(words)} "
    names = (chosen.title, *chosen.synonyms)
    return any(f" {' '.join(_letter_words(name.lower()))} " in said for name in names)


_STILL_WANTING = frozenset(
    {"still", "want", "wanted", "but", "know", "instead", "rather", "prefer", "workaround", "took", "though"}
)
"""Words by which a message naming the offer taken presses for the request all the same."""


def _letter_words(text: str) -> list[str]:
    """The words of ``text``, letters only."""
    return "".join(c if c.isalpha() or c.isspace() else " " for c in text).split()


_INSTEAD_LEAD = "You could have one of these instead, if you'd prefer.\n\n"
"""Said before the alternatives listed for a customer who asks what else there is once a request was granted."""


def _fresh_details(alternative: Alternative, said: set[int], question: str) -> str:
    """What to say about an alternative asked about: its details; when some were said already, the one
    sentence that answers the question ("does the credit expire?"), or else words that point back to them
    instead of saying them again."""
    name = _in_sentence(alternative)
    if not alternative.details:
        # The policy gives no more than the offer's words: said as the answer when they answer the question
        # ("will I be charged in the pause?" of "no charge while paused"), else as all there is.
        answered = answers_topic(alternative.text, question)
        told = (
            f"It's {alternative.text}."
            if answered
            else f"All I can tell you here is that it's {alternative.text}, I'm afraid."
        )
        if not set(sentence_hashes(told)) <= said:
            return told
        return f"I've shared all I know about the {name}; a colleague can tell you more if you need it."
    details = _details(alternative)
    # Described beside the other offers, the details were said under the offer's title ("Store credit: The
    # credit goes…"): their first sentence counts as said too.
    titled, plain = sentence_hashes(f"{alternative.title}: {details}")[:1], sentence_hashes(details)[:1]
    if titled and plain and titled[0] in said:
        said = said | {plain[0]}
    if not speaks_of(details, question):
        # "can the replacement go to my work address?": nothing the policy says answers it
        told = f"I can't answer that from here, I'm afraid. What I can tell you is that {_lowered(details)}"
        if said.isdisjoint(sentence_hashes(details)) and not set(sentence_hashes(told)) <= said:
            return told
        return f"I can't answer that from here, I'm afraid; a colleague can tell you more about the {name}."
    if not said.isdisjoint(sentence_hashes(details)):
        again = _said_again(details, question, said, named=(name, alternative.title, *alternative.synonyms))
        only = answer_in(details, question) if again is None else None
        if only is not None:
            # "how long does it take?" of a repair whose one sentence says "within 14 days": that sentence again
            again = _said_again(details, question, said, fallback=only)
        if again is not None:
            return again
    for text in (
        _details(alternative),
        f"I've told you all I know about the {name} in my message above, I'm afraid.",
        f"I've shared all I know about the {name}; a colleague can tell you more if you need it.",
        f"There's nothing more I can add about the {name}, I'm afraid.",
    ):
        if not set(sentence_hashes(text)) <= said:
            return text
    return _details(alternative)


def _answers_again(compared: Sequence[Alternative], question: str, said: set[int]) -> str | None:
    """The sentence of each alternative's details that answers ``question``, said again under its title
    ("Store credit: The credit goes on your account straight away…"), when every one has such a sentence
    and they were not said this way before."""
    answers = []
    for alternative in compared:
        details = _details(alternative)
        named = (_in_sentence(alternative), alternative.title, *alternative.synonyms)
        answer = answer_in(details, question, named)
        if answer is None:
            return None
        answers.append(f"{alternative.title}: {answer}")
    text = "As I mentioned:\n\n" + "\n\n".join(answers) + "\n\n"
    return None if set(sentence_hashes(text)) <= said else text


def _called_as_wished(run: Run, item: AgendaItem) -> bool:
    """Whether ``item`` is called as the customer wished it: while its details are asked for, by the alternative
    asked for in its place ("if the replacement is still what you'd like"), as the greeting called it; and, once
    worked out from the trouble told, by its order while other requests are on the agenda or another request
    is put off or noted ("let's look at order A-1313 first")."""
    if run.state == "listening" and item.wish is not None or _by_its_order(run, item):
        return True
    return getattr(run, "put_off", None) is not None or getattr(run, "noted_for", None) is not None


def _asks_something(run: Run) -> bool:
    """Whether the message asks the agent something: a question about the rules or an offer, or a question
    mark."""
    return run.signals.has("ask_policy") or run.signals.has("ask_about") or run.text.rstrip().endswith("?")


def _by_its_order(run: Run, item: AgendaItem) -> bool:
    """Whether ``item`` is called by its order ("back to order A-1212 now"): a request worked out from the
    trouble told, with other requests on the agenda, whose title the customer never used."""
    return item.assumed and item.wish is None and "order_id" in item.facts and len(run.agenda) > 1


def _lowered(text: str) -> str:
    """``text`` to follow "that" mid-sentence: its first letter small, unless the word is "I"."""
    first = text.split(" ", 1)[0]
    return text if first in ("I", "I'll", "I'm", "I've", "I'd") else text[:1].lower() + text[1:]


def _said_again(
    text: str, question: str, said: set[int], named: Sequence[str] = (), *, fallback: str | None = None
) -> str | None:
    """Part of ``text`` was said: the sentence of it that answers ``question`` (else ``fallback``), as it
    is when not said yet, or once more with "As I mentioned"; ``None`` when that was said too."""
    answer = answering_sentence(text, question, named) or fallback
    if answer is None:
        return None
    again = _mentioned(answer) if set(sentence_hashes(answer)) <= said else answer
    return None if set(sentence_hashes(again)) <= said else again


def _mentioned(sentence: str) -> str:
    """A sentence said before, said again as the answer to a question."""
    first, _, rest = sentence.partition(" ")
    # A name keeps its capital ("Northwind ships…"); an ordinary first word does not ("refunds reach…").
    plain = first.lower() in _PLAIN_OPENINGS or (first[1:].islower() and first.lower() not in _NAMES_IN_TEXT)
    if plain and first != "I" and not first.startswith("I'"):
        return f"As I mentioned, {first[:1].lower()}{first[1:]} {rest}"
    return f"As I mentioned, {sentence}"


_PLAIN_OPENINGS = frozenset("the you we it its your our this that there a an if once when".split())
_NAMES_IN_TEXT = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _details(alternative: Alternative) -> str:
    return alternative.details or alternative.text[:1].upper() + alternative.text[1:] + "."


def _find(alternatives: Sequence[Alternative], wanted: str) -> Alternative | None:
    return next((a for a in alternatives if a.id == wanted), None)


_REFUSED = frozenset({"declined", "declined_closed"})


def _in_sentence(alternative: Alternative) -> str:
    name = getattr(alternative, "name", None)
    return str(name) if name else alternative.title.lower()


def _beyond_bounds(kind: str, low: float | None, high: float | None) -> str:
    """What to say of a number the customer gave that lies outside a fact's bounds ("3 years ago" to the
    date of a yearly renewal): what the agent can go on, so the customer can answer again."""
    if kind == "days" and high is not None:
        return f"That's further back than I can go by here, as it needs to be within {high:g} days."
    if low is not None and high is not None:
        return f"That's outside what I can go by here, as it needs to be between {low:g} and {high:g}."
    if high is not None:
        return f"That's more than I can go by here, as it needs to be {high:g} at most."
    return f"That's less than I can go by here, as it needs to be at least {low:g}."


def _fact_put_right(run: Run) -> bool:
    """Whether the message gives a new value for a fact the customer told differently before ("no wait, I
    meant 10, not 2"), so the decision is said again with it."""
    return not run.repeated and any(
        len(stated := run.customer_stated.get(name, [])) > 1 and stated[-1] == value
        for name, value in run.signals.facts.items()
    )
