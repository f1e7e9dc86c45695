import time

from loaders import load_file, load_paths

GOOD_CATALOG = "SRE Manager: Role Blueprint, Skills\nThe SRE Manager leads SRE.\n"


def only_problem(result):
    [problem] = result.all_problems
    return problem


def test_empty_file(tmp_path):
    (tmp_path / "empty.md").write_text("  \n")
    problem = only_problem(load_paths([tmp_path / "empty.md"], root=tmp_path))
    assert (problem.path, problem.line, problem.message, problem.severity) == ("empty.md", 1, "empty file", "error")


def test_binary_file(tmp_path):
    (tmp_path / "blob.txt").write_bytes(b"abc\ndef\x00ghi")
    problem = only_problem(load_paths([tmp_path / "blob.txt"], root=tmp_path))
    assert (problem.line, problem.message) == (2, "binary file: NUL byte at offset 7")


def test_non_utf8_is_read_in_its_encoding_with_a_warning_naming_offset_and_line(tmp_path):
    (tmp_path / "latin.txt").write_bytes(b"SRE Manager: Role Blueprint\nCaf\xe9\n")
    result = load_paths([tmp_path / "latin.txt"], root=tmp_path)
    assert [r.summary for r in result.roles] == ["Café"]
    problem = only_problem(result)
    assert (problem.line, problem.severity, problem.cause) == (2, "warning", "encoding")
    assert problem.message.startswith("read as cp1252 (not valid UTF-8: byte 0xe9 at offset 31, line 2;")


def test_unterminated_front_matter_keeps_the_body(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("---\ntitle: Infra\n\n## Manager\n\n### Job Grade\n\nThe Manager is a grade 8.\n")
    doc = load_file(path, root=tmp_path)
    assert [(p.line, p.severity) for p in doc.problems] == [(1, "error")]
    assert "unterminated YAML front matter" in doc.problems[0].message
    assert [(r.title, r.grade) for r in doc.roles] == [("Manager", 8)]


def test_malformed_front_matter_names_the_yaml_line(tmp_path):
    path = tmp_path / "page.md"
    path.write_text('---\ntitle: "Infra\nlevel: [x\n---\n## Manager\n\nThe Manager is a grade 8.\n')
    doc = load_file(path, root=tmp_path)
    [problem] = doc.problems
    assert problem.message.startswith("malformed YAML front matter")
    assert problem.line == 3  # where the unclosed quote meets the end of the front matter
    assert [r.grade for r in doc.roles] == [8]


def test_big_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.md"
    with path.open("wb") as f:
        f.write(b"# Huge\n")
        f.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    problem = only_problem(load_paths([path], root=tmp_path))
    assert time.perf_counter() - started < 0.5
    assert problem.message == "file is 50 MB, over the size limit of 10 MB (max_bytes=10485760)"
    small_limit = only_problem(load_paths([tmp_path], root=tmp_path, max_bytes=1000))
    assert "max_bytes=1000" in small_limit.message


def test_document_without_roles_is_a_warning(tmp_path):
    (tmp_path / "notes.txt").write_text("Just some notes.\n")
    result = load_paths([tmp_path], root=tmp_path)
    assert [d.source.path for d in result.documents] == ["notes.txt"]
    problem = only_problem(result)
    assert (problem.severity, problem.message) == ("warning", "no roles found (text format)")


def test_folder_with_one_bad_file_among_good_ones(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_CATALOG)
    (tmp_path / "b.yaml").write_text("title: X\nskills: [a\n")
    (tmp_path / "c.md").write_text("# Head of SRE\n\n## Skills\n\n- SLOs\n")
    (tmp_path / ".hidden.md").write_text("# Hidden\n")
    (tmp_path / "README.md").write_text("# Readme\n")
    (tmp_path / "taxonomy").mkdir()
    (tmp_path / "taxonomy" / "skills.yaml").write_text("not: a role\n")
    result = load_paths([tmp_path], root=tmp_path)
    assert [r.title for r in result.roles] == ["SRE Manager", "Head of SRE"]
    problem = only_problem(result)
    assert (problem.path, problem.line, problem.severity) == ("b.yaml", 3, "error")


def test_unknown_extension_warns_in_a_folder_and_errors_when_named(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_CATALOG)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    in_folder = only_problem(load_paths([tmp_path], root=tmp_path))
    assert (in_folder.path, in_folder.severity) == ("photo.png", "warning")
    named = only_problem(load_paths([tmp_path / "photo.png"], root=tmp_path))
    assert (named.path, named.severity) == ("photo.png", "error")
    assert "unknown file type '.png'" in named.message


def test_missing_path(tmp_path):
    problem = only_problem(load_paths([tmp_path / "nope.md"], root=tmp_path))
    assert (problem.path, problem.message, problem.severity) == ("nope.md", "no such file or folder", "error")


def test_forced_format_and_source_fields(tmp_path):
    path = tmp_path / "roles.md"
    path.write_text(GOOD_CATALOG)
    seen = []
    result = load_paths(
        [path], format="catalog", root=tmp_path, progress=lambda done, total: seen.append((done, total))
    )
    [doc] = result.documents
    assert (doc.source.id, doc.source.path, doc.source.format) == ("source:roles-md", "roles.md", "catalog")
    assert len(doc.source.sha256) == 64
    assert seen == [(1, 1)]
    assert doc.roles[0].sections[0].line == 2


def test_paths_outside_the_root_are_shown_as_given(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_CATALOG)
    result = load_paths([tmp_path / "a.txt"], root=tmp_path / "elsewhere")
    assert result.documents[0].source.path == (tmp_path / "a.txt").as_posix()
