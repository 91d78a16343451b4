"""What botocore's service models say about the two mocked services.

Everything the dispatcher needs per operation (its route, success status, input and
output shapes, which validation error it answers) is read once from the installed
botocore model and kept here, so nothing on the request path consults the model twice.
"""

from __future__ import annotations

import os
from functools import cache
from typing import Dict, FrozenSet, Mapping, Optional, Tuple

import botocore.loaders
from botocore import xform_name
from botocore.model import OperationModel, ServiceModel, Shape, StructureShape

from chatbot_mock.core.refusals import Conflict, InvalidInput, NotAllowedNow, NotFound, QuotaExceeded, Refusal
from chatbot_mock.protocol.errors import ServiceError
from chatbot_mock.service_declaration import SERVICE_NAMES

#: The quota codes an operation may model, in the order they are preferred: Chatbot's
#: creates model LimitExceededException and, for tags, TagResource TooManyTagsException.
_QUOTA_CODES = ("ServiceQuotaExceededException", "LimitExceededException", "TooManyTagsException")

class OperationSpec:
    """One operation, as the dispatcher sees it."""

    __slots__ = (
        "service",
        "name",
        "method_name",
        "http_method",
        "path",
        "success_status",
        "input_shape",
        "output_shape",
        "argument_names",
        "validation_error",
        "refusal_codes",
        "model",
    )

    def __init__(
        self, service: str, model: OperationModel, validation_error: str, refusal_codes: Dict[type, str]
    ) -> None:
        self.service = service
        self.name: str = model.name
        self.method_name = xform_name(model.name)
        self.http_method: str = model.http["method"]
        self.path: str = model.http["requestUri"]
        self.success_status: int = int(model.http.get("responseCode", 200))
        self.input_shape: Optional[StructureShape] = model.input_shape
        self.output_shape: Optional[StructureShape] = model.output_shape
        # Wire member name -> keyword argument of the backend method.
        self.argument_names: Dict[str, str] = (
            {name: xform_name(name) for name in model.input_shape.members}
            if model.input_shape is not None
            else {}
        )
        self.validation_error = validation_error
        #: Kind of backend refusal -> the code this operation answers for it.
        self.refusal_codes = refusal_codes
        self.model = model

    def code_for(self, refusal: Refusal) -> str:
        """The wire code this operation answers a backend's refusal with."""
        return code_for(self.refusal_codes, refusal)


def code_for(refusal_codes: Mapping[type, str], refusal: Refusal) -> str:
    for kind in type(refusal).__mro__:  # a subclass (a bad page token) answers as its kind
        code = refusal_codes.get(kind)
        if code is not None:
            return code
    raise TypeError(f"no wire code for a refusal of kind {type(refusal).__name__}")


class UnsupportedModel(Exception):
    """A service model this mock would answer wrongly: another protocol than rest-json, or
    members bound to somewhere else than the JSON body."""


def check_protocol(name: str, model: ServiceModel) -> None:
    """Refuse a model the parser and the serialiser would misread, at load, not request by
    request: they speak rest-json and read and write the JSON body only (no member bound to
    the URI, the query string or a header, no payload member). A botocore release that
    moved a member, or the service to another protocol, must fail here, loudly."""
    protocols = model.metadata.get("protocols") or [model.metadata.get("protocol")]
    spoken = getattr(model, "resolved_protocol", model.metadata.get("protocol"))
    if model.metadata.get("protocol") != "rest-json" or spoken != "rest-json":
        raise UnsupportedModel(
            f"botocore's {name} model speaks {spoken!r} (protocols {protocols}); chatbot_mock answers rest-json only"
        )
    for op_name in model.operation_names:
        operation = model.operation_model(op_name)
        for side, shape in (("input", operation.input_shape), ("output", operation.output_shape)):
            if shape is None:
                continue
            if "payload" in shape.serialization:
                raise UnsupportedModel(
                    f"botocore's {name} model sends {op_name}'s {side} member {shape.serialization['payload']!r} "
                    "as the whole body (a payload); chatbot_mock reads and writes JSON bodies of members only"
                )
            for member_name, member in shape.members.items():
                location = member.serialization.get("location")
                if location is not None:
                    raise UnsupportedModel(
                        f"botocore's {name} model binds {op_name}'s {side} member {member_name!r} to "
                        f"{location!r}; chatbot_mock reads and writes the JSON body only"
                    )


