"""The one place where domain errors become gRPC status codes.

Every class of the :mod:`lookup_server.errors` tree resolves to a code through
:data:`STATUS_CODES` (the nearest ancestor in the table wins); a test fails when a new
error class resolves to nothing. Input errors carry a ``google.rpc.BadRequest`` detail
with the field path, so a terminal can highlight the field to correct.
"""

from __future__ import annotations

import grpc
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from lookup_server import errors

STATUS_CODES: dict[type[errors.NoticeLookupError], grpc.StatusCode] = {
    errors.InvalidInput: grpc.StatusCode.INVALID_ARGUMENT,
    errors.NotFound: grpc.StatusCode.NOT_FOUND,
    errors.Overloaded: grpc.StatusCode.RESOURCE_EXHAUSTED,
    errors.DeadlineExceeded: grpc.StatusCode.DEADLINE_EXCEEDED,
    errors.StoreUnavailable: grpc.StatusCode.UNAVAILABLE,
    errors.StoreTimeout: grpc.StatusCode.UNAVAILABLE,
    errors.StoreError: grpc.StatusCode.UNAVAILABLE,
    errors.SchemaMismatch: grpc.StatusCode.FAILED_PRECONDITION,
    errors.ConfigError: grpc.StatusCode.FAILED_PRECONDITION,
    errors.LoadError: grpc.StatusCode.INVALID_ARGUMENT,
}


def status_code_for(exc: errors.NoticeLookupError) -> grpc.StatusCode:
    """The code for ``exc``: the entry of its closest class in the MRO."""
    for cls in type(exc).__mro__:
        code = STATUS_CODES.get(cls)
        if code is not None:
            return code
    raise LookupError(f"no gRPC status for {type(exc).__name__}")


def to_status(exc: errors.NoticeLookupError) -> grpc.Status:
    """A rich status (code, message, details) for ``exc``."""
    code = status_code_for(exc)
    message = str(exc)
    details = []
    if isinstance(exc, errors.InvalidInput):
        violation = error_details_pb2.BadRequest.FieldViolation(
            field=exc.field, description=exc.description, reason=exc.reason
        )
        detail = error_details_pb2.BadRequest(field_violations=[violation])
        details.append(detail)
    status = status_pb2.Status(code=getattr(code_pb2, code.name), message=message)
    for detail in details:
        status.details.add().Pack(detail)
    return rpc_status.to_status(status)
