"""AWS Chatbot error codes. Status and message member come from the service model."""

from __future__ import annotations

from chatbot_mock.protocol.errors import ConflictException, ResourceNotFoundException, ServiceError

__all__ = [
    "ConflictException",
    "InvalidParameterException",
    "InvalidRequestException",
    "LimitExceededException",
    "ResourceNotFoundException",
    "TooManyTagsException",
]


class InvalidRequestException(ServiceError):
    code = "InvalidRequestException"


class InvalidParameterException(ServiceError):
    code = "InvalidParameterException"


class LimitExceededException(ServiceError):
    code = "LimitExceededException"


class TooManyTagsException(ServiceError):
    code = "TooManyTagsException"
