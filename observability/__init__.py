"""OpenTelemetry traces, metrics and structured logs for the operations team.

``setup`` builds the providers from settings and OTEL_* variables, ``instruments`` names
every span and metric, ``grpc_server`` observes each RPC, ``latency`` is the cheap
Prometheus latency histogram, ``logs`` the JSON log formatter. See docs/operations.md.
"""
