"""Errors that travel back to the caller as AWS error responses.

A :class:`ServiceError` carries only a code and a message; the wire status and the
message member's name come from the service model's error shape, so no status is
written down twice. Backends never raise these: they raise the kinds of refusal in
``core/refusals.py``, which the dispatcher answers with the operation's code. The few
errors AWS answers that no model defines (a body that is not JSON, a path no
operation has) carry their own status.
"""

from __future__ import annotations

from typing import Optional


class ServiceError(Exception):
    """An error the mocked service answers. ``code`` is the error shape's name: a
    class's own, or the one an operation's model chose (``ServiceError(message, code)``
    for a validation failure or a backend's refusal, see ``OperationSpec.code_for``)."""

    code: str = "InternalFailure"
    #: An error no service model defines carries its own status; a modeled one takes the
    #: model's (``ServiceSpec.status_for``), which a refusal's error carries from the start.
    status: Optional[int] = None

    def __init__(self, message: str, code: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code!r})"


class UnmodeledError(ServiceError):
    """An error AWS answers that no service model defines: its code is its class's
    name unless given, and it carries its own status."""

    def __init_subclass__(cls, status: int, code: Optional[str] = None, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.status = status
        cls.code = code or cls.__name__


class SerializationException(UnmodeledError, status=400):
    """The body is not JSON, or not a JSON object."""


class UnsupportedMediaTypeException(UnmodeledError, status=415):
    """A body whose content type is not JSON."""


class UnknownOperationException(UnmodeledError, status=404):
    """A method and path no operation of the service has."""


class NotImplementedByMock(UnmodeledError, status=501, code="NotImplemented"):
    """An operation the model defines but this mock does not answer yet."""


class MissingAuthenticationTokenException(UnmodeledError, status=403):
    """A request with no SigV4 signature (``signature_version=UNSIGNED``, the AWS CLI's
    ``--no-sign-request``): AWS refuses it before looking at the operation."""


class InvalidSignatureException(UnmodeledError, status=403):
    """A signature whose credential scope names another service than the one asked."""


class InvalidClientTokenId(UnmodeledError, status=403):
    """The credentials name no account AWS knows."""


class InternalFailure(UnmodeledError, status=500):
    """A defect inside the mock, answered as AWS answers its own defects."""
