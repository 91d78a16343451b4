"""rest-json (de)serialisation driven by the operation's shapes.

Backends take and return plain Python values keyed by the model's member names. The
parser turns a request body into those values; the serialiser keeps only what the
output shape defines (one method per shape type) and turns it into the JSON body.
Every member of both services travels in the JSON body (none is bound to the URI,
a header or the query string), so that is the only location handled here.
"""

from __future__ import annotations

import base64
import datetime
import json
from typing import Any, Callable, Dict, Mapping

from botocore.model import Shape

from chatbot_mock.protocol.errors import SerializationException

_JSON_TYPES = ("application/json", "application/x-amz-json-1.0", "application/x-amz-json-1.1")


def is_json_content_type(content_type: str) -> bool:
    """An absent content type is fine (botocore sends none for an empty body)."""
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
    if not isinstance(document, dict):
        raise SerializationException(
            f"The request body must be a JSON object, not a JSON {type(document).__name__}"
        )
    return document


class ShapeSerializer:
    """Renders a backend's answer as the output shape defines it."""

    def __init__(self) -> None:
        self._by_type: Dict[str, Callable[[Shape, Any], Any]] = {
            "structure": self._serialize_structure,
            "list": self._serialize_list,
            "map": self._serialize_map,
            "timestamp": self._serialize_timestamp,
            "blob": self._serialize_blob,
        }

    def serialize(self, shape: Shape, value: Any) -> Any:
        # Scalars (string, integer, boolean, ...) are already JSON values.
        method = self._by_type.get(shape.type_name)
        return value if method is None else method(shape, value)

    def _serialize_structure(self, shape: Shape, value: Mapping[str, Any]) -> Dict[str, Any]:
        result = {}
        for name, member in shape.members.items():  # type: ignore[attr-defined]
            member_value = value.get(name)
            if member_value is not None:
                result[member.serialization.get("name", name)] = self.serialize(member, member_value)
        return result

    def _serialize_list(self, shape: Shape, value: Any) -> Any:
        member = shape.member  # type: ignore[attr-defined]
        if member.type_name not in self._by_type:
            return list(value)
        return [self.serialize(member, item) for item in value]

    def _serialize_map(self, shape: Shape, value: Mapping[str, Any]) -> Dict[str, Any]:
        return {key: self.serialize(shape.value, item) for key, item in value.items()}  # type: ignore[attr-defined]

    @staticmethod
    def _serialize_timestamp(shape: Shape, value: Any) -> Any:
        # rest-json bodies carry timestamps as epoch seconds.
        if isinstance(value, datetime.datetime):
            return value.timestamp()
        return value

    @staticmethod
    def _serialize_blob(shape: Shape, value: Any) -> Any:
        if isinstance(value, (bytes, bytearray)):
            return base64.b64encode(value).decode("ascii")
        return value


def dump_json(document: Any) -> bytes:
    return json.dumps(document, separators=(",", ":")).encode("utf-8")
