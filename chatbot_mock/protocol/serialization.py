"""rest-json serialisation driven by the operation's output shape.

Backends return plain Python values keyed by the model's member names; the serialiser
writes what the output shape defines as the JSON body. Every member of both services
travels in the JSON body (none is bound to a header or the query string: ``model.check_protocol``
refuses, at load, a model that binds one).
"""

from __future__ import annotations

import base64
import datetime
import json
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Tuple

from botocore.model import Shape

from chatbot_mock.core.records import WireForm


class ShapeSerializer:
    """Writes an answer as the JSON body its output shape defines, one method per shape
    type, each appending its JSON to one list of byte strings joined once at the end.

    Only the members the shape defines are written, under their wire names; ``None``
    members are left out. A record's :class:`~chatbot_mock.core.records.WireForm` is
    read-only, so its JSON is kept on it the first time it is written and reused until
    the record changes: a page of unchanged records costs one join. (One join, not a
    join per level: a page of 100 is some 100 kB, and every extra copy of it costs
    about as much as the rest of the call.)
    """

    def __init__(self) -> None:
        self._writers: Dict[str, Writer] = {
            "structure": self._write_structure,
            "list": self._write_list,
            "map": self._write_map,
            "string": self._write_string,
            "boolean": self._write_boolean,
            "integer": self._write_integer,
            "long": self._write_integer,
            "float": self._write_float,
            "double": self._write_float,
            "timestamp": self._write_timestamp,
            "blob": self._write_blob,
        }
        #: Structure shape -> its members as (name, key after "{", key after ",", shape,
        #: writer, or None for a string).
        self._members: Dict[Shape, Tuple[Tuple[str, bytes, bytes, Shape, Optional[Writer]], ...]] = {}

    def serialize(self, shape: Shape, value: Any) -> bytes:
        out: List[bytes] = []
        self._writers[shape.type_name](shape, value, out)
        return b"".join(out)

    def _write_structure(self, shape: Shape, value: Mapping[str, Any], out: List[bytes]) -> None:
        if type(value) is not WireForm:
            self._write_members(shape, value, out)
            return
        # Keyed by the shape's name: each place the model refers to a structure has its
        # own Shape object, and all of them write the same JSON.
        written: Optional[bytes] = value.rendered.get(shape.name)
        if written is None:
            parts: List[bytes] = []
            self._write_members(shape, value, parts)
            written = value.rendered[shape.name] = b"".join(parts)
        out.append(written)

    def _write_members(self, shape: Shape, value: Mapping[str, Any], out: List[bytes]) -> None:
        members = self._members.get(shape)
        if members is None:
            members = self._members[shape] = tuple(self._describe_members(shape))
        out.append(b"{")
        first = True
        for name, first_key, next_key, member, write in members:
            member_value = value.get(name)
            if member_value is not None:
                out.append(first_key if first else next_key)
                # Strings are most members: written here rather than through a call
                # each (what _write_string does, without its frame).
                if write is None:
                    out.append(_encode_string(member_value).encode("ascii"))
                else:
                    write(member, member_value, out)
                first = False
        out.append(b"}")

    def _describe_members(self, shape: Shape) -> Iterator[Tuple[str, bytes, bytes, Shape, Optional[Writer]]]:
        for name, member in shape.members.items():
            key = _encode_string(member.serialization.get("name", name)).encode("ascii") + b":"
            # None for a string, which _write_members writes itself.
            write = None if member.type_name == "string" else self._writers[member.type_name]
            yield name, key, b"," + key, member, write

    def _write_list(self, shape: Shape, value: Any, out: List[bytes]) -> None:
        member = shape.member
        if member.type_name == "string":
            # A list of strings (ARNs, mostly) in one piece, without a call per item.
            out.append(b"[" + ",".join(map(_encode_string, value)).encode("ascii") + b"]")
            return
        write = self._writers[member.type_name]
        out.append(b"[")
        for index, item in enumerate(value):
            if index:
                out.append(b",")
            write(member, item, out)
        out.append(b"]")

    def _write_map(self, shape: Shape, value: Mapping[str, Any], out: List[bytes]) -> None:
        item_shape = shape.value
        write = self._writers[item_shape.type_name]
        out.append(b"{")
        for index, (key, item) in enumerate(value.items()):
            out.append((b"," if index else b"") + _encode_string(key).encode("ascii") + b":")
            write(item_shape, item, out)
        out.append(b"}")

    def _write_string(self, shape: Shape, value: str, out: List[bytes]) -> None:
        out.append(_encode_string(value).encode("ascii"))

    def _write_boolean(self, shape: Shape, value: bool, out: List[bytes]) -> None:
        out.append(b"true" if value else b"false")

    def _write_integer(self, shape: Shape, value: int, out: List[bytes]) -> None:
        out.append(int.__repr__(value).encode("ascii"))

    def _write_float(self, shape: Shape, value: float, out: List[bytes]) -> None:
        out.append(_number(value))

    def _write_timestamp(self, shape: Shape, value: Any, out: List[bytes]) -> None:
        # rest-json bodies carry timestamps as epoch seconds.
        if isinstance(value, datetime.datetime):
            out.append(_number(value.timestamp()))
        elif isinstance(value, str):
            self._write_string(shape, value, out)
        else:
            out.append(_number(value))

    def _write_blob(self, shape: Shape, value: Any, out: List[bytes]) -> None:
        if isinstance(value, (bytes, bytearray)):
            value = base64.b64encode(value).decode("ascii")
        self._write_string(shape, value, out)


#: A shape type's writer: (shape, value, the body's fragments so far).
Writer = Callable[[Shape, Any, List[bytes]], None]

#: JSON text of a string, non-ASCII escaped (as ``json.dumps`` writes it by default).
_encode_string: Callable[[str], str] = json.encoder.encode_basestring_ascii


def _number(value: float) -> bytes:
    # As json writes numbers; the model's types never carry NaN or infinities.
    text = int.__repr__(value) if isinstance(value, int) else float.__repr__(value)
    return text.encode("ascii")


#: One encoder for error bodies (``json.dumps`` with arguments builds a new one per call).
_encoder = json.JSONEncoder(separators=(",", ":"))


def dump_json(document: Any) -> bytes:
    return _encoder.encode(document).encode("utf-8")
