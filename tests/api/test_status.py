"""Every domain error maps to a gRPC status; input errors carry BadRequest details."""

from __future__ import annotations

import grpc
import pytest
from google.rpc import error_details_pb2

from lookup_server import errors
from lookup_server.api.status import status_code_for, to_status


def _all_error_classes() -> list[type[errors.NoticeLookupError]]:
    found: list[type[errors.NoticeLookupError]] = []
    pending: list[type[errors.NoticeLookupError]] = [errors.NoticeLookupError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return found


def _instance(cls: type[errors.NoticeLookupError]) -> errors.NoticeLookupError:
    if issubclass(cls, errors.InvalidInput):
        return cls("field", "bad")
    if issubclass(cls, errors.StoreError):
        return cls("primary", "down")
    if issubclass(cls, errors.NotFound):
        return cls("notice", "x")
    if issubclass(cls, errors.LoadError):
        return cls("f.csv", 3, "status", "bad")
    return cls("message")


@pytest.mark.parametrize(
    "cls",
    [c for c in _all_error_classes() if c is not errors.NoticeLookupError],
    ids=lambda c: c.__name__,
)
def test_every_error_class_has_a_status(cls: type[errors.NoticeLookupError]) -> None:
    code = status_code_for(_instance(cls))
    assert code not in (grpc.StatusCode.OK, grpc.StatusCode.UNKNOWN, grpc.StatusCode.INTERNAL)


def test_the_root_itself_has_no_status() -> None:
    with pytest.raises(LookupError):
        status_code_for(errors.NoticeLookupError("x"))


def test_invalid_input_carries_the_field_violation() -> None:
    status = to_status(
        errors.MrzError(
            "mrz.lines[1]", "check digit wrong", mrz_field="date_of_birth", reason="MRZ_CHECK_DIGIT"
        )
    )
    assert status.code is grpc.StatusCode.INVALID_ARGUMENT
    details = dict(status.trailing_metadata)["grpc-status-details-bin"]
    from google.rpc import status_pb2

    rich = status_pb2.Status.FromString(details)
    bad = error_details_pb2.BadRequest()
    assert rich.details[0].Unpack(bad)
    assert bad.field_violations[0].field == "mrz.lines[1]"
    assert bad.field_violations[0].reason == "MRZ_CHECK_DIGIT"
