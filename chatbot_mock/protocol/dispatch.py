"""The one path every intercepted request takes.

``(service, method, url, headers, body)`` -> route by the service's model -> parse ->
validate -> the backend method -> serialise by the model -> ``(status, headers, body)``.
It takes plain HTTP and knows nothing of botocore's objects or events. Each feed names
the service as it already knows it (botocore's event names it, a ``requests`` feed
matched its host), so nothing here works it out again.
"""

from __future__ import annotations

import logging
import os
from email.message import Message
from typing import Any, Dict, Mapping, NamedTuple, Optional, Protocol, Tuple
from urllib.parse import SplitResult, parse_qs, urlsplit

from botocore.awsrequest import HeadersDict

from chatbot_mock.core.identity import DEFAULT_REGION, Caller, account_for_access_key, fallback_account
from chatbot_mock.core.refusals import Refusal
from chatbot_mock.protocol.errors import (
    InternalFailure,
    InvalidClientTokenId,
    InvalidSignatureException,
    MissingAuthenticationTokenException,
    SerializationException,
    ServiceError,
    UnknownOperationException,
    UnsupportedMediaTypeException,
)
from chatbot_mock.protocol.model import OperationSpec, ServiceSpec, service_specs, services_by_endpoint_prefix
from chatbot_mock.protocol.parsing import ShapeParser, is_json_content_type, parse_body
from chatbot_mock.protocol.refusals import service_error
from chatbot_mock.protocol.serialization import ShapeSerializer, dump_json
from chatbot_mock.protocol.validation import ShapeValidator, summarize

logger = logging.getLogger("chatbot_mock")
# A library's logger stays silent until the application configures logging (pytest
# does: it shows the records beside a failing test).
logger.addHandler(logging.NullHandler())


class HttpResponse(NamedTuple):
    status: int
    headers: Dict[str, str]
    body: bytes


class Backends(Protocol):
    """What the dispatcher needs from the mock's state."""

    def call(self, service: str, operation_name: str, caller: Caller, arguments: Dict[str, Any]) -> Any:
        """Run the operation's handler under the state's lock; an operation the mock does not
        implement raises ``NotImplementedByMock``."""

    def current_account(self) -> Optional[str]: ...


_parser = ShapeParser()
_validator = ShapeValidator()
_serializer = ShapeSerializer()


_CASE_INSENSITIVE_HEADERS = (HeadersDict, Message)


def _header(headers: Mapping[str, str], name: str) -> str:
    value = headers.get(name)
    # botocore's HeadersDict and email/http.server message headers already match names
    # without regard to case; scanning them again costs about 6 us a call for nothing.
    if value is None and not isinstance(headers, _CASE_INSENSITIVE_HEADERS):
        lowered = name.lower()
        for key, candidate in headers.items():
            if key.lower() == lowered:
                value = candidate
                break
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if value is not None and not isinstance(value, str):
        # HTTP headers are text; whatever handed over something else, the request
        # cannot be read.
        raise SerializationException(f"The {name} header must be text, not {type(value).__name__} {value!r}")
    return value or ""


def credential_scope(headers: Mapping[str, str], url: str = "") -> Tuple[str, str, str]:
    """(access key id, region, signing service) from a SigV4 Authorization header, or
    from a presigned URL's ``X-Amz-Credential``; empty strings where neither signs it."""
    return _scope(_header(headers, "Authorization"), url)


def _scope(authorization: str, url: str) -> Tuple[str, str, str]:
    """:func:`credential_scope`, given the Authorization header's text (the dispatcher
    reads it once per request: a botocore ``HeadersDict`` lookup costs five calls)."""
    start = authorization.find("Credential=")
    if start >= 0:
        end = authorization.find(",", start)
        scope = authorization[start + 11 : end if end >= 0 else None].strip()
    else:
        parts_of_url = _split(url) if "X-Amz-Credential" in url else None
        values = parse_qs(parts_of_url.query).get("X-Amz-Credential") if parts_of_url else None
        if not values:
            return "", "", ""
        scope = values[0]
    parts = scope.split("/")
    if len(parts) < 4:
        return parts[0], "", ""
    return parts[0], parts[2], parts[3]


def _check_signature(spec: ServiceSpec, url: str, authorization: str) -> None:
    """Refuse a request with no signature (an Authorization header, or a presigned URL's
    ``X-Amz-Credential``), or one whose credential scope names another service.
    ``authorization``: the header's text, read once per request by the dispatcher."""
    if not authorization:
        if "X-Amz-Credential" not in url:
            raise MissingAuthenticationTokenException("Missing Authentication Token")
        return
    signing_name = spec.signing_name
    if f"/{signing_name}/aws4_request" in authorization:
        return  # what every SDK's signature for this service holds: no need to parse it
    _, _, scoped_to = _scope(authorization, url)
    if scoped_to and scoped_to != signing_name:
        raise InvalidSignatureException(f"Credential should be scoped to correct service: '{signing_name}'. ")


