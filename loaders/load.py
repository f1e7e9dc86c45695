"""Loading files and folders: walk, read safely, pick a format, parse, and never raise for a bad file."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path
from typing import Any

from graph.errors import DocumentError
from graph.ids import make_id
from graph.model import LoadProblem, LoadResult, ParsedDocument, Source
from loaders.base import Loader, ParseOutcome
from loaders.cache import cached_load
from loaders.contain import drop_unnamed, parse_contained
from loaders.content import clean_role_title
from loaders.hints import is_sidecar, read_sidecar
from loaders.layouts import LAYOUTS, interpret
from loaders.reading import DEFAULT_MAX_BYTES, decode_text, file_kind, read_bytes
from loaders.registry import FORMATS, detect_format

__all__ = ["AUTO_POOL_MIN_FILES", "SKIPPED_FOLDERS", "SKIPPED_NAMES", "load_file", "load_paths", "parse_bytes"]

SKIPPED_NAMES = {"README.md", "SOURCE.md"}
SKIPPED_FOLDERS = {"taxonomy"}

Progress = Callable[[int, int], None]


def load_paths(
    paths: Sequence[Path | str],
    *,
    format: str | None = None,
    root: Path | None = None,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: Path | None = None,
    workers: int | None = 1,
    on_document: Callable[[ParsedDocument], None] | None = None,
) -> LoadResult:
    """Parse every role document under ``paths`` (files or folders); problems never stop the load.

    Folders are walked in sorted order, skipping hidden entries, ``README.md``, ``SOURCE.md`` and
    ``taxonomy/`` folders. A file whose extension names no format is read when its content names one
    (a PDF or zip signature, an HTML page, JSON, Markdown headings, a catalog title); else, named
    directly, it is an error, and inside a folder it is skipped with a warning.

    Parameters
    ----------
    paths : files and folders to read.
    format : force one loader (a key of ``FORMATS``) instead of detecting it per file.
    root : ``Source.path`` is relative to it (default: the current folder, else the path as given).
    progress : called with ``(done, total)`` after each file.
    max_bytes : larger files are refused without being read.
    cache_dir : keep parsed documents there by content hash and reuse them (``loaders.cache``).
    on_document : called with each document, in the files' order, as soon as it is parsed: a caller can
        work on the first documents while the pool still parses the later ones.
    workers : processes that parse (``None``: one per usable core, at most ``MAX_WORKERS``, when there
        are at least ``POOL_MIN_FILES`` files and the pool can be forked from this process, else at
        least ``AUTO_POOL_MIN_FILES``; default 1, this process only). With fewer than
        ``POOL_MIN_FILES`` files everything is parsed here. Results
        keep the files' order, and each file's problems stay its own either way. The pool's processes
        import ``__main__`` again, as with any ``multiprocessing`` pool: a script calling this with
        more than one worker keeps its top-level code under ``if __name__ == "__main__":``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "a.txt").write_text("SRE Manager: Role Blueprint\\nLeads SRE.\\n")
    ...     _ = Path(tmp, "b.bin").write_bytes(b"\\x00")
    ...     result = load_paths([tmp], root=Path(tmp))
    >>> [r.title for r in result.roles], [(p.path, p.severity) for p in result.all_problems]
    (['SRE Manager'], [('b.bin', 'warning')])
    """
    result = LoadResult()
    if format is not None and format not in FORMATS:
        result.problems.append(LoadProblem(path="", message=f"unknown format {format!r}; use one of {sorted(FORMATS)}"))
        return result
    base = Path(root) if root is not None else Path.cwd()
    files = _collect(paths, base, format, result.problems, max_bytes)
    jobs = [(path, base, format, max_bytes, cache_dir) for path in files]
    for done, (document, problems) in enumerate(_parse_all(jobs, workers), start=1):
        result.problems.extend(problems)
        if document is not None:
            result.documents.append(document)
            if on_document is not None:
                on_document(document)
        if progress is not None:
            progress(done, len(files))
    return result


MAX_WORKERS = 4
POOL_MIN_FILES = 64
# A pool forked from this process starts in milliseconds: it pays from ~64 files (775 synthetic files: 3.0 s
# alone, 2.0 s with 2 workers on 2 cores). A process running other threads cannot fork safely (a child
# inherits locks those threads held), so its pool comes from a fork server that imports the parsers
# once (~1.2 s CPU, ~1 s of wall time), and pays only from ~2,000 files (775 files: 3.7 s alone, 3.6 s).
AUTO_POOL_MIN_FILES = 2000
_CHUNK = 16


def _load_job(job: tuple[Path, Path, str | None, int, Path | None]) -> tuple[ParsedDocument | None, list[LoadProblem]]:
    """One file, parsed (or answered from the cache): what a worker process runs."""
    path, base, format, max_bytes, cache_dir = job
    shown = _shown(path, base)  # resolves the path: once per file
    if cache_dir is None:
        return _load(path, base, format, max_bytes, shown)
    return cached_load(partial(_load, shown=shown), path, base, format, max_bytes, cache_dir, shown)


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _parse_all(jobs: list, workers: int | None) -> Iterator[tuple[ParsedDocument | None, list[LoadProblem]]]:
    """Every job's result in order: in a process pool when it pays, else here.

    The pool is forked from this process when it runs no other thread, else started by a fork server
    (never a fork of a process that may hold a server's threads). Should the pool itself break (a
    worker killed), the files it did not answer are parsed here, so the load still ends with every
    file's document or problem.
    """
    method = _start_method()
    if workers is None:
        many = len(jobs) >= (POOL_MIN_FILES if method == "fork" else AUTO_POOL_MIN_FILES)
        workers = _usable_cores() if many else 1
    count = min(workers, MAX_WORKERS, len(jobs) // _CHUNK or 1)
    if count < 2 or len(jobs) < POOL_MIN_FILES:
        yield from map(_load_job, jobs)
        return
    context = multiprocessing.get_context(method)
    if method == "forkserver":  # the fork server imports the parsers once (~1.2 s CPU); each worker forks from it
        context.set_forkserver_preload(["__main__", __name__])
    done = 0
    try:
        with ProcessPoolExecutor(count, mp_context=context) as pool:
            for answer in pool.map(_load_job, jobs, chunksize=_CHUNK):
                done += 1
                yield answer
    except (BrokenProcessPool, OSError):
        yield from map(_load_job, jobs[done:])


def _start_method() -> str:
    """``fork`` on Linux while this process has one thread, else ``forkserver`` (``spawn`` without it).

    The pool's executor forks every worker before it starts its own threads. The count is the kernel's,
    so a thread a C library started (a BLAS pool) counts too: ``graph`` asks OpenBLAS for none.
    """
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and _os_threads() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _os_threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0  # unknown: not one


def load_file(
    path: Path | str, *, format: str | None = None, root: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> ParsedDocument:
    """Parse one file. Problems, even an unreadable file, are in ``document.problems``; nothing is raised.

    Examples
    --------
    >>> doc = load_file("no/such/file.md")
    >>> doc.roles, str(doc.problems[0])
    ([], 'no/such/file.md: error: no such file or folder')
    """
    base = Path(root) if root is not None else Path.cwd()
    document, problems = _load(Path(path), base, format, max_bytes)
    if document is None:
        shown = _shown(Path(path), base)
        document = ParsedDocument(source=Source(id=_source_id(shown), path=shown, format=format or "", sha256=""))
    document.problems = problems + document.problems
    return document


def _shown(path: Path, base: Path) -> str:
    """The path as evidence shows it: relative to the root when inside it, posix style."""
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # outside the root, or a link loop that cannot be resolved
        return _relative(path, base)


def _relative(path: Path, base: Path) -> str:
    """The path relative to ``base`` without resolving links (it may be a loop)."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(os.path.abspath(base)).as_posix()
    except ValueError:
        return path.as_posix()


