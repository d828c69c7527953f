"""The practices of conduct through the conversation: choices, calm, thanks, people, follow-up, repetition, close."""

from __future__ import annotations

from flow.models import ApplyAlternative, Close, Handoff, IssueCompensation, ScheduleCallback, ScheduleFollowUp
from flow.reading import CALLBACK, COMPENSATION
from flow.rubric._reading import BOUNDARY, EMPATHY, POLITE_CLOSE, THANKS_BACK, Moment, Reading, Verdict
from flow.rubric._texts import has, sentences
from flow.rubric._walk import ESCALATING

UNREADABLE = 3
"""Messages in a row the agent could not read after which bringing in a person is warranted."""
RESOLVING = (ApplyAlternative, IssueCompensation, Handoff)


def choice_acted_on(r: Reading) -> Verdict:
    """What the customer chose from what was on offer, in words or with a button, was then carried out."""
    choices = [(m, choice) for m in r.moments for choice in _choices(m)]
    if not choices:
        return "not_applicable", None, "the customer chose nothing on offer"
    for index, (moment, choice) in enumerate(choices):
        later = r.after(moment)
        if any(_carries_out(m, choice) for m in later):
            continue
        if any(other != choice for _, other in choices[index + 1 :]) or _dropped(later[1:], choice):
            continue  # the customer changed their mind before it was done
        return "failed", moment.turn, f"the customer chose {_named(choice)}, and it was never carried out"
    return "passed", choices[0][0].turn, "carried out what the customer chose"


def _choices(moment: Moment) -> list[str]:
    if moment.signals is None or not moment.on_offer:
        return []
    chosen = [a.target for a in moment.signals.acts if a.kind == "choose" and not a.negated and a.target]
    if not chosen and len(moment.on_offer) == 1 and (moment.acts("affirm") or moment.button == "accept"):
        chosen = [moment.on_offer[0]]
    return [c for c in dict.fromkeys(chosen) if c in moment.on_offer]


def _carries_out(moment: Moment, choice: str) -> bool:
    for action in moment.turn.actions:
        if isinstance(action, ApplyAlternative) and action.alternative == choice:
            return True
        if isinstance(action, IssueCompensation) and choice == COMPENSATION:
            return True
        if isinstance(action, ScheduleCallback) and choice == CALLBACK:
            return True
    return False


def _dropped(later: list[Moment], choice: str) -> bool:
    """Whether the customer later turned the choice down or dropped the request it was for."""
    for moment in later:
        for act in moment.signals.acts if moment.signals is not None else ():
            if not act.negated and (
                (act.kind == "reject" and act.target in (choice, "all")) or act.kind == "cancel_request"
            ):
                return True
    return False


def _named(choice: str) -> str:
    return {COMPENSATION: "the goodwill offer", CALLBACK: "a callback"}.get(choice, choice.replace("_", " "))


def stayed_calm(r: Reading) -> Verdict:
    """Every reply to an angry or abusive message is calm and acknowledges the feeling, sets a boundary
    (to abuse), or brings in a person."""
    limit = r.escalation.anger_threshold
    upset = [
        m for m in r.moments if m.signals is not None and m.text and (m.signals.sentiment <= limit or m.signals.abusive)
    ]
    if not upset:
        return "not_applicable", None, "the customer was never upset"
    for moment in upset:
        problems = r.lint(moment)
        if problems:
            return "failed", moment.turn, "; ".join(problems)
        if not (has(moment.text, EMPATHY) or escalates(moment) or _sets_boundary(moment)):
            return "failed", moment.turn, "met an upset customer without acknowledging it"
    return "passed", upset[0].turn, f"calm and respectful in {len(upset)} upset turn(s)"


def _sets_boundary(moment: Moment) -> bool:
    """An abusive message met with a calm limit: asking for respect, or ending the chat."""
    abused = moment.signals is not None and moment.signals.abusive
    ends = any(isinstance(a, Close) for a in moment.turn.actions)
    return abused and (has(moment.text, BOUNDARY) or ends)


def irony_not_thanked(r: Reading) -> Verdict:
    """Answers to thanks ("you're welcome") follow only real thanks, never irony or a message that did not thank."""
    judged = [m for m in r.moments if thanks_back(m.text) or (m.signals is not None and m.signals.irony)]
    if not judged:
        return "not_applicable", None, "no thanks to answer and no irony"
    for moment in judged:
        if not thanks_back(moment.text) or moment.by_person:
            continue
        signals = moment.signals
        if signals is not None and signals.irony:
            return "failed", moment.turn, "thanked back an ironic message"
        if signals is None or not signals.has("thank"):
            return "failed", moment.turn, "thanked back a message that did not thank"
    return "passed", judged[0].turn, "thanked back only real thanks"


def thanks_back(text: str) -> bool:
    """Whether the plain agent ``text`` answers thanks ("you're welcome to ..." invites, and does not)."""
    for marker in THANKS_BACK:
        at = text.find(marker)
        while at >= 0:
            if not text.startswith(" to ", at + len(marker)):
                return True
            at = text.find(marker, at + 1)
    return False


def escalates(moment: Moment) -> bool:
    """Whether the agent brings in a person in ``moment``: a handover, a booked callback or the offer of one."""
    return any(isinstance(a, ESCALATING) for a in moment.turn.actions) or CALLBACK in moment.offers


