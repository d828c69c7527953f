"""The HTTP API as a client sees it, against a memory and a SQLite store."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from prometheus_client.parser import text_string_to_metric_families

from flow import Engine, VersionConflict, load_policy
from flow.models import Conversation, Turn
from flow.server import ServerSettings, build_app, create_app
from flow.service import ConversationService
from flow.stores import MemoryStore

pytestmark = pytest.mark.anyio

LATE_REFUND = {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45}
SHOP = "https://shop.example"


@pytest.fixture(params=["memory", "sqlite"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each test runs once per store."""
    return "memory" if request.param == "memory" else f"sqlite:///{tmp_path / 'tactful.db'}"


@asynccontext_fixture := None  # placeholder removed below