class ServiceSpec:
    """A mocked service: its operations, its routes and its error shapes."""

    def __init__(self, name: str, model: ServiceModel) -> None:
        check_protocol(name, model)
        self.name = name
        self.model = model
        #: How botocore names the service in its events: ``before-send.<event_name>.<Operation>``.
        self.event_name: str = model.service_id.hyphenize()
        #: The first label of the service's endpoint hosts (``supportapp.us-east-1.amazonaws.com``).
        self.endpoint_prefix: str = model.endpoint_prefix
        #: The service a SigV4 credential scope names (``supportapp`` for support-app).
        self.signing_name: str = model.signing_name
        self.error_shapes: Dict[str, Shape] = {
            shape_name: model.shape_for(shape_name)
            for shape_name in model.shape_names
            if model.shape_for(shape_name).metadata.get("exception")
        }
        self.operations: Dict[str, OperationSpec] = {}
        for op_name in model.operation_names:
            modeled = frozenset(error.name for error in model.operation_model(op_name).error_shapes)
            validation_error = self._validation_error(modeled)
            self.operations[op_name] = OperationSpec(
                name, model.operation_model(op_name), validation_error, self.refusal_codes(modeled, validation_error)
            )
        #: (HTTP method, path) -> operation: both services route by exact paths.
        self.routes: Dict[Tuple[str, str], OperationSpec] = {
            (op.http_method, op.path): op for op in self.operations.values()
        }

    def _validation_error(self, modeled: FrozenSet[str]) -> str:
        # Support App answers ValidationException everywhere. Chatbot answers
        # InvalidParameterException where the operation models it, else the
        # service-wide InvalidRequestException.
        if "ValidationException" in self.error_shapes:
            return "ValidationException"
        return "InvalidParameterException" if "InvalidParameterException" in modeled else "InvalidRequestException"

    def refusal_codes(self, modeled: FrozenSet[str], validation_error: str) -> Dict[type, str]:
        """What an operation modeling ``modeled`` answers for each kind of backend refusal.

        ``modeled`` is empty for a console step (seeding), which no model describes: it
        then answers what the service answers everywhere.
        """
        quota = next((code for code in _QUOTA_CODES if code in modeled), None)
        if quota is None:
            # Support App answers ServiceQuotaExceededException for every quota, whatever
            # the operation models (its API reference: "Exceeding any of them"). Chatbot's
            # LimitExceededException belongs to the operations that model it; elsewhere
            # (its updates) too long a list is bad input.
            service_wide = "ServiceQuotaExceededException"
            quota = service_wide if service_wide in self.error_shapes else validation_error
        # Chatbot's service-wide code for a request its state does not allow; Support
        # App has none and calls such a request invalid.
        not_allowed = "InvalidRequestException" if "InvalidRequestException" in self.error_shapes else validation_error
        return {
            InvalidInput: validation_error,
            NotFound: "ResourceNotFoundException",
            Conflict: "ConflictException",
            QuotaExceeded: quota,
            NotAllowedNow: not_allowed,
        }

    def error_status(self, code: str) -> Optional[int]:
        shape = self.error_shapes.get(code)
        return None if shape is None else int(shape.metadata["error"]["httpStatusCode"])

    def status_for(self, error: ServiceError) -> int:
        """The HTTP status of ``error`` from this service: its error shape's, else its own, else 400."""
        return self.error_status(error.code) or error.status or 400

    def console_step_codes(self, validation_error: str) -> Mapping[type, str]:
        """What a console step answers for each kind of refusal: no model describes one, so
        what the service answers everywhere, and bad input with the step's validation code."""
        return self.refusal_codes(frozenset(), validation_error)

    def error_message_member(self, code: str) -> str:
        shape = self.error_shapes.get(code)
        if shape is not None and "Message" in shape.members:
            return "Message"
        return "message"


@cache
def service_specs() -> Mapping[str, ServiceSpec]:
    """The two mocked services, loaded once per process from the installed botocore.

    A bare loader, not a botocore session: a session reads the user's AWS configuration,
    and a bad ``AWS_PROFILE`` would then break a process that never calls either service.
    ``AWS_DATA_PATH`` (extra model folders) is honoured as a session would.
    """
    loader = botocore.loaders.create_loader(os.environ.get("AWS_DATA_PATH"))
    specs = {}
    for name in SERVICE_NAMES:
        model = ServiceModel(loader.load_service_model(name, "service-2"), service_name=name)
        specs[name] = ServiceSpec(name, model)
    return specs


@cache
def services_by_event_name() -> Mapping[str, str]:
    """botocore's event name of each mocked service -> its botocore service name."""
    return {spec.event_name: name for name, spec in service_specs().items()}


@cache
def services_by_endpoint_prefix() -> Mapping[str, str]:
    """The first label of each mocked service's endpoint hosts -> its botocore service name."""
    return {spec.endpoint_prefix: name for name, spec in service_specs().items()}
