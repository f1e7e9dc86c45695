"""`orgkg load / stats / roles / role / export / validate`, run as the installed command."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from loaders import FORMATS

ORGKG = Path(sys.executable).with_name("orgkg")


def run(data_dir: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ORGKG), "--data-dir", str(data_dir), *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, repo_root) -> Path:
    data_dir = tmp_path_factory.mktemp("cli")
    result = run(data_dir, "load", "seeds", cwd=repo_root)
    assert result.returncode == 0, result.stderr
    return data_dir


def test_load_prints_counts_per_label_and_type(tmp_path, repo_root):
    result = run(tmp_path, "load", "seeds", cwd=repo_root)
    assert result.returncode == 0, result.stderr
    for name in ("Role", "Skill", "KPI", "REQUIRES_SKILL", "PROMOTES_TO"):
        assert name in result.stdout
    assert "loaded 9 documents" in result.stdout
    assert (tmp_path / "snapshot.json").is_file()


def test_load_reports_a_broken_file_with_its_path_and_loads_the_rest(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.yaml").write_text("title: Head of Widgets\nskills: [Kubernetes]\n")
    (docs / "bad.yaml").write_text("title: Broken\nskills: [unclosed\n")
    result = run(tmp_path / "data", "load", str(docs), cwd=tmp_path)
    assert result.returncode == 0
    assert "docs/bad.yaml:" in result.stderr
    stats = json.loads(run(tmp_path / "data", "stats", "--json").stdout)
    assert stats["counts"]["Role"] == 1


def test_stats_json_has_counts(loaded):
    stats = json.loads(run(loaded, "stats", "--json").stdout)
    assert stats["counts"]["Role"] == 40 and stats["counts"]["Source"] == 9


def test_roles_lists_every_role(loaded):
    roles = json.loads(run(loaded, "roles", "--json").stdout)
    assert len(roles) == 40
    assert {"SRE Manager", "VP of Infrastructure", "Global Head of SRE"} <= {r["title"] for r in roles}


def test_role_card_resolves_aliases_and_shows_evidence(loaded):
    card = json.loads(run(loaded, "role", "Site Reliability Engineering Manager", "--json").stdout)
    assert card["role"]["id"] == "role:sre-manager"
    skills = {s["name"] for group in card["skills"] for s in group["skills"]}
    assert {"SLOs", "error budgets", "incident management", "capacity planning"} <= skills


def test_unknown_role_exits_non_zero_with_suggestions(loaded):
    result = run(loaded, "role", "Head of Widgetry")
    assert result.returncode == 1
    assert "no role matches 'Head of Widgetry'" in result.stderr


def test_export_json_has_nodes_and_relationships(loaded, tmp_path):
    out = tmp_path / "graph.json"
    assert run(loaded, "export", "--format", "json", "--out", str(out)).returncode == 0
    data = json.loads(out.read_text())
    assert {n["label"] for n in data["nodes"]} == {"Role", "JobFamily", "Skill", "SkillCategory", "KPI", "Source"}
    rel = next(r for r in data["relationships"] if r["type"] == "REQUIRES_SKILL")
    assert {"source", "line", "evidence", "method"} <= set(rel["properties"])


def test_export_graphml_opens_in_networkx(loaded, tmp_path):
    out = tmp_path / "graph.graphml"
    assert run(loaded, "export", "--format", "graphml", "--out", str(out)).returncode == 0
    graph = nx.read_graphml(out)
    assert graph.nodes["role:sre-manager"]["title"] == "SRE Manager"
    assert graph.number_of_edges() > 500


def test_export_csv_follows_the_neo4j_admin_header_convention(loaded, tmp_path):
    out = tmp_path / "csv"
    assert run(loaded, "export", "--format", "csv", "--out", str(out)).returncode == 0
    with (out / "nodes_Role.csv").open() as f:
        header = next(csv.reader(f))
    assert header[:2] == ["id:ID", ":LABEL"] and "aliases:string[]" in header and "level_rank:long" in header
    with (out / "relationships_REPORTS_TO.csv").open() as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert ["role:sre-manager", "role:sre-director", "REPORTS_TO"] in [r[:3] for r in rows]


def test_validate_passes_the_seeds_with_warnings_only(loaded):
    result = run(loaded, "validate")
    assert result.returncode == 0, result.stdout
    assert "0 errors" in result.stdout and "possible duplicate roles" in result.stdout


def test_validate_fails_on_a_dangling_stated_reference(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.yaml").write_text("title: Platform Lead\nreports_to: Head of Nowhere\n")
    run(tmp_path / "data", "load", str(docs), cwd=tmp_path)
    result = run(tmp_path / "data", "validate")
    assert result.returncode == 1
    assert "docs/a.yaml:2" in result.stdout and "'Head of Nowhere' names no loaded role" in result.stdout


def test_validate_fails_on_a_reporting_cycle(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.yaml").write_text("title: Alpha Manager\nreports_to: Beta Director\n")
    (docs / "b.yaml").write_text("title: Beta Director\nreports_to: Alpha Manager\n")
    run(tmp_path / "data", "load", str(docs), cwd=tmp_path)
    result = run(tmp_path / "data", "validate", "--json")
    assert result.returncode == 1
    assert [f["kind"] for f in json.loads(result.stdout) if f["severity"] == "error"] == ["cycle"]


def test_commands_without_a_snapshot_say_to_run_load(tmp_path):
    result = run(tmp_path, "stats")
    assert result.returncode == 1 and "run `orgkg load` first" in result.stderr


def test_error_messages_are_printed_literally_not_as_markup(loaded):
    result = run(loaded, "role", "[bold]Head of Widgetry[/bold]")
    assert result.returncode == 1
    assert "no role matches '[bold]Head of Widgetry[/bold]'" in result.stderr


def test_load_help_names_every_format_it_can_force(tmp_path):
    shown = " ".join(re.sub(r"-\n\s*", "-", run(tmp_path, "load", "--help").stdout).split())
    assert [name for name in FORMATS if name not in shown] == []


@pytest.mark.skipif(sys.platform != "linux", reason="counts the kernel's threads of this process")
def test_the_load_progress_bar_starts_no_thread_so_the_parse_pool_can_fork():
    from api.cli.documents import load_progress

    def threads() -> int:
        return len(list(Path("/proc/self/task").iterdir()))

    before = threads()
    with load_progress(every_s=0.0) as progress:
        for done in range(1, 4):
            progress(done, 3)
        during = threads()

    assert during == before


def _run_with_env(data_dir: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ORGKG), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


@pytest.mark.parametrize(
    ("variable", "value", "said"),
    [
        ("ORGKG_CYPHER_MAX_ROWS", "lots", "ORGKG_CYPHER_MAX_ROWS: 'lots' is not usable: Input should be a valid"),
        ("ORGKG_SEEDS", "[not json", "ORGKG_SEEDS: '[not json' is not usable"),
        ("ORGKG_STORE", "mysql", "ORGKG_STORE: 'mysql' is not usable: Input should be 'falkordb' or 'neo4j'"),
    ],
)
def test_a_setting_that_cannot_be_used_is_named_with_what_it_held_not_a_traceback(tmp_path, variable, value, said):
    result = _run_with_env(tmp_path, {variable: value}, "stats")

    assert result.returncode == 1
    assert said in result.stderr and "Traceback" not in result.stderr


def test_seeds_can_be_plain_paths_separated_like_path(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, title in ((first, "Data Engineer"), (second, "Data Manager")):
        folder.mkdir()
        (folder / "role.txt").write_text(f"{title}: Role Blueprint\nBuilds pipelines.\n")

    result = _run_with_env(tmp_path / "data", {"ORGKG_SEEDS": f"{first}{os.pathsep}{second}"}, "load")

    assert result.returncode == 0, result.stderr
    assert "loaded 2 documents" in result.stdout


def test_a_load_that_reads_no_role_and_fails_keeps_the_saved_snapshot(tmp_path, repo_root):
    data_dir = tmp_path / "data"
    assert run(data_dir, "load", "seeds", cwd=repo_root).returncode == 0
    saved = (data_dir / "snapshot.json").read_bytes()

    mistyped = run(data_dir, "load", str(tmp_path / "no-such-folder"))

    assert mistyped.returncode == 1
    assert "no role was read from" in mistyped.stderr and "no such file or folder" in mistyped.stderr
    assert "snapshot.json is kept as it was" in mistyped.stderr
    assert (data_dir / "snapshot.json").read_bytes() == saved


def test_a_load_of_an_empty_folder_is_not_a_failure(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()

    result = run(tmp_path / "data", "load", str(empty))

    assert result.returncode == 0 and "loaded 0 documents" in result.stdout


def test_serve_keeps_serving_the_saved_snapshot_when_the_seeds_read_no_role(tmp_path, repo_root):
    import socket
    import time

    import httpx

    data_dir = tmp_path / "data"
    assert run(data_dir, "load", "seeds", cwd=repo_root).returncode == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ORGKG_SEEDS": str(tmp_path / "no-such-seeds")}
    command = [str(ORGKG), "--data-dir", str(data_dir), "serve", "--rebuild", "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        ready = None
        for _ in range(200):
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        assert ready is not None and ready.status_code == 200
        assert ready.json()["counts"]["Role"] > 0
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "no role was read from" in err and "serving that snapshot" in err
