"""A refused request changes nothing: every rule is checked before anything is written.

Each case builds a world, then makes one request the service must refuse; everything the
API can read back in every account involved is the same before and after.
"""

from __future__ import annotations

import pytest
from support_app_helpers import (
    CHANNEL_ID,
    DEFAULT_ACCOUNT,
    MANAGEMENT_ACCOUNT,
    MEMBER_ACCOUNT,
    OTHER_ACCOUNT,
    OTHER_TEAM_ID,
    TEAM_ID,
    TEAM_NAME,
    account_state,
    create_channel,
    new_client,
    raises_service_error,
)

ACCOUNTS = (DEFAULT_ACCOUNT, OTHER_ACCOUNT, MANAGEMENT_ACCOUNT, MEMBER_ACCOUNT)


def world(mock, client):
    """Two workspaces, two channels (one in a live chat), an alias, and an organization
    whose management account registered TEAM_ID and whose member has 5 workspaces."""
    mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME)
    mock.support_app.authorize_slack_workspace(OTHER_TEAM_ID, "globex")
    create_channel(client, channel_id="C-quiet", notifyOnCaseSeverity="high", notifyOnResolveCase=True)
    create_channel(client, channel_id="C-chat", channelName="live")
    mock.support_app.start_live_chat(TEAM_ID, "C-chat")
    client.put_account_alias(accountAlias="acme")
    mock.create_organization(MANAGEMENT_ACCOUNT, [MEMBER_ACCOUNT])
    mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=MANAGEMENT_ACCOUNT)
    mock.support_app.authorize_slack_workspace(OTHER_TEAM_ID, "globex", account_id=MANAGEMENT_ACCOUNT)
    new_client(MANAGEMENT_ACCOUNT).register_slack_workspace_for_organization(teamId=TEAM_ID)
    for index in range(5):
        mock.support_app.authorize_slack_workspace(f"T-member-{index}", "m", account_id=MEMBER_ACCOUNT)


REFUSALS = {
    "create before the workspace is added": (
        lambda m, c: create_channel(c, team_id="T-unknown"),
        ("ConflictException", 409),
    ),
    "create of an existing configuration": (
        lambda m, c: create_channel(c, channel_id="C-quiet", channelName="replacement"),
        ("ConflictException", 409),
    ),
    "create breaking the notification rules": (
        lambda m, c: create_channel(c, channel_id="C-new", notifyOnCaseSeverity="all"),
        ("ValidationException", 400),
    ),
    "create with a value breaking the model": (
        lambda m, c: create_channel(c, channel_id="C new"),
        ("ValidationException", 400),
    ),
    "create over the channel quota": (  # the world's 2 channels + 18 prepared = 20
        lambda m, c: create_channel(c, channel_id="C-21st"),
        ("ServiceQuotaExceededException", 402),
    ),
    "update breaking the notification rules": (
        lambda m, c: c.update_slack_channel_configuration(
            teamId=TEAM_ID, channelId="C-quiet", channelName="renamed", notifyOnResolveCase=False
        ),
        ("ValidationException", 400),
    ),
    "update of an unknown configuration": (
        lambda m, c: c.update_slack_channel_configuration(teamId=TEAM_ID, channelId="C-gone", channelName="x"),
        ("ResourceNotFoundException", 404),
    ),
    "update before the workspace is added": (
        lambda m, c: c.update_slack_channel_configuration(teamId="T-unknown", channelId="C-quiet"),
        ("ConflictException", 409),
    ),
    "delete of a configuration with a live chat": (
        lambda m, c: c.delete_slack_channel_configuration(teamId=TEAM_ID, channelId="C-chat"),
        ("ConflictException", 409),
    ),
    "delete of an unknown configuration": (
        lambda m, c: c.delete_slack_channel_configuration(teamId=OTHER_TEAM_ID, channelId=CHANNEL_ID),
        ("ResourceNotFoundException", 404),
    ),
    "delete of a workspace with a live chat": (
        lambda m, c: c.delete_slack_workspace_configuration(teamId=TEAM_ID),
        ("ConflictException", 409),
    ),
    "delete of an unknown workspace": (
        lambda m, c: c.delete_slack_workspace_configuration(teamId="T-unknown"),
        ("ResourceNotFoundException", 404),
    ),
    "register outside an organization": (
        lambda m, c: c.register_slack_workspace_for_organization(teamId=TEAM_ID),
        ("ConflictException", 409),
    ),
    "register from a member before the management account": (
        lambda m, c: new_client(MEMBER_ACCOUNT).register_slack_workspace_for_organization(teamId=OTHER_TEAM_ID),
        ("ConflictException", 409),
    ),
    "register from a member over its workspace quota": (
        lambda m, c: new_client(MEMBER_ACCOUNT).register_slack_workspace_for_organization(teamId=TEAM_ID),
        ("ServiceQuotaExceededException", 402),
    ),
    "register by the management of a workspace it never authorised": (
        lambda m, c: new_client(MANAGEMENT_ACCOUNT).register_slack_workspace_for_organization(teamId="T-unknown"),
        ("ResourceNotFoundException", 404),
    ),
    "put of an alias breaking the model": (
        lambda m, c: c.put_account_alias(accountAlias="a" * 31),
        ("ValidationException", 400),
    ),
    "delete of an alias that is not set": (
        lambda m, c: new_client(OTHER_ACCOUNT).delete_account_alias(),
        ("ResourceNotFoundException", 404),
    ),
    "list with a forged token": (
        lambda m, c: c.list_slack_channel_configurations(nextToken="forged"),
        ("ValidationException", 400),
    ),
    "seeding a workspace over the quota": (
        lambda m, c: m.support_app.authorize_slack_workspace("T-sixth", "sixth", account_id=MEMBER_ACCOUNT),
        ("ServiceQuotaExceededException", 402),
    ),
    "seeding an organization with an account already in one": (
        lambda m, c: m.create_organization(OTHER_ACCOUNT, [MEMBER_ACCOUNT]),
        ("ConflictException", 409),
    ),
}

PREPARATIONS = {
    # Cases whose refusal needs one more step than the shared world.
    "create over the channel quota": lambda m, c: [create_channel(c, channel_id=f"C{i:02d}") for i in range(18)],
}


def everything(clients):
    return {account: account_state(client) for account, client in clients.items()}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_refused_request_changes_no_state(chatbot_mock, support_app, case):
    world(chatbot_mock, support_app)
    PREPARATIONS.get(case, lambda m, c: None)(chatbot_mock, support_app)
    clients = {account: new_client(account) for account in ACCOUNTS}
    before = everything(clients)
    refusal, (code, status) = REFUSALS[case]

    with raises_service_error(code, status):
        refusal(chatbot_mock, support_app)

    assert everything(clients) == before


def test_a_refused_start_live_chat_records_no_chat(chatbot_mock, support_app, workspace):
    with raises_service_error("ResourceNotFoundException", 404):
        chatbot_mock.support_app.start_live_chat(TEAM_ID, CHANNEL_ID)
    create_channel(support_app)

    support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID)
