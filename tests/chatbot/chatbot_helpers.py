"""Constants and helpers shared by the AWS Chatbot tests.

Every client made here checks each successful answer against the operation's output
shape in botocore's model, so every test also proves the mock answers what the model
promises (see KNOWN_MODEL_DEFECTS for the places the model cannot be met).
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional

import pytest
import service_checks
from botocore.exceptions import ClientError
from service_checks import checked_client, error_of, raises_service_error  # noqa: F401 - shared by the tests

DEFAULT_ACCOUNT = "123456789012"
OTHER_ACCOUNT = "111122223333"

ROLE_ARN = "arn:aws:iam::123456789012:role/ChatbotChannelRole"
OTHER_ROLE_ARN = "arn:aws:iam::123456789012:role/ChatbotOtherRole"
TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:alerts"
OTHER_TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:deployments"
READ_ONLY_POLICY = "arn:aws:iam::aws:policy/ReadOnlyAccess"
ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess"

SLACK_TEAM_ID = "T012ABCDEFG"
SLACK_TEAM_NAME = "acme"
OTHER_SLACK_TEAM_ID = "T098ZYXWVUT"
SLACK_CHANNEL_ID = "C01ABCDEFGH"
OTHER_SLACK_CHANNEL_ID = "C02ZYXWVUTS"
SLACK_USER_ID = "U01ABCDEFGH"

TEAMS_TEAM_ID = "6f7d4c2a-1b3e-4d5f-8a9b-0c1d2e3f4a5b"
TEAMS_TEAM_NAME = "Operations"
TEAMS_TENANT_ID = "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"
OTHER_TEAMS_TEAM_ID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
TEAMS_CHANNEL_ID = "19%3ab6ef35dc342d56ba5654e6fc6d25a071%40thread.tacv2"
OTHER_TEAMS_CHANNEL_ID = "19%3a0000aaaabbbbccccddddeeeeffff0000%40thread.tacv2"
TEAMS_USER_ID = "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e"

WEBHOOK_URL = "https://hooks.chime.aws/incomingwebhooks/a1b2c3d4-e5f6?token=abcdefABCDEF123456"
WEBHOOK_DESCRIPTION = "ops-room/alerts"

#: Where the mock answers what the service does rather than what botocore's model says.
KNOWN_MODEL_DEFECTS = service_checks.CHATBOT_MODEL_DEPARTURES

def output_shape_problems(model: Any, parsed: Dict[str, Any]) -> List[str]:
    return service_checks.output_shape_problems(model, parsed, ignore=KNOWN_MODEL_DEFECTS)


def new_client(
    account_id: Optional[str] = None,
    region: str = "us-east-1",
    validate_parameters: bool = True,
) -> Any:
    """A Chatbot client that checks every answer; with ``account_id`` it acts in that account."""
    return checked_client(
        "chatbot", account_id, region, validate_parameters, ignore=KNOWN_MODEL_DEFECTS, retries={"max_attempts": 1}
    )


# -- making resources -----------------------------------------------------------------------------


def create_slack(
    client: Any,
    name: str = "slack-alerts",
    channel_id: str = SLACK_CHANNEL_ID,
    team_id: str = SLACK_TEAM_ID,
    **members: Any,
) -> Dict[str, Any]:
    request = {
        "ConfigurationName": name,
        "SlackTeamId": team_id,
        "SlackChannelId": channel_id,
        "IamRoleArn": ROLE_ARN,
        **members,
    }
    return client.create_slack_channel_configuration(**request)["ChannelConfiguration"]  # type: ignore[no-any-return]


def create_teams(
    client: Any,
    name: str = "teams-alerts",
    channel_id: str = TEAMS_CHANNEL_ID,
    team_id: str = TEAMS_TEAM_ID,
    tenant_id: str = TEAMS_TENANT_ID,
    **members: Any,
) -> Dict[str, Any]:
    request = {
        "ConfigurationName": name,
        "TeamId": team_id,
        "TenantId": tenant_id,
        "ChannelId": channel_id,
        "IamRoleArn": ROLE_ARN,
        **members,
    }
    return client.create_microsoft_teams_channel_configuration(**request)["ChannelConfiguration"]  # type: ignore[no-any-return]


def create_chime(client: Any, name: str = "chime-alerts", **members: Any) -> Dict[str, Any]:
    request = {
        "ConfigurationName": name,
        "WebhookUrl": WEBHOOK_URL,
        "WebhookDescription": WEBHOOK_DESCRIPTION,
        "SnsTopicArns": [TOPIC_ARN],
        "IamRoleArn": ROLE_ARN,
        **members,
    }
    return client.create_chime_webhook_configuration(**request)["WebhookConfiguration"]  # type: ignore[no-any-return]


def create_action(client: Any, name: str = "whoami", command: str = "sts get-caller-identity", **members: Any) -> str:
    answer = client.create_custom_action(ActionName=name, Definition={"CommandText": command}, **members)
    return answer["CustomActionArn"]  # type: ignore[no-any-return]


def slack_channel_id(index: int) -> str:
    return f"C{index:010d}"


def teams_channel_id(index: int) -> str:
    return f"19%3a{index:032x}%40thread.tacv2"


def uuid_for(index: int, prefix: str = "a") -> str:
    """A distinct, valid Microsoft Teams id (team, tenant or user)."""
    return f"{prefix}{index:07x}-0000-4000-8000-000000000000"


def tags(**pairs: str) -> List[Dict[str, str]]:
    return [{"TagKey": key, "TagValue": value} for key, value in pairs.items()]


# -- reading everything back -------------------------------------------------------------------------


def all_items(client: Any, operation: str, result_key: str, **request: Any) -> List[Any]:
    """Every item of a listing, through botocore's paginator."""
    pages = client.get_paginator(operation).paginate(**request)
    return [item for page in pages for item in page[result_key]]


