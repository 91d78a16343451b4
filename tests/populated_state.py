"""A state that holds every kind of resource of both services, in three accounts, with
deletions leaving gaps in creation order: shared by the snapshot and the view tests."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

ACCOUNT = "123456789012"
OTHER = "111122223333"
MEMBER = "444455556666"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/ChatbotRole"
TOPIC = f"arn:aws:sns:us-east-1:{ACCOUNT}:alerts"
TEAM = "6f7d4c2a-1b3e-4d5f-8a9b-0c1d2e3f4a5b"
TENANT = "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"
TEAMS_CHANNEL = "19%3ab6ef35dc342d56ba5654e6fc6d25a071%40thread.tacv2"
TEAMS_USER = "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e"
WEBHOOK = "https://hooks.chime.aws/incomingwebhooks/a1b2c3d4-e5f6?token=abcdefABCDEF123456"
ATTACHMENT = [{"NotificationType": "CloudWatch", "ButtonText": "Logs", "Criteria": [
    {"Operator": "HAS_VALUE", "VariableName": "alarm"}], "Variables": {"alarm": "event.alarm"}}]


def chatbot(account: str = ACCOUNT) -> Any:
    return boto3.client("chatbot", region_name="us-east-1", aws_access_key_id=account, aws_secret_access_key="x")


def support(account: str = ACCOUNT) -> Any:
    return boto3.client("support-app", region_name="us-east-1", aws_access_key_id=account, aws_secret_access_key="x")


def populate(m: Any) -> None:
    """Every kind of resource of both services, with deletions leaving gaps in creation order."""
    m.set_quota("chatbot_tags_per_resource", 7)
    m.chatbot.authorize_slack_workspace("T012ABCDEFG", "acme")
    m.chatbot.authorize_slack_workspace("T098ZYXWVUT", "other")
    m.chatbot.authorize_teams_team(TEAM, "Operations", TENANT)
    m.chatbot.add_slack_channel("T012ABCDEFG", "C01PUBLIC", "ops-alerts")
    m.chatbot.add_slack_channel("T012ABCDEFG", "C02SECRET", "secret", private=True)
    client = chatbot()
    slack = []
    for number, channel in enumerate(["C01PUBLIC", "C02SECRET", "C03GONE", "C04MORE", "C05LAST"]):
        slack.append(client.create_slack_channel_configuration(
            ConfigurationName=f"slack-{number}", SlackTeamId="T012ABCDEFG", SlackChannelId=channel, IamRoleArn=ROLE,
            SnsTopicArns=[TOPIC], LoggingLevel="INFO", Tags=[{"TagKey": "team", "TagValue": str(number)}],
        )["ChannelConfiguration"]["ChatConfigurationArn"])
    client.delete_slack_channel_configuration(ChatConfigurationArn=slack.pop(2))
    client.create_slack_channel_configuration(
        ConfigurationName="slack-other", SlackTeamId="T098ZYXWVUT", SlackChannelId="C09", IamRoleArn=ROLE,
        GuardrailPolicyArns=["arn:aws:iam::aws:policy/ReadOnlyAccess"], UserAuthorizationRequired=True)
    with pytest.raises(ClientError):  # keeps the name reserved
        client.create_slack_channel_configuration(
            ConfigurationName="kept", SlackTeamId="T0NOTAUTHORIZED", SlackChannelId="C1", IamRoleArn=ROLE)
    teams = client.create_microsoft_teams_channel_configuration(
        ConfigurationName="teams", TeamId=TEAM, TenantId=TENANT, ChannelId=TEAMS_CHANNEL, ChannelName="ops",
        TeamName="Ops team", IamRoleArn=ROLE)["ChannelConfiguration"]["ChatConfigurationArn"]
    chime = client.create_chime_webhook_configuration(
        ConfigurationName="chime", WebhookUrl=WEBHOOK, WebhookDescription="room/alerts", IamRoleArn=ROLE,
        SnsTopicArns=[TOPIC])["WebhookConfiguration"]["ChatConfigurationArn"]
    m.chatbot.set_configuration_state(slack[1], "DISABLED", "Denied by the organization's chat applications policy")
    for user in ("U01", "U02", "U03"):
        m.chatbot.add_slack_user_identity(slack[0], "T012ABCDEFG", user, ROLE, f"arn:aws:iam::{ACCOUNT}:user/{user}")
    m.chatbot.add_teams_user_identity(teams, TEAMS_USER, ROLE)
    actions = [client.create_custom_action(
        ActionName=f"action-{number}", Definition={"CommandText": f"echo {number}"}, AliasName=f"a{number}",
        Attachments=ATTACHMENT, Tags=[{"TagKey": "k", "TagValue": "v"}],
        ClientToken=f"token-{number}-0123456789abcdef0123456789",
    )["CustomActionArn"] for number in range(3)]
    for action in actions:
        client.associate_to_configuration(Resource=action, ChatConfiguration=slack[0])
    client.disassociate_from_configuration(Resource=actions[1], ChatConfiguration=slack[0])
    client.associate_to_configuration(Resource=actions[2], ChatConfiguration=chime)
    client.update_account_preferences(TrainingDataCollectionEnabled=True)
    chatbot(OTHER).create_custom_action(ActionName="theirs", Definition={"CommandText": "sts get-caller-identity"})

    m.create_organization(OTHER, [MEMBER])
    m.support_app.authorize_slack_workspace("TORG", "org", account_id=OTHER)
    support(OTHER).register_slack_workspace_for_organization(teamId="TORG")
    support(MEMBER).register_slack_workspace_for_organization(teamId="TORG")
    for number in range(3):
        m.support_app.authorize_slack_workspace(f"TS{number}", f"support {number}")
    app = support()
    for number in range(12):
        app.create_slack_channel_configuration(
            teamId="TS0", channelId=f"CS{number}", channelName=f"support-{number}", channelRoleArn=ROLE,
            notifyOnCaseSeverity="high", notifyOnCreateOrReopenCase=True)
    app.delete_slack_channel_configuration(teamId="TS0", channelId="CS4")
    m.support_app.start_live_chat("TS0", "CS0")
    app.put_account_alias(accountAlias="ops-account")
