"""Hands botocore's Chatbot and Support App requests to the dispatcher.

While a mock is active, ``botocore.hooks.HierarchicalEmitter.emit`` is wrapped. Every
client's events go through it, whenever the client or its session was made, so the
``before-send`` event of a Chatbot or Support App operation is answered here before any
registered handler runs: moto's handler (which answers hosts it does not know with a 404)
never sees it, whichever mock started first and whichever was imported first. The event
names the operation's service, so no other service's request is ever taken, whatever its
host. Every other event goes on to botocore unchanged; boto3's default session is never
reset. The wrapper costs about 2 µs a call (a boto3 call emits some ten events).
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, List, Optional, Tuple

from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.hooks import HierarchicalEmitter

from chatbot_mock._state import MockState
from chatbot_mock.protocol import dispatch
from chatbot_mock.protocol.model import service_specs

_active: Optional[MockState] = None
_original_emit: Optional[Callable[..., List[Tuple[Any, Any]]]] = None

#: ``before-send.<service id>.`` of each mocked service, as botocore names the event.
_BEFORE_SEND: Tuple[str, ...] = tuple(
    f"before-send.{spec.model.service_id.hyphenize()}." for spec in service_specs().values()
)


class _RawBody:
    """The raw stream botocore reads a response body from."""

    __slots__ = ("_body",)

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._body


def _request_body(request: AWSPreparedRequest) -> bytes:
    body = request.body
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode("utf-8")
    if hasattr(body, "read"):
        position = body.tell() if hasattr(body, "tell") else None
        data = body.read()
        if position is not None:
            body.seek(position)
        return data if isinstance(data, bytes) else str(data).encode("utf-8")
    return bytes(body)


def _answer(state: MockState, request: AWSPreparedRequest) -> AWSResponse:
    response = dispatch(request.method, request.url, request.headers, _request_body(request), state)
    return AWSResponse(request.url, response.status, response.headers, _RawBody(response.body))


def _emit(emitter: HierarchicalEmitter, event_name: str, **kwargs: Any) -> List[Tuple[Any, Any]]:
    state = _active
    if state is not None and event_name.startswith(_BEFORE_SEND):
        # botocore takes the first response that is not None as the HTTP response.
        return [(_emit, _answer(state, kwargs["request"]))]
    assert _original_emit is not None
    return _original_emit(emitter, event_name, **kwargs)


def activate(state: MockState) -> None:
    """Answer the two services from ``state`` until :func:`deactivate`."""
    global _active, _original_emit
    _active = state
    if _original_emit is None:
        _original_emit = HierarchicalEmitter.emit
        HierarchicalEmitter.emit = _emit  # type: ignore[method-assign,assignment]


def deactivate() -> None:
    global _active, _original_emit
    _active = None
    if _original_emit is not None:
        HierarchicalEmitter.emit = _original_emit  # type: ignore[method-assign]
        _original_emit = None


def active_state() -> Optional[MockState]:
    return _active
