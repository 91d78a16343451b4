"""Plain helpers for the AWS Support App tests (importable because pyproject.toml puts
tests/support_app on pytest's ``pythonpath``); the fixtures are in conftest.py.

Every client made here checks each successful answer against the operation's output
shape in botocore's model, so every test also proves the mock answers what the model
promises.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from service_checks import checked_client, error_of, raises_service_error  # noqa: F401 - re-exported for the tests

DEFAULT_ACCOUNT = "123456789012"
OTHER_ACCOUNT = "111122223333"
MANAGEMENT_ACCOUNT = "210987654321"
MEMBER_ACCOUNT = "444455556666"

TEAM_ID = "T012ABCDEFG"
TEAM_NAME = "acme"
OTHER_TEAM_ID = "T098ZYXWVUT"
CHANNEL_ID = "C01ABCDEFGH"
ROLE_ARN = "arn:aws:iam::123456789012:role/AWSSupportAppInSlack"

def new_client(
    account_id: Optional[str] = None,
    region: str = "us-east-1",
    validate_parameters: bool = True,
    **config: Any,
) -> Any:
    """A Support App client that checks every answer; with ``account_id`` it acts in that account."""
    return checked_client("support-app", account_id, region, validate_parameters, **config)


def create_channel(client: Any, channel_id: str = CHANNEL_ID, team_id: str = TEAM_ID, **members: Any) -> Any:
    request = {
        "teamId": team_id,
        "channelId": channel_id,
        "channelRoleArn": ROLE_ARN,
        "notifyOnCaseSeverity": "none",
        **members,
    }
    return client.create_slack_channel_configuration(**request)


def all_pages(client: Any, operation: str, key: str) -> List[Dict[str, Any]]:
    """Every item of a list operation, following ``nextToken`` to the end."""
    items: List[Dict[str, Any]] = []
    request: Dict[str, Any] = {}
    while True:
        page = getattr(client, operation)(**request)
        items.extend(page[key])
        if "nextToken" not in page:
            return items
        request = {"nextToken": page["nextToken"]}


def channel_configurations(client: Any) -> List[Dict[str, Any]]:
    return all_pages(client, "list_slack_channel_configurations", "slackChannelConfigurations")


def workspace_configurations(client: Any) -> List[Dict[str, Any]]:
    return all_pages(client, "list_slack_workspace_configurations", "slackWorkspaceConfigurations")


def channel_configuration(client: Any, team_id: str, channel_id: str) -> Dict[str, Any]:
    matches = [c for c in channel_configurations(client) if (c["teamId"], c["channelId"]) == (team_id, channel_id)]
    assert len(matches) == 1, f"expected one configuration for {team_id}/{channel_id}, found {matches}"
    return matches[0]


def channel_ids(client: Any) -> List[str]:
    return [c["channelId"] for c in channel_configurations(client)]


def team_ids(client: Any) -> List[str]:
    return [w["teamId"] for w in workspace_configurations(client)]


def account_state(client: Any) -> Dict[str, Any]:
    """Everything an account can read back through the API."""
    alias = client.get_account_alias()
    return {
        "workspaces": workspace_configurations(client),
        "channels": channel_configurations(client),
        "alias": alias.get("accountAlias"),
    }
