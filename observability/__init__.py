"""OpenTelemetry traces, metrics and structured logs for the operations team.

Not implemented yet.
"""
