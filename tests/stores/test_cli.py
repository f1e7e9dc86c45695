"""``orgkg sync / cypher / query / queries``, run as the installed command on a saved snapshot."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.snapshot import save_snapshot
from tests.stores.test_embedded import alive

ORGKG = Path(sys.executable).with_name("orgkg")


def run(data_dir: Path, *args: str, env: dict[str, str] | None = None, stdin: str | None = None):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("ORGKG_")}
    environment.update(env or {})
    return subprocess.run(
        [str(ORGKG), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        input=stdin,
    )


@pytest.fixture(scope="module")
def cli(tmp_path_factory, falkordb_url, sample_snapshot):
    """A data dir with the sample snapshot, and the environment pointing at the shared FalkorDB."""
    data_dir = tmp_path_factory.mktemp("cli-store")
    save_snapshot(sample_snapshot, data_dir / "snapshot.json")
    env = {"ORGKG_FALKORDB_URL": falkordb_url, "ORGKG_GRAPH_NAME": "cli"}

    def orgkg(*args: str, stdin: str | None = None):
        return run(data_dir, *args, env=env, stdin=stdin)

    return orgkg


def test_cypher_json_output_parses(cli):
    result = cli("cypher", "MATCH (r:Role) RETURN r.title AS title ORDER BY title LIMIT 2", "--json")

    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["columns"] == ["title"]
    assert body["rows"] == [["Director, Infrastructure"], ["Head of SRE"]]


def test_cypher_csv_output_parses(cli):
    result = cli(
        "cypher", "MATCH (r:Role {id: $id}) RETURN r.title, r.aliases", "--param", "id=role:sre-manager", "--csv"
    )

    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows == [["r.title", "r.aliases"], ["SRE Manager", '["Site Reliability Engineering Manager"]']]


def test_cypher_reads_a_file_with_json_parameters(cli, tmp_path):
    query = tmp_path / "q.cypher"
    query.write_text("// roles by rank\nMATCH (r:Role) WHERE r.level_rank >= $rank RETURN count(r) AS n\n")

    result = cli("cypher", "-f", str(query), "-p", "rank=3", "--json")

    assert json.loads(result.stdout)["rows"] == [[4]]


def test_cypher_reads_stdin(cli):
    result = cli("cypher", "-f", "-", "--json", stdin="MATCH (k:KPI) RETURN count(k)")

    assert json.loads(result.stdout)["rows"] == [[6]]


def test_cypher_table_output_names_the_columns(cli):
    result = cli("cypher", "MATCH (f:JobFamily) RETURN f.name AS family ORDER BY family")

    assert result.returncode == 0
    assert "family" in result.stdout and "Security Engineering" in result.stdout


def test_refused_write_exits_non_zero_with_the_message(cli):
    result = cli("cypher", "MATCH (r:Role) DETACH DELETE r")

    assert result.returncode != 0
    assert "write clause DETACH DELETE is not allowed" in result.stderr
    assert json.loads(cli("cypher", "MATCH (r:Role) RETURN count(r)", "--json").stdout)["rows"] == [[10]]


def test_failed_query_exits_non_zero_with_line_and_column(cli):
    result = cli("cypher", "MATCH (r:Role)\nRETURN r.title LIMIT")

    assert result.returncode != 0
    assert "line 2, column 21" in result.stderr


def test_truncated_output_says_so(cli):
    result = cli("cypher", "UNWIND range(1, 30) AS x RETURN x", "--max-rows", "5", "--json")

    body = json.loads(result.stdout)
    assert (len(body["rows"]), body["truncated"]) == (5, True)
    assert "truncated" in result.stderr


def test_query_runs_a_catalog_query_with_parameters(cli):
    result = cli("query", "shared-skills", "--param", "role=SRE Manager", "--param", "min_shared=4", "--json")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["rows"] == [
        [
            "role:manager-infrastructure",
            "Manager, Infrastructure",
            4,
            ["Coaching", "Hiring", "Incident Management", "Observability"],
        ]
    ]


def test_query_without_a_required_parameter_names_it(cli):
    result = cli("query", "shared-skills")

    assert result.returncode != 0
    assert "role: required" in result.stderr


def test_query_with_an_unknown_name_suggests_names(cli):
    result = cli("query", "carrer-ladder")

    assert result.returncode != 0
    assert "career-ladder" in result.stderr


def test_queries_lists_the_catalog_as_json(cli):
    listed = json.loads(cli("queries", "--json").stdout)

    assert len(listed) >= 12
    assert {"name", "description", "params"} <= set(listed[0])


def test_sync_prints_counts_and_is_idempotent(cli, sample_snapshot):
    first = json.loads(cli("sync", "--json", "--batch-size", "7").stdout)
    second = json.loads(cli("sync", "--json").stdout)

    size = len(sample_snapshot.nodes()) + len(sample_snapshot.relationships)
    totals = [
        sum(c[kind] for group in ("nodes", "relationships") for c in body[group].values())
        for body in (first, second)
        for kind in ("created", "updated", "deleted", "unchanged")
    ]
    assert totals[4:] == [0, 0, 0, size]
    assert first["batch_size"] == 7


def test_sync_table_output(cli):
    result = cli("sync")

    assert result.returncode == 0, result.stderr
    assert "REQUIRES_SKILL" in result.stdout and "synced to FalkorDB" in result.stdout


def test_embedded_cli_commands_leave_no_server_running(tmp_path, sample_snapshot):
    save_snapshot(sample_snapshot, tmp_path / "snapshot.json")

    synced = run(tmp_path, "sync")
    answered = run(tmp_path, "query", "roles-without-kpi", "--json")

    assert synced.returncode == 0, synced.stderr
    ids = [row[0] for row in json.loads(answered.stdout)["rows"]]
    assert ids == ["role:head-of-sre", "role:site-reliability-engineer"]
    pid_file = tmp_path / "falkordb" / "redis.pid"
    assert not pid_file.exists()
    assert not (tmp_path / "falkordb" / "redis.sock").exists()
    log = (tmp_path / "falkordb" / "redis.log").read_text()
    pids = {int(line.split(":")[0]) for line in log.splitlines() if line[:1].isdigit() and ":" in line}
    assert pids and not any(alive(pid) for pid in pids)


def test_neo4j_without_a_uri_explains_what_to_set(tmp_path, sample_snapshot):
    save_snapshot(sample_snapshot, tmp_path / "snapshot.json")

    result = run(tmp_path, "sync", "--neo4j")

    assert result.returncode != 0
    assert "ORGKG_NEO4J_URI" in result.stderr


@pytest.mark.parametrize(
    ("env", "query", "says"),
    [
        ({"ORGKG_CYPHER_MAX_NESTING": "3"}, "RETURN ((((1))))", "cypher_max_nesting"),
        ({"ORGKG_CYPHER_MAX_QUERY_BYTES": "64"}, "MATCH (r:Role) WHERE r.title <> '" + "x" * 60 + "' RETURN r",
         "cypher_max_query_bytes"),
        ({"ORGKG_CYPHER_MAX_RANGE": "100"}, "UNWIND range(1, 1000) AS x RETURN count(x)", "cypher_max_range"),
        ({"ORGKG_CYPHER_MAX_PARAM_DEPTH": "1"}, "RETURN $x", "cypher_max_param_depth"),
    ],
)
def test_cypher_applies_the_servers_named_limits_from_the_environment(tmp_path, sample_snapshot, env, query, says):
    save_snapshot(sample_snapshot, tmp_path / "snapshot.json")
    result = run(tmp_path, "cypher", query, "--param", "x=[[1]]", env=env)

    assert result.returncode != 0
    assert says in result.stderr
    assert not (tmp_path / "falkordb").exists()  # refused before the engine starts
