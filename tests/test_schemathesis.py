"""The API as its OpenAPI schema describes it: generated requests never get a 500 or an off-schema answer.

Schemathesis reads ``/openapi.json`` from the app in process (ASGI) and sends requests built from it,
valid and invalid. A second pass points the message and read operations at a real conversation with
its real token, so generated bodies reach the engine instead of stopping at the token check.
"""

from __future__ import annotations

import schemathesis
from hypothesis import settings
from schemathesis.checks import not_a_server_error
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from flow.server import ServerSettings, build_app
from tests.plugins.host_keys import HOST, HOST_KEYS

EXAMPLES_PER_OPERATION = 30
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
LATE_REFUND = {"customer_name": "Dana", "order_id": "A-1001", "days_since_purchase": 45}


API = build_app(
    ServerSettings(
        store_url="memory",
        rate_limit_per_second=0,
        max_body_bytes=1_048_576,
        metrics_key="metrics-key-for-schema-tests",
        **HOST_KEYS,
    )
)
"""The app on a memory store, rate limit off and bodies up to 1 MiB so every request is judged on its schema
(the size limit has its own tests), `/metrics` behind a key."""

schema = schemathesis.openapi.from_asgi("/openapi.json", API)


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION)
def test_every_operation_answers_as_its_schema_says(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)


def start_conversation() -> tuple[str, str]:
    with asgi.get_client(API) as client:
        response = client.post(
            "/v1/conversations", json={"facts": LATE_REFUND, "message": "I want a refund"}, headers=HOST
        )
    assert response.status_code == 201, response.text
    started = response.json()
    return started["id"], started["token"]


@schema.include(path_regex=r"^/v1/conversations/\{conversation_id\}").parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION)
def test_generated_messages_to_a_real_conversation_answer_as_the_schema_says(case: schemathesis.Case) -> None:
    conversation_id, token = start_conversation()
    case.path_parameters = {**(case.path_parameters or {}), "conversation_id": conversation_id}
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}
    case.call_and_validate(checks=CHECKS)


PEOPLE_API = build_app(
    ServerSettings(store_url="memory", rate_limit_per_second=0, agent_keys={"Alex": "alex-key-for-schema-tests"})
)
"""The app with a person who may take over, so the desk's operations are reached past the key check."""

people_schema = schemathesis.openapi.from_asgi("/openapi.json", PEOPLE_API)


@people_schema.include(path_regex=r"^/v1/agent/").parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION)
def test_the_desk_answers_as_its_schema_says(case: schemathesis.Case) -> None:
    case.headers = {**(case.headers or {}), "Authorization": "Bearer alex-key-for-schema-tests"}
    case.call_and_validate(checks=CHECKS)
