"""Titles whose symbols are the name (C++, C#, F#, .NET) stay distinct roles with ids that keep them."""

from __future__ import annotations

from graph.pipeline import build_snapshot
from loaders import load_paths
from loaders.taxonomy import load_taxonomy
from tests.robustness.hostile import SEEDS

TITLES = ["C++ Engineer", "C Engineer", "C# Developer", "C Developer", ".NET Developer", "F# Engineer"]


def test_cpp_csharp_fsharp_and_dotnet_roles_do_not_merge_into_c_roles(tmp_path):
    roles = "roles:\n" + "".join(f"  - title: '{title}'\n" for title in TITLES)
    (tmp_path / "languages.yaml").write_text(roles, encoding="utf-8")
    snapshot = build_snapshot(load_paths([tmp_path], root=tmp_path), load_taxonomy(SEEDS / "taxonomy"))
    by_title = {role.title: role.id for role in snapshot.roles}
    assert by_title == {
        "C++ Engineer": "role:cpp-engineer",
        "C Engineer": "role:c-engineer",
        "C# Developer": "role:csharp-developer",
        "C Developer": "role:c-developer",
        ".NET Developer": "role:dotnet-developer",
        "F# Engineer": "role:fsharp-engineer",
    }
