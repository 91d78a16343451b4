"""Server-side validation checks every constraint of the model and reports them all."""

import json
from typing import Any, List

import botocore.session
import pytest

from chatbot_mock._world import World
from chatbot_mock.protocol import dispatch
from chatbot_mock.protocol.validation import ShapeValidator, summarize

SUPPORT_APP = botocore.session.get_session().get_service_model("support-app")
CHATBOT = botocore.session.get_session().get_service_model("chatbot")


def problems(service_model: Any, operation: str, body: Any) -> List[str]:
    return ShapeValidator().problems(service_model.operation_model(operation).input_shape, body)


VALID_CHANNEL = {
    "teamId": "T012ABCDEFG",
    "channelId": "C0123",
    "channelRoleArn": "arn:aws:iam::123456789012:role/SupportApp",
    "notifyOnCaseSeverity": "none",
}


def test_a_valid_input_has_no_problems() -> None:
    assert problems(SUPPORT_APP, "CreateSlackChannelConfiguration", VALID_CHANNEL) == []


@pytest.mark.parametrize(
    ("member", "value", "rule"),
    [
        ("teamId", None, "Member must not be null"),
        ("channelId", "", "have length greater than or equal to 1"),
        ("channelId", "C" * 257, "have length less than or equal to 256"),
        ("channelId", "has space", "satisfy regular expression pattern: ^\\S+$"),
        ("notifyOnCaseSeverity", "urgent", "satisfy enum value set: [none, all, high]"),
        ("channelRoleArn", "arn:aws:iam::123456789012:user/not-a-role", "satisfy regular expression pattern"),
        ("notifyOnResolveCase", "yes", "be a boolean"),
        ("teamId", 42, "be a string"),
    ],
)
def test_each_broken_constraint_names_the_member_and_the_rule(member: str, value: Any, rule: str) -> None:
    body = dict(VALID_CHANNEL)
    if value is None:
        del body[member]
    else:
        body[member] = value
    found = problems(SUPPORT_APP, "CreateSlackChannelConfiguration", body)
    assert found, "the broken constraint went unnoticed"
    assert all(f"at '{member}'" in problem for problem in found)
    assert any(rule in problem for problem in found)


def test_integers_are_checked_for_range_and_booleans_are_not_integers() -> None:
    assert "greater than or equal to 1" in problems(CHATBOT, "ListCustomActions", {"MaxResults": 0})[0]
    assert "less than or equal to 100" in problems(CHATBOT, "ListCustomActions", {"MaxResults": 101})[0]
    assert "be an integer" in problems(CHATBOT, "ListCustomActions", {"MaxResults": True})[0]
    assert problems(CHATBOT, "ListCustomActions", {"MaxResults": 100}) == []


def test_every_problem_is_collected_into_one_report() -> None:
    found = problems(SUPPORT_APP, "CreateSlackChannelConfiguration", {"channelId": " ", "notifyOnCaseSeverity": "x"})
    # teamId and channelRoleArn missing, channelId's pattern, the severity's enum.
    assert len(found) == 4
    message = summarize(found)
    assert message.startswith("4 validation errors detected: ")
    assert all(problem in message for problem in found)
    assert summarize(found[:1]).startswith("1 validation error detected: ")


def test_nested_lists_structures_and_maps_are_walked_with_their_paths() -> None:
    body = {
        "ActionName": "deploy",
        "Definition": {"CommandText": ""},
        "Tags": [{"TagKey": "k"}],
        "Attachments": [{"Variables": {"v": "x" * 2000}, "Criteria": []}],
    }
    found = problems(CHATBOT, "CreateCustomAction", body)
    joined = "\n".join(found)
    assert "at 'Definition.CommandText'" in joined
    assert "at 'Tags.1.member.TagValue' failed to satisfy constraint: Member must not be null" in joined
    assert "at 'Attachments.1.member.Criteria'" in joined  # a list shorter than its minimum


def test_patterns_must_match_the_whole_value() -> None:
    # ConfigurationName's pattern is [A-Za-z0-9-_]+ ; "bad name!" contains matching characters.
    body = {"SlackTeamId": "T1", "SlackChannelId": "C1", "IamRoleArn": "arn:aws:iam::123456789012:role/r",
            "ConfigurationName": "bad name!"}
    [problem] = problems(CHATBOT, "CreateSlackChannelConfiguration", body)
    assert "at 'ConfigurationName'" in problem


def test_arn_patterns_accept_every_partition_the_mock_issues() -> None:
    for partition in ("aws", "aws-cn", "aws-us-gov"):
        arn = f"arn:{partition}:chatbot::123456789012:chat-configuration/slack-channel/ops"
        assert problems(CHATBOT, "DeleteSlackChannelConfiguration", {"ChatConfigurationArn": arn}) == []


def test_sensitive_values_are_not_echoed_in_messages() -> None:
    body = {"SlackTeamId": "T1", "SlackChannelId": "C1", "IamRoleArn": "arn:aws:iam::123456789012:role/r",
            "ConfigurationName": "ok", "SlackChannelName": "secret-name" * 30}
    [problem] = problems(CHATBOT, "CreateSlackChannelConfiguration", body)
    assert "secret-name" not in problem and "sensitive" in problem


def test_unknown_members_are_ignored_as_aws_ignores_them() -> None:
    assert problems(SUPPORT_APP, "CreateSlackChannelConfiguration", {**VALID_CHANNEL, "extra": object()}) == []


def test_a_dot_in_a_pattern_does_not_match_a_line_break() -> None:
    found = problems(SUPPORT_APP, "CreateSlackChannelConfiguration", {**VALID_CHANNEL, "channelName": "ops\nalerts"})
    assert len(found) == 1 and "at 'channelName'" in found[0]


def test_pattern_classes_are_ascii_as_in_the_services_java_regexes() -> None:
    # \w is [a-zA-Z0-9_] there: an accented letter or a non-Latin digit is refused.
    for alias in ("café", "ops\u0661"):
        [problem] = problems(SUPPORT_APP, "PutAccountAlias", {"accountAlias": alias})
        assert "at 'accountAlias'" in problem
    # \S is anything but [ \t\n\x0B\f\r] there: a no-break space is not whitespace.
    assert problems(SUPPORT_APP, "DeleteSlackWorkspaceConfiguration", {"teamId": "T\u00a0"}) == []


def test_a_message_words_the_first_ten_problems_and_counts_the_rest() -> None:
    # 300,000 bad items once made a 111 MB message; AWS caps the list it words.
    body = json.dumps(
        {
            "ChatConfigurationArn": "arn:aws:chatbot::123456789012:chat-configuration/slack-channel/x",
            "SlackChannelId": "C1",
            "SnsTopicArns": ["x"] * 300_000,
        }
    ).encode()
    response = dispatch(
        "chatbot",
        "POST",
        "https://chatbot.us-east-1.amazonaws.com/update-slack-channel-configuration",
        {
            "Content-Type": "application/json",
            "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/chatbot/aws4_request",
        },
        body,
        World(),
    )

    message = json.loads(response.body)["message"]
    assert response.status == 400
    count = int(message.split(" ", 1)[0])
    assert count > 300_000
    assert message.count("failed to satisfy constraint") == 10
    assert message.endswith(f"; and {count - 10} more")
    assert len(message) < 5_000


def test_summarize_words_few_problems_whole() -> None:
    assert summarize(["a", "b"]) == "2 validation errors detected: a; b"
    assert summarize(["a"]) == "1 validation error detected: a"
