"""Notification delivery: m.chatbot.publish delivers one SNS notification as AWS Chatbot
would, to every configuration whose SnsTopicArns holds the topic."""

from __future__ import annotations

import json
from typing import Any

import pytest
from chatbot_helpers import (
    OTHER_ACCOUNT,
    OTHER_TOPIC_ARN,
    SLACK_CHANNEL_ID,
    SLACK_TEAM_ID,
    SLACK_TEAM_NAME,
    TEAMS_CHANNEL_ID,
    TOPIC_ARN,
    create_chime,
    create_slack,
    create_teams,
)

ALARM = json.dumps({
    "AlarmName": "cpu-high",
    "AlarmDescription": "CPU over 90% on the web tier",
    "AWSAccountId": "123456789012",
    "NewStateValue": "ALARM",
    "NewStateReason": "Threshold Crossed: 1 datapoint [95.0] was greater than the threshold (90.0).",
    "StateChangeTime": "2026-11-22T10:00:00.000+0000",
    "Region": "US East (N. Virginia)",
    "OldStateValue": "OK",
})
EVENT = json.dumps({
    "version": "0",
    "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
    "detail-type": "EC2 Instance State-change Notification",
    "source": "aws.ec2",
    "account": "123456789012",
    "time": "2026-11-22T10:00:00Z",
    "region": "us-east-1",
    "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0"],
    "detail": {"instance-id": "i-1234567890abcdef0", "state": "stopped"},
})
CUSTOM = json.dumps({
    "version": "1.0",
    "source": "custom",
    "content": {
        "title": "Deployment failed",
        "description": "The deploy of web 1.4.2 failed @All",
        "nextSteps": ["Check the pipeline", "Roll back"],
    },
})


@pytest.fixture
def subscribed(chatbot: Any, workspace: str) -> str:
    """A Slack configuration subscribed to TOPIC_ARN; answers its ARN."""
    return str(create_slack(chatbot, SnsTopicArns=[TOPIC_ARN])["ChatConfigurationArn"])


def test_a_cloudwatch_alarm_reaches_the_subscribed_slack_channel(chatbot_mock: Any, subscribed: str) -> None:
    [delivery] = chatbot_mock.chatbot.publish(TOPIC_ARN, ALARM, subject="ALARM: cpu-high")

    assert (delivery.configuration_arn, delivery.platform, delivery.channel) == (subscribed, "slack", SLACK_CHANNEL_ID)
    assert (delivery.topic_arn, delivery.message, delivery.subject) == (TOPIC_ARN, ALARM, "ALARM: cpu-high")
    assert (delivery.delivered, delivery.reason) == (True, None)
    assert delivery.text == (
        "CloudWatch Alarm | cpu-high | US East (N. Virginia) | Account: 123456789012\n"
        "State: OK -> ALARM\n"
        "Description: CPU over 90% on the web tier\n"
        "Reason: Threshold Crossed: 1 datapoint [95.0] was greater than the threshold (90.0)."
    )


def test_an_alarm_without_region_account_or_old_state_leaves_them_out(chatbot_mock: Any, subscribed: str) -> None:
    minimal = json.dumps({"AlarmName": "cpu-high", "NewStateValue": "ALARM"})

    [delivery] = chatbot_mock.chatbot.publish(TOPIC_ARN, minimal)

    assert delivery.text == "CloudWatch Alarm | cpu-high\nState: ALARM"


def test_an_event_from_an_aws_service_is_delivered(chatbot_mock: Any, subscribed: str) -> None:
    [delivery] = chatbot_mock.chatbot.publish(TOPIC_ARN, EVENT)

    assert delivery.delivered
    assert delivery.text.splitlines() == [
        "EC2 Instance State-change Notification | us-east-1 | Account: 123456789012",
        "Resources: arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0",
        "instance-id: i-1234567890abcdef0, state: stopped",
    ]


def test_an_event_from_another_source_is_not_delivered(chatbot_mock: Any, subscribed: str) -> None:
    mine = json.dumps({**json.loads(EVENT), "source": "com.example.orders"})

    [delivery] = chatbot_mock.chatbot.publish(TOPIC_ARN, mine)

    assert (delivery.delivered, delivery.text) == (False, None)
    assert "from AWS services (source aws.*), not from 'com.example.orders'" in delivery.reason


