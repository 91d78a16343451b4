"""Hostile requests through the raw dispatch path, as an attacker or a broken client
would send them: unknown members nested deep inside known ones, huge lists, access keys
of non-ASCII digits, bodies that are not JSON, header values that are not text.

Whatever arrives, the mock answers a status below 500 (no traceback, no
``InternalFailure``) and a refused request leaves the whole state as it was.

The suite's run is small and, under CI, derandomised. A deeper local search, the one
docs/hardening.md reports (20,000 requests):

    PROPERTY_EXAMPLES=100 python -m pytest tests/property/test_property_fuzz.py -p no:randomly
"""

from __future__ import annotations

import contextlib
import json
import sys
from typing import Any, Dict, Iterator, List, Tuple

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shape_strategies import ANY_JSON, examples, request_bodies, valid
from state_snapshot import snapshot
from test_property_operations import seed

from chatbot_mock import mock_chatbot
from chatbot_mock.interception import active_state
from chatbot_mock.protocol import dispatch
from chatbot_mock.protocol.model import service_specs
from chatbot_mock.protocol.parsing import holds_structure

OPERATIONS: List[Tuple[str, str]] = [
    (service, name) for service, spec in sorted(service_specs().items()) for name in sorted(spec.operations)
]
#: Operations whose input nests structures (custom actions, tags): where unknown members
#: can hide deep inside known ones, so they are drawn more often.
NESTING: List[Tuple[str, str]] = [
    (service, name)
    for service, name in OPERATIONS
    if service_specs()[service].operations[name].input_shape is not None
    and any(
        holds_structure(member)
        for member in service_specs()[service].operations[name].input_shape.members.values()
    )
]
HOSTS = {"chatbot": "https://chatbot.us-east-1.amazonaws.com", "support-app": "https://supportapp.us-east-1.amazonaws.com"}
#: Custom actions nest the most (definitions, attachments, criteria), and keep a
#: ClientToken to compare retries with: drawn more often still.
CUSTOM_ACTIONS = [("chatbot", "CreateCustomAction"), ("chatbot", "UpdateCustomAction")]


NON_ASCII_DIGITS = "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662"


@contextlib.contextmanager
def usual_stack_limit() -> Iterator[None]:
    """Python's usual recursion limit, counted from here: hypothesis raises the limit
    while it runs a test, which would hide a request nested deep enough to overflow a
    user's process (500 levels once did)."""
    saved = sys.getrecursionlimit()
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    sys.setrecursionlimit(depth + 1000)
    try:
        yield
    finally:
        sys.setrecursionlimit(saved)


def nested(depth: int) -> Any:
    value: Any = "bottom"
    for _ in range(depth):
        value = {"deeper": [value]} if depth % 2 else {"deeper": value}
    return value


def _structures_in(shape: Any, value: Any) -> List[Dict[str, Any]]:
    """Every JSON object in ``value`` that ``shape`` reads as a structure, outermost
    first: where an unknown member can go (a map's keys are its own, not members)."""
    found: List[Dict[str, Any]] = []
    kind = shape.type_name
    if kind == "structure" and isinstance(value, dict):
        found.append(value)
        for name, member in shape.members.items():
            found.extend(_structures_in(member, value.get(name)))
    elif kind == "list" and isinstance(value, list):
        for item in value:
            found.extend(_structures_in(shape.member, item))
    elif kind == "map" and isinstance(value, dict):
        for item in value.values():
            found.extend(_structures_in(shape.value, item))
    return found


@st.composite
def with_unknown_members(draw: st.DrawFn, shape: Any, body: Dict[str, Any]) -> Dict[str, Any]:
    """``body`` (copied) with unknown members added to one to three of its structures,
    the outermost or any nested one, holding values nested up to 500 deep."""
    body = json.loads(json.dumps(body))
    objects = _structures_in(shape, body)
    # Inner objects first: the top level's unknown members never reach a backend anyway.
    inner = objects[1:] or objects
    for target in draw(st.lists(st.sampled_from(inner), min_size=1, max_size=3), label="where"):
        depth = draw(st.sampled_from([1, 40, 500, 500]), label="depth")
        target[draw(st.sampled_from(["Unknown", "x-amz", "__proto__"]), label="name")] = nested(depth)
    return body


