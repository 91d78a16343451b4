"""``requests``: a request to a Chatbot or Support App endpoint, answered.

One hook on ``requests.Session.get_adapter``, put in at the first start, or when
``requests`` is first imported if that comes later. While a mock is on, a URL on one of
the services' hosts (every partition, FIPS and dual-stack included) gets the endpoint
adapter; every other URL gets the adapter it would have had, untouched. moto's own
``requests`` mock, like ``responses.activate``, patches ``HTTPAdapter.send``, which the
endpoint adapter overrides, so each mock answers its own hosts whichever started first
and whatever order they stop in.

The adapter hands the request to the one dispatch path; ``responses`` turns the answer
into the urllib3 response that ``requests`` builds its ``Response`` from, as it does for
its own mocks. The account comes from the request's SigV4 signature, as for botocore.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable, Dict, Mapping, Optional, Pattern, Tuple, Union

import wrapt

from chatbot_mock.chime.rooms import HOST as CHIME_HOST
from chatbot_mock.interception import switch
from chatbot_mock.interception.hooks import Hook, class_in, wrapped_by
from chatbot_mock.interception.request_body import as_bytes
from chatbot_mock.protocol.dispatch import dispatch
from chatbot_mock.protocol.model import services_by_endpoint_prefix

_DNS_SUFFIXES = r"amazonaws\.com|amazonaws\.com\.cn|api\.aws|api\.amazonwebservices\.com\.cn"
#: A region's shape (us-east-1, us-gov-west-1, cn-north-1), so that an S3 bucket named
#: ``chatbot`` (``chatbot.s3.amazonaws.com``) is never taken for the service.
_REGION = r"[a-z]{2}(?:-[a-z]+)+-[0-9]+"
_endpoint: Optional[Pattern[str]] = None
_services: Mapping[str, str] = {}
_adapter: Any = None
#: Amazon Chime's incoming webhooks, answered by the mock's simulated rooms.
_CHIME_WEBHOOK = re.compile(rf"https://(?:[^/?#@]*@)?{re.escape(CHIME_HOST)}\.?(?::443)?(?:[/?#]|$)", re.IGNORECASE)
_chime_adapter: Any = None


def ensure_installed() -> None:
    """Watch for ``requests``, and put the hook in again if calls no longer reach it."""
    global _endpoint, _services
    if _endpoint is None:
        _services = dict(services_by_endpoint_prefix())
        prefixes = "|".join(re.escape(prefix) for prefix in _services)
        _endpoint = re.compile(
            rf"https?://(?:[^/?#@]*@)?(?P<prefix>{prefixes})(?:-fips)?\.{_REGION}\.(?:{_DNS_SUFFIXES})\.?"
            r"(?::\d+)?(?:[/?#]|$)",
            re.IGNORECASE,
        )
        # ``requests`` is imported by whoever uses it, never by the mock: the hook waits for it.
        # It runs as soon as ``requests`` has loaded, possibly while something that imports
        # it (``responses`` itself, say) is still half-loaded, so putting it in imports nothing.
        wrapt.register_post_import_hook(lambda _: _GET_ADAPTER.put_in(), "requests")
    _GET_ADAPTER.ensure()


def service_for_url(url: str) -> Optional[str]:
    """The mocked service whose endpoint ``url`` is on, else ``None``."""
    match = _endpoint.match(url) if _endpoint is not None else None
    return _services.get(match.group("prefix").lower()) if match else None


def _get_adapter(wrapped: Any, instance: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    global _adapter, _chime_adapter
    if switch.active is not None:
        url = str(args[0] if args else kwargs.get("url", ""))
        if service_for_url(url) is not None:
            if _adapter is None:
                assert _endpoint is not None, "ensure_installed() compiles the endpoint pattern first"
                _adapter = _make_adapter(_endpoint, _answer_endpoint, "Chatbot and Support App endpoints")
            return _adapter
        if _CHIME_WEBHOOK.match(url) and switch.active.chime.in_use:
            if _chime_adapter is None:
                _chime_adapter = _make_adapter(_CHIME_WEBHOOK, _answer_chime, "Amazon Chime incoming webhooks")
            return _chime_adapter
    return wrapped(*args, **kwargs)


#: (status, headers, body) for a request, from the state that is on.
Answer = Tuple[int, Mapping[str, str], bytes]


def _answer_endpoint(request: Any, state: Any) -> Optional[Answer]:
    url, method = str(request.url), str(request.method)
    service = service_for_url(url)
    if service is None:
        return None
    headers: Mapping[str, Any] = request.headers
    response = dispatch(service, method, url, headers, as_bytes(request.body), state)
    # A response to HEAD has no body (urllib3 refuses one); its status and headers stand.
    return response.status, response.headers, b"" if method.upper() == "HEAD" else response.body


def _answer_chime(request: Any, state: Any) -> Answer:
    json_content = {"Content-Type": "application/json"}
    if str(request.method).upper() != "POST":
        return 405, json_content, b'{"Code":"MethodNotAllowed","Message":"POST only"}'
    status, body = state.chime.post(str(request.url), as_bytes(request.body))
    return status, json_content, json.dumps(body).encode()


def _make_adapter(pattern: Pattern[str], answer: Callable[[Any, Any], Optional[Answer]], what: str) -> Any:
    """A transport adapter that answers what ``answer`` answers from the active state."""
    import responses
    from requests import ConnectionError, PreparedRequest, Response
    from requests.adapters import HTTPAdapter

    def callback(request: PreparedRequest) -> Union[Exception, Answer]:
        state = switch.active
        answered = answer(request, state) if state is not None else None
        if answered is None:
            # The mock stopped between choosing this adapter and sending.
            return ConnectionError(f"chatbot_mock is no longer on to answer {request.method} {request.url}")
        return answered

    # get_adapter chose this adapter by the URL, and the callback answers any method; the
    # response object only shapes the answer, so its own method and URL are never matched.
    shaped = responses.CallbackResponse(method="POST", url=pattern, callback=callback, content_type=None)

    class MockAdapter(HTTPAdapter):
        def send(self, request: PreparedRequest, *args: Any, **kwargs: Any) -> Response:
            return self.build_response(request, shaped.get_response(request))

    MockAdapter.__doc__ = f"Answers {what} from the active mock."
    return MockAdapter()


_GET_ADAPTER = Hook(
    class_in("requests.sessions", "Session", defining="get_adapter"),
    "get_adapter",
    wrapped_by(_get_adapter, "get_adapter"),
    # A session that was never set up: the hook answers before touching it, requests'
    # own get_adapter fails on it.
    lambda owner: owner.get_adapter(object.__new__(owner), "https://chatbot.us-east-1.amazonaws.com/") is _adapter,
    True,
)
