"""A real gRPC server (grpcio, in-process) for tests of the benchmarks' load generators."""

from __future__ import annotations

from collections.abc import Callable

import grpc

METHOD = "/test.Paced/Call"
ANSWER = b"\x0a\x03yes"

Behaviour = Callable[[bytes, grpc.ServicerContext], bytes]
