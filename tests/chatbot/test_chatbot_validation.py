"""Server-side validation: every constraint in the model, with the operation's own code.

botocore checks only required members, types and minimums before sending; the mock
checks patterns, maximum lengths, enums and ranges too, as the service does. The code
is InvalidParameterException where the operation models it, else InvalidRequestException.
"""

from __future__ import annotations

from typing import Any, Callable, Dict

import pytest
from chatbot_helpers import (
    ROLE_ARN,
    SLACK_CHANNEL_ID,
    SLACK_TEAM_ID,
    TEAMS_CHANNEL_ID,
    TEAMS_TEAM_ID,
    TEAMS_TENANT_ID,
    account_state,
    raises_service_error,
)

SLACK = {
    "ConfigurationName": "alerts",
    "SlackTeamId": SLACK_TEAM_ID,
    "SlackChannelId": SLACK_CHANNEL_ID,
    "IamRoleArn": ROLE_ARN,
}
TEAMS = {
    "ConfigurationName": "alerts",
    "TeamId": TEAMS_TEAM_ID,
    "TenantId": TEAMS_TENANT_ID,
    "ChannelId": TEAMS_CHANNEL_ID,
    "IamRoleArn": ROLE_ARN,
}
ACTION_ARN = "arn:aws:chatbot::123456789012:custom-action/whoami"

CASES: Dict[str, tuple] = {
    # (code, the member the message names, the call)
    "configuration name pattern": (
        "InvalidParameterException",
        "ConfigurationName",
        lambda c: c.create_slack_channel_configuration(**{**SLACK, "ConfigurationName": "has spaces"}),
    ),
    "configuration name too long": (
        "InvalidParameterException",
        "ConfigurationName",
        lambda c: c.create_slack_channel_configuration(**{**SLACK, "ConfigurationName": "a" * 129}),
    ),
    "lower-case slack team id": (
        "InvalidParameterException",
        "SlackTeamId",
        lambda c: c.create_slack_channel_configuration(**{**SLACK, "SlackTeamId": "t012abc"}),
    ),
    "logging level outside its pattern": (
        "InvalidParameterException",
        "LoggingLevel",
        lambda c: c.create_slack_channel_configuration(**SLACK, LoggingLevel="DEBUG"),
    ),
    "service-linked role as a guardrail": (
        "InvalidParameterException",
        "GuardrailPolicyArns",
        lambda c: c.create_slack_channel_configuration(
            **SLACK, GuardrailPolicyArns=["arn:aws:iam::123456789012:role/aws-service-role/chatbot.amazonaws.com/x"]
        ),
    ),
    "teams id that is not a uuid": (
        "InvalidParameterException",
        "TeamId",
        lambda c: c.create_microsoft_teams_channel_configuration(**{**TEAMS, "TeamId": "not-a-uuid"}),
    ),
    "chime webhook url of another host": (
        "InvalidParameterException",
        "WebhookUrl",
        lambda c: c.create_chime_webhook_configuration(
            ConfigurationName="room",
            WebhookUrl="https://example.com/hook?token=abc",
            WebhookDescription="room",
            SnsTopicArns=[],
            IamRoleArn=ROLE_ARN,
        ),
    ),
    "missing required member": (
        "InvalidParameterException",
        "IamRoleArn",
        lambda c: c.create_slack_channel_configuration(
            ConfigurationName="alerts", SlackTeamId=SLACK_TEAM_ID, SlackChannelId=SLACK_CHANNEL_ID
        ),
    ),
    "max results above 100": (
        "InvalidParameterException",
        "MaxResults",
        lambda c: c.describe_slack_channel_configurations(MaxResults=101),
    ),
    "max results of zero": (
        "InvalidParameterException",
        "MaxResults",
        lambda c: c.list_microsoft_teams_configured_teams(MaxResults=0),
    ),
    "custom action name pattern": (
        "InvalidRequestException",
        "ActionName",
        lambda c: c.create_custom_action(ActionName="who am i", Definition={"CommandText": "sts get-caller-identity"}),
    ),
    "custom action client token too short": (
        "InvalidRequestException",
        "ClientToken",
        lambda c: c.create_custom_action(
            ActionName="whoami", Definition={"CommandText": "sts get-caller-identity"}, ClientToken="short"
        ),
    ),
    "attachment criteria operator outside its enum": (
        "InvalidRequestException",
        "Operator",
        lambda c: c.create_custom_action(
            ActionName="whoami",
            Definition={"CommandText": "x"},
            Attachments=[{"Criteria": [{"Operator": "CONTAINS", "VariableName": "v"}]}],
        ),
    ),
    "association of something that is not a custom action": (
        "InvalidRequestException",
        "Resource",
        lambda c: c.associate_to_configuration(
            Resource="arn:aws:sns:us-east-1:123456789012:topic",
            ChatConfiguration="arn:aws:chatbot::123456789012:chat-configuration/slack-channel/x",
        ),
    ),
    "list associations without a configuration": (
        "InvalidRequestException",
        "ChatConfiguration",
        lambda c: c.list_associations(),
    ),
    "tag key too long": (
        "InvalidRequestException",
        "TagKey",
        lambda c: c.tag_resource(ResourceARN=ACTION_ARN, Tags=[{"TagKey": "k" * 129, "TagValue": "v"}]),
    ),
    "update preferences with a string for a boolean": (
        "InvalidParameterException",
        "UserAuthorizationRequired",
        lambda c: c.update_account_preferences(UserAuthorizationRequired="yes"),
    ),
}


@pytest.mark.parametrize(("code", "member", "call"), list(CASES.values()), ids=list(CASES))
def test_input_outside_the_model_is_refused_with_the_operations_code(
    unvalidated: Any, workspace: str, team: str, code: str, member: str, call: Callable[[Any], Any]
) -> None:
    before = account_state(unvalidated)

    with raises_service_error(code, 400, "validation error", member, "failed to satisfy constraint"):
        call(unvalidated)

    assert account_state(unvalidated) == before


def test_every_problem_is_reported_at_once(unvalidated):
    with raises_service_error("InvalidParameterException", 400, "3 validation errors detected") as excinfo:
        unvalidated.create_slack_channel_configuration(
            ConfigurationName="bad name",
            SlackTeamId="lower",
            SlackChannelId=SLACK_CHANNEL_ID,
            IamRoleArn="not-an-iam-role-arn",
        )

    message = excinfo.value.response["Error"]["Message"]
    assert all(member in message for member in ("ConfigurationName", "SlackTeamId", "IamRoleArn"))


def test_arns_of_other_partitions_pass_the_models_arn_patterns(unvalidated, workspace):
    answer = unvalidated.create_slack_channel_configuration(
        **{**SLACK, "IamRoleArn": "arn:aws-cn:iam::123456789012:role/ChatbotChannelRole"},
        SnsTopicArns=["arn:aws-us-gov:sns:us-gov-west-1:123456789012:alerts"],
    )

    assert answer["ChannelConfiguration"]["IamRoleArn"] == "arn:aws-cn:iam::123456789012:role/ChatbotChannelRole"
