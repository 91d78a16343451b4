"""Request bodies keep only what the input shape defines, at every depth."""

from __future__ import annotations

import json
from typing import Any, Dict

import pytest
from botocore.model import ShapeResolver

from chatbot_mock._world import World
from chatbot_mock.protocol import dispatch
from chatbot_mock.protocol.parsing import ShapeParser, is_json_content_type

SHAPES = ShapeResolver(
    {
        "Input": {
            "type": "structure",
            "members": {
                "Name": {"shape": "Text"},
                "Inner": {"shape": "Inner"},
                "Items": {"shape": "Items"},
                "ByKey": {"shape": "ByKey"},
                "Words": {"shape": "Words"},
            },
        },
        "Inner": {"type": "structure", "members": {"Text": {"shape": "Text"}}},
        "Items": {"type": "list", "member": {"shape": "Inner"}},
        "ByKey": {"type": "map", "key": {"shape": "Text"}, "value": {"shape": "Inner"}},
        "Words": {"type": "list", "member": {"shape": "Text"}},
        "Text": {"type": "string"},
    }
)
INPUT = SHAPES.get_shape_by_name("Input")


def nested(depth: int) -> Any:
    value: Any = "bottom"
    for _ in range(depth):
        value = {"deeper": value}
    return value


def test_unknown_members_are_dropped_at_every_depth() -> None:
    document = {
        "Name": "n",
        "Unknown": 1,
        "Inner": {"Text": "t", "Unknown": nested(500)},
        "Items": [{"Text": "a", "Unknown": [1]}, {"Unknown": None}],
        "ByKey": {"k": {"Text": "v", "Unknown": {}}},
        "Words": ["x", "y"],
    }

    assert ShapeParser().parse(INPUT, document) == {
        "Name": "n",
        "Inner": {"Text": "t"},
        "Items": [{"Text": "a"}, {}],
        "ByKey": {"k": {"Text": "v"}},
        "Words": ["x", "y"],
    }


def test_a_value_of_the_wrong_type_is_kept_for_the_validator_to_word() -> None:
    document = {"Inner": "not an object", "Items": {"not": "a list"}, "ByKey": [1]}

    assert ShapeParser().parse(INPUT, document) == document


def test_an_operation_without_input_takes_nothing() -> None:
    assert ShapeParser().parse(None, {"Anything": 1}) == {}


# -- through the dispatcher, as a raw HTTP client would send it ----------------------------------

CHATBOT = "https://chatbot.us-east-1.amazonaws.com"
HEADERS = {
    "Content-Type": "application/json",
    "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/chatbot/aws4_request, "
    "SignedHeaders=host, Signature=0",
}


def call(state: World, operation_path: str, body: Dict[str, Any]) -> Any:
    response = dispatch("chatbot", "POST", f"{CHATBOT}/{operation_path}", HEADERS, json.dumps(body).encode(), state)
    return response.status, json.loads(response.body or b"{}")


@pytest.mark.parametrize(
    "content_type",
    [
        "application/json",
        "Application/JSON",
        "APPLICATION/JSON; charset=UTF-8",
        " application/X-Amz-Json-1.1 ",
        "application/x-amz-json-1.0",
        "",
    ],
)
def test_a_json_media_type_is_recognised_in_any_letter_case(content_type: str) -> None:
    assert is_json_content_type(content_type)


@pytest.mark.parametrize("content_type", ["text/xml", "Text/Plain", "application/jsonx", "application/xml; a=json"])
def test_a_media_type_other_than_json_is_not_json(content_type: str) -> None:
    assert not is_json_content_type(content_type)


@pytest.fixture
def state() -> World:
    return World()


def test_a_custom_action_with_an_unknown_member_nested_deep_is_created_without_it(state: World) -> None:
    definition = {"CommandText": "cw describe-alarms", "Unknown": nested(500)}
    attachments = [{"NotificationType": "CloudWatch", "ButtonText": "Go", "Unknown": nested(500)}]

    status, answer = call(
        state, "create-custom-action", {"Definition": definition, "ActionName": "deep", "Attachments": attachments}
    )

    assert status == 201, answer
    status, got = call(state, "get-custom-action", {"CustomActionArn": answer["CustomActionArn"]})
    assert got["CustomAction"]["Definition"] == {"CommandText": "cw describe-alarms"}
    assert got["CustomAction"]["Attachments"] == [{"NotificationType": "CloudWatch", "ButtonText": "Go"}]


def test_an_update_with_an_unknown_member_nested_deep_applies_whole(state: World) -> None:
    _, created = call(state, "create-custom-action", {"Definition": {"CommandText": "one"}, "ActionName": "a"})
    arn = created["CustomActionArn"]

    status, answer = call(
        state,
        "update-custom-action",
        {"CustomActionArn": arn, "Definition": {"CommandText": "two", "Unknown": nested(500)}, "AliasName": "alias"},
    )

    assert status == 200, answer
    _, got = call(state, "get-custom-action", {"CustomActionArn": arn})
    assert got["CustomAction"]["Definition"] == {"CommandText": "two"}
    assert got["CustomAction"]["AliasName"] == "alias"


@pytest.mark.parametrize("where", ["top level", "inside Definition"])
def test_a_client_token_replay_ignores_unknown_members_wherever_they_are(state: World, where: str) -> None:
    request = {"Definition": {"CommandText": "one"}, "ActionName": "a", "ClientToken": "t" * 40}
    _, first = call(state, "create-custom-action", request)
    replay = json.loads(json.dumps(request))
    if where == "top level":
        replay["Unknown"] = "x"
    else:
        replay["Definition"]["Unknown"] = "x"

    status, again = call(state, "create-custom-action", replay)

    assert status == 201, again
    assert again["CustomActionArn"] == first["CustomActionArn"]
