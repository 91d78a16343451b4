"""rest-json request bodies, read as the operation's input shape defines them.

The body is JSON; what the backend receives is that JSON with every member the shape
does not define dropped, at every depth, as AWS services ignore them. So nothing the
model does not know is ever stored, compared (a ClientToken replay) or copied, however
deep a request nests it. Every member of both services travels in the JSON body (none
is bound to the URI, a header or the query string: ``model.check_protocol`` refuses, at
load, a model that binds one).
"""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, Optional

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
        document = _loads(body)
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



#: json.loads' own decoder, for the way round its outer layers in :func:`_loads`.
_decoder = json.JSONDecoder()


def _loads(body: bytes) -> Any:
    """``json.loads(body)``, skipping its outer layers for what botocore sends.

    For a UTF-8 body that is one JSON value with nothing around it, json.loads' sniffing
    of the encoding and its two whitespace scans change nothing, yet cost some 40% of
    parsing a request of a few hundred bytes (cachegrind); its decoder is called
    directly. Any other body (a BOM, another encoding, whitespace around the value, a
    syntax error) goes to json.loads itself, so the answer and every error are its own.
    """
    try:
        text = body.decode("utf-8")
        document, end = _decoder.raw_decode(text)
    except ValueError:  # UnicodeDecodeError and JSONDecodeError included
        return json.loads(body)
    return document if end == len(text) else json.loads(body)


class ShapeParser:
    """Keeps what the input shape defines, one method per composite shape type.

    A value of the wrong JSON type is kept as it is, for the validator to word; scalars
    are kept as they are. Shapes with no structure beneath them are returned untouched
    (most members: strings and lists of strings), so the walk costs only where there is
    something to drop.
    """

    def __init__(self) -> None:
        self._readers: Dict[str, Callable[[Shape, Any], Any]] = {
            "structure": self._parse_structure,
            "list": self._parse_list,
            "map": self._parse_map,
        }
        #: Shape -> whether a structure lies anywhere beneath it (the models are not recursive).
        self._holds_structures: Dict[Shape, bool] = {}
        #: Structure shape -> member name -> the member's shape where a structure lies
        #: beneath it, else None (kept as it is): most members are read without a call.
        self._member_walks: Dict[Shape, Dict[str, Optional[Shape]]] = {}

    def parse(self, shape: Optional[Shape], document: Dict[str, Any]) -> Dict[str, Any]:
        """The members of ``document`` that ``shape`` defines, at every depth."""
        if shape is None:
            return {}
        parsed: Dict[str, Any] = self._parse_structure(shape, document)
        return parsed

    def _parse(self, shape: Shape, value: Any) -> Any:
        if not self._holds_structure(shape):
            return value
        return self._readers[shape.type_name](shape, value)

    def _parse_structure(self, shape: Shape, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        walks = self._member_walks.get(shape)
        if walks is None:
            walks = self._member_walks[shape] = {
                name: member if self._holds_structure(member) else None for name, member in shape.members.items()
            }
        parsed: Dict[str, Any] = {}
        for name, item in value.items():
            if name in walks:
                member = walks[name]
                parsed[name] = item if member is None else self._readers[member.type_name](member, item)
        return parsed

    def _parse_list(self, shape: Shape, value: Any) -> Any:
        if not isinstance(value, list):
            return value
        return [self._parse(shape.member, item) for item in value]

    def _parse_map(self, shape: Shape, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        return {key: self._parse(shape.value, item) for key, item in value.items()}

    def _holds_structure(self, shape: Shape) -> bool:
        known = self._holds_structures.get(shape)
        if known is None:
            known = self._holds_structures[shape] = holds_structure(shape)
        return known


def holds_structure(shape: Shape) -> bool:
    """Whether a structure lies anywhere in ``shape``: where unknown members can hide."""
    kind = shape.type_name
    if kind == "structure":
        return True
    if kind == "list":
        return holds_structure(shape.member)
    if kind == "map":
        return holds_structure(shape.value)
    return False
