"""Errors that travel back to the caller as AWS error responses.

Backends raise :class:`ServiceError` subclasses that carry only a code and a message;
the wire status and the message member's name come from the service model's error
shape, so no status is written down twice. The few errors AWS answers that no model
defines (a body that is not JSON, a path no operation has) carry their own status.
"""

from __future__ import annotations

from typing import ClassVar, Optional


class ServiceError(Exception):
    """An error the mocked service answers. ``code`` is the error shape's name."""

    code: ClassVar[str] = "InternalFailure"
    #: Only for errors no service model defines; modeled errors take the model's status.
    status: ClassVar[Optional[int]] = None

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class ValidationFailed(ServiceError):
    """The input broke a constraint of the model.

    Its code depends on the operation (``ValidationException``,
    ``InvalidParameterException`` or ``InvalidRequestException``), so the dispatcher
    fills it in from the operation it validated.
    """

    def __init__(self, message: str, code: str = "ValidationException") -> None:
        super().__init__(message)
        self.code = code  # type: ignore[misc]


class ConflictException(ServiceError):
    """A request that conflicts with what exists; both services model it."""

    code = "ConflictException"


class ResourceNotFoundException(ServiceError):
    """A request naming something that does not exist; both services model it."""

    code = "ResourceNotFoundException"


class SerializationException(ServiceError):
    code = "SerializationException"
    status = 400


class UnsupportedMediaTypeException(ServiceError):
    code = "UnsupportedMediaTypeException"
    status = 415


class UnknownOperationException(ServiceError):
    code = "UnknownOperationException"
    status = 404


class NotImplementedByMock(ServiceError):
    """An operation the model defines but this mock does not answer yet."""

    code = "NotImplemented"
    status = 501


class InternalFailure(ServiceError):
    """A defect inside the mock, answered as AWS answers its own defects."""

    code = "InternalFailure"
    status = 500
