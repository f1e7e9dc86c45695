"""schemathesis over the LIVE server (a real uvicorn on 127.0.0.1, the embedded FalkorDB behind it).

The in-process contract test (``tests/api/test_openapi_contract.py``) drives the ASGI app; this one
sends real HTTP to a running server, the configuration an operator runs, with the same settings file
and every default check: no response of 500 or more, every status, content type and body as the
OpenAPI document says. Deterministic and bounded: a few examples per operation, one worker.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[1] / "api" / "schemathesis.toml"
EXAMPLES_PER_OPERATION = 15


def test_schemathesis_over_the_live_server_finds_no_server_error_and_no_check_failure(live_server, tmp_path):
    command = [
        str(Path(sys.executable).with_name("schemathesis")), "--config-file", str(CONFIG), "run",
        f"{live_server.url}/openapi.json", "--max-examples", str(EXAMPLES_PER_OPERATION),
        "--generation-deterministic", "--workers", "1", "--request-timeout", "30",
        "--report", "junit", "--report-dir", str(tmp_path),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    summary = "\n".join(done.stdout.splitlines()[-40:])
    print(summary)
    assert done.returncode == 0, summary
