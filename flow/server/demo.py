"""The demo page's presets: fixed sets of facts, signed by the serving server with a key of its own.

Served only with ``tactful serve --demo``. A visitor can fetch these tokens, but cannot have any other
facts signed: the server signs nothing but the presets below, with a random key made when the app is
built and never written anywhere, so the tokens open nothing on any other server or after a restart.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from flow.errors import TactfulError
from flow.messages import clean_facts
from flow.models import FactValue
from flow.policy import Policy
from flow.server.facts_tokens import FactsKey, sign_facts

DEMO_TOKEN_LIFETIME = timedelta(hours=12)


@dataclass(frozen=True, slots=True)
class DemoPreset:
    """What the shop knows about one made-up customer."""

    id: str
    title: str
    detail: str
    facts: dict[str, FactValue]


PRESETS: tuple[DemoPreset, ...] = (
    DemoPreset(
        "late-refund",
        "Bought 45 days ago",
        "A refund is past the 30-day window, so Sam has to say no.",
        {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45},
    ),
    DemoPreset(
        "recent-refund",
        "Bought 10 days ago",
        "Within the window: the policy allows it, so there is nothing to refuse.",
        {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 10},
    ),
    DemoPreset(
        "loyal",
        "Loyal gold customer, bought 52 days ago",
        "Still a no, but gold customers qualify for a goodwill gesture.",
        {"customer_name": "Priya", "order_id": "B-5521", "days_since_purchase": 52, "loyalty_tier": "gold"},
    ),
    DemoPreset(
        "dispatched",
        "Order already dispatched",
        "Ask to cancel it: too late, but there are other ways to help.",
        {"customer_name": "Alex", "order_id": "C-7788", "dispatched": True},
    ),
)


class DemoPresetOut(BaseModel):
    """One preset, with its facts signed for the widget's ``facts-token`` attribute."""

    id: str
    title: str
    detail: str
    facts: dict[str, FactValue] = Field(description="The facts, for showing; the token is what counts.")
    facts_token: str


class DemoSigner:
    """Signs the presets the served policy accepts, with a key only this app knows."""

    def __init__(self, presets: tuple[DemoPreset, ...]) -> None:
        secret = secrets.token_bytes(32)
        self.key = FactsKey("HS256", secret)
        self._secret = secret
        self.presets = presets

    @classmethod
    def for_policy(cls, policy: object) -> DemoSigner:
        """A signer for the presets whose facts ``policy`` accepts (all of them for the bundled retail policy)."""
        if not isinstance(policy, Policy):
            return cls(PRESETS)
        return cls(tuple(preset for preset in PRESETS if _accepts(policy, preset.facts)))

    def signed(self) -> list[DemoPresetOut]:
        """Every preset with a fresh token."""
        return [
            DemoPresetOut(
                id=p.id,
                title=p.title,
                detail=p.detail,
                facts=p.facts,
                facts_token=sign_facts(p.facts, self._secret, expires_in=DEMO_TOKEN_LIFETIME),
            )
            for p in self.presets
        ]


def _accepts(policy: Policy, facts: dict[str, Any]) -> bool:
    try:
        clean_facts(facts, policy)
    except TactfulError:
        return False
    return True


router = APIRouter(tags=["web"])


@router.get("/demo/presets", summary="Demo presets", response_model=list[DemoPresetOut])
async def demo_presets(request: Request) -> list[DemoPresetOut]:
    """The demo page's made-up customers, each with a facts token this server signed (only with `--demo`)."""
    signer: DemoSigner = request.app.state.demo
    return signer.signed()