def _source_id(shown: str) -> str:
    try:
        return make_id("Source", shown)
    except ValueError:
        return "source:unnamed"


def _load(
    path: Path, base: Path, format: str | None, max_bytes: int, shown: str | None = None
) -> tuple[ParsedDocument | None, list[LoadProblem]]:
    """One file as a document, or None and the reason it could not be read (``shown``: its path as shown)."""
    shown = _shown(path, base) if shown is None else shown
    try:
        data = read_bytes(path, shown, max_bytes)
        hint = read_sidecar(path, shown)
        if format in LAYOUTS:  # a layout forced: a file another reader reads keeps its reader, and the layout
            hint = {**hint, "layout": format}
        name = _format_of(path, data, hint) if format is None or format in LAYOUTS else format
        outcome = parse_contained(lambda _, source: parse_bytes(data, source, name, hint), "", shown)
        outcome = drop_unnamed(outcome, shown)
    except DocumentError as err:
        return None, [LoadProblem(path=shown, line=err.line, message=err.reason, **err.at.beyond_line)]
    except Exception as err:  # outside the parser (format detection, hints): still this file's problem only
        return None, [LoadProblem(path=shown, message=f"cannot be read ({type(err).__name__}: {str(err)[:200]})")]
    shown_format = name if not outcome.layout or outcome.layout == name else f"{name}:{outcome.layout}"
    source = Source(id=_source_id(shown), path=shown, format=shown_format, sha256=hashlib.sha256(data).hexdigest())
    document = ParsedDocument(source=source, roles=outcome.roles, family=outcome.family, problems=outcome.problems)
    if not document.roles and not any(p.severity == "error" for p in document.problems):
        document.problems.append(LoadProblem(path=shown, message=f"no roles found ({name} format)", severity="warning"))
    return document, []


