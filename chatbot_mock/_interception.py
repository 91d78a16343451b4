"""Hands botocore's Chatbot and Support App requests to the dispatcher.

While a mock is active, ``botocore.hooks.HierarchicalEmitter.emit`` is wrapped. Every
client's events go through it, whenever the client or its session was made. For the
``before-send`` event of a Chatbot or Support App operation, the handlers registered for
it still run (a user's recorder sees the request), and then the mock's answer is put
first: botocore takes the first response that is not None, so moto's handler (which
answers hosts it does not know with a 404) never wins, whichever mock started first and
whichever was imported first. The event names the operation's service, so no other
service's request is ever taken, whatever its host. Every other event goes on unchanged;
boto3's default session is never reset. The wrapper costs about 2 µs a call (a boto3
call emits some ten events).

Stopping restores what was installed before, unless something patched ``emit`` on top
since; then that patch stays, and the wrapper, left beneath it, passes everything on.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, List, Optional, Tuple

from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.hooks import HierarchicalEmitter

from chatbot_mock._state import MockState
from chatbot_mock.protocol import dispatch
from chatbot_mock.protocol.model import service_specs

Emit = Callable[..., List[Tuple[Any, Any]]]

#: botocore's own emit, taken at import: the fallback that is never cleared, so a call
#: racing a stop on another thread still reaches botocore.
_BOTOCORE_EMIT: Emit = HierarchicalEmitter.emit
_active: Optional[MockState] = None
#: What was installed when the mock activated (botocore's, or another library's patch).
_previous_emit: Optional[Emit] = None

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
    emit = _previous_emit or _BOTOCORE_EMIT
    state = _active
    if state is None or not event_name.startswith(_BEFORE_SEND):
        return emit(emitter, event_name, **kwargs)
    responses = emit(emitter, event_name, **kwargs)
    # botocore takes the first response that is not None as the HTTP response.
    return [(_emit, _answer(state, kwargs["request"])), *responses]


def activate(state: MockState) -> None:
    """Answer the two services from ``state`` until :func:`deactivate`."""
    global _active, _previous_emit
    _active = state
    installed = HierarchicalEmitter.emit
    if installed is not _emit:
        _previous_emit = installed
        HierarchicalEmitter.emit = _emit  # type: ignore[method-assign,assignment]


def deactivate() -> None:
    global _active, _previous_emit
    _active = None
    if HierarchicalEmitter.emit is _emit:
        HierarchicalEmitter.emit = _previous_emit or _BOTOCORE_EMIT  # type: ignore[method-assign]
        _previous_emit = None


def active_state() -> Optional[MockState]:
    return _active
