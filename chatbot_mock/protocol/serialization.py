"""rest-json (de)serialisation driven by the operation's shapes.

Backends take and return plain Python values keyed by the model's member names. The
parser turns a request body into those values; the serialiser keeps only what the
output shape defines (one function per shape, compiled once) and turns it into the JSON body.
Every member of both services travels in the JSON body (none is bound to the URI,
a header or the query string), so that is the only location handled here.
"""

from __future__ import annotations

import base64
import datetime
import json
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

from botocore.model import Shape

from chatbot_mock.protocol.errors import SerializationException

_JSON_TYPES = ("application/json", "application/x-amz-json-1.0", "application/x-amz-json-1.1")


def is_json_content_type(content_type: str) -> bool:
    """An absent content type is fine (botocore sends none for an empty body)."""
    if content_type == "application/json":  # what botocore sends, checked without splitting
        return True
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "" or media_type in _JSON_TYPES


def parse_body(body: bytes) -> Dict[str, Any]:
    """The request body as a JSON object; an empty body is an empty input."""
    if not body or not body.strip():
        return {}
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise SerializationException(f"The request body is not valid JSON: {error}") from None
    except RecursionError:
        # Arrays or objects nested about a thousand deep: json gives up, and so does the service.
        raise SerializationException("The request body is not valid JSON: it is nested too deeply") from None
    if not isinstance(document, dict):
        raise SerializationException(
            f"The request body must be a JSON object, not a JSON {type(document).__name__}"
        )
    return document


class ShapeSerializer:
    """Renders a backend's answer as the output shape defines it.

    Each shape is compiled once into a function (kept on the shape, like botocore's
    own cached properties): a structure becomes a loop over its precomputed
    ``(member, wire name, member function)`` triples, and scalars that go out as they
    are (strings, numbers, booleans) need no call at all.
    """

    def serialize(self, shape: Shape, value: Any) -> Any:
        render = renderer(shape)
        return value if render is None else render(value)


Render = Callable[[Any], Any]

#: Where a shape keeps its compiled renderer; ``_AS_IS`` marks a scalar sent unchanged.
_RENDERER = "_chatbot_mock_render"
_AS_IS = "as-is"


def renderer(shape: Shape) -> Optional[Render]:
    """The function that renders a value of ``shape``, or ``None`` when the value goes
    out as it is (scalars: strings, numbers, booleans)."""
    compiled = shape.__dict__.get(_RENDERER)
    if compiled is None:
        compiler = _COMPILERS.get(shape.type_name)
        compiled = _AS_IS if compiler is None else compiler(shape)
        shape.__dict__[_RENDERER] = compiled
    return None if compiled is _AS_IS else compiled


def _compile_structure(shape: Shape) -> Render:
    # The members' renderers are looked up on the first render, not here: models may
    # be recursive, and compiling a shape never compiles its members.
    members: Optional[Tuple[Tuple[str, str, Optional[Render]], ...]] = None

    def render(value: Mapping[str, Any]) -> Dict[str, Any]:
        nonlocal members
        if members is None:
            members = tuple(
                (name, member.serialization.get("name", name), renderer(member))
                for name, member in shape.members.items()
            )
        result = {}
        get = value.get
        for name, wire_name, render_member in members:
            member_value = get(name)
            if member_value is not None:
                result[wire_name] = member_value if render_member is None else render_member(member_value)
        return result

    return render


def _compile_list(shape: Shape) -> Render:
    member = shape.member
    if member.type_name not in _COMPILERS:
        return list
    render_member: Optional[Render] = None

    def render(value: Any) -> Any:
        nonlocal render_member
        if render_member is None:
            render_member = renderer(member)
        return [render_member(item) for item in value]  # type: ignore[misc]

    return render


def _compile_map(shape: Shape) -> Render:
    value_shape = shape.value
    if value_shape.type_name not in _COMPILERS:
        return lambda value: {key: item for key, item in value.items()}
    render_value: Optional[Render] = None

    def render(value: Any) -> Any:
        nonlocal render_value
        if render_value is None:
            render_value = renderer(value_shape)
        return {key: render_value(item) for key, item in value.items()}  # type: ignore[misc]

    return render


def _compile_timestamp(shape: Shape) -> Render:
    return _render_timestamp


def _compile_blob(shape: Shape) -> Render:
    return _render_blob


def _render_timestamp(value: Any) -> Any:
    # rest-json bodies carry timestamps as epoch seconds.
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    return value


def _render_blob(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    return value


_COMPILERS: Dict[str, Callable[[Shape], Render]] = {
    "structure": _compile_structure,
    "list": _compile_list,
    "map": _compile_map,
    "timestamp": _compile_timestamp,
    "blob": _compile_blob,
}

#: One encoder for every response (``json.dumps`` with arguments builds a new one per call).
# Answers are trees built afresh for each call, so the cycle check only costs time
# (about 13% of encoding a page of 100 configurations).
_encoder = json.JSONEncoder(separators=(",", ":"), check_circular=False)


def dump_json(document: Any) -> bytes:
    return _encoder.encode(document).encode("utf-8")