def _split(url: str) -> Optional[SplitResult]:
    """The URL's parts, or ``None`` for a URL ``urlsplit`` refuses (a lone ``[`` or
    ``]`` in the host makes it raise ``ValueError``)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def _hostname(url: str) -> str:
    parts = _split(url)
    return (parts.hostname if parts is not None else None) or ""


def resolve_caller(url: str, authorization: str, state: Backends) -> Caller:
    """The calling account, in order: the account the signature's access key belongs to
    (a 12-digit key id, or a key moto issued while moto is on), the mock's own account,
    ``MOTO_ACCOUNT_ID``, ``123456789012``. ``authorization``: the Authorization header."""
    access_key, region, _ = _scope(authorization, url)
    try:
        account_id = account_for_access_key(access_key) or fallback_account(state.current_account())
    except ValueError as malformed:  # MOTO_ACCOUNT_ID set to something that is no account
        logger.warning("chatbot_mock: %s", malformed)
        raise InvalidClientTokenId("The security token included in the request is invalid.") from None
    if not region:
        host_labels = _hostname(url).split(".")
        known_host = len(host_labels) > 3 and host_labels[0].split("-fips")[0] in services_by_endpoint_prefix()
        region = host_labels[1] if known_host else DEFAULT_REGION
    return Caller(account_id, region)


def dispatch(
    service: str, method: str, url: str, headers: Mapping[str, str], body: Optional[bytes], state: Backends
) -> HttpResponse:
    """Answer one HTTP request for ``service`` (``chatbot`` or ``support-app``) from ``state``."""
    operation: Optional[OperationSpec] = None
    try:
        authorization = _header(headers, "Authorization")
        # AWS checks the signature first: an unsigned request, or one signed for another
        # service, learns nothing of the operation, not even whether its path is one.
        spec = service_specs()[service]
        _check_signature(spec, url, authorization)
        parts = _split(url)
        if parts is None:
            raise UnknownOperationException(
                f"No {service} operation is routed at {method.upper()} {url}: the URL cannot be parsed"
            )
        path = parts.path or "/"
        operation = spec.routes.get((method.upper(), path))
        if operation is None:
            raise UnknownOperationException(f"No {service} operation is routed at {method.upper()} {path}")
        return _run(operation, url, headers, authorization, body or b"", state)
    except ServiceError as error:
        return error_response(error, service)
    except Exception as error:  # a defect in the mock must not surface as the user's traceback
        logger.exception("chatbot_mock failed to answer %s %s", method, url)
        where = f"{operation.service} {operation.name}" if operation else f"{method} {url}"
        return error_response(InternalFailure(f"chatbot_mock could not answer {where}: {error!r}"), None)


def _run(
    operation: OperationSpec, url: str, headers: Mapping[str, str], authorization: str, body: bytes, state: Backends
) -> HttpResponse:
    if body:
        content_type = _header(headers, "Content-Type")
        if not is_json_content_type(content_type):
            raise UnsupportedMediaTypeException(
                f"{operation.name} takes a JSON body (Content-Type: application/json), not {content_type!r}"
            )
    document = _parser.parse(operation.input_shape, parse_body(body))
    if operation.input_shape is not None:
        problems = _validator.problems(operation.input_shape, document)
        if problems:
            raise ServiceError(summarize(problems), operation.validation_error)
    # A loop, not a dict comprehension: in this CPython a comprehension is a function
    # of its own, made and called on every request.
    names = operation.argument_names
    arguments = {}
    for name, value in document.items():
        if value is not None:
            arguments[names[name]] = value
    caller = resolve_caller(url, authorization, state)
    try:
        # By name: the state finds the backend under its lock, so a reset or a restore
        # that replaces the backends cannot slip between the two.
        result = state.call(operation.service, operation.name, caller, arguments)
    except Refusal as refused:
        spec = service_specs()[operation.service]
        raise service_error(spec, operation.refusal_codes, refused, f"{operation.service} {operation.name}") from None
    if operation.success_status == 204:
        return HttpResponse(204, _headers(), b"")
    if operation.output_shape is None or result is None:
        return HttpResponse(operation.success_status, _headers(), b"{}")
    return HttpResponse(
        operation.success_status, _headers(), _serializer.serialize(operation.output_shape, result)
    )


# The variant digit of a version 4 UUID: the two high bits of a random hex digit set to 10.
_VARIANT_DIGIT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def request_id() -> str:
    """A random (version 4) UUID in its usual text form, as ``str(uuid.uuid4())``
    makes, without building a ``UUID`` object first (a third of the time)."""
    digits = os.urandom(16).hex()
    return (
        f"{digits[:8]}-{digits[8:12]}-4{digits[13:16]}-{_VARIANT_DIGIT[digits[16]]}{digits[17:20]}-{digits[20:]}"
    )


def _headers() -> Dict[str, str]:
    return {"x-amzn-RequestId": request_id(), "Content-Type": "application/json"}


def error_response(error: ServiceError, service: Optional[str]) -> HttpResponse:
    """An error in the rest-json wire format: the status and message member from the
    error shape when the service models it, ``x-amzn-ErrorType`` and ``__type``."""
    spec = service_specs().get(service) if service else None
    status = spec.status_for(error) if spec else error.status or 400
    member = spec.error_message_member(error.code) if spec else "message"
    headers = _headers()
    headers["x-amzn-ErrorType"] = error.code
    body = dump_json({"__type": error.code, member: error.message})
    return HttpResponse(status, headers, body)
