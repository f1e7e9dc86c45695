"""Adversarial analyst Cypher against a live server: bounded answers, fast REST routes, engine crashes survived.

* every attack of :mod:`tests.robustness_engine.attacks` is a 4xx or a 503 (a 200 for the few that
  are legitimate), none a 500, each within the time limit + 10 % (+ one engine restart);
* ``/roles`` keeps a p99 of at most 100 ms while 40 clients send engine-hogging queries (each keeps
  one going; those refused for capacity wait about as long as their 503's ``Retry-After`` says), over
  twice what the same probe measures without them (the test machine's cores are shared);
* the engine (its redis-server) killed with SIGKILL while queries run: no 500, and queries succeed
  again within 2 s.
"""

from __future__ import annotations

import os
import random
import signal
import statistics
import threading
import time
from collections import Counter, defaultdict

import httpx
import pytest

from tests.robustness_engine.attacks import attacks, slow_attacks
from tests.robustness_engine.conftest import TIME_LIMIT_MS

RESTART_S = 2.0
BOUND_S = TIME_LIMIT_MS * 1.1 / 1000 + RESTART_S  # the limit + 10 % + one restart
P99_MS = 100


def _post(client: httpx.Client, attack) -> httpx.Response:
    _, query, params, raw = attack
    if raw is not None:
        return client.post("/cypher", content=raw, headers={"content-type": "application/json"})
    return client.post("/cypher", json={"query": query, "params": params})


def _send(client: httpx.Client, attack) -> tuple[int, float, str]:
    started = time.monotonic()
    response = _post(client, attack)
    return response.status_code, time.monotonic() - started, response.text[:200]


def _wait_until_answering(client: httpx.Client, seconds: float = 10) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if client.post("/cypher", json={"query": "MATCH (r:Role) RETURN count(r)"}).status_code == 200:
            return time.monotonic() - started
        time.sleep(0.02)
    raise AssertionError(f"the engine did not answer again within {seconds} s")


def test_every_adversarial_query_is_a_4xx_or_503_within_the_limit_plus_ten_percent(live_server):
    tried, failed = Counter(), Counter()
    problems = []
    with httpx.Client(base_url=live_server.url, timeout=60) as client:
        for attack in attacks():
            kind = attack[0]
            status, seconds, text = _send(client, attack)
            tried[kind] += 1
            ok = (400 <= status < 500 or status == 503 or (status == 200 and kind != "nesting")) and seconds <= BOUND_S
            if not ok:
                failed[kind] += 1
                problems.append(f"{kind}: {attack[1][:60]!r}: {status} in {seconds:.2f} s: {text}")
            if status == 503:
                _wait_until_answering(client)
    print("adversarial Cypher, tried/failed per class:", {k: f"{tried[k]}/{failed[k]}" for k in tried})
    assert not problems, "\n".join(problems)


def test_roles_stays_fast_while_40_clients_send_hogging_queries(live_server):
    stop = threading.Event()
    statuses: Counter[int] = Counter()
    lock = threading.Lock()
    hogs = slow_attacks()

    def attacker(index: int) -> None:
        # Each keeps one hogging query going; refused for capacity (503), it waits as Retry-After says.
        with httpx.Client(base_url=live_server.url, timeout=60) as client:
            i = index
            while not stop.is_set():
                response = _post(client, hogs[i % len(hogs)])
                with lock:
                    statuses[response.status_code] += 1
                if response.status_code == 503:  # with jitter, as clients back off
                    stop.wait(float(response.headers["Retry-After"]) * random.uniform(0.5, 1.5))
                i += 1

    def probe(count: int) -> list[float]:
        timings = []
        with httpx.Client(base_url=live_server.url, timeout=30) as client:
            for _ in range(count):
                for path in ("/roles", "/healthz"):
                    started = time.monotonic()
                    assert client.get(path).status_code == 200
                    timings.append((time.monotonic() - started) * 1000)
                time.sleep(0.01)
        return timings

    # The machine is shared: what the attack may add is judged against the same probe without it, and
    # a round spoilt by someone else's load is measured again (at most three rounds).
    rounds = []
    for _ in range(3):
        stop.clear()
        baseline = statistics.quantiles(probe(100), n=100)[98]
        threads = [threading.Thread(target=attacker, args=(i,), daemon=True) for i in range(40)]
        for thread in threads:
            thread.start()
        time.sleep(1.0)  # let the attack reach its steady state
        try:
            timings = probe(200)
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=30)
        p99 = statistics.quantiles(timings, n=100)[98]
        rounds.append((p99, baseline))
        print(
            f"/roles and /healthz under 40 attackers: p50 {statistics.median(timings):.1f} ms, p99 {p99:.1f} ms "
            f"(without them: p99 {baseline:.1f} ms); attack statuses {dict(statuses)}"
        )
        # What the machine adds by itself (the baseline) is allowed twice on top of the attack's 100 ms.
        if p99 <= P99_MS + 2 * baseline:
            break
    assert statuses[500] == 0
    assert set(statuses) <= {200, 400, 503}, statuses
    assert any(p99 <= P99_MS + 2 * baseline for p99, baseline in rounds), rounds


