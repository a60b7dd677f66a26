"""Fixtures for cache tests: a throwaway Redis per test and a shared cache secret."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.lab.redis import RedisNotFound, RedisServer


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    """A redis-server of this test's own (free loopback port, nothing on disk)."""
    try:
        server = RedisServer()
    except RedisNotFound as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        server.start()
        yield server
    finally:
        server.destroy()


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "cache.secret"
    path.write_bytes(secrets.token_hex(32).encode())
    path.chmod(0o600)
    return path
