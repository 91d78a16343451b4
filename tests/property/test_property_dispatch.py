"""The raw request path answers anything with a well-formed AWS response.

``chatbot_mock.protocol.dispatch`` is what every interception hands its requests to.
Whatever arrives (real routes and junk paths, any method, content types and
Authorization headers well- and ill-formed, bodies that are JSON objects, other JSON,
broken JSON or random bytes), the answer is an ``HttpResponse`` with a status in
200-599 and never 500, an ``x-amzn-RequestId`` header, and for errors a JSON object
body carrying ``__type``.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Tuple, Union

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shape_strategies import ANY_JSON, examples, request_bodies

from chatbot_mock._world import World
from chatbot_mock.protocol import HttpResponse, dispatch
from chatbot_mock.protocol.model import OperationSpec, service_specs

OPERATIONS: Dict[Tuple[str, str, str], OperationSpec] = {
    (service, method, path): operation
    for service, spec in service_specs().items()
    for (method, path), operation in spec.routes.items()
}
ROUTES = sorted(OPERATIONS)
SERVICES = sorted(service_specs())
PATHS = [path for _, _, path in ROUTES]

HOSTS = [
    "supportapp.us-east-1.amazonaws.com",
    "chatbot.us-east-1.amazonaws.com",
    "chatbot.cn-north-1.amazonaws.com.cn",
    "chatbot.amazonaws.com",
    "s3.amazonaws.com",
    "localhost:4566",
    "127.0.0.1",
    "[::1]:8080",
    # Hosts urlsplit cannot parse.
    "[::1",
    "a]b",
    "[bad",
]
CONTENT_TYPES = [
    "application/json",
    "application/json; charset=utf-8",
    "APPLICATION/JSON",
    "application/x-amz-json-1.1",
    "application/x-www-form-urlencoded",
    "text/plain",
    "",
    ";",
    "application/json;;;",
]

methods = st.one_of(
    st.sampled_from(["POST", "GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "post", "Post"]),
    st.text(max_size=8),
)

paths = st.one_of(
    st.sampled_from(PATHS),
    st.sampled_from(PATHS).map(lambda path: path + "/"),
    st.sampled_from(PATHS).map(lambda path: path.upper()),
    st.sampled_from(PATHS).flatmap(lambda path: st.text(max_size=6).map(lambda junk: path + junk)),
    st.sampled_from(["", "/", "//", "/control/", "/control", "/%2F", "/.."]),
    st.just("/describe-slack-channel-configurations%00"),
    st.text(max_size=30).map(lambda text: "/" + text),
)

urls = st.one_of(
    st.builds(
        lambda scheme, host, path, query: f"{scheme}://{host}{path}{query}",
        st.sampled_from(["https", "http", "HTTPS"]),
        st.one_of(st.sampled_from(HOSTS), st.text(max_size=20)),
        paths,
        st.one_of(st.just(""), st.sampled_from(["?", "?a=1", "#frag", "?x=%ZZ"]), st.text(max_size=8).map("?".__add__)),
    ),
    st.text(max_size=40),
)

_SERVICES = st.sampled_from(["chatbot", "supportapp", "s3", "", "chatbot/extra"])
_REGIONS = st.sampled_from(["us-east-1", "eu-west-2", "cn-north-1", "us-gov-west-1", "", "nowhere"])
_ACCESS_KEYS = st.one_of(
    st.sampled_from(["AKIAIOSFODNN7EXAMPLE", "123456789012", "111122223333", "12345678901", ""]),
    st.text(max_size=14),
)

well_formed_authorization = st.builds(
    lambda key, region, service: (
        f"AWS4-HMAC-SHA256 Credential={key}/20260101/{region}/{service}/aws4_request, "
        "SignedHeaders=content-type;host;x-amz-date, Signature=" + "0" * 64
    ),
    _ACCESS_KEYS,
    _REGIONS,
    _SERVICES,
)
ill_formed_authorization = st.one_of(
    st.sampled_from([
        "AWS4-HMAC-SHA256 Credential=",
        "AWS4-HMAC-SHA256 Credential=AKIA",
        "AWS4-HMAC-SHA256 Credential=a/b",
        "AWS4-HMAC-SHA256 Credential=a/b/c/d",
        "Credential=,,,",
        "Bearer token",
        "Credential=123456789012/x/us-east-1/chatbot",
    ]),
    st.text(max_size=60),
    st.text(max_size=30).map(lambda text: "AWS4-HMAC-SHA256 Credential=" + text),
)

HeaderValue = Union[str, bytes]


def _as_value(text: str, as_bytes: bool) -> HeaderValue:
    return text.encode("latin-1", "replace") if as_bytes else text


@st.composite
def header_sets(draw: st.DrawFn) -> Dict[str, HeaderValue]:
    headers: Dict[str, HeaderValue] = {}
    as_bytes = draw(st.booleans(), label="header values as bytes")
    if draw(st.booleans()):
        name = draw(st.sampled_from(["Content-Type", "content-type", "CONTENT-TYPE"]))
        value = draw(st.one_of(st.sampled_from(CONTENT_TYPES), st.text(max_size=20)))
        headers[name] = _as_value(value, as_bytes)
    if draw(st.booleans()):
        name = draw(st.sampled_from(["Authorization", "authorization"]))
        value = draw(st.one_of(well_formed_authorization, ill_formed_authorization))
        headers[name] = _as_value(value, as_bytes)
    extra = draw(st.dictionaries(st.text(min_size=1, max_size=10), st.text(max_size=10), max_size=2))
    for name, value in extra.items():
        headers.setdefault(name, value)
    return headers


def _json_bytes(document: Any) -> bytes:
    return json.dumps(document).encode("utf-8")


@st.composite
def bodies(draw: st.DrawFn, path: str) -> Optional[bytes]:
    operations = [OPERATIONS[route] for route in ROUTES if route[2] == path]
    options: List[st.SearchStrategy[Optional[bytes]]] = [
        st.none(),
        st.just(b""),
        st.sampled_from([b"   ", b"{}", b"[]", b"null", b"0", b'"text"', b"{", b'{"a":', b"{'a': 1}", b"NaN"]),
        ANY_JSON.map(_json_bytes),
        st.binary(max_size=40),
        st.binary(max_size=20).map(lambda data: b"\xff\xfe" + data),
        st.binary(max_size=20).map(lambda data: b'{"x": "' + data + b'"}'),
        st.sampled_from([b'{"a": "\xc3\x28"}', b'{"a": "\xed\xa0\x80"}', b"\xef\xbb\xbf{}"]),
        st.just('{"nextToken": "x"}'.encode("utf-16")),
        st.just(b'{"a": "\\ud800"}'),
    ]
    members = ["x"]
    if operations:
        options.append(request_bodies(operations[0].input_shape).map(_json_bytes))
        if operations[0].input_shape is not None:
            members.extend(operations[0].input_shape.members)
    # JSON nested about as deep as Python's recursion limit, under a member the
    # operation defines (so validation words a refusal of it) or under another.
    options.append(
        st.builds(
            lambda member, depth: b'{"' + member.encode() + b'":' + b"[" * depth + b"]" * depth + b"}",
            st.sampled_from(members),
            st.one_of(st.integers(900, 1000), st.integers(1000, 5000)),
        )
    )
    return draw(st.one_of(*options))


@settings(max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_dispatch_always_answers_a_well_formed_response(data: st.DataObject) -> None:
    if data.draw(st.booleans(), label="a real route"):
        service, method, path = data.draw(st.sampled_from(ROUTES), label="route")
        host = data.draw(st.sampled_from(HOSTS), label="host")
        url = f"https://{host}{path}"
    else:
        service = data.draw(st.sampled_from(SERVICES), label="service")
        method = data.draw(methods, label="method")
        url = data.draw(urls, label="url")
        path = data.draw(st.sampled_from(PATHS), label="path for the body") if data.draw(st.booleans()) else ""
    headers = data.draw(header_sets(), label="headers")
    body = data.draw(bodies(path), label="body")

    response = dispatch(service, method, url, headers, body, World())  # type: ignore[arg-type]

    assert isinstance(response, HttpResponse)
    assert 200 <= response.status <= 599
    assert response.status != 500, response.body
    assert response.headers.get("x-amzn-RequestId")
    assert isinstance(response.body, bytes)
    if response.status >= 300:
        document = json.loads(response.body)
        assert isinstance(document, dict) and isinstance(document.get("__type"), str), document
        assert response.headers.get("x-amzn-ErrorType") == document["__type"]
    elif response.body:
        assert isinstance(json.loads(response.body), dict)


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_real_routes_with_generated_bodies(data: st.DataObject) -> None:
    # Every real route, a JSON content type and a well-formed signature: what is left
    # to vary is the body, so the answers are the backends' (or validation's).
    service, method, path = data.draw(st.sampled_from(ROUTES), label="route")
    operation = OPERATIONS[(service, method, path)]
    document = data.draw(request_bodies(operation.input_shape), label="body")
    signing = "supportapp" if operation.service == "support-app" else "chatbot"
    host = f"{signing}.us-east-1.amazonaws.com"
    headers = {
        "Content-Type": "application/json",
        "Authorization": f"AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/{signing}/aws4_request, "
        "SignedHeaders=host, Signature=00",
    }
    response = dispatch(service, method, f"https://{host}{path}", headers, _json_bytes(document), World())
    assert 200 <= response.status <= 599 and response.status not in (500, 501), response.body
    assert response.headers.get("x-amzn-RequestId")
    if response.status >= 300:
        assert json.loads(response.body)["__type"] != "InternalFailure"
