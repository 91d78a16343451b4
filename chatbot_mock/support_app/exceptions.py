"""Support App error codes. Status and wire format come from the service model."""

from __future__ import annotations

from chatbot_mock.protocol.errors import ConflictException, ResourceNotFoundException, ServiceError

__all__ = ["ConflictException", "ResourceNotFoundException", "ServiceQuotaExceededException", "ValidationException"]


class ServiceQuotaExceededException(ServiceError):
    code = "ServiceQuotaExceededException"


class ValidationException(ServiceError):
    code = "ValidationException"
