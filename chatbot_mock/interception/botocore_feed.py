"""botocore's clients, sync and async: their requests for the two services, answered.

One hook on ``HierarchicalEmitter.emit``, which every client's events go through
whenever the client or its session was made. For ``before-send.<service>.<Operation>``
of a mocked service, the handlers registered for the event still run first (a user's
recorder sees the request; a handler that raises stops the call before any state
changes), then the mock's answer is put first: botocore takes the first response that
is not None, so moto's handler, which answers hosts it does not know, never wins. The
event names the service, so no other service's request is ever taken, whatever its
host. aiobotocore's emitter returns a coroutine from the same ``emit``; its answer is
awaited the same way and given the response type aiobotocore reads.
"""

from __future__ import annotations

import functools
import inspect
import sys
import types
from typing import Any, Awaitable, Callable, Iterator, List, Mapping, Tuple

from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.hooks import HierarchicalEmitter

from chatbot_mock.interception import sns_observer, switch
from chatbot_mock.interception.hooks import Hook
from chatbot_mock.interception.request_body import as_bytes
from chatbot_mock.protocol.dispatch import Backends, HttpResponse, dispatch
from chatbot_mock.protocol.model import services_by_event_name

_BEFORE_SEND = "before-send."
#: An event no client emits: emitting it while on tells whether the hook is still reached.
_PROBE = "before-send.chatbot-mock-probe"
#: botocore's event name of each mocked service -> its service name; filled at install.
_SERVICES: Mapping[str, str] = {}
_probe_seen = False
_SNS_EVENTS = sns_observer.EVENTS


def ensure_installed() -> None:
    """Put the hook in unless calls still reach it (see :mod:`.hooks`)."""
    global _SERVICES
    if not _SERVICES:
        _SERVICES = dict(services_by_event_name())
    _EMIT.ensure()


def _install_emit(emitter_class: Any) -> Any:
    emit = _make_emit(emitter_class.emit)
    emitter_class.emit = emit
    return emit


def _emit_hook_reached(emitter_class: Any) -> bool:
    global _probe_seen
    _probe_seen = False
    emitter_class().emit(_PROBE)
    return _probe_seen


# -- the before-send hook -----------------------------------------------------------------


def answer_from_mock(**_: Any) -> None:
    """Stands for the mock in the (handler, response) pairs that ``emit`` returns."""


def _make_emit(beneath: Callable[..., Any]) -> Callable[..., Any]:
    """``emit``, answering the mocked services' ``before-send`` ahead of ``beneath``.

    A plain function, not a wrapt wrapper: ``emit`` runs some ten times in every botocore
    call of every service in the process, mock on or off, and wrapt's binding costs
    about twice a plain function's call there.
    """

    # Every event but the mocked services' before-send passes straight on. botocore's
    # own emit is just ``return self._emit(event_name, kwargs)``: calling _emit with the
    # dict in hand saves packing it again for ``beneath(**kwargs)`` and a frame. Measured
    # again for issue 16 (benchmarks/instructions.py, with and without): 43 k instructions
    # of a Chatbot create (1.131x the floor, 1.147x without), 86 k of a Support App create
    # and delete. Any other emit beneath (another library's patch) is called as it is.
    passes_dict_on = _is_botocores_own_emit(beneath)

    @functools.wraps(beneath)
    def emit(self: Any, event_name: str, **kwargs: Any) -> Any:
        state = switch.active
        if state is None or not event_name.startswith(_BEFORE_SEND):
            if state is not None and event_name in _SNS_EVENTS:
                sns_observer.observe(event_name, kwargs, state)
            if passes_dict_on:
                return self._emit(event_name, kwargs)
            return beneath(self, event_name, **kwargs)
        service = _SERVICES.get(event_name[len(_BEFORE_SEND) :].partition(".")[0])
        request = kwargs.get("request")
        if service is None or request is None:
            if event_name == _PROBE:
                global _probe_seen
                _probe_seen = True
            return beneath(self, event_name, **kwargs)
        responses = self._emit(event_name, kwargs) if passes_dict_on else beneath(self, event_name, **kwargs)
        if inspect.isawaitable(responses):
            return _answer_async_client(responses, service, request, state)
        return [(answer_from_mock, _answer(service, request, state)), *responses]

    return emit


def _is_botocores_own_emit(emit: Any) -> bool:
    """Whether ``emit`` is botocore's ``HierarchicalEmitter.emit``, which only calls
    ``self._emit`` (aiobotocore's emitter inherits it and overrides ``_emit``). ``type``,
    not ``isinstance``: a wrapt proxy of it claims to be a function too."""
    return (
        type(emit) is types.FunctionType
        and emit.__module__ == "botocore.hooks"
        and emit.__qualname__ == "HierarchicalEmitter.emit"
        and emit.__code__.co_names == ("_emit",)
    )


def _answer(service: str, request: AWSPreparedRequest, state: Backends) -> AWSResponse:
    response = _dispatch(service, request, state)
    return AWSResponse(request.url, response.status, response.headers, _RawBody(response.body))


async def _answer_async_client(
    pending: Awaitable[List[Tuple[Any, Any]]], service: str, request: AWSPreparedRequest, state: Backends
) -> List[Tuple[Any, Any]]:
    # Everything that can fail is settled before the backend runs: a refused call
    # must change no state.
    try:
        response_class = _aiobotocore_response_class()
    except BaseException:
        if inspect.iscoroutine(pending):
            pending.close()
        raise
    responses = await pending
    response = _dispatch(service, request, state)
    answer = response_class(request.url, response.status, response.headers, _AsyncRawBody(response.body))
    return [(answer_from_mock, answer), *responses]


def _aiobotocore_response_class() -> Any:
    # An aiobotocore emitter means aiobotocore's HTTP layer, which imports this, is loaded.
    module = sys.modules.get("aiobotocore.awsrequest")
    response_class = getattr(module, "AioAWSResponse", None)
    if response_class is None:
        raise RuntimeError(
            "chatbot_mock answers async botocore clients with aiobotocore's AioAWSResponse, "
            "and aiobotocore.awsrequest has none: this aiobotocore is not supported"
        )
    return response_class


def _dispatch(service: str, request: AWSPreparedRequest, state: Backends) -> HttpResponse:
    return dispatch(service, request.method, request.url, request.headers, as_bytes(request.body), state)


class _RawBody:
    """The raw stream botocore reads a response body from."""

    __slots__ = ("_body",)

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._body


class _AsyncRawBody:
    """The raw stream aiobotocore awaits a response body from."""

    __slots__ = ("_body",)

    def __init__(self, body: bytes) -> None:
        self._body = body

    async def read(self, *_: Any) -> bytes:
        return self._body


_EMIT = Hook(lambda: HierarchicalEmitter, "emit", _install_emit, _emit_hook_reached, True)
