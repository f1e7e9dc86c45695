"""The CLI as a person reads it in an 80-column terminal: words wrap whole, evidence is ``file:line`` and
the sentence, the role card is short unless ``--full``, flags look like flags, commands come in the
order people use them, and ``--json`` errors are JSON on stdout with a non-zero exit."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from api.cli import COMMAND_ORDER

ORGKG = Path(sys.executable).with_name("orgkg")
CLI_SOURCES = Path(__file__).resolve().parents[2] / "api" / "cli"


def run(data_dir: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "80", "LINES": "50"}
    return subprocess.run(
        [str(ORGKG), "--data-dir", str(data_dir), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, repo_root) -> Path:
    data_dir = tmp_path_factory.mktemp("cli80")
    result = run(data_dir, "load", "seeds", cwd=repo_root)
    assert result.returncode == 0, result.stderr
    return data_dir


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]{3,}", text))


# Each command, and the --json form whose text holds every name it prints.
COMMANDS = [
    ("roles",),
    ("role", "SRE Manager"),
    ("role", "Manager, Infrastructure (Production Engineering)", "--full"),
    ("path", "SRE Manager", "Global Head of SRE"),
    ("path", "Manager, Infrastructure", "VP of Infrastructure", "--k", "1"),
    ("next", "Manager, Infrastructure"),
    ("gap", "SRE Manager", "Head of SRE"),
    ("shared", "SRE Manager", "Platform Engineering Manager", "Observability Engineering Manager"),
    ("similar", "Head of SRE"),
    ("chain", "SRE Manager"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_no_word_is_broken_at_80_columns(loaded, args):
    shown = run(loaded, *args)
    assert shown.returncode == 0, shown.stderr
    assert all(len(line.rstrip()) <= 80 for line in shown.stdout.splitlines())
    as_json = run(loaded, *args, "--json")
    known = _words(as_json.stdout) | _words("".join(p.read_text() for p in CLI_SOURCES.glob("*.py")))
    broken = _words(shown.stdout) - known
    assert not broken, f"pieces of words: {sorted(broken)}"


def test_role_card_is_short_by_default_and_full_on_request(loaded):
    short = run(loaded, "role", "SRE Manager").stdout
    full = run(loaded, "role", "SRE Manager", "--full").stdout
    card = json.loads(run(loaded, "role", "SRE Manager", "--json").stdout)
    assert len(short.splitlines()) <= 40 < len(full.splitlines())
    assert "--full" in short
    skills = [s["name"] for group in card["skills"] for s in group["skills"]]
    assert all(name in " ".join(full.split()) for name in skills)


def test_full_card_gives_evidence_as_file_line_and_the_whole_sentence(loaded):
    full = " ".join(run(loaded, "role", "SRE Manager", "--full").stdout.split())
    # seeds/blueprints/sre-manager.md, line 29 of its Skills list: "- SLOs and error budgets"
    assert "seeds/blueprints/sre-manager.md:29 \u201cSLOs and error budgets\u201d" in full
    # a long sentence comes whole, not cut to a width
    assert "\u201cRun the incident management process and blameless postmortems\u201d" in full


def test_path_steps_say_how_they_are_known_and_explain_the_cost(loaded):
    out = " ".join(run(loaded, "path", "SRE Manager", "Global Head of SRE", "--k", "1").stdout.split())
    assert "1. SRE Director — promotion, stated" in out
    assert "2. Head of SRE — promotion, inferred, confidence 0.70" in out
    assert "cost 3 = promotion 1 + promotion 1 + promotion 1; 1 of the 3 moves inferred" in out
    assert "seeds/blueprints/sre-manager.md:48 \u201cPromotes to: SRE Director\u201d" in out


def test_path_never_asks_to_gain_what_the_start_role_has(loaded):
    card = json.loads(run(loaded, "role", "SRE Manager", "--json").stdout)
    have = {s["id"] for group in card["skills"] for s in group["skills"]} | {k["id"] for k in card["kpis"]}
    found = json.loads(run(loaded, "path", "SRE Manager", "Global Head of SRE", "--json").stdout)
    for path in found["paths"]:
        gained = [i["id"] for step in path["steps"] for i in step["skills_to_gain"] + step["kpis_to_gain"]]
        assert not set(gained) & have and len(gained) == len(set(gained))
    text = run(loaded, "path", "SRE Manager", "Global Head of SRE").stdout
    assert "people leadership" not in text and "operational excellence" not in text


def test_gap_lists_had_missing_and_where_on_the_way(loaded):
    out = " ".join(run(loaded, "gap", "SRE Manager", "Head of SRE").stdout.split())
    assert "cheapest path: SRE Manager → SRE Director → Head of SRE" in out
    assert "operating model design (0.8) — on the way at SRE Director" in out
    had = out.split("Already had", 1)[1].split("Only SRE Manager asks", 1)[0]
    assert "people leadership" in had


def test_a_corrected_name_is_noted(loaded):
    shown = run(loaded, "role", "SRE Manger")
    assert shown.returncode == 0
    assert "note: 'SRE Manger' matched no role exactly and was read as SRE Manager" in " ".join(shown.stdout.split())


def test_help_lists_commands_in_the_order_people_use_them(loaded):
    out = run(loaded, "--help").stdout
    listed = re.findall(r"^  ([a-z]+) {2,}", out.split("Commands:", 1)[1], flags=re.M)
    assert listed == COMMAND_ORDER


@pytest.mark.parametrize("command", COMMAND_ORDER)
def test_flags_are_shown_as_flags(loaded, command):
    out = run(loaded, command, "--help").stdout
    assert "<bool>" not in out
    if "--json" in out:
        assert re.search(r"^  --json {2,}\S", out, flags=re.M), out


def test_json_errors_are_json_on_stdout_with_a_non_zero_exit(loaded):
    unknown = run(loaded, "role", "Head of Widgetry", "--json")
    assert unknown.returncode == 1
    body = json.loads(unknown.stdout)
    assert body["error"] == "RoleNotFound" and "Head of SRE" in body["suggestions"]
    usage = run(loaded, "gap", "SRE Manager", "--json")
    assert usage.returncode == 2
    assert json.loads(usage.stdout)["error"] == "MissingParameter"
    same = run(loaded, "gap", "SRE Manager", "SRE Manager", "--json")
    assert same.returncode == 1 and json.loads(same.stdout)["error"] == "InvalidParameter"


def test_errors_without_json_stay_text_on_stderr(loaded):
    unknown = run(loaded, "role", "Head of Widgetry")
    assert unknown.returncode == 1 and unknown.stdout == ""
    assert "did you mean: 'Head of SRE'" in " ".join(unknown.stderr.split())
