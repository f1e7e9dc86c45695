"""The OpenAPI document tells the truth: schemathesis, in-process against the ASGI app, over the sample graph.

Every operation of ``/openapi.json`` gets generated requests (its examples, the boundaries of every
declared constraint, then random data), and so do sequences of calls along the links schemathesis
infers; every response goes through all of schemathesis' default checks: no server error, every status
code, content type and Allow header as documented, every body valid against the documented schema,
schema-valid requests accepted and schema-invalid ones rejected. ``schemathesis.toml`` next to this file
says where a schema-valid request may still be a 400, and why. Deterministic (derandomized Hypothesis)
and bounded: a few examples per operation.

The same run against a live server: ``schemathesis --config-file tests/api/schemathesis.toml run
http://127.0.0.1:8000/openapi.json``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import settings
from schemathesis.config import SchemathesisConfig

from graph.queries.sample import sample_snapshot
from tests.api.conftest import serve_snapshot

EXAMPLES_PER_OPERATION = 25
CONFIG = Path(__file__).with_name("schemathesis.toml")

# schemathesis parametrizes at collection time, so the app exists before any fixture does
# (``schemathesis.pytest.from_fixture`` would wait for one, but does not run under pytest 9).
_DATA = tempfile.TemporaryDirectory(prefix="orgkg-contract-")
APP = serve_snapshot(Path(_DATA.name), sample_snapshot()).app
schema = schemathesis.openapi.from_asgi("/openapi.json", APP, config=SchemathesisConfig.from_path(CONFIG))


@pytest.fixture(scope="module", autouse=True)
def _stop_the_store():
    yield
    APP.state.stores.close()  # POST /cypher and POST /queries/{name} started the embedded FalkorDB
    _DATA.cleanup()


def test_every_error_answer_is_documented_with_the_error_body():
    spec = APP.openapi()
    assert {"HTTPValidationError", "ValidationError"}.isdisjoint(spec["components"]["schemas"])
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")) and (method, path) != ("get", "/readyz"):
                    schema_ref = response["content"]["application/json"]["schema"]["$ref"]
                    assert schema_ref == "#/components/schemas/ErrorBody", (method, path, status)
    assert set(spec["components"]["schemas"]["ErrorBody"]["properties"]) == {
        "detail",
        "error",
        "suggestions",
        "problems",
        "line",
        "column",
    }


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True)
def test_every_operation_keeps_its_documented_contract(case):
    case.call_and_validate()


# Sequences of calls along the inferred links (GET /queries → a query's name → POST /queries/{name}, ...).
Workflows = schema.as_state_machine()
TestWorkflows = Workflows.TestCase
TestWorkflows.settings = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    stateful_step_count=6,
    deadline=None,
    derandomize=True,
)
