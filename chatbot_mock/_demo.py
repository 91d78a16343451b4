"""The tour behind ``python -m chatbot_mock demo``."""

from __future__ import annotations

import functools
from typing import Any, Callable

import boto3
from botocore.exceptions import ClientError

from chatbot_mock import mock_chatbot

ROLE = "arn:aws:iam::123456789012:role/SupportAppRole"


def _step(title: str, call: Callable[[], Any]) -> Any:
    try:
        result = call()
    except ClientError as error:
        status = error.response["ResponseMetadata"]["HTTPStatusCode"]
        code, message = error.response["Error"]["Code"], error.response["Error"]["Message"]
        print(f"  {title}\n    -> {code} (HTTP {status}): {message}")
        return None
    print(f"  {title}\n    -> ok")
    return result


def run_demo() -> None:
    print("chatbot_mock demo: AWS Support App and AWS Chatbot answered in memory, no AWS account needed.\n")
    with mock_chatbot() as mock:
        support = boto3.client("support-app", region_name="us-east-1")

        print("1. Workspaces are authorised in the console, so the mock seeds them:")
        mock.support_app.authorize_slack_workspace("T012ABCDEFG", "acme")
        workspaces = support.list_slack_workspace_configurations()["slackWorkspaceConfigurations"]
        print(f"  list_slack_workspace_configurations -> {[w['teamName'] for w in workspaces]}\n")

        print("2. Configure Slack channels through boto3, up to the quota of 20 per account:")
        for number in range(20):
            support.create_slack_channel_configuration(
                teamId="T012ABCDEFG",
                channelId=f"C{number:04d}",
                channelRoleArn=ROLE,
                notifyOnCaseSeverity="high",
                notifyOnCreateOrReopenCase=True,
            )
        print("  created 20 channel configurations")
        _step(
            "the 21st create_slack_channel_configuration",
            lambda: support.create_slack_channel_configuration(
                teamId="T012ABCDEFG", channelId="C9999", channelRoleArn=ROLE, notifyOnCaseSeverity="none"
            ),
        )
        print()

        print("3. Rules the API reference states are enforced:")
        _step(
            "a channel in a workspace the account never added",
            lambda: support.create_slack_channel_configuration(
                teamId="TNOTADDED", channelId="C1", channelRoleArn=ROLE, notifyOnCaseSeverity="none"
            ),
        )
        _step(
            "notifyOnCaseSeverity='all' with every notification off",
            lambda: support.update_slack_channel_configuration(
                teamId="T012ABCDEFG", channelId="C0000", notifyOnCaseSeverity="all", notifyOnCreateOrReopenCase=False
            ),
        )
        mock.support_app.start_live_chat("T012ABCDEFG", "C0001")
        _step(
            "deleting a channel with an active live chat",
            lambda: support.delete_slack_channel_configuration(teamId="T012ABCDEFG", channelId="C0001"),
        )
        _step("deleting an account alias that was never set", support.delete_account_alias)
        for number in range(2, 7):
            _step(
                f"authorising workspace number {number}",
                functools.partial(mock.support_app.authorize_slack_workspace, f"T{number:09d}", f"team-{number}"),
            )
        print()

        print("4. AWS Chatbot, from the same mock:")
        chatbot = boto3.client("chatbot", region_name="us-east-1")
        mock.chatbot.authorize_slack_workspace("T012ABCDEFG", "acme")
        created = chatbot.create_slack_channel_configuration(
            ConfigurationName="ops-alerts",
            SlackTeamId="T012ABCDEFG",
            SlackChannelId="C0123ABCD",
            IamRoleArn="arn:aws:iam::123456789012:role/ChatbotRole",
        )["ChannelConfiguration"]
        print(f"  create_slack_channel_configuration -> {created['ChatConfigurationArn']}")
        print(
            f"    read back with the service's defaults: LoggingLevel={created['LoggingLevel']}, "
            f"GuardrailPolicyArns={created['GuardrailPolicyArns']}"
        )
        _step(
            "the same configuration name again",
            lambda: chatbot.create_slack_channel_configuration(
                ConfigurationName="ops-alerts",
                SlackTeamId="T012ABCDEFG",
                SlackChannelId="C0999ZZZZ",
                IamRoleArn="arn:aws:iam::123456789012:role/ChatbotRole",
            ),
        )
        _step(
            "a Slack workspace the account never authorised",
            lambda: chatbot.create_slack_channel_configuration(
                ConfigurationName="elsewhere",
                SlackTeamId="TOTHERTEAM",
                SlackChannelId="C0123ABCD",
                IamRoleArn="arn:aws:iam::123456789012:role/ChatbotRole",
            ),
        )
        _step(
            "deleting the workspace while a channel is configured in it",
            lambda: chatbot.delete_slack_workspace_authorization(SlackTeamId="T012ABCDEFG"),
        )
    print("\nThe mock is stopped: its state is gone and the environment is as it was.")
