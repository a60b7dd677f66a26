"""A throwaway PostgreSQL server for tests and benchmarks: :class:`PgCluster`.

One ``PgCluster`` is one server in its own temp directory (data, sockets, log) on a
free loopback port, tuned for speed, not durability: fsync, full_page_writes and
synchronous_commit are off, so ``stop("immediate")`` (a simulated crash) may lose the
transactions of the last few hundred milliseconds. It can be paused
(SIGSTOP) and resumed, restarted, promoted, and can make a streaming replica of itself
(``make_replica``), which is what failover tests and benchmarks need.

Safety rules this module keeps:
- it never touches the machine's own PostgreSQL (port 5432, /var/lib/postgresql): ports
  come from :func:`tests.lab.ports.free_port` and every directory is a fresh temp dir;
- it only signals processes it started: the postmaster pid comes from its own data
  directory's ``postmaster.pid`` and is checked against ``/proc/<pid>/cmdline``;
- every cluster is destroyed at the end, by its owner (fixture finalizer) or, as a
  safety net, by an ``atexit`` hook; destroying removes the temp directory.

PostgreSQL refuses to run as root: as root, server programs run as the ``postgres``
user through ``runuser -u postgres --`` and the temp directory is chowned to it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from tests.lab.ports import free_port

SERVER_USER = "postgres"
_SUPERUSER = "postgres"
_PROGRAMS = ("pg_ctl", "initdb", "postgres")
_INSTALL_HINT = (
    "PostgreSQL server binaries (pg_ctl, initdb, postgres) were not found in PATH nor in "
    "/usr/lib/postgresql/*/bin. Install them, e.g. `apt-get install -y postgresql` on "
    "Debian/Ubuntu (`make test` does this before running the tests)."
)
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_PREFIX = "notice-lookup-"
_OWNER_FILE = "owner.pid"  # pid of the process that made the cluster


class PgBinariesNotFound(RuntimeError):
    """No PostgreSQL server binaries on this machine; the message says how to install."""


class PgLabError(RuntimeError):
    """A lab operation failed; the message carries the command output and log tail."""


def find_bin_dir() -> Path:
    """Directory of pg_ctl/initdb/postgres: from PATH, else the highest /usr/lib version."""
    candidates: list[Path] = []
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)

    def version(path: Path) -> tuple[int, ...]:
        return tuple(int(p) for p in re.findall(r"\d+", path.parent.name)) or (0,)

    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True)
    for directory in candidates:
        if all((directory / program).is_file() for program in _PROGRAMS):
            return directory
    raise PgBinariesNotFound(_INSTALL_HINT)


def _children(pid: int) -> list[int]:
    """Pids whose parent is ``pid`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return found


class PgCluster:
    """One throwaway PostgreSQL server. Call :meth:`init` then :meth:`start`."""

    def __init__(
        self,
        root: Path | None = None,
        *,
        port: int | None = None,
        bin_dir: Path | None = None,
        name: str = "pg",
    ) -> None:
        self.bin_dir = bin_dir or find_bin_dir()
        self.name = name
        if root is None:
            reap_orphans(self.bin_dir)
            self.root = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{name}-"))
        else:
            self.root = Path(root)
            self.root.mkdir(parents=True, exist_ok=True)
            if any(self.root.iterdir()):
                raise PgLabError(f"{self.root} is not empty")
        self.data_dir = self.root / "data"
        self.socket_dir = self.root / "run"
        self.log_file = self.root / "server.log"
        self.port = port or free_port()
        self.host = "127.0.0.1"
        self._as_root = os.geteuid() == 0
        self._pid: int | None = None
        self._paused: list[int] = []
        self.socket_dir.mkdir()
        self.log_file.touch()
        (self.root / _OWNER_FILE).write_text(f"{os.getpid()}\n")
        self._chown(self.root, self.socket_dir, self.log_file)
        _LIVE[id(self)] = self

    # ------------------------------------------------------------ plumbing

    def _chown(self, *paths: Path) -> None:
        if not self._as_root:
            return
        user = pwd.getpwnam(SERVER_USER)
        for path in paths:
            os.chown(path, user.pw_uid, user.pw_gid)

    def _run(self, program: str, *args: str, timeout: float = 120.0, as_server: bool = True) -> str:
        command = [str(self.bin_dir / program), *args]
        if as_server and self._as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        try:
            done = subprocess.run(
                command,
                cwd=self.root,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise PgLabError(f"{program} timed out after {timeout}s{self._log_tail()}") from exc
        if done.returncode != 0:
            raise PgLabError(
                f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
                f"{self._log_tail()}"
            )
        return done.stdout

    def _log_tail(self, lines: int = 30) -> str:
        with contextlib.suppress(OSError):
            tail = self.log_file.read_text(errors="replace").splitlines()[-lines:]
            if tail:
                return "\n--- server log (tail) ---\n" + "\n".join(tail)
        return ""

    def _append_conf(self, settings: dict[str, str]) -> None:
        lines = "".join(f"{key} = {value}\n" for key, value in settings.items())
        with (self.data_dir / "postgresql.conf").open("a") as conf:
            conf.write(f"\n# tests.lab.postgres ({self.name})\n{lines}")

    def _own_settings(self) -> dict[str, str]:
        return {"port": str(self.port), "unix_socket_directories": f"'{self.socket_dir}'"}

    def _read_pid(self) -> int | None:
        """The postmaster pid of THIS data directory, if that process is alive."""
        try:
            pid = int((self.data_dir / "postmaster.pid").read_text().split()[0])
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
        except (OSError, ValueError, IndexError):
            return None
        return pid if str(self.data_dir).encode() in cmdline else None

    # ------------------------------------------------------------ lifecycle

    def init(self) -> None:
        """initdb with trust auth on 127.0.0.1 (and the private socket) only."""
        self._run(
            "initdb",
            "-D",
            str(self.data_dir),
            "-U",
            _SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        (self.data_dir / "pg_hba.conf").write_text(
            "local all         all              trust\n"
            "host  all         all 127.0.0.1/32 trust\n"
            "local replication all              trust\n"
            "host  replication all 127.0.0.1/32 trust\n"
        )
        self._append_conf(
            {
                "listen_addresses": "'127.0.0.1'",
                **self._own_settings(),
                "wal_level": "replica",
                "max_wal_senders": "10",
                "max_replication_slots": "10",
                "wal_keep_size": "'512MB'",
                "hot_standby": "on",
                "fsync": "off",
                "synchronous_commit": "off",
                "full_page_writes": "off",
                "max_connections": "200",
                "shared_buffers": "'256MB'",
                "max_wal_size": "'4GB'",
                "logging_collector": "off",
            }
        )

    @property
    def running(self) -> bool:
        return self._read_pid() is not None

    @property
    def pid(self) -> int | None:
        return self._pid

    def start(self, timeout: float = 60.0) -> None:
        """Start and wait (polling, bounded) until the server accepts connections."""
        self._run(
            "pg_ctl",
            "-D",
            str(self.data_dir),
            "-l",
            str(self.log_file),
            "-w",
            "-t",
            str(int(timeout)),
            "start",
            timeout=timeout + 10,
        )
        self._pid = self._read_pid()
        if self._pid is None:
            raise PgLabError(f"{self.name}: server did not start{self._log_tail()}")
        deadline = time.monotonic() + timeout
        while not self.accepts_connections():
            if time.monotonic() > deadline:
                raise PgLabError(f"{self.name}: not accepting connections{self._log_tail()}")
            time.sleep(0.05)

    def accepts_connections(self) -> bool:
        args = ("-q", "-h", self.host, "-p", str(self.port), "-U", _SUPERUSER, "-t", "2")
        try:
            self._run("pg_isready", *args, timeout=10, as_server=False)
        except PgLabError:
            return False
        return True

    def stop(self, mode: str = "fast", timeout: float = 60.0) -> None:
        """Stop the server (``fast``: clean; ``immediate``: like a crash). Idempotent."""
        if mode not in {"smart", "fast", "immediate"}:
            raise ValueError(f"unknown stop mode {mode!r}")
        if self._paused:
            self.resume()
        if self.running:
            args = ("-D", str(self.data_dir), "-m", mode, "-w", "-t", str(int(timeout)), "stop")
            self._run("pg_ctl", *args, timeout=timeout + 10)
        self._pid = None

    def restart(self, timeout: float = 60.0) -> None:
        self.stop("fast", timeout)
        self.start(timeout)

    def pause(self) -> None:
        """SIGSTOP the postmaster, then its children: the server hangs, sockets stay open."""
        pid = self._read_pid()
        if pid is None or self._paused:
            raise PgLabError(f"{self.name}: cannot pause (running={pid is not None})")
        os.kill(pid, signal.SIGSTOP)
        self._paused = [pid]
        for child in _children(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGSTOP)
                self._paused.append(child)

    def resume(self) -> None:
        """SIGCONT every process that :meth:`pause` stopped."""
        paused, self._paused = self._paused, []
        for pid in paused:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)

    @property
    def paused(self) -> bool:
        return bool(self._paused)

    def promote(self, timeout: float = 60.0) -> None:
        """Turn this standby into a primary; returns once it accepts writes."""
        self._run("pg_ctl", "-D", str(self.data_dir), "-w", "-t", str(int(timeout)), "promote")

    def make_replica(
        self, path: Path | None = None, port: int | None = None, name: str = "replica"
    ) -> PgCluster:
        """A streaming replica (pg_basebackup -R) in ``path``; call ``start()`` on it."""
        replica = PgCluster(path, port=port, bin_dir=self.bin_dir, name=name)
        try:
            replica._run(
                "pg_basebackup",
                "-h",
                self.host,
                "-p",
                str(self.port),
                "-U",
                _SUPERUSER,
                "-D",
                str(replica.data_dir),
                "-R",
                "-X",
                "stream",
                "--checkpoint=fast",
                "--no-sync",
            )
            replica._append_conf(replica._own_settings())
        except BaseException:
            replica.destroy()
            raise
        return replica

    def destroy(self) -> None:
        """Stop the server (however it is) and remove the temp directory. Idempotent."""
        try:
            if self._paused:
                self.resume()
            if self.running:
                try:
                    self.stop("immediate", timeout=30)
                except PgLabError:
                    pid = self._read_pid()  # still ours: checked against our data dir
                    if pid is not None:
                        os.kill(pid, signal.SIGKILL)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
            _LIVE.pop(id(self), None)

    # ------------------------------------------------------------ databases

    def dsn(self, dbname: str = "postgres") -> str:
        return f"postgresql://{_SUPERUSER}@{self.host}:{self.port}/{dbname}"

    def psql(self, sql: str, dbname: str = "postgres", timeout: float = 60.0) -> str:
        """Run ``sql`` with psql (unaligned, tuples only) and return its output."""
        args = ("-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", self.dsn(dbname))
        return self._run("psql", *args, "-c", sql, timeout=timeout, as_server=False)

    def create_database(self, name: str) -> None:
        if not _IDENTIFIER.match(name):
            raise ValueError(f"not a plain database name: {name!r}")
        self.psql(f'CREATE DATABASE "{name}"')

    def drop_database(self, name: str) -> None:
        """Drop ``name``, disconnecting whoever is still connected."""
        if not _IDENTIFIER.match(name):
            raise ValueError(f"not a plain database name: {name!r}")
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def reap_orphans(bin_dir: Path) -> list[Path]:
    """Stop and remove lab clusters left behind by test runs that were killed.

    A cluster is an orphan when its temp dir (``notice-lookup-*`` with an owner file)
    names a process that no longer exists. Its server is stopped with ``pg_ctl``,
    which acts on that data directory's own postmaster only. Returns the dirs removed.
    """
    reaped = []
    for owner in Path(tempfile.gettempdir()).glob(f"{_PREFIX}*/{_OWNER_FILE}"):
        try:
            pid = int(owner.read_text().strip())
        except (OSError, ValueError):
            continue
        if Path(f"/proc/{pid}").exists():
            continue  # its owner is alive (or the pid was reused): not ours to touch
        root = owner.parent
        data = root / "data"
        if (data / "postmaster.pid").exists():
            command = [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
            if os.geteuid() == 0:
                command = ["runuser", "-u", SERVER_USER, "--", *command]
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                subprocess.run(command, cwd="/", capture_output=True, timeout=60, check=False)
        shutil.rmtree(root, ignore_errors=True)
        reaped.append(root)
    return reaped


@contextlib.contextmanager
def running_cluster(
    name: str, *, bin_dir: Path | None = None, databases: Sequence[str] = ()
) -> Iterator[PgCluster]:
    """A started throwaway server with ``databases`` created; destroyed on exit, even on
    error. Raises PgBinariesNotFound (before starting anything) without server binaries."""
    cluster = PgCluster(name=name, bin_dir=bin_dir)
    try:
        cluster.init()
        cluster.start()
        for database in databases:
            cluster.create_database(database)
        yield cluster
    finally:
        cluster.destroy()


# Safety net: clusters that nobody destroyed (a crashed fixture, an interrupted run).
_LIVE: dict[int, PgCluster] = {}


@atexit.register
def _destroy_all() -> None:
    for cluster in list(_LIVE.values()):
        with contextlib.suppress(PgLabError, OSError, subprocess.SubprocessError):
            cluster.destroy()
