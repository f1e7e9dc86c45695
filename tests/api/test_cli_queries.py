import json
import sys

import pytest
from typer.testing import CliRunner

import api.cli
from api.cli import queries  # noqa: F401  (registers the commands)
from api.cli.app import app, console
from api.settings import Settings
from graph.errors import RoleNotFound
from graph.queries.sample import sample_snapshot
from graph.snapshot import save_snapshot


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-data")
    save_snapshot(sample_snapshot(), Settings(data_dir=path).snapshot_path)
    return path


@pytest.fixture
def orgkg(data_dir, monkeypatch):
    monkeypatch.setattr(console, "width", 200)
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, ["--data-dir", str(data_dir), *args])

    return run


def test_path_prints_each_path_with_its_cost_explained(orgkg):
    result = orgkg("path", "Software Engineer", "VP of Engineering", "--k", "2")
    assert result.exit_code == 0, result.output
    assert "Path 1: Software Engineer → VP of Engineering, 4 moves" in result.output
    assert "cost 4 = promotion 1 + promotion 1 + promotion 1 + promotion 1" in result.output
    assert "Path 2" in result.output and "Senior Engineering Manager" in result.output


def test_path_json_is_the_query_result(orgkg):
    result = orgkg("path", "swe", "vpe", "--k", "1", "--json")
    body = json.loads(result.output)
    assert [s["end"]["id"] for s in body["paths"][0]["steps"]][-1] == "role:vp"


def test_path_without_route_explains_and_shows_closest(orgkg):
    result = orgkg("path", "EM", "SRE Manager", "--promotions-only")
    assert result.exit_code == 0 and "no path from Engineering Manager to SRE Manager" in result.output
    assert "Path to" in result.output


def test_next_shared_similar_gap_and_chain_print_tables(orgkg):
    assert "Senior Engineering Manager" in orgkg("next", "EM").output
    shared = orgkg("shared", "SRE Manager", "Platform Engineering Manager", "EM", "--min-roles", "2")
    assert "Skills all 3 hold" in shared.output and "Observability" in shared.output
    assert "Roles similar to SRE Manager" in orgkg("similar", "sre-manager", "--limit", "3").output
    gap = orgkg("gap", "EM", "SRE Manager")
    assert "Missing skills (2)" in gap.output and "SLOs (1)" in gap.output
    chain = orgkg("chain", "Senior Engineering Manager")
    assert "reports to" in chain.output and "Software Engineer" in chain.output


@pytest.mark.parametrize(
    "args",
    [("next", "EM"), ("shared", "EM", "swe"), ("similar", "EM"), ("gap", "EM", "swe"), ("chain", "EM")],
)
def test_every_command_has_json(orgkg, args):
    result = orgkg(*args, "--json")
    assert result.exit_code == 0 and isinstance(json.loads(result.output), dict)


def test_unknown_role_raises_the_orgkg_error_with_suggestions(orgkg):
    result = orgkg("next", "Enginering Manger of Data Stuff")
    assert isinstance(result.exception, RoleNotFound)


def test_main_exits_1_and_prints_suggestions(data_dir, monkeypatch, capsys):
    monkeypatch.setattr(api.cli, "_register_commands", lambda: None)
    monkeypatch.setattr(sys, "argv", ["orgkg", "--data-dir", str(data_dir), "similar", "Platfrm Directr"])
    with pytest.raises(SystemExit) as exited:
        api.cli.main()
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert "no role matches 'Platfrm Directr'" in err and "did you mean" in err
