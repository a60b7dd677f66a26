"""Structured logs: one JSON object per line, with the trace and span ids.

``log_format = "json"`` (``NOTICE_LOOKUP_TELEMETRY__LOG_FORMAT=json``) makes every log
line of the server an object with ``time``, ``level``, ``logger``, ``message``, the
current ``trace_id`` / ``span_id`` when a span is active (so a log line leads to its
trace), and the extra fields a line carries (the per-check line: method, status,
verdict, source, duration). Exceptions come as one ``exception`` string.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from opentelemetry import trace

_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        span_context = trace.get_current_span().get_span_context()
        if span_context.is_valid:
            line["trace_id"] = format(span_context.trace_id, "032x")
            line["span_id"] = format(span_context.span_id, "016x")
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                line[key] = value if isinstance(value, str | int | float | bool) else str(value)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)