@st.composite
def hostile_bodies(draw: st.DrawFn, service: str, operation: str) -> bytes:
    shape = service_specs()[service].operations[operation].input_shape
    kind = draw(st.sampled_from(["unknown at depth", "huge list", "plain", "raw bytes", "deep JSON"]), label="kind")
    if kind == "raw bytes":
        return draw(st.binary(max_size=64), label="raw")
    if kind == "deep JSON":
        depth = draw(st.sampled_from([900, 5000]), label="depth")
        if draw(st.booleans(), label="arrays"):
            return ("[" * depth + "]" * depth).encode()
        return ('{"a":' * depth + "1" + "}" * depth).encode()
    members = valid(shape) if shape is not None and kind == "unknown at depth" else request_bodies(shape)
    body = json.loads(json.dumps(draw(members, label="members")))
    if kind == "unknown at depth":
        body = draw(with_unknown_members(shape, body), label="with unknown members")
    elif kind == "huge list":
        lists = [name for name, value in body.items() if isinstance(value, list)]
        if shape is not None:
            lists += [name for name, member in shape.members.items() if member.type_name == "list"]
        if lists:
            name = draw(st.sampled_from(sorted(set(lists))), label="list member")
            item = body[name][0] if isinstance(body.get(name), list) and body[name] else draw(ANY_JSON, label="item")
            body[name] = [item] * draw(st.sampled_from([150, 5_000, 60_000]), label="length")
    return json.dumps(body).encode()


@st.composite
def hostile_headers(draw: st.DrawFn, service: str) -> Dict[str, Any]:
    signing = "chatbot" if service == "chatbot" else "supportapp"
    key = draw(st.sampled_from(["AKIAFUZZ", "123456789012", "111122223333", NON_ASCII_DIGITS, "", "A/B"]), label="key")
    headers: Dict[str, Any] = {
        "Content-Type": draw(
            st.sampled_from(["application/json", "", "text/plain", "application/json; charset=utf-8"])
        ),
        "Authorization": f"AWS4-HMAC-SHA256 Credential={key}/20261122/us-east-1/{signing}/aws4_request, "
        "SignedHeaders=host, Signature=0",
    }
    if draw(st.integers(0, 9), label="odd header") == 0:
        headers[draw(st.sampled_from(["Content-Type", "Authorization"]))] = draw(
            st.sampled_from([5, None, b"application/json", ["x"]]), label="odd value"
        )
    return headers


@settings(
    max_examples=examples(200),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_no_hostile_request_answers_500_or_a_refusal_that_changed_anything(data: st.DataObject) -> None:
    service, operation = data.draw(st.sampled_from(OPERATIONS + NESTING + CUSTOM_ACTIONS * 3), label="operation")
    spec = service_specs()[service].operations[operation]
    body = data.draw(hostile_bodies(service, operation), label="body")
    headers = data.draw(hostile_headers(service), label="headers")
    with mock_chatbot() as mock:
        seed(mock)
        state = active_state()
        before = snapshot(state)
        with usual_stack_limit():
            response = dispatch(service, spec.http_method, HOSTS[service] + spec.path, headers, body, state)
        after = snapshot(state)

    assert response.status < 500, response.body[:500]
    if response.status >= 400:
        code = json.loads(response.body)["__type"]
        if (service, operation, code) == ("chatbot", "CreateSlackChannelConfiguration", "InvalidRequestException"):
            # The one documented refusal that keeps something: the configuration name.
            after = snapshot(state, forget_reserved_name=json.loads(body).get("ConfigurationName"))
        assert after == before, f"{operation} refused with {code} but changed the state"


def _send(service: str, operation: str, body: Dict[str, Any]) -> Tuple[int, Any]:
    spec = service_specs()[service].operations[operation]
    with usual_stack_limit():
        response = dispatch(
            service, spec.http_method, HOSTS[service] + spec.path, {"Content-Type": "application/json"},
            json.dumps(body).encode(), active_state(),
        )
    answer = json.loads(response.body) if response.body else {}
    for token in ("NextToken", "nextToken"):  # signed with each state's own key
        answer.pop(token, None)
    return response.status, answer


@settings(
    max_examples=examples(100),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_unknown_members_anywhere_never_change_an_answer(data: st.DataObject) -> None:
    """A request sent twice answers the same the second time whether or not the second
    carries unknown members, at any depth (a ClientToken retry is such a second time)."""
    service, operation = data.draw(st.sampled_from(NESTING + CUSTOM_ACTIONS * 2), label="operation")
    shape = service_specs()[service].operations[operation].input_shape
    body = json.loads(json.dumps(data.draw(valid(shape), label="members")))
    answers = []
    retry = None
    for with_unknowns in (False, True):
        with mock_chatbot() as mock:
            known = seed(mock)
            if retry is None:
                # Mostly name things that exist, so the request gets past "not found".
                for name in sorted(set(body) & set(known)):
                    if data.draw(st.sampled_from([True, True, True, False]), label=f"{name} swapped"):
                        body[name] = data.draw(st.sampled_from(known[name]), label=name)
                retry = data.draw(with_unknown_members(shape, body), label="retry")
            _send(service, operation, body)
            answers.append(_send(service, operation, retry if with_unknowns else body))

    assert answers[0][0] < 500 and answers[1][0] < 500, answers
    assert answers[1] == answers[0]
