"""Shared plumbing for the console-only steps the mock offers as a seeding API."""

from __future__ import annotations

from typing import Any, Callable, TypeVar

from botocore.exceptions import ClientError

from chatbot_mock.protocol.errors import ServiceError
from chatbot_mock.protocol.model import service_specs

T = TypeVar("T")


def client_error(service: str, operation_name: str, error: ServiceError) -> ClientError:
    """The ``ClientError`` a boto3 user would catch for the same refusal."""
    status = service_specs()[service].error_status(error.code) or error.status or 400
    return ClientError(
        {"Error": {"Code": error.code, "Message": error.message}, "ResponseMetadata": {"HTTPStatusCode": status}},
        operation_name,
    )


def run_seeding_step(service: str, operation_name: str, step: Callable[..., T], *args: Any) -> T:
    try:
        return step(*args)
    except ServiceError as error:
        raise client_error(service, operation_name, error) from None