def parse_bytes(data: bytes, source: str, format: str, hint: dict[str, Any] | None = None) -> ParseOutcome:
    """The roles of one file's bytes read as ``format`` (a key of ``FORMATS``); pure, so it can run anywhere.

    A loader gets the decoded text; a reader the bytes, and its outline goes to ``loaders.layouts``
    with the sidecar ``hint`` (its ``layout``, when it names one, is the layout used).

    Raises
    ------
    DocumentError
        When the file cannot be read at all (empty, binary where text is expected, corrupt ...).

    Examples
    --------
    >>> [r.title for r in parse_bytes(b"SRE Manager: Role Blueprint\\nLeads SRE.\\n", "c.txt", "catalog").roles]
    ['SRE Manager']
    """
    outcome = _parse(data, source, format, hint)
    for role in outcome.roles:  # one title grammar for every format and layout
        clean_role_title(role, outcome.problems)
    return outcome


def _parse(data: bytes, source: str, format: str, hint: dict[str, Any] | None) -> ParseOutcome:
    """A text format is decoded once here (BOM, UTF-8, else the detected encoding, named in a warning);
    its reader gets UTF-8. A binary format's reader gets the bytes."""
    reader = FORMATS[format]
    notes: list[LoadProblem] = []
    if isinstance(reader, Loader) or not reader.binary:
        decoded = decode_text(data, source)
        if decoded.note:
            notes.append(
                LoadProblem(path=source, line=decoded.line, message=decoded.note, severity="warning", cause="encoding")
            )
            data = decoded.text.encode("utf-8")
    if isinstance(reader, Loader):
        if hint and reader.parse_hinted is not None:
            outcome = reader.parse_hinted(decoded.text, source, hint)
        else:
            outcome = reader.parse(decoded.text, source)
    else:
        if not data.strip():
            raise DocumentError(source, "empty file", line=1)
        outline = reader.read(data, source)
        if hint:
            outline.meta["orgkg"] = {**(outline.meta.get("orgkg") or {}), **hint}
        layout = hint.get("layout") if hint and hint.get("layout") in LAYOUTS else None
        outcome = interpret(outline, layout)
    outcome.problems[:0] = notes
    return outcome


