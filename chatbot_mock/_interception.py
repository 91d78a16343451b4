"""Hands botocore's Chatbot and Support App requests to the dispatcher.

Two entry points, one switch (the active state):

* a ``before-send`` handler registered *first* for every botocore session created
  after ``chatbot_mock`` is imported, so it answers ahead of moto's handler (which
  answers unknown amazonaws.com hosts with a 404) in either nesting order;
* while a mock is active, ``Endpoint._send`` is wrapped, which reaches clients and
  sessions that were created before ``chatbot_mock`` was imported.

Both hand the prepared HTTP request to :func:`chatbot_mock.protocol.dispatch`;
every other service's request passes through untouched. boto3's default session
is never reset.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, Optional

from botocore import handlers
from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.endpoint import Endpoint

from chatbot_mock._state import MockState
from chatbot_mock.protocol import dispatch, is_mocked_request

_active: Optional[MockState] = None
_original_send: Optional[Callable[..., Any]] = None


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


def _before_send(request: AWSPreparedRequest, **_: Any) -> Optional[AWSResponse]:
    # Registered only for the two services' events, so no host check is needed here.
    state = _active
    return None if state is None else _answer(state, request)


def _send(endpoint: Endpoint, request: AWSPreparedRequest) -> Any:
    state = _active
    if state is not None and is_mocked_request(request.url, request.headers):
        return _answer(state, request)
    assert _original_send is not None
    return _original_send(endpoint, request)


def activate(state: MockState) -> None:
    """Answer the two services from ``state`` until :func:`deactivate`."""
    global _active, _original_send
    _active = state
    if _original_send is None:
        _original_send = Endpoint._send
        Endpoint._send = _send  # type: ignore[method-assign]


def deactivate() -> None:
    global _active, _original_send
    _active = None
    if _original_send is not None:
        Endpoint._send = _original_send  # type: ignore[method-assign]
        _original_send = None


def active_state() -> Optional[MockState]:
    return _active


for _event in ("before-send.chatbot", "before-send.support-app"):
    handlers.BUILTIN_HANDLERS.append((_event, _before_send, handlers.REGISTER_FIRST))
