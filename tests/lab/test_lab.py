"""The PostgreSQL lab itself: replica streaming, promotion, pause/resume, cleanup."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.lab.postgres import PgCluster, reap_orphans

pytestmark = pytest.mark.postgres


def _wait_for(condition: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout}s")
        time.sleep(0.05)


def test_replica_streams_promotes_and_everything_is_cleaned_up(pg_cluster: PgCluster) -> None:
    primary = PgCluster(name="lab-primary", bin_dir=pg_cluster.bin_dir)
    replica: PgCluster | None = None
    try:
        primary.init()
        primary.start()
        primary.psql("CREATE TABLE t (x int); INSERT INTO t VALUES (1)")
        replica = primary.make_replica()
        replica.start()
        assert replica.port != primary.port
        assert replica.psql("SELECT pg_is_in_recovery()").strip() == "t"
        primary.psql("INSERT INTO t VALUES (2)")
        _wait_for(lambda: replica.psql("SELECT count(*) FROM t").strip() == "2")

        primary.pause()
        assert primary.paused
        assert not primary.accepts_connections()
        primary.resume()
        assert primary.accepts_connections()

        primary.stop("fast")
        assert not primary.running
        replica.promote()
        assert replica.psql("SELECT pg_is_in_recovery()").strip() == "f"
        replica.psql("INSERT INTO t VALUES (3)")
        primary.restart()
        assert primary.psql("SELECT count(*) FROM t").strip() == "2"
    finally:
        roots = [c.root for c in (primary, replica) if c is not None]
        pids = [c.pid for c in (primary, replica) if c is not None and c.pid]
        if replica is not None:
            replica.destroy()
        primary.destroy()
    assert not any(root.exists() for root in roots)
    _wait_for(lambda: not any(_alive(pid) for pid in pids), timeout=10)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_clusters_of_killed_runs_are_reaped(pg_cluster: PgCluster) -> None:
    # A "test run" that starts a cluster and dies without any cleanup (os._exit).
    script = (
        "import os, sys; from tests.lab.postgres import PgCluster; "
        "c = PgCluster(name='orphan'); c.init(); c.start(); "
        "print(c.root, c.pid, flush=True); os._exit(0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    root_text, pid_text = done.stdout.split()
    root, pid = Path(root_text), int(pid_text)
    assert root.exists()
    assert _alive(pid)
    assert root in reap_orphans(pg_cluster.bin_dir)
    assert not root.exists()
    _wait_for(lambda: not _alive(pid), timeout=10)
    assert pg_cluster.accepts_connections()  # the live session cluster was left alone
