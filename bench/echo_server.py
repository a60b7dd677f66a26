"""A bare grpc.aio echo server: the ceiling every benchmark compares against.

It answers ``/bench.Echo/Echo`` with a fixed payload of ``--response-bytes`` bytes, with
no deserialisation and no work, so a client sending the same request bytes as a real
check and receiving a response of the same size measures what gRPC itself costs on this
machine. Run: ``python -m bench.echo_server --listen 127.0.0.1:PORT --response-bytes N``.
"""

from __future__ import annotations

import argparse
import asyncio
import signal

import grpc

METHOD = "/bench.Echo/Echo"


async def serve(listen: str, response_bytes: int, event_loop: str) -> None:
    payload = b"\x0a" + bytes(max(0, response_bytes - 1))

    async def echo(request: bytes, context: grpc.aio.ServicerContext) -> bytes:
        return payload

    handler = grpc.method_handlers_generic_handler(
        "bench.Echo", {"Echo": grpc.unary_unary_rpc_method_handler(echo)}
    )
    server = grpc.aio.server()
    server.add_generic_rpc_handlers((handler,))
    if server.add_insecure_port(listen) == 0:
        raise SystemExit(f"cannot listen on {listen}")
    await server.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print(f"echo ready on {listen} ({event_loop})", flush=True)
    await stop.wait()
    await server.stop(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", required=True)
    parser.add_argument("--response-bytes", type=int, default=512)
    parser.add_argument("--event-loop", choices=["uvloop", "asyncio"], default="uvloop")
    args = parser.parse_args()
    coroutine = serve(args.listen, args.response_bytes, args.event_loop)
    if args.event_loop == "uvloop":
        import uvloop

        uvloop.run(coroutine)
    else:
        asyncio.run(coroutine)


if __name__ == "__main__":
    main()
