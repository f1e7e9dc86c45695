"""A full disk for real: ``orgkg load`` and a Cypher resync on a small tmpfs filled to the last byte.

Run as ``python -m tests.robustness.full_disk FOLDER`` inside ``unshare --user --map-root-user --mount``
(no privilege needed where unprivileged user namespaces are on): it mounts a tmpfs of its own on
``FOLDER``, so ``ENOSPC`` comes from the kernel, not from a mock. It prints one JSON object with what
happened; ``test_full_disk.py`` judges it.

1. ``orgkg load seeds`` writes a snapshot; the app answers ``/cypher`` (its engine synced on the tmpfs).
2. A newer snapshot is saved, then the disk is filled with a filler file until ``ENOSPC``.
3. ``orgkg load`` again: its exit code and stderr; is the old snapshot intact, is a temp file left?
4. ``/cypher`` on the app, which now resyncs the engine to the newer snapshot: statuses and bodies.
5. The filler removed: ``/cypher`` again (the next request retries the resync).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import anyio
import httpx

REPO = Path(__file__).resolve().parents[2]
ORGKG = Path(sys.executable).with_name("orgkg")
QUERY = {"query": "MATCH (r:Role) RETURN count(r) AS roles"}


def _fill(folder: Path) -> None:
    with open(folder / "filler", "wb", buffering=0) as out:
        block = b"\0" * 65536
        try:
            while True:
                out.write(block)
                out.flush()
        except OSError:
            pass
        try:  # the last partial block
            while True:
                out.write(b"\0")
                out.flush()
        except OSError:
            pass


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def _post(app, count: int) -> list[tuple[int, str, str | None]]:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    answers = []
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1", timeout=120) as client:
        for _ in range(count):
            response = await client.post("/cypher", json=QUERY)
            answers.append((response.status_code, response.text[:400], response.headers.get("retry-after")))
    return answers


def main(folder: Path) -> dict:
    from api.app import create_app
    from api.settings import Settings
    from graph.queries.sample import sample_snapshot
    from graph.snapshot import save_snapshot

    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(folder)], check=True)
    data = folder / "data"
    result: dict = {}
    first = subprocess.run(
        [str(ORGKG), "--data-dir", str(data), "load", "seeds"], cwd=REPO, capture_output=True, text=True
    )
    result["first_load"] = first.returncode
    settings = Settings(data_dir=data)
    app = create_app(settings)
    try:
        result["before"] = anyio.run(_post, app, 1)
        newer = sample_snapshot()  # another library: the engine must be rewritten
        save_snapshot(newer, settings.snapshot_path)
        kept = _digest(settings.snapshot_path)
        _fill(folder)
        again = subprocess.run(
            [str(ORGKG), "--data-dir", str(data), "load", "seeds"], cwd=REPO, capture_output=True, text=True
        )
        result["second_load"] = {"code": again.returncode, "stderr": again.stderr, "stdout": again.stdout[-400:]}
        result["snapshot_kept"] = _digest(settings.snapshot_path) == kept
        result["temp_files"] = sorted(p.name for p in data.iterdir() if p.name.endswith(".tmp"))
        result["resync"] = anyio.run(_post, app, 3)
        (folder / "filler").unlink()
        result["after_freeing"] = anyio.run(_post, app, 1)
    finally:
        app.state.stores.close()
    return result


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