def test_a_custom_notification_is_delivered_with_its_title_and_next_steps(chatbot_mock: Any, subscribed: str) -> None:
    [delivery] = chatbot_mock.chatbot.publish(TOPIC_ARN, CUSTOM)

    assert delivery.text == (
        "Deployment failed\nThe deploy of web 1.4.2 failed @All\nNext steps:\n- Check the pipeline\n- Roll back"
    )


@pytest.mark.parametrize(
    ("notification", "problem"),
    [
        ({"version": "2.0", "source": "custom", "content": {"description": "x"}}, 'version must be "1.0"'),
        ({"version": "1.0", "source": "custom", "content": {"title": "no description"}}, "content.description"),
        ({"version": "1.0", "source": "custom"}, "content must be an object"),
        ({"version": "1.0", "source": "custom", "content": {"description": "  "}}, "content.description"),
        ({"version": "1.0", "source": "custom", "content": {"description": "x", "textType": "html"}},
         'content.textType must be "client-markdown"'),
        ({"version": "1.0", "source": "custom", "content": {"description": "x", "nextSteps": [{"a": 1}]}},
         "content.nextSteps must be a list of strings"),
    ],
)
def test_a_custom_notification_the_service_would_refuse_is_not_delivered(
    chatbot_mock: Any, subscribed: str, notification: Any, problem: str
) -> None:
    [delivery] = chatbot_mock.chatbot.publish(TOPIC_ARN, json.dumps(notification))

    assert not delivery.delivered
    assert problem in delivery.reason


@pytest.mark.parametrize("message", ["The build is green", "42", '["a list"]', '{"some": "json"}'])
def test_arbitrary_text_is_not_passed_through(chatbot_mock: Any, subscribed: str, message: str) -> None:
    [delivery] = chatbot_mock.chatbot.publish(TOPIC_ARN, message)

    assert (delivery.delivered, delivery.text) == (False, None)
    assert "AWS Chatbot" in delivery.reason and "custom notification" in delivery.reason


def test_a_disabled_configuration_receives_nothing_and_says_why(chatbot_mock: Any, subscribed: str) -> None:
    chatbot_mock.chatbot.set_configuration_state(subscribed, "DISABLED", "Slack is turned off by policy")

    [delivery] = chatbot_mock.chatbot.publish(TOPIC_ARN, ALARM)

    assert (delivery.delivered, delivery.text) == (False, None)
    assert delivery.reason == "the configuration is DISABLED: Slack is turned off by policy"


def test_only_configurations_subscribed_to_the_topic_receive_it(
    chatbot_mock: Any, chatbot: Any, workspace: str, team: str
) -> None:
    create_slack(chatbot, name="deployments", SnsTopicArns=[OTHER_TOPIC_ARN])
    slack = create_slack(chatbot, name="alarms", channel_id="C0ALARMS", SnsTopicArns=[OTHER_TOPIC_ARN, TOPIC_ARN])
    teams = create_teams(chatbot, SnsTopicArns=[TOPIC_ARN])
    chime = create_chime(chatbot, SnsTopicArns=[TOPIC_ARN])

    delivered = chatbot_mock.chatbot.publish(TOPIC_ARN, ALARM)

    # In the order the configurations were created, whatever their kind.
    assert [(d.configuration_arn, d.platform) for d in delivered] == [
        (slack["ChatConfigurationArn"], "slack"),
        (teams["ChatConfigurationArn"], "microsoft-teams"),
        (chime["ChatConfigurationArn"], "chime"),
    ]
    assert delivered[1].channel == TEAMS_CHANNEL_ID
    assert delivered[2].channel == chime["WebhookDescription"]


def test_deliveries_follow_creation_order_across_accounts(chatbot_mock: Any, client_for: Any, workspace: str) -> None:
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME, account_id=OTHER_ACCOUNT)
    first = create_slack(client_for("123456789012"), name="first", SnsTopicArns=[TOPIC_ARN])
    second = create_slack(client_for(OTHER_ACCOUNT), name="second", SnsTopicArns=[TOPIC_ARN])
    third = create_slack(client_for("123456789012"), name="third", channel_id="C0THIRD", SnsTopicArns=[TOPIC_ARN])

    assert [d.configuration_arn for d in chatbot_mock.chatbot.publish(TOPIC_ARN, ALARM)] == [
        c["ChatConfigurationArn"] for c in (first, second, third)]


