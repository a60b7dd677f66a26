"""The ``server`` fixture: a grpcio server whose one method records its requests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent import futures

import grpc
import pytest

from tests.bench.peer import ANSWER, Behaviour


@pytest.fixture
def server() -> Iterator[tuple[str, list[bytes], list[Behaviour]]]:
    """A grpcio server whose one method runs ``behaviour[0]``; requests are recorded."""
    received: list[bytes] = []
    lock = threading.Lock()

    def answer(request: bytes, context: grpc.ServicerContext) -> bytes:
        return ANSWER

    behaviour = [answer]

    def call(request: bytes, context: grpc.ServicerContext) -> bytes:
        with lock:
            received.append(request)
        return behaviour[0](request, context)

    grpc_server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
    grpc_server.add_generic_rpc_handlers(
        (
            grpc.method_handlers_generic_handler(
                "test.Paced", {"Call": grpc.unary_unary_rpc_method_handler(call)}
            ),
        )
    )
    port = grpc_server.add_insecure_port("127.0.0.1:0")
    grpc_server.start()
    try:
        yield f"127.0.0.1:{port}", received, behaviour
    finally:
        grpc_server.stop(grace=None)