def test_killing_the_engine_during_queries_gives_no_500_and_it_answers_again_within_2_s(live_server):
    stop = threading.Event()
    statuses: Counter[int] = Counter()
    bodies: dict[int, str] = defaultdict(str)
    lock = threading.Lock()
    queries = [
        "MATCH (r:Role)-[:REQUIRES_SKILL]->(s:Skill) RETURN r.title, count(s) ORDER BY r.title",
        "MATCH p = (:Role)-[:REPORTS_TO*1..3]->(:Role) RETURN count(p)",
    ]

    def client_loop(index: int) -> None:
        with httpx.Client(base_url=live_server.url, timeout=60) as client:
            while not stop.is_set():
                response = client.post("/cypher", json={"query": queries[index % 2]})
                catalog = client.post("/queries/most-required-skills", json={})
                with lock:
                    for answer in (response, catalog):
                        statuses[answer.status_code] += 1
                        if answer.status_code >= 500:
                            bodies[answer.status_code] = answer.text[:300]

    # Three clients and the probe: within cypher_max_in_flight, so every 503 is the engine's.
    threads = [threading.Thread(target=client_loop, args=(i,), daemon=True) for i in range(3)]
    for thread in threads:
        thread.start()
    recoveries = []
    try:
        with httpx.Client(base_url=live_server.url, timeout=30) as probe:
            for _ in range(3):
                time.sleep(0.5)
                pid = live_server.engine_pid
                assert pid is not None
                os.kill(pid, signal.SIGKILL)
                recoveries.append(_wait_until_answering(probe))
                assert live_server.engine_pid != pid
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    print(f"engine killed 3 times under load: statuses {dict(statuses)}, recovery {[round(r, 2) for r in recoveries]}")
    assert statuses[500] == 0, bodies
    assert set(statuses) <= {200, 503}, (statuses, dict(bodies))
    assert max(recoveries) <= RESTART_S
    if 503 in bodies:
        assert "FalkorDB" in bodies[503], bodies[503]


@pytest.mark.parametrize("path", ["/roles", "/healthz"])
def test_the_live_server_answers_rest_routes(live_server, path):
    assert httpx.get(live_server.url + path, timeout=10).status_code == 200


def test_80_deeply_nested_queries_at_once_are_all_refused_in_bounds_while_healthz_answers(live_server):
    """The issue's attack: 80 clients send a 26-level query at once (it used to hold every worker)."""
    query = "RETURN " + "(" * 26 + "1" + ")" * 26
    answers: list[tuple[int, float]] = []
    lock = threading.Lock()
    go = threading.Event()

    def attacker() -> None:
        with httpx.Client(base_url=live_server.url, timeout=60) as client:
            go.wait()
            started = time.monotonic()
            status = client.post("/cypher", json={"query": query}).status_code
            with lock:
                answers.append((status, time.monotonic() - started))

    threads = [threading.Thread(target=attacker, daemon=True) for _ in range(80)]
    for thread in threads:
        thread.start()
    go.set()
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        health = [client.get(path).status_code for path in ("/healthz", "/roles", "/healthz")]
    for thread in threads:
        thread.join(timeout=60)
    assert health == [200, 200, 200]
    assert len(answers) == 80
    assert {status for status, _ in answers} == {400}
    # 80 connections at once to one event loop on two shared cores: twice the bound of one answer.
    assert max(seconds for _, seconds in answers) <= 2 * BOUND_S