def test_a_fifo_topic_reaches_no_channel(chatbot_mock: Any, chatbot: Any, workspace: str) -> None:
    fifo = "arn:aws:sns:us-east-1:123456789012:alarms.fifo"
    create_slack(chatbot, SnsTopicArns=[fifo])

    [delivery] = chatbot_mock.chatbot.publish(fifo, ALARM)

    assert not delivery.delivered and "FIFO topics deliver only to Amazon SQS" in delivery.reason


STACK_EVENT = (
    "StackId='arn:aws:cloudformation:us-east-1:123456789012:stack/web/1'\nTimestamp='2026-11-22T10:00:00.000Z'\n"
    "EventId='e-1'\nLogicalResourceId='Bucket'\nNamespace='123456789012'\nResourceStatus='CREATE_FAILED'\n"
    "ResourceStatusReason='web-assets already exists'\nStackName='web'\n"
)
BUDGET = "AWS Budget Notification November 22, 2026\nAWS Account 123456789012\n\nDear AWS Customer,\n\nYou requested..."
PIPELINE = json.dumps({
    "account": "123456789012", "detailType": "CodePipeline Pipeline Execution State Change", "region": "us-east-1",
    "source": "aws.codepipeline", "time": "2026-11-22T10:00:00Z",
    "notificationRuleArn": "arn:aws:codestar-notifications:us-east-1:123456789012:notificationrule/abc",
    "detail": {"pipeline": "web", "state": "FAILED"},
})


@pytest.mark.parametrize(
    ("message", "text"),
    [
        (STACK_EVENT, "CloudFormation | web | Bucket CREATE_FAILED\nReason: web-assets already exists"),
        (BUDGET, "AWS Budget Notification November 22, 2026\nAWS Account 123456789012\nDear AWS Customer,"),
        (PIPELINE, "CodePipeline Pipeline Execution State Change | us-east-1 | Account: 123456789012"),
    ],
    ids=["CloudFormation stack event", "AWS Budgets", "developer tools notification rule"],
)
def test_other_aws_service_notifications_are_delivered(
    chatbot_mock: Any, subscribed: str, message: str, text: str
) -> None:
    [delivery] = chatbot_mock.chatbot.publish(TOPIC_ARN, message)

    assert (delivery.delivered, delivery.text) == (True, text)


def test_configurations_in_every_account_subscribed_to_the_topic_receive_it(
    chatbot_mock: Any, client_for: Any, subscribed: str
) -> None:
    theirs_topic = f"arn:aws:sns:us-east-1:{OTHER_ACCOUNT}:alerts"
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME, account_id=OTHER_ACCOUNT)
    theirs = create_slack(client_for(OTHER_ACCOUNT), SnsTopicArns=[theirs_topic, TOPIC_ARN])

    assert [d.configuration_arn for d in chatbot_mock.chatbot.publish(TOPIC_ARN, ALARM)] == [
        subscribed, theirs["ChatConfigurationArn"]]
    assert [d.configuration_arn for d in chatbot_mock.chatbot.publish(theirs_topic, ALARM)] == [
        theirs["ChatConfigurationArn"]]


def test_a_topic_nobody_subscribed_to_delivers_nothing(chatbot_mock: Any, subscribed: str) -> None:
    assert chatbot_mock.chatbot.publish(OTHER_TOPIC_ARN, ALARM) == ()
    assert chatbot_mock.chatbot.deliveries == ()


def test_deliveries_keep_every_delivery_in_order_until_reset(chatbot_mock: Any, subscribed: str) -> None:
    chatbot_mock.chatbot.publish(TOPIC_ARN, ALARM)
    chatbot_mock.chatbot.publish(TOPIC_ARN, "plain text")
    chatbot_mock.chatbot.publish(TOPIC_ARN, CUSTOM)

    assert [d.delivered for d in chatbot_mock.chatbot.deliveries] == [True, False, True]
    chatbot_mock.reset()
    assert chatbot_mock.chatbot.deliveries == ()


def test_a_deleted_configuration_receives_nothing_more(chatbot_mock: Any, chatbot: Any, subscribed: str) -> None:
    chatbot.delete_slack_channel_configuration(ChatConfigurationArn=subscribed)

    assert chatbot_mock.chatbot.publish(TOPIC_ARN, ALARM) == ()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [((1, ALARM), "topic_arn must be a string"), ((TOPIC_ARN, {"a": 1}), "message must be a string"),
     ((TOPIC_ARN, ALARM, 5), "subject must be a string or None")],
)
def test_publish_takes_text(chatbot_mock: Any, arguments: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        chatbot_mock.chatbot.publish(*arguments)