def _format_of(path: Path, data: bytes, hint: dict[str, Any]) -> str:
    """The format of a file: detected, or the sidecar's ``layout`` for a text document (and for one
    no format reads); a reader's format stays, its outline gets the hint."""
    hinted = hint.get("layout")
    hinted = hinted if isinstance(hinted, str) and hinted in FORMATS else None
    try:
        detected = detect_format(path, data)
    except DocumentError:
        if hinted is None:
            raise
        return hinted
    if hinted is not None and isinstance(FORMATS[detected], Loader):
        return hinted
    return detected


def _collect(
    paths: Sequence[Path | str], base: Path, format: str | None, problems: list[LoadProblem], max_bytes: int
) -> list[Path]:
    files: list[Path] = []
    seen: set[tuple[int, int]] = set()  # folders already walked, by (device, inode): no loop, no folder twice
    for given in paths:
        path = Path(given)
        if _is_dir(path):
            files.extend(_walk(path, base, format, problems, seen, max_bytes))
        elif path.exists() and format is None and not _has_known_suffix(path):
            try:
                _sniff(path, _shown(path, base), max_bytes)
            except DocumentError as err:
                problems.append(LoadProblem(path=_shown(path, base), message=err.reason))
            else:
                files.append(path)
        else:
            files.append(path)  # a missing file (or a FIFO, a device...) becomes a problem when it is read
    return files


def _walk(
    folder: Path,
    base: Path,
    format: str | None,
    problems: list[LoadProblem],
    seen: set[tuple[int, int]],
    max_bytes: int,
) -> list[Path]:
    """The role documents under ``folder``: regular files (or links to them) only, each folder once."""
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:
            skipped = "skipped: a folder already read (a link back to a folder above it?)"
            problems.append(LoadProblem(path=_relative(folder, base), message=skipped, severity="warning"))
            return []
        seen.add((info.st_dev, info.st_ino))
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as err:
        problems.append(LoadProblem(path=_shown(folder, base), message=f"cannot read folder: {err.strerror or err}"))
        return []
    found: list[Path] = []
    for entry in entries:
        if entry.name.startswith(".") or entry.name in SKIPPED_NAMES or is_sidecar(entry):
            continue
        try:
            mode = entry.stat().st_mode
        except (OSError, RuntimeError) as err:  # a dangling link, a link loop
            reason = getattr(err, "strerror", None) or str(err)
            problems.append(LoadProblem(path=_relative(entry, base), message=f"skipped: {reason}", severity="warning"))
            continue
        if stat.S_ISDIR(mode):
            if entry.name not in SKIPPED_FOLDERS:
                found.extend(_walk(entry, base, format, problems, seen, max_bytes))
        elif not stat.S_ISREG(mode):
            skipped = f"skipped: {file_kind(mode)}, not a regular file"
            problems.append(LoadProblem(path=_relative(entry, base), message=skipped, severity="warning"))
        elif format is not None or _has_known_suffix(entry):
            found.append(entry)
        else:
            try:
                _sniff(entry, _shown(entry, base), max_bytes)
            except DocumentError as err:
                skipped = LoadProblem(path=_shown(entry, base), message=f"skipped: {err.reason}", severity="warning")
                problems.append(skipped)
            else:
                found.append(entry)
    return found


def _sniff(path: Path, shown: str, max_bytes: int) -> str:
    """The format of a file whose extension names none, from its content (the one detection ``_load``
    uses too); DocumentError when its content is no format orgkg reads either."""
    return _format_of(path, read_bytes(path, shown, max_bytes), read_sidecar(path, shown))


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, RuntimeError):
        return False


def _has_known_suffix(path: Path) -> bool:
    return any(path.suffix.lower() in loader.extensions for loader in FORMATS.values())
