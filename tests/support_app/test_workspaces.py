"""ListSlackWorkspaceConfigurations and DeleteSlackWorkspaceConfiguration.

Workspaces arrive through the console (``m.support_app.authorize_slack_workspace``) or
RegisterSlackWorkspaceForOrganization (see test_organizations.py), never through a create.
"""

from __future__ import annotations

from support_app_helpers import (
    CHANNEL_ID,
    OTHER_TEAM_ID,
    TEAM_ID,
    TEAM_NAME,
    channel_configurations,
    channel_ids,
    create_channel,
    raises_service_error,
    team_ids,
    workspace_configurations,
)


def test_list_answers_an_empty_list_when_no_workspace_is_authorised(support_app):
    response = support_app.list_slack_workspace_configurations()

    assert response["slackWorkspaceConfigurations"] == []
    assert "nextToken" not in response


def test_authorised_workspace_is_listed_with_its_name_and_closed_to_the_organization(support_app, workspace):
    assert workspace_configurations(support_app) == [
        {"teamId": TEAM_ID, "teamName": TEAM_NAME, "allowOrganizationMemberAccount": False}
    ]


def test_workspaces_are_listed_in_authorisation_order(support_app, chatbot_mock):
    for team_id in ("T3", "T1", "T2"):
        chatbot_mock.support_app.authorize_slack_workspace(team_id, f"team {team_id}")

    assert team_ids(support_app) == ["T3", "T1", "T2"]


def test_delete_removes_the_workspace(support_app, workspace):
    response = support_app.delete_slack_workspace_configuration(teamId=TEAM_ID)

    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert workspace_configurations(support_app) == []


def test_delete_keeps_the_other_workspaces(support_app, chatbot_mock, workspace):
    chatbot_mock.support_app.authorize_slack_workspace(OTHER_TEAM_ID, "globex")

    support_app.delete_slack_workspace_configuration(teamId=TEAM_ID)

    assert team_ids(support_app) == [OTHER_TEAM_ID]


def test_delete_also_deletes_the_workspaces_channel_configurations(support_app, chatbot_mock, workspace):
    chatbot_mock.support_app.authorize_slack_workspace(OTHER_TEAM_ID, "globex")
    create_channel(support_app, channel_id="C1")
    create_channel(support_app, channel_id="C2", team_id=OTHER_TEAM_ID)
    create_channel(support_app, channel_id="C3")

    support_app.delete_slack_workspace_configuration(teamId=TEAM_ID)

    assert [(c["teamId"], c["channelId"]) for c in channel_configurations(support_app)] == [(OTHER_TEAM_ID, "C2")]


def test_channels_of_a_deleted_workspace_cannot_be_updated_any_more(support_app, workspace):
    create_channel(support_app)
    support_app.delete_slack_workspace_configuration(teamId=TEAM_ID)

    with raises_service_error(
        "ConflictException", 409, "before you add the Slack workspace",
        advice=["m.support_app.authorize_slack_workspace"],
    ):
        support_app.update_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID, channelName="x")


def test_a_reauthorised_workspace_starts_without_channel_configurations(support_app, chatbot_mock, workspace):
    create_channel(support_app)
    support_app.delete_slack_workspace_configuration(teamId=TEAM_ID)

    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME)

    assert team_ids(support_app) == [TEAM_ID]
    assert channel_configurations(support_app) == []


def test_delete_of_an_unknown_workspace_is_not_found(support_app):
    with raises_service_error("ResourceNotFoundException", 404, "Slack workspace", TEAM_ID, "is not configured"):
        support_app.delete_slack_workspace_configuration(teamId=TEAM_ID)


def test_delete_twice_is_not_found_the_second_time(support_app, workspace):
    support_app.delete_slack_workspace_configuration(teamId=TEAM_ID)

    with raises_service_error("ResourceNotFoundException", 404):
        support_app.delete_slack_workspace_configuration(teamId=TEAM_ID)


def test_delete_of_a_workspace_with_an_active_live_chat_is_a_conflict(support_app, chatbot_mock, workspace):
    create_channel(support_app)
    chatbot_mock.support_app.start_live_chat(TEAM_ID, CHANNEL_ID)

    with raises_service_error("ConflictException", 409, "active live chat", TEAM_ID):
        support_app.delete_slack_workspace_configuration(teamId=TEAM_ID)

    assert team_ids(support_app) == [TEAM_ID]
    assert channel_ids(support_app) == [CHANNEL_ID]


def test_delete_of_a_workspace_succeeds_once_its_live_chat_has_ended(support_app, chatbot_mock, workspace):
    create_channel(support_app)
    chatbot_mock.support_app.start_live_chat(TEAM_ID, CHANNEL_ID)
    chatbot_mock.support_app.end_live_chat(TEAM_ID, CHANNEL_ID)

    support_app.delete_slack_workspace_configuration(teamId=TEAM_ID)

    assert workspace_configurations(support_app) == []


def test_a_live_chat_in_another_workspace_does_not_block_the_delete(support_app, chatbot_mock, workspace):
    chatbot_mock.support_app.authorize_slack_workspace(OTHER_TEAM_ID, "globex")
    create_channel(support_app, team_id=OTHER_TEAM_ID)
    chatbot_mock.support_app.start_live_chat(OTHER_TEAM_ID, CHANNEL_ID)

    support_app.delete_slack_workspace_configuration(teamId=TEAM_ID)

    assert team_ids(support_app) == [OTHER_TEAM_ID]
