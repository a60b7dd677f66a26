"""Every benchmark module imports: they are not type-checked, and one that uses a name
another one no longer has fails only when that benchmark runs."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
#: Imports Locust, which patches the whole process for gevent: not in the test process.
SEPARATE = {"locustfile"}
MODULES = sorted(p.stem for p in BENCH.glob("*.py") if p.stem not in SEPARATE | {"__init__"})


@pytest.mark.parametrize("name", MODULES)
def test_the_module_imports(name: str) -> None:
    importlib.import_module(f"bench.{name}")


def test_every_module_is_covered() -> None:
    assert len(MODULES) >= 13
    assert {"cache_throughput", "failover", "open_loop", "h2_paced", "run"} <= set(MODULES)
