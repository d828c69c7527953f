"""Turning the transitions of one turn into what the agent says and the buttons it shows."""

from __future__ import annotations

from typing import Any

from flow import payloads
from flow.inline import inline_all
from flow.models import QuickReply
from flow.policy import Policy
from flow.rules import Rules
from flow.run import Run
from flow.templates import CONTEXT_VARIABLES, TemplateBook
from flow.wording import delay_phrase, human_list, moment_phrase, opening_hours
from states import SPECS

_DECISION_WORDS = frozenset({"reason", "clearer_reason"})
_OFFER_WORDS = frozenset({"offered", "several"})
FOLLOW_UP = "follow_up.text"
_ESCALATING = frozenset(
    {
        "escalate_threat",
        "escalate_request",
        "escalate_anger",
        "escalate_insistence",
        "escalate_turn_limit",
        "escalate_unsatisfied",
        "escalate_cannot_check",
    }
)


class Speaker:
    """Renders a turn: one paragraph for each state entered, then the quick replies of the last one."""

    def __init__(self, policy: Policy, rules: Rules) -> None:
        self._policy = policy
        self._rules = rules
        self._book = TemplateBook(policy)
        self._requests = human_list([r.title for r in policy.requests.values()])
        self._hours = opening_hours(policy.escalation.handoff.hours)
        self._follow_up_when = delay_phrase(policy.follow_up.delay_hours)
        self._constants = self._constant_context()

    def follow_up_text(self, run: Run) -> str:
        """The text the customer receives when the follow-up is delivered."""
        needed = self._book.variables(FOLLOW_UP, seed=run.conversation_id)
        return self._book.render(FOLLOW_UP, self._context(run, needed), seed=run.conversation_id)

    def say(self, run: Run) -> tuple[str, list[QuickReply]]:
        """The agent's text for the turn, paragraphs separated by blank lines, and its quick replies."""
        seed = f"{run.conversation_id}:{run.turn}"
        names = {step.transition for step in run.steps}
        calm = (
            run.signals.sentiment <= self._policy.escalation.anger_threshold
            and not run.signals.abusive
            and not names & _ESCALATING
            and run.state != "closed"
        )
        paths = ["templates.common.calm"] if calm else []
        for step in run.steps:
            key = SPECS[step.state].key_for(step.transition)
            area = step.state if key in SPECS[step.state].templates else "common"
            paths.append(f"templates.{area}.{key}")
        # Only what this turn's templates read is worked out: offers, reasons and the rest are
        # themselves templates, and most turns need few of them.
        needed = frozenset().union(*(self._book.variables(path, seed=seed) for path in paths))
        context = self._context(run, needed)
        paragraphs = [text for path in paths if (text := self._book.render(path, context, seed=seed))]
        return "\n\n".join(paragraphs), self._buttons(run, context, seed)

    def _constant_context(self) -> dict[str, Any]:
        policy = self._policy
        context: dict[str, Any] = dict.fromkeys(CONTEXT_VARIABLES)
        context.update(dict.fromkeys(policy.facts))
        context.update(
            company=policy.company,
            agent_name=policy.agent_name,
            requests=self._requests,
            several=False,
            follow_up_when=self._follow_up_when,
            follow_up_hours=policy.follow_up.delay_hours,
            handoff_hours=self._hours,
            callback=policy.escalation.handoff.callback,
        )
        return context

    def _context(self, run: Run, needed: frozenset[str]) -> dict[str, Any]:
        policy = self._policy
        context = self._constants.copy()
        facts = inline_all(run.facts)
        context.update(facts)
        request = policy.requests[run.request] if run.request else None
        context["customer_name"] = facts.get("customer_name")
        context["intent"] = run.signals.intent
        context["request"] = request.title if request else None
        context["compensation_reference"] = run.compensation_reference
        context["in_hours"] = self._rules.in_hours(run.now)
        context["escalation_reason"] = run.escalation_reason
        if run.pending_fact is not None:
            context["question"] = policy.facts[run.pending_fact].ask
        if policy.compensation is not None and "compensation" in needed:
            context["compensation"] = self._book.render("compensation.offer", context)
        if run.outcome == "callback_scheduled" and "callback_when" in needed:
            context["callback_when"] = moment_phrase(self._rules.next_opening(run.now), run.now)
        if request is not None:
            self._add_decision(run, context, needed)
        if "follow_up_text" in needed:
            inner = self._book.variables(FOLLOW_UP, seed=run.conversation_id)
            if inner - needed:
                context = self._context(run, needed | inner)
            context["follow_up_text"] = self._book.render(FOLLOW_UP, context, seed=run.conversation_id)
        return context

    def _add_decision(self, run: Run, context: dict[str, Any], needed: frozenset[str]) -> None:
        name = run.request or ""
        request = self._policy.requests[name]
        if "approval" in needed and run.outcome == "approved":
            context["approval"] = self._book.render(f"requests.{name}.approved", context)
        if needed & _DECISION_WORDS:
            rule = self._rules.declining_rule(name, run.facts)
            if rule is not None:
                reason = self._book.render(f"requests.{name}.declines[{rule}].reason", context)
                clearer = f"requests.{name}.declines[{rule}].clearer_reason"
                context["reason"] = reason
                context["clearer_reason"] = self._book.render(clearer, context) if self._book.has(clearer) else reason
        if needed & _OFFER_WORDS:
            shown = run.offered or [a.id for a in request.alternatives[: run.counters.alternatives_offered]]
            texts = [
                self._book.render(f"requests.{name}.alternatives[{i}].text", context)
                for i, a in enumerate(request.alternatives)
                if a.id in shown
            ]
            context["offered"] = human_list(texts)
            context["several"] = len(texts) > 1
        if run.chosen is not None:
            chosen = next(a for a in request.alternatives if a.id == run.chosen)
            context["chosen"] = chosen.title.lower()

    def _buttons(self, run: Run, context: dict[str, Any], seed: str) -> list[QuickReply]:
        if not run.steps or run.state == "closed":
            return []
        last = run.steps[-1]
        kind = SPECS[last.state].buttons_for(last.transition)

        def label(key: str) -> str:
            return self._book.render(f"templates.common.{key}", context, seed=seed)

        if kind == "alternatives" and run.request:
            alternatives = self._policy.requests[run.request].alternatives[: run.counters.alternatives_offered]
            offered = [payloads.button(a.title, payloads.ALTERNATIVE + a.id) for a in alternatives]
            return [*offered, payloads.button(label("button_reject"), payloads.REJECT)]
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
        if kind == "callback" and context["callback"] and not context["in_hours"]:
            return [
                payloads.button(label("button_callback"), payloads.ACCEPT),
                payloads.button(label("button_reject"), payloads.REJECT),
            ]
        if kind == "satisfaction":
            return [
                payloads.button(label("button_satisfied"), payloads.ACCEPT),
                payloads.button(label("button_unsatisfied"), payloads.REJECT),
            ]
        if kind == "done":
            return [payloads.button(label("button_done"), payloads.DONE)]
        if kind == "requests":
            return [
                payloads.button(r.title[:1].upper() + r.title[1:], payloads.REQUEST + n)
                for n, r in self._policy.requests.items()
            ]
        return []
