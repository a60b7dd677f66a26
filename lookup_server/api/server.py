"""The gRPC server: NoticeLookup, the standard health service and server reflection.

:func:`create_server` builds and binds a server around a ready checker and returns it
with its bound port (tests bind port 0). :func:`serve` runs one until SIGTERM or SIGINT,
then drains: health turns NOT_SERVING at once (so load balancers stop sending), calls
in flight get ``shutdown_grace_s`` to finish, then the store is closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from dataclasses import dataclass

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from lookup_server.api.service import CallGuard, CallLimits, NoticeLookupService, add_to_server
from lookup_server.app import App, build_app
from lookup_server.errors import ConfigError
from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.runtime import settle_heap
from lookup_server.settings import Settings, TlsSettings
from observability.grpc_server import RpcObserver
from observability.setup import setup_telemetry

log = logging.getLogger(__name__)

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["NoticeLookup"].full_name
#: Requests are a few hundred bytes; refuse anything absurd before parsing it.
MAX_REQUEST_BYTES = 64 * 1024

_CHANNEL_OPTIONS = [
    ("grpc.max_receive_message_length", MAX_REQUEST_BYTES),
    ("grpc.max_send_message_length", 4 * 1024 * 1024),
    ("grpc.keepalive_time_ms", 60_000),
    ("grpc.keepalive_timeout_ms", 20_000),
    ("grpc.http2.min_ping_interval_without_data_ms", 10_000),
    ("grpc.max_connection_idle_ms", 15 * 60_000),
]


@dataclass
class RunningServer:
    server: grpc.aio.Server
    port: int
    health: health.aio.HealthServicer
    service: NoticeLookupService

    async def set_serving(self, serving: bool) -> None:
        status = (
            health_pb2.HealthCheckResponse.SERVING
            if serving
            else health_pb2.HealthCheckResponse.NOT_SERVING
        )
        for name in ("", SERVICE_NAME):
            await self.health.set(name, status)


def _server_credentials(tls: TlsSettings) -> grpc.ServerCredentials:
    def read(path: object, what: str) -> bytes:
        try:
            with open(str(path), "rb") as handle:
                return handle.read()
        except OSError as exc:
            raise ConfigError(f"tls {what} {path}: {exc.strerror}") from exc

    key = read(tls.key_file, "key_file")
    cert = read(tls.cert_file, "cert_file")
    client_ca = read(tls.client_ca_file, "client_ca_file") if tls.client_ca_file else None
    return grpc.ssl_server_credentials(
        [(key, cert)],
        root_certificates=client_ca,
        require_client_auth=client_ca is not None,
    )


async def create_server(
    app: App,
    settings: Settings,
    *,
    reuse_port: bool = False,
    observer: RpcObserver | None = None,
) -> RunningServer:
    """Build, bind and start a server for ``app``; health starts SERVING. ``observer``:
    a span and a latency record per RPC (observability.grpc_server)."""
    options = [*_CHANNEL_OPTIONS, ("grpc.so_reuseport", 1 if reuse_port else 0)]
    server = grpc.aio.server(options=options)
    limits = CallLimits(
        max_in_flight=settings.server.max_in_flight,
        default_deadline_s=settings.server.default_deadline_s,
        max_deadline_s=settings.server.max_deadline_s,
    )
    service = NoticeLookupService(app.checker, CallGuard(limits, observer))
    add_to_server(service, server)
    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    if settings.server.reflection:
        reflection.enable_server_reflection(
            (
                SERVICE_NAME,
                health_pb2.DESCRIPTOR.services_by_name["Health"].full_name,
                reflection.SERVICE_NAME,
            ),
            server,
        )
    cannot_listen = ConfigError(
        f"cannot listen on {settings.listen}: the address is in use or not available "
        "(several processes on one address need server.reuse_port)"
    )
    try:
        if settings.tls is not None:
            port = server.add_secure_port(settings.listen, _server_credentials(settings.tls))
        else:
            port = server.add_insecure_port(settings.listen)
    except RuntimeError as exc:  # grpc raises on a failed bind (older versions return 0)
        raise cannot_listen from exc
    if port == 0:
        raise cannot_listen
    await server.start()
    running = RunningServer(server, port, health_servicer, service)
    await running.set_serving(True)
    return running


async def _follow_health(running: RunningServer, app: App, interval_s: float = 0.5) -> None:
    """Health follows the store: NOT_SERVING while no path can answer (every breaker
    open and no local copy), so load balancers send the booths elsewhere."""
    serving = True
    while True:
        await asyncio.sleep(interval_s)
        now = app.store.serving()
        if now != serving:
            serving = now
            log.warning("health: %s", "SERVING" if now else "NOT_SERVING: no backend can answer")
            await running.set_serving(now)


async def serve(settings: Settings, *, ready: asyncio.Event | None = None) -> None:
    """Run the server until SIGTERM/SIGINT; drain calls in flight, then close."""
    telemetry = setup_telemetry(settings.telemetry)  # once per process, before serving
    if telemetry.prometheus_address is not None:
        log.info("metrics for Prometheus on http://%s:%d/metrics", *telemetry.prometheus_address)
    try:
        await _serve(settings, telemetry.observer(), ready)
    finally:
        telemetry.shutdown()


async def _serve(
    settings: Settings, observer: RpcObserver | None, ready: asyncio.Event | None
) -> None:
    app = await build_app(settings)
    try:
        running = await create_server(
            app, settings, reuse_port=settings.server.reuse_port, observer=observer
        )
        settle_heap()  # after start-up, so the long-lived objects are never walked again
        host, _ = settings.listen_host_port
        log.info(
            "notice-lookup serving on %s:%d (%s, data version %d)",
            host,
            running.port,
            app.store.name,
            (await app.store.state()).version,
        )
        stop = asyncio.Event()
        health = asyncio.create_task(_follow_health(running, app), name="health")
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        if ready is not None:
            ready.set()
        await stop.wait()
        log.info(
            "stopping: draining calls in flight (grace %.1fs)", settings.server.shutdown_grace_s
        )
        health.cancel()
        await asyncio.gather(health, return_exceptions=True)
        await running.set_serving(False)
        await running.server.stop(settings.server.shutdown_grace_s)
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(ValueError, RuntimeError):
                loop.remove_signal_handler(sig)
    finally:
        await app.close()
    log.info("stopped")
