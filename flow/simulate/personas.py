"""Kinds of simulated customer: how likely each is to take an offer, push back, ask, joke or swear.

A persona is only a set of leanings; :mod:`flow.simulate.behaviour` turns them into moves from what
the agent just did. Every customer, whatever the persona, may also add a second request, change
their mind, or type carelessly (see :mod:`flow.simulate.population`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Persona:
    """How one kind of customer leans. Chances are per decision, 0 to 1."""

    name: str
    description: str
    tone: str = ""
    """The phrase variants this customer reaches for (``polite``, ``angry``, ``rude``, ``ironic``)."""
    tone_share: float = 0.0
    """How often a message uses the tone's variant where the tables have one."""
    sloppiness: float = 0.25
    """How carelessly they type, 0 to 1 (typos, lower case, txt-speak)."""
    accept: float = 0.6
    """The chance of taking an alternative when deciding on the ones offered."""
    first: bool = False
    """Whether they take the first thing offered rather than the one they like."""
    curious: float = 0.15
    """The chance of asking about an alternative (or the rules) before deciding."""
    insist: float = 0.05
    most_insists: int = 1
    why: float = 0.05
    most_whys: int = 1
    person: float = 0.03
    complain: float = 0.03
    irony: float = 0.0
    abuse: float = 0.0
    threat: float = 0.0
    stray: float = 0.02
    """The chance of an off-topic or unreadable message."""
    vague: float = 0.1
    """The chance of opening without saying what they want."""
    buttons: float = 0.25
    """The chance of clicking a button instead of typing, where there is one."""
    goodwill: float = 0.75
    """The chance of taking the goodwill offer."""
    wants_person: float = 0.5
    """The chance of saying yes when offered a person or a callback."""


PERSONAS: dict[str, Persona] = {
    persona.name: persona
    for persona in (
        Persona("calm", "polite; usually takes an alternative, sometimes asks about one first", "polite", 0.4),
        Persona(
            "insistent",
            "asks again for what was refused, up to four times, before deciding",
            accept=0.45,
            insist=0.7,
            most_insists=4,
            why=0.1,
        ),
        Persona(
            "angry",
            "upset from the first message: turns offers down, complains, asks for a manager, now and then threatens",
            "angry",
            0.7,
            sloppiness=0.45,
            accept=0.3,
            insist=0.25,
            most_insists=2,
            why=0.1,
            person=0.15,
            complain=0.25,
            threat=0.05,
            buttons=0.1,
            goodwill=0.6,
            wants_person=0.8,
        ),
        Persona(
            "abusive",
            "insults the agent, usually again after the first warning",
            "rude",
            0.8,
            sloppiness=0.55,
            accept=0.25,
            insist=0.2,
            complain=0.15,
            abuse=0.5,
            buttons=0.05,
            goodwill=0.5,
        ),
        Persona("quick_to_accept", "takes the first thing offered", accept=1.0, first=True, curious=0.0, buttons=0.45),
        Persona("asking_why", "wants the reason explained before choosing", accept=0.55, why=0.7, most_whys=3),
        Persona(
            "curious", "asks how each alternative works, and about the rules, before choosing", "polite", 0.2,
            accept=0.7, curious=0.6,
        ),
        Persona(
            "sarcastic", "ironic remarks, praise that means the opposite", "ironic", 0.6, accept=0.45, irony=0.3,
            complain=0.1,
        ),
        Persona(
            "scatterbrained",
            "vague, careless typing, off-topic messages, changes tack",
            sloppiness=0.8,
            accept=0.55,
            curious=0.2,
            stray=0.15,
            vague=0.35,
            buttons=0.15,
        ),
    )
}  # fmt: skip
"""Every persona, by name."""
