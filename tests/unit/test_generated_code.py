"""The generated gRPC code is exactly what proto/ produces with the pinned tools."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _gen_proto() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_proto", ROOT / "scripts" / "gen_proto.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_code_matches_the_proto() -> None:
    drift = _gen_proto().check()
    assert drift == [], "run `make proto`: " + ", ".join(drift)


def test_generated_package_imports_without_the_proto_root_on_the_path() -> None:
    from lookup_server.generated.noticelookup.v1 import lookup_pb2, lookup_pb2_grpc

    assert lookup_pb2.DESCRIPTOR.package == "noticelookup.v1"
    assert hasattr(lookup_pb2_grpc, "NoticeLookupServicer")
