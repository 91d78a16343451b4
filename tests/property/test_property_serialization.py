"""The serialiser writes, byte for byte, what ``json`` writes for a plain walk of the
output shape.

``ShapeSerializer`` writes JSON text itself (so a record's text can be kept and
reused); the reference below builds the same answer as Python values and hands it to
the standard library's encoder, which is the specification of the bytes.
"""

from __future__ import annotations

import base64
import datetime
import json
from typing import Any, List, Tuple

from botocore.model import Shape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shape_strategies import examples, valid

from chatbot_mock.protocol.model import service_specs
from chatbot_mock.protocol.serialization import ShapeSerializer


def reference(shape: Shape, value: Any) -> Any:
    kind = shape.type_name
    if kind == "structure":
        result = {}
        for name, member in shape.members.items():  # type: ignore[attr-defined]
            member_value = value.get(name)
            if member_value is not None:
                result[member.serialization.get("name", name)] = reference(member, member_value)
        return result
    if kind == "list":
        return [reference(shape.member, item) for item in value]  # type: ignore[attr-defined]
    if kind == "map":
        return {key: reference(shape.value, item) for key, item in value.items()}  # type: ignore[attr-defined]
    if kind == "timestamp" and isinstance(value, datetime.datetime):
        return value.timestamp()
    if kind == "blob" and isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    return value


def _output_shapes() -> List[Tuple[str, Shape]]:
    return [
        (f"{service} {name}", operation.output_shape)
        for service, spec in sorted(service_specs().items())
        for name, operation in sorted(spec.operations.items())
        if operation.output_shape is not None
    ]


OUTPUT_SHAPES = _output_shapes()


def _with_backend_extras(shape: Shape, value: Any, extra: Any) -> Any:
    """What a backend may hand over beyond the shape: members it does not define,
    members set to None, datetimes and bytes where the shape has timestamps and blobs."""
    kind = shape.type_name
    if kind == "structure" and isinstance(value, dict):
        result = {
            name: _with_backend_extras(shape.members[name], item, extra)  # type: ignore[attr-defined]
            if name in shape.members else item  # type: ignore[attr-defined]
            for name, item in value.items()
        }
        result["NotInTheShape"] = extra
        for name in shape.members:  # type: ignore[attr-defined]
            result.setdefault(name, None)
        return result
    if kind == "list" and isinstance(value, list):
        return [_with_backend_extras(shape.member, item, extra) for item in value]  # type: ignore[attr-defined]
    if kind == "timestamp":
        return datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    if kind == "blob":
        return b"\x00\xffdata"
    return value


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_serialiser_writes_what_json_writes_for_the_plain_walk(data: st.DataObject) -> None:
    label, shape = data.draw(st.sampled_from(OUTPUT_SHAPES), label="operation")
    value = data.draw(valid(shape), label=label)
    if data.draw(st.booleans(), label="backend extras"):
        value = _with_backend_extras(shape, value, data.draw(st.integers(), label="extra"))
    expected = json.dumps(reference(shape, value), separators=(",", ":")).encode("ascii")
    assert ShapeSerializer().serialize(shape, value) == expected
