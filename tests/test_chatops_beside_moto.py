"""ChatOps end to end beside moto: moto's mock_aws answers SNS, IAM and Organizations, this
mock answers Chatbot and Support App, and an alarm published to SNS lands in the channels
subscribed to its topic, in either nesting order."""

from __future__ import annotations

import asyncio
import json
from typing import Any, Iterator

import boto3
import pytest
from botocore.awsrequest import AWSResponse
from moto import mock_aws

from chatbot_mock import mock_chatbot

ACCOUNT = "123456789012"
ALARM = json.dumps({
    "AlarmName": "cpu-high", "AWSAccountId": ACCOUNT, "NewStateValue": "ALARM", "OldStateValue": "OK",
    "NewStateReason": "Threshold Crossed", "Region": "US East (N. Virginia)",
})


@pytest.fixture(params=["moto outside", "moto inside"])
def both(request: Any) -> Iterator[Any]:
    """moto's mock_aws and this mock, nested in either order; yields this mock."""
    ours = mock_chatbot()
    outer, inner = (mock_aws(), ours) if request.param == "moto outside" else (ours, mock_aws())
    with outer, inner:
        yield ours


def subscribed_slack_configuration(mock: Any, topic_arn: str, account_id: str = ACCOUNT) -> str:
    iam = boto3.client("iam", region_name="us-east-1", aws_access_key_id=account_id, aws_secret_access_key="x")
    role = iam.create_role(RoleName="chatbot", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    mock.chatbot.authorize_slack_workspace("T012ABCDEFG", "acme", account_id=account_id)
    chatbot = boto3.client("chatbot", region_name="us-east-1", aws_access_key_id=account_id, aws_secret_access_key="x")
    configuration = chatbot.create_slack_channel_configuration(
        ConfigurationName="alarms", SlackTeamId="T012ABCDEFG", SlackChannelId="C0ALARMS", IamRoleArn=role,
        SnsTopicArns=[topic_arn],
    )
    return str(configuration["ChannelConfiguration"]["ChatConfigurationArn"])


def test_an_alarm_published_to_sns_lands_in_the_subscribed_channel(both: Any) -> None:
    sns = boto3.client("sns", region_name="us-east-1")
    topic = sns.create_topic(Name="alarms")["TopicArn"]
    arn = subscribed_slack_configuration(both, topic)

    answer = sns.publish(TopicArn=topic, Message=ALARM, Subject="ALARM: cpu-high")

    assert answer["MessageId"]  # moto answered the publish
    [delivery] = both.chatbot.deliveries
    assert (delivery.configuration_arn, delivery.channel, delivery.subject) == (arn, "C0ALARMS", "ALARM: cpu-high")
    assert delivery.text.startswith("CloudWatch Alarm | cpu-high")


def test_a_batch_delivers_each_message_sns_accepted(both: Any) -> None:
    sns = boto3.client("sns", region_name="us-east-1")
    topic = sns.create_topic(Name="alarms")["TopicArn"]
    subscribed_slack_configuration(both, topic)

    sns.publish_batch(TopicArn=topic, PublishBatchRequestEntries=[
        {"Id": "alarm", "Message": ALARM}, {"Id": "text", "Message": "just text", "Subject": "hi"}])

    assert [(d.message, d.delivered, d.subject) for d in both.chatbot.deliveries] == [
        (ALARM, True, None), ("just text", False, "hi")]


def test_a_publish_sns_refuses_delivers_nothing(both: Any) -> None:
    sns = boto3.client("sns", region_name="us-east-1")
    missing = f"arn:aws:sns:us-east-1:{ACCOUNT}:never-created"
    subscribed_slack_configuration(both, missing)

    with pytest.raises(sns.exceptions.NotFoundException):
        sns.publish(TopicArn=missing, Message=ALARM)

    assert both.chatbot.deliveries == ()


def test_a_json_structured_publish_delivers_the_https_message(both: Any) -> None:
    sns = boto3.client("sns", region_name="us-east-1")
    topic = sns.create_topic(Name="alarms")["TopicArn"]
    subscribed_slack_configuration(both, topic)

    sns.publish(TopicArn=topic, MessageStructure="json",
                Message=json.dumps({"default": "plain text for email", "https": ALARM}))

    [delivery] = both.chatbot.deliveries
    assert (delivery.message, delivery.delivered) == (ALARM, True)


def test_a_topic_in_another_account_reaches_the_configurations_of_that_account(
    both: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = "111122223333"
    monkeypatch.setenv("MOTO_ACCOUNT_ID", other)  # moto acts in the other account
    sns = boto3.client("sns", region_name="us-east-1")
    topic = sns.create_topic(Name="alarms")["TopicArn"]
    assert topic.split(":")[4] == other
    theirs = subscribed_slack_configuration(both, topic, account_id=other)

    sns.publish(TopicArn=topic, Message=ALARM)

    assert [d.configuration_arn for d in both.chatbot.deliveries] == [theirs]


def test_the_sns_answer_is_untouched() -> None:
    answered = (
        b'<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult>'
        b"<MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>"
        b"<ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata>"
        b"</PublishResponse>"
    )
    with mock_chatbot() as m:
        sns = boto3.client("sns", region_name="us-east-1")
        # Whoever answers SNS: here a handler of the client's own, with a canned answer.
        sns.meta.events.register(
            "before-send.sns.Publish", lambda request, **_: AWSResponse(request.url, 200, {}, _Raw(answered)))
        topic = f"arn:aws:sns:us-east-1:{ACCOUNT}:alarms"
        m.chatbot.authorize_slack_workspace("T012ABCDEFG", "acme")
        boto3.client("chatbot", region_name="us-east-1").create_slack_channel_configuration(
            ConfigurationName="a", SlackTeamId="T012ABCDEFG", SlackChannelId="C1",
            IamRoleArn=f"arn:aws:iam::{ACCOUNT}:role/r", SnsTopicArns=[topic])
        answer = sns.publish(TopicArn=topic, Message=ALARM)
        assert len(m.chatbot.deliveries) == 1
    assert answer["MessageId"] == "94f20ce6-13c5-43a0-9a9e-ca52d816e90b"
    assert answer["ResponseMetadata"]["RequestId"] == "f187a3c1-376f-11df-8963-01868b7c937a"


def test_an_aiobotocore_publish_is_delivered_too() -> None:
    from aiobotocore.awsrequest import AioAWSResponse
    from aiobotocore.session import get_session

    answered = (
        b'<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult>'
        b"<MessageId>m-1</MessageId></PublishResult></PublishResponse>"
    )

    class Body:
        async def read(self, *_: Any) -> bytes:
            return answered

    async def run(mock: Any, topic: str) -> str:
        async with get_session().create_client("sns", region_name="us-east-1") as sns:
            sns.meta.events.register(
                "before-send.sns.Publish", lambda request, **_: AioAWSResponse(request.url, 200, {}, Body()))
            answer = await sns.publish(TopicArn=topic, Message=ALARM)
            return str(answer["MessageId"])

    with mock_chatbot() as m:
        topic = f"arn:aws:sns:us-east-1:{ACCOUNT}:alarms"
        m.chatbot.authorize_slack_workspace("T012ABCDEFG", "acme")
        boto3.client("chatbot", region_name="us-east-1").create_slack_channel_configuration(
            ConfigurationName="a", SlackTeamId="T012ABCDEFG", SlackChannelId="C1",
            IamRoleArn=f"arn:aws:iam::{ACCOUNT}:role/r", SnsTopicArns=[topic])
        assert asyncio.run(run(m, topic)) == "m-1"
        assert [d.delivered for d in m.chatbot.deliveries] == [True]


def test_with_the_mock_off_sns_publishes_are_not_observed(monkeypatch: pytest.MonkeyPatch) -> None:
    from chatbot_mock.chatbot.backend import ChatbotBackend

    observed: list = []
    monkeypatch.setattr(ChatbotBackend, "publish", lambda self, *args: observed.append(args))
    with mock_aws():
        sns = boto3.client("sns", region_name="us-east-1")
        topic = sns.create_topic(Name="alarms")["TopicArn"]
        with mock_chatbot():
            sns.publish(TopicArn=topic, Message=ALARM)
        sns.publish(TopicArn=topic, Message=ALARM)

    assert len(observed) == 1  # the publish made while the mock was on


def test_a_publish_to_a_topic_by_target_arn_is_delivered(both: Any) -> None:
    sns = boto3.client("sns", region_name="us-east-1")
    topic = sns.create_topic(Name="alarms")["TopicArn"]
    subscribed_slack_configuration(both, topic)

    sns.publish(TargetArn=topic, Message=ALARM)

    assert [d.topic_arn for d in both.chatbot.deliveries] == [topic]


def test_support_app_organization_rules_read_motos_organizations(both: Any) -> None:
    organizations = boto3.client("organizations", region_name="us-east-1")
    organizations.create_organization(FeatureSet="ALL")
    member = organizations.create_account(Email="member@example.com", AccountName="member")
    member_id = member["CreateAccountStatus"]["AccountId"]
    both.support_app.authorize_slack_workspace("TORG", "org")

    management = boto3.client("support-app", region_name="us-east-1")
    assert management.register_slack_workspace_for_organization(teamId="TORG")["accountType"] == "management"
    member_client = boto3.client(
        "support-app", region_name="us-east-1", aws_access_key_id=member_id, aws_secret_access_key="x")
    assert member_client.register_slack_workspace_for_organization(teamId="TORG")["accountType"] == "member"


class _Raw:
    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._body


@pytest.mark.parametrize("order", ["as documented", "nested the other way"])
def test_the_documented_recipe_runs(order: str) -> None:
    from pathlib import Path

    page = (Path(__file__).resolve().parent.parent / "docs" / "chatops.md").read_text(encoding="utf-8")
    recipe = page.split("## Side by side with moto")[1].split("```python\n")[1].split("```")[0]
    assert "with mock_aws(), mock_chatbot() as m:" in recipe
    if order != "as documented":
        recipe = recipe.replace("with mock_aws(), mock_chatbot() as m:", "with mock_chatbot() as m, mock_aws():")
    exec(compile(recipe, "docs/chatops.md", "exec"), {})
