"""A CloudWatch alarm reaches a Slack channel and an Amazon Chime room.

moto's mock_aws answers SNS and IAM; chatbot_mock answers AWS Chatbot and simulates the
Chime room. The code under test is `notify_on_call`, which publishes an alarm
notification to the team's SNS topic, as CloudWatch does when an alarm fires.

Run it: python examples/alarm_to_slack_and_chime.py
"""

import json

import boto3
from moto import mock_aws

from chatbot_mock import mock_chatbot


def notify_on_call(sns, topic_arn: str, alarm_name: str, reason: str) -> str:
    """The code under test: what CloudWatch would publish when the alarm fires."""
    alarm = {
        "AlarmName": alarm_name,
        "AlarmDescription": "p99 latency of the checkout API",
        "AWSAccountId": "123456789012",
        "NewStateValue": "ALARM",
        "NewStateReason": reason,
        "StateChangeTime": "2026-11-22T10:00:00.000+0000",
        "Region": "US East (N. Virginia)",
        "OldStateValue": "OK",
    }
    return sns.publish(TopicArn=topic_arn, Message=json.dumps(alarm), Subject=f'ALARM: "{alarm_name}"')["MessageId"]


def main() -> None:
    with mock_aws(), mock_chatbot() as m:
        sns = boto3.client("sns", region_name="us-east-1")
        iam = boto3.client("iam", region_name="us-east-1")
        chatbot = boto3.client("chatbot", region_name="us-east-1")
        topic = sns.create_topic(Name="on-call")["TopicArn"]
        role = iam.create_role(RoleName="chatbot", AssumeRolePolicyDocument="{}")["Role"]["Arn"]

        # The console steps: a Slack workspace authorised, a Chime room with a webhook.
        m.chatbot.authorize_slack_workspace("T012ABCDEFG", "acme")
        m.chatbot.add_slack_channel("T012ABCDEFG", "C0ONCALL", "on-call")
        room = m.chime.create_room("Checkout on-call")
        room.add_member("alice")
        webhook = room.create_webhook("AWS Chatbot")

        chatbot.create_slack_channel_configuration(
            ConfigurationName="on-call-slack", SlackTeamId="T012ABCDEFG", SlackChannelId="C0ONCALL",
            IamRoleArn=role, SnsTopicArns=[topic],
        )
        chatbot.create_chime_webhook_configuration(
            ConfigurationName="on-call-chime", WebhookUrl=webhook.url, WebhookDescription="Checkout on-call",
            IamRoleArn=role, SnsTopicArns=[topic],
        )

        notify_on_call(sns, topic, "checkout-latency", "Threshold Crossed: p99 1.8 s > 1.0 s")

        slack, chime = m.chatbot.deliveries
        assert slack.platform == "slack" and slack.channel == "C0ONCALL" and slack.delivered
        assert chime.platform == "chime" and chime.delivered
        [message] = room.messages
        assert message.webhook == "AWS Chatbot" and "checkout-latency" in message.content
        print(f"Slack #{slack.channel}:\n{slack.text}\n")
        print(f"Chime room {room.name!r} ({message.webhook} (Webhook)):\n{message.content}")


if __name__ == "__main__":
    main()