def slack_configurations(client: Any, **request: Any) -> List[Dict[str, Any]]:
    return all_items(client, "describe_slack_channel_configurations", "SlackChannelConfigurations", **request)


def teams_configurations(client: Any, **request: Any) -> List[Dict[str, Any]]:
    return all_items(client, "list_microsoft_teams_channel_configurations", "TeamChannelConfigurations", **request)


def chime_configurations(client: Any, **request: Any) -> List[Dict[str, Any]]:
    return all_items(client, "describe_chime_webhook_configurations", "WebhookConfigurations", **request)


def configuration_arns(client: Any) -> List[str]:
    every = slack_configurations(client) + teams_configurations(client) + chime_configurations(client)
    return [c["ChatConfigurationArn"] for c in every]


def account_state(client: Any) -> Dict[str, Any]:
    """Everything an account can read back through the API."""
    arns = configuration_arns(client)
    actions = all_items(client, "list_custom_actions", "CustomActions")
    return {
        "slack": slack_configurations(client),
        "teams": teams_configurations(client),
        "chime": chime_configurations(client),
        "workspaces": all_items(client, "describe_slack_workspaces", "SlackWorkspaces"),
        "configured_teams": all_items(client, "list_microsoft_teams_configured_teams", "ConfiguredTeams"),
        "slack_identities": all_items(client, "describe_slack_user_identities", "SlackUserIdentities"),
        "teams_identities": all_items(client, "list_microsoft_teams_user_identities", "TeamsUserIdentities"),
        "actions": [client.get_custom_action(CustomActionArn=arn)["CustomAction"] for arn in actions],
        "associations": {
            arn: all_items(client, "list_associations", "Associations", ChatConfiguration=arn) for arn in arns
        },
        "tags": {arn: client.list_tags_for_resource(ResourceARN=arn)["Tags"] for arn in arns + actions},
        "preferences": client.get_account_preferences()["AccountPreferences"],
    }


def unchanged_after(client: Any, refused: Callable[[], Any]) -> None:
    """``refused`` raises a ClientError and leaves the account exactly as it was."""
    before = account_state(client)
    with pytest.raises(ClientError):
        refused()
    assert account_state(client) == before
