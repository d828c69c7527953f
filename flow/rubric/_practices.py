"""The practices of the refusal itself: thanks, acknowledgement, facts, reason, apology, alternatives, goodwill."""

from __future__ import annotations

from flow.models import ApproveRequest, Signals
from flow.reading import CALLBACK, COMPENSATION
from flow.rubric._reading import ACKNOWLEDGE, APOLOGY, Moment, Reading, Verdict
from flow.rubric._texts import has
from flow.rubric._walk import ESCALATING
from flow.tone import reading_ease

DEFAULT_READING_EASE = 50.0
"""The readability floor for a refusal when there is no policy to say it."""


def thanked_first(r: Reading) -> Verdict:
    """The first thing the agent says thanks the customer."""
    first = next((m for m in r.moments if m.text and not m.by_person), None)
    if first is None:
        return "not_applicable", None, "the agent said nothing"
    if "thank" in first.text:
        return "passed", first.turn, "the first reply thanks the customer"
    return "failed", first.turn, "the first reply does not thank the customer"


def acknowledged_concern(r: Reading) -> Verdict:
    """Between the customer stating the request and the decision, the agent shows it heard it; granting
    the request shows it too."""
    raised = next((m for m in r.moments if _raises_concern(m)), None)
    if raised is None:
        return "not_applicable", None, "the customer stated no request or complaint"
    decided = next((m for m in r.after(raised) if m.refuses or _approves(m)), None)
    window = [m for m in r.after(raised) if decided is None or m.turn.number <= decided.turn.number]
    titles = tuple(r.texts.titles.values()) if r.texts is not None else ()
    for moment in window:
        if not moment.by_person and has(moment.text, ACKNOWLEDGE + titles):
            return "passed", moment.turn, "the agent showed it heard the request"
    if decided is not None and not decided.refuses:
        return "passed", decided.turn, "granted what the customer asked for"
    return "failed", window[-1].turn, "the request was never acknowledged"


def _raises_concern(moment: Moment) -> bool:
    return moment.acts("request", "complain") or (moment.button or "").startswith("request:")


def _approves(moment: Moment) -> bool:
    return any(isinstance(a, ApproveRequest) for a in moment.turn.actions)


def gathered_facts(r: Reading) -> Verdict:
    """Every decision (a refusal or an approval) came once the policy had the facts to make it: every fact
    the request needs known, none of them only roughly where the rules come out differently across the range
    ("last month" against a 30-day window)."""
    if r.policy is None:
        return "not_applicable", None, "no policy says which facts a request needs"
    decisions: list[tuple[Moment, str]] = [(m, m.refusal) for m in r.refusals if m.refusal in r.policy.requests]
    decisions += [(m, a.request) for m in r.moments for a in m.turn.actions if isinstance(a, ApproveRequest)]
    if not decisions:
        return "not_applicable", None, "no decision was made"
    decisions.sort(key=lambda pair: pair[0].turn.number)
    rules = r.texts.rules if r.texts is not None else None
    for moment, request in decisions:
        if rules is None or request not in r.policy.requests:
            continue
        decision = rules.decide(request, dict(moment.facts))
        if decision.verdict == "missing" and decision.fact is not None:
            return "failed", moment.turn, f"decided {request} without knowing the {_label(r, decision.fact)}"
        if decision.verdict == "narrow" and decision.fact is not None:
            return "failed", moment.turn, f"decided {request} on a rough {_label(r, decision.fact)}"
    return "passed", decisions[0][0].turn, "decided once the facts the request needs were known"


def _label(r: Reading, fact: str) -> str:
    spec = r.policy.facts.get(fact) if r.policy is not None else None
    return (spec.label if spec is not None else None) or fact.replace("_", " ")


def explained_before_refusing(r: Reading) -> Verdict:
    """The refusal is worded clearly: no harsh phrase or jargon, and easy to read."""
    refusal = r.first_refusal
    if refusal is None:
        return "not_applicable", None, "nothing was refused"
    problems = r.lint(refusal)
    ease = reading_ease(refusal.turn.text)
    floor = r.policy.tone.min_reading_ease if r.policy else DEFAULT_READING_EASE
    if ease < floor:
        problems.append(f"hard to read (Flesch reading ease {ease:.0f})")
    if problems:
        return "failed", refusal.turn, "; ".join(problems)
    return "passed", refusal.turn, f"refused in plain words (Flesch {ease:.0f})"


def reason_given(r: Reading) -> Verdict:
    """Every refusal says the policy's reason for it, in the same reply."""
    refusals = r.refusals
    if not refusals:
        return "not_applicable", None, "nothing was refused"
    if r.texts is None:
        return "not_applicable", None, "no policy to read the reasons from"
    for refusal in refusals:
        if not refusal.reason_given:
            return "failed", refusal.turn, "refused without giving the policy's reason"
    return "passed", refusals[0].turn, "the refusal gave the policy's reason"


def apologized(r: Reading) -> Verdict:
    """An apology comes with or after the refusal."""
    refusal = r.first_refusal
    if refusal is None:
        return "not_applicable", None, "nothing was refused"
    for moment in r.after(refusal):
        if not moment.by_person and has(moment.text, APOLOGY):
            return "passed", moment.turn, "apologized for the inconvenience"
    return "failed", refusal.turn, "never apologized for the refusal"


def offered_alternative(r: Reading) -> Verdict:
    """Something the agent can do instead is offered with or after the refusal."""
    refusal = r.first_refusal
    if refusal is None:
        return "not_applicable", None, "nothing was refused"
    if r.texts is not None and refusal.refusal in r.texts.alternatives and not r.texts.alternatives[refusal.refusal]:
        return "not_applicable", None, "the policy has no alternative for this request"
    for moment in r.after(refusal):
        if _alternatives(moment):
            return "passed", moment.turn, "offered what the agent can do instead"
    return "failed", refusal.turn, "refused without offering an alternative"


def _alternatives(moment: Moment) -> tuple[str, ...]:
    return tuple(o for o in moment.offers if o not in (COMPENSATION, CALLBACK))


def offered_compensation(r: Reading) -> Verdict:
    """A customer who turned every option down, and whom the policy makes eligible, gets the goodwill offer."""
    offered = next((m for m in r.moments if COMPENSATION in m.offers), None)
    if offered is not None:
        return "passed", offered.turn, "made the goodwill offer"
    if r.texts is None or r.policy is None or r.policy.compensation is None or r.first_refusal is None:
        return "not_applicable", None, "no compensation to offer"
    for moment in r.moments:
        if not _last_word(r, moment):
            continue
        signals = moment.signals or Signals()
        if r.texts.rules.eligible_for_compensation(dict(moment.facts), moment.tally, signals):
            return "failed", moment.turn, "the customer was eligible but got no offer"
    return "not_applicable", None, "the customer was not eligible"


def _last_word(r: Reading, moment: Moment) -> bool:
    """The turn where the customer, with nothing left to take, heard the agent's last word on the request."""
    if moment.offers or any(isinstance(a, ESCALATING) for a in moment.turn.actions):
        return False
    if moment.signals is not None and moment.signals.abusive:
        return False
    if moment.first_refusal:
        return True
    turned_down = moment.acts("reject", "deny") or moment.button == "reject"
    return bool(_on_offer_alternatives(moment)) and turned_down


def _on_offer_alternatives(moment: Moment) -> tuple[str, ...]:
    return tuple(o for o in moment.on_offer if o not in (COMPENSATION, CALLBACK))
