"""Support App error codes. Status and wire format come from the service model."""

from __future__ import annotations

from chatbot_mock.protocol.errors import ServiceError


class ConflictException(ServiceError):
    code = "ConflictException"


class ResourceNotFoundException(ServiceError):
    code = "ResourceNotFoundException"


class ServiceQuotaExceededException(ServiceError):
    code = "ServiceQuotaExceededException"


class ValidationException(ServiceError):
    code = "ValidationException"
