"""The seeding API for what only the console (or AWS Organizations) does:
``m.support_app.authorize_slack_workspace``, ``start_live_chat``, ``end_live_chat`` and
``m.create_organization``. A step that breaks a rule raises the same
``botocore.exceptions.ClientError`` a boto3 user would catch, never a ValueError."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError
from support_app_helpers import (
    CHANNEL_ID,
    MANAGEMENT_ACCOUNT,
    MEMBER_ACCOUNT,
    OTHER_ACCOUNT,
    TEAM_ID,
    TEAM_NAME,
    create_channel,
    raises_service_error,
    team_ids,
    workspace_configurations,
)

from chatbot_mock import ChatbotMock

# -- authorize_slack_workspace --------------------------------------------------------------------


def test_authorize_adds_the_workspace_to_the_account_api_calls_use(support_app, chatbot_mock):
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME)

    assert team_ids(support_app) == [TEAM_ID]


def test_authorize_with_an_account_id_adds_the_workspace_to_that_account_only(support_app, client_for, chatbot_mock):
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=OTHER_ACCOUNT)

    assert team_ids(client_for(OTHER_ACCOUNT)) == [TEAM_ID]
    assert team_ids(support_app) == []


@pytest.mark.chatbot_mock(account_id=OTHER_ACCOUNT)
def test_authorize_uses_the_account_of_the_marker(support_app, client_for, chatbot_mock):
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME)

    assert team_ids(support_app) == [TEAM_ID]
    assert team_ids(client_for(OTHER_ACCOUNT)) == [TEAM_ID]


def test_authorize_inside_as_account_uses_that_account(client_for, chatbot_mock):
    with chatbot_mock.as_account(OTHER_ACCOUNT):
        chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME)

    assert team_ids(client_for(OTHER_ACCOUNT)) == [TEAM_ID]


def test_authorizing_a_workspace_again_renames_it(support_app, chatbot_mock, workspace):
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, "acme renamed")

    assert workspace_configurations(support_app) == [
        {"teamId": TEAM_ID, "teamName": "acme renamed", "allowOrganizationMemberAccount": False}
    ]


def test_authorizing_a_sixth_workspace_raises_client_error_402(chatbot_mock, caplog):
    for index in range(5):
        chatbot_mock.support_app.authorize_slack_workspace(f"T{index}", f"team {index}")

    with pytest.raises(ClientError) as excinfo:
        chatbot_mock.support_app.authorize_slack_workspace("T5", "team 5")

    assert not isinstance(excinfo.value, ValueError)
    assert excinfo.value.response["Error"]["Code"] == "ServiceQuotaExceededException"
    assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == 402
    assert "maximum of 5 Slack workspaces" in excinfo.value.response["Error"]["Message"]
    assert excinfo.value.operation_name == "AuthorizeSlackWorkspace"
    # The quota setting that applies is the mock's advice, logged beside the error.
    assert "support_app_workspaces_per_account" not in excinfo.value.response["Error"]["Message"]
    advice = [record for record in caplog.records if "support_app_workspaces_per_account" in record.message]
    assert [(record.name, record.levelname) for record in advice] == [("chatbot_mock", "WARNING")]


# -- start_live_chat / end_live_chat ----------------------------------------------------------------


def test_start_live_chat_on_an_unconfigured_channel_raises_not_found(chatbot_mock, workspace):
    with raises_service_error("ResourceNotFoundException", 404, "configure the channel before starting a live chat"):
        chatbot_mock.support_app.start_live_chat(TEAM_ID, CHANNEL_ID)


def test_start_live_chat_in_another_account_than_the_configuration_raises_not_found(chatbot_mock, channel):
    with raises_service_error("ResourceNotFoundException", 404, OTHER_ACCOUNT):
        chatbot_mock.support_app.start_live_chat(TEAM_ID, CHANNEL_ID, account_id=OTHER_ACCOUNT)


def test_start_live_chat_with_an_account_id_blocks_deletes_in_that_account(chatbot_mock, client_for):
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=OTHER_ACCOUNT)
    other = client_for(OTHER_ACCOUNT)
    create_channel(other)

    chatbot_mock.support_app.start_live_chat(TEAM_ID, CHANNEL_ID, account_id=OTHER_ACCOUNT)

    with raises_service_error("ConflictException", 409, "active live chat"):
        other.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID)


def test_starting_a_live_chat_twice_needs_one_end(support_app, chatbot_mock, channel):
    chatbot_mock.support_app.start_live_chat(TEAM_ID, CHANNEL_ID)
    chatbot_mock.support_app.start_live_chat(TEAM_ID, CHANNEL_ID)
    chatbot_mock.support_app.end_live_chat(TEAM_ID, CHANNEL_ID)

    support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID)


def test_end_live_chat_without_a_chat_is_harmless(chatbot_mock):
    chatbot_mock.support_app.end_live_chat(TEAM_ID, CHANNEL_ID)


def test_end_live_chat_twice_is_harmless(support_app, chatbot_mock, channel):
    chatbot_mock.support_app.start_live_chat(TEAM_ID, CHANNEL_ID)
    chatbot_mock.support_app.end_live_chat(TEAM_ID, CHANNEL_ID)
    chatbot_mock.support_app.end_live_chat(TEAM_ID, CHANNEL_ID)

    support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID)


# -- create_organization ----------------------------------------------------------------------------


def test_create_organization_with_a_management_account_already_in_one_raises_conflict(chatbot_mock):
    chatbot_mock.create_organization(MANAGEMENT_ACCOUNT, [MEMBER_ACCOUNT])

    with raises_service_error("ConflictException", 409, MANAGEMENT_ACCOUNT, "already belong to an organization"):
        chatbot_mock.create_organization(MANAGEMENT_ACCOUNT, [OTHER_ACCOUNT])


def test_create_organization_with_a_member_already_in_one_raises_conflict(chatbot_mock):
    chatbot_mock.create_organization(MANAGEMENT_ACCOUNT, [MEMBER_ACCOUNT])

    with raises_service_error("ConflictException", 409, MEMBER_ACCOUNT, "already belong to an organization"):
        chatbot_mock.create_organization(OTHER_ACCOUNT, [MEMBER_ACCOUNT])


def test_a_refused_create_organization_leaves_the_new_management_account_outside(chatbot_mock, client_for):
    chatbot_mock.create_organization(MANAGEMENT_ACCOUNT, [MEMBER_ACCOUNT])
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=OTHER_ACCOUNT)
    with raises_service_error("ConflictException", 409):
        chatbot_mock.create_organization(OTHER_ACCOUNT, [MEMBER_ACCOUNT])

    with raises_service_error("ConflictException", 409, "doesn't belong to an organization"):
        client_for(OTHER_ACCOUNT).register_slack_workspace_for_organization(teamId=TEAM_ID)


def test_create_organization_with_an_account_id_that_is_not_12_digits_raises_value_error(chatbot_mock):
    # A malformed argument is a mistake in the test, not a rule of the service.
    with pytest.raises(ValueError, match="12 digits"):
        chatbot_mock.create_organization("12345", [MEMBER_ACCOUNT])


def test_a_management_account_may_list_itself_among_its_members(chatbot_mock, client_for):
    chatbot_mock.create_organization(MANAGEMENT_ACCOUNT, [MANAGEMENT_ACCOUNT, MEMBER_ACCOUNT])
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=MANAGEMENT_ACCOUNT)

    response = client_for(MANAGEMENT_ACCOUNT).register_slack_workspace_for_organization(teamId=TEAM_ID)

    assert response["accountType"] == "management"


# -- state lifetime ----------------------------------------------------------------------------------


def test_reset_forgets_every_seeded_workspace(support_app, chatbot_mock, workspace):
    chatbot_mock.reset()

    assert team_ids(support_app) == []


def test_seeding_without_an_active_mock_raises_runtime_error():
    idle = ChatbotMock()

    with pytest.raises(RuntimeError, match="no chatbot_mock is active"):
        idle.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME)


@pytest.mark.parametrize(
    "team_id, team_name, fragment",
    [
        ("T012 ABC", TEAM_NAME, "Value 'T012 ABC' at 'teamId' failed to satisfy constraint"),
        ("", TEAM_NAME, "at 'teamId' failed to satisfy constraint: Member must have length greater than or equal to 1"),
        ("T" * 257, TEAM_NAME, "at 'teamId' failed to satisfy constraint: Member must have length less than or equal"),
        (None, TEAM_NAME, "Value null at 'teamId'"),
        (TEAM_ID, "", "at 'teamName' failed to satisfy constraint: Member must have length greater than or equal to 1"),
        (TEAM_ID, "n" * 257, "at 'teamName' failed to satisfy constraint: Member must have length less than or equal"),
    ],
    ids=["team-id-with-space", "empty-team-id", "long-team-id", "no-team-id", "empty-team-name", "long-team-name"],
)
def test_authorize_refuses_values_the_api_could_never_answer(support_app, chatbot_mock, team_id, team_name, fragment):
    # A workspace the model forbids would make every later listing break its output shape.
    with raises_service_error("ValidationException", 400, fragment):
        chatbot_mock.support_app.authorize_slack_workspace(team_id, team_name)

    assert team_ids(support_app) == []
