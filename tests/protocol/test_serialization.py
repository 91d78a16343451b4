"""The serialiser: JSON text from the output shape, and a record's text kept on its form."""

from __future__ import annotations

import datetime
import json

from botocore.model import ShapeResolver

from chatbot_mock.core.records import WireForm
from chatbot_mock.protocol.serialization import ShapeSerializer

SHAPES = ShapeResolver(
    {
        "Answer": {
            "type": "structure",
            "members": {
                "Name": {"shape": "Text"},
                "Wired": {"shape": "Text", "locationName": "wiredName"},
                "Count": {"shape": "Count"},
                "Ratio": {"shape": "Ratio"},
                "On": {"shape": "Flag"},
                "When": {"shape": "When"},
                "Data": {"shape": "Data"},
                "Names": {"shape": "Names"},
                "Labels": {"shape": "Labels"},
            },
        },
        "Short": {"type": "structure", "members": {"Name": {"shape": "Text"}}},
        "Page": {"type": "structure", "members": {"Items": {"shape": "Items"}}},
        "Items": {"type": "list", "member": {"shape": "Short"}},
        "Text": {"type": "string"},
        "Count": {"type": "integer"},
        "Ratio": {"type": "double"},
        "Flag": {"type": "boolean"},
        "When": {"type": "timestamp"},
        "Data": {"type": "blob"},
        "Names": {"type": "list", "member": {"shape": "Text"}},
        "Labels": {"type": "map", "key": {"shape": "Text"}, "value": {"shape": "Text"}},
    }
)
ANSWER = SHAPES.get_shape_by_name("Answer")
SHORT = SHAPES.get_shape_by_name("Short")


def written(shape, value):
    return json.loads(ShapeSerializer().serialize(shape, value))


def test_members_go_out_under_their_wire_names_in_the_shapes_order():
    body = ShapeSerializer().serialize(ANSWER, {"Wired": "b", "Name": "a"})

    assert body == b'{"Name":"a","wiredName":"b"}'


def test_members_the_shape_does_not_define_and_none_members_are_left_out():
    assert written(ANSWER, {"Name": "a", "Secret": "x", "Count": None}) == {"Name": "a"}


def test_strings_are_escaped_as_json_escapes_them():
    text = 'quote " backslash \\ newline \n tab \t café 🙂 \x00'

    expected = json.dumps({"Name": text}, separators=(",", ":")).encode()
    assert ShapeSerializer().serialize(SHORT, {"Name": text}) == expected


def test_scalars_lists_and_maps():
    value = {"Count": 3, "Ratio": 0.5, "On": False, "Names": ["x", "y"], "Labels": {"k": "v"}}

    assert written(ANSWER, value) == value


def test_timestamps_are_epoch_seconds_and_blobs_base64():
    when = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)

    assert written(ANSWER, {"When": when, "Data": b"\x00\xff"}) == {"When": when.timestamp(), "Data": "AP8="}


def test_a_wire_form_is_written_once_per_structure_and_its_text_reused():
    form = WireForm({"Name": "a", "Count": 1}, stamp=1)
    serializer = ShapeSerializer()

    first = serializer.serialize(ANSWER, form)

    assert form.rendered["Answer"] == first
    form.rendered["Answer"] = b'{"Name":"kept"}'
    assert serializer.serialize(ANSWER, form) == b'{"Name":"kept"}'
    # Another shape writes the same form its own way.
    assert serializer.serialize(SHORT, form) == b'{"Name":"a"}'


def test_wire_forms_in_a_page_are_reused_and_plain_dicts_beside_them_written():
    kept = WireForm({"Name": "a"}, stamp=1)
    kept.rendered["Short"] = b'{"Name":"kept"}'
    page = {"Items": [kept, {"Name": "plain"}, WireForm({"Name": "new"}, stamp=2)]}

    body = ShapeSerializer().serialize(SHAPES.get_shape_by_name("Page"), page)

    assert json.loads(body) == {"Items": [{"Name": "kept"}, {"Name": "plain"}, {"Name": "new"}]}
