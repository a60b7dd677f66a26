"""Free loopback ports for servers that tests start (never the machine's own 5432)."""

from __future__ import annotations

import socket
import threading

_RESERVED_PORTS = frozenset({5432, 6379})  # the machine's own PostgreSQL and Redis
_handed_out: set[int] = set()
_lock = threading.Lock()


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that nothing listens on now and that this process never handed out."""
    with _lock:
        for _ in range(100):
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
                sock.bind((host, 0))
                port: int = sock.getsockname()[1]
            if port not in _RESERVED_PORTS and port not in _handed_out:
                _handed_out.add(port)
                return port
    raise RuntimeError(f"no free port found on {host}")
