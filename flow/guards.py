"""Guards: pure functions of the working conversation, its signals and the policy's rules.

Each guard answers one question the flow asks before taking a transition. Counters already include
the message being handled (see :mod:`flow.counting`).
"""

from __future__ import annotations

from collections.abc import Callable

from flow.rules import Rules
from flow.run import Run

Guard = Callable[[Run, Rules], bool]

_YES = ("accept",)
_NO = ("reject",)


def always(run: Run, rules: Rules) -> bool:
    """The fallback: holds whatever the message."""
    return True


def abuse_limit_reached(run: Run, rules: Rules) -> bool:
    """The message is abusive and the customer has used up the policy's strikes."""
    return run.signals.abusive and run.counters.abuse_strikes >= rules.policy.escalation.abuse_strikes


def abusive(run: Run, rules: Rules) -> bool:
    """The message is abusive, with strikes left: set a calm boundary."""
    return run.signals.abusive


def threatened(run: Run, rules: Rules) -> bool:
    """The customer mentions legal action, a regulator, the press or a public complaint."""
    return run.signals.threat


def asked_for_person(run: Run, rules: Rules) -> bool:
    """The customer asks for a person, an agent or a manager (negated requests do not count)."""
    return run.signals.intent == "ask_human"


def too_angry(run: Run, rules: Rules) -> bool:
    """The customer has been angry in more messages than the policy allows."""
    return run.counters.anger >= rules.policy.escalation.max_anger


def too_insistent(run: Run, rules: Rules) -> bool:
    """The customer has insisted beyond the policy's ``max_insistence``."""
    return run.counters.insistence > rules.policy.escalation.max_insistence


def turn_limit_reached(run: Run, rules: Rules) -> bool:
    """The conversation has run longer than the policy's ``max_turns``."""
    return run.counters.turns >= rules.policy.max_turns


def asked_why(run: Run, rules: Rules) -> bool:
    """The customer asks why, or what the rule is, after a rule declined the request."""
    if run.signals.intent not in ("ask_why", "ask_policy") or run.request is None:
        return False
    return rules.declining_rule(run.request, run.facts) is not None


def closing(run: Run, rules: Rules) -> bool:
    """The customer says thanks or goodbye."""
    return run.signals.intent == "thank_close"


def ready_and_allowed(run: Run, rules: Rules) -> bool:
    """The request and every fact it needs, host facts included, are known, and no rule declines it."""
    return (
        _ready(run, rules)
        and not rules.missing_host_facts(run.request or "", run.facts)
        and rules.declining_rule(run.request or "", run.facts) is None
    )


def ready_and_declined(run: Run, rules: Rules) -> bool:
    """The request and every fact it needs are known, and a rule declines it."""
    return _ready(run, rules) and rules.declining_rule(run.request or "", run.facts) is not None


def missing_fact(run: Run, rules: Rules) -> bool:
    """The request is known but a fact it needs, which the customer may be asked for, is not."""
    return run.request is not None and rules.missing_fact(run.request, run.facts) is not None


def cannot_check(run: Run, rules: Rules) -> bool:
    """The customer's facts are known, but a fact only the host can give is missing, so nothing can be decided."""
    return _ready(run, rules) and bool(rules.missing_host_facts(run.request or "", run.facts))


def _ready(run: Run, rules: Rules) -> bool:
    return run.request is not None and rules.missing_fact(run.request, run.facts) is None


def resuming_offer(run: Run, rules: Rules) -> bool:
    """A clearer explanation was given mid-offer; go back to the alternatives."""
    return run.resume_state == "offering_alternatives"


def resuming_compensation(run: Run, rules: Rules) -> bool:
    """A clearer explanation was given while compensation was on the table."""
    return run.resume_state == "compensation"


def resuming_follow_up(run: Run, rules: Rules) -> bool:
    """A clearer explanation was given after the resolution."""
    return run.resume_state == "follow_up"


def resuming_escalated(run: Run, rules: Rules) -> bool:
    """A clearer explanation was given while waiting for a person."""
    return run.resume_state == "escalated"


def has_alternatives(run: Run, rules: Rules) -> bool:
    """The declined request has alternatives to offer."""
    return bool(rules.policy.requests[run.request or ""].alternatives) if run.request else False


def can_compensate(run: Run, rules: Rules) -> bool:
    """Compensation is eligible now and has not been offered before."""
    return not run.counters.compensation_offered and rules.eligible_for_compensation(
        run.facts, run.counters, run.signals
    )


def accepted_alternative(run: Run, rules: Rules) -> bool:
    """The customer chose one of the alternatives on offer."""
    return chosen_alternative(run, rules) is not None


def chosen_alternative(run: Run, rules: Rules) -> str | None:
    """The id of the alternative the customer chose, if any."""
    request = rules.policy.requests[run.request or ""] if run.request else None
    if request is None:
        return None
    offered = request.alternatives[: run.counters.alternatives_offered]
    picked = run.signals.slots.get("alternative")
    if picked is not None:
        return picked if any(a.id == picked for a in offered) else None
    named = [a.id for a in offered if any(word.lower() in run.text for word in (a.title, *a.synonyms))]
    if len(named) == 1 and run.signals.intent not in _NO:
        return named[0]
    one_at_a_time = rules.policy.offer_alternatives == "one_at_a_time"
    if run.signals.intent in _YES and offered and (len(offered) == 1 or one_at_a_time):
        return offered[-1].id
    return None


def more_alternatives(run: Run, rules: Rules) -> bool:
    """The customer said no, and alternatives remain that were not offered yet."""
    if run.signals.intent not in _NO or not run.request:
        return False
    return run.counters.alternatives_offered < len(rules.policy.requests[run.request].alternatives)


def rejected_and_eligible(run: Run, rules: Rules) -> bool:
    """The customer said no, and compensation can be offered."""
    return run.signals.intent in _NO and can_compensate(run, rules)


def rejected(run: Run, rules: Rules) -> bool:
    """The customer said no."""
    return run.signals.intent in _NO


def accepted(run: Run, rules: Rules) -> bool:
    """The customer said yes."""
    return run.signals.intent in _YES


def insisted(run: Run, rules: Rules) -> bool:
    """The customer repeats the original request or insists on it."""
    return run.signals.intent == "insist" or (
        run.request is not None and rules.policy.request_for(run.signals.intent) == run.request
    )


def unsatisfied(run: Run, rules: Rules) -> bool:
    """After the resolution, the customer says it did not work out."""
    return run.signals.intent in ("reject", "complaint")


def callback_wanted(run: Run, rules: Rules) -> bool:
    """Out of hours, the customer accepts the callback offer."""
    return _callback_offered(run, rules) and run.signals.intent in _YES


def callback_refused(run: Run, rules: Rules) -> bool:
    """Out of hours, the customer turns the callback offer down."""
    return _callback_offered(run, rules) and run.signals.intent in _NO


def _callback_offered(run: Run, rules: Rules) -> bool:
    return rules.policy.escalation.handoff.callback and not rules.in_hours(run.now)