def escalated_when_needed(r: Reading) -> Verdict:
    """Every message that asked for a person, threatened, took anger or insistence past the policy's limits,
    ran the conversation past its length, or said no to a follow-up, was met by bringing in a person
    (once a person is brought in or offered, later messages of the same stretch need no more)."""
    fired: list[tuple[Moment, str]] = []
    brought = False
    for moment in r.moments:
        brought = brought and not moment.fresh
        why = None if brought else _must_escalate(r, moment)
        if why is not None:
            if not escalates(moment):
                return "failed", moment.turn, f"{why}, and nobody was brought in"
            fired.append((moment, why))
        brought = brought or escalates(moment)
    if not fired:
        return "not_applicable", None, "no message called for a person"
    moment, why = fired[0]
    return "passed", moment.turn, f"{why}; a person was brought in"


def _must_escalate(r: Reading, m: Moment) -> str | None:
    signals = m.signals
    if signals is None or not m.text or m.by_person or m.with_people or signals.abusive:
        return None
    limits = r.escalation
    reasons = (
        ("the customer threatened to take it further", signals.threat or m.acts("threat")),
        ("the customer asked for a person", m.asks_for_person),
        ("the customer was angry too often", m.tally.anger >= limits.max_anger),
        ("the customer kept insisting", m.tally.insistence > limits.max_insistence),
        ("the conversation ran too long", r.policy is not None and m.tally.turns >= r.policy.max_turns),
        ("the customer was not satisfied", m.after_check_in and m.acts("deny", "complain", "reject")),
    )
    return next((why for why, holds in reasons if holds), None)


def escalation_warranted(r: Reading) -> Verdict:
    """A person is brought in only when something called for one: the customer asked for a person or a
    callback, threatened, was angry or insistent past the limits or could not be read several times, the
    conversation ran too long, a follow-up was answered with a no, or the policy sends the case for review."""
    handed: list[Moment] = []
    stretch: list[Moment] = []
    for moment in r.moments:
        if moment.fresh:
            stretch = []
        stretch.append(moment)
        if not any(isinstance(a, ESCALATING) for a in moment.turn.actions):
            continue
        handed.append(moment)
        if not _warranted(r, stretch):
            declined = any(m.rules_out_person for m in stretch)
            why = "the customer had said they did not need a person" if declined else "nothing called for a person"
            return "failed", moment.turn, f"brought in a person although {why}"
    if not handed:
        return "not_applicable", None, "nobody was brought in"
    return "passed", handed[0].turn, "brought in a person when it was called for"


def _warranted(r: Reading, stretch: list[Moment]) -> bool:
    limits = r.escalation
    asked = False
    for m in stretch:
        if m.asks_for_person or _chose_callback(m):
            asked = True
        elif m.rules_out_person:
            asked = False
        tally = m.tally
        if (
            m.review
            or (m.signals is not None and m.signals.threat)
            or m.acts("threat")
            or tally.anger >= limits.max_anger
            or tally.insistence > limits.max_insistence
            or tally.unclear >= UNREADABLE
            or (r.policy is not None and tally.turns >= r.policy.max_turns)
            or (m.after_check_in and m.acts("deny", "complain", "reject"))
        ):
            return True
    return asked


def _chose_callback(m: Moment) -> bool:
    if CALLBACK not in m.on_offer:
        return False
    return m.acts("affirm") or m.button == "accept" or (m.signals is not None and m.signals.has("choose", CALLBACK))


def scheduled_follow_up(r: Reading) -> Verdict:
    """Every resolution (an alternative, the goodwill offer, a handover) comes with a follow-up."""
    resolved = [m for m in r.moments if any(isinstance(a, RESOLVING) for a in m.turn.actions)]
    if not resolved:
        return "not_applicable", None, "nothing was resolved or handed over"
    for moment in resolved:
        if not any(isinstance(a, ScheduleFollowUp) for a in moment.turn.actions):
            return "failed", moment.turn, "resolved without planning a follow-up"
    return "passed", resolved[0].turn, "a follow-up was scheduled"


def no_repetition(r: Reading) -> Verdict:
    """The agent never says the same sentence twice (ignoring case and spacing)."""
    seen: dict[str, int] = {}
    spoke = None
    for moment in r.moments:
        if moment.by_person:
            continue
        for sentence in sentences(moment.turn.text):
            spoke = spoke or moment
            if sentence in seen:
                return "failed", moment.turn, f"said {sentence!r} again (first in turn {seen[sentence]})"
            seen[sentence] = moment.turn.number
    if spoke is None:
        return "not_applicable", None, "the agent said nothing"
    return "passed", spoke.turn, f"{len(seen)} sentences, none said twice"


def closed_politely(r: Reading) -> Verdict:
    """The agent's last message, when it ends the conversation, is calm and courteous."""
    if not r.moments or not any(isinstance(a, Close) for a in r.moments[-1].turn.actions):
        return "not_applicable", None, "the conversation is still open"
    last = r.moments[-1]
    if not last.text:
        return "not_applicable", None, "a person ended the conversation"
    problems = r.lint(last)
    if problems:
        return "failed", last.turn, "; ".join(problems)
    if not has(last.text, POLITE_CLOSE):
        return "failed", last.turn, "ended without a courteous word"
    return "passed", last.turn, "ended courteously"
