"""Adversarial analyst Cypher, by class: what issue 12 reported and its neighbours.

Each attack is ``(class, query, params, raw_body)``; ``raw_body`` (a JSON text) is for parameters too
deep for Python's own JSON encoder. None of them may be a 500, and each must be answered within the
time limit + 10 % (+ one engine restart).
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from typing import Any

import httpx

Attack = tuple[str, str, dict[str, Any], str | None]

_UNITS = {
    "paren": ("(", ")"),
    "bracket": ("[", "]"),
    "minus": ("-", ""),
    "not": ("NOT ", ""),
    "minus-paren": ("-(", ")"),
    "not-paren": ("NOT (", ")"),
    "map": ("{a: ", "}"),
    "case": ("CASE WHEN true THEN ", " END"),
    "comprehension": ("[x IN ", " | x]"),
}


def _nested(unit: str, depth: int) -> str:
    opening, closing = _UNITS[unit]
    return "RETURN " + opening * depth + "1" + closing * depth


def _deep_json(depth: int) -> str:
    return "[" * depth + "1" + "]" * depth


def _raw_params(value: str) -> str:
    return '{"query": "RETURN $x", "params": {"x": ' + value + "}}"


def attacks() -> list[Attack]:
    found: list[Attack] = []
    for unit in _UNITS:
        for depth in (9, 12, 22, 26):
            found.append(("nesting", _nested(unit, depth), {}, None))
    found.append(("nesting", "RETURN -count{MATCH (a) WHERE [{a:[-(-(-(-(1))))]}] RETURN a}", {}, None))
    found.append(
        (
            "nesting",
            "MATCH (r:Role) WHERE " + "NOT (" * 13 + "r.level_rank > 1" + ")" * 13 + " RETURN r.title",
            {},
            None,
        )
    )
    # Within the nesting limit: the worst shapes still parse quickly (or time out in bounds).
    found.append(("nesting-within-limit", _nested("minus-paren", 4), {}, None))
    found.append(("nesting-within-limit", "RETURN -(NOT ({a:((CASE WHEN true THEN 1 END))}))", {}, None))
    found.append(("nesting-within-limit", _nested("comprehension", 8), {}, None))
    found.append(("size", "RETURN " + "+".join(["1"] * 50_000), {}, None))
    found.append(("size", "RETURN " + "+".join(["1"] * 8_000), {}, None))  # 16 KB: just under or over
    found.append(("size", "MATCH " + ",".join(f"(a{i})" for i in range(1_500)) + " RETURN 1", {}, None))
    found.append(("size", "MATCH (a)" + "-->()" * 3_000 + " RETURN a", {}, None))
    found.append(("size", "RETURN '" + "x" * 200_000 + "'", {}, None))
    found.append(("range", "UNWIND range(1,1000000000) AS x RETURN count(x)", {}, None))
    found.append(("range", "UNWIND range(1, 1000*1000*1000) AS x RETURN count(x)", {}, None))
    found.append(("range", "WITH 1000000000 AS n UNWIND range(1, n) AS x RETURN count(x)", {}, None))
    found.append(("range", "UNWIND range(1, $n) AS x RETURN count(x)", {"n": 1_000_000_000}, None))
    found.append(("range", "RETURN size(range(1, $n))", {"n": 10**12}, None))
    found.append(("range", "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*)", {}, None))
    found.append(("range", "UNWIND range(1, 5000000) AS x RETURN collect(toString(x))", {}, None))
    found.append(("range", "MATCH (a), (b), (c), (d), (e) RETURN count(*)", {}, None))
    found.append(("range", "MATCH p = (:Role)-[*1..30]-(:Role) RETURN count(p)", {}, None))
    found.append(("params", "RETURN $x", {}, _raw_params(_deep_json(9))))
    found.append(("params", "RETURN $x", {}, _raw_params(_deep_json(600))))
    found.append(("params", "RETURN $x", {}, _raw_params(_deep_json(5000))))
    found.append(("params", "RETURN size($x)", {"x": "y" * 500_000}, None))
    found.append(("params", "UNWIND $x AS v RETURN count(v)", {"x": list(range(200_000))}, None))
    found.append(("params", "RETURN $x", {"x": {"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": {"i": 1}}}}}}}}}}, None))
    return found


def slow_attacks() -> list[Attack]:
    """Attacks that pass the guard and keep the engine busy up to the time limit (the load test's)."""
    return [a for a in attacks() if a[1].startswith(("UNWIND range(1, 100000)", "MATCH (a), (b)", "MATCH p ="))] + [
        ("range", "UNWIND range(1, 1000*1000*1000) AS x RETURN count(x)", {}, None),
        ("nesting-within-limit", _nested("minus-paren", 4), {}, None),
    ]


def post(client: httpx.Client, attack: Attack) -> httpx.Response:
    """Send one attack to ``/cypher`` (its raw body when it has one)."""
    _, query, params, raw = attack
    if raw is not None:
        return client.post("/cypher", content=raw, headers={"content-type": "application/json"})
    return client.post("/cypher", json={"query": query, "params": params})


def hog(url: str, clients: int, stop: threading.Event) -> dict[int, int]:
    """``clients`` threads that each keep one :func:`slow_attacks` query going until ``stop`` is set.

    Refused for capacity (503), a client waits as its ``Retry-After`` says (with jitter, as clients back
    off). Returns the count of each status. The load test runs it in a process of its own
    (``python -m tests.robustness_engine.attacks URL CLIENTS``), so that its threads do not share the
    interpreter lock of the process that times the REST routes.
    """
    hogs = slow_attacks()
    counts: Counter[int] = Counter()
    lock = threading.Lock()

    def attacker(index: int) -> None:
        with httpx.Client(base_url=url, timeout=60) as client:
            while not stop.is_set():
                response = post(client, hogs[index % len(hogs)])
                with lock:
                    counts[response.status_code] += 1
                if response.status_code == 503:
                    stop.wait(float(response.headers["Retry-After"]) * random.uniform(0.5, 1.5))
                index += 1

    threads = [threading.Thread(target=attacker, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return dict(counts)


if __name__ == "__main__":  # the attack until stdin closes; then the status counts as JSON on stdout
    import json
    import sys

    stopped = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), stopped.set()), daemon=True).start()
    print(json.dumps(hog(sys.argv[1], int(sys.argv[2]), stopped)))
