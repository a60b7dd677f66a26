"""A throwaway Redis server for tests and benchmarks: :class:`RedisServer`.

One ``RedisServer`` is one ``redis-server`` process in its own temp directory, on a
free loopback port, keeping nothing on disk (``--save ""``, no AOF). Tests can kill it
(``kill``: SIGKILL, a crash), hang it (``pause``: SIGSTOP; ``resume``: SIGCONT) and start
it again on the same port (``start``), which is how cache fault tests exercise the
service. It only ever signals the process it started; it never touches the machine's
own Redis on 6379 (ports come from :func:`tests.lab.ports.free_port`).
"""

from __future__ import annotations

import atexit
import contextlib
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests.lab.ports import free_port

_INSTALL_HINT = (
    "redis-server was not found in PATH. Install it, e.g. `apt-get install -y redis-server` "
    "on Debian/Ubuntu (`make test` does this before running the tests)."
)


class RedisNotFound(RuntimeError):
    """No redis-server binary on this machine; the message says how to install it."""


class RedisServer:
    def __init__(
        self,
        *,
        port: int | None = None,
        extra_args: tuple[str, ...] = (),
        sentinel_config: tuple[str, ...] | None = None,
    ) -> None:
        """``sentinel_config``: run as a Sentinel with these configuration lines."""
        binary = shutil.which("redis-server")
        if binary is None:
            raise RedisNotFound(_INSTALL_HINT)
        self.binary = binary
        self.port = port or free_port()
        self.extra_args = extra_args
        self.sentinel_config = sentinel_config
        self.directory = Path(tempfile.mkdtemp(prefix="notice-lookup-redis-"))
        self._process: subprocess.Popen[bytes] | None = None
        self._paused = False
        atexit.register(self.destroy)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout_s: float = 10.0) -> None:
        """Start (or start again, after ``kill``) on the same port; wait until it answers."""
        if self.running:
            return
        log = (self.directory / "redis.log").open("ab")
        self._process = subprocess.Popen(
            [self.binary, *self._arguments()],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        self._paused = False
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"redis-server exited: {self.log_tail()}")
            if self._ping():
                return
            time.sleep(0.02)
        raise RuntimeError(f"redis-server did not answer in {timeout_s}s: {self.log_tail()}")

    def _arguments(self) -> list[str]:
        if self.sentinel_config is not None:
            # A sentinel rewrites its configuration file: it must be a file of its own.
            config = self.directory / "sentinel.conf"
            if not config.exists():
                config.write_text("\n".join(self.sentinel_config) + "\n")
            return [
                str(config), "--sentinel", "--port", str(self.port), "--bind", "127.0.0.1",
                "--dir", str(self.directory),
            ]  # fmt: skip
        return [
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--dir", str(self.directory),
            "--protected-mode", "yes",
            *self.extra_args,
        ]  # fmt: skip

    def _ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self) -> None:
        """SIGKILL: a crash. The port refuses connections until ``start``."""
        process = self._process
        if process is None:
            return
        if self._paused:
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGCONT)
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        process.wait(timeout=10)
        self._process = None
        self._paused = False

    def pause(self) -> None:
        """SIGSTOP: connections are accepted by the kernel but nothing answers."""
        if self._process is not None and self.running:
            self._process.send_signal(signal.SIGSTOP)
            self._paused = True

    def resume(self) -> None:
        if self._process is not None and self._paused:
            self._process.send_signal(signal.SIGCONT)
            self._paused = False

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """Hung (SIGSTOP) inside the block, answering again (SIGCONT) after it."""
        self.pause()
        try:
            yield
        finally:
            self.resume()

    def log_tail(self, lines: int = 20) -> str:
        path = self.directory / "redis.log"
        if not path.exists():
            return ""
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    def destroy(self) -> None:
        self.kill()
        shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> RedisServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.destroy()
