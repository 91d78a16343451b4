"""AWS Chatbot error codes. Status and message member come from the service model."""

from __future__ import annotations

from typing import Dict, Type

from chatbot_mock.protocol.errors import ConflictException, ResourceNotFoundException, ServiceError
from chatbot_mock.protocol.model import service_specs

__all__ = [
    "ConflictException",
    "InvalidParameterException",
    "InvalidRequestException",
    "LimitExceededException",
    "ResourceNotFoundException",
    "TooManyTagsException",
    "invalid_input_error",
]


class InvalidRequestException(ServiceError):
    code = "InvalidRequestException"


class InvalidParameterException(ServiceError):
    code = "InvalidParameterException"


class LimitExceededException(ServiceError):
    code = "LimitExceededException"


class TooManyTagsException(ServiceError):
    code = "TooManyTagsException"


_BY_CODE: Dict[str, Type[ServiceError]] = {
    cls.code: cls for cls in (InvalidParameterException, InvalidRequestException)
}


def invalid_input_error(operation: str) -> Type[ServiceError]:
    """The code an operation answers for input it refuses.

    Taken from the same place the dispatcher takes it (InvalidParameterException
    where the operation models it, else InvalidRequestException), so a bad page token
    or duplicate tag key is refused exactly like a bad pattern on that operation.
    """
    return _BY_CODE[service_specs()["chatbot"].operations[operation].validation_error]
